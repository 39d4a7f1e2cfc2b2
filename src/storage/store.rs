//! The data folder: one writer (a lock file), atomic replace, backups, files kept aside.

use std::fs::{self, File, OpenOptions};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use atomic_write_file::AtomicWriteFile;
use thiserror::Error;

use super::format::{FormatError, decode};
use crate::model::Library;

/// The library file's name inside the data folder.
pub const LIBRARY_FILE: &str = "library.json";
/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = "fan-tracker.lock";
/// The folder, inside the data folder, holding rotated backups.
const BACKUP_DIR: &str = "backups";
/// How many rotated backups are kept.
pub const BACKUPS_KEPT: usize = 5;
/// The least time between two rotated backups.
const BACKUP_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// A failure to read or write the data folder, in words for the user.
#[derive(Debug, Error)]
pub enum StorageError {
    /// An I/O call failed.
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. "write".
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: io::Error,
    },
    /// Another instance holds the lock, so this one must not write.
    #[error("another Fan Tracker window is using {}; this one is read-only", dir.display())]
    ReadOnly {
        /// The data folder.
        dir: PathBuf,
    },
    /// A file could not be read as a library.
    #[error("{} could not be read: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: FormatError,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StorageError {
    let path = path.to_owned();
    move |source| StorageError::Io {
        action,
        path,
        source,
    }
}

/// Something the user should be told after opening or saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The library file could not be read; it was moved aside, untouched.
    KeptAside {
        /// Where the unreadable file now is.
        kept_as: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// The library file could not be read and could not be moved aside either.
    Unreadable {
        /// Why it could not be read.
        reason: String,
    },
    /// Another instance holds the lock; nothing will be written.
    ReadOnly {
        /// The data folder.
        dir: PathBuf,
    },
    /// The file changed behind the app; the other version was kept as a conflict copy.
    Conflict {
        /// Where the other version now is.
        kept_as: PathBuf,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::KeptAside { kept_as, reason } => write!(
                f,
                "Your saved library could not be read ({reason}). It was kept unchanged as {} and a fresh library was started.",
                kept_as.display()
            ),
            Notice::Unreadable { reason } => write!(
                f,
                "Your saved library could not be read ({reason}) and was left where it is."
            ),
            Notice::ReadOnly { dir } => write!(
                f,
                "Another Fan Tracker window is using {}. This window is read-only: nothing you change here will be saved.",
                dir.display()
            ),
            Notice::Conflict { kept_as } => write!(
                f,
                "The library file was changed by another program. That version was kept as {}; this window's version was saved.",
                kept_as.display()
            ),
        }
    }
}

/// What [`Store::open`] found.
pub struct OpenedStore {
    /// The store, writable unless another instance holds the lock.
    pub store: Store,
    /// The saved library, if there was a readable one.
    pub library: Option<Library>,
    /// What to tell the user.
    pub notices: Vec<Notice>,
}

/// What a save did besides writing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// Set when the file had changed behind the app and the other version was kept aside.
    pub conflict: Option<Notice>,
}

/// The data folder, opened.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// Held while this instance may write; `None` when read-only.
    lock: Option<File>,
    /// Hash of the library file's bytes as last read or written by this store.
    last_known_hash: Option<u64>,
    last_backup: Option<SystemTime>,
}

