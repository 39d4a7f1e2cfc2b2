//! Merging a library from elsewhere into ours, item by item, with no common version to
//! compare with (issue 20, items 5, 6 and 8): a backup the fan imports, or a sync tool's
//! conflict copy found beside the library file.
//!
//! - **Matching.** Shows, articles, threads and predictions are matched by id first (the same
//!   id in both, and the two alike: a show with the same title or original title or an
//!   article in common; an article with the same text (an article's text never changes once
//!   imported, so another text under the same id is another article, added); a thread with the same title, a
//!   passage or a prediction in common; a prediction with the same statement or probability),
//!   then by content (a show by either title, an article by its text, a thread by its title
//!   within its show, a prediction by its statement within its thread; case and surrounding
//!   spaces ignored). Articles are matched across shows (one may have been moved). Each item
//!   of ours is matched at most once.
//! - **Fields.** Where ours has nothing (an empty text, no date) theirs is taken. Where both
//!   have a value and they differ, ours is kept and a [`Conflict`] names the item, the field
//!   and both values. Notes are the exception that keeps both in place: a note of theirs that
//!   goes on from ours replaces it, one ours begins with (or holds appended already) changes
//!   nothing, any other is appended to ours under [`THEIR_NOTE_MARK`] (and told as a conflict
//!   too).
//! - **Lists merge element by element**: a thread's passages, the show's timeline and the
//!   predictions' list are the union (two devices each adding a passage is no conflict).
//! - **Added items** keep their id when it is above every id ours ever handed out and free;
//!   otherwise they get a fresh one (passages, suggestions and timeline entries follow).
//! - **Idempotent**: merging the same library a second time changes nothing (proptested
//!   below).

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{
    Anchor, ArticleEntry, ArticleId, ItemKind, Library, Prediction, PredictionId, Show, ShowId,
    Thread, ThreadId, quoted,
};

/// What starts a note of theirs appended to ours (see [`Field::Note`]).
pub const THEIR_NOTE_MARK: &str = "[From the other copy]";

/// A field two versions of an item hold different values in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A show's or thread's title, or an article's.
    Title,
    /// A show's original-language title.
    OriginalTitle,
    /// A show's or thread's status.
    Status,
    /// A note (theirs was appended to ours, marked).
    Note,
    /// An article's as-of date.
    AsOf,
    /// A prediction's statement.
    Statement,
    /// A prediction's probability (with the earlier ones).
    Probability,
    /// A prediction's resolve-by date.
    ResolveBy,
    /// A prediction's outcome (with the day it was set).
    Outcome,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Title => "title",
            Field::OriginalTitle => "original title",
            Field::Status => "status",
            Field::Note => "note",
            Field::AsOf => "as-of date",
            Field::Statement => "statement",
            Field::Probability => "probability",
            Field::ResolveBy => "resolve-by date",
            Field::Outcome => "outcome",
        })
    }
}

/// One field the merge could not reconcile: which item, which field, both values, and what
/// was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The kind of item.
    pub kind: ItemKind,
    /// Its id in the merged library.
    pub id: u64,
    /// Its name in the merged library (title or statement).
    pub name: String,
    /// The field.
    pub field: Field,
    /// Our value, in words (kept).
    pub ours: String,
    /// Theirs, in words.
    pub theirs: String,
    /// Whether theirs was appended to ours (notes) rather than only told.
    pub appended: bool,
}

impl fmt::Display for Conflict {
    /// E.g. `the thread 'Renewal': status is "open" here and "resolved" in the other copy;
    /// "open" is kept`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} {}: {} is \"{}\" here and \"{}\" in the other copy; ",
            self.kind,
            quoted(&self.name),
            self.field,
            cut(&self.ours),
            cut(&self.theirs)
        )?;
        if self.appended {
            write!(f, "the other note is added below yours, marked")
        } else {
            write!(f, "\"{}\" is kept", cut(&self.ours))
        }
    }
}

