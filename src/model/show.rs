//! A show the fan follows: its articles (each with the fan's note and suggestions), its
//! checklist of threads, and the dated events of those threads (its timeline).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Article, LibraryError, SavedSuggestion, Thread, ThreadId, ThreadStatus};

/// Identifies a show within a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ShowId(pub u64);

/// Identifies an article within a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub u64);

/// Where a show stands, as the fan last checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowStatus {
    /// Not checked yet.
    #[default]
    Unknown,
    /// Episodes are still coming out.
    Airing,
    /// The last episode aired; nothing more announced.
    Ended,
    /// A new season is rumoured but not confirmed.
    RenewalRumoured,
    /// A new season is confirmed.
    Renewed,
    /// No more episodes will be made.
    Cancelled,
}

impl ShowStatus {
    /// All statuses, in the order the UI offers them.
    pub const ALL: [ShowStatus; 6] = [
        ShowStatus::Unknown,
        ShowStatus::Airing,
        ShowStatus::Ended,
        ShowStatus::RenewalRumoured,
        ShowStatus::Renewed,
        ShowStatus::Cancelled,
    ];

    /// A few words for the status.
    pub fn label(self) -> &'static str {
        match self {
            ShowStatus::Unknown => "not checked",
            ShowStatus::Airing => "airing",
            ShowStatus::Ended => "ended",
            ShowStatus::RenewalRumoured => "renewal rumoured",
            ShowStatus::Renewed => "renewed",
            ShowStatus::Cancelled => "cancelled",
        }
    }
}

/// One article of a show, with what the fan keeps about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEntry {
    /// Stable identity.
    pub id: ArticleId,
    /// The article as imported (its as-of date can be corrected).
    pub article: Article,
    /// The fan's note on the whole article.
    #[serde(default)]
    pub note: String,
    /// The open questions suggested for the article, in the suggester's order; `None` until
    /// they are computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<SavedSuggestion>>,
}

impl ArticleEntry {
    /// An entry for `article` with no note and no suggestions yet.
    pub fn new(id: ArticleId, article: Article) -> Self {
        Self {
            id,
            article,
            note: String::new(),
            suggestions: None,
        }
    }
}

/// A thread's status changing on a given day: one line of the show's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadEvent {
    /// The day it happened (the fan's local date).
    pub date: Date,
    /// The thread (it may since have been deleted; the event is kept).
    pub thread: ThreadId,
    /// The thread's title at the time, to name it even after it is deleted.
    pub title: String,
    /// The status it took: `Open` when it was opened or reopened.
    pub status: ThreadStatus,
}

/// A show: its titles, status, articles, threads and timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Show {
    /// Stable identity.
    pub id: ShowId,
    /// The title the fan knows it by, e.g. "It's Okay to Not Be Okay".
    pub title: String,
    /// The title in the original language, e.g. "사이코지만 괜찮아".
    #[serde(default)]
    pub original_title: Option<String>,
    /// Airing, ended, renewed…
    #[serde(default)]
    pub status: ShowStatus,
    /// When the fan last checked the status.
    #[serde(default)]
    pub status_checked: Option<Date>,
    /// The fan's note on the show.
    #[serde(default)]
    pub note: String,
    /// Its articles, in the order they were added (listed by as-of date, see
    /// [`Show::articles_by_date`]).
    #[serde(default)]
    pub articles: Vec<ArticleEntry>,
    /// The checklist, in the order the fan arranged it.
    #[serde(default)]
    pub threads: Vec<Thread>,
    /// When threads were opened, resolved or dropped, oldest first.
    #[serde(default)]
    pub events: Vec<ThreadEvent>,
}

impl Show {
    /// A show with no articles, threads or events.
    pub fn new(id: ShowId, title: impl Into<String>) -> Self {
        Self {
            id,
            title: title.into(),
            original_title: None,
            status: ShowStatus::Unknown,
            status_checked: None,
            note: String::new(),
            articles: Vec::new(),
            threads: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The title, with the original-language title after it when there is one.
    pub fn full_title(&self) -> String {
        match self.original_title.as_deref().map(str::trim) {
            Some(original) if !original.is_empty() => format!("{} ({original})", self.title),
            _ => self.title.clone(),
        }
    }

    /// The article with `id`.
    pub fn article(&self, id: super::ArticleId) -> Option<&ArticleEntry> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The articles ordered by as-of date (undated ones last), then by when they were added.
    pub fn articles_by_date(&self) -> Vec<&ArticleEntry> {
        let mut articles: Vec<&ArticleEntry> = self.articles.iter().collect();
        articles.sort_by_key(|a| (a.article.as_of.is_none(), a.article.as_of));
        articles
    }

    /// The article opened when the show is: the latest by as-of date.
    pub fn latest_article(&self) -> Option<&ArticleEntry> {
        self.articles_by_date().last().copied()
    }

    /// The thread with `id`.
    pub fn thread(&self, id: ThreadId) -> Result<&Thread, LibraryError> {
        self.threads
            .iter()
            .find(|t| t.id == id)
            .ok_or(LibraryError::NoSuchThread(id))
    }

    /// How many threads are still open.
    pub fn open_threads(&self) -> usize {
        self.threads
            .iter()
            .filter(|t| t.status == ThreadStatus::Open)
            .count()
    }

    /// All predictions on the show's threads.
    pub fn predictions(&self) -> impl Iterator<Item = &super::Prediction> {
        self.threads.iter().flat_map(|t| t.predictions.iter())
    }

    /// Whether `text` names this show: its title or original title occurs in it, ignoring
    /// case and spacing (titles shorter than three letters never match).
    pub fn is_named_in(&self, text: &str) -> bool {
        let haystack = fold(text);
        std::iter::once(self.title.as_str())
            .chain(self.original_title.as_deref())
            .map(fold)
            .any(|name| name.chars().count() >= 3 && haystack.contains(&name))
    }
}

/// `text` lower-cased with every run of white space or punctuation other than apostrophes
/// made one space, and curly apostrophes made straight, for loose name matching.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' {
            folded.extend(c.to_lowercase());
            space = false;
        } else if !space {
            folded.push(' ');
            space = true;
        }
    }
    folded.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_show_is_named_in_either_script_ignoring_case_and_punctuation() {
        let mut show = Show::new(ShowId(1), "It's Okay to Not Be Okay");
        show.original_title = Some("사이코지만 괜찮아".into());
        assert!(show.is_named_in("A new look at IT’S OKAY TO NOT BE OKAY, four years on"));
        assert!(show.is_named_in("드라마 사이코지만  괜찮아 시즌2"));
        assert!(!show.is_named_in("It's okay to be late"));
        assert_eq!(
            show.full_title(),
            "It's Okay to Not Be Okay (사이코지만 괜찮아)"
        );
    }
}
