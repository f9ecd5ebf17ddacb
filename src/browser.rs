//! What the islands ask of the browser beyond Leptos and gloo: the address's
//! fragment (deep links), a frame's parent, and a listener kept for as long
//! as the page lives. Called from effects and event handlers only, never
//! while rendering, so the components pre-render natively.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Document, EventTarget, Window};

use crate::deeplink;

/// The page's window.
pub fn window() -> Window {
    web_sys::window().expect_throw("the islands run in a window")
}

/// The page's document.
pub fn document() -> Document {
    window()
        .document()
        .expect_throw("the window has a document")
}

/// The parent window when the page is in a frame, else `None`.
pub fn parent_frame() -> Option<Window> {
    let window = window();
    let parent = window.parent().ok()??;
    (JsValue::from(&parent) != JsValue::from(&window)).then_some(parent)
}

/// Calls `f` with every `kind` event on `target`, for as long as the page
/// lives (islands are never unmounted). Not passive (gloo's default is):
/// `f` may call `preventDefault`, as the link through WordPress does.
pub fn listen(target: &EventTarget, kind: &'static str, f: impl FnMut(&web_sys::Event) + 'static) {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(target, kind, options, f).forget();
}

/// The address's `location.hash`, `#` included (empty when none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The address's fragment, without `#` (see [`deeplink::fragment`]).
pub fn fragment() -> Option<String> {
    deeplink::fragment(&hash())
}

/// Replaces the address's fragment without a history entry or a scroll
/// (`history.replaceState`); `None` removes it.
pub fn replace_fragment(fragment: Option<&str>) {
    let window = window();
    let location = window.location();
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let url = deeplink::address(&path, fragment);
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The element with this id, as `T` (`None` when there is none, or it is
/// another kind of element).
pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Scrolls the element with this id into view once it has been laid out
/// (before the next paint).
pub fn reveal(id: &str) {
    let id = id.to_owned();
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
    });
}
