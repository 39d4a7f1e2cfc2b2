//! Three-way merge of two versions of a library that grew apart from a common base.
//!
//! Used when the library file changed behind the app (a sync tool, another device, a text
//! editor): every show, article, thread and prediction is matched by id, and each field is taken from
//! the side that changed it. Where both sides changed the same field differently, this side
//! ("ours", the open window) wins and the merge reports a conflict, so the caller can keep the
//! other version as a conflict copy. Nothing the user typed in this window is ever dropped.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use super::{
    ArticleEntry, ArticleId, Library, Prediction, PredictionId, Show, ShowId, Thread, ThreadId,
};

/// A merged library and how many fields both sides changed differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The result: their changes applied on top of ours.
    pub library: Library,
    /// Fields both sides changed differently (ours kept); 0 means a clean merge.
    pub conflicts: usize,
}

/// Merges `theirs` into `ours`, both descended from `base`.
pub fn merge_libraries(base: &Library, ours: &Library, theirs: &Library) -> Merged {
    let mut theirs = theirs.clone();
    separate_colliding_ids(base, ours, &mut theirs);
    let conflicts = Cell::new(0);
    let mut ours = ours.clone();
    follow_moved_articles(base, &mut ours, &mut theirs, &conflicts);
    let (ours, theirs) = (&ours, &theirs);
    let mut library = ours.clone();
    library.shows = merge_lists(
        &base.shows,
        &ours.shows,
        &theirs.shows,
        |s| s.id,
        |b, o, t| merge_show(b, o, t, &conflicts),
        &conflicts,
    );
    library.raise_next_id(theirs);
    library.repair_ids();
    Merged {
        library,
        conflicts: conflicts.get(),
    }
}

fn merge_show(base: Option<&Show>, ours: &Show, theirs: &Show, conflicts: &Cell<usize>) -> Show {
    let empty = Show::new(ours.id, ours.title.clone());
    let base = base.unwrap_or(&empty);
    Show {
        id: ours.id,
        title: pick(&base.title, &ours.title, &theirs.title, conflicts),
        original_title: pick(
            &base.original_title,
            &ours.original_title,
            &theirs.original_title,
            conflicts,
        ),
        status: pick(&base.status, &ours.status, &theirs.status, conflicts),
        status_checked: pick(
            &base.status_checked,
            &ours.status_checked,
            &theirs.status_checked,
            conflicts,
        ),
        note: pick(&base.note, &ours.note, &theirs.note, conflicts),
        articles: merge_lists(
            &base.articles,
            &ours.articles,
            &theirs.articles,
            |a| a.id,
            |b, o, t| merge_article(b, o, t, conflicts),
            conflicts,
        ),
        threads: merge_lists(
            &base.threads,
            &ours.threads,
            &theirs.threads,
            |t| t.id,
            |b, o, t| merge_thread(b, o, t, conflicts),
            conflicts,
        ),
        // The timeline only grows: ours, then the events they added.
        events: ours
            .events
            .iter()
            .chain(
                theirs
                    .events
                    .iter()
                    .filter(|e| !base.events.contains(e) && !ours.events.contains(e)),
            )
            .cloned()
            .collect(),
    }
}

fn merge_article(
    base: Option<&ArticleEntry>,
    ours: &ArticleEntry,
    theirs: &ArticleEntry,
    conflicts: &Cell<usize>,
) -> ArticleEntry {
    let empty = ArticleEntry::new(ours.id, ours.article.clone());
    let base = base.unwrap_or(&empty);
    ArticleEntry {
        id: ours.id,
        article: pick(&base.article, &ours.article, &theirs.article, conflicts),
        note: pick(&base.note, &ours.note, &theirs.note, conflicts),
        suggestions: pick(
            &base.suggestions,
            &ours.suggestions,
            &theirs.suggestions,
            conflicts,
        ),
    }
}

