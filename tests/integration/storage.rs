//! The data folder: round trips, unreadable files kept aside, one writer, conflicts, backups.

use std::fs;

use fan_tracker::model::{
    Anchor, Article, ArticleFormat, Dossier, DossierId, Library, Outcome, Prediction, PredictionId,
    Thread, ThreadId, ThreadStatus,
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
    library.dossiers[0].note = "kept".into();
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
    library.dossiers[0].threads[0].note = "사이코지만 괜찮아: a note".into();
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
    let newer = br#"{"format_version": 7, "library": {"whatever": true}}"#;
    fs::write(tmp.data_dir().join(LIBRARY_FILE), newer).unwrap();
    let opened = Store::open(&tmp.data_dir()).unwrap();
    let message = opened.notices[0].to_string();
    assert!(message.contains("newer Fan Tracker"), "{message}");
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
    other.dossiers[0].note = "KEPT".into();
    let other_bytes = storage::encode_revision(&other, opened.store.revision()).unwrap();
    assert_eq!(other_bytes.len(), bytes.len());
    fs::write(&path, &other_bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();

    let mut mine = library.clone();
    mine.dossiers[0].note = "mine".into();
    let outcome = opened.store.save(&request(&mine)).unwrap();
    let SaveOutcome::ChangedOnDisk {
        base,
        theirs,
        theirs_bytes,
        backup,
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
    library.dossiers[0].note = "draft one".into();
    opened.store.save(&request(&library)).unwrap();
    let old_copy = fs::read(&path).unwrap();
    library.dossiers[0].note = "draft one, then two".into();
    opened.store.save(&request(&library)).unwrap();

    // The old copy comes back with one thread note changed.
    let stale_text = String::from_utf8(old_copy.clone()).unwrap().replacen(
        "\"note\": \"\"",
        "\"note\": \"changed in the old copy\"",
        1,
    );
    assert_ne!(stale_text.as_bytes(), old_copy);
    storage::RealFs
        .write_atomic(&path, stale_text.as_bytes())
        .unwrap();

    library.dossiers[0].note = "draft one, then two, then three".into();
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
    library.dossiers[0].note = "draft one".into();
    opened.store.save(&request(&library)).unwrap();
    let old_copy = fs::read(&path).unwrap();
    library.dossiers[0].note = "draft two".into();
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
    newer.dossiers[0].note = "from the phone".into();
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
        library.dossiers[0].note = format!("version {n}");
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
        .map(|b| on_disk(b).dossiers[0].note.clone())
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
        library.dossiers[0].note = note.into();
        fs::write(backups_dir.join(name), storage::encode(&library).unwrap()).unwrap();
    }
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    for n in 0..3 {
        library.dossiers[0].note = format!("version {n}");
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
        .map(|b| on_disk(b).dossiers[0].note.clone())
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
        library.dossiers[0].note = format!("from the future {i}");
        fs::write(backups_dir.join(name), storage::encode(&library).unwrap()).unwrap();
    }
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    for n in 0..4 {
        library.dossiers[0].note = format!("today {n}");
        opened
            .store
            .save(&SaveRequest {
                force_backup: true,
                ..request(&library)
            })
            .unwrap();
        let backups = opened.store.backups().unwrap();
        assert_eq!(backups.len(), storage::BACKUPS_KEPT);
        if n > 0 {
            assert_eq!(
                on_disk(&backups[0]).dossiers[0].note,
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
        library.dossiers[0].note = format!("edit {n}");
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
        on_disk(&opened.store.backups().unwrap()[0]).dossiers[0].note,
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
        library.dossiers[0].note = format!("mode {given:o}");
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
    library.dossiers[0].note = "in the synced folder".into();
    fs::write(&target, storage::encode(&library).unwrap()).unwrap();
    let link = tmp.data_dir().join(LIBRARY_FILE);
    // A relative link, as `ln -s ../Sync/library.json` makes.
    std::os::unix::fs::symlink("../Sync/library.json", &link).unwrap();

    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    assert_eq!(opened.library.as_ref(), Some(&library));
    for n in 0..2 {
        library.dossiers[0].note = format!("edited {n}");
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
    let leftovers: Vec<_> = fs::read_dir(&synced)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["library.json"],
        "no temporary file left beside it"
    );
    assert_eq!(
        on_disk(&opened.store.backups().unwrap()[0]).dossiers[0].note,
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

fn arb_thread(id: u64) -> impl Strategy<Value = Thread> {
    (
        arb_text(),
        prop_oneof![
            Just(ThreadStatus::Open),
            Just(ThreadStatus::Resolved),
            Just(ThreadStatus::Dropped)
        ],
        proptest::option::of((arb_text(), 0usize..20)),
        arb_text(),
        proptest::collection::vec(
            (
                arb_text(),
                0u8..=100,
                proptest::option::of(0i16..3000),
                0usize..4,
            ),
            0..3,
        ),
    )
        .prop_map(move |(title, status, anchor, note, predictions)| Thread {
            id: ThreadId(id),
            title,
            status,
            anchor: anchor.map(|(q, b)| Anchor::new(q, b)),
            note,
            predictions: predictions
                .into_iter()
                .enumerate()
                .map(|(i, (statement, pct, day, outcome))| Prediction {
                    resolve_by: day.map(|d| {
                        jiff::civil::date(2020, 1, 1) + jiff::Span::new().days(i64::from(d))
                    }),
                    outcome: Outcome::ALL[outcome],
                    ..Prediction::new(PredictionId(id * 100 + i as u64), statement, pct)
                })
                .collect(),
        })
}

fn arb_dossier(id: u64) -> impl Strategy<Value = Dossier> {
    (
        arb_text(),
        arb_text(),
        any::<bool>(),
        proptest::collection::vec(0u64..1000, 0..4),
        arb_text(),
    )
        .prop_flat_map(move |(title, body, markdown, thread_ids, note)| {
            let threads: Vec<_> = thread_ids
                .iter()
                .enumerate()
                .map(|(i, _)| arb_thread(id * 1000 + i as u64))
                .collect();
            (Just((title, body, markdown, note)), threads)
        })
        .prop_map(move |((title, body, markdown, note), threads)| Dossier {
            id: DossierId(id),
            article: Article {
                title,
                as_of: Some(jiff::civil::date(2022, 3, 17)),
                format: if markdown {
                    ArticleFormat::Markdown
                } else {
                    ArticleFormat::PlainText
                },
                body,
                source_path: None,
                source_url: None,
            },
            threads,
            note,
            suggestions: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_library_survives_save_and_load(dossiers in (1usize..4).prop_flat_map(|n| (0..n).map(|i| arb_dossier(i as u64 + 1)).collect::<Vec<_>>())) {
        let mut library = Library::empty();
        library.open = dossiers.first().map(|d| d.id);
        library.dossiers = dossiers;
        library.repair_ids();
        let tmp = TempDir::new();
        {
            let mut opened = Store::open(&tmp.data_dir()).unwrap();
            opened.store.save(&request(&library)).unwrap();
        }
        let opened = Store::open(&tmp.data_dir()).unwrap();
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

/// Case 10 (issue 10, item 10): a library saved by a Windows editor with a byte-order mark
/// loads whole, and the window is told the mark was skipped.
#[test]
fn a_library_with_a_byte_order_mark_loads_with_everything() {
    let bytes = fixture("10-bom-library.json");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    fs::write(tmp.data_dir().join(LIBRARY_FILE), &bytes).unwrap();
    let opened = Store::open(&tmp.data_dir()).unwrap();
    let library = opened.library.expect("it loads");
    assert_eq!(
        opened.notices,
        [Notice::Repaired {
            repairs: vec![storage::Repair::ByteOrderMark]
        }]
    );
    assert!(opened.notices[0].to_string().contains("byte-order mark"));
    assert!(files_named(&tmp.data_dir(), "library.unreadable").is_empty());
    let dossier = &library.dossiers[0];
    assert_eq!(dossier.article.title, "Harbor Lights renewal watch");
    assert_eq!(dossier.note, "My own note, typed last week.");
    let thread = &dossier.threads[0];
    assert_eq!(
        (thread.id, thread.title.as_str(), thread.note.as_str()),
        (
            ThreadId(2),
            "Is a second season confirmed?",
            "Waiting for the network."
        )
    );
    assert_eq!(thread.anchor, Some(Anchor::new("second season", 0)));
    let prediction = &thread.predictions[0];
    assert_eq!(prediction.id, PredictionId(3));
    assert_eq!(prediction.statement, "Renewal announced this year");
    assert_eq!(prediction.probability_pct, 30);
    assert_eq!(prediction.resolve_by, Some(jiff::civil::date(2023, 12, 31)));
    assert_eq!(prediction.outcome, Outcome::Pending);
    assert_eq!(library.open, Some(DossierId(1)));
    assert_eq!(library.next_id_value(), 5);
}

/// Case 11 (issue 10, item 10), at the store: the second thread under id 2 is renumbered.
#[test]
fn duplicate_ids_are_renumbered_on_load_and_reported() {
    let loaded = storage::decode_file(&fixture("11-duplicate-ids.json")).unwrap();
    let threads = &loaded.library.dossiers[0].threads;
    let ids: Vec<_> = threads.iter().map(|t| (t.id.0, t.title.as_str())).collect();
    assert_eq!(
        ids,
        [
            (2, "Does the keeper come back?"),
            (3, "Who sent the letter?")
        ]
    );
    assert_eq!(loaded.library.next_id_value(), 4);
    assert_eq!(
        loaded.repairs,
        [storage::Repair::Library(
            fan_tracker::model::LibraryRepair::DuplicateId {
                kind: fan_tracker::model::ItemKind::Thread,
                name: "Who sent the letter?".into(),
                old: 2,
                new: 3,
            }
        )]
    );
}

/// Every id in `library`, in file order.
fn all_ids(library: &Library) -> Vec<u64> {
    library
        .dossiers
        .iter()
        .flat_map(|d| {
            std::iter::once(d.id.0).chain(
                d.threads.iter().flat_map(|t| {
                    std::iter::once(t.id.0).chain(t.predictions.iter().map(|p| p.id.0))
                }),
            )
        })
        .collect()
}

/// Every item's words in `library`, in file order (what must survive a repair).
fn all_words(library: &Library) -> Vec<String> {
    library
        .dossiers
        .iter()
        .flat_map(|d| {
            std::iter::once(format!("{}|{}", d.article.title, d.note)).chain(
                d.threads.iter().flat_map(|t| {
                    std::iter::once(format!("{}|{}|{:?}", t.title, t.note, t.status)).chain(
                        t.predictions
                            .iter()
                            .map(|p| format!("{}|{}", p.statement, p.probability_pct)),
                    )
                }),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Issue 10, item 10: any library damaged the way hand edits and sync tools damage it
    /// (ids copied onto other items, the open dossier pointing nowhere, the id counter set
    /// back, a byte-order mark) loads with every item kept, ids unique, and the counter above
    /// them.
    #[test]
    fn any_damaged_library_loads_with_every_item_kept_and_ids_unique(
        dossiers in (1usize..4).prop_flat_map(|n| (0..n).map(|i| arb_dossier(i as u64 + 1)).collect::<Vec<_>>()),
        copies in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..6),
        open in proptest::option::of(0u64..5000),
        next_id in 0u64..3,
        bom in any::<bool>(),
    ) {
        let mut library = Library::empty();
        library.dossiers = dossiers;
        let words = all_words(&library);
        // Damage: copy one item's id onto another, as a hand edit that duplicates a block does.
        let mut text = serde_json::to_value(&library).unwrap();
        let ids = all_ids(&library);
        let count = ids.len();
        let mut damaged_ids = ids.clone();
        for (from, to) in copies {
            damaged_ids[to.index(count)] = ids[from.index(count)];
        }
        let mut next = damaged_ids.iter().copied();
        for dossier in text["dossiers"].as_array_mut().unwrap() {
            dossier["id"] = next.next().unwrap().into();
            for thread in dossier["threads"].as_array_mut().unwrap() {
                thread["id"] = next.next().unwrap().into();
                for prediction in thread["predictions"].as_array_mut().unwrap() {
                    prediction["id"] = next.next().unwrap().into();
                }
            }
        }
        text["open"] = open.into();
        text["next_id"] = next_id.into();
        let file = serde_json::json!({"format_version": 1, "library": text});
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(serde_json::to_vec_pretty(&file).unwrap());

        let loaded = storage::decode_file(&bytes).unwrap();
        let repaired = &loaded.library;
        prop_assert_eq!(all_words(repaired), words, "every item kept, in order");
        let ids = all_ids(repaired);
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        prop_assert_eq!(unique.len(), ids.len(), "ids unique: {:?}", ids);
        prop_assert!(ids.iter().all(|&id| id < repaired.next_id_value()));
        prop_assert!(repaired.open.is_none_or(|id| repaired.dossier(id).is_ok()));
        prop_assert_eq!(loaded.repairs.contains(&storage::Repair::ByteOrderMark), bom);
        let renumbered = loaded
            .repairs
            .iter()
            .filter(|r| matches!(r, storage::Repair::Library(fan_tracker::model::LibraryRepair::DuplicateId { .. })))
            .count();
        let duplicates = damaged_ids.len() - damaged_ids.iter().collect::<std::collections::HashSet<_>>().len();
        prop_assert_eq!(renumbered, duplicates, "each duplicate is reported");
        // What loads saves and loads again unchanged, with nothing left to repair.
        let again = storage::decode_file(&storage::encode(repaired).unwrap()).unwrap();
        prop_assert_eq!(&again.library, repaired);
        prop_assert_eq!(again.repairs, vec![]);
    }
}
