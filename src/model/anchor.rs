//! Anchors tie a thread to a passage of one of its show's articles that raises it.
//!
//! An anchor keeps the article, the quoted passage and the block it was found in. Like Hypothesis, it is
//! found again by its quote, so it survives small edits around it; when the quote is gone the
//! anchor is reported as orphaned instead of pointing at the wrong place.
//!
//! A passage may span blocks (a selection dragged from one paragraph or list item into the
//! next): its quote is then the selected text of each block, in order, joined by
//! [`BLOCK_SEPARATOR`], as [`passage_text`] builds it and [`Anchor::resolve_parts`] finds it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{ArticleId, Document};

/// The passage a thread points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article the passage is in.
    pub article: ArticleId,
    /// The quoted passage, exactly as it appears in the block's text.
    pub quote: String,
    /// The block index where the quote was last found; tried first.
    #[serde(default)]
    pub block_hint: usize,
}

/// Where an anchor resolved to in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnchorMatch {
    /// Index of the block holding the passage.
    pub block: usize,
    /// Byte range of the passage within the block's text.
    pub range: Range<usize>,
}

/// What separates the text of two blocks in a quote that spans them (a blank line, as a
/// browser copies two paragraphs).
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// A place in a document's text: a block and a byte offset in its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextPoint {
    /// Index of the block in [`Document::blocks`].
    pub block: usize,
    /// Byte offset in the block's text (on a character boundary).
    pub byte: usize,
}

/// The text of `doc` between `from` and `to` (in either order): within one block its text
/// there; across blocks the selected part of each block that has any, joined by
/// [`BLOCK_SEPARATOR`]. Points outside the document are clamped to it.
pub fn passage_text(doc: &Document, from: TextPoint, to: TextPoint) -> String {
    passage_parts(doc, from, to)
        .into_iter()
        .map(|part| &doc.blocks[part.block].text[part.range])
        .collect::<Vec<_>>()
        .join(BLOCK_SEPARATOR)
}

/// The non-empty block ranges of `doc` between `from` and `to` (in either order), in order.
pub fn passage_parts(doc: &Document, from: TextPoint, to: TextPoint) -> Vec<AnchorMatch> {
    let (start, end) = if from <= to { (from, to) } else { (to, from) };
    let last = end.block.min(doc.blocks.len().saturating_sub(1));
    (start.block..=last)
        .filter_map(|index| {
            let text = &doc.blocks.get(index)?.text;
            let clamp = |byte: usize| {
                let mut byte = byte.min(text.len());
                while !text.is_char_boundary(byte) {
                    byte -= 1;
                }
                byte
            };
            let a = if index == start.block {
                clamp(start.byte)
            } else {
                0
            };
            let b = if index == end.block {
                clamp(end.byte)
            } else {
                text.len()
            };
            (a < b).then_some(AnchorMatch {
                block: index,
                range: a..b,
            })
        })
        .collect()
}

impl Anchor {
    /// An anchor on `quote` in `article`, first looked for in block `block_hint`.
    pub fn new(article: ArticleId, quote: impl Into<String>, block_hint: usize) -> Self {
        Self {
            article,
            quote: quote.into(),
            block_hint,
        }
    }

    /// Finds the passage in `doc`: the hinted block first, then every block in order.
    ///
    /// Returns `None` for an empty quote or one that no longer occurs (an orphaned anchor).
    /// For a quote spanning blocks, the part in its first block (see [`Self::resolve_parts`]).
    pub fn resolve(&self, doc: &Document) -> Option<AnchorMatch> {
        self.resolve_parts(doc).into_iter().next()
    }

