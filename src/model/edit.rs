//! Edits: every change to the fan's saved data, as a value that, applied to a library, returns
//! its inverse (the edit that puts the library back). Undo and redo are built on this alone
//! (see [`super::History`]).
//!
//! An edit names its target by id (never by a reference into the library) and carries the new
//! value; applying it swaps the value in and returns an edit carrying the old one. Inserts and
//! removals are each other's inverse, a move's inverse moves back, and a [`Edit::Batch`] is
//! undone in reverse order, all or nothing. Matches over edits have no catch-all arm, so an
//! edit nobody handles does not compile.
//!
//! Edits never touch files or dialogs: the app reads a file, then applies the edit that adds
//! what it read.

use jiff::civil::Date;

use super::{
    Anchor, ArticleEntry, ArticleId, Given, Library, LibraryError, Outcome, Prediction,
    PredictionId, SavedSuggestion, Show, ShowId, ShowStatus, SuggestionState, Thread, ThreadEvent,
    ThreadId, ThreadStatus,
};

/// A field of a show, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShowField {
    /// The title the fan knows it by.
    Title(String),
    /// The original-language title.
    OriginalTitle(Option<String>),
    /// Airing, ended, renewed…
    Status(ShowStatus),
    /// When the fan last checked the status.
    StatusChecked(Option<Date>),
    /// The fan's note on the show.
    Note(String),
}

/// A field of an article entry, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleField {
    /// The as-of date.
    AsOf(Option<Date>),
    /// The fan's note on the article.
    Note(String),
    /// The suggestions computed for it (`None`: not computed).
    Suggestions(Option<Vec<SavedSuggestion>>),
}

/// A field of one of an article's saved suggestions, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuggestionField {
    /// The question, as the fan edited it.
    Title(String),
    /// Offered, dismissed or added.
    State(SuggestionState),
}

/// A field of a thread, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadField {
    /// The question.
    Title(String),
    /// Open, resolved or dropped.
    Status(ThreadStatus),
    /// The fan's note.
    Note(String),
    /// The passages that raise it.
    Anchors(Vec<Anchor>),
}

/// A field of a prediction, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PredictionField {
    /// What is predicted.
    Statement(String),
    /// A new probability given: the current one goes into the history (its inverse is
    /// [`PredictionField::TakeBack`]). Refused once an outcome is set.
    Probability(Given),
    /// Takes back the probability given last, the one before becoming current again (the
    /// inverse of [`PredictionField::Probability`]). Refused once an outcome is set, or when
    /// no earlier one was given.
    TakeBack,
    /// When it should be known.
    ResolveBy(Option<Date>),
    /// How it turned out, with the day the outcome was set (`None` with pending). Once an
    /// outcome is set, only setting it back to pending (undoing it) is accepted, so a
    /// resolved prediction's score cannot be rewritten (issue 19, item 2).
    Outcome(Outcome, Option<Date>),
}

