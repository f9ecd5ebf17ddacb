//! Fallback images of a story, rendered at build time: a 1200×630 social
//! card, a 600 px wide newsletter image of the timeline, and an image for
//! each embed view (the whole explainer, the context, the timeline, the
//! poll) for the places that take a picture, not a script (link previews,
//! newsletters, oEmbed thumbnails, AMP placeholders, `<noscript>`).
//!
//! Each is drawn as SVG from the story and its locale, then rasterised by
//! resvg with the fonts given ([`Fonts`], read from files: no system font is
//! ever consulted). SVG has no line wrapping, so lines are laid out here:
//! each text is measured with harfrust (the shaper resvg itself uses) and
//! broken only where UAX #14 allows (`unicode-linebreak`), so no word is
//! ever cut; a text that does not fit is set smaller, or ends at a word with
//! an ellipsis. Right-to-left editions are set from the right, each line a
//! right-to-left embedding.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::dates::chronological;
use crate::i18n::{Dir, Locale, Value};
use crate::story::{QuestionKind, Story};
use crate::timeline::layout::Axis;

/// The family name of the fonts (DejaVu Sans, from Debian's `fonts-dejavu-core`).
pub const FAMILY: &str = "DejaVu Sans";

/// The font files images are set in, and the Debian packages that ship
/// them (`cargo xtask setup` installs these): DejaVu Sans for Latin,
/// Cyrillic, Greek and Arabic, IPA Gothic for Japanese.
pub const FONT_FILES: [(&str, &str); 3] = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "fonts-dejavu-core",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "fonts-dejavu-core",
    ),
    (
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "fonts-ipafont-gothic",
    ),
];

/// The light scheme's tokens (style/tokens.css).
const BG: &str = "#ffffff";
const TEXT: &str = "#1a1c1f";
const MUTED: &str = "#51565e";
const ACCENT: &str = "#0b5cad";
const SURFACE: &str = "#f4f5f7";
const BORDER: &str = "#c9cdd3";
const SECTORS: [&str; 8] = [
    "#b45309", "#1d4ed8", "#7c3aed", "#15803d", "#be185d", "#475569", "#0e7490", "#b91c1c",
];

/// The fonts images are set in: a regular and a bold face of [`FAMILY`],
/// then faces for the scripts it lacks (Japanese, say), tried in order for
/// each character.
pub struct Fonts {
    regular: Vec<u8>,
    bold: Vec<u8>,
    fallbacks: Vec<Vec<u8>>,
}

impl Fonts {
    /// Fonts from their files' bytes; an error when one is no font.
    pub fn new(regular: Vec<u8>, bold: Vec<u8>, fallbacks: Vec<Vec<u8>>) -> Result<Fonts, String> {
        let named = [("regular", &regular), ("bold", &bold)].into_iter();
        let rest = fallbacks.iter().map(|f| ("fallback", f));
        for (name, bytes) in named.chain(rest) {
            harfrust::FontRef::from_index(bytes, 0)
                .map_err(|e| format!("the {name} font is not a font: {e:?}"))?;
        }
        Ok(Fonts {
            regular,
            bold,
            fallbacks,
        })
    }

    /// The fonts of [`FONT_FILES`], read from their files; an error names a
    /// missing file and its package.
    pub fn load() -> Result<Fonts, String> {
        let mut read = FONT_FILES.iter().map(|(path, package)| {
            std::fs::read(path).map_err(|e| {
                format!("cannot read the font {path} ({e}): install Debian's {package} (`cargo xtask setup` does)")
            })
        });
        let mut next = || {
            read.next()
                .unwrap_or_else(|| Err("no font files".to_owned()))
        };
        let (regular, bold) = (next()?, next()?);
        let fallbacks = read.collect::<Result<Vec<_>, _>>()?;
        Fonts::new(regular, bold, fallbacks)
    }

