//! The data folder: round trips, unreadable files kept aside, one writer, conflicts, backups.

use std::fs;

use fan_tracker::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, ItemKind, Library, LibraryRepair,
    Outcome, Prediction, PredictionId, SavedSuggestion, Show, ShowId, ShowStatus, SuggestionState,
    Thread, ThreadEvent, ThreadId, ThreadStatus,
};
use fan_tracker::storage::{
    self, FileSystem as _, LIBRARY_FILE, Notice, SaveOutcome, SaveRequest, Store,
};
use proptest::prelude::*;

use crate::fixture::{TempDir, files_named};

/// A plain save of `library`.
pub fn request(library: &Library) -> SaveRequest {
    SaveRequest::new(library.clone())
}

/// Saves a library with a note into a fresh data folder; returns it and the file's bytes.
fn saved_library(tmp: &TempDir) -> (Library, Vec<u8>) {
    let mut library = Library::default();
    library.shows[0].note = "kept".into();
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    opened.store.save(&request(&library)).unwrap();
    let bytes = fs::read(tmp.data_dir().join(LIBRARY_FILE)).unwrap();
    (library, bytes)
}

/// The library in the file at `path`.
fn on_disk(path: &std::path::Path) -> Library {
    Store::read_library(path).unwrap()
}

#[test]
fn save_then_open_gives_the_same_library() {
    let tmp = TempDir::new();
    let (library, _) = saved_library(&tmp);
    let opened = Store::open(&tmp.data_dir()).unwrap();
    assert_eq!(opened.library, Some(library));
    assert!(opened.notices.is_empty());
}

#[test]
fn every_truncated_prefix_is_kept_aside_never_overwritten() {
    let tmp = TempDir::new();
    let (_, bytes) = saved_library(&tmp);
    let path = tmp.data_dir().join(LIBRARY_FILE);
    // Every prefix fails to parse (the JSON closes only at the last byte).
    let step = (bytes.len() / 200).max(1);
    for len in (0..bytes.len() - 1).step_by(step) {
        for kept in files_named(&tmp.data_dir(), "library.unreadable") {
            fs::remove_file(kept).unwrap();
        }
        fs::write(&path, &bytes[..len]).unwrap();
        let opened = Store::open(&tmp.data_dir()).unwrap();
        assert_eq!(opened.library, None, "prefix of {len} bytes");
        let [Notice::KeptAside { kept_as, .. }] = opened.notices.as_slice() else {
            panic!("expected one kept-aside notice, got {:?}", opened.notices);
        };
        assert_eq!(fs::read(kept_as).unwrap(), &bytes[..len]);
        assert!(
            !path.exists(),
            "the unreadable file was moved, not overwritten"
        );
    }
}

#[test]
fn no_truncated_prefix_of_a_saved_file_loads() {
    let mut library = Library::default();
    library.shows[0].threads[0].note = "사이코지만 괜찮아: a note".into();
    let bytes = storage::encode(&library).unwrap();
    for len in 0..bytes.len() {
        assert!(
            storage::decode(&bytes[..len]).is_err(),
            "prefix of {len} bytes"
        );
    }
    assert_eq!(storage::decode(&bytes).unwrap(), library);
}

proptest! {
    #[test]
    fn random_bytes_never_load_and_are_kept_aside(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        prop_assume!(storage::decode(&bytes).is_err());
        let tmp = TempDir::new();
        fs::create_dir_all(tmp.data_dir()).unwrap();
        fs::write(tmp.data_dir().join(LIBRARY_FILE), &bytes).unwrap();
        let opened = Store::open(&tmp.data_dir()).unwrap();
        prop_assert_eq!(opened.library, None);
        let kept = files_named(&tmp.data_dir(), "library.unreadable-");
        prop_assert_eq!(kept.len(), 1);
        prop_assert_eq!(fs::read(&kept[0]).unwrap(), bytes);
    }
}

#[test]
fn a_file_from_a_newer_version_is_kept_aside_with_a_clear_message() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    let newer = br#"{"format_version": 6, "library": {"whatever": true}}"#;
    let path = tmp.data_dir().join(LIBRARY_FILE);
    fs::write(&path, newer).unwrap();
    let opened = Store::open(&tmp.data_dir()).unwrap();
    assert_eq!(opened.library, None);
    let [Notice::KeptAside { kept_as, .. }] = opened.notices.as_slice() else {
        panic!("{:?}", opened.notices);
    };
    assert_eq!(fs::read(kept_as).unwrap(), newer, "kept untouched");
    assert!(!path.exists(), "moved aside, not overwritten");
    assert!(
        files_named(&tmp.data_dir(), "library.format").is_empty(),
        "a newer file is not migrated"
    );
    let message = opened.notices[0].to_string();
    assert!(
        message.contains("newer Fan Tracker (format 6; this version reads up to 5)"),
        "{message}"
    );
    assert!(message.contains("library.unreadable-"), "{message}");
}

#[test]
fn a_second_writer_opens_read_only_and_cannot_save() {
    let tmp = TempDir::new();
    let first = Store::open(&tmp.data_dir()).unwrap();
    assert!(!first.store.is_read_only());
    let mut second = Store::open(&tmp.data_dir()).unwrap();
    assert!(second.store.is_read_only());
    assert!(matches!(second.notices[0], Notice::ReadOnly { .. }));
    assert!(second.store.save(&request(&Library::empty())).is_err());
    drop(first);
    let third = Store::open(&tmp.data_dir()).unwrap();
    assert!(
        !third.store.is_read_only(),
        "the lock is released when the first closes"
    );
}

