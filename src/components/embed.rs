//! The "Embed this" panel of the standalone page: which part to embed and
//! for what kind of page (a web page, an AMP page: radio buttons), the
//! embed code to copy, and a copy button whose result is announced
//! politely; where the site answers oEmbed, a line saying that WordPress
//! needs only the page's address.
//!
//! The panel is an island ([`EmbedPanelIsland`]): rendered to HTML with the
//! page, hydrated in the browser. The codes themselves are made at build
//! time (`Story::embed_codes`), carried in its props, and tested natively.
//! The code appears once the island runs (it names the page's own origin);
//! the panel needs the script and is hidden without it, in print and in the
//! embed view (`style/embed.css`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::embed::{self as embed_rules, FORMAT_NAME, RADIO_NAME};
use crate::messages::Say;
use crate::words::Voice;
#[cfg(feature = "render")]
use crate::{
    embed::Mode,
    i18n::Locale,
    story::{outline::EmbedCode, Story},
};

/// One view a newsroom can embed: the radio's value and label, and its
/// codes for a web page and an AMP page (with [`embed_rules::ORIGIN`] where
/// the page's origin goes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbedOption {
    /// The view (`all`, `timeline`...).
    pub view: String,
    /// Its label (the whole explainer, or the part's heading).
    pub label: String,
    /// The code for a web page.
    pub html: String,
    /// The code for an AMP page.
    pub amp: String,
}

/// The panel's words and codes, made at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbedView {
    /// "Embed this".
    pub heading: String,
    /// What it is for.
    pub intro: String,
    /// That a CMS needs only the address (a site that answers oEmbed).
    pub cms: Option<String>,
    /// The views' legend.
    pub what: String,
    /// The formats' legend, then the web page's and the AMP page's labels.
    pub format: [String; 3],
    /// The code's label.
    pub code: String,
    /// The copy button.
    pub copy: String,
    /// The views, the whole explainer first.
    pub options: Vec<EmbedOption>,
    /// What it says.
    pub voice: Voice,
}

