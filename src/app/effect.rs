//! What applying a command asks to be done off the UI thread: [`super::App::apply`] returns
//! [`Effect`]s, the jobs runtime ([`super::jobs`]) runs each with [`Effect::run`], and the
//! command it returns comes back to the app (`Command::Imported`, `Command::Parsed`, …).

use std::path::PathBuf;
use std::sync::Arc;

use super::command::Command;
use super::dialogs::{self, DialogKind};
use super::error::ElsewhereError;
use super::importer::{self, ImportSource};
use super::jobs::{Finished, JobKind};
use super::saver::Saver;
use super::search::SearchKey;
use super::suggester::{SuggestResult, article_fingerprint};
use crate::model::{
    Article, ArticleId, Document, Library, Merged, merge_libraries, save_suggestions,
    search::SearchIndex, suggest::suggest_titled,
};
use crate::storage::{FileSystem as _, MarkdownError, RealFs, Store};

/// One piece of work to do off the UI thread.
#[derive(Debug)]
pub enum Effect {
    /// Show a file dialog; its answer becomes the command it leads to.
    Dialog(DialogKind),
    /// Read (a file) and import an article; `known` are the source keys already in the
    /// library (such a file is reopened, not read again).
    Import {
        /// What to import.
        source: ImportSource,
        /// The source keys already in the library.
        known: Vec<String>,
    },
    /// Parse an article (the open one) into a [`Document`].
    Parse {
        /// Which.
        id: ArticleId,
        /// The article (its body is shared, not copied).
        article: Article,
    },
    /// Parse an article to name the new show it moves to; then [`Command::ParsedToMove`].
    ParseToMove {
        /// Which.
        id: ArticleId,
        /// The article (its body is shared, not copied).
        article: Article,
    },
    /// Suggest an article's open questions.
    Suggest {
        /// Which.
        id: ArticleId,
        /// The article, to fingerprint.
        article: Article,
        /// The article, parsed.
        document: Arc<Document>,
    },
    /// List the backups in a data folder, newest first, and read the newest to preview them
    /// (see [`super::backup_preview`]).
    ListBackups {
        /// The data folder.
        dir: PathBuf,
        /// The library as it was when the fan asked, to compare each backup with (shared).
        current: Arc<Library>,
    },
    /// Read a backup to restore it.
    ReadBackup {
        /// The backup file.
        path: PathBuf,
    },
    /// Write the library out of the data folder: as one file in the `library.json` format, or
    /// as Markdown notes (see [`ExportWhat`]).
    Export {
        /// The library as it was when the fan asked (shared, not copied).
        library: Arc<Library>,
        /// The file, or the folder for Markdown notes.
        path: PathBuf,
        /// What is written.
        what: ExportWhat,
    },
    /// Write every prediction as CSV.
    PredictionsCsv {
        /// The library as it was when the fan asked (shared, not copied).
        library: Arc<Library>,
        /// The file.
        path: PathBuf,
    },
    /// Open a folder as the new data folder.
    OpenFolder {
        /// The folder.
        dir: PathBuf,
    },
    /// Let the saver of the data folder being left write what it still has, and stop it.
    CloseSaver(Saver),
    /// Merge a change another program made to the library file into ours.
    Merge(Box<MergeJob>),
    /// Look which of these files (named in notices) are gone.
    CheckFiles {
        /// The files.
        files: Vec<PathBuf>,
    },
    /// Try the writer lock of a data folder (a read-only window's), without keeping it.
    CheckLock {
        /// The data folder.
        dir: PathBuf,
    },
    /// Open the data folder again, to take it over.
    TakeOver {
        /// The data folder.
        dir: PathBuf,
    },
    /// Read a library from elsewhere (a backup, sync tools' conflict copies) and merge it
    /// into ours item by item.
    MergeIn(Box<super::merge_in::MergeInJob>),
    /// Move merged conflict copies into `conflicts-merged/`.
    MoveConflictCopies {
        /// The data folder.
        dir: PathBuf,
        /// The copies, each with its stamp when read and what differed in words (written
        /// beside it once moved).
        files: Vec<super::merge_in::MoveCopy>,
    },
    /// Build Find's index of the library (reusing the articles of the one before).
    BuildSearchIndex {
        /// The library as it is now (shared, not copied).
        library: Arc<Library>,
        /// The index built before, if any.
        previous: Option<Arc<SearchIndex>>,
        /// The edit generation `library` is.
        generation: u64,
    },
    /// Search the index.
    Search {
        /// The index.
        index: Arc<SearchIndex>,
        /// What is looked for.
        key: SearchKey,
    },
}

