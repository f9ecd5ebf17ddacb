//! JSON values as plain Rust data, read and written by a real JSON
//! implementation: the browser's own `JSON.parse` and `JSON.stringify` in
//! the wasm (so the runtime ships no parser), `serde_json` natively (the
//! pre-renderer and the tests).
//!
//! The poll's stored answers ([`crate::poll::codec`]), the results
//! service's replies and the list of stories' polls
//! ([`crate::story::outline::PollOutline`]) are read into a [`Json`] tree
//! and decoded from it by plain, natively tested code. The two backends agree
//! on what matters here: objects keep their members in order (the last of
//! duplicate names wins, in the place of the first), numbers are `f64`,
//! and nesting deeper than [`MAX_DEPTH`] is refused rather than followed.

/// Deepest nesting of arrays and objects [`parse`] accepts; deeper input is
/// [`Invalid`] (the tree is walked recursively, and a stored value is
/// untrusted input).
pub const MAX_DEPTH: usize = 32;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its members in order.
    Object(Vec<(String, Json)>),
}

/// The text is not JSON, or nests deeper than [`MAX_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

impl Json {
    /// The member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// A string's text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits a `u32`.
    pub fn as_u32(&self) -> Option<u32> {
        let n = self.as_f64()?;
        (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// An array's items.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::String(s.into())
    }

    /// An object from `(name, value)` pairs.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

/// Reads one JSON text.
pub fn parse(text: &str) -> Result<Json, Invalid> {
    backend::parse(text)
}

/// Writes a value as compact JSON. Numbers that are not finite become
/// `null`, as `JSON.stringify` writes them.
pub fn stringify(value: &Json) -> String {
    backend::stringify(value)
}

/// The value as a JavaScript value (objects without a prototype), for a
/// browser API that takes one (`postMessage`).
#[cfg(target_arch = "wasm32")]
pub fn to_js(value: &Json) -> wasm_bindgen::JsValue {
    backend::to_js(value)
}

#[cfg(target_arch = "wasm32")]
mod backend {
    use js_sys::{Array, Object, Reflect, JSON};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{Invalid, Json, MAX_DEPTH};

    #[wasm_bindgen]
    extern "C" {
        /// `Object.create(null)`: an object without a prototype, so a
        /// member named `__proto__` is kept as a member.
        #[wasm_bindgen(js_namespace = Object, js_name = create)]
        fn create_object(proto: &JsValue) -> Object;
    }

    pub fn parse(text: &str) -> Result<Json, Invalid> {
        let value = JSON::parse(text).map_err(|_| Invalid)?;
        from_js(&value, 0)
    }

    fn from_js(v: &JsValue, depth: usize) -> Result<Json, Invalid> {
        if let Some(s) = v.as_string() {
            return Ok(Json::String(s));
        }
        if let Some(n) = v.as_f64() {
            return Ok(Json::Number(n));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Json::Bool(b));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Json::Null);
        }
        if depth >= MAX_DEPTH {
            return Err(Invalid);
        }
        if Array::is_array(v) {
            let items: &Array = v.unchecked_ref();
            return items
                .iter()
                .map(|x| from_js(&x, depth + 1))
                .collect::<Result<_, _>>()
                .map(Json::Array);
        }
        let entries = Object::entries(v.unchecked_ref());
        let mut members = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().ok_or(Invalid)?;
            members.push((key, from_js(&pair.get(1), depth + 1)?));
        }
        Ok(Json::Object(members))
    }

    pub fn stringify(value: &Json) -> String {
        JSON::stringify(&to_js(value))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn to_js(value: &Json) -> JsValue {
        match value {
            Json::Null => JsValue::NULL,
            Json::Bool(b) => JsValue::from_bool(*b),
            Json::Number(n) => JsValue::from_f64(*n),
            Json::String(s) => JsValue::from_str(s),
            Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
            Json::Object(members) => {
                let object = create_object(&JsValue::NULL);
                for (k, v) in members {
                    let _ = Reflect::set(&object, &JsValue::from_str(k), &to_js(v));
                }
                object.into()
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod backend {
    use serde_json::{Map, Number, Value};

    use super::{Invalid, Json, MAX_DEPTH};

    /// Integers up to this size are written without a fraction, as
    /// `JSON.stringify` writes them.
    const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

    pub fn parse(text: &str) -> Result<Json, Invalid> {
        let value: Value = serde_json::from_str(text).map_err(|_| Invalid)?;
        from_value(value, 0)
    }

    fn from_value(v: Value, depth: usize) -> Result<Json, Invalid> {
        Ok(match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().ok_or(Invalid)?),
            Value::String(s) => Json::String(s),
            _ if depth >= MAX_DEPTH => return Err(Invalid),
            Value::Array(items) => Json::Array(
                items
                    .into_iter()
                    .map(|x| from_value(x, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(k, x)| Ok((k, from_value(x, depth + 1)?)))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }

    pub fn stringify(value: &Json) -> String {
        serde_json::to_string(&to_value(value)).unwrap_or_default()
    }

    fn to_value(value: &Json) -> Value {
        match value {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= SAFE_INTEGER => {
                Value::Number((*n as i64).into())
            }
            Json::Number(n) => Number::from_f64(*n).map_or(Value::Null, Value::Number),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
            Json::Object(members) => {
                let mut map = Map::new();
                for (k, v) in members {
                    map.insert(k.clone(), to_value(v));
                }
                Value::Object(map)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value_in_order() {
        let v = parse(r#" {"b": [1, -0.5, 2e3, true, null], "a": {"c": "d"}} "#).unwrap();
        assert_eq!(
            v,
            Json::object([
                (
                    "b",
                    Json::Array(vec![
                        Json::Number(1.0),
                        Json::Number(-0.5),
                        Json::Number(2000.0),
                        Json::Bool(true),
                        Json::Null,
                    ])
                ),
                ("a", Json::object([("c", Json::str("d"))])),
            ])
        );
        assert_eq!(v.get("a").and_then(|a| a.get("c")), Some(&Json::str("d")));
    }

    #[test]
    fn the_last_duplicate_wins_in_the_place_of_the_first() {
        let v = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(
            v,
            Json::object([("a", Json::Number(3.0)), ("b", Json::Number(2.0))])
        );
    }

    #[test]
    fn refuses_what_json_parse_refuses() {
        for bad in ["", "{a:1}", "[1,]", "'a'", "NaN", "01", "{", "\u{feff}{}"] {
            assert_eq!(parse(bad), Err(Invalid), "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), Err(Invalid));
        assert_eq!(parse(&"[{\"a\":".repeat(100_000)), Err(Invalid));
    }

    #[test]
    fn writes_compactly_and_round_trips() {
        let v = Json::object([
            ("k\"ey", Json::str("line\nbreak \u{1} é 😀 </script>")),
            ("n", Json::Number(-1.5e3)),
            ("i", Json::Number(2.0)),
            ("x", Json::Number(f64::NAN)),
            ("a", Json::Array(vec![Json::Null, Json::Bool(false)])),
        ]);
        let text = stringify(&v);
        assert_eq!(
            text,
            r#"{"k\"ey":"line\nbreak \u0001 é 😀 </script>","n":-1500,"i":2,"x":null,"a":[null,false]}"#
        );
        let back = parse(&text).unwrap();
        assert_eq!(back.get("n"), Some(&Json::Number(-1500.0)));
        assert_eq!(back.get("x"), Some(&Json::Null));
    }

    #[test]
    fn whole_numbers_read_as_u32() {
        assert_eq!(Json::Number(2.0).as_u32(), Some(2));
        assert_eq!(Json::Number(2.5).as_u32(), None);
        assert_eq!(Json::Number(-1.0).as_u32(), None);
        assert_eq!(Json::str("2").as_u32(), None);
    }
}
