//! The story: its typed model and the data generated from `content/story.toml`.
//!
//! `build.rs` validates the story file (see [`source`] in the build script)
//! and generates `STORY` as plain `'static` Rust data, so the reader's
//! browser downloads no TOML parser and parses nothing at start-up.

pub mod head;
pub mod model;

pub use model::*;

#[allow(unused_imports)]
use crate::timeline::dates::{Date, Precision, Season};

include!(concat!(env!("OUT_DIR"), "/story.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser's outlines hold everything the live parts use, in step
    /// with the full story, and none of the texts only the page shows.
    #[test]
    fn the_live_outlines_mirror_the_story_without_its_texts() {
        let (full, live) = (&STORY_TIMELINE, &STORY_TIMELINE_LIVE);
        assert_eq!(full.heading, live.heading);
        let sectors = |t: &Timeline| {
            t.sectors
                .iter()
                .map(|s| (s.slug, s.label))
                .collect::<Vec<_>>()
        };
        assert_eq!(sectors(full), sectors(live));
        assert_eq!(full.milestones.len(), live.milestones.len());
        for (f, l) in full.milestones.iter().zip(live.milestones) {
            assert_eq!(
                (f.slug, f.title, f.sector, f.when, f.reported),
                (l.slug, l.title, l.sector, l.when, l.reported)
            );
            assert!(!f.summary.is_empty() && !f.source.is_empty());
            assert_eq!(
                (l.summary, l.impact, l.source, l.note),
                ("", None, "", None)
            );
        }
        let (full, live) = (&STORY_POLL, &STORY_POLL_LIVE);
        assert_eq!(full.heading, live.heading);
        assert_eq!(full.questions.len(), live.questions.len());
        for (f, l) in full.questions.iter().zip(live.questions) {
            assert_eq!(
                (f.slug, f.kind, f.max_length),
                (l.slug, l.kind, l.max_length)
            );
            assert!(!f.prompt.is_empty() && l.prompt.is_empty());
            let ids = |q: &Question| {
                q.choices
                    .iter()
                    .map(|c| (c.id, c.other))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(f), ids(l));
            assert!(l.choices.iter().all(|c| c.label.is_empty()));
        }
    }
}
