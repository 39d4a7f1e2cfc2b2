//! A deterministic generator of large libraries, for benchmarks, tests and the startup script
//! (dev-only: not part of the crate; benches and examples include it with
//! `#[path = "../tests/support/generate.rs"] mod generate;`, the integration tests with
//! `#[path = "../support/generate.rs"]`). It uses only the model's public API.
//!
//! Same shape in, same library out: the text comes from a small word list driven by a
//! linear congruential generator, so no random-number crate and no checked-in data file is
//! needed. Each show has one article; the first show's article is the largest.

// Each program that includes this file uses a part of it.
#![allow(dead_code)]

use fan_tracker::model::{
    Anchor, Article, ArticleEntry, ArticleFormat, ArticleId, Document, Library, Outcome,
    Prediction, PredictionId, Show, ShowId, Thread, ThreadId, ThreadStatus,
};

/// How big a generated library is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibraryShape {
    /// Number of shows (each with one article).
    pub shows: usize,
    /// Number of threads, spread evenly over the shows.
    pub threads: usize,
    /// Number of notes: one per thread and one per article, then predictions (each a short
    /// note with a probability) for the rest.
    pub notes: usize,
    /// Size in bytes of the first show's Markdown article; the others get
    /// articles of a few kilobytes.
    pub article_bytes: usize,
}

impl LibraryShape {
    /// The large library of the performance budgets: 50 shows, 5,000 threads, 10,000 notes
    /// and a 1 MB article.
    pub const LARGE: LibraryShape = LibraryShape {
        shows: 50,
        threads: 5_000,
        notes: 10_000,
        article_bytes: 1 << 20,
    };

    /// One show with `threads` threads, a note on each and an article of a few kilobytes.
    pub fn one_show(threads: usize) -> LibraryShape {
        LibraryShape {
            shows: 1,
            threads,
            notes: threads + 1,
            article_bytes: SMALL_ARTICLE_BYTES,
        }
    }

    /// This shape with every count and size divided by `divisor` (at least one show).
    pub fn divided_by(self, divisor: usize) -> LibraryShape {
        let divisor = divisor.max(1);
        LibraryShape {
            shows: (self.shows / divisor).max(1),
            threads: self.threads / divisor,
            notes: self.notes / divisor,
            article_bytes: self.article_bytes / divisor,
        }
    }
}

/// Size of the articles of all shows but the first.
const SMALL_ARTICLE_BYTES: usize = 6_000;

const WORDS: [&str; 48] = [
    "season",
    "episode",
    "finale",
    "cast",
    "director",
    "network",
    "studio",
    "ratings",
    "fans",
    "script",
    "writer",
    "romance",
    "mother",
    "brother",
    "castle",
    "book",
    "fairy",
    "tale",
    "hospital",
    "renewal",
    "rumour",
    "interview",
    "trailer",
    "premiere",
    "villain",
    "secret",
    "memory",
    "childhood",
    "butterfly",
    "promise",
    "return",
    "ending",
    "question",
    "answer",
    "contract",
    "schedule",
    "filming",
    "broadcast",
    "review",
    "audience",
    "chapter",
    "letter",
    "the",
    "a",
    "of",
    "and",
    "would",
    "never",
];

/// A small deterministic pseudo-random generator (Knuth's MMIX LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    /// A sentence of `min..min+spread` words, capitalised, ending with a full stop.
    fn sentence(&mut self, min: usize, spread: usize) -> String {
        let count = min + self.below(spread);
        let mut out = String::new();
        for i in 0..count {
            let word = self.word();
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        out
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        let parts: Vec<String> = (0..sentences).map(|_| self.sentence(6, 12)).collect();
        parts.join(" ")
    }
}

