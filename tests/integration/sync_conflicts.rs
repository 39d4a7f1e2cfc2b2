//! Issue 20, items 5, 6 and 8: sync tools' conflict copies merged item by item, moved into
//! `conflicts-merged/` and told; an unreadable one left alone and told once; a backup
//! imported in the window and by the command line (twice adds nothing; refused while a window
//! holds the folder); what differs shown in words.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, Command};
use fan_tracker::model::{
    Article, ArticleEntry, ArticleFormat, ArticleId, Library, Thread, ThreadId, ThreadStatus,
    quoted,
};
use fan_tracker::storage::{self, LIBRARY_FILE, MERGED_DIR, SaveRequest, Store};

use crate::fixture::{TempDir, launch, step_until};

/// Saves `library` as the data folder's library (the store let go at once).
fn save_library(dir: &Path, library: &Library) {
    let mut opened = Store::open(dir).unwrap();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
}

/// Steps the window until it tells that a conflict copy was merged; returns that notice.
fn merged_notice(
    harness: &mut egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
) -> String {
    step_until(harness, "the conflict copy merged and told", |app| {
        notice_containing(app, "a conflict copy").is_some()
    });
    harness.run();
    notice_containing(harness.state(), "a conflict copy").unwrap()
}

/// The default library as another device changed it: a thread added, a note written, and a
/// thread's status set differently than `ours` has it.
fn other_device(ours: &Library) -> Library {
    let mut theirs = ours.clone();
    let id = ThreadId(theirs.allocate_id());
    theirs.shows[0]
        .threads
        .push(Thread::new(id, "Added on the laptop", None));
    theirs.shows[0].threads[1].note = "written on the laptop".into();
    theirs
}

fn notice_containing(app: &App, text: &str) -> Option<String> {
    app.notices().iter().find(|n| n.contains(text)).cloned()
}

/// The merged copy `name` is in `conflicts-merged/` byte for byte (`bytes`), and once the
/// merge is saved the library file holds `library`.
fn kept_whole_and_saved(
    harness: &mut egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
    dir: &Path,
    name: &str,
    bytes: &[u8],
    library: &Library,
) {
    assert_eq!(
        std::fs::read(dir.join(MERGED_DIR).join(name)).unwrap(),
        bytes,
        "kept whole in conflicts-merged/"
    );
    step_until(harness, "the merge saved", App::is_saved);
    assert_eq!(
        &Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        library
    );
}

/// A conflict copy named `name` in a data folder is merged at launch, moved into
/// `conflicts-merged/`, and the window says what was merged from where.
fn a_conflict_copy_is_merged_moved_and_told(name: &str, tool: &str) {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let ours = Library::default();
    save_library(&dir, &ours);
    let bytes = storage::encode(&other_device(&ours)).unwrap();
    std::fs::write(dir.join(name), &bytes).unwrap();

    let mut harness = launch(&dir, None);
    let notice = merged_notice(&mut harness);
    assert!(notice.contains(tool), "{notice}");
    assert!(notice.contains(name), "{notice}");
    assert!(notice.contains("1 thread added"), "{notice}");
    assert!(notice.contains(MERGED_DIR), "{notice}");
    harness.get_by_label(&notice);

    let library = harness.state().library().clone();
    assert!(library.threads().any(|t| t.title == "Added on the laptop"));
    assert_eq!(library.shows[0].threads[1].note, "written on the laptop");
    assert!(!dir.join(name).exists(), "moved away");
    kept_whole_and_saved(&mut harness, &dir, name, &bytes, &library);
}

#[test]
fn a_syncthing_conflict_copy_is_merged_moved_and_told() {
    a_conflict_copy_is_merged_moved_and_told(
        "library.sync-conflict-20261207-013045-ABCDEF7.json",
        "Syncthing",
    );
}

