//! Evergreen context: collapsible sections readers can open, link to, find
//! in page and print.
//!
//! Each section is a native `<details>` with a real heading in its
//! `<summary>`: Enter and Space toggle it, the browser's find-in-page opens
//! it, and it works before (and without) the script.

use leptos::prelude::*;

use serde::{Deserialize, Serialize};

use crate::messages::Say;
use crate::words::Voice;
#[cfg(feature = "render")]
use crate::{
    i18n::Locale,
    part::Part,
    story::{Block, Context, Figure as FigureData, Item},
};
#[cfg(feature = "render")]
use leptos::either::EitherOf4;

/// The context block: a labelled region of collapsible sections with
/// "Expand all" and "Collapse all", deep links and a polite status line.
///
/// The sections are plain markup (native `<details>`, open as the story
/// says), rendered into the page at build time and never re-rendered: what
/// the reader, find-in-page or a text fragment opens stays open, and they
/// ship no wasm. Only [`ContextTools`] is an island.
#[cfg(feature = "render")]
#[component]
pub fn ContextSections(
    /// The story's context.
    context: &'static Context,
    /// The story's pictures (a section may show one).
    #[prop(optional)]
    figures: &'static [FigureData],
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    view! {
        <section id="context" class="ex-context" aria-labelledby="ex-context-heading">
            <h2 id="ex-context-heading" class="ex-section-heading">{context.heading.as_str()}</h2>
            <div class="ex-context__tools ex-no-print" data-ex-part=Part::Context.name()>
                {crate::props::carry(
                    ToolsView {
                        expand: t.text("context-expand-all"),
                        collapse: t.text("context-collapse-all"),
                        sections: context.sections.iter().map(|s| s.slug.clone()).collect(),
                        voice: t.voice(&["context-all-expanded", "context-all-collapsed"]),
                    },
                    || view! { <ContextTools /> },
                )}
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
                                {section.blocks.iter().map(|b| block(b, figures)).collect_view()}
                            </div>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// What the context's tools show and say, made at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolsView {
    /// "Expand all".
    pub expand: String,
    /// "Collapse all".
    pub collapse: String,
    /// The sections' slugs (their `<details>` ids), in order.
    pub sections: Vec<String>,
    /// What the tools say.
    pub voice: Voice,
}

/// The context's live controls, an island over the static sections:
/// "Expand all" and "Collapse all" act on the sections' native `<details>`
/// and say so politely; `#slug` on start and on `hashchange` opens that
/// section and shows it; and the address follows the sections the reader
/// opens (`history.replaceState`, no history entries).
#[island]
pub fn ContextTools() -> impl IntoView {
    let ToolsView {
        expand,
        collapse,
        sections,
        voice,
    } = crate::props::take();
    let said = RwSignal::new(String::new());
    let sections = StoredValue::new(sections);
    let voice = StoredValue::new(voice);
    let all = move |open: bool| {
        let n = sections.with_value(|slugs| {
            for slug in slugs {
                if let Some(d) = details(slug) {
                    d.set_open(open);
                }
            }
            slugs.len() as u32
        });
        let key = if open {
            "context-all-expanded"
        } else {
            "context-all-collapsed"
        };
        said.set(voice.with_value(|v| v.say(&Say::new(key).num("count", n))));
    };
    // In the browser, once hydrated: deep links now and on `hashchange`,
    // and the address kept in step with the sections the reader opens.
    Effect::new(move |_| {
        let show = move || {
            let hash = crate::browser::hash();
            sections.with_value(|slugs| {
                if let Some(i) = crate::deeplink::find(&hash, "", slugs.iter().map(String::as_str))
                {
                    if let Some(d) = details(&slugs[i]) {
                        d.set_open(true);
                    }
                    crate::browser::reveal(&slugs[i]);
                }
            });
        };
        show();
        crate::browser::listen(&crate::browser::window(), "hashchange", move |_| show());
        // A click on a section's summary (also Enter or Space on it) comes
        // before the toggle: the section is about to open when it is closed.
        crate::browser::listen(&crate::browser::document(), "click", move |e| {
            let Some(d) = summary_details(e) else {
                return;
            };
            let id = d.id();
            if sections.with_value(|slugs| slugs.contains(&id)) {
                remember(&id, !d.open());
            }
        });
    });
    view! {
        <button type="button" class="ex-button" data-ex-open="true" on:click=move |_| all(true)>
            {expand}
        </button>
        <button type="button" class="ex-button" data-ex-open="false" on:click=move |_| all(false)>
            {collapse}
        </button>
        <p class="ex-visually-hidden" role="status">{move || said.get()}</p>
    }
}

/// The section `<details>` with this id.
fn details(id: &str) -> Option<web_sys::HtmlDetailsElement> {
    crate::browser::by_id(id)
}

/// The section whose summary a click landed in.
fn summary_details(e: &web_sys::Event) -> Option<web_sys::HtmlDetailsElement> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let summary = target.closest(".ex-disclosure > summary").ok()??;
    summary.parent_element()?.dyn_into().ok()
}

/// Keeps the address in step with what the reader opened, without adding
/// history entries: opening sets `#slug`; closing the linked one clears it.
fn remember(slug: &str, opening: bool) {
    if opening {
        crate::browser::replace_fragment(Some(slug));
    } else if crate::browser::fragment().as_deref() == Some(slug) {
        crate::browser::replace_fragment(None);
    }
}

#[cfg(feature = "render")]
fn block(b: &'static Block, figures: &'static [FigureData]) -> impl IntoView {
    match b {
        Block::Paragraph(p) => EitherOf4::A(view! { <p inner_html=p.html.as_str()></p> }),
        Block::Bullets(items) => {
            EitherOf4::B(view! { <ul class="ex-list">{items.iter().map(item).collect_view()}</ul> })
        }
        Block::Steps(items) => EitherOf4::C(
            view! { <ol class="ex-list ex-list--steps">{items.iter().map(item).collect_view()}</ol> },
        ),
        Block::Figure(slug) => EitherOf4::D(
            figures
                .iter()
                .find(|f| f.slug == *slug)
                .map(|f| view! { <crate::components::figure::Figure figure=f /> }),
        ),
    }
}

#[cfg(feature = "render")]
fn item(i: &'static Item) -> impl IntoView {
    let sub = (!i.items.is_empty())
        .then(|| view! { <ul class="ex-list">{i.items.iter().map(|s| view! { <li inner_html=s.html.as_str()></li> }).collect_view()}</ul> });
    let term_sep = i.text.is_some().then_some(": ");
    view! {
        <li>
            {i.term.as_deref().map(|t| view! { <strong class="ex-list__term">{t}</strong> {term_sep}})}
            {i.text.as_ref().map(|t| view! { <span inner_html=t.html.as_str()></span> })}
            {sub}
        </li>
    }
}
