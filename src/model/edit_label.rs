//! Names of edits for the Edit menu: "tick 'Renewal: will a second…'", "delete thread '…'".

use super::{
    ArticleField, Edit, Library, Outcome, PredictionField, ShowField, SuggestionField,
    SuggestionState, ThreadField, ThreadStatus,
};

/// The longest item name (in characters) quoted in a label; longer names are cut with "…".
pub const LABEL_NAME_CHARS: usize = 32;

impl Edit {
    /// What the edit does, in a few words naming its item as it is in `library` before the
    /// edit is applied, e.g. "tick 'Renewal: will a second season…'". A batch is named by its
    /// last edit that is not a timeline entry.
    pub fn label(&self, library: &Library) -> String {
        let thread = |id| {
            library
                .thread(id)
                .map(|(_, t)| quoted(&t.title))
                .unwrap_or_default()
        };
        let show = |id| {
            library
                .show(id)
                .map(|s| quoted(&s.title))
                .unwrap_or_default()
        };
        let article = |id| {
            library
                .article(id)
                .map(|(_, a)| quoted(&a.article.title))
                .unwrap_or_default()
        };
        let prediction = |id| {
            library
                .prediction(id)
                .map(|(_, p)| quoted(&p.statement))
                .unwrap_or_default()
        };
        match self {
            Edit::InsertShow { show, .. } => format!("add show {}", quoted(&show.title)),
            Edit::RemoveShow(id) => format!("delete show {}", show(*id)),
            Edit::SetShow(id, field) => {
                let what = match field {
                    ShowField::Title(_) => "rename show",
                    ShowField::OriginalTitle(_) => "original title of",
                    ShowField::Status(_) => "status of",
                    ShowField::StatusChecked(_) => "date checked of",
                    ShowField::Note(_) => "note on",
                };
                format!("{what} {}", show(*id))
            }
            Edit::InsertArticle { entry, .. } => {
                format!("add article {}", quoted(&entry.article.title))
            }
            Edit::RemoveArticle(id) => format!("delete article {}", article(*id)),
            Edit::MoveArticle {
                article: id, to, ..
            } => {
                format!("move {} to {}", article(*id), show(*to))
            }
            Edit::SetArticle(id, field) => {
                let what = match field {
                    ArticleField::AsOf(_) => "as-of date of",
                    ArticleField::Note(_) => "note on",
                    ArticleField::Suggestions(_) => "suggestions for",
                };
                format!("{what} {}", article(*id))
            }
            Edit::SetSuggestion { field, .. } => match field {
                SuggestionField::Title(title) => format!("edit suggestion {}", quoted(title)),
                SuggestionField::State(SuggestionState::Dismissed) => "dismiss suggestion".into(),
                SuggestionField::State(SuggestionState::Added) => "add suggestion".into(),
                SuggestionField::State(SuggestionState::Offered) => "offer suggestion again".into(),
            },
            Edit::InsertThread { thread, .. } => format!("add thread {}", quoted(&thread.title)),
            Edit::RemoveThread(id) => format!("delete thread {}", thread(*id)),
            Edit::MoveThread { thread: id, .. } => format!("move {}", thread(*id)),
            Edit::SetThread(id, field) => {
                let what = match field {
                    ThreadField::Title(_) => "rename",
                    ThreadField::Status(ThreadStatus::Resolved) => "tick",
                    ThreadField::Status(ThreadStatus::Open) => "reopen",
                    ThreadField::Status(ThreadStatus::Dropped) => "drop",
                    ThreadField::Note(_) => "note on",
                    ThreadField::Anchors(_) => "passages of",
                };
                format!("{what} {}", thread(*id))
            }
            Edit::InsertPrediction { prediction, .. } => {
                format!("add prediction {}", quoted(&prediction.statement))
            }
            Edit::RemovePrediction(id) => format!("delete prediction {}", prediction(*id)),
            Edit::SetPrediction(id, field) => {
                let what = match field {
                    PredictionField::Statement(_) => "edit prediction",
                    PredictionField::Probability(_) | PredictionField::TakeBack => "probability of",
                    PredictionField::ResolveBy(_) => "resolve-by date of",
                    PredictionField::Outcome(Outcome::Pending, _) => "reopen prediction",
                    PredictionField::Outcome(..) => "outcome of",
                };
                format!("{what} {}", prediction(*id))
            }
            Edit::InsertEvent { .. } | Edit::RemoveEvent { .. } => "timeline entry".into(),
            Edit::Batch(edits) => edits
                .iter()
                .rev()
                .find(|e| !matches!(e, Edit::InsertEvent { .. } | Edit::RemoveEvent { .. }))
                .or(edits.last())
                .map(|e| e.label(library))
                .unwrap_or_else(|| "nothing".into()),
            Edit::Replace(_) => "replace the library".into(),
        }
    }
}

/// `name` in single quotes, cut to [`LABEL_NAME_CHARS`] characters with "…".
pub fn quoted(name: &str) -> String {
    let name = name.trim();
    match name.char_indices().nth(LABEL_NAME_CHARS) {
        Some((cut, _)) => format!("'{}…'", name[..cut].trim_end()),
        None => format!("'{name}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::set_thread_status;

    #[test]
    fn a_tick_is_named_by_its_thread_cut_short() {
        let library = Library::default();
        let thread = library.shows[0].threads[0].id;
        let tick = set_thread_status(
            &library,
            thread,
            ThreadStatus::Resolved,
            jiff::civil::date(2026, 11, 29),
        )
        .unwrap();
        assert_eq!(
            tick.label(&library),
            "tick 'Renewal: will a second season be…'"
        );
    }
}