/// `text` cut to 60 characters, on one line.
fn cut(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// How many items of each kind a merge added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Shows.
    pub shows: usize,
    /// Articles.
    pub articles: usize,
    /// Threads.
    pub threads: usize,
    /// Predictions.
    pub predictions: usize,
    /// Passages added to threads both had.
    pub passages: usize,
    /// Fields of items both had that were empty here and filled from theirs (notes extended
    /// included).
    pub filled: usize,
}

impl Added {
    /// Whether nothing was added or filled.
    pub fn is_nothing(&self) -> bool {
        *self == Self::default()
    }
}

impl fmt::Display for Added {
    /// E.g. "1 show, 2 threads and 1 passage added"; "nothing new" when nothing was.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            (self.shows, "show", "shows"),
            (self.articles, "article", "articles"),
            (self.threads, "thread", "threads"),
            (self.predictions, "prediction", "predictions"),
            (self.passages, "passage", "passages"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        let filled = match self.filled {
            0 => None,
            1 => Some("1 field filled in".to_owned()),
            n => Some(format!("{n} fields filled in")),
        };
        match (parts.split_last(), filled) {
            (None, None) => f.write_str("nothing new"),
            (None, Some(filled)) => f.write_str(&filled),
            (Some((last, [])), filled) => {
                write!(f, "{last} added")?;
                filled.map_or(Ok(()), |x| write!(f, ", {x}"))
            }
            (Some((last, rest)), filled) => {
                write!(f, "{} and {last} added", rest.join(", "))?;
                filled.map_or(Ok(()), |x| write!(f, ", {x}"))
            }
        }
    }
}

/// The result of [`merge_in`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedIn {
    /// Ours with theirs merged in.
    pub library: Library,
    /// What was added.
    pub added: Added,
    /// The fields that differed (ours kept, or their note appended).
    pub conflicts: Vec<Conflict>,
}

impl MergedIn {
    /// Whether the merge changed ours.
    pub fn changed(&self, ours: &Library) -> bool {
        self.library != *ours
    }
}

/// Merges `theirs` (a library from elsewhere, no common base known) into `ours`, item by
/// item; see the module documentation for the rules.
pub fn merge_in(ours: &Library, theirs: &Library) -> MergedIn {
    let mut merge = MergeIn::new(ours, theirs);
    merge.match_items();
    let library = merge.build();
    MergedIn {
        library,
        added: merge.added,
        conflicts: merge.conflicts,
    }
}

/// Text compared for matching by content: trimmed, case folded.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether two anchors point at the same passage (the block hint is only a hint).
fn same_passage(a: &Anchor, b: &Anchor) -> bool {
    a.article == b.article && a.quote == b.quote
}

/// Whether two articles hold the same text (articles never change once imported).
fn same_text(a: &ArticleEntry, b: &ArticleEntry) -> bool {
    a.article.body == b.article.body
}

struct MergeIn<'a> {
    ours: &'a Library,
    theirs: &'a Library,
    /// Their id → our id, per kind.
    shows: HashMap<ShowId, ShowId>,
    articles: HashMap<ArticleId, ArticleId>,
    threads: HashMap<ThreadId, ThreadId>,
    predictions: HashMap<PredictionId, PredictionId>,
    /// Ids taken so far (ours, and theirs kept).
    taken: HashSet<u64>,
    /// The first id ours never handed out.
    first_free: u64,
    /// The next fresh id for added items.
    fresh: u64,
    added: Added,
    conflicts: Vec<Conflict>,
}

impl<'a> MergeIn<'a> {
    fn new(ours: &'a Library, theirs: &'a Library) -> Self {
        let max_theirs = theirs.ids().max().unwrap_or(0);
        let fresh = ours
            .next_id_value()
            .max(theirs.next_id_value())
            .max(max_theirs + 1)
            .max(ours.ids().max().unwrap_or(0) + 1);
        Self {
            ours,
            theirs,
            shows: HashMap::new(),
            articles: HashMap::new(),
            threads: HashMap::new(),
            predictions: HashMap::new(),
            taken: ours.ids().collect(),
            first_free: ours.next_id_value(),
            fresh,
            added: Added::default(),
            conflicts: Vec::new(),
        }
    }

