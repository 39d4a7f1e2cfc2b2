//! Turning a [`Change`] the fan asked for into the model [`Edit`] that makes it, with the name
//! the Edit menu gives it. New items get their ids here (the id counter is not part of undo:
//! ids are never reused).

use std::sync::Arc;

use jiff::civil::Date;

use super::Change;
use crate::model::{
    Anchor, ArticleEntry, ArticleField, ArticleId, Document, Edit, Given, Library, LibraryError,
    Prediction, PredictionField, PredictionId, Show, ShowField, ShowId, SuggestionField,
    SuggestionState, Thread, ThreadField, ThreadId, add_thread, guess_show_title, quoted,
    remove_article, remove_show, set_thread_status,
};

/// Where the fan is: the show and article on screen (parsed), and today's date.
#[derive(Clone, Debug)]
pub struct Place {
    /// The show on screen.
    pub show: Option<ShowId>,
    /// The article on screen.
    pub article: Option<ArticleId>,
    /// Today, for timeline entries and status checks.
    pub today: Date,
    /// The open article, parsed.
    pub document: Option<Arc<Document>>,
}

/// The edit that makes `change` and its label, or `None` when there is nothing to do (an
/// empty title, a suggestion already added).
///
/// # Errors
/// [`LibraryError`] when the change names an item that is not in the library.
pub fn edit_for(
    change: Change,
    library: &mut Library,
    place: Place,
) -> Result<Option<(Edit, String)>, LibraryError> {
    let edit = match change {
        Change::DeleteArticle(id) => {
            let (show, entry) = library.article(id)?;
            let emptied = left_empty(show).then_some(show.id);
            let label = format!("delete article {}", quoted(&entry.article.title));
            let mut edit = remove_article(library, id)?;
            if let (Some(show), Edit::Batch(edits)) = (emptied, &mut edit) {
                edits.push(Edit::RemoveShow(show));
            }
            return Ok(Some((edit, label)));
        }
        Change::DeleteShow(id) => remove_show(library, id)?,
        Change::MoveArticle(article, to) => {
            // The open article's document is at hand; without it a new show is named from the
            // article's title (the app parses first, see `App::move_to_new_show`).
            let document = place.document.filter(|_| place.article == Some(article));
            return move_article(library, article, to, document);
        }
        Change::SetShowTitle(id, title) => {
            let title = title.trim();
            if title.is_empty() {
                return Ok(None);
            }
            Edit::SetShow(id, ShowField::Title(title.to_owned()))
        }
        Change::SetShowOriginalTitle(id, title) => {
            let title = title.trim();
            let title = (!title.is_empty()).then(|| title.to_owned());
            Edit::SetShow(id, ShowField::OriginalTitle(title))
        }
        Change::SetShowStatus(id, status) => Edit::Batch(vec![
            Edit::SetShow(id, ShowField::StatusChecked(Some(place.today))),
            Edit::SetShow(id, ShowField::Status(status)),
        ]),
        Change::SetShowNote(id, note) => Edit::SetShow(id, ShowField::Note(note)),
        Change::AddThread { title, anchor } => {
            let Some(show) = place.show else {
                return Ok(None);
            };
            library.show(show)?;
            let title = thread_title(&title, anchor.as_ref());
            let thread = Thread::new(ThreadId(library.allocate_id()), title, anchor);
            add_thread(library, show, thread, place.today)?
        }
        Change::RenameThread(id, title) => {
            let title = title.trim();
            if title.is_empty() {
                return Ok(None);
            }
            Edit::SetThread(id, ThreadField::Title(title.to_owned()))
        }
        Change::SetThreadStatus(id, status) => set_thread_status(library, id, status, place.today)?,
        Change::MoveThread(thread, to) => Edit::MoveThread { thread, to },
        Change::DeleteThread(id) => Edit::RemoveThread(id),
        Change::AddPassage(id, anchor) => {
            let mut anchors = library.thread(id)?.1.anchors.clone();
            if anchors.contains(&anchor) {
                return Ok(None);
            }
            anchors.push(anchor);
            Edit::SetThread(id, ThreadField::Anchors(anchors))
        }
        Change::RemovePassage(id, index) => {
            let mut anchors = library.thread(id)?.1.anchors.clone();
            if index >= anchors.len() {
                return Ok(None);
            }
            anchors.remove(index);
            Edit::SetThread(id, ThreadField::Anchors(anchors))
        }
        Change::SetThreadNote(id, note) => Edit::SetThread(id, ThreadField::Note(note)),
        Change::SetArticleNote(id, note) => Edit::SetArticle(id, ArticleField::Note(note)),
        Change::AddPrediction {
            thread,
            statement,
            probability,
            resolve_by,
        } => {
            let index = library.thread(thread)?.1.predictions.len();
            let id = PredictionId(library.allocate_id());
            let mut prediction =
                Prediction::made(id, statement.trim(), probability, Some(place.today));
            prediction.resolve_by = resolve_by;
            Edit::InsertPrediction {
                thread,
                index,
                prediction,
            }
        }
        Change::SetPredictionStatement(id, text) => {
            Edit::SetPrediction(id, PredictionField::Statement(text))
        }
        Change::SetPredictionProbability(id, probability) => Edit::SetPrediction(
            id,
            PredictionField::Probability(Given {
                probability,
                on: Some(place.today),
            }),
        ),
        Change::SetPredictionResolveBy(id, date) => {
            Edit::SetPrediction(id, PredictionField::ResolveBy(date))
        }
        Change::SetPredictionOutcome(id, outcome) => {
            Edit::SetPrediction(id, PredictionField::Outcome(outcome, Some(place.today)))
        }
        Change::DeletePrediction(id) => Edit::RemovePrediction(id),
        Change::AddSuggestions(indices) => return add_suggestions(library, place, &indices),
        Change::DismissSuggestion(index) => {
            let Some(article) = place.article else {
                return Ok(None);
            };
            Edit::SetSuggestion {
                article,
                index,
                field: SuggestionField::State(SuggestionState::Dismissed),
            }
        }
        Change::SetSuggestionTitle(index, title) => {
            let Some(article) = place.article else {
                return Ok(None);
            };
            Edit::SetSuggestion {
                article,
                index,
                field: SuggestionField::Title(title.replace(['\n', '\r'], " ")),
            }
        }
        Change::SetAsOf(id, date) => Edit::SetArticle(id, ArticleField::AsOf(date)),
    };
    let label = edit.label(library);
    Ok(Some((edit, label)))
}