/// A merge to run: the versions, and what the app needs when it is done.
#[derive(Debug)]
pub struct MergeJob {
    /// The version this window last read or wrote.
    pub base: Library,
    /// Ours, as it was when the merge started.
    pub ours: Arc<Library>,
    /// The version now on disk.
    pub theirs: Library,
    /// Its bytes, kept as a conflict copy if the merge clashes.
    pub theirs_bytes: Vec<u8>,
    /// The backup holding the library the save was sent.
    pub backup: PathBuf,
    /// Where the other version was kept whole when it forked from ours (see
    /// [`crate::storage::Notice::Forked`]).
    pub fork_copy: Option<PathBuf>,
    /// The edit generation `ours` is.
    pub generation: u64,
}

/// A finished merge.
#[derive(Debug)]
pub struct MergeDone {
    /// What was merged (`ours` is the version it was merged from).
    pub job: MergeJob,
    /// The result.
    pub merged: Merged,
}

/// An article parsed off the UI thread.
#[derive(Debug)]
pub struct ParsedArticle {
    /// Which.
    pub id: ArticleId,
    /// The text it was parsed from.
    pub body: Arc<str>,
    /// The result.
    pub document: Arc<Document>,
}

/// What an [`Effect::Export`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    /// The library file, encoded in the current format, replaced atomically: a backup, or
    /// edits kept when the data folder cannot be used; then [`Command::Exported`].
    Library {
        /// The edit generation it holds.
        generation: u64,
    },
    /// One Markdown note per show ([`crate::storage::markdown_files`]) into the folder; then
    /// [`Command::MarkdownExported`].
    Markdown {
        /// Whether notes already in the folder are replaced (else nothing is written and the
        /// fan is asked).
        replace: bool,
    },
}

/// A finished Markdown export.
#[derive(Debug)]
pub struct MarkdownDone {
    /// The folder.
    pub dir: PathBuf,
    /// How many notes were written, or why none (or not all) were.
    pub result: Result<usize, MarkdownError>,
}

/// A finished export.
#[derive(Debug)]
pub struct ExportDone {
    /// The file.
    pub path: PathBuf,
    /// The edit generation written.
    pub generation: u64,
    /// Whether it was written.
    pub result: Result<(), ElsewhereError>,
}

impl Effect {
    /// Which kind of job runs it.
    pub fn kind(&self) -> JobKind {
        match self {
            Self::Dialog(_) => JobKind::Dialog,
            Self::Import { .. } => JobKind::Import,
            Self::Parse { .. } | Self::ParseToMove { .. } => JobKind::Parse,
            Self::Suggest { .. } => JobKind::Suggest,
            Self::ListBackups { .. } => JobKind::Backups,
            Self::ReadBackup { .. } => JobKind::Restore,
            Self::Export { .. } | Self::PredictionsCsv { .. } => JobKind::Export,
            Self::OpenFolder { .. } | Self::CloseSaver(_) | Self::TakeOver { .. } => {
                JobKind::Folder
            }
            Self::Merge(_) | Self::MergeIn(_) | Self::MoveConflictCopies { .. } => JobKind::Merge,
            Self::CheckFiles { .. } | Self::CheckLock { .. } => JobKind::Check,
            Self::BuildSearchIndex { .. } | Self::Search { .. } => JobKind::Search,
        }
    }

    /// What it works on, in words (the status line shows what is being opened).
    pub fn what(&self) -> String {
        match self {
            Self::Dialog(kind) => kind.label().to_owned(),
            Self::Import { source, .. } => importer::label(source),
            Self::Parse { article, .. }
            | Self::ParseToMove { article, .. }
            | Self::Suggest { article, .. } => article.title.clone(),
            Self::ListBackups { .. } => "the backups".to_owned(),
            Self::ReadBackup { path }
            | Self::Export { path, .. }
            | Self::PredictionsCsv { path, .. } => path.display().to_string(),
            Self::OpenFolder { dir } | Self::TakeOver { dir } => dir.display().to_string(),
            Self::CheckFiles { .. } => "the files notices name".to_owned(),
            Self::CheckLock { .. } => "the data folder's lock".to_owned(),
            Self::CloseSaver(_) => "the old data folder".to_owned(),
            Self::Merge(_) => "a change made outside this window".to_owned(),
            Self::MergeIn(job) => match &job.source {
                super::merge_in::MergeInSource::Backup(path) => path.display().to_string(),
                super::merge_in::MergeInSource::ConflictCopies { .. } => {
                    "sync tools' conflict copies".to_owned()
                }
            },
            Self::MoveConflictCopies { .. } => "the merged conflict copies".to_owned(),
            Self::BuildSearchIndex { .. } => "the library, for Find".to_owned(),
            Self::Search { key, .. } => format!("a search for {:?}", key.typed),
        }
    }

