//! A generated site for the tests and the bench of a site-wide catalog (issue 29): `n`
//! commentaries sharing one catalog of `entities` entries (`catalog/entities.toml`, named by
//! each front matter as `../../catalog/entities.toml`), each commentary mentioning twelve of
//! them by name and one entry of its own catalog, whose second entry it never mentions.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many shared entities each commentary mentions.
pub const MENTIONED: usize = 12;

const SYLLABLES: [&str; 24] = [
    "al", "ben", "cor", "dra", "el", "fen", "gal", "hor", "is", "jun", "kar", "lem", "mor", "nal", "or", "pel", "quin", "ros", "sal",
    "tor", "ul", "ven", "wal", "zor",
];
const KINDS: [&str; 3] = ["person", "organisation", "initiative"];

/// A capitalized word made from `i`'s digits in base 24: distinct for every `i`.
fn word(mut i: usize, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
    }
    let mut chars = w.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The name of shared entity `i`: two made-up words, unique in the catalog.
pub fn name(i: usize) -> String {
    format!("{} {}", word(i, 3), word(i * 7 + 3, 2))
}

/// The catalog entry of shared entity `i`, as TOML.
pub fn entry(i: usize) -> String {
    format!(
        "[[entity]]\nid = \"e{i:04}\"\nkind = \"{}\"\nname = \"{}\"\naliases = [\"{}\"]\nsummary = \"Entry {i} of the site's shared catalog, generated for the tests.\"\n\n",
        KINDS[i % KINDS.len()],
        name(i),
        name(i)
    )
}

/// The shared entities commentary `j` mentions, of `entities`: first one of the three every
/// third commentary shares, then eleven spread over the catalog.
pub fn mentioned(j: usize, entities: usize) -> Vec<usize> {
    std::iter::once(j % 3).chain((1..MENTIONED).map(|k| 3 + (j * 131 + k * 167) % (entities - 3))).collect()
}

/// Commentary `j`'s text, mentioning `shared` (indexes of shared entities) and its own entity.
pub fn commentary(j: usize, shared: &[usize], catalogs: &str) -> String {
    let mut text = format!(
        "+++\ntitle = \"Generated commentary {j}\"\ndate = 2025-{:02}-{:02}\nlang = \"en\"\nentities = {catalogs}\n\n[[authors]]\nname = \"Author {j}\"\n+++\n\n",
        1 + j % 12,
        1 + j % 28
    );
    for (k, i) in shared.iter().enumerate() {
        let _ = write!(text, "In paragraph {k}, {} met the delegation again, as the commentary's own Local{j} Office noted.\n\n", name(*i));
    }
    text
}

/// The folder's own catalog: one entity it mentions, one it never does.
pub fn own(j: usize) -> String {
    format!(
        "[[entity]]\nid = \"local{j}\"\nkind = \"organisation\"\nname = \"Local{j} Office\"\naliases = [\"Local{j} Office\"]\nsummary = \"This commentary's own entry.\"\n\n\
         [[entity]]\nid = \"unused{j}\"\nkind = \"person\"\nname = \"Unused Person {j}\"\nsummary = \"An entry of this folder its text never mentions.\"\n"
    )
}

/// Writes the site at `root` (its widget folder with an empty `integrity.json`, a `site.toml`
/// with an address, the shared catalog, the commentaries); returns the commentaries' folders.
pub fn write_site(root: &Path, commentaries: usize, entities: usize) -> Vec<PathBuf> {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root.join("commentary-reader")).unwrap();
    std::fs::create_dir_all(root.join("catalog")).unwrap();
    std::fs::write(root.join("commentary-reader/integrity.json"), "{}").unwrap();
    std::fs::write(root.join("site.toml"), "url = \"https://tank.example/\"\nname = \"Tank\"\n").unwrap();
    std::fs::write(root.join("catalog/entities.toml"), (0..entities).map(entry).collect::<String>()).unwrap();
    (0..commentaries)
        .map(|j| {
            let folder = root.join(format!("commentaries/c{j:03}"));
            std::fs::create_dir_all(&folder).unwrap();
            let text = commentary(j, &mentioned(j, entities), "[\"../../catalog/entities.toml\", \"entities.toml\"]");
            std::fs::write(folder.join("commentary.md"), text).unwrap();
            std::fs::write(folder.join("entities.toml"), own(j)).unwrap();
            folder
        })
        .collect()
}
