//! Evergreen context: collapsible sections readers can open, link to, find
//! in page and print.
//!
//! Each section is a native `<details>` with a real heading in its
//! `<summary>`: Enter and Space toggle it, the browser's find-in-page opens
//! it, and it works before (and without) the script.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement};

use crate::deeplink;
use crate::live;
use crate::story::{Block, Context, ContextOutline, Item};

/// What the live region says after "Expand all" or "Collapse all".
pub fn all_toggled_message(expanded: bool, count: usize) -> String {
    match (expanded, count) {
        (true, 1) => "The section is expanded.".to_owned(),
        (true, n) => format!("All {n} sections expanded."),
        (false, 1) => "The section is collapsed.".to_owned(),
        (false, n) => format!("All {n} sections collapsed."),
    }
}

/// The context block: a labelled region of collapsible sections with
/// "Expand all" and "Collapse all", deep links and a polite status line.
///
/// The sections are plain markup (native `<details>`, open as the story
/// says), rendered into the page at build time and never re-rendered: what
/// the reader, find-in-page or a text fragment opens stays open. Only
/// [`ContextTools`] is live in the browser: [`wire`] brings it to life in
/// its pre-rendered block (`data-ex-part="context"`).
#[component]
pub fn ContextSections(
    /// The story's context.
    context: &'static Context,
) -> impl IntoView {
    view! {
        <section id="context" class="ex-context" aria-labelledby="ex-context-heading">
            <h2 id="ex-context-heading" class="ex-section-heading">{context.heading}</h2>
            <div class="ex-context__tools ex-no-print" data-ex-part=crate::Part::Context.name()>
                <ContextTools />
            </div>
            {context
                .sections
                .iter()
                .map(|section| {
                    let heading_id = format!("{}-heading", section.slug);
                    view! {
                        <details id=section.slug class="ex-disclosure" open=section.open>
                            <summary class="ex-disclosure__summary">
                                <h3 id=heading_id class="ex-disclosure__title">{section.title}</h3>
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
/// status line. Static markup: [`wire`] makes it work.
#[component]
pub fn ContextTools() -> impl IntoView {
    view! {
        <button type="button" class="ex-button" data-ex-open="true">
            "Expand all"
        </button>
        <button type="button" class="ex-button" data-ex-open="false">
            "Collapse all"
        </button>
        <p class="ex-visually-hidden" role="status"></p>
    }
}

/// Brings the tools rendered by [`ContextTools`] under `root` to life, with
/// the deep links: "Expand all" and "Collapse all" act on the sections'
/// `<details>` (by id) and say so; `#slug` on start and on `hashchange`
/// opens and shows that section; and the address follows the sections the
/// reader opens (`history.replaceState`). Browser only.
pub fn wire(root: &Element, outline: &'static ContextOutline) {
    let status = live::find(root, "[role=status]");
    live::on(root, "click", move |e| {
        let Some(button) = live::target_in(&e, "[data-ex-open]") else {
            return;
        };
        let open = button.get_attribute("data-ex-open").as_deref() == Some("true");
        for slug in outline.slugs {
            if let Some(d) = details(slug) {
                d.set_open(open);
            }
        }
        if let Some(status) = &status {
            live::set_text(status, &all_toggled_message(open, outline.slugs.len()));
        }
    });

    let show = move || {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(i) = deeplink::find(&hash, "", outline.slugs.iter().copied()) {
            if let Some(d) = details(outline.slugs[i]) {
                d.set_open(true);
            }
            reveal(outline.slugs[i]);
        }
    };
    show();
    live::on(&window(), "hashchange", move |_| show());
    // A click on a section's summary (also Enter or Space on it) comes
    // before the toggle: the section is about to open when it is closed.
    live::on(&document(), "click", move |e| {
        let Some(d) = live::target_in(&e, ".ex-disclosure > summary")
            .and_then(|s| s.parent_element())
            .and_then(|d| d.dyn_into::<HtmlDetailsElement>().ok())
        else {
            return;
        };
        let id = d.id();
        if let Some(slug) = outline.slugs.iter().find(|s| **s == id) {
            remember(slug, !d.open());
        }
    });
}

/// The section `<details>` with this id.
fn details(id: &str) -> Option<HtmlDetailsElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Scrolls a section into view once it has been laid out open.
fn reveal(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    });
}

/// Keeps the address in step with what the reader opened, without adding
/// history entries: opening sets `#slug`; closing the linked one clears it.
fn remember(slug: &str, opening: bool) {
    if opening {
        deeplink::replace_fragment(Some(slug));
    } else if deeplink::current().as_deref() == Some(slug) {
        deeplink::replace_fragment(None);
    }
}

fn block(b: &'static Block) -> impl IntoView {
    match b {
        Block::Paragraph(p) => EitherOf3::A(view! { <p>{*p}</p> }),
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
        .then(|| view! { <ul class="ex-list">{i.items.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul> });
    let term_sep = i.text.is_some().then_some(": ");
    view! {
        <li>
            {i.term.map(|t| view! { <strong class="ex-list__term">{t}</strong> {term_sep}})}
            {i.text}
            {sub}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::all_toggled_message;

    #[test]
    fn announcements_count_sections() {
        assert_eq!(all_toggled_message(true, 10), "All 10 sections expanded.");
        assert_eq!(all_toggled_message(false, 10), "All 10 sections collapsed.");
        assert_eq!(all_toggled_message(true, 1), "The section is expanded.");
    }
}