/// `library.json` a link into a synced folder (DATA-SAFETY 9): Syncthing carries the file the
/// link points at (`fan.json`) and leaves its copy beside it, named after it. It is merged at
/// launch, moved into `conflicts-merged/` beside it, and told.
#[cfg(unix)]
#[test]
fn a_conflict_copy_beside_a_linked_librarys_file_is_merged_moved_and_told() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let synced = tmp.path().join("Sync");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&synced).unwrap();
    std::os::unix::fs::symlink(synced.join("fan.json"), dir.join(LIBRARY_FILE)).unwrap();
    let ours = Library::default();
    save_library(&dir, &ours);
    assert!(
        synced.join("fan.json").is_file(),
        "written through the link"
    );
    let name = "fan.sync-conflict-20261207-013045-ABCDEF7.json";
    let bytes = storage::encode(&other_device(&ours)).unwrap();
    std::fs::write(synced.join(name), &bytes).unwrap();

    let mut harness = launch(&dir, None);
    let notice = merged_notice(&mut harness);
    assert!(
        notice.contains("Syncthing") && notice.contains(name),
        "{notice}"
    );
    let library = harness.state().library().clone();
    assert!(library.threads().any(|t| t.title == "Added on the laptop"));
    assert!(!synced.join(name).exists(), "moved away");
    assert_eq!(
        std::fs::read(synced.join(MERGED_DIR).join(name)).unwrap(),
        bytes,
        "kept whole in conflicts-merged/ beside it"
    );
    step_until(&mut harness, "the merge saved", App::is_saved);
    assert!(dir.join(LIBRARY_FILE).is_symlink(), "the link kept");
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        library
    );
}

#[test]
fn a_dropbox_conflict_copy_is_merged_moved_and_told() {
    a_conflict_copy_is_merged_moved_and_told(
        "library (Jane Doe's conflicted copy 2026-12-07).json",
        "Dropbox",
    );
}

#[test]
fn a_nextcloud_conflict_copy_is_merged_moved_and_told() {
    a_conflict_copy_is_merged_moved_and_told(
        "library (conflicted copy 2026-12-07 013045).json",
        "Nextcloud",
    );
}

/// One appearing while the window is open is merged too, and what differs is shown in words
/// (the fan's value kept, the other named); Undo does not take the other device's words back.
#[test]
fn a_conflict_copy_arriving_while_running_is_merged_and_what_differs_is_shown_in_words() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let mut harness = launch(&dir, None);
    step_until(&mut harness, "the first save", App::is_saved);
    let ours = harness.state().library().clone();
    let mut theirs = other_device(&ours);
    let title = theirs.shows[0].threads[0].title.clone();
    theirs.shows[0].threads[0].status = ThreadStatus::Dropped;
    let name = "library.sync-conflict-20261207-020000-QWERTY1.json";
    std::fs::write(dir.join(name), storage::encode(&theirs).unwrap()).unwrap();

    let notice = merged_notice(&mut harness);
    let words = format!(
        "One thing differs, yours kept: the thread {}: status is \"open\" here and \"dropped\" in the other copy; \"open\" is kept.",
        quoted(&title)
    );
    assert!(notice.contains(&words), "{notice}");
    assert!(
        notice.contains(&format!("It is kept in {MERGED_DIR}/{name}."))
            && notice.contains("The other values are in that copy."),
        "{notice}"
    );
    // Kept for review beyond the notice: every difference in full beside the copy.
    let listed = "library.sync-conflict-20261207-020000-QWERTY1.differences.txt";
    assert!(
        notice.ends_with(&format!(
            "Every difference, in full, is listed in {MERGED_DIR}/{listed}."
        )),
        "{notice}"
    );
    let differences = std::fs::read_to_string(dir.join(MERGED_DIR).join(listed)).unwrap();
    assert!(
        differences.contains(&format!(
            "- the thread {}, status:\n    here: open\n    in the other copy: dropped\n",
            quoted(&title)
        )),
        "{differences}"
    );
    harness.get_by_label(&notice);
    let library = harness.state().library().clone();
    assert_eq!(library.shows[0].threads[0].status, ThreadStatus::Open);
    assert!(library.threads().any(|t| t.title == "Added on the laptop"));

    harness.state_mut().push(Command::Undo);
    harness.run();
    assert!(
        harness
            .state()
            .library()
            .threads()
            .any(|t| t.title == "Added on the laptop"),
        "Undo never takes back what another device wrote"
    );
}

