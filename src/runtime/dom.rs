//! Bringing pre-rendered markup to life: a state store and small DOM helpers.
//!
//! The page is rendered once, by the Leptos components, into HTML at build
//! time. The runtime never renders it again: each live part finds its
//! elements in that markup, keeps its state in a plain value in a
//! [`Store`], and the store's watchers write the few things that change
//! (text, `hidden`, an attribute, a class) back to the elements after every
//! update. No view and no reactive runtime is built into the wasm, which
//! keeps the first load inside its size budget.
//!
//! Everything here takes boxed closures, so each helper is compiled once,
//! not once per call site.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};

pub use crate::browser::{document, fragment, parent_frame, replace_fragment, window};

/// A live part's state and the watchers that show it. Every
/// [`update`](Store::update) runs every watcher; watchers write to the DOM
/// only what differs ([`set_text`], [`set_attr`]...), so running them all
/// is cheap and leaves focus, caret and live regions alone. Watchers only
/// write to the DOM: they never update a store (that would be a re-entrant
/// borrow), and nothing they write fires an event synchronously.
pub struct Store<S> {
    state: RefCell<S>,
    watchers: RefCell<Vec<Watcher<S>>>,
}

/// Shows a state in the DOM.
type Watcher<S> = Box<dyn Fn(&S)>;

impl<S: 'static> Store<S> {
    /// A store holding `state`.
    pub fn new(state: S) -> Rc<Store<S>> {
        Rc::new(Store {
            state: RefCell::new(state),
            watchers: RefCell::new(Vec::new()),
        })
    }

    /// Shows the state now and after every update.
    pub fn watch(&self, f: impl Fn(&S) + 'static) {
        f(&self.state.borrow());
        self.watchers.borrow_mut().push(Box::new(f));
    }

    /// Reads the state.
    pub fn with<R>(&self, f: impl FnOnce(&S) -> R) -> R {
        f(&self.state.borrow())
    }

    /// Changes the state, then shows it.
    pub fn update<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        let out = f(&mut self.state.borrow_mut());
        let state = self.state.borrow();
        for watcher in self.watchers.borrow().iter() {
            watcher(&state);
        }
        out
    }
}

/// Calls `f` with every `kind` event on `target`, for as long as the page lives.
pub fn on(target: &EventTarget, kind: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let f: Box<dyn FnMut(web_sys::Event)> = Box::new(f);
    let closure = Closure::wrap(f).into_js_value();
    let _ = target.add_event_listener_with_callback(kind, closure.unchecked_ref());
}

#[wasm_bindgen]
extern "C" {
    /// A promise, for its `then` alone.
    type Thenable;

    /// `promise.then(onFulfilled, onRejected)`, with plain functions (no
    /// futures executor in the wasm for a few callbacks).
    #[wasm_bindgen(method, js_name = then)]
    fn then_either(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue);
}

/// What to do once a promise settles: its value, or why it was rejected.
type Settled = Box<dyn FnOnce(Result<JsValue, JsValue>)>;

/// Calls `done` once `promise` settles, with its value or its reason.
pub fn settle(promise: &JsValue, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let done: Settled = Box::new(done);
    // Either callback runs, once; the other then finds nothing to do.
    let slot = Rc::new(Cell::new(Some(done)));
    let arm = |fulfilled: bool| {
        let slot = slot.clone();
        Closure::once_into_js(move |v: JsValue| {
            if let Some(done) = slot.take() {
                done(if fulfilled { Ok(v) } else { Err(v) });
            }
        })
    };
    promise
        .unchecked_ref::<Thenable>()
        .then_either(&arm(true), &arm(false));
}

/// Runs `f` once, after the current task (a zero timeout).
pub fn later(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let callback = Closure::once_into_js(f);
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Runs `f` once, before the next paint.
pub fn before_paint(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let callback = Closure::once_into_js(f);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// The element with this id in the document.
pub fn by_id(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).ok()??.dyn_into().ok()
}

/// Every element under `root` matching `selector`, in document order.
pub fn find_all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Sets an element's text, only when it differs (a live region is not
/// poked for nothing).
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref().unwrap_or("") != text {
        el.set_text_content(Some(text));
    }
}

/// Sets an attribute, only when it differs.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Adds or removes an attribute (as `hidden`: present or not).
pub fn set_flag(el: &Element, name: &str, on: bool) {
    if el.has_attribute(name) != on {
        let _ = el.toggle_attribute_with_force(name, on);
    }
}

/// Hides or shows an element with the `hidden` attribute.
pub fn set_hidden(el: &Element, hidden: bool) {
    set_flag(el, "hidden", hidden);
}

/// Adds or removes one class.
pub fn set_class(el: &Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// The element an event came from (or inside of) matching `selector`.
pub fn target_in(e: &web_sys::Event, selector: &str) -> Option<HtmlElement> {
    let target: Element = e.target()?.dyn_into().ok()?;
    target.closest(selector).ok()??.dyn_into().ok()
}

/// Moves focus to the element `id` once the browser has laid out what the
/// state just showed.
pub fn focus_later(id: String) {
    later(move || {
        if let Some(el) = by_id(&id) {
            let _ = el.focus();
        }
    });
}
