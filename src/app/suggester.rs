//! Suggesting off the UI thread: the open questions of a dossier's article are computed on a
//! worker thread of their own and handed back to the app, which saves them with the dossier.
//!
//! The window never waits: while the worker reads, the Suggested section says so, and each
//! finished job wakes the window. A result is used only if the article is still the one it
//! was computed from.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::{Article, DossierId, SavedSuggestion, save_suggestions, suggest::suggest};

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
