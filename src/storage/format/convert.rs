//! Between the in-memory model and the current file types ([`super::v3`], with the
//! [`super::v2`] types it keeps): every field, both
//! ways, with exhaustive matches on every enum so a new model value cannot be written by
//! accident.

use super::v2::{
    AnchorV2, ArticleFormatV2, ArticleV2, OutcomeV2, ShowStatusV2, SuggestionStateV2, SuggestionV2,
    ThreadEventV2, ThreadStatusV2,
};
use super::v3::{FileV3, GivenV3, LibraryV3, PredictionV3, ShowV3, ThreadV3, VERSION};
use crate::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, Given, Library, Outcome, Prediction,
    PredictionId, Probability, SavedSuggestion, Show, ShowId, ShowStatus, SuggestionState, Thread,
    ThreadEvent, ThreadId, ThreadStatus,
};

/// The file for `library` at save `revision`, written by this build.
pub fn to_file(library: &Library, revision: u64) -> FileV3 {
    FileV3 {
        format_version: VERSION,
        revision,
        written_by: concat!("fan-tracker ", env!("CARGO_PKG_VERSION")).to_owned(),
        save_id: String::new(),
        based_on: Vec::new(),
        library: LibraryV3 {
            next_id: library.next_id_value(),
            shows: library.shows.iter().map(show_to_file).collect(),
        },
    }
}

/// The library a format 3 file holds (not yet repaired; see [`Library::repair`]).
pub fn from_file(library: LibraryV3) -> Library {
    Library::from_parts(
        library.shows.into_iter().map(show_from_file).collect(),
        library.next_id,
    )
}

fn show_to_file(show: &Show) -> ShowV3 {
    ShowV3 {
        id: show.id.0,
        title: show.title.clone(),
        original_title: show.original_title.clone(),
        status: match show.status {
            ShowStatus::Unknown => ShowStatusV2::Unknown,
            ShowStatus::Airing => ShowStatusV2::Airing,
            ShowStatus::Ended => ShowStatusV2::Ended,
            ShowStatus::RenewalRumoured => ShowStatusV2::RenewalRumoured,
            ShowStatus::Renewed => ShowStatusV2::Renewed,
            ShowStatus::Cancelled => ShowStatusV2::Cancelled,
        },
        status_checked: show.status_checked,
        note: show.note.clone(),
        articles: show.articles.iter().map(article_to_file).collect(),
        threads: show.threads.iter().map(thread_to_file).collect(),
        events: show
            .events
            .iter()
            .map(|e| ThreadEventV2 {
                date: e.date,
                thread: e.thread.0,
                title: e.title.clone(),
                status: status_to_file(e.status),
            })
            .collect(),
    }
}

fn show_from_file(show: ShowV3) -> Show {
    Show {
        id: ShowId(show.id),
        title: show.title,
        original_title: show.original_title,
        status: match show.status {
            ShowStatusV2::Unknown => ShowStatus::Unknown,
            ShowStatusV2::Airing => ShowStatus::Airing,
            ShowStatusV2::Ended => ShowStatus::Ended,
            ShowStatusV2::RenewalRumoured => ShowStatus::RenewalRumoured,
            ShowStatusV2::Renewed => ShowStatus::Renewed,
            ShowStatusV2::Cancelled => ShowStatus::Cancelled,
        },
        status_checked: show.status_checked,
        note: show.note,
        articles: show.articles.into_iter().map(article_from_file).collect(),
        threads: show.threads.into_iter().map(thread_from_file).collect(),
        events: show
            .events
            .into_iter()
            .map(|e| ThreadEvent {
                date: e.date,
                thread: ThreadId(e.thread),
                title: e.title,
                status: status_from_file(e.status),
            })
            .collect(),
    }
}

fn article_to_file(entry: &ArticleEntry) -> ArticleV2 {
    let article = &entry.article;
    ArticleV2 {
        id: entry.id.0,
        title: article.title.clone(),
        as_of: article.as_of,
        format: match article.format {
            ArticleFormat::Markdown => ArticleFormatV2::Markdown,
            ArticleFormat::PlainText => ArticleFormatV2::PlainText,
        },
        body: article.body.to_string(),
        source_path: article.source_path.clone(),
        source_url: article.source_url.clone(),
        note: entry.note.clone(),
        suggestions: entry.suggestions.as_ref().map(|list| {
            list.iter()
                .map(|s| SuggestionV2 {
                    title: s.title.clone(),
                    passages: s.passages.iter().map(anchor_to_file).collect(),
                    best: s.best,
                    state: match s.state {
                        SuggestionState::Offered => SuggestionStateV2::Offered,
                        SuggestionState::Dismissed => SuggestionStateV2::Dismissed,
                        SuggestionState::Added => SuggestionStateV2::Added,
                    },
                })
                .collect()
        }),
    }
}

