//! The golden file of each format version (`tests/golden/`), checked field by field as it
//! loads, and a format 1 library migrated through the store: kept whole before the first save
//! in format 2, migrated once (issue 10, item 9).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fan_tracker::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, Given, Library, Outcome, Prediction,
    PredictionId, Probability, SavedSuggestion, Show, ShowId, ShowStatus, SuggestionState, Thread,
    ThreadEvent, ThreadId, ThreadStatus,
};
use fan_tracker::storage::{self, DataDir, LIBRARY_FILE, Notice, SaveOutcome, SaveRequest, Store};
use jiff::civil::{Date, date};

use crate::fixture::{TempDir, files_named};

/// The bytes of `tests/golden/<name>`.
pub fn golden(name: &str) -> Vec<u8> {
    fs::read(golden_path(name)).unwrap()
}

/// The path of `tests/golden/<name>`.
pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn article(
    title: &str,
    as_of: Option<Date>,
    format: ArticleFormat,
    body: &str,
    source_path: Option<&str>,
    source_url: Option<&str>,
) -> Article {
    Article {
        title: title.into(),
        as_of,
        format,
        body: body.into(),
        source_path: source_path.map(Into::into),
        source_url: source_url.map(Into::into),
    }
}

fn entry(
    id: u64,
    article: Article,
    note: &str,
    suggestions: Option<Vec<SavedSuggestion>>,
) -> ArticleEntry {
    ArticleEntry {
        note: note.into(),
        suggestions,
        ..ArticleEntry::new(ArticleId(id), article)
    }
}

fn suggestion(
    title: &str,
    passages: Vec<Anchor>,
    best: usize,
    state: SuggestionState,
) -> SavedSuggestion {
    SavedSuggestion {
        title: title.into(),
        passages,
        best,
        state,
    }
}

fn thread(
    id: u64,
    title: &str,
    status: ThreadStatus,
    anchors: Vec<Anchor>,
    note: &str,
    predictions: Vec<Prediction>,
) -> Thread {
    Thread {
        status,
        anchors,
        note: note.into(),
        predictions,
        ..Thread::new(ThreadId(id), title, None)
    }
}

fn prediction(
    id: u64,
    statement: &str,
    pct: u8,
    resolve_by: Option<Date>,
    outcome: Outcome,
) -> Prediction {
    Prediction {
        resolve_by,
        outcome,
        ..Prediction::new(PredictionId(id), statement, pct)
    }
}

fn event(date: Date, thread: u64, title: &str, status: ThreadStatus) -> ThreadEvent {
    ThreadEvent {
        date,
        thread: ThreadId(thread),
        title: title.into(),
        status,
    }
}

/// A show with the given titles, status, note and items.
#[allow(clippy::too_many_arguments)]
fn show(
    id: u64,
    title: &str,
    original_title: Option<&str>,
    status: ShowStatus,
    status_checked: Option<Date>,
    note: &str,
    articles: Vec<ArticleEntry>,
    threads: Vec<Thread>,
    events: Vec<ThreadEvent>,
) -> Show {
    Show {
        original_title: original_title.map(Into::into),
        status,
        status_checked,
        note: note.into(),
        articles,
        threads,
        events,
        ..Show::new(ShowId(id), title)
    }
}

