//! Merging a library from elsewhere into ours, item by item, with no common version to
//! compare with (issue 20, items 5, 6 and 8): a backup the fan imports, or a sync tool's
//! conflict copy found beside the library file.
//!
//! - **Matching.** Shows, articles, threads and predictions are matched by id first (the same
//!   id in both, and the two alike: a show with the same title or original title or an
//!   article in common; an article with the same text, compared by a [`TextKey`] (the
//!   storage layer's is the article file's content hash, so a placeholder for a file that
//!   has not arrived matches the text it stands for; an article's text never changes once
//!   imported, so another text under the same id is another article, added); a thread with
//!   the same title, a passage or a prediction in common; a prediction with the same
//!   statement or probability), then by content (a show by either title, an article by its
//!   text key, a thread by its title
//!   within its show, a prediction by its statement within its thread; case and surrounding
//!   spaces ignored). Articles are matched across shows (one may have been moved). Each item
//!   of ours is matched at most once.
//! - **Fields.** Where ours has nothing (an empty text, no date) theirs is taken. Where both
//!   have a value and they differ, ours is kept and a [`Conflict`] names the item, the field
//!   and both values. Notes are the exception that keeps both in place: a note of theirs that
//!   goes on from ours replaces it, one ours begins with (or holds appended already) changes
//!   nothing, any other is appended to ours under [`THEIR_NOTE_MARK`] (and told as a conflict
//!   too).
//! - **Lists merge element by element**: a thread's passages, the show's timeline and the
//!   predictions' list are the union (two devices each adding a passage is no conflict).
//! - **Added items** keep their id when it is above every id ours ever handed out and free;
//!   otherwise they get a fresh one (passages, suggestions and timeline entries follow).
//! - **Idempotent**: merging the same library a second time changes nothing (proptested
//!   below).
//!
//! When the version both started from is known (a sync tool's conflict copy descended from a
//! backup this folder keeps), [`merge_with_base`] merges the three ways instead, like a change
//! made behind the app (see [`crate::model::merge_libraries`]), and names what both changed.
//!
//! Files: `matching` (which item of theirs is which of ours), `fields` (the fields of items
//! both hold, conflicts), `lists` (the merged library: added items, lists element by
//! element), `three_way` (with a common base), `words` (what is told).

mod fields;
mod lists;
mod matching;
mod three_way;
mod words;

use std::collections::{HashMap, HashSet};

use super::{Anchor, ArticleEntry, ArticleId, Library, PredictionId, ShowId, ThreadId};

pub use three_way::merge_with_base;
pub use words::{Added, Conflict, Field, THEIR_NOTE_MARK};

/// The result of [`merge_in`] or [`merge_with_base`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedIn {
    /// Ours with theirs merged in.
    pub library: Library,
    /// What was added.
    pub added: Added,
    /// The fields that differed (ours kept, or their note appended).
    pub conflicts: Vec<Conflict>,
}

impl MergedIn {
    /// Whether the merge changed ours.
    pub fn changed(&self, ours: &Library) -> bool {
        self.library != *ours
    }
}

/// What tells two articles' texts apart: equal keys are the same text. The storage layer's
/// is the content hash of the article file (a placeholder for a missing file keeps its
/// file's hash, so it matches the text it stands for); see [`merge_in_with`].
pub type TextKey<'a> = &'a dyn Fn(&ArticleEntry) -> String;

/// Merges `theirs` (a library from elsewhere, no common base known) into `ours`, item by
/// item, comparing article texts as they are in memory; see the module documentation for the
/// rules.
pub fn merge_in(ours: &Library, theirs: &Library) -> MergedIn {
    merge_in_with(ours, theirs, &|entry| entry.article.body.to_string())
}

/// [`merge_in`], with articles' texts compared by `text_key` (the storage layer passes the
/// content hash, so a placeholder matches the text it stands for).
pub fn merge_in_with(ours: &Library, theirs: &Library, text_key: TextKey<'_>) -> MergedIn {
    let mut merge = MergeIn::new(ours, theirs, text_key);
    merge.match_items();
    let library = merge.build();
    MergedIn {
        library,
        added: merge.added,
        conflicts: merge.conflicts,
    }
}

/// Text compared for matching by content: trimmed, case folded.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether two anchors point at the same passage (the block hint is only a hint).
fn same_passage(a: &Anchor, b: &Anchor) -> bool {
    a.article == b.article && a.quote == b.quote
}

struct MergeIn<'a> {
    ours: &'a Library,
    theirs: &'a Library,
    /// The text key of each article, ours and theirs (see [`TextKey`]).
    our_texts: HashMap<ArticleId, String>,
    their_texts: HashMap<ArticleId, String>,
    /// Their id → our id, per kind.
    shows: HashMap<ShowId, ShowId>,
    articles: HashMap<ArticleId, ArticleId>,
    threads: HashMap<ThreadId, ThreadId>,
    predictions: HashMap<PredictionId, PredictionId>,
    /// Ids taken so far (ours, and theirs kept).
    taken: HashSet<u64>,
    /// The first id ours never handed out.
    first_free: u64,
    /// The next fresh id for added items.
    fresh: u64,
    added: Added,
    conflicts: Vec<Conflict>,
}

impl<'a> MergeIn<'a> {
    fn new(ours: &'a Library, theirs: &'a Library, text_key: TextKey<'_>) -> Self {
        let max_theirs = theirs.ids().max().unwrap_or(0);
        let fresh = ours
            .next_id_value()
            .max(theirs.next_id_value())
            .max(max_theirs + 1)
            .max(ours.ids().max().unwrap_or(0) + 1);
        let texts = |library: &Library| {
            library
                .articles()
                .map(|a| (a.id, text_key(a)))
                .collect::<HashMap<_, _>>()
        };
        Self {
            ours,
            theirs,
            our_texts: texts(ours),
            their_texts: texts(theirs),
            shows: HashMap::new(),
            articles: HashMap::new(),
            threads: HashMap::new(),
            predictions: HashMap::new(),
            taken: ours.ids().collect(),
            first_free: ours.next_id_value(),
            fresh,
            added: Added::default(),
            conflicts: Vec::new(),
        }
    }

    /// Whether their article `t` and our `o` hold the same text (by [`TextKey`]).
    fn same_text(&self, t: &ArticleEntry, o: &ArticleEntry) -> bool {
        self.their_texts.get(&t.id) == self.our_texts.get(&o.id)
    }
}

#[cfg(test)]
mod tests;