    /// The faces to try for a character, in order.
    fn faces(&self, bold: bool) -> impl Iterator<Item = &[u8]> {
        let main = if bold { &self.bold } else { &self.regular };
        std::iter::once(main.as_slice()).chain(self.fallbacks.iter().map(Vec::as_slice))
    }

    /// The face that has `c`: the first that maps it, else the main one.
    fn face_for(&self, c: char, bold: bool) -> usize {
        use read_fonts::TableProvider;
        self.faces(bold)
            .position(|bytes| {
                read_fonts::FontRef::from_index(bytes, 0)
                    .ok()
                    .and_then(|f| f.cmap().ok())
                    .and_then(|cmap| cmap.map_codepoint(c))
                    .is_some_and(|g| g.to_u32() != 0)
            })
            .unwrap_or(0)
    }

    /// The width of `text` set in the regular or bold face at `size` px,
    /// each run of characters in the face that has them (as usvg sets it).
    fn advance(&self, text: &str, bold: bool, size: f32) -> f32 {
        let mut total = 0.0;
        let mut run = String::new();
        let mut face = None;
        for c in text.chars() {
            let f = if c.is_whitespace() {
                face.unwrap_or(0)
            } else {
                self.face_for(c, bold)
            };
            if face.is_some_and(|was| was != f) {
                total += self.run_advance(&run, face.unwrap_or(0), bold, size);
                run.clear();
            }
            face = Some(f);
            run.push(c);
        }
        total + self.run_advance(&run, face.unwrap_or(0), bold, size)
    }

    /// The width of `text` shaped in face `face` of [`Fonts::faces`].
    fn run_advance(&self, text: &str, face: usize, bold: bool, size: f32) -> f32 {
        let Some(bytes) = self.faces(bold).nth(face) else {
            return 0.0;
        };
        let Ok(font) = harfrust::FontRef::from_index(bytes, 0) else {
            return 0.0;
        };
        let data = harfrust::ShaperData::new(&font);
        let shaper = data.shaper(&font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / shaper.units_per_em() as f32
    }

    /// `text` in lines no wider than `width`, broken only where UAX #14
    /// allows; a word wider than a line stands alone on its line.
    pub fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut start = 0;
        for (at, kind) in linebreaks(text) {
            let piece = text.get(start..at).unwrap_or_default();
            start = at;
            let tried = format!("{line}{piece}");
            if !line.is_empty() && self.advance(tried.trim_end(), bold, size) > width {
                lines.push(line.trim_end().to_owned());
                line = piece.to_owned();
            } else {
                line = tried;
            }
            if kind == BreakOpportunity::Mandatory && at < text.len() {
                lines.push(line.trim_end().to_owned());
                line.clear();
            }
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        lines
    }

    /// Whether every word of `text` fits `width` at `size`.
    fn words_fit(&self, text: &str, bold: bool, size: f32, width: f32) -> bool {
        self.wrap(text, bold, size, width)
            .iter()
            .all(|l| self.advance(l, bold, size) <= width + 0.5)
    }
}

/// A picture of a story: what is drawn, as SVG, and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Its file name, without `.png` / `.svg`: `card`, `timeline`...
    pub name: &'static str,
    /// Width, px.
    pub width: u32,
    /// Height, px.
    pub height: u32,
    /// The drawing.
    pub svg: String,
    /// Its text alternative.
    pub alt: String,
}

/// Escapes text for SVG.
fn esc(s: &str) -> String {
    crate::embed::escape(s)
}

/// A page being laid out, top to bottom.
struct Canvas<'a> {
    fonts: &'a Fonts,
    width: f32,
    margin: f32,
    rtl: bool,
    y: f32,
    body: String,
}

