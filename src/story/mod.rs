//! The story: its typed model and the data generated from `content/story.toml`.
//!
//! `build.rs` validates the story file (see [`source`] in the build script)
//! and generates `STORY` as plain `'static` Rust data, so the reader's
//! browser downloads no TOML parser and parses nothing at start-up.

pub mod head;
pub mod model;

pub use model::*;

#[allow(unused_imports)]
use crate::timeline::dates::{Date, Precision, Season};

include!(concat!(env!("OUT_DIR"), "/story.rs"));
