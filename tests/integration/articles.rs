//! Every article as its author meant it, round two (issue 18): tab-separated tables in plain
//! text, passages that are whole sentences, short and odd web pages, and a file that changed
//! since it was imported. Each handed case (`tests/fixtures/14-…` to `17-…`) is kept with its
//! right value, next to a fixture of our own of the same kind.

use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{
    Article, BlockKind, CellAlign, Document, Origin, SourceKind, import, suggest::suggest,
};
use fan_tracker::ui::add_suggestion_label;
use jiff::civil::date;

use crate::fixture::{TempDir, click, close, launch, open_entry, open_show};

/// The bytes of `tests/fixtures/NAME`.
fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The fixture `name` imported as a file of that name.
fn imported(name: &str) -> Article {
    import(&fixture(name), Origin::File(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .article
}

/// Each table row of `document` as its cells' texts.
fn rows(document: &Document) -> Vec<Vec<&str>> {
    document
        .blocks
        .iter()
        .filter_map(|b| {
            let row = b.table.as_ref()?;
            Some(row.cells.iter().map(|c| &b.text[c.clone()]).collect())
        })
        .collect()
}

/// The texts of the blocks that are not table rows.
fn paragraphs(document: &Document) -> Vec<&str> {
    document
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::TableRow)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn case_14_tab_separated_rows_stay_rows_with_their_columns() {
    let article = imported("14-tab-table.txt");
    assert_eq!(article.title, "Harbor Lights ratings by episode");
    let document = article.document();
    assert_eq!(
        rows(&document),
        [
            vec!["Episode", "Rating", "Viewers"],
            vec!["1", "4.1%", "1.2m"],
            vec!["16", "9.8%", "3.0m"],
        ]
    );
    let first = document.blocks[0].table.as_ref().unwrap();
    assert!(
        first.header,
        "a row of names over rows of numbers is a header"
    );
    assert_eq!(first.column_chars, [7, 6, 7], "one width per column");
    assert_eq!(
        first.align,
        [CellAlign::Right; 3],
        "numbers line up on the right"
    );
    assert_eq!(
        paragraphs(&document),
        ["The network has not said whether a second season is coming."],
        "a lone line with tabs is a sentence, not a table"
    );
}

#[test]
fn a_cast_list_with_other_columns_and_label_lines_keeps_its_structure() {
    let article = imported("tab-table-cast.txt");
    assert_eq!(article.title, "Paper Moon cast for the holiday special");
    let document = article.document();
    let table = rows(&document);
    assert_eq!(table.len(), 4);
    assert_eq!(table[0], ["Role", "Actor", "First episode", "Returns?"]);
    assert_eq!(table[2], ["Café owner", "Seo Mi-rae", "3", "unknown"]);
    let header = document.blocks[0].table.as_ref().unwrap();
    assert!(header.header);
    assert_eq!(
        header.align,
        [
            CellAlign::Left,
            CellAlign::Left,
            CellAlign::Right,
            CellAlign::Left
        ]
    );
    assert_eq!(
        paragraphs(&document),
        [
            "Network: JTBC\nEpisodes: 2\nStatus: not confirmed",
            "The writer has not said whether the keeper will appear, and the network would not comment on the rumours."
        ]
    );
    // A table with no line above it is not named after its header row's tabs.
    let bare = import(
        b"Episode\tAir date\n1\t2024-01-05\n2\t2024-01-06\n",
        Origin::Pasted,
    )
    .unwrap();
    assert_eq!(bare.kind, SourceKind::PlainText);
    assert_eq!(bare.article.title, "Episode, Air date");
    assert_eq!(rows(&bare.article.document()).len(), 3);
}

#[test]
fn case_14_in_the_window_the_columns_line_up() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), Some(fixture_path("14-tab-table.txt")));
    let rect = |text: &str| {
        harness
            .query_all_by(|n| n.value().is_some_and(|v| v == text))
            .next()
            .unwrap_or_else(|| panic!("{text:?} is drawn"))
            .rect()
    };
    let (episode, rating, viewers) = (rect("Episode"), rect("Rating"), rect("Viewers"));
    assert!(
        (episode.center().y - rating.center().y).abs() < 1.0,
        "one row"
    );
    assert!(episode.right() < rating.left() && rating.right() < viewers.left());
    let (one, sixteen) = (rect("4.1%"), rect("9.8%"));
    assert!(one.center().y > rating.center().y + 5.0, "rows stacked");
    assert!(sixteen.center().y > one.center().y + 5.0);
    assert!(
        (one.right() - sixteen.right()).abs() < 1.0
            && one.left() < rating.right()
            && one.right() > rating.left(),
        "a column's cells line up under its header: {rating:?} {one:?} {sixteen:?}"
    );
}

