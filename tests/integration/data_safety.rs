//! The data-safety guarantees of docs/DATA-SAFETY.md, each proven with real files and, where
//! it matters, real processes.

use fan_tracker::shell::Shell;
use std::fs;
use std::io::{self, BufRead as _};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fan_tracker::app::{App, AppOptions};
use fan_tracker::model::{
    ArticleEntry, ArticleId, Library, Show, ShowId, ThreadEvent, ThreadStatus,
};
use fan_tracker::storage::{
    self, FileSystem, LIBRARY_FILE, RealFs, SaveOutcome, SaveRequest, Store,
};

use crate::fixture::{
    CAST, RENEWAL, TempDir, click, close, files_named, helper_role, launch, rerun_self,
    resolved_checkbox,
};

/// File operations that fail (with an injected error) at operation number `fail_at` and,
/// when `heal` is false, every one after it.
#[derive(Debug, Clone)]
struct FailAt {
    fail_at: usize,
    heal: bool,
    count: Arc<AtomicUsize>,
}

impl FailAt {
    fn new(fail_at: usize, heal: bool) -> Self {
        Self {
            fail_at,
            heal,
            count: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn check(&self) -> io::Result<()> {
        let n = self.count.fetch_add(1, Ordering::SeqCst);
        if n == self.fail_at || (!self.heal && n > self.fail_at) {
            Err(io::Error::other(format!(
                "injected failure at operation {n}"
            )))
        } else {
            Ok(())
        }
    }
}

impl FileSystem for FailAt {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check()?;
        RealFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        RealFs.write_atomic(path, bytes)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        RealFs.rename(from, to)
    }
    fn create_private_dir(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        RealFs.create_private_dir(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        self.check()?;
        RealFs.list(dir)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        RealFs.remove(path)
    }
    fn file_len(&self, path: &Path) -> io::Result<u64> {
        self.check()?;
        RealFs.file_len(path)
    }
    fn age(&self, path: &Path) -> io::Result<std::time::Duration> {
        self.check()?;
        RealFs.age(path)
    }
}

/// How many file operations opening the data folder `dir` uses (the folder made, its folders
/// listed for leftovers, the library and the files it names read).
fn operations_to_open(dir: &Path) -> usize {
    let counter = FailAt::new(usize::MAX, false);
    drop(Store::open_with(dir, Box::new(counter.clone())).unwrap());
    counter.count.load(Ordering::SeqCst)
}

fn library_with_note(note: &str) -> Library {
    let mut library = Library::default();
    library.shows[0].articles[0].note = note.to_owned();
    library
}

/// `library` with one more article in its first show, whose text (never saved before, so a
/// save writes its article file first: the two-file write of format 4) holds `text`.
fn with_new_article(mut library: Library, text: &str) -> Library {
    let id = ArticleId(library.allocate_id());
    let mut article = library.shows[0].articles[0].article.clone();
    article.title = format!("A new article: {}", &text[..text.len().min(20)]);
    article.body = format!("A new article.\n\n{text}").into();
    library.shows[0]
        .articles
        .push(ArticleEntry::new(id, article));
    library
}

/// Saves `library` into the data folder `dir`; returns the file's bytes.
fn save_plain(dir: &Path, library: &Library) -> Vec<u8> {
    let mut opened = Store::open(dir).unwrap();
    assert!(matches!(
        opened
            .store
            .save(&SaveRequest::new(library.clone()))
            .unwrap(),
        SaveOutcome::Written { .. }
    ));
    fs::read(dir.join(LIBRARY_FILE)).unwrap()
}

/// Whether CI runs this: a test that cannot do its work there fails instead of skipping
/// (`CI=true`, or `FAN_TRACKER_REQUIRE_DISPLAY=1` as `.ci/run` sets).
fn skips_are_failures() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
        || std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1")
}

#[test]
fn a_failure_at_any_file_operation_never_harms_the_saved_file() {
    let old = library_with_note("old");
    // With an article never saved before: the save writes its article file, then the library.
    let new = with_new_article(library_with_note("new"), "Its text is new.");
    // Count the operations of one open + save (with a backup, a conflict copy and an article
    // file).
    let counter = FailAt::new(usize::MAX, false);
    let tmp = TempDir::new();
    save_plain(&tmp.data_dir(), &old);
    let request = SaveRequest {
        library: new.clone().into(),
        force_backup: true,
        conflict_copy: Some(b"{}".to_vec()),
    };
    let mut opened = Store::open_with(&tmp.data_dir(), Box::new(counter.clone())).unwrap();
    opened.store.save(&request).unwrap();
    drop(opened);
    let total = counter.count.load(Ordering::SeqCst);
    assert!(total >= 8, "open and save use {total} operations");

    for fail_at in 0..total {
        let tmp = TempDir::new();
        let old_bytes = save_plain(&tmp.data_dir(), &old);
        let path = tmp.data_dir().join(LIBRARY_FILE);
        let result = Store::open_with(&tmp.data_dir(), Box::new(FailAt::new(fail_at, false)))
            .and_then(|mut opened| opened.store.save(&request));
        match result {
            Err(error) => {
                assert!(error.to_string().contains("injected failure"), "{error}");
                assert_eq!(fs::read(&path).unwrap(), old_bytes, "failure at {fail_at}");
            }
            Ok(_) => assert_eq!(
                Store::read_library(&path).unwrap(),
                new,
                "failure at {fail_at}"
            ),
        }
        // Once the disk works again, the same save goes through.
        let mut opened = Store::open(&tmp.data_dir()).unwrap();
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        opened.store.save(&request).unwrap();
        assert_eq!(Store::read_library(&path).unwrap(), new);
    }
}

/// The same with a file another program left unreadable while the store was open, so the
/// failures reach the move aside (`rename`): the unreadable bytes are never overwritten nor
/// lost, whatever operation fails.
#[test]
fn a_failure_while_keeping_an_unreadable_file_aside_never_loses_it() {
    let broken = b"{ \"format_version\": 1, \"library\": { broken by an editor";
    let new = library_with_note("new");
    let setup = |ops: FailAt| {
        let tmp = TempDir::new();
        save_plain(&tmp.data_dir(), &library_with_note("old"));
        let opened = Store::open_with(&tmp.data_dir(), Box::new(ops)).unwrap();
        fs::write(tmp.data_dir().join(LIBRARY_FILE), broken).unwrap();
        (tmp, opened)
    };
    let counter = FailAt::new(usize::MAX, false);
    let (_tmp, mut opened) = setup(counter.clone());
    let opening = counter.count.load(Ordering::SeqCst);
    opened.store.save(&SaveRequest::new(new.clone())).unwrap();
    let total = counter.count.load(Ordering::SeqCst);
    let mut renames_failed = 0;
    for fail_at in opening..total {
        let (tmp, mut opened) = setup(FailAt::new(fail_at, false));
        let path = tmp.data_dir().join(LIBRARY_FILE);
        let result = opened.store.save(&SaveRequest::new(new.clone()));
        let kept = files_named(&tmp.data_dir(), "library.unreadable-");
        match result {
            Err(error) => {
                let message = error.to_string();
                assert!(message.contains("injected failure"), "{message}");
                if message.contains("could not be moved aside") {
                    renames_failed += 1;
                    assert!(message.contains("nothing was written over it"), "{message}");
                }
                let still_there = fs::read(&path).is_ok_and(|b| b == broken);
                let moved = kept.len() == 1 && fs::read(&kept[0]).unwrap() == broken;
                assert!(
                    still_there || moved,
                    "failure at {fail_at}: the broken file is kept"
                );
            }
            Ok(_) => {
                assert_eq!(fs::read(&kept[0]).unwrap(), broken, "failure at {fail_at}");
                assert_eq!(Store::read_library(&path).unwrap(), new);
            }
        }
    }
    assert_eq!(
        renames_failed, 1,
        "the injected failure reached the move aside once"
    );
}

/// Item 11 of issue 8: when an unreadable library.json cannot be moved aside, nothing is
/// written over it, the edit stays in memory, and the window says so.
#[test]
fn an_unreadable_file_that_cannot_be_moved_aside_is_never_overwritten() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let broken = b"\x00\x01 not a library";
    fs::write(&path, broken).unwrap();
    let mut harness = launch_with_fs(&tmp.data_dir(), RenameFails);
    let notice = harness.state().notices()[0].clone();
    assert!(
        notice.contains("left where it is") && notice.contains("Nothing will be written over it"),
        "{notice}"
    );
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the save to fail", |app| {
        app.status().is_error()
    });
    harness.run();
    let status = harness.state().status().describe();
    assert!(
        status.contains("could not be moved aside")
            && status.contains("nothing was written over it")
            && status.contains("Your edits are kept in memory"),
        "{status}"
    );
    harness.get_by_label(&status);
    assert_eq!(fs::read(&path).unwrap(), broken, "the file is untouched");
    assert_eq!(
        harness.state().library().shows[0].threads[0].status,
        ThreadStatus::Resolved,
        "the edit is still in memory"
    );
    assert!(files_named(&tmp.data_dir(), "library.unreadable-").is_empty());
}