/// One change to the library (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Puts `show` at `index` in the list of shows (clamped).
    InsertShow {
        /// Where.
        index: usize,
        /// The show, with everything in it.
        show: Box<Show>,
    },
    /// Removes a show with everything in it.
    RemoveShow(ShowId),
    /// Sets a field of a show.
    SetShow(ShowId, ShowField),
    /// Puts an article at `index` in a show's articles (clamped).
    InsertArticle {
        /// The show.
        show: ShowId,
        /// Where.
        index: usize,
        /// The article, with the fan's note and suggestions.
        entry: Box<ArticleEntry>,
    },
    /// Removes an article (anchors into it are not touched; see [`remove_article`]).
    RemoveArticle(ArticleId),
    /// Moves an article to `index` in the articles of show `to` (clamped).
    MoveArticle {
        /// The article.
        article: ArticleId,
        /// The show it goes to (may be the one it is in).
        to: ShowId,
        /// Where in that show's articles.
        index: usize,
    },
    /// Sets a field of an article.
    SetArticle(ArticleId, ArticleField),
    /// Sets a field of one of an article's saved suggestions.
    SetSuggestion {
        /// The article.
        article: ArticleId,
        /// The suggestion's index in its saved suggestions.
        index: usize,
        /// The field.
        field: SuggestionField,
    },
    /// Puts a thread at `index` in a show's checklist (clamped).
    InsertThread {
        /// The show.
        show: ShowId,
        /// Where.
        index: usize,
        /// The thread, with its predictions.
        thread: Box<Thread>,
    },
    /// Removes a thread with its predictions.
    RemoveThread(ThreadId),
    /// Moves a thread to `to` in its checklist (clamped).
    MoveThread {
        /// The thread.
        thread: ThreadId,
        /// Its new position.
        to: usize,
    },
    /// Sets a field of a thread.
    SetThread(ThreadId, ThreadField),
    /// Puts a prediction at `index` under a thread (clamped).
    InsertPrediction {
        /// The thread.
        thread: ThreadId,
        /// Where.
        index: usize,
        /// The prediction.
        prediction: Prediction,
    },
    /// Removes a prediction.
    RemovePrediction(PredictionId),
    /// Sets a field of a prediction.
    SetPrediction(PredictionId, PredictionField),
    /// Puts an event at `index` in a show's timeline (clamped).
    InsertEvent {
        /// The show.
        show: ShowId,
        /// Where.
        index: usize,
        /// The event.
        event: ThreadEvent,
    },
    /// Removes the event at `index` of a show's timeline.
    RemoveEvent {
        /// The show.
        show: ShowId,
        /// Which event.
        index: usize,
    },
    /// Several edits as one step, applied in order; if one fails, those before it are undone.
    Batch(Vec<Edit>),
    /// Replaces the whole library (a merge of another program's change, a restored backup).
    /// The id counter never goes down.
    Replace(Box<Library>),
}

