//! Importing articles: the handed cases, every encoding and kind, and the same import behind
//! opening, pasting and dropping.

use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{ImportError, Origin, SourceKind, import};
use jiff::civil::date;
use proptest::prelude::*;

use crate::fixture::{TempDir, click, launch, settle, type_into};

/// The text of each block of `article`, as shown and searched.
fn block_texts(article: &fan_tracker::model::Article) -> Vec<String> {
    article
        .document()
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect()
}

/// The fixtures folder.
fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn case_01_front_matter_is_read_and_not_shown() {
    let name = "01-front-matter.md";
    let imported = import(&fixture(name), Origin::File(name)).unwrap();
    let article = imported.article;
    assert_eq!(article.title, "Harbor Lights renewal watch");
    assert_eq!(article.as_of, Some(date(2023, 6, 2)));
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://example.org/harbor-lights-renewal")
    );
    assert_eq!(
        &*article.body,
        "The network has not said a word about a second season yet.\n\nFans are still hoping the lighthouse keeper returns."
    );
    let blocks = block_texts(&article);
    assert!(
        !blocks
            .iter()
            .any(|b| b.contains("---") || b.contains("tags"))
    );
}

#[test]
fn case_12_decomposed_hangul_is_stored_composed() {
    use unicode_normalization::UnicodeNormalization as _;
    let name = "12-nfd-hangul.txt";
    let bytes = fixture(name);
    let raw = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        !unicode_normalization::is_nfc(&raw),
        "the fixture is decomposed"
    );
    let article = import(&bytes, Origin::File(name)).unwrap().article;
    assert_eq!(article.title, "하버 라이트 시즌2 소식");
    assert_eq!(article.as_of, Some(date(2023, 6, 2)));
    assert!(unicode_normalization::is_nfc(&article.body));
    let expected: String = raw
        .lines()
        .skip(2)
        .collect::<Vec<_>>()
        .join("\n")
        .nfc()
        .collect();
    assert_eq!(&*article.body, expected);
    assert!(article.body.contains("등대지기"), "searchable as typed");
}

#[test]
fn every_encoding_a_text_file_comes_in() {
    let text = "하버 라이트 시즌2 소식\n방송사는 아직 두 번째 시즌을 발표하지 않았다.";
    let mut utf8_bom = b"\xef\xbb\xbf".to_vec();
    utf8_bom.extend(text.as_bytes());
    let mut utf16le = vec![0xff, 0xfe];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xfe, 0xff];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(text);
    for (bytes, encoding) in [
        (text.as_bytes().to_vec(), None),
        (utf8_bom, None),
        (utf16le, Some("UTF-16LE")),
        (utf16be, Some("UTF-16BE")),
        (euc_kr.into_owned(), Some("EUC-KR")),
    ] {
        let imported = import(&bytes, Origin::File("news.txt")).unwrap();
        assert_eq!(imported.encoding, encoding);
        assert_eq!(imported.article.title, "하버 라이트 시즌2 소식");
        assert_eq!(
            &*imported.article.body,
            "방송사는 아직 두 번째 시즌을 발표하지 않았다."
        );
    }
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Café owners near the set say the crew’s return “would be wonderful” for the town.",
    );
    let imported = import(&latin, Origin::Pasted).unwrap();
    assert_eq!(imported.encoding, Some("windows-1252"));
    assert!(
        imported
            .article
            .body
            .contains("crew’s return “would be wonderful”")
    );
}

#[test]
fn binary_files_are_refused_in_words() {
    for (bytes, what) in [
        (&b"%PDF-1.7\n%\xe2\xe3"[..], "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
        (b"PK\x03\x04\x14\0\x06\0", "a zip archive"),
        (b"plain start\0then nul", "binary data"),
    ] {
        let error = import(bytes, Origin::File("x.txt")).unwrap_err();
        assert!(matches!(error, ImportError::Binary { .. }));
        assert!(error.to_string().contains(what), "{error}");
    }
}

#[test]
fn a_saved_news_page_becomes_an_article() {
    let page = fixture("html/news-page.html");
    let imported = import(&page, Origin::File("Harbor Lights.html")).unwrap();
    assert_eq!(imported.kind, SourceKind::Html);
    let article = imported.article;
    assert_eq!(
        article.title,
        "Harbor Lights: the lighthouse drama's fans still wait for word"
    );
    assert_eq!(article.as_of, Some(date(2023, 6, 2)));
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://news.example.org/drama/harbor-lights-wait")
    );
    let texts = block_texts(&article);
    assert!(
        texts.iter().any(|t| t == "What the cast has said"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Eight months after its finale"))
    );
    for chrome in [
        "cookies",
        "Share on",
        "newsletter",
        "Comments",
        "Top stories",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(chrome)),
            "{chrome}: {texts:?}"
        );
    }
    // The same page pasted as text is the same article.
    let pasted = import(&page, Origin::Pasted).unwrap();
    assert_eq!(pasted.article, article);
}

