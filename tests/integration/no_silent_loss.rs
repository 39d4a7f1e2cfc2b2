//! Issue 16, "no silent loss, round three": each kind of loss found by the third hostile run,
//! as a test (docs/DATA-SAFETY.md names each with its promise).

use std::fs;
use std::path::Path;

use egui_kittest::kittest::Queryable as _;

use fan_tracker::app::{App, AppOptions, Command};
use fan_tracker::model::{Library, merge_libraries};
use fan_tracker::storage::{
    self, LIBRARY_FILE, LOCK_FILE, Notice, SaveOutcome, SaveRequest, Store,
};

use crate::fixture::{
    RENEWAL, TempDir, build, click, close, drag, files_named, launch, leave_field,
    resolved_checkbox, step_until, type_into, value_containing,
};

fn library_with_note(note: &str) -> Library {
    let mut library = Library::default();
    library.shows[0].articles[0].note = note.to_owned();
    library
}

/// Saves `library` through a store of its own in `dir` (a window that closed).
fn save_in(dir: &Path, library: &Library, force_backup: bool) {
    let mut opened = Store::open(dir).unwrap();
    let request = SaveRequest {
        force_backup,
        ..SaveRequest::new(library.clone())
    };
    assert!(matches!(
        opened.store.save(&request).unwrap(),
        SaveOutcome::Written { .. }
    ));
}

/// Item 3: library.json deleted after the last save, then the window closes: it is written
/// back, not left missing for the next start to replace with the sample library.
#[test]
fn a_library_deleted_behind_the_app_is_written_back_on_quit() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut harness = launch(&tmp.data_dir(), None);
    type_into(&mut harness, "Article note", "my own words");
    leave_field(&mut harness);
    step_until(&mut harness, "the save", App::is_saved);
    fs::remove_file(&path).unwrap();
    close(harness);
    let back = Store::read_library(&path).expect("written back on quit");
    assert_eq!(back.shows[0].articles[0].note, "my own words");
}

/// Item 3: a start that finds no library but backups says so, names the newest and opens the
/// restore window with it first: never a silent fresh start.
#[test]
fn a_start_with_no_library_but_backups_offers_the_newest() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    save_in(&dir, &library_with_note("older"), false);
    save_in(&dir, &library_with_note("newest words"), true);
    save_in(&dir, &library_with_note("last"), true);
    fs::remove_file(dir.join(LIBRARY_FILE)).unwrap();
    let newest = storage::list_backups(&dir).unwrap()[0].clone();
    assert_eq!(
        Store::read_library(&newest).unwrap().shows[0].articles[0].note,
        "newest words"
    );

    let mut harness = build(&dir, None);
    // Listed, and each backup read to preview it, by a job.
    step_until(&mut harness, "the backups listed", |app| {
        app.view.backups.is_some()
    });
    let name = newest.file_name().unwrap().to_string_lossy().into_owned();
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("There is no library file"))
        .expect("the missing library is told")
        .clone();
    assert!(notice.contains(&name), "names the newest backup: {notice}");
    let listed = harness.state().view.backups.clone();
    let Some(Ok(listed)) = listed else {
        panic!("the restore window is open: {listed:?}");
    };
    assert_eq!(listed[0].path, newest, "the newest offered first");
    assert!(
        listed[0].preview.describe().contains("1 show, "),
        "each backup says what it holds: {:?}",
        listed[0].preview
    );
    drop(harness);
    assert!(newest.exists(), "nothing was pruned or written over it");
}

/// Item 4: the lock cannot be used (here a folder where the lock file goes): the fan's own
/// library is shown read-only, with the reason, and nothing is written.
#[test]
fn an_unusable_lock_shows_the_fans_library_read_only_and_writes_nothing() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    save_in(&dir, &library_with_note("the fan's own words"), false);
    let lock = dir.join(LOCK_FILE);
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();
    let saved = fs::read(dir.join(LIBRARY_FILE)).unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing(&dir);

    let mut harness = build(&dir, None);
    assert!(harness.state().is_read_only());
    assert_eq!(
        harness.state().library().shows[0].articles[0].note,
        "the fan's own words",
        "the fan's library, not the sample"
    );
    harness.get_by_label_contains("cannot be written (");
    click(&mut harness, &resolved_checkbox(RENEWAL));
    assert!(!harness.state().has_unsaved_changes());
    let mut app = harness.into_state();
    app.shutdown();
    drop(app);
    assert_eq!(fs::read(dir.join(LIBRARY_FILE)).unwrap(), saved);
    assert_eq!(listing(&dir), before, "nothing written into the folder");
}

