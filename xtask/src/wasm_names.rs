//! Short names between the runtime's wasm and its JavaScript glue.
//!
//! wasm-bindgen names each import of the wasm `__wbg_<name>_<16 hex
//! digits>` and many exports after Rust paths with a hash, and both files
//! carry every name: about 180 imports and 40 exports, whose hashes do not
//! compress (4.4 KB brotli of every first load on the real story). binaryen
//! renames them in the wasm and prints what it renamed
//! (`wasm-opt --minify-imports-and-exports-and-modules`); this module makes
//! the same renames in the glue, then checks the two files agree before
//! either is written: every import of the wasm is a key of the glue's
//! import object, every export the glue calls (`wasm.<name>`) is one of the
//! wasm's. Runs on Trunk's output, before the glue is minified (its shape
//! as wasm-bindgen writes it: the checks fail the build if that changes).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::util::{output, Ctx, Result};

/// What binaryen renamed: `imports` as `(module, name, new name)`,
/// `exports` as `(name, new name)`.
struct Renamed {
    imports: Vec<(String, String, String)>,
    exports: Vec<(String, String)>,
}

impl Renamed {
    /// Each export's new name, by its old one.
    fn export_map(&self) -> BTreeMap<&str, &str> {
        self.exports
            .iter()
            .map(|(old, new)| (old.as_str(), new.as_str()))
            .collect()
    }

    /// The list wasm-opt prints: `{"imports": [[module, name, new], …],
    /// "exports": [[name, new], …]}`.
    fn read(printed: &str) -> Result<Renamed> {
        let bad = || "wasm-opt's list of renames does not read".to_owned();
        let value: serde_json::Value =
            serde_json::from_str(printed).map_err(|e| format!("{}: {e}", bad()))?;
        let rows = |key: &str, width: usize| -> Result<Vec<Vec<String>>> {
            value[key]
                .as_array()
                .ok_or_else(bad)?
                .iter()
                .map(|row| {
                    let row: Option<Vec<String>> = row
                        .as_array()
                        .filter(|r| r.len() == width)
                        .and_then(|r| r.iter().map(|v| v.as_str().map(str::to_owned)).collect());
                    row.ok_or_else(bad)
                })
                .collect()
        };
        Ok(Renamed {
            imports: rows("imports", 3)?
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
                .collect(),
            exports: rows("exports", 2)?
                .into_iter()
                .map(|r| (r[0].clone(), r[1].clone()))
                .collect(),
        })
    }
}

/// The module names and import names of a wasm, and its export names.
pub struct Names {
    pub modules: BTreeSet<String>,
    pub imports: BTreeSet<String>,
    pub exports: BTreeSet<String>,
}

pub fn names(wasm: &[u8]) -> Result<Names> {
    let mut names = Names {
        modules: BTreeSet::new(),
        imports: BTreeSet::new(),
        exports: BTreeSet::new(),
    };
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| format!("the wasm does not read: {e}"))? {
            wasmparser::Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("the wasm's imports: {e}"))?;
                    names.modules.insert(import.module.to_owned());
                    names.imports.insert(import.name.to_owned());
                }
            }
            wasmparser::Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(|e| format!("the wasm's exports: {e}"))?;
                    names.exports.insert(export.name.to_owned());
                }
            }
            _ => {}
        }
    }
    Ok(names)
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `text` with the whole identifier `old` (not part of a longer one)
/// replaced by `new`, and how many there were.
fn replace_identifier(text: &str, old: &str, new: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(old) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + old.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(is_identifier_char) || after.is_some_and(is_identifier_char) {
            out.push_str(old);
        } else {
            out.push_str(new);
            count += 1;
        }
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    (out, count)
}

