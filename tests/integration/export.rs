//! Issue 20, items 4 and 5 (export half): the library as Markdown notes, one per show
//! (snapshot of a fixture library, the command line, the window), and the library file as a
//! backup (`export --json`, refusing to replace a file without `--force`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, Given, Library, Outcome, Prediction,
    PredictionId, Probability, Show, ShowId, ShowStatus, Thread, ThreadId, ThreadStatus,
};
use fan_tracker::storage::{self, LIBRARY_FILE};
use jiff::civil::date;

use crate::fixture::{TempDir, click, launch, shortcut};

/// The format 3 golden library: two shows, Hangul titles, threads with passages, predictions.
fn golden_v3() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/library-v3.json")
}

/// The golden library with a show whose text is full of Markdown and YAML syntax, and a
/// second one whose file name clashes with it (they differ only in case).
fn fixture_library() -> Library {
    let bytes = std::fs::read(golden_v3()).unwrap();
    let mut library = storage::decode_file(&bytes).unwrap().library;
    let show_id = ShowId(library.allocate_id());
    let article_id = ArticleId(library.allocate_id());
    let mut show = Show::new(show_id, "CON: \"Signal\" #2 / 시그널?");
    show.original_title = Some("시그널: 2".into());
    show.status = ShowStatus::RenewalRumoured;
    show.status_checked = Some(date(2024, 5, 1));
    show.note = "- [ ] not a task\n# not a heading\n\nSecond *paragraph* with [[no link]].".into();
    let mut article = ArticleEntry::new(
        article_id,
        Article {
            title: "Radio <static> & the 2016 finale".into(),
            as_of: Some(date(2024, 4, 30)),
            format: ArticleFormat::PlainText,
            body: Arc::from("The walkie-talkie goes quiet.\n\nA second season is rumoured."),
            source_path: Some("/home/fan/signal notes.txt".into()),
            source_url: Some("https://example.com/signal season 2?a=<b>".into()),
        },
    );
    article.note = "1. not a list\n---".into();
    show.articles.push(article);
    let mut open = Thread::new(
        ThreadId(library.allocate_id()),
        "Will the radio\nwork again? - [x] no",
        Some(Anchor::new(article_id, "The walkie-talkie goes quiet.", 0)),
    );
    open.anchors
        .push(Anchor::new(article_id, "goes quiet.\n\nA second season", 0));
    open.note = "> not a quote\n    not code\n| not | a table |".into();
    let mut prediction = Prediction::made(
        PredictionId(library.allocate_id()),
        "Season 2 is announced\nbefore 2026 # soon",
        Probability::from_pct(40),
        Some(date(2024, 5, 1)),
    );
    prediction.earlier = vec![Given {
        probability: Probability::from_pct(20),
        on: None,
    }];
    prediction.resolve_by = Some(date(2025, 12, 31));
    open.predictions.push(prediction);
    let mut resolved = Thread::new(
        ThreadId(library.allocate_id()),
        "Who sent the signal?",
        None,
    );
    resolved.status = ThreadStatus::Resolved;
    let mut called = Prediction::made(
        PredictionId(library.allocate_id()),
        "It was the detective",
        Probability::from_pct(70),
        Some(date(2024, 1, 2)),
    );
    called.outcome = Outcome::Yes;
    called.resolved_on = Some(date(2024, 3, 4));
    resolved.predictions.push(called);
    let mut dropped = Thread::new(ThreadId(library.allocate_id()), "A *spin-off*?", None);
    dropped.status = ThreadStatus::Dropped;
    show.threads = vec![open, resolved, dropped];
    library.shows.push(show);
    let twin = Show::new(
        ShowId(library.allocate_id()),
        "con: \"signal\" #2 / 시그널?",
    );
    library.shows.push(twin);
    library
}

