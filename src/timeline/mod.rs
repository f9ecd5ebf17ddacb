//! Timeline logic: the layout and what the reader has done ([`state`]),
//! over the date model ([`crate::dates`]), all plain and natively tested;
//! and the ids the pre-rendered markup and the runtime share.

pub mod layout;
pub mod state;

/// Deep links to a milestone are `#milestone-<slug>`.
pub const ANCHOR_PREFIX: &str = "milestone-";

/// A milestone's item id and deep-link anchor: `milestone-<slug>`.
pub fn anchor(slug: &str) -> String {
    format!("{ANCHOR_PREFIX}{slug}")
}

/// The id of a milestone's button.
pub fn button_id(slug: &str) -> String {
    format!("{ANCHOR_PREFIX}{slug}-button")
}

/// The id of a milestone's details.
pub fn details_id(slug: &str) -> String {
    format!("{ANCHOR_PREFIX}{slug}-details")
}