#[test]
fn a_file_changed_behind_the_app_is_never_clobbered() {
    let tmp = TempDir::new();
    let (library, bytes) = saved_library(&tmp);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    // Another program rewrites the file from this version (same revision, same size) and
    // restores its modification time.
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let mut other = library.clone();
    other.shows[0].note = "KEPT".into();
    // A hand edit keeps the save's id and lineage (and so the size).
    let lineage = storage::decode_file_at(&bytes, &path).unwrap().lineage;
    let (other_bytes, files) =
        storage::encode_library_file(&other, opened.store.revision(), &lineage).unwrap();
    assert_eq!(other_bytes.len(), bytes.len());
    // Its show file first, as the store writes it.
    for file in files.iter().filter(|f| f.dir == storage::DataDir::Shows) {
        fs::write(
            tmp.data_dir().join("shows").join(&file.name),
            file.text.as_bytes(),
        )
        .unwrap();
    }
    fs::write(&path, &other_bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();

    let mut mine = library.clone();
    mine.shows[0].note = "mine".into();
    let outcome = opened.store.save(&request(&mine)).unwrap();
    let SaveOutcome::ChangedOnDisk {
        base,
        theirs,
        theirs_bytes,
        backup,
        fork_copy: None,
    } = outcome
    else {
        panic!("expected the change to be noticed, got {outcome:?}");
    };
    assert_eq!(*base, library);
    assert_eq!(*theirs, other);
    assert_eq!(theirs_bytes, other_bytes);
    assert_eq!(
        fs::read(&path).unwrap(),
        other_bytes,
        "nothing was written over their version"
    );
    assert_eq!(
        on_disk(&backup),
        mine,
        "the fan's version is backed up before any merge"
    );
    assert_eq!(opened.store.backups().unwrap()[0], backup);

    // The caller merges and saves again, keeping their version as a conflict copy.
    let outcome = opened
        .store
        .save(&SaveRequest {
            library: mine.clone().into(),
            force_backup: false,
            conflict_copy: Some(theirs_bytes),
        })
        .unwrap();
    let SaveOutcome::Written { notices } = outcome else {
        panic!("expected a write")
    };
    let [
        Notice::Conflict {
            kept_as,
            backup: Some(named),
        },
    ] = notices.as_slice()
    else {
        panic!("{notices:?}")
    };
    assert_eq!(named, &backup);
    assert_eq!(fs::read(kept_as).unwrap(), other_bytes);
    assert_eq!(on_disk(&path), mine);
    let message = notices[0].to_string();
    assert!(
        message.contains("saved whole as") && message.contains("before the merge is the backup"),
        "{message}"
    );
}

/// Item 1 of issue 8: a program writes back an older copy (an editor's stale buffer, a sync
/// tool replaying another device's old version) with one change of its own.
#[test]
fn an_older_copy_written_back_is_a_conflict_kept_whole_and_never_merged() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let mut library = Library::default();
    library.shows[0].note = "draft one".into();
    opened.store.save(&request(&library)).unwrap();
    let old_copy = fs::read(&path).unwrap();
    library.shows[0].note = "draft one, then two".into();
    opened.store.save(&request(&library)).unwrap();

    // The old copy comes back with one thread note changed.
    let mut stale = storage::decode_file_at(&old_copy, &path).unwrap();
    stale.library.shows[0].threads[0].note = "changed in the old copy".into();
    let stale_text = String::from_utf8(
        storage::encode_save(&stale.library, stale.revision, &stale.lineage).unwrap(),
    )
    .unwrap();
    assert_ne!(stale_text.as_bytes(), old_copy);
    storage::RealFs
        .write_atomic(&path, stale_text.as_bytes())
        .unwrap();

    library.shows[0].note = "draft one, then two, then three".into();
    let outcome = opened.store.save(&request(&library)).unwrap();
    let SaveOutcome::Written { notices } = outcome else {
        panic!("an older copy is not merged: {outcome:?}");
    };
    let [
        Notice::StaleCopy {
            kept_as,
            theirs,
            ours,
        },
    ] = notices.as_slice()
    else {
        panic!("{notices:?}");
    };
    assert_eq!((*theirs, *ours), (1, 2));
    assert_eq!(
        fs::read(kept_as).unwrap(),
        stale_text.as_bytes(),
        "kept whole"
    );
    assert_eq!(
        on_disk(&path),
        library,
        "the fan's version is saved, not reverted"
    );
    let message = notices[0].to_string();
    assert!(
        message.contains("an older copy") && message.contains("was not merged"),
        "{message}"
    );
    assert!(!message.contains("merged with yours"), "{message}");
    // And the next save is an ordinary one.
    let outcome = opened.store.save(&request(&library)).unwrap();
    assert_eq!(outcome, SaveOutcome::Written { notices: vec![] });
}

