//! The one [`App`]: the library in memory, the commands that change it, and saving.
//!
//! Panels draw from the [`UiParts`] the app lends them and push [`Command`]s; after each frame
//! the app applies them and hands the new snapshot to the saving thread, which writes it about
//! half a second after the first unsaved edit on its own clock. The app knows nothing of the
//! panels: the window (the `eframe::App` impl, layout caches, the close guard) is the shell's
//! (`crate::shell`), which lends the app's parts to the panels together with its own caches.

mod apply;
mod changes;
mod command;
mod documents;
mod drafts;
mod elsewhere;
mod error;
mod export_csv;
mod importer;
mod reopen;
mod saver;
mod status;
mod suggester;
mod view;
mod wake;
mod writable;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use command::{Change, Command};
pub use documents::DocumentCache;
pub use drafts::{
    Draft, DraftField, Drafts, FieldEdit, TYPING_PAUSE, field_edit, normalized, parse_optional_date,
};
pub use elsewhere::NO_DIALOG_FOR_PATH;
pub use error::{
    AppError, ElsewhereError, NO_DIALOG_MESSAGE, READ_ONLY_MESSAGE, ReadError, SaveError,
};
pub use importer::{ImportSource, read_file, source_key};
pub use saver::{SaveReport, Saver};
pub use status::SaveStatus;
pub use suggester::{SuggestResult, SuggestWorker, article_fingerprint};
pub use view::{
    BackupList, DueReminder, Filing, LedgerCache, LedgerView, PredictionDraft, TextSelection,
    ViewState,
};
pub use wake::Wake;

use crate::model::{
    ArticleEntry, ArticleId, Document, Edit, History, Library, Show, ShowId, merge_libraries,
};
use crate::storage::{OpenedStore, SaveOutcome, StorageError, Store};

/// How long after the first unsaved edit the app saves.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save the app tries again.
pub const RETRY_DELAY: Duration = Duration::from_secs(2);
/// How often the app looks for a finished import when nothing else wakes it.
const IMPORT_POLL: Duration = Duration::from_millis(100);

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// The data folder.
    pub data_dir: PathBuf,
    /// An article file to import (or reopen) at start.
    pub open_file: Option<PathBuf>,
}

/// What the panels get while drawing: saved data read-only, view state to change, the
/// command queue, and `C`, what the window keeps across frames (the shell's layout cache; the
/// app never looks inside it).
pub struct UiParts<'a, C> {
    /// The library.
    pub library: &'a Library,
    /// Where saving stands.
    pub status: &'a SaveStatus,
    /// Messages for the user.
    pub notices: &'a [String],
    /// What is being opened right now (file names, or "the pasted text").
    pub importing: Vec<&'a str>,
    /// What Undo would take back ("tick 'Renewal…'"), if anything.
    pub undo_label: Option<&'a str>,
    /// What Redo would do again, if anything.
    pub redo_label: Option<&'a str>,
    /// The data folder.
    pub data_dir: &'a std::path::Path,
    /// Whether closing now would lose edits.
    pub unsaved: bool,
    /// Transient UI state.
    pub view: &'a mut ViewState,
    /// What the window keeps across frames (the laid-out article).
    pub cache: &'a mut C,
    /// Commands to apply after the frame.
    pub commands: &'a mut Vec<Command>,
    /// Counts changes to the library: when it is unchanged, anything derived from the library
    /// (like which suggestions to offer) is unchanged too.
    pub generation: u64,
    /// The open article, parsed (the UI lays it out; it never parses).
    pub document: Option<Arc<Document>>,
}

/// The application.
pub struct App {
    /// Shared with the saving thread while it waits to write a snapshot; copied on write only
    /// when the saver is writing it at that moment (see [`Saver::reclaim`]).
    library: Arc<Library>,
    data_dir: PathBuf,
    saver: Option<Saver>,
    /// Asks the window for a frame when a save finishes.
    wake: Wake,
    /// Why the data folder cannot be used (nothing is saved until the user picks another).
    folder_error: Option<AppError>,
    /// Transient UI state (selection, drafts, dialogs).
    pub view: ViewState,
    status: SaveStatus,
    notices: Vec<String>,
    /// Undo and redo of the fan's edits, for this window only.
    history: History,
    /// The open article, parsed.
    documents: DocumentCache,
    commands: Vec<Command>,
    /// Articles being read and imported on worker threads.
    importer: importer::Importer,
    /// Counts edits to saved data.
    edit_generation: u64,
    /// The newest edit handed to the saver.
    handed_generation: u64,
    /// The newest edit written to the data folder.
    saved_generation: u64,
    /// The newest edit kept outside the data folder (exported to a file).
    kept_generation: u64,
    /// The snapshot waiting in the saver was taken back to be changed; hand it over again.
    reclaimed: bool,
    /// The next save is due at once (after merging another program's change), not half a
    /// second after the edit.
    urgent: bool,
    /// The next save keeps the file it replaces as a backup.
    force_backup: bool,
    /// The other version to keep as a conflict copy with the next save.
    conflict_copy: Option<Vec<u8>>,
    /// Computes the open article's suggestions off the UI thread.
    suggester: SuggestWorker,
}

