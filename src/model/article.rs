//! An article: its title, as-of date, body source and where it came from.

use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Document;

/// How the article's body is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleFormat {
    /// CommonMark.
    #[default]
    Markdown,
    /// Plain text: paragraphs by line or by blank line, no markup.
    PlainText,
}

/// An article about a show, as imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// The date every claim in the article is "as of", when known.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// How `body` is written.
    #[serde(default)]
    pub format: ArticleFormat,
    /// The body source, without the title and date lines. Shared, not copied, when the library
    /// is copied (for a save or an undo step): an article's text never changes once imported.
    pub body: Arc<str>,
    /// The file the article was imported from, if any (used to reopen instead of re-importing).
    #[serde(default)]
    pub source_path: Option<String>,
    /// The article's address on the web (from front matter or a page's canonical link), when
    /// known. Missing in files written before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl Article {
    /// Parses the body into blocks for display and anchoring.
    pub fn document(&self) -> Document {
        match self.format {
            ArticleFormat::Markdown => Document::from_markdown(&self.body),
            ArticleFormat::PlainText => Document::from_plain_text(&self.body),
        }
    }
}