impl<'a> Canvas<'a> {
    fn new(fonts: &'a Fonts, width: f32, margin: f32, dir: Dir) -> Canvas<'a> {
        Canvas {
            fonts,
            width,
            margin,
            rtl: dir == Dir::Rtl,
            y: margin,
            body: String::new(),
        }
    }

    /// The x of a line's start (and its anchor), `indent` in from the margin.
    fn start(&self, indent: f32) -> (f32, &'static str) {
        if self.rtl {
            (self.width - self.margin - indent, "end")
        } else {
            (self.margin + indent, "start")
        }
    }

    /// One line of text at the current baseline.
    fn line(&mut self, text: &str, indent: f32, size: f32, bold: bool, fill: &str) {
        let (x, anchor) = self.start(indent);
        let weight = if bold { "bold" } else { "normal" };
        // resvg lays out every text as a left-to-right paragraph (it takes
        // no `direction`): a right-to-left embedding around the line makes it
        // one, so dates, numbers and punctuation fall where the page has them.
        let (open, close) = if self.rtl {
            ("\u{202B}", "\u{202C}")
        } else {
            ("", "")
        };
        self.body.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-family=\"{FAMILY}\" font-size=\"{size:.1}\" font-weight=\"{weight}\" fill=\"{fill}\" text-anchor=\"{anchor}\">{open}{}{close}</text>\n",
            self.y,
            esc(text)
        ));
    }

    /// A wrapped text block: at most `max_lines` lines (the last ending at a
    /// word with an ellipsis when the text is longer), each `size * 1.3` apart.
    fn block(
        &mut self,
        text: &str,
        indent: f32,
        size: f32,
        bold: bool,
        fill: &str,
        max_lines: usize,
    ) -> usize {
        let width = self.width - 2.0 * self.margin - indent;
        let mut lines = self.fonts.wrap(text, bold, size, width);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                last.push('…');
                while self.fonts.advance(last, bold, size) > width {
                    // Drop the last word, never part of one.
                    let Some(cut) = last
                        .trim_end_matches('…')
                        .trim_end()
                        .rfind(char::is_whitespace)
                    else {
                        break;
                    };
                    last.truncate(cut);
                    last.push('…');
                }
            }
        }
        for l in &lines {
            self.y += size * 1.3;
            self.line(l, indent, size, bold, fill);
        }
        lines.len()
    }

    /// The largest size from `sizes` at which `text` fits `max_lines` lines
    /// with no word wider than the line.
    fn fitting(&self, text: &str, bold: bool, sizes: &[f32], max_lines: usize) -> f32 {
        let width = self.width - 2.0 * self.margin;
        sizes
            .iter()
            .copied()
            .find(|s| {
                self.fonts.wrap(text, bold, *s, width).len() <= max_lines
                    && self.fonts.words_fit(text, bold, *s, width)
            })
            .unwrap_or(sizes[sizes.len() - 1])
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: &str) {
        let x = if self.rtl { self.width - x - w } else { x };
        self.body.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\"/>\n"
        ));
    }

    fn finish(self, name: &'static str, height: Option<f32>, alt: String) -> Picture {
        let width = self.width.round() as u32;
        let height = height.unwrap_or(self.y + self.margin).ceil() as u32;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n<rect width=\"{width}\" height=\"{height}\" fill=\"{BG}\"/>\n<rect width=\"{width}\" height=\"10\" fill=\"{ACCENT}\"/>\n{}</svg>\n",
            self.body
        );
        Picture {
            name,
            width,
            height,
            svg,
            alt,
        }
    }
}

/// The years the story's timeline covers, in the locale's words (`2024–2032`).
fn years(story: &Story, t: &Locale) -> Option<String> {
    let timeline = story.timeline.as_ref()?;
    let axis = Axis::covering(timeline.milestones.iter().filter_map(|m| m.when))?;
    let (a, b) = (t.year_number(axis.first), t.year_number(axis.last));
    Some(if a == b {
        a
    } else {
        t.format(
            "when-span",
            &[("start", Value::Text(a)), ("end", Value::Text(b))],
        )
    })
}

