//! The open article, parsed once and laid out lazily: only slices that come into view are
//! laid out, each once per width and theme, and kept across frames.
//!
//! A block is laid out as [`Slice`]s (a huge paragraph in chunks of a few KB, a table row as
//! its cells side by side); slices not laid out yet count with an estimated height, so opening
//! a 15 MB one-paragraph article costs about as much as opening a short one. As slices are laid
//! out their real height replaces the estimate (only slices below them move).
//!
//! Highlights: the selected thread's passage ([`HighlightKind::Selected`], strong) and any
//! number of other passages ([`HighlightKind::Suggested`], faint), set with
//! [`ArticleCache::set_highlights`]. Only the slices a change touches are laid out again.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke, Ui, Vec2};

use crate::model::{
    Anchor, AnchorMatch, Block, BlockKind, CellAlign, Document, Dossier, Marker, PieceText, Slice,
    SpanStyle, TableRow,
};

/// Space between blocks, in points.
const BLOCK_GAP: f32 = 10.0;
/// Space between two items of a list, in points.
const LIST_GAP: f32 = 5.0;
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

/// How strongly a passage is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HighlightKind {
    /// A faint mark (e.g. passages a suggestion points at).
    Suggested,
    /// The strong mark of the selected thread's passage; wins where both overlap.
    Selected,
}

/// A marked passage: block and byte range in its text, as [`Anchor::resolve`] gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Highlight {
    found: AnchorMatch,
    kind: HighlightKind,
}

/// Which article the cached document was parsed from.
#[derive(Clone, Debug, PartialEq)]
struct DocumentKey {
    dossier: u64,
    /// Address and length of the body, to skip hashing it when it is the same string.
    body_ptr: usize,
    body_len: usize,
    body_hash: u64,
}

/// What the cached layout was made for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    width_px: u32,
    dark: bool,
}

/// A document with its slices and the gaps after them: everything that does not depend on
/// the width or theme.
#[derive(Default)]
struct Parsed {
    document: Document,
    slices: Vec<Slice>,
    /// Index of each block's first slice.
    first_slice: Vec<usize>,
    /// Space after each slice, in points.
    gaps: Vec<f32>,
}

impl Parsed {
    fn new(document: Document) -> Self {
        let slices = document.slices();
        let mut first_slice = vec![0; document.blocks.len()];
        for (index, slice) in slices.iter().enumerate() {
            if slice.first {
                first_slice[slice.block] = index;
            }
        }
        let gaps = slices
            .iter()
            .map(|s| {
                if s.last {
                    gap_between(&document.blocks[s.block], document.blocks.get(s.block + 1))
                } else {
                    0.0
                }
            })
            .collect();
        Self {
            document,
            slices,
            first_slice,
            gaps,
        }
    }
}

/// Space between `block` and the one after it.
fn gap_between(block: &Block, next: Option<&Block>) -> f32 {
    let Some(next) = next else { return 0.0 };
    let same_table =
        matches!((&block.table, &next.table), (Some(a), Some(b)) if a.table == b.table);
    if same_table {
        0.0
    } else if block.list_depth > 0 && next.list_depth > 0 {
        LIST_GAP
    } else {
        BLOCK_GAP
    }
}

/// An article parsed ahead of time (e.g. on the thread that reads the library at start), for
/// [`ArticleCache::adopt`].
pub struct PreparedArticle {
    key: DocumentKey,
    parsed: Arc<Parsed>,
}

impl PreparedArticle {
    /// Parses `dossier`'s article and cuts it into slices.
    pub fn new(dossier: &Dossier) -> Self {
        let body = &dossier.article.body;
        Self {
            key: DocumentKey {
                dossier: dossier.id.0,
                body_ptr: body.as_ptr() as usize,
                body_len: body.len(),
                body_hash: hash_body(body),
            },
            parsed: Arc::new(Parsed::new(dossier.article.document())),
        }
    }
}

