//! Saving off the UI thread, on the saver's own clock: a worker owns the [`Store`], wakes when
//! a save is due and hands the newest snapshot it was handed to the store, which encodes it
//! (with the file's next revision) and writes it. No encoding happens on the UI thread.
//!
//! After every edit the UI thread hands the worker an `Arc` of the library (no copy) and the
//! time the save is due. The worker sleeps until then by itself, so a frame that takes
//! seconds (a huge article being laid out, a file dialog) never delays a due save: the edit
//! reaches the disk on time even while the UI thread is busy. A failed save is retried by the
//! worker too, [`RETRY_DELAY`](super::RETRY_DELAY) later.
//!
//! The snapshot waits in a shared slot rather than a channel, so that before the next edit the
//! UI thread can take it back ([`Saver::reclaim`]) and change the library in place instead of
//! copying it (a library holding a 15 MB article would otherwise be copied on every
//! keystroke). Only a snapshot being written at that very moment costs a copy.
//!
//! A save that forces a backup is never folded into a different snapshot still waiting before
//! it: that one is written first, on its own, so the backup holds it (restoring a backup
//! relies on the backup holding the library it replaced).

use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Instant;

use super::error::SaveError;
use crate::model::Library;
use crate::storage::{SaveOutcome, SaveRequest, Store};

/// A finished save.
#[derive(Debug)]
pub struct SaveReport {
    /// Which edit generation was written.
    pub generation: u64,
    /// What happened.
    pub result: Result<SaveOutcome, SaveError>,
}

/// The save waiting for its time.
#[derive(Debug)]
struct Job {
    /// The newest snapshot, or `None` while the UI thread has taken it back to change it
    /// (it hands the changed one over in the same frame).
    library: Option<Arc<Library>>,
    generation: u64,
    /// When to write it.
    due: Instant,
    force_backup: bool,
    conflict_copy: Option<Vec<u8>>,
}

/// What the UI thread and the worker share.
#[derive(Debug, Default)]
struct Slot {
    /// A save that must be written before `job`, on its own: `job` forces a backup, which
    /// has to hold this library (see [`Saver::schedule`]).
    before: Option<Job>,
    job: Option<Job>,
    /// Set when the app closes: write what is pending now, then stop.
    finishing: bool,
}

