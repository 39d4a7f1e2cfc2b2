//! The open article, parsed once and laid out lazily: only blocks that come into view are laid
//! out, each once per width and theme, and kept across frames.
//!
//! Blocks not laid out yet count with an estimated height, so opening a 1 MB article costs
//! about as much as opening a short one; as blocks are laid out their real height replaces the
//! estimate (only blocks below them move).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke, Ui};

use crate::model::{Anchor, AnchorMatch, Block, BlockKind, Document, Dossier, SpanStyle};

/// Space between blocks, in points.
const BLOCK_GAP: f32 = 10.0;

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

/// An article parsed ahead of time (e.g. on the thread that reads the library at start), for
/// [`ArticleCache::adopt`].
pub struct PreparedArticle {
    key: DocumentKey,
    document: Arc<Document>,
}

impl PreparedArticle {
    /// Parses `dossier`'s article.
    pub fn new(dossier: &Dossier) -> Self {
        let body = &dossier.article.body;
        Self {
            key: DocumentKey {
                dossier: dossier.id.0,
                body_ptr: body.as_ptr() as usize,
                body_len: body.len(),
                body_hash: hash_body(body),
            },
            document: Arc::new(dossier.article.document()),
        }
    }
}

/// The article parsed and laid out for the current width and theme, kept across frames.
#[derive(Default)]
pub struct ArticleCache {
    doc_key: Option<DocumentKey>,
    document: Arc<Document>,
    layout_key: Option<LayoutKey>,
    width: f32,
    /// Each block's layout, once it has been in view.
    galleys: Vec<Option<Arc<Galley>>>,
    /// Each block's height: real once laid out, estimated before.
    heights: Vec<f32>,
    /// Top of each block relative to the first block, in points.
    tops: Vec<f32>,
    total_height: f32,
    /// The highlighted passage the galleys were laid out with.
    highlight: Option<AnchorMatch>,
    /// The last anchor resolved in this document, and where it resolved.
    resolved: Option<(Anchor, Option<AnchorMatch>)>,
    /// How many times blocks were laid out (for tests and benchmarks).
    pub layouts: usize,
}

impl ArticleCache {
    /// The parsed article currently cached.
    pub fn document(&self) -> &Document {
        &self.document
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
        let found = anchor.resolve(&self.document);
        self.resolved = Some((anchor.clone(), found.clone()));
        found
    }

    /// Height of the whole article, blocks and gaps, in points.
    pub(super) fn total_height(&self) -> f32 {
        self.total_height
    }

    /// Takes an article parsed ahead of time; it is used if it is still the one on screen.
    pub fn adopt(&mut self, prepared: PreparedArticle) {
        self.doc_key = Some(prepared.key);
        self.document = prepared.document;
        self.layout_key = None;
        self.resolved = None;
        self.highlight = None;
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
            self.document = Arc::new(dossier.article.document());
            self.layout_key = None;
            self.resolved = None;
            self.highlight = None;
        }
        self.doc_key = Some(DocumentKey {
            dossier: dossier.id.0,
            body_ptr: ptr,
            body_len: len,
            body_hash,
        });
    }

    /// Makes the layout match the document (see [`Self::sync_document`], called first) at
    /// `width` with `highlight` marked: a new article, width or theme drops every layout; a new
    /// highlight re-lays out the two blocks it touches, if they were laid out.
    pub(super) fn update(&mut self, ui: &Ui, width: f32, highlight: Option<AnchorMatch>) {
        let key = LayoutKey {
            width_px: (width * ui.pixels_per_point()).round() as u32,
            dark: ui.visuals().dark_mode,
        };
        if self.layout_key != Some(key) {
            self.layout_key = Some(key);
            self.width = width;
            self.highlight = highlight;
            let blocks = &self.document.blocks;
            self.galleys = vec![None; blocks.len()];
            self.heights = blocks.iter().map(|b| estimate_height(b, width)).collect();
            self.recompute_tops();
        } else if self.highlight != highlight {
            let old = self.highlight.take().map(|h| h.block);
            self.highlight = highlight;
            let new = self.highlight.as_ref().map(|h| h.block);
            for index in [old, new].into_iter().flatten() {
                if self.galleys.get(index).is_some_and(Option::is_some) {
                    self.lay_out(ui, index);
                }
            }
        }
    }

    /// Lays out every block that is (even partly) between `from` and `to` (relative to the
    /// first block) and not laid out yet.
    pub(super) fn lay_out_range(&mut self, ui: &Ui, from: f32, to: f32) {
        let mut index = self.first_visible(from);
        let Some(mut y) = self.tops.get(index).copied() else {
            return;
        };
        let mut changed = false;
        while index < self.galleys.len() && y <= to {
            if self.galleys[index].is_none() {
                self.lay_out(ui, index);
                changed = true;
            }
            y += self.heights[index] + BLOCK_GAP;
            index += 1;
        }
        if changed {
            self.recompute_tops();
        }
    }

    /// The laid-out blocks between `from` and `to`: index, top and layout of each.
    pub(super) fn visible(
        &self,
        from: f32,
        to: f32,
    ) -> impl Iterator<Item = (usize, f32, &Arc<Galley>)> {
        let first = self.first_visible(from);
        (first..self.galleys.len())
            .map(|i| (i, self.tops[i]))
            .take_while(move |(_, top)| *top <= to)
            .filter_map(|(i, top)| self.galleys[i].as_ref().map(|g| (i, top, g)))
    }

    /// The y offset, relative to the first block, of a passage's first line. Its block and
    /// the blocks just above it are laid out first, so the offset stays true once they show.
    pub(super) fn passage_top(&mut self, ui: &Ui, found: &AnchorMatch) -> Option<f32> {
        if self.galleys.get(found.block)?.is_none() {
            self.lay_out(ui, found.block);
            self.recompute_tops();
        }
        let top = self.tops[found.block];
        self.lay_out_range(ui, (top - 400.0).max(0.0), top);
        let galley = self.galleys.get(found.block)?.as_ref()?;
        let text = &self.document.blocks[found.block].text;
        let char_index = text[..found.range.start.min(text.len())].chars().count();
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(char_index));
        Some(self.tops[found.block] + rect.min.y)
    }

    fn lay_out(&mut self, ui: &Ui, index: usize) {
        self.layouts += 1;
        let highlight = self
            .highlight
            .as_ref()
            .filter(|h| h.block == index)
            .map(|h| h.range.clone());
        let job = block_job(ui, &self.document.blocks[index], self.width, highlight);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        self.heights[index] = galley.size().y;
        self.galleys[index] = Some(galley);
    }

    fn recompute_tops(&mut self) {
        let mut y = 0.0;
        self.tops = self
            .heights
            .iter()
            .map(|h| {
                let top = y;
                y += h + BLOCK_GAP;
                top
            })
            .collect();
        self.total_height = y;
    }

    /// The first block whose bottom is below `y`.
    fn first_visible(&self, y: f32) -> usize {
        self.tops.partition_point(|top| *top <= y).saturating_sub(1)
    }
}