fn article_from_file(article: ArticleV2) -> ArticleEntry {
    ArticleEntry {
        id: ArticleId(article.id),
        article: Article {
            title: article.title,
            as_of: article.as_of,
            format: match article.format {
                ArticleFormatV2::Markdown => ArticleFormat::Markdown,
                ArticleFormatV2::PlainText => ArticleFormat::PlainText,
            },
            body: article.body.into(),
            source_path: article.source_path,
            source_url: article.source_url,
        },
        note: article.note,
        suggestions: article.suggestions.map(|list| {
            list.into_iter()
                .map(|s| SavedSuggestion {
                    title: s.title,
                    passages: s.passages.into_iter().map(anchor_from_file).collect(),
                    best: s.best,
                    state: match s.state {
                        SuggestionStateV2::Offered => SuggestionState::Offered,
                        SuggestionStateV2::Dismissed => SuggestionState::Dismissed,
                        SuggestionStateV2::Added => SuggestionState::Added,
                    },
                })
                .collect()
        }),
    }
}

fn thread_to_file(thread: &Thread) -> ThreadV3 {
    ThreadV3 {
        id: thread.id.0,
        title: thread.title.clone(),
        status: status_to_file(thread.status),
        anchors: thread.anchors.iter().map(anchor_to_file).collect(),
        note: thread.note.clone(),
        predictions: thread.predictions.iter().map(prediction_to_file).collect(),
    }
}

fn prediction_to_file(p: &Prediction) -> PredictionV3 {
    PredictionV3 {
        id: p.id.0,
        statement: p.statement.clone(),
        probabilities: p
            .history()
            .map(|g| GivenV3 {
                permille: g.probability.permille(),
                on: g.on,
            })
            .collect(),
        resolve_by: p.resolve_by,
        outcome: match p.outcome {
            Outcome::Pending => OutcomeV2::Pending,
            Outcome::Yes => OutcomeV2::Yes,
            Outcome::No => OutcomeV2::No,
            Outcome::Ambiguous => OutcomeV2::Ambiguous,
        },
        resolved_on: p.resolved_on,
    }
}

/// A prediction from the file; a probability above 1000 ‰ reads as 100 %, and an empty list
/// of probabilities (a hand-edited file) as 50 % on a day not known.
fn prediction_from_file(p: PredictionV3) -> Prediction {
    let given = |g: GivenV3| Given {
        probability: Probability::from_permille(g.permille.min(1000)).unwrap_or(Probability::HALF),
        on: g.on,
    };
    let mut history: Vec<Given> = p.probabilities.into_iter().map(given).collect();
    let current = history.pop().unwrap_or(Given {
        probability: Probability::HALF,
        on: None,
    });
    let outcome = match p.outcome {
        OutcomeV2::Pending => Outcome::Pending,
        OutcomeV2::Yes => Outcome::Yes,
        OutcomeV2::No => Outcome::No,
        OutcomeV2::Ambiguous => Outcome::Ambiguous,
    };
    Prediction {
        id: PredictionId(p.id),
        statement: p.statement,
        current,
        earlier: history,
        resolve_by: p.resolve_by,
        outcome,
        resolved_on: p.resolved_on.filter(|_| outcome != Outcome::Pending),
    }
}

fn thread_from_file(thread: ThreadV3) -> Thread {
    Thread {
        id: ThreadId(thread.id),
        title: thread.title,
        status: status_from_file(thread.status),
        anchors: thread.anchors.into_iter().map(anchor_from_file).collect(),
        note: thread.note,
        predictions: thread
            .predictions
            .into_iter()
            .map(prediction_from_file)
            .collect(),
    }
}

fn status_to_file(status: ThreadStatus) -> ThreadStatusV2 {
    match status {
        ThreadStatus::Open => ThreadStatusV2::Open,
        ThreadStatus::Resolved => ThreadStatusV2::Resolved,
        ThreadStatus::Dropped => ThreadStatusV2::Dropped,
    }
}

fn status_from_file(status: ThreadStatusV2) -> ThreadStatus {
    match status {
        ThreadStatusV2::Open => ThreadStatus::Open,
        ThreadStatusV2::Resolved => ThreadStatus::Resolved,
        ThreadStatusV2::Dropped => ThreadStatus::Dropped,
    }
}

fn anchor_to_file(anchor: &Anchor) -> AnchorV2 {
    AnchorV2 {
        article: anchor.article.0,
        quote: anchor.quote.clone(),
        block_hint: anchor.block_hint,
    }
}

fn anchor_from_file(anchor: AnchorV2) -> Anchor {
    Anchor::new(ArticleId(anchor.article), anchor.quote, anchor.block_hint)
}
