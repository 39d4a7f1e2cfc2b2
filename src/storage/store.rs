//! The data folder: one writer (a lock file), atomic replace, backups, files kept aside.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use thiserror::Error;

use super::format::{FormatError, decode};
use super::fs::{FileSystem, RealFs};
use crate::model::Library;

/// The library file's name inside the data folder.
pub const LIBRARY_FILE: &str = "library.json";
/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = "fan-tracker.lock";
/// The folder, inside the data folder, holding rotated backups.
const BACKUP_DIR: &str = "backups";
/// Rotated backups are named `<stem>-<time>[-<n>].<ext>` (see [`unique_path`]).
const BACKUP_STEM: &str = "library";
/// See [`BACKUP_STEM`].
const BACKUP_EXT: &str = "json";
/// How many rotated backups are kept.
pub const BACKUPS_KEPT: usize = 5;
/// How many times the writer lock is tried before opening read-only.
const LOCK_ATTEMPTS: u32 = 10;
/// The pause between two tries of the writer lock.
const LOCK_RETRY_DELAY: Duration = Duration::from_millis(25);
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
                "The library file was changed by another program, and some of its changes clash with yours. Yours were kept; the other version is saved as {}.",
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

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The new version was written; `notices` tell of files kept aside on the way.
    Written {
        /// What to tell the user.
        notices: Vec<Notice>,
    },
    /// Nothing was written: the file changed behind the app. Merge `theirs` (descended from
    /// `base`, the version this store last read or wrote) into the library and save again.
    ChangedOnDisk {
        /// The version this store last read or wrote (empty when there was none).
        base: Box<Library>,
        /// The version now on disk.
        theirs: Box<Library>,
        /// Its bytes, to keep as a conflict copy if the merge clashes.
        theirs_bytes: Vec<u8>,
    },
}

/// One save: the bytes to write, and what to keep on the way.
#[derive(Clone, Debug, Default)]
pub struct SaveRequest {
    /// The encoded library.
    pub bytes: Vec<u8>,
    /// Keep the file being replaced as a rotated backup even if one was made recently.
    pub force_backup: bool,
    /// Another version to keep as `library.conflict-*.json` before writing.
    pub conflict_copy: Option<Vec<u8>>,
}

/// The data folder, opened.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    fs: Box<dyn FileSystem>,
    /// Held while this instance may write; `None` when read-only.
    lock: Option<File>,
    /// The library file's bytes as last read or written by this store.
    last_known: Option<Vec<u8>>,
    last_backup: Option<SystemTime>,
}

impl Store {
    /// Opens (creating if needed) the data folder `dir`, takes the writer lock if it is free,
    /// removes leftover temporary files, and reads the library.
    ///
    /// An unreadable library file is never overwritten: it is moved aside and reported.
    pub fn open(dir: &Path) -> Result<OpenedStore, StorageError> {
        Self::open_with(dir, Box::new(RealFs))
    }

    /// [`Store::open`] with the file operations given (tests inject failures this way).
    pub fn open_with(dir: &Path, fs: Box<dyn FileSystem>) -> Result<OpenedStore, StorageError> {
        fs.create_private_dir(dir)
            .map_err(io_error("create the folder", dir))?;
        let mut notices = Vec::new();
        let lock = take_lock(dir)?;
        if lock.is_none() {
            notices.push(Notice::ReadOnly {
                dir: dir.to_owned(),
            });
        } else {
            remove_temp_files(&*fs, dir);
            remove_temp_files(&*fs, &dir.join(BACKUP_DIR));
        }
        let mut store = Store {
            dir: dir.to_owned(),
            fs,
            lock,
            last_known: None,
            last_backup: None,
        };
        let library = match store.read_current()? {
            None => None,
            Some(bytes) => match decode(&bytes) {
                Ok(library) => {
                    store.last_known = Some(bytes);
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

    /// Replaces the library file with `request.bytes`, atomically.
    ///
    /// Before replacing, it checks that the file is still the one this store last read or
    /// wrote. If another program changed it, nothing is written and the other version comes
    /// back as [`SaveOutcome::ChangedOnDisk`] to be merged; if that version cannot even be read,
    /// it is kept aside and the save goes ahead. Every so often the file being replaced is also
    /// kept as a rotated backup.
    pub fn save(&mut self, request: &SaveRequest) -> Result<SaveOutcome, StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly {
                dir: self.dir.clone(),
            });
        }
        let mut notices = Vec::new();
        let current = self.read_current()?;
        let changed_behind = current
            .as_ref()
            .is_some_and(|c| Some(c) != self.last_known.as_ref());
        match current {
            Some(current) if changed_behind => match decode(&current) {
                Ok(theirs) => {
                    let base = self
                        .last_known
                        .as_deref()
                        .and_then(|b| decode(b).ok())
                        .unwrap_or_else(Library::empty);
                    self.last_known = Some(current.clone());
                    return Ok(SaveOutcome::ChangedOnDisk {
                        base: Box::new(base),
                        theirs: Box::new(theirs),
                        theirs_bytes: current,
                    });
                }
                Err(error) => notices.push(self.keep_aside_unreadable(&error)),
            },
            Some(current) if request.force_backup || self.backup_due() => {
                self.write_backup(&current)?;
            }
            _ => {}
        }
        if let Some(theirs) = &request.conflict_copy {
            let kept_as = unique_path(&self.dir, "library.conflict", "json");
            self.write(&kept_as, theirs)?;
            notices.push(Notice::Conflict { kept_as });
        }
        self.write(&self.library_path(), &request.bytes)?;
        self.last_known = Some(request.bytes.clone());
        Ok(SaveOutcome::Written { notices })
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

    /// The library file's bytes, or `None` when there is no file.
    fn read_current(&self) -> Result<Option<Vec<u8>>, StorageError> {
        let path = self.library_path();
        match self.fs.read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error("read", &path)(e)),
            Ok(bytes) => Ok(Some(bytes)),
        }
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
        self.fs
            .write_atomic(path, bytes)
            .map_err(io_error("write", path))
    }