/// An unreadable conflict copy is left where it is, byte for byte, and told once: dismissed,
/// it does not come back while the file is the same; changed, it is read (and told) again.
#[test]
fn an_unreadable_conflict_copy_is_left_alone_and_told_once() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    save_library(&dir, &Library::default());
    let name = "library (conflicted copy 2026-12-07 013045).json";
    let path = dir.join(name);
    std::fs::write(&path, b"{\"format_version\": 3, \"shows\": [").unwrap();

    let mut harness = launch(&dir, None);
    let told = |app: &App| notice_containing(app, "could not be read");
    step_until(&mut harness, "the unreadable copy told", |app| {
        told(app).is_some()
    });
    let notice = told(harness.state()).unwrap();
    assert!(
        notice.contains(name) && notice.contains("left where it is"),
        "{notice}"
    );
    let index = harness
        .state()
        .notices()
        .iter()
        .position(|n| *n == notice)
        .unwrap();
    harness.state_mut().push(Command::DismissNotice(index));
    harness.run();
    // Two more looks at the folder.
    let later = std::time::Instant::now() + fan_tracker::app::CONFLICT_POLL * 2;
    while std::time::Instant::now() < later {
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.step();
    }
    assert!(told(harness.state()).is_none(), "told once, not every look");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"{\"format_version\": 3, \"shows\": [",
        "left alone"
    );
    assert!(!dir.join(MERGED_DIR).exists());

    std::fs::write(&path, b"still not a library").unwrap();
    step_until(&mut harness, "the changed copy told again", |app| {
        told(app).is_some()
    });
}

/// *File → Import backup…*'s command: a backup merged as one undoable step; twice adds
/// nothing; a file that is no library is refused in words.
#[test]
fn a_backup_imported_in_the_window_twice_adds_nothing_and_undo_takes_it_back() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let mut harness = launch(&dir, None);
    let before = harness.state().library().clone();
    let backup = tmp.write(
        "backup.json",
        storage::encode(&other_device(&before)).unwrap(),
    );
    for _ in 0..2 {
        harness
            .state_mut()
            .push(Command::ImportBackup(backup.clone()));
        harness.run();
    }
    let library = harness.state().library().clone();
    let added = library
        .threads()
        .filter(|t| t.title == "Added on the laptop")
        .count();
    assert_eq!(added, 1, "no duplicates");
    assert!(
        notice_containing(
            harness.state(),
            "Imported the backup backup.json into your library: nothing new."
        )
        .is_some(),
        "{:?}",
        harness.state().notices()
    );
    harness.state_mut().push(Command::Undo);
    harness.run();
    // A file that is no library: said in words, nothing changed.
    let undone = harness.state().library().clone();
    let not = tmp.write("notes.json", "not a library");
    harness.state_mut().push(Command::ImportBackup(not));
    harness.run();
    assert!(
        notice_containing(
            harness.state(),
            "The backup could not be imported, so nothing was changed:"
        )
        .is_some_and(|n| n.contains("notes.json could not be read")),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(harness.state().library(), &undone);
    // (The id counter stays where it was: ids are never handed out twice.)
    assert_eq!(
        harness.state().library().shows,
        before.shows,
        "Undo takes the import back"
    );
}

fn fan_tracker(dir: &Path) -> Process {
    let mut command = Process::new(env!("CARGO_BIN_EXE_fan-tracker"));
    command
        .env_remove("FAN_TRACKER_DATA_DIR")
        .arg("--data-dir")
        .arg(dir);
    command
}

fn import_backup(dir: &Path, file: &Path) -> std::process::Output {
    fan_tracker(dir)
        .arg("import-backup")
        .arg(file)
        .output()
        .unwrap()
}

