//! One test per construct: what becomes the block's own text, what is a decoration, and that
//! a selection inside the construct maps back to exactly the selected characters.

use proptest::prelude::*;

use super::slices::chunks;
use super::*;
use crate::model::Anchor;

fn texts(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.text.as_str()).collect()
}

/// The block whose text is exactly `text`.
fn block<'d>(doc: &'d Document, text: &str) -> (usize, &'d Block) {
    doc.blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.text == text)
        .unwrap_or_else(|| panic!("no block {text:?} in {:?}", texts(doc)))
}

/// Selects `word` in the drawn text of the piece showing it, as a person dragging over it
/// would (character positions in the piece's layout), and returns the quote the selection
/// maps to.
fn select_word(doc: &Document, word: &str) -> (usize, String) {
    for slice in doc.slices() {
        let block = &doc.blocks[slice.block];
        for piece in &slice.pieces {
            let text = PieceText::new(&block.text, &piece.range);
            if let Some(at) = text.text.find(word) {
                let start = text.text[..at].chars().count();
                let chars = start..start + word.chars().count();
                let bytes = text.to_block(chars);
                return (slice.block, block.text[bytes].to_owned());
            }
        }
    }
    panic!("{word:?} is not drawn")
}

#[test]
fn markdown_keeps_emphasis_and_headings() {
    let doc = Document::from_markdown("## Why\n\nA *great* show with **fans**.\n\n- one\n- two");
    assert_eq!(
        texts(&doc),
        ["Why", "A great show with fans.", "one", "two"]
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading(2));
    let great = &doc.blocks[1].spans[1];
    assert_eq!(&doc.blocks[1].text[great.range.clone()], "great");
    assert!(great.style.emphasis);
    assert_eq!(doc.blocks[2].marker, Some(Marker::Bullet(0)));
}

#[test]
fn headings_of_both_kinds_lose_their_marks_and_keep_a_leading_number() {
    let doc = Document::from_markdown(
        "# 3 reasons to watch ##\n\nSetext title\n============\n\nSub\n---\n",
    );
    assert_eq!(texts(&doc), ["3 reasons to watch", "Setext title", "Sub"]);
    let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Heading(1),
            BlockKind::Heading(2)
        ]
    );
}

#[test]
fn ordered_list_keeps_its_numbers_from_its_start_out_of_the_text() {
    let doc = Document::from_markdown(include_str!("../../../tests/fixtures/06-ordered-list.md"));
    let items: Vec<_> = doc.blocks.iter().filter(|b| b.marker.is_some()).collect();
    let labels: Vec<String> = items
        .iter()
        .filter_map(|b| b.marker.as_ref().map(Marker::label))
        .collect();
    assert_eq!(labels, ["3.", "4.", "5."]);
    assert_eq!(items[0].text, "Who rang the bell at midnight");
    assert_eq!(select_word(&doc, "bell").1, "bell");
}

#[test]
fn nested_lists_have_their_depth_and_bullets() {
    let doc = Document::from_markdown("- outer\n  - inner\n    - deepest\n- back out\n");
    let shape: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.list_depth, b.marker.clone()))
        .collect();
    assert_eq!(
        shape,
        [
            ("outer", 1, Some(Marker::Bullet(0))),
            ("inner", 2, Some(Marker::Bullet(1))),
            ("deepest", 3, Some(Marker::Bullet(2))),
            ("back out", 1, Some(Marker::Bullet(0))),
        ]
    );
}

#[test]
fn a_loose_list_item_keeps_its_paragraphs_apart() {
    let doc = Document::from_markdown(include_str!("../../../tests/fixtures/05-loose-list.md"));
    let (first, letter) = block(&doc, "The keeper never opened the letter.");
    assert_eq!(letter.marker, Some(Marker::Bullet(0)));
    let viewers = &doc.blocks[first + 1];
    assert_eq!(viewers.text, "Viewers think it came from his sister.");
    assert_eq!(viewers.marker, None, "the second paragraph has no bullet");
    assert_eq!(viewers.list_depth, 1, "but stays inside the item");
    assert!(!texts(&doc).iter().any(|t| t.contains("letter.Viewers")));
    let (_, ferry) = block(&doc, "The ferry schedule changed in the last episode.");
    assert_eq!(ferry.marker, Some(Marker::Bullet(0)));
}

