//! Opening again a file that was imported before, when its text has changed since.
//!
//! The fan must see the new text, and keep every thread tied to its passage:
//! - A file whose new text carries a **later as-of date** than the saved copy is a newer
//!   article about the show: it is added to the same show (with its own date and its own
//!   suggestions), after the saved copy, which stays as the record of what was known then.
//!   Threads anchored in the saved copy also get the same passage in the newer article when
//!   it is still there.
//! - Any other change (the same date, or no date: a correction, an added paragraph, a changed
//!   word) **updates the saved copy** in place: its title, date, text and address become the
//!   file's; the fan's note stays; its suggestions are made again from the new text.
//!   Threads anchored in it are re-anchored.
//!
//! Re-anchoring works as Hypothesis's does: by the quote, exactly (in its block first, then
//! anywhere), else approximately (the sentence or run of sentences whose words are closest,
//! when at least [`MIN_SIMILARITY`] of them agree: "His sister found the letter" finds "His
//! younger sister found the letter"), the anchor then quoting the new wording. A passage found
//! neither way is **orphaned**: the anchor keeps its quote (nothing the fan made is lost), the
//! thread shows it as no longer in the article, and the fan is told which threads lost theirs.
//!
//! Everything here is one [`Edit`], so the whole reopening is undone in one step.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

use super::{
    Anchor, Article, ArticleEntry, ArticleId, Document, Edit, Library, LibraryError, ThreadField,
};

/// The least share of words (2 × common words in order ÷ both counts) a changed passage must
/// keep to be found again.
pub const MIN_SIMILARITY: f64 = 0.75;

/// How the file's text compares with the saved copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// The same title, date, text and address: open the saved copy.
    Same,
    /// Changed, without a later date: update the saved copy.
    Edited,
    /// Carries a later as-of date than the saved copy: a newer article of the show.
    Newer,
}

/// Compares the saved copy `stored` with `fresh`, the file's text imported again.
pub fn compare(stored: &Article, fresh: &Article) -> FileChange {
    let same = stored.body == fresh.body
        && stored.title == fresh.title
        && stored.as_of == fresh.as_of
        && stored.format == fresh.format
        && stored.source_url == fresh.source_url;
    if same {
        return FileChange::Same;
    }
    match (stored.as_of, fresh.as_of) {
        (Some(old), Some(new)) if new > old => FileChange::Newer,
        _ => FileChange::Edited,
    }
}

/// Where a thread's passage went in the new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reanchored {
    /// Found word for word (its block may have moved).
    Same(Anchor),
    /// Found in changed words: the anchor now quotes them.
    Changed(Anchor),
    /// Gone from the text.
    Orphaned,
}

impl Reanchored {
    /// How bad it is for the fan: found, found changed, gone.
    fn rank(&self) -> u8 {
        match self {
            Reanchored::Same(_) => 0,
            Reanchored::Changed(_) => 1,
            Reanchored::Orphaned => 2,
        }
    }
}

/// Finds `anchor`'s passage in `document` (see the module docs), for article `article`.
pub fn reanchor(anchor: &Anchor, document: &Document, article: ArticleId) -> Reanchored {
    if let Some(found) = anchor.resolve(document) {
        return Reanchored::Same(Anchor::new(article, anchor.quote.clone(), found.block));
    }
    let quote = words(&anchor.quote);
    if quote.is_empty() {
        return Reanchored::Orphaned;
    }
    let sentences_in_quote = sentence_ranges(&anchor.quote).len().max(1);
    let mut best: Option<(f64, usize, String)> = None;
    for (index, block) in document.blocks.iter().enumerate() {
        let prose = block.prose_text();
        let sentences = sentence_ranges(&prose);
        for run in 1..=sentences_in_quote + 1 {
            for window in sentences.windows(run) {
                let range = window[0].start..window[run - 1].end;
                let score = similarity(&quote, &words(&block.text[range.clone()]));
                let closer = |(s, b, _): &(f64, usize, String)| {
                    score > *s
                        || (score == *s
                            && index.abs_diff(anchor.block_hint) < b.abs_diff(anchor.block_hint))
                };
                if score >= MIN_SIMILARITY && best.as_ref().is_none_or(closer) {
                    best = Some((score, index, block.text[range].to_owned()));
                }
            }
        }
    }
    match best {
        Some((_, block, quote)) => Reanchored::Changed(Anchor::new(article, quote, block)),
        None => Reanchored::Orphaned,
    }
}

