//! Format 5 (issue 20, item 7): each show's threads, notes and predictions in a
//! content-addressed file of its own (`shows/<sha256>.json`), `library.json` a small index. A
//! save writes only the shows that changed; a show file that has not arrived (a sync tool) or
//! is damaged never costs a word: the library waits, read-only, and opens whole once it is
//! there; old show files no library names are pruned.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, Command};
use fan_tracker::model::{Library, Show, ShowId, ThreadStatus};
use fan_tracker::storage::{
    self, FileSystem, LIBRARY_FILE, Notice, RealFs, SaveOutcome, SaveRequest, StorageError, Store,
};

use crate::fixture::{RENEWAL, TempDir, click, launch, resolved_checkbox, step_until};
use crate::generate::{LibraryShape, generate_library};

/// The real file system, counting the bytes each atomic write writes, and telling every file
/// to be as old as `age` (so pruning can be seen without waiting two days).
#[derive(Clone, Debug, Default)]
struct Watched {
    written: Arc<Mutex<Vec<(PathBuf, usize)>>>,
    age: Option<Duration>,
    /// How far the store's clock is ahead of the real one (tests move it on).
    ahead: Arc<Mutex<Duration>>,
}

impl Watched {
    fn take(&self) -> Vec<(PathBuf, usize)> {
        std::mem::take(&mut self.written.lock().unwrap())
    }
}

impl FileSystem for Watched {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.written
            .lock()
            .unwrap()
            .push((path.to_owned(), bytes.len()));
        RealFs.write_atomic(path, bytes)
    }
    fn now(&self) -> std::time::Instant {
        std::time::Instant::now() + *self.ahead.lock().unwrap()
    }
    fn age(&self, path: &Path) -> io::Result<Duration> {
        match self.age {
            Some(age) => Ok(age),
            None => RealFs.age(path),
        }
    }
}

/// The default library with two more shows, each with a note.
fn three_shows() -> Library {
    let mut library = Library::default();
    for title in ["Harbor Lights", "Paper Cranes"] {
        let id = ShowId(library.allocate_id());
        let mut show = Show::new(id, title);
        show.note = format!("My notes on {title}.");
        library.shows.push(show);
    }
    library
}

/// A save of `library` that keeps the file it replaces as a backup.
fn backed_up(library: &Library) -> SaveRequest {
    SaveRequest {
        force_backup: true,
        ..SaveRequest::new(library.clone())
    }
}

fn save(dir: &Path, library: &Library) {
    let mut opened = Store::open(dir).unwrap();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
}

/// The show files in `dir`'s `shows/` folder, sorted.
fn show_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("shows"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The show file `library.json` of `dir` names for show `i`.
fn named_show_file(dir: &Path, i: usize) -> PathBuf {
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join(LIBRARY_FILE)).unwrap()).unwrap();
    let hash = index["library"]["shows"][i]["file_sha256"]
        .as_str()
        .unwrap();
    dir.join("shows").join(format!("{hash}.json"))
}

#[test]
fn a_save_after_an_edit_writes_only_that_shows_file_and_the_index() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = three_shows();
    save(&dir, &library);
    let before = show_files(&dir);
    assert_eq!(before.len(), 3, "one file per show: {before:?}");
    let index = fs::read_to_string(dir.join(LIBRARY_FILE)).unwrap();
    assert!(
        !index.contains("My notes on"),
        "the index holds no note: {index}"
    );

    let watched = Watched::default();
    let mut opened = Store::open_with(&dir, Box::new(watched.clone())).unwrap();
    watched.take();
    let mut edited = library.clone();
    edited.shows[1].note.push_str(" Filming starts in spring.");
    opened
        .store
        .save(&SaveRequest::new(edited.clone()))
        .unwrap();
    let written: Vec<PathBuf> = watched
        .take()
        .into_iter()
        .map(|(path, _)| path)
        .filter(|p| !p.starts_with(dir.join("backups")))
        .collect();
    assert_eq!(
        written,
        [named_show_file(&dir, 1), dir.join(LIBRARY_FILE)],
        "the changed show's file first, then the index; nothing else"
    );
    let after = show_files(&dir);
    assert_eq!(after.len(), 4, "the old file stays for backups: {after:?}");
    assert!(before.iter().all(|name| after.contains(name)));
    drop(opened);
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    assert_eq!(again.library, Some(edited));
}

