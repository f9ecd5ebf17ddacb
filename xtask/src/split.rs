//! Splits the runtime's wasm at its lazy islands (Leptos's
//! `#[island(lazy)]`, the app's feature `lazy`): the poll and the embed
//! panel each go to a wasm file of their own that the page fetches when the
//! reader comes near them, so a page's first load holds only what its
//! first screens run.
//!
//! Trunk builds the wasm (compiled with `--emit-relocs`, which the
//! splitter reads), binds and optimises it whole. This step then splits
//! cargo's wasm with `wasm_split_cli_support` (the splitter cargo-leptos
//! uses), binds the main part with wasm-bindgen as Trunk did, optimises
//! every part with wasm-opt `-Oz`, and puts the results in Trunk's folder:
//! the main wasm and glue under Trunk's names (their integrity values in
//! Trunk's `index.html` updated), the parts and the splitter's loader
//! (which the glue imports) under names with their contents' hash; that
//! loader retries a part it could not fetch instead of failing it
//! ([`RETRIES`]).
//! [`crate::minify`] then shortens the names between the main wasm, its
//! glue and that loader.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::minify::{replace_integrity, sri};
use crate::util::{run, Ctx, Result};

/// The module the wasm imports its lazy parts' loaders from: the
/// splitter's loader as the wasm names it (`wasm_split_helpers`).
pub const LINK_MODULE: &str = "./__wasm_split.js";

/// The module cargo's wasm imports the loaders from, before the split
/// (`wasm_split_helpers`'s placeholder).
const PLACEHOLDER_MODULE: &str = "__wasm_split_placeholder__";

/// The flags cargo needs for a wasm the splitter can read.
pub const RUSTFLAGS: &str = "-Clink-args=--emit-relocs";

/// What a split left in the runtime's folder.
pub struct Split {
    /// The splitter's loader, which the glue imports.
    pub link: PathBuf,
}

/// `name` with the first 16 hex digits of `bytes`'s SHA-256 before its
/// extension: `part.wasm` → `part-0123456789abcdef.wasm`.
fn hashed(name: &str, bytes: &[u8]) -> String {
    let hash = format!("{:x}", Sha256::digest(bytes));
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{}.{ext}", &hash[..16]),
        None => format!("{name}-{}", &hash[..16]),
    }
}

/// A part's name on the site: `explainer-<what it holds>`, from the
/// splitter's `split_poll_island_loader_5732667456005996889` (a lazy
/// function's part) or `chunk_3` (code its parts share).
fn part_name(app: &str, identifier: &str) -> String {
    let what = identifier.trim_start_matches("split_");
    let what = match what.rsplit_once('_') {
        Some((head, tail)) if !tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit()) => {
            if head.starts_with("chunk") {
                what
            } else {
                head
            }
        }
        _ => what,
    };
    format!("{app}-{}", what.replace('_', "-"))
}

/// `js` (the splitter's loader) with each part's file renamed as `renames`
/// says (`"./old.wasm"` → `"./new.wasm"`); an error when a part is not
/// named once.
fn rename_parts(js: &str, renames: &[(String, String)]) -> Result<String> {
    let mut js = js.to_owned();
    for (old, new) in renames {
        let quoted = format!("\"./{old}\"");
        let count = js.matches(&quoted).count();
        if count != 1 {
            return Err(format!(
                "the splitter's loader names {old} {count} times, not once"
            ));
        }
        js = js.replace(&quoted, &format!("\"./{new}\""));
    }
    Ok(js)
}

/// How the splitter's loader reports a part's load to the wasm: once, with
/// `success` false when the fetch failed.
const REPORTS_FAILURE: &str = "        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }";

/// What it does instead: a part that cannot be fetched (the reader went
/// offline) is tried again when the browser says it is back online, or
/// after ten seconds, and the wasm hears only of success. A failure would
/// make Leptos's lazy island panic, and a panic aborts the whole wasm: the
/// timeline and every other island would stop with the poll.
const RETRIES: &str = "        for (;;) {
            try {
                await callee();
                break;
            } catch (e) {
                console.warn(\"explainer: a part of the page could not load; trying again once online\", e);
                await new Promise((again) => {
                    addEventListener(\"online\", again, { once: true });
                    setTimeout(again, 1e4);
                });
            }
        }
        getSharedImports().__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, true);";