/// `library-v1.json` as it must load: each dossier a show (same id, titled after its article)
/// with one article whose id is new (10 and 11, from the file's `next_id` of 10), holding the
/// dossier's note and suggestions (passages naming the new id); each anchor names the new
/// article; no events; the counter past the new ids.
fn golden_v1_migrated() -> Library {
    let a = |quote: &str, hint| Anchor::new(ArticleId(11), quote, hint);
    let first_title = "Will It's Okay To Not Be Okay come back for a second season?";
    Library::from_parts(
        vec![
            show(
                1,
                first_title,
                None,
                ShowStatus::Unknown,
                None,
                "",
                vec![entry(
                    10,
                    article(
                        first_title,
                        Some(date(2022, 3, 17)),
                        ArticleFormat::Markdown,
                        "Fans still ask *whether* there is more story to tell.",
                        None,
                        None,
                    ),
                    "",
                    Some(Vec::new()),
                )],
                vec![thread(
                    2,
                    "Renewal: will a second season be confirmed at all?",
                    ThreadStatus::Open,
                    vec![Anchor::new(ArticleId(10), "more story to tell", 0)],
                    "",
                    vec![],
                )],
                vec![],
            ),
            show(
                3,
                "Casting call rumours",
                None,
                ShowStatus::Unknown,
                None,
                "",
                vec![entry(
                    11,
                    article(
                        "Casting call rumours",
                        None,
                        ArticleFormat::PlainText,
                        "A fan account posted a casting call.\nIt was fake.",
                        Some("/home/fan/Downloads/rumours.txt"),
                        Some("https://example.com/casting-call-rumours"),
                    ),
                    "노트 in Korean too",
                    Some(vec![
                        suggestion(
                            "Who posted the casting call?",
                            vec![a("A fan account posted a casting call", 0)],
                            0,
                            SuggestionState::Added,
                        ),
                        suggestion(
                            "Was the call ever real?",
                            vec![a("posted a casting call", 0), a("It was fake", 1)],
                            1,
                            SuggestionState::Dismissed,
                        ),
                        suggestion(
                            "Will the studio say anything?",
                            vec![a("It was fake", 1)],
                            0,
                            SuggestionState::Offered,
                        ),
                    ]),
                )],
                vec![
                    thread(
                        4,
                        "Was the casting call real?",
                        ThreadStatus::Dropped,
                        vec![a("a casting call", 0)],
                        "Looked fake from the start.",
                        vec![prediction(
                            5,
                            "The casting call is confirmed by the studio",
                            15,
                            Some(date(2027, 6, 30)),
                            Outcome::No,
                        )],
                    ),
                    thread(
                        6,
                        "Who posted it?",
                        ThreadStatus::Resolved,
                        vec![a("It was fake", 1)],
                        "The account admitted it.",
                        vec![
                            prediction(
                                7,
                                "The account owns up within a week",
                                60,
                                Some(date(2026, 1, 9)),
                                Outcome::Yes,
                            ),
                            prediction(
                                8,
                                "Someone from the studio was behind it",
                                5,
                                None,
                                Outcome::Ambiguous,
                            ),
                            prediction(
                                9,
                                "The same account posts another fake",
                                35,
                                Some(date(2028, 12, 31)),
                                Outcome::Pending,
                            ),
                        ],
                    ),
                ],
                vec![],
            ),
        ],
        12,
    )
}

