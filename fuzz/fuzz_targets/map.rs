//! `map.toml`: any text parses to a map or gives located errors, never a panic.
#![no_main]
use commentary_compiler::spec::parse_map;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_map(text, "map.toml");
    }
});
