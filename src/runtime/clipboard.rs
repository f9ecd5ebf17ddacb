//! Copying text for readers (links, embed code), with a fallback message
//! when the browser refuses.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What to tell the reader when copying is refused.
pub const REFUSED: &str =
    "Your browser did not allow copying: select the text and copy it yourself.";

#[wasm_bindgen]
extern "C" {
    /// A promise, for its `then` alone.
    type Thenable;

    /// `promise.then(onFulfilled, onRejected)`, with plain functions (no
    /// futures executor in the wasm for two callbacks).
    #[wasm_bindgen(method, js_name = then)]
    fn then_either(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue);
}

/// What to do once copying is done (`Err` carries a reader-facing hint).
type Done = Box<dyn FnOnce(Result<(), &'static str>)>;

/// Copies `text` to the clipboard, then calls `done` with the outcome.
pub fn copy(text: &str, done: impl FnOnce(Result<(), &'static str>) + 'static) {
    let done: Done = Box::new(done);
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return done(Err(REFUSED));
    };
    // Either callback runs, once; the other then finds nothing to do.
    let slot = Rc::new(Cell::new(Some(done)));
    let settle = |outcome: Result<(), &'static str>| {
        let slot = slot.clone();
        Closure::once_into_js(move |_: JsValue| {
            if let Some(done) = slot.take() {
                done(outcome);
            }
        })
    };
    clipboard
        .write_text(text)
        .unchecked_into::<Thenable>()
        .then_either(&settle(Ok(())), &settle(Err(REFUSED)));
}