/// A new thread's title: the one typed, else a question made from the passage by the
/// suggester's title generator, else the passage's quote, else "New thread".
fn thread_title(title: &str, anchor: Option<&Anchor>) -> String {
    match title.trim() {
        "" => anchor
            .map(|a| {
                crate::model::suggest::title_for_passage(&a.quote)
                    .unwrap_or_else(|| a.quote.trim().to_owned())
            })
            .filter(|q| !q.is_empty())
            .unwrap_or_else(|| "New thread".into()),
        title => title.to_owned(),
    }
}

/// Whether `show` has nothing of the fan's but its one article (no thread, no note), so it
/// goes when that article goes: a show made for an article by mistake does not linger.
fn left_empty(show: &Show) -> bool {
    show.articles.len() == 1 && show.threads.is_empty() && show.note.trim().is_empty()
}

/// Moves `article` to show `to`, or to a new show named by [`guess_show_title`] (`document`
/// is the article parsed; without it the new show takes the article's title: nothing is
/// parsed here); the show it leaves is removed when nothing is left in it (see
/// [`left_empty`]).
///
/// # Errors
/// [`LibraryError`] when the article or show `to` is not in the library.
pub(super) fn move_article(
    library: &mut Library,
    article: ArticleId,
    to: Option<ShowId>,
    document: Option<Arc<Document>>,
) -> Result<Option<(Edit, String)>, LibraryError> {
    let (from, entry) = library.article(article)?;
    if to == Some(from.id) {
        return Ok(None);
    }
    let title = entry.article.title.clone();
    let show_title = to.is_none().then(|| match document {
        Some(document) => guess_show_title(&entry.article, &document),
        None => entry.article.title.trim().to_owned(),
    });
    let left_empty = left_empty(from);
    let from_id = from.id;
    let mut edits = Vec::new();
    let (to, label) = match to {
        Some(to) => {
            let name = quoted(&library.show(to)?.title);
            (to, format!("move {} to {name}", quoted(&title)))
        }
        None => {
            let id = ShowId(library.allocate_id());
            let name = show_title.unwrap_or_else(|| title.clone());
            edits.push(Edit::InsertShow {
                index: library.shows.len(),
                show: Box::new(Show::new(id, name)),
            });
            (id, format!("move {} to a new show", quoted(&title)))
        }
    };
    edits.push(Edit::MoveArticle {
        article,
        to,
        index: usize::MAX,
    });
    if left_empty {
        edits.push(Edit::RemoveShow(from_id));
    }
    Ok(Some((Edit::Batch(edits), label)))
}

