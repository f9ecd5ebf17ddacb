//! A story's pictures, made ready for the page at build time: each source
//! file (JPEG, PNG or WebP in the story's folder) is read, turned upright
//! (its EXIF orientation), checked, and written in every width of
//! [`Photo::WIDTHS`] as WebP and as JPEG (PNG for a picture with
//! transparency). The files are kept in a cache folder under the hash of
//! the source, so a build whose pictures did not change makes none again.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, GenericImageView, ImageDecoder, ImageReader};
use sha2::{Digest, Sha256};

use crate::story::{Photo, PhotoFormat};

/// WebP quality (0–100) of every width.
const WEBP_QUALITY: f32 = 75.0;
/// JPEG quality (1–100) of every width.
const JPEG_QUALITY: u8 = 80;
/// Changes whenever what is made from a source changes (widths, formats,
/// qualities), so the cache never serves files made otherwise.
const RECIPE: &str = "photos-1: 400,800,1200; webp 75; jpeg 80; png";

/// The picture at `source` (called `name` in messages), its files made in
/// (or found in) `cache`.
pub fn prepare(source: &Path, name: &str, cache: &Path) -> Result<Photo, String> {
    let bytes = std::fs::read(source).map_err(|e| format!("cannot read {name}: {e}"))?;
    let key = key(&bytes);
    let folder = cache.join(&key);
    if let Some(photo) = std::fs::read_to_string(folder.join("meta"))
        .ok()
        .and_then(|meta| from_meta(&key, &meta))
    {
        return Ok(photo);
    }
    let (photo, files) = make(&bytes, key).map_err(|e| format!("{name} {e}"))?;
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    for (name, data) in files {
        std::fs::write(folder.join(name), data)
            .map_err(|e| format!("cannot write the picture cache {}: {e}", folder.display()))?;
    }
    // Last: a folder with its `meta` holds every file.
    std::fs::write(folder.join("meta"), to_meta(&photo))
        .map_err(|e| format!("cannot write the picture cache {}: {e}", folder.display()))?;
    Ok(photo)
}

/// Copies the files of `figure`'s picture from `cache` into `dir`, under
/// the names the page uses ([`Photo::file`]).
pub fn copy_files(photo: &Photo, figure: &str, cache: &Path, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (width, extension) in files_of(photo) {
        let from = cache.join(&photo.key).join(format!("{width}.{extension}"));
        let to = dir.join(photo.file(figure, width, extension));
        std::fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(())
}

/// Every file of a picture: each width in WebP and in its fallback.
pub fn files_of(photo: &Photo) -> impl Iterator<Item = (u32, &'static str)> {
    let fallback = photo.fallback.extension();
    Photo::WIDTHS
        .into_iter()
        .flat_map(move |w| [(w, "webp"), (w, fallback)])
}

/// The cache key of a source: its hash, with the recipe.
fn key(bytes: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(RECIPE.as_bytes());
    hash.update(bytes);
    hash.finalize()[..5]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn to_meta(photo: &Photo) -> String {
    format!(
        "{} {} {}\n",
        photo.width,
        photo.height,
        photo.fallback.extension()
    )
}

fn from_meta(key: &str, meta: &str) -> Option<Photo> {
    let mut parts = meta.split_whitespace();
    let width = parts.next()?.parse().ok()?;
    let height = parts.next()?.parse().ok()?;
    let fallback = match parts.next()? {
        "jpg" => PhotoFormat::Jpeg,
        "png" => PhotoFormat::Png,
        _ => return None,
    };
    Some(Photo {
        key: key.to_owned(),
        width,
        height,
        fallback,
    })
}

/// A picture's files: `(name in the cache, bytes)`.
pub type Files = Vec<(String, Vec<u8>)>;

/// Reads a source and makes its files.
pub fn make(bytes: &[u8], key: String) -> Result<(Photo, Files), String> {
    let image = decode(bytes)?;
    let (width, height) = image.dimensions();
    let widest = Photo::WIDTHS[Photo::WIDTHS.len() - 1];
    if width < widest {
        return Err(format!(
            "is {width} px wide: a picture needs at least {widest} px (the widest the page serves, a column on a sharp screen)"
        ));
    }
    let transparent = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    let photo = Photo {
        key,
        width,
        height,
        fallback: if transparent {
            PhotoFormat::Png
        } else {
            PhotoFormat::Jpeg
        },
    };
    let mut files = Vec::new();
    for w in Photo::WIDTHS {
        let sized =
            image.resize_exact(w, photo.height_at(w), image::imageops::FilterType::Lanczos3);
        let sized = if transparent {
            DynamicImage::ImageRgba8(sized.to_rgba8())
        } else {
            DynamicImage::ImageRgb8(sized.to_rgb8())
        };
        let (w_px, h_px) = sized.dimensions();
        let webp = match &sized {
            DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba.as_raw(), w_px, h_px),
            other => webp::Encoder::from_rgb(other.as_bytes(), w_px, h_px),
        }
        .encode(WEBP_QUALITY);
        files.push((format!("{w}.webp"), webp.to_vec()));
        let mut fallback = Vec::new();
        match photo.fallback {
            PhotoFormat::Jpeg => sized.write_with_encoder(
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut fallback, JPEG_QUALITY),
            ),
            PhotoFormat::Png => {
                sized.write_to(&mut Cursor::new(&mut fallback), image::ImageFormat::Png)
            }
        }
        .map_err(|e| format!("could not be written at {w} px ({e})"))?;
        files.push((format!("{w}.{}", photo.fallback.extension()), fallback));
    }
    Ok((photo, files))
}

