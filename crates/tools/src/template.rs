//! A new commentary folder from the template (`static/template/`, built in): a commented
//! `commentary.md`, `entities.toml` and `map.toml` that pass the checker, ready to edit. Written
//! by `commentary-reader new <folder>`; the preview page's "Start a new commentary" opens the
//! same files (the widget's folder carries them as `template/`).

use std::path::Path;

use commentary_reader::content::Date;

/// The template's files: name and text, its date the template's own ([`DATE`]).
pub const FILES: [(&str, &str); 3] = [
    ("commentary.md", include_str!("../../../static/template/commentary.md")),
    ("entities.toml", include_str!("../../../static/template/entities.toml")),
    ("map.toml", include_str!("../../../static/template/map.toml")),
];

/// The front matter's date as the template writes it, replaced by the day the folder is made.
pub const DATE: &str = "date = 2026-01-01";

/// The template's files for a commentary started on `date` (`YYYY-MM-DD`).
pub fn files(date: &str) -> Vec<(&'static str, String)> {
    FILES.iter().map(|(name, text)| (*name, text.replacen(DATE, &format!("date = {date}"), 1))).collect()
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(seconds / 86_400).unwrap_or(0)).iso()
}

/// Writes the template into `dir` (made if missing), dated `date`. Refuses a folder that already
/// has any of the template's files, so nothing an editor wrote is overwritten; returns the
/// paths written, or why not.
pub fn write(dir: &Path, date: &str) -> Result<Vec<String>, String> {
    let display = dir.display();
    if let Some((name, _)) = FILES.iter().find(|(name, _)| dir.join(name).exists()) {
        return Err(format!("{display}: already has {name}; `new` writes a new commentary into a new or empty folder only"));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{display}: cannot be made: {e}"))?;
    let mut written = Vec::new();
    for (name, text) in files(date) {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: cannot be written: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_dated_the_day_it_is_made() {
        let commentary = &files("2027-03-04")[0].1;
        assert!(commentary.contains("date = 2027-03-04"), "{commentary}");
        assert!(!commentary.contains(DATE), "the template's own date is replaced");
        assert!(FILES[0].1.contains(DATE), "the template still writes the date `new` replaces");
    }
}
