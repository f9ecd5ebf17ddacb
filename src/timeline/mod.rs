//! Timeline logic: the date model.

pub mod dates;
