//! Putting right what hand edits and sync tools leave in a library: two items under one id,
//! an anchor into an article that is not there, an id counter behind the ids in use. (A
//! dangling open show is put right where it is kept, in the window's state file.)
//!
//! Every repair keeps every item; each is reported as a [`LibraryRepair`] so the window can
//! say what was changed (issue 10, item 10).

use std::collections::HashSet;
use std::fmt;

use super::{ArticleId, Library, PredictionId, ShowId, ThreadId};

/// What kind of item a repair touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A show.
    Show,
    /// An article of a show.
    Article,
    /// A thread on a checklist.
    Thread,
    /// A prediction under a thread.
    Prediction,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Show => "show",
            ItemKind::Article => "article",
            ItemKind::Thread => "thread",
            ItemKind::Prediction => "prediction",
        })
    }
}

/// One thing [`Library::repair`] put right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryRepair {
    /// An item had the id of an item before it (ids are shared by shows, articles, threads and
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
    /// A thread's passage pointed into an article that is not in the library; it now points
    /// into the show's article that holds its quote (or the show's first article), or, when
    /// the show has no article, it is kept as it is and shown as not found.
    DanglingAnchor {
        /// The thread's title.
        thread: String,
        /// The article id it pointed at.
        was: ArticleId,
        /// The article it points at now, if one could be found.
        now: Option<ArticleId>,
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
            LibraryRepair::DanglingAnchor { thread, was, now } => match now {
                Some(now) => write!(
                    f,
                    "a passage of the thread \u{201c}{thread}\u{201d} pointed at an article that is not in the library (id {}); it now points at article {}",
                    was.0, now.0
                ),
                None => write!(
                    f,
                    "a passage of the thread \u{201c}{thread}\u{201d} points at an article that is not in the library (id {}); it is kept but cannot be shown",
                    was.0
                ),
            },
            LibraryRepair::NextIdBehind { was, now } => write!(
                f,
                "the id counter ({was}) was behind the ids in use and is now {now}"
            ),
        }
    }
}

/// After `show`'s articles were renumbered (`(old, new)` pairs), points the passages of its
/// threads and suggestions that named an old id at the new one, when no article of the show
/// kept the old id: the article holding it is in another show (a show block copied whole),
/// so the passages meant this show's copy.
fn follow_renumbered_articles(show: &mut super::Show, renumbered: &[(ArticleId, ArticleId)]) {
    for &(old, new) in renumbered {
        if show.articles.iter().any(|a| a.id == old) {
            continue;
        }
        let suggested = show
            .articles
            .iter_mut()
            .flat_map(|a| a.suggestions.iter_mut().flatten())
            .flat_map(|s| s.passages.iter_mut());
        let anchored = show.threads.iter_mut().flat_map(|t| t.anchors.iter_mut());
        for anchor in suggested.chain(anchored) {
            if anchor.article == old {
                anchor.article = new;
            }
        }
    }
}

impl Library {
    /// Puts right duplicate ids, anchors into missing articles and an id counter behind the
    /// ids in use, keeping every item; returns what was changed (empty for a sound library).
    ///
    /// The first item (in file order: shows, each with its articles, then its threads, each
    /// with its predictions) keeps a shared id; later ones get fresh ids above every id in use.
    /// A renumbered article takes along the passages of its own show that named it, when the
    /// article that kept the id is in another show.
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
        let mut next = self.next_id_value();
        let mut fresh = |id: u64, kind, name: &str| {
            if seen.insert(id) {
                return id;
            }
            let new = next;
            next += 1;
            seen.insert(new);
            repairs.push(LibraryRepair::DuplicateId {
                kind,
                name: name.to_owned(),
                old: id,
                new,
            });
            new
        };
        for show in &mut self.shows {
            show.id = ShowId(fresh(show.id.0, ItemKind::Show, &show.title));
            let mut renumbered = Vec::new();
            for entry in &mut show.articles {
                let name = &entry.article.title;
                let old = entry.id;
                entry.id = ArticleId(fresh(old.0, ItemKind::Article, name));
                if entry.id != old {
                    renumbered.push((old, entry.id));
                }
            }
            follow_renumbered_articles(show, &renumbered);
            for thread in &mut show.threads {
                thread.id = ThreadId(fresh(thread.id.0, ItemKind::Thread, &thread.title));
                for p in &mut thread.predictions {
                    p.id = PredictionId(fresh(p.id.0, ItemKind::Prediction, &p.statement));
                }
            }
        }
        self.set_next_id_at_least(next);
        repairs.extend(self.repair_anchors());
        repairs
    }

    /// Points anchors into missing articles at an article of their show (see
    /// [`LibraryRepair::DanglingAnchor`]).
    fn repair_anchors(&mut self) -> Vec<LibraryRepair> {
        let known: HashSet<ArticleId> = self.articles().map(|a| a.id).collect();
        let mut repairs = Vec::new();
        for show in &mut self.shows {
            for thread in &mut show.threads {
                for anchor in &mut thread.anchors {
                    if known.contains(&anchor.article) {
                        continue;
                    }
                    let now = show
                        .articles
                        .iter()
                        .find(|a| a.article.body.contains(anchor.quote.trim()))
                        .or(show.articles.first())
                        .map(|a| a.id);
                    repairs.push(LibraryRepair::DanglingAnchor {
                        thread: thread.title.clone(),
                        was: anchor.article,
                        now,
                    });
                    if let Some(now) = now {
                        anchor.article = now;
                    }
                }
            }
        }
        repairs
    }

    /// The largest id in use (0 for an empty library).
    fn max_used_id(&self) -> u64 {
        self.ids().max().unwrap_or(0)
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
    use crate::model::{Anchor, Thread, ThreadStatus};

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
        let first = library.shows[0].threads[0].id;
        library.shows[0].threads[1].id = first;
        let title = library.shows[0].threads[1].title.clone();
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
        assert_eq!(library.shows[0].threads[1].id, ThreadId(*new));
        library.thread_mut(ThreadId(*new)).unwrap().status = ThreadStatus::Resolved;
        assert_eq!(library.shows[0].threads[0].status, ThreadStatus::Open);
        let fresh = library.allocate_id();
        assert!(fresh > *new);
    }

    #[test]
    fn a_dangling_anchor_and_a_counter_behind_are_put_right() {
        let mut library = Library::default();
        let article = library.shows[0].articles[0].id;
        library.shows[0].threads.push(Thread::new(
            ThreadId(500),
            "added by hand",
            Some(Anchor::new(ArticleId(999), "no one behind the show", 0)),
        ));
        let repairs = library.repair();
        assert!(repairs.contains(&LibraryRepair::DanglingAnchor {
            thread: "added by hand".into(),
            was: ArticleId(999),
            now: Some(article),
        }));
        assert!(
            repairs
                .iter()
                .any(|r| matches!(r, LibraryRepair::NextIdBehind { now: 501, .. }))
        );
        assert_eq!(library.shows[0].threads[4].anchors[0].article, article);
        assert_eq!(library.allocate_id(), 501);
    }
}
