//! Selecting text in the article: one selection over the whole article, kept as two places in
//! the text (where the press was, where the pointer is), so a drag goes on across paragraphs,
//! list items, quotes and table cells as it does in a browser.
//!
//! Positions on screen become places in the text only through [`CharBoxes`] (which reads the
//! galley in logical order, right-to-left runs included) and [`PieceText`] (characters of a
//! piece to bytes of its block): what is highlighted is what is selected, quoted and copied,
//! in every script. A double click selects a word (Unicode word boundaries), a triple click
//! the block; Shift+click extends; Ctrl+C copies when no text field has the keyboard.

use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Color32, Galley, Id, Pos2, Rect, Response, Sense, Ui};

use super::char_boxes::CharBoxes;
use crate::app::TextSelection;
use crate::model::{Block, Document, PieceText, TextPoint, passage_parts, passage_text};

/// One piece of text drawn this frame: the block it belongs to, its text, and where its
/// galley is on screen.
pub(super) struct DrawnPiece<'a> {
    /// Index of the block.
    pub block: usize,
    /// The piece's text in its block.
    pub text: PieceText<'a>,
    /// The galley's rectangle on screen.
    pub rect: Rect,
    /// Where its characters are drawn.
    pub boxes: &'a CharBoxes,
    /// Its interaction this frame.
    pub response: Response,
}

impl DrawnPiece<'_> {
    /// The place in the text at screen position `pos` (clamped to the piece).
    fn point_at(&self, pos: Pos2) -> TextPoint {
        let chars = self.boxes.cursor_at(pos - self.rect.min);
        TextPoint {
            block: self.block,
            byte: self.text.to_block(chars..chars).start,
        }
    }

    /// The characters of the piece between `start` and `end`, if any.
    fn selected_chars(&self, start: TextPoint, end: TextPoint) -> Option<std::ops::Range<usize>> {
        if self.block < start.block || self.block > end.block {
            return None;
        }
        let range = self.text.range();
        let from = if self.block == start.block {
            start.byte.max(range.start)
        } else {
            range.start
        };
        let to = if self.block == end.block {
            end.byte.min(range.end)
        } else {
            range.end
        };
        (from < to).then(|| self.text.char_index(from)..self.text.char_index(to))
    }
}

/// The selection being made, kept across frames in egui's memory.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct SelectionState {
    /// Where the selection started (the press).
    anchor: TextPoint,
    /// Where it ends (the pointer).
    head: TextPoint,
    /// The primary button went down on the article and is still down.
    dragging: bool,
}

impl SelectionState {
    fn ordered(&self) -> (TextPoint, TextPoint) {
        if self.anchor <= self.head {
            (self.anchor, self.head)
        } else {
            (self.head, self.anchor)
        }
    }
}

/// What the fan did to the selection this frame.
#[derive(Debug, Default, PartialEq)]
pub(super) struct SelectionOutput {
    /// The selection changed: the new one (`None` when it collapsed to a click).
    pub changed: Option<Option<TextSelection>>,
    /// A click (no drag) at this place: for links.
    pub clicked_at: Option<TextPoint>,
    /// Where the pointer is while a drag selects (to scroll when it leaves the view).
    pub dragging_at: Option<Pos2>,
    /// The place under the pointer, when it is over the article's text: for links.
    pub hovered_at: Option<TextPoint>,
}

/// The id of one piece's interaction.
pub(super) fn piece_id(block: usize, start: usize) -> Id {
    Id::unique(("article_piece", block, start))
}

/// Senses `rect` as a piece of selectable article text, with its text for screen readers.
pub(super) fn interact_piece(ui: &Ui, rect: Rect, id: Id, text: &str) -> Response {
    let response = ui
        .interact(rect, id, Sense::click_and_drag())
        .on_hover_cursor(egui::CursorIcon::Text);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::new(egui::Role::Label);
        info.current_text_value = Some(text.to_owned());
        info
    });
    response
}

/// Reads the pointer over the article's `pieces` (drawn this frame, in reading order) and
/// updates the selection of article `article`; `current` is the selection the app holds (when
/// it was cleared, e.g. by making a thread of it, the highlight goes too).
pub(super) fn update_selection(
    ui: &Ui,
    article: u64,
    document: &Document,
    pieces: &[DrawnPiece<'_>],
    current: Option<&TextSelection>,
) -> SelectionOutput {
    let id = Id::unique(("article_selection", article));
    let before: SelectionState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut state = before;
    if current.is_none() && !state.dragging {
        state.head = state.anchor;
    }
    let mut out = SelectionOutput::default();
    let (pressed, down, pointer, shift) = ui.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.pointer.interact_pos(),
            i.modifiers.shift,
        )
    });
    let over = pieces.iter().find(|p| p.response.contains_pointer());
    out.hovered_at = over
        .zip(ui.input(|i| i.pointer.hover_pos()))
        .map(|(p, pos)| p.point_at(pos));
    if pressed && let (Some(piece), Some(pos)) = (over, pointer) {
        let point = piece.point_at(pos);
        if !shift {
            state.anchor = point;
        }
        state.head = point;
        state.dragging = true;
    } else if state.dragging
        && let Some(pos) = pointer
        && let Some(point) = point_at(pieces, pos)
    {
        state.head = point;
    }
    if state.dragging && !down {
        state.dragging = false;
        if state.anchor == state.head {
            out.clicked_at = Some(state.head);
        }
    }

    // A double click selects a word, a triple click the block.
    let clicked = pieces.iter().find_map(|p| {
        if p.response.triple_clicked() {
            Some((p, 3))
        } else if p.response.double_clicked() {
            Some((p, 2))
        } else {
            None
        }
    });
    if let (Some((piece, clicks)), Some(pos)) = (clicked, pointer) {
        let point = piece.point_at(pos);
        if let Some(block) = document.blocks.get(point.block) {
            let range = if clicks == 3 {
                0..block.text.len()
            } else {
                word_at(block, point.byte)
            };
            state.anchor = TextPoint {
                block: point.block,
                byte: range.start,
            };
            state.head = TextPoint {
                block: point.block,
                byte: range.end,
            };
            out.clicked_at = None;
        }
    }
    if state.dragging {
        out.dragging_at = pointer;
    }
    if state != before {
        ui.data_mut(|d| d.insert_temp(id, state));
    }
    let made = selection_of(document, &state);
    if made.as_ref() != current {
        out.changed = Some(made);
    }
    if ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
        && ui.memory(|m| m.focused().is_none())
        && let Some(selection) = out.changed.clone().flatten().or_else(|| current.cloned())
    {
        ui.ctx().copy_text(selection.text);
    }
    out
}

