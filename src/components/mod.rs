//! The explainer's views, one component family a file.

pub mod article;
pub mod context;
pub mod embed;
pub mod poll;
pub mod timeline;