/// Item 4: keeping edits elsewhere never writes into the data folder that could not be used
/// (here `library.json` is a folder), neither as an export nor as a new data folder.
#[test]
fn keeping_edits_elsewhere_never_writes_into_the_data_folder() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(dir.join(LIBRARY_FILE)).unwrap();
    let mut app = App::new(
        AppOptions {
            data_dir: dir.clone(),
            open_file: None,
        },
        None,
    );
    assert!(app.has_no_folder());
    app.wait_for_jobs(true);
    let inside = dir.join("library-export.json");
    app.push(Command::ExportLibrary(inside.clone()));
    app.push(Command::SaveToFolder(dir.join("rescue")));
    app.after_frame();
    assert!(!inside.exists());
    assert!(!dir.join("rescue").exists());
    let refusals = app
        .notices()
        .iter()
        .filter(|n| n.contains("is inside the data folder"))
        .count();
    assert_eq!(refusals, 2, "{:?}", app.notices());
    let outside = tmp.path().join("kept.json");
    app.push(Command::ExportLibrary(outside.clone()));
    app.after_frame();
    assert!(Store::read_library(&outside).is_ok(), "elsewhere works");
}

/// Item 5: a FIFO as `ui-state.json` (which would wait for a writer forever) does not stop the
/// window: it opens on the library.
#[cfg(unix)]
#[test]
fn a_fifo_as_the_window_state_never_stops_the_window() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    save_in(&dir, &library_with_note("still here"), false);
    let state = dir.join("ui-state.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&state)
            .status()
            .unwrap()
            .success()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let data = dir.clone();
    std::thread::spawn(move || {
        let harness = build(&data, None);
        let note = harness.state().library().shows[0].articles[0].note.clone();
        let _ = tx.send(note);
    });
    let note = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the window appeared");
    assert_eq!(note, "still here");
    use std::os::unix::fs::FileTypeExt as _;
    assert!(fs::symlink_metadata(&state).unwrap().file_type().is_fifo());
}

/// Writes `library` over the file as another device's save forked from `from` (the save both
/// devices started from): same revision as this window's save, its own save id.
fn write_fork(path: &Path, from: &[u8], change: impl FnOnce(&mut Library)) -> Vec<u8> {
    let base = storage::decode_file_at(from, path).unwrap();
    let mut theirs = base.library.clone();
    change(&mut theirs);
    let lineage = storage::Lineage {
        save_id: "0ther0device0001".into(),
        based_on: std::iter::once(base.lineage.save_id.clone())
            .chain(base.lineage.based_on.clone())
            .collect(),
    };
    let bytes = storage::encode_save(&theirs, base.revision + 1, &lineage).unwrap();
    fs::write(path, &bytes).unwrap();
    bytes
}