/// The social card: 1200×630, the section, the headline, the standfirst,
/// and the timeline's heading and years (when it has a timeline).
pub fn card(story: &Story, t: &Locale, fonts: &Fonts) -> Picture {
    let mut c = Canvas::new(fonts, 1200.0, 72.0, t.dir);
    c.y = 60.0;
    if let Some(section) = &story.section {
        c.block(section, 0.0, 30.0, true, ACCENT, 1);
        c.y += 12.0;
    }
    let size = c.fitting(&story.headline, true, &[64.0, 58.0, 52.0, 46.0, 40.0], 4);
    c.block(&story.headline, 0.0, size, true, TEXT, 4);
    c.y += 24.0;
    let room = ((520.0 - c.y) / (32.0 * 1.3)).floor().max(0.0) as usize;
    if room > 0 {
        c.block(&story.standfirst, 0.0, 32.0, false, MUTED, room.min(3));
    }
    c.y = 630.0 - 60.0;
    if let Some(timeline) = &story.timeline {
        let footer = match years(story, t) {
            Some(y) => format!("{} · {y}", timeline.heading),
            None => timeline.heading.clone(),
        };
        c.rect(72.0, c.y - 44.0, 1056.0, 2.0, BORDER);
        c.line(&footer, 0.0, 28.0, false, MUTED);
    }
    let alt = story.headline.clone();
    c.finish("card", Some(630.0), alt)
}

/// The whole explainer, 600 px wide: the headline, the standfirst, and the
/// headings of its parts.
pub fn explainer(story: &Story, t: &Locale, fonts: &Fonts) -> Picture {
    let mut c = Canvas::new(fonts, 600.0, 36.0, t.dir);
    if let Some(section) = &story.section {
        c.block(section, 0.0, 22.0, true, ACCENT, 1);
        c.y += 6.0;
    }
    let size = c.fitting(&story.headline, true, &[34.0, 30.0, 26.0], 5);
    c.block(&story.headline, 0.0, size, true, TEXT, 5);
    c.y += 8.0;
    c.block(&story.standfirst, 0.0, 24.0, false, MUTED, 4);
    c.y += 12.0;
    for heading in story.embeddable().filter_map(|p| story.heading_of(p)) {
        c.y += 8.0;
        c.rect(36.0, c.y + 10.0, 8.0, 24.0, ACCENT);
        c.block(heading, 20.0, 24.0, true, TEXT, 2);
    }
    let alt = story.headline.clone();
    c.finish("explainer", None, alt)
}

/// The context, 600 px wide: its heading and its sections' titles.
pub fn context(story: &Story, t: &Locale, fonts: &Fonts) -> Option<Picture> {
    let context = story.context.as_ref()?;
    let mut c = Canvas::new(fonts, 600.0, 36.0, t.dir);
    c.block(&context.heading, 0.0, 30.0, true, TEXT, 3);
    c.y += 10.0;
    for s in &context.sections {
        c.y += 10.0;
        c.rect(36.0, c.y + 12.0, 564.0 - 36.0, 1.0, BORDER);
        c.y += 4.0;
        c.block(&s.title, 0.0, 24.0, false, TEXT, 3);
    }
    let alt = context.heading.clone();
    Some(c.finish("context", None, alt))
}

/// The timeline, 600 px wide (the newsletter image): its heading and years,
/// then each milestone in date order with its dates, its sector's colour and
/// its title.
pub fn timeline(story: &Story, t: &Locale, fonts: &Fonts) -> Option<Picture> {
    let tl = story.timeline.as_ref()?;
    let mut c = Canvas::new(fonts, 600.0, 36.0, t.dir);
    c.block(&tl.heading, 0.0, 30.0, true, TEXT, 3);
    if let Some(y) = years(story, t) {
        c.block(&y, 0.0, 22.0, false, MUTED, 1);
    }
    c.y += 8.0;
    let whens: Vec<_> = tl.milestones.iter().map(|m| m.when).collect();
    for i in chronological(&whens) {
        let m = &tl.milestones[i];
        let colour = tl
            .sector_of(m)
            .map_or(MUTED, |k| SECTORS[k % SECTORS.len()]);
        c.y += 14.0;
        c.rect(36.0, c.y + 8.0, 6.0, 58.0, colour);
        let when = m.when_text(t).unwrap_or_else(|| t.text("timeline-undated"));
        c.block(&when, 18.0, 22.0, false, MUTED, 2);
        c.block(&m.title, 18.0, 24.0, true, TEXT, 3);
    }
    let alt = tl.heading.clone();
    Some(c.finish("timeline", None, alt))
}

