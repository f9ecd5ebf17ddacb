//! Builds again when a migration changes: `sqlx::migrate!` embeds the
//! files of `migrations/` in the binary, and cargo would not look there.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
