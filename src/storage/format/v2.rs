//! File format 2, frozen: a library of shows, each with its articles, its checklist of threads
//! and the dated events of that checklist, as plain serde types.
//!
//! These types say exactly what a format 2 file holds, apart from the in-memory model: they use
//! no model type, so a change to the model can never change the format by accident. The model
//! is turned into these types to be written and built from them when read. Nothing here may be
//! edited once released; a new shape is a new format version in a new module, with a migration
//! (see [`super::migrate`]).
//!
//! Reading is lenient: a missing optional or collection field reads as its default (`null`,
//! `""`, `[]`, the first enum value); unknown keys are ignored. Writing writes every field,
//! `null` included, except `suggestions`, left out while they were never computed.
//!
//! Shape of a file:
//!
//! ```json
//! { "format_version": 2, "revision": 7, "written_by": "fan-tracker 0.1.0",
//!   "save_id": "9f2c…" | missing, "based_on": ["41aa…", …] | missing,
//!   "library": { "next_id": 40, "shows": [ {
//!      "id": 1, "title": "…", "original_title": "…" | null,
//!      "status": "unknown" | "airing" | "ended" | "renewal_rumoured" | "renewed" | "cancelled",
//!      "status_checked": "2026-11-01" | null, "note": "…",
//!      "articles": [ { "id": 2, "title": "…", "as_of": "2022-03-17" | null,
//!                      "format": "markdown" | "plain_text", "body": "…",
//!                      "source_path": "…" | null, "source_url": "…" | null, "note": "…",
//!                      "suggestions"?: [ { "title": "…",
//!                                          "passages": [ {"article": 2, "quote": "…", "block_hint": 3} ],
//!                                          "best": 0, "state": "offered" | "dismissed" | "added" } ] } ],
//!      "threads": [ { "id": 3, "title": "…", "status": "open" | "resolved" | "dropped",
//!                     "anchors": [ {"article": 2, "quote": "…", "block_hint": 3} ], "note": "…",
//!                     "predictions": [ { "id": 4, "statement": "…", "probability_pct": 70,
//!                                        "resolve_by": "2027-01-01" | null,
//!                                        "outcome": "pending" | "yes" | "no" | "ambiguous" } ] } ],
//!      "events": [ { "date": "2026-11-29", "thread": 3, "title": "…", "status": "resolved" } ]
//!   } ] } }
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The format version of these types.
pub const VERSION: u32 = 2;

/// The most save ids a file lists in [`FileV2::based_on`].
pub const MAX_LINEAGE: usize = 32;

/// A whole format 2 file: the version envelope around the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileV2 {
    /// Always [`VERSION`] (2) in a format 2 file.
    pub format_version: u32,
    /// Counts the saves of this library, each save one more than the file it replaced; 0 when
    /// missing.
    #[serde(default)]
    pub revision: u64,
    /// The app and version that wrote the file, e.g. `"fan-tracker 0.1.0"`; `""` when missing.
    #[serde(default)]
    pub written_by: String,
    /// Names this one save among every save of the library on any device (random, 16 hex
    /// digits); `""` when missing (files written before it existed). Added to format 2 as an
    /// optional field: older readers ignore it.
    #[serde(default)]
    pub save_id: String,
    /// The `save_id`s of the saves this one descends from, the one it replaced first (at most
    /// [`MAX_LINEAGE`]); empty when missing. A copy whose lineage does not hold the save a
    /// window last read or wrote was forked from an earlier one (two devices saving from the
    /// same revision), not written after it.
    #[serde(default)]
    pub based_on: Vec<String>,
    /// The fan's data.
    pub library: LibraryV2,
}

/// The library of format 2: the id counter and the shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryV2 {
    /// The next id to hand out; one counter shared by shows, articles, threads and predictions
    /// (required).
    pub next_id: u64,
    /// The shows, in the order they were added; empty when missing.
    #[serde(default)]
    pub shows: Vec<ShowV2>,
}

/// Where a show stands, as the fan last checked. Spelled in snake case: `"unknown"`,
/// `"airing"`, `"ended"`, `"renewal_rumoured"`, `"renewed"`, `"cancelled"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowStatusV2 {
    /// Not known; the default when the key is missing.
    #[default]
    Unknown,
    /// Episodes are still going out.
    Airing,
    /// The last episode aired and nothing more is announced.
    Ended,
    /// A further season is rumoured, not confirmed.
    RenewalRumoured,
    /// A further season is confirmed.
    Renewed,
    /// Stopped for good.
    Cancelled,
}