fn library_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walk(dir);
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                let bytes = std::fs::read(&path).unwrap();
                vec![(path, bytes)]
            }
        })
        .collect()
}

/// `export --json` → `import-backup` into an empty folder → the same library; importing it
/// twice adds nothing.
#[test]
fn cli_export_then_import_into_an_empty_folder_is_the_same_library_and_twice_adds_nothing() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = other_device(&Library::default());
    save_library(&dir, &library);
    let export = tmp.path().join("export.json");
    let out = fan_tracker(&dir)
        .args(["export", "--json"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let empty = tmp.path().join("empty");
    let out = import_backup(&empty, &export);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported = Store::read_library(&empty.join(LIBRARY_FILE)).unwrap();
    assert_eq!(imported, library);

    let out = import_backup(&empty, &export);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("nothing new"), "{said}");
    assert_eq!(
        Store::read_library(&empty.join(LIBRARY_FILE)).unwrap(),
        library
    );
}

/// What differs is listed in words, the library's own value kept.
#[test]
fn cli_import_lists_what_differs_in_words() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let ours = Library::default();
    save_library(&dir, &ours);
    let mut theirs = other_device(&ours);
    theirs.shows[0].threads[0].status = ThreadStatus::Resolved;
    let backup = tmp.write("backup.json", storage::encode(&theirs).unwrap());
    let out = import_backup(&dir, &backup);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 thread added"), "{said}");
    assert!(
        said.contains(
            "status is \"open\" here and \"resolved\" in the other copy; \"open\" is kept"
        ),
        "{said}"
    );
    let saved = Store::read_library(&dir.join(LIBRARY_FILE)).unwrap();
    assert_eq!(saved.shows[0].threads[0].status, ThreadStatus::Open);
    assert_eq!(saved.threads().count(), ours.threads().count() + 1);
    // The library from before is kept as a backup.
    let newest = &storage::list_backups(&dir).unwrap()[0];
    assert_eq!(Store::read_library(newest).unwrap(), ours);
}

/// While a window holds the folder: a clear refusal on stderr, status 1, nothing changed.
#[test]
fn cli_import_is_refused_while_a_window_holds_the_folder() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let ours = Library::default();
    let window = Store::open(&dir).unwrap();
    let mut store = window.store;
    store.save(&SaveRequest::new(ours.clone())).unwrap();
    let said = import_refused(&tmp, &dir, &ours);
    assert!(
        said.contains("a Fan Tracker window is using the data folder")
            && said.contains("nothing was imported or changed"),
        "{said}"
    );
    drop(store);
}

/// Imports another device's version of `ours` into `dir` with the command line, which must
/// refuse (status 1) and change nothing in the folder; returns what it said.
fn import_refused(tmp: &TempDir, dir: &Path, ours: &Library) -> String {
    let backup = tmp.write("backup.json", storage::encode(&other_device(ours)).unwrap());
    let before = library_files(dir);
    let out = import_backup(dir, &backup);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(library_files(dir), before, "nothing changed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A library waiting for a show file (format 5) is not imported into: the command line says
/// which file is missing, and nothing changes.
#[test]
fn cli_import_is_refused_while_a_show_file_is_missing() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let ours = Library::default();
    save_library(&dir, &ours);
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(LIBRARY_FILE)).unwrap()).unwrap();
    let hash = index["library"]["shows"][0]["file_sha256"]
        .as_str()
        .unwrap();
    std::fs::remove_file(dir.join("shows").join(format!("{hash}.json"))).unwrap();
    let said = import_refused(&tmp, &dir, &ours);
    assert!(
        said.contains("is not whole, so nothing was imported or changed")
            && said.contains(hash)
            && !said.contains("window is using"),
        "{said}"
    );
}

/// A file that is not a library is refused in words before the folder is touched.
#[test]
fn cli_import_of_a_file_that_is_no_library_is_refused() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let not = tmp.write("notes.json", "not a library");
    let out = import_backup(&dir, &not);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("notes.json could not be read"), "{said}");
    assert!(!dir.exists(), "no data folder made");
}

