//! What the store tells the fan after opening or saving, in words that say only what happened.

use std::fmt;
use std::path::{Path, PathBuf};

use super::format::Repair;

/// Something the user should be told after opening or saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// At opening, the library file could not be read; it was moved aside, untouched, and the
    /// app starts a fresh library.
    KeptAside {
        /// Where the unreadable file now is.
        kept_as: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// While the app was open, another program left the library file unreadable (truncated
    /// it, for one); it was moved aside, untouched, and the library in memory was saved in
    /// its place.
    DamagedBehind {
        /// Where the damaged file now is.
        kept_as: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// The library file could not be read and could not be moved aside either; nothing will
    /// be written over it.
    Unreadable {
        /// Why it could not be read, and why it could not be moved.
        reason: String,
    },
    /// Another instance holds the lock; nothing will be written.
    ReadOnly {
        /// The data folder.
        dir: PathBuf,
    },
    /// Another program changed the file and some changes clash with the fan's: the fan's
    /// were kept, the rest merged, and the other version kept whole as a conflict copy.
    Conflict {
        /// Where the other version now is.
        kept_as: PathBuf,
        /// Where the fan's version from before the merge was backed up, if it was.
        backup: Option<PathBuf>,
    },
    /// Another program changed the file and its changes were merged cleanly.
    Merged {
        /// Where the fan's version from before the merge was backed up.
        backup: PathBuf,
    },
    /// Another program changed the file, but the version both started from could not be read
    /// back, so nothing was merged: the fan's version was saved and the other version kept
    /// whole as a conflict copy.
    Unmerged {
        /// Where the other version now is.
        kept_as: PathBuf,
        /// Why the version both started from could not be read.
        reason: String,
    },
    /// Another program wrote an older copy of the library over the file (a lower revision
    /// than this store last read or wrote): the fan's version was saved and the older copy
    /// kept as a conflict copy, unmerged.
    StaleCopy {
        /// Where the older copy now is.
        kept_as: PathBuf,
        /// Its revision.
        theirs: u64,
        /// The revision this store had last read or written.
        ours: u64,
    },
    /// The file was read after putting right what a hand edit or a sync tool left in it.
    Repaired {
        /// What was put right, in file order.
        repairs: Vec<Repair>,
    },
    /// The data folder cannot be written (its lock file is a folder or another user's, or the
    /// file system is read-only or full); the fan's library was read and is shown read-only.
    FolderUnusable {
        /// The data folder.
        dir: PathBuf,
        /// Why it cannot be written.
        reason: String,
    },
    /// At opening there was no library file, but the backups folder holds backups: the
    /// newest is offered for restoring (and kept until this notice is dismissed).
    MissingLibrary {
        /// The newest backup.
        backup: PathBuf,
        /// How many backups there are.
        count: usize,
    },
    /// Closing, the library file was found deleted behind the app; the library last saved
    /// was written back.
    WrittenBack {
        /// The library file.
        path: PathBuf,
    },
    /// Another device (or program) saved the library from the same earlier save as this
    /// window's last one: the two saves forked. Its version is kept whole as `kept_as`; where
    /// the save both started from was known, its changes were merged in (the fan's win where
    /// both changed the same thing).
    Forked {
        /// Where the other version is kept whole.
        kept_as: PathBuf,
        /// The backup of the fan's version from before the merge, if one was merged.
        backup: Option<PathBuf>,
        /// Whether the other version's changes were merged in.
        merged: bool,
    },
    /// At opening, the library file names show files (format 5) that are not in the folder
    /// whole (a sync tool still bringing them, a hand deletion): nothing was moved or
    /// written; the library is shown read-only, a placeholder for each such show, until the
    /// folder is opened again with the files there.
    ShowFilesMissing {
        /// Which shows' files and why, in words.
        reason: String,
    },
    /// A save found the library file changed behind the app (another device's save) naming
    /// show files that did not arrive within [`super::SHOW_FILES_WAIT`]: it was kept whole at
    /// `kept_as` (a name the conflict-copy merge picks up once its files are there) and the
    /// fan's version was written.
    KeptWaiting {
        /// Where the other version is kept.
        kept_as: PathBuf,
    },
    /// The library file was written by an older format version and was read migrated; the
    /// file as it was is kept whole at `kept_as` before anything is written in the new format.
    Migrated {
        /// The format version of the file.
        from: u32,
        /// Where the file as it was is kept.
        kept_as: PathBuf,
    },
}

/// A file's name for a message (the whole path when it has none).
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl Notice {
    /// Which kind of notice this is, e.g. `"merged"`: notices of one kind are shown as one,
    /// with a count, in the window.
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::KeptAside { .. } => "kept-aside",
            Notice::DamagedBehind { .. } => "damaged-behind",
            Notice::Unreadable { .. } => "unreadable",
            Notice::ReadOnly { .. } => "read-only",
            Notice::Conflict { .. } => "conflict",
            Notice::Merged { .. } => "merged",
            Notice::Unmerged { .. } => "unmerged",
            Notice::StaleCopy { .. } => "stale-copy",
            Notice::Repaired { .. } => "repaired",
            Notice::FolderUnusable { .. } => "folder-unusable",
            Notice::MissingLibrary { .. } => "missing-library",
            Notice::WrittenBack { .. } => "written-back",
            Notice::Forked { .. } => "forked",
            Notice::Migrated { .. } => "migrated",
            Notice::ShowFilesMissing { .. } => "show-files-missing",
            Notice::KeptWaiting { .. } => "kept-waiting",
        }
    }

    /// The files the notice names (kept copies and backups), so the window can tell when one
    /// is gone and keep a named backup from being pruned.
    pub fn files(&self) -> Vec<PathBuf> {
        match self {
            Notice::KeptAside { kept_as, .. }
            | Notice::DamagedBehind { kept_as, .. }
            | Notice::Unmerged { kept_as, .. }
            | Notice::StaleCopy { kept_as, .. }
            | Notice::KeptWaiting { kept_as }
            | Notice::Migrated { kept_as, .. } => vec![kept_as.clone()],
            Notice::Conflict { kept_as, backup }
            | Notice::Forked {
                kept_as, backup, ..
            } => std::iter::once(kept_as.clone())
                .chain(backup.clone())
                .collect(),
            Notice::Merged { backup } | Notice::MissingLibrary { backup, .. } => {
                vec![backup.clone()]
            }
            Notice::Unreadable { .. }
            | Notice::ReadOnly { .. }
            | Notice::Repaired { .. }
            | Notice::FolderUnusable { .. }
            | Notice::ShowFilesMissing { .. }
            | Notice::WrittenBack { .. } => Vec::new(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::KeptAside { kept_as, reason } => write!(
                f,
                "Your saved library could not be read ({reason}). It was kept unchanged as {} and a fresh library was started.",
                kept_as.display()
            ),
            Notice::DamagedBehind { kept_as, reason } => write!(
                f,
                "Another program damaged the library file while this window was open ({reason}). The damaged file was kept unchanged as {}; your library, as this window shows it, is intact and was saved in its place.",
                kept_as.display()
            ),
            Notice::Unreadable { reason } => write!(
                f,
                "Your saved library could not be read ({reason}), so it was left where it is. Nothing will be written over it: edits in this window stay in memory until it can be moved aside."
            ),
            Notice::ReadOnly { dir } => write!(
                f,
                "Another Fan Tracker window is using {}. This window is read-only: nothing you change here will be saved.",
                dir.display()
            ),
            Notice::Conflict { kept_as, backup } => {
                write!(
                    f,
                    "The library file was changed by another program, and some of its changes clash with yours. Where they clash yours were kept; its other changes were merged in; the other version is saved whole as {}.",
                    kept_as.display()
                )?;
                if let Some(backup) = backup {
                    write!(
                        f,
                        " Your version from before the merge is the backup {}.",
                        name(backup)
                    )?;
                }
                Ok(())
            }
            Notice::Merged { backup } => write!(
                f,
                "The library file was changed by another program; its changes were merged with yours. Your version from before the merge is the backup {} (File \u{2192} Restore a backup\u{2026}).",
                name(backup)
            ),
            Notice::Unmerged { kept_as, reason } => write!(
                f,
                "The library file was changed by another program, but the version both started from could not be read ({reason}), so the two were not merged. Your version, as this window shows it, was saved; the other version is kept whole as {}.",
                kept_as.display()
            ),
            Notice::StaleCopy {
                kept_as,
                theirs,
                ours,
            } => write!(
                f,
                "Another program wrote an older copy of your library over the file (save {theirs}; this window had saved {ours}). Your version, as this window shows it, was kept and saved; the older copy was not merged and is kept as {}.",
                kept_as.display()
            ),
            Notice::FolderUnusable { dir, reason } => write!(
                f,
                "The data folder {} cannot be written ({reason}). Your library is shown read-only: nothing you change here will be saved, and nothing is written into that folder.",
                dir.display()
            ),
            Notice::MissingLibrary { backup, count } => write!(
                f,
                "There is no library file in the data folder, but it holds {count} backup{} of your library. The newest, {}, is offered in File \u{2192} Restore a backup\u{2026}; until you restore one, this window shows the sample library.",
                if *count == 1 { "" } else { "s" },
                name(backup)
            ),
            Notice::WrittenBack { path } => write!(
                f,
                "The library file {} was deleted by another program while this window was open; your library, as last saved, was written back.",
                path.display()
            ),
            Notice::Forked {
                kept_as,
                backup,
                merged: true,
            } => {
                write!(
                    f,
                    "The library was saved elsewhere (another device or program) from the same earlier version as this window's last save: the two saves forked. Nothing was lost: where both changed the same thing your words were kept, its other changes were merged in, and its version is kept whole as {}.",
                    kept_as.display()
                )?;
                if let Some(backup) = backup {
                    write!(
                        f,
                        " Your version from before the merge is the backup {}.",
                        name(backup)
                    )?;
                }
                Ok(())
            }
            Notice::Forked { kept_as, .. } => write!(
                f,
                "The library was saved elsewhere (another device or program) from an earlier version than this window's last save: the two saves forked, and they were not merged. Your version, as this window shows it, was saved; the other is kept whole as {}.",
                kept_as.display()
            ),
            Notice::Migrated { from, kept_as } => write!(
                f,
                "Your library was written by an older Fan Tracker (format {from}) and has been upgraded: {}each article's text is now kept in a file of its own in the articles folder and each show's threads, notes and predictions in the shows folder, so library.json is a small index and a save writes only the shows you changed. The file as it was is kept as {}.",
                if *from == 1 {
                    "each article is now a show of its own, with its threads, and "
                } else {
                    ""
                },
                name(kept_as)
            ),
            Notice::ShowFilesMissing { reason } => write!(
                f,
                "Your library is shown read-only for now: {reason}. A sync tool may still be bringing the files; nothing was changed or written, and nothing you do here is saved until they are there. Choose Open again in the status line once they are."
            ),
            Notice::KeptWaiting { kept_as } => write!(
                f,
                "The library was changed on another device, but the files holding its shows did not arrive within two minutes. Your version, as this window shows it, was saved; the other is kept whole as {} and is merged into yours as soon as its files are there.",
                name(kept_as)
            ),
            Notice::Repaired { repairs } => {
                let list: Vec<String> = repairs.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "Your library file was repaired as it was read: {}. Nothing was removed; the repaired library is saved with your next change.",
                    list.join("; ")
                )
            }
        }
    }
}