/// Real file operations, except that renaming always fails.
#[derive(Debug, Clone, Default)]
struct RenameFails;

impl FileSystem for RenameFails {
    fn rename(&self, _: &Path, _: &Path) -> io::Result<()> {
        Err(io::Error::other("injected rename failure"))
    }
}

fn launch_with_fs(
    data_dir: &Path,
    fs: impl FileSystem + 'static,
) -> egui_kittest::Harness<'static, Shell> {
    let options = AppOptions {
        data_dir: data_dir.to_owned(),
        open_file: None,
    };
    let dir = data_dir.to_owned();
    let mut harness = crate::fixture::harness_builder().build_eframe(move |cc| {
        let mut app = App::with_store(
            Store::open_with(&dir, Box::new(fs)),
            options,
            Some(&cc.egui_ctx),
        );
        app.wait_for_jobs(true);
        Shell::new(app, &cc.egui_ctx)
    });
    harness.run();
    harness
}

fn step_until(
    harness: &mut egui_kittest::Harness<'static, Shell>,
    what: &str,
    done: impl Fn(&App) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
}

#[test]
fn a_failed_save_keeps_the_edit_in_memory_says_so_and_retries() {
    let tmp = TempDir::new();
    let old_bytes = save_plain(&tmp.data_dir(), &Library::default());
    // The first save looks at the article file's size, then makes the folder for the changed
    // show's new file: that second operation after the opening's fails.
    let fs = FailAt::new(operations_to_open(&tmp.data_dir()) + 1, true);
    let mut harness = launch_with_fs(&tmp.data_dir(), fs.clone());
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the save to fail", |app| {
        app.status().is_error()
    });
    let status = harness.state().status().describe();
    assert!(status.contains("injected failure"), "{status}");
    harness.run();
    harness.get_by_label_contains("Your edits are kept in memory");
    let path = tmp.data_dir().join(LIBRARY_FILE);
    assert_eq!(
        fs::read(&path).unwrap(),
        old_bytes,
        "the saved file is untouched"
    );
    let resolved = |app: &App| app.library().shows[0].threads[0].status == ThreadStatus::Resolved;
    assert!(resolved(harness.state()), "the edit is still in memory");

    step_until(&mut harness, "the retry to save", App::is_saved);
    let on_disk = Store::read_library(&path).unwrap();
    assert_eq!(on_disk.shows[0].threads[0].status, ThreadStatus::Resolved);
}