/// What reopening a changed file did, to tell the fan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reopening {
    /// The one edit that does it all (undone in one step).
    pub edit: Edit,
    /// Updated in place, or added as a newer article.
    pub change: FileChange,
    /// The article to open: the updated one or the newer one.
    pub article: ArticleId,
    /// Threads whose passage was found again word for word.
    pub kept: Vec<String>,
    /// Threads whose passage was found in changed words.
    pub changed: Vec<String>,
    /// Threads whose passage is gone from the new text (their anchors are kept, orphaned).
    pub orphaned: Vec<String>,
}

impl Reopening {
    /// The sentence that tells the fan what happened, naming the file as `label`.
    pub fn message(&self, label: &str, fresh_title: &str) -> String {
        let what = match self.change {
            FileChange::Newer => format!(
                "{label} has changed since it was imported and carries a later date: it was added to the show as a newer article, “{fresh_title}”, and the earlier copy is kept."
            ),
            _ => format!(
                "{label} has changed since it was imported: the saved copy, “{fresh_title}”, was updated to the file's new text."
            ),
        };
        let mut out = vec![what];
        let list = |titles: &[String]| {
            titles
                .iter()
                .map(|t| format!("“{t}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.changed.is_empty() {
            out.push(format!(
                "Found again in changed words: {}.",
                list(&self.changed)
            ));
        }
        if !self.orphaned.is_empty() && self.change == FileChange::Newer {
            out.push(format!(
                "Not in the newer article (their passage stays in the earlier one): {}.",
                list(&self.orphaned)
            ));
        } else if !self.orphaned.is_empty() {
            out.push(format!(
                "No longer in the text (the passage is kept and marked in the thread): {}.",
                list(&self.orphaned)
            ));
        } else if !self.kept.is_empty() || !self.changed.is_empty() {
            out.push("Every thread still points at its passage.".to_owned());
        }
        out.join(" ")
    }
}

/// The edit that brings `fresh` (the file's text imported again, parsed as `document`) into
/// the library in place of, or after, the saved copy `article`; `None` when nothing changed.
/// A newer article gets a fresh id from `library` (the only change made to it here).
///
/// # Errors
/// [`LibraryError::NoSuchArticle`] when `article` is not in the library.
pub fn reopen_edit(
    library: &mut Library,
    article: ArticleId,
    mut fresh: Article,
    document: &Document,
) -> Result<Option<Reopening>, LibraryError> {
    let change = compare(&library.article(article)?.1.article, &fresh);
    if change == FileChange::Same {
        return Ok(None);
    }
    let new_id = (change == FileChange::Newer).then(|| ArticleId(library.allocate_id()));
    let (show, entry) = library.article(article)?;
    fresh.source_path = entry.article.source_path.clone();
    let index = show
        .articles
        .iter()
        .position(|a| a.id == article)
        .ok_or(LibraryError::NoSuchArticle(article))?;
    let (target, mut edits) = match new_id {
        Some(id) => {
            let edit = Edit::InsertArticle {
                show: show.id,
                index: index + 1,
                entry: Box::new(ArticleEntry::new(id, fresh)),
            };
            (id, vec![edit])
        }
        None => {
            let mut updated = ArticleEntry::new(article, fresh);
            updated.note = entry.note.clone();
            let edits = vec![
                Edit::RemoveArticle(article),
                Edit::InsertArticle {
                    show: show.id,
                    index,
                    entry: Box::new(updated),
                },
            ];
            (article, edits)
        }
    };
    let mut reopening = Reopening {
        edit: Edit::Batch(Vec::new()),
        change,
        article: target,
        kept: Vec::new(),
        changed: Vec::new(),
        orphaned: Vec::new(),
    };
    // Every thread anchored in the article (normally its show's, but an anchor is by id).
    for thread in library.threads() {
        let mut anchors = thread.anchors.clone();
        let mut outcome: Option<Reanchored> = None;
        for (i, anchor) in thread.anchors.iter().enumerate() {
            if anchor.article != article {
                continue;
            }
            let found = reanchor(anchor, document, target);
            match (&found, change) {
                (Reanchored::Same(a) | Reanchored::Changed(a), FileChange::Newer) => {
                    if !anchors.contains(a) {
                        anchors.push(a.clone());
                    }
                }
                (Reanchored::Same(a) | Reanchored::Changed(a), _) => anchors[i] = a.clone(),
                (Reanchored::Orphaned, _) => {}
            }
            // A thread is told about by its worst passage.
            if outcome.as_ref().is_none_or(|o| found.rank() > o.rank()) {
                outcome = Some(found);
            }
        }
        let title = thread.title.clone();
        match outcome {
            None => continue,
            Some(Reanchored::Same(_)) => reopening.kept.push(title),
            Some(Reanchored::Changed(_)) => reopening.changed.push(title),
            Some(Reanchored::Orphaned) => reopening.orphaned.push(title),
        }
        if anchors != thread.anchors {
            edits.push(Edit::SetThread(thread.id, ThreadField::Anchors(anchors)));
        }
    }
    reopening.edit = Edit::Batch(edits);
    Ok(Some(reopening))
}

/// Lower-case words of `text` (letters and digits), for comparing passages.
fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// `2 × (words in common, in order) ÷ (both word counts)`: 1 for the same words.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Longest common subsequence, one row at a time.
    let mut row = vec![0_usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = above;
        }
    }
    #[allow(clippy::cast_precision_loss)] // Word counts are far below 2^52.
    let score = 2.0 * row[b.len()] as f64 / (a.len() + b.len()) as f64;
    score
}

