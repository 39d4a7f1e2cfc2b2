//! A dossier: one article with its checklist of threads and the fan's notes on it.

use serde::{Deserialize, Serialize};

use super::{Article, LibraryError, Prediction, PredictionId, SavedSuggestion, Thread, ThreadId};

/// Identifies a dossier within a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DossierId(pub u64);

/// An article, its open threads and the fan's notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    /// Stable identity.
    pub id: DossierId,
    /// The article the dossier is about.
    pub article: Article,
    /// The checklist, in the order the fan arranged it.
    #[serde(default)]
    pub threads: Vec<Thread>,
    /// The fan's note on the whole article.
    #[serde(default)]
    pub note: String,
    /// The open questions suggested for the article, in the suggester's order; `None` until
    /// they are computed (files written before suggestions existed load as `None`, and `None`
    /// is not written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<SavedSuggestion>>,
}

impl Dossier {
    /// A dossier on `article` with an empty checklist.
    pub fn new(id: DossierId, article: Article) -> Self {
        Self {
            id,
            article,
            threads: Vec::new(),
            note: String::new(),
            suggestions: None,
        }
    }

    /// The thread with `id`.
    pub fn thread(&self, id: ThreadId) -> Result<&Thread, LibraryError> {
        self.threads
            .iter()
            .find(|t| t.id == id)
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// The thread with `id`, to change.
    pub fn thread_mut(&mut self, id: ThreadId) -> Result<&mut Thread, LibraryError> {
        self.threads
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// Where the thread with `id` stands in the checklist.
    pub fn thread_index(&self, id: ThreadId) -> Result<usize, LibraryError> {
        self.threads
            .iter()
            .position(|t| t.id == id)
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// Moves the thread with `id` to position `to` (clamped to the list).
    pub fn move_thread(&mut self, id: ThreadId, to: usize) -> Result<(), LibraryError> {
        let from = self.thread_index(id)?;
        let thread = self.threads.remove(from);
        let to = to.min(self.threads.len());
        self.threads.insert(to, thread);
        Ok(())
    }

    /// Removes the thread with `id`, returning where it was and the thread, for undo.
    pub fn remove_thread(&mut self, id: ThreadId) -> Result<(usize, Thread), LibraryError> {
        let index = self.thread_index(id)?;
        Ok((index, self.threads.remove(index)))
    }

    /// Puts a removed thread back at `index` (clamped to the list).
    pub fn restore_thread(&mut self, index: usize, thread: Thread) {
        let index = index.min(self.threads.len());
        self.threads.insert(index, thread);
    }

    /// The prediction with `id` on the thread with `thread`, to change.
    pub fn prediction_mut(
        &mut self,
        thread: ThreadId,
        id: PredictionId,
    ) -> Result<&mut Prediction, LibraryError> {
        self.thread_mut(thread)?
            .predictions
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(LibraryError::NoSuchPrediction(id))
    }

    /// All predictions in the dossier.
    pub fn predictions(&self) -> impl Iterator<Item = &Prediction> {
        self.threads.iter().flat_map(|t| t.predictions.iter())
    }
}
