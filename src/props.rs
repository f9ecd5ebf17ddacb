//! An island's view on the page.
//!
//! Each island here renders from one view (its words, outline and what it
//! says), made at build time from the story and the edition's locale. The
//! islands take no Leptos props: Leptos would write props as JSON in the
//! island's `data-props` and read them back with serde_json, whose reader
//! costs the wasm more than every view's own. Instead the element around
//! an island carries its view in `data-ex-props`: postcard's compact
//! binary form, written as text (see [`encode`]). At build time [`carry`]
//! writes it and gives the view to the island as it renders; in the
//! browser the page's loader hands each island's text to [`props`] just
//! before it hydrates that island, and the island [`take`]s it. A lazy
//! island, whose code arrives later, reads its element's text itself
//! ([`carry_near`], [`take_near`]).

use serde::de::DeserializeOwned;
#[cfg(feature = "render")]
use serde::Serialize;

/// The view given to an island as it renders at build time.
#[derive(Debug, Clone)]
pub struct Given<T>(pub T);

/// The element that carries `view` around the island `island()` renders,
/// giving the island its view.
#[cfg(feature = "render")]
pub fn carry<T, V>(view: T, island: impl FnOnce() -> V) -> impl leptos::IntoView
where
    T: Serialize + Clone + Send + Sync + 'static,
    V: leptos::IntoView + 'static,
{
    carry_as(view, None, island)
}

/// [`carry`] for a lazy island (`#[island(lazy)]` in Trunk's build), one a
/// reader meets only further down the page, named `name` on the page
/// (`data-ex-near`) and in its code ([`take_near`]). The page's loader
/// hydrates it, and so has its wasm file fetched, once the reader comes
/// near it (within a screen of it) or moves into it (focus, a pointer
/// press), not at start; until then it is the pre-rendered markup, and
/// what the reader does there (a box ticked, text typed) is read when it
/// hydrates. The loader marks it `data-ex-live` once hydrated.
#[cfg(feature = "render")]
pub fn carry_near<T, V>(
    name: &'static str,
    view: T,
    island: impl FnOnce() -> V,
) -> impl leptos::IntoView
where
    T: Serialize + Clone + Send + Sync + 'static,
    V: leptos::IntoView + 'static,
{
    carry_as(view, Some(name), island)
}

#[cfg(feature = "render")]
fn carry_as<T, V>(
    view: T,
    near: Option<&'static str>,
    island: impl FnOnce() -> V,
) -> impl leptos::IntoView
where
    T: Serialize + Clone + Send + Sync + 'static,
    V: leptos::IntoView + 'static,
{
    use leptos::prelude::*;
    let text = encode_view(&view);
    provide_context(Given(view));
    view! { <div class="ex-island" data-ex-props=text data-ex-near=near>{island()}</div> }
}

/// `view` as the page carries it: postcard's binary form, as text.
#[cfg(feature = "render")]
pub fn encode_view<T: Serialize>(view: &T) -> String {
    encode(&postcard::to_allocvec(view).expect("a view is postcard-encodable"))
}

/// The view a page's text carries, or `None` if it is not this text form
/// or not exactly one `T`.
pub fn decode_view<T: DeserializeOwned>(text: &str) -> Option<T> {
    match postcard::take_from_bytes(&decode(text)?) {
        Ok((view, [])) => Some(view),
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static HANDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What the page's loader hands the island it hydrates next: the
/// `data-ex-props` of the element around it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn props(text: String) {
    HANDED.with(|h| *h.borrow_mut() = text);
}

/// The island's view: at build time the one its wrapper gives it; in the
/// browser the one the loader handed over.
///
/// # Panics
/// When there is none, or it is not a `T`: a page whose markup and runtime
/// disagree (the loader names the island in the console).
pub fn take<T: DeserializeOwned + Clone + Send + Sync + 'static>() -> T {
    // Rendering (the build, or a component test rendering a page in the
    // browser): the wrapper's view.
    #[cfg(feature = "render")]
    if let Some(Given(view)) = leptos::prelude::use_context::<Given<T>>() {
        return view;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        panic!("an island renders inside `props::carry`")
    }
    // Hydrating: what the loader handed over.
    #[cfg(target_arch = "wasm32")]
    {
        let text = HANDED.with(|h| std::mem::take(&mut *h.borrow_mut()));
        decode_view(&text).expect("explainer: the island's data-ex-props is not its view")
    }
}

