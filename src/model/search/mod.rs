//! Search over the whole library (issue 20, items 1–3): article text, article titles and
//! notes, show titles in either script and show notes, thread titles and notes, prediction
//! statements.
//!
//! [`SearchIndex::build`] folds every text once (see [`fold`]: case, accents, NFC, Hangul by
//! syllable) and keeps the folded text with a map back to the original; [`SearchIndex::search`]
//! then looks for the folded query in each folded text (a substring search, so a Korean word
//! with a particle attached, 한글과, is found by its stem, 한글). Article bodies never change
//! once imported, so an index built again after an edit reuses the folded articles of the
//! index before it ([`SearchIndex::build`]'s `previous`), and of the fan's own texts folds again
//! only the run an edit is in (a show's titles and notes up to an article, or its threads).
//!
//! Pure: no egui, no files. The app builds and queries it on its jobs runtime.

mod fold;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem::Finder;

pub use fold::{Folded, fold, is_hangul_jamo, is_hangul_syllable, query_text};

use super::{AnchorMatch, Article, ArticleId, Library, PredictionId, ShowId, ThreadId};

/// How many hits a search keeps with their snippets (the rest are counted).
pub const MAX_HITS: usize = 300;
/// How many hits in the open article a search keeps, to step through.
pub const MAX_ARTICLE_HITS: usize = 10_000;
/// About how many characters of context a snippet shows before the hit.
const SNIPPET_BEFORE: usize = 28;
/// About how many characters a snippet shows from the hit on.
const SNIPPET_AFTER: usize = 90;

/// Where a text searched is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A show's title.
    ShowTitle,
    /// A show's original-language title.
    OriginalTitle,
    /// The note on a show.
    ShowNote,
    /// An article's headline.
    ArticleTitle(ArticleId),
    /// The note on an article.
    ArticleNote(ArticleId),
    /// A block of an article's text (its index in the article's [`super::Document`]).
    ArticleText(ArticleId, usize),
    /// A thread's question.
    ThreadTitle(ThreadId),
    /// The note on a thread.
    ThreadNote(ThreadId),
    /// A prediction's statement, on its thread.
    Prediction(ThreadId, PredictionId),
}

impl Field {
    /// What it is, in a few words, for the result list.
    pub fn label(self) -> &'static str {
        match self {
            Field::ShowTitle => "Show title",
            Field::OriginalTitle => "Original title",
            Field::ShowNote => "Show note",
            Field::ArticleTitle(_) => "Article title",
            Field::ArticleNote(_) => "Article note",
            Field::ArticleText(..) => "Article",
            Field::ThreadTitle(_) => "Thread",
            Field::ThreadNote(_) => "Thread note",
            Field::Prediction(..) => "Prediction",
        }
    }
}

/// One text of the library, folded.
#[derive(Clone, Debug)]
struct Entry {
    field: Field,
    original: String,
    folded: Folded,
}

impl Entry {
    fn new(field: Field, original: &str) -> Self {
        Self {
            field,
            folded: fold(original),
            original: original.to_owned(),
        }
    }
}

/// One article's text, folded block by block; shared between indexes (it never changes).
#[derive(Debug)]
struct ArticleTexts {
    /// The body it was made from (compared by identity to reuse it).
    body: Arc<str>,
    format: super::ArticleFormat,
    blocks: Vec<Entry>,
}

/// One show's texts in the order results list them: the show's titles and note, each
/// article (title, text, note), then each thread (question, note, predictions).
#[derive(Debug)]
struct ShowTexts {
    show: ShowId,
    /// The show's title, shown above its results.
    title: String,
    /// Runs of entries: the fan's own texts and, between them, shared articles.
    parts: Vec<Part>,
}

#[derive(Debug)]
enum Part {
    Own(Arc<Vec<Entry>>),
    Article(Arc<ArticleTexts>),
}

impl Part {
    fn entries(&self) -> &[Entry] {
        match self {
            Part::Own(entries) => entries,
            Part::Article(article) => &article.blocks,
        }
    }
}

