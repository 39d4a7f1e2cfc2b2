//! The data folder: round trips, unreadable files kept aside, one writer, conflicts, backups.

use std::fs;

use fan_tracker::model::{
    Anchor, Article, ArticleFormat, Dossier, DossierId, Library, Outcome, Prediction, PredictionId,
    Thread, ThreadId, ThreadStatus,
};
use fan_tracker::storage::{self, LIBRARY_FILE, Notice, SaveOutcome, SaveRequest, Store};
use proptest::prelude::*;

use crate::fixture::{TempDir, files_named};

/// A plain save of `bytes`.
pub fn request(bytes: &[u8]) -> SaveRequest {
    SaveRequest {
        bytes: bytes.to_vec(),
        ..SaveRequest::default()
    }
}

fn saved_library(tmp: &TempDir) -> (Library, Vec<u8>) {
    let mut library = Library::default();
    library.dossiers[0].note = "kept".into();
    let bytes = storage::encode(&library).unwrap();
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    opened.store.save(&request(&bytes)).unwrap();
    (library, bytes)
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
    assert!(second.store.save(&request(b"{}")).is_err());
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
    // Another program rewrites the file with the same size and restores its modification time.
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let mut other = library.clone();
    other.dossiers[0].note = "KEPT".into();
    let other_bytes = storage::encode(&other).unwrap();
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
    let outcome = opened
        .store
        .save(&request(&storage::encode(&mine).unwrap()))
        .unwrap();
    let SaveOutcome::ChangedOnDisk {
        base,
        theirs,
        theirs_bytes,
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

    // The caller merges and saves again, keeping their version as a conflict copy.
    let merged = storage::encode(&mine).unwrap();
    let outcome = opened
        .store
        .save(&SaveRequest {
            bytes: merged.clone(),
            force_backup: false,
            conflict_copy: Some(theirs_bytes),
        })
        .unwrap();
    let SaveOutcome::Written { notices } = outcome else {
        panic!("expected a write")
    };
    let [Notice::Conflict { kept_as }] = notices.as_slice() else {
        panic!("{notices:?}")
    };
    assert_eq!(fs::read(kept_as).unwrap(), other_bytes);
    assert_eq!(fs::read(&path).unwrap(), merged);
}

#[test]
fn an_unreadable_file_written_behind_the_app_is_kept_aside() {
    let tmp = TempDir::new();
    saved_library(&tmp);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    fs::write(&path, b"{ broken by an editor").unwrap();
    let mine = storage::encode(&Library::default()).unwrap();
    let SaveOutcome::Written { notices } = opened.store.save(&request(&mine)).unwrap() else {
        panic!("expected a write");
    };
    let [Notice::KeptAside { kept_as, .. }] = notices.as_slice() else {
        panic!("{notices:?}")
    };
    assert_eq!(fs::read(kept_as).unwrap(), b"{ broken by an editor");
    assert_eq!(fs::read(&path).unwrap(), mine);
}

#[test]
fn backups_are_kept_and_rotated() {
    let tmp = TempDir::new();
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let mut library = Library::default();
    for n in 0..8 {
        library.dossiers[0].note = format!("version {n}");
        let bytes = storage::encode(&library).unwrap();
        opened
            .store
            .save(&SaveRequest {
                bytes,
                force_backup: true,
                conflict_copy: None,
            })
            .unwrap();
    }
    let backups = opened.store.backups().unwrap();
    assert_eq!(backups.len(), storage::BACKUPS_KEPT);
    let newest = Store::read_library(&backups[0]).unwrap();
    assert_eq!(newest.dossiers[0].note, "version 6");
}

#[cfg(unix)]
#[test]
fn data_files_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = TempDir::new();
    let (_, bytes) = saved_library(&tmp);
    let mut opened = Store::open(&tmp.data_dir()).unwrap();
    let backup_and_copy = SaveRequest {
        bytes,
        force_backup: true,
        conflict_copy: Some(b"{}".to_vec()),
    };
    opened.store.save(&backup_and_copy).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
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
            opened.store.save(&request(&storage::encode(&library).unwrap())).unwrap();
        }
        let opened = Store::open(&tmp.data_dir()).unwrap();
        prop_assert_eq!(opened.library, Some(library));
    }
}
