//! Markdown drawn as its author meant it, and selection through every construct that draws
//! text of its own: select a word as a person would (drag across it), make a thread from it,
//! and the thread quotes that word and the word is what gets highlighted.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::App;
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
fn text_width(harness: &Harness<'static, App>, text: &str, size: f32) -> f32 {
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
fn select_word(harness: &mut Harness<'static, App>, piece: &str, word: &str, size: f32) -> String {
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
fn highlighted_text(harness: &Harness<'static, App>) -> String {
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
fn thread_from_word(harness: &mut Harness<'static, App>, piece: &str, word: &str, size: f32) {
    let selected = select_word(harness, piece, word, size);
    assert_eq!(selected, word, "the selection is the word dragged over");
    click(harness, "New thread from selection");
    let thread: Thread = harness
        .state()
        .open_dossier()
        .and_then(|d| d.threads.last().cloned())
        .expect("a thread");
    assert_eq!(thread.title, word);
    assert_eq!(thread.anchor.as_ref().map(|a| a.quote.as_str()), Some(word));
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
