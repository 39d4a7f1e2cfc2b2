//! The data folder: one writer (a lock file), atomic replace, backups, files kept aside.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use thiserror::Error;

use super::backups::{self, BACKUP_DIR};
use super::format::shows;
use super::format::v4::{ARTICLES_DIR, is_sha256_hex, sha256_hex};
use super::format::v5::SHOWS_DIR;
use super::format::{
    CURRENT_FORMAT_VERSION, DataDir, DataFile, FormatError, Lineage, Loaded, Repair,
    decode_file_with, describe_missing_show_files, encode_library_file,
};
use super::fs::{FileSystem, RealFs, follow_links};
use super::notice::Notice;
use super::pins::BackupPins;
use super::show_files;
use super::sync_copies::MERGED_DIR;
use crate::model::Library;

/// The library file's name inside the data folder.
pub const LIBRARY_FILE: &str = "library.json";
/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = "fan-tracker.lock";
/// How many rotated backups are kept at most (see the time ladder in [`backups`]).
pub const BACKUPS_KEPT: usize =
    backups::RECENT_KEPT + (backups::DAYS_KEPT + backups::WEEKS_KEPT) as usize;
/// How many times the writer lock is tried before opening read-only.
const LOCK_ATTEMPTS: u32 = 10;
/// The pause between two tries of the writer lock.
const LOCK_RETRY_DELAY: Duration = Duration::from_millis(25);
/// The least time between two rotated backups while editing (measured on the monotonic clock
/// of [`FileSystem::now`], so changing the system clock does not change it).
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// How long saves wait for the show files of another device's save that arrived before them:
/// two minutes. Then the other version is kept aside to be merged when they arrive, and the
/// fan's is written (the fan's words never stay in memory only for long).
pub const SHOW_FILES_WAIT: Duration = Duration::from_secs(2 * 60);

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
    /// The library file could not be read and moving it aside failed, so nothing was written
    /// over it.
    #[error(
        "{} could not be read ({reason}) and could not be moved aside to {} ({source}), so nothing was written over it",
        path.display(),
        kept_as.display()
    )]
    CannotMoveAside {
        /// The unreadable library file.
        path: PathBuf,
        /// Where it was to go.
        kept_as: PathBuf,
        /// Why it could not be read.
        reason: FormatError,
        /// Why it could not be moved.
        #[source]
        source: io::Error,
    },
    /// The library could not be encoded (never expected; reported, not hidden).
    #[error("the library could not be saved: {0}")]
    Encode(#[source] FormatError),
    /// The library file was changed behind the app and names show files that are not in the
    /// folder whole yet (a sync tool still delivering them): nothing was written, the save
    /// waits for them.
    #[error(
        "{} was changed by another program or device, and {source}. A sync tool may still be bringing the files: your edits are kept in memory and saving is retried; if they are not there within two minutes, your version is saved and the other kept to be merged when they arrive",
        path.display()
    )]
    Incomplete {
        /// The library file.
        path: PathBuf,
        /// What is missing ([`FormatError::ShowFilesMissing`]).
        #[source]
        source: FormatError,
    },
    /// The library was opened read-only because show files it names are not in the folder
    /// whole ([`Notice::ShowFilesMissing`]): nothing is written until it is opened again with
    /// them there.
    #[error("nothing is saved while the library is incomplete: {reason}")]
    WaitingForShows {
        /// Which shows' files are missing and why, in words.
        reason: String,
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

/// What [`Store::open`] found.
pub struct OpenedStore {
    /// The store, writable unless another instance holds the lock.
    pub store: Store,
    /// The saved library, if there was a readable one (repaired; see [`Notice::Repaired`]).
    pub library: Option<Library>,
    /// What to tell the user.
    pub notices: Vec<Notice>,
    /// The show a format 1 file had open (see [`Loaded::legacy_open`]).
    pub legacy_open: Option<crate::model::ShowId>,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The library was written; `notices` tell of files kept aside on the way.
    Written {
        /// What to tell the user.
        notices: Vec<Notice>,
    },
    /// Nothing was written: another program changed the file, writing from the version this
    /// store last read or wrote (or a newer one). The library sent was backed up as `backup`;
    /// merge `theirs` (descended from `base`) into the library and save again.
    ChangedOnDisk {
        /// The version this store last read or wrote (empty when there was none).
        base: Box<Library>,
        /// The version now on disk.
        theirs: Box<Library>,
        /// Its bytes, to keep as a conflict copy if the merge clashes.
        theirs_bytes: Vec<u8>,
        /// The backup holding the library this save was sent, from before any merge.
        backup: PathBuf,
        /// When the other version was forked from an earlier save rather than written after
        /// this store's (two devices saving from one revision), it was kept whole here first;
        /// `base` is then the save both started from.
        fork_copy: Option<PathBuf>,
    },
}

/// One save: the library to write, and what to keep on the way.
#[derive(Clone, Debug, Default)]
pub struct SaveRequest {
    /// The library; the store encodes it with the next revision.
    pub library: Arc<Library>,
    /// Keep the file being replaced as a rotated backup even if one was made recently. If the
    /// save fails, the next save that writes keeps it instead.
    pub force_backup: bool,
    /// Another version to keep as `library.conflict-*.json` before writing.
    pub conflict_copy: Option<Vec<u8>>,
}

impl SaveRequest {
    /// A plain save of `library`.
    pub fn new(library: impl Into<Arc<Library>>) -> Self {
        Self {
            library: library.into(),
            ..Self::default()
        }
    }
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
    /// The revision of `last_known` (0 when there is none).
    revision: u64,
    /// When the last rotated backup was made, on [`FileSystem::now`]'s clock.
    last_backup: Option<Instant>,
    /// A forced backup was asked for and not made yet (its save failed).
    backup_owed: bool,
    /// The backup made before the last merge, for the conflict notice.
    merge_backup: Option<PathBuf>,
    /// Which save `last_known` is and what it descends from.
    lineage: Lineage,
    /// The library `last_known` holds when this store wrote it (shared with the window, not
    /// copied): the merge base when its show files can no longer be read.
    last_saved: Option<Arc<Library>>,
    /// The save id and bytes of the file this store's last save replaced: where a fork
    /// (another device saving from that same file) most likely started.
    previous: Option<(String, Vec<u8>)>,
    /// Backups named in the window, never pruned.
    pins: BackupPins,
    /// Read-only because the folder cannot be written (not because another window writes).
    unusable: bool,
    /// The data files (`articles/<sha256>.md`, `shows/<sha256>.json`) known to be in the
    /// folder whole: read and checked, or written by this store. Any other one a save names is
    /// written first.
    on_disk: RefCell<HashSet<(DataDir, String)>>,
    /// The library file names show files that are not there whole (which, and why, in
    /// words): the window shows it read-only (placeholders for those shows) and writes
    /// nothing.
    waiting_for_shows: Option<String>,
    /// A rotated backup was made: old show files are looked through after the save.
    prune_due: bool,
    /// Since when saves have found the library file naming show files that are not there
    /// (another device's save arriving before them), on [`FileSystem::now`]'s clock.
    waiting_since: Option<Instant>,
}

impl Store {
    /// Opens (creating if needed) the data folder `dir`, takes the writer lock if it is free,
    /// removes leftover temporary files, and reads the library.
    ///
    /// An unreadable library file is never overwritten: it is moved aside and reported. What
    /// the loader repaired is reported as [`Notice::Repaired`].
    pub fn open(dir: &Path) -> Result<OpenedStore, StorageError> {
        Self::open_with(dir, Box::new(RealFs))
    }

    /// [`Store::open`] with the file operations given (tests inject failures this way).
    pub fn open_with(dir: &Path, fs: Box<dyn FileSystem>) -> Result<OpenedStore, StorageError> {
        let mut notices = Vec::new();
        let lock = fs
            .create_private_dir(dir)
            .map_err(io_error("create the folder", dir))
            .and_then(|()| take_lock(dir));
        let (lock, unusable) = match lock {
            Ok(lock) => (lock, None),
            // The folder cannot be written (the lock is a folder or another user's, a
            // read-only or full file system): show the fan's library read-only if it can be
            // read, never a fresh one (see the end of this function).
            Err(error) if fs.read(&dir.join(LIBRARY_FILE)).is_ok() => (None, Some(error)),
            Err(error) => return Err(error),
        };
        if let Some(error) = &unusable {
            notices.push(Notice::FolderUnusable {
                dir: dir.to_owned(),
                reason: error.to_string(),
            });
        } else if lock.is_none() {
            notices.push(Notice::ReadOnly {
                dir: dir.to_owned(),
            });
        } else {
            remove_temp_files(&*fs, dir, TempKind::Json);
            remove_temp_files(&*fs, &dir.join(BACKUP_DIR), TempKind::Json);
            remove_temp_files(&*fs, &data_dir(dir, DataDir::Articles), TempKind::Article);
            remove_temp_files(&*fs, &data_dir(dir, DataDir::Shows), TempKind::Show);
            let backup_shows = dir.join(BACKUP_DIR).join(SHOWS_DIR);
            remove_temp_files(&*fs, &backup_shows, TempKind::Show);
        }
        let mut store = Store {
            dir: dir.to_owned(),
            fs,
            lock,
            last_known: None,
            revision: 0,
            last_backup: None,
            backup_owed: false,
            merge_backup: None,
            lineage: Lineage::default(),
            previous: None,
            last_saved: None,
            pins: BackupPins::default(),
            unusable: unusable.is_some(),
            on_disk: RefCell::default(),
            waiting_for_shows: None,
            prune_due: false,
            waiting_since: None,
        };
        let mut legacy_open = None;
        let library = match store.read_current()? {
            None => {
                if let Some(notice) = store.offer_newest_backup() {
                    notices.push(notice);
                }
                None
            }
            Some(bytes) => match store.decode(&bytes) {
                Ok(Loaded {
                    library,
                    revision,
                    mut repairs,
                    version,
                    legacy_open: open,
                    lineage,
                }) => {
                    if !store.is_read_only() {
                        store.keep_damaged_articles_aside(&mut repairs);
                    }
                    legacy_open = open;
                    if version < CURRENT_FORMAT_VERSION && !store.is_read_only() {
                        // Kept whole before anything is written in the new format; if it
                        // cannot be kept, the folder is not used (nothing is overwritten).
                        let kept_as = store.keep_older_format(version, &bytes)?;
                        notices.push(Notice::Migrated {
                            from: version,
                            kept_as,
                        });
                    }
                    store.last_known = Some(bytes);
                    store.revision = revision;
                    store.lineage = lineage;
                    if !repairs.is_empty() {
                        notices.push(Notice::Repaired { repairs });
                    }
                    Some(library)
                }
                Err(FormatError::ShowFilesMissing { missing, partial }) => {
                    // Not damage: never moved aside. Shown read-only, placeholders for the
                    // missing shows, until the files are there (see `Notice::ShowFilesMissing`).
                    let reason = describe_missing_show_files(&missing);
                    store.lock = None;
                    store.waiting_for_shows = Some(reason.clone());
                    notices.push(Notice::ShowFilesMissing { reason });
                    legacy_open = partial.legacy_open;
                    Some(partial.0.library)
                }
                Err(error) if store.is_read_only() => {
                    notices.push(Notice::Unreadable {
                        reason: error.to_string(),
                    });
                    None
                }
                Err(error) => {
                    notices.push(match store.move_aside_unreadable(error) {
                        Ok((kept_as, reason)) => Notice::KeptAside { kept_as, reason },
                        Err(StorageError::CannotMoveAside { reason, source, .. }) => {
                            Notice::Unreadable {
                                reason: format!("{reason}; moving it aside failed: {source}"),
                            }
                        }
                        Err(other) => Notice::Unreadable {
                            reason: other.to_string(),
                        },
                    });
                    None
                }
            },
        };
        if let Some(error) = unusable
            && library.is_none()
        {
            // Nothing of the fan's to show: the folder is unusable as before.
            return Err(error);
        }
        Ok(OpenedStore {
            store,
            library,
            notices,
            legacy_open,
        })
    }

    /// At opening, with no library file: if the folder holds backups, the notice offering the
    /// newest (a start is never silently fresh when the fan's words are in a backup; the
    /// window pins the backup while it shows the notice).
    fn offer_newest_backup(&self) -> Option<Notice> {
        let dir = self.dir.join(BACKUP_DIR);
        let listed = backups::newest_first(self.fs.list(&dir).ok()?);
        let newest = listed.first()?.clone();
        Some(Notice::MissingLibrary {
            backup: newest,
            count: listed.len(),
        })
    }

    /// The backups pinned while a notice names them (share it with the window, which unpins
    /// them when the notice is dismissed).
    pub fn pins(&self) -> BackupPins {
        self.pins.clone()
    }

    /// Whether the library was opened read-only because show files it names are not in the
    /// folder whole yet ([`Notice::ShowFilesMissing`]).
    pub fn is_waiting_for_shows(&self) -> bool {
        self.waiting_for_shows.is_some()
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The library file's path.
    pub fn library_path(&self) -> PathBuf {
        self.dir.join(LIBRARY_FILE)
    }

    /// Whether this store writes nothing: another instance holds the lock, or the folder
    /// cannot be written ([`Store::is_unusable`]).
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Whether the store is read-only because the folder cannot be written (the lock file is
    /// a folder or another user's, the file system is read-only or full), not because another
    /// window writes.
    pub fn is_unusable(&self) -> bool {
        self.unusable
    }

    /// The revision of the file as this store last read or wrote it (0 for none).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Writes `request.library` as the library file, atomically, with a revision one above the
    /// file it replaces.
    ///
    /// Before replacing, it checks that the file is still the one this store last read or
    /// wrote (its bytes, not its size or time). If another program changed it:
    /// - written from an older revision than this store's (a stale editor buffer, a sync tool
    ///   replaying an old copy): that copy is kept whole as `library.conflict-*.json`, unmerged,
    ///   and the request's library is written ([`Notice::StaleCopy`]);
    /// - written from this revision or a newer one: the request's library is backed up, nothing
    ///   else is written, and the other version comes back as [`SaveOutcome::ChangedOnDisk`]
    ///   to be merged;
    /// - unreadable: it is moved aside untouched and the library is written
    ///   ([`Notice::DamagedBehind`]); if it cannot be moved, nothing is written
    ///   ([`StorageError::CannotMoveAside`]);
    /// - and if the version this store last read or wrote cannot be read back to merge from,
    ///   no merge is tried: the other version is kept whole as `library.conflict-*.json` and
    ///   the request's library is written above its revision ([`Notice::Unmerged`]).
    ///
    /// Otherwise the file being replaced is kept as a rotated backup when one is due (every
    /// [`BACKUP_INTERVAL`]) or forced.
    pub fn save(&mut self, request: &SaveRequest) -> Result<SaveOutcome, StorageError> {
        if let Some(reason) = &self.waiting_for_shows {
            return Err(StorageError::WaitingForShows {
                reason: reason.clone(),
            });
        }
        if self.is_read_only() {
            return Err(StorageError::ReadOnly {
                dir: self.dir.clone(),
            });
        }
        self.backup_owed |= request.force_backup;
        let waiting_since = self.waiting_since.take();
        let next = self.lineage.next();
        let mut bytes = self.encode(&request.library, self.revision.saturating_add(1), &next)?;
        let mut notices = Vec::new();
        let current = self.read_current()?;
        let changed_behind = current
            .as_ref()
            .is_some_and(|c| Some(c) != self.last_known.as_ref());
        match current {
            Some(current) if changed_behind => match self.decode(&current) {
                Ok(theirs) if theirs.revision < self.revision => {
                    notices.push(self.keep_stale_copy(&current, &theirs)?);
                }
                Ok(theirs) if self.is_fork(&theirs.lineage) => {
                    return self.take_fork(request, &current, theirs, next, notices);
                }
                Ok(theirs) => {
                    let base = match self.last_known.as_deref().map(|b| self.decode_library(b)) {
                        // There was no file before theirs: every item in it is theirs.
                        None => Library::empty(),
                        Some(Ok(base)) => base,
                        // Its show files are gone (pruned by another device, deleted by hand),
                        // but this store wrote that very library: merged from it.
                        Some(Err(_)) if self.last_saved.is_some() => {
                            self.last_saved.as_deref().cloned().unwrap_or_default()
                        }
                        Some(Err(error)) => {
                            // Without the version both started from, a merge would take every
                            // difference for a change: keep theirs whole, unmerged, and write
                            // ours above their revision (so theirs never looks newer).
                            notices.push(self.keep_unmerged(&current, &error)?);
                            self.revision = self.revision.max(theirs.revision);
                            let next = next.with(&theirs.lineage);
                            bytes = self.encode(
                                &request.library,
                                self.revision.saturating_add(1),
                                &next,
                            )?;
                            return self.finish_save(request, bytes, next, notices);
                        }
                    };
                    return self.hand_back_to_merge(&bytes, current, theirs, base, None);
                }
                Err(FormatError::ShowFilesMissing { partial, .. })
                    if partial.revision < self.revision =>
                {
                    notices.push(self.keep_stale_copy(&current, &partial)?);
                }
                Err(FormatError::ShowFilesMissing { missing, partial }) => {
                    // Newer or forked, its shows still on their way: merged once they are
                    // there (the save is retried); nothing is written meanwhile, for at most
                    // SHOW_FILES_WAIT.
                    let now = self.fs.now();
                    let since = waiting_since.unwrap_or(now);
                    if now.saturating_duration_since(since) < SHOW_FILES_WAIT {
                        self.waiting_since = Some(since);
                        return Err(StorageError::Incomplete {
                            path: self.library_path(),
                            source: FormatError::ShowFilesMissing { missing, partial },
                        });
                    }
                    // The fan's words are not left in memory only: the other version is kept
                    // whole, to be merged like a conflict copy once its files are there, and
                    // ours is written above its revision (so it never looks newer).
                    let kept_as = unique_path(&self.dir, "library.waiting", "json");
                    self.write(&kept_as, &current)?;
                    notices.push(Notice::KeptWaiting { kept_as });
                    self.revision = self.revision.max(partial.revision);
                    let next = next.with(&partial.lineage);
                    bytes =
                        self.encode(&request.library, self.revision.saturating_add(1), &next)?;
                    return self.finish_save(request, bytes, next, notices);
                }
                Err(error) => {
                    let (kept_as, reason) = self.move_aside_unreadable(error)?;
                    notices.push(Notice::DamagedBehind { kept_as, reason });
                }
            },
            Some(current) if self.backup_owed || self.backup_due() => {
                self.write_backup(&current)?;
            }
            _ => {}
        }
        self.finish_save(request, bytes, next, notices)
    }

    /// Whether the version on disk, descended from `theirs`, was forked from an earlier save
    /// instead of written after the one this store last read or wrote. Unknown (either file
    /// from before save ids, or rewritten by a tool that dropped them) counts as not forked:
    /// revisions decide then.
    fn is_fork(&self, theirs: &Lineage) -> bool {
        !self.lineage.save_id.is_empty()
            && !theirs.save_id.is_empty()
            && !theirs.descends_from(&self.lineage.save_id)
    }

    /// A fork: the version on disk (`current`, decoded `theirs`) was saved from an earlier
    /// save than this store's last one. It is kept whole as a conflict copy first. If the save
    /// both started from is the file this store's last save replaced, it comes back to be
    /// merged from that save ([`SaveOutcome::ChangedOnDisk`] with `fork_copy`); if not, nothing
    /// is merged and the request's library is written above both revisions
    /// ([`Notice::Forked`], unmerged).
    fn take_fork(
        &mut self,
        request: &SaveRequest,
        current: &[u8],
        theirs: Loaded,
        next: Lineage,
        mut notices: Vec<Notice>,
    ) -> Result<SaveOutcome, StorageError> {
        let kept_as = unique_path(&self.dir, "library.conflict", "json");
        self.write(&kept_as, current)?;
        let base = self
            .previous
            .as_ref()
            .filter(|(id, _)| theirs.lineage.descends_from(id))
            .and_then(|(_, bytes)| self.decode_library(bytes).ok());
        if let Some(base) = base {
            let ours = self.encode(&request.library, self.revision.saturating_add(1), &next)?;
            return self.hand_back_to_merge(&ours, current.to_vec(), theirs, base, Some(kept_as));
        }
        log::warn!(
            "the library on disk was forked from a save this window does not know; kept whole as {}",
            kept_as.display()
        );
        notices.push(Notice::Forked {
            kept_as,
            backup: None,
            merged: false,
        });
        self.revision = self.revision.max(theirs.revision);
        let next = next.with(&theirs.lineage);
        let bytes = self.encode(&request.library, self.revision.saturating_add(1), &next)?;
        self.finish_save(request, bytes, next, notices)
    }

    /// Backs up `ours` (the request's library, encoded), pinned, takes `current` (another
    /// program's version, decoded `theirs`) as the file last read, and hands both back to be
    /// merged from `base`.
    fn hand_back_to_merge(
        &mut self,
        ours: &[u8],
        current: Vec<u8>,
        theirs: Loaded,
        base: Library,
        fork_copy: Option<PathBuf>,
    ) -> Result<SaveOutcome, StorageError> {
        let backup = self.write_backup(ours)?;
        // Named in the window until the fan dismisses the notice: never pruned before.
        self.pins.pin(&backup);
        self.previous = self
            .last_known
            .take()
            .map(|bytes| (self.lineage.save_id.clone(), bytes));
        self.last_known = Some(current.clone());
        self.last_saved = None;
        self.revision = theirs.revision;
        self.lineage = theirs.lineage.with(&self.lineage);
        self.merge_backup = Some(backup.clone());
        Ok(SaveOutcome::ChangedOnDisk {
            base: Box::new(base),
            theirs: Box::new(theirs.library),
            theirs_bytes: current,
            backup,
            fork_copy,
        })
    }

    /// The end of [`Store::save`]: keeps the request's conflict copy, then writes `bytes`
    /// (the request's library, encoded one revision above this store's) as the library.
    fn finish_save(
        &mut self,
        request: &SaveRequest,
        bytes: Vec<u8>,
        lineage: Lineage,
        mut notices: Vec<Notice>,
    ) -> Result<SaveOutcome, StorageError> {
        if let Some(theirs) = &request.conflict_copy {
            let kept_as = unique_path(&self.dir, "library.conflict", "json");
            self.write(&kept_as, theirs)?;
            notices.push(Notice::Conflict {
                kept_as,
                backup: self.merge_backup.take(),
            });
        }
        self.write(&self.library_path(), &bytes)?;
        self.last_saved = Some(Arc::clone(&request.library));
        let replaced = self.last_known.replace(bytes);
        self.previous = replaced.map(|old| (self.lineage.save_id.clone(), old));
        self.lineage = lineage;
        // At its maximum the counter stays there: wrapping to 0 would make the fan's newest
        // save look older than every copy.
        self.revision = self.revision.saturating_add(1);
        if std::mem::take(&mut self.prune_due) {
            self.prune_show_files();
        }
        Ok(SaveOutcome::Written { notices })
    }

    /// Keeps `current`, another program's version that cannot be merged (the version both
    /// started from, `last_known`, cannot be read: `why`), whole as a conflict copy.
    fn keep_unmerged(&self, current: &[u8], why: &FormatError) -> Result<Notice, StorageError> {
        let kept_as = unique_path(&self.dir, "library.conflict", "json");
        self.write(&kept_as, current)?;
        log::error!(
            "the merge base could not be read ({why}); the other version is kept as {}",
            kept_as.display()
        );
        Ok(Notice::Unmerged {
            kept_as,
            reason: why.to_string(),
        })
    }

    /// Before the app lets go of the data folder: if, since this store last wrote, another
    /// program wrote an older copy over the library file (a lower revision) or left it
    /// unreadable, that file is kept aside (as in [`Store::save`]) and the version this store
    /// last wrote is put back, so a stale copy never outlives the window that had newer words.
    /// A forked copy is kept whole and merged with the fan's version (see
    /// `close_over_fork`); a deleted file is written back ([`Notice::WrittenBack`]).
    /// A change from this revision or a newer one is left in place for the next start to read.
    /// Returns what to tell the user (the window is closing, so the caller logs it).
    pub fn close(&mut self) -> Result<Vec<Notice>, StorageError> {
        let Some(ours) = self.last_known.clone() else {
            return Ok(Vec::new());
        };
        if self.is_read_only() {
            return Ok(Vec::new());
        }
        let current = match self.read_current()? {
            Some(current) if current != ours => current,
            Some(_) => return Ok(Vec::new()),
            None => {
                // Deleted behind the app since the last save: written back, so the next
                // start finds the fan's library, not a fresh one.
                let path = self.library_path();
                self.write(&path, &ours)?;
                return Ok(vec![Notice::WrittenBack { path }]);
            }
        };
        let notice = match self.decode(&current) {
            Ok(theirs) if theirs.revision < self.revision => {
                self.keep_stale_copy(&current, &theirs)?
            }
            Ok(theirs) if self.is_fork(&theirs.lineage) => {
                return self.close_over_fork(&ours, &current, theirs);
            }
            Ok(_) => return Ok(Vec::new()),
            // Its shows are still on their way: an older or forked copy is kept whole and
            // the fan's version written back, as above (unmerged); a newer one, which holds
            // the fan's last save, is left for the next start to read.
            Err(FormatError::ShowFilesMissing { partial, .. })
                if partial.revision < self.revision || self.is_fork(&partial.lineage) =>
            {
                self.keep_stale_copy(&current, &partial)?
            }
            Err(FormatError::ShowFilesMissing { .. }) => return Ok(Vec::new()),
            Err(error) => {
                let (kept_as, reason) = self.move_aside_unreadable(error)?;
                Notice::DamagedBehind { kept_as, reason }
            }
        };
        self.write(&self.library_path(), &ours)?;
        Ok(vec![notice])
    }

    /// Closing over a fork (another device's save from an earlier save than this store's last
    /// one, `current`, decoded `theirs`): it is kept whole as a conflict copy, and the
    /// library file becomes the two merged from the save both started from when that is known
    /// (the fan's words win where both changed the same thing), else the fan's version. So the
    /// next start never shows the other device's version alone, without a word.
    fn close_over_fork(
        &mut self,
        ours: &[u8],
        current: &[u8],
        theirs: Loaded,
    ) -> Result<Vec<Notice>, StorageError> {
        let kept_as = unique_path(&self.dir, "library.conflict", "json");
        self.write(&kept_as, current)?;
        let base = self
            .previous
            .as_ref()
            .filter(|(id, _)| theirs.lineage.descends_from(id))
            .and_then(|(_, bytes)| self.decode_library(bytes).ok());
        let merged = match (base, self.decode_library(ours)) {
            (Some(base), Ok(mine)) => {
                Some(crate::model::merge_libraries(&base, &mine, &theirs.library).library)
            }
            _ => None,
        };
        let revision = self.revision.max(theirs.revision).saturating_add(1);
        let lineage = self.lineage.next().with(&theirs.lineage);
        let bytes = match &merged {
            Some(merged) => self.encode(merged, revision, &lineage)?,
            None => ours.to_vec(),
        };
        self.write(&self.library_path(), &bytes)?;
        Ok(vec![Notice::Forked {
            kept_as,
            backup: None,
            merged: merged.is_some(),
        }])
    }

    /// The rotated backups, newest first.
    pub fn backups(&self) -> Result<Vec<PathBuf>, StorageError> {
        list_backups(&self.dir)
    }

    /// Reads a library from `path` (a backup or any saved file) without changing anything
    /// (see [`Store::load_file`]).
    pub fn read_library(path: &Path) -> Result<Library, StorageError> {
        Self::load_file(path).map(|loaded| loaded.library)
    }

    /// The one way to read a library file that is not the open library (a backup, a conflict
    /// copy, an export, another data folder's `library.json`), without changing anything:
    /// migrated when older and repaired, its articles read from the `articles` folder beside
    /// it or, for a file in a subfolder of a data folder (`backups/`), beside that folder (see
    /// [`decode_file_at`]).
    ///
    /// # Errors
    /// [`StorageError::Io`] when it cannot be read, [`StorageError::Unreadable`] when it is
    /// not a library file this build reads. A missing article file is no error (see
    /// [`Repair::ArticleMissing`]).
    pub fn load_file(path: &Path) -> Result<Loaded, StorageError> {
        let bytes = fs::read(path).map_err(io_error("read", path))?;
        decode_file_at(&bytes, path).map_err(|source| StorageError::Unreadable {
            path: path.to_owned(),
            source,
        })
    }

    /// `bytes` (the library file, or a copy of it kept in this folder) decoded with the
    /// show files and article files of this data folder; records those read whole.
    fn decode(&self, bytes: &[u8]) -> Result<Loaded, FormatError> {
        let dirs = [
            data_dir(&self.dir, DataDir::Articles),
            data_dir(&self.dir, DataDir::Shows),
        ];
        let read = RefCell::new(Vec::new());
        let loaded = decode_file_with(bytes, &|dir, name| {
            let folder = &dirs[usize::from(dir == DataDir::Shows)];
            let bytes = self.fs.read(&folder.join(name))?;
            read.borrow_mut().push((dir, name.to_owned()));
            Ok(bytes)
        })?;
        // Show files were all checked (else the decode failed); article files but the damaged.
        let damaged: HashSet<(DataDir, String)> = loaded
            .repairs
            .iter()
            .filter_map(|r| match r {
                Repair::ArticleDamaged { file, .. } => {
                    Some((DataDir::Articles, file_name_of(file)))
                }
                _ => None,
            })
            .collect();
        self.on_disk.borrow_mut().extend(
            read.into_inner()
                .into_iter()
                .filter(|n| !damaged.contains(n)),
        );
        Ok(loaded)
    }

    /// [`Store::decode`], the library only.
    fn decode_library(&self, bytes: &[u8]) -> Result<Library, FormatError> {
        self.decode(bytes).map(|loaded| loaded.library)
    }

    /// Encodes `library` as the library file and first writes each data file it names (show
    /// files, article files) that is not known to be in the folder (atomically, synced), so
    /// the library file never names a file that is not there whole.
    fn encode(
        &self,
        library: &Library,
        revision: u64,
        lineage: &Lineage,
    ) -> Result<Vec<u8>, StorageError> {
        let (bytes, files) =
            encode_library_file(library, revision, lineage).map_err(StorageError::Encode)?;
        self.write_data_files(&files)?;
        Ok(bytes)
    }

    /// Writes each of `files` not known to be in the folder. Article files are never removed
    /// (any backup may name them); show files only by [`Store::prune_show_files`] (see
    /// docs/DATA-SAFETY.md).
    ///
    /// One known to be there is checked by its size (one `stat` per file and save, no read):
    /// a file deleted, truncated or otherwise changed in size while the window runs (by hand,
    /// by a sync tool) is written again from the data in memory, the fan's data.
    fn write_data_files(&self, files: &[DataFile]) -> Result<(), StorageError> {
        let mut created = HashSet::new();
        // Where the library file is (links followed) is looked up once, not once per file.
        let root = data_root(&self.dir);
        for file in files {
            let dir = root.join(file.dir.name());
            let key = (file.dir, file.name.clone());
            let path = dir.join(&file.name);
            if self.on_disk.borrow().contains(&key) {
                match self.fs.file_len(&path) {
                    Ok(len) if len == file.text.len() as u64 => continue,
                    found => {
                        log::warn!(
                            "the file {} changed behind the app ({found:?}); written again from the data in memory",
                            path.display()
                        );
                        self.on_disk.borrow_mut().remove(&key);
                    }
                }
            }
            if created.insert(file.dir) {
                self.fs
                    .create_private_dir(&dir)
                    .map_err(io_error("create the folder", &dir))?;
            }
            self.write(&path, file.text.as_bytes())?;
            self.on_disk.borrow_mut().insert(key);
        }
        Ok(())
    }

    /// Keeps a copy of each damaged article file `repairs` name, byte for byte, as
    /// `articles/<sha256>.damaged-<time>.md`, and says where in the repair. The damaged file
    /// itself stays where it is: it is never used (its text does not match its name) nor
    /// written over, and moving it would reach the fan's other devices through a sync tool as
    /// a deletion of their good copy; when the good file arrives in its place, it is used
    /// again. A file kept aside before with the same bytes is named instead of a new copy, so
    /// each start does not add one. One that cannot be copied is logged.
    fn keep_damaged_articles_aside(&self, repairs: &mut [Repair]) {
        let dir = data_dir(&self.dir, DataDir::Articles);
        for repair in repairs {
            let Repair::ArticleDamaged { file, kept_as, .. } = repair else {
                continue;
            };
            match self.copy_damaged_article(&dir, &file_name_of(file)) {
                Ok(target) => {
                    *kept_as = Some(format!(
                        "{ARTICLES_DIR}/{}",
                        target.file_name().unwrap_or_default().to_string_lossy()
                    ));
                }
                Err(e) => log::error!("could not keep the damaged article file {file} aside: {e}"),
            }
        }
    }

    /// Copies the damaged article file `name` of `dir` (the articles folder) aside, unless a
    /// copy of the same bytes is there already; returns the copy's path.
    fn copy_damaged_article(&self, dir: &Path, name: &str) -> Result<PathBuf, StorageError> {
        let path = dir.join(name);
        let bytes = self.fs.read(&path).map_err(io_error("read", &path))?;
        let stem = format!("{}.damaged", name.trim_end_matches(".md"));
        let prefix = format!("{stem}-");
        let listed = self.fs.list(dir).map_err(io_error("list", dir))?;
        let kept = listed.into_iter().find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".md"))
                && self.fs.read(p).is_ok_and(|kept| kept == bytes)
        });
        if let Some(kept) = kept {
            return Ok(kept);
        }
        let target = unique_path(dir, &stem, "md");
        self.write(&target, &bytes)?;
        Ok(target)
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
            .is_none_or(|t| self.fs.now().saturating_duration_since(t) >= BACKUP_INTERVAL)
    }

    /// Makes `bytes`, a library file of this folder about to be kept as a backup, independent
    /// of `shows/`: each show file it names is copied into `backups/shows/` (each once: they
    /// are content-addressed; written before the backup that names them), where a backup reads
    /// them from. So a backup reads whole whatever becomes of `shows/` (old files pruned here
    /// or by another device through a sync tool, a folder only the library file is linked
    /// into), and a backup costs its index and the shows that changed since the last one.
    /// Should a show file not be usable, the backup holds its shows inside it instead (see
    /// [`shows::with_shows_inline`]), or, failing that too, `bytes` as they are (logged).
    fn backup_shows(&self, bytes: &[u8]) -> Result<Vec<u8>, StorageError> {
        let from = data_dir(&self.dir, DataDir::Shows);
        let to = self.dir.join(BACKUP_DIR).join(SHOWS_DIR);
        let mut made = false;
        for name in shows::show_file_names(bytes) {
            let target = to.join(&name);
            if self.fs.file_len(&target).is_ok() {
                continue;
            }
            let hash = name.trim_end_matches(".json");
            let Some(show) = self
                .fs
                .read(&from.join(&name))
                .ok()
                .filter(|b| sha256_hex(b) == hash)
            else {
                let read = |_: DataDir, name: &str| self.fs.read(&from.join(name));
                return Ok(
                    shows::with_shows_inline(bytes, &read).unwrap_or_else(|why| {
                        log::warn!("a backup names show files it could not keep: {why}");
                        bytes.to_vec()
                    }),
                );
            };
            if !made {
                self.fs
                    .create_private_dir(&to)
                    .map_err(io_error("create the folder", &to))?;
                made = true;
            }
            self.write(&target, &show)?;
        }
        Ok(bytes.to_vec())
    }

    /// Writes `bytes` (its show files kept with the backups first, see
    /// [`Store::backup_shows`]) as the newest rotated backup and removes those the time ladder no longer keeps (see [`backups::beyond_the_ladder`]; never the one just made); returns its path.
    fn write_backup(&mut self, bytes: &[u8]) -> Result<PathBuf, StorageError> {
        let bytes = &self.backup_shows(bytes)?;
        let dir = self.dir.join(BACKUP_DIR);
        self.fs
            .create_private_dir(&dir)
            .map_err(io_error("create the folder", &dir))?;
        let listed = self.fs.list(&dir).map_err(io_error("list", &dir))?;
        let path = backups::next_path(&dir, &listed);
        self.write(&path, bytes)?;
        self.last_backup = Some(self.fs.now());
        self.backup_owed = false;
        let listed = self.fs.list(&dir).map_err(io_error("list", &dir))?;
        for old in backups::beyond_the_ladder(&backups::newest_first(listed))
            .into_iter()
            .filter(|p| *p != path && !self.pins.is_pinned(p))
        {
            self.fs
                .remove(&old)
                .map_err(io_error("remove old backup", &old))?;
        }
        self.prune_due = true;
        Ok(path)
    }

    /// Removes the show files no library file names any more and that arrived long ago (see
    /// `show_files`). Runs after a save that made a rotated backup (every [`BACKUP_INTERVAL`]
    /// of saving, on the saver's thread), once the new library file is written and the backups
    /// the ladder no longer keeps are gone. A failure is logged: it never stops a save, and
    /// nothing is removed then.
    fn prune_show_files(&self) {
        if self.is_read_only() {
            return;
        }
        // Backups keep their own copies (`backups/shows/`), pruned after the backups that
        // name them.
        let backups = self.dir.join(BACKUP_DIR);
        match show_files::prune(
            &*self.fs,
            &backups.join(SHOWS_DIR),
            std::slice::from_ref(&backups),
            &[],
            show_files::GRACE,
        ) {
            Ok(removed) => log::info!("{} old show files of backups removed", removed.len()),
            Err(e) => log::warn!("the backups' old show files were not looked through: {e}"),
        }
        let mut folders: Vec<PathBuf> = Vec::new();
        for base in [self.dir.clone(), data_root(&self.dir)] {
            for folder in [base.clone(), base.join(MERGED_DIR)] {
                if !folders.contains(&folder) {
                    folders.push(folder);
                }
            }
        }
        let in_memory: Vec<&[u8]> = self
            .last_known
            .iter()
            .map(Vec::as_slice)
            .chain(self.previous.iter().map(|(_, bytes)| bytes.as_slice()))
            .collect();
        let shows = data_dir(&self.dir, DataDir::Shows);
        match show_files::prune(&*self.fs, &shows, &folders, &in_memory, show_files::GRACE) {
            Ok(removed) => {
                for path in removed {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    log::info!("removed the old show file {name}, which no library names");
                    self.on_disk
                        .borrow_mut()
                        .remove(&(DataDir::Shows, name.into_owned()));
                }
            }
            Err(e) => log::warn!("old show files were not looked through: {e}"),
        }
    }

    /// Keeps `bytes`, the library file in the older format `version`, whole as
    /// `library.format<version>-<time>.json`, unless a file of that name already holds the same
    /// bytes (the folder was opened before and nothing was saved since): returns where it is.
    fn keep_older_format(&self, version: u32, bytes: &[u8]) -> Result<PathBuf, StorageError> {
        let stem = format!("library.format{version}");
        let prefix = format!("{stem}-");
        let listed = self
            .fs
            .list(&self.dir)
            .map_err(io_error("list", &self.dir))?;
        let kept = listed.into_iter().find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".json"))
                && self.fs.read(path).is_ok_and(|kept| kept == bytes)
        });
        if let Some(kept) = kept {
            return Ok(kept);
        }
        let kept_as = unique_path(&self.dir, &stem, "json");
        self.write(&kept_as, bytes)?;
        Ok(kept_as)
    }

    /// Keeps `current`, an older copy of the library (`theirs`, decoded), whole as a conflict
    /// copy. When save ids tell it was not a save this store's descends from, it is told as a
    /// fork ([`Notice::Forked`], unmerged) rather than an older copy.
    fn keep_stale_copy(&self, current: &[u8], theirs: &Loaded) -> Result<Notice, StorageError> {
        let kept_as = unique_path(&self.dir, "library.conflict", "json");
        self.write(&kept_as, current)?;
        let ancestor = theirs.lineage.save_id.is_empty()
            || self.lineage.save_id.is_empty()
            || self.lineage.descends_from(&theirs.lineage.save_id);
        if !ancestor {
            return Ok(Notice::Forked {
                kept_as,
                backup: None,
                merged: false,
            });
        }
        Ok(Notice::StaleCopy {
            kept_as,
            theirs: theirs.revision,
            ours: self.revision,
        })
    }

    /// Moves the unreadable library file aside, untouched; returns where it went and why it
    /// could not be read.
    fn move_aside_unreadable(&self, error: FormatError) -> Result<(PathBuf, String), StorageError> {
        let path = self.library_path();
        let kept_as = unique_path(&self.dir, "library.unreadable", "json");
        match self.fs.rename(&path, &kept_as) {
            Ok(()) => Ok((kept_as, error.to_string())),
            Err(source) => Err(StorageError::CannotMoveAside {
                path,
                kept_as,
                reason: error,
                source,
            }),
        }
    }
}