#[test]
fn selecting_a_word_in_a_bullet_item_quotes_that_word() {
    let doc = Document::from_markdown(include_str!("../../../tests/fixtures/07-list-selection.md"));
    let (index, quote) = select_word(&doc, "keeper");
    assert_eq!(quote, "keeper");
    assert_eq!(
        doc.blocks[index].text,
        "Lighthouse keeper returns for season two"
    );
    let found = Anchor::new(crate::model::ArticleId(1), quote, index)
        .resolve(&doc)
        .expect("found");
    assert_eq!(&doc.blocks[found.block].text[found.range], "keeper");
}

#[test]
fn task_items_get_a_box_not_text() {
    let doc = Document::from_markdown("- [x] cast confirmed\n- [ ] date announced\n");
    assert_eq!(texts(&doc), ["cast confirmed", "date announced"]);
    assert_eq!(doc.blocks[0].marker, Some(Marker::Task(true)));
    assert_eq!(doc.blocks[1].marker, Some(Marker::Task(false)));
}

#[test]
fn nested_block_quotes_count_their_depth() {
    let doc = Document::from_markdown("> outer said\n>\n> > inner said\n\nafter\n");
    let shape: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.quote_depth))
        .collect();
    assert_eq!(shape, [("outer said", 1), ("inner said", 2), ("after", 0)]);
    assert_eq!(select_word(&doc, "inner").1, "inner");
}

#[test]
fn code_blocks_keep_their_lines() {
    let doc = Document::from_markdown("```\nlet a = 1;\n  let b = 2;\n```\n");
    assert_eq!(doc.blocks[0].kind, BlockKind::Code);
    assert_eq!(doc.blocks[0].text, "let a = 1;\n  let b = 2;");
}

#[test]
fn a_table_is_a_grid_of_cells_with_one_width_per_column() {
    let doc = Document::from_markdown(
        "| Show | Rating |\n|:-----|------:|\n| Harbor Lights | 7.5 |\n| Tide | 10.25 |\n",
    );
    assert_eq!(doc.blocks.len(), 3);
    let rows: Vec<&TableRow> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
    assert!(rows[0].header && !rows[1].header);
    assert_eq!(rows[0].column_chars, [13, 6]);
    assert_eq!(rows[2].column_chars, [13, 6]);
    assert_eq!(rows[0].align, [CellAlign::Left, CellAlign::Right]);
    let cells: Vec<&str> = rows[1]
        .cells
        .iter()
        .map(|c| &doc.blocks[1].text[c.clone()])
        .collect();
    assert_eq!(cells, ["Harbor Lights", "7.5"]);
    // One piece per cell, side by side in one slice.
    let slices = doc.slices();
    assert_eq!(slices[1].pieces.len(), 2);
    assert_eq!(slices[1].pieces[1].column, Some(1));
    assert_eq!(select_word(&doc, "Lights").1, "Lights");
    assert_eq!(select_word(&doc, "10.25").1, "10.25");
}

#[test]
fn footnotes_get_a_mark_and_their_text_at_the_end() {
    let doc = Document::from_markdown(
        "The network hinted[^a] twice.\n\n[^a]: In a press call.\n\nMore text.\n",
    );
    assert_eq!(
        texts(&doc),
        [
            "The network hinted[1] twice.",
            "More text.",
            "",
            "In a press call."
        ]
    );
    let mark = doc.blocks[0]
        .spans
        .iter()
        .find(|s| s.style.footnote)
        .expect("mark");
    assert_eq!(&doc.blocks[0].text[mark.range.clone()], "[1]");
    assert_eq!(doc.blocks[2].kind, BlockKind::Rule);
    assert_eq!(doc.blocks[3].marker, Some(Marker::Footnote(1)));
    assert_eq!(select_word(&doc, "press").1, "press");
}