/// The poll, 600 px wide: its heading, and each question with its choices
/// (a circle for one answer, a square for several, a box for a text).
pub fn poll(story: &Story, t: &Locale, fonts: &Fonts) -> Option<Picture> {
    let p = story.poll.as_ref()?;
    let mut c = Canvas::new(fonts, 600.0, 36.0, t.dir);
    c.block(&p.heading, 0.0, 30.0, true, TEXT, 3);
    c.block(&p.intro.plain, 0.0, 22.0, false, MUTED, 3);
    for q in &p.questions {
        c.y += 16.0;
        c.block(&q.prompt, 0.0, 24.0, true, TEXT, 4);
        match q.kind {
            QuestionKind::Text => {
                c.y += 10.0;
                // A text box: a border, then its fill inside.
                c.rect(36.0, c.y, 528.0, 56.0, BORDER);
                c.rect(37.0, c.y + 1.0, 526.0, 54.0, SURFACE);
                c.y += 56.0;
            }
            kind => {
                let mark = if kind == QuestionKind::Single {
                    "○"
                } else {
                    "□"
                };
                for choice in &q.choices {
                    c.y += 4.0;
                    c.block(
                        &format!("{mark} {}", choice.label),
                        8.0,
                        22.0,
                        false,
                        TEXT,
                        2,
                    );
                }
            }
        }
    }
    let alt = p.heading.clone();
    Some(c.finish("poll", None, alt))
}

/// Every picture of a story: the card, then the whole explainer, the
/// context, the timeline and the poll (of the parts it has).
pub fn pictures(story: &Story, t: &Locale, fonts: &Fonts) -> Vec<Picture> {
    let mut out = vec![card(story, t, fonts), explainer(story, t, fonts)];
    out.extend(context(story, t, fonts));
    out.extend(timeline(story, t, fonts));
    out.extend(poll(story, t, fonts));
    out
}