/// The figure of the issue: on the large library (50 shows, 5,000 threads, 10,000 notes, a
/// 1 MB article), `library.json` and what a save after an edit writes are each ≤ 1 MB.
#[test]
fn on_the_large_library_the_index_and_a_save_after_an_edit_are_under_a_megabyte() {
    const MB: usize = 1 << 20;
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = generate_library(&LibraryShape::LARGE);
    save(&dir, &library);
    let index = fs::metadata(dir.join(LIBRARY_FILE)).unwrap().len() as usize;
    assert!(index <= MB / 20, "library.json is {index} bytes");

    let watched = Watched::default();
    let mut opened = Store::open_with(&dir, Box::new(watched.clone())).unwrap();
    // The first backup in a folder keeps a copy of every show file with the backups (3 MB,
    // once, like the first save); the saves after it are measured.
    let mut edited = library.clone();
    edited.shows[3].note = "The first backup.".into();
    opened.store.save(&backed_up(&edited)).unwrap();
    let bytes_of = |written: &[(PathBuf, usize)]| -> usize { written.iter().map(|w| w.1).sum() };

    // A save after an edit: the edited show's file and the index.
    watched.take();
    edited.shows[7].threads[3].note = "Changed on the train.".into();
    opened
        .store
        .save(&SaveRequest::new(edited.clone()))
        .unwrap();
    let written = watched.take();
    assert_eq!(written.len(), 2, "one show file, the index: {written:?}");
    assert!(bytes_of(&written) <= MB, "{written:?}");

    // One that also keeps a backup: the backup's index and a copy of each show file it names
    // that the backups do not hold yet (the two shows changed since the last backup).
    edited.shows[9].threads[0].note = "Changed again.".into();
    opened.store.save(&backed_up(&edited)).unwrap();
    let written = watched.take();
    assert_eq!(
        written.len(),
        5,
        "one show file, two kept with the backups, two indexes: {written:?}"
    );
    let total = bytes_of(&written);
    assert!(
        total <= MB,
        "a save with a backup wrote {total} bytes: {written:?}"
    );
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        edited
    );
}

#[test]
fn a_missing_show_file_opens_read_only_says_so_and_the_library_is_whole_once_it_is_there() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = three_shows();
    save(&dir, &library);
    let index = fs::read(dir.join(LIBRARY_FILE)).unwrap();
    // A sync tool delivered the index before the second show's file.
    let late = named_show_file(&dir, 1);
    let held = tmp.path().join("on-its-way.json");
    fs::rename(&late, &held).unwrap();

    let mut opened = Store::open(&dir).unwrap();
    assert!(opened.store.is_read_only() && opened.store.is_waiting_for_shows());
    let [Notice::ShowFilesMissing { .. }] = opened.notices.as_slice() else {
        panic!("{:?}", opened.notices);
    };
    let words = opened.notices[0].to_string();
    let file = format!("shows/{}", late.file_name().unwrap().to_string_lossy());
    assert!(
        words.contains("\u{201c}Harbor Lights\u{201d}")
            && words.contains(&file)
            && words.contains("it is not there")
            && words.contains("read-only"),
        "{words}"
    );
    let shown = opened.library.clone().unwrap();
    assert_eq!(shown.shows[0], library.shows[0], "the others are whole");
    assert_eq!(shown.shows[2], library.shows[2]);
    assert_eq!(shown.shows[1].title, "Harbor Lights");
    assert!(
        shown.shows[1].note.contains(&file),
        "{}",
        shown.shows[1].note
    );
    let refused = opened
        .store
        .save(&SaveRequest::new(shown.clone()))
        .unwrap_err();
    assert!(matches!(refused, StorageError::WaitingForShows { .. }));
    assert!(refused.to_string().contains("Harbor Lights"), "{refused}");
    drop(opened);
    assert_eq!(
        fs::read(dir.join(LIBRARY_FILE)).unwrap(),
        index,
        "never moved aside nor written over"
    );
    assert!(crate::fixture::files_named(&dir, "library.unreadable").is_empty());

    // A damaged file in its place is the same: told, never used, never written over.
    let damaged = b"{\"id\": 9, \"title\": \"cut sh";
    fs::write(&late, damaged).unwrap();
    let opened = Store::open(&dir).unwrap();
    assert!(opened.store.is_waiting_for_shows());
    assert!(
        opened.notices[0].to_string().contains("damaged"),
        "{}",
        opened.notices[0]
    );
    drop(opened);
    assert_eq!(fs::read(dir.join(LIBRARY_FILE)).unwrap(), index);
    assert_eq!(fs::read(&late).unwrap(), damaged, "never written over");

    fs::rename(&held, &late).unwrap();
    let opened = Store::open(&dir).unwrap();
    assert_eq!(opened.notices, []);
    assert!(!opened.store.is_read_only());
    assert_eq!(opened.library, Some(library));
}