#[test]
fn closing_while_saving_fails_asks_before_losing_edits() {
    let tmp = TempDir::new();
    save_plain(&tmp.data_dir(), &Library::default());
    let opening = operations_to_open(&tmp.data_dir());
    let mut harness = launch_with_fs(&tmp.data_dir(), FailAt::new(opening + 1, false));
    click(&mut harness, &resolved_checkbox(RENEWAL));
    let commands = crate::fixture::request_close(&mut harness);
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "the close was cancelled: {commands:?}"
    );
    harness.run();
    harness.get_by_label("Your last changes are not saved");
    harness.get_by_label("Keep the window open");
    harness.get_by_label("Quit without saving");
}

#[test]
fn a_full_disk_fails_the_save_and_keeps_the_old_file() {
    const ROLE: &str = "FAN_TRACKER_TEST_FULL_DISK";
    if let Some(dir) = helper_role(ROLE) {
        // Helper: `dir` is a 256 KiB tmpfs in a private mount namespace.
        let small = save_plain(&dir, &Library::default());
        let mut opened = Store::open(&dir).unwrap();
        let huge = library_with_note(&"a full disk ".repeat(40_000));
        let request = SaveRequest::new(huge);
        let error = opened.store.save(&request).expect_err("the disk is full");
        assert!(
            error.to_string().contains("No space left on device"),
            "{error}"
        );
        assert_eq!(fs::read(dir.join(LIBRARY_FILE)).unwrap(), small);
        println!("FULL-DISK-OK");
        return;
    }
    let namespaces = std::process::Command::new("unshare")
        .args(["-Urm", "true"])
        .status()
        .is_ok_and(|s| s.success());
    let why = "a full tmpfs needs user and mount namespaces (`unshare -Urm`), which this machine does not allow";
    if !namespaces {
        assert!(!skips_are_failures(), "in CI this test must run: {why}");
        eprintln!("SKIPPED: {why}");
        return;
    }
    let tmp = TempDir::new();
    let mount = tmp.path().join("small-disk");
    fs::create_dir_all(&mount).unwrap();
    let inner = rerun_self(
        "data_safety::a_full_disk_fails_the_save_and_keeps_the_old_file",
        (ROLE, &mount),
    );
    let program = format!("{:?}", inner.get_program());
    let args: Vec<String> = inner.get_args().map(|a| format!("{a:?}")).collect();
    let script = format!(
        "mount -t tmpfs -o size=256k tmpfs {mount:?} && exec {program} {}",
        args.join(" ")
    );
    let output = std::process::Command::new("unshare")
        .args(["-Urm", "sh", "-c", &script])
        .env(ROLE, &mount)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("FULL-DISK-OK"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Reads a helper's standard output until the line `marker` (the test harness prints its own
/// lines first); returns the reader, to keep the pipe open while the helper runs.
fn wait_for_line(
    stdout: std::process::ChildStdout,
    marker: &str,
) -> io::BufReader<std::process::ChildStdout> {
    let mut reader = io::BufReader::new(stdout);
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line).unwrap();
        assert!(read > 0, "the helper ended before printing {marker}");
        if line.trim_end().ends_with(marker) {
            return reader;
        }
    }
}