/// Item 1, in the store: two devices save from one revision. The other device's copy is
/// told as a fork, kept whole, and merged from the save both started from: the fan's saved
/// words stay (they are not taken for older), the other side's other changes come in.
#[test]
fn a_sync_fork_keeps_both_saves_and_is_told() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let path = dir.join(LIBRARY_FILE);
    save_in(&dir, &library_with_note("start"), false);
    let start = fs::read(&path).unwrap();
    let mut opened = Store::open(&dir).unwrap();
    let base = opened.library.clone().unwrap();
    let mut mine = base.clone();
    mine.shows[0].articles[0].note = "the fan's saved words".into();
    opened.store.save(&SaveRequest::new(mine.clone())).unwrap();
    // The other device saved from `start` too: a note of its own, and a thread note.
    let theirs_bytes = write_fork(&path, &start, |l| {
        l.shows[0].articles[0].note = "the other device's words".into();
        l.shows[0].threads[1].note = "from my phone".into();
    });
    // The fan has not touched the note since; another edit here.
    mine.shows[0].note = "a show note".into();
    let outcome = opened.store.save(&SaveRequest::new(mine.clone())).unwrap();
    let SaveOutcome::ChangedOnDisk {
        base: fork_base,
        theirs,
        backup,
        fork_copy: Some(kept_as),
        ..
    } = outcome
    else {
        panic!("a fork is told as one: {outcome:?}");
    };
    assert_eq!(fs::read(&kept_as).unwrap(), theirs_bytes, "kept whole");
    assert_eq!(
        fork_base.shows[0].articles[0].note, "start",
        "merged from the save both had"
    );
    let merged = merge_libraries(&fork_base, &mine, &theirs);
    assert_eq!(
        merged.library.shows[0].articles[0].note,
        "the fan's saved words"
    );
    assert_eq!(merged.library.shows[0].threads[1].note, "from my phone");
    assert!(merged.conflicts > 0);
    assert_eq!(
        Store::read_library(&backup).unwrap().shows[0].note,
        "a show note"
    );
}

/// Item 1, at closing: a fork that arrives after the last save, with nothing left to save,
/// is kept whole and merged with the fan's version, so the next start shows both.
#[test]
fn a_sync_fork_arriving_before_closing_is_kept_and_merged() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let path = dir.join(LIBRARY_FILE);
    save_in(&dir, &library_with_note("start"), false);
    let start = fs::read(&path).unwrap();
    let mut opened = Store::open(&dir).unwrap();
    let mut mine = opened.library.clone().unwrap();
    mine.shows[0].articles[0].note = "the fan's saved words".into();
    opened.store.save(&SaveRequest::new(mine)).unwrap();
    let theirs_bytes = write_fork(&path, &start, |l| {
        l.shows[0].threads[1].note = "from my phone".into();
    });
    let notices = opened.store.close().unwrap();
    assert!(
        matches!(notices.as_slice(), [Notice::Forked { merged: true, .. }]),
        "{notices:?}"
    );
    drop(opened);
    let copies = files_named(&dir, "library.conflict-");
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read(&copies[0]).unwrap(), theirs_bytes);
    let next_start = Store::open(&dir).unwrap().library.unwrap();
    assert_eq!(
        next_start.shows[0].articles[0].note,
        "the fan's saved words"
    );
    assert_eq!(next_start.shows[0].threads[1].note, "from my phone");
}