/// Whether a passage carries a piece of a footnote mark (`1]`, a trailing `[`).
fn has_mark_fragment(text: &str) -> bool {
    let starts_with_close = text
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .starts_with(']')
        && text.starts_with(|c: char| c.is_ascii_digit());
    starts_with_close || text.ends_with('[') || text.starts_with(']')
}

#[test]
fn case_15_passages_are_whole_sentences_without_footnote_marks() {
    let article = imported("15-footnotes.md");
    let suggestions = suggest(&article.document());
    let passages: Vec<&str> = suggestions
        .iter()
        .flat_map(|s| s.passages.iter().map(|p| p.text.as_str()))
        .collect();
    assert!(!passages.is_empty());
    assert!(
        passages.iter().all(|p| !has_mark_fragment(p)),
        "{passages:?}"
    );
    let first = &suggestions[0];
    assert_eq!(
        first.passages[first.best].text,
        "The network has not said whether a second season is planned."
    );
}

#[test]
fn case_15_adding_the_first_suggestion_quotes_the_whole_sentence() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), Some(fixture_path("15-footnotes.md")));
    let entry = open_entry(&harness);
    let first = entry.suggestions.as_ref().unwrap()[0].clone();
    click(&mut harness, &add_suggestion_label(&first.title));
    let thread = open_show(&harness).threads.last().unwrap().clone();
    let quotes: Vec<&str> = thread.anchors.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(
        quotes,
        ["The network has not said whether a second season is planned."]
    );
}

#[test]
fn a_footnote_heavy_piece_gives_whole_sentences_around_marks_boxes_and_images() {
    let article = imported("footnotes-heavy.md");
    let document = article.document();
    let passages: Vec<String> = suggest(&document)
        .iter()
        .flat_map(|s| s.passages.iter().map(|p| p.text.clone()))
        .collect();
    assert!(
        passages.iter().all(|p| !has_mark_fragment(p)),
        "{passages:?}"
    );
    for sentence in [
        "Was the lamp the keeper's signal?",
        "Will the captain return for a second season?",
        "Will the writer confirm a sequel before the year ends?",
    ] {
        assert!(
            passages.iter().any(|p| p == sentence),
            "{sentence:?} in {passages:?}"
        );
    }
    assert!(
        passages.iter().all(|p| !p.starts_with("image")),
        "an image's placeholder is not prose: {passages:?}"
    );
}

#[test]
fn case_16_a_short_news_item_without_article_opens_under_its_headline() {
    let imported = import(
        &fixture("16-short-brief.html"),
        Origin::File("16-short-brief.html"),
    )
    .unwrap();
    assert_eq!(imported.kind, SourceKind::Html);
    let article = imported.article;
    assert_eq!(
        article.title,
        "Ferry captain actor says Paper Moon story is not finished"
    );
    assert_eq!(article.as_of, Some(date(2024, 8, 30)));
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://island.example.org/tv/ferry-captain-not-finished")
    );
    let document = article.document();
    let texts = paragraphs(&document);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].starts_with("The actor who plays the ferry captain in Paper Moon said"));
    assert!(texts[2].ends_with("the production company did not reply to questions."));
    assert!(!texts.iter().any(|t| t.contains("Island Post")));
}