/// The whole library folded for search (see the module's documentation).
#[derive(Debug, Default)]
pub struct SearchIndex {
    shows: Vec<ShowTexts>,
    articles: HashMap<ArticleId, Arc<ArticleTexts>>,
    /// The library's edit generation it was built from (the app's counter).
    pub generation: u64,
}

/// A search's hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The show it is in.
    pub show: ShowId,
    /// The text it is in.
    pub field: Field,
    /// Byte range of the hit in that text (for [`Field::ArticleText`], in the block's text).
    pub range: Range<usize>,
    /// A line of text around the hit.
    pub snippet: Snippet,
}

/// A line of context around a hit, to show in the result list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text (line breaks made spaces; "…" where it was cut).
    pub text: String,
    /// Byte range of the hit in `text`.
    pub hit: Range<usize>,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The query as folded and looked for (empty: nothing was looked for).
    pub query: String,
    /// The first [`MAX_HITS`] hits, by show in library order, each show's in the order of
    /// [`SearchIndex`]'s texts.
    pub hits: Vec<Hit>,
    /// Every hit, kept or not.
    pub total: usize,
    /// The titles of the shows hits are in (for headings), by id.
    pub show_titles: Vec<(ShowId, String)>,
    /// The article stepped through ([`SearchIndex::search`]'s `article`) and its hits, in
    /// reading order (at most [`MAX_ARTICLE_HITS`]).
    pub in_article: Option<(ArticleId, Vec<AnchorMatch>)>,
}

impl SearchIndex {
    /// Folds every text of `library` (see the module's documentation); the articles of
    /// `previous` whose body is the same are reused, not folded again. `generation` is kept
    /// as [`SearchIndex::generation`]. Parses each new article into blocks: milliseconds per
    /// article, hence built off the UI thread.
    pub fn build(library: &Library, previous: Option<&SearchIndex>, generation: u64) -> Self {
        let mut articles = HashMap::new();
        let shows = library
            .shows
            .iter()
            .map(|show| {
                let before = previous.and_then(|p| p.shows.iter().find(|s| s.show == show.id));
                let mut parts = Vec::new();
                let mut own = vec![(Field::ShowTitle, show.title.as_str())];
                if let Some(original) = show.original_title.as_deref().filter(|t| !t.is_empty()) {
                    own.push((Field::OriginalTitle, original));
                }
                push_note(&mut own, Field::ShowNote, &show.note);
                for entry in &show.articles {
                    own.push((Field::ArticleTitle(entry.id), &entry.article.title));
                    parts.push(own_part(before, parts.len(), std::mem::take(&mut own)));
                    let texts = previous
                        .and_then(|p| p.articles.get(&entry.id))
                        .filter(|t| {
                            Arc::ptr_eq(&t.body, &entry.article.body)
                                && t.format == entry.article.format
                        })
                        .cloned()
                        .unwrap_or_else(|| Arc::new(article_texts(entry.id, &entry.article)));
                    articles.insert(entry.id, Arc::clone(&texts));
                    parts.push(Part::Article(texts));
                    push_note(&mut own, Field::ArticleNote(entry.id), &entry.note);
                }
                for thread in &show.threads {
                    own.push((Field::ThreadTitle(thread.id), &thread.title));
                    push_note(&mut own, Field::ThreadNote(thread.id), &thread.note);
                    for prediction in &thread.predictions {
                        let field = Field::Prediction(thread.id, prediction.id);
                        push_note(&mut own, field, &prediction.statement);
                    }
                }
                parts.push(own_part(before, parts.len(), own));
                ShowTexts {
                    show: show.id,
                    title: show.full_title(),
                    parts,
                }
            })
            .collect();
        Self {
            shows,
            articles,
            generation,
        }
    }

