//! Putting right what hand edits and sync tools leave in a library: two items under one id,
//! an open dossier that is not there, an id counter behind the ids in use.
//!
//! Every repair keeps every item; each is reported as a [`LibraryRepair`] so the window can
//! say what was changed (issue 10, item 10).

use std::collections::HashSet;
use std::fmt;

use super::{DossierId, Library, PredictionId, ThreadId};

/// What kind of item a repair touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A dossier (an article with its checklist).
    Dossier,
    /// A thread on a checklist.
    Thread,
    /// A prediction under a thread.
    Prediction,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Dossier => "article",
            ItemKind::Thread => "thread",
            ItemKind::Prediction => "prediction",
        })
    }
}

/// One thing [`Library::repair`] put right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryRepair {
    /// An item had the id of an item before it (ids are shared by dossiers, threads and
    /// predictions); it was given a fresh one, so each acts alone.
    DuplicateId {
        /// The kind of the renumbered item.
        kind: ItemKind,
        /// Its title (or statement), to name it.
        name: String,
        /// The id it shared.
        old: u64,
        /// Its new id.
        new: u64,
    },
    /// The open dossier was not in the library; the first dossier (if any) is open instead.
    DanglingOpen {
        /// The id it pointed at.
        id: DossierId,
    },
    /// The id counter was at or below an id in use; it was raised above them.
    NextIdBehind {
        /// The counter as read.
        was: u64,
        /// The counter after the repair.
        now: u64,
    },
}

impl fmt::Display for LibraryRepair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryRepair::DuplicateId {
                kind,
                name,
                old,
                new,
            } => write!(
                f,
                "the {kind} \u{201c}{name}\u{201d} shared id {old} with another item and now has id {new}"
            ),
            LibraryRepair::DanglingOpen { id } => write!(
                f,
                "the article to open (id {}) is not in the library, so the first one opens instead",
                id.0
            ),
            LibraryRepair::NextIdBehind { was, now } => write!(
                f,
                "the id counter ({was}) was behind the ids in use and is now {now}"
            ),
        }
    }
}

impl Library {
    /// Puts right duplicate ids, a dangling open dossier and an id counter behind the ids in
    /// use, keeping every item; returns what was changed (empty for a sound library).
    ///
    /// The first item (in file order: dossiers, each with its threads, each with its
    /// predictions) keeps a shared id; later ones get fresh ids above every id in use.
    pub fn repair(&mut self) -> Vec<LibraryRepair> {
        let mut repairs = Vec::new();
        let max_used = self.max_used_id();
        let was = self.next_id_value();
        if was <= max_used {
            repairs.push(LibraryRepair::NextIdBehind {
                was,
                now: max_used + 1,
            });
        }
        self.set_next_id_at_least(max_used + 1);
        let mut seen = HashSet::new();
        let mut fresh = |library: &mut Library, id: u64, kind, name: &str| {
            if seen.insert(id) {
                return id;
            }
            let new = library.allocate_id();
            seen.insert(new);
            repairs.push(LibraryRepair::DuplicateId {
                kind,
                name: name.to_owned(),
                old: id,
                new,
            });
            new
        };
        for d in 0..self.dossiers.len() {
            let (id, name) = (
                self.dossiers[d].id.0,
                self.dossiers[d].article.title.clone(),
            );
            self.dossiers[d].id = DossierId(fresh(self, id, ItemKind::Dossier, &name));
            for t in 0..self.dossiers[d].threads.len() {
                let thread = &self.dossiers[d].threads[t];
                let (id, name) = (thread.id.0, thread.title.clone());
                self.dossiers[d].threads[t].id = ThreadId(fresh(self, id, ItemKind::Thread, &name));
                for p in 0..self.dossiers[d].threads[t].predictions.len() {
                    let prediction = &self.dossiers[d].threads[t].predictions[p];
                    let (id, name) = (prediction.id.0, prediction.statement.clone());
                    self.dossiers[d].threads[t].predictions[p].id =
                        PredictionId(fresh(self, id, ItemKind::Prediction, &name));
                }
            }
        }
        if let Some(open) = self.open
            && self.dossier(open).is_err()
        {
            repairs.push(LibraryRepair::DanglingOpen { id: open });
            self.open = self.dossiers.first().map(|d| d.id);
        }
        repairs
    }

    /// The largest id in use (0 for an empty library).
    fn max_used_id(&self) -> u64 {
        self.dossiers
            .iter()
            .flat_map(|d| {
                std::iter::once(d.id.0).chain(d.threads.iter().flat_map(|t| {
                    std::iter::once(t.id.0).chain(t.predictions.iter().map(|p| p.id.0))
                }))
            })
            .max()
            .unwrap_or(0)
    }

    /// Makes sure `next_id` is above every id in use (for merged files).
    pub fn repair_ids(&mut self) {
        let max_used = self.max_used_id();
        self.set_next_id_at_least(max_used + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Thread, ThreadStatus};

    #[test]
    fn a_sound_library_needs_no_repair() {
        let mut library = Library::default();
        let before = library.clone();
        assert_eq!(library.repair(), []);
        assert_eq!(library, before);
    }

    #[test]
    fn duplicate_thread_ids_are_renumbered_and_act_alone() {
        let mut library = Library::default();
        let first = library.dossiers[0].threads[0].id;
        library.dossiers[0].threads[1].id = first;
        let title = library.dossiers[0].threads[1].title.clone();
        let repairs = library.repair();
        let [
            LibraryRepair::DuplicateId {
                kind,
                name,
                old,
                new,
            },
        ] = repairs.as_slice()
        else {
            panic!("{repairs:?}");
        };
        assert_eq!((*kind, name, *old), (ItemKind::Thread, &title, first.0));
        assert_eq!(library.dossiers[0].threads[1].id, ThreadId(*new));
        library.dossiers[0]
            .thread_mut(ThreadId(*new))
            .unwrap()
            .status = ThreadStatus::Resolved;
        assert_eq!(library.dossiers[0].threads[0].status, ThreadStatus::Open);
        let fresh = library.allocate_id();
        assert!(fresh > *new);
    }

    #[test]
    fn a_dangling_open_dossier_and_a_counter_behind_are_put_right() {
        let mut library = Library::default();
        library.open = Some(DossierId(999));
        library.dossiers[0]
            .threads
            .push(Thread::new(ThreadId(500), "added by hand", None));
        let repairs = library.repair();
        assert!(repairs.contains(&LibraryRepair::DanglingOpen { id: DossierId(999) }));
        assert!(
            repairs
                .iter()
                .any(|r| matches!(r, LibraryRepair::NextIdBehind { now: 501, .. }))
        );
        assert_eq!(library.open, Some(library.dossiers[0].id));
        assert_eq!(library.allocate_id(), 501);
    }
}
