//! Merging a library from elsewhere whose common base with ours is known (a sync tool's
//! conflict copy descended from a save this folder keeps): the three-way merge of a change
//! made behind the app ([`merge_libraries`]: each field from the side that changed it, an
//! item one side deleted stays deleted unless the other changed it), with what both changed
//! named as typed [`Conflict`]s (ours kept; a note of theirs appended below ours, marked, so
//! no word is lost) and a thread's passages merged element by element.

use std::collections::{HashMap, HashSet};

use super::super::{ArticleId, ItemKind, Library, PredictionId, ShowId, ThreadId, merge_libraries};
use super::fields::{outcome_words, probability_words, with_their_note};
use super::{Added, Conflict, Field, MergedIn, THEIR_NOTE_MARK, same_passage};

/// Merges `theirs` into `ours`, both descended from `base`; see the module documentation.
pub fn merge_with_base(base: &Library, ours: &Library, theirs: &Library) -> MergedIn {
    let mut theirs = theirs.clone();
    follow_earlier_merge(base, ours, &mut theirs);
    let theirs = &theirs;
    let mut library = merge_libraries(base, ours, theirs).library;
    let mut told = Told::default();
    for o in &ours.shows {
        let (Ok(b), Ok(t)) = (base.show(o.id), theirs.show(o.id)) else {
            continue;
        };
        let item = (ItemKind::Show, o.id.0, o.title.as_str());
        told.field(item, Field::Title, (&b.title, &o.title, &t.title), |s| {
            s.clone()
        });
        let original = (&b.original_title, &o.original_title, &t.original_title);
        told.field(item, Field::OriginalTitle, original, |s| {
            s.clone().unwrap_or_default()
        });
        told.field(
            item,
            Field::Status,
            (&b.status, &o.status, &t.status),
            |s| s.label().to_owned(),
        );
        if let Some(note) = told.note(item, (&b.note, &o.note, &t.note))
            && let Ok(show) = library.show_mut(o.id)
        {
            show.note = note;
        }
    }
    for o in ours.articles() {
        let (Ok((_, b)), Ok((_, t))) = (base.article(o.id), theirs.article(o.id)) else {
            continue;
        };
        let item = (ItemKind::Article, o.id.0, o.article.title.as_str());
        let (ba, oa, ta) = (&b.article, &o.article, &t.article);
        if oa != ba && ta != ba && oa != ta {
            // Both changed the article: ours is kept whole; each field that differs is told.
            told.differs(item, Field::Title, (&oa.title, &ta.title), Clone::clone);
            told.differs(item, Field::AsOf, (&oa.as_of, &ta.as_of), |d| {
                d.map(|d| d.to_string()).unwrap_or_default()
            });
        } else if oa == ba && ta != ba {
            told.added.changed += 1;
        }
        if let Some(note) = told.note(item, (&b.note, &o.note, &t.note))
            && let Ok(entry) = library.article_mut(o.id)
        {
            entry.note = note;
        }
    }
    for o in ours.threads() {
        let (Ok((_, b)), Ok((_, t))) = (base.thread(o.id), theirs.thread(o.id)) else {
            continue;
        };
        let item = (ItemKind::Thread, o.id.0, o.title.as_str());
        told.field(item, Field::Title, (&b.title, &o.title, &t.title), |s| {
            s.clone()
        });
        told.field(
            item,
            Field::Status,
            (&b.status, &o.status, &t.status),
            |s| s.label().to_owned(),
        );
        let note = told.note(item, (&b.note, &o.note, &t.note));
        let Ok(merged) = library.thread_mut(o.id) else {
            continue;
        };
        if let Some(note) = note {
            merged.note = note;
        }
        if o.anchors != b.anchors && t.anchors != b.anchors && o.anchors != t.anchors {
            // Both changed the passages: element by element, never a conflict.
            let has = |list: &[super::super::Anchor], a| list.iter().any(|x| same_passage(x, a));
            let mut anchors: Vec<_> = o
                .anchors
                .iter()
                .filter(|a| !has(&b.anchors, a) || has(&t.anchors, a))
                .cloned()
                .collect();
            for a in &t.anchors {
                if !has(&b.anchors, a) && !has(&anchors, a) {
                    anchors.push(a.clone());
                    told.added.passages += 1;
                }
            }
            merged.anchors = anchors;
        } else if o.anchors == b.anchors && t.anchors != b.anchors {
            told.added.changed += 1;
        }
        for op in &o.predictions {
            let (Ok((_, bp)), Ok((_, tp))) = (base.prediction(op.id), theirs.prediction(op.id))
            else {
                continue;
            };
            if op != bp && tp != bp && op != tp {
                // Both changed the prediction: ours is kept whole; each field that differs.
                let item = (ItemKind::Prediction, op.id.0, op.statement.as_str());
                let statements = (&op.statement, &tp.statement);
                told.differs(item, Field::Statement, statements, Clone::clone);
                let given = (&probability_words(op), &probability_words(tp));
                told.differs(item, Field::Probability, given, Clone::clone);
                told.differs(
                    item,
                    Field::ResolveBy,
                    (&op.resolve_by, &tp.resolve_by),
                    |d| d.map(|d| d.to_string()).unwrap_or_default(),
                );
                let outcomes = (&outcome_words(op), &outcome_words(tp));
                told.differs(item, Field::Outcome, outcomes, Clone::clone);
            } else if op == bp && tp != bp {
                told.added.changed += 1;
            }
        }
    }
    told.count_items(ours, &library);
    MergedIn {
        library,
        added: told.added,
        conflicts: told.conflicts,
    }
}

