//! Copying text for readers (links, embed code), with a fallback message
//! when the browser refuses.

use wasm_bindgen_futures::JsFuture;

/// What to tell the reader when copying is refused.
pub const REFUSED: &str =
    "Your browser did not allow copying: select the text and copy it yourself.";

/// Copies `text` to the clipboard. `Err` carries a reader-facing hint.
pub async fn copy(text: &str) -> Result<(), &'static str> {
    let window = web_sys::window().ok_or(REFUSED)?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(REFUSED);
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| REFUSED)
}
