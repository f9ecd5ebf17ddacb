//! The explainer's views, one part a file. Each renders at build time
//! (feature `ssr`); the interactive parts are islands (`#[island]`) that
//! hydrate in the browser (feature `hydrate`) from props the page carries.
//! What only renders (the article, the context's sections, the build-time
//! wrappers that turn a story into island props) needs the edition's
//! locale, feature `render`, and ships no wasm.

#[cfg(feature = "render")]
pub mod article;
pub mod context;
pub mod embed;
pub mod poll;
pub mod timeline;

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::timeline::TimelineView;
    use crate::words::Voice;

    #[test]
    fn island_props_read_back_as_written_without_field_names() {
        let story = crate::story::tests::story();
        let t = crate::i18n::english();
        let view = TimelineView::new(&story.timeline, t);
        let text = leptos::serde_json::to_string(&view).unwrap();
        assert_eq!(
            leptos::serde_json::from_str::<TimelineView>(&text).unwrap(),
            view
        );
        assert!(
            text.starts_with("[["),
            "a list of fields, not an object: {}",
            &text[..40]
        );
        for name in ["\"outline\"", "\"milestones\"", "\"summary\"", "\"hint\""] {
            assert!(!text.contains(name), "no field name {name} on the wire");
        }
        let voice = t.voice(&super::timeline::SAYS);
        let text = leptos::serde_json::to_string(&voice).unwrap();
        assert_eq!(leptos::serde_json::from_str::<Voice>(&text).unwrap(), voice);
    }
}