    /// Looks for `typed` (what the fan typed, without what an input method is still
    /// composing; folded by [`query_text`]) in every text. Keeps the first [`MAX_HITS`] hits
    /// with snippets, counts all, and keeps every hit in `article` (the one on screen) to step
    /// through. Non-overlapping hits, left to right.
    pub fn search(&self, typed: &str, article: Option<ArticleId>) -> Found {
        let query = query_text(typed);
        let mut found = Found {
            in_article: article.map(|a| (a, Vec::new())),
            ..Found::default()
        };
        if query.is_empty() {
            return found;
        }
        let finder = Finder::new(query.as_bytes());
        for show in &self.shows {
            let mut named = false;
            for entry in show.parts.iter().flat_map(Part::entries) {
                for at in finder.find_iter(entry.folded.text.as_bytes()) {
                    found.total += 1;
                    let range = entry
                        .folded
                        .to_original(at..at + query.len(), &entry.original);
                    if let (Field::ArticleText(id, block), Some((wanted, hits))) =
                        (entry.field, found.in_article.as_mut())
                        && id == *wanted
                        && hits.len() < MAX_ARTICLE_HITS
                    {
                        hits.push(AnchorMatch {
                            block,
                            range: range.clone(),
                        });
                    }
                    if found.hits.len() < MAX_HITS {
                        if !named {
                            found.show_titles.push((show.show, show.title.clone()));
                            named = true;
                        }
                        found.hits.push(Hit {
                            show: show.show,
                            field: entry.field,
                            snippet: snippet(&entry.original, range.clone()),
                            range,
                        });
                    }
                }
            }
        }
        found.query = query;
        found
    }

    /// How many texts it holds (every block of every article counted).
    pub fn len(&self) -> usize {
        self.shows
            .iter()
            .flat_map(|s| s.parts.iter())
            .map(|p| p.entries().len())
            .sum()
    }

    /// Whether it holds no text at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Adds `text` as `field` unless it is empty.
fn push_note<'a>(texts: &mut Vec<(Field, &'a str)>, field: Field, text: &'a str) {
    if !text.trim().is_empty() {
        texts.push((field, text));
    }
}

/// The fan's own `texts` at `at` in a show's parts, folded: the part the show had there in the
/// index before (`before`) when it holds the very same texts, else folded now. So an edit
/// folds again only the run of texts it is in.
fn own_part(before: Option<&ShowTexts>, at: usize, texts: Vec<(Field, &str)>) -> Part {
    if let Some(Part::Own(entries)) = before.and_then(|b| b.parts.get(at))
        && entries.len() == texts.len()
        && entries
            .iter()
            .zip(&texts)
            .all(|(e, (field, text))| e.field == *field && e.original == *text)
    {
        return Part::Own(Arc::clone(entries));
    }
    let entries = texts
        .into_iter()
        .map(|(field, text)| Entry::new(field, text))
        .collect();
    Part::Own(Arc::new(entries))
}

/// An article's blocks, folded.
fn article_texts(id: ArticleId, article: &Article) -> ArticleTexts {
    let document = article.document();
    let blocks = document
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.text.is_empty())
        .map(|(index, b)| Entry::new(Field::ArticleText(id, index), &b.text))
        .collect();
    ArticleTexts {
        body: Arc::clone(&article.body),
        format: article.format,
        blocks,
    }
}

/// The text around `range` of `text`: about [`SNIPPET_BEFORE`] characters before it (from a
/// word's start) and the rest up to about [`SNIPPET_AFTER`] characters, line breaks made
/// spaces, "…" where it was cut.
pub fn snippet(text: &str, range: Range<usize>) -> Snippet {
    let mut start = text[..range.start]
        .char_indices()
        .rev()
        .nth(SNIPPET_BEFORE)
        .map_or(0, |(at, _)| at);
    if start > 0 {
        // From the start of a word.
        if let Some((space, c)) = text[start..range.start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            // Past the space, whatever its width (U+3000 is three bytes).
            start += space + c.len_utf8();
        }
    }
    let end = text[range.start..]
        .char_indices()
        .nth(SNIPPET_AFTER)
        .map_or(text.len(), |(at, _)| range.start + at)
        .max(range.end);
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&clean(&text[start..range.start]));
    let hit_start = out.len();
    out.push_str(&clean(&text[range.clone()]));
    let hit = hit_start..out.len();
    out.push_str(&clean(&text[range.end..end]));
    if end < text.len() {
        out.push('…');
    }
    Snippet { text: out, hit }
}
