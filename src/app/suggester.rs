//! Suggesting off the UI thread: the open questions of an article are computed on a worker
//! thread of their own and handed back to the app, which saves them with the article.
//!
//! The window never waits: while the worker reads, the Suggested section says so, and each
//! finished job wakes the window. A result is used only if the article is still the one it
//! was computed from.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::App;
use super::error::AppError;
use super::wake::Wake;
use crate::model::{
    Article, ArticleField, ArticleId, Document, Edit, SavedSuggestion, save_suggestions,
    suggest::suggest,
};

/// One article to read, as the app parsed it (shared, not copied nor parsed again).
struct Job {
    id: ArticleId,
    article: Article,
    document: Arc<Document>,
}

/// The suggestions computed for one article.
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

/// The worker thread and the jobs sent to it that have not come back yet.
pub struct SuggestWorker {
    jobs: Option<Sender<Job>>,
    results: Receiver<SuggestResult>,
    pending: HashSet<ArticleId>,
    /// Whether the user was told the worker is not running.
    reported: bool,
}

impl SuggestWorker {
    /// Starts the worker; `wake` is called after each finished job (to repaint the window).
    /// If the thread cannot be started, [`Self::request`] reports it and nothing is computed.
    /// Dropping the worker stops it after the job it is on; the window does not wait for it.
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        let (job_tx, job_rx) = channel::<Job>();
        let (result_tx, results) = channel();
        let thread = std::thread::Builder::new()
            .name("fan-tracker-suggest".into())
            .spawn(move || {
                for job in job_rx {
                    let suggestions = save_suggestions(&suggest(&job.document), job.id);
                    let result = SuggestResult {
                        article: job.id,
                        fingerprint: article_fingerprint(&job.article),
                        suggestions,
                    };
                    if result_tx.send(result).is_err() {
                        break;
                    }
                    wake();
                }
            });
        let jobs = match thread {
            Ok(_detached) => Some(job_tx),
            Err(error) => {
                log::error!("could not start the suggesting thread: {error}");
                None
            }
        };
        Self {
            jobs,
            results,
            pending: HashSet::new(),
            reported: false,
        }
    }

    /// Starts the worker; each finished job wakes the window (see [`Wake`]).
    pub fn waking(wake: Wake) -> Self {
        Self::start(move || wake.wake())
    }

    /// Asks for the suggestions of article `id`, unless they are already being computed.
    ///
    /// # Errors
    /// [`AppError::SuggesterStopped`], once, when the worker is not running.
    pub fn request(
        &mut self,
        id: ArticleId,
        article: &Article,
        document: Arc<Document>,
    ) -> Result<(), AppError> {
        if self.pending.contains(&id) {
            return Ok(());
        }
        let sent = self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Job {
                id,
                article: article.clone(),
                document,
            })
            .is_ok()
        });
        if sent {
            self.pending.insert(id);
            return Ok(());
        }
        self.jobs = None;
        if std::mem::replace(&mut self.reported, true) {
            Ok(())
        } else {
            Err(AppError::SuggesterStopped)
        }
    }

    /// Whether suggestions for article `id` are being computed.
    pub fn is_pending(&self, id: ArticleId) -> bool {
        self.pending.contains(&id)
    }

    /// Whether any job has not come back yet.
    pub fn is_busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The finished results, without waiting.
    pub fn poll(&mut self) -> Vec<SuggestResult> {
        let results: Vec<SuggestResult> = self.results.try_iter().collect();
        for result in &results {
            self.pending.remove(&result.article);
        }
        results
    }
}

impl App {
    /// Whether the open article's suggestions are computed and no other job is running (tests
    /// wait for this before looking at the Suggested section).
    pub fn suggestions_settled(&self) -> bool {
        !self.suggester.is_busy()
            && self
                .open_article()
                .is_none_or(|(_, entry)| entry.suggestions.is_some())
    }

    /// Asks the worker for the open article's suggestions if they were never computed.
    pub(super) fn request_suggestions(&mut self) {
        let Some((_, entry)) = self.open_article() else {
            return;
        };
        if entry.suggestions.is_some() || self.suggester.is_pending(entry.id) {
            return;
        }
        let (id, article) = (entry.id, entry.article.clone());
        let Some(document) = self.open_document() else {
            return;
        };
        if let Err(error) = self.suggester.request(id, &article, document) {
            self.notify(error.to_string());
        }
    }

    /// Saves finished suggestions with their articles, when the article is still the one they
    /// were computed from and none were saved meanwhile. This is not an undoable step of the
    /// fan's: it is applied, and saved, outside the history.
    pub(super) fn collect_suggestions(&mut self) {
        for result in self.suggester.poll() {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleFormat;

    #[test]
    fn the_worker_hands_back_what_the_suggester_finds_for_the_article() {
        let article = Article {
            title: "t".into(),
            as_of: None,
            format: ArticleFormat::PlainText,
            body:
                "Will there be a second season? Nobody has confirmed one yet.\nThe cast may return."
                    .into(),
            source_path: None,
            source_url: None,
        };
        let mut worker = SuggestWorker::start(|| {});
        let id = ArticleId(7);
        let document = Arc::new(article.document());
        worker.request(id, &article, document.clone()).unwrap();
        worker.request(id, &article, document).unwrap();
        assert!(worker.is_pending(id) && worker.is_busy());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut results = Vec::new();
        while results.is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
            results = worker.poll();
        }
        assert_eq!(results.len(), 1, "one job for two requests");
        assert_eq!(results[0].article, id);
        assert_eq!(results[0].fingerprint, article_fingerprint(&article));
        let expected = save_suggestions(&suggest(&article.document()), id);
        assert_eq!(results[0].suggestions, expected);
        assert!(!worker.is_busy());
        assert!(worker.poll().is_empty());
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
        app.apply(Command::Change(change));
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
        app.apply(Command::Undo);
        app.apply(Command::Undo);
        assert_eq!(entry(&app).article.as_of, before);
    }
}