/// `library-v2.json` as it must load, field by field.
fn golden_v2_expected() -> Library {
    let renewal = "Renewal: will a second season be confirmed at all?";
    let bond = "Could Moon-young and her mother rebuild their bond?";
    let variety = "Will the leads meet again on a variety show?";
    let letter = "Is the letter opened before the finale?";
    let tower = "Will the tower be sold?";
    let a2 = |quote: &str, hint| Anchor::new(ArticleId(2), quote, hint);
    let a9 = |quote: &str, hint| Anchor::new(ArticleId(9), quote, hint);
    let empty = |id, title: &str, original: Option<&str>, status, checked, note: &str| {
        show(
            id,
            title,
            original,
            status,
            checked,
            note,
            vec![],
            vec![],
            vec![],
        )
    };
    Library::from_parts(
        vec![
            show(
                1,
                "It's Okay to Not Be Okay",
                Some("사이코지만 괜찮아"),
                ShowStatus::Ended,
                Some(date(2022, 3, 17)),
                "Finale aired 2020-08-09. 노트 in Korean too.",
                vec![
                    entry(
                        2,
                        article(
                            "Is a second season of It's Okay to Not Be Okay on the way?",
                            Some(date(2022, 3, 17)),
                            ArticleFormat::Markdown,
                            "The finale went out on 9 August 2020.\n\nAs of 17 March 2022, *no second season has been confirmed*, though fans keep asking.\n\nIn the last episode Moon-young visits her mother in prison.\n\nGang-tae and Moon-young end the series together, with no word of a wedding.",
                            None,
                            None,
                        ),
                        "The built-in article.",
                        Some(vec![
                            suggestion(
                                bond,
                                vec![a2("Moon-young visits her mother in prison", 2)],
                                0,
                                SuggestionState::Added,
                            ),
                            suggestion(
                                "Would a second season follow the couple into marriage?",
                                vec![
                                    a2("end the series together", 3),
                                    a2("no word of a wedding", 3),
                                ],
                                1,
                                SuggestionState::Offered,
                            ),
                        ]),
                    ),
                    entry(
                        3,
                        article(
                            "Notes from a fan meeting",
                            None,
                            ArticleFormat::PlainText,
                            "Someone at the meeting said a second season is being talked about.\nNothing official yet.",
                            Some("/home/fan/Downloads/fan-meeting.txt"),
                            Some("https://example.com/fan-meeting"),
                        ),
                        "",
                        None,
                    ),
                ],
                vec![
                    thread(
                        4,
                        renewal,
                        ThreadStatus::Open,
                        vec![
                            a2("no second season has been confirmed", 1),
                            Anchor::new(ArticleId(3), "a second season is being talked about", 0),
                        ],
                        "Two articles, two stories. Waiting for the studio.",
                        vec![prediction(
                            5,
                            "A second season is announced before 2027",
                            20,
                            Some(date(2027, 1, 1)),
                            Outcome::Pending,
                        )],
                    ),
                    thread(
                        6,
                        bond,
                        ThreadStatus::Open,
                        vec![a2("Moon-young visits her mother in prison", 2)],
                        "",
                        vec![],
                    ),
                ],
                vec![
                    event(date(2026, 11, 1), 4, renewal, ThreadStatus::Open),
                    event(date(2026, 11, 1), 7, variety, ThreadStatus::Open),
                    event(date(2026, 11, 3), 6, bond, ThreadStatus::Open),
                    event(date(2026, 11, 10), 7, variety, ThreadStatus::Dropped),
                ],
            ),
            show(
                8,
                "Harbor Lights Radio",
                None,
                ShowStatus::Airing,
                Some(date(2026, 11, 20)),
                "New episode every Friday.",
                vec![entry(
                    9,
                    article(
                        "Harbor Lights Radio, episode six recap",
                        Some(date(2026, 11, 15)),
                        ArticleFormat::Markdown,
                        "Episode six ends with the keeper's letter still unopened.\n\nThe station's owner hints that the signal tower will be sold.",
                        None,
                        Some("https://example.org/harbor-lights-episode-6"),
                    ),
                    "Read on the train.",
                    Some(vec![suggestion(
                        "What becomes of the station?",
                        vec![
                            a9("the keeper's letter still unopened", 0),
                            a9("the signal tower will be sold", 1),
                        ],
                        1,
                        SuggestionState::Dismissed,
                    )]),
                )],
                vec![
                    thread(
                        10,
                        letter,
                        ThreadStatus::Resolved,
                        vec![a9("letter still unopened", 0)],
                        "Opened in episode eight.",
                        vec![
                            prediction(
                                11,
                                "The letter is opened before the last episode",
                                70,
                                None,
                                Outcome::Yes,
                            ),
                            prediction(
                                12,
                                "It is opened in episode seven",
                                30,
                                Some(date(2026, 11, 22)),
                                Outcome::No,
                            ),
                        ],
                    ),
                    thread(
                        13,
                        tower,
                        ThreadStatus::Dropped,
                        vec![a9("the signal tower will be sold", 1)],
                        "The show lost interest in it, and so did I.",
                        vec![prediction(
                            14,
                            "The tower changes hands by the last episode",
                            50,
                            Some(date(2026, 12, 18)),
                            Outcome::Ambiguous,
                        )],
                    ),
                ],
                vec![
                    event(date(2026, 11, 16), 10, letter, ThreadStatus::Open),
                    event(date(2026, 11, 16), 13, tower, ThreadStatus::Open),
                    event(date(2026, 11, 29), 10, letter, ThreadStatus::Resolved),
                    event(date(2026, 11, 30), 13, tower, ThreadStatus::Dropped),
                ],
            ),
            empty(
                15,
                "The Ninth Lantern",
                None,
                ShowStatus::RenewalRumoured,
                None,
                "",
            ),
            empty(
                16,
                "Paper Cranes in Winter",
                Some("겨울의 종이학"),
                ShowStatus::Renewed,
                Some(date(2026, 10, 2)),
                "",
            ),
            empty(
                17,
                "Copper Kettle Inn",
                None,
                ShowStatus::Cancelled,
                Some(date(2026, 9, 14)),
                "Stopped after one season.",
            ),
            empty(
                18,
                "Untitled orchard drama",
                None,
                ShowStatus::Unknown,
                None,
                "",
            ),
        ],
        19,
    )
}

