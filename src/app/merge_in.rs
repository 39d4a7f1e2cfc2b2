//! Libraries from elsewhere merged into ours item by item (issue 20, items 5, 6 and 8; see
//! [`crate::model::merge_in`]): a backup the fan imports (*File → Import backup…*, one
//! undoable step), and the conflict copies sync tools leave beside `library.json`.
//!
//! Conflict copies are looked for on a job when the window starts and every
//! [`CONFLICT_POLL`] after (with the other periodic looks, see `takeover`). Each readable one
//! is merged like a change made behind the app: from the version both started from when the
//! data folder keeps it (the library file or a backup its save ids name: the three-way merge,
//! so what only the other device changed is taken and what was deleted here stays deleted),
//! else item by item with ours winning; outside the undo history (Undo never takes back what
//! another device wrote; the library from before is kept as a backup). Once the merge is saved
//! it is moved into `conflicts-merged/` (never deleted), if it is still the file that was read
//! (a copy the sync tool rewrote meanwhile is read and merged again); then the window says
//! what was merged from where, what differed, and what reading it found missing (an article
//! text whose file has not arrived). An unreadable one is left where it is and told once
//! (again only if the file changes).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::copy_watch::CopyWatch;
use super::effect::Effect;
use super::jobs::Finished;
use super::{App, Command};
use crate::model::{Added, Conflict, Edit, Library, MergedIn, merge_in_with, merge_with_base};
use crate::storage::{
    CopyStamp, FileSystem as _, FormatError, MERGED_DIR, MoveCopyError, RealFs, StorageError,
    Store, SyncTool, article_text_key, copy_stamp, find_conflict_copies, merge_base,
    move_merged_copy,
};

/// How often the data folder is looked at for sync tools' conflict copies.
pub const CONFLICT_POLL: Duration = Duration::from_secs(2);
/// What the window says when it has no file dialog to pick a backup with.
pub const NO_DIALOG_TO_IMPORT: &str = "No file dialog could be opened on this system to pick a backup. Close this window and run `fan-tracker import-backup FILE` instead; it merges the backup the same way.";
/// A conflict copy, and what became of it.
pub type CopyMoved = (PathBuf, Moved);

/// What became of a merged conflict copy (see [`move_copies`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Moved {
    /// Moved to `to`, with the list of what differed beside it when written.
    To(PathBuf, Option<PathBuf>),
    /// It changed after it was read (a sync tool rewrote it): left where it is, to be read
    /// and merged again.
    Changed,
    /// It could not be moved (why, in words): left where it is, with its stamp then.
    Failed(String, Option<CopyStamp>),
}
/// How many conflicts a notice names (the rest are counted).
const CONFLICTS_NAMED: usize = 5;

/// Where the library to merge in comes from.
#[derive(Clone, Debug)]
pub enum MergeInSource {
    /// The conflict copies in the data folder `dir`, but those left alone with this stamp.
    ConflictCopies {
        /// The data folder.
        dir: PathBuf,
        /// Files not to read again while unchanged (unreadable, or not movable).
        skip: HashMap<PathBuf, CopyStamp>,
    },
    /// A backup (any library file) the fan picked.
    Backup(PathBuf),
}

/// A merge-in to run on a job.
#[derive(Debug)]
pub struct MergeInJob {
    /// What to merge in.
    pub source: MergeInSource,
    /// Ours, as it was when the job started (shared).
    pub ours: Arc<Library>,
    /// The edit generation `ours` is.
    pub generation: u64,
}

/// One file merged in.
#[derive(Clone, Debug)]
pub struct MergedFile {
    /// The file.
    pub path: PathBuf,
    /// The sync tool that left it (`None` for a backup).
    pub tool: Option<SyncTool>,
    /// What it added.
    pub added: Added,
    /// What differed.
    pub conflicts: Vec<Conflict>,
    /// What reading it put right or found missing (an article text whose file is not
    /// there, …), in words.
    pub repairs: Vec<String>,
    /// Whether it was merged from a version both descend from (three ways), not item by
    /// item with ours winning.
    pub with_base: bool,
    /// The file as it was read: it is moved only while it is still that file.
    pub stamp: Option<CopyStamp>,
}

