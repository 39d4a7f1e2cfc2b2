//! What a backup holds and how it differs from the library now, in a few words for the
//! *Restore a backup* window (issue 17, "Readable history").
//!
//! Items are matched by id (ids are never reused, see [`Library`]), so an item whose title
//! changed is one item changed, not one removed and one added.

use std::collections::HashMap;
use std::hash::Hash;

use super::{ArticleEntry, Library, Prediction, Show, Thread, ThreadEvent, quoted};

/// How many renamed threads [`Difference::describe`] names (the rest are counted).
pub const RENAMES_NAMED: usize = 2;

/// What a library holds: counts of its items and its newest timeline event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackupSummary {
    /// Shows.
    pub shows: usize,
    /// Articles, in all shows.
    pub articles: usize,
    /// Threads, in all shows.
    pub threads: usize,
    /// Predictions, on all threads.
    pub predictions: usize,
    /// The newest timeline event of any show (the latest date; the last recorded of that day).
    pub last_change: Option<ThreadEvent>,
}

impl BackupSummary {
    /// "3 shows, 12 threads, 2 articles, 1 prediction"; counts of zero articles or predictions
    /// are left out.
    pub fn describe(&self) -> String {
        let mut parts = vec![
            count(self.shows, "show", "shows"),
            count(self.threads, "thread", "threads"),
        ];
        if self.articles > 0 {
            parts.push(count(self.articles, "article", "articles"));
        }
        if self.predictions > 0 {
            parts.push(count(self.predictions, "prediction", "predictions"));
        }
        parts.join(", ")
    }

    /// "thread 'Season 2?' resolved on 2026-12-05", or "no timeline events yet".
    pub fn describe_last_change(&self) -> String {
        match &self.last_change {
            Some(event) => format!(
                "thread {} {} on {}",
                quoted(&event.title),
                match event.status {
                    super::ThreadStatus::Open => "opened",
                    status => status.label(),
                },
                event.date
            ),
            None => "no timeline events yet".to_owned(),
        }
    }
}

/// What `library` holds.
pub fn summary(library: &Library) -> BackupSummary {
    let shows = &library.shows;
    let last_change = shows
        .iter()
        .flat_map(|s| s.events.iter().enumerate())
        .max_by_key(|(index, event)| (event.date, *index))
        .map(|(_, event)| event.clone());
    BackupSummary {
        shows: shows.len(),
        articles: shows.iter().map(|s| s.articles.len()).sum(),
        threads: shows.iter().map(|s| s.threads.len()).sum(),
        predictions: shows.iter().map(|s| s.predictions().count()).sum(),
        last_change,
    }
}

/// How many items of one kind a backup has that the library now lacks (`more`), lacks that the
/// library now has (`fewer`), and has with other content (`changed`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// In the backup only.
    pub more: usize,
    /// In the library now only.
    pub fewer: usize,
    /// In both, different.
    pub changed: usize,
}

/// How a backup differs from the library now (what restoring it would change back).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Difference {
    /// Shows (their title, status, note; not what they hold).
    pub shows: Counts,
    /// Articles (title, text, date, note; suggestions when both versions have them).
    pub articles: Counts,
    /// Threads (title, status, passages, note; not their predictions).
    pub threads: Counts,
    /// Predictions.
    pub predictions: Counts,
    /// Threads in both whose title differs: (title in the backup, title now).
    pub renamed: Vec<(String, String)>,
}

/// How `backup` differs from `current`, item by item (matched by id).
pub fn difference(current: &Library, backup: &Library) -> Difference {
    let (now_threads, old_threads) = (threads(current), threads(backup));
    let mut renamed: Vec<(String, String)> = old_threads
        .iter()
        .filter_map(|(id, old)| {
            let now = now_threads.get(id)?;
            (now.title != old.title).then(|| (old.title.clone(), now.title.clone()))
        })
        .collect();
    renamed.sort();
    Difference {
        shows: counts(&shows(current), &shows(backup), same_show),
        articles: counts(&articles(current), &articles(backup), same_article),
        threads: counts(&now_threads, &old_threads, same_thread),
        predictions: counts(
            &predictions(current),
            &predictions(backup),
            |a: &&Prediction, b| a == b,
        ),
        renamed,
    }
}