#[test]
fn pages_without_an_article_are_refused_and_nothing_is_made() {
    for name in ["html/login-wall.html", "html/index-page.html"] {
        let error = import(&fixture(name), Origin::File(name)).unwrap_err();
        assert_eq!(error, ImportError::NoArticle, "{name}");
        assert!(error.to_string().contains("no article was found"));
    }
}

/// A file dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_page_and_pasting_it_go_through_the_same_import() {
    let tmp = TempDir::new();
    let page = fixture("html/news-page.html");
    let file = tmp.write("harbor.html", &page);
    let mut harness = launch(&tmp.data_dir(), None);

    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file.clone())));
    harness.run();
    settle(&mut harness);
    let dropped = harness.state().open_article().unwrap().1.article.clone();
    assert_eq!(
        dropped.source_path.as_deref(),
        Some(std::fs::canonicalize(&file).unwrap().to_str().unwrap())
    );
    harness.get_by_label("Source: https://news.example.org/drama/harbor-lights-wait");

    click(&mut harness, "Paste article…");
    type_into(
        &mut harness,
        "Article text",
        std::str::from_utf8(&page).unwrap(),
    );
    click(&mut harness, "Create dossier");
    settle(&mut harness);
    let pasted = harness.state().open_article().unwrap().1.article.clone();
    assert_eq!(harness.state().library().articles().count(), 3);
    assert_eq!(pasted.source_path, None);
    assert_eq!(
        (pasted.title, pasted.as_of, pasted.body, pasted.source_url),
        (
            dropped.title,
            dropped.as_of,
            dropped.body,
            dropped.source_url
        )
    );
}

#[test]
fn a_legacy_encoded_file_says_which_encoding_was_assumed() {
    let tmp = TempDir::new();
    let (bytes, _, _) = encoding_rs::EUC_KR
        .encode("하버 라이트 시즌2 소식\n방송사는 아직 두 번째 시즌을 발표하지 않았다.");
    let file = tmp.write("korean-news.txt", &bytes);
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(
        harness.state().open_article().unwrap().1.article.title,
        "하버 라이트 시즌2 소식"
    );
    harness.get_by_label_contains("The file korean-news.txt is not UTF-8; it was read as EUC-KR");
}

#[test]
fn a_login_wall_gets_a_notice_and_nothing_is_saved() {
    let tmp = TempDir::new();
    let file = tmp.write("login.htm", fixture("html/login-wall.html"));
    let harness = launch(&tmp.data_dir(), Some(file));
    harness.get_by_label_contains("no article was found on this page");
    assert_eq!(harness.state().library().articles().count(), 1);
}

proptest! {
    #[test]
    fn any_bytes_import_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for origin in [Origin::File("a.txt"), Origin::File("a.md"), Origin::File("a.html"), Origin::Pasted] {
            if let Ok(imported) = import(&bytes, origin) {
                prop_assert!(!imported.article.title.is_empty());
                let _ = imported.article.document();
            }
        }
    }

    #[test]
    fn any_utf8_text_imports_without_panic(text in "\\PC{0,400}", html in "(<[a-z]{1,6}>|</[a-z]{1,6}>|[^<]{0,20}){0,40}") {
        for origin in [Origin::File("a.txt"), Origin::File("a.md"), Origin::Pasted] {
            match import(text.as_bytes(), origin) {
                Ok(imported) => {
                    prop_assert!(!imported.article.title.trim().is_empty());
                    prop_assert!(unicode_normalization::is_nfc(&imported.article.body));
                    let _ = imported.article.document();
                }
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
        let _ = import(html.as_bytes(), Origin::File("page.html"));
        let _ = import(format!("<html><body>{html}</body></html>").as_bytes(), Origin::Pasted);
    }
}
