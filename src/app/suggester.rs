//! Suggesting off the UI thread: the open questions of an article are computed by a job
//! ([`super::Effect::Suggest`]) and handed back to the app ([`super::Command::Suggested`]),
//! which saves them with the article.
//!
//! The window never waits: while the job reads, the Suggested section says so, and the
//! finished job wakes the window. A result is used only if the article is still the one it
//! was computed from.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::App;
use super::effect::Effect;
use super::jobs::JobKind;
use crate::model::{Article, ArticleField, ArticleId, Edit, SavedSuggestion};
use crate::storage::format::is_missing_article_text;

/// The suggestions computed for one article.
#[derive(Debug)]
pub struct SuggestResult {
    /// The article.
    pub article: ArticleId,
    /// [`article_fingerprint`] of the article they were computed from.
    pub fingerprint: u64,
    /// The suggestions, in the suggester's order, ready to save.
    pub suggestions: Vec<SavedSuggestion>,
}

/// A fingerprint of what suggestions depend on (body and format), to tell whether a result
/// still fits the article.
pub fn article_fingerprint(article: &Article) -> u64 {
    let mut hasher = DefaultHasher::new();
    article.body.hash(&mut hasher);
    (article.format as u8).hash(&mut hasher);
    hasher.finish()
}

impl App {
    /// Whether the open article's suggestions are computed and no job is parsing or
    /// suggesting (tests wait for this before looking at the Suggested section).
    pub fn suggestions_settled(&self) -> bool {
        !self.jobs.is_busy_with(&[JobKind::Suggest, JobKind::Parse])
            && self.open_article().is_none_or(|(_, entry)| {
                entry.suggestions.is_some() || is_missing_article_text(&entry.article.body)
            })
    }

    /// Asks for the open article's suggestions if they were never computed and are not being
    /// computed, once the article is parsed.
    pub(super) fn request_suggestions(&mut self) {
        let Some((_, entry)) = self.open_article() else {
            return;
        };
        let id = entry.id;
        let queued = self
            .outbox
            .iter()
            .any(|e| matches!(e, Effect::Suggest { id: queued, .. } if *queued == id));
        // An article whose text file is missing shows a placeholder: nothing to suggest from
        // (the text, when its file is back, gets its own).
        let missing = is_missing_article_text(&entry.article.body);
        if entry.suggestions.is_some() || self.suggesting.contains(&id) || queued || missing {
            return;
        }
        let article = entry.article.clone();
        let Some(document) = self.open_document() else {
            return;
        };
        self.effect(Effect::Suggest {
            id,
            article,
            document,
        });
    }

    /// Saves finished suggestions with their article, when the article is still the one they
    /// were computed from and none were saved meanwhile. This is not an undoable step of the
    /// fan's: it is applied, and saved, outside the history.
    pub(super) fn take_suggestions(&mut self, result: SuggestResult) {
        self.suggesting.remove(&result.article);
        let fits = self
            .library
            .article(result.article)
            .is_ok_and(|(_, entry)| {
                entry.suggestions.is_none()
                    && article_fingerprint(&entry.article) == result.fingerprint
            });
        if fits {
            let edit = Edit::SetArticle(
                result.article,
                ArticleField::Suggestions(Some(result.suggestions)),
            );
            self.apply_unrecorded(edit);
        }
    }
}

#[cfg(test)]
mod command_tests {
    use super::*;
    use crate::app::{AppOptions, Change, Command};
    use crate::model::{Anchor, ArticleEntry, SuggestionState};

    /// Two sentences of the default article no curated thread points at.
    const FIRST: &str = "The two fell in love, and both of them changed for it.";
    const SECOND: &str = "Anything you read beyond that is a wish, not news.";