#[test]
fn links_and_images_keep_their_targets() {
    let doc = Document::from_markdown(
        "See [the studio](https://studio.example) and ![a poster](poster.png) or ![](x.png) \
         [![](logo.png)](https://logo.example).",
    );
    let block = &doc.blocks[0];
    // The empty-alt image is decorative: not shown as a word, unless it is a link's only text.
    assert_eq!(block.text, "See the studio and a poster or  image.");
    let link = |word: &str| {
        let at = block.text.find(word).expect("word");
        block
            .spans
            .iter()
            .find(|s| s.range.contains(&at))
            .and_then(|s| s.style.link.clone())
    };
    assert_eq!(link("studio").as_deref(), Some("https://studio.example"));
    assert_eq!(link("poster").as_deref(), Some("poster.png"));
    assert_eq!(link("image").as_deref(), Some("logo.png"));
    assert_eq!(link("See"), None);
}

#[test]
fn thematic_breaks_hard_breaks_and_strikethrough() {
    let doc = Document::from_markdown("one  \ntwo\\\nthree\n\n---\n\n~~gone~~ kept\n");
    assert_eq!(doc.blocks[0].text, "one\ntwo\nthree");
    assert_eq!(doc.blocks[1].kind, BlockKind::Rule);
    assert!(doc.blocks[2].spans[0].style.strikethrough);
    assert_eq!(select_word(&doc, "three").1, "three");
}

#[test]
fn html_is_never_shown_as_markup() {
    let doc = Document::from_markdown(include_str!("../../../tests/fixtures/08-html-comment.md"));
    assert_eq!(
        texts(&doc),
        [
            "Harbor Lights ratings update",
            "The finale drew the best numbers of the run.\nA special episode is rumoured."
        ]
    );
    let doc = Document::from_markdown(
        "Text with <span class=\"x\">a tag</span> and <!-- a\nlong comment --> end.\n\n\
         <div class=\"box\">\n<p>Inside &amp; out</p>\n</div>\n",
    );
    assert_eq!(texts(&doc), ["Text with a tag and  end.", "Inside & out"]);
}

#[test]
fn front_matter_is_not_shown() {
    let yaml =
        Document::from_markdown("---\ntitle: Harbor Lights\ndate: 2023-06-02\n---\n\nBody.\n");
    assert_eq!(texts(&yaml), ["Body."]);
    let toml = Document::from_markdown("+++\ntitle = \"Harbor\"\n+++\n\nBody.\n");
    assert_eq!(texts(&toml), ["Body."]);
}

#[test]
fn plain_text_one_paragraph_per_line() {
    let doc = Document::from_plain_text("First line.\nSecond line.\n");
    assert_eq!(texts(&doc), ["First line.", "Second line."]);
}

#[test]
fn plain_text_blank_line_separated_joins_lines() {
    let doc = Document::from_plain_text("One\nstill one.\n\nTwo.\n  \nThree.");
    assert_eq!(texts(&doc), ["One still one.", "Two.", "Three."]);
}

#[test]
fn markdown_special_characters_in_plain_text_stay_literal() {
    let doc = Document::from_plain_text("*not emphasis* and # not heading");
    assert_eq!(doc.blocks[0].text, "*not emphasis* and # not heading");
}

