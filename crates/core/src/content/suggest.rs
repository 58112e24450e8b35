//! "Did you mean …": the known name nearest to a mistyped one, for the messages about unknown
//! ids, route stops, ISO codes and sections.

/// The optimal string alignment distance between `a` and `b` (Levenshtein with adjacent
/// transpositions: "mnisk" is one edit from "minsk"), in characters, case-insensitive.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    // Three rows: two back (for transpositions), one back, this one.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// The candidate nearest to `word`, if one is near enough to be what was meant: at most one
/// edit for names of up to four characters, two up to eight, three beyond, and nearer than
/// any other candidate (a tie between two says nothing). `word` itself is never suggested.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = match len {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for c in candidates {
        if c == word {
            continue;
        }
        let d = distance(word, c);
        if d > limit {
            continue;
        }
        match best {
            Some((b, s)) if d == b && s != c => tied = true,
            Some((b, _)) if d >= b => {}
            _ => {
                best = Some((d, c));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

/// `"; did you mean `x`?"`, or nothing: the tail of a message about the unknown `word`.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(word, candidates).map(|c| format!("; did you mean `{c}`?")).unwrap_or_default()
}

/// The current ISO 3166-1 alpha-3 code for one an editor may write instead: a withdrawn code
/// (ISO 3166-3: the Byelorussian SSR's `BYS` is Belarus's `BLR` now) or a sports code (the
/// IOC's `GER` for Germany). Only the countries of the bundled Eurasia map.
pub fn iso_for(code: &str) -> Option<&'static str> {
    const OLD: &[(&str, &str)] = &[
        // Withdrawn (ISO 3166-3), where one successor took the name.
        ("BYS", "BLR"),
        ("ROM", "ROU"),
        ("TMP", "TLS"),
        ("BUR", "MMR"),
        ("ZAR", "COD"),
        ("YUG", "SRB"),
        ("SCG", "SRB"),
        ("DDR", "DEU"),
        ("SUN", "RUS"),
        ("YMD", "YEM"),
        // The IOC's codes that differ from ISO's.
        ("GER", "DEU"),
        ("SUI", "CHE"),
        ("NED", "NLD"),
        ("POR", "PRT"),
        ("BUL", "BGR"),
        ("CRO", "HRV"),
        ("DEN", "DNK"),
        ("GRE", "GRC"),
        ("LAT", "LVA"),
        ("SLO", "SVN"),
        ("IRI", "IRN"),
        ("KSA", "SAU"),
        ("UAE", "ARE"),
        ("MGL", "MNG"),
        ("MAS", "MYS"),
        ("INA", "IDN"),
        ("VIE", "VNM"),
        ("PHI", "PHL"),
        ("NEP", "NPL"),
        ("BAN", "BGD"),
        ("SRI", "LKA"),
        ("MYA", "MMR"),
        ("KUW", "KWT"),
        ("BRN", "BHR"),
        ("OMA", "OMN"),
        ("LIB", "LBN"),
        ("ALG", "DZA"),
        ("LBA", "LBY"),
        ("ANG", "AGO"),
        ("TAN", "TZA"),
        ("SUD", "SDN"),
        ("CHA", "TCD"),
        ("NIG", "NER"),
        ("RSA", "ZAF"),
        ("TPE", "TWN"),
    ];
    OLD.iter().find(|(old, _)| *old == code).map(|(_, new)| *new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_count_edits_and_a_swap_as_one() {
        assert_eq!(distance("minsk", "minsk"), 0);
        assert_eq!(distance("mnisk", "minsk"), 1, "adjacent letters swapped");
        assert_eq!(distance("minks", "minsk"), 1);
        assert_eq!(distance("mink", "minsk"), 1);
        assert_eq!(distance("Malaszewicze", "malaszewicze"), 0, "case does not count");
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_nearest_name_is_suggested_only_when_it_is_near_and_alone() {
        let ids = ["minsk", "moscow", "malaszewicze", "great-stone", "xian", "xiamen"];
        assert_eq!(nearest("mnisk", ids), Some("minsk"));
        assert_eq!(nearest("great-stoen", ids), Some("great-stone"));
        assert_eq!(nearest("malashevichi", ids), None, "four edits: another name, not a typo");
        assert_eq!(nearest("berlin", ids), None);
        assert_eq!(nearest("xia", ["xian", "xiao"]), None, "a tie says nothing");
        assert_eq!(nearest("minsk", ids), None, "a known name is not a mistake");
        assert_eq!(did_you_mean("mosow", ids), "; did you mean `moscow`?");
        assert_eq!(did_you_mean("berlin", ids), "");
    }

    #[test]
    fn withdrawn_and_sports_codes_have_their_iso_code() {
        assert_eq!(iso_for("BYS"), Some("BLR"));
        assert_eq!(iso_for("GER"), Some("DEU"));
        assert_eq!(iso_for("ROM"), Some("ROU"));
        assert_eq!(iso_for("BLR"), None);
    }
}
