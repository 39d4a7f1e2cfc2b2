//! Selections map to what was highlighted, in every script and across blocks: a double click
//! on a Hebrew word, a drag over Hebrew words, a drag across a mixed English/Hebrew line and a
//! drag from one paragraph into the next, each made into a thread as a person would.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use fan_tracker::app::{App, AppOptions};
use fan_tracker::model::Thread;
use fan_tracker::shell::Shell;
use fan_tracker::ui::HighlightKind;

use crate::fixture::{click, install_korean_font, korean_font, settle, settle_suggestions};

/// Where Debian's fonts-dejavu-core puts DejaVu Sans (Hebrew and Arabic letters).
const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// A fixture from `tests/fixtures/`.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The app on `data_dir` opening `file`, with the fonts the system font provider finds in the
/// real app for Hangul, Hebrew and Arabic (a glyph no font has fails the test).
fn launch(data_dir: &Path, file: PathBuf) -> Harness<'static, Shell> {
    let korean = korean_font();
    let dejavu = std::fs::read(DEJAVU)
        .unwrap_or_else(|e| panic!("{DEJAVU} is missing ({e}); install fonts-dejavu-core"));
    let options = AppOptions {
        data_dir: data_dir.to_owned(),
        open_file: Some(file),
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(32)
        // Frames 50 ms apart, so two clicks two frames apart are a double click.
        .with_step_dt(0.05)
        .with_context_setup(move |ctx| {
            install_korean_font(ctx, korean.clone());
            ctx.add_font(egui::epaint::text::FontInsert::new(
                "dejavu",
                egui::FontData::from_owned(dejavu.clone()),
                vec![egui::epaint::text::InsertFontFamily {
                    family: egui::FontFamily::Proportional,
                    priority: egui::epaint::text::FontPriority::Lowest,
                }],
            ));
        })
        .build_eframe(move |cc| Shell::new(App::new(options, Some(&cc.egui_ctx)), &cc.egui_ctx));
    harness.run();
    settle(&mut harness);
    settle_suggestions(&mut harness);
    harness
}

/// Where `word` is drawn in the piece of text containing `line`: the glyphs that show it, as
/// they are on screen (a right-to-left word's letters right to left).
fn drawn(harness: &Harness<'static, Shell>, line: &str, word: &str) -> egui::Rect {
    let rtl = word.chars().any(|c| ('\u{590}'..='\u{8ff}').contains(&c));
    let spelled: Vec<char> = if rtl {
        word.chars().rev().collect()
    } else {
        word.chars().collect()
    };
    // The article's paragraph: the widest text starting with `line` (the side panels may
    // quote it, narrower).
    let mut shapes: Vec<&egui::epaint::TextShape> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(shape) if shape.galley.job.text.starts_with(line) => Some(shape),
            _ => None,
        })
        .collect();
    shapes.sort_by(|a, b| b.galley.size().x.total_cmp(&a.galley.size().x));
    if let Some(shape) = shapes.first() {
        for placed in &shape.galley.rows {
            let mut glyphs: Vec<&egui::epaint::text::Glyph> = placed
                .row
                .glyphs
                .iter()
                .filter(|g| g.advance_width > 0.0)
                .collect();
            glyphs.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x));
            let chars: Vec<char> = glyphs.iter().map(|g| g.chr).collect();
            let Some(at) = chars
                .windows(spelled.len())
                .position(|w| w == spelled.as_slice())
            else {
                continue;
            };
            let (first, last) = (glyphs[at], glyphs[at + spelled.len() - 1]);
            let origin = shape.pos + placed.pos.to_vec2();
            let height = placed.rect().height();
            return egui::Rect::from_min_max(
                origin + egui::vec2(first.pos.x, 0.0),
                origin + egui::vec2(last.pos.x + last.advance_width, height),
            );
        }
    }
    panic!("{word:?} is not drawn in the piece with {line:?}");
}

/// Drags from `from` to `to` as a person does: press, move, release.
fn drag(harness: &mut Harness<'static, Shell>, from: egui::Pos2, to: egui::Pos2) {
    crate::fixture::drag(harness, from, to);
}

