//! Mounts the explainer into the page.

fn main() {
    explainer::start();
}
