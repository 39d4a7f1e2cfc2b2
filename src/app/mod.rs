//! The one [`App`]: the library in memory, the commands that change it, and saving.
//!
//! Panels in [`crate::ui`] draw from `&App` and push [`Command`]s; after each frame the app
//! applies them and, about half a second after the first unsaved edit, hands a snapshot to the
//! saving thread. Live resources (the saver, layout caches) are kept apart from saved data.

mod apply;
mod command;
mod saver;
mod status;
mod view;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use command::Command;
pub use saver::{SaveReport, Saver};
pub use status::SaveStatus;
pub use view::{PredictionDraft, TextSelection, ViewState};

use crate::model::{Dossier, Library};
use crate::storage::{self, Store};
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
}

/// The application.
pub struct App {
    library: Library,
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
    first_unsaved_edit: Option<Instant>,
    retry_at: Option<Instant>,
}

impl App {
    /// Opens the data folder and builds the app; `ctx` is woken when a save finishes.
    pub fn new(options: AppOptions, ctx: Option<&egui::Context>) -> Self {
        let opened = Store::open(&options.data_dir);
        Self::with_opened_store(options, opened, ctx)
    }

    /// Builds the app on a data folder already opened with [`Store::open`] (at start, the
    /// library is read on another thread while the window opens).
    pub fn with_opened_store(
        options: AppOptions,
        opened: Result<storage::OpenedStore, storage::StorageError>,
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
                    SaveStatus::Failed {
                        error: message,
                        since: jiff::Timestamp::now(),
                    },
                )
            }
        };
        let mut app = Self {
            library,
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
            first_unsaved_edit: None,
            retry_at: None,
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
        self.first_unsaved_edit.get_or_insert_with(Instant::now);
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
            Ok(outcome) => {
                self.saved_generation = self.saved_generation.max(report.generation);
                self.retry_at = None;
                if let Some(conflict) = outcome.conflict {
                    self.notify(conflict.to_string());
                }
                if self.saved_generation >= self.edit_generation {
                    self.status = SaveStatus::Saved {
                        at: jiff::Timestamp::now(),
                    };
                }
            }
            Err(error) => {
                log::error!("save failed: {error}");
                self.status = SaveStatus::Failed {
                    error,
                    since: jiff::Timestamp::now(),
                };
                self.retry_at = Some(Instant::now() + RETRY_DELAY);
                // Everything after the last good save is pending again.
                self.queued_generation = self.saved_generation;
                self.first_unsaved_edit.get_or_insert_with(Instant::now);
            }
        }
    }

    fn save_if_due(&mut self, now: Instant) -> Option<Duration> {
        if self.saver.is_none() || self.edit_generation <= self.queued_generation {
            return None;
        }
        let due = match (self.retry_at, self.first_unsaved_edit) {
            (Some(retry), _) => retry,
            (None, Some(first)) => first + SAVE_DELAY,
            (None, None) => now,
        };
        if now < due {
            return Some(due - now);
        }
        self.queue_save(false);
        None
    }

    /// Hands the current library to the saving thread.
    fn queue_save(&mut self, force_backup: bool) {
        let Some(saver) = &self.saver else { return };
        let bytes = storage::encode(&self.library);
        if saver.save(bytes, self.edit_generation, force_backup) {
            self.queued_generation = self.edit_generation;
            self.first_unsaved_edit = None;
            self.retry_at = None;
            self.status = SaveStatus::Saving;
        } else {
            self.status = SaveStatus::Failed {
                error: "the saving thread stopped".into(),
                since: jiff::Timestamp::now(),
            };
        }
    }

    /// Saves now and waits until the file is written (used on exit and by tests).
    pub fn save_now_blocking(&mut self) {
        if self.saver.is_none() || self.edit_generation <= self.saved_generation {
            return;
        }
        self.queue_save(false);
        let generation = self.edit_generation;
        let report = self.saver.as_ref().and_then(|s| s.wait_for(generation));
        if let Some(report) = report {
            self.take_report(report);
        }
    }

    /// Whether every edit has been written to disk.
    pub fn is_saved(&self) -> bool {
        self.saved_generation >= self.edit_generation
    }

    /// Saves what is unsaved and stops the saving thread.
    pub fn shutdown(&mut self) {
        self.save_now_blocking();
        if let Some(mut saver) = self.saver.take()
            && let Some(report) = saver.finish()
        {
            self.take_report(report);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::root_ui(self, ui);
        if let Some(wait) = self.after_frame() {
            ui.ctx().request_repaint_after(wait);
        }
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
