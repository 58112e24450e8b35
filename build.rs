//! Hashes the source (`COMMENTARY_READER_RENDER_ID`: prerendered HTML is only hydrated by the
//! widget built from the same source, see `src/stamp.rs`), minifies the widget's stylesheet (`src/web/reader.css`) into `OUT_DIR/reader.css`, which
//! `web::stylesheet` ships (see `src/minify.rs`).

include!("src/minify.rs");

fn main() {
    println!("cargo:rustc-env=COMMENTARY_READER_RENDER_ID={}", render_id());
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=src/web/reader.css");
    println!("cargo:rerun-if-changed=src/minify.rs");
    println!("cargo:rerun-if-changed=crates/core/src");
    let css = std::fs::read_to_string("src/web/reader.css").expect("src/web/reader.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("reader.css");
    std::fs::write(out, minify_css(&css)).expect("writing the minified stylesheet");
    hostile_corpus();
}

/// `OUT_DIR/hostile.rs`: every file of `tests/hostile/`, as `(name, include_str!(…))` pairs in
/// name order, for the browser tests (`tests/web.rs`), so a file added there is never skipped.
fn hostile_corpus() {
    println!("cargo:rerun-if-changed=tests/hostile");
    let dir = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".txt")).collect())
        .unwrap_or_default();
    names.sort();
    let mut list = String::from("&[\n");
    for name in names {
        list += &format!("    ({name:?}, include_str!({:?})),\n", dir.join(&name).to_string_lossy());
    }
    list += "]\n";
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("hostile.rs");
    std::fs::write(out, list).expect("writing the hostile corpus' list");
}

/// FNV-1a (64 bits) of every file under `src/` (by relative path, in order) and `Cargo.lock`
/// (the versions of Yew and every crate the components use), as 16 hex digits.
fn render_id() -> String {
    fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ is readable").map(|e| e.expect("a directory entry").path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new("src"), &mut files);
    walk(std::path::Path::new("crates/core/src"), &mut files);
    files.push("Cargo.lock".into());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let name = file.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(&file).unwrap_or_default();
        for b in name.as_bytes().iter().chain([0u8].iter()).chain(bytes.iter()).chain([0u8].iter()) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
