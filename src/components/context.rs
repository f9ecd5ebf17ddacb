//! Evergreen context: collapsible sections readers can open, link to, find
//! in page and print.
//!
//! Each section is a native `<details>` with a real heading in its
//! `<summary>`: Enter and Space toggle it, the browser's find-in-page opens
//! it, and it works before (and without) the script.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::i18n::Locale;
use crate::part::Part;
use crate::story::{Block, Context, Item};

/// The context block: a labelled region of collapsible sections with
/// "Expand all" and "Collapse all", deep links and a polite status line.
///
/// The sections are plain markup (native `<details>`, open as the story
/// says), rendered into the page at build time and never re-rendered: what
/// the reader, find-in-page or a text fragment opens stays open. Only
/// [`ContextTools`] is live in the browser: `runtime::context::wire` brings
/// it to life in its pre-rendered block (`data-ex-part="context"`).
#[component]
pub fn ContextSections(
    /// The story's context.
    context: &'static Context,
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    view! {
        <section id="context" class="ex-context" aria-labelledby="ex-context-heading">
            <h2 id="ex-context-heading" class="ex-section-heading">{context.heading.as_str()}</h2>
            <div class="ex-context__tools ex-no-print" data-ex-part=Part::Context.name()>
                <ContextTools t=t />
            </div>
            {context
                .sections
                .iter()
                .map(|section| {
                    let heading_id = format!("{}-heading", section.slug);
                    view! {
                        <details id=section.slug.as_str() class="ex-disclosure" open=section.open>
                            <summary class="ex-disclosure__summary">
                                <h3 id=heading_id class="ex-disclosure__title">{section.title.as_str()}</h3>
                            </summary>
                            <div class="ex-disclosure__body">
                                {section.blocks.iter().map(block).collect_view()}
                            </div>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The context's tools: "Expand all" and "Collapse all" and their polite
/// status line. Static markup: `runtime::context::wire` makes it work.
#[component]
pub fn ContextTools(
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    view! {
        <button type="button" class="ex-button" data-ex-open="true">
            {t.text("context-expand-all")}
        </button>
        <button type="button" class="ex-button" data-ex-open="false">
            {t.text("context-collapse-all")}
        </button>
        <p class="ex-visually-hidden" role="status"></p>
    }
}

fn block(b: &'static Block) -> impl IntoView {
    match b {
        Block::Paragraph(p) => EitherOf3::A(view! { <p>{p.as_str()}</p> }),
        Block::Bullets(items) => {
            EitherOf3::B(view! { <ul class="ex-list">{items.iter().map(item).collect_view()}</ul> })
        }
        Block::Steps(items) => EitherOf3::C(
            view! { <ol class="ex-list ex-list--steps">{items.iter().map(item).collect_view()}</ol> },
        ),
    }
}

fn item(i: &'static Item) -> impl IntoView {
    let sub = (!i.items.is_empty())
        .then(|| view! { <ul class="ex-list">{i.items.iter().map(|s| view! { <li>{s.as_str()}</li> }).collect_view()}</ul> });
    let term_sep = i.text.is_some().then_some(": ");
    view! {
        <li>
            {i.term.as_deref().map(|t| view! { <strong class="ex-list__term">{t}</strong> {term_sep}})}
            {i.text.as_deref()}
            {sub}
        </li>
    }
}
