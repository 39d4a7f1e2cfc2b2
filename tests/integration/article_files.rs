//! Format 4's two-part data folder (issue 20, item 7): `library.json` holds only the fan's own
//! data, each article's text is `articles/<sha256>.md`, written once before the library that
//! names it; a missing or damaged article file is told in words and costs nothing else;
//! backups and copies read their articles from the data folder.

use std::fs;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{ArticleEntry, ArticleId, Library};
use fan_tracker::storage::format::v4::sha256_hex;
use fan_tracker::storage::{DataDir, LIBRARY_FILE, Notice, Repair, SaveRequest, Store};

use crate::fixture::{TempDir, files_named};

/// The default library, a note on its show, and a second article with `text` in its body.
fn library_with_two_articles(text: &str) -> Library {
    let mut library = Library::default();
    library.shows[0].note = "the fan's own words".into();
    library.shows[0].threads[0].note = "a thread note".into();
    let id = ArticleId(library.allocate_id());
    let mut article = library.shows[0].articles[0].article.clone();
    article.title = "A second article".into();
    article.body = format!("The second article.\n\n{text}").into();
    library.shows[0]
        .articles
        .push(ArticleEntry::new(id, article));
    library
}

/// The article file of `body` in the data folder `dir`.
fn article_path(dir: &Path, body: &str) -> PathBuf {
    dir.join("articles")
        .join(format!("{}.md", sha256_hex(body.as_bytes())))
}

fn save(dir: &Path, library: &Library) {
    let mut opened = Store::open(dir).unwrap();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
}

/// What the library saved in `dir` holds as text: `library.json` (format 5, an index) and each
/// show file it names.
fn saved_text(dir: &Path) -> String {
    let index = fs::read_to_string(dir.join(LIBRARY_FILE)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&index).unwrap();
    let mut text = index.clone();
    for show in value["library"]["shows"].as_array().unwrap() {
        let hash = show["file_sha256"].as_str().unwrap();
        text.push_str(&fs::read_to_string(dir.join("shows").join(format!("{hash}.json"))).unwrap());
    }
    text
}

#[test]
fn the_library_file_names_each_article_file_and_holds_no_article_text() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = library_with_two_articles("Only in the article file.");
    save(&dir, &library);
    let saved = saved_text(&dir);
    assert!(!saved.contains("Only in the article file."), "{saved}");
    assert!(saved.contains("the fan's own words"));
    for entry in &library.shows[0].articles {
        let body = &*entry.article.body;
        let path = article_path(&dir, body);
        assert_eq!(
            fs::read(&path).unwrap(),
            body.as_bytes(),
            "{}",
            path.display()
        );
        assert!(saved.contains(&sha256_hex(body.as_bytes())));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.join("articles")), 0o700, "a private folder");
        let first = &library.shows[0].articles[0].article.body;
        assert_eq!(mode(&article_path(&dir, first)), 0o600, "private files");
    }
    let opened = Store::open(&dir).unwrap();
    assert_eq!(opened.notices, []);
    assert_eq!(opened.library, Some(library));
}