/// Another device's save of `base` with the third show's note changed ("From the phone."),
/// written over `dir`'s library as a sync tool delivers it: the index only, its show files
/// returned (not yet in the folder). Returns (that library, the index's bytes, its files).
fn other_device_saved(dir: &Path, base: &Library) -> (Library, Vec<u8>, Vec<storage::DataFile>) {
    let path = dir.join(LIBRARY_FILE);
    let on_disk = Store::load_file(&path).unwrap();
    let mut theirs = base.clone();
    theirs.shows[2].note = "From the phone.".into();
    let (bytes, files) =
        storage::encode_library_file(&theirs, on_disk.revision + 1, &on_disk.lineage.next())
            .unwrap();
    fs::write(&path, &bytes).unwrap();
    let shows = files
        .into_iter()
        .filter(|f| f.dir == storage::DataDir::Shows)
        .collect();
    (theirs, bytes, shows)
}

/// Delivers `files` (show files) into `dir`'s `shows/` folder.
fn deliver(dir: &Path, files: &[storage::DataFile]) {
    for file in files {
        fs::write(dir.join("shows").join(&file.name), file.text.as_bytes()).unwrap();
    }
}

/// Another device's save arrives before its show file: the save here waits (nothing written,
/// the edit kept by the window), then merges once the file is there.
#[test]
fn a_change_from_another_device_waits_for_its_show_file_then_merges() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = three_shows();
    save(&dir, &base);
    let mut opened = Store::open(&dir).unwrap();
    let path = dir.join(LIBRARY_FILE);
    let (_, bytes, late) = other_device_saved(&dir, &base);

    let mut ours = base.clone();
    ours.shows[1].note = "Typed here.".into();
    let waiting = opened
        .store
        .save(&SaveRequest::new(ours.clone()))
        .unwrap_err();
    let words = waiting.to_string();
    assert!(
        words.contains("changed by another program or device")
            && words.contains("Paper Cranes")
            && words.contains("your edits are kept in memory and saving is retried"),
        "{words}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "nothing written over it");

    deliver(&dir, &late);
    let outcome = opened.store.save(&SaveRequest::new(ours.clone())).unwrap();
    let SaveOutcome::ChangedOnDisk {
        base: merge_base,
        theirs: their_library,
        ..
    } = outcome
    else {
        panic!("handed back to merge: {outcome:?}");
    };
    let merged = fan_tracker::model::merge_libraries(&merge_base, &ours, &their_library).library;
    assert_eq!(merged.shows[1].note, "Typed here.");
    assert_eq!(merged.shows[2].note, "From the phone.");
}

/// A backup keeps its own copy of each show file it names (`backups/shows/`, each once): it
/// reads whole with the `shows/` folder gone, so no pruning anywhere (another device's,
/// through a sync tool) can take a backup's data, and a backup stays small.
#[test]
fn a_backup_keeps_its_show_files_and_reads_whole_without_the_shows_folder() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let first = three_shows();
    save(&dir, &first);
    let named = (0..3)
        .map(|i| {
            named_show_file(&dir, i)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect::<std::collections::BTreeSet<_>>();
    let mut opened = Store::open(&dir).unwrap();
    let mut second = first.clone();
    second.shows[2].note = "second".into();
    opened.store.save(&backed_up(&second)).unwrap();
    let backup = opened.store.backups().unwrap()[0].clone();
    drop(opened);
    assert!(
        fs::metadata(&backup).unwrap().len() < 2_000,
        "an index, its show files beside it"
    );
    let kept: std::collections::BTreeSet<String> =
        show_files(&dir.join("backups")).into_iter().collect();
    assert_eq!(kept, named, "each show file the backup names, once");
    fs::remove_dir_all(dir.join("shows")).unwrap();
    let loaded = Store::load_file(&backup).unwrap();
    assert_eq!(loaded.repairs, []);
    assert_eq!(loaded.library, first);
}

/// The version a save started from (the merge base) is kept in memory: when its show files
/// are gone by the time another device's change arrives (pruned there and the removal synced,
/// or deleted by hand), the change is still merged from it, not kept unmerged.
#[test]
fn the_merge_base_is_kept_in_memory_when_its_show_files_are_gone() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = three_shows();
    let mut opened = Store::open(&dir).unwrap();
    opened.store.save(&SaveRequest::new(base.clone())).unwrap();
    let old_file = named_show_file(&dir, 2);
    let (_, _, files) = other_device_saved(&dir, &base);
    deliver(&dir, &files);
    fs::remove_file(&old_file).unwrap();

    let mut ours = base.clone();
    ours.shows[1].note = "Typed here.".into();
    let outcome = opened.store.save(&SaveRequest::new(ours.clone())).unwrap();
    let SaveOutcome::ChangedOnDisk {
        base: merge_base, ..
    } = outcome
    else {
        panic!("merged from the version in memory: {outcome:?}");
    };
    assert_eq!(*merge_base, base);
}