/// What a merge-in job found.
#[derive(Debug)]
pub struct MergeInDone {
    /// The job (its `ours` is what was merged into).
    pub job: MergeInJob,
    /// Ours with every readable file merged in, when there was one.
    pub library: Option<Library>,
    /// Whether that library differs from the job's `ours` (compared on the job).
    pub changed: bool,
    /// The files merged in, in order.
    pub merged: Vec<MergedFile>,
    /// Files that could not be read: the file, its stamp, why (in words).
    pub unreadable: Vec<(PathBuf, Option<CopyStamp>, String)>,
    /// Conflict copies (format 5) naming show files that are not in the folder yet (a sync
    /// tool still bringing them): the file and which, in words. Read again at the next look.
    pub waiting: Vec<(PathBuf, String)>,
}

/// The file's name, for the window.
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Runs `job` (on a job's thread): reads each file through the storage layer's one load
/// function ([`Store::load_file`], so any format version and layout, with what it repaired)
/// and merges it in: a conflict copy whose common version with ours the data folder keeps
/// ([`merge_base`]) three ways, like a change made behind the app; anything else item by
/// item ([`merge_in_with`]); articles matched by their content hash either way.
pub fn run(job: MergeInJob) -> MergeInDone {
    let mut unreadable = Vec::new();
    let mut waiting = Vec::new();
    let files: Vec<(PathBuf, Option<SyncTool>)> = match &job.source {
        MergeInSource::Backup(path) => vec![(path.clone(), None)],
        MergeInSource::ConflictCopies { dir, skip } => match find_conflict_copies(dir) {
            Ok(found) => found
                .into_iter()
                .filter(|(path, _)| {
                    skip.get(path)
                        .is_none_or(|was| copy_stamp(path).as_ref() != Some(was))
                })
                .map(|(path, tool)| (path, Some(tool)))
                .collect(),
            Err(error) => {
                log::warn!("the data folder could not be listed: {error}");
                Vec::new()
            }
        },
    };
    let mut library: Option<Library> = None;
    let mut merged = Vec::new();
    for (path, tool) in files {
        // Taken before reading: a copy rewritten while it is read is not that stamp.
        let stamp = copy_stamp(&path);
        let theirs = match Store::load_file(&path) {
            Ok(theirs) => theirs,
            Err(StorageError::Unreadable {
                source: missing @ FormatError::ShowFilesMissing { .. },
                ..
            }) if tool.is_some() => {
                waiting.push((path, missing.to_string()));
                continue;
            }
            Err(error) => {
                unreadable.push((path, stamp, error.to_string()));
                continue;
            }
        };
        let into = library.as_ref().unwrap_or(&job.ours);
        let base = match &job.source {
            MergeInSource::ConflictCopies { dir, .. } => merge_base(dir, &theirs.lineage),
            MergeInSource::Backup(_) => None,
        };
        let MergedIn {
            library: result,
            added,
            conflicts,
        } = match &base {
            Some(base) => merge_with_base(base, into, &theirs.library),
            None => merge_in_with(into, &theirs.library, &article_text_key),
        };
        library = Some(result);
        merged.push(MergedFile {
            path,
            tool,
            added,
            conflicts,
            repairs: theirs.repairs.iter().map(ToString::to_string).collect(),
            with_base: base.is_some(),
            stamp,
        });
    }
    let changed = library.as_ref().is_some_and(|l| *l != *job.ours);
    MergeInDone {
        job,
        library,
        changed,
        merged,
        unreadable,
        waiting,
    }
}

/// `file` in words: "NAME, a conflict copy Syncthing left," or "the backup NAME".
fn described(file: &MergedFile) -> String {
    match file.tool {
        Some(tool) => format!("{}, a conflict copy {tool} left,", name(&file.path)),
        None => format!("the backup {}", name(&file.path)),
    }
}

/// What differed, in words: the first few conflicts, the rest counted.
fn conflicts_in_words(conflicts: &[Conflict], kept_in: &str) -> String {
    if conflicts.is_empty() {
        return String::new();
    }
    let named: Vec<String> = conflicts
        .iter()
        .take(CONFLICTS_NAMED)
        .map(ToString::to_string)
        .collect();
    let more = match conflicts.len().saturating_sub(CONFLICTS_NAMED) {
        0 => String::new(),
        n => format!(" (and {n} more)"),
    };
    let count = match conflicts.len() {
        1 => "One thing differs".to_owned(),
        n => format!("{n} things differ"),
    };
    format!(
        " {count}, yours kept: {}{more}. The other values are in {kept_in}.",
        named.join("; ")
    )
}

/// What reading `file` put right or found missing, in words ("" when nothing).
fn repairs_in_words(file: &MergedFile) -> String {
    if file.repairs.is_empty() {
        return String::new();
    }
    format!(" While it was read: {}.", file.repairs.join("; "))
}

/// The notice for a merged conflict copy, `then` saying where it is now (e.g. "It is kept
/// in conflicts-merged/NAME.").
fn copy_merged_text(file: &MergedFile, then: &str) -> String {
    let how = if file.with_base {
        ", from the version both started from"
    } else {
        ""
    };
    format!(
        "Merged {} into your library{how}: {}. {then}{}{}",
        described(file),
        file.added,
        conflicts_in_words(&file.conflicts, "that copy"),
        repairs_in_words(file)
    )
}

/// What the window keeps about conflict copies between looks.
#[derive(Debug, Default)]
pub(super) struct ConflictCopies {
    /// Files left alone (unreadable, or not movable) and told once: not read again while
    /// their stamp is the same.
    left_alone: HashMap<PathBuf, CopyStamp>,
    /// Copies waiting for their show files, told once each (read again at every look).
    waiting_told: HashSet<PathBuf>,
    /// Merged copies to move into `conflicts-merged/` once the merge is saved.
    to_move: Vec<MergedFile>,
    /// A look or a move is under way.
    pub(super) busy: bool,
    /// A copy changed after it was read: the next look is due without the watcher.
    look_again: bool,
}

impl App {
    /// Whether the data folder should be looked at for conflict copies: at first, and when
    /// its watcher saw them change. Starts the watcher of the current data folder (a window
    /// that saves only).
    pub(super) fn copies_due(&mut self) -> bool {
        if self.saver.is_none() {
            self.copy_watch = None;
            return false;
        }
        if self
            .copy_watch
            .as_ref()
            .is_none_or(|w| w.dir() != self.data_dir)
        {
            self.copy_watch = Some(CopyWatch::start(&self.data_dir, self.wake.clone()));
        }
        self.copies.look_again || self.copy_watch.as_ref().is_some_and(CopyWatch::is_due)
    }

    /// Whether merged copies are waiting to be moved, or a look or move is under way.
    pub(super) fn copies_pending(&self) -> bool {
        self.copies.busy || !self.copies.to_move.is_empty()
    }

    /// Looks at the data folder for conflict copies when `due` (in a window that saves, with
    /// no look, move or merge under way); merged copies waiting for their save are moved
    /// instead, as soon as it is written. Returns whether a look was started.
    pub(super) fn conflict_copies_check(&mut self, due: bool) -> bool {
        if self.saver.is_none() || self.copies.busy || self.merging || self.status.is_error() {
            return false;
        }
        if !self.copies.to_move.is_empty() {
            if self.is_saved() {
                self.copies.busy = true;
                let files = self
                    .copies
                    .to_move
                    .iter()
                    .map(|f| (f.path.clone(), f.stamp, differences(f)))
                    .collect();
                self.effect(Effect::MoveConflictCopies {
                    dir: self.data_dir.clone(),
                    files,
                });
            }
            return false;
        }
        if !due {
            return false;
        }
        self.copies.busy = true;
        self.copies.look_again = false;
        self.effect(Effect::MergeIn(Box::new(MergeInJob {
            source: MergeInSource::ConflictCopies {
                dir: self.data_dir.clone(),
                skip: self.copies.left_alone.clone(),
            },
            ours: self.library.clone(),
            generation: self.edit_generation,
        })));
        true
    }

    /// A job stopped with a fault: the next look starts afresh.
    pub(super) fn copies_fault(&mut self) {
        self.copies.busy = false;
    }

    /// Asks for a backup to import (a file dialog on a job).
    pub(super) fn import_backup(&mut self, path: PathBuf) -> Result<(), super::AppError> {
        self.writable()?;
        self.effect(Effect::MergeIn(Box::new(MergeInJob {
            source: MergeInSource::Backup(path),
            ours: self.library.clone(),
            generation: self.edit_generation,
        })));
        Ok(())
    }

    /// Applies a finished merge-in: unreadable files told (once), the merge applied (again
    /// on the newer library when the fan edited meanwhile), conflict copies queued to be
    /// moved once it is saved.
    pub(super) fn merged_in(&mut self, done: MergeInDone) -> Result<(), super::AppError> {
        let MergeInDone {
            mut job,
            library,
            changed,
            merged,
            unreadable,
            waiting,
        } = done;
        let copies = matches!(job.source, MergeInSource::ConflictCopies { .. });
        if copies {
            self.copies.busy = false;
        }
        for (path, why) in waiting {
            if self.copies.waiting_told.insert(path.clone()) {
                self.notify(format!(
                    "A sync tool's conflict copy of your library, {}, is waiting for files of its own: {why}. A sync tool may still be bringing them; the copy is left where it is and merged once they are there.",
                    name(&path)
                ));
            }
        }
        for (path, stamp, why) in unreadable {
            match &job.source {
                MergeInSource::Backup(_) => {
                    return Err(super::AppError::ImportBackup(why));
                }
                MergeInSource::ConflictCopies { .. } => {
                    self.notify(format!(
                        "A sync tool's conflict copy of your library, {}, could not be read, so it was not merged and is left where it is: {why}",
                        name(&path)
                    ));
                    if let Some(stamp) = stamp {
                        self.copies.left_alone.insert(path, stamp);
                    }
                }
            }
        }
        let Some(library) = library else {
            return Ok(());
        };
        if job.generation != self.edit_generation {
            // The fan edited meanwhile: merge again into the newer library.
            job.ours = self.library.clone();
            job.generation = self.edit_generation;
            if copies {
                self.copies.busy = true;
            }
            self.effect(Effect::MergeIn(Box::new(job)));
            return Ok(());
        }
        drop(job.ours);
        let replace = Edit::Replace(Box::new(library));
        match &job.source {
            MergeInSource::Backup(path) => {
                let file = &merged[0];
                if changed {
                    self.force_backup = true;
                    self.writable()?
                        .commit(replace, format!("import the backup {}", name(path)))?;
                }
                let conflicts = conflicts_in_words(&file.conflicts, "the backup");
                self.notify(format!(
                    "Imported {} into your library: {}.{conflicts}{}{}",
                    described(file),
                    file.added,
                    repairs_in_words(file),
                    if changed {
                        " Edit → Undo takes the import back."
                    } else {
                        ""
                    }
                ));
            }
            MergeInSource::ConflictCopies { .. } => {
                if changed {
                    // Like a change made behind the app: outside the fan's undo history,
                    // the library from before kept as a backup.
                    self.force_backup = true;
                    self.urgent = true;
                    self.writable()?.apply_outside_history(replace)?;
                }
                self.copies.to_move.extend(merged);
            }
        }
        Ok(())
    }

    /// Conflict copies were moved (or could not be): what was merged from where is told.
    pub(super) fn copies_moved(&mut self, moved: Vec<CopyMoved>) {
        self.copies.busy = false;
        for (path, result) in moved {
            let Some(at) = self.copies.to_move.iter().position(|f| f.path == path) else {
                continue;
            };
            let file = self.copies.to_move.remove(at);
            // Where it is now, and what the notice ends with.
            let (then, tail) = match result {
                Moved::To(to, listed) => (
                    format!("It is kept in {MERGED_DIR}/{}.", name(&to)),
                    listed.map(|listed| {
                        format!(
                            " Every difference, in full, is listed in {MERGED_DIR}/{}.",
                            name(&listed)
                        )
                    }),
                ),
                Moved::Changed => {
                    self.copies.look_again = true;
                    (
                        "The sync tool changed it again after it was read, so it is left where it is and read again.".to_owned(),
                        None,
                    )
                }
                Moved::Failed(why, stamp) => {
                    if let Some(stamp) = stamp {
                        self.copies.left_alone.insert(file.path.clone(), stamp);
                    }
                    (
                        format!(
                            "It could not be moved into {MERGED_DIR}/ ({why}), so it is left where it is."
                        ),
                        None,
                    )
                }
            };
            let text = copy_merged_text(&file, &then);
            self.notify(text + tail.as_deref().unwrap_or(""));
        }
    }
}

/// Moves merged conflict copies into `conflicts-merged/` (on a job), each with the list of
/// what differed beside it (`<name>.differences.txt`, when anything did; a failure to write
/// it is logged, the copy itself holds the values).
pub fn move_copies(dir: &Path, files: Vec<MoveCopy>) -> Command {
    Command::ConflictCopiesMoved(
        files
            .into_iter()
            .map(|(path, stamp, differences)| {
                let moved = match stamp.map(|read| move_merged_copy(dir, &path, read)) {
                    None => Moved::Changed,
                    Some(Err(MoveCopyError::Changed)) => Moved::Changed,
                    Some(Err(MoveCopyError::Io(error))) => {
                        Moved::Failed(error.to_string(), copy_stamp(&path))
                    }
                    Some(Ok(to)) => {
                        let listed = differences.and_then(|text| {
                            let listed = to.with_extension("differences.txt");
                            match RealFs.write_atomic(&listed, text.as_bytes()) {
                                Ok(()) => Some(listed),
                                Err(error) => {
                                    log::warn!(
                                        "{} could not be written: {error}",
                                        listed.display()
                                    );
                                    None
                                }
                            }
                        });
                        Moved::To(to, listed)
                    }
                };
                (path, moved)
            })
            .collect(),
    )
}

/// A merged copy to move: its path, its stamp when read, what differed (see
/// [`move_copies`]).
pub type MoveCopy = (PathBuf, Option<CopyStamp>, Option<String>);

/// What differed between `file` and the library, in full, for `<name>.differences.txt`;
/// `None` when nothing did.
fn differences(file: &MergedFile) -> Option<String> {
    if file.conflicts.is_empty() {
        return None;
    }
    let mut text = format!(
        "Fan Tracker merged {} into your library on {}.\nWhere both held a different value, yours was kept; the other value is in the copy beside this file.\n",
        described(file).trim_end_matches(','),
        jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .unwrap_or(jiff::Timestamp::now())
    );
    for conflict in &file.conflicts {
        text.push_str(&format!(
            "\n- the {} {}, {}:\n    here: {}\n    in the other copy: {}\n",
            conflict.kind,
            crate::model::quoted(&conflict.name),
            conflict.field,
            conflict.ours,
            conflict.theirs
        ));
        if conflict.appended {
            text.push_str("    (the other note was added below yours, marked)\n");
        }
    }
    Some(text)
}

/// The command a finished merge-in job brings back.
pub fn finished(job: MergeInJob) -> Command {
    Command::MergedIn(Finished::new(run(job)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::AppOptions;

    /// A conflict copy the sync tool rewrites after it was read and merged is not moved (its
    /// new content was never merged): it stays where it is, the window says so, and the next
    /// look is due at once.
    #[test]
    fn a_copy_rewritten_after_it_was_read_is_left_and_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::new(
            AppOptions {
                data_dir: dir.path().to_owned(),
                open_file: None,
            },
            None,
        );
        app.finish_jobs_blocking();
        let mut theirs = (*app.library).clone();
        theirs.shows[0].note = "from the laptop".into();
        let copy = dir
            .path()
            .join("library.sync-conflict-20261207-030000-LAPTOP1.json");
        std::fs::write(&copy, crate::storage::encode(&theirs).unwrap()).unwrap();
        let done = run(MergeInJob {
            source: MergeInSource::ConflictCopies {
                dir: dir.path().to_owned(),
                skip: HashMap::new(),
            },
            ours: app.library.clone(),
            generation: app.edit_generation,
        });
        assert!(done.changed);
        app.merged_in(done).unwrap();
        assert_eq!(app.library.shows[0].note, "from the laptop");
        theirs.shows[0].note = "from the laptop, then more".into();
        let rewritten = crate::storage::encode(&theirs).unwrap();
        std::fs::write(&copy, &rewritten).unwrap();

        let files = app
            .copies
            .to_move
            .iter()
            .map(|f| (f.path.clone(), f.stamp, differences(f)))
            .collect();
        let Command::ConflictCopiesMoved(moved) = move_copies(dir.path(), files) else {
            panic!("the moves come back");
        };
        assert_eq!(moved, [(copy.clone(), Moved::Changed)]);
        assert_eq!(std::fs::read(&copy).unwrap(), rewritten, "left where it is");
        assert!(
            !dir.path()
                .join(MERGED_DIR)
                .join(copy.file_name().unwrap())
                .exists()
        );
        app.copies_moved(moved);
        assert!(
            app.notices()
                .iter()
                .any(|n| n.contains("changed it again after it was read")),
            "{:?}",
            app.notices()
        );
        assert!(app.copies.look_again && app.copies_due(), "read again");
    }
}