fn merge_thread(
    base: Option<&Thread>,
    ours: &Thread,
    theirs: &Thread,
    conflicts: &Cell<usize>,
) -> Thread {
    let empty = Thread::new(ours.id, String::new(), None);
    let base = base.unwrap_or(&empty);
    Thread {
        id: ours.id,
        title: pick(&base.title, &ours.title, &theirs.title, conflicts),
        status: pick(&base.status, &ours.status, &theirs.status, conflicts),
        anchors: pick(&base.anchors, &ours.anchors, &theirs.anchors, conflicts),
        note: pick(&base.note, &ours.note, &theirs.note, conflicts),
        predictions: merge_lists(
            &base.predictions,
            &ours.predictions,
            &theirs.predictions,
            |p| p.id,
            |b, o, t| pick_prediction(b, o, t, conflicts),
            conflicts,
        ),
    }
}

fn pick_prediction(
    base: Option<&Prediction>,
    ours: &Prediction,
    theirs: &Prediction,
    conflicts: &Cell<usize>,
) -> Prediction {
    match base {
        Some(base) => pick(base, ours, theirs, conflicts),
        None if ours == theirs => ours.clone(),
        None => {
            conflicts.set(conflicts.get() + 1);
            ours.clone()
        }
    }
}

/// The value of a field: whichever side changed it, ours when both did differently.
fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T, conflicts: &Cell<usize>) -> T {
    if ours == base {
        theirs.clone()
    } else if theirs == base || theirs == ours {
        ours.clone()
    } else {
        conflicts.set(conflicts.get() + 1);
        ours.clone()
    }
}

/// Merges lists of items with ids: items kept, added or removed on either side, in our order
/// (or theirs, when only they reordered), with their additions after ours.
fn merge_lists<T: Clone + PartialEq, Id: Copy + Eq + std::hash::Hash>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> Id,
    mut merge_item: impl FnMut(Option<&T>, &T, &T) -> T,
    conflicts: &Cell<usize>,
) -> Vec<T> {
    let base_by_id: HashMap<Id, &T> = base.iter().map(|x| (id(x), x)).collect();
    let theirs_by_id: HashMap<Id, &T> = theirs.iter().map(|x| (id(x), x)).collect();
    let ours_ids: HashSet<Id> = ours.iter().map(&id).collect();
    let reordered = |side: &[T]| {
        let ids: HashSet<Id> = side.iter().map(&id).collect();
        let kept: Vec<Id> = side
            .iter()
            .map(&id)
            .filter(|i| base_by_id.contains_key(i))
            .collect();
        let base_kept: Vec<Id> = base.iter().map(&id).filter(|i| ids.contains(i)).collect();
        kept != base_kept
    };
    let only_they_reordered = !reordered(ours) && reordered(theirs);

    let mut merged: Vec<T> = Vec::new();
    let mut push_ours = |item: &T, merged: &mut Vec<T>| {
        let key = id(item);
        match (base_by_id.get(&key), theirs_by_id.get(&key)) {
            (base_item, Some(their_item)) => {
                merged.push(merge_item(base_item.copied(), item, their_item))
            }
            // They deleted it: drop it unless we changed it since.
            (Some(base_item), None) => {
                if *base_item != item {
                    conflicts.set(conflicts.get() + 1);
                    merged.push(item.clone());
                }
            }
            // We added it.
            (None, None) => merged.push(item.clone()),
        }
    };
    if only_they_reordered {
        // Their order for shared items, then our additions.
        for their_item in theirs {
            if let Some(item) = ours.iter().find(|x| id(x) == id(their_item)) {
                push_ours(item, &mut merged);
            }
        }
        for item in ours.iter().filter(|x| !theirs_by_id.contains_key(&id(x))) {
            push_ours(item, &mut merged);
        }
    } else {
        for item in ours {
            push_ours(item, &mut merged);
        }
    }
    for their_item in theirs {
        let key = id(their_item);
        if ours_ids.contains(&key) {
            continue;
        }
        match base_by_id.get(&key) {
            // We deleted it: keep it deleted unless they changed it since.
            Some(base_item) => {
                if *base_item != their_item {
                    conflicts.set(conflicts.get() + 1);
                    merged.push(their_item.clone());
                }
            }
            // They added it.
            None => merged.push(their_item.clone()),
        }
    }
    merged
}

