//! Saving off the UI thread: a worker owns the [`Store`] and writes the bytes it is sent.
//!
//! The UI thread encodes the library (fast) and sends the bytes; the worker does the disk work
//! (read-back check, backup, atomic replace) and reports back, so no frame waits on the disk.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::storage::{SaveOutcome, Store};

/// A finished save.
#[derive(Debug)]
pub struct SaveReport {
    /// Which edit generation was written.
    pub generation: u64,
    /// What happened, with the error in words.
    pub result: Result<SaveOutcome, String>,
}

enum Job {
    Save {
        bytes: Vec<u8>,
        generation: u64,
        force_backup: bool,
    },
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
                while let Ok(first) = job_rx.recv() {
                    // Only the newest pending snapshot matters.
                    let Job::Save {
                        mut bytes,
                        mut generation,
                        mut force_backup,
                    } = first;
                    while let Ok(Job::Save {
                        bytes: b,
                        generation: g,
                        force_backup: f,
                    }) = job_rx.try_recv()
                    {
                        bytes = b;
                        generation = g;
                        force_backup |= f;
                    }
                    let result = store.save(&bytes, force_backup).map_err(|e| e.to_string());
                    if report_tx.send(SaveReport { generation, result }).is_err() {
                        break;
                    }
                    wake();
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

    /// Queues `bytes` for writing; returns false when the worker is gone.
    pub fn save(&self, bytes: Vec<u8>, generation: u64, force_backup: bool) -> bool {
        self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Job::Save {
                bytes,
                generation,
                force_backup,
            })
            .is_ok()
        })
    }

    /// Reports of finished saves, without waiting.
    pub fn poll(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }

    /// Waits until the save of `generation` (or a later one) has been reported.
    pub fn wait_for(&self, generation: u64) -> Option<SaveReport> {
        while let Ok(report) = self.reports.recv() {
            if report.generation >= generation {
                return Some(report);
            }
        }
        None
    }

    /// Waits for every queued save to finish, stops the worker and returns the last report.
    pub fn finish(&mut self) -> Option<SaveReport> {
        self.jobs = None;
        if let Some(worker) = self.worker.take()
            && worker.join().is_err()
        {
            log::error!("the saving thread panicked");
        }
        self.reports.try_iter().last()
    }
}