/// Double-clicks at `at`, as a mouse does (the pointer stays over the window).
fn double_click(harness: &mut Harness<'static, Shell>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
            harness.step();
        }
    }
    harness.run();
}

/// Where the live selection is painted in the article's piece starting with `line`, on screen
/// (the union of the selection-coloured rectangles drawn under its letters).
fn painted_selection(harness: &Harness<'static, Shell>, line: &str) -> Option<egui::Rect> {
    let fill = harness.ctx.global_style().visuals.selection.bg_fill;
    let mut found: Option<egui::Rect> = None;
    for clipped in &harness.output().shapes {
        let egui::Shape::Text(shape) = &clipped.shape else {
            continue;
        };
        if !shape.galley.job.text.starts_with(line) {
            continue;
        }
        for placed in &shape.galley.rows {
            for vertex in &placed.row.visuals.mesh.vertices {
                if vertex.color == fill {
                    let at = shape.pos + placed.pos.to_vec2() + vertex.pos.to_vec2();
                    found = Some(found.map_or(egui::Rect::from_min_max(at, at), |r| {
                        r.union(egui::Rect::from_min_max(at, at))
                    }));
                }
            }
        }
    }
    found
}

/// The text selected in the article now.
fn selected(harness: &Harness<'static, Shell>) -> String {
    harness
        .state()
        .view
        .selection
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
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

/// Makes a thread of the selection and checks its title, its one quote and the highlight.
fn thread_from_selection(
    harness: &mut Harness<'static, Shell>,
    title: &str,
    quote: &str,
    highlighted: &str,
) {
    click(harness, "New thread from selection");
    let thread: Thread = harness
        .state()
        .open_show()
        .and_then(|s| s.threads.last().cloned())
        .expect("a thread");
    assert_eq!(thread.title, title);
    let quotes: Vec<&str> = thread.anchors.iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, [quote]);
    assert!(
        !harness
            .state()
            .article_cache
            .highlights(HighlightKind::Selected)
            .is_empty()
    );
    assert_eq!(
        highlighted_text(harness),
        highlighted,
        "the passage is marked"
    );
}

const TITLE_LINE: &str = "Its Hebrew title is";
const FIRST_LINE: &str = "The Tel Aviv remake";

#[test]
fn case_13_double_clicking_a_hebrew_word_quotes_that_word() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut harness = launch(&tmp.path().join("data"), fixture("13-rtl-selection.md"));
    let word = drawn(&harness, TITLE_LINE, "הנמל");
    double_click(&mut harness, word.center());
    assert_eq!(selected(&harness), "הנמל");
    thread_from_selection(&mut harness, "הנמל", "הנמל", "הנמל");
    // The Arabic word of the next paragraph too.
    let dub = drawn(&harness, "The Arabic dub", "فنار");
    double_click(&mut harness, dub.center());
    assert_eq!(selected(&harness), "فنار");
}

#[test]
fn case_13_dragging_over_the_two_hebrew_words_quotes_both() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut harness = launch(&tmp.path().join("data"), fixture("13-rtl-selection.md"));
    let first = drawn(&harness, TITLE_LINE, "מגדלור");
    let second = drawn(&harness, TITLE_LINE, "הנמל");
    // Right to left: the first word is drawn to the right of the second.
    assert!(first.min.x > second.max.x, "{first:?} {second:?}");
    let y = first.center().y;
    drag(
        &mut harness,
        egui::pos2(second.min.x + 1.5, y),
        egui::pos2(first.max.x - 1.5, y),
    );
    assert_eq!(selected(&harness), "מגדלור הנמל");
    thread_from_selection(&mut harness, "מגדלור הנמל", "מגדלור הנמל", "מגדלור הנמל");
}

#[test]
fn a_drag_across_a_mixed_line_quotes_what_it_covers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut harness = launch(&tmp.path().join("data"), fixture("13-rtl-selection.md"));
    // From "title" over the Hebrew words to "and": the English ends hold the Hebrew between.
    let from = drawn(&harness, TITLE_LINE, "title");
    let to = drawn(&harness, TITLE_LINE, ", and");
    let y = from.center().y;
    drag(
        &mut harness,
        egui::pos2(from.min.x + 1.0, y),
        egui::pos2(to.max.x - 1.0, y),
    );
    assert_eq!(selected(&harness), "title is מגדלור הנמל, and");
    // An English word after right-to-left text is that word.
    let teaser = drawn(&harness, TITLE_LINE, "teaser");
    drag(
        &mut harness,
        egui::pos2(teaser.min.x + 1.0, teaser.center().y),
        egui::pos2(teaser.max.x - 1.0, teaser.center().y),
    );
    assert_eq!(selected(&harness), "teaser");
    thread_from_selection(&mut harness, "teaser", "teaser", "teaser");
}