/// Adds the open article's suggestions at `indices`: each still offered becomes a thread on
/// its best passage, or a passage of the show's thread that asks the same question (see
/// [`crate::model::offered_suggestions`]); each is marked added. One step in the history.
fn add_suggestions(
    library: &mut Library,
    place: Place,
    indices: &[usize],
) -> Result<Option<(Edit, String)>, LibraryError> {
    let (Some(show_id), Some(article), Some(document)) =
        (place.show, place.article, &place.document)
    else {
        return Ok(None);
    };
    let (show, entry) = library.article(article)?;
    let offers = crate::model::offered_suggestions(show, entry, document);
    let suggestions = entry.suggestions.clone().unwrap_or_default();
    let mut edits = Vec::new();
    let mut titles = Vec::new();
    // Passages added to one thread by several suggestions in this batch pile up.
    let mut grown: Vec<(ThreadId, Vec<Anchor>)> = Vec::new();
    for &index in indices {
        let suggestion = suggestions
            .get(index)
            .ok_or(LibraryError::NoSuchSuggestion(index))?;
        if suggestion.state != SuggestionState::Offered {
            continue;
        }
        edits.push(Edit::SetSuggestion {
            article,
            index,
            field: SuggestionField::State(SuggestionState::Added),
        });
        let anchor = suggestion.best_passage().cloned();
        let joins = offers
            .iter()
            .find(|o| o.index == index)
            .and_then(|o| o.joins);
        match (joins, anchor) {
            (Some(thread), Some(anchor)) => {
                let slot = match grown.iter().position(|(t, _)| *t == thread) {
                    Some(slot) => slot,
                    None => {
                        grown.push((thread, library.thread(thread)?.1.anchors.clone()));
                        grown.len() - 1
                    }
                };
                if !grown[slot].1.contains(&anchor) {
                    grown[slot].1.push(anchor);
                }
            }
            // A thread of the show is already on this very passage: nothing to add.
            (None, Some(anchor))
                if library.show(show_id)?.threads.iter().any(|t| {
                    t.anchors
                        .iter()
                        .any(|a| a.article == anchor.article && a.quote == anchor.quote)
                }) => {}
            (_, anchor) => {
                let title = thread_title(&suggestion.title, anchor.as_ref());
                titles.push(title.clone());
                let thread = Thread::new(ThreadId(library.allocate_id()), title, anchor);
                let mut adding = add_thread(library, show_id, thread, place.today)?;
                // Threads added in one batch go in order after one another.
                if let Edit::Batch(parts) = &mut adding {
                    for part in parts.iter_mut() {
                        if let Edit::InsertThread { index, .. } | Edit::InsertEvent { index, .. } =
                            part
                        {
                            *index = usize::MAX;
                        }
                    }
                }
                edits.push(adding);
            }
        }
    }
    let joined = grown.len();
    edits.extend(
        grown
            .into_iter()
            .map(|(thread, anchors)| Edit::SetThread(thread, ThreadField::Anchors(anchors))),
    );
    if edits.is_empty() {
        return Ok(None);
    }
    let label = match (titles.as_slice(), joined) {
        ([title], 0) => format!("add thread {}", quoted(title)),
        ([], 1) => "add a suggested passage".to_owned(),
        _ => format!("add {} suggestions", indices.len()),
    };
    Ok(Some((Edit::Batch(edits), label)))
}

/// The edit that files a newly imported `article` under show `show` (or a new show named
/// `new_show_title` when `None`), with the label "import '…'".
pub fn import_edit(
    library: &mut Library,
    entry: ArticleEntry,
    show: Option<ShowId>,
    new_show_title: &str,
) -> Result<(Edit, String, ShowId), LibraryError> {
    let label = format!("import {}", quoted(&entry.article.title));
    match show {
        Some(show) => {
            library.show(show)?;
            let edit = Edit::InsertArticle {
                show,
                index: usize::MAX,
                entry: Box::new(entry),
            };
            Ok((edit, label, show))
        }
        None => {
            let id = ShowId(library.allocate_id());
            let mut new = Show::new(id, new_show_title);
            new.articles.push(entry);
            let edit = Edit::InsertShow {
                index: library.shows.len(),
                show: Box::new(new),
            };
            Ok((edit, label, id))
        }
    }
}
