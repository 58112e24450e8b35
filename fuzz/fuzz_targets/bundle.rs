//! Reading a bundle (`commentary.bundle`), which the reader downloads: any bytes give a
//! commentary or an error located inside the input, never a panic; and whatever decodes is a
//! fixed point of writing and reading again.
#![no_main]
use commentary_reader::bundle::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode(data, "https://host.example/c/commentary.bundle") {
        Err(e) => assert!(e.at <= data.len(), "error located at {} past the end ({})", e.at, data.len()),
        Ok(compiled) => {
            let again = encode(&compiled);
            let back = decode(&again, "https://host.example/c/commentary.bundle").expect("a bundle the writer wrote reads back");
            assert_eq!(encode(&back), again, "writing and reading again changed the bundle");
        }
    }
});
