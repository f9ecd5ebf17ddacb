//! Copying text for readers (links, embed code), with a fallback message
//! when the browser refuses.

use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. `Err` carries a reader-facing hint.
pub async fn copy(text: &str) -> Result<(), &'static str> {
    let refused = "Your browser did not allow copying: select the text and copy it yourself.";
    let window = web_sys::window().ok_or(refused)?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(refused);
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| refused)
}