    /// Finds the passage in `doc`, block by block: one match for a quote inside one block,
    /// or, for a quote spanning blocks ([`passage_text`]), the end of its first block, the
    /// whole blocks between and the start of its last block, in order. Tried at the hinted
    /// block first, then at every block in order. Empty when the quote is empty or no longer
    /// occurs (an orphaned anchor).
    pub fn resolve_parts(&self, doc: &Document) -> Vec<AnchorMatch> {
        let quote = self.quote.trim();
        if quote.is_empty() {
            return Vec::new();
        }
        let find = |index: usize| {
            let block = doc.blocks.get(index)?;
            let start = block.text.find(quote)?;
            Some(vec![AnchorMatch {
                block: index,
                range: start..start + quote.len(),
            }])
        };
        let spanning = |index: usize| spans_from(doc, index, quote);
        find(self.block_hint)
            .or_else(|| (0..doc.blocks.len()).find_map(find))
            .or_else(|| {
                quote.contains(BLOCK_SEPARATOR).then_some(())?;
                spanning(self.block_hint).or_else(|| (0..doc.blocks.len()).find_map(spanning))
            })
            .unwrap_or_default()
    }
}

/// The parts of `quote` (blocks' texts joined by [`BLOCK_SEPARATOR`]) when it starts in block
/// `first` and goes on into the blocks after it (blocks with no text skipped).
fn spans_from(doc: &Document, first: usize, quote: &str) -> Option<Vec<AnchorMatch>> {
    let text = &doc.blocks.get(first)?.text;
    quote.match_indices(BLOCK_SEPARATOR).find_map(|(at, _)| {
        let head = &quote[..at];
        if head.is_empty() || !text.ends_with(head) {
            return None;
        }
        let mut parts = vec![AnchorMatch {
            block: first,
            range: text.len() - head.len()..text.len(),
        }];
        let mut rest = &quote[at + BLOCK_SEPARATOR.len()..];
        let mut index = first + 1;
        loop {
            while doc.blocks.get(index).is_some_and(|b| b.text.is_empty()) {
                index += 1;
            }
            let text = &doc.blocks.get(index)?.text;
            if !rest.is_empty() && text.starts_with(rest) {
                parts.push(AnchorMatch {
                    block: index,
                    range: 0..rest.len(),
                });
                return Some(parts);
            }
            rest = rest
                .strip_prefix(text.as_str())?
                .strip_prefix(BLOCK_SEPARATOR)?;
            parts.push(AnchorMatch {
                block: index,
                range: 0..text.len(),
            });
            index += 1;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_in_hinted_block_then_anywhere() {
        let doc = Document::from_plain_text("alpha beta\ngamma beta");
        let hinted = Anchor::new(ArticleId(1), "beta", 1).resolve(&doc);
        assert_eq!(
            hinted,
            Some(AnchorMatch {
                block: 1,
                range: 6..10
            })
        );
        let moved = Anchor::new(ArticleId(1), "alpha", 1).resolve(&doc);
        assert_eq!(
            moved,
            Some(AnchorMatch {
                block: 0,
                range: 0..5
            })
        );
    }

    #[test]
    fn a_passage_across_blocks_resolves_to_each_part() {
        let doc = Document::from_markdown(
            "First paragraph ends here.\n\n- an item\n- second item\n\n---\n\nLast one.",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        let first = TextPoint { block: 0, byte: 6 };
        let last = doc.blocks.len() - 1;
        let to = TextPoint {
            block: last,
            byte: 4,
        };
        let quote = passage_text(&doc, to, first);
        assert_eq!(
            quote, "paragraph ends here.\n\nan item\n\nsecond item\n\nLast",
            "{texts:?}"
        );
        let parts = Anchor::new(ArticleId(1), quote.clone(), 0).resolve_parts(&doc);
        assert_eq!(parts, passage_parts(&doc, first, to));
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].range, 6..doc.blocks[0].text.len());
        assert_eq!(parts[3].block, last);
        // Found again when the hint is wrong, and the first part is what `resolve` gives.
        let moved = Anchor::new(ArticleId(1), quote, 3);
        assert_eq!(moved.resolve(&doc), Some(parts[0].clone()));
        // A quote whose blocks are no longer next to each other is orphaned.
        let broken = Anchor::new(ArticleId(1), "here.\n\nLast", 0);
        assert_eq!(broken.resolve_parts(&doc), []);
    }

    #[test]
    fn missing_or_empty_quote_is_orphaned() {
        let doc = Document::from_plain_text("alpha");
        assert_eq!(Anchor::new(ArticleId(1), "omega", 0).resolve(&doc), None);
        assert_eq!(Anchor::new(ArticleId(1), "  ", 0).resolve(&doc), None);
    }
}
