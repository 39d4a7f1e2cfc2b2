//! File format 1, frozen: the JSON this app wrote before format 2, as plain serde types.
//!
//! These types are a copy of what the in-memory model serialised to when format 1 was current
//! (a library of dossiers, each one article with its threads), field for field: the same names,
//! the same defaults for missing fields, the same fields left out when empty, the same enum
//! spellings. They use no model type on purpose: the model is free to change, and a change to it
//! must never change how a format 1 file is read. Nothing here may be edited once released;
//! a new shape is a new format version in a new module, with a migration.
//!
//! Shape of a file (`?` marks a field that may be missing and reads as its default):
//!
//! ```json
//! { "format_version": 1, "revision"?: 7, "written_by"?: "fan-tracker 0.1.0",
//!   "library": { "dossiers": [ {
//!       "id": 1,
//!       "article": { "title": "…", "as_of"?: "2022-03-17" | null,
//!                    "format"?: "markdown" | "plain_text", "body": "…",
//!                    "source_path"?: "…" | null, "source_url"?: "…" },
//!       "threads"?: [ { "id": 2, "title": "…", "status"?: "open" | "resolved" | "dropped",
//!                       "anchor"?: { "quote": "…", "block_hint"?: 0 } | null, "note"?: "…",
//!                       "predictions"?: [ { "id": 3, "statement": "…", "probability_pct": 70,
//!                                           "resolve_by"?: "2027-01-01" | null,
//!                                           "outcome"?: "pending" | "yes" | "no" | "ambiguous" } ] } ],
//!       "note"?: "…",
//!       "suggestions"?: [ { "title": "…", "passages": [ { "quote": "…", "block_hint"?: 0 } ],
//!                           "best"?: 0, "state"?: "offered" | "dismissed" | "added" } ] } ],
//!     "open"?: 1 | null, "next_id": 4 } }
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The format version of these types.
pub const VERSION: u32 = 1;

/// A whole format 1 file: the version envelope around the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileV1 {
    /// Always [`VERSION`] (1) in a format 1 file.
    pub format_version: u32,
    /// Counts the saves of this library, each save one more than the file it replaced; 0 when
    /// missing (files written before the field existed). Always written.
    #[serde(default)]
    pub revision: u64,
    /// The app and version that wrote the file, e.g. `"fan-tracker 0.1.0"`; `""` when missing.
    #[serde(default)]
    pub written_by: String,
    /// The fan's data.
    pub library: LibraryV1,
}

/// The library of format 1: the dossiers, the one on screen, the id counter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryV1 {
    /// The dossiers, in the order they were added (required, may be empty).
    pub dossiers: Vec<DossierV1>,
    /// The id of the dossier that was on screen; `null` or missing for none. It may name no
    /// dossier in a hand-edited file.
    #[serde(default)]
    pub open: Option<u64>,
    /// The next id to hand out; one counter shared by dossiers, threads and predictions
    /// (required).
    pub next_id: u64,
}

/// A dossier: one article with its checklist of threads and the fan's note on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierV1 {
    /// The dossier's id (from the library's counter).
    pub id: u64,
    /// The article the dossier is about.
    pub article: ArticleV1,
    /// The checklist, in the fan's order; empty when missing.
    #[serde(default)]
    pub threads: Vec<ThreadV1>,
    /// The fan's note on the whole article; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The suggested open questions, in the suggester's order; `None` (key missing, and not
    /// written) until they were computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<SuggestionV1>>,
}

/// How an article's body is written. Spelled `"markdown"` / `"plain_text"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleFormatV1 {
    /// CommonMark; the default when the key is missing.
    #[default]
    Markdown,
    /// Plain text: paragraphs by line or by blank line.
    PlainText,
}

/// The article of a dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleV1 {
    /// The headline.
    pub title: String,
    /// The date every claim in the article is "as of" (`"YYYY-MM-DD"`), `null` or missing when
    /// unknown.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// How `body` is written; Markdown when missing.
    #[serde(default)]
    pub format: ArticleFormatV1,
    /// The body source, without the title and date lines.
    pub body: String,
    /// The file the article was imported from; `null` or missing for none. Always written.
    #[serde(default)]
    pub source_path: Option<String>,
    /// The article's web address; missing for none (not written when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// Where a thread stands. Spelled `"open"` / `"resolved"` / `"dropped"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStatusV1 {
    /// Still an open question; the default when the key is missing.
    #[default]
    Open,
    /// Answered.
    Resolved,
    /// No longer followed.
    Dropped,
}

/// One item of a dossier's checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadV1 {
    /// The thread's id (from the library's counter).
    pub id: u64,
    /// The question.
    pub title: String,
    /// Open when missing.
    #[serde(default)]
    pub status: ThreadStatusV1,
    /// The passage of the dossier's article that raises the question; `null` or missing for
    /// none. Always written.
    #[serde(default)]
    pub anchor: Option<AnchorV1>,
    /// The fan's note on the thread; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The predictions on the thread; empty when missing.
    #[serde(default)]
    pub predictions: Vec<PredictionV1>,
}