/// An older copy written back after the last save, with no save after it: closing the store
/// puts the fan's last version back and keeps the older copy whole. A newer change is left.
#[test]
fn closing_puts_back_the_fans_version_over_an_older_copy() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let mut library = Library::default();
    library.shows[0].note = "draft one".into();
    opened.store.save(&request(&library)).unwrap();
    let old_copy = fs::read(&path).unwrap();
    library.shows[0].note = "draft two".into();
    opened.store.save(&request(&library)).unwrap();
    let ours = fs::read(&path).unwrap();
    storage::RealFs.write_atomic(&path, &old_copy).unwrap();

    let notices = opened.store.close().unwrap();
    let [Notice::StaleCopy { kept_as, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert_eq!(fs::read(kept_as).unwrap(), old_copy);
    assert_eq!(
        fs::read(&path).unwrap(),
        ours,
        "the fan's last version is back"
    );
    assert_eq!(opened.store.close().unwrap(), [], "nothing more to do");

    // A change written from this revision is newer: closing leaves it for the next start.
    let mut newer = library.clone();
    newer.shows[0].note = "from the phone".into();
    let newer_bytes = storage::encode_revision(&newer, opened.store.revision() + 1).unwrap();
    fs::write(&path, &newer_bytes).unwrap();
    assert_eq!(opened.store.close().unwrap(), []);
    assert_eq!(fs::read(&path).unwrap(), newer_bytes);
}

/// Item 8 of issue 8: a file truncated in place by another program while the app is open.
#[test]
fn an_unreadable_file_written_behind_the_app_is_kept_aside() {
    let tmp = TempDir::new();
    let (_, bytes) = saved_library(&tmp);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let truncated = &bytes[..bytes.len() / 2];
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(truncated.len() as u64)
        .unwrap();
    let mine = Library::default();
    let SaveOutcome::Written { notices } = opened.store.save(&request(&mine)).unwrap() else {
        panic!("expected a write");
    };
    let [Notice::DamagedBehind { kept_as, .. }] = notices.as_slice() else {
        panic!("{notices:?}")
    };
    assert_eq!(fs::read(kept_as).unwrap(), truncated);
    assert_eq!(on_disk(&path), mine);
    let message = notices[0].to_string();
    assert!(
        message.contains("is intact and was saved in its place"),
        "{message}"
    );
    assert!(!message.contains("fresh library"), "{message}");
}

#[test]
fn backups_are_kept_and_rotated() {
    let tmp = TempDir::new();
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let mut library = Library::default();
    for n in 0..8 {
        library.shows[0].note = format!("version {n}");
        opened
            .store
            .save(&SaveRequest {
                force_backup: true,
                ..request(&library)
            })
            .unwrap();
    }
    let backups = opened.store.backups().unwrap();
    let notes: Vec<String> = backups
        .iter()
        .map(|b| on_disk(b).shows[0].note.clone())
        .collect();
    assert_eq!(
        notes,
        [
            "version 6",
            "version 5",
            "version 4",
            "version 3",
            "version 2"
        ],
        "five kept, the newest first"
    );
}

/// The restore list (File → Restore a backup…) is newest first, and backups named by earlier
/// versions (by time) come after the counted ones, in time order.
#[test]
fn the_restore_list_is_newest_first() {
    let tmp = TempDir::new();
    let backups_dir = tmp.data_dir().join("backups");
    fs::create_dir_all(&backups_dir).unwrap();
    let mut library = Library::default();
    for (name, note) in [
        ("library-20261101T100000.000Z.json", "old style, earlier"),
        ("library-20261101T100000.000Z-1.json", "old style, later"),
    ] {
        library.shows[0].note = note.into();
        fs::write(backups_dir.join(name), storage::encode(&library).unwrap()).unwrap();
    }
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    for n in 0..3 {
        library.shows[0].note = format!("version {n}");
        opened
            .store
            .save(&SaveRequest {
                force_backup: true,
                ..request(&library)
            })
            .unwrap();
    }
    let listed: Vec<String> = storage::list_backups(&tmp.data_dir())
        .unwrap()
        .iter()
        .map(|b| on_disk(b).shows[0].note.clone())
        .collect();
    assert_eq!(
        listed,
        [
            "version 1",
            "version 0",
            "old style, later",
            "old style, earlier"
        ]
    );
}

/// Item 3 of issue 8: backups from a session whose clock was years ahead must not make new
/// backups look old and be pruned the moment they are written.
#[test]
fn a_clock_once_set_ahead_never_makes_new_backups_vanish() {
    let tmp = TempDir::new();
    let backups_dir = tmp.data_dir().join("backups");
    fs::create_dir_all(&backups_dir).unwrap();
    let mut library = Library::default();
    for (i, name) in [
        "library-20391231T235959.000Z.json",
        "library-20391231T235959.000Z-1.json",
        "library-20391231T235959.000Z-2.json",
        "library-000001-20400101T000000.000Z.json",
        "library-000002-20400101T000001.000Z.json",
    ]
    .iter()
    .enumerate()
    {
        library.shows[0].note = format!("from the future {i}");
        fs::write(backups_dir.join(name), storage::encode(&library).unwrap()).unwrap();
    }
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    for n in 0..4 {
        library.shows[0].note = format!("today {n}");
        opened
            .store
            .save(&SaveRequest {
                force_backup: true,
                ..request(&library)
            })
            .unwrap();
        let backups = opened.store.backups().unwrap();
        // The five newest are always kept; the rest, dated in the future, are on no rung of
        // the time ladder.
        assert_eq!(backups.len(), 5.min(storage::BACKUPS_KEPT));
        if n > 0 {
            assert_eq!(
                on_disk(&backups[0]).shows[0].note,
                format!("today {}", n - 1),
                "the backup just made is kept and listed first"
            );
        }
    }
    let names: Vec<String> = opened
        .store
        .backups()
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The first save had no file to back up; the next three were numbered 3, 4 and 5, and
    // the time-named backups from the future were pruned first.
    assert!(names[0].starts_with("library-000005-"), "{names:?}");
    assert!(names[4].starts_with("library-000001-"), "{names:?}");
}

/// File operations on the real disk with a clock the test moves on.
#[derive(Debug, Clone, Default)]
pub struct MovableClock {
    ahead: std::sync::Arc<std::sync::Mutex<std::time::Duration>>,
}

impl MovableClock {
    fn advance(&self, by: std::time::Duration) {
        *self.ahead.lock().unwrap() += by;
    }
}

impl storage::FileSystem for MovableClock {
    fn read(&self, path: &std::path::Path) -> std::io::Result<Vec<u8>> {
        storage::RealFs.read(path)
    }
    fn write_atomic(&self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
        storage::RealFs.write_atomic(path, bytes)
    }
    fn rename(&self, from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
        storage::RealFs.rename(from, to)
    }
    fn create_private_dir(&self, path: &std::path::Path) -> std::io::Result<()> {
        storage::RealFs.create_private_dir(path)
    }
    fn list(&self, dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
        storage::RealFs.list(dir)
    }
    fn remove(&self, path: &std::path::Path) -> std::io::Result<()> {
        storage::RealFs.remove(path)
    }
    fn now(&self) -> std::time::Instant {
        std::time::Instant::now() + *self.ahead.lock().unwrap()
    }
}

#[test]
fn one_backup_at_most_every_ten_minutes_while_editing() {
    use std::time::Duration;
    let tmp = TempDir::new();
    saved_library(&tmp);
    let clock = MovableClock::default();
    let mut opened = Store::open_with(&tmp.data_dir(), Box::new(clock.clone())).unwrap();
    let mut library = Library::default();
    let mut save = |n: usize, opened: &mut fan_tracker::storage::OpenedStore| {
        library.shows[0].note = format!("edit {n}");
        opened.store.save(&request(&library)).unwrap();
        opened.store.backups().unwrap().len()
    };
    assert_eq!(
        save(0, &mut opened),
        1,
        "the first save of a session backs up"
    );
    assert_eq!(save(1, &mut opened), 1);
    clock.advance(storage::BACKUP_INTERVAL - Duration::from_secs(1));
    assert_eq!(save(2, &mut opened), 1, "not yet ten minutes");
    clock.advance(Duration::from_secs(1));
    assert_eq!(save(3, &mut opened), 2, "ten minutes after the last backup");
    assert_eq!(
        on_disk(&opened.store.backups().unwrap()[0]).shows[0].note,
        "edit 2",
        "the backup holds the file the save replaced"
    );
    assert_eq!(save(4, &mut opened), 2);
}

#[cfg(unix)]
#[test]
fn data_files_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = TempDir::new();
    let (library, _) = saved_library(&tmp);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let backup_and_copy = SaveRequest {
        force_backup: true,
        conflict_copy: Some(b"{}".to_vec()),
        ..request(&library)
    };
    opened.store.save(&backup_and_copy).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&tmp.data_dir()), 0o700);
    for entry in fs::read_dir(tmp.data_dir()).unwrap() {
        let path = entry.unwrap().path();
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), expected, "{}", path.display());
    }
    let backups = opened.store.backups().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(mode(&backups[0]), 0o600);
}

