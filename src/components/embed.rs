//! The "Embed this" panel of the standalone page: which part to embed
//! (radio buttons), the embed code to copy, and a copy button whose result
//! is announced politely.
//!
//! The panel is rendered to HTML with the page ([`EmbedPanel`], static
//! markup) and brought to life in the browser by `runtime::embed::wire`: a
//! few listeners on that markup, no reactive view. The code itself is built
//! by [`crate::embed`] and tested natively. The code appears once the
//! runtime runs (it names the page's own origin); the panel needs the
//! script and is hidden without it, in print and in the embed view
//! (`style/embed.css`).

use leptos::prelude::*;

use crate::embed::{Mode, EMBEDDABLE, RADIO_NAME};
use crate::i18n::Locale;
use crate::part::Part;
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
) -> impl IntoView {
    let option = move |m: Mode| {
        let label = match m {
            Mode::Only(p) => heading(story, p).to_owned(),
            _ => t.text("embed-whole"),
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
            <h2 id="ex-embed-heading" class="ex-section-heading">{t.text("embed-heading")}</h2>
            <p>{t.text("embed-intro")}</p>
            <fieldset class="ex-embed__options">
                <legend>{t.text("embed-what")}</legend>
                {options}
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