/// `glue` with every `wasm.<name>` renamed by `exports`; an error names a
/// call of an export the wasm does not have.
fn rename_calls(glue: &str, exports: &BTreeMap<&str, &str>) -> Result<String> {
    const CALL: &str = "wasm.";
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find(CALL) {
        let (head, tail) = rest.split_at(at + CALL.len());
        out.push_str(head);
        let starts_word = head[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_identifier_char(c));
        let end = tail.find(|c| !is_identifier_char(c)).unwrap_or(tail.len());
        let name = &tail[..end];
        if starts_word && !name.is_empty() {
            let new = exports.get(name).ok_or_else(|| {
                format!("the glue calls `wasm.{name}`, which the wasm does not export")
            })?;
            out.push_str(new);
        } else {
            out.push_str(name);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The identifier after `at` in `text` (spaces skipped).
fn identifier_at(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start();
    let end = rest.find(|c| !is_identifier_char(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// The glue with the wasm's renames made: import keys, the import
/// module's key and the calls of exports.
///
/// binaryen gives every import one module. Imports from the splitter's
/// loader ([`crate::split::LINK_MODULE`], which the glue imports as a
/// namespace) join the glue's own under their new names:
/// `"a": Object.assign(import0, {kc: import1.__wasm_split_load_poll…})`.
fn rename_glue(glue: &str, renamed: &Renamed, module: &str, new_module: &str) -> Result<String> {
    let link_module = crate::split::LINK_MODULE;
    let mut glue = glue.to_owned();
    let mut linked = Vec::new();
    for (from, old, new) in &renamed.imports {
        if from == link_module {
            linked.push((old, new));
            continue;
        }
        if from != module {
            return Err(format!(
                "the wasm imports `{old}` from `{from}`, not the glue (`{module}`)"
            ));
        }
        let (next, count) = replace_identifier(&glue, old, new);
        if count != 1 {
            return Err(format!(
                "the glue names the import `{old}` {count} times, not once"
            ));
        }
        glue = next;
    }
    let key = format!("\"{module}\":");
    if glue.matches(&key).count() != 1 {
        return Err(format!("the glue's import object has no one key {key}"));
    }
    if linked.is_empty() {
        glue = glue.replacen(&key, &format!("\"{new_module}\":"), 1);
    } else {
        // The loader's entries (`"./__wasm_split.js": import1,`, once per
        // import wasm-bindgen saw) go; their imports join the glue's.
        let link_key = format!("\"{link_module}\":");
        let mut namespace = None;
        while let Some(at) = glue.find(&link_key) {
            let ident = identifier_at(&glue, at + link_key.len()).to_owned();
            let entry = format!("{link_key} {ident},");
            if ident.is_empty() || !glue[at..].starts_with(&entry) {
                return Err(format!(
                    "the glue's {link_key} entries are not `{link_key} <namespace>,`"
                ));
            }
            glue.replace_range(at..at + entry.len(), "");
            namespace.get_or_insert(ident);
        }
        let namespace =
            namespace.ok_or_else(|| format!("the glue's import object has no key {link_key}"))?;
        let at = glue.find(&key).expect("counted above") + key.len();
        let own = identifier_at(&glue, at).to_owned();
        let joined: Vec<String> = linked
            .iter()
            .map(|(old, new)| format!("{new}: {namespace}.{old}"))
            .collect();
        glue = glue.replacen(
            &format!("{key} {own}"),
            &format!(
                "\"{new_module}\": Object.assign({own}, {{{}}})",
                joined.join(", ")
            ),
            1,
        );
    }
    rename_calls(&glue, &renamed.export_map())
}

/// The splitter's loader with the main wasm's exports it reads renamed:
/// `const { memory, … } = initSync(…)` becomes `const { Qc: memory, … }`.
fn rename_link(link: &str, exports: &BTreeMap<&str, &str>) -> Result<String> {
    const TAIL: &str = "} = initSync(";
    let end = link
        .find(TAIL)
        .ok_or("the splitter's loader reads no exports (`} = initSync(`)")?;
    let start = link[..end]
        .rfind("const {")
        .ok_or("the splitter's loader reads no exports (`const {`)")?
        + "const {".len();
    let mut names = Vec::new();
    for name in link[start..end]
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let new = exports.get(name).ok_or_else(|| {
            format!("the splitter's loader reads `{name}`, which the wasm does not export")
        })?;
        names.push(format!("{new}: {name}"));
    }
    Ok(format!(
        "{} {} {}",
        &link[..start],
        names.join(", "),
        &link[end..]
    ))
}

/// Renames the imports and exports of the wasm at `wasm` and their uses in
/// the glue at `glue` (and in the splitter's loader `link`, when the wasm
/// was split), the files in place; returns the wasm's bytes before and
/// after.
pub fn shorten(
    ctx: &Ctx,
    wasm: &Path,
    glue: &Path,
    link: Option<&Path>,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let before = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let old = names(&before)?;
    let own: Vec<&String> = old
        .modules
        .iter()
        .filter(|m| link.is_none() || m.as_str() != crate::split::LINK_MODULE)
        .collect();
    let module = match own[..] {
        [one] => one.clone(),
        ref several => {
            return Err(format!(
                "{} imports from {} modules, not the glue alone: {several:?}",
                wasm.display(),
                several.len()
            ))
        }
    };
    let shortened = wasm.with_extension("short.wasm");
    let printed = output(
        ctx.cmd(ctx.root.join("node_modules/.bin/wasm-opt"))
            .arg(wasm)
            .args([
                "--minify-imports-and-exports-and-modules",
                "--strip-producers",
                "-o",
            ])
            .arg(&shortened),
    )?;
    let renamed = Renamed::read(&printed)?;
    let after =
        fs::read(&shortened).map_err(|e| format!("cannot read {}: {e}", shortened.display()))?;
    let _ = fs::remove_file(&shortened);
    let new = names(&after)?;
    let new_module = match new.modules.iter().collect::<Vec<_>>()[..] {
        [one] => one.clone(),
        _ => return Err("the renamed wasm does not import from one module".into()),
    };

    let text =
        fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    let text = rename_glue(&text, &renamed, &module, &new_module)?;
    let linked = match link {
        Some(path) => {
            let js = fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Some((path, rename_link(&js, &renamed.export_map())?))
        }
        None => None,
    };
    // The two files agree: the wasm's imports are the renamed ones, and
    // every export it had is there under its new name.
    let imported: BTreeSet<String> = renamed.imports.iter().map(|(_, _, n)| n.clone()).collect();
    if imported != new.imports {
        return Err("the renamed wasm's imports are not the ones binaryen listed".into());
    }
    let exported: BTreeSet<String> = renamed.exports.iter().map(|(_, n)| n.clone()).collect();
    let listed: BTreeSet<String> = renamed.exports.iter().map(|(o, _)| o.clone()).collect();
    if exported != new.exports || listed != old.exports {
        return Err("the renamed wasm's exports are not the ones binaryen listed".into());
    }
    fs::write(wasm, &after).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    fs::write(glue, text).map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    if let Some((path, js)) = linked {
        fs::write(path, js).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!(
        "wasm names: {} imports and {} exports renamed; {} {} -> {} bytes",
        renamed.imports.len(),
        renamed.exports.len(),
        wasm.file_name().unwrap_or_default().to_string_lossy(),
        before.len(),
        after.len()
    );
    Ok((before, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_wasm_opt_prints() {
        let printed = "{\n \"imports\": [\n  [\"./x_bg.js\", \"__wbg_now_0123\", \"a\"]\n ],\n\"exports\": [\n  [\"memory\", \"b\"]\n ]\n}\n";
        let r = Renamed::read(printed).unwrap();
        assert_eq!(
            r.imports,
            [("./x_bg.js".into(), "__wbg_now_0123".into(), "a".into())]
        );
        assert_eq!(r.exports, [("memory".into(), "b".into())]);
        assert!(Renamed::read("{\"imports\": [[\"a\"]], \"exports\": []}").is_err());
        assert!(Renamed::read("warning").is_err());
    }

    #[test]
    fn whole_identifiers_only_are_replaced() {
        let (text, n) = replace_identifier("a_1: f, xa_1, a_12, $a_1, a_1(", "a_1", "b");
        assert_eq!((text.as_str(), n), ("b: f, xa_1, a_12, $a_1, b(", 2));
    }

    #[test]
    fn the_glue_gets_the_wasm_renames_or_the_build_stops() {
        let glue = "const import0 = {\n    __wbg_now_0123456789abcdef: function() { return Date.now(); },\n};\nreturn { \"./x_bg.js\": import0 };\nwasm.__wbindgen_start(); wasm.memory.buffer; mywasm.other; wasm.memory2;";
        let renamed = Renamed {
            imports: vec![(
                "./x_bg.js".into(),
                "__wbg_now_0123456789abcdef".into(),
                "a".into(),
            )],
            exports: vec![
                ("__wbindgen_start".into(), "b".into()),
                ("memory".into(), "c".into()),
                ("memory2".into(), "d".into()),
            ],
        };
        assert_eq!(
            rename_glue(glue, &renamed, "./x_bg.js", "a").unwrap(),
            "const import0 = {\n    a: function() { return Date.now(); },\n};\nreturn { \"a\": import0 };\nwasm.b(); wasm.c.buffer; mywasm.other; wasm.d;"
        );
        // A call of an export the wasm lacks; an import the glue does not
        // name; an import from another module.
        let fewer = Renamed {
            imports: renamed.imports.clone(),
            exports: renamed.exports[..2].to_vec(),
        };
        assert!(rename_glue(glue, &fewer, "./x_bg.js", "a")
            .unwrap_err()
            .contains("wasm.memory2"));
        let unknown = Renamed {
            imports: vec![(
                "./x_bg.js".into(),
                "__wbg_gone_0123456789abcdef".into(),
                "a".into(),
            )],
            exports: renamed.exports.clone(),
        };
        assert!(rename_glue(glue, &unknown, "./x_bg.js", "a")
            .unwrap_err()
            .contains("0 times"));
        let elsewhere = Renamed {
            imports: vec![(
                "env".into(),
                "__wbg_now_0123456789abcdef".into(),
                "a".into(),
            )],
            exports: renamed.exports.clone(),
        };
        assert!(rename_glue(glue, &elsewhere, "./x_bg.js", "a").is_err());
    }

    #[test]
    fn the_splitters_imports_join_the_glues_and_its_loader_reads_the_new_exports() {
        let glue = "const import0 = {\n    __wbg_now_0123456789abcdef: function() {},\n};\nreturn {\n    __proto__: null,\n    \"./x_bg.js\": import0,\n    \"./__wasm_split.js\": import1,\n    \"./__wasm_split.js\": import2,\n};\nwasm.memory;";
        let renamed = Renamed {
            imports: vec![
                (
                    "./x_bg.js".into(),
                    "__wbg_now_0123456789abcdef".into(),
                    "a".into(),
                ),
                (
                    "./__wasm_split.js".into(),
                    "__wasm_split_load_poll_1".into(),
                    "b".into(),
                ),
            ],
            exports: vec![
                ("memory".into(), "c".into()),
                ("__wasm_split_shared0".into(), "d".into()),
            ],
        };
        let out = rename_glue(glue, &renamed, "./x_bg.js", "a").unwrap();
        assert!(
            out.contains("\"a\": Object.assign(import0, {b: import1.__wasm_split_load_poll_1})"),
            "{out}"
        );
        assert!(!out.contains("__wasm_split.js") && out.contains("wasm.c;"));
        // An entry of another shape stops the build.
        let odd = glue.replace(
            "\"./__wasm_split.js\": import2,",
            "\"./__wasm_split.js\": f(),",
        );
        assert!(rename_glue(&odd, &renamed, "./x_bg.js", "a").is_err());

        let exports: BTreeMap<&str, &str> = [("memory", "c"), ("__wasm_split_shared0", "d")].into();
        let link = "let s;\nconst { __wasm_split_shared0, memory,  } = initSync(undefined, undefined);\nObject.assign(s, { __wasm_split_shared0, memory });";
        let out = rename_link(link, &exports).unwrap();
        assert!(
            out.contains("const { d: __wasm_split_shared0, c: memory } = initSync(undefined"),
            "{out}"
        );
        let unknown = link.replace("memory,", "table,");
        assert!(rename_link(&unknown, &exports)
            .unwrap_err()
            .contains("`table`"));
        assert!(rename_link("export const x = 1;", &exports).is_err());
    }
}