#[derive(Debug, Default)]
struct Shared {
    slot: Mutex<Slot>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic on the other thread leaves the data consistent (every change is one
        // assignment), so a poisoned lock is still usable.
        self.slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Handle to the saving worker.
pub struct Saver {
    shared: Arc<Shared>,
    reports: Receiver<SaveReport>,
    worker: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts a worker that owns `store`; `wake` is called after each report (to repaint).
    pub fn start(store: Store, wake: impl Fn() + Send + 'static) -> Self {
        let shared = Arc::new(Shared::default());
        let (report_tx, report_rx) = mpsc::channel();
        let worker_shared = Arc::clone(&shared);
        let worker = super::jobs::spawn_thread("fan-tracker-saver", move || {
            let mut store = store;
            while let Some(job) = next_due(&worker_shared) {
                let report = write(&mut store, &worker_shared, job);
                if report_tx.send(report).is_err() {
                    break;
                }
                wake();
            }
            // An older copy written over the file since the last save must not outlive
            // this window: the store puts its last version back (the copy kept aside).
            match store.close() {
                Ok(notices) => notices.iter().for_each(|n| log::warn!("{n}")),
                Err(e) => log::error!("could not check the library file on closing: {e}"),
            }
            // The store (and its writer lock) is dropped here, after the last save.
            drop(store);
        });
        let worker = match worker {
            Ok(handle) => Some(handle),
            Err(e) => {
                log::error!("could not start the saving thread: {e}");
                None
            }
        };
        Self {
            shared,
            reports: report_rx,
            worker,
        }
    }

    /// Whether the worker is running (saves can be handed to it).
    pub fn is_running(&self) -> bool {
        self.worker.as_ref().is_some_and(|w| !w.is_finished())
    }

    /// Hands over the newest snapshot, to be written at `due` (or earlier, if a save was
    /// already due earlier). Flags asked for by a save still pending are kept. A snapshot that
    /// forces a backup does not replace a pending one that does not: that one is written
    /// first, so the backup holds it. Returns false when the worker is gone.
    pub fn schedule(
        &self,
        library: Arc<Library>,
        generation: u64,
        due: Instant,
        force_backup: bool,
        conflict_copy: Option<Vec<u8>>,
    ) -> bool {
        if !self.is_running() {
            return false;
        }
        let mut slot = self.shared.lock();
        let job = match slot.job.take() {
            Some(old) if must_go_first(&old, force_backup) => {
                slot.before = Some(Job {
                    due: old.due.min(due),
                    ..old
                });
                Job {
                    library: Some(library),
                    generation,
                    due,
                    force_backup,
                    conflict_copy,
                }
            }
            Some(old) => Job {
                library: Some(library),
                generation,
                due: old.due.min(due),
                force_backup: old.force_backup || force_backup,
                conflict_copy: conflict_copy.or(old.conflict_copy),
            },
            None => Job {
                library: Some(library),
                generation,
                due,
                force_backup,
                conflict_copy,
            },
        };
        slot.job = Some(job);
        self.shared.changed.notify_all();
        true
    }

    /// Takes back the pending snapshot if it is `library` (the worker has not started on it),
    /// so the UI thread can change the library without copying it. The save stays pending;
    /// [`Saver::schedule`] hands over the changed library.
    pub fn reclaim(&self, library: &Arc<Library>) {
        let mut slot = self.shared.lock();
        if let Some(job) = slot.job.as_mut()
            && job
                .library
                .as_ref()
                .is_some_and(|l| Arc::ptr_eq(l, library))
        {
            job.library = None;
        }
    }

    /// Reports of finished saves, without waiting.
    pub fn poll(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Waits for the next report.
    pub fn wait(&self) -> Option<SaveReport> {
        if !self.is_running() {
            return self.reports.try_recv().ok();
        }
        self.reports.recv().ok()
    }

    /// Writes what is pending now, stops the worker and returns the reports not yet taken.
    pub fn finish(&mut self) -> Vec<SaveReport> {
        {
            let mut slot = self.shared.lock();
            slot.finishing = true;
            self.shared.changed.notify_all();
        }
        if let Some(worker) = self.worker.take()
            && worker.join().is_err()
        {
            log::error!("the saving thread panicked");
        }
        self.reports.try_iter().collect()
    }
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Saver")
            .field("running", &self.is_running())
            .finish_non_exhaustive()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        if self.worker.is_some() {
            self.finish();
        }
    }
}

/// Whether `pending` must be written on its own before a save that forces a backup (when
/// `force_backup`): it holds a snapshot and does not force one itself, so folding the two
/// together would leave its library out of the backup.
fn must_go_first(pending: &Job, force_backup: bool) -> bool {
    force_backup && !pending.force_backup && pending.library.is_some()
}

/// Sleeps until a save is due (or the app is closing) and takes it: the save that must go
/// first, if any, before the newest. `None`: stop.
fn next_due(shared: &Shared) -> Option<Job> {
    let mut slot = shared.lock();
    loop {
        let ready = match slot.before.as_ref() {
            Some(before) => Some(before),
            None => slot.job.as_ref().filter(|j| j.library.is_some()),
        };
        match ready {
            Some(job) if slot.finishing || Instant::now() >= job.due => {
                return slot.before.take().or_else(|| slot.job.take());
            }
            Some(job) => {
                let wait = job.due.saturating_duration_since(Instant::now());
                slot = shared
                    .changed
                    .wait_timeout(slot, wait)
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .0;
            }
            // Nothing ready: a snapshot taken back is handed over again within the frame, so
            // when closing there is nothing more to wait for.
            None if slot.finishing => return None,
            None => {
                slot = shared
                    .changed
                    .wait(slot)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        }
    }
}

/// Encodes and writes `job`; a failed save is put back to be retried later, unless a newer
/// snapshot is already waiting (which is then retried instead, keeping the job's flags).
fn write(store: &mut Store, shared: &Shared, job: Job) -> SaveReport {
    let Job {
        library,
        generation,
        force_backup,
        conflict_copy,
        ..
    } = job;
    let Some(library) = library else {
        // `next_due` only hands over jobs with a snapshot.
        return SaveReport {
            generation,
            result: Err(SaveError::NothingToSave),
        };
    };
    // The store encodes the library (on this thread) with the file's next revision.
    let request = SaveRequest {
        library,
        force_backup,
        conflict_copy,
    };
    let result = store.save(&request).map_err(SaveError::Storage);
    if result.is_err() {
        let SaveRequest {
            library,
            force_backup,
            conflict_copy,
        } = request;
        let retry_at = Instant::now() + super::RETRY_DELAY;
        let mut slot = shared.lock();
        if !slot.finishing {
            let failed = Job {
                library: Some(library),
                generation,
                due: retry_at,
                force_backup,
                conflict_copy,
            };
            let retry = match slot.job.take() {
                // The newer save forces a backup that must hold this one: retry this first.
                Some(newer) if must_go_first(&failed, newer.force_backup) => {
                    slot.before = Some(failed);
                    newer
                }
                Some(newer) => Job {
                    due: newer.due.max(retry_at),
                    force_backup: newer.force_backup || failed.force_backup,
                    conflict_copy: newer.conflict_copy.or(failed.conflict_copy),
                    ..newer
                },
                None => failed,
            };
            slot.job = Some(retry);
        }
    }
    SaveReport { generation, result }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn library_with_note(note: &str) -> Arc<Library> {
        let mut library = Library::default();
        library.shows[0].note = note.into();
        Arc::new(library)
    }

    /// A save forcing a backup, handed over while another snapshot still waits, is not folded
    /// into it: the waiting one is written first, so the backup holds it.
    #[test]
    fn a_forced_backup_holds_the_snapshot_waiting_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let opened = Store::open(dir.path()).unwrap();
        let mut saver = Saver::start(opened.store, || {});
        let later = Instant::now() + Duration::from_secs(3600);
        assert!(saver.schedule(library_with_note("replaced"), 1, later, false, None));
        assert!(saver.schedule(library_with_note("restored"), 2, Instant::now(), true, None));
        let mut reports = Vec::new();
        let start = Instant::now();
        while reports.len() < 2 && start.elapsed() < Duration::from_secs(10) {
            reports.extend(saver.poll());
            std::thread::sleep(Duration::from_millis(10));
        }
        reports.extend(saver.finish());
        let written: Vec<u64> = reports
            .iter()
            .filter(|r| matches!(r.result, Ok(SaveOutcome::Written { .. })))
            .map(|r| r.generation)
            .collect();
        assert_eq!(written, [1, 2], "{reports:?}");
        let backups = crate::storage::list_backups(dir.path()).unwrap();
        let newest = Store::read_library(&backups[0]).unwrap();
        assert_eq!(newest.shows[0].note, "replaced");
        let current = Store::read_library(&dir.path().join(crate::storage::LIBRARY_FILE)).unwrap();
        assert_eq!(current.shows[0].note, "restored");
    }
}
