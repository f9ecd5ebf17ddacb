//! WCAG contrast of the design tokens, in both colour schemes.
//!
//! `style/tokens.css` holds every colour the page uses (the other style
//! files only refer to `var(--ex-…)`; this test checks that too), light in
//! `:root` and dark in a `prefers-color-scheme: dark` block that overrides
//! some of them. The test reads both, resolves the dark scheme over the
//! light one, and computes the WCAG 2.x contrast ratio of every pair the
//! style sheets actually draw: text tokens on the two backgrounds need 4.5:1
//! (AA, normal text), the background drawn on a filled control (the "Save"
//! button, a pressed filter's tick) needs the same, and the sector colours,
//! which mark bars, swatches and rails, need 3:1 (non-text contrast,
//! 1.4.11).
//!
//! `--ex-border` is exempt: it draws only separators and the outline of
//! controls that also carry a text label (filter pills, fieldsets); the
//! boundaries of text inputs use `--ex-muted` (7:1). A cheap native test
//! rather than a browser one: axe checks only the text it sees in one
//! state, while this covers every token whatever is on screen.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

const TOKENS: &str = include_str!("../style/tokens.css");

/// `--ex-name: #rrggbb` declarations in `css`, in order.
fn colours(css: &str) -> BTreeMap<String, [u8; 3]> {
    let mut out = BTreeMap::new();
    for decl in strip_comments(css).split(';') {
        // What follows the last brace: `:root {` or `}` may precede it.
        let decl = decl.rsplit(['{', '}']).next().unwrap_or_default();
        let Some((name, value)) = decl.split_once(':') else {
            continue;
        };
        let name = name.trim();
        let value = value.trim();
        if let (Some(name), Some(rgb)) = (name.strip_prefix("--ex-"), hex(value)) {
            out.insert(name.to_owned(), rgb);
        }
    }
    out
}

/// `#rgb` or `#rrggbb`.
fn hex(value: &str) -> Option<[u8; 3]> {
    let digits = value.strip_prefix('#')?;
    let expand = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 => {
            let d: Vec<u8> = digits
                .chars()
                .map(|c| expand(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some([d[0], d[1], d[2]])
        }
        6 => Some([
            expand(&digits[0..2])?,
            expand(&digits[2..4])?,
            expand(&digits[4..6])?,
        ]),
        _ => None,
    }
}

/// The light scheme (`:root` outside the media query) and the dark one
/// (light, overridden by the `prefers-color-scheme: dark` block).
fn schemes() -> [(&'static str, BTreeMap<String, [u8; 3]>); 2] {
    let (light, dark) = TOKENS
        .split_once("@media (prefers-color-scheme: dark)")
        .expect("tokens.css has a prefers-color-scheme: dark block");
    let light = colours(light);
    let mut resolved = light.clone();
    resolved.extend(colours(dark));
    [("light", light), ("dark", resolved)]
}

/// WCAG 2.x relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2.x contrast ratio, 1 to 21.
fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const TEXT: &[&str] = &["text", "muted", "accent", "focus"];
const BACKGROUNDS: &[&str] = &["bg", "surface"];
/// Text drawn in the background colour on a filled token.
const FILLED: &[(&str, &str)] = &[("bg", "accent"), ("bg", "text")];

/// Every pair to check: (scheme, foreground, background, minimum).
fn pairs() -> Vec<(&'static str, String, String, f64, f64)> {
    let mut out = Vec::new();
    for (scheme, tokens) in schemes() {
        let get = |name: &str| {
            *tokens
                .get(name)
                .unwrap_or_else(|| panic!("{scheme} scheme has no --ex-{name}"))
        };
        let mut check = |fg: &str, bg: &str, min: f64| {
            out.push((
                scheme,
                fg.to_owned(),
                bg.to_owned(),
                min,
                ratio(get(fg), get(bg)),
            ));
        };
        for fg in TEXT {
            for bg in BACKGROUNDS {
                check(fg, bg, 4.5);
            }
        }
        for (fg, bg) in FILLED {
            check(fg, bg, 4.5);
        }
        for k in 0..8 {
            let sector = format!("sector-{k}");
            for bg in BACKGROUNDS {
                check(&sector, bg, 3.0);
            }
        }
    }
    out
}

#[test]
fn every_token_pair_meets_wcag_aa_in_both_schemes() {
    let pairs = pairs();
    let mut table = String::from("scheme fg         on bg       ratio  min\n");
    let mut failures = Vec::new();
    for (scheme, fg, bg, min, r) in &pairs {
        table.push_str(&format!("{scheme:<6} {fg:<10} {bg:<10} {r:>5.2}  {min}\n"));
        if r < min {
            failures.push(format!(
                "{scheme}: --ex-{fg} on --ex-{bg} is {r:.2}:1, needs {min}:1"
            ));
        }
    }
    // Shown with --nocapture, so the numbers can be quoted.
    println!("{table}");
    assert!(pairs.len() >= 2 * (8 + 2 + 16), "{} pairs", pairs.len());
    assert!(failures.is_empty(), "{failures:#?}\n{table}");
}

#[test]
fn the_dark_scheme_overrides_every_colour() {
    let [(_, light), (_, dark)] = schemes();
    let (light_only, _): (Vec<_>, Vec<_>) = light.iter().partition(|(k, v)| dark[*k] == **v);
    assert!(
        light_only.is_empty(),
        "colours left at their light value in dark mode: {light_only:?}"
    );
}

#[test]
fn no_style_sheet_uses_a_colour_outside_the_tokens() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("style");
    for entry in std::fs::read_dir(&dir).expect("style/ is readable") {
        let path = entry.expect("a style file").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Tokens define the colours; print deliberately switches to ink.
        if !name.ends_with(".css") || name == "tokens.css" || name == "print.css" {
            continue;
        }
        let css = std::fs::read_to_string(&path).unwrap();
        let css = strip_comments(&css);
        for literal in ["rgb(", "rgba(", "hsl(", "hsla(", "oklch(", "color-mix("] {
            assert!(
                !css.contains(literal),
                "style/{name} uses a colour function ({literal}…): use a token from tokens.css"
            );
        }
        if let Some(hex) = hex_literal(&css) {
            panic!("style/{name} uses the colour {hex}: use a token from tokens.css");
        }
    }
}

/// The first `#` + 3, 4, 6 or 8 hex digits that ends a word (not an id
/// selector such as `#embed`).
fn hex_literal(css: &str) -> Option<&str> {
    css.match_indices('#').find_map(|(i, _)| {
        let rest = &css[i + 1..];
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
            .unwrap_or(rest.len());
        let word = &rest[..len];
        (matches!(word.len(), 3 | 4 | 6 | 8) && word.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| &css[i..=i + len])
    })
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

#[test]
fn the_ratio_matches_known_values() {
    assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((ratio([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
    // #767676 on white is the classic 4.54:1.
    assert!((ratio(hex("#767676").unwrap(), [255, 255, 255]) - 4.54).abs() < 0.01);
    assert_eq!(hex("#fff"), Some([255, 255, 255]));
}