impl Edit {
    /// Applies the edit to `library` and returns its inverse.
    ///
    /// # Errors
    /// [`LibraryError`] when the edit names an item that is not there; the library is then
    /// unchanged (a batch undoes what it had applied).
    pub fn apply(self, library: &mut Library) -> Result<Edit, LibraryError> {
        Ok(match self {
            Edit::InsertShow { index, show } => {
                let id = show.id;
                let index = index.min(library.shows.len());
                library.shows.insert(index, *show);
                Edit::RemoveShow(id)
            }
            Edit::RemoveShow(id) => {
                let index = library.show_index(id)?;
                let show = library.shows.remove(index);
                Edit::InsertShow {
                    index,
                    show: Box::new(show),
                }
            }
            Edit::SetShow(id, field) => Edit::SetShow(id, field.swap(library.show_mut(id)?)),
            Edit::InsertArticle { show, index, entry } => {
                let id = entry.id;
                let articles = &mut library.show_mut(show)?.articles;
                articles.insert(index.min(articles.len()), *entry);
                Edit::RemoveArticle(id)
            }
            Edit::RemoveArticle(id) => {
                let (show, index) = article_place(library, id)?;
                let articles = &mut library.show_mut(show)?.articles;
                let entry = articles.remove(index);
                Edit::InsertArticle {
                    show,
                    index,
                    entry: Box::new(entry),
                }
            }
            Edit::MoveArticle { article, to, index } => {
                library.show(to)?;
                let (from, from_index) = article_place(library, article)?;
                let entry = library.show_mut(from)?.articles.remove(from_index);
                let articles = &mut library.show_mut(to)?.articles;
                articles.insert(index.min(articles.len()), entry);
                Edit::MoveArticle {
                    article,
                    to: from,
                    index: from_index,
                }
            }
            Edit::SetArticle(id, field) => {
                Edit::SetArticle(id, field.swap(library.article_mut(id)?))
            }
            Edit::SetSuggestion {
                article,
                index,
                field,
            } => {
                let suggestion = library
                    .article_mut(article)?
                    .suggestions
                    .as_mut()
                    .and_then(|s| s.get_mut(index))
                    .ok_or(LibraryError::NoSuchSuggestion(index))?;
                Edit::SetSuggestion {
                    article,
                    index,
                    field: field.swap(suggestion),
                }
            }
            Edit::InsertThread {
                show,
                index,
                thread,
            } => {
                let id = thread.id;
                let threads = &mut library.show_mut(show)?.threads;
                threads.insert(index.min(threads.len()), *thread);
                Edit::RemoveThread(id)
            }
            Edit::RemoveThread(id) => {
                let (show, index) = thread_place(library, id)?;
                let thread = library.show_mut(show)?.threads.remove(index);
                Edit::InsertThread {
                    show,
                    index,
                    thread: Box::new(thread),
                }
            }
            Edit::MoveThread { thread, to } => {
                let (show, from) = thread_place(library, thread)?;
                let threads = &mut library.show_mut(show)?.threads;
                let moved = threads.remove(from);
                threads.insert(to.min(threads.len()), moved);
                Edit::MoveThread { thread, to: from }
            }
            Edit::SetThread(id, field) => Edit::SetThread(id, field.swap(library.thread_mut(id)?)),
            Edit::InsertPrediction {
                thread,
                index,
                prediction,
            } => {
                let id = prediction.id;
                let predictions = &mut library.thread_mut(thread)?.predictions;
                predictions.insert(index.min(predictions.len()), prediction);
                Edit::RemovePrediction(id)
            }
            Edit::RemovePrediction(id) => {
                let thread = library.prediction(id)?.0.id;
                let predictions = &mut library.thread_mut(thread)?.predictions;
                let index = predictions
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or(LibraryError::NoSuchPrediction(id))?;
                Edit::InsertPrediction {
                    thread,
                    index,
                    prediction: predictions.remove(index),
                }
            }
            Edit::SetPrediction(id, field) => {
                Edit::SetPrediction(id, field.swap(library.prediction_mut(id)?)?)
            }
            Edit::InsertEvent { show, index, event } => {
                let events = &mut library.show_mut(show)?.events;
                let index = index.min(events.len());
                events.insert(index, event);
                Edit::RemoveEvent { show, index }
            }
            Edit::RemoveEvent { show, index } => {
                let events = &mut library.show_mut(show)?.events;
                if index >= events.len() {
                    return Err(LibraryError::NoSuchEvent(index));
                }
                Edit::InsertEvent {
                    show,
                    index,
                    event: events.remove(index),
                }
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(library) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Put back what was applied; each inverse applies cleanly to the
                            // state its edit left.
                            for inverse in inverses.into_iter().rev() {
                                if let Err(rollback) = inverse.apply(library) {
                                    log::error!("an edit could not be rolled back: {rollback}");
                                }
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
            Edit::Replace(mut replacement) => {
                replacement.set_next_id_at_least(library.next_id_value());
                Edit::Replace(Box::new(std::mem::replace(library, *replacement)))
            }
        })
    }

    /// The field this edit types into, when it is one that is typed letter by letter (notes,
    /// titles, statements): consecutive edits of one field in one burst of typing are undone
    /// as one (see [`super::History::record`]).
    pub fn typing_field(&self) -> Option<TypingField> {
        match self {
            Edit::SetShow(id, ShowField::Title(_)) => Some(TypingField::ShowTitle(*id)),
            Edit::SetShow(id, ShowField::OriginalTitle(_)) => {
                Some(TypingField::ShowOriginalTitle(*id))
            }
            Edit::SetShow(id, ShowField::Note(_)) => Some(TypingField::ShowNote(*id)),
            Edit::SetArticle(id, ArticleField::Note(_)) => Some(TypingField::ArticleNote(*id)),
            Edit::SetThread(id, ThreadField::Note(_)) => Some(TypingField::ThreadNote(*id)),
            Edit::SetThread(id, ThreadField::Title(_)) => Some(TypingField::ThreadTitle(*id)),
            Edit::SetPrediction(id, PredictionField::Statement(_)) => {
                Some(TypingField::PredictionStatement(*id))
            }
            Edit::SetSuggestion {
                article,
                index,
                field: SuggestionField::Title(_),
            } => Some(TypingField::SuggestionTitle(*article, *index)),
            Edit::SetShow(_, ShowField::Status(_) | ShowField::StatusChecked(_))
            | Edit::SetArticle(_, ArticleField::AsOf(_) | ArticleField::Suggestions(_))
            | Edit::SetThread(_, ThreadField::Status(_) | ThreadField::Anchors(_))
            | Edit::SetPrediction(
                _,
                PredictionField::Probability(_)
                | PredictionField::TakeBack
                | PredictionField::ResolveBy(_)
                | PredictionField::Outcome(..),
            )
            | Edit::SetSuggestion {
                field: SuggestionField::State(_),
                ..
            }
            | Edit::InsertShow { .. }
            | Edit::RemoveShow(_)
            | Edit::InsertArticle { .. }
            | Edit::RemoveArticle(_)
            | Edit::MoveArticle { .. }
            | Edit::InsertThread { .. }
            | Edit::RemoveThread(_)
            | Edit::MoveThread { .. }
            | Edit::InsertPrediction { .. }
            | Edit::RemovePrediction(_)
            | Edit::InsertEvent { .. }
            | Edit::RemoveEvent { .. }
            | Edit::Batch(_)
            | Edit::Replace(_) => None,
        }
    }

    /// Roughly how many bytes of memory the edit holds beyond its own size, to bound the
    /// history: the buffers of its strings and vectors, spare capacity included (a library
    /// read from a file or built by a merge has vectors grown by pushing), and the items they
    /// hold. Article bodies are shared with the library (see [`super::Article::body`]) and
    /// not counted.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Edit::InsertShow { show, .. } => size_of::<Show>() + show_bytes(show),
            Edit::InsertArticle { entry, .. } => size_of::<ArticleEntry>() + entry_bytes(entry),
            Edit::InsertThread { thread, .. } => size_of::<Thread>() + thread_bytes(thread),
            Edit::InsertPrediction { prediction, .. } => prediction.statement.capacity(),
            Edit::InsertEvent { event, .. } => event.title.capacity(),
            Edit::SetShow(_, field) => match field {
                ShowField::Title(text) | ShowField::Note(text) => text.capacity(),
                ShowField::OriginalTitle(text) => optional_bytes(text),
                ShowField::Status(_) | ShowField::StatusChecked(_) => 0,
            },
            Edit::SetArticle(_, field) => match field {
                ArticleField::Note(text) => text.capacity(),
                ArticleField::Suggestions(list) => list.as_ref().map_or(0, suggestions_bytes),
                ArticleField::AsOf(_) => 0,
            },
            Edit::SetSuggestion { field, .. } => match field {
                SuggestionField::Title(text) => text.capacity(),
                SuggestionField::State(_) => 0,
            },
            Edit::SetThread(_, field) => match field {
                ThreadField::Title(text) | ThreadField::Note(text) => text.capacity(),
                ThreadField::Anchors(anchors) => anchors_bytes(anchors),
                ThreadField::Status(_) => 0,
            },
            Edit::SetPrediction(_, field) => match field {
                PredictionField::Statement(text) => text.capacity(),
                PredictionField::Probability(_)
                | PredictionField::TakeBack
                | PredictionField::ResolveBy(_)
                | PredictionField::Outcome(..) => 0,
            },
            Edit::Batch(edits) => vec_bytes(edits, Edit::heap_bytes),
            Edit::Replace(library) => size_of::<Library>() + vec_bytes(&library.shows, show_bytes),
            Edit::RemoveShow(_)
            | Edit::RemoveArticle(_)
            | Edit::MoveArticle { .. }
            | Edit::RemoveThread(_)
            | Edit::MoveThread { .. }
            | Edit::RemovePrediction(_)
            | Edit::RemoveEvent { .. } => 0,
        }
    }
}