use crate::key_paths::key_paths_of;

/// Issue 8, item 15 and issue 10, item 9: the golden file of every format version loads to
/// the library it means, every field checked by value (format 1 migrated), needing no repair,
/// and every enum value is in them. The format 2 golden holds every key this build writes,
/// named as written, so a renamed field cannot load silently as its default.
#[test]
fn the_golden_file_of_each_format_version_loads() {
    let cases = [
        (
            "library-v1.json",
            golden_v1_migrated(),
            1,
            4,
            Some(ShowId(3)),
        ),
        ("library-v2.json", golden_v2_expected(), 2, 7, None),
        ("library-v3.json", golden_v3_expected(), 3, 8, None),
        // Its article files are in tests/golden/articles/.
        ("library-v4.json", golden_v3_expected(), 4, 9, None),
        // Its show files are in tests/golden/shows/, its article files as format 4's.
        ("library-v5.json", golden_v3_expected(), 5, 10, None),
    ];
    for (name, expected, version, revision, legacy_open) in cases {
        let bytes = golden(name);
        let loaded = storage::decode_file_at(&bytes, &golden_path(name)).unwrap();
        assert_eq!(loaded.repairs, [], "{name} needs no repair");
        assert_eq!(
            (loaded.version, loaded.revision, loaded.legacy_open),
            (version, revision, legacy_open),
            "{name}"
        );
        assert_eq!(loaded.library, expected, "{name}");
        // Saving it again and reading it back loses nothing.
        let encoded = storage::encode(&expected).unwrap();
        assert_eq!(storage::decode(&encoded).unwrap(), expected, "{name}");

        let threads = || expected.shows.iter().flat_map(|s| &s.threads);
        for status in ThreadStatus::ALL {
            assert!(
                threads().any(|t| t.status == status),
                "{status:?} in {name}"
            );
        }
        for outcome in Outcome::ALL {
            assert!(
                threads()
                    .flat_map(|t| &t.predictions)
                    .any(|p| p.outcome == outcome),
                "{outcome:?} in {name}"
            );
        }
        let states: BTreeSet<String> = expected
            .articles()
            .flat_map(|a| a.suggestions.iter().flatten())
            .map(|s| format!("{:?}", s.state))
            .collect();
        assert_eq!(
            states.len(),
            3,
            "every suggestion state in {name}: {states:?}"
        );
    }

    let v2 = golden_v2_expected();
    for status in ShowStatus::ALL {
        assert!(v2.shows.iter().any(|s| s.status == status), "{status:?}");
    }
    let bytes = golden("library-v5.json");
    let (written, files) = storage::encode_library_file(
        &golden_v3_expected(),
        10,
        &storage::Lineage {
            save_id: "4a6c8e0b2d4f6a72".into(),
            based_on: vec!["3f5c7e9a1b2d4f61".into(), "2e4b6d8f0a1c3e50".into()],
        },
    )
    .unwrap();
    assert_eq!(
        key_paths_of(&bytes),
        key_paths_of(&written),
        "the v5 golden index holds every field, named as written"
    );
    // Each show file and article file is the text its name hashes, and the golden folders
    // hold each, byte for byte (so every field of a show is in the golden, named as written).
    let count = |dir| files.iter().filter(|f| f.dir == dir).count();
    assert_eq!((count(DataDir::Shows), count(DataDir::Articles)), (6, 3));
    for file in &files {
        let folder = golden_path(file.dir.name());
        assert_eq!(
            fs::read(folder.join(&file.name)).unwrap(),
            file.text.as_bytes(),
            "{}",
            file.name
        );
    }
}