/// One slice laid out: each piece's layout and where it sits in the slice.
pub(super) struct SliceLayout {
    /// Each piece's offset from the slice's top left and its layout, in piece order.
    pub pieces: Vec<(Vec2, Arc<Galley>)>,
    /// The slice's height, in points.
    pub height: f32,
}

/// The article parsed and laid out for the current width and theme, kept across frames.
#[derive(Default)]
pub struct ArticleCache {
    doc_key: Option<DocumentKey>,
    parsed: Arc<Parsed>,
    layout_key: Option<LayoutKey>,
    width: f32,
    /// Each slice's layout, once it has been in view.
    layouts_of: Vec<Option<SliceLayout>>,
    /// Each slice's height: real once laid out, estimated before.
    heights: Vec<f32>,
    /// Top of each slice relative to the first one, in points.
    tops: Vec<f32>,
    total_height: f32,
    /// The passages to mark.
    wanted: Vec<Highlight>,
    /// The passages the current layouts were made with.
    laid_with: Vec<Highlight>,
    /// The last anchor resolved in this document, and where it resolved.
    resolved: Option<(Anchor, Option<AnchorMatch>)>,
    /// How many times slices were laid out (for tests and benchmarks).
    pub layouts: usize,
}

impl ArticleCache {
    /// The parsed article currently cached.
    pub fn document(&self) -> &Document {
        &self.parsed.document
    }

    /// The slices the article is laid out in.
    pub(super) fn slices(&self) -> &[Slice] {
        &self.parsed.slices
    }

    /// Space after slice `index`, in points.
    pub(super) fn gap_after(&self, index: usize) -> f32 {
        self.parsed.gaps.get(index).copied().unwrap_or(0.0)
    }