/// Item 1, in the window: the fork is told ("forked"), the fan's words stay on screen and on
/// disk, the other device's version is kept whole, and the backup the notice names is still
/// there after many more merges (pinned until the notice is dismissed).
#[test]
fn a_sync_fork_in_the_window_keeps_the_fans_words_and_the_named_backup() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let path = dir.join(LIBRARY_FILE);
    let mut harness = launch(&dir, None);
    type_into(&mut harness, "Article note", "start");
    leave_field(&mut harness);
    step_until(&mut harness, "the first save", App::is_saved);
    let start = fs::read(&path).unwrap();
    type_into(&mut harness, "Article note", " and the fan's saved words");
    leave_field(&mut harness);
    step_until(&mut harness, "the second save", App::is_saved);
    let theirs_bytes = write_fork(&path, &start, |l| {
        l.shows[0].articles[0].note = "the other device's words".into();
    });
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the merge saved", App::is_saved);
    harness.run();
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("forked"))
        .expect("the fork is told")
        .clone();
    harness.get_by_label(&notice);
    let copies = files_named(&dir, "library.conflict-");
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read(&copies[0]).unwrap(), theirs_bytes);
    let backup = storage::list_backups(&dir).unwrap()[0].clone();
    assert!(notice.contains(&*backup.file_name().unwrap().to_string_lossy()));
    let words = "start and the fan's saved words";
    assert_eq!(harness.state().library().shows[0].articles[0].note, words);
    assert_eq!(
        Store::read_library(&path).unwrap().shows[0].articles[0].note,
        words
    );

    // Six more changes made behind the app, each merged with a backup of its own.
    for n in 0..6 {
        let current = fs::read(&path).unwrap();
        let loaded = storage::decode_file_at(&current, &path).unwrap();
        let mut theirs = loaded.library.clone();
        theirs.shows[0].threads[2].note = format!("sync {n}");
        let lineage = storage::Lineage {
            save_id: format!("0ther0device01{n:02}"),
            based_on: vec![loaded.lineage.save_id.clone()],
        };
        fs::write(
            &path,
            storage::encode_save(&theirs, loaded.revision + 1, &lineage).unwrap(),
        )
        .unwrap();
        let show = &harness.state().library().shows[0];
        let change = fan_tracker::app::Change::SetShowNote(show.id, format!("{}{n}", show.note));
        harness.state_mut().push(Command::Change(change));
        harness.run();
        step_until(&mut harness, "the merge saved", App::is_saved);
    }
    assert!(backup.exists(), "the backup named in the notice is kept");
    let forked = harness
        .state()
        .notices()
        .iter()
        .position(|n| n.contains("forked"))
        .unwrap();
    let merges: Vec<&String> = harness
        .state()
        .notices()
        .iter()
        .filter(|n| n.contains("merged with yours"))
        .collect();
    assert_eq!(merges.len(), 1, "one counted notice: {merges:?}");
    assert!(merges[0].contains("6 times"), "{}", merges[0]);
    harness.state_mut().push(Command::DismissNotice(forked));
    harness.run();
    assert!(
        !harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("forked")),
        "dismissed"
    );
}

/// Item 2: Ctrl+Z right after a merge takes back the fan's own edit, never the other side's
/// words: they stay in the window and in the file.
#[test]
fn undo_after_a_merge_never_erases_the_other_side() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let path = dir.join(LIBRARY_FILE);
    let mut harness = launch(&dir, None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the first save", App::is_saved);
    // Another Fan Tracker that had read this save writes a note.
    let current = fs::read(&path).unwrap();
    let loaded = storage::decode_file_at(&current, &path).unwrap();
    let mut theirs = loaded.library.clone();
    theirs.shows[0].threads[3].note = "from my phone".into();
    let lineage = storage::Lineage {
        save_id: "0ther0device0002".into(),
        based_on: vec![loaded.lineage.save_id.clone()],
    };
    fs::write(
        &path,
        storage::encode_save(&theirs, loaded.revision + 1, &lineage).unwrap(),
    )
    .unwrap();
    type_into(&mut harness, "Article note", "typed here");
    leave_field(&mut harness);
    step_until(&mut harness, "the merge saved", App::is_saved);
    harness.run();
    assert_eq!(
        harness.state().library().shows[0].threads[3].note,
        "from my phone"
    );
    harness.state_mut().push(Command::Undo);
    harness.run();
    step_until(&mut harness, "the undo saved", App::is_saved);
    let shown = harness.state().library();
    assert_eq!(
        shown.shows[0].articles[0].note, "",
        "the fan's typing undone"
    );
    assert_eq!(shown.shows[0].threads[3].note, "from my phone");
    let on_disk = Store::read_library(&path).unwrap();
    assert_eq!(on_disk.shows[0].threads[3].note, "from my phone");
}

/// Item 10: deleting a show with its articles asks first; Cancel keeps everything, and only
/// "Delete show" removes it.
#[test]
fn deleting_a_show_asks_first() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let title = harness.state().library().shows[0].full_title();
    for answer in ["Cancel", "Delete show"] {
        click(&mut harness, "File");
        click(&mut harness, "Remove this show from the library…");
        assert_eq!(
            harness.state().library().shows.len(),
            1,
            "not before asking"
        );
        harness.get_by_label(&format!("Delete “{title}”?"));
        harness.get_by_label_contains("go with it, with every note written in them");
        click(&mut harness, answer);
    }
    assert!(harness.state().library().shows.is_empty());
    assert!(harness.query_by_label("Delete show").is_none());
}