/// `js` (the splitter's loader) retrying a part that failed to load
/// ([`RETRIES`]); an error when the loader no longer reads as expected.
fn retrying(js: &str) -> Result<String> {
    if js.matches(REPORTS_FAILURE).count() != 1 {
        return Err(
            "the splitter's loader does not report a load as expected (wrapAsyncCb changed?)"
                .into(),
        );
    }
    Ok(js.replace(REPORTS_FAILURE, RETRIES))
}

/// `glue` importing the loader as `link` (its content-hashed name); an
/// error when the glue does not import the splitter's loader.
fn point_glue_at(glue: &str, link: &str) -> Result<String> {
    let from = format!("from \"{LINK_MODULE}\"");
    if !glue.contains(&from) {
        return Err(format!(
            "the glue does not import the splitter's loader ({from})"
        ));
    }
    Ok(glue.replace(&from, &format!("from \"./{link}\"")))
}

/// cargo's wasm of the runtime, as Trunk just had it built.
fn cargo_wasm(ctx: &Ctx, app: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| ctx.root.join("target"));
    target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{app}.wasm"))
}

/// Splits the runtime Trunk built in `dir` (glue `glue`, `<stem>_bg.wasm`
/// beside it); `None` when its wasm has no lazy parts.
pub fn apply(ctx: &Ctx, dir: &Path, glue: &Path) -> Result<Option<Split>> {
    let stem = glue
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    // `explainer-<hash>`: the app's name is the binary's.
    let app = stem.rsplit_once('-').map_or(stem.as_str(), |(a, _)| a);
    let wasm = dir.join(format!("{stem}_bg.wasm"));
    let raw_path = cargo_wasm(ctx, app);
    let raw =
        fs::read(&raw_path).map_err(|e| format!("cannot read {}: {e}", raw_path.display()))?;
    // No lazy parts: nothing imports the splitter's placeholder.
    if !crate::wasm_names::names(&raw)?
        .modules
        .contains(PLACEHOLDER_MODULE)
    {
        return Ok(None);
    }
    let work = ctx.root.join("target").join("xtask-split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let main = work.join("main.wasm");
    let glue_name = format!("./{stem}.js");
    let split = {
        let mut opts = wasm_split_cli_support::Options::new(&raw);
        opts.output_dir = &work;
        opts.main_out_path = &main;
        opts.link_name = LINK_MODULE;
        opts.main_module = &glue_name;
        wasm_split_cli_support::transform(opts).map_err(|e| {
            format!(
                "cannot split {} (built with {RUSTFLAGS}?): {e:#}",
                raw_path.display()
            )
        })?
    };

    // The main part, bound as Trunk binds (`--target web`, no typings),
    // keeping the function table the parts call through
    // (`__indirect_function_table`, which wasm-bindgen drops otherwise).
    let bound = work.join("bound");
    run(ctx
        .cmd("wasm-bindgen")
        .arg(&main)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-name",
        ])
        .arg(&stem)
        .arg("--out-dir")
        .arg(&bound))?;
    let wasm_opt = ctx.root.join("node_modules/.bin/wasm-opt");
    let optimise =
        |from: &Path, to: &Path| run(ctx.cmd(&wasm_opt).arg(from).args(["-Oz", "-o"]).arg(to));

    // The parts, named after their contents.
    let mut renames = Vec::new();
    for part in &split.split_modules {
        let old = part
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let optimised = part.with_extension("opt.wasm");
        optimise(part, &optimised)?;
        let bytes = fs::read(&optimised)
            .map_err(|e| format!("cannot read {}: {e}", optimised.display()))?;
        let identifier = old.trim_end_matches(".wasm");
        let new = hashed(&format!("{}.wasm", part_name(app, identifier)), &bytes);
        fs::write(dir.join(&new), &bytes).map_err(|e| format!("cannot write {new}: {e}"))?;
        renames.push((old, new));
    }
    let link_path = work.join(LINK_MODULE.trim_start_matches("./"));
    let link = fs::read_to_string(&link_path)
        .map_err(|e| format!("cannot read {}: {e}", link_path.display()))?;
    let link = retrying(&rename_parts(&link, &renames)?)?;
    let link_name = hashed(&format!("{app}-split.js"), link.as_bytes());
    fs::write(dir.join(&link_name), &link).map_err(|e| format!("cannot write {link_name}: {e}"))?;

    // The main wasm and its glue in place of Trunk's, and their integrity
    // values in Trunk's page.
    let index = dir.join("index.html");
    let mut html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let new_wasm = work.join("main.opt.wasm");
    optimise(&bound.join(format!("{stem}_bg.wasm")), &new_wasm)?;
    let new_wasm = fs::read(&new_wasm).map_err(|e| format!("cannot read the main wasm: {e}"))?;
    let old_wasm = fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    html = replace_integrity(&html, &sri(&old_wasm), &sri(&new_wasm))?;
    fs::write(&wasm, &new_wasm).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    let new_glue = fs::read_to_string(bound.join(format!("{stem}.js")))
        .map_err(|e| format!("cannot read the main part's glue: {e}"))?;
    let new_glue = point_glue_at(&new_glue, &link_name)?;
    let old_glue = fs::read(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    html = replace_integrity(&html, &sri(&old_glue), &sri(new_glue.as_bytes()))?;
    fs::write(glue, &new_glue).map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    let _ = fs::remove_dir_all(&work);
    println!(
        "split: {} lazy part(s) of {stem}: {}",
        renames.len(),
        renames
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(Some(Split {
        link: dir.join(link_name),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_named_after_what_they_hold_and_their_contents() {
        assert_eq!(
            part_name("explainer", "split_poll_island_loader_5732667456005996889"),
            "explainer-poll-island-loader"
        );
        assert_eq!(part_name("explainer", "chunk_3"), "explainer-chunk-3");
        let a = hashed("explainer-chunk-3.wasm", b"a");
        assert!(a.starts_with("explainer-chunk-3-") && a.ends_with(".wasm"));
        assert_eq!(a.len(), "explainer-chunk-3-.wasm".len() + 16);
        assert_ne!(a, hashed("explainer-chunk-3.wasm", b"b"));
    }

    #[test]
    fn the_loader_fetches_the_renamed_parts_or_the_split_stops() {
        let js = r#"fetch(new URL("./chunk_3.wasm", import.meta.url)); fetch(new URL("./split_a_1.wasm", import.meta.url));"#;
        let renames = vec![
            ("chunk_3.wasm".to_owned(), "x-chunk-3-00.wasm".to_owned()),
            ("split_a_1.wasm".to_owned(), "x-a-11.wasm".to_owned()),
        ];
        let out = rename_parts(js, &renames).unwrap();
        assert!(out.contains("\"./x-chunk-3-00.wasm\"") && out.contains("\"./x-a-11.wasm\""));
        assert!(!out.contains("chunk_3.wasm"));
        let missing = vec![("gone.wasm".to_owned(), "y.wasm".to_owned())];
        assert!(rename_parts(js, &missing).unwrap_err().contains("0 times"));
    }

    #[test]
    fn a_part_that_fails_to_load_is_tried_again_never_reported() {
        let js = format!("function wrapAsyncCb(callee) {{\n    return async (callbackIndex, callbackData) => {{\n{REPORTS_FAILURE}\n    }}\n}}");
        let out = retrying(&js).unwrap();
        assert!(
            out.contains("addEventListener(\"online\"") && out.contains("(callbackData, true)")
        );
        assert!(!out.contains("success"));
        assert!(retrying("function wrapAsyncCb() {}").is_err());
    }

    #[test]
    fn the_glue_imports_the_hashed_loader() {
        let glue = "import * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\n";
        let out = point_glue_at(glue, "explainer-split-0011.js").unwrap();
        assert_eq!(out.matches("from \"./explainer-split-0011.js\"").count(), 2);
        assert!(point_glue_at("import x from './y.js'", "z.js").is_err());
    }
}