    /// Matches every item of theirs to one of ours where it can (fills the id maps).
    fn match_items(&mut self) {
        let (ours, theirs) = (self.ours, self.theirs);
        // Articles first, across shows: a show is alike when it has an article in common.
        let our_articles: Vec<&ArticleEntry> = ours.articles().collect();
        self.articles = match_pairs(
            &theirs.articles().collect::<Vec<_>>(),
            &our_articles,
            |a| a.id,
            |a| a.id,
            same_text,
            same_text,
        );
        let articles = self.articles.clone();
        let shares_article = |t: &Show, o: &Show| {
            t.articles.iter().any(|a| {
                articles
                    .get(&a.id)
                    .is_some_and(|id| o.article(*id).is_some())
            })
        };
        let same_title = |t: &Show, o: &Show| {
            key(&t.title) == key(&o.title)
                || t.original_title.as_deref().map(key).is_some_and(|k| {
                    !k.is_empty() && Some(k) == o.original_title.as_deref().map(key)
                })
        };
        self.shows = match_pairs(
            &theirs.shows.iter().collect::<Vec<_>>(),
            &ours.shows.iter().collect::<Vec<_>>(),
            |s| s.id,
            |s| s.id,
            |t, o| same_title(t, o) || shares_article(t, o),
            same_title,
        );
        for their_show in &theirs.shows {
            let Some(our_show) = self
                .shows
                .get(&their_show.id)
                .and_then(|id| ours.show(*id).ok())
            else {
                continue;
            };
            let map = &self.articles;
            let threads = match_pairs(
                &their_show.threads.iter().collect::<Vec<_>>(),
                &our_show.threads.iter().collect::<Vec<_>>(),
                |t| t.id,
                |t| t.id,
                |t, o| {
                    key(&t.title) == key(&o.title)
                        || t.anchors.iter().any(|a| {
                            let a = follow(map, a);
                            o.anchors.iter().any(|b| same_passage(&a, b))
                        })
                        || t.predictions.iter().any(|p| {
                            o.predictions
                                .iter()
                                .any(|q| key(&p.statement) == key(&q.statement))
                        })
                },
                |t, o| key(&t.title) == key(&o.title),
            );
            for their_thread in &their_show.threads {
                let Some(our_thread) = threads
                    .get(&their_thread.id)
                    .and_then(|id| our_show.threads.iter().find(|t| t.id == *id))
                else {
                    continue;
                };
                self.predictions.extend(match_pairs(
                    &their_thread.predictions.iter().collect::<Vec<_>>(),
                    &our_thread.predictions.iter().collect::<Vec<_>>(),
                    |p| p.id,
                    |p| p.id,
                    |t, o| key(&t.statement) == key(&o.statement) || t.current == o.current,
                    |t, o| key(&t.statement) == key(&o.statement),
                ));
            }
            self.threads.extend(threads);
        }
    }

    /// The id an added item of theirs gets: its own when ours never handed it out, else a
    /// fresh one.
    fn new_id(&mut self, theirs: u64) -> u64 {
        if theirs >= self.first_free && self.taken.insert(theirs) {
            return theirs;
        }
        while self.taken.contains(&self.fresh) {
            self.fresh += 1;
        }
        let id = self.fresh;
        self.taken.insert(id);
        self.fresh += 1;
        id
    }

