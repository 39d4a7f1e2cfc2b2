//! The suggester's quality on the evaluation set in `tests/eval/` (issue 9).
//!
//! Each article `NN-name.md` or `.txt` has a hand annotation `NN-name.json`: the open threads a
//! reader would list, each with the sentences that raise it. The articles are written in our
//! own words in the shapes fans bring (renewal speculation, finale explained, cast news, a list
//! article with headings, a plain-text paste with a date marker, Korean articles, fan essays
//! and theories, an interview, a cancellation, a fully settled piece).
//!
//! - recall: the share of annotated threads that a suggestion covers with one of their
//!   sentences, each suggestion counting for one thread only (the one it covers with most
//!   sentences; ties go to the thread of its best passage, then the first), so one suggestion
//!   that lumps two threads together covers only one of them;
//! - precision: the share of suggestions that cover an annotated thread.
//!
//! Run `cargo test --test integration suggest_eval -- --nocapture` to see the figures and
//! every suggestion.

use std::path::{Path, PathBuf};

use fan_tracker::cli::suggest::read_article;
use fan_tracker::model::Document;
use fan_tracker::model::suggest::{Suggestion, suggest};
use serde::Deserialize;

/// The lowest recall accepted (issue 9).
const MIN_RECALL: f64 = 0.9;
/// The lowest precision accepted (issue 9).
const MIN_PRECISION: f64 = 0.75;

/// A hand annotation: the open threads of one article.
#[derive(Deserialize)]
struct Annotation {
    /// What shape of article this is.
    shape: String,
    threads: Vec<AnnotatedThread>,
}

#[derive(Deserialize)]
struct AnnotatedThread {
    question: String,
    sentences: Vec<String>,
}

/// Loads an evaluation article the way the app imports a file.
fn load_article(path: &Path) -> Document {
    read_article(path)
        .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()))
        .document()
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

/// Every article of the set with its annotation, in file-name order.
fn eval_set() -> Vec<(PathBuf, Annotation)> {
    let mut articles: Vec<PathBuf> = std::fs::read_dir(eval_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    articles.sort();
    articles
        .into_iter()
        .map(|path| {
            let json = std::fs::read_to_string(path.with_extension("json"))
                .unwrap_or_else(|e| panic!("annotation of {}: {e}", path.display()));
            let annotation: Annotation = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("annotation of {}: {e}", path.display()));
            (path, annotation)
        })
        .collect()
}

/// White space collapsed, for comparing sentences.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a passage and an annotated sentence are the same sentence (one may hold the other
/// when the splitter and the annotator cut a sentence differently).
fn same_sentence(passage: &str, sentence: &str) -> bool {
    let (p, s) = (normal(passage), normal(sentence));
    p.contains(&s) || s.contains(&p)
}

/// How many of `thread`'s sentences `suggestion` holds.
fn covered(suggestion: &Suggestion, thread: &AnnotatedThread) -> usize {
    thread
        .sentences
        .iter()
        .filter(|s| {
            suggestion
                .passages
                .iter()
                .any(|p| same_sentence(&p.text, s))
        })
        .count()
}

/// The thread a suggestion stands for: most sentences covered, then its best passage's thread.
fn assigned_thread(suggestion: &Suggestion, threads: &[AnnotatedThread]) -> Option<usize> {
    let best_text = &suggestion.passages[suggestion.best].text;
    let holds_best = |t: &AnnotatedThread| t.sentences.iter().any(|s| same_sentence(best_text, s));
    threads
        .iter()
        .enumerate()
        .map(|(i, t)| (covered(suggestion, t), holds_best(t), i))
        .filter(|&(n, _, _)| n > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)))
        .map(|(_, _, i)| i)
}

/// Counts over the whole set.
#[derive(Default, Debug)]
struct Tally {
    threads: usize,
    threads_found: usize,
    threads_touched: usize,
    suggestions: usize,
    suggestions_on_thread: usize,
    /// Suggestions standing for a thread an earlier suggestion already stands for.
    repeats: usize,
}

