//! Suggesting off the UI thread: the open questions of a dossier's article are computed on a
//! worker thread of their own and handed back to the app, which saves them with the dossier.
//!
//! The window never waits: while the worker reads, the Suggested section says so, and each
//! finished job wakes the window. A result is used only if the article is still the one it
//! was computed from.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::App;
use crate::model::{
    Article, Dossier, DossierId, LibraryError, SavedSuggestion, SuggestionState, Thread, ThreadId,
    save_suggestions, suggest::suggest,
};

/// One article to read.
struct Job {
    dossier: DossierId,
    article: Article,
}

/// The suggestions computed for one dossier's article.
pub struct SuggestResult {
    /// The dossier the article belongs to.
    pub dossier: DossierId,
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
    pending: HashSet<DossierId>,
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
                    let document = job.article.document();
                    let suggestions = save_suggestions(&suggest(&document));
                    let result = SuggestResult {
                        dossier: job.dossier,
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

    /// Starts the worker; each finished job repaints the window of `ctx`, if any.
    pub fn waking(ctx: Option<&egui::Context>) -> Self {
        let ctx = ctx.cloned();
        Self::start(move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        })
    }

    /// Asks for the suggestions of `dossier`'s `article`, unless they are already being
    /// computed. Returns an error in words, once, when the worker is not running.
    pub fn request(&mut self, dossier: DossierId, article: &Article) -> Result<(), String> {
        if self.pending.contains(&dossier) {
            return Ok(());
        }
        let sent = self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Job {
                dossier,
                article: article.clone(),
            })
            .is_ok()
        });
        if sent {
            self.pending.insert(dossier);
            return Ok(());
        }
        self.jobs = None;
        if std::mem::replace(&mut self.reported, true) {
            Ok(())
        } else {
            Err("Open questions cannot be suggested in this window: the thread that reads articles could not run.".into())
        }
    }

    /// Whether suggestions for `dossier` are being computed.
    pub fn is_pending(&self, dossier: DossierId) -> bool {
        self.pending.contains(&dossier)
    }

    /// Whether any job has not come back yet.
    pub fn is_busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The finished results, without waiting.
    pub fn poll(&mut self) -> Vec<SuggestResult> {
        let results: Vec<SuggestResult> = self.results.try_iter().collect();
        for result in &results {
            self.pending.remove(&result.dossier);
        }
        results
    }
}

impl App {
    /// Whether the open dossier's suggestions are computed and no other job is running (tests
    /// wait for this before looking at the Suggested section).
    pub fn suggestions_settled(&self) -> bool {
        !self.suggester.is_busy()
            && self
                .open_dossier()
                .is_none_or(|dossier| dossier.suggestions.is_some())
    }

    /// Asks the worker for the open dossier's suggestions if they were never computed.
    pub(super) fn request_suggestions(&mut self) {
        let Some(dossier) = self.library.open_dossier() else {
            return;
        };
        if dossier.suggestions.is_some() || self.suggester.is_pending(dossier.id) {
            return;
        }
        if let Err(message) = self.suggester.request(dossier.id, &dossier.article) {
            self.notify(message);
        }
    }

    /// Saves finished suggestions with their dossiers, when the article is still the one
    /// they were computed from and none were saved meanwhile.
    pub(super) fn collect_suggestions(&mut self) {
        for result in self.suggester.poll() {
            let fits = self.library.dossier(result.dossier).is_ok_and(|dossier| {
                dossier.suggestions.is_none()
                    && article_fingerprint(&dossier.article) == result.fingerprint
            });
            if !fits {
                continue;
            }
            if let Ok(dossier) = self.library_mut().dossier_mut(result.dossier) {
                dossier.suggestions = Some(result.suggestions);
                self.mark_edited();
            }
        }
    }

    /// Adds the open dossier's suggestions at `indices` as open threads anchored to their best
    /// passages, skipping any already added or dismissed and any whose passage a thread is
    /// already anchored to. Selects the new thread when exactly one was added.
    pub(super) fn add_suggestions(&mut self, indices: &[usize]) -> Result<(), LibraryError> {
        let Some(dossier_id) = self.library.open_dossier().map(|d| d.id) else {
            return Ok(());
        };
        let mut added = Vec::new();
        for &index in indices {
            let dossier = self.library.dossier(dossier_id)?;
            let suggestion = dossier
                .suggestions
                .as_ref()
                .and_then(|list| list.get(index))
                .ok_or(LibraryError::NoSuchSuggestion(index))?;
            if suggestion.state != SuggestionState::Offered {
                continue;
            }
            let anchor = suggestion.best_passage().cloned();
            let duplicate = anchor.as_ref().is_some_and(|anchor| {
                dossier
                    .threads
                    .iter()
                    .any(|t| t.anchor.as_ref().is_some_and(|a| a.quote == anchor.quote))
            });
            let title = match suggestion.title.trim() {
                "" => anchor
                    .as_ref()
                    .map(|a| a.quote.clone())
                    .unwrap_or_else(|| "New thread".into()),
                title => title.to_owned(),
            };
            let id = ThreadId(self.library_mut().allocate_id());
            let dossier = self.library_mut().dossier_mut(dossier_id)?;
            suggestion_mut(dossier, index)?.state = SuggestionState::Added;
            if !duplicate {
                dossier.threads.push(Thread::new(id, title, anchor));
                added.push(id);
            }
        }
        if let [id] = added[..] {
            self.view.selected_thread = Some(id);
            self.view.scroll_to_selected = true;
            self.view.highlighted_passage = None;
        }
        self.mark_edited();
        Ok(())
    }
}

