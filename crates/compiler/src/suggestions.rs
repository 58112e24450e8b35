//! The checker's drafting aids for a whole folder ([`suggest`]): the names its text writes
//! and its catalog lacks ([`crate::candidates`]), with the catalog entries for them, and the
//! inflected forms each translation writes and its catalog lacks ([`crate::inflections`]).
//! The validator (`check --suggest`, `suggest`), the Node checker and the preview page show
//! the same.

use crate::bundle::Compiled;
use crate::candidates::{self, Candidate};
use crate::content::catalog::Catalog;
use crate::folder::{Edition, COMMENTARY};
use crate::gazetteer::Gazetteer;
use crate::inflections::{self, Inflection};

/// What a folder's editor may add.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suggestions {
    /// Names the original writes and no entry covers, in the order the text first writes them.
    pub candidates: Vec<Candidate>,
    /// For each candidate, its id and its catalog entry (TOML).
    pub stubs: Vec<(String, String)>,
    /// For each translation, the forms it writes of its entities' names and its catalog lacks.
    pub inflections: Vec<Inflection>,
}

/// The suggestions for a folder compiled in all its languages (`editions`, the original
/// first, as [`crate::folder::compile_all`] returns them). `read` gives the original's
/// `commentary.md` text, to locate each candidate by column.
pub fn suggest(editions: &[Edition], gazetteer: &Gazetteer, read: &mut dyn FnMut(&str) -> Option<String>) -> Suggestions {
    let Some((_, original, _)) = editions.first() else { return Suggestions::default() };
    let source = read(COMMENTARY).unwrap_or_default();
    let candidates = candidates::of_compiled(original, gazetteer, &source, COMMENTARY);
    let none = Catalog::default();
    let catalog = match original {
        Compiled::Ready(loaded) => &loaded.catalog,
        Compiled::Failed { .. } => &none,
    };
    let stubs = candidates::stubs(&candidates, catalog);
    let inflections = editions[1..].iter().flat_map(|(_, translation, _)| inflections::of_compiled(original, translation)).collect();
    Suggestions { candidates, stubs, inflections }
}

impl Suggestions {
    /// Each suggestion as the checker lists it (`commentary.md:6:10: candidate: …`, then
    /// `entities.ru.toml:7:11: inflections: …`), files named as the folder's messages name them.
    pub fn lines(&self) -> Vec<String> {
        self.candidates.iter().map(ToString::to_string).chain(self.inflections.iter().map(ToString::to_string)).collect()
    }

    /// The candidates' catalog entries as one TOML text to append to `entities.toml`, each
    /// after a comment saying where the text names it.
    pub fn toml(&self) -> String {
        self.candidates.iter().zip(&self.stubs).map(|(c, (_, stub))| format!("# {c}\n{stub}")).collect::<Vec<_>>().join("\n")
    }
}