fn score_set() -> Tally {
    let mut tally = Tally::default();
    let set = eval_set();
    assert!(
        set.len() >= 10,
        "the evaluation set has {} articles",
        set.len()
    );
    for (path, annotation) in &set {
        let document = load_article(path);
        let name = path.file_name().unwrap().to_string_lossy();
        println!("\n== {name} ({})", annotation.shape);
        let suggestions = suggest(&document);
        let mut found = vec![false; annotation.threads.len()];
        for suggestion in &suggestions {
            let thread = assigned_thread(suggestion, &annotation.threads);
            if let Some(t) = thread {
                tally.repeats += usize::from(found[t]);
                found[t] = true;
                tally.suggestions_on_thread += 1;
            }
            let verdict = thread.map_or("NOT ANNOTATED".to_owned(), |t| {
                format!("-> {}", annotation.threads[t].question)
            });
            println!("  + {}  [{verdict}]", suggestion.title);
            for (k, passage) in suggestion.passages.iter().enumerate() {
                let mark = if k == suggestion.best { '*' } else { ' ' };
                println!("      {mark} {}", passage.text);
            }
        }
        for (thread, found) in annotation.threads.iter().zip(&found) {
            let touched = suggestions.iter().any(|s| covered(s, thread) > 0);
            tally.threads_touched += usize::from(touched);
            if !found {
                println!("  MISSED: {}", thread.question);
            }
        }
        tally.threads += annotation.threads.len();
        tally.threads_found += found.iter().filter(|f| **f).count();
        tally.suggestions += suggestions.len();
    }
    tally
}

#[test]
fn suggester_meets_recall_and_precision_on_the_evaluation_set() {
    let tally = score_set();
    let recall = tally.threads_found as f64 / tally.threads as f64;
    let precision = tally.suggestions_on_thread as f64 / tally.suggestions.max(1) as f64;
    let touched = tally.threads_touched as f64 / tally.threads as f64;
    println!(
        "\nrecall {recall:.3} ({} of {} threads; {:.3} counting a suggestion for every thread it touches), precision {precision:.3} ({} of {} suggestions; {} of them repeat a thread already suggested)",
        tally.threads_found,
        tally.threads,
        touched,
        tally.suggestions_on_thread,
        tally.suggestions,
        tally.repeats
    );
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} is below {MIN_RECALL}"
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} is below {MIN_PRECISION}"
    );
}

#[test]
fn every_annotated_sentence_is_in_its_article() {
    for (path, annotation) in eval_set() {
        let document = load_article(&path);
        let text = normal(
            &document
                .blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        for thread in &annotation.threads {
            assert!(!thread.sentences.is_empty(), "{}", thread.question);
            for sentence in &thread.sentences {
                assert!(
                    text.contains(&normal(sentence)),
                    "{}: annotated sentence not in the article: {sentence}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn a_fully_settled_article_yields_nothing() {
    let settled: Vec<_> = eval_set()
        .into_iter()
        .filter(|(_, a)| a.threads.is_empty())
        .collect();
    assert!(!settled.is_empty(), "the set has no fully settled article");
    for (path, _) in settled {
        let suggestions = suggest(&load_article(&path));
        let titles: Vec<_> = suggestions.iter().map(|s| &s.title).collect();
        assert!(titles.is_empty(), "{}: {titles:?}", path.display());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Whatever the text, the suggester does not panic, and what it returns holds together.
    #[test]
    fn any_text_gives_well_formed_suggestions(
        text in "(\\PC{0,40}( (will|could|whether|rumoured|미정|할까|Mr\\.|U\\.S\\.|\\?|\\.|season 2|no confirmation) )?){0,12}"
    ) {
        for document in [Document::from_plain_text(&text), Document::from_markdown(&text)] {
            for suggestion in suggest(&document) {
                proptest::prop_assert!(suggestion.title.ends_with('?'));
                proptest::prop_assert!(suggestion.title.chars().count() <= 80);
                proptest::prop_assert!(suggestion.best < suggestion.passages.len());
                for passage in &suggestion.passages {
                    let block = &document.blocks[passage.block].text;
                    proptest::prop_assert_eq!(&block[passage.range.clone()], passage.text.as_str());
                }
            }
        }
    }
}