/// A text field typed into letter by letter, named by its item (see [`Edit::typing_field`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypingField {
    /// A show's title.
    ShowTitle(ShowId),
    /// A show's original-language title.
    ShowOriginalTitle(ShowId),
    /// A show's note.
    ShowNote(ShowId),
    /// An article's note.
    ArticleNote(ArticleId),
    /// A thread's note.
    ThreadNote(ThreadId),
    /// A thread's title.
    ThreadTitle(ThreadId),
    /// A prediction's statement.
    PredictionStatement(PredictionId),
    /// The title of an article's suggestion (by index).
    SuggestionTitle(ArticleId, usize),
}

impl ShowField {
    fn swap(self, show: &mut Show) -> Self {
        match self {
            ShowField::Title(v) => ShowField::Title(std::mem::replace(&mut show.title, v)),
            ShowField::OriginalTitle(v) => {
                ShowField::OriginalTitle(std::mem::replace(&mut show.original_title, v))
            }
            ShowField::Status(v) => ShowField::Status(std::mem::replace(&mut show.status, v)),
            ShowField::StatusChecked(v) => {
                ShowField::StatusChecked(std::mem::replace(&mut show.status_checked, v))
            }
            ShowField::Note(v) => ShowField::Note(std::mem::replace(&mut show.note, v)),
        }
    }
}