/// Another device's save of `library`, as a sync tool carries it: saved in a data folder of
/// its own that started as a copy of `dir` (so it descends from `dir`'s last save, save ids
/// and all). Its show files come back to `dir` (content-addressed, they never clash); its new
/// article files stay on that device. Returns the library file's bytes.
fn saved_on_another_device(tmp: &TempDir, dir: &Path, library: &Library) -> Vec<u8> {
    let other = tmp.path().join("laptop");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(dir.join(LIBRARY_FILE), other.join(LIBRARY_FILE)).unwrap();
    copy_files(&dir.join("articles"), &other.join("articles"));
    copy_files(&dir.join("shows"), &other.join("shows"));
    save_library(&other, library);
    copy_files(&other.join("shows"), &dir.join("shows"));
    std::fs::read(other.join(LIBRARY_FILE)).unwrap()
}

/// Copies each file of the folder `from` into `to` (created when missing).
fn copy_files(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

/// Saves `library` over the data folder's, the one it replaces kept as a backup.
fn save_with_backup(dir: &Path, library: &Library) {
    let mut opened = Store::open(dir).unwrap();
    let request = SaveRequest {
        force_backup: true,
        ..SaveRequest::new(library.clone())
    };
    opened.store.save(&request).unwrap();
}

/// A conflict copy saved on another device from a save this folder keeps (a backup) is merged
/// three ways, like a change made behind the app: what only the other device changed is
/// taken, what was deleted here stays deleted, and where both changed a note both are kept
/// and told.
#[test]
fn a_conflict_copy_from_another_device_is_merged_from_the_version_both_started_from() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = Library::default();
    save_library(&dir, &base);
    let mut theirs = base.clone();
    theirs.shows[0].title = "Renamed on the laptop".into();
    theirs.shows[0].threads[0].status = ThreadStatus::Resolved;
    theirs.shows[0].threads[0].note = "from the laptop".into();
    let bytes = saved_on_another_device(&tmp, &dir, &theirs);
    let mut ours = base.clone();
    let deleted = ours.shows[0].threads.remove(1);
    ours.shows[0].threads[0].note = "from the desk".into();
    save_with_backup(&dir, &ours);
    let name = "library.sync-conflict-20261207-030000-LAPTOP1.json";
    std::fs::write(dir.join(name), &bytes).unwrap();

    let mut harness = launch(&dir, None);
    let notice = merged_notice(&mut harness);
    assert!(
        notice.contains(
            "into your library, from the version both started from: 2 changes made there taken."
        ),
        "{notice}"
    );
    let title = &ours.shows[0].threads[0].title;
    assert!(
        notice.contains(&format!(
            "One thing differs, yours kept: the thread {}: note is \"from the desk\" here and \"from the laptop\" in the other copy; the other note is added below yours, marked.",
            quoted(title)
        )),
        "{notice}"
    );
    harness.get_by_label(&notice);
    let library = harness.state().library().clone();
    assert_eq!(library.shows[0].title, "Renamed on the laptop");
    assert_eq!(library.shows[0].threads[0].status, ThreadStatus::Resolved);
    assert_eq!(
        library.shows[0].threads[0].note,
        "from the desk\n\n[From the other copy]\nfrom the laptop"
    );
    assert!(
        !library.threads().any(|t| t.id == deleted.id),
        "a thread deleted here stays deleted"
    );
    kept_whole_and_saved(&mut harness, &dir, name, &bytes, &library);
}

