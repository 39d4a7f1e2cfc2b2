//! `fan-tracker suggest FILE [--json]`: an article's suggested open questions, printed
//! without opening a window (issue 9), for scripting and for measuring the suggester.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::model::Article;
use crate::model::suggest::{Suggestion, try_suggest_titled};

/// Arguments of `fan-tracker suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The article: plain text, Markdown or an HTML page, in any encoding the window opens.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print one JSON array `[{"title": "...", "passages": ["...", ...], "best": 0}, ...]`
    /// instead of a list for people (`best`: the index in `passages` of the strongest one).
    #[arg(long)]
    pub json: bool,
}

/// Imports `args.file`, suggests its open questions and prints them on standard output.
///
/// Errors: the file cannot be read or imported (not text, empty, too large), the suggester's
/// cue matcher cannot be built, or standard output cannot be written; the caller prints the error and exits with status 1.
pub fn run(args: &SuggestArgs) -> anyhow::Result<()> {
    let article = read_article(&args.file)?;
    let suggestions = try_suggest_titled(&article.document(), &article.title)?;
    let output = if args.json {
        json(&suggestions)?
    } else {
        text(&article, &suggestions)
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
        .context("could not write the suggestions")
}

/// Reads and imports the article at `path` exactly as the window opens a file
/// ([`crate::app::read_file`]: any encoding, plain text, Markdown or HTML).
///
/// This is the one place the command (and the suggester's evaluation) imports a file.
/// Errors: the file cannot be read, or its bytes are not an article, in words.
pub fn read_article(path: &Path) -> anyhow::Result<Article> {
    crate::app::read_file(path)
        .map(|imported| imported.article)
        .map_err(anyhow::Error::msg)
}

/// One suggestion as the JSON output shows it.
#[derive(Serialize)]
struct JsonSuggestion<'a> {
    title: &'a str,
    passages: Vec<&'a str>,
    /// Index into `passages` of the strongest passage (the one a new thread anchors to).
    best: usize,
}

/// `[{"title": "...", "passages": ["full sentence", ...], "best": 0}, ...]`, passages in
/// article order, `best` the index of the strongest.
fn json(suggestions: &[Suggestion]) -> anyhow::Result<String> {
    let shown: Vec<JsonSuggestion<'_>> = suggestions
        .iter()
        .map(|s| JsonSuggestion {
            title: &s.title,
            passages: s.passages.iter().map(|p| p.text.as_str()).collect(),
            best: s.best,
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&shown).context("could not write JSON")?;
    out.push('\n');
    Ok(out)
}

/// A numbered list: each title, then its passages, the one a thread would anchor to marked `*`.
fn text(article: &Article, suggestions: &[Suggestion]) -> String {
    if suggestions.is_empty() {
        return format!("No open questions found in \"{}\".\n", article.title);
    }
    let mut out = format!(
        "Open questions in \"{}\" ({}):\n",
        article.title,
        suggestions.len()
    );
    for (n, suggestion) in suggestions.iter().enumerate() {
        out.push_str(&format!("\n{}. {}\n", n + 1, suggestion.title));
        for (k, passage) in suggestion.passages.iter().enumerate() {
            let mark = if k == suggestion.best { '*' } else { '-' };
            out.push_str(&format!("   {mark} {}\n", passage.text));
        }
    }
    out
}
