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
#[cfg(feature = "render")]
pub mod figure;
pub mod poll;
pub mod timeline;

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::timeline::TimelineView;
    use crate::props::{decode_view, encode_view};

    #[test]
    fn island_views_read_back_as_written_with_their_words_as_they_are() {
        let story = crate::story::tests::story();
        let t = crate::i18n::english();
        let view = TimelineView::new(story.timeline.as_ref().unwrap(), t);
        let text = encode_view(&view);
        assert_eq!(decode_view::<TimelineView>(&text), Some(view));
        let first = &story.timeline.as_ref().unwrap().milestones[0].summary;
        let first = first.as_ref().unwrap();
        // The words as the page has them (compression finds them there);
        // postcard, not JSON: no field names.
        assert!(text.contains(first.html.as_str()), "{text}");
        assert!(!text.contains("summary"), "no field names on the wire");
    }

    #[test]
    fn periods_come_in_time_order_whatever_the_storys() {
        use crate::dates::{Date, When};
        let mut story = crate::story::tests::story();
        let timeline = story.timeline.as_mut().unwrap();
        let era = |label: &str, from: &str, to: &str| crate::story::Era {
            slug: label.to_lowercase(),
            label: label.into(),
            when: When::Span(Date::parse(from).unwrap(), Date::parse(to).unwrap()),
        };
        // Two sharing a year; one within another, listed first.
        timeline.eras = vec![
            era("Later", "2026", "2030"),
            era("Inner", "2025-03", "2025-06"),
            era("Earlier", "2025", "2026"),
        ];
        let view = TimelineView::new(timeline, crate::i18n::english());
        let labels: Vec<&str> = view.eras.iter().map(|(l, _, _)| l.as_str()).collect();
        assert_eq!(labels, ["Earlier", "Inner", "Later"]);
        // Ticks' labels after their lines, but near the end.
        let ticks = &view.ticks;
        assert_eq!(
            ticks.first().map(|t| (t.0.as_str(), t.2)),
            Some(("2024", false))
        );
        assert!(ticks.iter().all(|t| !t.2), "{ticks:?}");
    }
}
