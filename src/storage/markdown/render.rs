//! One show as an Obsidian-ready Markdown note (issue 20, item 4):
//!
//! ```text
//! ---                                  front matter (see `front_matter`)
//! …
//! ---
//!
//! # Title (Original title)
//!
//! The show's note.
//!
//! ## Threads
//!
//! - [ ] An open thread                 `- [x]` resolved, `- [-] ~~…~~ (dropped)` dropped
//!
//!   Its note.
//!
//!   - Prediction: what is predicted
//!     - Probability: 25 % (made 2026-11-30; before: 20 % on an unknown day)
//!     - Resolve by: 2027-01-01
//!     - Outcome: pending
//!
//!   > The passage it points at\
//!   > — Article title, as of 2022-03-17
//!
//! ## Articles
//!
//! ### Article title
//!
//! - As of: 2022-03-17
//! - Source: [https://…](<https://…>)
//! - Imported from: /path/to/file.md
//!
//! The article's note.
//! ```
//!
//! A line break the fan typed inside a note or passage is a hard line break (`\` at the end
//! of the line). Every piece of the fan's text goes through `escape`, so nothing typed changes this shape.
//! `- [-]` is the "cancelled" task of Obsidian (and of its Tasks plugin); elsewhere it reads
//! as the words it is, struck through.

use std::fmt::Write as _;

use yaml_rust2::EmitError;

use super::escape::{lines, one_line};
use super::front_matter::front_matter;
use crate::model::{ArticleEntry, Prediction, Show, Thread, ThreadStatus};

/// The whole Markdown note of `show` (front matter, title, note, threads, articles), with
/// `\n` line breaks and one at the end.
///
/// # Errors
/// Only what the YAML emitter can report (nothing in practice).
pub fn show_markdown(show: &Show) -> Result<String, EmitError> {
    let mut out = front_matter(show)?;
    let mut title = one_line(&show.title);
    if let Some(original) = show.original_title.as_deref().map(one_line)
        && !original.is_empty()
    {
        let _ = write!(title, " ({original})");
    }
    if title.is_empty() {
        title = super::file_name::UNTITLED.to_owned();
    }
    let _ = writeln!(out, "\n# {title}");
    paragraphs(&mut out, "", &show.note);
    if !show.threads.is_empty() {
        out.push_str("\n## Threads\n");
        for thread in &show.threads {
            thread_item(&mut out, show, thread);
        }
    }
    if !show.articles.is_empty() {
        out.push_str("\n## Articles\n");
        for entry in show.articles_by_date() {
            article_section(&mut out, entry);
        }
    }
    Ok(out)
}

/// `lines` with a hard line break (a `\` at its end, CommonMark 0.31 "Hard line breaks")
/// after each line followed by another in the same paragraph, so a line the fan ended stays
/// a line in every reader, not only in Obsidian.
fn hard_breaks(mut lines: Vec<String>) -> Vec<String> {
    for index in 1..lines.len() {
        if !lines[index].is_empty() && !lines[index - 1].is_empty() {
            lines[index - 1].push('\\');
        }
    }
    lines
}

/// `text`'s lines, escaped, each after `indent`, after a blank line; nothing when empty.
fn paragraphs(out: &mut String, indent: &str, text: &str) {
    let lines = hard_breaks(lines(text));
    if lines.is_empty() {
        return;
    }
    out.push('\n');
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}

/// A thread as a task item, with its note, predictions and passages inside it.
fn thread_item(out: &mut String, show: &Show, thread: &Thread) {
    let title = match one_line(&thread.title) {
        t if t.is_empty() => "(untitled thread)".to_owned(),
        t => t,
    };
    let _ = match thread.status {
        ThreadStatus::Open => writeln!(out, "\n- [ ] {title}"),
        ThreadStatus::Resolved => writeln!(out, "\n- [x] {title}"),
        ThreadStatus::Dropped => writeln!(out, "\n- [-] ~~{title}~~ (dropped)"),
    };
    paragraphs(out, "  ", &thread.note);
    if !thread.predictions.is_empty() {
        out.push('\n');
        for prediction in &thread.predictions {
            prediction_item(out, prediction);
        }
    }
    for anchor in &thread.anchors {
        out.push('\n');
        let mut quoted = lines(&anchor.quote);
        if let Some(entry) = show.article(anchor.article) {
            quoted.push(format!("— {}", article_label(entry)));
        }
        for line in hard_breaks(quoted) {
            if line.is_empty() {
                out.push_str("  >\n");
            } else {
                let _ = writeln!(out, "  > {line}");
            }
        }
    }
}

/// "Title, as of 2022-03-17" (or the title alone), escaped.
fn article_label(entry: &ArticleEntry) -> String {
    let title = one_line(&entry.article.title);
    match entry.article.as_of {
        Some(date) => format!("{title}, as of {date}"),
        None => title,
    }
}