/// Another device's save whose show file never arrives: saves wait two minutes, then the other
/// version is kept whole under a name the conflict-copy merge picks up (once its file is
/// there) and the fan's version is written: the fan's words are not left in memory only.
#[test]
fn a_change_whose_show_file_does_not_arrive_is_kept_aside_after_two_minutes() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = three_shows();
    save(&dir, &base);
    let watched = Watched::default();
    let mut opened = Store::open_with(&dir, Box::new(watched.clone())).unwrap();
    let path = dir.join(LIBRARY_FILE);
    let (theirs, bytes, files) = other_device_saved(&dir, &base);

    let mut ours = base.clone();
    ours.shows[1].note = "Typed here.".into();
    for _ in 0..2 {
        let waiting = opened.store.save(&SaveRequest::new(ours.clone()));
        assert!(
            matches!(waiting, Err(StorageError::Incomplete { .. })),
            "{waiting:?}"
        );
    }
    *watched.ahead.lock().unwrap() = storage::SHOW_FILES_WAIT;
    let outcome = opened.store.save(&SaveRequest::new(ours.clone())).unwrap();
    let SaveOutcome::Written { notices } = outcome else {
        panic!("{outcome:?}");
    };
    let [Notice::KeptWaiting { kept_as }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert_eq!(fs::read(kept_as).unwrap(), bytes, "kept whole");
    let kept_name = kept_as.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        storage::conflict_copy_tool(&kept_name),
        Some(storage::SyncTool::FanTracker),
        "merged like a sync tool's copy: {kept_name}"
    );
    assert!(notices[0].to_string().contains(&kept_name));
    assert_eq!(
        Store::read_library(&path).unwrap(),
        ours,
        "the fan's version"
    );

    // Once its show file is there, the kept copy reads whole, their note in it.
    deliver(&dir, &files);
    assert_eq!(Store::read_library(kept_as).unwrap(), theirs);
}

