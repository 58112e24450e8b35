//! The compiler module's export: [`compile`] a commentary folder in the browser to a bundle,
//! fetching its files. It drives the [`Pipeline`], as `commentary-reader build` does, and
//! decides nothing itself, so readers meet what the validator reports. The editors' `check`
//! is the checker module's ([`super::checker`]).
//! Built only with the `compiler` feature, into its own wasm, so the reader's wasm carries none
//! of the parsers.

use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use super::fetch::{resolve, start, LoadError, Pending, MAX_BYTES, TIMEOUT_MS};
use crate::bundle;
use crate::folder::{Address, Answer, Failure, Naming, Need, Pipeline, Purpose, Request};

/// Compiles the folder of the `commentary.md` at `url` and returns the bundle's bytes (a
/// `Uint8Array` in JavaScript): the original's, or with `lang` the translation's in that
/// language when the original lists it (the original's otherwise). Never fails: a folder that
/// cannot be shown becomes a bundle that says why (and whether a retry may help). `assets` is
/// the URL of the widget's own folder (for the default base map); `source` is the
/// `commentary.md`'s bytes when the caller already fetched it.
///
/// Files are named by URL in messages ([`Naming::Urls`]). With [`Purpose::Show`], a front
/// matter with an error ends the loading at once: the bundle can only carry that error. An
/// original that lists translations is compiled with all of them, as `build` compiles it
/// ([`crate::folder::compile_all`]), so each bundle knows the languages and the reader's switch
/// works on a folder nobody built.
#[wasm_bindgen]
pub async fn compile(url: String, assets: String, source: Option<Vec<u8>>, lang: Option<String>) -> Vec<u8> {
    let naming = Naming::Urls { commentary: url.clone(), assets: assets.clone() };
    // Read as `fetch` reads text: invalid UTF-8 replaced.
    let source = source.map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    // The files the languages share (the catalog, the map, the base map) are fetched once.
    let mut answered = HashMap::new();
    let (original, diagnostics) = run(Pipeline::new(Purpose::Show, naming.clone()), &url, &assets, source, &mut answered).await;
    let mut all = vec![(None, original, diagnostics)];
    for tag in crate::folder::translations_of(&all[0].1) {
        let (compiled, diagnostics) =
            run(Pipeline::translation(Purpose::Show, naming.clone(), &tag), &url, &assets, None, &mut answered).await;
        let translated = crate::folder::translated(&all[0], &naming, tag, compiled, diagnostics);
        all.push(translated);
    }
    crate::folder::link_languages(&mut all);
    let at = lang.and_then(|lang| all.iter().position(|(tag, ..)| tag.as_deref() == Some(lang.as_str()))).unwrap_or(0);
    bundle::encode(&all.swap_remove(at).1)
}

/// Drives `pipeline` over the network to its end: every request of a round is started before
/// any is awaited. The commentary of the original is `url` itself (its text `source` when the
/// caller has it); a translation's is beside it. A file in `answered` (by its URL) is not
/// fetched again; each one fetched is added.
async fn run(
    mut pipeline: Pipeline,
    url: &str,
    assets: &str,
    mut source: Option<String>,
    answered: &mut HashMap<String, Answer>,
) -> (bundle::Compiled, Vec<crate::content::Diagnostic>) {
    while !pipeline.requests().is_empty() {
        let round: Vec<(Request, Fetch)> = pipeline
            .requests()
            .iter()
            .map(|request| {
                let given = (request.need == Need::Commentary).then(|| source.take()).flatten();
                (request.clone(), given.map_or_else(|| fetch(request, url, assets, answered), |text| Fetch::Done(Answer::Text(text))))
            })
            .collect();
        for (request, fetch) in round {
            let answer = match fetch {
                Fetch::Done(answer) => answer,
                Fetch::Pending(at, pending) => {
                    let answer = match pending.text(true).await {
                        Ok(Some(text)) => Answer::Text(text),
                        Ok(None) => Answer::Absent,
                        Err(e) => Answer::Failed(failure(e)),
                    };
                    answered.insert(at, answer.clone());
                    answer
                }
            };
            pipeline.admit(&request, answer);
        }
    }
    pipeline.finish()
}

/// A request's answer, or the request under way.
enum Fetch {
    /// Known without waiting.
    Done(Answer),
    /// Under way, from its URL.
    Pending(String, Pending),
}

/// Starts fetching what `request` asks for. `commentary.md` is `url` itself; the folder's
/// other files and remote ones are resolved against it, the widget's own against `assets`. A
/// file that has no URL (beside a `blob:` commentary, which has no folder) is absent; one in
/// `answered` has its answer.
fn fetch(request: &Request, url: &str, assets: &str, answered: &HashMap<String, Answer>) -> Fetch {
    let absolute = match (&request.address, request.need) {
        // A translation's text is beside the original's (`commentary.ru.md`).
        (Address::Folder(name), Need::Commentary) if *name != crate::folder::COMMENTARY => resolve(name, url),
        (_, Need::Commentary) => Some(url.to_owned()),
        (Address::Folder(name) | Address::Remote(name), _) => resolve(name, url),
        (Address::Widget(name), _) => resolve(name, assets),
    };
    if let Some(answer) = absolute.as_ref().and_then(|a| answered.get(a)) {
        return Fetch::Done(answer.clone());
    }
    let Some(absolute) = absolute else { return Fetch::Done(Answer::Absent) };
    match start(&absolute) {
        Ok(pending) => Fetch::Pending(absolute, pending),
        Err(e) => Fetch::Done(Answer::Failed(failure(e))),
    }
}

/// What a failed fetch means to the pipeline (a 404 never gets here: it is an absent file).
fn failure(e: LoadError) -> Failure {
    match e {
        LoadError::Http { status, status_text, .. } => Failure::Status { code: status, text: status_text },
        LoadError::Timeout { .. } => Failure::Timeout { seconds: (TIMEOUT_MS / 1000) as u32 },
        LoadError::Network { reason, .. } => Failure::Network(reason),
        LoadError::TooLarge { bytes, .. } => Failure::TooLarge { bytes, limit: MAX_BYTES },
        other => Failure::Network(other.to_string()),
    }
}