/// A prediction as a nested list under its thread.
fn prediction_item(out: &mut String, prediction: &Prediction) {
    let statement = match one_line(&prediction.statement) {
        s if s.is_empty() => "(no statement)".to_owned(),
        s => s,
    };
    let _ = writeln!(out, "  - Prediction: {statement}");
    let mut probability = prediction.probability().to_string();
    let made = prediction.made_on().map(|d| format!("made {d}"));
    let given = prediction
        .current
        .on
        .filter(|_| !prediction.earlier.is_empty())
        .map(|d| format!("given {d}"));
    let earlier: Vec<String> = prediction
        .earlier
        .iter()
        .map(|g| match g.on {
            Some(on) => format!("{} on {on}", g.probability),
            None => format!("{} on an unknown day", g.probability),
        })
        .collect();
    let earlier = (!earlier.is_empty()).then(|| format!("before: {}", earlier.join(", ")));
    let details: Vec<String> = [made, given, earlier].into_iter().flatten().collect();
    if !details.is_empty() {
        let _ = write!(probability, " ({})", details.join("; "));
    }
    let _ = writeln!(out, "    - Probability: {probability}");
    if let Some(by) = prediction.resolve_by {
        let _ = writeln!(out, "    - Resolve by: {by}");
    }
    let mut outcome = prediction.outcome.label().to_owned();
    if let Some(on) = prediction.resolved_on {
        let _ = write!(outcome, " (set {on})");
    }
    if let Some(brier) = prediction.brier() {
        let _ = write!(outcome, ", Brier score {brier:.4}");
    }
    let _ = writeln!(out, "    - Outcome: {outcome}");
}

/// An article: its heading, as-of date, source, the file it came from and its note.
fn article_section(out: &mut String, entry: &ArticleEntry) {
    let article = &entry.article;
    let title = match one_line(&article.title) {
        t if t.is_empty() => "(untitled article)".to_owned(),
        t => t,
    };
    let _ = writeln!(out, "\n### {title}\n");
    let as_of = article
        .as_of
        .map_or_else(|| "not known".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "- As of: {as_of}");
    if let Some(url) = article.source_url.as_deref() {
        let _ = writeln!(out, "- Source: [{}](<{}>)", one_line(url), link_target(url));
    }
    if let Some(path) = article.source_path.as_deref() {
        let _ = writeln!(out, "- Imported from: {}", one_line(path));
    }
    paragraphs(out, "", &entry.note);
}