/// Item 9 of issue 8: a shared folder keeps its mode, and the library file keeps the group
/// and other bits the fan gave it (the owner's stay read-write so it can be saved).
#[cfg(unix)]
#[test]
fn the_fans_folder_and_file_modes_are_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = TempDir::new();
    let (mut library, _) = saved_library(&tmp);
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let set = |p: &std::path::Path, m: u32| {
        fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    };
    let path = tmp.data_dir().join(LIBRARY_FILE);
    set(&tmp.data_dir(), 0o2775);
    for (given, kept) in [(0o444, 0o644), (0o640, 0o640), (0o600, 0o600)] {
        set(&path, given);
        let mut opened = Store::open(&tmp.data_dir()).unwrap();
        library.shows[0].note = format!("mode {given:o}");
        opened.store.save(&request(&library)).unwrap();
        assert_eq!(mode(&path), kept, "a {given:o} file");
        assert_eq!(on_disk(&path), library);
        assert_eq!(mode(&tmp.data_dir()), 0o2775, "the folder keeps its mode");
    }
}

/// Item 6 of issue 8: a library.json that is a symbolic link into a synced folder.
#[cfg(unix)]
#[test]
fn a_symlinked_library_is_written_through_and_the_link_kept() {
    let tmp = TempDir::new();
    let synced = tmp.path().join("Sync");
    fs::create_dir_all(&synced).unwrap();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    let target = synced.join("library.json");
    let mut library = Library::default();
    library.shows[0].note = "in the synced folder".into();
    fs::write(&target, storage::encode(&library).unwrap()).unwrap();
    let link = tmp.data_dir().join(LIBRARY_FILE);
    // A relative link, as `ln -s ../Sync/library.json` makes.
    std::os::unix::fs::symlink("../Sync/library.json", &link).unwrap();

    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    assert_eq!(opened.library.as_ref(), Some(&library));
    for n in 0..2 {
        library.shows[0].note = format!("edited {n}");
        opened
            .store
            .save(&SaveRequest {
                force_backup: n == 1,
                ..request(&library)
            })
            .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is kept"
        );
        assert_eq!(
            on_disk(&target),
            library,
            "the file it points at is written"
        );
    }
    let mut leftovers: Vec<_> = fs::read_dir(&synced)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        ["articles", "library.json", "shows"],
        "no temporary file left beside it; the article and show files are beside it too, \
         so what syncs the library carries them"
    );
    assert_eq!(
        on_disk(&opened.store.backups().unwrap()[0]).shows[0].note,
        "edited 0"
    );
}

#[test]
fn leftover_temporary_files_are_removed_and_never_loaded() {
    let tmp = TempDir::new();
    let (library, _) = saved_library(&tmp);
    let leftover = tmp.data_dir().join(".library.json.a1b2c3");
    fs::write(&leftover, b"{ half written").unwrap();
    let opened = Store::open(&tmp.data_dir()).unwrap();
    assert_eq!(opened.library, Some(library));
    assert!(!leftover.exists());
}

fn arb_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 가-힣.,!?'\n*_#-]{0,40}"
}

fn arb_date() -> impl Strategy<Value = jiff::civil::Date> {
    (0i64..3000).prop_map(|d| jiff::civil::date(2020, 1, 1) + jiff::Span::new().days(d))
}

/// Passages into one of `articles` (none when the show has no article).
fn arb_anchors(articles: Vec<ArticleId>) -> impl Strategy<Value = Vec<Anchor>> {
    let max = if articles.is_empty() { 0 } else { 3 };
    proptest::collection::vec(
        (any::<prop::sample::Index>(), arb_text(), 0usize..20),
        0..=max,
    )
    .prop_map(move |anchors| {
        anchors
            .into_iter()
            .map(|(which, quote, hint)| {
                Anchor::new(articles[which.index(articles.len())], quote, hint)
            })
            .collect()
    })
}

fn arb_thread(id: u64, articles: Vec<ArticleId>) -> impl Strategy<Value = Thread> {
    (
        arb_text(),
        prop::sample::select(ThreadStatus::ALL.to_vec()),
        arb_anchors(articles),
        arb_text(),
        proptest::collection::vec(
            (
                arb_text(),
                0u8..=100,
                proptest::option::of(arb_date()),
                prop::sample::select(Outcome::ALL.to_vec()),
            ),
            0..3,
        ),
    )
        .prop_map(move |(title, status, anchors, note, predictions)| Thread {
            id: ThreadId(id),
            title,
            status,
            anchors,
            note,
            predictions: predictions
                .into_iter()
                .enumerate()
                .map(|(i, (statement, pct, resolve_by, outcome))| Prediction {
                    resolve_by,
                    outcome,
                    ..Prediction::new(PredictionId(id * 100 + i as u64), statement, pct)
                })
                .collect(),
        })
}