impl Library {
    /// Makes the id counter at least as high as `other`'s.
    fn raise_next_id(&mut self, other: &Library) {
        self.set_next_id_at_least(other.next_id_value());
    }
}

/// The show each article of `library` is in.
fn article_shows(library: &Library) -> HashMap<ArticleId, ShowId> {
    library
        .shows
        .iter()
        .flat_map(|s| s.articles.iter().map(|a| (a.id, s.id)))
        .collect()
}

/// An article the two sides keep in different shows (one of them moved it) is kept in one
/// show only: where they moved it, unless we moved it too (ours wins). Its fields are merged
/// first; the other side's copy is taken out, so the merge of the shows sees it leave one show
/// and arrive in the other instead of keeping two articles under one id.
fn follow_moved_articles(
    base: &Library,
    ours: &mut Library,
    theirs: &mut Library,
    conflicts: &Cell<usize>,
) {
    let base_at = article_shows(base);
    let ours_at = article_shows(ours);
    let theirs_at = article_shows(theirs);
    for (&article, &our_show) in &ours_at {
        let Some(&their_show) = theirs_at.get(&article) else {
            continue;
        };
        if our_show == their_show {
            continue;
        }
        let they_moved = base_at.get(&article) == Some(&our_show);
        let base_entry = base.article(article).ok().map(|(_, entry)| entry);
        let (Ok((_, our_entry)), Ok((_, their_entry))) =
            (ours.article(article), theirs.article(article))
        else {
            continue;
        };
        let merged = merge_article(base_entry, our_entry, their_entry, conflicts);
        let (keeper, other, other_show) = if they_moved {
            (&mut *theirs, &mut *ours, our_show)
        } else {
            (&mut *ours, &mut *theirs, their_show)
        };
        if let Ok(entry) = keeper.article_mut(article) {
            *entry = merged;
        }
        if let Ok(show) = other.show_mut(other_show) {
            show.articles.retain(|a| a.id != article);
        }
    }
}

/// Re-ids items both sides added independently under the same id (each side hands out ids from
/// the same counter), so they merge as two items instead of one conflicting one. Their anchors
/// and suggestion passages follow a renumbered article.
fn separate_colliding_ids(base: &Library, ours: &Library, theirs: &mut Library) {
    let base_ids: HashSet<u64> = items(base).map(|(id, _)| id).collect();
    // Only items added since the base can collide; describe just those.
    let added_by_us: HashMap<u64, String> = items(ours)
        .filter(|(id, _)| !base_ids.contains(id))
        .map(|(id, describe)| (id, describe()))
        .collect();
    let mut next = ours.next_id_value().max(theirs.next_id_value());
    let mut keep_or_renumber = |id: u64, describe: &dyn Fn() -> String| {
        let collides = added_by_us.get(&id).is_some_and(|ours| *ours != describe());
        // (`describe` runs only for ids we added too, which is rare.)
        if collides {
            next += 1;
            next - 1
        } else {
            id
        }
    };
    let mut renumbered_articles: HashMap<ArticleId, ArticleId> = HashMap::new();
    // An item is described with the id of what holds it: two predictions alike in every
    // field but added to different threads are two predictions.
    for show in &mut theirs.shows {
        let id = keep_or_renumber(show.id.0, &|| describe_show(show));
        show.id = ShowId(id);
        let show_id = id;
        for entry in &mut show.articles {
            let id = keep_or_renumber(entry.id.0, &|| format!("a{show_id}{entry:?}"));
            let id = ArticleId(id);
            if id != entry.id {
                renumbered_articles.insert(entry.id, id);
            }
            entry.id = id;
        }
        for thread in &mut show.threads {
            let id = keep_or_renumber(thread.id.0, &|| format!("t{show_id}{thread:?}"));
            thread.id = ThreadId(id);
            for prediction in &mut thread.predictions {
                let describe = || format!("p{id}{prediction:?}");
                let id = keep_or_renumber(prediction.id.0, &describe);
                prediction.id = PredictionId(id);
            }
        }
    }
    if !renumbered_articles.is_empty() {
        let follow = |anchor: &mut super::Anchor| {
            if let Some(new) = renumbered_articles.get(&anchor.article) {
                anchor.article = *new;
            }
        };
        for show in &mut theirs.shows {
            show.threads
                .iter_mut()
                .flat_map(|t| t.anchors.iter_mut())
                .for_each(follow);
            show.articles
                .iter_mut()
                .flat_map(|a| a.suggestions.iter_mut().flatten())
                .flat_map(|s| s.passages.iter_mut())
                .for_each(follow);
        }
    }
    theirs.set_next_id_at_least(next);
}