    /// Ours with theirs merged in.
    fn build(&mut self) -> Library {
        let (ours, theirs) = (self.ours, self.theirs);
        let mut library = ours.clone();
        // Ids of the items of theirs that are added, decided before anything refers to them.
        for show in &theirs.shows {
            if !self.shows.contains_key(&show.id) {
                let id = self.new_id(show.id.0);
                self.shows.insert(show.id, ShowId(id));
                self.added.shows += 1;
            }
            for entry in &show.articles {
                if !self.articles.contains_key(&entry.id) {
                    let id = self.new_id(entry.id.0);
                    self.articles.insert(entry.id, ArticleId(id));
                    self.added.articles += 1;
                }
            }
            for thread in &show.threads {
                if !self.threads.contains_key(&thread.id) {
                    let id = self.new_id(thread.id.0);
                    self.threads.insert(thread.id, ThreadId(id));
                    self.added.threads += 1;
                }
                for prediction in &thread.predictions {
                    if !self.predictions.contains_key(&prediction.id) {
                        let id = self.new_id(prediction.id.0);
                        self.predictions.insert(prediction.id, PredictionId(id));
                        self.added.predictions += 1;
                    }
                }
            }
        }
        let matched_articles: HashSet<ArticleId> = ours
            .articles()
            .map(|a| a.id)
            .filter(|id| self.articles.values().any(|v| v == id))
            .collect();
        for show in &theirs.shows {
            let show_id = self.shows[&show.id];
            let is_ours = ours.show(show_id).is_ok();
            if !is_ours {
                library.shows.push(Show {
                    id: show_id,
                    articles: Vec::new(),
                    threads: Vec::new(),
                    events: Vec::new(),
                    ..show.clone()
                });
            } else if let Ok(our) = library.show_mut(show_id) {
                self.merge_show_fields(our, show);
            }
            for entry in &show.articles {
                let id = self.articles[&entry.id];
                let entry = self.remap_article(entry);
                if matched_articles.contains(&id) {
                    if let Ok(our) = library.article_mut(id) {
                        self.merge_article(our, &entry);
                    }
                } else if let Ok(our_show) = library.show_mut(show_id) {
                    our_show.articles.push(entry);
                }
            }
            for thread in &show.threads {
                let thread = self.remap_thread(thread);
                let Ok(our_show) = library.show_mut(show_id) else {
                    continue;
                };
                match our_show.threads.iter_mut().find(|t| t.id == thread.id) {
                    Some(our) if is_ours => self.merge_thread(our, thread),
                    Some(_) => {}
                    None => our_show.threads.push(thread),
                }
            }
            if let Ok(our_show) = library.show_mut(show_id) {
                for event in &show.events {
                    let mut event = event.clone();
                    event.thread = self
                        .threads
                        .get(&event.thread)
                        .copied()
                        .unwrap_or(event.thread);
                    if !our_show.events.contains(&event) {
                        our_show.events.push(event);
                    }
                }
            }
        }
        let added = &self.added;
        if added.shows + added.articles + added.threads + added.predictions > 0 {
            // Their ids kept stay theirs for good: nothing of ours is ever given one.
            library.set_next_id_at_least(theirs.next_id_value());
        }
        library.repair_ids();
        library
    }

    /// Their article with our ids (its suggestions' passages follow).
    fn remap_article(&self, entry: &ArticleEntry) -> ArticleEntry {
        let mut entry = entry.clone();
        entry.id = self.articles[&entry.id];
        for passage in entry
            .suggestions
            .iter_mut()
            .flatten()
            .flat_map(|s| s.passages.iter_mut())
        {
            *passage = follow(&self.articles, passage);
        }
        entry
    }

    /// Their thread with our ids (passages and predictions follow).
    fn remap_thread(&self, thread: &Thread) -> Thread {
        let mut thread = thread.clone();
        thread.id = self.threads[&thread.id];
        for anchor in &mut thread.anchors {
            *anchor = follow(&self.articles, anchor);
        }
        for prediction in &mut thread.predictions {
            prediction.id = self.predictions[&prediction.id];
        }
        thread
    }

