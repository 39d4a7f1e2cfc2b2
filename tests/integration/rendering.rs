//! Markdown drawn as its author meant it, and selection through every construct that draws
//! text of its own: select a word as a person would (drag across it), make a thread from it,
//! and the thread quotes that word and the word is what gets highlighted.

use fan_tracker::shell::Shell;
use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{Marker, Thread};
use fan_tracker::ui::HighlightKind;

use crate::fixture::{TempDir, click, drag, launch, value_containing};

/// A fixture from `tests/fixtures/`.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Width of `text` at `size` points in the proportional font, as the article draws it.
fn text_width(harness: &Harness<'static, Shell>, text: &str, size: f32) -> f32 {
    harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            text.to_owned(),
            egui::FontId::proportional(size),
            egui::Color32::WHITE,
        )
        .size()
        .x
    })
}

/// Drags across `word` in the drawn piece of text whose whole text is `piece` (font `size`),
/// as a person selecting it would, and returns the selected text.
fn select_word(
    harness: &mut Harness<'static, Shell>,
    piece: &str,
    word: &str,
    size: f32,
) -> String {
    let node = harness
        .query_all_by(|n| n.value().is_some_and(|v| v == piece))
        .next()
        .unwrap_or_else(|| panic!("{piece:?} is drawn"));
    let rect = node.rect();
    let at = piece.find(word).expect("word in piece");
    let before = text_width(harness, &piece[..at], size);
    let width = text_width(harness, word, size);
    let y = rect.min.y + size * 0.7;
    drag(
        harness,
        egui::pos2(rect.min.x + before + 1.5, y),
        egui::pos2(rect.min.x + before + width - 1.5, y),
    );
    let selection = harness.state().view.selection.clone();
    selection.map(|s| s.text).unwrap_or_default()
}

/// The text painted with the selected thread's highlight, joined.
fn highlighted_text(harness: &Harness<'static, Shell>) -> String {
    let marked = [
        egui::Color32::from_rgb(0xff, 0xe5, 0x8a),
        egui::Color32::from_rgb(0x6b, 0x55, 0x10),
    ];
    let mut out = String::new();
    for clipped in &harness.output().shapes {
        if let egui::Shape::Text(text) = &clipped.shape {
            for section in &text.galley.job.sections {
                if marked.contains(&section.format.background) {
                    let range = section.byte_range.start.0..section.byte_range.end.0;
                    out.push_str(&text.galley.job.text[range]);
                }
            }
        }
    }
    out
}

/// Selects `word` in `piece`, makes a thread of it, and checks its quote and highlight.
fn thread_from_word(harness: &mut Harness<'static, Shell>, piece: &str, word: &str, size: f32) {
    let selected = select_word(harness, piece, word, size);
    assert_eq!(selected, word, "the selection is the word dragged over");
    click(harness, "New thread from selection");
    let thread: Thread = harness
        .state()
        .open_show()
        .and_then(|s| s.threads.last().cloned())
        .expect("a thread");
    assert_eq!(thread.title, word);
    let quotes: Vec<&str> = thread.anchors.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, [word]);
    let marked = harness
        .state()
        .article_cache
        .highlights(HighlightKind::Selected);
    assert_eq!(marked.len(), 1);
    assert_eq!(
        highlighted_text(harness),
        word,
        "the highlight lands on the word"
    );
}

#[test]
fn case_07_selecting_a_word_in_a_bullet_item_quotes_that_word() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), Some(fixture("07-list-selection.md")));
    thread_from_word(
        &mut harness,
        "Lighthouse keeper returns for season two",
        "keeper",
        16.0,
    );
}

#[test]
fn case_06_selecting_in_a_numbered_item_quotes_the_word() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), Some(fixture("06-ordered-list.md")));
    let document = harness.state().article_cache.document().clone();
    let numbers: Vec<String> = document
        .blocks
        .iter()
        .filter_map(|b| b.marker.as_ref().map(Marker::label))
        .collect();
    assert_eq!(numbers, ["3.", "4.", "5."]);
    thread_from_word(&mut harness, "Why the boat was renamed", "boat", 16.0);
}

#[test]
fn selecting_in_a_table_cell_quotes_the_word() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "table.md",
        "# Ratings\n\n| Episode | Viewers |\n|---|---:|\n| Finale night | 4.1 million |\n| Pilot | 2.0 million |\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file));
    // Each cell is drawn on its own, in its column: the second column starts to the right of
    // the first, and a row's cells share a top.
    let finale = value_containing(&harness, "Finale night")
        .expect("cell")
        .rect();
    let viewers = value_containing(&harness, "4.1 million")
        .expect("cell")
        .rect();
    let pilot = value_containing(&harness, "Pilot").expect("cell").rect();
    assert!(viewers.min.x > finale.max.x, "{finale:?} {viewers:?}");
    assert!((viewers.min.y - finale.min.y).abs() < 1.0);
    assert!(pilot.min.y > finale.max.y);
    assert!((pilot.min.x - finale.min.x).abs() < 1.0, "columns line up");
    thread_from_word(&mut harness, "4.1 million", "million", 15.0);
}