/// Builds a library of the given shape; the same shape always gives the same library.
pub fn generate_library(shape: &LibraryShape) -> Library {
    let mut rng = Lcg(0x5eed_f00d);
    let mut library = Library::empty();
    let shows = shape.shows.max(1);
    let extra_notes = shape.notes.saturating_sub(shape.threads + shows);
    let mut predictions_left = extra_notes;
    for d in 0..shows {
        let bytes = if d == 0 {
            shape.article_bytes
        } else {
            SMALL_ARTICLE_BYTES
        };
        let body = markdown_article(&mut rng, bytes);
        let title = rng.sentence(2, 3);
        let mut show = Show::new(
            ShowId(library.allocate_id()),
            format!("Show {}: {}", d + 1, title.trim_end_matches('.')),
        );
        let article = Article {
            title: format!("Article {}: {}", d + 1, rng.sentence(4, 6)),
            as_of: jiff::civil::Date::new(2024, 1 + (d % 12) as i8, 1 + (d % 28) as i8).ok(),
            format: ArticleFormat::Markdown,
            body: body.into(),
            source_path: None,
            source_url: None,
        };
        let mut entry = ArticleEntry::new(ArticleId(library.allocate_id()), article);
        let threads_here = shape.threads / shows + usize::from(d < shape.threads % shows);
        let predictions_here =
            extra_notes / shows + usize::from(d < extra_notes % shows).min(predictions_left);
        predictions_left -= predictions_here.min(predictions_left);
        let document = entry.article.document();
        show.threads = (0..threads_here)
            .map(|t| {
                let anchor = quote_anchor(&mut rng, &document, entry.id, t);
                let mut thread = Thread::new(
                    ThreadId(library.allocate_id()),
                    format!("Thread {}: {}", t + 1, rng.sentence(5, 10)),
                    anchor,
                );
                thread.status = match t % 7 {
                    5 => ThreadStatus::Resolved,
                    6 => ThreadStatus::Dropped,
                    _ => ThreadStatus::Open,
                };
                let sentences = 1 + rng.below(3);
                thread.note = rng.paragraph(sentences);
                thread
            })
            .collect();
        entry.note = rng.paragraph(2);
        show.articles.push(entry);
        add_predictions(&mut library, &mut rng, &mut show, predictions_here);
        library.shows.push(show);
    }
    library
}

/// Spreads `count` predictions over the threads of `show`, round robin.
fn add_predictions(library: &mut Library, rng: &mut Lcg, show: &mut Show, count: usize) {
    let thread_count = show.threads.len();
    if thread_count == 0 {
        return;
    }
    for p in 0..count {
        let outcome = match p % 4 {
            0 => Outcome::Yes,
            1 => Outcome::No,
            _ => Outcome::Pending,
        };
        let prediction = Prediction {
            resolve_by: jiff::civil::Date::new(2026 + (p % 3) as i16, 12, 31).ok(),
            outcome,
            // No days: a generated library must also read back from format 1, which kept none.
            ..Prediction::new(
                PredictionId(library.allocate_id()),
                rng.sentence(5, 8),
                rng.below(101) as u8,
            )
        };
        if let Some(thread) = show.threads.get_mut(p % thread_count) {
            thread.predictions.push(prediction);
        }
    }
}

/// A Markdown article of about `bytes` bytes: sections with headings, paragraphs, some
/// emphasis, quotes and list items.
fn markdown_article(rng: &mut Lcg, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut section = 0;
    while out.len() < bytes {
        if section % 6 == 0 {
            out.push_str(&format!(
                "## Part {}: {}\n\n",
                section / 6 + 1,
                rng.sentence(3, 4)
            ));
        }
        match section % 9 {
            4 => out.push_str(&format!("> {}\n\n", rng.paragraph(2))),
            7 => {
                for _ in 0..3 {
                    out.push_str(&format!("- {}\n", rng.sentence(4, 8)));
                }
                out.push('\n');
            }
            _ => {
                let sentences = 3 + rng.below(5);
                let paragraph = rng.paragraph(sentences);
                let (head, tail) = paragraph.split_at(paragraph.find(' ').unwrap_or(0));
                out.push_str(&format!("*{head}*{tail}\n\n"));
            }
        }
        section += 1;
    }
    out
}

/// An anchor on a few words of a block of `document`, or none for every third thread.
fn quote_anchor(
    rng: &mut Lcg,
    document: &Document,
    article: ArticleId,
    t: usize,
) -> Option<Anchor> {
    if t % 3 == 2 || document.blocks.is_empty() {
        return None;
    }
    let block = rng.below(document.blocks.len());
    let text = &document.blocks[block].text;
    let words: Vec<&str> = text.split(' ').take(6).collect();
    let quote = words.join(" ");
    (!quote.trim().is_empty()).then(|| Anchor::new(article, quote, block))
}