/// The rotated backups in the data folder `data_dir`, newest first (by their counter, not
/// their time; see `backups`).
pub fn list_backups(data_dir: &Path) -> Result<Vec<PathBuf>, StorageError> {
    let dir = data_dir.join(BACKUP_DIR);
    match RealFs.list(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(io_error("list", &dir)(e)),
        Ok(entries) => Ok(backups::newest_first(entries)),
    }
}

/// Whether the writer lock of data folder `dir` is free now (a read-only window asks, to
/// offer taking over when the window that wrote has closed). Tries once, without waiting,
/// and lets go at once; a lock file that cannot be opened is not free.
pub fn lock_is_free(dir: &Path) -> bool {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.join(LOCK_FILE))
    else {
        return false;
    };
    let free = file.try_lock().is_ok();
    // Closing the file lets go of the lock.
    drop(file);
    free
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

/// Which of Fan Tracker's own files a leftover temporary file in a folder can be for.
#[derive(Clone, Copy)]
enum TempKind {
    /// The data folder and `backups/`: the library, its backups and kept copies (`*.json`).
    Json,
    /// `articles/`: an article file (`<sha256>.md`) or a damaged one kept aside
    /// (`<sha256>.damaged-<time>.md`).
    Article,
    /// `shows/`: a show file (`<sha256>.json`).
    Show,
}

