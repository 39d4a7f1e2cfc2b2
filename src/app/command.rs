//! Everything the UI can ask of the app. Panels push commands while drawing; the app applies
//! them after the frame is drawn, then schedules a save.
//!
//! A [`Command::Change`] changes saved data: the app turns its [`Change`] into a model
//! [`crate::model::Edit`] (undoable, refused as a whole in a read-only window). Every other
//! command only moves the view, reads or writes files outside the library, or walks the
//! history.
//!
//! The last commands are not the fan's: they bring back what a job run off the UI thread
//! found (see [`super::Effect`]); the UI never pushes them.

use std::path::PathBuf;

use jiff::civil::Date;

use super::dialogs::DialogKind;
use super::effect::{ExportDone, MarkdownDone, MergeDone, ParsedArticle};
use super::importer::ImportDone;
use super::jobs::Finished;
use super::saver::SaveReport;
use super::suggester::SuggestResult;
use crate::model::{
    Anchor, ArticleId, Library, Outcome, PredictionId, Probability, ShowId, ShowStatus, ThreadId,
    ThreadStatus,
};
use crate::storage::{OpenedStore, StorageError};

/// One thing the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show a show (its latest article, or the first when none is dated).
    OpenShow(ShowId),
    /// Show an article (and its show).
    OpenArticle(ArticleId),
    /// Import (or reopen) an article file.
    ImportFile(PathBuf),
    /// Show the system's file picker, then import the chosen file.
    PickFile,
    /// Ask where to export every prediction as CSV, and write it there (issue 19).
    ExportPredictionsCsv,
    /// Write every prediction to this file as CSV (on a job), then say so.
    WritePredictionsCsv(PathBuf),
    /// A CSV export finished: what was written, or why not, in words.
    PredictionsCsvWritten(String),
    /// Ask for a folder, then export every show there as a Markdown note (issue 20).
    PickMarkdownFolder,
    /// Write every show as a Markdown note into this folder (on a job); when notes of the
    /// same names are there and `replace` is false, nothing is written and the fan is asked.
    ExportMarkdown {
        /// The folder (made when missing).
        dir: PathBuf,
        /// Replace notes already there.
        replace: bool,
    },
    /// Make an article from pasted text.
    ImportText(String),
    /// Select a thread (and scroll the article to its passage), or clear the selection.
    SelectThread(Option<ThreadId>),
    /// Scroll to a passage (opening its article if another one is open) and highlight it, or
    /// stop highlighting one.
    ShowPassage(Option<Anchor>),
    /// Go to a search hit (see [`crate::model::search::Hit`]): the article scrolls to it and
    /// highlights it, a thread's text selects the thread, a title or note opens its show or
    /// article.
    GoToHit(crate::model::search::Hit),
    /// Step to the next (`true`) or previous hit of the search in the article on screen.
    StepHit(bool),
    /// Take back the last change.
    Undo,
    /// Do again the last change taken back.
    Redo,
    /// Open the "Restore a backup" window, listing the backups in the data folder (or saying
    /// why they could not be listed).
    ListBackups,
    /// In a read-only window whose writer has closed: take over the data folder (the library
    /// is read again first; what is typed in open fields is kept).
    TakeOver,
    /// Replace the library with a backup (the current one is backed up first; undoable).
    RestoreBackup(PathBuf),
    /// Hide a message shown at the top of the window.
    DismissNotice(usize),
    /// Hide the line under the article's title that says which show it was filed under.
    KeepFiling,
    /// Make this folder the data folder and save the library there (when the data folder
    /// cannot be used or saving fails).
    SaveToFolder(PathBuf),
    /// Write the library to this file in the `library.json` format.
    ExportLibrary(PathBuf),
    /// Ask the system's dialog for a folder, then [`Command::SaveToFolder`].
    PickFolderToSave,
    /// Ask the system's dialog for a file name, then [`Command::ExportLibrary`].
    PickExportFile,
    /// Ask the system's dialog for a backup, then [`Command::ImportBackup`].
    PickImportBackup,
    /// Merge a backup (any library file) into the library item by item, on a job; one
    /// undoable step (issue 20, item 5).
    ImportBackup(PathBuf),
    /// Change saved data (undoable).
    Change(Change),
    /// A file dialog could not be shown: the system has none.
    NoDialog(DialogKind),
    /// An article was read and imported (or could not be).
    Imported(Finished<ImportDone>),
    /// An article was parsed.
    Parsed(Finished<ParsedArticle>),
    /// An article's open questions were suggested.
    Suggested(Finished<SuggestResult>),
    /// The backups were listed (or could not be).
    BackupsListed(Finished<Result<Vec<super::ListedBackup>, StorageError>>),
    /// A backup to restore was read (or could not be).
    BackupRead(Finished<(PathBuf, Result<Library, StorageError>)>),
    /// The library was exported to a file (or could not be).
    Exported(Finished<ExportDone>),
    /// The Markdown notes were written (or could not be, or some are already there).
    MarkdownExported(Finished<MarkdownDone>),
    /// Another folder was opened to become the data folder (or could not be).
    FolderOpened(Finished<(PathBuf, Result<OpenedStore, StorageError>)>),
    /// The saver finished a save (or found the file changed by another program).
    Saved(Finished<SaveReport>),
    /// A change another program made was merged into ours.
    Merged(Finished<MergeDone>),
    /// An article was parsed to name the new show it moves to (see
    /// [`Change::MoveArticle`]); the move is made now.
    ParsedToMove(Finished<ParsedArticle>),
    /// The files notices name were looked for: those found gone.
    FilesChecked(Vec<PathBuf>),
    /// The writer lock of a read-only window's data folder was tried: whether it is free.
    LockChecked(bool),
    /// The data folder was opened again to take it over (or could not be).
    TookOver(Finished<Result<OpenedStore, StorageError>>),
    /// A library from elsewhere (a backup, sync tools' conflict copies) was read and merged
    /// into ours (or could not be read).
    MergedIn(Finished<super::merge_in::MergeInDone>),
    /// Merged conflict copies were moved into `conflicts-merged/`: each file, and where it
    /// went (with the list of what differed, if written) or why it could not be moved.
    ConflictCopiesMoved(Vec<super::merge_in::CopyMoved>),
    /// Find's index of the library was built.
    SearchIndexed(Finished<crate::model::search::SearchIndex>),
    /// A search finished.
    Searched(Finished<crate::model::search::Found>),
    /// A job of this kind stopped with a panic (a fault in Fan Tracker); it worked on what is
    /// named. Only that kind's work in flight is forgotten.
    JobFault(super::JobKind, String),
}

