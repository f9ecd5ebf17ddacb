//! The "Embed this" panel of the standalone page: which part to embed
//! (radio buttons), the embed code to copy, and a copy button whose result
//! is announced politely.
//!
//! The panel is rendered to HTML with the page ([`EmbedPanel`], static
//! markup) and brought to life in the browser by [`wire`]: a few listeners
//! on that markup, no reactive view, so the panel adds little to the wasm.
//! The code itself is built by [`crate::embed`] and tested natively. The
//! page's address and title are read by `wire`, so the code appears once the
//! app runs; the panel needs the script and is hidden without it, in print
//! and in the embed view (`style/embed.css`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use crate::clipboard;
use crate::embed::{self, Mode, EMBEDDABLE};
use crate::{Part, Parts};

/// What the status line says after a successful copy.
pub const COPIED: &str = "Embed code copied.";

/// The `name` of the radio buttons.
const RADIO_NAME: &str = "ex-embed-part";

/// The heading of an embeddable part, from the story.
fn heading(parts: Parts, part: Part) -> &'static str {
    match part {
        Part::Context => parts.context.heading,
        Part::Timeline => parts.timeline.heading,
        Part::Poll => parts.poll.heading,
        Part::Embed => "",
    }
}

/// The iframe's accessible name: the page title, after the part's heading
/// for a part alone.
fn frame_title(parts: Parts, mode: Mode, page_title: &str) -> String {
    match mode {
        Mode::Only(part) => {
            let mut t = heading(parts, part).to_owned();
            if !page_title.is_empty() {
                t.push_str(" – ");
                t.push_str(page_title);
            }
            t
        }
        _ => page_title.to_owned(),
    }
}

/// The panel's markup (static: [`wire`] makes it work).
#[component]
pub fn EmbedPanel(
    /// The story's live parts (for the part headings).
    parts: Parts,
) -> impl IntoView {
    let option = move |m: Mode| {
        let label = match m {
            Mode::Only(p) => heading(parts, p),
            _ => "The whole explainer",
        };
        view! {
            <label class="ex-embed__option">
                <input type="radio" name=RADIO_NAME value=m.attr() checked=m == Mode::Whole />
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

    view! {
        <section id="embed" class="ex-embed ex-needs-js ex-no-print" aria-labelledby="ex-embed-heading">
            <h2 id="ex-embed-heading" class="ex-section-heading">"Embed this"</h2>
            <p>
                "Put this explainer, or one of its parts, in your own page: the frame "
                "sizes itself to its content, and pages that use pym.js need nothing more."
            </p>
            <fieldset class="ex-embed__options">
                <legend>"What to embed"</legend>
                {options}
            </fieldset>
            <label class="ex-embed__label" for="ex-embed-code">"Embed code"</label>
            <textarea
                id="ex-embed-code"
                class="ex-embed__code"
                readonly
                rows="5"
                spellcheck="false"
            ></textarea>
            <div class="ex-embed__actions">
                <button type="button" class="ex-button">"Copy embed code"</button>
                <p class="ex-embed__status" role="status"></p>
            </div>
        </section>
    }
}

/// Brings the panel rendered by [`EmbedPanel`] under `root` to life: fills
/// in the code for this page's address (and the option checked, which the
/// browser may have restored), changes it with the options, selects it on
/// focus, and copies it with the button, saying so in the status line.
/// Browser only; does nothing when the markup is missing.
pub fn wire(root: &Element) {
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let (Some(code), Some(status)) = (find("textarea"), find("[role=status]")) else {
        return;
    };
    let code: HtmlTextAreaElement = code.unchecked_into();
    let location = window().location();
    let base = embed::base_url(
        &location.origin().unwrap_or_default(),
        &location.pathname().unwrap_or_default(),
    );
    let title = document().title();
    let show = {
        let code = code.clone();
        move |mode: Mode| {
            let frame = frame_title(Parts::GENERATED, mode, &title);
            code.set_value(&embed::snippet(&base, mode, &frame));
        }
    };
    let checked = find("input[type=radio]:checked")
        .map(|r| embed::named(&r.unchecked_into::<HtmlInputElement>().value()));
    show(checked.unwrap_or(Mode::Whole));

    let on_event = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        let e: web_sys::Event = e.unchecked_into();
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        match e.type_().as_str() {
            "change" if target.get_attribute("name").as_deref() == Some(RADIO_NAME) => {
                show(embed::named(
                    &target.unchecked_into::<HtmlInputElement>().value(),
                ));
                status.set_text_content(None);
            }
            "focusin" if target.tag_name() == "TEXTAREA" => code.select(),
            "click" if target.closest("button").ok().flatten().is_some() => {
                let text = code.value();
                let status = status.clone();
                status.set_text_content(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let said = match clipboard::copy(&text).await {
                        Ok(()) => COPIED,
                        Err(hint) => hint,
                    };
                    status.set_text_content(Some(said));
                });
            }
            _ => {}
        }
    })
    .into_js_value();
    for kind in ["change", "focusin", "click"] {
        let _ = root.add_event_listener_with_callback(kind, on_event.unchecked_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_named_after_the_page_and_part() {
        let parts = Parts::GENERATED;
        assert_eq!(frame_title(parts, Mode::Whole, "Talks"), "Talks");
        assert_eq!(
            frame_title(parts, Mode::Only(Part::Timeline), "Talks"),
            format!("{} – Talks", parts.timeline.heading)
        );
        assert_eq!(
            frame_title(parts, Mode::Only(Part::Poll), ""),
            parts.poll.heading
        );
    }
}