fn arb_article(id: ArticleId) -> impl Strategy<Value = ArticleEntry> {
    let suggestion = (
        arb_text(),
        arb_anchors(vec![id]),
        0usize..3,
        prop::sample::select(vec![
            SuggestionState::Offered,
            SuggestionState::Dismissed,
            SuggestionState::Added,
        ]),
    )
        .prop_map(|(title, passages, best, state)| SavedSuggestion {
            title,
            passages,
            best,
            state,
        });
    (
        (
            arb_text(),
            proptest::option::of(arb_date()),
            any::<bool>(),
            arb_text(),
        ),
        (
            proptest::option::of(arb_text()),
            proptest::option::of(arb_text()),
            arb_text(),
            proptest::option::of(proptest::collection::vec(suggestion, 0..3)),
        ),
    )
        .prop_map(
            move |(
                (title, as_of, markdown, body),
                (source_path, source_url, note, suggestions),
            )| {
                ArticleEntry {
                    id,
                    article: Article {
                        title,
                        as_of,
                        format: if markdown {
                            ArticleFormat::Markdown
                        } else {
                            ArticleFormat::PlainText
                        },
                        body: body.into(),
                        source_path,
                        source_url,
                    },
                    note,
                    suggestions,
                }
            },
        )
}

/// A show with up to 3 articles, 4 threads anchored in them and 3 timeline events. Its ids:
/// `id` for the show, `id * 1000 + 500 + k` for its articles, `id * 1000 + k` for its threads
/// and `thread * 100 + k` for their predictions, so they never meet.
fn arb_show(id: u64) -> impl Strategy<Value = Show> {
    (0usize..4, 0usize..5)
        .prop_flat_map(move |(n_articles, n_threads)| {
            let articles: Vec<ArticleId> = (0..n_articles)
                .map(|k| ArticleId(id * 1000 + 500 + k as u64))
                .collect();
            let threads: Vec<_> = (0..n_threads)
                .map(|k| arb_thread(id * 1000 + k as u64, articles.clone()))
                .collect();
            let entries: Vec<_> = articles.iter().map(|&a| arb_article(a)).collect();
            let event = (
                arb_date(),
                0u64..(n_threads as u64 + 1),
                arb_text(),
                prop::sample::select(ThreadStatus::ALL.to_vec()),
            )
                .prop_map(move |(date, thread, title, status)| ThreadEvent {
                    date,
                    thread: ThreadId(id * 1000 + thread),
                    title,
                    status,
                });
            (
                (
                    arb_text(),
                    proptest::option::of(arb_text()),
                    prop::sample::select(ShowStatus::ALL.to_vec()),
                    proptest::option::of(arb_date()),
                    arb_text(),
                ),
                entries,
                threads,
                proptest::collection::vec(event, 0..3),
            )
        })
        .prop_map(
            move |(
                (title, original_title, status, status_checked, note),
                articles,
                threads,
                events,
            )| {
                Show {
                    id: ShowId(id),
                    title,
                    original_title,
                    status,
                    status_checked,
                    note,
                    articles,
                    threads,
                    events,
                }
            },
        )
}

/// 1 to 3 shows, ids as [`arb_show`] gives them.
fn arb_shows() -> impl Strategy<Value = Vec<Show>> {
    (1usize..4).prop_flat_map(|n| (0..n).map(|i| arb_show(i as u64 + 1)).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_library_survives_save_and_load(shows in arb_shows()) {
        let mut library = Library::from_parts(shows, 1);
        library.repair_ids();
        let tmp = TempDir::new();
        {
            let mut opened = Store::open(&tmp.data_dir()).unwrap();
            opened.store.save(&request(&library)).unwrap();
        }
        let opened = Store::open(&tmp.data_dir()).unwrap();
        prop_assert_eq!(opened.notices, vec![]);
        prop_assert_eq!(opened.library, Some(library));
    }
}

/// The shared case `name`, copied into `tests/fixtures/`.
fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// Case 10 (issue 10, item 10): a format 1 library saved by a Windows editor with a
/// byte-order mark loads whole (migrated: its dossier is a show with one article), and the
/// window is told the mark was skipped.
#[test]
fn a_library_with_a_byte_order_mark_loads_with_everything() {
    let bytes = fixture("10-bom-library.json");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    fs::write(tmp.data_dir().join(LIBRARY_FILE), &bytes).unwrap();
    let opened = Store::open(&tmp.data_dir()).unwrap();
    let library = opened.library.expect("it loads");
    let [
        Notice::Migrated { from: 1, kept_as },
        Notice::Repaired { repairs },
    ] = opened.notices.as_slice()
    else {
        panic!("{:?}", opened.notices);
    };
    assert_eq!(repairs, &[storage::Repair::ByteOrderMark]);
    assert_eq!(fs::read(kept_as).unwrap(), bytes, "kept with its mark");
    assert!(opened.notices[1].to_string().contains("byte-order mark"));
    assert!(files_named(&tmp.data_dir(), "library.unreadable").is_empty());
    assert_eq!(opened.legacy_open, Some(ShowId(1)));
    let [show] = library.shows.as_slice() else {
        panic!("one show: {:?}", library.shows);
    };
    assert_eq!(
        (show.id, show.title.as_str()),
        (ShowId(1), "Harbor Lights renewal watch")
    );
    let [entry] = show.articles.as_slice() else {
        panic!("one article: {:?}", show.articles);
    };
    assert_eq!(
        entry.id,
        ArticleId(5),
        "the article's id is taken from next_id"
    );
    assert_eq!(entry.article.title, "Harbor Lights renewal watch");
    assert_eq!(entry.article.as_of, Some(jiff::civil::date(2023, 6, 2)));
    assert_eq!(entry.note, "My own note, typed last week.");
    let thread = &show.threads[0];
    assert_eq!(
        (thread.id, thread.title.as_str(), thread.note.as_str()),
        (
            ThreadId(2),
            "Is a second season confirmed?",
            "Waiting for the network."
        )
    );
    assert_eq!(
        thread.anchors,
        [Anchor::new(ArticleId(5), "second season", 0)]
    );
    let prediction = &thread.predictions[0];
    assert_eq!(prediction.id, PredictionId(3));
    assert_eq!(prediction.statement, "Renewal announced this year");
    assert_eq!(prediction.probability().permille(), 300);
    assert_eq!(
        prediction.made_on(),
        None,
        "made on: unknown, never invented"
    );
    assert_eq!(prediction.resolve_by, Some(jiff::civil::date(2023, 12, 31)));
    assert_eq!(prediction.outcome, Outcome::Pending);
    assert_eq!(library.next_id_value(), 6);
}

/// Case 11 (issue 10, item 10), at the store: the second thread under id 2 is renumbered, so
/// ticking it ticks it alone.
#[test]
fn duplicate_ids_are_renumbered_on_load_and_reported() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    fs::write(
        tmp.data_dir().join(LIBRARY_FILE),
        fixture("11-duplicate-ids.json"),
    )
    .unwrap();
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let mut library = opened.library.clone().expect("it loads");
    let show = &library.shows[0];
    // Migrated: the article takes id 3 (the file's next_id), the copy the next free one.
    assert_eq!(show.articles[0].id, ArticleId(3));
    let ids: Vec<_> = show
        .threads
        .iter()
        .map(|t| (t.id.0, t.title.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (2, "Does the keeper come back?"),
            (4, "Who sent the letter?")
        ]
    );
    assert_eq!(library.next_id_value(), 5);
    let repaired = Notice::Repaired {
        repairs: vec![storage::Repair::Library(LibraryRepair::DuplicateId {
            kind: ItemKind::Thread,
            name: "Who sent the letter?".into(),
            old: 2,
            new: 4,
        })],
    };
    assert!(opened.notices.contains(&repaired), "{:?}", opened.notices);

    // Ticking the second thread ticks it alone, and so it is saved and read back.
    let second = library.shows[0].threads[1].id;
    let today = jiff::civil::date(2026, 11, 29);
    fan_tracker::model::set_thread_status(&library, second, ThreadStatus::Resolved, today)
        .unwrap()
        .apply(&mut library)
        .unwrap();
    let statuses = |library: &Library| -> Vec<ThreadStatus> {
        library.shows[0].threads.iter().map(|t| t.status).collect()
    };
    assert_eq!(
        statuses(&library),
        [ThreadStatus::Open, ThreadStatus::Resolved]
    );
    opened.store.save(&request(&library)).unwrap();
    let reread = on_disk(&tmp.data_dir().join(LIBRARY_FILE));
    assert_eq!(
        statuses(&reread),
        [ThreadStatus::Open, ThreadStatus::Resolved]
    );
    assert_eq!(reread, library);
}

