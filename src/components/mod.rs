//! The explainer's views, one part a file. Each renders at build time
//! (feature `ssr`); the interactive parts are islands (`#[island]`) that
//! hydrate in the browser (feature `hydrate`) from props the page carries.
//! What only renders (the article, the context's sections, the build-time
//! wrappers that turn a story into island props) needs the edition's
//! locale, feature `render`, and ships no wasm.

#[cfg(feature = "render")]
pub mod article;
pub mod context;
pub mod embed;
pub mod poll;
pub mod timeline;
