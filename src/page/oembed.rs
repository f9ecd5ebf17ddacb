//! oEmbed responses, written as static files: one for each story and each
//! of its embed views, `oembed.json` (the whole explainer) and
//! `oembed-<part>.json`. The story's page names its own in a discovery
//! `<link rel="alternate" type="application/json+oembed">`, so a CMS that
//! is given the page's address (WordPress, Ghost, Arc XP, Embedly...) finds
//! it without being configured.
//!
//! The `html` is what a CMS keeps after it strips scripts and styles: a
//! `<blockquote>` with a link to the story (what WordPress shows until the
//! frame reports its height, and what its `wp-embed.js` looks for) and an
//! `<iframe>` with no fragment in its address (WordPress appends
//! `#?secret=…`). The height is a start: the frame reports its own.

use crate::embed::{escape, Mode};
use crate::i18n::Locale;
use crate::json::Json;
use crate::page::images::Picture;
use crate::page::Place;
use crate::story::Story;

/// The oEmbed version written.
pub const VERSION: &str = "1.0";

/// The width an embed asks for, and the height it starts at.
pub const WIDTH: u32 = 600;
/// The height a frame starts at, before it reports its own.
pub const HEIGHT: u32 = 600;

/// The views a story has an oEmbed response for: the whole explainer, then
/// each part it has alone.
pub fn views(story: &Story) -> impl Iterator<Item = Mode> + '_ {
    std::iter::once(Mode::Whole).chain(story.embeddable().map(Mode::Only))
}

/// The file of a view's response, in the story's folder.
pub fn file(view: Mode) -> String {
    match view {
        Mode::Only(part) => format!("oembed-{}.json", part.name()),
        _ => "oembed.json".to_owned(),
    }
}

/// The title of a view: the page's, after the part's heading for a part.
pub fn title(story: &Story, t: &Locale, view: Mode) -> String {
    story.view_title(t, view)
}

/// The oEmbed response of `view`, for a site whose origin is known.
pub fn response(
    story: &Story,
    t: &Locale,
    place: &Place,
    view: Mode,
    pictures: &[Picture],
    provider: &str,
) -> Option<Json> {
    let page = place.url("")?;
    let origin = place.origin.clone()?;
    let title = title(story, t, view);
    let query = view.query().unwrap_or("embed");
    let html = format!(
        "<blockquote style=\"display:none\"><a href=\"{page}\">{}</a></blockquote><iframe src=\"{page}?{query}\" title=\"{}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" frameborder=\"0\" loading=\"lazy\" allow=\"{}\" style=\"display:block;width:100%;border:0\"></iframe>",
        escape(&title),
        escape(&title),
        crate::embed::ALLOW,
        page = escape(&page),
    );
    let mut members = vec![
        ("type", Json::str("rich")),
        ("version", Json::str(VERSION)),
        ("title", Json::str(&title)),
        ("provider_name", Json::str(provider)),
        ("provider_url", Json::str(format!("{origin}{}", place.root))),
        ("cache_age", Json::Number(3600.0)),
        ("width", Json::Number(f64::from(WIDTH))),
        ("height", Json::Number(f64::from(HEIGHT))),
        ("html", Json::str(html)),
    ];
    if let Some(b) = &story.byline {
        members.insert(3, ("author_name", Json::str(&b.name)));
    }
    if let Some(p) = pictures
        .iter()
        .find(|p| p.name == crate::embed::picture_name(view))
    {
        members.push((
            "thumbnail_url",
            Json::str(place.url(&format!("images/{}.png", p.name))?),
        ));
        members.push(("thumbnail_width", Json::Number(f64::from(p.width))));
        members.push(("thumbnail_height", Json::Number(f64::from(p.height))));
    }
    Some(Json::object(members))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::images::pictures;
    use crate::page::images::tests::fonts;
    use crate::story::tests::story;

    fn responses() -> (Story, Vec<(Mode, Json)>) {
        let s = story();
        let t = crate::i18n::english();
        let pics = pictures(&s, t, &fonts());
        let place = Place::story("/news/", &s.slug).at(Some("https://example.org/"));
        let all = views(&s)
            .map(|v| (v, response(&s, t, &place, v, &pics, "The Desk").unwrap()))
            .collect();
        (s, all)
    }

    #[test]
    fn each_view_has_a_rich_response_with_its_picture() {
        let (s, all) = responses();
        let files: Vec<String> = all.iter().map(|(v, _)| file(*v)).collect();
        assert_eq!(
            files,
            [
                "oembed.json",
                "oembed-context.json",
                "oembed-timeline.json",
                "oembed-poll.json"
            ]
        );
        let page = format!("https://example.org/news/{}/", s.slug);
        for (view, r) in &all {
            let get = |k: &str| {
                r.get(k)
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            assert_eq!(get("type"), "rich");
            assert_eq!(get("version"), "1.0");
            assert_eq!(get("provider_name"), "The Desk");
            assert_eq!(get("provider_url"), "https://example.org/news/");
            assert_eq!(r.get("width").and_then(Json::as_u32), Some(600));
            assert_eq!(
                get("thumbnail_url"),
                format!("{page}images/{}.png", crate::embed::picture_name(*view))
            );
            assert_eq!(r.get("thumbnail_width").and_then(Json::as_u32), Some(600));
            assert!(r.get("thumbnail_height").and_then(Json::as_u32).unwrap() > 300);
            let html = get("html");
            let query = view.query().unwrap();
            assert!(
                html.contains(&format!("<iframe src=\"{page}?{query}\" ")),
                "{html}"
            );
            assert!(!html.contains("<script") && !html.contains('#'), "{html}");
            assert!(html.starts_with(&format!(
                "<blockquote style=\"display:none\"><a href=\"{page}\">"
            )));
        }
        let title = |i: usize| {
            all[i]
                .1
                .get("title")
                .and_then(Json::as_str)
                .unwrap()
                .to_owned()
        };
        assert_eq!(title(0), s.headline);
        assert_eq!(
            title(2),
            format!("{} – {}", s.timeline.as_ref().unwrap().heading, s.headline)
        );
    }

    #[test]
    fn without_the_sites_origin_there_is_no_response() {
        let s = story();
        let place = Place::story("/", &s.slug);
        assert!(response(&s, crate::i18n::english(), &place, Mode::Whole, &[], "x").is_none());
    }
}