#[test]
fn a_drag_across_two_paragraphs_quotes_both_and_marks_both() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut harness = launch(&tmp.path().join("data"), fixture("13-rtl-selection.md"));
    let from = drawn(&harness, FIRST_LINE, "remake");
    let to = drawn(&harness, TITLE_LINE, "Hebrew");
    drag(
        &mut harness,
        egui::pos2(from.min.x + 1.0, from.center().y),
        egui::pos2(to.max.x - 1.0, to.center().y),
    );
    let quote = "remake of Harbor Lights keeps the lighthouse but moves it to Akko.\n\nIts Hebrew";
    assert_eq!(selected(&harness), quote);
    // Highlighted as dragged: from "remake" to the end of the first paragraph, and from the
    // start of the second to "Hebrew".
    let first = painted_selection(&harness, FIRST_LINE).expect("first paragraph marked");
    let second = painted_selection(&harness, TITLE_LINE).expect("second paragraph marked");
    assert!((first.min.x - from.min.x).abs() < 1.0, "{first:?} {from:?}");
    let akko = drawn(&harness, FIRST_LINE, "Akko.");
    assert!((first.max.x - akko.max.x).abs() < 1.0, "{first:?} {akko:?}");
    let its = drawn(&harness, TITLE_LINE, "Its");
    assert!((second.min.x - its.min.x).abs() < 1.0, "{second:?} {its:?}");
    assert!((second.max.x - to.max.x).abs() < 1.0, "{second:?} {to:?}");
    assert!(second.height() < 30.0, "one line of the second paragraph");
    // Ctrl+C copies what is highlighted.
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<&egui::OutputCommand> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter(|c| matches!(c, egui::OutputCommand::CopyText(_)))
        .collect();
    assert_eq!(copied, [&egui::OutputCommand::CopyText(quote.to_owned())]);
    let selection = harness.state().view.selection.clone().expect("selected");
    assert_ne!(selection.end.map(|(block, _)| block), Some(selection.block));
    thread_from_selection(
        &mut harness,
        "remake of Harbor Lights keeps the lighthouse but moves it to Akko. Its Hebrew",
        quote,
        "remake of Harbor Lights keeps the lighthouse but moves it to Akko.Its Hebrew",
    );
}

#[test]
fn a_drag_below_the_view_scrolls_and_selects_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let body: Vec<String> = (1..=60)
        .map(|n| format!("Paragraph {n} of the long article about the harbor."))
        .collect();
    let file = tmp.path().join("long.md");
    std::fs::write(&file, format!("# Long\n\n{}\n", body.join("\n\n"))).expect("write");
    let mut harness = launch(&tmp.path().join("data"), file);
    let first = drawn(&harness, "Paragraph 1 of", "Paragraph");
    harness.hover_at(first.min + egui::vec2(1.0, 4.0));
    harness.step();
    harness.drag_at(first.min + egui::vec2(1.0, 4.0));
    harness.step();
    // Held below the window's bottom edge for a while.
    for _ in 0..60 {
        harness.hover_at(egui::pos2(first.min.x + 40.0, 899.0));
        harness.step();
    }
    harness.drop_at(egui::pos2(first.min.x + 40.0, 899.0));
    harness.run();
    let selection = harness.state().view.selection.clone().expect("selected");
    let document = harness.state().article_cache.document().clone();
    let (last, _) = selection.end.expect("spans blocks");
    let reached: u32 = document.blocks[last]
        .text
        .split(' ')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a paragraph");
    // About twenty paragraphs are in view at first.
    assert!(reached >= 40, "the drag went on to paragraph {reached}");
    assert!(
        selection
            .text
            .starts_with("Paragraph 1 of the long article")
    );
}
