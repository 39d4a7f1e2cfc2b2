//! Every key path of a JSON document (`.library.shows[].threads[].status`, …), to check that a
//! file keeps every key it had. Shared by the format modules' unit tests and the integration
//! tests (included with `#[path]`).

use std::collections::BTreeSet;

/// Every key path of the JSON in `bytes`; panics when it is not JSON (tests only).
pub fn key_paths_of(bytes: &[u8]) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    let value = serde_json::from_slice(bytes).expect("JSON");
    key_paths(&value, "", &mut paths);
    paths
}

/// Adds every key path below `value`, each starting with `prefix`, to `out`.
pub fn key_paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                let path = format!("{prefix}.{key}");
                out.insert(path.clone());
                key_paths(inner, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for inner in items {
                key_paths(inner, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}