/// The suggestion at `index` of `dossier`'s suggestions, to change.
pub(super) fn suggestion_mut(
    dossier: &mut Dossier,
    index: usize,
) -> Result<&mut SavedSuggestion, LibraryError> {
    dossier
        .suggestions
        .as_mut()
        .and_then(|list| list.get_mut(index))
        .ok_or(LibraryError::NoSuchSuggestion(index))
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
        let id = DossierId(7);
        worker.request(id, &article).unwrap();
        worker.request(id, &article).unwrap();
        assert!(worker.is_pending(id) && worker.is_busy());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut results = Vec::new();
        while results.is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
            results = worker.poll();
        }
        assert_eq!(results.len(), 1, "one job for two requests");
        assert_eq!(results[0].dossier, id);
        assert_eq!(results[0].fingerprint, article_fingerprint(&article));
        let expected = save_suggestions(&suggest(&article.document()));
        assert_eq!(results[0].suggestions, expected);
        assert!(!worker.is_busy());
        assert!(worker.poll().is_empty());
    }
}

#[cfg(test)]
mod command_tests {
    use super::*;
    use crate::app::{AppOptions, Command};
    use crate::model::Anchor;

    /// Two sentences of the default article no curated thread points at.
    const FIRST: &str = "The two fell in love, and both of them changed for it.";
    const SECOND: &str = "Anything you read beyond that is a wish, not news.";

    /// An app on a fresh data folder whose open (default) dossier has two hand-made
    /// suggestions.
    fn app_with_suggestions(dir: &tempfile::TempDir) -> App {
        let mut app = App::new(
            AppOptions {
                data_dir: dir.path().join("data"),
                open_file: None,
            },
            None,
        );
        let suggestion = |title: &str, quote: &str| SavedSuggestion {
            title: title.into(),
            passages: vec![Anchor::new("no such sentence", 0), Anchor::new(quote, 0)],
            best: 1,
            state: SuggestionState::Offered,
        };
        let id = app.library.dossiers[0].id;
        app.library_mut().dossier_mut(id).unwrap().suggestions = Some(vec![
            suggestion("Will they stay together?", FIRST),
            suggestion("Is it news?", SECOND),
        ]);
        app
    }

    fn dossier(app: &App) -> &Dossier {
        app.open_dossier().unwrap()
    }

    /// The state of each saved suggestion, in order.
    fn states(dossier: &Dossier) -> Vec<SuggestionState> {
        let saved = dossier.suggestions.as_ref().unwrap();
        saved.iter().map(|s| s.state).collect()
    }

    #[test]
    fn adding_a_suggestion_makes_an_open_thread_on_its_best_passage_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        app.apply(Command::SetSuggestionTitle(0, "Will they\nmarry?".into()));
        app.apply(Command::AddSuggestions(vec![0]));
        app.apply(Command::AddSuggestions(vec![0]));
        let d = dossier(&app);
        assert_eq!(d.threads.len(), 5);
        let thread = &d.threads[4];
        assert_eq!(thread.title, "Will they marry?");
        assert_eq!(thread.anchor, Some(Anchor::new(FIRST, 0)));
        assert_eq!(thread.status, crate::model::ThreadStatus::Open);
        assert_eq!(app.view.selected_thread, Some(thread.id));
        let states = states(d);
        assert_eq!(states, [SuggestionState::Added, SuggestionState::Offered]);
        assert!(app.notices().is_empty(), "{:?}", app.notices());
    }

    #[test]
    fn a_dismissed_suggestion_is_not_added_and_a_missing_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        app.apply(Command::DismissSuggestion(1));
        app.apply(Command::AddSuggestions(vec![0, 1]));
        let d = dossier(&app);
        assert_eq!(d.threads.len(), 5);
        let states = states(d);
        assert_eq!(states, [SuggestionState::Added, SuggestionState::Dismissed]);
        app.apply(Command::DismissSuggestion(9));
        assert_eq!(app.notices(), ["that suggestion no longer exists"]);
    }

    #[test]
    fn a_suggestion_on_a_passage_a_thread_already_has_adds_no_second_thread() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        app.apply(Command::AddThread {
            title: "Mine".into(),
            anchor: Some(Anchor::new(SECOND, 0)),
        });
        app.apply(Command::AddSuggestions(vec![1]));
        assert_eq!(dossier(&app).threads.len(), 5);
        assert_eq!(dossier(&app).threads[4].title, "Mine");
    }

    #[test]
    fn the_as_of_date_is_set_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_suggestions(&dir);
        let date = jiff::civil::date(2021, 12, 1);
        app.apply(Command::SetAsOf(Some(date)));
        assert_eq!(dossier(&app).article.as_of, Some(date));
        app.apply(Command::SetAsOf(None));
        assert_eq!(dossier(&app).article.as_of, None);
    }
}