/// Every id in `library`, in file order (shows, each with its articles, then its threads,
/// each with its predictions).
fn all_ids(library: &Library) -> Vec<u64> {
    library.ids().collect()
}

/// Every item's words in `library`, in file order (what must survive a repair).
fn all_words(library: &Library) -> Vec<String> {
    library
        .shows
        .iter()
        .flat_map(|s| {
            std::iter::once(format!("{}|{}|{:?}", s.title, s.note, s.events))
                .chain(
                    s.articles
                        .iter()
                        .map(|a| format!("{}|{}|{}", a.article.title, a.article.body, a.note)),
                )
                .chain(s.threads.iter().flat_map(|t| {
                    let quotes: Vec<&str> = t.anchors.iter().map(|a| a.quote.as_str()).collect();
                    std::iter::once(format!("{}|{}|{:?}|{quotes:?}", t.title, t.note, t.status))
                        .chain(t.predictions.iter().map(|p| {
                            format!("{}|{}", p.statement, p.probability().permille() / 10)
                        }))
                }))
        })
        .collect()
}

/// The ids of every item object of a format 2 file's JSON (`library.shows[]`, `.articles[]`,
/// `.threads[]`, `.threads[].predictions[]`), in file order, to damage them.
fn id_slots(file: &mut serde_json::Value) -> Vec<&mut serde_json::Value> {
    let mut slots = Vec::new();
    for show in file["library"]["shows"].as_array_mut().unwrap() {
        let show = show.as_object_mut().unwrap();
        let mut id = None;
        let mut articles = Vec::new();
        let mut threads = Vec::new();
        for (key, value) in show.iter_mut() {
            match key.as_str() {
                "id" => id = Some(value),
                "articles" => articles.extend(value.as_array_mut().unwrap().iter_mut()),
                "threads" => threads.extend(value.as_array_mut().unwrap().iter_mut()),
                _ => {}
            }
        }
        slots.push(id.unwrap());
        for article in articles {
            slots.push(&mut article["id"]);
        }
        for thread in threads {
            let thread = thread.as_object_mut().unwrap();
            let mut id = None;
            let mut predictions = Vec::new();
            for (key, value) in thread.iter_mut() {
                match key.as_str() {
                    "id" => id = Some(value),
                    "predictions" => predictions.extend(value.as_array_mut().unwrap().iter_mut()),
                    _ => {}
                }
            }
            slots.push(id.unwrap());
            for prediction in predictions {
                slots.push(&mut prediction["id"]);
            }
        }
    }
    slots
}

/// `library` as a format 4 file's JSON (each show and article body in it), so the tests of
/// damage can edit it in place (a format 5 file keeps each show in a file of its own).
fn format_4_json(library: &Library) -> serde_json::Value {
    let mut file: serde_json::Value =
        serde_json::from_slice(&storage::encode(library).unwrap()).unwrap();
    file["format_version"] = 4.into();
    for show in file["library"]["shows"].as_array_mut().unwrap() {
        *show = show["show"].take();
    }
    file
}

