//! Markdown articles: front matter read and removed, datelines near the top read and removed,
//! and the title taken from the first block when it is a level-1 heading (ATX `# …` or setext
//! `…` over `===`), as `pulldown-cmark` parses it: closing `#`s and inline markup are gone, and
//! a number at the start of the headline stays.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Parts;
use super::front_matter;
use super::text::{lines, take_leading_dates};

/// The extensions the article view renders too (GitHub-flavoured Markdown).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Imports cleaned Markdown text.
pub fn import_markdown(text: &str) -> Parts {
    let (front, text) = match front_matter::split(text) {
        Some((front, rest)) => (front, rest),
        None => (Default::default(), text),
    };
    let mut lines = lines(text);
    let dateline = take_leading_dates(&mut lines, is_not_prose);
    let mut body = lines.join("\n");
    let heading = first_h1(&body);
    let title = match (front.title, heading) {
        (Some(title), Some((text, range))) => {
            if same_words(&title, &text) {
                body.replace_range(range, "");
            }
            Some(title)
        }
        (Some(title), None) => Some(title),
        (None, Some((text, range))) => {
            body.replace_range(range, "");
            Some(text)
        }
        (None, None) => None,
    };
    Parts {
        title,
        as_of: front.as_of.or(dateline),
        body: body.trim_matches('\n').to_owned(),
        source_url: front.source_url,
    }
}

/// Lines passed over when looking for datelines: headings, fences, quotes, tables, HTML.
fn is_not_prose(line: &str) -> bool {
    line.starts_with(['#', '>', '|', '<', '`', '~', '=']) || line.starts_with("---")
}

/// The first block when it is a level-1 heading with text: its text (inline markup dropped,
/// line breaks as spaces) and its byte range in `markdown`. Leading HTML comments are passed
/// over.
pub fn first_h1(markdown: &str) -> Option<(String, std::ops::Range<usize>)> {
    let mut events = Parser::new_ext(markdown, options()).into_offset_iter();
    let range = loop {
        match events.next()? {
            (Event::Start(Tag::HtmlBlock), _) => {
                for (event, _) in events.by_ref() {
                    match event {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(html) if html.trim().starts_with("<!--") => {}
                        _ => return None,
                    }
                }
            }
            (
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }),
                range,
            ) => break range,
            _ => return None,
        }
    };
    let mut title = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(text) | Event::Code(text) => title.push_str(&text),
            Event::SoftBreak | Event::HardBreak => title.push(' '),
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                title.push(' ');
            }
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some((title, range))
}

/// Whether two titles have the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn front_matter_title_date_and_source_and_duplicate_heading_removed() {
        let parts = import_markdown(
            "---\ntitle: \"Harbor Lights renewal watch\"\nsource: https://example.org/h\npublished: 2023-06-02\n---\n\n# Harbor Lights renewal watch\n\nThe network is silent.\n",
        );
        assert_eq!(parts.title.as_deref(), Some("Harbor Lights renewal watch"));
        assert_eq!(parts.as_of, Some(date(2023, 6, 2)));
        assert_eq!(parts.source_url.as_deref(), Some("https://example.org/h"));
        assert_eq!(parts.body, "The network is silent.");
    }

    #[test]
    fn atx_heading_with_closing_hashes_markup_and_a_leading_number() {
        let parts = import_markdown("# 2 seasons of *Harbor Lights* ##\n\nBody.");
        assert_eq!(parts.title.as_deref(), Some("2 seasons of Harbor Lights"));
        assert_eq!(parts.body, "Body.");
        let parts = import_markdown("# 1. Who returns? #\n\nBody.");
        assert_eq!(parts.title.as_deref(), Some("1. Who returns?"));
    }

    #[test]
    fn setext_heading_and_dateline_under_it() {
        let parts = import_markdown(
            "Season two, `maybe`\n===================\n\n*By Kim Min-ji | March 17, 2022*\n\nBody text.",
        );
        assert_eq!(parts.title.as_deref(), Some("Season two, maybe"));
        assert_eq!(parts.as_of, Some(date(2022, 3, 17)));
        assert_eq!(parts.body, "Body text.");
    }

    #[test]
    fn a_later_or_lower_heading_is_not_the_title() {
        let parts = import_markdown("Intro paragraph.\n\n# Heading\n");
        assert_eq!(parts.title, None);
        assert_eq!(parts.body, "Intro paragraph.\n\n# Heading");
        let parts = import_markdown("## Section\n\nText.");
        assert_eq!(parts.title, None);
    }

    #[test]
    fn leading_comment_is_passed_over_and_a_different_heading_kept() {
        let parts = import_markdown("<!-- clipped -->\n# Real title\n\nText.");
        assert_eq!(parts.title.as_deref(), Some("Real title"));
        let parts = import_markdown("---\ntitle: Other\n---\n# Real title\n\nText.");
        assert_eq!(parts.title.as_deref(), Some("Other"));
        assert!(parts.body.starts_with("# Real title"));
    }
}
