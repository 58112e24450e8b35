//! A TopoJSON base map (editor-supplied, or the widget's own): any text gives a base map or an
//! error placed inside the text, never a panic, a stack overflow or a hang.
#![no_main]
use commentary_compiler::topojson::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match decode(text, "countries") {
        Err(e) => {
            // A line of the text (or the empty one after a final line break), and a column of
            // it (or just past its end, where the text stops).
            let line = text.split('\n').nth(e.line - 1);
            assert!(
                line.is_some_and(|l| e.column >= 1 && e.column <= l.chars().count() + 1),
                "error placed at {}:{} outside the text",
                e.line,
                e.column
            );
        }
        Ok(map) => {
            assert!(map.countries.iter().all(|c| !c.iso.is_empty() && !c.rings.is_empty() && c.rings.iter().all(|r| r.len() >= 3)));
            if let Some(topology) = &map.topology {
                assert!(map.grid.is_some(), "a topology without its grid");
                assert_eq!(topology.rings.len(), map.countries.len());
                for (country, rings) in map.countries.iter().zip(&topology.rings) {
                    assert_eq!(country.rings.len(), rings.len());
                }
            }
        }
    }
});
