//! The browser runtime's entry point: brings the pre-rendered story page to
//! life (see `explainer::runtime`).

/// The page is single-threaded: a free-list allocator a fraction of the
/// default one's size, which the first-load budget needs.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the runtime runs on the page's one thread (no wasm threads).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    #[cfg(target_arch = "wasm32")]
    explainer::runtime::start();
}
