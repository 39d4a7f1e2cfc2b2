//! The one [`App`]: the library in memory, the commands that change it, and saving.
//!
//! Panels draw from the [`UiParts`] the app lends them and push [`Command`]s; after each frame
//! the app applies them ([`App::apply`] changes state and returns the [`Effect`]s to run: file
//! dialogs, reads, writes, parses, merges, exports, suggestions), starts those effects on the
//! jobs runtime ([`jobs`]), whose results come back as commands, and hands the new snapshot to
//! the saving thread, which writes it about half a second after the first unsaved edit on its
//! own clock. Nothing that touches a file, parses an article or merges runs in a frame. The app knows nothing of the
//! panels: the window (the `eframe::App` impl, layout caches, the close guard) is the shell's
//! (`crate::shell`), which lends the app's parts to the panels together with its own caches.

mod apply;
mod backup_preview;
mod changes;
mod command;
mod copy_watch;
mod dialogs;
mod documents;
mod drafts;
mod effect;
mod elsewhere;
mod error;
mod export_csv;
mod importer;
pub mod jobs;
mod merge_in;
mod notices;
mod reopen;
mod saver;
mod search;
mod status;
mod suggester;
mod takeover;
mod view;
mod wake;
mod writable;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use backup_preview::{BACKUPS_PREVIEWED, BackupPreview, ListedBackup};
pub use command::{Change, Command};
pub use dialogs::{DialogKind, dialog_available};
pub use documents::DocumentCache;
pub use drafts::{
    Draft, DraftField, Drafts, FieldEdit, TYPING_PAUSE, field_edit, normalized, parse_as_of,
    parse_optional_date,
};
pub use effect::{
    Effect, ExportDone, ExportWhat, MarkdownDone, MergeDone, MergeJob, ParsedArticle,
};
pub use elsewhere::NO_DIALOG_FOR_PATH;
pub use error::{
    AppError, ElsewhereError, NO_DIALOG_MESSAGE, READ_ONLY_MESSAGE, ReadError, SaveError,
};
pub use importer::{
    ImportDone, ImportOutcome, ImportSource, ImportedArticle, read_file, source_key,
};
pub use jobs::{Finished, JobKind, Jobs};
pub use merge_in::{CONFLICT_POLL, MergeInDone, MergeInJob, MergeInSource, MergedFile};
pub use saver::{SaveReport, Saver};
pub use search::{SearchKey, SearchView};
pub use status::SaveStatus;
pub use suggester::{SuggestResult, article_fingerprint};
pub use view::{
    BackupList, DueReminder, Filing, LedgerCache, LedgerView, PredictionDraft, PredictionFormField,
    ReplaceNotes, TextBox, TextSelection, ViewState,
};
pub use wake::Wake;

use crate::model::{ArticleEntry, ArticleId, Document, Edit, History, Library, Show, ShowId};
use crate::storage::{OpenedStore, SaveOutcome, StorageError, Store};

