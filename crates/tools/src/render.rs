//! The reader's server render ([`commentary_reader::web::prerender`]), which is async, awaited
//! natively on a single-threaded runtime of its own, for `build --site`.

use commentary_reader::bundle::Loaded;
use commentary_reader::web::prerender::{self, Prerendered};

/// `future`'s output, on a single-threaded runtime of its own.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().build().expect("a single-threaded runtime starts").block_on(future)
}

/// [`prerender::render_async`]: `loaded` (compiled to `bundle`) for an element with `lang`.
pub fn render(loaded: Loaded, bundle: &[u8], lang: Option<&str>) -> Prerendered {
    block_on(prerender::render_async(loaded, bundle, lang))
}

/// [`prerender::picture_async`]: the share picture of `loaded`, with `by` above the title.
pub fn picture(loaded: Loaded, by: Option<&str>) -> String {
    block_on(prerender::picture_async(loaded, by))
}

/// [`prerender::thumbnail_async`]: the archive's thumbnail of `loaded`'s map, if it has one.
pub fn map_thumbnail(loaded: &Loaded) -> Option<String> {
    block_on(prerender::thumbnail_async(loaded))
}

/// [`prerender::map_views_async`]: the map alone at a phone's size and a desktop's, home view
/// and every chapter's.
pub fn map_views(loaded: &Loaded) -> Vec<(usize, String, String)> {
    block_on(prerender::map_views_async(loaded))
}