/// The library the save-loop helper writes as version `i`: sizes vary from save to save.
/// Every other version adds an article never saved before (so its article file is written
/// before the library: format 4's two-file write).
fn loop_version(i: usize) -> Library {
    let library = library_with_note(&format!("version {i} {}", "x".repeat(i * 7919 % 20_000)));
    if i.is_multiple_of(2) {
        with_new_article(
            library,
            &format!("Version {i}. {}", "y".repeat(i * 104_729 % 30_000)),
        )
    } else {
        library
    }
}

#[test]
fn sigkill_during_saves_leaves_the_old_or_the_new_file() {
    const ROLE: &str = "FAN_TRACKER_TEST_SAVE_LOOP";
    if let Some(dir) = helper_role(ROLE) {
        let mut opened = Store::open(&dir).unwrap();
        let start = opened
            .library
            .as_ref()
            .and_then(|l| {
                l.shows[0].articles[0]
                    .note
                    .split(' ')
                    .nth(1)?
                    .parse::<usize>()
                    .ok()
            })
            .map_or(0, |i| i + 1);
        println!("SAVING");
        for i in start.. {
            let request = SaveRequest {
                force_backup: i % 3 == 0,
                ..SaveRequest::new(loop_version(i))
            };
            opened.store.save(&request).unwrap();
        }
        return;
    }
    let tmp = TempDir::new();
    let mut versions_seen = std::collections::BTreeSet::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for kill in 0..200 {
        let mut child = rerun_self(
            "data_safety::sigkill_during_saves_leaves_the_old_or_the_new_file",
            (ROLE, &tmp.data_dir()),
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
        let output = wait_for_line(child.stdout.take().unwrap(), "SAVING");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Up to 50 ms: the first save of a child (its backup due, each file synced) takes about
        // 10 ms on an idle machine and several times that on a loaded one.
        std::thread::sleep(Duration::from_micros(seed % 50_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        drop(output);

        let opened = Store::open(&tmp.data_dir()).unwrap();
        assert!(
            opened.notices.is_empty(),
            "kill {kill}: {:?}",
            opened.notices
        );
        assert!(
            opened.library.is_some() || versions_seen.is_empty(),
            "kill {kill}: once a version was written, library.json always exists"
        );
        if let Some(library) = opened.library {
            let note = &library.shows[0].articles[0].note;
            let i: usize = note.split(' ').nth(1).unwrap().parse().unwrap();
            assert_eq!(
                library,
                loop_version(i),
                "kill {kill}: the file is exactly version {i}"
            );
            versions_seen.insert(i);
        }
        let articles = tmp.data_dir().join("articles");
        let shows = tmp.data_dir().join("shows");
        let leftovers: Vec<_> = fs::read_dir(tmp.data_dir())
            .unwrap()
            .chain(fs::read_dir(&articles).into_iter().flatten())
            .chain(fs::read_dir(&shows).into_iter().flatten())
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(
            leftovers.is_empty(),
            "temporary files are cleaned at start: {leftovers:?}"
        );
    }
    assert!(
        versions_seen.len() > 20,
        "kills landed at many moments: {} versions",
        versions_seen.len()
    );
}

#[test]
fn a_second_process_opens_read_only_and_writes_nothing() {
    const ROLE: &str = "FAN_TRACKER_TEST_HOLD_LOCK";
    if let Some(dir) = helper_role(ROLE) {
        let opened = Store::open(&dir).unwrap();
        assert!(!opened.store.is_read_only());
        println!("LOCKED");
        // Hold the lock until the parent closes our standard input.
        let _ = io::stdin().read_line(&mut String::new());
        return;
    }
    let tmp = TempDir::new();
    let saved = save_plain(&tmp.data_dir(), &Library::default());
    let mut holder = rerun_self(
        "data_safety::a_second_process_opens_read_only_and_writes_nothing",
        (ROLE, &tmp.data_dir()),
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let _holder_output = wait_for_line(holder.stdout.take().unwrap(), "LOCKED");

    // Not `launch`: a read-only window keeps no suggestions, so they never settle.
    let mut harness = crate::fixture::build(&tmp.data_dir(), None);
    assert!(harness.state().is_read_only());
    harness.get_by_label_contains("This window is read-only");
    click(&mut harness, &resolved_checkbox(RENEWAL));
    assert_eq!(
        harness.state().library().shows[0].threads[0].status,
        ThreadStatus::Open
    );
    drop(harness);
    assert_eq!(fs::read(tmp.data_dir().join(LIBRARY_FILE)).unwrap(), saved);

    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    let harness = launch(&tmp.data_dir(), None);
    assert!(
        !harness.state().is_read_only(),
        "the lock is free once the first process exits"
    );
}

#[test]
fn a_change_made_behind_the_app_is_merged_not_clobbered() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    step_until(&mut harness, "the first save", App::is_saved);

    // A sync tool brings in a note written on another device, by a Fan Tracker that had
    // read this version (so its revision is one more).
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let before = Store::load_file(&path).unwrap();
    let mut theirs = before.library.clone();
    theirs.shows[0].threads[3].note = "from my phone".into();
    fs::write(
        &path,
        storage::encode_revision(&theirs, before.revision + 1).unwrap(),
    )
    .unwrap();

    // Meanwhile the user edits something else here.
    click(&mut harness, &resolved_checkbox(CAST));
    step_until(&mut harness, "the merge to be saved", App::is_saved);
    harness.run();
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("its changes were merged with yours"))
        .expect("the merge is told")
        .clone();
    harness.get_by_label(&notice);
    assert!(
        notice.contains("before the merge is the backup"),
        "{notice}"
    );
    // That backup holds this window's version from before the merge.
    let backup = &storage::list_backups(&tmp.data_dir()).unwrap()[0];
    let pre_merge = Store::read_library(backup).unwrap();
    assert!(notice.contains(&*backup.file_name().unwrap().to_string_lossy()));
    assert_eq!(pre_merge.shows[0].threads[3].note, "");
    assert_eq!(pre_merge.shows[0].threads[3].status, ThreadStatus::Resolved);
    let on_disk = Store::read_library(&path).unwrap();
    assert_eq!(on_disk.shows[0].threads[3].note, "from my phone");
    assert_eq!(on_disk.shows[0].threads[3].status, ThreadStatus::Resolved);
    assert_eq!(on_disk.shows[0].threads[0].status, ThreadStatus::Resolved);
    assert_eq!(
        harness.state().library(),
        &on_disk,
        "the window shows the merge"
    );
}

#[test]
fn a_clashing_change_behind_the_app_is_kept_as_a_conflict_copy() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::type_into(&mut harness, "Article note", "written here");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the first save", App::is_saved);
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let before = Store::load_file(&path).unwrap();
    let mut theirs = before.library.clone();
    theirs.shows[0].articles[0].note = "written elsewhere".into();
    let theirs_bytes = storage::encode_revision(&theirs, before.revision + 1).unwrap();
    fs::write(&path, &theirs_bytes).unwrap();

    crate::fixture::type_into(&mut harness, "Article note", ", and more");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the save", App::is_saved);
    harness.run();
    // The conflict-copy notice, in the window.
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("clash with yours"))
        .expect("the conflict is told")
        .clone();
    harness.get_by_label(&notice);
    assert!(
        notice.contains("library.conflict-") && notice.contains("before the merge is the backup"),
        "{notice}"
    );
    close(harness);
    let on_disk = Store::read_library(&path).unwrap();
    assert_eq!(on_disk.shows[0].articles[0].note, "written here, and more");
    let copies = files_named(&tmp.data_dir(), "library.conflict-");
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read(&copies[0]).unwrap(), theirs_bytes);
}