#[test]
fn a_missing_or_damaged_article_file_is_told_and_everything_else_is_kept() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = library_with_two_articles("The second text.");
    save(&dir, &library);
    let first = library.shows[0].articles[0].article.body.clone();
    let second = library.shows[0].articles[1].article.body.clone();
    // A sync tool has not delivered the first yet; the second was damaged.
    fs::remove_file(article_path(&dir, &first)).unwrap();
    fs::write(article_path(&dir, &second), "Not the text its name hashes.").unwrap();

    let mut opened = Store::open(&dir).unwrap();
    let [Notice::Repaired { repairs }] = opened.notices.as_slice() else {
        panic!("one notice of what is missing: {:?}", opened.notices);
    };
    let first_file = format!("articles/{}.md", sha256_hex(first.as_bytes()));
    let second_file = format!("articles/{}.md", sha256_hex(second.as_bytes()));
    assert!(
        matches!(&repairs[..], [
            Repair::ArticleMissing { file: a, .. },
            Repair::ArticleDamaged { file: b, kept_as: Some(_), .. },
        ] if *a == first_file && *b == second_file),
        "{repairs:?}"
    );
    let words = opened.notices[0].to_string();
    assert!(
        words.contains(&first_file)
            && words.contains(&second_file)
            && words.contains("is missing")
            && words.contains("is damaged")
            && words.contains("kept aside as articles/"),
        "{words}"
    );
    // The damaged file is copied aside byte for byte and left in place (moving it would
    // reach the fan's other devices through a sync tool as a deletion of their good copy),
    // never used.
    let aside = files_named(
        &dir.join("articles"),
        &format!("{}.damaged-", sha256_hex(second.as_bytes())),
    );
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        fs::read(&aside[0]).unwrap(),
        b"Not the text its name hashes."
    );
    assert_eq!(
        fs::read(article_path(&dir, &second)).unwrap(),
        b"Not the text its name hashes."
    );

    // Every thread, note and prediction is kept; each article shows a placeholder naming its
    // file.
    let loaded = opened.library.clone().unwrap();
    let (show, want) = (&loaded.shows[0], &library.shows[0]);
    assert_eq!(
        (&show.threads, &show.note, &show.events),
        (&want.threads, &want.note, &want.events)
    );
    assert!(show.articles[0].article.body.contains(&first_file));
    assert!(show.articles[1].article.body.contains(&second_file));
    assert!(show.articles[0].article.body.contains("missing"));

    // A save keeps naming the missing files, never writes a placeholder as an article.
    let mut edited = loaded.clone();
    edited.shows[0].note = "edited while the texts are missing".into();
    opened
        .store
        .save(&SaveRequest::new(edited.clone()))
        .unwrap();
    let saved = saved_text(&dir);
    assert!(saved.contains(&sha256_hex(first.as_bytes())));
    assert!(saved.contains(&sha256_hex(second.as_bytes())));
    assert_eq!(
        fs::read_dir(dir.join("articles")).unwrap().count(),
        2,
        "only the damaged file and its copy: no placeholder written"
    );
    assert_eq!(
        fs::read(article_path(&dir, &second)).unwrap(),
        b"Not the text its name hashes.",
        "never written over"
    );
    drop(opened);

    // The files come back (from the other device): the texts are back, with the edit.
    fs::write(article_path(&dir, &first), first.as_bytes()).unwrap();
    fs::write(article_path(&dir, &second), second.as_bytes()).unwrap();
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    let mut expected = library.clone();
    expected.shows[0].note = "edited while the texts are missing".into();
    assert_eq!(again.library, Some(expected));
}

#[test]
fn a_backup_restores_with_its_articles_after_the_article_was_deleted() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = library_with_two_articles("Deleted later, kept for the backup.");
    let mut opened = Store::open(&dir).unwrap();
    opened
        .store
        .save(&SaveRequest::new(library.clone()))
        .unwrap();
    // The article is deleted; the save keeps the version before it as a backup.
    let mut without = library.clone();
    without.shows[0].articles.pop();
    opened
        .store
        .save(&SaveRequest {
            force_backup: true,
            ..SaveRequest::new(without.clone())
        })
        .unwrap();
    let backups = opened.store.backups().unwrap();
    let loaded = Store::load_file(&backups[0]).unwrap();
    assert_eq!(loaded.repairs, []);
    assert_eq!(loaded.library, library, "the backup restores whole");
    assert_eq!(
        Store::read_library(&dir.join(LIBRARY_FILE)).unwrap(),
        without
    );
}