/// Removes temporary files left by an interrupted atomic write of our own in `dir`. They are
/// never loaded. Only the exact names the atomic writer (`atomic-write-file`) gives ours are
/// removed: `.` + the file's name + `.` + six letters or digits (`.library.json.a1B2c3`,
/// `articles/.<sha256>.md.Xy12Zw`); another program's hidden file (an editor's swap file
/// `.notes.md.swp`, a sync tool's download in progress `.syncthing.library.json.tmp`) is
/// never touched.
fn remove_temp_files(fs: &dyn FileSystem, dir: &Path, kind: TempKind) {
    let Ok(entries) = fs.list(dir) else {
        return;
    };
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if is_our_temp_file(name, kind)
            && let Err(e) = fs.remove(&path)
        {
            log::warn!("could not remove leftover temporary file {name}: {e}");
        }
    }
}

/// The length of the random suffix the atomic writer adds to a temporary file's name.
const TEMP_SUFFIX_LEN: usize = 6;

/// Whether `name` is the atomic writer's temporary name for one of our files of `kind` (see
/// [`remove_temp_files`]).
fn is_our_temp_file(name: &str, kind: TempKind) -> bool {
    let Some(inner) = name.strip_prefix('.') else {
        return false;
    };
    let Some((target, suffix)) = inner.rsplit_once('.') else {
        return false;
    };
    if suffix.len() != TEMP_SUFFIX_LEN || !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    match kind {
        TempKind::Json => target.len() > ".json".len() && target.ends_with(".json"),
        TempKind::Article => {
            let Some(stem) = target.strip_suffix(".md") else {
                return false;
            };
            let (hash, rest) = stem.split_at_checked(64).unwrap_or((stem, ""));
            is_sha256_hex(hash) && (rest.is_empty() || rest.starts_with(".damaged-"))
        }
        TempKind::Show => target.strip_suffix(".json").is_some_and(is_sha256_hex),
    }
}