impl App {
    /// Opens the data folder and builds the app; `ctx` is woken when a save finishes.
    pub fn new(options: AppOptions, ctx: Option<&egui::Context>) -> Self {
        let opened = Store::open(&options.data_dir);
        Self::with_store(opened, options, ctx)
    }

    /// Builds the app on a store already opened (or the error opening it): at start the
    /// library is read on another thread while the window opens, and tests inject failing
    /// file operations this way.
    pub fn with_store(
        opened: Result<OpenedStore, StorageError>,
        options: AppOptions,
        ctx: Option<&egui::Context>,
    ) -> Self {
        let mut app = Self {
            library: Arc::new(Library::default()),
            data_dir: options.data_dir,
            saver: None,
            wake: Wake::window(ctx),
            folder_error: None,
            view: ViewState::default(),
            status: SaveStatus::UpToDate,
            notices: Vec::new(),
            history: History::new(),
            documents: DocumentCache::default(),
            commands: Vec::new(),
            importer: importer::Importer::new(Wake::window(ctx)),
            edit_generation: 0,
            handed_generation: 0,
            saved_generation: 0,
            kept_generation: 0,
            reclaimed: false,
            urgent: false,
            force_backup: false,
            conflict_copy: None,
            suggester: SuggestWorker::waking(Wake::window(ctx)),
        };
        let mut legacy_open = None;
        match opened {
            Ok(opened) => {
                legacy_open = opened.legacy_open;
                app.notices
                    .extend(opened.notices.iter().map(ToString::to_string));
                app.library = Arc::new(opened.library.unwrap_or_default());
                if opened.store.is_read_only() {
                    app.status = SaveStatus::ReadOnly;
                } else {
                    app.saver = Some(app.start_saver(opened.store));
                }
            }
            Err(error) => {
                let error = AppError::FolderUnusable(error);
                log::error!("{error}");
                app.notices.push(error.to_string());
                app.status = SaveStatus::NoFolder;
                app.folder_error = Some(error);
            }
        }
        app.open_start_place(legacy_open);
        if let Some(path) = options.open_file {
            app.apply(Command::ImportFile(path));
            app.hand_over();
        }
        app
    }

    /// Opens the show open when the window last closed (`remembered`, at its article) if it
    /// is still in the library (see [`start_place`]); returns whether it was.
    pub fn reopen(&mut self, remembered: ShowId, article: Option<ArticleId>) -> bool {
        if self.library.show(remembered).is_err() {
            return false;
        }
        if let Some((show, article)) = start_place(&self.library, Some((remembered, article)), None)
        {
            self.open_place(show, article);
        }
        true
    }

    /// Opens `preferred` (the show open when the window last closed) if it is in the library,
    /// else the first show, at its latest article.
    pub fn open_start_place(&mut self, preferred: Option<ShowId>) {
        if let Some((show, article)) = start_place(&self.library, None, preferred) {
            self.open_place(show, article);
        }
    }

    /// Starts a saving thread on `store` that repaints the window after each save.
    fn start_saver(&self, store: Store) -> Saver {
        let wake = self.wake.clone();
        Saver::start(store, move || wake.wake())
    }

    /// The library as it is in memory.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Takes back the snapshot waiting in the saver (if it has not started writing it), so the
    /// library can be changed in place instead of copied. Call before `Arc::make_mut`.
    pub(super) fn reclaim_snapshot(&mut self) {
        if let Some(saver) = &self.saver {
            saver.reclaim(&self.library);
            self.reclaimed = true;
        }
    }

    /// The show on screen.
    pub fn open_show(&self) -> Option<&Show> {
        open_show(&self.library, &self.view)
    }

    /// The article on screen, with its show.
    pub fn open_article(&self) -> Option<(&Show, &ArticleEntry)> {
        open_article(&self.library, &self.view)
    }

    /// The open article, parsed (see [`DocumentCache`]).
    pub fn open_document(&mut self) -> Option<Arc<Document>> {
        open_article(&self.library, &self.view).map(|(_, e)| self.documents.get(e))
    }

    /// Keeps a document parsed ahead of time (on the loading thread) for article `article`,
    /// whose text is `body`.
    pub fn adopt_document(&mut self, article: ArticleId, body: Arc<str>, document: Arc<Document>) {
        self.documents.adopt(article, body, document);
    }

