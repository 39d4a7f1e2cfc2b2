//! Removing the show files (format 5, `shows/<sha256>.json`) that no library file names any
//! more.
//!
//! Each save that changes a show writes a new file for it, so older ones pile up. One is
//! removed only when both hold:
//! 1. no library file that needs it is in the folders given: for `shows/`, `library.json` and
//!    each file kept aside or left by a sync tool (every `*.json` in the data folder and in the
//!    folder of the file a linked `library.json` points at, and in their `conflicts-merged/`),
//!    nor a version the window holds in memory; for `backups/shows/` (the backups' own copies),
//!    each backup;
//! 2. it arrived in the folder more than [`GRACE`] ago ([`FileSystem::age`]), so a file
//!    another device wrote, whose library the sync tool has not delivered yet, is never taken
//!    for one no library names (the sync tool would carry the removal back to that device).
//!
//! If one of those folders cannot be listed (other than not being there) or one of those files
//! cannot be read, nothing is removed. A file that does not parse (a library kept aside as
//! unreadable, a copy cut short) keeps every show file whose hash appears in it.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::format::v4::is_sha256_hex;
use super::fs::FileSystem;

/// How long a show file no library names is kept after it arrived: two days.
pub const GRACE: Duration = Duration::from_secs(2 * 24 * 60 * 60);

/// The show files a library file names, read leniently from any version's file.
#[derive(Deserialize)]
struct Names {
    #[serde(default)]
    library: NamedShows,
}

#[derive(Default, Deserialize)]
struct NamedShows {
    #[serde(default)]
    shows: Vec<NamedShow>,
}

#[derive(Deserialize)]
struct NamedShow {
    #[serde(default)]
    file_sha256: Option<String>,
    /// The show itself, in a file that holds it (a backup): then its file is not needed.
    #[serde(default)]
    show: Option<serde::de::IgnoredAny>,
}

/// The show file hashes `bytes` (a library file of any version) needs: those of the shows it
/// names by file and does not hold itself. A file that does not parse (cut short, damaged:
/// the very files kept aside for recovery) needs every 64-digit hash in it.
fn names_in(bytes: &[u8]) -> Vec<String> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Names>(text) {
        Ok(names) => names
            .library
            .shows
            .into_iter()
            .filter(|show| show.show.is_none())
            .filter_map(|show| show.file_sha256)
            .collect(),
        Err(_) => text
            .split(|b| !b.is_ascii_hexdigit())
            .filter_map(|run| std::str::from_utf8(run).ok())
            .filter(|run| is_sha256_hex(run))
            .map(str::to_owned)
            .collect(),
    }
}

