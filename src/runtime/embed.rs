//! The embed view and the "Embed this" panel, live.
//!
//! [`start`] reads the view from the address (as the head script did),
//! and in a frame reports the content's height to the parent; [`wire`]
//! brings the standalone page's "Embed this" panel to life: the code for
//! the part chosen, selected on focus, copied with a polite confirmation.
//! The rules and the messages are [`crate::embed`]'s, tested natively.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use super::clipboard;
use super::dom;
use super::words::Words;
use crate::embed::resize::{amp_message, asks_for_height, child_id, css_px, height_message};
use crate::embed::{self, Mode, RADIO_NAME};
use crate::messages::Say;
use crate::part::Part;
use crate::story::outline::Outline;

/// Reads the view from the address and marks `<html data-ex-embed>` (as
/// the inline head script already did, in case it was blocked); in a frame,
/// starts reporting the content's height to the parent.
pub fn start() -> Mode {
    let window = dom::window();
    let search = window.location().search().unwrap_or_default();
    let mode = embed::mode(&search);
    if let (Some(value), Some(root)) = (mode.attr(), dom::document().document_element()) {
        let _ = root.set_attribute("data-ex-embed", value);
    }
    report_height(&window, &search);
    mode
}

/// The heading of a part alone, from the story's outline.
fn heading(outline: &Outline, mode: Mode) -> Option<&str> {
    match mode {
        Mode::Only(Part::Context) => Some(&outline.context.heading),
        Mode::Only(Part::Timeline) => Some(&outline.timeline.heading),
        Mode::Only(Part::Poll) => Some(&outline.poll.heading),
        _ => None,
    }
}

/// Brings the panel rendered by `components::embed::EmbedPanel` under
/// `root` to life: fills in the code for this story (and the option
/// checked, which the browser may have restored), changes it with the
/// options, selects it on focus, and copies it with the button, saying so
/// in the status line. Does nothing when the markup is missing.
pub fn wire(root: &Element, outline: &'static Outline, words: &'static Words) {
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let (Some(code), Some(status)) = (find("textarea"), find("[role=status]")) else {
        return;
    };
    let code: HtmlTextAreaElement = code.unchecked_into();
    let origin = dom::window().location().origin().unwrap_or_default();
    let page = embed::absolute(&origin, &outline.path);
    let script = embed::absolute(&origin, &format!("{}embed.js", outline.root));
    let title = dom::document().title();
    let show = {
        let code = code.clone();
        move |mode: Mode| {
            let frame = match heading(outline, mode) {
                Some(part) if !title.is_empty() => words.say(
                    &Say::new("embed-frame-title")
                        .text("part", part)
                        .text("page", title.clone()),
                ),
                Some(part) => part.to_owned(),
                None => title.clone(),
            };
            code.set_value(&embed::snippet(&page, &script, mode, &frame));
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
                clipboard::copy(&text, move |copied| {
                    let key = if copied {
                        "embed-copied"
                    } else {
                        "embed-copy-refused"
                    };
                    status.set_text_content(Some(&words.text(key)));
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

/// In a frame, reports the content's height to the parent whenever it
/// changes (a `ResizeObserver`, no polling), growing or shrinking, as a
/// pym.js and an AMP message, and answers the parent's pym `width`
/// message for our `childId`; every other message is ignored. Does
/// nothing in a top-level page.
fn report_height(window: &web_sys::Window, search: &str) {
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let child = child_id(search);
    let last = Cell::new(0u32);
    // One closure type for both listeners keeps the glue small: the
    // observer passes its entries (`again` is false), the window a
    // `MessageEvent`, which asks again only as our parent's `width`.
    let observed = root.clone();
    let report = Rc::new(move |event: JsValue| {
        let again = match event.dyn_ref::<web_sys::MessageEvent>() {
            None => false,
            Some(e) => {
                let ours = e
                    .source()
                    .is_some_and(|s| JsValue::from(s) == JsValue::from(&parent))
                    && e.data()
                        .as_string()
                        .is_some_and(|d| asks_for_height(&d, &child));
                if !ours {
                    return;
                }
                true
            }
        };
        let px = css_px(root.get_bounding_client_rect().height());
        if px == 0 || (px == last.get() && !again) {
            return;
        }
        last.set(px);
        let pym = JsValue::from_str(&height_message(&child, px));
        let _ = parent.post_message(&pym, "*");
        let _ = parent.post_message(&crate::json::to_js(&amp_message(px)), "*");
    });
    let listener = |report: Rc<dyn Fn(JsValue)>| {
        Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| report(e)).into_js_value()
    };
    // Every size change of the content, and once when observing starts.
    let on_resize = listener(report.clone());
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.unchecked_ref()) {
        observer.observe(&observed);
        std::mem::forget(observer);
    }
    // Browsers hold back observers (they run with rendering) in a frame that
    // is off screen; a timer is not held back, so the parent learns the
    // first height, after this start-up task, even for an embed below the fold.
    let _ = window.set_timeout_with_callback(on_resize.unchecked_ref());
    let _ = window.add_event_listener_with_callback("message", listener(report).unchecked_ref());
}
