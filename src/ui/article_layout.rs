//! How one slice of the article is laid out: fonts, indents, table columns, the text of each
//! piece styled by its spans and marked by highlights. The text of a piece's layout is always
//! exactly the piece's text ([`PieceText`]); decorations are drawn by `article_ui`.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke, Ui, Vec2};

use super::article_cache::HighlightKind;
use super::bidi_layout::reorder;
use super::char_boxes::CharBoxes;
use crate::model::{Block, BlockKind, CellAlign, Marker, PieceText, Slice, SpanStyle, TableRow};

/// Indent of each level of list (and of footnotes), in points: room for the marker.
pub(super) const LIST_INDENT: f32 = 26.0;
/// Indent of each level of block quote, in points: room for its bar.
pub(super) const QUOTE_INDENT: f32 = 16.0;
/// Padding inside a table cell, in points.
const CELL_PADDING: Vec2 = Vec2::new(6.0, 4.0);
/// Padding inside a code block, in points.
const CODE_PADDING: Vec2 = Vec2::new(8.0, 6.0);
/// Height of a thematic break, in points.
const RULE_HEIGHT: f32 = 14.0;

/// One slice laid out: each piece's layout and where it sits in the slice.
pub(super) struct SliceLayout {
    /// Each piece's offset from the slice's top left and its layout, in piece order.
    pub pieces: Vec<(Vec2, Arc<Galley>)>,
    /// Where each piece's characters are drawn (for selection), in piece order.
    pub boxes: Vec<CharBoxes>,
    /// The slice's height, in points.
    pub height: f32,
}

/// How far a block's content starts from the column's left edge, in points.
pub(super) fn indent(block: &Block) -> f32 {
    f32::from(block.list_depth) * LIST_INDENT + f32::from(block.quote_depth) * QUOTE_INDENT
}

/// Font size of a block's text, in points.
pub(super) fn font_size(block: &Block) -> f32 {
    match block.kind {
        BlockKind::Heading(1) => 24.0,
        BlockKind::Heading(2) => 20.0,
        BlockKind::Heading(_) => 18.0,
        BlockKind::Code => 14.0,
        _ if matches!(block.marker, Some(Marker::Footnote(_))) => 14.0,
        _ if block.table.is_some() => 15.0,
        _ => 16.0,
    }
}

/// A slice's height before it is laid out: its characters at an average width, wrapped.
pub(super) fn estimate_height(block: &Block, slice: &Slice, width: f32) -> f32 {
    if block.kind == BlockKind::Rule {
        return RULE_HEIGHT;
    }
    let size = font_size(block);
    let room = width - indent(block);
    let columns = slice.pieces.len().max(1) as f32;
    let lines = slice
        .pieces
        .iter()
        .map(|p| {
            let text = &block.text[p.range.clone()];
            let per_line = ((room / columns).max(size) / (size * 0.5)).max(1.0);
            (text.len() as f32 / per_line).ceil().max(1.0) + text.matches('\n').count() as f32
        })
        .fold(1.0_f32, f32::max);
    lines * size * 1.45 + 2.0 * padding(block).y
}

/// Padding around a block's text inside its box (code background, table cell).
fn padding(block: &Block) -> Vec2 {
    if block.table.is_some() {
        CELL_PADDING
    } else if block.kind == BlockKind::Code {
        CODE_PADDING
    } else {
        Vec2::ZERO
    }
}

/// Left edge and width of each column of a table `room` points wide: widths follow the
/// longest cell of each column, within limits, so short columns stay narrow.
pub(super) fn column_geometry(row: &TableRow, room: f32) -> Vec<(f32, f32)> {
    let weights: Vec<f32> = row
        .column_chars
        .iter()
        .map(|&c| (c as f32).clamp(4.0, 40.0))
        .collect();
    let total: f32 = weights.iter().sum::<f32>().max(1.0);
    let mut x = 0.0;
    weights
        .iter()
        .map(|w| {
            let width = room * w / total;
            let column = (x, width);
            x += width;
            column
        })
        .collect()
}

/// Lays out one slice: each piece's galley and its offset in the slice.
pub(super) fn lay_out_slice(
    ui: &Ui,
    block: &Block,
    slice: &Slice,
    width: f32,
    marks: &[(Range<usize>, HighlightKind)],
) -> SliceLayout {
    if block.kind == BlockKind::Rule {
        return SliceLayout {
            pieces: Vec::new(),
            boxes: Vec::new(),
            height: RULE_HEIGHT,
        };
    }
    let left = indent(block);
    let room = (width - left).max(40.0);
    let pad = padding(block);
    let columns = block.table.as_ref().map(|row| column_geometry(row, room));
    let mut pieces = Vec::with_capacity(slice.pieces.len());
    let mut boxes = Vec::with_capacity(slice.pieces.len());
    let mut height: f32 = 0.0;
    for piece in &slice.pieces {
        let text = PieceText::new(&block.text, &piece.range);
        let (x, cell_width) = match (&columns, piece.column) {
            (Some(columns), Some(c)) => columns.get(c).copied().unwrap_or((0.0, room)),
            _ => (0.0, room),
        };
        let wrap = (cell_width - 2.0 * pad.x).max(8.0);
        let job = piece_job(ui, block, text, wrap, marks);
        let (galley, piece_boxes) = reorder(ui.fonts_mut(|f| f.layout_job(job)));
        let align = block
            .table
            .as_ref()
            .and_then(|row| piece.column.and_then(|c| row.align.get(c).copied()))
            .unwrap_or_default();
        let slack = (wrap - galley.size().x).max(0.0);
        let shift = match align {
            CellAlign::Left => 0.0,
            CellAlign::Center => slack / 2.0,
            CellAlign::Right => slack,
        };
        height = height.max(galley.size().y + 2.0 * pad.y);
        boxes.push(piece_boxes);
        pieces.push((Vec2::new(left + x + pad.x + shift, pad.y), galley));
    }
    SliceLayout {
        pieces,
        boxes,
        height,
    }
}

