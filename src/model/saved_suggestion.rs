//! Suggestions as kept with an article: the open questions the suggester found in the article,
//! saved with it so a restart neither recomputes nor reorders them, and so a dismissed one
//! never comes back.
//!
//! Each suggestion keeps its title (editable before it is added), its passages as [`Anchor`]s
//! (quote plus block hint, found again by quote like a thread's anchor), which passage is the
//! strongest, and whether the fan added or dismissed it. The list is never reordered or
//! shortened, so a suggestion is named by its index in it.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::suggest::Suggestion;
use super::{Anchor, AnchorMatch, ArticleEntry, ArticleId, Document, Show, Thread, ThreadId};

/// The most passages kept for one suggestion.
pub const MAX_SAVED_PASSAGES: usize = 12;

/// What the fan did with a suggestion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionState {
    /// Still offered.
    #[default]
    Offered,
    /// Dismissed: never offered again for this article.
    Dismissed,
    /// Added as a thread.
    Added,
}

/// One suggested open question, as saved with its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSuggestion {
    /// The question in plain words (the fan may edit it before adding).
    pub title: String,
    /// The passages that raise it, in article order (never empty when made by
    /// [`SavedSuggestion::from_suggestion`]).
    pub passages: Vec<Anchor>,
    /// Index into `passages` of the strongest passage, the one a new thread is anchored to.
    #[serde(default)]
    pub best: usize,
    /// Offered, dismissed or added.
    #[serde(default)]
    pub state: SuggestionState,
}

impl SavedSuggestion {
    /// Keeps `suggestion` for saving: each passage becomes an anchor on its sentence, hinted at
    /// its block. `best` is clamped to the passages. At most [`MAX_SAVED_PASSAGES`] passages
    /// are kept (the best one and the first others, in article order), so an article that
    /// repeats a sentence a thousand times does not save a thousand anchors.
    pub fn from_suggestion(suggestion: &Suggestion, article: ArticleId) -> Self {
        let best = suggestion
            .best
            .min(suggestion.passages.len().saturating_sub(1));
        let kept: Vec<usize> = (0..suggestion.passages.len())
            .filter(|&i| {
                i == best || i < MAX_SAVED_PASSAGES - usize::from(best >= MAX_SAVED_PASSAGES)
            })
            .collect();
        let passages: Vec<Anchor> = kept
            .iter()
            .map(|&i| &suggestion.passages[i])
            .map(|p| Anchor::new(article, p.text.trim(), p.block))
            .collect();
        Self {
            title: suggestion.title.trim().to_owned(),
            best: kept.iter().position(|&i| i == best).unwrap_or(0),
            passages,
            state: SuggestionState::Offered,
        }
    }

    /// The passage a thread made from this suggestion is anchored to.
    pub fn best_passage(&self) -> Option<&Anchor> {
        self.passages
            .get(self.best)
            .or_else(|| self.passages.first())
    }
}

/// Keeps the suggester's output on `article` for saving, in its order.
pub fn save_suggestions(suggestions: &[Suggestion], article: ArticleId) -> Vec<SavedSuggestion> {
    suggestions
        .iter()
        .map(|s| SavedSuggestion::from_suggestion(s, article))
        .filter(|s| !s.passages.is_empty())
        .collect()
}

/// A suggestion to offer: its index in the article's saved suggestions, and the show's thread
/// it asks about when the show already has one (then adding it adds its passage to that thread
/// instead of a duplicate thread).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer {
    /// Index into the article's [`ArticleEntry::suggestions`].
    pub index: usize,
    /// The thread of the show that asks the same question, if any (see [`same_question`]).
    pub joins: Option<ThreadId>,
}

