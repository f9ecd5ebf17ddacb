//! The evergreen context, live: "Expand all" and "Collapse all" act on the
//! sections' native `<details>` and say so; `#slug` on start and on
//! `hashchange` opens and shows that section; and the address follows the
//! sections the reader opens (`history.replaceState`). The sections
//! themselves are never re-rendered: what the reader, find-in-page or a
//! text fragment opened stays open.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement};

use super::dom;
use super::words::Words;
use crate::deeplink;
use crate::messages::Say;
use crate::story::outline::ContextOutline;

/// Brings the tools rendered under `root` (`components::context::ContextTools`)
/// to life over the sections in `outline`.
pub fn wire(root: &Element, outline: &'static ContextOutline, words: &'static Words) {
    let slugs = &outline.sections;
    let status = dom::find(root, "[role=status]");
    dom::on(root, "click", move |e| {
        let Some(button) = dom::target_in(&e, "[data-ex-open]") else {
            return;
        };
        let open = button.get_attribute("data-ex-open").as_deref() == Some("true");
        for slug in slugs {
            if let Some(d) = details(slug) {
                d.set_open(open);
            }
        }
        if let Some(status) = &status {
            let key = if open {
                "context-all-expanded"
            } else {
                "context-all-collapsed"
            };
            let said = words.say(&Say::new(key).num("count", slugs.len() as u32));
            dom::set_text(status, &said);
        }
    });

    let show = move || {
        let hash = dom::window().location().hash().unwrap_or_default();
        if let Some(i) = deeplink::find(&hash, "", slugs.iter().map(String::as_str)) {
            if let Some(d) = details(&slugs[i]) {
                d.set_open(true);
            }
            reveal(&slugs[i]);
        }
    };
    show();
    dom::on(&dom::window(), "hashchange", move |_| show());
    // A click on a section's summary (also Enter or Space on it) comes
    // before the toggle: the section is about to open when it is closed.
    dom::on(&dom::document(), "click", move |e| {
        let Some(d) = dom::target_in(&e, ".ex-disclosure > summary")
            .and_then(|s| s.parent_element())
            .and_then(|d| d.dyn_into::<HtmlDetailsElement>().ok())
        else {
            return;
        };
        let id = d.id();
        if let Some(slug) = slugs.iter().find(|s| **s == id) {
            remember(slug, !d.open());
        }
    });
}

/// The section `<details>` with this id.
fn details(id: &str) -> Option<HtmlDetailsElement> {
    dom::document().get_element_by_id(id)?.dyn_into().ok()
}

/// Scrolls a section into view once it has been laid out open.
fn reveal(id: &str) {
    let id = id.to_owned();
    dom::before_paint(move || {
        if let Some(el) = dom::document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
    });
}

/// Keeps the address in step with what the reader opened, without adding
/// history entries: opening sets `#slug`; closing the linked one clears it.
fn remember(slug: &str, opening: bool) {
    if opening {
        dom::replace_fragment(Some(slug));
    } else if dom::fragment().as_deref() == Some(slug) {
        dom::replace_fragment(None);
    }
}