impl ArticleField {
    fn swap(self, entry: &mut ArticleEntry) -> Self {
        match self {
            ArticleField::AsOf(v) => {
                ArticleField::AsOf(std::mem::replace(&mut entry.article.as_of, v))
            }
            ArticleField::Note(v) => ArticleField::Note(std::mem::replace(&mut entry.note, v)),
            ArticleField::Suggestions(v) => {
                ArticleField::Suggestions(std::mem::replace(&mut entry.suggestions, v))
            }
        }
    }
}

impl SuggestionField {
    fn swap(self, suggestion: &mut SavedSuggestion) -> Self {
        match self {
            SuggestionField::Title(v) => {
                SuggestionField::Title(std::mem::replace(&mut suggestion.title, v))
            }
            SuggestionField::State(v) => {
                SuggestionField::State(std::mem::replace(&mut suggestion.state, v))
            }
        }
    }
}

impl ThreadField {
    fn swap(self, thread: &mut Thread) -> Self {
        match self {
            ThreadField::Title(v) => ThreadField::Title(std::mem::replace(&mut thread.title, v)),
            ThreadField::Status(v) => ThreadField::Status(std::mem::replace(&mut thread.status, v)),
            ThreadField::Note(v) => ThreadField::Note(std::mem::replace(&mut thread.note, v)),
            ThreadField::Anchors(v) => {
                ThreadField::Anchors(std::mem::replace(&mut thread.anchors, v))
            }
        }
    }
}

impl PredictionField {
    fn swap(self, prediction: &mut Prediction) -> Result<Self, LibraryError> {
        let locked = LibraryError::PredictionLocked(prediction.id);
        Ok(match self {
            PredictionField::Statement(v) => {
                PredictionField::Statement(std::mem::replace(&mut prediction.statement, v))
            }
            PredictionField::Probability(_) | PredictionField::TakeBack
                if prediction.is_locked() =>
            {
                return Err(locked);
            }
            PredictionField::Probability(given) => {
                let old = std::mem::replace(&mut prediction.current, given);
                prediction.earlier.push(old);
                PredictionField::TakeBack
            }
            PredictionField::TakeBack => {
                let before = prediction
                    .earlier
                    .pop()
                    .ok_or(LibraryError::NothingToTakeBack(prediction.id))?;
                PredictionField::Probability(std::mem::replace(&mut prediction.current, before))
            }
            PredictionField::ResolveBy(v) => {
                PredictionField::ResolveBy(std::mem::replace(&mut prediction.resolve_by, v))
            }
            PredictionField::Outcome(outcome, _)
                if prediction.is_locked() && outcome != Outcome::Pending =>
            {
                return Err(locked);
            }
            PredictionField::Outcome(outcome, on) => {
                let on = if outcome == Outcome::Pending {
                    None
                } else {
                    on
                };
                PredictionField::Outcome(
                    std::mem::replace(&mut prediction.outcome, outcome),
                    std::mem::replace(&mut prediction.resolved_on, on),
                )
            }
        })
    }
}

/// The show an article is in and its index there.
fn article_place(library: &Library, id: ArticleId) -> Result<(ShowId, usize), LibraryError> {
    library
        .shows
        .iter()
        .find_map(|s| Some((s.id, s.articles.iter().position(|a| a.id == id)?)))
        .ok_or(LibraryError::NoSuchArticle(id))
}

/// The show a thread is in and its index there.
fn thread_place(library: &Library, id: ThreadId) -> Result<(ShowId, usize), LibraryError> {
    library
        .shows
        .iter()
        .find_map(|s| Some((s.id, s.threads.iter().position(|t| t.id == id)?)))
        .ok_or(LibraryError::NoSuchThread(id))
}

