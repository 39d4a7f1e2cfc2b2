//! Fuzzes the library loader: any bytes either load or fail with an error, never a panic, and
//! whatever loads survives a save and a second load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(library) = fan_tracker::storage::decode(bytes) {
        let again = fan_tracker::storage::decode(&fan_tracker::storage::encode(&library).unwrap())
            .expect("a saved library loads");
        assert_eq!(again, library);
        for dossier in &library.dossiers {
            let document = dossier.article.document();
            for thread in &dossier.threads {
                if let Some(anchor) = &thread.anchor {
                    let _ = anchor.resolve(&document);
                }
            }
        }
    }
});