#[test]
fn a_page_with_a_json_ld_graph_and_amp_ads_opens_clean_with_links() {
    let article = imported("html/graph-page.html");
    assert_eq!(
        article.title,
        "Lantern Street writer hints the night market will open again"
    );
    assert_eq!(article.as_of, Some(date(2024, 5, 14)));
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://coastline.example.com/tv/lantern-street-market")
    );
    let document = article.document();
    let texts = paragraphs(&document);
    for chrome in ["Advertisement", "Loading ad", "cookies", "Coastline Weekly"] {
        assert!(
            !texts.iter().any(|t| t.contains(chrome)),
            "{chrome}: {texts:?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("The writer of Lantern Street told"))
    );
    let links: Vec<(&str, &str)> = document
        .blocks
        .iter()
        .flat_map(|b| {
            b.spans
                .iter()
                .filter_map(|s| Some((&b.text[s.range.clone()], s.style.link.as_deref()?)))
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "www.coastline.example.com/podcast/42",
                "http://www.coastline.example.com/podcast/42"
            ),
            (
                "https://fans.example.org/lantern-street/loose-ends",
                "https://fans.example.org/lantern-street/loose-ends"
            )
        ]
    );
}

#[test]
fn a_utc_stamp_on_a_page_with_a_kst_byline_is_the_next_day_there() {
    let article = imported("html/kst-byline.html");
    assert_eq!(article.title, "Moonlight Diner star teases a return");
    assert_eq!(
        article.as_of,
        Some(date(2024, 3, 9)),
        "2024-03-08T23:30:00Z is 08:30 on 9 March in Seoul"
    );
    assert!(
        article
            .body
            .starts_with("The lead actor of *Moonlight Diner*")
    );
}

#[test]
fn pages_without_prose_are_still_refused() {
    for name in ["html/login-wall.html", "html/index-page.html"] {
        let error = import(&fixture(name), Origin::File(name)).unwrap_err();
        assert_eq!(error, fan_tracker::model::ImportError::NoArticle, "{name}");
    }
}

/// Copies fixture `name` over `path`, as a site's new version saved over the old one.
fn save_over(path: &std::path::Path, name: &str) {
    std::fs::write(path, fixture(name)).unwrap();
}

#[test]
fn case_17_reopening_a_changed_file_brings_in_its_new_text_and_keeps_the_thread() {
    let tmp = TempDir::new();
    let path = tmp.path().join("harbor-clues.md");
    save_over(&path, "17-reopen-v1.md");
    let mut harness = launch(&tmp.data_dir(), Some(path.clone()));
    let entry = open_entry(&harness);
    let id = entry.id;
    let suggestion = entry.suggestions.as_ref().unwrap()[0].clone();
    click(&mut harness, &add_suggestion_label(&suggestion.title));
    let thread = open_show(&harness).threads.last().unwrap().clone();
    let quote = thread.anchors[0].quote.clone();
    close(harness);

    save_over(&path, "17-reopen-v2.md");
    let harness = launch(&tmp.data_dir(), Some(path.clone()));
    let entry = open_entry(&harness);
    assert_eq!(entry.id, id, "the saved copy was updated, not duplicated");
    assert!(
        entry
            .article
            .body
            .contains("the network has now confirmed a second season"),
        "{}",
        entry.article.body
    );
    assert!(entry.article.body.contains("His younger sister"));
    assert_eq!(harness.state().library().articles().count(), 2);
    harness.get_by_label_contains("has changed since it was imported");
    harness.get_by_label_contains("was updated to the file's new text");
    let (_, kept) = harness.state().library().thread(thread.id).unwrap();
    assert_eq!(kept.anchors.len(), 1);
    let document = entry.article.document();
    let found = kept.anchors[0].resolve(&document).expect("re-anchored");
    assert_eq!(document.blocks[found.block].text[found.range], quote);
}

