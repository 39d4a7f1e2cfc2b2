//! Between the in-memory model and the format 4 file types ([`super::v4`], with the
//! [`super::v3`] and [`super::v2`] types it keeps; format 5 splits and joins those shows, see
//! [`super::shows`]): every field, both ways, with exhaustive matches on every enum so a new
//! model value cannot be written by accident.
//!
//! Article bodies: writing names each by its hash (see [`super::bodies`]) and lists the article
//! files to write; reading takes a body from the file itself or from its article file (through
//! a [`FileReader`]), checked against its hash; an article file that is missing or damaged
//! gives a placeholder body saying so, and a [`Repair`] that tells the fan.

use super::v2::{
    AnchorV2, ArticleFormatV2, OutcomeV2, ShowStatusV2, SuggestionStateV2, SuggestionV2,
    ThreadEventV2, ThreadStatusV2,
};
use std::collections::HashSet;
use std::io;
use std::sync::Arc;

use super::bodies::{self, BodyHash};
use super::v3::{GivenV3, PredictionV3, ThreadV3};
use super::v4::{
    ARTICLES_DIR, ArticleV4, FileV4, LibraryV4, ShowV4, VERSION, article_file_name, is_sha256_hex,
    sha256_hex,
};
use super::{DataDir, DataFile, FileReader, Repair};
use crate::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, Given, Library, Outcome, Prediction,
    PredictionId, Probability, SavedSuggestion, Show, ShowId, ShowStatus, SuggestionState, Thread,
    ThreadEvent, ThreadId, ThreadStatus,
};

/// The file for `library` at save `revision`, written by this build, and the article files it
/// names (each body once; none for a placeholder of a missing file). With `inline`, each body
/// is in the file too (a file that travels alone).
pub fn to_file(library: &Library, revision: u64, inline: bool) -> (FileV4, Vec<DataFile>) {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut shows = Vec::with_capacity(library.shows.len());
    for show in &library.shows {
        shows.push(show_to_file(show, &mut |entry| {
            let body = &entry.article.body;
            let BodyHash { sha256, missing } = bodies::hash_of(body);
            if !missing && seen.insert(sha256.clone()) {
                files.push(DataFile {
                    dir: DataDir::Articles,
                    name: article_file_name(&sha256),
                    text: Arc::clone(body),
                });
            }
            article_to_file(
                entry,
                sha256,
                (inline && !missing).then(|| body.to_string()),
            )
        }));
    }
    let file = FileV4 {
        format_version: VERSION,
        revision,
        written_by: concat!("fan-tracker ", env!("CARGO_PKG_VERSION")).to_owned(),
        save_id: String::new(),
        based_on: Vec::new(),
        library: LibraryV4 {
            next_id: library.next_id_value(),
            shows,
        },
    };
    (file, files)
}

/// The library a format 4 file holds (not yet repaired; see [`Library::repair`]), each body
/// taken from the file or read with `read`, and what could not be read, in words.
pub fn from_file(library: LibraryV4, read: FileReader<'_>) -> (Library, Vec<Repair>) {
    let mut repairs = Vec::new();
    let shows = library
        .shows
        .into_iter()
        .map(|show| show_from_file(show, read, &mut repairs))
        .collect();
    (Library::from_parts(shows, library.next_id), repairs)
}

fn show_to_file(show: &Show, article: &mut dyn FnMut(&ArticleEntry) -> ArticleV4) -> ShowV4 {
    ShowV4 {
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
        articles: show.articles.iter().map(article).collect(),
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

fn show_from_file(show: ShowV4, read: FileReader<'_>, repairs: &mut Vec<Repair>) -> Show {
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
        articles: show
            .articles
            .into_iter()
            .map(|a| article_from_file(a, read, repairs))
            .collect(),
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

fn article_to_file(entry: &ArticleEntry, body_sha256: String, body: Option<String>) -> ArticleV4 {
    let article = &entry.article;
    ArticleV4 {
        id: entry.id.0,
        title: article.title.clone(),
        as_of: article.as_of,
        format: match article.format {
            ArticleFormat::Markdown => ArticleFormatV2::Markdown,
            ArticleFormat::PlainText => ArticleFormatV2::PlainText,
        },
        body_sha256,
        body,
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

/// An article's body: the one in the file (hashed afresh: its hash names its article file),
/// else its article file checked against its hash, else a placeholder saying what is missing.
fn body_from_file(
    article: &mut ArticleV4,
    read: FileReader<'_>,
    repairs: &mut Vec<Repair>,
) -> Arc<str> {
    if let Some(body) = article.body.take() {
        let body: Arc<str> = body.into();
        let sha256 = sha256_hex(body.as_bytes());
        bodies::remember(
            &body,
            BodyHash {
                sha256,
                missing: false,
            },
        );
        return body;
    }
    let sha256 = &article.body_sha256;
    let file = format!("{ARTICLES_DIR}/{}", article_file_name(sha256));
    let problem = if is_sha256_hex(sha256) {
        match read(DataDir::Articles, &article_file_name(sha256)) {
            Ok(bytes) if sha256_hex(&bytes) == *sha256 => match String::from_utf8(bytes) {
                Ok(text) => {
                    let body: Arc<str> = text.into();
                    bodies::remember(
                        &body,
                        BodyHash {
                            sha256: sha256.clone(),
                            missing: false,
                        },
                    );
                    return body;
                }
                Err(_) => ArticleProblem::Damaged,
            },
            Ok(_) => ArticleProblem::Damaged,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                ArticleProblem::Missing("it is not there".into())
            }
            Err(e) => ArticleProblem::Missing(format!("it could not be read: {e}")),
        }
    } else {
        ArticleProblem::Missing("the library names no valid article file".into())
    };
    let placeholder: Arc<str> = placeholder(&file).into();
    // Always a placeholder, even when the library names no valid file: saves write the
    // reference back exactly as it was (never the placeholder's hash, never as an article
    // file), so a hand-edited or newer reference is not lost.
    bodies::remember(
        &placeholder,
        BodyHash {
            sha256: sha256.clone(),
            missing: true,
        },
    );
    repairs.push(match problem {
        ArticleProblem::Missing(reason) => Repair::ArticleMissing {
            title: article.title.clone(),
            file,
            reason,
        },
        ArticleProblem::Damaged => Repair::ArticleDamaged {
            title: article.title.clone(),
            file,
            kept_as: None,
        },
    });
    placeholder
}

enum ArticleProblem {
    /// Not there or not readable, with why.
    Missing(String),
    /// Its content does not match its hash (or is not UTF-8).
    Damaged,
}

/// The body shown for an article whose file (`file`, e.g. `articles/<sha256>.md`) could not be
/// read.
pub fn placeholder(file: &str) -> String {
    format!(
        "**The text of this article is missing.** Fan Tracker keeps each article's text in its \
         own file beside the library, and `{file}` could not be read. The threads, notes and \
         predictions of this show are all kept. Put the file back in the data folder (from a \
         backup or another device) and open Fan Tracker again to read the article."
    )
}

fn article_from_file(
    mut article: ArticleV4,
    read: FileReader<'_>,
    repairs: &mut Vec<Repair>,
) -> ArticleEntry {
    let body = body_from_file(&mut article, read, repairs);
    ArticleEntry {
        id: ArticleId(article.id),
        article: Article {
            title: article.title,
            as_of: article.as_of,
            format: match article.format {
                ArticleFormatV2::Markdown => ArticleFormat::Markdown,
                ArticleFormatV2::PlainText => ArticleFormat::PlainText,
            },
            body,
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
