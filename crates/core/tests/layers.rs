//! The core's layers, as `src/lib.rs` lists them: each module uses only those listed before it
//! (`wire`, `content`, `geo`, `bundle`, `i18n`, `ui`). A `crate::` path in a module's source
//! (an import, a path in code, a serde attribute's function) naming a module listed after it
//! fails here, with the file and line.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["wire", "content", "geo", "bundle", "i18n", "ui"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer of a source file: its top-level module under `src/`.
fn layer_of(src: &Path, file: &Path) -> Option<usize> {
    let first = file.strip_prefix(src).ok()?.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    LAYERS.iter().position(|l| *l == module)
}

#[test]
fn no_module_uses_a_module_listed_after_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut upward = Vec::new();
    for file in &all {
        let Some(layer) = layer_of(&src, file) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for (i, _) in code.match_indices("crate::") {
                let name: String = code[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if let Some(used) = LAYERS.iter().position(|l| *l == name) {
                    if used > layer {
                        upward.push(format!("{}:{}: {} uses {}", file.strip_prefix(&src).unwrap().display(), n + 1, LAYERS[layer], name));
                    }
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports that go up a layer:\n{}", upward.join("\n"));
    assert!(all.len() > 40, "the source was read ({} files)", all.len());
}