    /// Marks `passages` (block and byte range, as [`Anchor::resolve`] or the suggester give
    /// them) with `kind`, replacing the passages marked with that kind before. An empty list
    /// clears that kind. Where passages of both kinds overlap, [`HighlightKind::Selected`]
    /// shows. Takes effect in the next [`crate::ui::article_ui`] (call it before the article is
    /// drawn in a frame, or request a repaint); passages outside the document are ignored.
    /// Cheap when nothing changed: only the slices whose marks change are laid out again.
    pub fn set_highlights(&mut self, kind: HighlightKind, passages: Vec<AnchorMatch>) {
        let same = self
            .wanted
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| &h.found)
            .eq(passages.iter());
        if same {
            return;
        }
        self.wanted.retain(|h| h.kind != kind);
        self.wanted
            .extend(passages.into_iter().map(|found| Highlight { found, kind }));
    }

    /// The passages currently marked with `kind`.
    pub fn highlights(&self, kind: HighlightKind) -> Vec<AnchorMatch> {
        self.wanted
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.found.clone())
            .collect()
    }

    /// Where `anchor` is in the cached document, remembered until the anchor or document
    /// changes (an orphaned anchor would otherwise be searched for in the whole article
    /// every frame).
    pub(super) fn resolve(&mut self, anchor: &Anchor) -> Option<AnchorMatch> {
        if let Some((cached, found)) = &self.resolved
            && cached == anchor
        {
            return found.clone();
        }
        let found = anchor.resolve(&self.parsed.document);
        self.resolved = Some((anchor.clone(), found.clone()));
        found
    }

    /// Height of the whole article, slices and gaps, in points.
    pub(super) fn total_height(&self) -> f32 {
        self.total_height
    }

    /// Takes an article parsed ahead of time; it is used if it is still the one on screen.
    pub fn adopt(&mut self, prepared: PreparedArticle) {
        self.doc_key = Some(prepared.key);
        self.set_parsed(prepared.parsed);
    }

    fn set_parsed(&mut self, parsed: Arc<Parsed>) {
        self.parsed = parsed;
        self.layout_key = None;
        self.resolved = None;
        self.wanted.clear();
        self.laid_with.clear();
    }

    /// Parses `dossier`'s article unless it is the one already cached.
    pub(super) fn sync_document(&mut self, dossier: &Dossier) {
        let body = &dossier.article.body;
        let (ptr, len) = (body.as_ptr() as usize, body.len());
        if let Some(key) = &self.doc_key
            && key.dossier == dossier.id.0
            && key.body_ptr == ptr
            && key.body_len == len
        {
            return;
        }
        let body_hash = hash_body(body);
        let same_text = self
            .doc_key
            .as_ref()
            .is_some_and(|k| k.dossier == dossier.id.0 && k.body_hash == body_hash);
        if !same_text {
            self.set_parsed(Arc::new(Parsed::new(dossier.article.document())));
        }
        self.doc_key = Some(DocumentKey {
            dossier: dossier.id.0,
            body_ptr: ptr,
            body_len: len,
            body_hash,
        });
    }

    /// Makes the layout match the document (see [`Self::sync_document`], called first) at
    /// `width` with the wanted highlights: a new article, width or theme drops every layout;
    /// changed highlights re-lay out the slices they touch, if they were laid out.
    pub(super) fn update(&mut self, ui: &Ui, width: f32) {
        let key = LayoutKey {
            width_px: (width * ui.pixels_per_point()).round() as u32,
            dark: ui.visuals().dark_mode,
        };
        if self.layout_key != Some(key) {
            self.layout_key = Some(key);
            self.width = width;
            self.laid_with = self.wanted.clone();
            let parsed = Arc::clone(&self.parsed);
            self.layouts_of = parsed.slices.iter().map(|_| None).collect();
            self.heights = parsed
                .slices
                .iter()
                .map(|s| estimate_height(&parsed.document.blocks[s.block], s, width))
                .collect();
            self.recompute_tops();
        } else if self.laid_with != self.wanted {
            let mut blocks: Vec<usize> = self
                .laid_with
                .iter()
                .filter(|h| !self.wanted.contains(h))
                .chain(self.wanted.iter().filter(|h| !self.laid_with.contains(h)))
                .map(|h| h.found.block)
                .collect();
            blocks.sort_unstable();
            blocks.dedup();
            self.laid_with = self.wanted.clone();
            let mut changed = false;
            for block in blocks {
                for index in self.slices_of(block) {
                    if self.layouts_of.get(index).is_some_and(Option::is_some) {
                        self.lay_out(ui, index);
                        changed = true;
                    }
                }
            }
            if changed {
                self.recompute_tops();
            }
        }
    }

    /// The indices of block `block`'s slices.
    fn slices_of(&self, block: usize) -> Range<usize> {
        let Some(&first) = self.parsed.first_slice.get(block) else {
            return 0..0;
        };
        let count = self.parsed.slices[first..]
            .iter()
            .take_while(|s| s.block == block)
            .count();
        first..first + count
    }

    /// Lays out every slice that is (even partly) between `from` and `to` (relative to the
    /// first slice) and not laid out yet.
    pub(super) fn lay_out_range(&mut self, ui: &Ui, from: f32, to: f32) {
        let mut index = self.first_visible(from);
        let Some(mut y) = self.tops.get(index).copied() else {
            return;
        };
        let mut changed = false;
        while index < self.layouts_of.len() && y <= to {
            if self.layouts_of[index].is_none() {
                self.lay_out(ui, index);
                changed = true;
            }
            y += self.heights[index] + self.gap_after(index);
            index += 1;
        }
        if changed {
            self.recompute_tops();
        }
    }

    /// The laid-out slices between `from` and `to`: index, top and layout of each.
    pub(super) fn visible(
        &self,
        from: f32,
        to: f32,
    ) -> impl Iterator<Item = (usize, f32, &SliceLayout)> {
        let first = self.first_visible(from);
        (first..self.layouts_of.len())
            .map(|i| (i, self.tops[i]))
            .take_while(move |(_, top)| *top <= to)
            .filter_map(|(i, top)| self.layouts_of[i].as_ref().map(|l| (i, top, l)))
    }

    /// The y offset, relative to the first slice, of a passage's first line. Its slice and
    /// the slices just above it are laid out first, so the offset stays true once they show.
    pub(super) fn passage_top(&mut self, ui: &Ui, found: &AnchorMatch) -> Option<f32> {
        let (index, piece) = self.slices_of(found.block).find_map(|i| {
            let slice = &self.parsed.slices[i];
            let piece = slice.pieces.iter().position(|p| {
                p.range.contains(&found.range.start) || p.range.end == found.range.start
            })?;
            Some((i, piece))
        })?;
        if self.layouts_of.get(index)?.is_none() {
            self.lay_out(ui, index);
            self.recompute_tops();
        }
        let top = self.tops[index];
        self.lay_out_range(ui, (top - 400.0).max(0.0), top);
        let layout = self.layouts_of.get(index)?.as_ref()?;
        let (offset, galley) = layout.pieces.get(piece)?;
        let block = &self.parsed.document.blocks[found.block];
        let text = PieceText::new(&block.text, &self.parsed.slices[index].pieces[piece].range);
        let cursor = egui::text::CCursor::new(text.char_index(found.range.start));
        Some(self.tops[index] + offset.y + galley.pos_from_cursor(cursor).min.y)
    }

    fn lay_out(&mut self, ui: &Ui, index: usize) {
        self.layouts += 1;
        let parsed = Arc::clone(&self.parsed);
        let slice = &parsed.slices[index];
        let block = &parsed.document.blocks[slice.block];
        let marks: Vec<(Range<usize>, HighlightKind)> = self
            .laid_with
            .iter()
            .filter(|h| h.found.block == slice.block)
            .map(|h| (h.found.range.clone(), h.kind))
            .collect();
        let layout = lay_out_slice(ui, block, slice, self.width, &marks);
        self.heights[index] = layout.height;
        self.layouts_of[index] = Some(layout);
    }

    fn recompute_tops(&mut self) {
        let mut y = 0.0;
        let gaps = &self.parsed.gaps;
        self.tops = self
            .heights
            .iter()
            .zip(gaps)
            .map(|(h, gap)| {
                let top = y;
                y += h + gap;
                top
            })
            .collect();
        self.total_height = y;
    }

    /// The first slice whose bottom is below `y`.
    fn first_visible(&self, y: f32) -> usize {
        self.tops.partition_point(|top| *top <= y).saturating_sub(1)
    }
}