#[test]
fn the_window_offers_to_restore_a_backup() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    close(harness);
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(CAST));
    close(harness);

    let mut harness = launch(&tmp.data_dir(), None);
    // Words typed just before restoring, not saved yet.
    crate::fixture::type_into(&mut harness, "Article note", "typed just before");
    crate::fixture::leave_field(&mut harness);
    assert!(!harness.state().is_saved());
    click(&mut harness, "File");
    click(&mut harness, "Restore a backup…");
    let restore = harness.get_all_by_label("Restore").count();
    assert_eq!(
        restore, 1,
        "one backup: the file as it was before the second session saved"
    );
    click(&mut harness, "Restore");
    let threads = &harness.state().library().shows[0].threads;
    assert_eq!(threads[0].status, ThreadStatus::Resolved);
    assert_eq!(threads[3].status, ThreadStatus::Open);
    harness.get_by_label_contains("Restored the backup");
    close(harness);
    // Three: the second session's file (backed up when the typed words were saved, the first
    // save of this session), and the library the restore replaced.
    let backups = storage::list_backups(&tmp.data_dir()).unwrap();
    assert_eq!(backups.len(), 3, "the replaced library was backed up too");
    let replaced = Store::read_library(&backups[0]).unwrap();
    assert_eq!(
        replaced.shows[0].articles[0].note, "typed just before",
        "the newest backup is the library the restore replaced, unsaved words included"
    );
    assert_eq!(replaced.shows[0].threads[3].status, ThreadStatus::Resolved);
}