#[test]
fn a_huge_paragraph_is_cut_into_chunks_at_word_boundaries() {
    let word = "드라마 season ";
    let text = word.repeat(3 * CHUNK_BYTES / word.len() + 7);
    let ranges = chunks(&text);
    assert!(ranges.len() >= 3, "{} chunks", ranges.len());
    assert_eq!(ranges[0].start, 0);
    assert_eq!(ranges.last().map(|r| r.end), Some(text.len()));
    for pair in ranges.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "chunks cover the text");
        assert!(text[..pair[0].end].ends_with(' '), "cut after a space");
    }
    assert!(ranges.iter().all(|r| r.len() <= CHUNK_BYTES));
    // Where there are sentences, a chunk ends after one.
    let sentences = "The ferry left early. Nobody saw the keeper that night ".repeat(400);
    let ranges = chunks(&sentences);
    assert!(ranges.len() > 2);
    for range in &ranges[..ranges.len() - 1] {
        assert!(sentences[range.clone()].ends_with("early. "), "{range:?}");
    }
    // A short paragraph stays whole.
    assert_eq!(
        chunks("short text"),
        std::iter::once(0..10).collect::<Vec<_>>()
    );
    // A selection inside a later chunk quotes the selected word.
    let doc = Document::from_plain_text(&format!("{text}needle {text}"));
    assert!(doc.slices().len() >= 6);
    assert_eq!(select_word(&doc, "needle").1, "needle");
}

#[test]
fn piece_text_maps_characters_and_bytes_both_ways() {
    let block = "가나 harbor 다";
    let piece = PieceText::new(block, &(3..block.len()));
    assert_eq!(piece.text, "나 harbor 다");
    // Characters 2..8 of the piece are "harbor".
    let bytes = piece.to_block(2..8);
    assert_eq!(&block[bytes.clone()], "harbor");
    assert_eq!(piece.char_index(bytes.start), 2);
    assert_eq!(piece.to_local(&bytes), Some(4..10));
    assert_eq!(piece.to_local(&(0..3)), None);
    assert_eq!(piece.to_local(&(0..6)), Some(0..3));
}

/// Markdown built from every construct, with words of several scripts.
fn markdown_doc() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "keeper",
        "드라마",
        "ferry",
        "e\u{301}t\u{e9}",
        "bell",
        "🙂",
        "season",
        "a",
        "x_y",
        "מגדלור",
        "הנמל,",
        "فنار",
        "42",
    ]);
    let words = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" "));
    let block = (0..12_u8, words.clone(), words).prop_map(|(kind, a, b)| match kind {
        0 => format!("# {a}"),
        1 => format!("- {a}\n- {b}"),
        2 => format!("3. {a}\n4. {b}"),
        3 => format!("- {a}\n\n  {b}"),
        4 => format!("> {a}\n>\n> > {b}"),
        5 => format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |"),
        6 => format!("{a}[^n]\n\n[^n]: {b}"),
        7 => format!("[{a}](https://x.example) ![{b}](p.png)"),
        8 => format!("```\n{a}\n{b}\n```"),
        9 => format!("{a}<br>{b} <!-- hidden -->"),
        10 => format!("- [ ] {a}\n  - {b}"),
        _ => format!("**{a}**  \n*{b}*"),
    });
    prop::collection::vec(block, 1..6).prop_map(|blocks| blocks.join("\n\n"))
}