    /// The undo and redo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The data folder.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Where saving stands, for the status line.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// Messages for the user shown at the top of the window.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Whether edits in this window can be saved at all.
    pub fn is_read_only(&self) -> bool {
        matches!(self.status, SaveStatus::ReadOnly)
    }

    /// Whether the data folder could not be used, so edits are only in memory until the user
    /// saves them to another folder or exports them.
    pub fn has_no_folder(&self) -> bool {
        self.saver.is_none() && self.folder_error.is_some()
    }

    /// Splits the app into what the panels may read and what they may change, lending them
    /// `cache` (the window's own state kept across frames) beside it.
    pub fn parts<'a, C>(&'a mut self, cache: &'a mut C) -> UiParts<'a, C> {
        let document = open_article(&self.library, &self.view).map(|(_, e)| self.documents.get(e));
        UiParts {
            document,
            library: &self.library,
            status: &self.status,
            notices: &self.notices,
            importing: self.importer.pending().collect(),
            undo_label: self.history.undo_label(),
            redo_label: self.history.redo_label(),
            data_dir: &self.data_dir,
            unsaved: self.has_unsaved_changes(),
            view: &mut self.view,
            cache,
            commands: &mut self.commands,
            generation: self.edit_generation,
        }
    }

    /// Queues a command, applied after the current frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies queued commands and finished imports, collects save reports and hands the
    /// newest edits to the saving thread, which writes them when they are due on its own clock
    /// (no frame needs to run for that). Returns how long until the app next needs to run
    /// without input, if it does (soon, while an import is under way; saving never needs it:
    /// the saver repaints the window when it is done).
    pub fn after_frame(&mut self) -> Option<Duration> {
        // Typed before anything clicked in the same frame.
        self.commit_drafts(false);
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
        for done in self.importer.poll() {
            self.finish_import(done);
        }
        self.collect_reports();
        self.collect_suggestions();
        self.request_suggestions();
        self.hand_over();
        self.importer.is_busy().then_some(IMPORT_POLL)
    }

    /// Whether an article is being read or imported.
    pub fn is_importing(&self) -> bool {
        self.importer.is_busy()
    }

    /// Waits for the imports under way and applies them (used by tests and by callers that
    /// must see the article before going on).
    pub fn finish_imports_blocking(&mut self) {
        for done in self.importer.wait() {
            self.finish_import(done);
        }
    }

    /// Tells the user something at the top of the window; a message already shown is not
    /// repeated (a refused keystroke in a read-only window says so once, not once per key).
    pub fn notify(&mut self, message: impl Into<String>) {
        let message = message.into();
        if self.notices.contains(&message) {
            return;
        }
        log::warn!("{message}");
        self.notices.push(message);
    }

    /// Marks the library as changed, so it is saved soon.
    fn mark_edited(&mut self) {
        self.edit_generation += 1;
        match &self.status {
            // The problem stays in view until a save succeeds.
            SaveStatus::ReadOnly | SaveStatus::Failed { .. } => {}
            _ if self.saver.is_some() => self.status = SaveStatus::Unsaved,
            _ => {
                if self.folder_error.is_some() {
                    self.status = SaveStatus::NoFolder;
                }
            }
        }
    }

    /// Takes the saving thread's reports: the status line tells the truth after this, and a
    /// change another program made is merged.
    pub fn collect_reports(&mut self) {
        let reports = self.saver.as_ref().map(Saver::poll).unwrap_or_default();
        for report in reports {
            self.take_report(report);
        }
    }

    fn take_report(&mut self, report: SaveReport) {
        match report.result {
            Ok(SaveOutcome::Written { notices }) => {
                self.saved_generation = self.saved_generation.max(report.generation);
                for notice in notices {
                    self.notify(notice.to_string());
                }
                if self.saved_generation >= self.edit_generation {
                    self.status = SaveStatus::Saved {
                        at: jiff::Timestamp::now(),
                    };
                } else if self.status.is_error() {
                    self.status = SaveStatus::Unsaved;
                }
            }
            Ok(SaveOutcome::ChangedOnDisk {
                base,
                theirs,
                theirs_bytes,
                backup,
            }) => {
                // Another program changed the file: merge its changes into ours (ours win
                // where both changed the same thing) and save the merge right away. The store
                // backed up our version first.
                // The merge is one step of the history: Undo takes their change back out.
                let merged = merge_libraries(&base, &self.library, &theirs);
                let replace = Edit::Replace(Box::new(merged.library));
                let label = "merge of a change made outside this window".to_owned();
                if let Err(error) = self.writable().and_then(|mut w| w.commit(replace, label)) {
                    self.notify(error.to_string());
                }
                if merged.conflicts > 0 {
                    self.conflict_copy = Some(theirs_bytes);
                } else {
                    self.notify(crate::storage::Notice::Merged { backup }.to_string());
                }
                self.urgent = true;
            }
            Err(error) => {
                // The saver tries again by itself a moment later.
                log::error!("save failed: {error}");
                self.status = SaveStatus::Failed {
                    error: Arc::new(error),
                };
            }
        }
    }