/// Every note of `library`, each after a line naming its file, as one text.
fn all_notes(library: &Library) -> String {
    storage::markdown_files(library)
        .unwrap()
        .into_iter()
        .map(|f| format!("===== {} =====\n{}", f.name, f.text))
        .collect()
}

#[test]
fn markdown_of_the_fixture_library() {
    insta::assert_snapshot!(all_notes(&fixture_library()));
}

fn fan_tracker() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fan-tracker"));
    command.env_remove("FAN_TRACKER_DATA_DIR");
    command
}

/// `fan-tracker --data-dir DIR export ARGS…`.
fn export(data: &Path, args: &[&std::ffi::OsStr]) -> Output {
    fan_tracker()
        .arg("--data-dir")
        .arg(data)
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

/// A data folder holding the golden format 3 library.
fn golden_data_folder(tmp: &TempDir) -> PathBuf {
    let data = tmp.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(golden_v3(), data.join(LIBRARY_FILE)).unwrap();
    data
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn export_markdown_writes_a_note_per_show_and_replaces_one_only_with_force() {
    let tmp = TempDir::new();
    let data = golden_data_folder(&tmp);
    let library = storage::decode_file(&std::fs::read(golden_v3()).unwrap())
        .unwrap()
        .library;
    let expected = storage::markdown_files(&library).unwrap();
    let notes = tmp.path().join("vault/Fan Tracker");
    let output = export(&data, &["--markdown".as_ref(), notes.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains(&format!("{} notes as Markdown", expected.len())),
        "{said}"
    );
    for file in &expected {
        let text = std::fs::read_to_string(notes.join(&file.name)).unwrap();
        assert_eq!(text, file.text, "{}", file.name);
    }
    assert_eq!(std::fs::read_dir(&notes).unwrap().count(), expected.len());

    // A note changed since (in Obsidian, say) is not replaced without --force.
    let first = notes.join(&expected[0].name);
    std::fs::write(&first, "edited in Obsidian").unwrap();
    let output = export(&data, &["--markdown".as_ref(), notes.as_os_str()]);
    let said = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("already in") && said.contains(&expected[0].name),
        "{said}"
    );
    assert!(said.contains("pass --force to replace them"), "{said}");
    assert!(output.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        "edited in Obsidian"
    );

    let output = export(
        &data,
        &["--markdown".as_ref(), notes.as_os_str(), "--force".as_ref()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&first).unwrap(), expected[0].text);
}

#[test]
fn export_markdown_into_the_data_folder_is_refused() {
    let tmp = TempDir::new();
    let data = golden_data_folder(&tmp);
    let inside = data.join("notes");
    let output = export(&data, &["--markdown".as_ref(), inside.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("inside the data folder"),
        "{}",
        stderr(&output)
    );
    assert!(!inside.exists());
}

#[test]
fn export_json_writes_the_library_file_that_loads_back_identical_and_needs_force_to_replace() {
    let tmp = TempDir::new();
    let data = golden_data_folder(&tmp);
    let golden = storage::decode_file(&std::fs::read(golden_v3()).unwrap()).unwrap();
    let backup = tmp.path().join("backup.json");
    let output = export(&data, &["--json".as_ref(), backup.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&backup).unwrap();
    let loaded = storage::decode_file(&bytes).unwrap();
    assert_eq!(loaded.library, golden.library);
    assert_eq!(loaded.version, storage::CURRENT_FORMAT_VERSION);

    // The backup as a data folder's library exports to the very same bytes.
    let again = tmp.path().join("again");
    std::fs::create_dir_all(&again).unwrap();
    std::fs::copy(&backup, again.join(LIBRARY_FILE)).unwrap();
    let second = tmp.path().join("second.json");
    let output = export(&again, &["--json".as_ref(), second.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read(&second).unwrap(), bytes);

    // An existing file is not replaced without --force.
    std::fs::write(&backup, "an older backup").unwrap();
    let output = export(&data, &["--json".as_ref(), backup.as_os_str()]);
    let said = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("already exists; pass --force to replace it"),
        "{said}"
    );
    assert_eq!(std::fs::read(&backup).unwrap(), b"an older backup");
    let output = export(
        &data,
        &["--force".as_ref(), "--json".as_ref(), backup.as_os_str()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read(&backup).unwrap(), bytes);
}

#[test]
fn file_export_as_markdown_writes_the_notes_and_asks_before_replacing_them() {
    let tmp = TempDir::new();
    let notes = tmp.path().join("notes");
    let mut harness = launch(&tmp.data_dir(), None);
    // The folder dialog is answered with the same folder each time.
    harness.state_mut().answer_dialogs_with([
        Some(notes.clone()),
        Some(notes.clone()),
        Some(notes.clone()),
    ]);
    click(&mut harness, "File");
    click(&mut harness, "Export as Markdown…");
    let expected = storage::markdown_files(harness.state().library()).unwrap();
    assert_eq!(expected.len(), 1);
    let note = notes.join(&expected[0].name);
    assert_eq!(std::fs::read_to_string(&note).unwrap(), expected[0].text);
    harness.get_by_label_contains("Exported 1 show as Markdown to");

    // Again, with the note changed since: the window asks; Cancel leaves it.
    std::fs::write(&note, "edited in Obsidian").unwrap();
    click(&mut harness, "File");
    click(&mut harness, "Export as Markdown…");
    harness.get_by_label("Replace the notes already there?");
    click(&mut harness, "Cancel");
    assert!(
        harness
            .query_by_label("Replace the notes already there?")
            .is_none()
    );
    assert_eq!(
        std::fs::read_to_string(&note).unwrap(),
        "edited in Obsidian"
    );

    // With Find open, Escape answers the question on top (Cancel) and leaves Find open.
    shortcut(&mut harness, egui::Key::F);
    harness.run();
    assert!(harness.state().view.search.open);
    click(&mut harness, "File");
    click(&mut harness, "Export as Markdown…");
    harness.get_by_label("Replace the notes already there?");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("Replace the notes already there?")
            .is_none()
    );
    assert!(
        harness.state().view.search.open,
        "Escape closed the question only"
    );
    assert_eq!(
        std::fs::read_to_string(&note).unwrap(),
        "edited in Obsidian"
    );
    harness
        .state_mut()
        .answer_dialogs_with([Some(notes.clone())]);

    // Once more; Replace writes it over.
    click(&mut harness, "File");
    click(&mut harness, "Export as Markdown…");
    harness.get_by_label_contains(&expected[0].name);
    click(&mut harness, "Replace");
    assert_eq!(std::fs::read_to_string(&note).unwrap(), expected[0].text);
}

#[test]
fn file_export_backup_writes_the_library_file() {
    let tmp = TempDir::new();
    let backup = tmp.path().join("backup.json");
    let mut harness = launch(&tmp.data_dir(), None);
    harness
        .state_mut()
        .answer_dialogs_with([Some(backup.clone())]);
    click(&mut harness, "File");
    click(&mut harness, "Export backup…");
    let loaded = storage::decode_file(&std::fs::read(&backup).unwrap()).unwrap();
    assert_eq!(&loaded.library, harness.state().library());
    harness.get_by_label_contains("Exported the library to");
}

#[test]
fn a_markdown_export_that_fails_says_why_in_the_window() {
    let tmp = TempDir::new();
    let not_a_folder = tmp.write("a-file", "x");
    let mut harness = launch(&tmp.data_dir(), None);
    harness
        .state_mut()
        .answer_dialogs_with([Some(not_a_folder.clone())]);
    click(&mut harness, "File");
    click(&mut harness, "Export as Markdown…");
    harness.get_by_label_contains("The notes were not exported: ");
    harness.get_by_label_contains("is not a folder; choose a folder to export the notes into.");
    assert_eq!(std::fs::read(&not_a_folder).unwrap(), b"x");
}