    /// Does the work (on a job's thread) and returns the command that brings the result back.
    pub fn run(self) -> Option<Command> {
        Some(match self {
            Self::Dialog(kind) => return dialogs::show(kind),
            Self::Import { source, known } => {
                Command::Imported(Finished::new(importer::run(&source, &known)))
            }
            Self::Parse { id, article } => Command::Parsed(Finished::new(ParsedArticle {
                id,
                document: Arc::new(article.document()),
                body: article.body,
            })),
            Self::ParseToMove { id, article } => {
                Command::ParsedToMove(Finished::new(ParsedArticle {
                    id,
                    document: Arc::new(article.document()),
                    body: article.body,
                }))
            }
            Self::Suggest {
                id,
                article,
                document,
            } => Command::Suggested(Finished::new(SuggestResult {
                article: id,
                fingerprint: article_fingerprint(&article),
                suggestions: save_suggestions(&suggest_titled(&document, &article.title), id),
            })),
            Self::ListBackups { dir, current } => {
                let listed = crate::storage::list_backups(&dir)
                    .map(|paths| super::backup_preview::preview_backups(paths, &current));
                Command::BackupsListed(Finished::new(listed))
            }
            Self::ReadBackup { path } => {
                let read = Store::read_library(&path);
                Command::BackupRead(Finished::new((path, read)))
            }
            Self::PredictionsCsv { library, path } => Command::PredictionsCsvWritten(
                super::export_csv::write_predictions_csv(&library, &path),
            ),
            Self::Export {
                library,
                path,
                what: ExportWhat::Library { generation },
            } => {
                let result = export(&library, &path);
                // The snapshot is let go here, not on the UI thread.
                drop(library);
                Command::Exported(Finished::new(ExportDone {
                    path,
                    generation,
                    result,
                }))
            }
            Self::Export {
                library,
                path,
                what: ExportWhat::Markdown { replace },
            } => {
                let result = crate::storage::markdown_files(&library).and_then(|files| {
                    crate::storage::write_markdown_files(&RealFs, &path, &files, replace)
                });
                drop(library);
                Command::MarkdownExported(Finished::new(MarkdownDone {
                    dir: path,
                    result: result.map(|written| written.len()),
                }))
            }
            Self::OpenFolder { dir } => {
                let opened = Store::open(&dir);
                Command::FolderOpened(Finished::new((dir, opened)))
            }
            Self::CloseSaver(mut saver) => {
                for report in saver.finish() {
                    if let Err(error) = report.result {
                        log::warn!("the last save to the old data folder failed: {error}");
                    }
                }
                return None;
            }
            Self::CheckFiles { files } => {
                Command::FilesChecked(files.into_iter().filter(|f| !f.exists()).collect())
            }
            Self::CheckLock { dir } => Command::LockChecked(crate::storage::lock_is_free(&dir)),
            Self::TakeOver { dir } => Command::TookOver(Finished::new(Store::open(&dir))),
            Self::MergeIn(job) => super::merge_in::finished(*job),
            Self::MoveConflictCopies { dir, files } => super::merge_in::move_copies(&dir, files),
            Self::BuildSearchIndex {
                library,
                previous,
                generation,
            } => {
                let index = SearchIndex::build(&library, previous.as_deref(), generation);
                // The snapshot and the old index are let go here, not on the UI thread.
                drop((library, previous));
                Command::SearchIndexed(Finished::new(index))
            }
            Self::Search { index, key } => super::search::searched(&index, &key),
            Self::Merge(job) => {
                let merged = merge_libraries(&job.base, &job.ours, &job.theirs);
                Command::Merged(Finished::new(MergeDone { job: *job, merged }))
            }
        })
    }
}

/// Writes `library` to `path` as one JSON file (the `library.json` format), atomically.
fn export(library: &Library, path: &std::path::Path) -> Result<(), ElsewhereError> {
    if path.is_dir() {
        return Err(ElsewhereError::ExportToFolder {
            path: path.to_owned(),
        });
    }
    let bytes = crate::storage::encode(library).map_err(ElsewhereError::Encode)?;
    RealFs
        .write_atomic(path, &bytes)
        .map_err(|source| ElsewhereError::Write {
            path: path.to_owned(),
            source,
        })
}