/// A show's own fields (not its contents), to tell two shows added under one id apart.
fn describe_show(show: &Show) -> String {
    format!(
        "s{}|{:?}|{:?}|{:?}|{}",
        show.title, show.original_title, show.status, show.status_checked, show.note
    )
}

/// Every id in `library`, with a way to describe its item (kind and content) when needed.
fn items(library: &Library) -> impl Iterator<Item = (u64, Box<dyn Fn() -> String + '_>)> + '_ {
    library.shows.iter().flat_map(|s| {
        let show: (u64, Box<dyn Fn() -> String + '_>) =
            (s.id.0, Box::new(move || describe_show(s)));
        let articles = s.articles.iter().map(move |a| {
            let article: (u64, Box<dyn Fn() -> String + '_>) =
                (a.id.0, Box::new(move || format!("a{}{a:?}", s.id.0)));
            article
        });
        std::iter::once(show)
            .chain(articles)
            .chain(s.threads.iter().flat_map(move |t| {
                let thread: (u64, Box<dyn Fn() -> String + '_>) =
                    (t.id.0, Box::new(move || format!("t{}{t:?}", s.id.0)));
                std::iter::once(thread).chain(t.predictions.iter().map(move |p| {
                    let prediction: (u64, Box<dyn Fn() -> String + '_>) =
                        (p.id.0, Box::new(move || format!("p{}{p:?}", t.id.0)));
                    prediction
                }))
            }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleFormat, Thread, ThreadStatus};

    fn article(title: &str) -> Article {
        Article {
            title: title.into(),
            as_of: None,
            format: ArticleFormat::PlainText,
            body: "b".into(),
            source_path: None,
            source_url: None,
        }
    }

    /// A base whose first thread has two predictions.
    fn base_with_predictions() -> Library {
        let mut base = base();
        for statement in ["first", "second"] {
            let id = PredictionId(base.allocate_id());
            base.shows[0].threads[0]
                .predictions
                .push(Prediction::new(id, statement, 50));
        }
        base
    }

    fn statements(library: &Library) -> Vec<&str> {
        library.shows[0].threads[0]
            .predictions
            .iter()
            .map(|p| p.statement.as_str())
            .collect()
    }

    #[test]
    fn predictions_added_on_both_sides_are_both_kept() {
        let base = base_with_predictions();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let id = PredictionId(ours.allocate_id());
        ours.shows[0].threads[0]
            .predictions
            .push(Prediction::new(id, "ours", 30));
        let id = PredictionId(theirs.allocate_id());
        theirs.shows[0].threads[0]
            .predictions
            .push(Prediction::new(id, "theirs", 70));
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            statements(&merged.library),
            ["first", "second", "ours", "theirs"]
        );
    }

    #[test]
    fn predictions_deleted_on_either_side_stay_deleted_unless_edited_on_the_other() {
        let base = base_with_predictions();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        // We delete "first"; they delete "second" but we changed "second" meanwhile.
        ours.shows[0].threads[0].predictions.remove(0);
        ours.shows[0].threads[0].predictions[0].current.probability =
            crate::model::Probability::from_pct(90);
        theirs.shows[0].threads[0].predictions.remove(1);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 1, "their deletion of an item we edited");
        assert_eq!(statements(&merged.library), ["second"]);
        assert_eq!(
            merged.library.shows[0].threads[0].predictions[0]
                .probability()
                .permille(),
            900
        );
        // They delete one we did not touch: gone, no conflict.
        let ours = base.clone();
        let mut theirs = base.clone();
        theirs.shows[0].threads[0].predictions.remove(0);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(statements(&merged.library), ["second"]);
        // Both delete the same prediction: gone, no conflict.
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.shows[0].threads[0].predictions.remove(0);
        theirs.shows[0].threads[0].predictions.remove(0);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(statements(&merged.library), ["second"]);
    }

    #[test]
    fn shows_added_on_both_sides_are_both_kept() {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        add_show(&mut ours, "ours");
        add_show(&mut theirs, "theirs");
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        let titles: Vec<_> = merged
            .library
            .shows
            .iter()
            .map(|s| s.articles[0].article.title.as_str())
            .collect();
        assert_eq!(&titles[1..], ["ours", "theirs"]);
        let ids: HashSet<u64> = merged
            .library
            .shows
            .iter()
            .flat_map(|s| [s.id.0, s.articles[0].id.0])
            .collect();
        assert_eq!(
            ids.len(),
            6,
            "shows and articles added on both sides keep apart"
        );
    }

    #[test]
    fn shows_deleted_on_either_side_stay_deleted_unless_edited_on_the_other() {
        let mut base = base();
        let second = add_show(&mut base, "second");
        let third = add_show(&mut base, "third");
        // We delete the second; they delete the third, which we edited.
        let mut ours = base.clone();
        ours.shows.retain(|s| s.id != second);
        ours.show_mut(third).unwrap().note = "ours".into();
        let mut theirs = base.clone();
        theirs.shows.retain(|s| s.id != third);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 1);
        let ids: Vec<_> = merged.library.shows.iter().map(|s| s.id).collect();
        assert_eq!(ids, [base.shows[0].id, third]);
        assert_eq!(merged.library.show(third).unwrap().note, "ours");
        // They delete one we did not touch: gone.
        let ours = base.clone();
        let mut theirs = base.clone();
        theirs.shows.retain(|s| s.id != second);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert!(merged.library.show(second).is_err());
    }

    fn base() -> Library {
        Library::default()
    }

    /// Adds a show with one article titled `title`.
    fn add_show(library: &mut Library, title: &str) -> ShowId {
        let id = ShowId(library.allocate_id());
        let mut show = Show::new(id, title);
        let entry = ArticleEntry::new(ArticleId(library.allocate_id()), article(title));
        show.articles.push(entry);
        library.shows.push(show);
        id
    }

    #[test]
    fn an_article_they_moved_while_we_edited_it_is_in_their_show_once_with_our_edit() {
        let mut base = base();
        let other = add_show(&mut base, "other");
        let article = base.shows[0].articles[0].id;
        let mut ours = base.clone();
        ours.article_mut(article).unwrap().note = "ours".into();
        let mut theirs = base.clone();
        crate::model::Edit::MoveArticle {
            article,
            to: other,
            index: 0,
        }
        .apply(&mut theirs)
        .unwrap();
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        let copies: Vec<ShowId> = merged
            .library
            .shows
            .iter()
            .filter(|s| s.article(article).is_some())
            .map(|s| s.id)
            .collect();
        assert_eq!(copies, [other]);
        assert_eq!(merged.library.article(article).unwrap().1.note, "ours");
        // Both moved it to different shows: ours wins, still one copy.
        let third = add_show(&mut ours, "third");
        crate::model::Edit::MoveArticle {
            article,
            to: third,
            index: 0,
        }
        .apply(&mut ours)
        .unwrap();
        let merged = merge_libraries(&base, &ours, &theirs).library;
        assert_eq!(merged.article(article).unwrap().0.id, third);
        assert_eq!(merged.articles().filter(|a| a.id == article).count(), 1);
    }

    #[test]
    fn their_renumbered_article_takes_its_anchors_along() {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        add_show(&mut ours, "ours");
        let show = add_show(&mut theirs, "theirs");
        let their_show = theirs.show_mut(show).unwrap();
        let article = their_show.articles[0].id;
        their_show.threads.push(Thread::new(
            ThreadId(99),
            "t",
            Some(crate::model::Anchor::new(article, "b", 0)),
        ));
        let merged = merge_libraries(&base, &ours, &theirs).library;
        let theirs_merged = &merged.shows[2];
        assert_ne!(theirs_merged.articles[0].id, article);
        assert_eq!(
            theirs_merged.threads[0].anchors[0].article,
            theirs_merged.articles[0].id
        );
    }

    #[test]
    fn different_fields_merge_cleanly() {
        let base = base();
        let mut ours = base.clone();
        ours.shows[0].threads[0].note = "our note".into();
        let mut theirs = base.clone();
        theirs.shows[0].threads[0].status = ThreadStatus::Resolved;
        theirs.shows[0].note = "their article note".into();
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        let thread = &merged.library.shows[0].threads[0];
        assert_eq!(thread.note, "our note");
        assert_eq!(thread.status, ThreadStatus::Resolved);
        assert_eq!(merged.library.shows[0].note, "their article note");
    }

    #[test]
    fn same_field_changed_twice_keeps_ours_and_counts_a_conflict() {
        let base = base();
        let mut ours = base.clone();
        ours.shows[0].note = "mine".into();
        let mut theirs = base.clone();
        theirs.shows[0].note = "theirs".into();
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 1);
        assert_eq!(merged.library.shows[0].note, "mine");
    }

    #[test]
    fn additions_on_both_sides_with_the_same_id_are_both_kept() {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let our_id = ThreadId(ours.allocate_id());
        ours.shows[0]
            .threads
            .push(Thread::new(our_id, "ours", None));
        let their_id = ThreadId(theirs.allocate_id());
        theirs.shows[0]
            .threads
            .push(Thread::new(their_id, "theirs", None));
        assert_eq!(our_id, their_id);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        let titles: Vec<_> = merged.library.shows[0]
            .threads
            .iter()
            .map(|t| t.title.as_str())
            .collect();
        assert_eq!(&titles[4..], ["ours", "theirs"]);
        let ids: HashSet<_> = merged.library.shows[0]
            .threads
            .iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(ids.len(), 6, "ids are unique after the merge");
        let mut after = merged.library.clone();
        let fresh = after.allocate_id();
        assert!(fresh > their_id.0 + 1 - 1 && !ids.contains(&ThreadId(fresh)));
    }

    #[test]
    fn deletions_apply_unless_the_other_side_edited_the_item() {
        let base = base();
        let mut ours = base.clone();
        ours.shows[0].threads.remove(0);
        ours.shows[0].threads[0].note = "edited".into();
        let mut theirs = base.clone();
        theirs.shows[0].threads.remove(1);
        let merged = merge_libraries(&base, &ours, &theirs);
        // Thread 0: deleted by us, untouched by them → gone.
        // Thread 1: deleted by them, edited by us → kept (a conflict).
        assert_eq!(merged.conflicts, 1);
        let threads = &merged.library.shows[0].threads;
        assert_eq!(threads.len(), 3);
        assert_eq!(threads[0].note, "edited");
    }

    #[test]
    fn their_reordering_is_kept_when_we_did_not_reorder() {
        let base = base();
        let ours = base.clone();
        let mut theirs = base.clone();
        theirs.shows[0].threads.swap(0, 3);
        let merged = merge_libraries(&base, &ours, &theirs);
        assert_eq!(merged.library.shows[0].threads, theirs.shows[0].threads);
    }
}