/// Issue 17 item 4: each backup in *File → Restore a backup…* says what it holds (shows,
/// threads, its last timeline change) and how it differs from the library now.
#[test]
fn each_backup_says_what_it_holds_and_how_it_differs_from_now() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let base = Library::default();
    let threads = base.shows[0].threads.len();
    // The older backup: two threads fewer, and a thread resolved on 1 December.
    let mut older = base.clone();
    older.shows[0].threads.truncate(threads - 2);
    let thread = older.shows[0].threads[0].id;
    older.shows[0].events.push(ThreadEvent {
        date: "2026-12-01".parse().unwrap(),
        thread,
        title: "Cast back".into(),
        status: ThreadStatus::Resolved,
    });
    // The newer backup: the first thread had another title.
    let mut newer = base.clone();
    newer.shows[0].threads[0].title = "First title".into();
    // Now: a second show.
    let mut now = base.clone();
    let id = ShowId(now.allocate_id());
    now.shows.push(Show::new(id, "Another show"));
    for (library, backup) in [(&older, false), (&newer, true), (&now, true)] {
        let mut opened = Store::open(&dir).unwrap();
        let request = SaveRequest {
            force_backup: backup,
            ..SaveRequest::new(library.clone())
        };
        opened.store.save(&request).unwrap();
    }
    assert_eq!(storage::list_backups(&dir).unwrap().len(), 2);

    let mut harness = launch(&dir, None);
    click(&mut harness, "File");
    click(&mut harness, "Restore a backup…");
    assert_eq!(harness.get_all_by_label("Restore").count(), 2);
    let newer_row = harness
        .get_by_label_contains(&format!("1 show, {threads} threads"))
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(
        newer_row.contains(
            "last change: no timeline events yet — vs now: 1 show fewer, 1 thread changed, thread '"
        ) && newer_row.contains("was 'First title'"),
        "{newer_row}"
    );
    let older_row = harness
        .get_by_label_contains(&format!("1 show, {} threads", threads - 2))
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(
        older_row.contains(
            "last change: thread 'Cast back' resolved on 2026-12-01 — vs now: 1 show fewer, 2 threads fewer"
        ),
        "{older_row}"
    );
    close(harness);
}