/// The `article` of every thread anchor in a format 2 file's JSON, in file order.
fn anchor_slots(file: &mut serde_json::Value) -> Vec<&mut serde_json::Value> {
    file["library"]["shows"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|s| s["threads"].as_array_mut().unwrap().iter_mut())
        .flat_map(|t| t["anchors"].as_array_mut().unwrap().iter_mut())
        .map(|a| &mut a["article"])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Issue 10, item 10: any library damaged the way hand edits and sync tools damage it
    /// (ids copied onto other items, passages pointing into articles that are not there, the
    /// id counter set back, a byte-order mark) loads with every item kept, ids unique, every
    /// passage in an article of the library and the counter above the ids.
    #[test]
    fn any_damaged_library_loads_with_every_item_kept_and_ids_unique(
        shows in arb_shows(),
        copies in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..6),
        dangling in proptest::collection::vec(any::<prop::sample::Index>(), 0..3),
        next_id in 0u64..3,
        bom in any::<bool>(),
    ) {
        let mut library = Library::from_parts(shows, 1);
        library.repair_ids();
        let words = all_words(&library);
        let mut file = format_4_json(&library);
        // Damage: copy one item's id onto another, as a hand edit that duplicates a block does.
        let ids = all_ids(&library);
        let mut damaged_ids = ids.clone();
        for (from, to) in copies {
            damaged_ids[to.index(ids.len())] = ids[from.index(ids.len())];
        }
        for (slot, id) in id_slots(&mut file).into_iter().zip(&damaged_ids) {
            *slot = (*id).into();
        }
        // Point some passages at articles that are not there.
        let mut anchors = anchor_slots(&mut file);
        let mut pointed = std::collections::BTreeSet::new();
        if !anchors.is_empty() {
            for which in dangling {
                let at = which.index(anchors.len());
                *anchors[at] = (7_000_000 + at as u64).into();
                pointed.insert(at);
            }
        }
        file["library"]["next_id"] = next_id.into();
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(serde_json::to_vec_pretty(&file).unwrap());

        let loaded = storage::decode_file(&bytes).unwrap();
        let repaired = &loaded.library;
        prop_assert_eq!(all_words(repaired), words, "every item kept, in order");
        let ids = all_ids(repaired);
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        prop_assert_eq!(unique.len(), ids.len(), "ids unique: {:?}", ids);
        prop_assert!(ids.iter().all(|&id| id < repaired.next_id_value()));
        for show in &repaired.shows {
            for anchor in show.threads.iter().flat_map(|t| &t.anchors) {
                prop_assert!(
                    repaired.article(anchor.article).is_ok(),
                    "passage {:?} points into an article of the library", anchor
                );
            }
        }
        prop_assert_eq!(loaded.repairs.contains(&storage::Repair::ByteOrderMark), bom);
        let duplicates = damaged_ids.len() - damaged_ids.iter().collect::<std::collections::HashSet<_>>().len();
        prop_assert_eq!(
            loaded.repairs.iter().filter(|r| matches!(r, storage::Repair::Library(LibraryRepair::DuplicateId { .. }))).count(),
            duplicates,
            "each duplicate is reported"
        );
        // Each passage pointed nowhere is reported (more may be: a passage into an article
        // whose id was overwritten points nowhere too).
        let dangling: Vec<_> = loaded.repairs.iter().filter_map(|r| match r {
            storage::Repair::Library(LibraryRepair::DanglingAnchor { was, now, .. }) => Some((*was, *now)),
            _ => None,
        }).collect();
        prop_assert!(dangling.len() >= pointed.len(), "{:?} for {:?}", dangling, pointed);
        for (was, now) in dangling {
            prop_assert!(repaired.article(was).is_err(), "{:?} was not there", was);
            prop_assert!(now.is_some_and(|now| repaired.article(now).is_ok()));
        }
        // What loads saves and loads again unchanged, with nothing left to repair.
        let again = storage::decode_file(&storage::encode(repaired).unwrap()).unwrap();
        prop_assert_eq!(&again.library, repaired);
        prop_assert_eq!(again.repairs, vec![]);
    }
}