    fn conflict(
        &mut self,
        kind: ItemKind,
        id: u64,
        name: &str,
        field: Field,
        values: (String, String),
        appended: bool,
    ) {
        let (ours, theirs) = values;
        self.conflicts.push(Conflict {
            kind,
            id,
            name: name.to_owned(),
            field,
            ours,
            theirs,
            appended,
        });
    }

    /// A one-line text field (a title, a statement): theirs fills an empty one; two
    /// different values are a conflict, ours kept.
    fn text(&mut self, item: (ItemKind, u64, &str), field: Field, ours: &mut String, theirs: &str) {
        if ours == theirs || theirs.trim().is_empty() {
        } else if ours.trim().is_empty() {
            *ours = theirs.to_owned();
            self.added.filled += 1;
        } else {
            self.conflict(
                item.0,
                item.1,
                item.2,
                field,
                (ours.clone(), theirs.to_owned()),
                false,
            );
        }
    }

    /// A note: theirs fills an empty one or replaces one it goes on from; one ours begins
    /// with or holds appended already changes nothing; any other is appended under
    /// [`THEIR_NOTE_MARK`] and told.
    fn note(&mut self, item: (ItemKind, u64, &str), ours: &mut String, theirs: &str) {
        let appended = format!("{THEIR_NOTE_MARK}\n{theirs}");
        if theirs.trim().is_empty() || ours.starts_with(theirs) || ours.contains(&appended) {
        } else if theirs.starts_with(ours.trim_end()) {
            *ours = theirs.to_owned();
            self.added.filled += 1;
        } else {
            let was = ours.clone();
            *ours = format!("{}\n\n{appended}", ours.trim_end());
            self.conflict(
                item.0,
                item.1,
                item.2,
                Field::Note,
                (was, theirs.to_owned()),
                true,
            );
        }
    }

    /// Any other value: theirs fills a `None`; two different values are a conflict, ours kept.
    fn value<T: PartialEq + Clone>(
        &mut self,
        item: (ItemKind, u64, &str),
        field: Field,
        ours: &mut Option<T>,
        theirs: &Option<T>,
        words: impl Fn(&T) -> String,
    ) {
        match (ours.as_ref(), theirs) {
            (_, None) => {}
            (None, Some(t)) => {
                *ours = Some(t.clone());
                self.added.filled += 1;
            }
            (Some(o), Some(t)) if o == t => {}
            (Some(o), Some(t)) => {
                let values = (words(o), words(t));
                self.conflict(item.0, item.1, item.2, field, values, false);
            }
        }
    }

    fn merge_show_fields(&mut self, ours: &mut Show, theirs: &Show) {
        let name = ours.title.clone();
        let item = (ItemKind::Show, ours.id.0, name.as_str());
        self.text(item, Field::Title, &mut ours.title, &theirs.title);
        self.value(
            item,
            Field::OriginalTitle,
            &mut ours.original_title,
            &theirs.original_title,
            Clone::clone,
        );
        let (o, t) = (ours.status, theirs.status);
        self.value(item, Field::Status, &mut Some(o), &Some(t), |s| {
            s.label().to_owned()
        });
        if ours.status_checked.is_none() {
            ours.status_checked = theirs.status_checked;
        }
        self.note(item, &mut ours.note, &theirs.note);
    }

    fn merge_article(&mut self, ours: &mut ArticleEntry, theirs: &ArticleEntry) {
        let name = ours.article.title.clone();
        let item = (ItemKind::Article, ours.id.0, name.as_str());
        self.text(
            item,
            Field::Title,
            &mut ours.article.title,
            &theirs.article.title,
        );
        self.value(
            item,
            Field::AsOf,
            &mut ours.article.as_of,
            &theirs.article.as_of,
            ToString::to_string,
        );
        self.note(item, &mut ours.note, &theirs.note);
        if ours.suggestions.is_none() {
            ours.suggestions = theirs.suggestions.clone();
        }
    }

