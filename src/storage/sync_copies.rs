//! Conflict copies sync tools leave beside `library.json` (issue 20, item 6): found by name,
//! and once merged moved into `conflicts-merged/`, never deleted.
//!
//! The names, as the tools write them (a conflict copy of a conflict copy adds a second
//! marker; each shape is in the tests below):
//! - Syncthing: `library.sync-conflict-20261207-013045-ABCDEF7.json` (date, time, the first
//!   letters of the device id that lost);
//! - Dropbox: `library (Jane Doe's conflicted copy 2026-12-07).json`, with ` (1)` inside the
//!   brackets for a second one the same day, and `library (Case Conflict).json` /
//!   `library (Selective Sync Conflict).json`;
//! - Nextcloud (and ownCloud's newer clients): `library (conflicted copy 2026-12-07
//!   013045).json`, newer clients with the user's name after "copy";
//! - ownCloud's older clients: `library_conflict-20261207-013045.json`.
//!
//! Fan Tracker's own kept files (`library.conflict-*.json`, `library.unreadable-*.json`, a
//! sync tool's conflict copy of one of those) are not conflict copies of the library.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::format::{Lineage, article_text_hash};
use super::fs::{FileSystem, RealFs, follow_links};
use super::store::{LIBRARY_FILE, Store, list_backups};
use crate::model::{ArticleEntry, Library};

/// The folder, inside the data folder, conflict copies are moved into once merged.
pub const MERGED_DIR: &str = "conflicts-merged";

/// Which sync tool names its conflict copies this way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncTool {
    /// `library.sync-conflict-….json`.
    Syncthing,
    /// `library (…'s conflicted copy …).json`, `library (Case Conflict).json`.
    Dropbox,
    /// `library (conflicted copy …).json`.
    Nextcloud,
    /// `library_conflict-….json`.
    OwnCloud,
    /// `library.waiting-<UTC time>.json`: a change from another device that Fan Tracker kept
    /// aside because the show files it names did not arrive in time (see
    /// [`super::Store::save`]), to be merged like a sync tool's copy once they are there.
    FanTracker,
}

impl fmt::Display for SyncTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SyncTool::Syncthing => "Syncthing",
            SyncTool::Dropbox => "Dropbox",
            SyncTool::Nextcloud => "Nextcloud",
            SyncTool::OwnCloud => "ownCloud",
            SyncTool::FanTracker => "Fan Tracker",
        })
    }
}

/// Which sync tool left `name` as a conflict copy of `library.json`, or `None` when it is
/// not one (the rules are in the module documentation).
pub fn conflict_copy_tool(name: &str) -> Option<SyncTool> {
    conflict_copy_tool_of(LIBRARY_FILE, name)
}

/// Which sync tool left `name` as a conflict copy of the file named `original` (its name
/// without a folder, e.g. `library.json`, or `fan-library.json` for the file a
/// `library.json` link points at): the tool's marker goes between the name's stem and its
/// extension (the last `.` and what follows; a name without one has no extension).
fn conflict_copy_tool_of(original: &str, name: &str) -> Option<SyncTool> {
    let (stem, ext) = match original.rfind('.') {
        Some(at) if at > 0 => original.split_at(at),
        _ => (original, ""),
    };
    let middle = name.strip_prefix(stem)?.strip_suffix(ext)?;
    let mut rest = middle;
    let mut first = None;
    while !rest.is_empty() {
        let (tool, after) = if let Some(r) = rest.strip_prefix(".sync-conflict-") {
            (
                SyncTool::Syncthing,
                after_token(r, |c| c.is_ascii_alphanumeric() || c == '-')?,
            )
        } else if let Some(r) = rest.strip_prefix(".waiting-") {
            (
                SyncTool::FanTracker,
                after_token(r, |c| c.is_ascii_alphanumeric() || c == '-' || c == '.')?,
            )
        } else if let Some(r) = rest.strip_prefix("_conflict-") {
            (
                SyncTool::OwnCloud,
                after_token(r, |c| c.is_ascii_digit() || c == '-')?,
            )
        } else if let Some(r) = rest.strip_prefix(" (") {
            let (inner, after) = bracketed(r)?;
            let inner = inner.to_lowercase();
            if inner.starts_with("conflicted copy") {
                (SyncTool::Nextcloud, after)
            } else if inner.contains("conflicted copy") || inner.ends_with("conflict") {
                (SyncTool::Dropbox, after)
            } else {
                return None;
            }
        } else {
            return None;
        };
        first.get_or_insert(tool);
        rest = after;
    }
    first
}

