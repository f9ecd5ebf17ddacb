//! Copying text for readers (links, embed code); the caller says what
//! happened, in the edition's words.

use super::dom;

/// Copies `text` to the clipboard, then calls `done` with whether it was
/// (the browser may refuse: the caller tells the reader what to do).
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return done(false);
    };
    dom::settle(&clipboard.write_text(text), move |r| done(r.is_ok()));
}
