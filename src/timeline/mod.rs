//! Timeline logic: the date model and the layout, both plain and tested.

pub mod dates;
pub mod layout;
pub mod state;
