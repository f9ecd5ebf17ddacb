//! Brings the pre-rendered page to life in the browser.

fn main() {
    #[cfg(feature = "csr")]
    explainer::start();
}
