//! The publisher module's one export: a compiled folder's prerendered pages, written in the
//! browser for the editors' preview page exactly as `commentary-reader build --site` writes
//! them ([`crate::site::pages`]). Built for wasm only, into its own module
//! (`commentary-reader-publisher`), which carries the reader's components and Yew's server
//! renderer.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use crate::bundle::{self, Compiled};

/// The commentary `bundle` holds, or why it cannot be shown (`so`: what the caller cannot do
/// then), or why the bundle cannot be read.
fn shown(bundle: &[u8], so: &str) -> Result<bundle::Loaded, JsValue> {
    match bundle::decode(bundle, bundle::FILE_NAME) {
        Ok(Compiled::Ready(loaded)) => Ok(loaded),
        Ok(Compiled::Failed { message, .. }) => Err(JsValue::from_str(&format!("the commentary cannot be shown, {so}: {message}"))),
        Err(e) => Err(JsValue::from_str(&e.to_string())),
    }
}

/// The reading page (`index.html`) and the embed fragment (`embed.html`) of the folder compiled
/// to `bundle`, for a folder at `path` from the site's root (`commentaries/x`), naming the
/// widget's files with the SRI hashes of `integrity` (the widget folder's `integrity.json`).
/// With `lang`, `bundle` is that translation's and the pages are its own (`index.ru.html`,
/// `embed.ru.html`, naming `commentary.ru.bundle`), as `build --site` writes them.
/// `site` is the site's `site.toml` (its address, name, publisher…), if the page found one, so
/// the pages name what `build --site` names. Returns `[index, embed, picture]`, the picture
/// being the share picture's SVG (`build --site` writes it as `share.png`; the page rasterizes
/// it in a canvas); fails with a message when
/// the bundle cannot be published (a folder that cannot be shown, a damaged bundle, an
/// `integrity` that is no list of hashes, an error in `site`).
#[wasm_bindgen]
pub async fn pages(
    bundle: Vec<u8>,
    path: String,
    integrity: String,
    lang: Option<String>,
    site: Option<String>,
) -> Result<Vec<String>, JsValue> {
    let integrity: BTreeMap<String, String> =
        serde_json::from_str(&integrity).map_err(|e| JsValue::from_str(&format!("integrity.json: not a list of SRI hashes ({e})")))?;
    let loaded = shown(&bundle, "so it has no pages")?;
    let settings = match site {
        Some(text) => {
            let (settings, problems) = crate::site::Settings::read(&text, crate::site::settings::FILE);
            let errors: Vec<String> =
                problems.iter().filter(|d| d.severity == crate::content::Severity::Error).map(ToString::to_string).collect();
            if !errors.is_empty() {
                return Err(JsValue::from_str(&errors.join("\n")));
            }
            settings
        }
        None => crate::site::Settings::default(),
    };
    let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(str::to_owned).collect();
    let prerendered = crate::web::prerender::render_async(loaded.clone(), &bundle, None).await;
    let published = crate::site::pages(&loaded, lang.as_deref(), &prerendered, &parts, &integrity, &settings);
    let by = published.page.publisher.clone().or_else(|| settings.name.clone());
    let picture = crate::web::prerender::picture_async(loaded, by.as_deref()).await;
    Ok(vec![published.index, published.embed, picture])
}

/// The map of the folder compiled to `bundle`, alone, for the editors' preview ("The map
/// alone"): at a phone's size and a desktop's, its home view and then each chapter's, as a flat
/// list of `[size ("phone" or "desktop"), chapter ("" for the home view, else its section's
/// slug), SVG document]` triples. Empty for a commentary without a map; fails with a message
/// for a bundle that cannot be shown.
#[wasm_bindgen]
pub async fn maps(bundle: Vec<u8>) -> Result<Vec<String>, JsValue> {
    let loaded = shown(&bundle, "so its map cannot be drawn")?;
    let mut out = Vec::new();
    for (size, chapter, svg) in crate::web::prerender::map_views_async(&loaded).await {
        out.extend([if size == 0 { "phone" } else { "desktop" }.to_owned(), chapter, svg]);
    }
    Ok(out)
}
