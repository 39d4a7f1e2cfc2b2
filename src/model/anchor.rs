//! Anchors tie a thread to a passage of one of its show's articles that raises it.
//!
//! An anchor keeps the article, the quoted passage and the block it was found in. Like Hypothesis, it is
//! found again by its quote, so it survives small edits around it; when the quote is gone the
//! anchor is reported as orphaned instead of pointing at the wrong place.

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
    pub fn resolve(&self, doc: &Document) -> Option<AnchorMatch> {
        let quote = self.quote.trim();
        if quote.is_empty() {
            return None;
        }
        let find = |index: usize| {
            let block = doc.blocks.get(index)?;
            let start = block.text.find(quote)?;
            Some(AnchorMatch {
                block: index,
                range: start..start + quote.len(),
            })
        };
        find(self.block_hint).or_else(|| (0..doc.blocks.len()).find_map(find))
    }
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
    fn missing_or_empty_quote_is_orphaned() {
        let doc = Document::from_plain_text("alpha");
        assert_eq!(Anchor::new(ArticleId(1), "omega", 0).resolve(&doc), None);
        assert_eq!(Anchor::new(ArticleId(1), "  ", 0).resolve(&doc), None);
    }
}