    fn merge_thread(&mut self, ours: &mut Thread, theirs: Thread) {
        let name = ours.title.clone();
        let item = (ItemKind::Thread, ours.id.0, name.as_str());
        self.text(item, Field::Title, &mut ours.title, &theirs.title);
        let (o, t) = (ours.status, theirs.status);
        self.value(item, Field::Status, &mut Some(o), &Some(t), |s| {
            s.label().to_owned()
        });
        self.note(item, &mut ours.note, &theirs.note);
        for anchor in theirs.anchors {
            if !ours.anchors.iter().any(|a| same_passage(a, &anchor)) {
                ours.anchors.push(anchor);
                self.added.passages += 1;
            }
        }
        for prediction in theirs.predictions {
            match ours.predictions.iter_mut().find(|p| p.id == prediction.id) {
                Some(our) => self.merge_prediction(our, &prediction),
                None => ours.predictions.push(prediction),
            }
        }
    }

    fn merge_prediction(&mut self, ours: &mut Prediction, theirs: &Prediction) {
        let name = ours.statement.clone();
        let item = (ItemKind::Prediction, ours.id.0, name.as_str());
        self.text(
            item,
            Field::Statement,
            &mut ours.statement,
            &theirs.statement,
        );
        if (&ours.current, &ours.earlier) != (&theirs.current, &theirs.earlier) {
            let words = |p: &Prediction| {
                let given: Vec<String> = p.history().map(|g| g.probability.to_string()).collect();
                given.join(" → ")
            };
            self.conflict(
                item.0,
                item.1,
                item.2,
                Field::Probability,
                (words(ours), words(theirs)),
                false,
            );
        }
        self.value(
            item,
            Field::ResolveBy,
            &mut ours.resolve_by,
            &theirs.resolve_by,
            ToString::to_string,
        );
        if (ours.outcome, ours.resolved_on) != (theirs.outcome, theirs.resolved_on) {
            let words = |p: &Prediction| match p.resolved_on {
                Some(on) => format!("{} (set {on})", p.outcome.label()),
                None => p.outcome.label().to_owned(),
            };
            self.conflict(
                item.0,
                item.1,
                item.2,
                Field::Outcome,
                (words(ours), words(theirs)),
                false,
            );
        }
    }
}

/// `anchor` pointing at our id of its article.
fn follow(articles: &HashMap<ArticleId, ArticleId>, anchor: &Anchor) -> Anchor {
    let mut anchor = anchor.clone();
    if let Some(id) = articles.get(&anchor.article) {
        anchor.article = *id;
    }
    anchor
}

/// Matches each of `theirs` to at most one of `ours`, and each of ours at most once: first
/// the same id where `alike`, then the first left over where `same`. Returns their id → ours.
fn match_pairs<T, Id: Copy + Eq + std::hash::Hash>(
    theirs: &[&T],
    ours: &[&T],
    their_id: impl Fn(&T) -> Id,
    our_id: impl Fn(&T) -> Id,
    alike: impl Fn(&T, &T) -> bool,
    same: impl Fn(&T, &T) -> bool,
) -> HashMap<Id, Id> {
    let mut matched: HashMap<Id, Id> = HashMap::new();
    let mut used: HashSet<Id> = HashSet::new();
    for t in theirs {
        let id = their_id(t);
        if let Some(o) = ours.iter().find(|o| our_id(o) == id)
            && alike(t, o)
            && used.insert(id)
        {
            matched.insert(id, id);
        }
    }
    for t in theirs {
        let id = their_id(t);
        if matched.contains_key(&id) {
            continue;
        }
        if let Some(o) = ours
            .iter()
            .find(|o| !used.contains(&our_id(o)) && same(t, o))
        {
            used.insert(our_id(o));
            matched.insert(id, our_id(o));
        }
    }
    matched
}

#[cfg(test)]
#[path = "merge_in_tests.rs"]
mod tests;
