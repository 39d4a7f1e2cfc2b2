//! The library: every show the fan follows and the id counter shared by all its items.
//!
//! Ids (of shows, articles, threads and predictions) come from one counter and are never
//! reused, so an id names one item for good, across undo, merges and restarts.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{
    ArticleEntry, ArticleId, Prediction, PredictionId, Show, ShowId, Thread, ThreadId, default_show,
};

/// A reference to something that is not in the library.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum LibraryError {
    /// No show has this id.
    #[error("that show is no longer in the library")]
    NoSuchShow(ShowId),
    /// No article has this id.
    #[error("that article is no longer in the library")]
    NoSuchArticle(ArticleId),
    /// No thread has this id.
    #[error("that thread no longer exists")]
    NoSuchThread(ThreadId),
    /// No prediction has this id.
    #[error("that prediction no longer exists")]
    NoSuchPrediction(PredictionId),
    /// No suggestion is at this index of the article's suggestions.
    #[error("that suggestion no longer exists")]
    NoSuchSuggestion(usize),
    /// No timeline event is at this index of the show's events.
    #[error("that timeline entry no longer exists")]
    NoSuchEvent(usize),
    /// A prediction with an outcome keeps its probability and outcome; only undoing the
    /// outcome (back to pending) unlocks it.
    #[error(
        "that prediction has an outcome, so its probability and outcome are locked; set it back to pending first"
    )]
    PredictionLocked(PredictionId),
    /// No earlier probability to go back to.
    #[error("that prediction has no earlier probability to go back to")]
    NothingToTakeBack(PredictionId),
}

/// Everything the fan keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// The shows, in the order they were added.
    pub shows: Vec<Show>,
    /// The next id to hand out (shared by shows, articles, threads and predictions).
    next_id: u64,
}

impl Default for Library {
    /// A library holding the built-in show and its article.
    fn default() -> Self {
        let mut library = Self::empty();
        let show = default_show(&mut || library.allocate_id());
        library.shows.push(show);
        library
    }
}

impl Library {
    /// A library with no shows.
    pub fn empty() -> Self {
        Self {
            shows: Vec::new(),
            next_id: 1,
        }
    }

    /// A library of `shows` whose id counter is `next_id`, as read from a file (call
    /// [`Library::repair`] next: the counter may be behind the ids in use).
    pub fn from_parts(shows: Vec<Show>, next_id: u64) -> Self {
        Self { shows, next_id }
    }

    /// Hands out a fresh id, never used before in this library.
    pub fn allocate_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The next id that will be handed out.
    pub fn next_id_value(&self) -> u64 {
        self.next_id
    }

    /// Raises the id counter to at least `next_id`.
    pub fn set_next_id_at_least(&mut self, next_id: u64) {
        self.next_id = self.next_id.max(next_id);
    }

    /// The show with `id`.
    pub fn show(&self, id: ShowId) -> Result<&Show, LibraryError> {
        self.shows
            .iter()
            .find(|s| s.id == id)
            .ok_or(LibraryError::NoSuchShow(id))
    }

    /// The show with `id`, to change.
    pub fn show_mut(&mut self, id: ShowId) -> Result<&mut Show, LibraryError> {
        self.shows
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(LibraryError::NoSuchShow(id))
    }

    /// Where the show with `id` stands in the list.
    pub fn show_index(&self, id: ShowId) -> Result<usize, LibraryError> {
        self.shows
            .iter()
            .position(|s| s.id == id)
            .ok_or(LibraryError::NoSuchShow(id))
    }

    /// The show a window opens on: `preferred` when it is in the library, else the first.
    pub fn start_show(&self, preferred: Option<ShowId>) -> Option<&Show> {
        preferred
            .and_then(|id| self.show(id).ok())
            .or_else(|| self.shows.first())
    }

    /// The article with `id` and the show it belongs to.
    pub fn article(&self, id: ArticleId) -> Result<(&Show, &ArticleEntry), LibraryError> {
        self.shows
            .iter()
            .find_map(|s| Some((s, s.article(id)?)))
            .ok_or(LibraryError::NoSuchArticle(id))
    }

    /// The article with `id`, to change.
    pub fn article_mut(&mut self, id: ArticleId) -> Result<&mut ArticleEntry, LibraryError> {
        self.shows
            .iter_mut()
            .flat_map(|s| s.articles.iter_mut())
            .find(|a| a.id == id)
            .ok_or(LibraryError::NoSuchArticle(id))
    }