/// Item 1 of issue 8, in the window: a program writes an older copy of library.json back
/// (an editor's stale buffer) with a change of its own. The fan's newer words stay on
/// screen and on disk, the older copy is kept whole, and the notice says what happened.
#[test]
fn an_older_copy_written_back_never_reverts_the_fans_words() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::type_into(&mut harness, "Article note", "draft one");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the first save", App::is_saved);
    let old_copy = fs::read(&path).unwrap();
    crate::fixture::type_into(&mut harness, "Article note", ", and a second thought");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the second save", App::is_saved);

    let mut stale = storage::decode_file_at(&old_copy, &path).unwrap();
    stale.library.shows[0].threads[1].note = "changed in the old copy".into();
    let stale_bytes = storage::encode_revision(&stale.library, stale.revision).unwrap();
    RealFs.write_atomic(&path, &stale_bytes).unwrap();

    crate::fixture::type_into(&mut harness, "Article note", " And a third.");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the third save", App::is_saved);
    harness.run();
    let words = "draft one, and a second thought And a third.";
    assert_eq!(
        harness.state().library().shows[0].articles[0].note,
        words,
        "on screen"
    );
    assert_eq!(
        Store::read_library(&path).unwrap().shows[0].articles[0].note,
        words,
        "on disk"
    );
    let copies = files_named(&tmp.data_dir(), "library.conflict-");
    assert_eq!(copies.len(), 1);
    assert_eq!(
        fs::read(&copies[0]).unwrap(),
        stale_bytes,
        "the older copy is kept whole"
    );
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("older copy"))
        .expect("the window says what happened")
        .clone();
    assert!(
        notice.contains("was not merged")
            && notice.contains(&*copies[0].file_name().unwrap().to_string_lossy()),
        "{notice}"
    );
    assert!(
        !harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("merged with yours"))
    );
    harness.get_by_label(&notice);
    close(harness);
}

/// The same older copy written back after the last save, and the window closed with nothing
/// left to save: the fan's words are what stays on disk.
#[test]
fn quitting_after_an_older_copy_was_written_back_keeps_the_fans_words() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::type_into(&mut harness, "Article note", "draft one");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the first save", App::is_saved);
    let old_copy = fs::read(&path).unwrap();
    crate::fixture::type_into(&mut harness, "Article note", ", and a second thought");
    crate::fixture::leave_field(&mut harness);
    step_until(&mut harness, "the second save", App::is_saved);
    RealFs.write_atomic(&path, &old_copy).unwrap();
    close(harness);
    assert_eq!(
        Store::read_library(&path).unwrap().shows[0].articles[0].note,
        "draft one, and a second thought"
    );
    let copies = files_named(&tmp.data_dir(), "library.conflict-");
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read(&copies[0]).unwrap(), old_copy);
}

