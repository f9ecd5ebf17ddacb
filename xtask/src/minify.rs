//! Minifies the wasm-bindgen JavaScript glue of a runtime build, with short
//! names between it and its wasm ([`crate::wasm_names`]).
//!
//! Trunk's own minifier leaves this file alone. `terser` (from npm,
//! installed by `cargo xtask setup`) compresses and mangles it as an ES
//! module; the Subresource Integrity hashes Trunk wrote into its
//! `index.html` for the file are then replaced with the new file's, so that
//! page stays true. The file keeps its content-hashed name (the hash names
//! the build, and the build still changes it).

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha384};

use base64::Engine;

use crate::util::{run, Ctx, Result};

/// The SRI value of `bytes` as Trunk writes it (`sha384-…`).
pub fn sri(bytes: &[u8]) -> String {
    let hash = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

/// `html` with every `old` integrity value replaced by `new`; an error when
/// the page never named `old` (the hashes would no longer match).
pub fn replace_integrity(html: &str, old: &str, new: &str) -> Result<String> {
    if !html.contains(old) {
        return Err(format!("index.html has no integrity value {old}"));
    }
    Ok(html.replace(old, new))
}

/// The app's JavaScript in `dist`: top-level `*.js` files that Trunk
/// content-hashed (`name-<hash>.js`), not copied files such as `embed.js`.
pub fn glue_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".js")
                && name
                    .trim_end_matches(".js")
                    .rsplit_once('-')
                    .is_some_and(|(_, h)| h.len() >= 8 && h.chars().all(|c| c.is_ascii_hexdigit()))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Minifies the glue in `dir` (and the splitter's loader `link`, when the
/// wasm was split: [`crate::split`]) and fixes the integrity hashes in its
/// `index.html`.
pub fn apply(ctx: &Ctx, dir: &Path, link: Option<&Path>) -> Result {
    let index = dir.join("index.html");
    let mut html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    // The loader is imported by the glue (no integrity value to fix), and
    // renamed with it.
    let mut files: Vec<_> = glue_files(dir)?
        .into_iter()
        .filter(|f| Some(f.as_path()) != link)
        .collect();
    files.extend(link.map(Path::to_path_buf));
    for file in files {
        let before = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        // Its wasm (`<name>_bg.wasm`) and the glue with short names between them.
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        let wasm = file.with_file_name(format!("{stem}_bg.wasm"));
        if wasm.is_file() {
            let (was, is) = crate::wasm_names::shorten(ctx, &wasm, &file, link)?;
            let old = sri(&was);
            if html.contains(&old) {
                html = replace_integrity(&html, &old, &sri(&is))?;
            }
        }
        run(ctx
            .cmd(ctx.root.join("node_modules/.bin/terser"))
            .arg(&file)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&file))?;
        let after = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let old = sri(&before);
        if html.contains(&old) {
            html = replace_integrity(&html, &old, &sri(&after))?;
        }
        println!(
            "minify: {} {} -> {} bytes",
            file.file_name().unwrap_or_default().to_string_lossy(),
            before.len(),
            after.len()
        );
    }
    fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_matches_openssl() {
        // printf 'alert(1)' | openssl dgst -sha384 -binary | base64
        assert_eq!(
            sri(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }

    #[test]
    fn replaces_every_integrity_value_or_refuses() {
        let html =
            r#"<link integrity="sha384-A"><script>import("/x.js",{integrity:"sha384-A"})</script>"#;
        assert_eq!(
            replace_integrity(html, "sha384-A", "sha384-B").unwrap(),
            r#"<link integrity="sha384-B"><script>import("/x.js",{integrity:"sha384-B"})</script>"#
        );
        assert!(replace_integrity(html, "sha384-C", "sha384-D").is_err());
    }

    #[test]
    fn only_hashed_glue_is_minified() {
        let dir = std::env::temp_dir().join(format!("xtask-minify-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        for f in [
            "explainer-0a1b2c3d4e5f6a7b.js",
            "embed.js",
            "style-0a1b2c3d4e5f6a7b.css",
        ] {
            fs::write(dir.join(f), "x").unwrap();
        }
        let names: Vec<String> = glue_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(names, ["explainer-0a1b2c3d4e5f6a7b.js"]);
    }
}
