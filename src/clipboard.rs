//! Copying text for readers (links, embed code): the caller says what
//! happened, in the edition's words.

use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard; whether it was (the browser may refuse,
/// or have no clipboard here: the caller tells the reader what to do).
pub async fn copy(text: &str) -> bool {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return false;
    };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
