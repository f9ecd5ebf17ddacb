//! What Trunk built: the runtime every story page loads.
//!
//! `trunk build` compiles the runtime once, for all stories, into a folder
//! of content-hashed files and an `index.html` that names them. This reads
//! that page with a real HTML rewriter (`lol_html`) for the four things a
//! story page needs: the glue's and the wasm's addresses, the favicon's,
//! and the styles Trunk inlined and minified. Trunk's own loader and
//! preloads are not used (see [`super::loader`]).

use std::cell::RefCell;

use lol_html::{element, rewrite_str, text, RewriteStrSettings};

/// The shared runtime, as a story page refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runtime {
    /// The wasm-bindgen glue (an ES module), public URL included.
    pub js: String,
    /// The wasm, public URL included.
    pub wasm: String,
    /// The favicon, if the build has one.
    pub icon: Option<String>,
    /// The page's styles, minified, to inline.
    pub styles: String,
}

impl Runtime {
    /// Reads Trunk's `index.html`.
    pub fn from_trunk_html(html: &str) -> Result<Runtime, String> {
        let js = RefCell::new(None);
        let wasm = RefCell::new(None);
        let icon = RefCell::new(None);
        let styles = RefCell::new(String::new());
        rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!("link[rel=modulepreload][href]", |el| {
                        *js.borrow_mut() = el.get_attribute("href");
                        Ok(())
                    }),
                    element!("link[rel=preload][href$='.wasm']", |el| {
                        *wasm.borrow_mut() = el.get_attribute("href");
                        Ok(())
                    }),
                    element!("link[rel=icon][href]", |el| {
                        *icon.borrow_mut() = el.get_attribute("href");
                        Ok(())
                    }),
                    text!("style", |chunk| {
                        styles.borrow_mut().push_str(chunk.as_str());
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::new()
            },
        )
        .map_err(|e| format!("cannot read Trunk's index.html: {e}"))?;
        let missing = |what: &str| format!("Trunk's index.html names no {what}");
        Ok(Runtime {
            js: js
                .into_inner()
                .ok_or_else(|| missing("JavaScript glue (modulepreload)"))?,
            wasm: wasm.into_inner().ok_or_else(|| missing("wasm (preload)"))?,
            icon: icon.into_inner(),
            styles: styles.into_inner(),
        })
    }

    /// The files a site copies from the runtime's folder: the glue, the
    /// wasm and the favicon (their names without the public URL).
    pub fn files(&self, root: &str) -> Vec<String> {
        [Some(&self.js), Some(&self.wasm), self.icon.as_ref()]
            .into_iter()
            .flatten()
            .map(|url| {
                url.strip_prefix(root)
                    .unwrap_or(url)
                    .trim_start_matches('/')
                    .to_owned()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Explainer</title>
<link rel="icon" href="/news/favicon-1a2b.svg" integrity="sha384-x"/>
<style>body{margin:0}</style><style>p{color:red}</style>
<link rel="modulepreload" href="/news/explainer-3c4d.js" crossorigin="anonymous" integrity="sha384-y">
<link rel="preload" href="/news/explainer-3c4d_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
<body><script type="module">import init from '/news/explainer-3c4d.js';await init({ module_or_path: '/news/explainer-3c4d_bg.wasm' });</script></body></html>"#;

    #[test]
    fn reads_the_files_and_styles_trunk_wrote() {
        let r = Runtime::from_trunk_html(TRUNK).unwrap();
        assert_eq!(r.js, "/news/explainer-3c4d.js");
        assert_eq!(r.wasm, "/news/explainer-3c4d_bg.wasm");
        assert_eq!(r.icon.as_deref(), Some("/news/favicon-1a2b.svg"));
        assert_eq!(r.styles, "body{margin:0}p{color:red}");
        assert_eq!(
            r.files("/news/"),
            [
                "explainer-3c4d.js",
                "explainer-3c4d_bg.wasm",
                "favicon-1a2b.svg"
            ]
        );
    }

    #[test]
    fn a_page_without_the_runtime_is_refused() {
        let err = Runtime::from_trunk_html("<html><head></head></html>").unwrap_err();
        assert!(err.contains("JavaScript glue"), "{err}");
    }
}
