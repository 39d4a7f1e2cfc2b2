//! The command line: `--help` and `--version` follow the usual conventions; `suggest` and
//! `export` run without a window.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use fan_tracker::model::Library;
use fan_tracker::storage::{self, LIBRARY_FILE, SaveRequest, Store};

fn fan_tracker() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fan-tracker"))
}

#[test]
fn help_describes_usage_and_options() {
    let output = fan_tracker().arg("--help").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Usage: fan-tracker [OPTIONS] [FILE]"),
        "{text}"
    );
    assert!(text.contains("--data-dir <DIR>"), "{text}");
    assert!(text.contains("-V, --version"), "{text}");
    assert!(
        text.contains("fan-tracker [OPTIONS] <COMMAND>") && text.contains("  export  "),
        "{text}"
    );
}

#[test]
fn version_prints_name_and_version() {
    let output = fan_tracker().arg("--version").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text.trim(),
        format!("fan-tracker {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_option_fails_with_a_message() {
    let output = fan_tracker().arg("--no-such-flag").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("unexpected argument '--no-such-flag'"),
        "{text}"
    );
}

/// `fan-tracker suggest FILE --json` on an evaluation article.
fn suggest_json(file: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let output = fan_tracker()
        .args(["suggest", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn suggest_json_is_an_array_of_titles_and_passages_in_article_order() {
    let path = "tests/eval/dev/01-okay-renewal.md";
    let value = suggest_json(path);
    let source =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap();
    let suggestions = value.as_array().expect("a JSON array");
    assert!(suggestions.len() >= 2, "{value:#}");
    for suggestion in suggestions {
        let object = suggestion.as_object().expect("an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["best", "passages", "title"]);
        let title = object["title"].as_str().expect("a string title");
        assert!(title.ends_with('?'), "{title}");
        let passages = object["passages"].as_array().expect("an array of passages");
        assert!(!passages.is_empty());
        let best = object["best"].as_u64().expect("a number best") as usize;
        assert!(best < passages.len(), "best {best} of {}", passages.len());
        let mut last = 0;
        for passage in passages {
            let passage = passage.as_str().expect("a string passage");
            // Full sentences of the article, in article order.
            let at = source
                .find(passage)
                .unwrap_or_else(|| panic!("not in the article: {passage}"));
            assert!(at >= last, "out of order: {passage}");
            last = at;
        }
    }
    let titles: Vec<&str> = suggestions
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(titles.contains(&"Will the show be renewed?"), "{titles:?}");
}

#[test]
fn suggest_on_a_settled_article_prints_an_empty_array() {
    assert_eq!(
        suggest_json("tests/eval/dev/07-moonlit-settled.md"),
        serde_json::json!([])
    );
}

#[test]
fn suggest_prints_a_list_for_people() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/dev/06-okay-korean.md");
    let output = fan_tracker().arg("suggest").arg(&path).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("Open questions in \"사이코지만 괜찮아 시즌2, 나올 수 있을까\""),
        "{text}"
    );
    assert!(text.contains("\n1. "), "{text}");
    assert!(text.contains("   * "), "{text}");
}

#[test]
fn suggest_on_a_binary_file_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picture.png");
    std::fs::write(
        &path,
        [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe,
        ],
    )
    .unwrap();
    let output = fan_tracker().arg("suggest").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("Could not open"), "{text}");
    assert!(text.contains("picture.png"), "{text}");
    assert!(text.contains("PNG image, not text"), "{text}");
}

#[test]
fn suggest_on_a_missing_file_fails_with_a_message() {
    let output = fan_tracker()
        .args(["suggest", "/no/such/article.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("Could not open /no/such/article.md"),
        "{text}"
    );
}

/// Every file under `dir` with its bytes (empty when `dir` does not exist).
fn folder_snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(folder_snapshot(&path));
        } else {
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

/// `fan-tracker` with `args`, the data folder chosen by the arguments alone.
fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    fan_tracker()
        .env_remove("FAN_TRACKER_DATA_DIR")
        .args(args)
        .output()
        .unwrap()
}

/// `fan-tracker --data-dir DIR export --json FILE`.
fn export(dir: &Path, file: &Path) -> std::process::Output {
    run(&[
        "--data-dir".as_ref(),
        dir.as_os_str(),
        "export".as_ref(),
        "--json".as_ref(),
        file.as_os_str(),
    ])
}

