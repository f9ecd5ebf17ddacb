//! The browser runtime's entry point: brings the pre-rendered story page to
//! life (see `explainer::runtime`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    explainer::runtime::start();
}