/// The suggestions of `entry` (one of `show`'s articles, parsed as `document`) to offer, in
/// saved order: those still [`SuggestionState::Offered`] that do not repeat what a thread of
/// the show already has in this article.
///
/// - A suggestion with a passage overlapping a passage a thread is anchored to in this article
///   is not offered: the checklist already says it.
/// - A suggestion whose title asks a thread's question in other words (see [`same_question`])
///   is offered as a new passage for that thread ([`Offer::joins`]), unless that thread
///   already has a passage in this article (then it is not offered).
///
/// Empty when suggestions are not computed yet.
pub fn offered_suggestions(show: &Show, entry: &ArticleEntry, document: &Document) -> Vec<Offer> {
    let Some(suggestions) = &entry.suggestions else {
        return Vec::new();
    };
    let candidates: Vec<usize> = (0..suggestions.len())
        .filter(|&i| suggestions[i].state == SuggestionState::Offered)
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let in_this_article = |a: &&Anchor| a.article == entry.id;
    let taken: Vec<(usize, Range<usize>)> = show
        .threads
        .iter()
        .flat_map(|t| t.anchors.iter().filter(in_this_article))
        .filter_map(|a| a.resolve(document))
        .map(|m| (m.block, m.range))
        .collect();
    let overlaps_a_thread = |anchor: &Anchor| {
        anchor.resolve(document).is_some_and(|m| {
            taken
                .iter()
                .any(|(block, range)| *block == m.block && overlaps(range, &m.range))
        })
    };
    let candidates: Vec<(usize, Vec<String>)> = candidates
        .into_iter()
        .filter(|&i| !suggestions[i].passages.iter().any(overlaps_a_thread))
        .map(|i| (i, subject_words(&suggestions[i].title)))
        .collect();
    // Only threads sharing at least three words with some suggestion can ask the same
    // question; counting shared words first, without building word lists, keeps this cheap
    // for checklists of thousands of threads.
    let any_suggestion_word: HashSet<&str> = candidates
        .iter()
        .flat_map(|(_, words)| words.iter().map(String::as_str))
        .collect();
    let close_threads: Vec<(&Thread, Vec<String>)> = show
        .threads
        .iter()
        .filter(|t| {
            words_of(&t.title)
                .filter(|w| any_suggestion_word.contains(w.as_ref()))
                .take(3)
                .count()
                >= 3
        })
        .map(|t| (t, subject_words(&t.title)))
        .collect();
    candidates
        .into_iter()
        .filter_map(|(index, words)| {
            match close_threads.iter().find(|(_, t)| same_words(&words, t)) {
                None => Some(Offer { index, joins: None }),
                Some((thread, _)) if thread.anchors.iter().any(|a| a.article == entry.id) => None,
                Some((thread, _)) => Some(Offer {
                    index,
                    joins: Some(thread.id),
                }),
            }
        })
        .collect()
}

/// Where the passages of the suggestions at `offered` (indices into `entry.suggestions`) are in
/// `document`, the article parsed: to mark them faintly in the article. Passages no longer
/// found are left out.
pub fn suggested_passages(
    entry: &ArticleEntry,
    document: &Document,
    offered: &[usize],
) -> Vec<AnchorMatch> {
    let Some(suggestions) = &entry.suggestions else {
        return Vec::new();
    };
    offered
        .iter()
        .filter_map(|&i| suggestions.get(i))
        .flat_map(|s| s.passages.iter())
        .filter_map(|p| p.resolve(document))
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words that carry no subject: articles, pronouns, auxiliaries and the like (English; Korean
/// titles are compared on all their words). Sorted, for binary search.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "an", "and", "any", "anything", "are", "as", "at", "be",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get",
    "gets", "had", "has", "have", "her", "him", "his", "how", "if", "in", "into", "is", "it",
    "its", "may", "might", "more", "not", "of", "on", "or", "our", "shall", "she", "should", "so",
    "that", "the", "their", "them", "there", "they", "this", "to", "was", "we", "were", "what",
    "when", "where", "whether", "which", "who", "will", "with", "would", "you",
];

/// The words of a title, lower-cased (names like "Moon-young" kept whole, a possessive "'s"
/// dropped), function words included, repeats kept.
fn words_of(title: &str) -> impl Iterator<Item = Cow<'_, str>> {
    title
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter_map(|w| {
            let w = w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’');
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            match w {
                "" => None,
                w if w.chars().any(char::is_uppercase) => Some(Cow::Owned(w.to_lowercase())),
                w => Some(Cow::Borrowed(w)),
            }
        })
}

