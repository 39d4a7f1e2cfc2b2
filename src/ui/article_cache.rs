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

use std::hash::Hash;
use std::ops::Range;
use std::sync::Arc;

use egui::Ui;

use super::article_layout::{SliceLayout, estimate_height, lay_out_slice};
use crate::model::{
    Anchor, AnchorMatch, ArticleEntry, ArticleId, Block, Document, PieceText, Slice,
};

/// Space between blocks, in points.
const BLOCK_GAP: f32 = 10.0;
/// Space between two items of a list, in points.
const LIST_GAP: f32 = 5.0;
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

/// Which document is laid out: the article and the address of its parsed document (shared
/// with the app, which parses it once).
#[derive(Clone, Copy, Debug, PartialEq)]
struct DocumentKey {
    article: ArticleId,
    document: usize,
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
    document: Arc<Document>,
    slices: Vec<Slice>,
    /// Index of each block's first slice.
    first_slice: Vec<usize>,
    /// Space after each slice, in points.
    gaps: Vec<f32>,
}

impl Parsed {
    fn new(document: Arc<Document>) -> Self {
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

/// An article parsed ahead of time (e.g. on the thread that reads the library at start) and cut
/// into slices, for [`ArticleCache::adopt`]; the app keeps its document too.
pub struct PreparedArticle {
    /// The article.
    pub article: ArticleId,
    /// The text it was parsed from.
    pub body: Arc<str>,
    /// The parsed document, shared with the app.
    pub document: Arc<Document>,
    parsed: Arc<Parsed>,
}

impl PreparedArticle {
    /// Parses `entry`'s article and cuts it into slices.
    pub fn new(entry: &ArticleEntry) -> Self {
        let document = Arc::new(entry.article.document());
        Self {
            article: entry.id,
            body: entry.article.body.clone(),
            parsed: Arc::new(Parsed::new(document.clone())),
            document,
        }
    }
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
    /// The last anchor resolved in this document, and where it resolved (one part per block).
    resolved: Option<(Anchor, Vec<AnchorMatch>)>,
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

    /// Where `anchor` is in the cached document, one part per block it spans (none when it is
    /// orphaned), remembered until the anchor or document changes (an orphaned anchor would
    /// otherwise be searched for in the whole article every frame).
    pub(super) fn resolve(&mut self, anchor: &Anchor) -> Vec<AnchorMatch> {
        if let Some((cached, found)) = &self.resolved
            && cached == anchor
        {
            return found.clone();
        }
        let found = anchor.resolve_parts(&self.parsed.document);
        self.resolved = Some((anchor.clone(), found.clone()));
        found
    }

    /// Height of the whole article, slices and gaps, in points.
    pub(super) fn total_height(&self) -> f32 {
        self.total_height
    }

    /// Takes an article parsed ahead of time; it is used if it is still the one on screen.
    pub fn adopt(&mut self, prepared: PreparedArticle) {
        self.doc_key = Some(DocumentKey {
            article: prepared.article,
            document: Arc::as_ptr(&prepared.document) as usize,
        });
        self.set_parsed(prepared.parsed);
    }

    fn set_parsed(&mut self, parsed: Arc<Parsed>) {
        self.parsed = parsed;
        self.layout_key = None;
        self.resolved = None;
        self.wanted.clear();
        self.laid_with.clear();
    }

    /// Cuts `document`, article `article` as the app parsed it, into slices, unless it is the
    /// one already laid out.
    pub(super) fn sync_document(&mut self, article: ArticleId, document: &Arc<Document>) {
        let key = DocumentKey {
            article,
            document: Arc::as_ptr(document) as usize,
        };
        if self.doc_key == Some(key) {
            return;
        }
        self.set_parsed(Arc::new(Parsed::new(document.clone())));
        self.doc_key = Some(key);
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
