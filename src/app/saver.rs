//! Saving off the UI thread: a worker owns the [`Store`], encodes the snapshot it is sent and
//! writes it.
//!
//! The UI thread sends an `Arc` of the library (no copy); the worker hands it to the store,
//! which encodes it and does the disk work (read-back check, backup, atomic replace), then
//! reports back, so no frame waits on the disk. The next edit copies the library only if the
//! worker still holds the snapshot.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::model::Library;
use crate::storage::{SaveOutcome, SaveRequest, Store};

/// A finished save.
#[derive(Debug)]
pub struct SaveReport {
    /// Which edit generation was written.
    pub generation: u64,
    /// What happened, with the error in words.
    pub result: Result<SaveOutcome, String>,
}

/// One snapshot to write.
struct Job {
    library: Arc<Library>,
    generation: u64,
    force_backup: bool,
    conflict_copy: Option<Vec<u8>>,
}

/// Handle to the saving worker.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    reports: Receiver<SaveReport>,
    worker: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts a worker that owns `store`; `wake` is called after each report (to repaint).
    pub fn start(mut store: Store, wake: impl Fn() + Send + 'static) -> Self {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (report_tx, report_rx) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("fan-tracker-saver".into())
            .spawn(move || {
                let mut next: Option<Job> = None;
                while let Some(mut job) = next.take().or_else(|| job_rx.recv().ok()) {
                    // Only the newest pending snapshot matters; keep what older ones asked for.
                    // A snapshot that forces a backup waits for the one before it to be
                    // written, so the backup holds that one (restoring a backup relies on it).
                    while let Ok(newer) = job_rx.try_recv() {
                        if newer.force_backup {
                            next = Some(newer);
                            break;
                        }
                        let conflict_copy = newer.conflict_copy.or(job.conflict_copy.take());
                        job = Job {
                            force_backup: job.force_backup,
                            conflict_copy,
                            ..newer
                        };
                    }
                    let request = SaveRequest {
                        library: job.library,
                        force_backup: job.force_backup,
                        conflict_copy: job.conflict_copy,
                    };
                    let result = store.save(&request).map_err(|e| e.to_string());
                    drop(request);
                    let report = SaveReport {
                        generation: job.generation,
                        result,
                    };
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
        match worker {
            Ok(handle) => Self {
                jobs: Some(job_tx),
                reports: report_rx,
                worker: Some(handle),
            },
            Err(e) => {
                log::error!("could not start the saving thread: {e}");
                Self {
                    jobs: None,
                    reports: report_rx,
                    worker: None,
                }
            }
        }
    }

    /// Queues a snapshot for writing; returns false when the worker is gone.
    pub fn save(
        &self,
        library: Arc<Library>,
        generation: u64,
        force_backup: bool,
        conflict_copy: Option<Vec<u8>>,
    ) -> bool {
        self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Job {
                library,
                generation,
                force_backup,
                conflict_copy,
            })
            .is_ok()
        })
    }

    /// Reports of finished saves, without waiting.
    pub fn poll(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Waits for the next report.
    pub fn wait(&self) -> Option<SaveReport> {
        self.reports.recv().ok()
    }

    /// Stops the worker after the queued saves and returns their reports.
    pub fn finish(&mut self) -> Vec<SaveReport> {
        self.jobs = None;
        if let Some(worker) = self.worker.take()
            && worker.join().is_err()
        {
            log::error!("the saving thread panicked");
        }
        self.reports.try_iter().collect()
    }
}
