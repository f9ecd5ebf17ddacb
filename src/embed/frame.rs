//! The embed view in the browser, for the whole page (no island: it is
//! about the frame, not a part).
//!
//! [`start`] reads the view from the address (as the head script did),
//! and in a frame reports the content's height to the parent. (The "Embed
//! this" panel is an island: `components::embed::EmbedPanelIsland`.) The
//! rules and the messages are [`crate::embed`]'s, tested natively.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::embed::resize::{
    amp_message, asks_for_height, child_id, css_px, height_message, wp_message, wp_secret,
};
use crate::embed::{self, Follow, Mode};
use crate::json::Json;

/// Reads the view from the address and marks `<html data-ex-embed>` (as
/// the inline head script already did, in case it was blocked); in a frame,
/// starts reporting the content's height to the parent.
pub fn start() -> Mode {
    let window = browser::window();
    let search = window.location().search().unwrap_or_default();
    let mode = embed::mode(&search);
    if let (Some(value), Some(root)) = (mode.attr(), browser::document().document_element()) {
        let _ = root.set_attribute("data-ex-embed", value);
    }
    report_height(&window, &search);
    mode
}

/// In a frame, reports the content's height to the parent whenever it
/// changes (a `ResizeObserver`, no polling), growing or shrinking, as a
/// pym.js and an AMP message, and as WordPress's when WordPress embedded
/// the frame (a secret in its address); answers the parent's pym `width`
/// message for our `childId` and WordPress's `ready` with our secret;
/// every other message is ignored. Does nothing in a top-level page.
fn report_height(window: &web_sys::Window, search: &str) {
    let Some(parent) = browser::parent_frame() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let child = child_id(search);
    let secret = wp_secret(&window.location().hash().unwrap_or_default());
    links_leave_the_frame(&parent, secret.clone());
    let last = Cell::new(0u32);
    // One closure type for both listeners keeps the glue small: the
    // observer passes its entries (`again` is false), the window a
    // `MessageEvent`, which asks again only as our parent's `width` or `ready`.
    let observed = root.clone();
    let report = Rc::new(move |event: JsValue| {
        let again = match event.dyn_ref::<web_sys::MessageEvent>() {
            None => false,
            Some(e) => {
                let data = e.data();
                let from_parent = e
                    .source()
                    .is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
                let asks = match data.as_string() {
                    Some(d) => asks_for_height(&d, &child),
                    None => secret.as_deref().is_some_and(|s| {
                        field(&data, "message") == "ready" && field(&data, "secret") == s
                    }),
                };
                if !(from_parent && asks) {
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
        if let Some(s) = &secret {
            let wp = wp_message(s, "height", Json::Number(f64::from(px)));
            let _ = parent.post_message(&crate::json::to_js(&wp), "*");
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

/// A string property of a JavaScript value (`""` when it has none).
fn field(value: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// In a frame, a link leaves it rather than replacing the explainer
/// inside ([`embed::follow`]): in a new tab, or through WordPress
/// (`{message: "link", value, secret}`) in the frame WordPress embedded,
/// whose sandbox lets it neither open a tab nor lead the page away
/// (WordPress follows a link to the frame's own host that the reader
/// clicked). A link to a part of the page this view shows stays; one to a
/// part it leaves out opens the whole page at that part.
fn links_leave_the_frame(parent: &web_sys::Window, secret: Option<String>) {
    let parent = parent.clone();
    let location = browser::window().location();
    let host = location.host().unwrap_or_default();
    let page = location.pathname().unwrap_or_default();
    browser::listen(&browser::document(), "click", move |e| {
        let Some(a) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = a.get_attribute("href").unwrap_or_default();
        let shown = href.strip_prefix('#').is_some_and(|id| {
            browser::document()
                .get_element_by_id(id)
                .and_then(|el| el.closest(".ex-page > *").ok().flatten())
                .is_some_and(|part| part.get_client_rects().length() > 0)
        });
        let same_host = field(&a, "host") == host;
        match embed::follow(&href, shown, same_host, secret.is_some()) {
            Follow::Here => {}
            Follow::WordPress => {
                e.prevent_default();
                let secret = secret.as_deref().unwrap_or_default();
                let link = wp_message(secret, "link", Json::str(field(&a, "href")));
                let _ = parent.post_message(&crate::json::to_js(&link), "*");
            }
            Follow::WholePage => {
                e.prevent_default();
                let _ = browser::window().open_with_url_and_target_and_features(
                    &format!("{page}{href}"),
                    "_blank",
                    "noopener",
                );
            }
            Follow::NewTab => {
                let _ = a.set_attribute("target", "_blank");
                let _ = a.set_attribute("rel", "noopener");
            }
        }
    });
}