/// A passage of the dossier's own article (format 1 anchors name no article).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorV1 {
    /// The quoted passage, exactly as in the block's text.
    pub quote: String,
    /// The index of the block the quote was last found in (0-based); 0 when missing.
    #[serde(default)]
    pub block_hint: usize,
}

/// How a prediction turned out. Spelled `"pending"` / `"yes"` / `"no"` / `"ambiguous"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeV1 {
    /// Not known yet; the default when the key is missing.
    #[default]
    Pending,
    /// It happened.
    Yes,
    /// It did not happen.
    No,
    /// It can't be called either way.
    Ambiguous,
}

/// A statement on a thread with the probability the fan gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionV1 {
    /// The prediction's id (from the library's counter).
    pub id: u64,
    /// What the fan predicts.
    pub statement: String,
    /// Probability that it comes true, in percent (0 to 100 as written by the app; the file
    /// type takes any `u8`).
    pub probability_pct: u8,
    /// When it should be known (`"YYYY-MM-DD"`); `null` or missing for no date. Always written.
    #[serde(default)]
    pub resolve_by: Option<Date>,
    /// Pending when missing.
    #[serde(default)]
    pub outcome: OutcomeV1,
}

/// What the fan did with a suggestion. Spelled `"offered"` / `"dismissed"` / `"added"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStateV1 {
    /// Still offered; the default when the key is missing.
    #[default]
    Offered,
    /// Dismissed: never offered again.
    Dismissed,
    /// Added as a thread.
    Added,
}

/// A suggested open question, kept with its dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionV1 {
    /// The question in plain words.
    pub title: String,
    /// The passages of the dossier's article that raise it, in article order (required).
    pub passages: Vec<AnchorV1>,
    /// Index into `passages` of the strongest passage; 0 when missing.
    #[serde(default)]
    pub best: usize,
    /// Offered when missing.
    #[serde(default)]
    pub state: SuggestionStateV1,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::test_util::{V1_GOLDEN as GOLDEN, key_paths_of as paths_of};

    #[test]
    fn the_v1_golden_file_parses_and_is_written_again_with_every_key_it_had() {
        let file: FileV1 = serde_json::from_slice(GOLDEN).unwrap();
        assert_eq!(file.format_version, VERSION);
        assert_eq!(file.library.dossiers.len(), 2);
        assert_eq!(file.library.open, Some(3));
        assert_eq!(file.library.next_id, 10);

        let written = serde_json::to_vec(&file).unwrap();
        let in_golden = paths_of(GOLDEN);
        let in_written = paths_of(&written);
        let lost: Vec<_> = in_golden.difference(&in_written).collect();
        assert!(lost.is_empty(), "keys lost on writing: {lost:?}");
        let added: Vec<_> = in_written.difference(&in_golden).collect();
        assert!(added.is_empty(), "keys the golden lacks: {added:?}");
        let again: FileV1 = serde_json::from_slice(&written).unwrap();
        assert_eq!(again, file);
    }

    #[test]
    fn missing_fields_read_as_their_defaults_and_empty_options_are_left_out() {
        let bytes = br#"{"format_version": 1, "library": {"next_id": 4, "dossiers": [
            {"id": 1, "article": {"title": "t", "body": "b"},
             "threads": [{"id": 2, "title": "q", "predictions": [
                 {"id": 3, "statement": "s", "probability_pct": 40}]}],
             "suggestions": [{"title": "w", "passages": [{"quote": "b"}]}]}]}}"#;
        let file: FileV1 = serde_json::from_slice(bytes).unwrap();
        let dossier = &file.library.dossiers[0];
        assert_eq!((file.revision, file.written_by.as_str()), (0, ""));
        assert_eq!(file.library.open, None);
        assert_eq!(
            dossier.article,
            ArticleV1 {
                title: "t".into(),
                as_of: None,
                format: ArticleFormatV1::Markdown,
                body: "b".into(),
                source_path: None,
                source_url: None,
            }
        );
        assert_eq!(dossier.note, "");
        let thread = &dossier.threads[0];
        assert_eq!(
            (thread.status, &thread.anchor, thread.note.as_str()),
            (ThreadStatusV1::Open, &None, "")
        );
        let prediction = &thread.predictions[0];
        assert_eq!(
            (prediction.resolve_by, prediction.outcome),
            (None, OutcomeV1::Pending)
        );
        let suggestion = &dossier.suggestions.as_ref().unwrap()[0];
        assert_eq!(
            (
                suggestion.best,
                suggestion.state,
                suggestion.passages[0].block_hint
            ),
            (0, SuggestionStateV1::Offered, 0)
        );

        let mut file = file;
        file.library.dossiers[0].suggestions = None;
        let written = String::from_utf8(serde_json::to_vec(&file).unwrap()).unwrap();
        assert!(!written.contains("suggestions"), "{written}");
        assert!(!written.contains("source_url"), "{written}");
        assert!(written.contains(r#""source_path":null"#), "{written}");
        assert!(written.contains(r#""anchor":null"#), "{written}");
    }
}
