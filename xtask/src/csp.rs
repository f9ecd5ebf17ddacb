//! The page's own Content-Security-Policy, as a `<meta>` in `index.html`.
//!
//! It allows scripts from the site itself and WebAssembly compilation
//! (`'wasm-unsafe-eval'`), and an inline `<script>` only when its SHA-256 is
//! pinned: this step hashes every inline script of the built page (the embed
//! view's head script, and Trunk's module loader, which is inline) after
//! Trunk and the head step, and writes the hashes into the policy. A policy
//! already in the file (an earlier run) is replaced. `frame-ancestors` has
//! no effect in a `<meta>`: hosts set it as a header (see the README).

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::util::Result;

/// The policy, with `'sha256-…'` sources for the inline scripts. Inline
/// style attributes stay allowed (the timeline positions its marks with
/// them); everything else comes from the site itself.
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push_str(" 'sha256-");
        script_src.push_str(h);
        script_src.push('\'');
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'"
    )
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The base64 SHA-256 of `text`, as CSP hash sources use it.
pub fn sha256(text: &str) -> String {
    base64(&Sha256::digest(text.as_bytes()))
}

/// The text of every inline `<script>` (one without `src`), in page order.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let start = at + i;
        let after_name = start + "<script".len();
        // `<scripts>` or similar is not a script tag.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            at = after_name;
            continue;
        }
        let tag_end = lower[start..]
            .find('>')
            .map(|j| start + j + 1)
            .ok_or("index.html has an unclosed <script> tag")?;
        let close = lower[tag_end..]
            .find("</script")
            .map(|j| tag_end + j)
            .ok_or("index.html has a <script> without </script>")?;
        let has_src = lower[after_name..tag_end - 1]
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attr| attr == "src" || attr.starts_with("src="));
        if !has_src {
            out.push(&html[tag_end..close]);
        }
        at = close;
    }
    Ok(out)
}

/// `html` with `meta` in place of an earlier CSP `<meta>`, or else right after
/// the `<meta charset>` (before any script), or else first in `<head>`.
pub fn put_meta(html: &str, meta: &str) -> Result<String> {
    let lower = html.to_ascii_lowercase();
    let tag_at = |from: usize| -> Option<(usize, usize)> {
        let start = from + lower[from..].find("<meta")?;
        let end = start + lower[start..].find('>')? + 1;
        Some((start, end))
    };
    let mut from = 0;
    let mut charset = None;
    while let Some((start, end)) = tag_at(from) {
        let tag = &lower[start..end];
        if tag.contains("content-security-policy") {
            return Ok(format!("{}{meta}{}", &html[..start], &html[end..]));
        }
        if charset.is_none() && tag.contains("charset") {
            charset = Some(end);
        }
        from = end;
    }
    let at = match charset {
        Some(end) => end,
        None => {
            let head = lower.find("<head").ok_or("index.html has no <head>")?;
            head + lower[head..]
                .find('>')
                .ok_or("index.html has an unclosed <head>")?
                + 1
        }
    };
    let first_script = lower.find("<script").unwrap_or(usize::MAX);
    if at > first_script {
        return Err("index.html has a <script> before its <meta charset>".into());
    }
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}

/// Writes the policy for `<dir>/index.html`'s inline scripts into it.
pub fn apply(dir: &Path) -> Result {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let hashes: Vec<String> = inline_scripts(&html)?.into_iter().map(sha256).collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&hashes)
    );
    let new = put_meta(&html, &meta)?;
    if new != html {
        let tmp = dir.join(".index.html.csp-tmp");
        fs::write(&tmp, new).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        fs::rename(&tmp, &index).map_err(|e| format!("cannot replace {}: {e}", index.display()))?;
    }
    println!(
        "csp: pinned {} inline script(s) in {}",
        hashes.len(),
        index.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn hashes_like_csp() {
        // `echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64`
        assert_eq!(
            sha256("alert('Hello, world.');"),
            "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }

    #[test]
    fn finds_only_inline_scripts() {
        let html = "<head><script>a()</script><script src=/x.js></script>\
                    <SCRIPT type=module>import x from '/y.js';</SCRIPT>\
                    <script\nsrc=\"/z.js\" defer></script><scripts>no</scripts>\
                    <script data-src=1>b()</script></head>";
        assert_eq!(
            inline_scripts(html).unwrap(),
            vec!["a()", "import x from '/y.js';", "b()"]
        );
        assert!(inline_scripts("<script>x").is_err());
    }

    #[test]
    fn the_meta_goes_after_charset_once() {
        let html = "<html><head><meta charset=utf-8><meta name=x><script>a</script></head></html>";
        let once = put_meta(
            html,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"1\">",
        )
        .unwrap();
        assert_eq!(
            once,
            "<html><head><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\"1\"><meta name=x><script>a</script></head></html>"
        );
        let twice = put_meta(
            &once,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"2\">",
        )
        .unwrap();
        assert_eq!(twice, once.replace("content=\"1\"", "content=\"2\""));
        assert_eq!(
            put_meta("<head><title>t</title></head>", "<m>").unwrap(),
            "<head><m><title>t</title></head>"
        );
        assert!(put_meta("<head><script></script><meta charset=utf-8>", "<m>").is_err());
    }

    #[test]
    fn the_policy_pins_hashes_and_allows_wasm() {
        let p = policy(&["abc=".to_owned()]);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(p.contains("object-src 'none'"));
        let script_src = p.split(';').find(|d| d.contains("script-src")).unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{script_src}");
    }
}