/// `text` after its leading run of characters `keep` (at least one).
fn after_token(text: &str, keep: impl Fn(char) -> bool) -> Option<&str> {
    let end = text.find(|c| !keep(c)).unwrap_or(text.len());
    (end > 0).then(|| &text[end..])
}

/// `text` (just after an opening bracket) split at its closing bracket, brackets inside
/// counted: (inside, after the closing bracket).
fn bracketed(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((&text[..at], &text[at + 1..])),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The conflict copies of the library in the data folder `dir` (not in its subfolders), by
/// name, sorted by path; a folder that cannot be listed is an error, one that is not there
/// has none.
///
/// When `library.json` is a symbolic link (into a synced folder, say: docs/DATA-SAFETY.md,
/// 9), the sync tool writes its copies beside the file the link points at, named after that
/// file: the folder of that file is listed too, for copies of that file's name
/// (`fan.sync-conflict-….json` for `fan.json`).
///
/// # Errors
/// A folder could not be listed.
pub fn find_conflict_copies(dir: &Path) -> io::Result<Vec<(PathBuf, SyncTool)>> {
    let mut places = vec![(dir.to_owned(), LIBRARY_FILE.to_owned())];
    let link = dir.join(LIBRARY_FILE);
    // A link that cannot be followed (a loop) leads nowhere to look.
    if let Ok(target) = follow_links(&link)
        && target != link
        && let (Some(folder), Some(name)) = (target.parent(), target.file_name())
    {
        places.push((folder.to_owned(), name.to_string_lossy().into_owned()));
    }
    let mut found: Vec<(PathBuf, SyncTool)> = Vec::new();
    for (folder, original) in &places {
        let listed = match RealFs.list(folder) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            listed => listed?,
        };
        for path in listed.into_iter().filter(|path| path.is_file()) {
            let Some(tool) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| conflict_copy_tool_of(original, n))
            else {
                continue;
            };
            if !found.iter().any(|(p, _)| same_file(p, &path)) {
                found.push((path, tool));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

/// A file as it was when read: size, modification time and (on Unix) device and inode, so
/// a copy a sync tool rewrote or replaced since is told from the one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, when the file system has one.
    pub modified: Option<SystemTime>,
    /// Device and inode (0 where there are none).
    pub file_id: (u64, u64),
}

/// `path`'s [`CopyStamp`] now (`None` when it cannot be read).
pub fn copy_stamp(path: &Path) -> Option<CopyStamp> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    #[cfg(unix)]
    let file_id = {
        use std::os::unix::fs::MetadataExt as _;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let file_id = (0, 0);
    Some(CopyStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        file_id,
    })
}

/// Why a merged copy was not moved.
#[derive(Debug, thiserror::Error)]
pub enum MoveCopyError {
    /// The copy is no longer the file that was read (rewritten or replaced since): it is left
    /// where it is, to be read and merged again.
    #[error("it changed after it was read")]
    Changed,
    /// The folder could not be made or the file moved (it is then where it was).
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Whether `a` and `b` name the same file (the same folder reached two ways).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// Moves the merged conflict copy `path` into `conflicts-merged/` of the data folder `dir`
/// (made 0700 if needed), under its own name, or with `-2`, `-3`, … before `.json` when a
/// file of that name is there already: never over another file. Returns where it went.
///
/// `read` is the copy as it was read: a copy rewritten or replaced since is not moved
/// ([`MoveCopyError::Changed`]), so it is merged again, never moved unmerged. Nothing is ever
/// deleted: the move is a rename that never replaces (`renameat2` with `RENAME_NOREPLACE`),
/// and when a file swapped in at the last moment was the one moved, it is moved back. Where
/// that rename is not supported, a hard link is made and the name removed only while it
/// still names the same file (device and inode).
///
/// A copy found beside the file a `library.json` link points at (see
/// [`find_conflict_copies`]) goes into `conflicts-merged/` beside it instead: in the same
/// file system (a synced folder is often another one, where a move into the data folder
/// fails) and where the fan's other devices see it was merged.
///
/// # Errors
/// [`MoveCopyError::Changed`], or the folder could not be made, or the file could not be
/// moved (it is then where it was).
pub fn move_merged_copy(
    dir: &Path,
    path: &Path,
    read: CopyStamp,
) -> Result<PathBuf, MoveCopyError> {
    if copy_stamp(path) != Some(read) {
        return Err(MoveCopyError::Changed);
    }
    let home = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !same_file(folder, dir) => folder,
        _ => dir,
    };
    let merged = home.join(MERGED_DIR);
    RealFs.create_private_dir(&merged)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file"))?
        .to_string_lossy()
        .into_owned();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    for n in 1.. {
        let target = if n == 1 {
            merged.join(&name)
        } else {
            merged.join(format!("{stem}-{n}.json"))
        };
        match rename_no_replace(path, &target) {
            Ok(()) if copy_stamp(&target) == Some(read) => return Ok(target),
            Ok(()) => {
                // Another file was swapped in between the look and the move: put it back.
                if let Err(e) = rename_no_replace(&target, path) {
                    log::warn!(
                        "a conflict copy changed while it was moved; it is kept as {}: {e}",
                        target.display()
                    );
                }
                return Err(MoveCopyError::Changed);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(MoveCopyError::Changed),
            Err(_) => return link_then_unlink(path, &target, read),
        }
    }
    unreachable!("an endless range ends only by returning")
}

/// The move of [`move_merged_copy`] where a rename that never replaces is not supported: a
/// hard link (which never replaces either), then the old name removed only while it names
/// the file read.
fn link_then_unlink(path: &Path, target: &Path, read: CopyStamp) -> Result<PathBuf, MoveCopyError> {
    match std::fs::hard_link(path, target) {
        Ok(()) => {
            if copy_stamp(path).is_some_and(|now| now.file_id == read.file_id)
                && copy_stamp(target) == Some(read)
            {
                std::fs::remove_file(path)?;
                return Ok(target.to_owned());
            }
            // Another file was swapped in: ours is moved (linked), the new one stays to be
            // merged at the next look.
            if copy_stamp(target) == Some(read) {
                return Ok(target.to_owned());
            }
            std::fs::remove_file(target)?;
            Err(MoveCopyError::Changed)
        }
        Err(e) => Err(e.into()),
    }
}

/// Renames `from` to `to`, failing with [`io::ErrorKind::AlreadyExists`] when `to` exists
/// (never replacing it), atomically where the system can.
#[cfg(target_os = "linux")]
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt as _;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL in the path"))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: both are valid NUL-terminated paths, relative to the working directory.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Elsewhere there is no atomic no-replace rename: the caller's hard link is used.
#[cfg(not(target_os = "linux"))]
fn rename_no_replace(_from: &Path, _to: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The content key of an article's text for matching ([`crate::model::TextKey`]): the
/// SHA-256 its article file is named by; a placeholder for a missing file keeps that file's
/// hash, so it matches the text it stands for.
pub fn article_text_key(entry: &ArticleEntry) -> String {
    article_text_hash(&entry.article.body).sha256
}

/// The version a library from elsewhere with lineage `theirs` and the data folder `dir`'s
/// library both descend from, when the folder keeps it: the library file itself (theirs was
/// written after it) or one of its backups (newest first), as long as the library file
/// descends from it too. `None` when none is known (files without save ids included): the
/// caller then merges without a base.
pub fn merge_base(dir: &Path, theirs: &Lineage) -> Option<Library> {
    if theirs.save_id.is_empty() {
        return None;
    }
    let library_file = dir.join(LIBRARY_FILE);
    let ours = lineage_of(&library_file)?;
    // Theirs' lineage, newest first: the first save the folder keeps is the newest common one.
    let theirs_ids: Vec<&String> = std::iter::once(&theirs.save_id)
        .chain(&theirs.based_on)
        .collect();
    let mut best: Option<(usize, PathBuf)> = None;
    for path in std::iter::once(library_file).chain(list_backups(dir).ok()?) {
        // Only the save ids are read here; the one chosen is loaded whole below.
        let Some(kept) = lineage_of(&path) else {
            continue;
        };
        if !ours.descends_from(&kept.save_id) {
            continue;
        }
        let Some(at) = theirs_ids.iter().position(|id| **id == kept.save_id) else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| at < *b) {
            best = Some((at, path));
        }
    }
    let (_, path) = best?;
    Store::load_file(&path).ok().map(|loaded| loaded.library)
}

/// The save ids of the library file at `path` (any format version that has them), read
/// without decoding the library; `None` when it cannot be read or has none.
fn lineage_of(path: &Path) -> Option<Lineage> {
    #[derive(serde::Deserialize)]
    struct Ids {
        #[serde(default)]
        save_id: String,
        #[serde(default)]
        based_on: Vec<String>,
    }
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(&bytes);
    let ids: Ids = serde_json::from_slice(bytes).ok()?;
    (!ids.save_id.is_empty()).then_some(Lineage {
        save_id: ids.save_id,
        based_on: ids.based_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_world_names_are_told_apart() {
        let cases = [
            (
                "library.sync-conflict-20261207-013045-ABCDEF7.json",
                Some(SyncTool::Syncthing),
            ),
            (
                "library.sync-conflict-20261207-013045-ABCDEF7.sync-conflict-20261208-101010-XYZ1234.json",
                Some(SyncTool::Syncthing),
            ),
            (
                "library (Jane Doe's conflicted copy 2026-12-07).json",
                Some(SyncTool::Dropbox),
            ),
            (
                "library (Jane Doe's conflicted copy 2026-12-07 (1)).json",
                Some(SyncTool::Dropbox),
            ),
            (
                "library (지우의 conflicted copy 2026-12-07).json",
                Some(SyncTool::Dropbox),
            ),
            ("library (Case Conflict).json", Some(SyncTool::Dropbox)),
            (
                "library (Selective Sync Conflict).json",
                Some(SyncTool::Dropbox),
            ),
            (
                "library (conflicted copy 2026-12-07 013045).json",
                Some(SyncTool::Nextcloud),
            ),
            (
                "library (conflicted copy jane 2026-12-07 013045).json",
                Some(SyncTool::Nextcloud),
            ),
            (
                "library (Conflicted Copy 2026-12-07 013045).json",
                Some(SyncTool::Nextcloud),
            ),
            (
                "library_conflict-20261207-013045.json",
                Some(SyncTool::OwnCloud),
            ),
        ];
        for (name, tool) in cases {
            assert_eq!(conflict_copy_tool(name), tool, "{name}");
        }
    }

    #[test]
    fn other_files_in_the_data_folder_are_not_conflict_copies() {
        for name in [
            "library.json",
            "library.conflict-2026-12-07T01-30-45Z.json",
            "library.unreadable-2026-12-07T01-30-45Z.json",
            "library.format2-2026-12-07T01-30-45Z.json",
            "library.conflict-2026-12-07T01-30-45Z.sync-conflict-20261207-013045-ABCDEF7.json",
            "library (1).json",
            "library (conflicted copy 2026-12-07.json",
            "library.sync-conflict-.json",
            "library.sync-conflict-20261207-013045-ABCDEF7.json.tmp",
            ".syncthing.library.json.tmp",
            "library.json.sync-conflict-20261207-013045-ABCDEF7",
            "mylibrary.sync-conflict-20261207-013045-ABCDEF7.json",
            "ui-state.sync-conflict-20261207-013045-ABCDEF7.json",
            "fan-tracker.lock",
        ] {
            assert_eq!(conflict_copy_tool(name), None, "{name}");
        }
    }

    #[test]
    fn a_merged_copy_is_moved_never_over_another() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let name = "library (conflicted copy 2026-12-07 013045).json";
        std::fs::write(dir.join(name), b"first").unwrap();
        std::fs::write(dir.join("library.json"), b"{}").unwrap();
        assert_eq!(
            find_conflict_copies(dir).unwrap(),
            [(dir.join(name), SyncTool::Nextcloud)]
        );
        let moved =
            move_merged_copy(dir, &dir.join(name), copy_stamp(&dir.join(name)).unwrap()).unwrap();
        assert_eq!(moved, dir.join(MERGED_DIR).join(name));
        std::fs::write(dir.join(name), b"second").unwrap();
        let again =
            move_merged_copy(dir, &dir.join(name), copy_stamp(&dir.join(name)).unwrap()).unwrap();
        assert_eq!(
            again,
            dir.join(MERGED_DIR)
                .join("library (conflicted copy 2026-12-07 013045)-2.json")
        );
        assert_eq!(std::fs::read(moved).unwrap(), b"first");
        assert_eq!(std::fs::read(again).unwrap(), b"second");
        assert!(find_conflict_copies(dir).unwrap().is_empty());
    }

    #[test]
    fn a_copy_changed_after_it_was_read_is_never_moved_nor_deleted() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let path = dir.join("library.sync-conflict-20261207-013045-ABCDEF7.json");
        std::fs::write(&path, b"read").unwrap();
        let read = copy_stamp(&path).unwrap();
        // Rewritten in place (another size) by the sync tool after it was read.
        std::fs::write(&path, b"rewritten").unwrap();
        assert!(matches!(
            move_merged_copy(dir, &path, read),
            Err(MoveCopyError::Changed)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"rewritten");
        // Replaced by another file of the same size (a rename over it, as sync tools write).
        let read = copy_stamp(&path).unwrap();
        let other = dir.join(".syncthing.tmp");
        std::fs::write(&other, b"replaced!").unwrap();
        std::fs::rename(&other, &path).unwrap();
        assert!(matches!(
            move_merged_copy(dir, &path, read),
            Err(MoveCopyError::Changed)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"replaced!");
        let merged = dir.join(MERGED_DIR);
        assert!(!merged.exists() || std::fs::read_dir(&merged).unwrap().next().is_none());
        // Gone since it was read: nothing to move, nothing made up.
        let read = copy_stamp(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(
            move_merged_copy(dir, &path, read),
            Err(MoveCopyError::Changed)
        ));
    }

    #[test]
    fn the_move_never_replaces_a_file_and_the_fallback_never_unlinks_another() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let (from, to) = (dir.join("a.json"), dir.join("b.json"));
        std::fs::write(&from, b"a").unwrap();
        std::fs::write(&to, b"b").unwrap();
        if let Err(e) = rename_no_replace(&from, &to) {
            assert_ne!(e.kind(), io::ErrorKind::NotFound);
        }
        assert_eq!(std::fs::read(&from).unwrap(), b"a");
        assert_eq!(std::fs::read(&to).unwrap(), b"b");
        // The hard-link way, with the name now naming another file than the one read.
        let read = copy_stamp(&from).unwrap();
        let swapped = dir.join("swapped.json");
        std::fs::write(&swapped, b"new").unwrap();
        std::fs::rename(&swapped, &from).unwrap();
        let target = dir.join("moved.json");
        assert!(matches!(
            link_then_unlink(&from, &target, read),
            Err(MoveCopyError::Changed)
        ));
        assert_eq!(std::fs::read(&from).unwrap(), b"new", "never deleted");
        assert!(!target.exists());
        // And while it is the file read, it is moved.
        let read = copy_stamp(&from).unwrap();
        assert_eq!(link_then_unlink(&from, &target, read).unwrap(), target);
        assert!(!from.exists());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    /// `library.json` a link into a synced folder (DATA-SAFETY 9): the sync tool leaves its
    /// copies beside the file the link points at, named after that file.
    #[cfg(unix)]
    #[test]
    fn copies_beside_a_linked_librarys_target_are_found_by_its_own_name() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, synced) = (tmp.path().join("data"), tmp.path().join("Sync"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&synced).unwrap();
        std::fs::write(synced.join("fan.json"), b"{}").unwrap();
        std::os::unix::fs::symlink(synced.join("fan.json"), dir.join(LIBRARY_FILE)).unwrap();
        let syncthing = synced.join("fan.sync-conflict-20261207-013045-ABCDEF7.json");
        let dropbox = synced.join("fan (Jane Doe's conflicted copy 2026-12-07).json");
        let beside = dir.join("library (conflicted copy 2026-12-07 013045).json");
        for path in [&syncthing, &dropbox, &beside] {
            std::fs::write(path, b"{}").unwrap();
        }
        // Not copies of the linked file: another file's, and the link's own name there.
        std::fs::write(
            synced.join("notes.sync-conflict-20261207-013045-ABCDEF7.json"),
            b"",
        )
        .unwrap();
        std::fs::write(synced.join("fan.json.tmp"), b"").unwrap();
        let mut want = vec![
            (beside, SyncTool::Nextcloud),
            (dropbox.clone(), SyncTool::Dropbox),
            (syncthing, SyncTool::Syncthing),
        ];
        want.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(find_conflict_copies(&dir).unwrap(), want);
        // Once merged, moved beside the copy (the same file system), never deleted.
        let moved = move_merged_copy(&dir, &dropbox, copy_stamp(&dropbox).unwrap()).unwrap();
        assert_eq!(
            moved,
            synced.join(MERGED_DIR).join(dropbox.file_name().unwrap())
        );
        assert_eq!(find_conflict_copies(&dir).unwrap().len(), 2);
    }

    #[test]
    fn a_copy_of_a_file_without_an_extension_is_told_by_its_name() {
        assert_eq!(
            conflict_copy_tool_of("fan", "fan.sync-conflict-20261207-013045-ABCDEF7"),
            Some(SyncTool::Syncthing)
        );
        assert_eq!(conflict_copy_tool_of("fan", "fan"), None);
        assert_eq!(
            conflict_copy_tool_of(
                "fan.json",
                "library.sync-conflict-20261207-013045-ABCDEF7.json"
            ),
            None
        );
    }
}