/// Heap bytes of a vector: its buffer (spare capacity included) and what each item owns.
fn vec_bytes<T>(items: &Vec<T>, owned: impl Fn(&T) -> usize) -> usize {
    items.capacity() * size_of::<T>() + items.iter().map(owned).sum::<usize>()
}

fn optional_bytes(text: &Option<String>) -> usize {
    text.as_ref().map_or(0, String::capacity)
}

/// Heap bytes a show owns (not counting the show itself).
fn show_bytes(show: &Show) -> usize {
    show.title.capacity()
        + optional_bytes(&show.original_title)
        + show.note.capacity()
        + vec_bytes(&show.articles, entry_bytes)
        + vec_bytes(&show.threads, thread_bytes)
        + vec_bytes(&show.events, |e| e.title.capacity())
}

fn entry_bytes(entry: &ArticleEntry) -> usize {
    let article = &entry.article;
    article.title.capacity()
        + entry.note.capacity()
        + optional_bytes(&article.source_path)
        + optional_bytes(&article.source_url)
        + entry.suggestions.as_ref().map_or(0, suggestions_bytes)
}

fn suggestions_bytes(suggestions: &Vec<SavedSuggestion>) -> usize {
    vec_bytes(suggestions, |s| {
        s.title.capacity() + anchors_bytes(&s.passages)
    })
}

fn anchors_bytes(anchors: &Vec<Anchor>) -> usize {
    vec_bytes(anchors, |a| a.quote.capacity())
}

fn thread_bytes(thread: &Thread) -> usize {
    thread.title.capacity()
        + thread.note.capacity()
        + anchors_bytes(&thread.anchors)
        + vec_bytes(&thread.predictions, |p| p.statement.capacity())
}

/// The edit that sets a thread's status and records the change, dated `today`, in its show's
/// timeline.
///
/// # Errors
/// [`LibraryError::NoSuchThread`] when the thread is not in the library.
pub fn set_thread_status(
    library: &Library,
    thread: ThreadId,
    status: ThreadStatus,
    today: Date,
) -> Result<Edit, LibraryError> {
    let (show, found) = library.thread(thread)?;
    Ok(Edit::Batch(vec![
        Edit::SetThread(thread, ThreadField::Status(status)),
        Edit::InsertEvent {
            show: show.id,
            index: show.events.len(),
            event: ThreadEvent {
                date: today,
                thread,
                title: found.title.clone(),
                status,
            },
        },
    ]))
}

/// The edit that adds `thread` at the end of a show's checklist and records its opening,
/// dated `today`, in the show's timeline.
///
/// # Errors
/// [`LibraryError::NoSuchShow`] when the show is not in the library.
pub fn add_thread(
    library: &Library,
    show: ShowId,
    thread: Thread,
    today: Date,
) -> Result<Edit, LibraryError> {
    let found = library.show(show)?;
    Ok(Edit::Batch(vec![
        Edit::InsertEvent {
            show,
            index: found.events.len(),
            event: ThreadEvent {
                date: today,
                thread: thread.id,
                title: thread.title.clone(),
                status: ThreadStatus::Open,
            },
        },
        Edit::InsertThread {
            show,
            index: found.threads.len(),
            thread: Box::new(thread),
        },
    ]))
}

/// The edit that removes an article and every anchor into it (from threads of any show), so
/// no thread points at an article that is gone; undoing it puts both back.
///
/// # Errors
/// [`LibraryError::NoSuchArticle`] when the article is not in the library.
pub fn remove_article(library: &Library, article: ArticleId) -> Result<Edit, LibraryError> {
    library.article(article)?;
    let mut edits = strip_anchors(library, &[article]);
    edits.push(Edit::RemoveArticle(article));
    Ok(Edit::Batch(edits))
}

/// The edit that removes a show with everything in it, and every anchor from another show's
/// threads into its articles.
///
/// # Errors
/// [`LibraryError::NoSuchShow`] when the show is not in the library.
pub fn remove_show(library: &Library, show: ShowId) -> Result<Edit, LibraryError> {
    let found = library.show(show)?;
    let articles: Vec<ArticleId> = found.articles.iter().map(|a| a.id).collect();
    let mut edits = strip_anchors(library, &articles);
    edits.retain(|e| !matches!(e, Edit::SetThread(id, _) if found.thread(*id).is_ok()));
    edits.push(Edit::RemoveShow(show));
    Ok(Edit::Batch(edits))
}