/// Issue 20, item 7: format 4 keeps no article body in the library file; a golden library
/// whose article files are missing or damaged loads with every thread, note and prediction,
/// each such article showing a placeholder naming its file, and the repairs say which.
#[test]
fn the_v4_golden_file_without_its_article_files_keeps_everything_else() {
    let bytes = golden("library-v4.json");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("\"body\""),
        "no body in the library file"
    );
    let loaded = storage::decode_file(&bytes).unwrap();
    let expected = golden_v3_expected();
    assert_eq!(loaded.repairs.len(), 3, "{:?}", loaded.repairs);
    let mut without_bodies = loaded.library.clone();
    for (show, want) in without_bodies.shows.iter_mut().zip(&expected.shows) {
        assert_eq!(
            (&show.threads, &show.note, &show.events),
            (&want.threads, &want.note, &want.events)
        );
        for (entry, want) in show.articles.iter_mut().zip(&want.articles) {
            let file = format!(
                "articles/{}.md",
                storage::format::v4::sha256_hex(want.article.body.as_bytes())
            );
            assert!(entry.article.body.contains(&file), "{}", entry.article.body);
            assert!(entry.article.body.contains("missing"));
            entry.article.body = want.article.body.clone();
        }
    }
    assert_eq!(
        without_bodies, expected,
        "everything but the bodies is kept"
    );
    let words = loaded.repairs[0].to_string();
    assert!(
        words.contains("is missing") && words.contains("threads, notes and predictions are kept"),
        "{words}"
    );
    // Saved again, the library still names the missing files (not the placeholders).
    let (again, files) =
        storage::encode_library_file(&loaded.library, 10, &storage::Lineage::default()).unwrap();
    assert!(
        files.iter().all(|f| f.dir == DataDir::Shows),
        "a placeholder is never written as an article"
    );
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::create_dir_all(dir.join("shows")).unwrap();
    for file in &files {
        fs::write(dir.join("shows").join(&file.name), file.text.as_bytes()).unwrap();
    }
    for entry in fs::read_dir(golden_path("articles")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join("articles").join(entry.file_name())).unwrap();
    }
    fs::write(dir.join(LIBRARY_FILE), &again).unwrap();
    let opened = Store::open(&dir).unwrap();
    assert_eq!(opened.notices, []);
    assert_eq!(
        opened.library,
        Some(expected),
        "the files back, the texts are back"
    );
}

/// Opens a data folder holding the golden file of format `from` (and, from format 4, the
/// golden article files): the library is read migrated, the window is told (in words naming
/// `folder`, where the new files go), the file is kept byte for byte as
/// `library.format<from>-<time>.json` and nothing is written before a save. The first save
/// writes the show files and article files of the v5 golden, then an index smaller than the
/// old file by `shrink` times; reopening finds nothing to migrate or tell, and one kept copy.
fn migrates_to_format_5_and_keeps_the_file_whole(from: u32, folder: &str, shrink: usize) {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(&dir).unwrap();
    if from >= 4 {
        fs::create_dir_all(dir.join("articles")).unwrap();
        for name in folder_names(&golden_path("articles")) {
            fs::copy(
                golden_path("articles").join(&name),
                dir.join("articles").join(&name),
            )
            .unwrap();
        }
    }
    let old = golden(&format!("library-v{from}.json"));
    let path = dir.join(LIBRARY_FILE);
    fs::write(&path, &old).unwrap();

    let mut opened = Store::open(&dir).unwrap();
    let library = opened.library.clone().unwrap();
    assert_eq!(library, golden_v3_expected());
    let [
        Notice::Migrated {
            from: told,
            kept_as,
        },
    ] = opened.notices.as_slice()
    else {
        panic!("one migration notice: {:?}", opened.notices);
    };
    assert_eq!(*told, from);
    let message = opened.notices[0].to_string();
    assert!(
        message.contains(&format!("format {from}")) && message.contains(folder),
        "{message}"
    );
    assert_eq!(fs::read(kept_as).unwrap(), old, "kept byte for byte");
    assert_eq!(
        fs::read(&path).unwrap(),
        old,
        "nothing written before a save"
    );
    assert!(!dir.join("shows").exists());

    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    let saved = fs::read(&path).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&saved).unwrap();
    assert_eq!(value["format_version"], 5);
    assert!(
        saved.len() * shrink < old.len(),
        "an index: {} bytes, format {from} {}",
        saved.len(),
        old.len()
    );
    for folder in ["shows", "articles"] {
        assert_eq!(
            folder_names(&dir.join(folder)),
            folder_names(&golden_path(folder)),
            "the same {folder} files as the v5 golden"
        );
    }
    assert_eq!(
        fs::read(kept_as).unwrap(),
        old,
        "the kept copy is left alone"
    );
    drop(opened);
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    assert_eq!(again.library, Some(library));
    let prefix = format!("library.format{from}-");
    assert_eq!(files_named(&dir, &prefix).len(), 1);
}

