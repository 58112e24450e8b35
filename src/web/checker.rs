//! The checker module's export: [`check`] a folder whose files the caller reads (the
//! command-line checker run by Node, `check.mjs`, and the preview page's picked files), as
//! `commentary-reader check --suggest` does: every message, each language's bundle, and the
//! drafting aids (the names the text writes and the catalog lacks with their entries, a
//! translation's inflections). It drives the same [`crate::folder::Pipeline`] as the compiler
//! module's `compile` and the validator, so editors meet what they report.
//!
//! Built with the `checker` feature into a wasm of its own, which only editors load: the
//! compiler module that readers' browsers load for a `src` naming a `commentary.md` carries
//! neither `check` nor the drafting aids.

use wasm_bindgen::prelude::*;

use crate::bundle;
use crate::folder::{Address, Answer, Failure, Naming, Purpose, Request};
use crate::gazetteer::{self, Gazetteer};
use crate::suggestions;

/// What [`check`] found: the folder's bundles (the original's, then each translation's) and
/// every message.
#[wasm_bindgen]
pub struct Checked {
    bundles: Vec<(String, Vec<u8>)>,
    langs: Vec<String>,
    messages: Vec<String>,
    errors: usize,
    suggestions: Vec<String>,
    stubs: Vec<String>,
}

#[wasm_bindgen]
impl Checked {
    /// The compiled folder, `commentary.bundle`'s bytes (a bundle saying why, if it cannot be
    /// shown).
    #[wasm_bindgen(getter)]
    pub fn bundle(&self) -> Vec<u8> {
        self.bundles[0].1.clone()
    }

    /// The file name of each bundle: `commentary.bundle`, then each translation's
    /// (`commentary.ru.bundle`).
    #[wasm_bindgen(getter)]
    pub fn files(&self) -> Vec<String> {
        self.bundles.iter().map(|(name, _)| name.clone()).collect()
    }

    /// The language of each bundle of `files`: `""` for the original, then each translation's
    /// tag (`ru`).
    #[wasm_bindgen(getter)]
    pub fn langs(&self) -> Vec<String> {
        self.langs.clone()
    }

    /// The bytes of the bundle named `files[i]`.
    pub fn bundle_at(&self, i: usize) -> Vec<u8> {
        self.bundles.get(i).map(|(_, b)| b.clone()).unwrap_or_default()
    }

    /// Every message, sorted by file and position, as the validator prints them
    /// (`map.toml:11:17: warning: …`), files named relative to the folder.
    #[wasm_bindgen(getter)]
    pub fn messages(&self) -> Vec<String> {
        self.messages.clone()
    }

    /// How many of the messages are errors.
    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// What the editor may add ([`crate::suggestions`], with the widget's gazetteer
    /// when `read` gives it): first each candidate the text names and the catalog lacks
    /// (`commentary.md:6:10: candidate: place `Atyrau`, …`), then each translation's inflections
    /// (`entities.ru.toml:7:11: inflections: …`), as the validator's `--suggest` lists them.
    #[wasm_bindgen(getter)]
    pub fn suggestions(&self) -> Vec<String> {
        self.suggestions.clone()
    }

    /// The catalog entry (TOML) for each candidate, in the order of the first
    /// `suggestions`: what "Add to the catalog" appends to `entities.toml`.
    #[wasm_bindgen(getter)]
    pub fn stubs(&self) -> Vec<String> {
        self.stubs.clone()
    }
}

/// Checks and compiles the folder whose files `read` gives, as `commentary-reader check` does
/// (every part is checked, even after a front matter it cannot read). `read(name, widget)` is
/// called with a file's name relative to the folder (`commentary.md`, `../shared/entities.toml`),
/// or, when `widget` is true, relative to the widget's own folder (`basemaps/eurasia.topo.json`),
/// and returns its text, or `null`/`undefined` when there is no such file; what it throws is
/// the file's "cannot be read". Remote files are not fetched, as natively.
#[wasm_bindgen]
pub fn check(read: &js_sys::Function) -> Checked {
    let mut answer = |request: &Request| match &request.address {
        Address::Remote(_) => Answer::Failed(Failure::NotFetched),
        Address::Folder(name) | Address::Widget(name) => {
            let widget = matches!(request.address, Address::Widget(_));
            match read.call2(&JsValue::NULL, &JsValue::from_str(name), &JsValue::from_bool(widget)) {
                Ok(text) => text.as_string().map_or(Answer::Absent, Answer::Text),
                Err(e) => Answer::Failed(Failure::Unreadable(
                    e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default(),
                )),
            }
        }
    };
    let mut bundles = Vec::new();
    let mut langs = Vec::new();
    let mut messages = Vec::new();
    let mut errors = 0;
    let editions = crate::folder::compile_all(Purpose::Check, Naming::Folder, &mut answer);
    for (lang, compiled, diagnostics) in &editions {
        errors += diagnostics.iter().filter(|d| d.severity == crate::content::Severity::Error).count();
        messages.extend(diagnostics.iter().map(ToString::to_string));
        bundles.push((bundle::file_name(lang.as_deref()), bundle::encode(compiled)));
        langs.push(lang.clone().unwrap_or_default());
    }
    // The gazetteer as the pipeline read it: without it, names are still suggested, places
    // without their coordinates.
    let text = |name: &str, widget: bool| {
        read.call2(&JsValue::NULL, &JsValue::from_str(name), &JsValue::from_bool(widget)).ok().and_then(|t| t.as_string())
    };
    let gazetteer = Gazetteer::parse(&text(gazetteer::PATH, true).unwrap_or_default());
    let found = suggestions::suggest(&editions, &gazetteer, &mut |name| text(name, false));
    let suggestions = found.lines();
    let stubs = found.stubs.into_iter().map(|(_, toml)| toml).collect();
    Checked { bundles, langs, messages, errors, suggestions, stubs }
}