/// A show: its articles, its checklist of threads and the checklist's dated events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowV2 {
    /// The show's id (from the library's counter).
    pub id: u64,
    /// The show's title, e.g. `"It's Okay to Not Be Okay"`.
    pub title: String,
    /// The title in the original language, e.g. `"사이코지만 괜찮아"`; `null` or missing for none.
    #[serde(default)]
    pub original_title: Option<String>,
    /// Unknown when missing.
    #[serde(default)]
    pub status: ShowStatusV2,
    /// When the fan last checked `status` (`"YYYY-MM-DD"`); `null` or missing for never.
    #[serde(default)]
    pub status_checked: Option<Date>,
    /// The fan's note on the show; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The show's articles, in the order they were added; empty when missing.
    #[serde(default)]
    pub articles: Vec<ArticleV2>,
    /// The show's checklist, in the fan's order; empty when missing.
    #[serde(default)]
    pub threads: Vec<ThreadV2>,
    /// What happened to the checklist and when, oldest first; kept when a thread is deleted;
    /// empty when missing.
    #[serde(default)]
    pub events: Vec<ThreadEventV2>,
}

/// How an article's body is written. Spelled `"markdown"` / `"plain_text"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleFormatV2 {
    /// CommonMark; the default when the key is missing.
    #[default]
    Markdown,
    /// Plain text: paragraphs by line or by blank line.
    PlainText,
}

/// An article of a show, with the fan's note on it and the questions suggested from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleV2 {
    /// The article's id (from the library's counter); anchors name the article by it.
    pub id: u64,
    /// The headline.
    pub title: String,
    /// The date every claim in the article is "as of" (`"YYYY-MM-DD"`); `null` or missing when
    /// unknown.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// How `body` is written; Markdown when missing.
    #[serde(default)]
    pub format: ArticleFormatV2,
    /// The body source, without the title and date lines.
    pub body: String,
    /// The file the article was imported from; `null` or missing for none.
    #[serde(default)]
    pub source_path: Option<String>,
    /// The article's web address; `null` or missing for none.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The fan's note on the article; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The suggested open questions, in the suggester's order; `None` until computed (then the
    /// key is left out when writing, and a missing key reads as `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<SuggestionV2>>,
}

/// Where a thread stands. Spelled `"open"` / `"resolved"` / `"dropped"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStatusV2 {
    /// Still an open question; the default when the key is missing.
    #[default]
    Open,
    /// Answered.
    Resolved,
    /// No longer followed.
    Dropped,
}

/// One item of a show's checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadV2 {
    /// The thread's id (from the library's counter).
    pub id: u64,
    /// The question.
    pub title: String,
    /// Open when missing.
    #[serde(default)]
    pub status: ThreadStatusV2,
    /// The passages that raise the question, each in an article of the show; empty when
    /// missing.
    #[serde(default)]
    pub anchors: Vec<AnchorV2>,
    /// The fan's note on the thread; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The predictions on the thread; empty when missing.
    #[serde(default)]
    pub predictions: Vec<PredictionV2>,
}

/// A passage of one article of the show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorV2 {
    /// The id of the article holding the passage (an [`ArticleV2::id`]).
    pub article: u64,
    /// The quoted passage, exactly as in the block's text.
    pub quote: String,
    /// The index of the block the quote was last found in (0-based); 0 when missing.
    #[serde(default)]
    pub block_hint: usize,
}

/// How a prediction turned out. Spelled `"pending"` / `"yes"` / `"no"` / `"ambiguous"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeV2 {
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
pub struct PredictionV2 {
    /// The prediction's id (from the library's counter).
    pub id: u64,
    /// What the fan predicts.
    pub statement: String,
    /// Probability that it comes true, in percent (0 to 100 as written by the app; the file
    /// type takes any `u8`).
    pub probability_pct: u8,
    /// When it should be known (`"YYYY-MM-DD"`); `null` or missing for no date.
    #[serde(default)]
    pub resolve_by: Option<Date>,
    /// Pending when missing.
    #[serde(default)]
    pub outcome: OutcomeV2,
}

