//! Adopting an opened data folder, a read-only window taking over when the window that wrote
//! has closed, and the look at the files notices name.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::effect::Effect;
use super::jobs::JobKind;
use super::merge_in::CONFLICT_POLL;
use super::{App, Command, SaveStatus};
use crate::model::History;
use crate::storage::{Notice, OpenedStore, StorageError};

/// How often a read-only window looks whether the writer lock has been let go.
pub const LOCK_POLL: Duration = Duration::from_secs(2);
/// How often (at most, while frames run) the files notices name are looked for.
const FILES_POLL: Duration = Duration::from_secs(1);

/// When the periodic looks last ran.
#[derive(Debug, Default)]
pub(super) struct Checks {
    lock: Option<Instant>,
    files: Option<Instant>,
    copies: Option<Instant>,
}

impl App {
    /// Takes what opening the data folder found: its notices (a start with no library but
    /// backups opens the restore window, offering the newest, once a job listed them), the library, and the store
    /// (a saver for a writable one; a read-only status otherwise, saying why).
    pub(super) fn adopt_opened(&mut self, opened: OpenedStore) {
        self.notices.use_pins(opened.store.pins());
        for notice in &opened.notices {
            self.notify_notice(notice);
        }
        self.library = Arc::new(opened.library.unwrap_or_default());
        self.view.waiting_for_shows = opened
            .notices
            .iter()
            .any(|n| matches!(n, Notice::ShowFilesMissing { .. }));
        if opened
            .notices
            .iter()
            .any(|n| matches!(n, Notice::MissingLibrary { .. }))
        {
            // Listed (and each backup read, to preview it) by a job, like the menu's.
            self.push(Command::ListBackups);
        }
        if opened.store.is_unusable() {
            self.status = SaveStatus::ReadOnlyFolder;
        } else if opened.store.is_waiting_for_shows() {
            self.status = SaveStatus::WaitingForShows;
        } else if opened.store.is_read_only() {
            self.status = SaveStatus::ReadOnly;
        } else {
            self.saver = Some(self.start_saver(opened.store));
        }
    }

    /// The looks that run after a frame, on jobs (a stat or a lock try can wait on a slow
    /// or network disk): whether the files named in notices are still there (at most every
    /// second), in a window that saves whether sync tools left conflict copies (every
    /// [`CONFLICT_POLL`], see `merge_in`), and in a read-only window whether the writer lock is free (every
    /// [`LOCK_POLL`]; then taking over is offered, see [`App::lock_checked`]). A look is not
    /// started while the last one is under way. Returns when the app should next run without
    /// input for them, if it should.
    pub(super) fn run_checks(&mut self) -> Option<Duration> {
        if self.jobs.is_busy_with(&[JobKind::Check]) {
            return Some(LOCK_POLL.min(FILES_POLL));
        }
        let now = Instant::now();
        let due = |last: Option<Instant>, every: Duration| last.is_none_or(|t| now >= t + every);
        if !self.notices.texts().is_empty() && due(self.checked.files, FILES_POLL) {
            self.checked.files = Some(now);
            let files = self.notices.files_to_check();
            if !files.is_empty() {
                self.effect(Effect::CheckFiles { files });
            }
        }
        let copies_due = self.copies_due() && due(self.checked.copies, CONFLICT_POLL);
        if self.conflict_copies_check(copies_due) {
            self.checked.copies = Some(now);
            if let Some(watch) = &self.copy_watch {
                watch.looked();
            }
        }
        if !self.status.waits_for_the_folder() || self.view.takeover_offered {
            // A window that saves looks for conflict copies when its watcher wakes it (or a
            // look was due too early): an idle window draws no frames for it.
            let waiting = self.copies_due() || self.copies_pending();
            return (self.saver.is_some() && waiting).then_some(CONFLICT_POLL);
        }
        if due(self.checked.lock, LOCK_POLL) {
            self.checked.lock = Some(now);
            self.effect(Effect::CheckLock {
                dir: self.data_dir.clone(),
            });
        }
        Some(LOCK_POLL)
    }

    /// The writer lock was tried (by [`App::run_checks`]'s job): when it is free and this
    /// window is still read-only, taking over is offered.
    pub(super) fn lock_checked(&mut self, free: bool) {
        if free && self.status.waits_for_the_folder() {
            self.view.takeover_offered = true;
        }
    }

    /// Takes over the data folder of a read-only window: opens it again on a job
    /// ([`Effect::TakeOver`], then [`App::took_over`]).
    pub(super) fn take_over(&mut self) {
        if !self.view.takeover_offered {
            return;
        }
        self.view.takeover_offered = false;
        self.effect(Effect::TakeOver {
            dir: self.data_dir.clone(),
        });
    }

    /// The data folder was opened again to take it over: if this window now holds the lock,
    /// the library is read again from disk (the other window's last save) and this window
    /// saves from now on. The view, and what is typed in open fields, is kept. If another
    /// window took the lock first, this one stays read-only and says so.
    pub(super) fn took_over(&mut self, opened: Result<OpenedStore, StorageError>) {
        let was_waiting = self.view.waiting_for_shows;
        let opened = match opened {
            Ok(opened) if !opened.store.is_read_only() => opened,
            Ok(opened) if opened.store.is_waiting_for_shows() => {
                // Still not there: told again, and still read-only (nothing to lose: a
                // read-only window takes no edits).
                self.notices.dismiss_kind("show-files-missing");
                self.adopt_opened(opened);
                self.after_change();
                return;
            }
            Ok(_) => {
                self.notify(
                    "Another Fan Tracker window took this data folder first; this window stays read-only.",
                );
                return;
            }
            Err(error) => {
                self.notify(format!(
                    "This window could not take over the data folder: {error}"
                ));
                return;
            }
        };
        self.notices.dismiss_kind("read-only");
        self.notices.dismiss_kind("show-files-missing");
        self.history = History::new();
        self.status = SaveStatus::UpToDate;
        self.adopt_opened(opened);
        self.after_change();
        if was_waiting {
            // The show that was a placeholder has its articles again: open where a start
            // would, when no article is open.
            if self.view.open_article.is_none()
                && let Some((show, article)) =
                    super::start_place(&self.library, None, self.view.open_show)
            {
                self.open_place(show, article);
            }
            self.notify(
                "Every show file is there now: your whole library is open and saved from this window.",
            );
            return;
        }
        self.notify(format!(
            "This window now saves your library in {}. It was read again from disk first, so it shows the other window's last save.",
            self.data_dir.display()
        ));
    }
}