/// Removes from `shows_dir` each show file no library file in `folders` (each searched for
/// `*.json`, not recursively) nor `in_memory` names and that arrived more than `grace` ago.
/// Returns the files removed.
///
/// # Errors
/// Listing a folder (other than one not there) or reading a library file failed: nothing was
/// removed.
pub fn prune(
    fs: &dyn FileSystem,
    shows_dir: &Path,
    folders: &[PathBuf],
    in_memory: &[&[u8]],
    grace: Duration,
) -> io::Result<Vec<PathBuf>> {
    let candidates: Vec<PathBuf> = list(fs, shows_dir)?
        .into_iter()
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".json"))
                .is_some_and(is_sha256_hex)
        })
        .collect();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let mut named: HashSet<String> = in_memory.iter().flat_map(|b| names_in(b)).collect();
    for folder in folders {
        for path in list(fs, folder)? {
            if path.extension().is_some_and(|e| e == "json") {
                match fs.read(&path) {
                    Ok(bytes) => named.extend(names_in(&bytes)),
                    // Gone between the listing and the read (a backup rotated): names nothing.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    // A folder named `*.json`, say: never a library file.
                    Err(e) if e.kind() == io::ErrorKind::IsADirectory => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    let mut removed = Vec::new();
    for path in candidates {
        let hash = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if named.contains(hash) {
            continue;
        }
        match fs.age(&path) {
            Ok(age) if age >= grace => {}
            _ => continue,
        }
        match fs.remove(&path) {
            Ok(()) => removed.push(path),
            Err(e) => log::warn!("could not remove the old show file {}: {e}", path.display()),
        }
    }
    Ok(removed)
}

/// The entries of `dir`; none when it is not there.
fn list(fs: &dyn FileSystem, dir: &Path) -> io::Result<Vec<PathBuf>> {
    match fs.list(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real file system, every file as old as `age`.
    #[derive(Debug)]
    struct Aged(Duration);

    impl FileSystem for Aged {
        fn age(&self, _: &Path) -> io::Result<Duration> {
            Ok(self.0)
        }
    }

    fn index(hashes: &[&str]) -> Vec<u8> {
        let shows: Vec<String> = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| format!(r#"{{"id": {i}, "title": "t", "file_sha256": "{h}"}}"#))
            .collect();
        format!(
            r#"{{"format_version": 5, "library": {{"next_id": 9, "shows": [{}]}}}}"#,
            shows.join(",")
        )
        .into_bytes()
    }

    #[test]
    fn only_old_files_no_library_names_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let shows = root.join("shows");
        std::fs::create_dir_all(shows.join("sub.json")).unwrap();
        std::fs::create_dir_all(root.join("backups")).unwrap();
        let hash = |c: char| c.to_string().repeat(64);
        for c in ['a', 'b', 'c', 'd', 'e', 'f'] {
            std::fs::write(shows.join(format!("{}.json", hash(c))), "{}").unwrap();
        }
        // Not a show file's name: never touched.
        std::fs::write(shows.join("notes.json"), "{}").unwrap();
        std::fs::write(root.join("library.json"), index(&[&hash('a')])).unwrap();
        std::fs::write(root.join("backups/library-1.json"), index(&[&hash('b')])).unwrap();
        let sync_copy = root.join("library.sync-conflict-20261207-101010-ABCDEF.json");
        std::fs::write(&sync_copy, index(&[&hash('c')])).unwrap();
        // Cut short: still keeps the file whose hash is in it.
        let cut = index(&[&hash('e')]);
        std::fs::write(
            root.join("library.unreadable-x.json"),
            &cut[..cut.len() - 3],
        )
        .unwrap();
        let folders = [root.to_owned(), root.join("backups"), root.join("none")];
        let in_memory = index(&[&hash('d')]);

        let fresh = prune(&Aged(GRACE / 2), &shows, &folders, &[&in_memory], GRACE).unwrap();
        assert_eq!(
            fresh,
            Vec::<PathBuf>::new(),
            "nothing arrived long enough ago"
        );

        let removed = prune(&Aged(GRACE), &shows, &folders, &[&in_memory], GRACE).unwrap();
        let names: Vec<String> = removed
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.iter().map(|n| &n[..1]).collect::<HashSet<_>>(),
            HashSet::from(["f"])
        );
        for c in ['a', 'b', 'c', 'd', 'e'] {
            assert!(
                shows.join(format!("{}.json", hash(c))).exists(),
                "{c} named"
            );
        }
        assert!(shows.join("notes.json").exists() && shows.join("sub.json").is_dir());
    }

    #[test]
    fn a_folder_that_cannot_be_listed_removes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let shows = dir.path().join("shows");
        std::fs::create_dir_all(&shows).unwrap();
        std::fs::write(shows.join(format!("{}.json", "a".repeat(64))), "{}").unwrap();
        // A file where a folder is expected cannot be listed.
        let not_a_folder = dir.path().join("backups");
        std::fs::write(&not_a_folder, "x").unwrap();
        let result = prune(&Aged(GRACE), &shows, &[not_a_folder], &[], GRACE);
        assert!(result.is_err());
        assert!(shows.join(format!("{}.json", "a".repeat(64))).exists());
    }
}
