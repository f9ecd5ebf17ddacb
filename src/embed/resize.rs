//! Telling the page that embeds us how tall we are.
//!
//! Inside an iframe the app watches its own content with a `ResizeObserver`
//! (no polling) and, whenever the height changes, growing or shrinking,
//! posts it to the parent in the two formats host pages already understand:
//!
//! - pym.js: the string `pymxPYMx<childId>xPYMxheightxPYMx<px>`, with the
//!   `childId` that pym.js's parent put in the iframe's address;
//! - AMP: the object `{sentinel: 'amp', type: 'embed-size', height}`, which
//!   our own `embed.js` also reads.
//!
//! The first height is also sent from a timer right after start-up, as
//! observers only run when the frame renders, which browsers put off for a
//! frame out of view. The height is the content's (`<html>`'s box with `height: auto`), never
//! `scrollHeight`, which cannot drop below the iframe's own height. From the
//! parent the app takes one message, pym's `width` for our `childId` (also
//! sent by `embed.js` when it starts), and answers it by sending the height
//! again; every other message is ignored.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::param;

/// Separates the fields of a pym.js message.
pub const PYM_DELIMITER: &str = "xPYMx";

/// The `childId` query parameter pym.js adds to the iframe's address; empty
/// when there is none (our own snippet).
pub fn child_id(search: &str) -> String {
    param(search, "childId").unwrap_or_default()
}

/// A pym.js message: `pymxPYMx<id>xPYMx<kind>xPYMx<value>`.
pub fn pym_message(child_id: &str, kind: &str, value: &str) -> String {
    let mut s = String::with_capacity(24 + child_id.len() + kind.len() + value.len());
    for (i, field) in ["pym", child_id, kind, value].into_iter().enumerate() {
        if i > 0 {
            s.push_str(PYM_DELIMITER);
        }
        s.push_str(field);
    }
    s
}

/// The pym.js height message for `px` CSS pixels.
pub fn height_message(child_id: &str, px: u32) -> String {
    pym_message(child_id, "height", &px.to_string())
}

/// Whether a message from the parent asks for our height: pym's `width`
/// message to our `childId`. Anything else is not for us.
pub fn asks_for_height(data: &str, child_id: &str) -> bool {
    let Some(rest) = data
        .strip_prefix("pym")
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
        .and_then(|r| r.strip_prefix(child_id))
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
        .and_then(|r| r.strip_prefix("width"))
        .and_then(|r| r.strip_prefix(PYM_DELIMITER))
    else {
        return false;
    };
    !rest.contains(PYM_DELIMITER)
}

/// A measured height in whole CSS pixels, rounded up so that the frame never
/// cuts off a fraction (which would bring back a scrollbar).
pub fn css_px(height: f64) -> u32 {
    if height.is_finite() && height > 0.0 {
        height.ceil().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// The AMP `embed-size` message for `px`, as JSON.
pub fn amp_message(px: u32) -> String {
    let mut s = String::from(r#"{"sentinel":"amp","type":"embed-size","height":"#);
    s.push_str(&px.to_string());
    s.push('}');
    s
}

/// In a frame, starts reporting the content's height to the parent and
/// answering its `width` messages. Does nothing in a top-level page.
pub fn start(window: &web_sys::Window, search: &str) {
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
        if let Ok(amp) = js_sys::JSON::parse(&amp_message(px)) {
            let _ = parent.post_message(&amp, "*");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_id_comes_from_pyms_query() {
        assert_eq!(
            child_id("?embed=poll&initialWidth=640&childId=explainer-1&parentTitle=x"),
            "explainer-1"
        );
        assert_eq!(child_id("?embed"), "");
        assert_eq!(child_id("?childId=a%20b"), "a b");
    }

    #[test]
    fn messages_use_pyms_format() {
        assert_eq!(height_message("ex", 1234), "pymxPYMxexxPYMxheightxPYMx1234");
        assert_eq!(height_message("", 8), "pymxPYMxxPYMxheightxPYMx8");
        assert_eq!(
            pym_message("a", "width", "640"),
            "pymxPYMxaxPYMxwidthxPYMx640"
        );
    }

    #[test]
    fn only_our_width_message_asks_for_the_height() {
        assert!(asks_for_height("pymxPYMxexxPYMxwidthxPYMx640", "ex"));
        assert!(asks_for_height("pymxPYMxxPYMxwidthxPYMx640", ""));
        assert!(!asks_for_height("pymxPYMxotherxPYMxwidthxPYMx640", "ex"));
        assert!(!asks_for_height("pymxPYMxexxPYMxheightxPYMx640", "ex"));
        assert!(!asks_for_height(
            "pymxPYMxexxPYMxnavigateToxPYMxhttp://x",
            "ex"
        ));
        assert!(!asks_for_height("pymxPYMxexxPYMxwidthxPYMx1xPYMx2", "ex"));
        assert!(!asks_for_height("hello", "ex"));
        assert!(!asks_for_height("", ""));
    }

    #[test]
    fn amp_messages_are_embed_size_json() {
        assert_eq!(
            amp_message(640),
            r#"{"sentinel":"amp","type":"embed-size","height":640}"#
        );
    }

    #[test]
    fn heights_round_up_to_whole_pixels() {
        assert_eq!(css_px(100.0), 100);
        assert_eq!(css_px(100.2), 101);
        assert_eq!(css_px(0.0), 0);
        assert_eq!(css_px(-3.0), 0);
        assert_eq!(css_px(f64::NAN), 0);
    }
}