/// `galley` (the layout of `piece`) with the selection of article `article` painted behind
/// its letters (over any passage highlight), as egui paints a text field's selection.
pub(super) fn with_selection(
    ui: &Ui,
    article: u64,
    piece: &DrawnPiece<'_>,
    mut galley: Arc<Galley>,
) -> Arc<Galley> {
    let id = Id::unique(("article_selection", article));
    let state: SelectionState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let (start, end) = state.ordered();
    let Some(chars) = piece.selected_chars(start, end) else {
        return galley;
    };
    let fill: Color32 = ui.visuals().selection.bg_fill;
    let layout = Arc::make_mut(&mut galley);
    for (index, rect) in piece.boxes.row_rects(chars) {
        let Some(placed) = layout.rows.get_mut(index) else {
            continue;
        };
        let rect = rect.translate(-placed.pos.to_vec2());
        let row = Arc::make_mut(&mut placed.row);
        let mut quad = Mesh::default();
        quad.add_colored_rect(rect, fill);
        let mesh = &mut row.visuals.mesh;
        let base = mesh.vertices.len() as u32;
        mesh.vertices.extend(quad.vertices);
        // Before the glyphs' triangles, after the backgrounds'.
        let at = row.visuals.glyph_index_start.min(mesh.indices.len());
        let added = quad.indices.len();
        mesh.indices
            .splice(at..at, quad.indices.into_iter().map(|i| i + base));
        row.visuals.glyph_index_start += added;
        row.visuals.mesh_bounds = row.visuals.mesh_bounds.union(rect);
    }
    layout.mesh_bounds = layout
        .rows
        .iter()
        .fold(egui::Rect::NOTHING, |bounds, placed| {
            bounds.union(placed.visuals.mesh_bounds.translate(placed.pos.to_vec2()))
        });
    galley
}

/// The place in the text nearest to `pos` among `pieces`: in the piece under it, else in the
/// piece nearest above or below (its end when the pointer is below it, its start when above),
/// else nearest to the side.
fn point_at(pieces: &[DrawnPiece<'_>], pos: Pos2) -> Option<TextPoint> {
    let distance = |rect: &Rect| {
        let dy = (rect.min.y - pos.y).max(pos.y - rect.max.y).max(0.0);
        let dx = (rect.min.x - pos.x).max(pos.x - rect.max.x).max(0.0);
        (dy, dx)
    };
    pieces
        .iter()
        .min_by(|a, b| {
            let (ay, ax) = distance(&a.rect);
            let (by, bx) = distance(&b.rect);
            ay.total_cmp(&by).then(ax.total_cmp(&bx))
        })
        .map(|piece| piece.point_at(pos))
}

/// The selection `state` spans, as the app keeps it; `None` when it is empty.
fn selection_of(document: &Document, state: &SelectionState) -> Option<TextSelection> {
    let parts = passage_parts(document, state.anchor, state.head);
    let first = parts.first()?;
    let last = parts.last()?;
    Some(TextSelection {
        block: first.block,
        range: first.range.clone(),
        end: (last.block != first.block).then_some((last.block, last.range.end)),
        text: passage_text(document, state.anchor, state.head),
    })
}

/// The byte range of the word at byte `byte` of `block`'s text (Unicode word boundaries, so
/// a Hebrew, Arabic or Hangul word is one word); at a space or punctuation, that character.
fn word_at(block: &Block, byte: usize) -> std::ops::Range<usize> {
    use unicode_segmentation::UnicodeSegmentation as _;
    let text = &block.text;
    let segments: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let at = |(start, word): &(usize, &str)| *start <= byte && byte < start + word.len();
    let found = segments.iter().position(at).or_else(|| {
        // Past the end: the last segment.
        segments.len().checked_sub(1)
    });
    let Some(index) = found else {
        return byte..byte;
    };
    let (start, word) = segments[index];
    // A click just after a word (on the space after it) at a word's end selects that word.
    let is_word = |w: &str| w.chars().any(char::is_alphanumeric);
    if !is_word(word) && index > 0 && start == byte && is_word(segments[index - 1].1) {
        let (prev, w) = segments[index - 1];
        return prev..prev + w.len();
    }
    start..start + word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_a_word_in_every_script() {
        let block = Block::paragraph("Its Hebrew title is מגדלור הנמל, and فنار الميناء.".into());
        let word = |needle: &str| {
            let at = block.text.find(needle).expect("in text");
            let range = word_at(&block, at + 1.min(needle.len() - 1));
            block.text[range].to_owned()
        };
        assert_eq!(word("הנמל"), "הנמל");
        assert_eq!(word("מגדלור"), "מגדלור");
        assert_eq!(word("الميناء"), "الميناء");
        assert_eq!(word("title"), "title");
        let comma = block.text.find(',').expect("comma");
        assert_eq!(&block.text[word_at(&block, comma)], "הנמל");
    }
}