/// `file` (`articles/<name>`) without its folder.
fn file_name_of(file: &str) -> String {
    file.rsplit('/').next().unwrap_or(file).to_owned()
}

/// Decodes `bytes`, the library file at `path` (or a copy of one), reading its article files
/// from the `articles` folder beside it, else from the one beside its folder (a backup in
/// `backups/`, a copy in `conflicts-merged/`); read only, nothing changed.
///
/// # Errors
/// As [`decode_file_with`].
pub fn decode_file_at(bytes: &[u8], path: &Path) -> Result<Loaded, FormatError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut dirs: Vec<PathBuf> = Vec::new();
    for folder in std::iter::once(folder).chain(folder.parent()) {
        for dir in [folder.to_owned(), data_root(folder)] {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    decode_file_with(bytes, &|kind, name| {
        let mut last = io::Error::from(io::ErrorKind::NotFound);
        for dir in &dirs {
            match fs::read(dir.join(kind.name()).join(name)) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => last = e,
                other => return other,
            }
        }
        Err(last)
    })
}

/// The data folder `dir`'s folder of `kind` (`articles` or `shows`) beside the library file,
/// which is in `dir` unless `library.json` is a symbolic link (into a synced folder, say):
/// then beside the file it points at, so what syncs the library carries its data files too.
fn data_dir(dir: &Path, kind: DataDir) -> PathBuf {
    data_root(dir).join(kind.name())
}