/// A change to saved data, as the fan asked for it. Those that act on "the open article" act
/// on the article on screen when the command is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Remove an article from its show (its passages are dropped from threads); a show left
    /// with nothing in it is removed too.
    DeleteArticle(ArticleId),
    /// Remove a show with its articles and threads.
    DeleteShow(ShowId),
    /// Move an article to another show, or to a new show of its own (`None`). A show left
    /// with nothing in it is removed.
    MoveArticle(ArticleId, Option<ShowId>),
    /// Rename a show.
    SetShowTitle(ShowId, String),
    /// Set a show's original-language title (empty for none).
    SetShowOriginalTitle(ShowId, String),
    /// Set a show's status; the date it was checked becomes today.
    SetShowStatus(ShowId, ShowStatus),
    /// Replace the note on a show.
    SetShowNote(ShowId, String),
    /// Add a thread to the open show.
    AddThread {
        /// The question.
        title: String,
        /// The passage that raises it, if any.
        anchor: Option<Anchor>,
    },
    /// Rename a thread.
    RenameThread(ThreadId, String),
    /// Set a thread's status (recorded, dated today, in the show's timeline).
    SetThreadStatus(ThreadId, ThreadStatus),
    /// Move a thread to a position in the checklist.
    MoveThread(ThreadId, usize),
    /// Delete a thread.
    DeleteThread(ThreadId),
    /// Add a passage to a thread.
    AddPassage(ThreadId, Anchor),
    /// Remove a thread's passage (by index in its passages).
    RemovePassage(ThreadId, usize),
    /// Replace a thread's note.
    SetThreadNote(ThreadId, String),
    /// Replace the note on an article.
    SetArticleNote(ArticleId, String),
    /// Add a prediction to a thread.
    AddPrediction {
        /// The thread.
        thread: ThreadId,
        /// What is predicted.
        statement: String,
        /// The probability given.
        probability: Probability,
        /// When it should be known.
        resolve_by: Option<Date>,
    },
    /// Change a prediction's statement.
    SetPredictionStatement(PredictionId, String),
    /// Give a prediction a new probability (dated today; refused once it has an outcome).
    SetPredictionProbability(PredictionId, Probability),
    /// Change a prediction's resolve-by date.
    SetPredictionResolveBy(PredictionId, Option<Date>),
    /// Set how a prediction turned out (dated today); once set, only pending (undoing it) is
    /// accepted.
    SetPredictionOutcome(PredictionId, Outcome),
    /// Delete a prediction.
    DeletePrediction(PredictionId),
    /// Add suggestions of the open article (indices into its saved suggestions, in order):
    /// each becomes an open thread anchored to its best passage, or, when the show already
    /// has a thread asking the same question, a new passage of that thread.
    AddSuggestions(Vec<usize>),
    /// Dismiss a suggestion of the open article: it is never offered again for it.
    DismissSuggestion(usize),
    /// Change the title of a suggestion of the open article before it is added.
    SetSuggestionTitle(usize, String),
    /// Set or clear an article's as-of date.
    SetAsOf(ArticleId, Option<Date>),
}