/// Issue 20, item 7: a format 3 library (every earlier version goes through it) is read
/// migrated and kept whole; the first save writes each article file and show file, then the
/// index.
#[test]
fn a_format_3_library_is_migrated_to_article_files_and_kept_whole() {
    migrates_to_format_5_and_keeps_the_file_whole(3, "articles folder", 5);
}

/// Issue 20, item 7: a format 4 library is read migrated and kept whole; the first save
/// writes each show's file, then an index a fraction of its size; the article files stay as
/// they were.
#[test]
fn a_format_4_library_is_migrated_to_show_files_and_kept_whole() {
    migrates_to_format_5_and_keeps_the_file_whole(4, "shows folder", 3);
}

/// The names of the files in `dir`, sorted.
fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The show file (format 5) of show `i` of the index `saved` (`library.json` of `dir`), as
/// JSON.
fn show_file(dir: &Path, saved: &serde_json::Value, i: usize) -> serde_json::Value {
    let hash = saved["library"]["shows"][i]["file_sha256"]
        .as_str()
        .unwrap();
    serde_json::from_slice(&fs::read(dir.join("shows").join(format!("{hash}.json"))).unwrap())
        .unwrap()
}

/// The format 3 golden file: the format 2 one with each prediction's record (issue 19): a
/// history with a day not known, decimal percentages, days given and days resolved.
fn golden_v3_expected() -> Library {
    let mut library = golden_v2_expected();
    let day = |m, d| Some(date(2026, m, d));
    let given = |permille, on| Given {
        probability: Probability::from_permille(permille).unwrap(),
        on,
    };
    for prediction in library
        .shows
        .iter_mut()
        .flat_map(|s| &mut s.threads)
        .flat_map(|t| &mut t.predictions)
    {
        let (earlier, current, resolved_on) = match prediction.id.0 {
            5 => (
                vec![given(200, None), given(355, day(11, 30))],
                given(250, day(12, 5)),
                None,
            ),
            11 => (
                vec![given(600, day(11, 1))],
                given(700, day(11, 10)),
                day(11, 20),
            ),
            12 => (vec![], given(300, day(11, 2)), day(11, 22)),
            14 => (vec![], given(500, None), day(12, 19)),
            other => panic!("no prediction {other} in the golden file"),
        };
        prediction.earlier = earlier;
        prediction.current = current;
        prediction.resolved_on = resolved_on;
    }
    library
}

/// Issue 19: a format 2 library is migrated to format 3 with "made on: unknown" (no date is
/// invented) and kept byte for byte as `library.format2-<time>.json` before the first save,
/// which writes format 3.
#[test]
fn a_format_2_library_is_migrated_with_no_invented_dates_and_kept_whole() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(&dir).unwrap();
    let v2 = golden("library-v2.json");
    let path = dir.join(LIBRARY_FILE);
    fs::write(&path, &v2).unwrap();

    let mut opened = Store::open(&dir).unwrap();
    let library = opened.library.clone().unwrap();
    assert_eq!(library, golden_v2_expected());
    for prediction in library.threads().flat_map(|t| &t.predictions) {
        assert_eq!(prediction.made_on(), None, "made on: unknown");
        assert_eq!(prediction.resolved_on, None);
        assert!(prediction.earlier.is_empty());
    }
    let [Notice::Migrated { from: 2, kept_as }] = opened.notices.as_slice() else {
        panic!("one migration notice: {:?}", opened.notices);
    };
    assert_eq!(
        files_named(&dir, "library.format2-"),
        std::slice::from_ref(kept_as)
    );
    assert_eq!(fs::read(kept_as).unwrap(), v2, "kept byte for byte");
    assert_eq!(
        fs::read(&path).unwrap(),
        v2,
        "nothing written before a save"
    );

    let outcome = opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    assert_eq!(outcome, SaveOutcome::Written { notices: vec![] });
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["format_version"], 5);
    let first = &show_file(&dir, &saved, 0)["threads"][0]["predictions"][0];
    assert_eq!(first["probabilities"][0]["on"], serde_json::Value::Null);
    assert_eq!(
        fs::read(kept_as).unwrap(),
        v2,
        "the kept copy is left alone"
    );
    drop(opened);
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    assert_eq!(files_named(&dir, "library.format2-").len(), 1);
}