proptest! {
    /// Selecting any range of the drawn text of any piece of a document and mapping it back
    /// gives a quote exactly equal to the selected text; the anchor made from it resolves to
    /// that text, and to the very characters selected when the quote first occurs there.
    #[test]
    fn any_selection_maps_back_to_exactly_the_selected_text(
        source in markdown_doc(),
        pick in any::<prop::sample::Index>(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let doc = Document::from_markdown(&source);
        let pieces: Vec<(usize, Piece)> = doc
            .slices()
            .into_iter()
            .flat_map(|s| s.pieces.into_iter().map(move |p| (s.block, p)))
            .filter(|(_, p)| !p.range.is_empty())
            .collect();
        prop_assume!(!pieces.is_empty());
        let (index, piece) = &pieces[pick.index(pieces.len())];
        let block = &doc.blocks[*index];
        let text = PieceText::new(&block.text, &piece.range);
        let chars: Vec<char> = text.text.chars().collect();
        let (x, y) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
        let selected: String = chars[x.min(y)..x.max(y)].iter().collect();
        let bytes = text.to_block(x.min(y)..x.max(y));
        prop_assert_eq!(&block.text[bytes.clone()], selected.as_str());
        prop_assume!(!selected.trim().is_empty());
        let found = Anchor::new(crate::model::ArticleId(1), selected.clone(), *index).resolve(&doc);
        let found = found.expect("the quote is found");
        prop_assert_eq!(&doc.blocks[found.block].text[found.range.clone()], selected.trim());
        if selected.trim() == selected && block.text.find(&selected) == Some(bytes.start) {
            prop_assert_eq!(found.range.clone(), bytes.clone());
            prop_assert_eq!(text.char_index(found.range.start), x.min(y));
            prop_assert_eq!(text.to_local(&found.range), Some(bytes.start - text.start..bytes.end - text.start));
        }
    }
}

proptest! {
    /// Selecting from any place of the text to any other, in the same block or across blocks
    /// (paragraphs, list items, quotes, table rows, footnotes), in any script, gives the text
    /// of each block between them joined by the block separator; the anchor made from it
    /// resolves to exactly those parts of those blocks.
    #[test]
    fn any_selection_across_blocks_maps_back_to_exactly_the_selected_text(
        source in markdown_doc(),
        a in any::<(prop::sample::Index, prop::sample::Index)>(),
        b in any::<(prop::sample::Index, prop::sample::Index)>(),
    ) {
        use crate::model::{TextPoint, passage_parts, passage_text, BLOCK_SEPARATOR};
        let doc = Document::from_markdown(&source);
        prop_assume!(!doc.blocks.is_empty());
        let point = |(block, at): (prop::sample::Index, prop::sample::Index)| {
            let block = block.index(doc.blocks.len());
            let text = &doc.blocks[block].text;
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            TextPoint { block, byte: bounds[at.index(bounds.len())] }
        };
        let (from, to) = (point(a), point(b));
        let (start, end) = (from.min(to), from.max(to));
        let quote = passage_text(&doc, to, from);
        // What was selected, block by block, as a person sees it.
        let mut expected = Vec::new();
        for (index, block) in doc.blocks.iter().enumerate().take(end.block + 1).skip(start.block) {
            let a = if index == start.block { start.byte } else { 0 };
            let b = if index == end.block { end.byte } else { block.text.len() };
            if a < b {
                expected.push(&block.text[a..b]);
            }
        }
        prop_assert_eq!(&quote, &expected.join(BLOCK_SEPARATOR));
        let parts = passage_parts(&doc, from, to);
        prop_assert_eq!(parts.len(), expected.len());
        // A quote that starts and ends on text resolves to blocks that hold exactly it, part
        // by part (the very blocks selected when it occurs nowhere earlier).
        prop_assume!(!quote.is_empty() && quote.trim() == quote);
        let anchor = Anchor::new(crate::model::ArticleId(1), quote.clone(), start.block);
        let found = anchor.resolve_parts(&doc);
        let spelled: Vec<&str> = found
            .iter()
            .map(|p| &doc.blocks[p.block].text[p.range.clone()])
            .collect();
        if parts.len() == 1 {
            prop_assert_eq!(spelled, [quote.as_str()]);
        } else {
            prop_assert_eq!(spelled.join(BLOCK_SEPARATOR), quote.clone());
            if found.first().map(|p| p.block) == Some(parts[0].block) && found.len() == parts.len() {
                prop_assert_eq!(found, parts);
            }
        }
    }
}

#[test]
fn plain_text_loses_the_html_leftovers_of_a_copied_page() {
    // One paragraph a line, as pasted: tags and `&amp;` go, the paragraphs stay.
    let doc = Document::from_plain_text(
        "<h2>So when is it coming out?</h2>\n<p>Cast &amp; crew are back.<br>\nFilming starts soon.</p>\nI <3 it.",
    );
    assert_eq!(
        texts(&doc),
        [
            "So when is it coming out?",
            "Cast & crew are back.",
            "Filming starts soon.",
            "I <3 it."
        ]
    );
    // Paragraphs by blank lines: a block tag ends one, wrapped lines still join.
    let doc = Document::from_plain_text("<p>One\nstill one.</p><p>Two.</p>\n\nThree.");
    assert_eq!(texts(&doc), ["One still one.", "Two.", "Three."]);
}