/// Gives each item of theirs added since `base` that ours holds already under another id
/// (alike in every field, in the same show or thread: this copy was merged before, and an id
/// both sides had handed out was renumbered then) ours' id, so merging the same copy again
/// adds nothing. Passages follow a renumbered article.
fn follow_earlier_merge(base: &Library, ours: &Library, theirs: &mut Library) {
    let base_ids: HashSet<u64> = base.ids().collect();
    let their_ids: HashSet<u64> = theirs.ids().collect();
    // Ours' items added since the base, by what they hold (their container's id included).
    let mut added: HashMap<String, Vec<u64>> = HashMap::new();
    let mut add = |id: u64, content: String| {
        if !base_ids.contains(&id) {
            added.entry(content).or_default().push(id);
        }
    };
    for show in &ours.shows {
        add(show.id.0, show_content(show));
        for entry in &show.articles {
            add(entry.id.0, article_content(show.id, entry));
        }
        for thread in &show.threads {
            add(thread.id.0, thread_content(show.id, thread));
            for prediction in &thread.predictions {
                add(prediction.id.0, prediction_content(thread.id, prediction));
            }
        }
    }
    let mut claimed: HashSet<u64> = HashSet::new();
    let mut ours_for = |id: u64, content: String| -> u64 {
        let Some(ids) = added.get(&content).filter(|_| !base_ids.contains(&id)) else {
            return id;
        };
        if ids.contains(&id) {
            return id;
        }
        match ids
            .iter()
            .find(|c| !their_ids.contains(c) && !claimed.contains(c))
        {
            Some(&c) => {
                claimed.insert(c);
                c
            }
            None => id,
        }
    };
    let mut articles: HashMap<ArticleId, ArticleId> = HashMap::new();
    for show in &mut theirs.shows {
        show.id = ShowId(ours_for(show.id.0, show_content(show)));
        for entry in &mut show.articles {
            let id = ArticleId(ours_for(entry.id.0, article_content(show.id, entry)));
            if id != entry.id {
                articles.insert(entry.id, id);
                entry.id = id;
            }
        }
        for thread in &mut show.threads {
            for anchor in &mut thread.anchors {
                if let Some(id) = articles.get(&anchor.article) {
                    anchor.article = *id;
                }
            }
            thread.id = ThreadId(ours_for(thread.id.0, thread_content(show.id, thread)));
            for prediction in &mut thread.predictions {
                let content = prediction_content(thread.id, prediction);
                prediction.id = PredictionId(ours_for(prediction.id.0, content));
            }
        }
    }
}

/// A show's own fields, to find it again under another id.
fn show_content(show: &super::super::Show) -> String {
    format!(
        "s|{}|{:?}|{:?}|{}",
        show.title, show.original_title, show.status, show.note
    )
}