    /// An app on a fresh data folder whose open (default) article has two hand-made
    /// suggestions.
    fn app_with_suggestions(dir: &tempfile::TempDir) -> App {
        let mut app = App::new(
            AppOptions {
                data_dir: dir.path().join("data"),
                open_file: None,
            },
            None,
        );
        let article = app.library.shows[0].articles[0].id;
        let suggestion = |title: &str, quote: &str| SavedSuggestion {
            title: title.into(),
            passages: vec![
                Anchor::new(article, "no such sentence", 0),
                Anchor::new(article, quote, 0),
            ],
            best: 1,
            state: SuggestionState::Offered,
        };
        app.apply_unrecorded(Edit::SetArticle(
            article,
            ArticleField::Suggestions(Some(vec![
                suggestion("Will they stay together?", FIRST),
                suggestion("Is it news?", SECOND),
            ])),
        ));
        // The open article is parsed by a job: adding a suggestion resolves passages in it.
        app.finish_jobs_blocking();
        app
    }

    fn show(app: &App) -> &crate::model::Show {
        app.open_article().unwrap().0
    }

    fn entry(app: &App) -> &ArticleEntry {
        app.open_article().unwrap().1
    }

    /// The state of each saved suggestion, in order.
    fn states(entry: &ArticleEntry) -> Vec<SuggestionState> {
        let saved = entry.suggestions.as_ref().unwrap();
        saved.iter().map(|s| s.state).collect()
    }

    fn change(app: &mut App, change: Change) {
        let _ = app.apply(Command::Change(change));
    }

    #[test]
    fn adding_a_suggestion_makes_an_open_thread_on_its_best_passage_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        let article = entry(&app).id;
        change(
            &mut app,
            Change::SetSuggestionTitle(0, "Will they\nmarry?".into()),
        );
        change(&mut app, Change::AddSuggestions(vec![0]));
        change(&mut app, Change::AddSuggestions(vec![0]));
        let s = show(&app);
        assert_eq!(s.threads.len(), 5);
        let thread = &s.threads[4];
        assert_eq!(thread.title, "Will they marry?");
        assert_eq!(thread.anchors, [Anchor::new(article, FIRST, 0)]);
        assert_eq!(thread.status, crate::model::ThreadStatus::Open);
        assert_eq!(app.view.selected_thread, Some(thread.id));
        let states = states(entry(&app));
        assert_eq!(states, [SuggestionState::Added, SuggestionState::Offered]);
        assert!(app.notices().is_empty(), "{:?}", app.notices());
    }

    #[test]
    fn a_dismissed_suggestion_is_not_added_and_a_missing_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        change(&mut app, Change::DismissSuggestion(1));
        change(&mut app, Change::AddSuggestions(vec![0, 1]));
        assert_eq!(show(&app).threads.len(), 5);
        let states = states(entry(&app));
        assert_eq!(states, [SuggestionState::Added, SuggestionState::Dismissed]);
        change(&mut app, Change::DismissSuggestion(9));
        assert_eq!(app.notices(), ["that suggestion no longer exists"]);
    }

    #[test]
    fn a_suggestion_on_a_passage_a_thread_already_has_adds_no_second_thread() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        let article = entry(&app).id;
        change(
            &mut app,
            Change::AddThread {
                title: "Mine".into(),
                anchor: Some(Anchor::new(article, SECOND, 0)),
            },
        );
        change(&mut app, Change::AddSuggestions(vec![1]));
        assert_eq!(show(&app).threads.len(), 5);
        assert_eq!(show(&app).threads[4].title, "Mine");
    }

    #[test]
    fn the_as_of_date_is_set_and_cleared_and_undone() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        let article = entry(&app).id;
        let before = entry(&app).article.as_of;
        let date = jiff::civil::date(2021, 12, 1);
        change(&mut app, Change::SetAsOf(article, Some(date)));
        assert_eq!(entry(&app).article.as_of, Some(date));
        change(&mut app, Change::SetAsOf(article, None));
        assert_eq!(entry(&app).article.as_of, None);
        let _ = app.apply(Command::Undo);
        let _ = app.apply(Command::Undo);
        assert_eq!(entry(&app).article.as_of, before);
    }
}
