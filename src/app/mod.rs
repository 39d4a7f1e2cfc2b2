//! The one [`App`]: the library in memory, the commands that change it, and saving.
//!
//! Panels in [`crate::ui`] draw from `&App` and push [`Command`]s; after each frame the app
//! applies them and, about half a second after the first unsaved edit, hands a snapshot to the
//! saving thread. Live resources (the saver, layout caches) are kept apart from saved data.

mod apply;
mod command;
mod saver;
mod startup;
mod status;
mod suggester;
mod view;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use command::Command;
pub use saver::{SaveReport, Saver};
pub use startup::{Preload, SignalGuard};
pub use status::SaveStatus;
pub use suggester::{SuggestResult, SuggestWorker, article_fingerprint};
pub use view::{PredictionDraft, TextSelection, ViewState};

use crate::model::{Dossier, Library, merge_libraries};
use crate::storage::{OpenedStore, SaveOutcome, StorageError, Store};
use crate::ui::ArticleCache;

/// How long after the first unsaved edit the app saves.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save the app tries again.
pub const RETRY_DELAY: Duration = Duration::from_secs(2);

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// The data folder.
    pub data_dir: PathBuf,
    /// An article file to import (or reopen) at start.
    pub open_file: Option<PathBuf>,
}

/// Something deleted that can be brought back.
#[derive(Clone, Debug)]
pub enum Undo {
    /// A thread removed from a dossier.
    Thread {
        /// The dossier it was in.
        dossier: crate::model::DossierId,
        /// Where it stood.
        index: usize,
        /// The thread.
        thread: crate::model::Thread,
    },
    /// A dossier removed from the library.
    Dossier {
        /// Where it stood.
        index: usize,
        /// The dossier.
        dossier: Box<Dossier>,
    },
}

impl Undo {
    /// What the undo brings back, for the button.
    pub fn describe(&self) -> String {
        match self {
            Undo::Thread { thread, .. } => format!("Deleted thread “{}”", thread.title),
            Undo::Dossier { dossier, .. } => format!("Deleted “{}”", dossier.article.title),
        }
    }
}

/// What the panels get while drawing: saved data read-only, view state to change, and the
/// command queue.
pub struct UiParts<'a> {
    /// The library.
    pub library: &'a Library,
    /// Where saving stands.
    pub status: &'a SaveStatus,
    /// Messages for the user.
    pub notices: &'a [String],
    /// The deletion that can be undone.
    pub undo: Option<&'a Undo>,
    /// The data folder.
    pub data_dir: &'a std::path::Path,
    /// Transient UI state.
    pub view: &'a mut ViewState,
    /// Laid-out article.
    pub cache: &'a mut ArticleCache,
    /// Commands to apply after the frame.
    pub commands: &'a mut Vec<Command>,
    /// Counts changes to the library: when it is unchanged, anything derived from the library
    /// (like which suggestions to offer) is unchanged too.
    pub generation: u64,
}

