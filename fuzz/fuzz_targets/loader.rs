//! Fuzzes the library loader: any bytes either load or fail with an error, never a panic, and
//! whatever loads survives a save and a second load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(library) = fan_tracker::storage::decode(bytes) {
        let again = fan_tracker::storage::decode(&fan_tracker::storage::encode(&library).unwrap())
            .expect("a saved library loads");
        assert_eq!(again, library);
        for show in &library.shows {
            for anchor in show.threads.iter().flat_map(|t| &t.anchors) {
                if let Ok((_, entry)) = library.article(anchor.article) {
                    let _ = anchor.resolve(&entry.article.document());
                }
            }
        }
    }
});
