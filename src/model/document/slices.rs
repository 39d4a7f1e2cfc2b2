//! How a block is cut up to be laid out, and the one mapping between drawn text and block text.
//!
//! A block is drawn as one or more [`Slice`]s stacked vertically (a huge paragraph is cut into
//! chunks of about [`CHUNK_BYTES`] at word boundaries, so only the chunks in view are laid
//! out); a slice holds one or more [`Piece`]s side by side (a table row has one per cell).
//! A piece's drawn text is exactly `block.text[piece.range]`: decorations are drawn apart. Every
//! conversion between a position in a piece's layout (counted in characters, as egui's cursors
//! are) and a byte offset in the block's text goes through [`PieceText`].

use std::ops::Range;

use super::{Block, BlockKind, Document};

/// The longest a chunk of a huge block gets, in bytes (a few screens of text).
pub const CHUNK_BYTES: usize = 4 * 1024;

/// Blocks longer than this many bytes are cut into chunks.
const SPLIT_ABOVE: usize = 2 * CHUNK_BYTES;

/// A run of a block's text laid out as one piece of text (one galley).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range of the block's text the piece draws.
    pub range: Range<usize>,
    /// The table column the piece is in, for a table cell.
    pub column: Option<usize>,
}

/// A horizontal band of a block: its pieces side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slice {
    /// Index of the block in [`Document::blocks`].
    pub block: usize,
    /// The block's first slice (its marker is drawn here).
    pub first: bool,
    /// The block's last slice (the gap to the next block follows it).
    pub last: bool,
    /// The pieces, left to right; none for a rule.
    pub pieces: Vec<Piece>,
}

impl Document {
    /// Every block's slices, in reading order.
    pub fn slices(&self) -> Vec<Slice> {
        let mut out = Vec::with_capacity(self.blocks.len());
        for (index, block) in self.blocks.iter().enumerate() {
            let bands = block.bands();
            let count = bands.len();
            out.extend(bands.into_iter().enumerate().map(|(k, pieces)| Slice {
                block: index,
                first: k == 0,
                last: k + 1 == count,
                pieces,
            }));
        }
        out
    }
}

impl Block {
    /// The pieces of each of the block's slices (see the module docs).
    fn bands(&self) -> Vec<Vec<Piece>> {
        if self.kind == BlockKind::Rule {
            return vec![Vec::new()];
        }
        if let Some(row) = &self.table {
            let cells = row
                .cells
                .iter()
                .enumerate()
                .map(|(column, range)| Piece {
                    range: range.clone(),
                    column: Some(column),
                })
                .collect();
            return vec![cells];
        }
        chunks(&self.text)
            .into_iter()
            .map(|range| {
                vec![Piece {
                    range,
                    column: None,
                }]
            })
            .collect()
    }
}

/// How sentences end, with the space after them: a chunk preferably ends after one.
const SENTENCE_ENDS: &[&str] = &[". ", "? ", "! ", ".\" ", "。", "？", "！", "다. "];

/// Cuts `text` into ranges of at most [`CHUNK_BYTES`], each ending after the end of a
/// sentence when there is one in its second half, else after white space, else at a character
/// boundary. Text up to twice that length stays whole. The ranges cover the text exactly, in
/// order.
pub(super) fn chunks(text: &str) -> Vec<Range<usize>> {
    if text.len() <= SPLIT_ABOVE {
        return std::iter::once(0..text.len()).collect();
    }
    let mut out = Vec::with_capacity(text.len() / CHUNK_BYTES + 1);
    let mut start = 0;
    while text.len() - start > CHUNK_BYTES {
        let mut limit = start + CHUNK_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let half = floor_boundary(text, start + CHUNK_BYTES / 2);
        let window = &text[half..limit];
        // After the end of a sentence if there is one (the forced line break then reads
        // naturally), else after any white space, else at a character boundary.
        let sentence_end = SENTENCE_ENDS
            .iter()
            .filter_map(|end| window.rfind(end).map(|at| at + end.len()))
            .max();
        let space = || {
            window
                .rfind(char::is_whitespace)
                .map(|at| at + window[at..].chars().next().map_or(1, char::len_utf8))
        };
        let end = sentence_end.or_else(space).map_or(limit, |at| half + at);
        out.push(start..end);
        start = end;
    }
    out.push(start..text.len());
    out
}

/// A piece's text and where it sits in its block's text: the one place that converts between
/// positions in a piece's layout (in characters, as egui's `CCursor`s count) and byte offsets
/// in the block's text (as selections, anchors and highlights give them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceText<'a> {
    /// The drawn text, `block_text[start..start + text.len()]`.
    pub text: &'a str,
    /// Byte offset of the piece in its block's text.
    pub start: usize,
}

impl<'a> PieceText<'a> {
    /// The piece drawing `range` of `block_text`. `range` must lie on character boundaries
    /// (pieces from [`Document::slices`] do).
    pub fn new(block_text: &'a str, range: &Range<usize>) -> Self {
        Self {
            text: &block_text[range.clone()],
            start: range.start,
        }
    }

    /// Byte range of the piece in its block's text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The block bytes drawn by characters `chars` of the piece (clamped to the piece).
    pub fn to_block(&self, chars: Range<usize>) -> Range<usize> {
        let byte = |c: usize| {
            self.text
                .char_indices()
                .nth(c)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let start = byte(chars.start);
        let end = byte(chars.end.max(chars.start));
        self.start + start..self.start + end
    }

    /// The part of `block_bytes` this piece draws, in bytes of the piece's own text; `None`
    /// when they do not overlap.
    pub fn to_local(&self, block_bytes: &Range<usize>) -> Option<Range<usize>> {
        let range = self.range();
        let start = block_bytes.start.max(range.start);
        let end = block_bytes.end.min(range.end);
        (start < end).then(|| {
            floor_boundary(self.text, start - self.start)
                ..floor_boundary(self.text, end - self.start)
        })
    }

    /// The character position (a layout cursor) of block byte `block_byte`, clamped to the
    /// piece.
    pub fn char_index(&self, block_byte: usize) -> usize {
        let local = block_byte.saturating_sub(self.start).min(self.text.len());
        self.text[..floor_boundary(self.text, local)]
            .chars()
            .count()
    }
}

/// `index` moved back to the nearest character boundary of `text`.
fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