/// How long after the first unsaved edit the app saves.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save the app tries again.
pub const RETRY_DELAY: Duration = Duration::from_secs(2);
/// How often the app looks for a finished job when nothing else wakes it (a job wakes the
/// window when it finishes; this is only a safety net).
const JOB_POLL: Duration = Duration::from_millis(100);

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
    notices: notices::NoticeBoard,
    /// When a read-only window last looked whether the writer lock is free, and when the
    /// files named in notices were last looked for.
    checked: takeover::Checks,
    /// Undo and redo of the fan's edits, for this window only.
    history: History,
    /// The open article, parsed.
    documents: DocumentCache,
    commands: Vec<Command>,
    /// Runs effects off the UI thread; their results come back as commands.
    jobs: Jobs,
    /// Effects decided but not started yet (returned by [`App::apply`]).
    outbox: Vec<effect::Effect>,
    /// The article being parsed, if any.
    parsing: Option<ArticleId>,
    /// The articles whose suggestions are being computed.
    suggesting: HashSet<ArticleId>,
    /// A change another program made is being merged: saves wait for the merge.
    merging: bool,
    /// A backup read to be restored once the library it replaces is saved: its name and
    /// library.
    pending_restore: Option<(String, Box<Library>)>,
    /// Find's index and the searches under way (see [`search`]).
    searcher: search::Searcher,
    /// Tests: every frame waits for the jobs it started (see [`App::wait_for_jobs`]).
    wait_for_jobs: bool,
    /// Tests: the answers given to the next file dialogs instead of showing them (see
    /// [`App::answer_dialogs_with`]).
    dialog_answers: Option<std::collections::VecDeque<Option<PathBuf>>>,
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
    /// Sync tools' conflict copies: those left alone, those merged and waiting to be moved.
    copies: merge_in::ConflictCopies,
    /// The thread watching the data folder for new conflict copies (started with the first
    /// look, again when the data folder changes).
    copy_watch: Option<copy_watch::CopyWatch>,
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
            notices: notices::NoticeBoard::default(),
            checked: takeover::Checks::default(),
            history: History::new(),
            documents: DocumentCache::default(),
            commands: Vec::new(),
            jobs: Jobs::new(Wake::window(ctx)),
            outbox: Vec::new(),
            parsing: None,
            suggesting: HashSet::new(),
            merging: false,
            pending_restore: None,
            searcher: search::Searcher::default(),
            wait_for_jobs: false,
            dialog_answers: None,
            edit_generation: 0,
            handed_generation: 0,
            saved_generation: 0,
            kept_generation: 0,
            reclaimed: false,
            urgent: false,
            force_backup: false,
            conflict_copy: None,
            copies: merge_in::ConflictCopies::default(),
            copy_watch: None,
        };
        let mut legacy_open = None;
        match opened {
            Ok(opened) => {
                legacy_open = opened.legacy_open;
                app.adopt_opened(opened);
            }
            Err(error) => {
                let error = AppError::FolderUnusable(error);
                log::error!("{error}");
                app.notices.message(error.to_string());
                app.status = SaveStatus::NoFolder;
                app.folder_error = Some(error);
            }
        }
        app.open_start_place(legacy_open);
        if let Some(path) = options.open_file {
            app.push(Command::ImportFile(path));
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
    pub(super) fn start_saver(&self, store: Store) -> Saver {
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

    /// The open article, parsed, once a job has parsed it (see [`DocumentCache`]); `None`
    /// while it is being parsed.
    pub fn open_document(&mut self) -> Option<Arc<Document>> {
        open_article(&self.library, &self.view).and_then(|(_, e)| self.documents.cached(e))
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
        self.notices.texts()
    }

    /// Whether edits in this window can be saved at all.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self.status,
            SaveStatus::ReadOnly | SaveStatus::WaitingForShows | SaveStatus::ReadOnlyFolder
        )
    }

    /// Whether the data folder could not be used, so edits are only in memory until the user
    /// saves them to another folder or exports them.
    pub fn has_no_folder(&self) -> bool {
        self.saver.is_none() && self.folder_error.is_some()
    }

    /// Splits the app into what the panels may read and what they may change, lending them
    /// `cache` (the window's own state kept across frames) beside it.
    pub fn parts<'a, C>(&'a mut self, cache: &'a mut C) -> UiParts<'a, C> {
        let document =
            open_article(&self.library, &self.view).and_then(|(_, e)| self.documents.cached(e));
        UiParts {
            document,
            library: &self.library,
            status: &self.status,
            notices: self.notices.texts(),
            importing: self.jobs.pending(JobKind::Import).collect(),
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

    /// Applies queued commands and the results of finished jobs, starts the effects they
    /// asked for on the jobs runtime, collects save reports and hands the newest edits to the
    /// saving thread, which writes them when they are due on its own clock (no frame needs to
    /// run for that). Never waits (unless a test asked for it, see [`App::wait_for_jobs`]).
    /// Returns how long until the app next needs to run without input, if it does (soon, while
    /// a job is under way, as a safety net: a finished job wakes the window; saving never
    /// needs it: the saver repaints the window when it is done).
    pub fn after_frame(&mut self) -> Option<Duration> {
        // Typed before anything clicked in the same frame.
        self.commit_drafts(false);
        let mut commands = std::mem::take(&mut self.commands);
        commands.extend(self.jobs.poll());
        self.run_commands(commands);
        self.collect_reports();
        self.restore_when_saved();
        self.start_effects();
        if self.wait_for_jobs {
            self.settle_jobs(&[]);
        }
        self.hand_over();
        let checks = self.run_checks();
        self.start_effects();
        let jobs = self.jobs.is_busy_with(&[]).then_some(JOB_POLL);
        jobs.into_iter().chain(checks).min()
    }

    /// Applies `commands` and starts the effects they return.
    fn run_commands(&mut self, commands: Vec<Command>) {
        for command in commands {
            let effects = self.apply(command);
            self.outbox.extend(effects);
        }
        self.start_effects();
    }

    /// Starts the effects decided so far, with what the open article needs (its parse, its
    /// suggestions).
    fn start_effects(&mut self) {
        self.request_document();
        self.request_suggestions();
        self.request_search();
        for effect in std::mem::take(&mut self.outbox) {
            // An article is parsed, or suggested, by one job at a time.
            match &effect {
                effect::Effect::Parse { id, .. } if self.parsing == Some(*id) => continue,
                effect::Effect::Parse { id, .. } => self.parsing = Some(*id),
                effect::Effect::Suggest { id, .. } if !self.suggesting.insert(*id) => continue,
                _ => {}
            }
            let (kind, what) = (effect.kind(), effect.what());
            self.jobs.spawn(kind, what, move || effect.run());
        }
    }

    /// Queues an effect, returned by the [`App::apply`] under way (or started after the frame).
    pub(super) fn effect(&mut self, effect: effect::Effect) {
        self.outbox.push(effect);
    }

    /// Tests: when `wait`, every frame waits for the jobs it started (and theirs) before it
    /// ends, so a test sees a command's whole outcome after one `run()`, as if the work ran
    /// in the frame. The window never does this.
    pub fn wait_for_jobs(&mut self, wait: bool) {
        self.wait_for_jobs = wait;
    }

    /// Tests: from now on no file dialog is shown; each one asked for is answered at once by
    /// the next of `answers`, in order, as if the fan had chosen that path (`None`: cancelled;
    /// none left: cancelled too). The command the answer leads to is the one the real
    /// dialog's answer leads to ([`dialogs::answer`]).
    pub fn answer_dialogs_with(&mut self, answers: impl IntoIterator<Item = Option<PathBuf>>) {
        self.dialog_answers = Some(answers.into_iter().collect());
    }

    /// Waits for the jobs of `kinds` under way (every kind when empty), applying their results
    /// and what those start, until none is left; a restore waiting for a save is finished too
    /// when every kind is waited for. For the close path and tests, never in a frame.
    pub fn settle_jobs(&mut self, kinds: &[JobKind]) {
        loop {
            self.start_effects();
            if kinds.is_empty() && self.pending_restore.is_some() {
                self.save_now_blocking();
                self.restore_pending();
                continue;
            }
            if !self.jobs.is_busy_with(kinds) {
                return;
            }
            let done = self.jobs.wait_one(kinds);
            self.run_commands(done);
        }
    }

    /// Whether an article is being read or imported.
    pub fn is_importing(&self) -> bool {
        self.jobs.is_busy_with(&[JobKind::Import])
    }

    /// Whether any job is under way.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy_with(&[])
    }

    /// The jobs runtime, to see what is under way (tests, benchmarks).
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// Waits for the imports under way and applies them (used by tests and by callers that
    /// must see the article before going on).
    pub fn finish_imports_blocking(&mut self) {
        self.settle_jobs(&[JobKind::Import]);
    }

    /// Waits for every job under way except file dialogs (which wait for a person) and
    /// applies their results (tests).
    pub fn finish_jobs_blocking(&mut self) {
        self.settle_jobs(&[
            JobKind::Import,
            JobKind::Parse,
            JobKind::Suggest,
            JobKind::Backups,
            JobKind::Restore,
            JobKind::Export,
            JobKind::Folder,
            JobKind::Merge,
            JobKind::Check,
        ]);
        if self.pending_restore.is_some() {
            self.save_now_blocking();
            self.restore_pending();
        }
    }

    /// Tells the user something at the top of the window; a message already shown is not
    /// repeated (a refused keystroke in a read-only window says so once, not once per key).
    pub fn notify(&mut self, message: impl Into<String>) {
        let message = message.into();
        if self.notices.message(message.clone()) {
            log::warn!("{message}");
        }
    }

    /// Tells the user what the store reported, counted into the notice of its kind (see
    /// `notices`); the backups it names are kept until it is dismissed.
    pub fn notify_notice(&mut self, notice: &crate::storage::Notice) {
        log::warn!("{notice}");
        self.notices.notice(notice);
    }

    /// Marks the library as changed, so it is saved soon.
    fn mark_edited(&mut self) {
        self.edit_generation += 1;
        match &self.status {
            // The problem stays in view until a save succeeds.
            SaveStatus::ReadOnly
            | SaveStatus::WaitingForShows
            | SaveStatus::ReadOnlyFolder
            | SaveStatus::Failed { .. } => {}
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
            let effects = self.apply(Command::Saved(Finished::new(report)));
            self.outbox.extend(effects);
        }
    }

    pub(super) fn take_report(&mut self, report: SaveReport) {
        match report.result {
            Ok(SaveOutcome::Written { notices }) => {
                self.saved_generation = self.saved_generation.max(report.generation);
                for notice in &notices {
                    self.notify_notice(notice);
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
                fork_copy,
            }) => {
                // Another program changed the file: merge its changes into ours (ours win
                // where both changed the same thing) on a job, then save the merge right away
                // ([`App::take_merge`]). The store backed up our version first (and kept a
                // forked version whole). Saves wait
                // for the merge.
                self.merging = true;
                self.effect(effect::Effect::Merge(Box::new(effect::MergeJob {
                    base: *base,
                    ours: self.library.clone(),
                    theirs: *theirs,
                    theirs_bytes,
                    backup,
                    fork_copy,
                    generation: self.edit_generation,
                })));
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

    /// Applies a finished merge: one step of the history (Undo takes their change back out),
    /// saved at once. When the fan edited meanwhile, the merge runs again on the newer library.
    pub(super) fn take_merge(&mut self, done: effect::MergeDone) {
        let effect::MergeDone { mut job, merged } = done;
        if job.generation != self.edit_generation {
            job.ours = self.library.clone();
            job.generation = self.edit_generation;
            self.effect(effect::Effect::Merge(Box::new(job)));
            return;
        }
        self.merging = false;
        let effect::MergeJob {
            base,
            ours,
            theirs,
            theirs_bytes,
            backup,
            fork_copy,
            ..
        } = job;
        let replace = Edit::Replace(Box::new(merged.library));
        // The merge started from this very snapshot: drop that share before changing it.
        drop(ours);
        // Freeing two whole libraries takes milliseconds: a job does it.
        self.jobs
            .spawn(JobKind::Merge, "the versions merged", move || {
                drop((base, theirs));
                None
            });
        // The merge stays out of the history: Undo takes back the fan's own edits, never what
        // another device wrote.
        if let Err(error) = self
            .writable()
            .and_then(|mut w| w.apply_outside_history(replace))
        {
            self.notify(error.to_string());
        }
        use crate::storage::Notice;
        if let Some(kept_as) = fork_copy {
            self.notify_notice(&Notice::Forked {
                kept_as,
                backup: Some(backup),
                merged: true,
            });
        } else if merged.conflicts > 0 {
            self.conflict_copy = Some(theirs_bytes);
        } else {
            self.notify_notice(&Notice::Merged { backup });
        }
        self.urgent = true;
    }

    /// Hands the newest library to the saving thread, due half a second after the first edit
    /// not yet written (at once after a merge). Waits while a merge runs: the next save is
    /// the merged library.
    fn hand_over(&mut self) {
        if self.edit_generation <= self.handed_generation && !self.reclaimed {
            return;
        }
        if self.merging {
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

    /// Saves now and waits until the file is written or the save failed (used on exit and by
    /// tests). A change made behind the app is merged first (waiting for the merge).
    pub fn save_now_blocking(&mut self) {
        // A few rounds at most: each round either writes, fails, or merges another program's
        // change and tries again.
        for _ in 0..4 {
            self.settle_jobs(&[JobKind::Merge]);
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