#[test]
fn reopening_a_file_with_a_later_date_adds_the_newer_article_to_the_show() {
    let tmp = TempDir::new();
    let path = tmp.path().join("lantern.md");
    save_over(&path, "reopen-dated-v1.md");
    let harness = launch(&tmp.data_dir(), Some(path.clone()));
    let first = open_entry(&harness).id;
    let show = open_show(&harness).id;
    close(harness);

    save_over(&path, "reopen-dated-v2.md");
    let harness = launch(&tmp.data_dir(), Some(path.clone()));
    let entry = open_entry(&harness);
    assert_ne!(entry.id, first);
    assert_eq!(
        entry.article.title,
        "Lantern Street: the night market is coming back"
    );
    assert_eq!(entry.article.as_of, Some(date(2024, 6, 3)));
    let articles = &harness.state().library().show(show).unwrap().articles;
    assert_eq!(articles.len(), 2, "the earlier copy is kept");
    assert_eq!(articles[0].article.as_of, Some(date(2024, 5, 14)));
    harness.get_by_label_contains("added to the show as a newer article");

    // Opening the file once more, unchanged, opens the newer article and adds nothing.
    close(harness);
    let harness = launch(&tmp.data_dir(), Some(path));
    assert_eq!(open_entry(&harness).id, articles_last(&harness, show));
    assert_eq!(
        harness.state().library().show(show).unwrap().articles.len(),
        2
    );
}

fn articles_last(
    harness: &egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
    show: fan_tracker::model::ShowId,
) -> fan_tracker::model::ArticleId {
    harness.state().library().show(show).unwrap().articles[1].id
}

#[test]
fn citation_marks_written_into_text_stay_out_of_passages_in_every_kind() {
    let sentence = "The network has not said whether a second season is planned.";
    for (bytes, origin) in [
        (
            format!(
                "Harbor Lights notes\nThe keeper's letter was never opened.[1] {sentence}[2]\n"
            ),
            Origin::File("notes.txt"),
        ),
        (
            format!("Harbor Lights notes\nThe keeper's letter was never opened.¹ {sentence}²\n"),
            Origin::File("notes.txt"),
        ),
        (
            format!(
                "<html><body><article><h1>Harbor Lights notes</h1><p>The keeper's letter was never opened.<sup><a href=\"#n1\">1</a></sup> {sentence}<sup><a href=\"#n2\">2</a></sup> The writer would not say when the story continues, if it ever does, and the cast has moved on to other work for now.</p></article></body></html>"
            ),
            Origin::File("notes.html"),
        ),
    ] {
        let article = import(bytes.as_bytes(), origin).unwrap().article;
        let passages: Vec<String> = suggest(&article.document())
            .iter()
            .flat_map(|s| s.passages.iter().map(|p| p.text.clone()))
            .collect();
        assert!(
            passages.iter().any(|p| p.starts_with(sentence)),
            "{origin:?}: {passages:?}"
        );
        assert!(
            passages.iter().all(|p| {
                let glued = p.contains("opened.") && p.contains("network");
                !(has_mark_fragment(p) || p.starts_with(['¹', '²']) || glued)
            }),
            "{origin:?}: {passages:?}"
        );
    }
}

#[test]
fn columns_lined_up_with_spaces_and_tab_rows_in_markdown_are_tables_too() {
    let spaced = import(
        b"Harbor Lights ratings\n\nEpisode   Rating   Viewers\n1         4.1%     1.2m\n16        9.8%     3.0m\n\nIt ended.  Nobody knows more.\n",
        Origin::Pasted,
    )
    .unwrap()
    .article;
    assert_eq!(spaced.title, "Harbor Lights ratings");
    let document = spaced.document();
    assert_eq!(rows(&document)[2], ["16", "9.8%", "3.0m"]);
    assert_eq!(paragraphs(&document), ["It ended.  Nobody knows more."]);

    let markdown = import(
        b"# Harbor Lights ratings\n\nEpisode\tRating\n1\t4.1%\n16\t9.8%\n\n- a list\n- after it\n",
        Origin::Pasted,
    )
    .unwrap();
    assert_eq!(markdown.kind, SourceKind::Markdown);
    assert_eq!(
        rows(&markdown.article.document()),
        [
            vec!["Episode", "Rating"],
            vec!["1", "4.1%"],
            vec!["16", "9.8%"]
        ]
    );
}
