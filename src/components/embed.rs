//! The "Embed this" panel of the standalone page: which part to embed and
//! for what kind of page (a web page, an AMP page: radio buttons), the
//! embed code to copy, and a copy button whose result is announced
//! politely; where the site answers oEmbed, a line saying that WordPress
//! needs only the page's address.
//!
//! The panel is rendered to HTML with the page ([`EmbedPanel`], static
//! markup) and brought to life in the browser by `runtime::embed::wire`: a
//! few listeners on that markup, no reactive view. The codes themselves are
//! made at build time (`Story::embed_codes`), carried by the view options
//! (`data-ex-html`, `data-ex-amp`), and tested natively. The code appears once the
//! runtime runs (it names the page's own origin); the panel needs the
//! script and is hidden without it, in print and in the embed view
//! (`style/embed.css`).

use leptos::prelude::*;

use crate::embed::{Mode, EMBEDDABLE, FORMAT_NAME, RADIO_NAME};
use crate::i18n::Locale;
use crate::part::Part;
use crate::story::outline::EmbedCode;
use crate::story::Story;

/// The heading of an embeddable part, from the story.
fn heading(story: &'static Story, part: Part) -> &'static str {
    match part {
        Part::Context => &story.context.heading,
        Part::Timeline => &story.timeline.heading,
        Part::Poll => &story.poll.heading,
        Part::Embed => "",
    }
}

/// The panel's markup (static: `runtime::embed::wire` makes it work).
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
    let option = move |m: Mode| {
        let code = codes
            .iter()
            .find(|c| Some(c.view.as_str()) == m.attr())
            .cloned();
        let (html, amp) = code.map(|c| (c.html, c.amp)).unzip();
        let label = match m {
            Mode::Only(p) => heading(story, p).to_owned(),
            _ => t.text("embed-whole"),
        };
        view! {
            <label class="ex-embed__option">
                <input
                    type="radio"
                    name=RADIO_NAME
                    value=m.attr()
                    checked=m == Mode::Whole
                    data-ex-html=html
                    data-ex-amp=amp
                />
                " "
                {label}
            </label>
        }
    };
    let options = [Mode::Whole]
        .into_iter()
        .chain(EMBEDDABLE.map(Mode::Only))
        .map(option)
        .collect_view();
    let format = move |value: &'static str, key: &'static str| {
        view! {
            <label class="ex-embed__option">
                <input type="radio" name=FORMAT_NAME value=value checked=value == "html" />
                " "
                {t.text(key)}
            </label>
        }
    };

    view! {
        <section id="embed" class="ex-embed ex-needs-js ex-no-print" aria-labelledby="ex-embed-heading">
            <h2 id="ex-embed-heading" class="ex-section-heading">{t.text("embed-heading")}</h2>
            <p>{t.text("embed-intro")}</p>
            {oembed.then(|| view! { <p class="ex-embed__cms">{t.text("embed-cms")}</p> })}
            <fieldset class="ex-embed__options">
                <legend>{t.text("embed-what")}</legend>
                {options}
            </fieldset>
            <fieldset class="ex-embed__options">
                <legend>{t.text("embed-format")}</legend>
                {format("html", "embed-format-html")}
                {format("amp", "embed-format-amp")}
            </fieldset>
            <label class="ex-embed__label" for="ex-embed-code">{t.text("embed-code")}</label>
            <textarea
                id="ex-embed-code"
                class="ex-embed__code"
                readonly
                rows="5"
                spellcheck="false"
            ></textarea>
            <div class="ex-embed__actions">
                <button type="button" class="ex-button">{t.text("embed-copy")}</button>
                <p class="ex-embed__status" role="status"></p>
            </div>
        </section>
    }
}