fn shows(l: &Library) -> HashMap<super::ShowId, &Show> {
    l.shows.iter().map(|s| (s.id, s)).collect()
}

fn articles(l: &Library) -> HashMap<super::ArticleId, &ArticleEntry> {
    l.shows
        .iter()
        .flat_map(|s| &s.articles)
        .map(|a| (a.id, a))
        .collect()
}

fn threads(l: &Library) -> HashMap<super::ThreadId, &Thread> {
    l.shows
        .iter()
        .flat_map(|s| &s.threads)
        .map(|t| (t.id, t))
        .collect()
}

fn predictions(l: &Library) -> HashMap<super::PredictionId, &Prediction> {
    l.shows
        .iter()
        .flat_map(|s| s.predictions())
        .map(|p| (p.id, p))
        .collect()
}

fn counts<K: Eq + Hash, V>(
    now: &HashMap<K, V>,
    backup: &HashMap<K, V>,
    same: impl Fn(&V, &V) -> bool,
) -> Counts {
    let mut counts = Counts::default();
    for (id, old) in backup {
        match now.get(id) {
            None => counts.more += 1,
            Some(new) if !same(new, old) => counts.changed += 1,
            Some(_) => {}
        }
    }
    counts.fewer = now.keys().filter(|id| !backup.contains_key(id)).count();
    counts
}

fn same_show(a: &&Show, b: &&Show) -> bool {
    (
        &a.title,
        &a.original_title,
        a.status,
        a.status_checked,
        &a.note,
    ) == (
        &b.title,
        &b.original_title,
        b.status,
        b.status_checked,
        &b.note,
    )
}

/// Suggestions computed in one version only (a cache filled when an article is opened) are
/// not a change the fan made; suggestions kept in both are compared.
fn same_article(a: &&ArticleEntry, b: &&ArticleEntry) -> bool {
    let suggestions_same = match (&a.suggestions, &b.suggestions) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    a.article == b.article && a.note == b.note && suggestions_same
}

fn same_thread(a: &&Thread, b: &&Thread) -> bool {
    (&a.title, a.status, &a.anchors, &a.note) == (&b.title, b.status, &b.anchors, &b.note)
}

impl Difference {
    /// Whether the backup holds the same items as the library now.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// "2 threads fewer, 1 show more, 3 threads changed (thread 'Season 2?' was 'Renewal?')",
    /// or "the same as now".
    pub fn describe(&self) -> String {
        if self.is_empty() {
            return "the same as now".to_owned();
        }
        let kinds = [
            (self.shows, "show", "shows"),
            (self.articles, "article", "articles"),
            (self.threads, "thread", "threads"),
            (self.predictions, "prediction", "predictions"),
        ];
        let mut parts = Vec::new();
        for (c, one, many) in kinds {
            if c.more > 0 {
                parts.push(format!("{} more", count(c.more, one, many)));
            }
            if c.fewer > 0 {
                parts.push(format!("{} fewer", count(c.fewer, one, many)));
            }
        }
        for (c, one, many) in kinds {
            if c.changed > 0 {
                parts.push(format!("{} changed", count(c.changed, one, many)));
            }
        }
        for (old, now) in self.renamed.iter().take(RENAMES_NAMED) {
            parts.push(format!("thread {} was {}", quoted(now), quoted(old)));
        }
        if self.renamed.len() > RENAMES_NAMED {
            parts.push(format!(
                "{} more renamed",
                self.renamed.len() - RENAMES_NAMED
            ));
        }
        parts.join(", ")
    }
}