/// Edits that drop the anchors into `articles` from every thread that has some.
fn strip_anchors(library: &Library, articles: &[ArticleId]) -> Vec<Edit> {
    library
        .threads()
        .filter(|t| t.anchors.iter().any(|a| articles.contains(&a.article)))
        .map(|t| {
            let kept = t
                .anchors
                .iter()
                .filter(|a| !articles.contains(&a.article))
                .cloned()
                .collect();
            Edit::SetThread(t.id, ThreadField::Anchors(kept))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        jiff::civil::date(2026, 11, 29)
    }

    #[test]
    fn a_tick_and_its_timeline_event_are_undone_together() {
        let mut library = Library::default();
        let start = library.clone();
        let thread = library.shows[0].threads[0].id;
        let edit = set_thread_status(&library, thread, ThreadStatus::Resolved, today()).unwrap();
        let undo = edit.clone().apply(&mut library).unwrap();
        assert_eq!(
            library.thread(thread).unwrap().1.status,
            ThreadStatus::Resolved
        );
        assert_eq!(library.shows[0].events.len(), 1);
        let redo = undo.apply(&mut library).unwrap();
        assert_eq!(library, start);
        assert_eq!(redo, edit);
    }

    #[test]
    fn a_failing_batch_leaves_the_library_unchanged() {
        let mut library = Library::default();
        let start = library.clone();
        let thread = library.shows[0].threads[0].id;
        let batch = Edit::Batch(vec![
            Edit::SetThread(thread, ThreadField::Note("kept?".into())),
            Edit::RemoveThread(ThreadId(999)),
        ]);
        assert_eq!(
            batch.apply(&mut library),
            Err(LibraryError::NoSuchThread(ThreadId(999)))
        );
        assert_eq!(library, start);
    }

    #[test]
    fn removing_an_article_drops_anchors_into_it_and_undo_puts_them_back() {
        let mut library = Library::default();
        let start = library.clone();
        let article = library.shows[0].articles[0].id;
        let undo = remove_article(&library, article)
            .unwrap()
            .apply(&mut library)
            .unwrap();
        assert!(library.shows[0].articles.is_empty());
        assert!(library.threads().all(|t| t.anchors.is_empty()));
        undo.apply(&mut library).unwrap();
        assert_eq!(library, start);
    }

    #[test]
    fn moving_an_article_to_another_show_and_back() {
        let mut library = Library::default();
        let other = ShowId(library.allocate_id());
        Edit::InsertShow {
            index: 1,
            show: Box::new(Show::new(other, "Another show")),
        }
        .apply(&mut library)
        .unwrap();
        let start = library.clone();
        let article = library.shows[0].articles[0].id;
        let undo = Edit::MoveArticle {
            article,
            to: other,
            index: 0,
        }
        .apply(&mut library)
        .unwrap();
        assert_eq!(library.article(article).unwrap().0.id, other);
        undo.apply(&mut library).unwrap();
        assert_eq!(library, start);
    }

    #[test]
    fn a_step_counts_the_memory_its_vectors_hold_spare_capacity_included() {
        // Clones have vectors exactly as long as their items.
        let library = Library::default().clone();
        let mut grown = library.clone();
        for thread in &mut grown.shows[0].threads {
            thread.anchors.reserve(1_000);
        }
        let exact = Edit::Replace(Box::new(library)).heap_bytes();
        let spare = 4 * 1_000 * size_of::<Anchor>();
        let counted = Edit::Replace(Box::new(grown)).heap_bytes();
        assert!(counted >= exact + spare, "{counted} < {exact} + {spare}");
        let thread = Thread::new(ThreadId(1), "t", None);
        let insert = Edit::InsertThread {
            show: ShowId(1),
            index: 0,
            thread: Box::new(thread),
        };
        assert!(insert.heap_bytes() >= size_of::<Thread>());
    }
}