/// The source, decoded and turned as its EXIF orientation says.
fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot be read as a picture ({e})"))?;
    match reader.format() {
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP) => {}
        Some(other) => {
            let name = other
                .extensions_str()
                .first()
                .map_or(String::new(), |e| e.to_ascii_uppercase());
            return Err(format!(
                "is a {name} file, not a format the kit takes: save it as JPEG (photographs) or PNG (maps, charts), or WebP"
            ));
        }
        None => return Err("is not a picture the kit can read: use JPEG, PNG or WebP".into()),
    }
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("cannot be read as a picture ({e})"))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| format!("cannot be read as a picture ({e})"))?;
    image.apply_orientation(orientation);
    Ok(image)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A made-up picture: a gradient with some detail, `width` x `height`,
    /// encoded as `format`.
    pub fn sample(width: u32, height: u32, format: image::ImageFormat, alpha: bool) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, y| {
            let a = if alpha && x < width / 4 { 0 } else { 255 };
            image::Rgba([
                (x * 255 / width) as u8,
                (y * 255 / height) as u8,
                ((x ^ y) & 0xff) as u8,
                a,
            ])
        });
        let image = if alpha {
            DynamicImage::ImageRgba8(image)
        } else {
            DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(image).to_rgb8())
        };
        let mut out = Vec::new();
        image.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    #[test]
    fn a_photograph_is_made_in_every_width_in_webp_and_jpeg() {
        let bytes = sample(1600, 900, image::ImageFormat::Jpeg, false);
        let (photo, files) = make(&bytes, "k".into()).unwrap();
        assert_eq!(
            (photo.width, photo.height, photo.fallback),
            (1600, 900, PhotoFormat::Jpeg)
        );
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "400.webp",
                "400.jpg",
                "800.webp",
                "800.jpg",
                "1200.webp",
                "1200.jpg"
            ]
        );
        for (name, data) in &files {
            let image = image::load_from_memory(data).unwrap();
            let w: u32 = name.split('.').next().unwrap().parse().unwrap();
            assert_eq!(image.dimensions(), (w, photo.height_at(w)), "{name}");
        }
        assert_eq!(photo.height_at(1200), 675);
    }

    #[test]
    fn a_picture_with_transparency_falls_back_to_png() {
        let bytes = sample(1200, 600, image::ImageFormat::Png, true);
        let (photo, files) = make(&bytes, "k".into()).unwrap();
        assert_eq!(photo.fallback, PhotoFormat::Png);
        assert!(files.iter().any(|(n, _)| n == "1200.png"));
        // Opaque PNG: a photograph after all.
        let bytes = sample(1200, 600, image::ImageFormat::Png, false);
        assert_eq!(
            make(&bytes, "k".into()).unwrap().0.fallback,
            PhotoFormat::Jpeg
        );
    }

    #[test]
    fn too_small_unsupported_and_broken_files_are_named() {
        let small = sample(900, 600, image::ImageFormat::Jpeg, false);
        let e = make(&small, "k".into()).unwrap_err();
        assert!(
            e.starts_with("is 900 px wide: a picture needs at least 1200 px"),
            "{e}"
        );
        let mut gif = b"GIF89a".to_vec();
        gif.extend([0u8; 64]);
        let e = make(&gif, "k".into()).unwrap_err();
        assert!(
            e.starts_with("is a GIF file, not a format the kit takes"),
            "{e}"
        );
        let e = make(b"not a picture at all", "k".into()).unwrap_err();
        assert!(e.contains("use JPEG, PNG or WebP"), "{e}");
        let mut cut = sample(1200, 600, image::ImageFormat::Png, false);
        cut.truncate(cut.len() / 2);
        assert!(make(&cut, "k".into())
            .unwrap_err()
            .starts_with("cannot be read as a picture"));
    }

    #[test]
    fn the_cache_makes_a_picture_once_and_copies_it_under_the_pages_names() {
        let dir = std::env::temp_dir().join(format!("explainer-photos-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let source = dir.join("harbour.jpg");
        std::fs::write(&source, sample(1200, 800, image::ImageFormat::Jpeg, false)).unwrap();
        let cache = dir.join("cache");
        let photo = prepare(&source, "harbour.jpg", &cache).unwrap();
        let meta = cache.join(&photo.key).join("meta");
        let made = std::fs::metadata(&meta).unwrap().modified().unwrap();
        // Again: found, not made (the cached files are not written again).
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(prepare(&source, "harbour.jpg", &cache).unwrap(), photo);
        assert_eq!(std::fs::metadata(&meta).unwrap().modified().unwrap(), made);
        let out = dir.join("dist");
        copy_files(&photo, "harbour", &cache, &out).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let k = &photo.key;
        assert_eq!(
            names,
            [
                format!("harbour-{k}-1200.jpg"),
                format!("harbour-{k}-1200.webp"),
                format!("harbour-{k}-400.jpg"),
                format!("harbour-{k}-400.webp"),
                format!("harbour-{k}-800.jpg"),
                format!("harbour-{k}-800.webp"),
            ]
        );
        // Another source: another key.
        std::fs::write(&source, sample(1300, 800, image::ImageFormat::Jpeg, false)).unwrap();
        assert_ne!(
            prepare(&source, "harbour.jpg", &cache).unwrap().key,
            photo.key
        );
        let e = prepare(&dir.join("missing.jpg"), "content/s/missing.jpg", &cache).unwrap_err();
        assert!(e.starts_with("cannot read content/s/missing.jpg: "), "{e}");
        std::fs::write(&source, sample(800, 600, image::ImageFormat::Jpeg, false)).unwrap();
        let e = prepare(&source, "content/s/harbour.jpg", &cache).unwrap_err();
        assert!(e.starts_with("content/s/harbour.jpg is 800 px wide"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