/// `url` as a link destination between `<` and `>`: white space and the characters that
/// would end it (`<`, `>`, `\`) percent-encoded.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{byte:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, ArticleId, Library, ShowId, ThreadId};
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// The task items of `markdown`: (checked, text of the item's first line).
    fn tasks(markdown: &str) -> Vec<(bool, String)> {
        // Marks the end of an item's first paragraph (no text holds it).
        const END: char = '\u{1}';
        let mut found = Vec::new();
        let mut depth = 0;
        let mut current: Option<(bool, String)> = None;
        let options = Options::ENABLE_TASKLISTS | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Item) => depth += 1,
                Event::End(TagEnd::Item) => {
                    depth -= 1;
                    if depth == 0 {
                        found.extend(current.take());
                    }
                }
                Event::TaskListMarker(checked) if depth == 1 => {
                    current = Some((checked, String::new()));
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some((_, text)) = &mut current {
                        text.push(END);
                    }
                }
                Event::Text(t) if depth == 1 => {
                    if let Some((_, text)) = &mut current
                        && !text.ends_with(END)
                    {
                        text.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        found
            .into_iter()
            .map(|(c, t)| (c, t.trim_end_matches(END).to_owned()))
            .collect()
    }

    #[test]
    fn hostile_notes_and_titles_stay_inside_their_task_item() {
        let mut show = Show::new(ShowId(1), "# Show");
        let mut open = Thread::new(ThreadId(2), "Line one\nline two - [ ] x", None);
        open.note = "- [ ] not a task\n# not a heading\n\n1. not a list\n---".into();
        let mut done = Thread::new(ThreadId(3), "Done", None);
        done.status = ThreadStatus::Resolved;
        let mut dropped = Thread::new(ThreadId(4), "*Gone*", None);
        dropped.status = ThreadStatus::Dropped;
        show.threads = vec![open, done, dropped];
        let markdown = show_markdown(&show).unwrap();
        assert_eq!(
            tasks(&markdown),
            [
                (false, "Line one line two - [ ] x".to_owned()),
                (true, "Done".to_owned()),
            ],
            "{markdown}"
        );
        assert!(
            markdown.contains("\n- [-] ~~\\*Gone\\*~~ (dropped)\n"),
            "{markdown}"
        );
        assert!(markdown.contains("\n# \\# Show\n"), "{markdown}");
        assert!(
            markdown.contains("\n  \\- \\[ \\] not a task\\\n"),
            "{markdown}"
        );
    }

    #[test]
    fn passages_are_quoted_with_their_article() {
        let library = Library::default();
        let show = &library.shows[0];
        let article = show.articles[0].id;
        let mut show = show.clone();
        let mut thread = Thread::new(
            ThreadId(99),
            "Two blocks",
            Some(Anchor::new(article, "first\n\n> second", 0)),
        );
        thread
            .anchors
            .push(Anchor::new(ArticleId(12345), "gone article", 0));
        show.threads = vec![thread];
        let markdown = show_markdown(&show).unwrap();
        let title = one_line(&show.articles[0].article.title);
        assert!(
            markdown.contains(&format!(
                "\n  > first\n  >\n  > \\> second\\\n  > — {title}"
            )),
            "{markdown}"
        );
        assert!(markdown.contains("\n  > gone article\n"), "{markdown}");
    }

    #[test]
    fn a_line_break_in_a_note_is_a_hard_break_and_a_blank_line_a_new_paragraph() {
        let mut show = Show::new(ShowId(1), "Show");
        show.note = "one \\\ntwo\n\nthree".into();
        let markdown = show_markdown(&show).unwrap();
        let body = markdown.split("\n# Show\n").nth(1).unwrap();
        let events: Vec<Event> = Parser::new(body).collect();
        let breaks = events.iter().filter(|e| **e == Event::HardBreak).count();
        let paragraphs = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .count();
        assert_eq!((breaks, paragraphs), (1, 2), "{body}");
        let text: String = events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "one \\twothree");
    }

    /// Text made of what Markdown, GitHub and Obsidian give a meaning to, with line breaks.
    fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(r"[-\[\]x #>*_`<>&|~=$%^!\\.)(1a가 \n\t:+{}\x22']{0,40}")
            .unwrap()
    }

    proptest::proptest! {
        #[test]
        fn any_titles_and_notes_leave_one_task_per_thread(
            titles in proptest::collection::vec(hostile_text(), 1..4),
            notes in proptest::collection::vec(hostile_text(), 4),
            statement in hostile_text(),
        ) {
            let mut show = Show::new(ShowId(1), titles[0].clone());
            show.note = notes[3].clone();
            for (index, title) in titles.iter().enumerate() {
                let mut thread = Thread::new(ThreadId(10 + index as u64), title.clone(), None);
                thread.note = notes[index].clone();
                thread.predictions.push(Prediction::new(
                    crate::model::PredictionId(100 + index as u64),
                    statement.clone(),
                    50,
                ));
                if index == 1 {
                    thread.status = ThreadStatus::Resolved;
                }
                show.threads.push(thread);
            }
            let markdown = show_markdown(&show).unwrap();
            let expected: Vec<(bool, String)> = show
                .threads
                .iter()
                .map(|t| {
                    let words = t
                        .title
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let words = if words.is_empty() { "(untitled thread)".to_owned() } else { words };
                    (t.status == ThreadStatus::Resolved, words)
                })
                .collect();
            proptest::prop_assert_eq!(tasks(&markdown), expected, "{}", markdown);
            // Nothing else was made of the text: two headings, one list of one item per
            // thread, each holding one prediction (with its probability and outcome), no quote, no code, no HTML.
            let mut headings = 0;
            let mut depth = 0;
            let mut items_at = [0; 3];
            let mut other = Vec::new();
            let options = Options::ENABLE_TASKLISTS | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
            for event in Parser::new_ext(&markdown, options) {
                match event {
                    Event::Start(Tag::Heading { .. }) => headings += 1,
                    Event::Start(Tag::List(_)) => depth += 1,
                    Event::End(TagEnd::List(_)) => depth -= 1,
                    Event::Start(Tag::Item) => items_at[depth.min(2)] += 1,
                    Event::Start(
                        Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Link { .. },
                    )
                    | Event::Html(_)
                    | Event::InlineHtml(_)
                    | Event::Code(_) => other.push(format!("{event:?}")),
                    _ => {}
                }
            }
            let threads = show.threads.len();
            proptest::prop_assert_eq!(headings, 2, "{}", markdown);
            proptest::prop_assert_eq!(items_at, [0, threads, threads * 3], "{}", markdown);
            proptest::prop_assert!(other.is_empty(), "{:?} in {}", other, markdown);
        }
    }

    #[test]
    fn link_targets_are_kept_whole() {
        assert_eq!(
            link_target("https://example.com/a b<c>"),
            "https://example.com/a%20b%3Cc%3E"
        );
    }
}
