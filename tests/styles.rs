//! The styles mirror for right-to-left editions with logical properties:
//! no declaration names a physical left or right side.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn no_style_names_left_or_right() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("style");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let mut css = std::fs::read_to_string(&path).unwrap();
        // Comments say "left to right"; declarations may not.
        while let Some(start) = css.find("/*") {
            let end = css[start..].find("*/").map_or(css.len(), |e| start + e + 2);
            css.replace_range(start..end, "");
        }
        for (n, line) in css.lines().enumerate() {
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .collect();
            for w in words {
                let physical = w == "left"
                    || w == "right"
                    || w.ends_with("-left")
                    || w.ends_with("-right")
                    || w.starts_with("left-")
                    || w.starts_with("right-")
                    || w.contains("-left-")
                    || w.contains("-right-");
                assert!(!physical, "{}:{}: {line}", path.display(), n + 1);
            }
        }
        checked += 1;
    }
    assert!(checked >= 5);
}
