//! Copying text for readers (links, embed code); the caller says what
//! happened, in the edition's words.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// A promise, for its `then` alone.
    type Thenable;

    /// `promise.then(onFulfilled, onRejected)`, with plain functions (no
    /// futures executor in the wasm for two callbacks).
    #[wasm_bindgen(method, js_name = then)]
    fn then_either(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue);
}

/// What to do once copying is done: `true` when the text was copied.
type Done = Box<dyn FnOnce(bool)>;

/// Copies `text` to the clipboard, then calls `done` with whether it was
/// (the browser may refuse: the caller tells the reader what to do).
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let done: Done = Box::new(done);
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined()) else {
        return done(false);
    };
    // Either callback runs, once; the other then finds nothing to do.
    let slot = Rc::new(Cell::new(Some(done)));
    let settle = |outcome: bool| {
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
        .then_either(&settle(true), &settle(false));
}
