//! Reading and importing articles off the UI thread.
//!
//! Opening a file (command line, file picker, drop) and pasting text all start a job here; a
//! worker thread reads the file and runs [`crate::model::import`], and the app applies the
//! finished job after a frame (see [`super::App::after_frame`]). While a job runs, the status
//! line says what is being opened.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::error::ReadError;
use super::wake::Wake;
use crate::model::{ImportError, Imported, MAX_ARTICLE_BYTES, Origin, import};

/// What to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportSource {
    /// A file on disk.
    File(PathBuf),
    /// Text pasted into the window.
    Pasted(String),
}

/// How a job ended.
#[derive(Debug)]
pub enum ImportOutcome {
    /// The file was imported before and cannot be read now: open the saved copy.
    Reopen,
    /// A new article.
    Imported(Box<Imported>),
    /// It could not be opened.
    Failed(ReadError),
}

/// A finished job.
#[derive(Debug)]
pub struct ImportDone {
    /// Which job.
    pub id: u64,
    /// The file's key for reopening (its canonical path), `None` for pasted text.
    pub key: Option<String>,
    /// The file's name as the user knows it, or "the pasted text".
    pub label: String,
    /// The result.
    pub outcome: ImportOutcome,
}

/// Imports under way and the channel their results come back on.
pub struct Importer {
    sender: Sender<ImportDone>,
    receiver: Receiver<ImportDone>,
    /// Jobs under way: id and what is being opened, for the status line.
    pending: Vec<(u64, String)>,
    next_id: u64,
    wake: Wake,
}

impl Importer {
    /// An importer that wakes `wake` (the window) when a job finishes.
    pub fn new(wake: Wake) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            pending: Vec::new(),
            next_id: 0,
            wake,
        }
    }

    /// Starts importing `source` on a worker thread. `known` are the source keys already in
    /// the library (a file among them is reopened, not read again).
    pub fn start(&mut self, source: ImportSource, known: Vec<String>) {
        self.next_id += 1;
        let id = self.next_id;
        self.pending.push((id, label(&source)));
        let sender = self.sender.clone();
        let wake = self.wake.clone();
        let job = move || {
            // A bug in a parser must not leave the job pending for ever: it becomes a notice.
            let done =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(id, &source, &known)))
                    .unwrap_or_else(|_| ImportDone {
                        id,
                        key: None,
                        label: label(&source),
                        outcome: ImportOutcome::Failed(ReadError::Fault {
                            label: label(&source),
                        }),
                    });
            // The app may be gone already; then nobody needs the result.
            let _ = sender.send(done);
            wake.wake();
        };
        if let Err(error) = std::thread::Builder::new()
            .name("fan-tracker-import".into())
            .spawn(job)
        {
            log::error!("could not start an import thread: {error}");
            let _ = self.sender.send(ImportDone {
                id,
                key: None,
                label: self.pending.last().map(|p| p.1.clone()).unwrap_or_default(),
                outcome: ImportOutcome::Failed(ReadError::NoThread(error)),
            });
        }
    }

    /// What is being opened, for the status line.
    pub fn pending(&self) -> impl Iterator<Item = &str> {
        self.pending.iter().map(|(_, label)| label.as_str())
    }

    /// Whether a job is under way.
    pub fn is_busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The jobs finished since the last call, without waiting.
    pub fn poll(&mut self) -> Vec<ImportDone> {
        let done: Vec<ImportDone> = self.receiver.try_iter().collect();
        self.forget(&done);
        done
    }

    /// Waits until every job under way has finished, and returns them.
    pub fn wait(&mut self) -> Vec<ImportDone> {
        let mut done = Vec::new();
        while done.len() < self.pending.len() {
            match self.receiver.recv() {
                Ok(job) => done.push(job),
                Err(_) => break,
            }
        }
        self.forget(&done);
        done
    }

    fn forget(&mut self, done: &[ImportDone]) {
        self.pending
            .retain(|(id, _)| done.iter().all(|d| d.id != *id));
    }
}

fn label(source: &ImportSource) -> String {
    match source {
        ImportSource::File(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        ImportSource::Pasted(_) => "the pasted text".to_owned(),
    }
}

/// Reads and imports one source (on the worker thread).
fn run(id: u64, source: &ImportSource, known: &[String]) -> ImportDone {
    let label = label(source);
    let (key, outcome) = match source {
        ImportSource::Pasted(text) => (
            None,
            match import(text.as_bytes(), Origin::Pasted) {
                Ok(imported) => ImportOutcome::Imported(Box::new(imported)),
                Err(e) => ImportOutcome::Failed(ReadError::Pasted(e)),
            },
        ),
        ImportSource::File(path) => {
            let key = source_key(path);
            // A file imported before is read again: it may have changed since. When it can
            // no longer be read, its saved copy opens.
            let outcome = match read_file(path) {
                Ok(imported) => ImportOutcome::Imported(Box::new(imported)),
                Err(_) if known.contains(&key) => ImportOutcome::Reopen,
                Err(error) => ImportOutcome::Failed(error),
            };
            (Some(key), outcome)
        }
    };
    ImportDone {
        id,
        key,
        label,
        outcome,
    }
}

/// The key a file is remembered by: its canonical path (the path as given when it is gone).
pub fn source_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// Reads a file and imports it.
///
/// # Errors
/// [`ReadError`]: the file cannot be read, is not a file, is over [`MAX_ARTICLE_BYTES`], or
/// its bytes are not an article ([`ImportError`]); its `Display` is the sentence for the user.
pub fn read_file(path: &Path) -> Result<Imported, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_owned(),
        });
    }
    let too_large = |size_bytes| ReadError::Import {
        path: path.to_owned(),
        source: ImportError::TooLarge {
            size_bytes,
            limit_bytes: MAX_ARTICLE_BYTES,
        },
    };
    if metadata.len() > MAX_ARTICLE_BYTES as u64 {
        return Err(too_large(
            usize::try_from(metadata.len()).unwrap_or(usize::MAX),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path.to_string_lossy();
    import(&bytes, Origin::File(&name)).map_err(|source| ReadError::Import {
        path: path.to_owned(),
        source,
    })
}
