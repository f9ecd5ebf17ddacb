//! An island's props on the page.
//!
//! Leptos writes an island's props into its `data-props` as JSON and reads
//! them back with serde_json. Each island here takes one prop, its view,
//! as a [`Packed`]: one JSON string holding the view in postcard's compact
//! binary form, in base64. The view is still a serde type, written at build
//! time and read back in the browser; but postcard's reader for the views'
//! types is a fraction of a JSON reader's (measured on the four islands'
//! views: 29 KB gzip of wasm with serde_json, 10 KB with postcard), and the
//! browser decodes base64 itself (`atob`).

use serde::de::{DeserializeOwned, Error as _};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An island's view as its prop: postcard's binary form of `T`, in base64.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed<T>(pub T);

impl<T: Serialize> Serialize for Packed<T> {
    /// Writes the view (at build time). In the browser an island is only
    /// hydrated, never written into a page; Leptos serializes its props
    /// all the same (for HTML it does not write there), so the wasm writes
    /// an empty string rather than carry a writer for every view type.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if cfg!(target_arch = "wasm32") {
            return s.serialize_str("");
        }
        let bytes = postcard::to_allocvec(&self.0).map_err(S::Error::custom)?;
        s.serialize_str(&encode(&bytes))
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Packed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let bytes = decode(&text).ok_or_else(|| D::Error::custom("props: not base64"))?;
        match postcard::take_from_bytes(&bytes) {
            Ok((view, [])) => Ok(Packed(view)),
            _ => Err(D::Error::custom("props: not this island's view")),
        }
    }
}

/// Base64 of `bytes`.
fn encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The bytes of base64 `text`, or `None` if it is not base64.
#[cfg(not(target_arch = "wasm32"))]
fn decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// The bytes of base64 `text` by the browser's `atob`, which gives one
/// character per byte; `None` if it is not base64.
#[cfg(target_arch = "wasm32")]
fn decode(text: &str) -> Option<Vec<u8>> {
    let binary = crate::browser::window().atob(text).ok()?;
    binary.chars().map(|c| u8::try_from(c).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::Packed;

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    struct View {
        title: String,
        items: Vec<(String, Option<u32>)>,
    }

    fn view() -> View {
        View {
            title: "Ҳамкорӣ «ва» \"quotes\" & <tags>".into(),
            items: vec![("a".into(), Some(3)), ("ب".into(), None)],
        }
    }

    #[test]
    fn a_view_reads_back_as_written_in_one_json_string() {
        let text = leptos::serde_json::to_string(&Packed(view())).unwrap();
        assert!(text.starts_with('"') && text.ends_with('"'), "{text}");
        assert!(
            !text.contains("title") && !text.contains("quotes"),
            "{text}"
        );
        let back: Packed<View> = leptos::serde_json::from_str(&text).unwrap();
        assert_eq!(back.0, view());
    }

    #[test]
    fn props_that_are_not_base64_or_not_the_view_are_refused() {
        // Not base64; a view and a byte more; a view cut short; not a string.
        for text in ["\"not base64!\"", "\"AAAA\"", "\"Aw==\"", "[1,2]"] {
            assert!(
                leptos::serde_json::from_str::<Packed<View>>(text).is_err(),
                "{text} refused"
            );
        }
    }
}