    /// Hands the newest library to the saving thread, due half a second after the first edit
    /// not yet written (at once after a merge).
    fn hand_over(&mut self) {
        if self.edit_generation <= self.handed_generation && !self.reclaimed {
            return;
        }
        let Some(saver) = &self.saver else { return };
        let now = Instant::now();
        let due = if self.urgent { now } else { now + SAVE_DELAY };
        let handed = saver.schedule(
            self.library.clone(),
            self.edit_generation,
            due,
            std::mem::take(&mut self.force_backup),
            self.conflict_copy.take(),
        );
        if handed {
            self.handed_generation = self.edit_generation;
            self.reclaimed = false;
            self.urgent = false;
        } else {
            self.status = SaveStatus::Failed {
                error: Arc::new(SaveError::SaverStopped),
            };
        }
    }

    /// Before the library is replaced (a backup restored): writes it as it is now, and has the
    /// next save keep the file it replaces as a backup.
    pub(super) fn save_before_replacing(&mut self) {
        self.save_now_blocking();
        self.force_backup = true;
    }

    /// Saves now and waits until the file is written or the save failed (used on exit and by
    /// tests). A change made behind the app is merged first.
    pub fn save_now_blocking(&mut self) {
        // A few rounds at most: each round either writes, fails, or merges another program's
        // change and tries again.
        for _ in 0..4 {
            if self.saver.is_none() || self.is_saved() {
                return;
            }
            self.urgent = true;
            self.reclaimed = true;
            self.hand_over();
            let Some(report) = self.saver.as_ref().and_then(Saver::wait) else {
                return;
            };
            let failed = report.result.is_err();
            self.take_report(report);
            if failed {
                return;
            }
        }
    }

    /// Whether every edit has been written to disk.
    pub fn is_saved(&self) -> bool {
        self.saved_generation >= self.edit_generation
    }

    /// Whether closing now would lose edits: they are neither written to the data folder nor
    /// exported (a read-only window refuses edits, so it has none to lose).
    pub fn has_unsaved_changes(&self) -> bool {
        !self.is_read_only()
            && self.edit_generation > self.saved_generation.max(self.kept_generation)
    }

    /// Saves what is unsaved and stops the saving thread.
    pub fn shutdown(&mut self) {
        self.commit_drafts(true);
        self.commit_new_prediction();
        self.save_now_blocking();
        if let Some(mut saver) = self.saver.take() {
            for report in saver.finish() {
                self.take_report(report);
            }
        }
    }
}

/// Where a window starts: the `remembered` show if it is still in the library, at the
/// remembered article if that is still the show's, else at the show's latest article; else the
/// `fallback` show (the one a format 1 file had open), else the first show, at its latest
/// article. `None` for an empty library.
pub fn start_place(
    library: &Library,
    remembered: Option<(ShowId, Option<ArticleId>)>,
    fallback: Option<ShowId>,
) -> Option<(ShowId, Option<ArticleId>)> {
    if let Some((id, article)) = remembered
        && let Ok(show) = library.show(id)
    {
        let article = article
            .filter(|&a| show.article(a).is_some())
            .or_else(|| show.latest_article().map(|a| a.id));
        return Some((id, article));
    }
    let show = library.start_show(fallback)?;
    Some((show.id, show.latest_article().map(|a| a.id)))
}

/// The show on screen in `view`.
fn open_show<'a>(library: &'a Library, view: &ViewState) -> Option<&'a Show> {
    library.show(view.open_show?).ok()
}

/// The article on screen in `view`, with its show.
fn open_article<'a>(
    library: &'a Library,
    view: &ViewState,
) -> Option<(&'a Show, &'a ArticleEntry)> {
    let (show, entry) = library.article(view.open_article?).ok()?;
    Some((show, entry))
}

impl<'a, C> UiParts<'a, C> {
    /// The show on screen (borrowed from the library, not from `self`).
    pub fn open_show(&self) -> Option<&'a Show> {
        open_show(self.library, self.view)
    }

    /// The article on screen, with its show (borrowed from the library, not from `self`).
    pub fn open_article(&self) -> Option<(&'a Show, &'a ArticleEntry)> {
        open_article(self.library, self.view)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.shutdown();
    }
}