#[test]
fn selecting_in_a_block_quote_quotes_the_word() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "quote.md",
        "# Interview\n\n> The writer said the harbor will return.\n>\n> > A nested aside here.\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file));
    thread_from_word(
        &mut harness,
        "The writer said the harbor will return.",
        "harbor",
        16.0,
    );
    thread_from_word(&mut harness, "A nested aside here.", "aside", 16.0);
}

#[test]
fn case_05_a_loose_list_item_shows_two_paragraphs() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), Some(fixture("05-loose-list.md")));
    let first = value_containing(&harness, "The keeper never opened the letter.")
        .expect("first paragraph")
        .rect();
    let second = value_containing(&harness, "Viewers think it came from his sister.")
        .expect("second paragraph")
        .rect();
    assert!(second.min.y > first.max.y, "the second paragraph is below");
    assert!(
        (second.min.x - first.min.x).abs() < 1.0,
        "inside the same item"
    );
    assert!(value_containing(&harness, "letter.Viewers").is_none());
}

#[test]
fn case_08_html_comment_hidden_and_br_a_line_break() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), Some(fixture("08-html-comment.md")));
    let paragraph = value_containing(&harness, "The finale drew").expect("paragraph");
    assert_eq!(
        paragraph.value().as_deref(),
        Some("The finale drew the best numbers of the run.\nA special episode is rumoured.")
    );
    assert!(value_containing(&harness, "<!--").is_none());
    assert!(value_containing(&harness, "clipped by").is_none());
    assert!(value_containing(&harness, "<br>").is_none());
}

/// Every construct at once: each draws (no missing glyph in bullets, numbers, task boxes or
/// footnote marks: the harness fails on one when the fonts are installed), in reading order.
#[test]
fn every_construct_draws_in_reading_order() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "all.md",
        "---\ntitle: Every construct\n---\n\n# Every construct\n\nIntro with a note[^1] and ~~old~~ *new* **bold** `code`.\n\n\
         - top item\n  - nested item\n    - deepest item\n- [x] done task\n- [ ] open task\n\n\
         7. seventh\n8. eighth\n\n> quoted words\n>\n> > deeper quote\n\n```\nfn main() {}\n```\n\n\
         | A | B |\n|---|---|\n| cell one | cell two |\n\n***\n\n![poster alt](poster.png)\n\n\
         [^1]: The note's text.\n",
    );
    let harness = launch(&tmp.data_dir(), Some(file));
    let order = [
        "Intro with a note[1] and old new bold code.",
        "top item",
        "nested item",
        "deepest item",
        "done task",
        "seventh",
        "quoted words",
        "deeper quote",
        "fn main() {}",
        "cell one",
        "poster alt",
        "The note's text.",
    ];
    let mut last = f32::MIN;
    for text in order {
        let node = harness
            .query_all_by(|n| n.value().is_some_and(|v| v == text))
            .next()
            .unwrap_or_else(|| panic!("{text:?} is drawn"));
        assert!(
            node.rect().min.y > last,
            "{text:?} comes after what precedes it"
        );
        last = node.rect().min.y;
    }
    assert!(
        value_containing(&harness, "title: Every").is_none(),
        "front matter hidden"
    );
    // Nested items are indented further than their parents.
    let x = |text: &str| {
        value_containing(&harness, text)
            .expect("drawn")
            .rect()
            .min
            .x
    };
    assert!(x("nested item") > x("top item"));
    assert!(x("deepest item") > x("nested item"));
    assert!(x("deeper quote") > x("quoted words"));
}

/// Faint marks for other passages (e.g. suggestions) and the strong mark of the selected
/// thread: both drawn, the strong one where they overlap.
#[test]
fn suggested_passages_are_marked_faintly_and_the_selected_one_wins() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), Some(fixture("07-list-selection.md")));
    let document = harness.state().article_cache.document().clone();
    let (block, text) = document
        .blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.text.starts_with("Ferry captain"))
        .map(|(i, b)| (i, b.text.clone()))
        .expect("block");
    let secret = text.find("secret").expect("word");
    let suggested = fan_tracker::model::AnchorMatch {
        block,
        range: secret..secret + "secret".len(),
    };
    harness
        .state_mut()
        .article_cache
        .set_highlights(HighlightKind::Suggested, vec![suggested.clone()]);
    harness.run();
    let faint = painted_with_background(&harness, "secret");
    assert!(
        faint.is_some_and(|c| c != egui::Color32::TRANSPARENT),
        "marked"
    );
    assert_eq!(highlighted_text(&harness), "", "no strong mark yet");
    assert_eq!(
        harness
            .state()
            .article_cache
            .highlights(HighlightKind::Suggested),
        [suggested]
    );
    thread_from_word(&mut harness, &text, "secret", 16.0);
    assert_eq!(highlighted_text(&harness), "secret", "the strong mark wins");
}

