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
            Notice::Migrated { from, kept_as } => write!(
                f,
                "Your library was written by an older Fan Tracker (format {from}) and has been upgraded: each article is now a show of its own, with its threads. The file as it was is kept as {}.",
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
