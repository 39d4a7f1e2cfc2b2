//! Fuzzes article import and parsing: any bytes become an article or a clear error.
#![no_main]

use fan_tracker::model::{Origin, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for origin in [
        Origin::File("a.md"),
        Origin::File("a.txt"),
        Origin::File("a.html"),
        Origin::Pasted,
    ] {
        if let Ok(imported) = import(bytes, origin) {
            assert!(!imported.article.title.is_empty());
            let _ = imported.article.document();
        }
    }
});