/// Issue 10, item 9: opening a data folder whose library is format 1 reads it migrated, keeps
/// the file byte for byte as `library.format1-<time>.json` before anything is written, says
/// so, and the first save writes format 2; opening again neither migrates nor copies again.
#[test]
fn a_format_1_library_is_migrated_and_kept_whole_before_the_first_save() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(&dir).unwrap();
    let v1 = golden("library-v1.json");
    let path = dir.join(LIBRARY_FILE);
    fs::write(&path, &v1).unwrap();

    let mut opened = Store::open(&dir).unwrap();
    assert_eq!(opened.library.as_ref(), Some(&golden_v1_migrated()));
    assert_eq!(opened.legacy_open, Some(ShowId(3)));
    let [Notice::Migrated { from: 1, kept_as }] = opened.notices.as_slice() else {
        panic!("one migration notice: {:?}", opened.notices);
    };
    assert_eq!(
        files_named(&dir, "library.format1-"),
        std::slice::from_ref(kept_as)
    );
    let kept_name = kept_as.file_name().unwrap().to_string_lossy().into_owned();
    assert!(kept_name.ends_with(".json"), "{kept_name}");
    assert_eq!(fs::read(kept_as).unwrap(), v1, "kept byte for byte");
    assert_eq!(
        fs::read(&path).unwrap(),
        v1,
        "nothing written before a save"
    );
    let message = opened.notices[0].to_string();
    assert!(
        message.contains("older Fan Tracker") && message.contains(&kept_name),
        "{message}"
    );
    assert_eq!(opened.store.revision(), 4);

    // The first save writes the current format, one revision on.
    let mut library = opened.library.clone().unwrap();
    library.shows[1].note = "saved in format 2".into();
    let outcome = opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    assert_eq!(outcome, SaveOutcome::Written { notices: vec![] });
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["format_version"], 5);
    assert_eq!(saved["revision"], 5);
    assert_eq!(show_file(&dir, &saved, 1)["note"], "saved in format 2");
    assert_eq!(
        fs::read(kept_as).unwrap(),
        v1,
        "the kept copy is left alone"
    );
    drop(opened);

    // Opening again: no migration, no second copy, nothing to say.
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    assert_eq!(again.library, Some(library));
    assert_eq!(again.legacy_open, None);
    assert_eq!(files_named(&dir, "library.format1-").len(), 1);
}

/// A second window on a format 1 folder (read-only, the first holds the lock) reads it
/// migrated but writes nothing, not even the kept copy.
#[test]
fn a_read_only_window_migrates_in_memory_and_writes_nothing() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(LIBRARY_FILE), golden("library-v1.json")).unwrap();
    let first = Store::open(&dir).unwrap();
    let before = files_named(&dir, "");
    let second = Store::open(&dir).unwrap();
    assert!(second.store.is_read_only());
    assert_eq!(second.library, first.library);
    assert!(
        !second
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Migrated { .. })),
        "{:?}",
        second.notices
    );
    assert_eq!(files_named(&dir, ""), before);
}

/// Opening a format 1 folder again before anything was saved (the fan looked and closed)
/// keeps no second copy of the same file, but a different format 1 file put there later is
/// kept too.
#[test]
fn reopening_a_format_1_library_before_a_save_keeps_one_copy() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    fs::create_dir_all(&dir).unwrap();
    let v1 = golden("library-v1.json");
    fs::write(dir.join(LIBRARY_FILE), &v1).unwrap();
    for _ in 0..3 {
        let opened = Store::open(&dir).unwrap();
        let [Notice::Migrated { kept_as, .. }] = opened.notices.as_slice() else {
            panic!("{:?}", opened.notices);
        };
        assert_eq!(fs::read(kept_as).unwrap(), v1);
        assert_eq!(
            files_named(&dir, "library.format1-"),
            std::slice::from_ref(kept_as)
        );
    }
    let other = String::from_utf8(v1.clone())
        .unwrap()
        .replace("노트 in Korean too", "another note");
    fs::write(dir.join(LIBRARY_FILE), &other).unwrap();
    let opened = Store::open(&dir).unwrap();
    let [Notice::Migrated { kept_as, .. }] = opened.notices.as_slice() else {
        panic!("{:?}", opened.notices);
    };
    assert_eq!(fs::read(kept_as).unwrap(), other.as_bytes());
    assert_eq!(files_named(&dir, "library.format1-").len(), 2);
}