fn golden_v1() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/library-v1.json"))
        .unwrap()
}

/// Issue 10: a format 1 data folder exports in the current format (3 since issue 19), the library the window would load
/// (migrated), and the folder is left exactly as it was: no copy, no lock file, no migration.
#[test]
fn export_of_a_format_1_folder_writes_the_current_format_and_leaves_the_folder_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(LIBRARY_FILE), golden_v1()).unwrap();
    let before = folder_snapshot(&dir);
    let out = tmp.path().join("export.json");

    let output = export(&dir, &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(
        said.contains("export.json") && said.contains("2 shows"),
        "{said}"
    );
    assert!(said.contains("migrated from format 1"), "{said}");

    let bytes = std::fs::read(&out).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["format_version"], 5);
    assert_eq!(
        json["revision"], 4,
        "the revision of the file it was read from"
    );
    let exported = storage::decode_file(&bytes).unwrap();
    let migrated = storage::decode_file(&golden_v1()).unwrap();
    assert_eq!(exported.version, 5);
    assert_eq!(exported.repairs, []);
    assert_eq!(exported.library, migrated.library);
    assert_eq!(exported.library.shows[1].articles[0].id.0, 11);
    assert_eq!(
        folder_snapshot(&dir),
        before,
        "the data folder is untouched"
    );
}

/// The export works while a window (here its store) holds the folder's writer lock, with
/// `--data-dir` after the command or the data folder from the environment, and writes
/// nothing there.
#[test]
fn export_works_while_a_window_has_the_folder_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut library = Library::default();
    library.shows[0].note = "written by the open window".into();
    let mut opened = Store::open(&dir).unwrap();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    assert!(!opened.store.is_read_only());
    let before = folder_snapshot(&dir);

    let out = tmp.path().join("after-the-command.json");
    let output = run(&[
        "export".as_ref(),
        "--json".as_ref(),
        out.as_os_str(),
        "--data-dir".as_ref(),
        dir.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(Store::read_library(&out).unwrap(), library);

    let out = tmp.path().join("from-the-environment.json");
    let output = fan_tracker()
        .env("FAN_TRACKER_DATA_DIR", &dir)
        .args(["export", "--json"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(Store::read_library(&out).unwrap(), library);

    assert_eq!(
        folder_snapshot(&dir),
        before,
        "nothing written in the folder"
    );
    // The window's store saves on as before.
    library.shows[0].note = "saved after the export".into();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        library
    );
}

/// Every way the export can fail is told on standard error in words, with status 1, with
/// nothing written anywhere: no library, a damaged one, one from a newer Fan Tracker, a file
/// that cannot be written, a file inside the data folder.
#[test]
fn export_errors_are_told_in_words_with_status_1() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let out = tmp.path().join("out.json");
    let fails = |dir: &Path, file: &Path, expected: &[&str]| {
        let before = folder_snapshot(dir);
        let output = export(dir, file);
        let text = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(output.stdout.is_empty());
        for words in expected {
            assert!(text.contains(words), "{words:?} in {text}");
        }
        assert!(!out.exists(), "{text}");
        assert_eq!(folder_snapshot(dir), before, "the folder is untouched");
    };

    fails(
        &dir,
        &out,
        &["there is no library to export", "library.json"],
    );
    assert!(!dir.exists(), "no data folder is made");

    std::fs::create_dir_all(&dir).unwrap();
    let library = dir.join(LIBRARY_FILE);
    std::fs::write(&library, b"{\"format_version\": 2, \"library\": ").unwrap();
    fails(
        &dir,
        &out,
        &["could not be read", "not a valid Fan Tracker file"],
    );

    std::fs::write(
        &library,
        br#"{"format_version": 6, "library": {"anything": []}}"#,
    )
    .unwrap();
    fails(
        &dir,
        &out,
        &["written by a newer Fan Tracker (format 6; this version reads up to 5)"],
    );

    std::fs::write(&library, golden_v1()).unwrap();
    fails(
        &dir,
        &tmp.path().join("no-such-folder/out.json"),
        &["could not write", "no-such-folder/out.json"],
    );
    fails(&dir, &library, &["inside the data folder"]);
    fails(&dir, &dir.join("copy.json"), &["inside the data folder"]);
    #[cfg(unix)]
    {
        let link = tmp.path().join("link.json");
        std::os::unix::fs::symlink(&library, &link).unwrap();
        fails(&dir, &link, &["inside the data folder"]);
        let dangling = tmp.path().join("dangling.json");
        std::os::unix::fs::symlink(dir.join("new.json"), &dangling).unwrap();
        fails(&dir, &dangling, &["inside the data folder"]);
    }
    assert_eq!(std::fs::read(&library).unwrap(), golden_v1());
}

#[test]
fn an_article_given_with_a_command_is_refused() {
    let output = run(&[
        "article.md".as_ref(),
        "export".as_ref(),
        "--json".as_ref(),
        "out.json".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("cannot be given with a command"), "{text}");
    let output = run(&["export".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("--json <FILE>")
    );
}

/// The app's command with a data folder inside `tmp` that does not exist yet, and a display.
fn launch_in(tmp: &tempfile::TempDir) -> (Command, PathBuf) {
    let data = tmp.path().join("data");
    let mut command = fan_tracker();
    command.arg("--data-dir").arg(&data).env("DISPLAY", ":99");
    (command, data)
}

#[test]
fn an_unknown_command_is_an_error_naming_the_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut command, data) = launch_in(&tmp);
    let output = command.arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("unrecognized subcommand 'frobnicate'")
            && text.contains("'suggest'")
            && text.contains("'export'"),
        "{text}"
    );
    assert!(!data.exists(), "a data folder was created");
}