/// Case 11 of the shared cases (issue 10, item 10): two threads under one id. After the
/// repair on load, the window says so, and ticking the second thread ticks only it.
#[test]
fn duplicate_ids_are_repaired_and_each_thread_acts_alone() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/11-duplicate-ids.json");
    fs::copy(&case, tmp.data_dir().join(LIBRARY_FILE)).unwrap();
    let mut harness = launch(&tmp.data_dir(), None);
    // The file is format 1: migrated (its article takes id 3), then repaired.
    let notices = harness.state().notices().to_vec();
    assert!(
        notices[0].contains("older Fan Tracker (format 1)"),
        "{notices:?}"
    );
    let notice = notices[1].clone();
    assert!(
        notice.contains("repaired")
            && notice.contains("\u{201c}Who sent the letter?\u{201d} shared id 2")
            && notice.contains("now has id 4"),
        "{notice}"
    );
    harness.get_by_label(&notice);
    click(&mut harness, &resolved_checkbox("Who sent the letter?"));
    let status = |app: &App, i: usize| app.library().shows[0].threads[i].status;
    assert_eq!(
        status(harness.state(), 0),
        ThreadStatus::Open,
        "the first is untouched"
    );
    assert_eq!(status(harness.state(), 1), ThreadStatus::Resolved);
    click(&mut harness, "Who sent the letter?");
    assert_eq!(
        harness.state().view.selected_thread,
        Some(fan_tracker::model::ThreadId(4))
    );
    close(harness);
    let on_disk = Store::read_library(&tmp.data_dir().join(LIBRARY_FILE)).unwrap();
    let ids: Vec<u64> = on_disk.shows[0].threads.iter().map(|t| t.id.0).collect();
    assert_eq!(ids, [2, 4]);
    assert_eq!(on_disk.shows[0].threads[0].status, ThreadStatus::Open);
    assert_eq!(on_disk.shows[0].threads[1].status, ThreadStatus::Resolved);
}

#[test]
fn kept_aside_file_is_named_in_the_window() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    fs::write(tmp.data_dir().join(LIBRARY_FILE), b"\x00\x01 random bytes").unwrap();
    let harness = launch(&tmp.data_dir(), None);
    let notice = harness.state().notices()[0].clone();
    assert!(
        notice.contains("could not be read") && notice.contains("library.unreadable-"),
        "{notice}"
    );
    harness.get_by_label(&notice);
    let kept = files_named(&tmp.data_dir(), "library.unreadable-");
    assert_eq!(kept.len(), 1);
}

/// Issue 10, item 9, in the window: a format 1 library opens migrated, on the show of the
/// dossier that was open, the window says the old file was kept; the first edit is saved in
/// the current format (2 then, 3 since issue 19) and the old file stays as it was; the next
/// start neither migrates nor copies.
#[test]
fn a_format_1_library_opens_migrated_and_the_first_edit_saves_the_current_format() {
    let tmp = TempDir::new();
    fs::create_dir_all(tmp.data_dir()).unwrap();
    let golden =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/library-v1.json"))
            .unwrap();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    fs::write(&path, &golden).unwrap();

    let mut harness = launch(&tmp.data_dir(), None);
    let notice = harness.state().notices()[0].clone();
    assert!(
        notice.contains("older Fan Tracker (format 1)") && notice.contains("library.format1-"),
        "{notice}"
    );
    harness.get_by_label(&notice);
    let kept = files_named(&tmp.data_dir(), "library.format1-");
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), golden);
    let (show, article) = harness
        .state()
        .open_article()
        .map(|(s, a)| (s.id, a.id))
        .unwrap();
    assert_eq!(
        (show.0, article.0),
        (3, 11),
        "the dossier open in format 1 is the show opened"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        golden,
        "nothing saved before an edit"
    );

    click(
        &mut harness,
        &resolved_checkbox("Was the casting call real?"),
    );
    let library = harness.state().library().clone();
    assert_eq!(library.shows[1].threads[0].status, ThreadStatus::Resolved);
    close(harness);
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        saved["format_version"],
        fan_tracker::storage::CURRENT_FORMAT_VERSION
    );
    assert_eq!(Store::read_library(&path).unwrap(), library);
    assert_eq!(
        fs::read(&kept[0]).unwrap(),
        golden,
        "the old file stays as it was"
    );

    let harness = launch(&tmp.data_dir(), None);
    assert!(
        !harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("older Fan Tracker")),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(files_named(&tmp.data_dir(), "library.format1-"), kept);
    assert_eq!(harness.state().library(), &library);
}