/// The background of the first painted text section that is exactly `word`.
fn painted_with_background(harness: &Harness<'static, Shell>, word: &str) -> Option<egui::Color32> {
    harness.output().shapes.iter().find_map(|clipped| {
        let egui::Shape::Text(text) = &clipped.shape else {
            return None;
        };
        text.galley.job.sections.iter().find_map(|section| {
            let range = section.byte_range.start.0..section.byte_range.end.0;
            (&text.galley.job.text[range] == word).then_some(section.format.background)
        })
    })
}

/// Long thread titles wrap in the checklist: the row grows to hold them and the next row
/// starts below it.
#[test]
fn long_thread_titles_wrap_in_the_checklist() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let long = "Could Moon-young and her imprisoned mother rebuild anything at all after what \
                the last episode revealed about the fire at the old castle";
    crate::fixture::type_into(&mut harness, "New thread title", long);
    click(&mut harness, "Add");
    crate::fixture::type_into(&mut harness, "New thread title", "Short one");
    click(&mut harness, "Add");
    // No thread selected: no actions row between the two, no details repeating the title.
    harness.state_mut().view.selected_thread = None;
    harness.run_steps(2);
    let title = harness.get_by_label(long).rect();
    let line = harness.get_by_label("Short one").rect();
    assert!(
        title.height() > 1.8 * line.height(),
        "the long title wraps: {title:?} vs {line:?}"
    );
    assert!(
        line.min.y >= title.max.y,
        "rows do not overlap: {title:?} {line:?}"
    );
}

/// A paragraph of megabytes with no line break is laid out in chunks, only where it is seen;
/// a thread anchored near its end scrolls there and is highlighted, and clearing the
/// selection clears the mark.
#[test]
fn a_huge_paragraph_is_laid_out_in_pieces_only_where_seen() {
    use crate::generate::{LibraryShape, generate_library};
    use fan_tracker::model::{Anchor, ArticleFormat, ThreadId};
    use fan_tracker::storage::Store;

    let tmp = TempDir::new();
    let mut library = generate_library(&LibraryShape::one_show(1));
    let sentence = "The harbor crew waited another season for news of the ferry. ";
    let mut body = sentence.repeat(2 * 1024 * 1024 / sentence.len());
    body.push_str("At the very end the lighthouse keeper finally spoke. ");
    body.push_str(&sentence.repeat(40));
    let show = &mut library.shows[0];
    let entry = &mut show.articles[0];
    entry.article.body = body.into();
    entry.article.format = ArticleFormat::PlainText;
    show.threads[0].anchors = vec![Anchor::new(entry.id, "lighthouse keeper finally spoke", 0)];
    let thread: ThreadId = show.threads[0].id;
    let mut opened = Store::open(&tmp.data_dir()).expect("data dir");
    opened
        .store
        .save(&fan_tracker::storage::SaveRequest::new(library))
        .expect("save");

    let mut harness = launch(&tmp.data_dir(), None);
    let cache = &harness.state().article_cache;
    assert_eq!(cache.document().blocks.len(), 1, "one paragraph");
    let slices = cache.document().slices().len();
    assert!(slices > 300, "{slices} chunks");
    let laid_out = cache.layouts;
    assert!(
        (1..10).contains(&laid_out),
        "{laid_out} of {slices} chunks laid out"
    );

    harness
        .state_mut()
        .push(fan_tracker::app::Command::SelectThread(Some(thread)));
    harness.run_steps(4);
    assert_eq!(
        highlighted_text(&harness),
        "lighthouse keeper finally spoke"
    );
    let layouts = harness.state().article_cache.layouts;
    assert!(
        layouts < laid_out + 20,
        "{layouts} chunks laid out after the jump"
    );

    // The chunk holding the passage is drawn on its own (selection inside a chunk maps
    // through the same `PieceText` as everywhere; the model tests select in later chunks).
    let piece = harness
        .query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.contains("At the very end the lighthouse keeper"))
        })
        .next()
        .and_then(|n| n.value())
        .expect("the passage's chunk is drawn");
    assert!(
        piece.len() <= fan_tracker::model::CHUNK_BYTES,
        "{} bytes",
        piece.len()
    );
    harness.state_mut().view.selected_thread = None;
    harness.run_steps(2);
    assert_eq!(highlighted_text(&harness), "");
}