/// A conflict copy naming an article file that has not arrived yet says so in words, and the
/// article is added once, showing the placeholder.
#[test]
fn a_conflict_copy_whose_new_article_file_has_not_arrived_says_so() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = Library::default();
    save_library(&dir, &base);
    let mut theirs = base.clone();
    let id = ArticleId(theirs.allocate_id());
    theirs.shows[0].articles.push(ArticleEntry::new(
        id,
        Article {
            title: "Laptop news".into(),
            as_of: None,
            format: ArticleFormat::PlainText,
            body: "Filming starts in spring.".into(),
            source_path: None,
            source_url: None,
        },
    ));
    let bytes = saved_on_another_device(&tmp, &dir, &theirs);
    let name = "library (conflicted copy 2026-12-07 030000).json";
    std::fs::write(dir.join(name), &bytes).unwrap();

    let mut harness = launch(&dir, None);
    let notice = merged_notice(&mut harness);
    assert!(notice.contains("1 article added"), "{notice}");
    assert!(
        notice.contains("While it was read: the text of the article \u{201c}Laptop news\u{201d} is missing: articles/"),
        "{notice}"
    );
    let library = harness.state().library().clone();
    let added: Vec<_> = library
        .articles()
        .filter(|a| a.article.title == "Laptop news")
        .collect();
    assert_eq!(added.len(), 1);
}

/// A conflict copy (format 5) whose show file a sync tool has not delivered yet is not taken
/// for an unreadable one: the window says it waits, leaves it in place, and merges it once the
/// show file arrives (the watcher looks again when the `shows` folder changes).
#[test]
fn a_conflict_copy_whose_show_file_has_not_arrived_waits_and_is_merged_once_it_is_there() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = Library::default();
    save_library(&dir, &base);
    let mut theirs = base.clone();
    theirs.shows[0].threads[1].note = "written on the laptop".into();
    let bytes = saved_on_another_device(&tmp, &dir, &theirs);
    let index: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let hash = index["library"]["shows"][0]["file_sha256"]
        .as_str()
        .unwrap();
    let late = dir.join("shows").join(format!("{hash}.json"));
    let held = tmp.path().join("on-its-way.json");
    std::fs::rename(&late, &held).unwrap();
    let name = "library.sync-conflict-20261207-050000-LAPTOP1.json";
    std::fs::write(dir.join(name), &bytes).unwrap();

    let mut harness = launch(&dir, None);
    step_until(&mut harness, "the copy told to be waiting", |app| {
        notice_containing(app, "is waiting for files of its own").is_some()
    });
    let notice = notice_containing(harness.state(), "is waiting for files of its own").unwrap();
    assert!(notice.contains(name) && notice.contains(hash), "{notice}");
    assert!(!notice.contains("could not be read"), "{notice}");
    assert!(dir.join(name).exists(), "left where it is");
    assert_ne!(
        harness.state().library().shows[0].threads[1].note,
        "written on the laptop"
    );

    std::fs::rename(&held, &late).unwrap();
    step_until(
        &mut harness,
        "the copy merged once its file is there",
        |app| app.library().shows[0].threads[1].note == "written on the laptop",
    );
    step_until(&mut harness, "the merged copy moved away", |_| {
        !dir.join(name).exists()
    });
    assert!(dir.join(MERGED_DIR).join(name).exists());
}

/// A backup whose article file is not beside it: the command line says the text is missing,
/// and the article, matched by its content hash, is not added again.
#[test]
fn cli_import_says_an_article_text_is_missing_and_matches_the_article_by_its_hash() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let ours = Library::default();
    save_library(&dir, &ours);
    std::fs::create_dir_all(tmp.path().join("elsewhere")).unwrap();
    let copy = tmp.path().join("elsewhere").join("copy.json");
    std::fs::copy(dir.join(LIBRARY_FILE), &copy).unwrap();
    // Its show files beside it, not its article files.
    copy_files(
        &dir.join("shows"),
        &tmp.path().join("elsewhere").join("shows"),
    );
    let out = import_backup(&dir, &copy);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("nothing new"), "{said}");
    assert!(
        said.contains("was read: the text of the article \u{201c}"),
        "{said}"
    );
    assert!(said.contains("is missing"), "{said}");
    let saved = Store::read_library(&dir.join(LIBRARY_FILE)).unwrap();
    assert_eq!(saved.articles().count(), ours.articles().count());
}