/// Another device's save arrives through a sync tool with its library file before its new
/// article file: it is merged as always (three-way), the article waiting for its file shows
/// the placeholder, the merged library keeps naming the file, and once the file arrives the
/// text is there.
#[test]
fn a_change_from_another_device_merges_before_its_article_file_arrives() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let path = dir.join(LIBRARY_FILE);
    let base = Library::default();
    let mut opened = Store::open(&dir).unwrap();
    opened.store.save(&SaveRequest::new(base.clone())).unwrap();

    // The other device adds an article and saves, from this save.
    let on_disk = fs::read(&path).unwrap();
    let lineage = fan_tracker::storage::decode_file_at(&on_disk, &path)
        .unwrap()
        .lineage
        .next();
    let mut theirs = base.clone();
    let id = ArticleId(theirs.allocate_id());
    let mut article = theirs.shows[0].articles[0].article.clone();
    article.title = "From the phone".into();
    article.body = "Read on the phone, on the train.".into();
    theirs.shows[0]
        .articles
        .push(ArticleEntry::new(id, article));
    let (bytes, files) =
        fan_tracker::storage::encode_library_file(&theirs, opened.store.revision() + 1, &lineage)
            .unwrap();
    // Its show file arrives first; its new article's file is late.
    for file in files.iter().filter(|f| f.dir == DataDir::Shows) {
        fs::create_dir_all(dir.join("shows")).unwrap();
        fs::write(dir.join("shows").join(&file.name), file.text.as_bytes()).unwrap();
    }
    fs::write(&path, &bytes).unwrap();
    let late = files
        .iter()
        .find(|f| &*f.text == "Read on the phone, on the train.")
        .unwrap()
        .clone();

    // Meanwhile the fan writes a note here.
    let mut ours = base.clone();
    ours.shows[0].note = "typed on the desktop".into();
    let outcome = opened.store.save(&SaveRequest::new(ours.clone())).unwrap();
    let fan_tracker::storage::SaveOutcome::ChangedOnDisk {
        base: merge_base,
        theirs: their_library,
        ..
    } = outcome
    else {
        panic!("the change behind the app is handed back to merge: {outcome:?}");
    };
    assert_eq!(*merge_base, base);
    let arrived = &their_library.shows[0].articles[1];
    assert_eq!(arrived.article.title, "From the phone");
    assert!(
        arrived.article.body.contains(&late.name),
        "placeholder names the file"
    );
    let merged = fan_tracker::model::merge_libraries(&merge_base, &ours, &their_library).library;
    opened.store.save(&SaveRequest::new(merged)).unwrap();
    assert!(
        saved_text(&dir).contains(late.name.trim_end_matches(".md")),
        "the merged library names the article file still on its way"
    );
    assert!(!dir.join("articles").join(&late.name).exists());
    drop(opened);

    // The sync tool delivers the article file.
    fs::write(dir.join("articles").join(&late.name), late.text.as_bytes()).unwrap();
    let again = Store::open(&dir).unwrap();
    assert_eq!(again.notices, []);
    let library = again.library.unwrap();
    assert_eq!(library.shows[0].note, "typed on the desktop");
    assert_eq!(
        &*library.shows[0].articles[1].article.body,
        "Read on the phone, on the train."
    );
}

/// In the window: a library whose article file is missing opens with every thread, says in
/// words which text is missing and where it was looked for, and the article shows the
/// placeholder naming the file; an edit is saved as usual.
#[test]
fn the_window_says_which_article_text_is_missing_and_keeps_the_threads() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let library = Library::default();
    save(&dir, &library);
    let body = library.shows[0].articles[0].article.body.clone();
    fs::remove_file(article_path(&dir, &body)).unwrap();
    let file = format!("articles/{}.md", sha256_hex(body.as_bytes()));

    let harness = crate::fixture::launch(&dir, None);
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.contains("is missing"))
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "a notice of the missing text: {:?}",
                harness.state().notices()
            )
        });
    assert!(notice.contains(&file), "{notice}");
    harness.get_by_label(&notice);
    harness.get_by_label_contains("The text of this article is missing.");
    let shown = harness.state().library();
    assert_eq!(shown.shows[0].threads, library.shows[0].threads);
    assert!(shown.shows[0].articles[0].article.body.contains(&file));
    assert_eq!(
        shown.shows[0].articles[0].suggestions, None,
        "nothing is suggested from the placeholder"
    );
}