impl Store {
    /// Opens (creating if needed) the data folder `dir`, takes the writer lock if it is free,
    /// removes leftover temporary files, and reads the library.
    ///
    /// An unreadable library file is never overwritten: it is moved aside and reported.
    pub fn open(dir: &Path) -> Result<OpenedStore, StorageError> {
        create_private_dir(dir)?;
        let mut notices = Vec::new();
        let lock = take_lock(dir)?;
        if lock.is_none() {
            notices.push(Notice::ReadOnly {
                dir: dir.to_owned(),
            });
        } else {
            remove_temp_files(dir);
            remove_temp_files(&dir.join(BACKUP_DIR));
        }
        let mut store = Store {
            dir: dir.to_owned(),
            lock,
            last_known_hash: None,
            last_backup: None,
        };
        let path = store.library_path();
        let library = match fs::read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_error("read", &path)(e)),
            Ok(bytes) => match decode(&bytes) {
                Ok(library) => {
                    store.last_known_hash = Some(hash(&bytes));
                    Some(library)
                }
                Err(error) => {
                    notices.push(store.keep_aside_unreadable(&error));
                    None
                }
            },
        };
        Ok(OpenedStore {
            store,
            library,
            notices,
        })
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The library file's path.
    pub fn library_path(&self) -> PathBuf {
        self.dir.join(LIBRARY_FILE)
    }

    /// Whether another instance holds the lock (nothing is written then).
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Replaces the library file with `bytes`, atomically.
    ///
    /// Before replacing, it checks that the file is still the one this store last read or wrote;
    /// if not, the other version is kept as a conflict copy. Every so often the previous file is
    /// also kept as a rotated backup (always when `force_backup`).
    pub fn save(&mut self, bytes: &[u8], force_backup: bool) -> Result<SaveOutcome, StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly {
                dir: self.dir.clone(),
            });
        }
        let path = self.library_path();
        let mut outcome = SaveOutcome::default();
        match fs::read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error("read", &path)(e)),
            Ok(current) => {
                if self.last_known_hash != Some(hash(&current)) {
                    let kept_as = unique_path(&self.dir, "library.conflict", "json");
                    write_atomically(&kept_as, &current)?;
                    outcome.conflict = Some(Notice::Conflict { kept_as });
                } else if force_backup || self.backup_due() {
                    self.write_backup(&current)?;
                }
            }
        }
        write_atomically(&path, bytes)?;
        self.last_known_hash = Some(hash(bytes));
        Ok(outcome)
    }

    /// The rotated backups, newest first.
    pub fn backups(&self) -> Result<Vec<PathBuf>, StorageError> {
        list_backups(&self.dir)
    }

    /// Reads a library from `path` (a backup or any saved file) without changing anything.
    pub fn read_library(path: &Path) -> Result<Library, StorageError> {
        let bytes = fs::read(path).map_err(io_error("read", path))?;
        decode(&bytes).map_err(|source| StorageError::Unreadable {
            path: path.to_owned(),
            source,
        })
    }

    fn backup_due(&self) -> bool {
        self.last_backup
            .is_none_or(|t| t.elapsed().unwrap_or(Duration::ZERO) >= BACKUP_INTERVAL)
    }

    fn write_backup(&mut self, bytes: &[u8]) -> Result<(), StorageError> {
        let dir = self.dir.join(BACKUP_DIR);
        create_private_dir(&dir)?;
        write_atomically(&unique_path(&dir, "library", "json"), bytes)?;
        self.last_backup = Some(SystemTime::now());
        for old in self.backups()?.into_iter().skip(BACKUPS_KEPT) {
            fs::remove_file(&old).map_err(io_error("remove old backup", &old))?;
        }
        Ok(())
    }

    fn keep_aside_unreadable(&self, error: &FormatError) -> Notice {
        let reason = error.to_string();
        if self.is_read_only() {
            return Notice::Unreadable { reason };
        }
        let kept_as = unique_path(&self.dir, "library.unreadable", "json");
        match fs::rename(self.library_path(), &kept_as) {
            Ok(()) => Notice::KeptAside { kept_as, reason },
            Err(e) => Notice::Unreadable {
                reason: format!("{reason}; moving it aside failed: {e}"),
            },
        }
    }
}

/// The rotated backups in the data folder `data_dir`, newest first.
pub fn list_backups(data_dir: &Path) -> Result<Vec<PathBuf>, StorageError> {
    let dir = data_dir.join(BACKUP_DIR);
    let entries = match fs::read_dir(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.map_err(io_error("list", &dir))?,
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("library-") && n.ends_with(".json"))
        })
        .collect();
    backups.sort();
    backups.reverse();
    Ok(backups)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, fsynced, renamed over
/// the target, with the folder fsynced; mode 0600 on Unix.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.preserve_mode(false).mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(io_error("create a temporary file for", path))?;
    file.write_all(bytes).map_err(io_error("write", path))?;
    file.commit().map_err(io_error("replace", path))
}

fn create_private_dir(dir: &Path) -> Result<(), StorageError> {
    fs::create_dir_all(dir).map_err(io_error("create the folder", dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(io_error("set permissions on", dir))?;
    }
    Ok(())
}

/// Takes the writer lock: `Some(file)` when held, `None` when another instance holds it.
fn take_lock(dir: &Path) -> Result<Option<File>, StorageError> {
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options
        .open(&path)
        .map_err(io_error("open the lock file", &path))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(io_error("lock", &path)(e)),
    }
}

/// Removes temporary files left by an interrupted atomic write (`.library.json.XXXX` and the
/// like). They are never loaded.
fn remove_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.')
            && name.contains(".json.")
            && let Err(e) = fs::remove_file(entry.path())
        {
            log::warn!("could not remove leftover temporary file {name}: {e}");
        }
    }
}

/// `dir/stem-<UTC time>.ext`, with a counter added when that name is taken.
fn unique_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%S%.3fZ")
        .to_string();
    let mut candidate = dir.join(format!("{stem}-{stamp}.{ext}"));
    let mut n = 1;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}-{stamp}-{n}.{ext}"));
        n += 1;
    }
    candidate
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}