/// An article's fields and its show, to find it again under another id.
fn article_content(show: ShowId, entry: &super::super::ArticleEntry) -> String {
    format!("a{}|{:?}|{}", show.0, entry.article, entry.note)
}

/// A thread's fields, its predictions' and its show, to find it again under another id.
fn thread_content(show: ShowId, thread: &super::super::Thread) -> String {
    let quotes: Vec<&str> = thread.anchors.iter().map(|a| a.quote.as_str()).collect();
    let predictions: Vec<String> = thread
        .predictions
        .iter()
        .map(|p| prediction_content(ThreadId(0), p))
        .collect();
    format!(
        "t{}|{}|{:?}|{}|{quotes:?}|{predictions:?}",
        show.0, thread.title, thread.status, thread.note
    )
}

/// A prediction's fields and its thread, to find it again under another id.
fn prediction_content(thread: ThreadId, p: &super::super::Prediction) -> String {
    format!(
        "p{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
        thread.0, p.statement, p.current, p.earlier, p.resolve_by, p.outcome, p.resolved_on
    )
}

/// What a merge with a base tells: counts and conflicts.
#[derive(Default)]
struct Told {
    added: Added,
    conflicts: Vec<Conflict>,
}

/// An item: its kind, id and name.
type Item<'a> = (ItemKind, u64, &'a str);

impl Told {
    /// One field of an item all three hold, as (base, ours, theirs): a change of theirs alone
    /// was taken (counted); both changed differently is a conflict (ours kept).
    fn field<T: PartialEq>(
        &mut self,
        item: Item<'_>,
        field: Field,
        (base, ours, theirs): (&T, &T, &T),
        words: impl Fn(&T) -> String,
    ) {
        if ours == base && theirs != base {
            self.added.changed += 1;
        } else if ours != base && theirs != base && ours != theirs {
            self.differs(item, field, (ours, theirs), words);
        }
    }

    /// Tells `field` as a conflict when `ours` and `theirs` differ (ours kept).
    fn differs<T: PartialEq>(
        &mut self,
        item: Item<'_>,
        field: Field,
        (ours, theirs): (&T, &T),
        words: impl Fn(&T) -> String,
    ) {
        if ours != theirs {
            self.push(item, field, (words(ours), words(theirs)), false);
        }
    }

    fn push(&mut self, item: Item<'_>, field: Field, values: (String, String), appended: bool) {
        self.conflicts
            .push(Conflict::new(item, field, values, appended));
    }

    /// A note, as (base, ours, theirs): when both changed it differently, the merged note is
    /// ours with theirs appended below, marked (returned), and told; a note of theirs that is
    /// empty or already appended is only told or nothing.
    fn note(
        &mut self,
        item: Item<'_>,
        (base, ours, theirs): (&String, &String, &String),
    ) -> Option<String> {
        if ours == base && theirs != base {
            self.added.changed += 1;
            return None;
        }
        if ours == base || theirs == base || ours == theirs {
            return None;
        }
        if ours.contains(&format!("{THEIR_NOTE_MARK}\n{theirs}")) {
            return None;
        }
        let appended = !theirs.trim().is_empty();
        self.push(item, Field::Note, (ours.clone(), theirs.clone()), appended);
        appended.then(|| with_their_note(ours, theirs))
    }

    /// Counts the items the merge added to `ours` and those it deleted as they did.
    fn count_items(&mut self, ours: &Library, merged: &Library) {
        let ids = |library: &Library| -> [HashSet<u64>; 4] {
            [
                library.shows.iter().map(|s| s.id.0).collect(),
                library.articles().map(|a| a.id.0).collect(),
                library.threads().map(|t| t.id.0).collect(),
                library
                    .threads()
                    .flat_map(|t| &t.predictions)
                    .map(|p| p.id.0)
                    .collect(),
            ]
        };
        let (before, after) = (ids(ours), ids(merged));
        let added: Vec<usize> = (0..4)
            .map(|k| after[k].difference(&before[k]).count())
            .collect();
        self.added.shows += added[0];
        self.added.articles += added[1];
        self.added.threads += added[2];
        self.added.predictions += added[3];
        self.added.removed += (0..4)
            .map(|k| before[k].difference(&after[k]).count())
            .sum::<usize>();
    }
}