    /// The thread with `id` and the show it belongs to.
    pub fn thread(&self, id: ThreadId) -> Result<(&Show, &Thread), LibraryError> {
        self.shows
            .iter()
            .find_map(|s| Some((s, s.threads.iter().find(|t| t.id == id)?)))
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// The thread with `id`, to change.
    pub fn thread_mut(&mut self, id: ThreadId) -> Result<&mut Thread, LibraryError> {
        self.shows
            .iter_mut()
            .flat_map(|s| s.threads.iter_mut())
            .find(|t| t.id == id)
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// The prediction with `id` and the thread it is on.
    pub fn prediction(&self, id: PredictionId) -> Result<(&Thread, &Prediction), LibraryError> {
        self.shows
            .iter()
            .flat_map(|s| s.threads.iter())
            .find_map(|t| Some((t, t.predictions.iter().find(|p| p.id == id)?)))
            .ok_or(LibraryError::NoSuchPrediction(id))
    }

    /// The prediction with `id`, to change.
    pub fn prediction_mut(&mut self, id: PredictionId) -> Result<&mut Prediction, LibraryError> {
        self.shows
            .iter_mut()
            .flat_map(|s| s.threads.iter_mut())
            .flat_map(|t| t.predictions.iter_mut())
            .find(|p| p.id == id)
            .ok_or(LibraryError::NoSuchPrediction(id))
    }

    /// The article imported from `source_path`, if any: the last added when there are
    /// several (a newer version of a changed file is added after the earlier one).
    pub fn find_by_source(&self, source_path: &str) -> Option<ArticleId> {
        self.articles()
            .filter(|a| a.article.source_path.as_deref() == Some(source_path))
            .last()
            .map(|a| a.id)
    }

    /// Every article of every show.
    pub fn articles(&self) -> impl Iterator<Item = &ArticleEntry> {
        self.shows.iter().flat_map(|s| s.articles.iter())
    }

    /// Every id in use, in file order: each show, then its articles, then its threads, each
    /// followed by its predictions (ids are shared by all four kinds).
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.shows.iter().flat_map(|s| {
            std::iter::once(s.id.0)
                .chain(s.articles.iter().map(|a| a.id.0))
                .chain(s.threads.iter().flat_map(|t| {
                    std::iter::once(t.id.0).chain(t.predictions.iter().map(|p| p.id.0))
                }))
        })
    }

    /// Every thread of every show.
    pub fn threads(&self) -> impl Iterator<Item = &Thread> {
        self.shows.iter().flat_map(|s| s.threads.iter())
    }

    /// The shows whose title or original title `text` names (see [`Show::is_named_in`]),
    /// the longest title first, so "Okay Season 2" wins over "Okay" when both are named.
    pub fn shows_named_in(&self, text: &str) -> Vec<ShowId> {
        let mut named: Vec<&Show> = self.shows.iter().filter(|s| s.is_named_in(text)).collect();
        named.sort_by_key(|s| std::cmp::Reverse(s.title.chars().count()));
        named.into_iter().map(|s| s.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_library_has_the_built_in_show_with_its_article_and_threads() {
        let library = Library::default();
        assert_eq!(library.shows.len(), 1);
        let show = &library.shows[0];
        assert_eq!(show.articles.len(), 1);
        assert_eq!(show.threads.len(), 4);
        let article = show.articles[0].id;
        assert!(show.threads.iter().all(|t| t.anchors[0].article == article));
    }

    #[test]
    fn items_are_found_by_id_across_shows() {
        let library = Library::default();
        let show = &library.shows[0];
        let thread = show.threads[2].id;
        assert_eq!(library.thread(thread).map(|(s, _)| s.id), Ok(show.id));
        let article = show.articles[0].id;
        assert_eq!(library.article(article).map(|(s, _)| s.id), Ok(show.id));
        assert_eq!(
            library.thread(ThreadId(999)).map(|_| ()),
            Err(LibraryError::NoSuchThread(ThreadId(999)))
        );
    }

    #[test]
    fn a_new_article_names_its_show_in_either_script() {
        let library = Library::default();
        let id = library.shows[0].id;
        assert_eq!(
            library.shows_named_in("사이코지만 괜찮아 시즌 2 소식"),
            [id]
        );
        assert_eq!(library.shows_named_in("A piece about another drama"), []);
    }
}
