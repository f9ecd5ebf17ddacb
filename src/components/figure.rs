//! A story's picture: a `<figure>` with a responsive `<picture>` (WebP, and
//! JPEG or PNG for browsers without it) in every width the build made,
//! its size set so nothing moves when it arrives, its caption and credit.
//! Rendered at build time only; inside the timeline island a milestone's
//! picture travels as this component's HTML.

use leptos::prelude::*;

use crate::story::{Figure as FigureData, Photo};

/// Where the page's pictures are served from (`<root><slug>/pictures/`),
/// provided by the page: the root page and embed views share the story's
/// files. Without it (a component rendered alone), `pictures/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PicturesAt(pub String);

/// The `sizes` of every picture: the column's width (`--ex-measure`, 42rem)
/// on a wide screen, the screen less its margins on a narrow one.
pub const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

/// A picture of the story.
#[component]
pub fn Figure(
    /// The picture.
    figure: &'static FigureData,
    /// The story's lead picture: loaded at once and first, not lazily.
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let at = use_context::<PicturesAt>().map_or_else(|| "pictures/".to_owned(), |p| p.0);
    let picture = figure.photo.as_ref().map(|photo| {
        let srcset = |ext: &str| srcset(&at, &figure.slug, photo, ext);
        let fallback = photo.fallback;
        let src = format!(
            "{at}{}",
            photo.file(&figure.slug, Photo::WIDTHS[1], fallback.extension())
        );
        let width = Photo::WIDTHS[2];
        view! {
            <picture>
                <source type="image/webp" srcset=srcset("webp") sizes=SIZES />
                <img
                    class="ex-figure__img"
                    src=src
                    srcset=srcset(fallback.extension())
                    sizes=SIZES
                    width=width
                    height=photo.height_at(width)
                    alt=figure.alt.as_str()
                    loading=if lead { "eager" } else { "lazy" }
                    fetchpriority=lead.then_some("high")
                    decoding="async"
                />
            </picture>
        }
    });
    let caption = figure.caption.as_ref().map(|c| c.html.as_str());
    let credit = figure.credit.as_deref();
    let figcaption = (caption.is_some() || credit.is_some()).then(|| {
        view! {
            <figcaption class="ex-figure__caption">
                {caption.map(|html| view! { <span inner_html=html></span> })}
                {credit.map(|c| view! { " " <span class="ex-figure__credit">{c}</span> })}
            </figcaption>
        }
    });
    view! {
        <figure
            id=format!("picture-{}", figure.slug)
            class="ex-figure"
            class:ex-figure--lead=lead
        >
            {picture}
            {figcaption}
        </figure>
    }
}

/// A `<link rel="preload">` for the story's lead picture (its WebP files,
/// chosen as the `<img>` will choose), so its download starts with the
/// page's head, before the runtime's: the lead is what a reader sees first.
pub fn lead_preload(figure: &FigureData, at: &str) -> Option<impl IntoView> {
    let photo = figure.photo.as_ref()?;
    Some(
        leptos::html::link()
            .attr("rel", "preload")
            .attr("as", "image")
            .attr("type", "image/webp")
            .attr("imagesrcset", srcset(at, &figure.slug, photo, "webp"))
            .attr("imagesizes", SIZES)
            .attr("fetchpriority", "high"),
    )
}

/// `srcset` for the picture's files with `extension`.
fn srcset(at: &str, slug: &str, photo: &Photo, extension: &str) -> String {
    Photo::WIDTHS
        .iter()
        .map(|w| format!("{at}{} {w}w", photo.file(slug, *w, extension)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The figure's HTML, for a view that carries it into an island.
pub fn figure_html(figure: &'static FigureData) -> String {
    view! { <Figure figure=figure /> }.to_html()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::story::{PhotoFormat, Rich};

    fn figure(alt: &str, fallback: PhotoFormat) -> &'static FigureData {
        Box::leak(Box::new(FigureData {
            slug: "harbour".into(),
            file: "harbour.jpg".into(),
            file_at: (1, 1),
            alt: alt.into(),
            caption: Some(Rich {
                html: "The <em>harbour</em> & the sea".into(),
                plain: "The harbour & the sea".into(),
            }),
            credit: Some("Photo: A. Person".into()),
            photo: Some(Photo {
                key: "k1".into(),
                width: 3000,
                height: 2000,
                fallback,
            }),
        }))
    }

    #[test]
    fn a_picture_has_every_width_its_size_alt_caption_and_credit_and_loads_lazily() {
        let f = figure("Boats in a harbour \"at dawn\"", PhotoFormat::Jpeg);
        let html = crate::page::to_html(move || {
            provide_context(PicturesAt("/news/harbour-story/pictures/".into()));
            view! { <Figure figure=f /> }
        });
        let at = "/news/harbour-story/pictures/harbour-k1";
        for expected in [
            "<figure id=\"picture-harbour\" class=\"ex-figure\">".to_owned(),
            format!("<source type=\"image/webp\" srcset=\"{at}-400.webp 400w, {at}-800.webp 800w, {at}-1200.webp 1200w\" sizes=\"{SIZES}\">"),
            format!("src=\"{at}-800.jpg\" srcset=\"{at}-400.jpg 400w, {at}-800.jpg 800w, {at}-1200.jpg 1200w\""),
            "width=\"1200\" height=\"800\"".to_owned(),
            "alt=\"Boats in a harbour &quot;at dawn&quot;\"".to_owned(),
            "loading=\"lazy\"".to_owned(),
            "<figcaption class=\"ex-figure__caption\"><span>The <em>harbour</em> & the sea</span> <span class=\"ex-figure__credit\">Photo: A. Person</span></figcaption>".to_owned(),
        ] {
            assert!(html.contains(&expected), "{expected}\nin {html}");
        }
        assert!(!html.contains("fetchpriority"), "{html}");
    }

    #[test]
    fn the_lead_loads_first_and_a_decorative_picture_has_empty_alt() {
        let f = figure("", PhotoFormat::Png);
        let html = crate::page::to_html(move || view! { <Figure figure=f lead=true /> });
        assert!(html.contains("alt=\"\""), "{html}");
        assert!(
            html.contains("loading=\"eager\" fetchpriority=\"high\""),
            "{html}"
        );
        assert!(
            html.contains("class=\"ex-figure ex-figure--lead\""),
            "{html}"
        );
        assert!(
            html.contains("src=\"pictures/harbour-k1-800.png\""),
            "{html}"
        );
    }
}