/// A lazy island's view ([`carry_near`]): at build time the one its wrapper
/// gives it; in the browser the `data-ex-props` of the element named
/// `name`, read when the island's code has arrived (the loader hands a
/// lazy island nothing: another island may hydrate while its file loads).
///
/// # Panics
/// As [`take`].
pub fn take_near<T: DeserializeOwned + Clone + Send + Sync + 'static>(name: &str) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        #[cfg(feature = "render")]
        if let Some(Given(view)) = leptos::prelude::use_context::<Given<T>>() {
            return view;
        }
        let text = crate::browser::document()
            .query_selector(&format!(".ex-island[data-ex-near=\"{name}\"]"))
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("data-ex-props"))
            .unwrap_or_default();
        decode_view(&text).expect("explainer: the island's data-ex-props is not its view")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        take()
    }
}

/// `bytes` as text: every run of bytes that is UTF-8 for characters other
/// than controls and `%` is those characters; every other byte is `%` and
/// two hex digits.
///
/// A view's words are most of its bytes, and this keeps them as they are
/// on the page around it, where compression finds them again (base64 made
/// the same view cost the page about twice its bytes once compressed).
/// Controls are escaped because HTML does not keep every one of them in
/// an attribute (a carriage return becomes a line feed).
#[cfg(feature = "render")]
pub fn encode(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        let (valid, after) = match std::str::from_utf8(rest) {
            Ok(all) => (all, &[][..]),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                (std::str::from_utf8(valid).unwrap_or_default(), after)
            }
        };
        for c in valid.chars() {
            if c == '%' || c.is_control() {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(text, "%{b:02x}");
                }
            } else {
                text.push(c);
            }
        }
        rest = match after.split_first() {
            Some((&b, tail)) => {
                let _ = write!(text, "%{b:02x}");
                tail
            }
            None => after,
        };
    }
    text
}

/// The bytes [`encode`] wrote as `text`, or `None` if a `%` is not
/// followed by two hex digits.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, after)) = rest.split_first() {
        if b == b'%' {
            let hex = after.get(..2)?;
            let high = (hex[0] as char).to_digit(16)?;
            let low = (hex[1] as char).to_digit(16)?;
            bytes.push((high * 16 + low) as u8);
            rest = &after[2..];
        } else {
            bytes.push(b);
            rest = after;
        }
    }
    Some(bytes)
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::{decode, decode_view, encode, encode_view};

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    struct View {
        title: String,
        items: Vec<(String, Option<u32>)>,
    }

    fn view() -> View {
        View {
            title: "Ҳамкорӣ «ва» \"quotes\" & <tags> 100%".into(),
            items: vec![("a".into(), Some(3)), ("ب\r\n".into(), None)],
        }
    }

    #[test]
    fn a_view_reads_back_with_its_words_as_they_are() {
        let text = encode_view(&view());
        // The words as the page has them (what compression finds again),
        // the length before them, controls and `%` escaped.
        assert!(
            text.contains("Ҳамкорӣ «ва» \"quotes\" & <tags> 100%25"),
            "{text}"
        );
        assert!(text.contains("ب%0d%0a"), "{text}");
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert_eq!(decode_view::<View>(&text), Some(view()));
    }

    #[test]
    fn any_bytes_read_back() {
        // Every byte; lone continuation bytes; a sequence cut short at the
        // end and in the middle; an overlong form; a surrogate's bytes.
        let all: Vec<u8> = (0..=255).collect();
        let cases: [&[u8]; 7] = [
            &all,
            &[0x80, 0xbf, b'a'],
            &[b'a', 0xe2, 0x80],
            &[0xe2, 0x80, b'x', 0xe2, 0x80, 0x94],
            &[0xc0, 0xaf],
            &[0xed, 0xa0, 0x80],
            &[],
        ];
        for bytes in cases {
            let text = encode(bytes);
            assert!(!text.chars().any(char::is_control), "{text:?}");
            assert_eq!(decode(&text).as_deref(), Some(bytes), "{text:?}");
        }
        assert_eq!(encode(&[0xe2, 0x80, 0x94, 0x25, 0x07]), "—%25%07");
    }

    #[test]
    fn texts_that_are_not_the_text_form_or_not_the_view_are_refused() {
        // A `%` without two hex digits; a view and a byte more; a view cut
        // short; nothing.
        for text in ["%", "%4", "%zz", "abc%g0"] {
            assert_eq!(decode(text), None, "{text}");
        }
        let mut longer = postcard::to_allocvec(&view()).unwrap();
        longer.push(0);
        let cut = postcard::to_allocvec(&view()).unwrap();
        for text in [
            encode(&longer),
            encode(&cut[..cut.len() - 1]),
            "%zz".to_string(),
            String::new(),
        ] {
            assert_eq!(decode_view::<View>(&text), None, "{text} refused");
        }
    }
}