fn hash_body(body: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
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
fn estimate_height(block: &Block, slice: &Slice, width: f32) -> f32 {
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
fn lay_out_slice(
    ui: &Ui,
    block: &Block,
    slice: &Slice,
    width: f32,
    marks: &[(Range<usize>, HighlightKind)],
) -> SliceLayout {
    if block.kind == BlockKind::Rule {
        return SliceLayout {
            pieces: Vec::new(),
            height: RULE_HEIGHT,
        };
    }
    let left = indent(block);
    let room = (width - left).max(40.0);
    let pad = padding(block);
    let columns = block.table.as_ref().map(|row| column_geometry(row, room));
    let mut pieces = Vec::with_capacity(slice.pieces.len());
    let mut height: f32 = 0.0;
    for piece in &slice.pieces {
        let text = PieceText::new(&block.text, &piece.range);
        let (x, cell_width) = match (&columns, piece.column) {
            (Some(columns), Some(c)) => columns.get(c).copied().unwrap_or((0.0, room)),
            _ => (0.0, room),
        };
        let wrap = (cell_width - 2.0 * pad.x).max(8.0);
        let job = piece_job(ui, block, text, wrap, marks);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
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
        pieces.push((Vec2::new(left + x + pad.x + shift, pad.y), galley));
    }
    SliceLayout { pieces, height }
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