/// What the fan did with a suggestion. Spelled `"offered"` / `"dismissed"` / `"added"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStateV2 {
    /// Still offered; the default when the key is missing.
    #[default]
    Offered,
    /// Dismissed: never offered again.
    Dismissed,
    /// Added as a thread.
    Added,
}

/// A suggested open question, kept with the article it was found in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionV2 {
    /// The question in plain words.
    pub title: String,
    /// The passages that raise it, in article order; each names the article it was found in.
    /// Empty when missing.
    #[serde(default)]
    pub passages: Vec<AnchorV2>,
    /// Index into `passages` of the strongest passage; 0 when missing.
    #[serde(default)]
    pub best: usize,
    /// Offered when missing.
    #[serde(default)]
    pub state: SuggestionStateV2,
}

/// A dated change to a show's checklist: a thread opened, reopened, resolved or dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadEventV2 {
    /// The day it happened (`"YYYY-MM-DD"`).
    pub date: Date,
    /// The id of the thread (which may since have been deleted).
    pub thread: u64,
    /// The thread's title at the time, so the event reads well after the thread is gone.
    pub title: String,
    /// The status the thread took: `"open"` for opened or reopened; open when missing.
    #[serde(default)]
    pub status: ThreadStatusV2,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::test_util::{V2_GOLDEN as GOLDEN, key_paths_of};

    fn golden() -> FileV2 {
        serde_json::from_slice(GOLDEN).unwrap()
    }

    #[test]
    fn the_v2_golden_file_parses_and_round_trips_with_every_key() {
        let file = golden();
        assert_eq!(file.format_version, VERSION);
        let written = serde_json::to_vec_pretty(&file).unwrap();
        let again: FileV2 = serde_json::from_slice(&written).unwrap();
        assert_eq!(again, file);
        assert_eq!(
            key_paths_of(GOLDEN),
            key_paths_of(&written),
            "the golden file holds every field, named as written"
        );
    }

    #[test]
    fn the_v2_golden_file_holds_every_enum_value_and_both_sides_of_each_option() {
        let library = golden().library;
        let shows = &library.shows;
        let articles = || shows.iter().flat_map(|s| &s.articles);
        let threads = || shows.iter().flat_map(|s| &s.threads);
        let predictions = || threads().flat_map(|t| &t.predictions);
        let suggestions = || articles().flat_map(|a| a.suggestions.iter().flatten());
        let events = || shows.iter().flat_map(|s| &s.events);
        for status in [
            ShowStatusV2::Unknown,
            ShowStatusV2::Airing,
            ShowStatusV2::Ended,
            ShowStatusV2::RenewalRumoured,
            ShowStatusV2::Renewed,
            ShowStatusV2::Cancelled,
        ] {
            assert!(shows.iter().any(|s| s.status == status), "{status:?}");
        }
        for format in [ArticleFormatV2::Markdown, ArticleFormatV2::PlainText] {
            assert!(articles().any(|a| a.format == format), "{format:?}");
        }
        for status in [
            ThreadStatusV2::Open,
            ThreadStatusV2::Resolved,
            ThreadStatusV2::Dropped,
        ] {
            assert!(threads().any(|t| t.status == status), "thread {status:?}");
            assert!(events().any(|e| e.status == status), "event {status:?}");
        }
        for outcome in [
            OutcomeV2::Pending,
            OutcomeV2::Yes,
            OutcomeV2::No,
            OutcomeV2::Ambiguous,
        ] {
            assert!(predictions().any(|p| p.outcome == outcome), "{outcome:?}");
        }
        for state in [
            SuggestionStateV2::Offered,
            SuggestionStateV2::Dismissed,
            SuggestionStateV2::Added,
        ] {
            assert!(suggestions().any(|s| s.state == state), "{state:?}");
        }
        for some in [true, false] {
            assert!(shows.iter().any(|s| s.original_title.is_some() == some));
            assert!(shows.iter().any(|s| s.status_checked.is_some() == some));
            assert!(articles().any(|a| a.as_of.is_some() == some));
            assert!(articles().any(|a| a.source_path.is_some() == some));
            assert!(articles().any(|a| a.source_url.is_some() == some));
            assert!(articles().any(|a| a.suggestions.is_some() == some));
            assert!(predictions().any(|p| p.resolve_by.is_some() == some));
        }
        // Every anchor names an article of its own show, and each id is used once.
        let mut ids: Vec<u64> = shows.iter().map(|s| s.id).collect();
        for show in shows {
            ids.extend(show.articles.iter().map(|a| a.id));
            ids.extend(show.threads.iter().map(|t| t.id));
            ids.extend(
                show.threads
                    .iter()
                    .flat_map(|t| &t.predictions)
                    .map(|p| p.id),
            );
            let passages = show.threads.iter().flat_map(|t| &t.anchors).chain(
                show.articles
                    .iter()
                    .flat_map(|a| a.suggestions.iter().flatten())
                    .flat_map(|s| &s.passages),
            );
            for anchor in passages {
                assert!(show.articles.iter().any(|a| a.id == anchor.article));
            }
        }
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "ids are unique");
        assert!(ids.iter().all(|&id| id < library.next_id));
        assert!(
            shows
                .iter()
                .flat_map(|s| &s.threads)
                .any(|t| t.anchors.len() > 1),
            "a thread anchored in two articles"
        );
        assert!(
            shows.iter().any(|s| s
                .events
                .iter()
                .any(|e| !s.threads.iter().any(|t| t.id == e.thread))),
            "an event of a deleted thread"
        );
    }

    #[test]
    fn missing_fields_read_as_their_defaults_and_only_unset_suggestions_are_left_out() {
        let bytes = br#"{"format_version": 2, "library": {"next_id": 9, "shows": [
            {"id": 1, "title": "s",
             "articles": [{"id": 2, "title": "a", "body": "b"}],
             "threads": [{"id": 3, "title": "q", "predictions": [
                 {"id": 4, "statement": "p", "probability_pct": 50}]}],
             "events": [{"date": "2026-11-29", "thread": 3, "title": "q"}]}]}}"#;
        let file: FileV2 = serde_json::from_slice(bytes).unwrap();
        let expected = FileV2 {
            format_version: 2,
            revision: 0,
            written_by: String::new(),
            save_id: String::new(),
            based_on: Vec::new(),
            library: LibraryV2 {
                next_id: 9,
                shows: vec![ShowV2 {
                    id: 1,
                    title: "s".into(),
                    original_title: None,
                    status: ShowStatusV2::Unknown,
                    status_checked: None,
                    note: String::new(),
                    articles: vec![ArticleV2 {
                        id: 2,
                        title: "a".into(),
                        as_of: None,
                        format: ArticleFormatV2::Markdown,
                        body: "b".into(),
                        source_path: None,
                        source_url: None,
                        note: String::new(),
                        suggestions: None,
                    }],
                    threads: vec![ThreadV2 {
                        id: 3,
                        title: "q".into(),
                        status: ThreadStatusV2::Open,
                        anchors: Vec::new(),
                        note: String::new(),
                        predictions: vec![PredictionV2 {
                            id: 4,
                            statement: "p".into(),
                            probability_pct: 50,
                            resolve_by: None,
                            outcome: OutcomeV2::Pending,
                        }],
                    }],
                    events: vec![ThreadEventV2 {
                        date: jiff::civil::date(2026, 11, 29),
                        thread: 3,
                        title: "q".into(),
                        status: ThreadStatusV2::Open,
                    }],
                }],
            },
        };
        assert_eq!(file, expected);
        let passage: AnchorV2 = serde_json::from_str(r#"{"article": 2, "quote": "b"}"#).unwrap();
        assert_eq!(passage.block_hint, 0);
        let suggestion: SuggestionV2 = serde_json::from_str(r#"{"title": "w"}"#).unwrap();
        assert_eq!(
            (suggestion.passages.len(), suggestion.best, suggestion.state),
            (0, 0, SuggestionStateV2::Offered)
        );
        let empty: LibraryV2 = serde_json::from_str(r#"{"next_id": 1}"#).unwrap();
        assert!(empty.shows.is_empty());

        let written = String::from_utf8(serde_json::to_vec(&file).unwrap()).unwrap();
        assert!(!written.contains("suggestions"), "{written}");
        for null in [
            "original_title",
            "status_checked",
            "as_of",
            "source_path",
            "source_url",
        ] {
            assert!(
                written.contains(&format!(r#""{null}":null"#)),
                "{null}: {written}"
            );
        }
    }
}