/// The data folder `dir`'s show files' folder (`shows`, beside the library file; see
/// [`data_dir`]).
pub fn shows_dir(dir: &Path) -> PathBuf {
    data_dir(dir, DataDir::Shows)
}

/// The folder holding the data folder `dir`'s library file: `dir`, or the folder of the file
/// a linked `library.json` points at.
fn data_root(dir: &Path) -> PathBuf {
    follow_links(&dir.join(LIBRARY_FILE))
        .ok()
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(dir)
        .to_owned()
}

/// `dir/stem-<UTC time>.ext`, with a counter added when that name is taken.
fn unique_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let stamp = backups::utc_stamp();
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
    use crate::storage::format::encode_revision;

    fn library_with_note(note: &str) -> Library {
        let mut library = Library::default();
        library.shows[0].note = note.to_owned();
        library
    }

    #[test]
    fn another_version_is_kept_whole_not_merged_when_the_merge_base_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let first = SaveRequest::new(library_with_note("first"));
        assert!(matches!(
            store.save(&first),
            Ok(SaveOutcome::Written { .. })
        ));
        // The version this store last read can no longer be read back (the merge base), the
        // store holds no copy of it (it read it rather than wrote it), and another program
        // wrote its own version from it.
        store.last_known = Some(b"{ not a library".to_vec());
        store.last_saved = None;
        let theirs_bytes = encode_revision(&library_with_note("theirs"), 5).unwrap();
        std::fs::write(store.library_path(), &theirs_bytes).unwrap();

        let ours = SaveRequest::new(library_with_note("ours"));
        let Ok(SaveOutcome::Written { notices }) = store.save(&ours) else {
            panic!("ours is written, not merged");
        };
        let [Notice::Unmerged { kept_as, reason }] = notices.as_slice() else {
            panic!("one notice that nothing was merged: {notices:?}");
        };
        assert!(!reason.is_empty());
        assert_eq!(std::fs::read(kept_as).unwrap(), theirs_bytes);
        let on_disk = decode_file_at(
            &std::fs::read(store.library_path()).unwrap(),
            &store.library_path(),
        )
        .unwrap();
        assert_eq!(on_disk.library.shows[0].note, "ours");
        assert!(on_disk.revision > 5, "written above their revision");
        assert_eq!(store.revision(), on_disk.revision);
    }

    #[test]
    fn with_no_earlier_file_the_other_version_is_merged_from_an_empty_library() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let theirs_bytes = encode_revision(&library_with_note("theirs"), 1).unwrap();
        std::fs::write(store.library_path(), &theirs_bytes).unwrap();
        let ours = SaveRequest::new(library_with_note("ours"));
        let Ok(SaveOutcome::ChangedOnDisk { base, theirs, .. }) = store.save(&ours) else {
            panic!("their version comes back to be merged");
        };
        assert_eq!(*base, Library::empty());
        assert_eq!(theirs.shows[0].note, "theirs");
    }

    #[test]
    fn a_revision_at_its_maximum_never_wraps_to_zero() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LIBRARY_FILE);
        std::fs::write(
            &path,
            encode_revision(&library_with_note("max"), u64::MAX).unwrap(),
        )
        .unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        assert_eq!(store.revision(), u64::MAX);
        for note in ["one", "two"] {
            let Ok(SaveOutcome::Written { .. }) =
                store.save(&SaveRequest::new(library_with_note(note)))
            else {
                panic!("saved");
            };
            let on_disk = decode_file_at(&std::fs::read(&path).unwrap(), &path).unwrap();
            assert_eq!(on_disk.library.shows[0].note, note);
            assert_eq!(on_disk.revision, u64::MAX, "never wrapped to 0");
        }
    }

    /// The default library saved in `dir`; returns it with its first article file's path.
    fn saved_with_article(dir: &Path) -> (Library, PathBuf) {
        let library = library_with_note("saved");
        let mut store = Store::open(dir).unwrap().store;
        store.save(&SaveRequest::new(library.clone())).unwrap();
        let body = &library.shows[0].articles[0].article.body;
        let path = dir.join(ARTICLES_DIR).join(format!(
            "{}.md",
            super::super::format::v4::sha256_hex(body.as_bytes())
        ));
        assert!(path.exists());
        (library, path)
    }

    #[test]
    fn a_damaged_article_file_is_copied_aside_once_and_left_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let (library, path) = saved_with_article(dir.path());
        std::fs::write(&path, b"damaged by a sync tool").unwrap();
        for _ in 0..2 {
            let opened = Store::open(dir.path()).unwrap();
            let [Notice::Repaired { repairs }] = opened.notices.as_slice() else {
                panic!("{:?}", opened.notices);
            };
            assert!(
                matches!(
                    &repairs[..],
                    [Repair::ArticleDamaged {
                        kept_as: Some(_),
                        ..
                    }]
                ),
                "{repairs:?}"
            );
            // Left in place (a move would reach other devices as a deletion), never used.
            assert_eq!(std::fs::read(&path).unwrap(), b"damaged by a sync tool");
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".md");
        let aside: Vec<_> = std::fs::read_dir(dir.path().join(ARTICLES_DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{stem}.damaged-"))
            })
            .collect();
        assert_eq!(aside.len(), 1, "copied once, not at every start: {aside:?}");
        assert_eq!(std::fs::read(&aside[0]).unwrap(), b"damaged by a sync tool");
        // The sync tool repairs the file: it is used again.
        let body = &library.shows[0].articles[0].article.body;
        std::fs::write(&path, body.as_bytes()).unwrap();
        let opened = Store::open(dir.path()).unwrap();
        assert_eq!(opened.notices, []);
        assert_eq!(opened.library, Some(library));
    }

    #[test]
    fn an_article_file_lost_while_the_window_runs_is_written_again_from_memory() {
        let dir = tempfile::tempdir().unwrap();
        let (library, path) = saved_with_article(dir.path());
        let mut opened = Store::open(dir.path()).unwrap();
        assert_eq!(opened.library.as_ref(), Some(&library));
        let body = library.shows[0].articles[0].article.body.clone();
        // Deleted behind the app: the next save writes it again.
        std::fs::remove_file(&path).unwrap();
        opened
            .store
            .save(&SaveRequest::new(library_with_note("one")))
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), body.as_bytes());
        // Truncated behind the app: the same.
        std::fs::write(&path, &body.as_bytes()[..10]).unwrap();
        opened
            .store
            .save(&SaveRequest::new(library_with_note("two")))
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), body.as_bytes());
        // The folder itself removed: made again.
        std::fs::remove_dir_all(dir.path().join(ARTICLES_DIR)).unwrap();
        opened
            .store
            .save(&SaveRequest::new(library_with_note("three")))
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), body.as_bytes());
        drop(opened);
        let again = Store::open(dir.path()).unwrap();
        assert_eq!(again.notices, []);
    }

    #[test]
    fn only_our_own_temporary_files_are_removed_and_article_ones_only_in_articles() {
        let dir = tempfile::tempdir().unwrap();
        let (library, path) = saved_with_article(dir.path());
        let hash = path.file_stem().unwrap().to_string_lossy().into_owned();
        let articles = dir.path().join(ARTICLES_DIR);
        let ours = [
            dir.path().join(".library.json.a1B2c3"),
            dir.path()
                .join(BACKUP_DIR)
                .join(".library-000001.json.Zz9yX8"),
            articles.join(format!(".{hash}.md.Q7w8E9")),
            articles.join(format!(".{hash}.damaged-2026-12-07T01-02-03Z.md.abcDEF")),
        ];
        let theirs = [
            // An editor's swap files, a sync tool's downloads in progress.
            dir.path().join(".notes.md.swp"),
            dir.path().join(".syncthing.library.json.tmp"),
            dir.path().join(format!(".{hash}.md.Q7w8E9")),
            articles.join(format!(".syncthing.{hash}.md.tmp")),
            articles.join(".notes.md.swp"),
            articles.join(format!(".{hash}.md.swp")),
            articles.join(".my-notes.md.a1B2c3"),
        ];
        std::fs::create_dir_all(dir.path().join(BACKUP_DIR)).unwrap();
        for file in ours.iter().chain(&theirs) {
            std::fs::write(file, b"half written").unwrap();
        }
        let opened = Store::open(dir.path()).unwrap();
        assert_eq!(opened.library, Some(library));
        for file in &ours {
            assert!(!file.exists(), "ours, removed: {}", file.display());
        }
        for file in &theirs {
            assert!(file.exists(), "not ours, kept: {}", file.display());
        }
    }
}