/// The picture as PNG, set in `fonts` only.
pub fn png(picture: &Picture, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(fonts.regular.clone());
    db.load_font_data(fonts.bold.clone());
    for f in &fonts.fallbacks {
        db.load_font_data(f.clone());
    }
    // usvg falls back to `serif` for an unknown family: the same font.
    db.set_serif_family(FAMILY);
    db.set_sans_serif_family(FAMILY);
    let options = usvg::Options {
        font_family: FAMILY.to_owned(),
        fontdb: Arc::new(db),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(&picture.svg, &options)
        .map_err(|e| format!("{}: the drawing is not SVG: {e}", picture.name))?;
    let mut pixmap = tiny_skia::Pixmap::new(picture.width, picture.height).ok_or_else(|| {
        format!(
            "{}: no room for {}×{}",
            picture.name, picture.width, picture.height
        )
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("{}: cannot encode the PNG: {e}", picture.name))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::story::tests::story;

    /// The fonts of [`FONT_FILES`] (`cargo xtask setup` installs them).
    pub(crate) fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
            .filter_map(|t| t.split_once("</text>").map(|(text, _)| text))
            .map(crate::page::unescaped)
            .collect()
    }

    #[test]
    fn lines_break_between_words_only_and_fit() {
        let f = fonts();
        let text = "Tajik President Emomali Rahmon holds high-level talks in Tokyo, boosting strategic partnership";
        let lines = f.wrap(text, true, 40.0, 500.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text, "every word kept, in order");
        for l in &lines {
            assert!(f.advance(l, true, 40.0) <= 500.0, "{l}");
        }
        // A word wider than the line stands alone rather than being cut.
        let long = f.wrap("a Donaudampfschifffahrtsgesellschaft b", false, 40.0, 200.0);
        assert!(
            long.contains(&"Donaudampfschifffahrtsgesellschaft".to_owned()),
            "{long:?}"
        );
    }

    #[test]
    fn the_card_is_1200_by_630_and_carries_the_headline_whole() {
        let s = story();
        let f = fonts();
        let card = card(&s, crate::i18n::english(), &f);
        assert_eq!((card.width, card.height), (1200, 630));
        let lines = texts(&card.svg);
        let headline_lines: Vec<&String> = lines
            .iter()
            .filter(|l| s.headline.contains(l.as_str()))
            .collect();
        let joined = headline_lines
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, s.headline);
        let png = png(&card, &f).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1200);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 630);
    }

    #[test]
    fn the_timeline_image_is_600_wide_and_lists_every_milestone() {
        let s = story();
        let pic = timeline(&s, crate::i18n::english(), &fonts()).unwrap();
        assert_eq!(pic.width, 600);
        let all = texts(&pic.svg).join("\n");
        for m in &s.timeline.as_ref().unwrap().milestones {
            let first_word = m.title.split_whitespace().next().unwrap();
            assert!(all.contains(first_word), "{}", m.title);
        }
        assert!(all.contains("2026–2030"));
    }

    #[test]
    fn japanese_is_measured_in_the_face_that_has_it() {
        let f = fonts();
        // DejaVu has no kana: the fallback face sets them, each about 1 em.
        let width = f.advance("日本の首相", false, 20.0);
        assert!((90.0..=110.0).contains(&width), "{width}");
        assert_eq!(f.face_for('日', false), 1);
        assert_eq!(f.face_for('a', true), 0);
        // Japanese breaks between characters, never past the width.
        let lines = f.wrap(
            "東京で日本の首相と会談し、戦略的パートナーシップを強化した",
            true,
            30.0,
            200.0,
        );
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(f.advance(l, true, 30.0) <= 200.0, "{l}");
        }
    }

    #[test]
    fn a_japanese_edition_is_set_in_the_japanese_face_within_the_picture() {
        let file = crate::i18n::read("locales/ja.ftl", "ja", include_str!("../../locales/ja.ftl"))
            .unwrap();
        let ja = crate::i18n::Locale::new(&file, "ja", &[]).unwrap();
        let f = fonts();
        let pic = timeline(&story(), &ja, &f).unwrap();
        let lines = texts(&pic.svg);
        assert!(lines.iter().any(|l| l.contains('年')), "{lines:?}");
        // Every line, Japanese or not, fits between the margins.
        for l in &lines {
            assert!(f.advance(l, true, 24.0) <= 600.0 - 2.0 * 36.0, "{l}");
        }
        assert!(png(&pic, &f).unwrap().len() > 1000);
    }

    #[test]
    fn right_to_left_lines_are_embeddings_set_from_the_right() {
        let f = fonts();
        let mut c = Canvas::new(&f, 600.0, 36.0, Dir::Rtl);
        c.line("15 سبتمبر 2033", 0.0, 22.0, false, TEXT);
        assert!(c.body.contains("x=\"564.0\""), "{}", c.body);
        assert!(
            c.body
                .contains("text-anchor=\"end\">\u{202B}15 سبتمبر 2033\u{202C}</text>"),
            "{}",
            c.body
        );
    }

    #[test]
    fn a_missing_font_file_is_named_with_its_package() {
        let err = Fonts::new(vec![1, 2, 3], vec![], vec![]).err().unwrap();
        assert!(err.contains("regular font is not a font"), "{err}");
    }

    #[test]
    fn every_picture_renders() {
        let s = story();
        let f = fonts();
        let names: Vec<&str> = pictures(&s, crate::i18n::english(), &f)
            .iter()
            .map(|p| {
                assert!(png(p, &f).unwrap().len() > 1000, "{}", p.name);
                p.name
            })
            .collect();
        assert_eq!(names, ["card", "explainer", "context", "timeline", "poll"]);
    }
}