/// A show block copied by hand (or by a sync tool merging two copies): every id of the copy
/// repeats one of the original. After the repair the copy's items act alone, and its threads'
/// passages and its suggestions still point into its own article, not the original's.
#[test]
fn a_show_copied_whole_is_renumbered_and_keeps_its_passages_in_its_own_article() {
    let mut library = Library::default();
    let show = &mut library.shows[0];
    let article = show.articles[0].id;
    show.articles[0].suggestions = Some(vec![SavedSuggestion {
        title: "Will a second season be confirmed?".into(),
        passages: vec![Anchor::new(article, "second season", 0)],
        best: 0,
        state: SuggestionState::Offered,
    }]);
    let mut file = format_4_json(&library);
    let mut copy = file["library"]["shows"][0].clone();
    copy["title"] = "The copy".into();
    file["library"]["shows"].as_array_mut().unwrap().push(copy);

    let loaded = storage::decode_file(&serde_json::to_vec(&file).unwrap()).unwrap();
    let [original, copy] = loaded.library.shows.as_slice() else {
        panic!("two shows");
    };
    assert_eq!(original, &library.shows[0], "the original is untouched");
    let copy_article = copy.articles[0].id;
    assert_ne!(copy_article, article);
    for anchor in copy.threads.iter().flat_map(|t| &t.anchors) {
        assert_eq!(anchor.article, copy_article, "{anchor:?}");
    }
    let suggestions = copy.articles[0].suggestions.as_ref().unwrap();
    assert_eq!(suggestions[0].passages[0].article, copy_article);
    let ids = all_ids(&loaded.library);
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

/// `library` written as a format 1 file's JSON: each show one dossier on its first article
/// (an empty one when it has none), each thread anchored at its first passage, if any.
fn as_format_1(library: &Library) -> serde_json::Value {
    use serde_json::json;
    let dossiers: Vec<serde_json::Value> = library
        .shows
        .iter()
        .map(|show| {
            let (article, note) = match show.articles.first() {
                Some(entry) => (entry.article.clone(), entry.note.clone()),
                None => (
                    Article {
                        title: show.title.clone(),
                        as_of: None,
                        format: ArticleFormat::PlainText,
                        body: "".into(),
                        source_path: None,
                        source_url: None,
                    },
                    String::new(),
                ),
            };
            let threads: Vec<serde_json::Value> = show
                .threads
                .iter()
                .map(|t| {
                    json!({
                        "id": t.id.0,
                        "title": t.title,
                        "status": t.status,
                        "anchor": t.anchors.first().map(|a| json!({"quote": a.quote, "block_hint": a.block_hint})),
                        "note": t.note,
                        "predictions": t.predictions.iter().map(|p| json!({
                            "id": p.id.0,
                            "statement": p.statement,
                            "probability_pct": p.probability().permille() / 10,
                            "resolve_by": p.resolve_by,
                            "outcome": p.outcome,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({"id": show.id.0, "article": article, "threads": threads, "note": note})
        })
        .collect();
    json!({"dossiers": dossiers, "open": null, "next_id": library.next_id_value()})
}

/// Every item's words in a format 1 library's JSON, in file order, as [`v1_words_loaded`]
/// gives them once migrated.
fn v1_words(library: &serde_json::Value) -> Vec<String> {
    let mut words = Vec::new();
    for dossier in library["dossiers"].as_array().unwrap() {
        let article = &dossier["article"];
        words.push(format!(
            "{}|{}|{}",
            article["title"], article["body"], dossier["note"]
        ));
        for thread in dossier["threads"].as_array().unwrap() {
            words.push(format!(
                "{}|{}|{}|{}",
                thread["title"], thread["note"], thread["status"], thread["anchor"]["quote"]
            ));
            for p in thread["predictions"].as_array().unwrap() {
                words.push(format!("{}|{}", p["statement"], p["probability_pct"]));
            }
        }
    }
    words
}

/// [`v1_words`] of a loaded (migrated) library.
fn v1_words_loaded(library: &Library) -> Vec<String> {
    let value = serde_json::to_value(library).unwrap();
    let mut words = Vec::new();
    for show in value["shows"].as_array().unwrap() {
        let entry = &show["articles"][0];
        words.push(format!(
            "{}|{}|{}",
            entry["article"]["title"], entry["article"]["body"], entry["note"]
        ));
        for thread in show["threads"].as_array().unwrap() {
            words.push(format!(
                "{}|{}|{}|{}",
                thread["title"], thread["note"], thread["status"], thread["anchors"][0]["quote"]
            ));
            for p in thread["predictions"].as_array().unwrap() {
                let pct = p["current"]["probability"]
                    .as_u64()
                    .map(|permille| permille / 10);
                words.push(format!("{}|{}", p["statement"], pct.unwrap_or(0)));
            }
        }
    }
    words
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Issue 10, items 9 and 10: a format 1 library damaged the same ways (ids copied onto
    /// other items, the open dossier pointing anywhere, the counter set back, a byte-order
    /// mark) migrates and loads with every item kept, ids unique and below the counter, each
    /// dossier one show whose threads all point into its own article, and the open dossier
    /// handed on as it was.
    #[test]
    fn any_damaged_format_1_library_migrates_with_every_item_kept_and_ids_unique(
        shows in arb_shows(),
        copies in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..6),
        open in proptest::option::of(0u64..5000),
        next_id in 0u64..3,
        bom in any::<bool>(),
    ) {
        let mut library = Library::from_parts(shows, 1);
        library.repair_ids();
        let mut v1 = as_format_1(&library);
        let words = v1_words(&v1);
        let mut ids = Vec::new();
        for dossier in v1["dossiers"].as_array().unwrap() {
            ids.push(dossier["id"].as_u64().unwrap());
            for thread in dossier["threads"].as_array().unwrap() {
                ids.push(thread["id"].as_u64().unwrap());
                for p in thread["predictions"].as_array().unwrap() {
                    ids.push(p["id"].as_u64().unwrap());
                }
            }
        }
        let mut damaged = ids.clone();
        for (from, to) in copies {
            damaged[to.index(ids.len())] = ids[from.index(ids.len())];
        }
        let mut next = damaged.iter().copied();
        for dossier in v1["dossiers"].as_array_mut().unwrap() {
            dossier["id"] = next.next().unwrap().into();
            for thread in dossier["threads"].as_array_mut().unwrap() {
                thread["id"] = next.next().unwrap().into();
                for p in thread["predictions"].as_array_mut().unwrap() {
                    p["id"] = next.next().unwrap().into();
                }
            }
        }
        v1["open"] = open.into();
        v1["next_id"] = next_id.into();
        let file = serde_json::json!({"format_version": 1, "library": v1});
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(serde_json::to_vec_pretty(&file).unwrap());

        let loaded = storage::decode_file(&bytes).unwrap();
        let migrated = &loaded.library;
        prop_assert_eq!(loaded.version, 1);
        prop_assert_eq!(loaded.legacy_open, open.map(ShowId));
        prop_assert_eq!(v1_words_loaded(migrated), words, "every item kept, in order");
        let all = all_ids(migrated);
        let unique: std::collections::HashSet<_> = all.iter().collect();
        prop_assert_eq!(unique.len(), all.len(), "ids unique: {:?}", all);
        prop_assert!(all.iter().all(|&id| id < migrated.next_id_value()));
        for show in &migrated.shows {
            prop_assert_eq!(show.articles.len(), 1);
            let article = show.articles[0].id;
            for anchor in show.threads.iter().flat_map(|t| &t.anchors) {
                prop_assert_eq!(anchor.article, article, "into its own article");
            }
        }
        prop_assert_eq!(loaded.repairs.contains(&storage::Repair::ByteOrderMark), bom);
        let duplicates = damaged.len() - damaged.iter().collect::<std::collections::HashSet<_>>().len();
        prop_assert_eq!(
            loaded.repairs.iter().filter(|r| matches!(r, storage::Repair::Library(LibraryRepair::DuplicateId { .. }))).count(),
            duplicates,
            "each duplicate is reported"
        );
        let again = storage::decode_file(&storage::encode(migrated).unwrap()).unwrap();
        prop_assert_eq!(&again.library, migrated);
        prop_assert_eq!(again.repairs, vec![]);
    }
}