#[test]
fn a_missing_file_is_an_error_and_creates_no_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut command, data) = launch_in(&tmp);
    let missing = tmp.path().join("not-there.md");
    let output = command.arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains(&format!("there is no file {}", missing.display())),
        "{text}"
    );
    assert!(!data.exists(), "a data folder was created");
}

#[test]
fn without_a_display_the_error_says_so_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut command, data) = launch_in(&tmp);
    let output = command
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.starts_with("fan-tracker: there is no display to open the window on"),
        "{text}"
    );
    assert!(!text.contains(".rs:"), "{text}");
    assert!(!data.exists(), "a data folder was created");
}

/// Issue 16, item 7: `export --json` onto a FIFO (or a link to one) or a folder is refused in
/// words; the special file stays what it was and no temporary copy of the library is left
/// beside it. A new export file is private (0600).
#[cfg(unix)]
#[test]
fn export_onto_a_special_file_is_refused_and_leaves_no_copy() {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut opened = Store::open(&data).unwrap();
    opened
        .store
        .save(&SaveRequest::new(Library::default()))
        .unwrap();
    drop(opened);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let fifo = out.join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let link = out.join("link-to-pipe.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let folder = out.join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    for target in [&fifo, &link, &folder] {
        let output = export(&data, target);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{target:?}: {stderr}");
        assert!(
            stderr.contains("not a regular file") || stderr.contains("a folder"),
            "{target:?}: {stderr}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(folder.is_dir());
    let mut left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["a-folder", "link-to-pipe.json", "pipe"],
        "no copy left"
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);

    let file = out.join("library.json");
    assert!(export(&data, &file).status.success());
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "private");
}

/// Issue 19, item 5: `export --predictions-csv FILE` writes every prediction as CSV, read back
/// by a CSV reader with every field; the folder is left alone.
#[test]
fn export_predictions_csv_writes_one_row_per_prediction() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir_all(&dir).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/library-v3.json");
    std::fs::copy(golden, dir.join("library.json")).unwrap();
    let out = tmp.path().join("predictions.csv");
    let before = folder_snapshot(&dir);
    let output = run(&[
        "--data-dir".as_ref(),
        dir.as_os_str(),
        "export".as_ref(),
        "--predictions-csv".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("4 predictions"));
    assert_eq!(folder_snapshot(&dir), before, "the folder is untouched");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        fan_tracker::storage::PREDICTIONS_CSV_HEADER.as_slice()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let first = &rows[0];
    assert_eq!(&first[2], "A second season is announced before 2027");
    assert_eq!(&first[3], "25");
    assert_eq!(&first[4], "", "made on: unknown");
    assert_eq!(&first[5], "2027-01-01");
    assert_eq!(&first[6], "pending");
    assert_eq!(&first[7], "");
    assert_eq!(&first[8], "unknown:20;2026-11-30:35.5;2026-12-05:25");
    assert_eq!(&rows[1][7], "0.0900", "70 % that came true");
}
