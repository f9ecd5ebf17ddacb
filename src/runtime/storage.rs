//! The page's `localStorage` as a [`Backend`], guarded: the getter and
//! every call can throw, and each failure comes back as a [`Problem`];
//! nothing here panics or unwraps a JavaScript result.

use wasm_bindgen::JsValue;

use crate::storage::{Backend, Problem};

/// The page's `localStorage`.
pub struct Local(web_sys::Storage);

fn thrown(err: &JsValue) -> Problem {
    let name = js_sys::Reflect::get(err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    Problem::from_error_name(&name)
}

/// Opens `localStorage`; `Err` when the browser has none for this page or
/// the getter throws (a sandboxed frame, blocked third-party storage).
pub fn local() -> Result<Local, Problem> {
    let window = web_sys::window().ok_or(Problem::Blocked)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(Local(storage)),
        Ok(None) => Err(Problem::Blocked),
        Err(e) => match thrown(&e) {
            Problem::Full => Err(Problem::Full),
            _ => Err(Problem::Blocked),
        },
    }
}

impl Backend for Local {
    fn get(&self, key: &str) -> Result<Option<String>, Problem> {
        self.0.get_item(key).map_err(|e| thrown(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Problem> {
        self.0.set_item(key, value).map_err(|e| thrown(&e))
    }

    fn remove(&self, key: &str) -> Result<(), Problem> {
        self.0.remove_item(key).map_err(|e| thrown(&e))
    }
}