/// The subject words of a title: its [`words_of`] without function words; sorted, without
/// repeats.
fn subject_words(title: &str) -> Vec<String> {
    let mut words: Vec<String> = words_of(title)
        .filter(|w| FUNCTION_WORDS.binary_search(&w.as_ref()).is_err())
        .map(Cow::into_owned)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether two question titles ask the same thing in other words: they share at least three
/// subject words, and those are at least 60 % of the shorter title's subject words ("Will a
/// second season be confirmed?" and "Renewal: will a second season be confirmed at all?"; not
/// two questions that only name the same two people). A deliberately strict test: a repeat
/// that slips through costs one click on *Dismiss*, a question wrongly hidden is lost.
pub fn same_question(a: &str, b: &str) -> bool {
    same_words(&subject_words(a), &subject_words(b))
}

/// [`same_question`] on the titles' [`subject_words`] (sorted, without repeats).
fn same_words(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let shorter = a.len().min(b.len());
    shared >= 3 && shared * 10 >= shorter * 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::Passage;
    use crate::model::{Library, ShowId};

    const A: ArticleId = ArticleId(7);

    /// A hand-made suggestion on `sentences`, each found verbatim in `document`.
    fn suggestion(document: &Document, title: &str, sentences: &[&str], best: usize) -> Suggestion {
        let passages = sentences
            .iter()
            .map(|sentence| {
                let (block, start) = document
                    .blocks
                    .iter()
                    .enumerate()
                    .find_map(|(i, b)| Some((i, b.text.find(sentence)?)))
                    .expect("sentence in the document");
                Passage {
                    block,
                    range: start..start + sentence.len(),
                    text: (*sentence).to_owned(),
                }
            })
            .collect();
        Suggestion {
            title: title.into(),
            passages,
            best,
        }
    }

    #[test]
    fn saved_suggestions_keep_title_passages_and_best() {
        let document = Document::from_plain_text("First line here.\nWill it return? Nobody knows.");
        let made = suggestion(&document, " Will it return? ", &["Will it return?"], 0);
        let saved = save_suggestions(&[made], A);
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].title, "Will it return?");
        assert_eq!(
            saved[0].passages,
            vec![Anchor::new(A, "Will it return?", 1)]
        );
        assert_eq!(
            saved[0].best_passage(),
            Some(&Anchor::new(A, "Will it return?", 1))
        );
        assert_eq!(saved[0].state, SuggestionState::Offered);
    }

    #[test]
    fn at_most_twelve_passages_are_kept_and_always_the_best() {
        let text = (0..40)
            .map(|i| format!("Will part {i} come back?"))
            .collect::<Vec<_>>()
            .join("\n");
        let document = Document::from_plain_text(&text);
        let sentences: Vec<String> = (0..40)
            .map(|i| format!("Will part {i} come back?"))
            .collect();
        let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
        for (best, expected_best, last) in [(3, 3, 11), (30, 11, 30)] {
            let saved = SavedSuggestion::from_suggestion(
                &suggestion(&document, "Back?", &sentences, best),
                A,
            );
            assert_eq!(saved.passages.len(), MAX_SAVED_PASSAGES);
            assert_eq!(saved.best, expected_best);
            assert_eq!(
                saved.best_passage().map(|a| a.quote.as_str()),
                Some(sentences[best])
            );
            assert_eq!(saved.passages[0].quote, sentences[0]);
            assert_eq!(saved.passages[11].quote, sentences[last]);
        }
    }

    #[test]
    fn best_out_of_range_is_clamped_and_empty_suggestions_are_dropped() {
        let document = Document::from_plain_text("Could it come back? Maybe.");
        let mut made = suggestion(&document, "Back?", &["Could it come back?"], 7);
        let saved = save_suggestions(std::slice::from_ref(&made), A);
        assert_eq!(saved[0].best, 0);
        made.passages.clear();
        assert!(save_suggestions(&[made], A).is_empty());
    }

    #[test]
    fn suggestions_on_a_curated_threads_passage_are_not_offered() {
        let library = Library::default();
        let show = library.shows[0].clone();
        let mut entry = show.articles[0].clone();
        let document = entry.article.document();
        let made = [
            // The sentence holding the renewal thread's anchor: a duplicate, whatever its title.
            suggestion(
                &document,
                "Is there news?",
                &[
                    "As of 17 March 2022 no one behind the show has confirmed a second season, and no plans for one have been made public.",
                ],
                0,
            ),
            // A sentence no thread points at.
            suggestion(
                &document,
                "Something else?",
                &["The two fell in love, and both of them changed for it."],
                0,
            ),
        ];
        entry.suggestions = Some(save_suggestions(&made, entry.id));
        assert_eq!(offered(&show, &entry, &document), vec![(1, None)]);
        let marked = suggested_passages(&entry, &document, &[1]);
        assert_eq!(marked.len(), 1);
        let block = &document.blocks[marked[0].block].text;
        assert_eq!(
            &block[marked[0].range.clone()],
            "The two fell in love, and both of them changed for it."
        );
    }

    #[test]
    fn dismissed_and_added_are_not_offered_and_nothing_before_computing() {
        let document = Document::from_plain_text("Will it return? Could she forgive him?");
        let mut show = Show::new(ShowId(1), "A show");
        let mut entry = ArticleEntry::new(
            A,
            crate::model::Article {
                title: "t".into(),
                as_of: None,
                format: crate::model::ArticleFormat::PlainText,
                body: "Will it return? Could she forgive him?".into(),
                source_path: None,
                source_url: None,
            },
        );
        assert!(offered(&show, &entry, &document).is_empty());
        let made = [
            suggestion(&document, "Return?", &["Will it return?"], 0),
            suggestion(&document, "Forgive?", &["Could she forgive him?"], 0),
        ];
        entry.suggestions = Some(save_suggestions(&made, A));
        assert_eq!(
            offered(&show, &entry, &document),
            vec![(0, None), (1, None)]
        );
        if let Some(list) = entry.suggestions.as_mut() {
            list[0].state = SuggestionState::Dismissed;
        }
        assert_eq!(offered(&show, &entry, &document), vec![(1, None)]);
        // A thread the fan made by hand on the second sentence hides that suggestion too.
        show.threads.push(Thread::new(
            ThreadId(2),
            "Forgiveness",
            Some(Anchor::new(A, "forgive", 0)),
        ));
        assert!(offered(&show, &entry, &document).is_empty());
    }

    /// The offers as (index, joined thread) pairs.
    fn offered(
        show: &Show,
        entry: &ArticleEntry,
        document: &Document,
    ) -> Vec<(usize, Option<ThreadId>)> {
        offered_suggestions(show, entry, document)
            .into_iter()
            .map(|o| (o.index, o.joins))
            .collect()
    }

    #[test]
    fn a_suggestion_asking_a_threads_question_from_another_article_joins_that_thread() {
        let library = Library::default();
        let mut show = library.shows[0].clone();
        let renewal = show.threads[0].id;
        let text = "Fans still ask. Will a second season be confirmed at all this year?";
        let document = Document::from_plain_text(text);
        let mut entry = ArticleEntry::new(
            ArticleId(500),
            crate::model::Article {
                title: "Later news".into(),
                as_of: None,
                format: crate::model::ArticleFormat::PlainText,
                body: text.into(),
                source_path: None,
                source_url: None,
            },
        );
        let made = [suggestion(
            &document,
            "Will a second season be confirmed?",
            &["Will a second season be confirmed at all this year?"],
            0,
        )];
        entry.suggestions = Some(save_suggestions(&made, entry.id));
        assert_eq!(offered(&show, &entry, &document), vec![(0, Some(renewal))]);
        // Once the thread has a passage in this article, the suggestion is a repeat.
        show.threads[0]
            .anchors
            .push(Anchor::new(entry.id, "Fans still ask.", 0));
        assert!(offered(&show, &entry, &document).is_empty());
    }

    #[test]
    fn titles_asking_a_threads_question_in_other_words_are_the_same_question() {
        let same = [
            (
                "Will a second season be confirmed?",
                "Renewal: will a second season be confirmed at all?",
            ),
            (
                "Could Moon-young and her mother rebuild anything after what was done?",
                "Could Moon-young and her imprisoned mother rebuild their relationship?",
            ),
            (
                "Would we follow Gang-tae and Moon-young into a marriage?",
                "Would a second season follow Gang-tae and Moon-young into marriage?",
            ),
            (
                "Would the original cast return to play the same roles?",
                "Would the original cast come back to their roles?",
            ),
        ];
        for (a, b) in same {
            assert!(same_question(a, b), "{a} / {b}");
        }
        let different = [
            (
                "Will Gang-tae and Moon-young marry?",
                "Could Moon-young and Gang-tae's brother open a studio?",
            ),
            ("What happens next?", "Will a second season be confirmed?"),
            (
                "Could Moon-young forgive her mother?",
                "Would a second season follow Gang-tae and Moon-young into marriage?",
            ),
        ];
        for (a, b) in different {
            assert!(!same_question(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn files_without_suggestions_load_and_saved_ones_round_trip() {
        let library = Library::default();
        let mut entry = library.shows[0].articles[0].clone();
        let json = serde_json::to_string(&entry).expect("encode");
        assert!(!json.contains("suggestions"), "not computed: not written");
        let loaded: ArticleEntry = serde_json::from_str(&json).expect("decode");
        assert_eq!(loaded.suggestions, None);

        entry.suggestions = Some(vec![SavedSuggestion {
            title: "Will it return?".into(),
            passages: vec![Anchor::new(A, "a", 0), Anchor::new(A, "b", 1)],
            best: 1,
            state: SuggestionState::Dismissed,
        }]);
        let json = serde_json::to_string(&entry).expect("encode");
        assert!(json.contains(r#""state":"dismissed""#), "{json}");
        let loaded: ArticleEntry = serde_json::from_str(&json).expect("decode");
        assert_eq!(loaded, entry);
    }
}
