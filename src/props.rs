//! An island's view on the page.
//!
//! Each island here renders from one view (its words, outline and what it
//! says), made at build time from the story and the edition's locale. The
//! islands take no Leptos props: Leptos would write props as JSON in the
//! island's `data-props` and read them back with serde_json, whose reader
//! costs the wasm more than every view's own. Instead the element around
//! an island carries its view in `data-ex-props`: postcard's compact
//! binary form, in base64 (the browser decodes base64 itself, `atob`).
//! At build time [`carry`] writes it and gives the view to the island as
//! it renders; in the browser the page's loader hands each island's text
//! to [`props`] just before it hydrates that island, and the island
//! [`take`]s it.

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
    use leptos::prelude::*;
    let text = encode_view(&view);
    provide_context(Given(view));
    view! { <div class="ex-island" data-ex-props=text>{island()}</div> }
}

/// `view` as the page carries it: postcard's binary form, in base64.
#[cfg(feature = "render")]
pub fn encode_view<T: Serialize>(view: &T) -> String {
    encode(&postcard::to_allocvec(view).expect("a view is postcard-encodable"))
}

/// The view a page's text carries, or `None` if it is not base64 or not
/// exactly one `T`.
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

/// Base64 of `bytes`.
#[cfg(feature = "render")]
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

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::{decode_view, encode_view};

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
    fn a_view_reads_back_as_written_in_base64() {
        let text = encode_view(&view());
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "{text}"
        );
        assert_eq!(decode_view::<View>(&text), Some(view()));
    }

    #[test]
    fn texts_that_are_not_base64_or_not_the_view_are_refused() {
        // Not base64; a view and a byte more; a view cut short; nothing.
        let mut longer = postcard::to_allocvec(&view()).unwrap();
        longer.push(0);
        for text in ["not base64!", &super::encode(&longer), "Aw==", ""] {
            assert_eq!(decode_view::<View>(text), None, "{text} refused");
        }
    }
}