/// The base format of a block's text.
fn base_format(visuals: &egui::Visuals, block: &Block) -> TextFormat {
    let size = font_size(block);
    let header = block.table.as_ref().is_some_and(|row| row.header);
    let color = match block.kind {
        BlockKind::Heading(_) => visuals.strong_text_color(),
        _ if header => visuals.strong_text_color(),
        _ if block.quote_depth > 0 => visuals.weak_text_color(),
        _ => visuals.text_color(),
    };
    TextFormat {
        font_id: if block.kind == BlockKind::Code {
            FontId::monospace(size)
        } else {
            FontId::proportional(size)
        },
        color,
        line_height: Some(size * 1.45),
        ..Default::default()
    }
}

/// Builds the layout of one piece: exactly `piece.text`, styled by the block's spans, with
/// `marks` (byte ranges in the block's text) highlighted.
fn piece_job(
    ui: &Ui,
    block: &Block,
    piece: PieceText<'_>,
    wrap: f32,
    marks: &[(Range<usize>, HighlightKind)],
) -> LayoutJob {
    let visuals = ui.visuals();
    let base = base_format(visuals, block);
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(wrap),
        ..Default::default()
    };
    // Local byte ranges of the marks that touch this piece, and where formats change.
    let local_marks: Vec<(Range<usize>, HighlightKind)> = marks
        .iter()
        .filter_map(|(range, kind)| piece.to_local(range).map(|r| (r, *kind)))
        .collect();
    let mut cuts: Vec<usize> = local_marks
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    for span in &block.spans {
        let Some(local) = piece.to_local(&span.range) else {
            continue;
        };
        let format = span_format(visuals, &base, &span.style);
        let mut start = local.start;
        for &cut in cuts.iter().filter(|&&c| c > local.start && c < local.end) {
            append_part(
                &mut job,
                piece.text,
                start..cut,
                &format,
                &local_marks,
                visuals,
            );
            start = cut;
        }
        append_part(
            &mut job,
            piece.text,
            start..local.end,
            &format,
            &local_marks,
            visuals,
        );
    }
    if job.text.len() < piece.text.len() {
        // Text no span covers (never from the parser): drawn plain, so the layout's text is
        // still exactly the piece's.
        let covered = job.text.len();
        job.append(&piece.text[covered..], 0.0, base);
    }
    job
}

/// Appends `text[range]` in `format`, marked with the strongest highlight covering it.
fn append_part(
    job: &mut LayoutJob,
    text: &str,
    range: Range<usize>,
    format: &TextFormat,
    marks: &[(Range<usize>, HighlightKind)],
    visuals: &egui::Visuals,
) {
    if range.is_empty() {
        return;
    }
    let kind = marks
        .iter()
        .filter(|(r, _)| r.start <= range.start && range.start < r.end)
        .map(|(_, k)| *k)
        .max();
    let mut format = format.clone();
    match kind {
        Some(HighlightKind::Selected) => {
            format.background = if visuals.dark_mode {
                Color32::from_rgb(0x6b, 0x55, 0x10)
            } else {
                Color32::from_rgb(0xff, 0xe5, 0x8a)
            };
            format.color = visuals.strong_text_color();
        }
        Some(HighlightKind::Suggested) => {
            format.background = if visuals.dark_mode {
                Color32::from_rgb(0x26, 0x33, 0x45)
            } else {
                Color32::from_rgb(0xe6, 0xef, 0xfb)
            };
        }
        None => {}
    }
    job.append(&text[range], 0.0, format);
}

fn span_format(visuals: &egui::Visuals, base: &TextFormat, style: &SpanStyle) -> TextFormat {
    let mut format = base.clone();
    if style.strong {
        format.color = visuals.strong_text_color();
    }
    if style.emphasis {
        format.italics = true;
    }
    if style.strikethrough {
        format.strikethrough = Stroke::new(1.0, format.color);
    }
    if style.code {
        format.font_id = FontId::monospace(base.font_id.size * 0.92);
        format.background = visuals.code_bg_color;
    }
    if style.link.is_some() {
        format.color = visuals.hyperlink_color;
        format.underline = Stroke::new(1.0, visuals.hyperlink_color);
    }
    if style.footnote {
        format.font_id = FontId::proportional(base.font_id.size * 0.7);
        format.valign = egui::Align::TOP;
        format.color = visuals.hyperlink_color;
        format.underline = Stroke::NONE;
    }
    format
}
