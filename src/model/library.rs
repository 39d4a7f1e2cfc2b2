//! The library: every dossier the fan has, which one is open, and the id counter.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Article, Dossier, DossierId, PredictionId, ThreadId, default_dossier};

/// A reference to something that is not in the library.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum LibraryError {
    /// No dossier has this id.
    #[error("that article is no longer in the library")]
    NoSuchDossier(DossierId),
    /// No thread has this id.
    #[error("that thread no longer exists")]
    NoSuchThread(ThreadId),
    /// No prediction has this id.
    #[error("that prediction no longer exists")]
    NoSuchPrediction(PredictionId),
    /// No suggestion is at this index of the dossier's suggestions.
    #[error("that suggestion no longer exists")]
    NoSuchSuggestion(usize),
}

/// Everything the fan keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// The dossiers, in the order they were added.
    pub dossiers: Vec<Dossier>,
    /// The dossier on screen.
    #[serde(default)]
    pub open: Option<DossierId>,
    /// The next id to hand out (shared by dossiers, threads and predictions).
    next_id: u64,
}

impl Default for Library {
    /// A library holding the embedded default dossier, opened.
    fn default() -> Self {
        let mut library = Self::empty();
        let dossier = default_dossier(&mut || library.allocate_id());
        library.open = Some(dossier.id);
        library.dossiers.push(dossier);
        library
    }
}

impl Library {
    /// A library with no dossiers.
    pub fn empty() -> Self {
        Self {
            dossiers: Vec::new(),
            open: None,
            next_id: 1,
        }
    }

    /// Hands out a fresh id, never used before in this library.
    pub fn allocate_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The dossier with `id`.
    pub fn dossier(&self, id: DossierId) -> Result<&Dossier, LibraryError> {
        self.dossiers
            .iter()
            .find(|d| d.id == id)
            .ok_or(LibraryError::NoSuchDossier(id))
    }

    /// The dossier with `id`, to change.
    pub fn dossier_mut(&mut self, id: DossierId) -> Result<&mut Dossier, LibraryError> {
        self.dossiers
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(LibraryError::NoSuchDossier(id))
    }

    /// The dossier on screen, falling back to the first one.
    pub fn open_dossier(&self) -> Option<&Dossier> {
        self.open
            .and_then(|id| self.dossier(id).ok())
            .or_else(|| self.dossiers.first())
    }

    /// Adds a dossier on `article` with an empty checklist and opens it.
    pub fn add_dossier(&mut self, article: Article) -> DossierId {
        let id = DossierId(self.allocate_id());
        self.dossiers.push(Dossier::new(id, article));
        self.open = Some(id);
        id
    }

    /// The dossier imported from `source_path`, if any.
    pub fn find_by_source(&self, source_path: &str) -> Option<DossierId> {
        self.dossiers
            .iter()
            .find(|d| d.article.source_path.as_deref() == Some(source_path))
            .map(|d| d.id)
    }

    /// Removes the dossier with `id`, returning where it was and the dossier, for undo.
    pub fn remove_dossier(&mut self, id: DossierId) -> Result<(usize, Dossier), LibraryError> {
        let index = self
            .dossiers
            .iter()
            .position(|d| d.id == id)
            .ok_or(LibraryError::NoSuchDossier(id))?;
        let dossier = self.dossiers.remove(index);
        if self.open == Some(id) {
            self.open = self
                .dossiers
                .get(index.min(self.dossiers.len().saturating_sub(1)))
                .map(|d| d.id);
        }
        Ok((index, dossier))
    }

    /// Puts a removed dossier back at `index` and opens it.
    pub fn restore_dossier(&mut self, index: usize, dossier: Dossier) {
        self.open = Some(dossier.id);
        let index = index.min(self.dossiers.len());
        self.dossiers.insert(index, dossier);
    }

    /// The next id that will be handed out.
    pub fn next_id_value(&self) -> u64 {
        self.next_id
    }

    /// Raises the id counter to at least `next_id`.
    pub fn set_next_id_at_least(&mut self, next_id: u64) {
        self.next_id = self.next_id.max(next_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleFormat;

    fn article(source: Option<&str>) -> Article {
        Article {
            title: "t".into(),
            as_of: None,
            format: ArticleFormat::PlainText,
            body: "b".into(),
            source_path: source.map(str::to_owned),
            source_url: None,
        }
    }

    #[test]
    fn default_library_opens_default_dossier() {
        let library = Library::default();
        assert_eq!(library.dossiers.len(), 1);
        assert_eq!(library.open_dossier().map(|d| d.threads.len()), Some(4));
    }

    #[test]
    fn ids_are_never_reused() {
        let mut library = Library::default();
        let a = library.add_dossier(article(None));
        let (_, _) = library.remove_dossier(a).unwrap();
        let b = library.add_dossier(article(None));
        assert_ne!(a, b);
    }

    #[test]
    fn finds_by_source_and_removes_with_undo() {
        let mut library = Library::default();
        let id = library.add_dossier(article(Some("/tmp/a.txt")));
        assert_eq!(library.find_by_source("/tmp/a.txt"), Some(id));
        let (index, dossier) = library.remove_dossier(id).unwrap();
        assert_eq!(library.open, Some(library.dossiers[0].id));
        library.restore_dossier(index, dossier);
        assert_eq!(library.open, Some(id));
        assert_eq!(library.dossiers.len(), 2);
    }

    #[test]
    fn repair_ids_moves_counter_past_used_ids() {
        let mut library = Library {
            next_id: 1,
            ..Library::default()
        };
        library.repair_ids();
        let fresh = library.allocate_id();
        assert!(library.dossiers.iter().all(|d| d.id.0 < fresh));
    }
}
