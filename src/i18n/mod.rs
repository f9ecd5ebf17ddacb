//! Editions in any language: the interface's words from a locale file, the
//! story's dates and numbers as the locale writes them.
//!
//! Locale files (`locales/<tag>.ftl`, [Fluent](https://projectfluent.org)
//! syntax) hold every key of [`keys`], and nothing else: [`read`] checks,
//! naming the file, the key and the locale. A story picks its locale by its
//! `language` and may override any key (`[strings]`). [`Locale`] formats:
//! messages with Fluent (plural forms by CLDR's rules), dates and numbers
//! with ICU4X (month names, digits, the locale's patterns; seasons and
//! quarters, which CLDR has no patterns for, from the locale file), and the
//! runtime's messages as templates for the islands' props
//! ([`crate::messages`]). All of it happens when the page is built: the
//! wasm gets finished words and templates, no locale data.

pub mod keys;

#[cfg(feature = "render")]
mod locale;

#[cfg(feature = "render")]
pub use locale::*;