/// The panel, rendered at build time from the story: its island's props.
#[cfg(feature = "render")]
#[component]
pub fn EmbedPanel(
    /// The story (for the part headings).
    story: &'static Story,
    /// The edition's locale.
    t: &'static Locale,
    /// True when the site answers oEmbed (it was built with its address).
    #[prop(optional)]
    oembed: bool,
    /// The codes of each view (`Story::embed_codes`).
    #[prop(optional)]
    codes: Vec<EmbedCode>,
) -> impl IntoView {
    let options = [Mode::Whole]
        .into_iter()
        .chain(story.embeddable().map(Mode::Only))
        .map(|m| {
            let code = codes.iter().find(|c| Some(c.view.as_str()) == m.attr());
            EmbedOption {
                view: m.attr().unwrap_or_default().to_owned(),
                label: match m {
                    Mode::Only(p) => story.heading_of(p).unwrap_or_default().to_owned(),
                    _ => t.text("embed-whole"),
                },
                html: code.map(|c| c.html.clone()).unwrap_or_default(),
                amp: code.map(|c| c.amp.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let panel = EmbedView {
        heading: t.text("embed-heading"),
        intro: t.text("embed-intro"),
        cms: oembed.then(|| t.text("embed-cms")),
        what: t.text("embed-what"),
        format: [
            t.text("embed-format"),
            t.text("embed-format-html"),
            t.text("embed-format-amp"),
        ],
        code: t.text("embed-code"),
        copy: t.text("embed-copy"),
        options,
        voice: t.voice(&SAYS),
    };
    crate::props::carry_near("embed", panel, || view! { <EmbedPanelIsland /> })
}

/// The runtime messages the panel says.
pub const SAYS: [&str; 2] = ["embed-copied", "embed-copy-refused"];

/// The "Embed this" panel, an island: the code of the view and the kind of
/// page checked (which the browser may have restored before the wasm
/// arrived), with this page's origin; selected on focus; copied with the
/// button, said in a polite status line.
// Loaded when the reader comes near it (feature `lazy`: its code is a
// wasm file of its own, see `props::carry_near`).
#[cfg_attr(feature = "lazy", island(lazy))]
#[cfg_attr(not(feature = "lazy"), island)]
pub fn EmbedPanelIsland() -> impl IntoView {
    let EmbedView {
        heading,
        intro,
        cms,
        what,
        format: [format, html_label, amp_label],
        code: code_label,
        copy: copy_label,
        options,
        voice,
    } = crate::props::take_near("embed");
    let view = RwSignal::new(0usize);
    let amp = RwSignal::new(false);
    let origin = RwSignal::new(None::<String>);
    let said = RwSignal::new(String::new());
    let radios: Vec<NodeRef<leptos::html::Input>> =
        options.iter().map(|_| NodeRef::new()).collect();
    let amp_radio = NodeRef::<leptos::html::Input>::new();
    let codes: Vec<(String, String)> = options
        .iter()
        .map(|o| (o.html.clone(), o.amp.clone()))
        .collect();
    let codes = StoredValue::new(codes);
    let voice = StoredValue::new(voice);
    // In the browser: the page's origin, and what the browser restored.
    {
        let radios = radios.clone();
        Effect::new(move |_| {
            origin.set(crate::browser::window().location().origin().ok());
            if let Some(k) = radios
                .iter()
                .position(|r| r.get_untracked().is_some_and(|r| r.checked()))
            {
                view.set(k);
            }
            amp.set(amp_radio.get_untracked().is_some_and(|r| r.checked()));
        });
    }
    // The code: empty until the page's origin is known.
    let code = move || {
        let origin = origin.get()?;
        let (html, amp_code) = codes.with_value(|c| c.get(view.get()).cloned())?;
        let text = if amp.get() { amp_code } else { html };
        Some(text.replace(embed_rules::ORIGIN, &origin))
    };
    let copy = move |_| {
        said.set(String::new());
        let text = code().unwrap_or_default();
        leptos::task::spawn_local(async move {
            let key = if crate::clipboard::copy(&text).await {
                "embed-copied"
            } else {
                "embed-copy-refused"
            };
            said.set(voice.with_value(|v| v.say(&Say::new(key))));
        });
    };
    let choices = options
        .into_iter()
        .zip(radios)
        .enumerate()
        .map(|(k, (o, node))| {
            view! {
                <label class="ex-embed__option">
                    <input
                        type="radio"
                        name=RADIO_NAME
                        value=o.view
                        checked=k == 0
                        node_ref=node
                        on:change=move |_| {
                            view.set(k);
                            said.set(String::new());
                        }
                    />
                    " "
                    {o.label}
                </label>
            }
        })
        .collect_view();
    let format_choice = move |value: &'static str, label: String| {
        let is_amp = value == "amp";
        view! {
            <label class="ex-embed__option">
                <input
                    type="radio"
                    name=FORMAT_NAME
                    value=value
                    checked=!is_amp
                    node_ref=if is_amp { amp_radio } else { NodeRef::new() }
                    on:change=move |_| {
                        amp.set(is_amp);
                        said.set(String::new());
                    }
                />
                " "
                {label}
            </label>
        }
    };

    view! {
        <section id="embed" class="ex-embed ex-needs-js ex-no-print" aria-labelledby="ex-embed-heading">
            <h2 id="ex-embed-heading" class="ex-section-heading">{heading}</h2>
            <p>{intro}</p>
            {cms.map(|c| view! { <p class="ex-embed__cms">{c}</p> })}
            <fieldset class="ex-embed__options">
                <legend>{what}</legend>
                {choices}
            </fieldset>
            <fieldset class="ex-embed__options">
                <legend>{format}</legend>
                {format_choice("html", html_label)}
                {format_choice("amp", amp_label)}
            </fieldset>
            <label class="ex-embed__label" for="ex-embed-code">{code_label}</label>
            <textarea
                id="ex-embed-code"
                class="ex-embed__code"
                readonly
                rows="5"
                spellcheck="false"
                prop:value=move || code().unwrap_or_default()
                on:focusin=move |e| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        t.select();
                    }
                }
            ></textarea>
            <div class="ex-embed__actions">
                <button type="button" class="ex-button" on:click=copy>{copy_label}</button>
                <p class="ex-embed__status" role="status">{move || said.get()}</p>
            </div>
        </section>
    }
}