/// The application.
pub struct App {
    /// Shared with the saving thread while it writes a snapshot; copied on write.
    library: Arc<Library>,
    data_dir: PathBuf,
    saver: Option<Saver>,
    /// Transient UI state (selection, drafts, dialogs).
    pub view: ViewState,
    /// Laid-out article, kept across frames.
    pub article_cache: ArticleCache,
    status: SaveStatus,
    notices: Vec<String>,
    undo: Option<Undo>,
    commands: Vec<Command>,
    edit_generation: u64,
    queued_generation: u64,
    saved_generation: u64,
    /// When the next save is due: half a second after the first unsaved edit, a moment after
    /// a failure, or at once after merging another program's change.
    save_due: Option<Instant>,
    /// The other version to keep as a conflict copy with the next save.
    conflict_copy: Option<Vec<u8>>,
    /// Computes the open dossier's suggestions off the UI thread.
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
        let mut notices = Vec::new();
        let (library, saver, status) = match opened {
            Ok(opened) => {
                notices.extend(opened.notices.iter().map(ToString::to_string));
                let read_only = opened.store.is_read_only();
                let library = opened.library.unwrap_or_default();
                if read_only {
                    (library, None, SaveStatus::ReadOnly)
                } else {
                    let wake = ctx.cloned();
                    let saver = Saver::start(opened.store, move || {
                        if let Some(ctx) = &wake {
                            ctx.request_repaint();
                        }
                    });
                    (library, Some(saver), SaveStatus::UpToDate)
                }
            }
            Err(error) => {
                let message = format!(
                    "Your data folder could not be opened: {error}. Changes in this window will not be saved."
                );
                log::error!("{message}");
                notices.push(message.clone());
                (
                    Library::default(),
                    None,
                    SaveStatus::Failed { error: message },
                )
            }
        };
        let suggester = SuggestWorker::waking(ctx);
        let mut app = Self {
            library: Arc::new(library),
            data_dir: options.data_dir,
            saver,
            view: ViewState::default(),
            article_cache: ArticleCache::default(),
            status,
            notices,
            undo: None,
            commands: Vec::new(),
            edit_generation: 0,
            queued_generation: 0,
            saved_generation: 0,
            save_due: None,
            conflict_copy: None,
            suggester,
        };
        if let Some(path) = options.open_file {
            app.apply(Command::ImportFile(path));
        }
        app
    }

    /// The library as it is in memory.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The library, to change (copies it if the saving thread still holds a snapshot).
    fn library_mut(&mut self) -> &mut Library {
        Arc::make_mut(&mut self.library)
    }

    /// The dossier on screen.
    pub fn open_dossier(&self) -> Option<&Dossier> {
        self.library.open_dossier()
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

    /// The deletion that can be undone, if any.
    pub fn undo(&self) -> Option<&Undo> {
        self.undo.as_ref()
    }

    /// Whether edits in this window can be saved at all.
    pub fn is_read_only(&self) -> bool {
        matches!(self.status, SaveStatus::ReadOnly)
    }

    /// Splits the app into what the panels may read and what they may change.
    pub fn parts(&mut self) -> UiParts<'_> {
        UiParts {
            library: &self.library,
            status: &self.status,
            notices: &self.notices,
            undo: self.undo.as_ref(),
            data_dir: &self.data_dir,
            view: &mut self.view,
            cache: &mut self.article_cache,
            commands: &mut self.commands,
            generation: self.edit_generation,
        }
    }

    /// Queues a command, applied after the current frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies queued commands, collects save reports and starts a save when one is due.
    /// Returns how long until the app next needs to run without input, if it does.
    pub fn after_frame(&mut self) -> Option<Duration> {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
        self.collect_reports();
        self.collect_suggestions();
        self.request_suggestions();
        self.save_if_due(Instant::now())
    }

    /// Tells the user something at the top of the window.
    pub fn notify(&mut self, message: impl Into<String>) {
        let message = message.into();
        log::warn!("{message}");
        self.notices.push(message);
    }

    /// Marks the library as changed, so it is saved soon.
    fn mark_edited(&mut self) {
        self.edit_generation += 1;
        self.save_due
            .get_or_insert_with(|| Instant::now() + SAVE_DELAY);
        if !self.is_read_only() {
            self.status = SaveStatus::Unsaved;
        }
    }

    fn collect_reports(&mut self) {
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
                }
            }
            Ok(SaveOutcome::ChangedOnDisk {
                base,
                theirs,
                theirs_bytes,
            }) => {
                // Another program changed the file: merge its changes into ours (ours win
                // where both changed the same thing) and save the merge right away.
                let merged = merge_libraries(&base, &self.library, &theirs);
                self.library = Arc::new(merged.library);
                if merged.conflicts > 0 {
                    self.conflict_copy = Some(theirs_bytes);
                } else {
                    self.notify(
                        "The library file was changed by another program; its changes were merged with yours.",
                    );
                }
                self.queued_generation = self.saved_generation;
                self.mark_edited();
                self.save_due = Some(Instant::now());
            }
            Err(error) => {
                log::error!("save failed: {error}");
                self.status = SaveStatus::Failed { error };
                self.save_due = Some(Instant::now() + RETRY_DELAY);
                // Everything after the last good save is pending again.
                self.queued_generation = self.saved_generation;
            }
        }
    }

    fn save_if_due(&mut self, now: Instant) -> Option<Duration> {
        if self.saver.is_none() || self.edit_generation <= self.queued_generation {
            return None;
        }
        let due = self.save_due.unwrap_or(now);
        if now < due {
            return Some(due - now);
        }
        self.queue_save(false);
        None
    }

    /// Hands the current library to the saving thread.
    fn queue_save(&mut self, force_backup: bool) {
        let Some(saver) = &self.saver else { return };
        let conflict_copy = self.conflict_copy.take();
        if saver.save(
            self.library.clone(),
            self.edit_generation,
            force_backup,
            conflict_copy,
        ) {
            self.queued_generation = self.edit_generation;
            self.save_due = None;
            self.status = SaveStatus::Saving;
        } else {
            self.status = SaveStatus::Failed {
                error: "the saving thread stopped".into(),
            };
        }
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
            if self.queued_generation < self.edit_generation {
                self.queue_save(false);
            }
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

    /// Whether closing now would lose edits (there is somewhere to save them, and they are not
    /// saved yet).
    pub fn has_unsaved_changes(&self) -> bool {
        self.saver.is_some() && !self.is_saved()
    }

    /// Handles a request to close the window: saves first, and if that fails, keeps the window
    /// open and asks the user (unless they already chose to quit without saving).
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.view.quit_without_saving {
            return;
        }
        self.save_now_blocking();
        if self.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.close_blocked = true;
        }
    }

    /// Saves what is unsaved and stops the saving thread.
    pub fn shutdown(&mut self) {
        self.save_now_blocking();
        if let Some(mut saver) = self.saver.take() {
            for report in saver.finish() {
                self.take_report(report);
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.guard_close(ui.ctx());
        crate::ui::root_ui(self, ui);
        if let Some(wait) = self.after_frame() {
            ui.ctx().request_repaint_after(wait);
        }
    }

    /// The panel colour: the panels are drawn without a fill of their own (see `ui::root_ui`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn on_exit(&mut self) {
        self.shutdown();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.shutdown();
    }
}