fn hash_body(body: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
}

/// Font size and left indent of a block of `kind`, in points.
fn size_and_indent(kind: BlockKind) -> (f32, f32) {
    match kind {
        BlockKind::Heading(1) => (24.0, 0.0),
        BlockKind::Heading(2) => (20.0, 0.0),
        BlockKind::Heading(_) => (18.0, 0.0),
        BlockKind::Paragraph => (16.0, 0.0),
        BlockKind::Quote => (16.0, 16.0),
        BlockKind::ListItem { depth } => (16.0, 18.0 * f32::from(depth + 1)),
        BlockKind::Code => (14.0, 8.0),
    }
}

/// A block's height before it is laid out: its characters at an average width, wrapped.
fn estimate_height(block: &Block, width: f32) -> f32 {
    let (size, indent) = size_and_indent(block.kind);
    let chars = block.text.chars().count() as f32;
    let per_line = ((width - indent).max(size) / (size * 0.5)).max(1.0);
    let lines = (chars / per_line).ceil().max(1.0) + block.text.matches('\n').count() as f32;
    lines * size * 1.45
}

/// Builds the layout of one block, with `highlight` (a byte range) marked.
fn block_job(ui: &Ui, block: &Block, width: f32, highlight: Option<Range<usize>>) -> LayoutJob {
    let visuals = ui.visuals();
    let (size, indent) = size_and_indent(block.kind);
    let (base_color, italics) = match block.kind {
        BlockKind::Heading(_) => (visuals.strong_text_color(), false),
        BlockKind::Quote => (visuals.weak_text_color(), true),
        _ => (visuals.text_color(), false),
    };
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(width),
        ..Default::default()
    };
    let base = TextFormat {
        font_id: if block.kind == BlockKind::Code {
            FontId::monospace(size)
        } else {
            FontId::proportional(size)
        },
        color: base_color,
        italics,
        line_height: Some(size * 1.45),
        ..Default::default()
    };
    if indent > 0.0 {
        job.first_row_min_height = 0.0;
        let bullet = match block.kind {
            BlockKind::ListItem { .. } => "•  ",
            _ => "",
        };
        job.append(bullet, indent - 14.0_f32.min(indent), base.clone());
    }
    for span in &block.spans {
        let format = span_format(visuals, &base, &span.style);
        append_with_highlight(
            &mut job,
            &block.text,
            span.range.clone(),
            &format,
            highlight.as_ref(),
            visuals,
        );
    }
    job
}

fn span_format(visuals: &egui::Visuals, base: &TextFormat, style: &SpanStyle) -> TextFormat {
    let mut format = base.clone();
    if style.strong {
        format.color = visuals.strong_text_color();
    }
    if style.emphasis {
        format.italics = true;
    }
    if style.code {
        format.font_id = FontId::monospace(base.font_id.size * 0.92);
        format.background = visuals.code_bg_color;
    }
    if style.link.is_some() {
        format.color = visuals.hyperlink_color;
        format.underline = Stroke::new(1.0, visuals.hyperlink_color);
    }
    format
}

/// Appends `text[range]`, splitting it where it meets the highlighted range.
fn append_with_highlight(
    job: &mut LayoutJob,
    text: &str,
    range: Range<usize>,
    format: &TextFormat,
    highlight: Option<&Range<usize>>,
    visuals: &egui::Visuals,
) {
    let Some(h) = highlight.filter(|h| h.start < range.end && range.start < h.end) else {
        job.append(&text[range], 0.0, format.clone());
        return;
    };
    let marked_start = h.start.max(range.start);
    let marked_end = h.end.min(range.end);
    let mut marked = format.clone();
    marked.background = if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xe5, 0x8a)
    };
    marked.color = visuals.strong_text_color();
    for (part, fmt) in [
        (range.start..marked_start, format),
        (marked_start..marked_end, &marked),
        (marked_end..range.end, format),
    ] {
        if !part.is_empty() {
            job.append(&text[part], 0.0, fmt.clone());
        }
    }
}