/// "1 show", "3 shows".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Article, ArticleEntry, ArticleId, Prediction, PredictionId, Show, ShowId, ThreadId,
        ThreadStatus,
    };

    fn library() -> Library {
        let mut library = Library::empty();
        let mut show = Show::new(ShowId(library.allocate_id()), "Show A");
        show.articles.push(ArticleEntry::new(
            ArticleId(library.allocate_id()),
            Article {
                title: "Article".into(),
                as_of: None,
                format: Default::default(),
                body: "Body".into(),
                source_path: None,
                source_url: None,
            },
        ));
        for title in ["One", "Two", "Three"] {
            show.threads
                .push(Thread::new(ThreadId(library.allocate_id()), title, None));
        }
        let id = PredictionId(library.allocate_id());
        show.threads[0]
            .predictions
            .push(Prediction::new(id, "It happens", 60));
        show.events.push(ThreadEvent {
            date: "2026-12-05".parse().unwrap(),
            thread: show.threads[1].id,
            title: "Two".into(),
            status: ThreadStatus::Resolved,
        });
        show.events.push(ThreadEvent {
            date: "2026-12-01".parse().unwrap(),
            thread: show.threads[0].id,
            title: "One".into(),
            status: ThreadStatus::Open,
        });
        library.shows.push(show);
        library
    }

    #[test]
    fn a_summary_counts_every_kind_of_item_and_names_the_newest_event() {
        let s = summary(&library());
        assert_eq!(
            (s.shows, s.articles, s.threads, s.predictions),
            (1, 1, 3, 1)
        );
        assert_eq!(s.describe(), "1 show, 3 threads, 1 article, 1 prediction");
        assert_eq!(
            s.describe_last_change(),
            "thread 'Two' resolved on 2026-12-05"
        );
        let empty = summary(&Library::empty());
        assert_eq!(empty.describe(), "0 shows, 0 threads");
        assert_eq!(empty.describe_last_change(), "no timeline events yet");
    }

    #[test]
    fn the_same_library_makes_no_difference() {
        let d = difference(&library(), &library());
        assert!(d.is_empty());
        assert_eq!(d.describe(), "the same as now");
    }

    #[test]
    fn a_difference_counts_items_added_removed_and_changed_by_id() {
        let backup = library();
        let mut current = backup.clone();
        // Now: one thread more, one removed, one renamed, a new show, a changed prediction.
        let id = ThreadId(current.allocate_id());
        let show = &mut current.shows[0];
        show.threads.push(Thread::new(id, "Four", None));
        show.threads.remove(2);
        show.threads[1].title = "Two, renamed".into();
        show.threads[0].predictions[0].current.probability =
            crate::model::Probability::from_pct(80);
        let show_id = ShowId(current.allocate_id());
        current.shows.push(Show::new(show_id, "Show B"));

        let d = difference(&current, &backup);
        assert_eq!(
            d.shows,
            Counts {
                more: 0,
                fewer: 1,
                changed: 0
            }
        );
        assert_eq!(
            d.threads,
            Counts {
                more: 1,
                fewer: 1,
                changed: 1
            }
        );
        assert_eq!(
            d.predictions,
            Counts {
                more: 0,
                fewer: 0,
                changed: 1
            }
        );
        assert_eq!(d.articles, Counts::default());
        assert_eq!(
            d.renamed,
            vec![("Two".to_owned(), "Two, renamed".to_owned())]
        );
        assert_eq!(
            d.describe(),
            "1 show fewer, 1 thread more, 1 thread fewer, 1 thread changed, \
             1 prediction changed, thread 'Two, renamed' was 'Two'"
        );
    }

    #[test]
    fn a_note_edited_is_a_change_and_renames_beyond_two_are_counted() {
        let backup = library();
        let mut current = backup.clone();
        current.shows[0].note = "new note".into();
        for t in &mut current.shows[0].threads {
            t.title.push('!');
        }
        current.shows[0].articles[0].suggestions = Some(Vec::new());
        let d = difference(&current, &backup);
        assert_eq!(
            d.articles.changed, 0,
            "suggestions computed since are no change"
        );
        assert_eq!(d.shows.changed, 1);
        assert_eq!(d.threads.changed, 3);
        assert!(d.describe().ends_with("1 more renamed"), "{}", d.describe());
    }
}
