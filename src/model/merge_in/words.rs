//! The words of a merge-in: the fields, the conflicts and what was added.

use std::fmt;

use super::super::{ItemKind, quoted};

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

impl Conflict {
    /// The conflict on `field` of the item `(kind, id, name)`, with `(ours, theirs)` in words.
    pub(super) fn new(
        (kind, id, name): (ItemKind, u64, &str),
        field: Field,
        (ours, theirs): (String, String),
        appended: bool,
    ) -> Self {
        Self {
            kind,
            id,
            name: name.to_owned(),
            field,
            ours,
            theirs,
            appended,
        }
    }
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

/// How many items of each kind a merge added (and, merged from a common base, how many
/// changes of theirs it took and how many items it deleted as they did).
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
    /// Fields of items both had that they changed since the common base and ours did not:
    /// theirs taken (a merge with a base only).
    pub changed: usize,
    /// Items (shows, articles, threads, predictions) they deleted since the common base that
    /// ours had not changed: deleted here too (a merge with a base only).
    pub removed: usize,
}

impl Added {
    /// Whether nothing was added, filled, changed or removed.
    pub fn is_nothing(&self) -> bool {
        *self == Self::default()
    }
}

/// `n` of a thing, e.g. "1 show", "2 shows".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Added {
    /// E.g. "1 show, 2 threads and 1 passage added, 1 field filled in, 2 changes taken,
    /// 1 item deleted as there"; "nothing new" when nothing was.
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
        .map(|(n, one, many)| counted(n, one, many))
        .collect();
        let mut clauses: Vec<String> = Vec::new();
        match parts.split_last() {
            None => {}
            Some((last, [])) => clauses.push(format!("{last} added")),
            Some((last, rest)) => clauses.push(format!("{} and {last} added", rest.join(", "))),
        }
        if self.filled > 0 {
            clauses.push(format!(
                "{} filled in",
                counted(self.filled, "field", "fields")
            ));
        }
        if self.changed > 0 {
            clauses.push(format!(
                "{} made there taken",
                counted(self.changed, "change", "changes")
            ));
        }
        if self.removed > 0 {
            clauses.push(format!(
                "{} deleted there deleted here too",
                counted(self.removed, "item", "items")
            ));
        }
        if clauses.is_empty() {
            f.write_str("nothing new")
        } else {
            f.write_str(&clauses.join(", "))
        }
    }
}
