//! The browser app's entry point (Trunk's build, feature `hydrate`): the
//! islands' reactive root, and the embed view. The page's loader then
//! hydrates each `<leptos-island>` with the function the wasm exports for
//! it, and marks `<html data-app-ready>`.

/// The page is single-threaded: a free-list allocator a fraction of the
/// default one's size.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the app runs on the page's one thread (no wasm threads).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    {
        // Panic messages in the console while developing; release builds
        // skip the formatting code it pulls in.
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        leptos::mount::hydrate_islands();
        // Also what keeps the islands in the wasm: the library's
        // `#[wasm_bindgen]` exports (one per island) are linked because
        // `main` calls into the library; a `main` that called only Leptos
        // gave a wasm without them (seen in a size probe).
        explainer::embed::frame::start();
    }
}
