//! Evergreen context: collapsible sections readers can open, link to, find
//! in page and print.
//!
//! Each section is a native `<details>` with a real heading in its
//! `<summary>`: Enter and Space toggle it, the browser's find-in-page opens
//! it, and it works before (and without) the script.

use leptos::either::EitherOf3;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlDetailsElement;

use crate::deeplink;
use crate::story::{Block, Context, Item};

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
#[component]
pub fn ContextSections(
    /// The story's context.
    context: &'static Context,
) -> impl IntoView {
    let open: Vec<RwSignal<bool>> = context
        .sections
        .iter()
        .map(|s| RwSignal::new(s.open))
        .collect();
    let status = RwSignal::new(String::new());
    let set_all = {
        let open = open.clone();
        move |value: bool| {
            for o in &open {
                o.set(value);
            }
            status.set(all_toggled_message(value, open.len()));
        }
    };
    let (expand, collapse) = (set_all.clone(), set_all);

    // Deep links: on load and on every hashchange, open and show the named section.
    let targets = open.clone();
    Effect::new(move |_| {
        let show = {
            let targets = targets.clone();
            move || {
                let hash = window().location().hash().unwrap_or_default();
                let slugs = context.sections.iter().map(|s| s.slug);
                if let Some(i) = deeplink::find(&hash, "", slugs) {
                    targets[i].set(true);
                    reveal(context.sections[i].slug);
                }
            }
        };
        show();
        let handle = window_event_listener(ev::hashchange, move |_| show());
        on_cleanup(move || handle.remove());
    });

    view! {
        <section id="context" class="ex-context" aria-labelledby="ex-context-heading">
            <h2 id="ex-context-heading" class="ex-section-heading">{context.heading}</h2>
            <div class="ex-context__tools ex-no-print">
                <button type="button" class="ex-button" on:click=move |_| expand(true)>
                    "Expand all"
                </button>
                <button type="button" class="ex-button" on:click=move |_| collapse(false)>
                    "Collapse all"
                </button>
                <p class="ex-visually-hidden" role="status">{move || status.get()}</p>
            </div>
            {context
                .sections
                .iter()
                .zip(open)
                .map(|(section, open)| {
                    let heading_id = format!("{}-heading", section.slug);
                    view! {
                        <details
                            id=section.slug
                            class="ex-disclosure"
                            open=move || open.get()
                            on:toggle=move |e| {
                                if let Some(d) = e
                                    .target()
                                    .and_then(|t| t.dyn_into::<HtmlDetailsElement>().ok())
                                {
                                    open.set(d.open());
                                }
                            }
                        >
                            <summary
                                class="ex-disclosure__summary"
                                on:click=move |_| remember(section.slug, !open.get_untracked())
                            >
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