    fn backup_due(&self) -> bool {
        self.last_backup
            .is_none_or(|t| t.elapsed().unwrap_or(Duration::ZERO) >= BACKUP_INTERVAL)
    }

    fn write_backup(&mut self, bytes: &[u8]) -> Result<(), StorageError> {
        let dir = self.dir.join(BACKUP_DIR);
        self.fs
            .create_private_dir(&dir)
            .map_err(io_error("create the folder", &dir))?;
        self.write(&unique_path(&dir, BACKUP_STEM, BACKUP_EXT), bytes)?;
        self.last_backup = Some(SystemTime::now());
        let listed = self.fs.list(&dir).map_err(io_error("list", &dir))?;
        for old in newest_backups_first(listed).into_iter().skip(BACKUPS_KEPT) {
            self.fs
                .remove(&old)
                .map_err(io_error("remove old backup", &old))?;
        }
        Ok(())
    }

    fn keep_aside_unreadable(&self, error: &FormatError) -> Notice {
        let reason = error.to_string();
        if self.is_read_only() {
            return Notice::Unreadable { reason };
        }
        let kept_as = unique_path(&self.dir, "library.unreadable", "json");
        match self.fs.rename(&self.library_path(), &kept_as) {
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
    match RealFs.list(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(io_error("list", &dir)(e)),
        Ok(entries) => Ok(newest_backups_first(entries)),
    }
}

/// Keeps the backup files among `entries`, newest first.
fn newest_backups_first(entries: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut backups: Vec<((String, u32), PathBuf)> = entries
        .into_iter()
        .filter_map(|path| Some((backup_order(&path)?, path)))
        .collect();
    backups.sort_by(|a, b| b.0.cmp(&a.0));
    backups.into_iter().map(|(_, path)| path).collect()
}

/// Where a backup named `library-<time>[-<n>].json` (see [`unique_path`]) comes in time: its
/// time stamp, then its counter (0 for none), as names alone do not sort that way (`…Z-1.json`
/// sorts before `…Z.json`, and `-10` before `-2`). `None` for other files.
fn backup_order(path: &Path) -> Option<(String, u32)> {
    let name = path.file_name()?.to_str()?;
    let middle = name
        .strip_prefix(BACKUP_STEM)?
        .strip_prefix('-')?
        .strip_suffix(BACKUP_EXT)?
        .strip_suffix('.')?;
    match middle.rsplit_once('-') {
        Some((stamp, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            Some((stamp.to_owned(), n.parse().ok()?))
        }
        _ => Some((middle.to_owned(), 0)),
    }
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
    // A window that is just closing may hold the lock a moment longer (as may a process
    // being started, between fork and exec), so ask a few times before going read-only.
    for attempt in 0..LOCK_ATTEMPTS {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) if attempt + 1 < LOCK_ATTEMPTS => {
                std::thread::sleep(LOCK_RETRY_DELAY);
            }
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) => return Err(io_error("lock", &path)(e)),
        }
    }
    Ok(None)
}

/// Removes temporary files left by an interrupted atomic write (`.library.json.XXXX` and the
/// like). They are never loaded.
fn remove_temp_files(fs: &dyn FileSystem, dir: &Path) {
    let Ok(entries) = fs.list(dir) else {
        return;
    };
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.')
            && name.contains(".json.")
            && let Err(e) = fs.remove(&path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_made_within_one_millisecond_keep_their_order() {
        let names = [
            "library-20261127T081659.999Z.json",
            "library-20261127T081700.123Z-1.json",
            "library-20261127T081700.123Z.json",
            "library-20261127T081700.123Z-10.json",
            "library-20261127T081700.123Z-2.json",
            "library.unreadable-20261127T081700.123Z.json",
            "notes.txt",
        ];
        let sorted = newest_backups_first(names.iter().map(PathBuf::from).collect());
        let sorted: Vec<&str> = sorted.iter().filter_map(|p| p.to_str()).collect();
        assert_eq!(
            sorted,
            [
                "library-20261127T081700.123Z-10.json",
                "library-20261127T081700.123Z-2.json",
                "library-20261127T081700.123Z-1.json",
                "library-20261127T081700.123Z.json",
                "library-20261127T081659.999Z.json",
            ]
        );
    }
}
