//! The page's own Content-Security-Policy, as a `<meta>` in its head.
//!
//! Scripts come only from the site itself, WebAssembly may compile
//! (`'wasm-unsafe-eval'`), and an inline `<script>` runs only when its
//! SHA-256 is pinned: the page's two (the embed view's head script and the
//! runtime's loader) are known when the page is rendered, so their hashes
//! are written in. `frame-ancestors` has no effect in a `<meta>`: hosts set it as a
//! header (see the README).

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy, with `'sha256-…'` sources for the inline scripts. Inline
/// style attributes stay allowed (the timeline positions its marks with
/// them); everything else comes from the site itself, and the page may
/// connect to the site and to its poll's results service (`results`, an
/// origin) only.
pub fn policy(script_hashes: &[String], results: Option<&str>) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push_str(" 'sha256-");
        script_src.push_str(h);
        script_src.push('\'');
    }
    let mut connect_src = String::from("'self'");
    if let Some(origin) = results {
        connect_src.push(' ');
        connect_src.push_str(origin);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src {connect_src}; object-src 'none'; base-uri 'self'; \
         form-action 'self'"
    )
}

/// The base64 SHA-256 of `text`, as CSP hash sources use it.
pub fn sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_like_csp() {
        // `echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64`
        assert_eq!(
            sha256("alert('Hello, world.');"),
            "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }

    #[test]
    fn the_policy_pins_hashes_and_allows_wasm() {
        let p = policy(&["abc=".to_owned()], None);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(p.contains("object-src 'none'"));
        let script_src = p.split(';').find(|d| d.contains("script-src")).unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{script_src}");
        assert!(p.contains("connect-src 'self';"));
    }

    #[test]
    fn the_results_service_is_the_only_other_connect_source() {
        let p = policy(&[], Some("https://results.example.org"));
        let connect = p.split(';').find(|d| d.contains("connect-src")).unwrap();
        assert_eq!(
            connect.trim(),
            "connect-src 'self' https://results.example.org"
        );
    }
}