/// The link the last frame asked the system to open, if any.
fn opened_url(
    harness: &egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
}

/// Item 6: a click on a `javascript:` or `file:` link opens nothing and says why in words;
/// a web link shows its address in the status line on hover, before it is clicked.
#[test]
fn only_web_and_mail_links_open_and_the_address_shows_first() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "links.md",
        "# Links\n\n[Run me](javascript:alert(1)) now.\n\n[Passwords](file:///etc/passwd) here.\n\n[The studio](https://studio.example/news) said nothing.\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file));
    for (text, scheme) in [("Run me now.", "javascript"), ("Passwords here.", "file")] {
        let paragraph = value_containing(&harness, text).expect("paragraph");
        let at = paragraph.rect().min + egui::vec2(12.0, 8.0);
        drag(&mut harness, at, at);
        assert_eq!(opened_url(&harness), None, "{scheme}: nothing opened");
        assert_eq!(harness.state().view.last_opened_link, None);
        let refused = harness
            .state()
            .view
            .link_status
            .clone()
            .expect("refused in words");
        assert!(
            refused.starts_with("Not opened") && refused.contains(&format!("{scheme}:")),
            "{refused}"
        );
        harness.get_by_label(&refused);
    }
    let paragraph = value_containing(&harness, "The studio said nothing.").expect("paragraph");
    let at = paragraph.rect().min + egui::vec2(20.0, 8.0);
    harness.hover_at(at);
    harness.run();
    assert_eq!(opened_url(&harness), None, "hovering opens nothing");
    harness.get_by_label("Link: https://studio.example/news (click to open it in your browser)");
    drag(&mut harness, at, at);
    assert_eq!(
        harness.state().view.last_opened_link.as_deref(),
        Some("https://studio.example/news")
    );
}

/// Item 9: a read-only window offers to take over once the window that wrote has gone; taking
/// over reads the library again (the other window's last words) and saves from then on.
#[test]
fn a_read_only_window_offers_to_take_over_when_the_writer_is_gone() {
    use std::io::BufRead as _;
    const ROLE: &str = "FAN_TRACKER_TEST_WRITER_THEN_GONE";
    if let Some(dir) = crate::fixture::helper_role(ROLE) {
        let mut opened = Store::open(&dir).unwrap();
        assert!(!opened.store.is_read_only());
        println!("LOCKED");
        let _ = std::io::stdin().read_line(&mut String::new());
        let last = library_with_note("the other window's last words");
        opened.store.save(&SaveRequest::new(last)).unwrap();
        return;
    }
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    save_in(&dir, &library_with_note("first"), false);
    let mut holder = crate::fixture::rerun_self(
        "no_silent_loss::a_read_only_window_offers_to_take_over_when_the_writer_is_gone",
        (ROLE, &dir),
    )
    .stdin(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped())
    .spawn()
    .unwrap();
    let mut out = std::io::BufReader::new(holder.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("LOCKED") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the helper ended early"
        );
    }
    let mut harness = build(&dir, None);
    assert!(harness.state().is_read_only());
    harness.run();
    assert!(
        harness.query_by_label("Take over saving").is_none(),
        "not while it writes"
    );
    // Typed meanwhile, not yet added: kept across the takeover.
    type_into(&mut harness, "New thread title", "typed while read-only");

    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !harness.state().view.takeover_offered {
        assert!(
            std::time::Instant::now() < deadline,
            "offered within the poll"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.step();
    }
    harness.run();
    click(&mut harness, "Take over saving");
    assert!(
        !harness.state().is_read_only(),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(
        harness.state().library().shows[0].articles[0].note,
        "the other window's last words",
        "read again first"
    );
    assert_eq!(
        harness.state().view.new_thread_title,
        "typed while read-only"
    );
    type_into(&mut harness, "Article note", ", and mine");
    leave_field(&mut harness);
    step_until(&mut harness, "the save", App::is_saved);
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap().shows[0].articles[0].note,
        "the other window's last words, and mine"
    );
}
