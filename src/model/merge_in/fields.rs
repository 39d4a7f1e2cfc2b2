//! The fields of items both hold: theirs fills what ours lacks; two values are a conflict.

use super::super::{ArticleEntry, ItemKind, Prediction, Show, Thread};
use super::{Conflict, Field, MergeIn, THEIR_NOTE_MARK, same_passage};

impl MergeIn<'_> {
    fn conflict(
        &mut self,
        kind: ItemKind,
        id: u64,
        name: &str,
        field: Field,
        values: (String, String),
        appended: bool,
    ) {
        self.conflicts
            .push(Conflict::new((kind, id, name), field, values, appended));
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
            *ours = with_their_note(ours, theirs);
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

    pub(super) fn merge_show_fields(&mut self, ours: &mut Show, theirs: &Show) {
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

    pub(super) fn merge_article(&mut self, ours: &mut ArticleEntry, theirs: &ArticleEntry) {
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

    pub(super) fn merge_thread(&mut self, ours: &mut Thread, theirs: Thread) {
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
            self.conflict(
                item.0,
                item.1,
                item.2,
                Field::Probability,
                (probability_words(ours), probability_words(theirs)),
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
            self.conflict(
                item.0,
                item.1,
                item.2,
                Field::Outcome,
                (outcome_words(ours), outcome_words(theirs)),
                false,
            );
        }
    }
}

/// A prediction's probabilities in words, oldest first: "40% → 70%".
pub(super) fn probability_words(p: &Prediction) -> String {
    let given: Vec<String> = p.history().map(|g| g.probability.to_string()).collect();
    given.join(" → ")
}

/// A prediction's outcome in words, with the day it was set: "yes (set 2026-12-01)".
pub(super) fn outcome_words(p: &Prediction) -> String {
    match p.resolved_on {
        Some(on) => format!("{} (set {on})", p.outcome.label()),
        None => p.outcome.label().to_owned(),
    }
}

/// `ours` with `theirs` appended below it, marked with [`THEIR_NOTE_MARK`].
pub(super) fn with_their_note(ours: &str, theirs: &str) -> String {
    format!("{}\n\n{THEIR_NOTE_MARK}\n{theirs}", ours.trim_end())
}