/// Old show files are removed once no library file needs them and they arrived long ago; those
/// `library.json`, a kept copy or a conflict copy names stay (a backup holds its shows itself).
#[test]
fn old_show_files_no_library_names_are_pruned_and_named_ones_kept() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let mut library = three_shows();
    save(&dir, &library);
    let first = named_show_file(&dir, 1);
    // A conflict copy a sync tool left names the first version of show 3.
    let copy = dir.join("library.sync-conflict-20261207-101010-PHONE01.json");
    fs::copy(dir.join(LIBRARY_FILE), &copy).unwrap();
    let third = named_show_file(&dir, 2);

    let young = Watched::default();
    let mut opened = Store::open_with(&dir, Box::new(young)).unwrap();
    let mut saved_versions = Vec::new();
    for n in 0..3 {
        library.shows[1].note = format!("version {n}");
        library.shows[2].note = format!("version {n}");
        opened.store.save(&backed_up(&library)).unwrap();
        saved_versions.push(named_show_file(&dir, 1));
    }
    drop(opened);
    let count = show_files(&dir).len();
    assert_eq!(count, 3 + 2 * 3, "nothing pruned while young");

    // Every backup but the newest gone (as the ladder drops them over weeks).
    let mut backups: Vec<PathBuf> = fs::read_dir(dir.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    backups.sort();
    let newest_backup = Store::load_file(backups.last().unwrap()).unwrap();
    for old in &backups[..backups.len() - 1] {
        fs::remove_file(old).unwrap();
    }

    let old = Watched {
        age: Some(Duration::from_secs(3 * 24 * 3600)),
        ..Watched::default()
    };
    let mut opened = Store::open_with(&dir, Box::new(old)).unwrap();
    library.shows[0].note = "one more".into();
    opened.store.save(&backed_up(&library)).unwrap();
    drop(opened);
    let left = show_files(&dir);
    assert!(
        !saved_versions[0].exists(),
        "named only by backups that are gone: pruned"
    );
    assert!(
        !saved_versions[1].exists(),
        "the newest backup holds that version itself: pruned"
    );
    assert!(
        first.exists() && third.exists(),
        "the conflict copy names them"
    );
    assert!(saved_versions[2].exists(), "library.json names it");
    assert_eq!(
        left.len(),
        count + 1 - 4,
        "the new file of the first show added; the loop's versions 0 and 1 of the other two \
         pruned: {left:?}"
    );
    // The library, each backup and the conflict copy still read whole.
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        library
    );
    for backup in Store::open(&dir).unwrap().store.backups().unwrap() {
        Store::load_file(&backup).unwrap_or_else(|e| panic!("{}: {e}", backup.display()));
    }
    Store::load_file(&copy).unwrap();
    assert_eq!(
        Store::load_file(backups.last().unwrap()).unwrap().library,
        newest_backup.library
    );
}

/// In the window: a library whose show file has not arrived opens read-only, says which show
/// and why, and offers to open it again; once the file is there, *Open again* shows the whole
/// library and saves from then on.
#[test]
fn the_window_waits_for_a_missing_show_file_and_opens_the_library_again() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = three_shows();
    save(&dir, &library);
    // The show that opens at start is the one whose file is late.
    let late = named_show_file(&dir, 0);
    let held = tmp.path().join("on-its-way.json");
    fs::rename(&late, &held).unwrap();

    let mut harness = launch(&dir, None);
    harness.run();
    assert!(harness.state().is_read_only());
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("is shown read-only"))
        .cloned()
        .expect("the window says so");
    assert!(
        notice.contains(&format!("\u{201c}{}\u{201d}", library.shows[0].title))
            && notice.contains("it is not there"),
        "{notice}"
    );
    assert_eq!(
        harness.state().view.open_article,
        None,
        "a placeholder has none"
    );
    // Nothing is written elsewhere either: the placeholders would pass for the fan's shows.
    let export = tmp.path().join("export.json");
    for command in [
        Command::ExportLibrary(export.clone()),
        Command::SaveToFolder(tmp.path().join("elsewhere")),
        Command::ExportMarkdown {
            dir: tmp.path().join("notes"),
            replace: false,
        },
        Command::WritePredictionsCsv(tmp.path().join("predictions.csv")),
    ] {
        let refused = harness.state_mut().try_apply(command).unwrap_err();
        assert!(refused.to_string().starts_with("Not now"), "{refused}");
    }
    harness.run();
    assert!(!export.exists() && !tmp.path().join("elsewhere").exists());
    assert!(!tmp.path().join("notes").exists() && !tmp.path().join("predictions.csv").exists());
    harness.get_by_label(&notice);
    step_until(&mut harness, "opening again to be offered", |app| {
        app.view.takeover_offered
    });
    harness.run();

    fs::rename(&held, &late).unwrap();
    click(&mut harness, "Open again");
    step_until(&mut harness, "the library opened whole", |app| {
        !app.is_read_only() && app.library().shows[0].threads == library.shows[0].threads
    });
    assert_eq!(
        harness.state().view.open_article,
        Some(library.shows[0].articles[0].id),
        "its article is open again"
    );
    harness.run();
    assert!(
        !harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("is shown read-only")),
        "{:?}",
        harness.state().notices()
    );
    let shown = harness.state().library();
    assert_eq!(shown.shows[1..], library.shows[1..]);
    assert_eq!(shown.shows[0].threads, library.shows[0].threads);
    // It saves from now on.
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the edit saved", App::is_saved);
    let saved = Store::read_library(&dir.join(LIBRARY_FILE)).unwrap();
    assert_eq!(saved.shows[0].threads[0].status, ThreadStatus::Resolved);
    assert_eq!(saved.shows[2], library.shows[2]);
}