/// Sentence byte ranges of `text` (Unicode sentence boundaries), trimmed, never empty.
fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(start, piece)| {
            let lead = piece.len() - piece.trim_start().len();
            let end = start + piece.trim_end().len();
            (start + lead < end).then_some(start + lead..end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleFormat, Show, ShowId, Thread, ThreadId};
    use jiff::civil::date;

    fn article(body: &str, as_of: Option<jiff::civil::Date>) -> Article {
        Article {
            title: "Harbor Lights: two clues".into(),
            as_of,
            format: ArticleFormat::Markdown,
            body: body.into(),
            source_path: Some("/tmp/p.md".into()),
            source_url: None,
        }
    }

    const OLD: &str = "The keeper left the lamp burning. His sister found the letter on the table the next morning.\n\nWhether the keeper comes back has not been confirmed.\n\nThe ferry sails at dawn.";
    const NEW: &str = "**Update:** a second season is confirmed.\n\nThe keeper left the lamp burning. His younger sister found the letter on the table the next morning.\n\nWhether the keeper comes back has not been confirmed.";

    /// A library with one show, the article `OLD` and three threads on its passages.
    fn library(as_of: Option<jiff::civil::Date>) -> (Library, ArticleId) {
        let mut library = Library::empty();
        let mut show = Show::new(ShowId(library.allocate_id()), "Harbor Lights");
        let id = ArticleId(library.allocate_id());
        show.articles
            .push(ArticleEntry::new(id, article(OLD, as_of)));
        show.articles[0].note = "mine".into();
        for (title, quote) in [
            (
                "Will the keeper come back?",
                "Whether the keeper comes back has not been confirmed.",
            ),
            (
                "Who sent the letter?",
                "His sister found the letter on the table the next morning.",
            ),
            ("When does the ferry sail?", "The ferry sails at dawn."),
        ] {
            let anchor = Anchor::new(id, quote, 0);
            let thread = Thread::new(ThreadId(library.allocate_id()), title, Some(anchor));
            show.threads.push(thread);
        }
        library.shows.push(show);
        (library, id)
    }

    #[test]
    fn an_edited_file_updates_the_saved_copy_and_reanchors_its_threads() {
        let (mut library, id) = library(None);
        let fresh = article(NEW, None);
        let document = fresh.document();
        let reopening = reopen_edit(&mut library, id, fresh, &document)
            .unwrap()
            .unwrap();
        assert_eq!(reopening.change, FileChange::Edited);
        assert_eq!(reopening.article, id);
        assert_eq!(reopening.kept, ["Will the keeper come back?"]);
        assert_eq!(reopening.changed, ["Who sent the letter?"]);
        assert_eq!(reopening.orphaned, ["When does the ferry sail?"]);
        let before = library.clone();
        let inverse = reopening.edit.clone().apply(&mut library).unwrap();
        let (_, entry) = library.article(id).unwrap();
        assert_eq!(&*entry.article.body, NEW);
        assert_eq!(entry.note, "mine", "the fan's note stays");
        assert_eq!(entry.suggestions, None, "made again from the new text");
        let threads = &library.shows[0].threads;
        assert_eq!(
            threads[1].anchors[0].quote,
            "His younger sister found the letter on the table the next morning."
        );
        assert_eq!(threads[1].anchors[0].block_hint, 1);
        assert_eq!(threads[0].anchors[0].block_hint, 2);
        let orphan = &threads[2].anchors[0];
        assert_eq!(orphan.quote, "The ferry sails at dawn.", "kept, not lost");
        assert_eq!(orphan.resolve(&document), None);
        let message = reopening.message("p.md", "Harbor Lights: two clues");
        assert!(message.contains("was updated"), "{message}");
        assert!(message.contains("“When does the ferry sail?”"), "{message}");
        inverse.apply(&mut library).unwrap();
        assert_eq!(library, before, "one step undoes it all");
    }

    #[test]
    fn a_later_dated_file_is_a_newer_article_and_threads_follow_into_it() {
        let (mut library, id) = library(Some(date(2024, 8, 1)));
        let fresh = article(NEW, Some(date(2024, 8, 30)));
        let document = fresh.document();
        let reopening = reopen_edit(&mut library, id, fresh, &document)
            .unwrap()
            .unwrap();
        assert_eq!(reopening.change, FileChange::Newer);
        reopening.edit.apply(&mut library).unwrap();
        let show = &library.shows[0];
        assert_eq!(show.articles.len(), 2);
        assert_eq!(
            &*show.articles[0].article.body, OLD,
            "the earlier copy is kept"
        );
        assert_eq!(show.articles[1].id, reopening.article);
        assert_ne!(reopening.article, id);
        assert_eq!(
            show.articles[1].article.source_path.as_deref(),
            Some("/tmp/p.md")
        );
        let keeper = &show.threads[0].anchors;
        assert_eq!(keeper.len(), 2);
        assert_eq!(
            (keeper[0].article, keeper[1].article),
            (id, reopening.article)
        );
        assert_eq!(
            show.threads[2].anchors.len(),
            1,
            "the gone passage stays in the old"
        );
    }

    #[test]
    fn the_same_text_changes_nothing() {
        let (library, id) = library(None);
        let fresh = article(OLD, None);
        let document = fresh.document();
        assert_eq!(
            reopen_edit(&mut library.clone(), id, fresh, &document),
            Ok(None)
        );
    }

    #[test]
    fn a_passage_is_found_again_only_when_most_of_its_words_are_there() {
        let document = Document::from_markdown("The network has confirmed a second season.");
        let id = ArticleId(1);
        let near = Anchor::new(id, "The network has now confirmed a second season.", 0);
        assert!(matches!(
            reanchor(&near, &document, id),
            Reanchored::Changed(_)
        ));
        let far = Anchor::new(id, "The network denied everything about it.", 0);
        assert_eq!(reanchor(&far, &document, id), Reanchored::Orphaned);
    }
}
