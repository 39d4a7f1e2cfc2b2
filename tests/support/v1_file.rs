//! Writes a library as a format 1 file (dev-only, beside `generate.rs`), so benchmarks and
//! tests can load a large old file with its migration.
//!
//! Format 1 had one article per dossier: each show becomes a dossier with the show's id and
//! its first article (a show without articles gets an empty one); its other articles, the show's
//! own fields (original title, status, note) and its events are not in format 1 and are left
//! out. A thread keeps its first anchor (format 1 anchors name no article).

// Each program that includes this file uses a part of it.
#![allow(dead_code)]

use fan_tracker::model::{
    Anchor, ArticleFormat, Library, Outcome, SavedSuggestion, SuggestionState, Thread, ThreadStatus,
};
use fan_tracker::storage::format::v1::{
    AnchorV1, ArticleFormatV1, ArticleV1, DossierV1, FileV1, LibraryV1, OutcomeV1, PredictionV1,
    SuggestionStateV1, SuggestionV1, ThreadStatusV1, ThreadV1, VERSION,
};

/// `library` as a format 1 file (see the module docs for what format 1 cannot hold).
pub fn v1_file(library: &Library) -> FileV1 {
    FileV1 {
        format_version: VERSION,
        revision: 1,
        written_by: "fan-tracker 0.1.0".into(),
        library: LibraryV1 {
            dossiers: library
                .shows
                .iter()
                .map(|show| {
                    let entry = show.articles.first();
                    DossierV1 {
                        id: show.id.0,
                        article: match entry {
                            Some(entry) => ArticleV1 {
                                title: entry.article.title.clone(),
                                as_of: entry.article.as_of,
                                format: match entry.article.format {
                                    ArticleFormat::Markdown => ArticleFormatV1::Markdown,
                                    ArticleFormat::PlainText => ArticleFormatV1::PlainText,
                                },
                                body: entry.article.body.to_string(),
                                source_path: entry.article.source_path.clone(),
                                source_url: entry.article.source_url.clone(),
                            },
                            None => ArticleV1 {
                                title: show.title.clone(),
                                as_of: None,
                                format: ArticleFormatV1::Markdown,
                                body: String::new(),
                                source_path: None,
                                source_url: None,
                            },
                        },
                        threads: show.threads.iter().map(thread).collect(),
                        note: entry.map(|e| e.note.clone()).unwrap_or_default(),
                        suggestions: entry
                            .and_then(|e| e.suggestions.as_ref())
                            .map(|list| list.iter().map(suggestion).collect()),
                    }
                })
                .collect(),
            open: library.shows.first().map(|s| s.id.0),
            next_id: library.next_id_value(),
        },
    }
}

/// `library` as the bytes of a format 1 file, pretty-printed as format 1 builds wrote it.
pub fn v1_bytes(library: &Library) -> Vec<u8> {
    serde_json::to_vec_pretty(&v1_file(library)).expect("a format 1 file encodes")
}

fn anchor(anchor: &Anchor) -> AnchorV1 {
    AnchorV1 {
        quote: anchor.quote.clone(),
        block_hint: anchor.block_hint,
    }
}

fn thread(thread: &Thread) -> ThreadV1 {
    ThreadV1 {
        id: thread.id.0,
        title: thread.title.clone(),
        status: match thread.status {
            ThreadStatus::Open => ThreadStatusV1::Open,
            ThreadStatus::Resolved => ThreadStatusV1::Resolved,
            ThreadStatus::Dropped => ThreadStatusV1::Dropped,
        },
        anchor: thread.anchors.first().map(anchor),
        note: thread.note.clone(),
        predictions: thread
            .predictions
            .iter()
            .map(|p| PredictionV1 {
                id: p.id.0,
                statement: p.statement.clone(),
                probability_pct: (p.probability().permille() / 10) as u8,
                resolve_by: p.resolve_by,
                outcome: match p.outcome {
                    Outcome::Pending => OutcomeV1::Pending,
                    Outcome::Yes => OutcomeV1::Yes,
                    Outcome::No => OutcomeV1::No,
                    Outcome::Ambiguous => OutcomeV1::Ambiguous,
                },
            })
            .collect(),
    }
}

fn suggestion(suggestion: &SavedSuggestion) -> SuggestionV1 {
    SuggestionV1 {
        title: suggestion.title.clone(),
        passages: suggestion.passages.iter().map(anchor).collect(),
        best: suggestion.best,
        state: match suggestion.state {
            SuggestionState::Offered => SuggestionStateV1::Offered,
            SuggestionState::Dismissed => SuggestionStateV1::Dismissed,
            SuggestionState::Added => SuggestionStateV1::Added,
        },
    }
}
