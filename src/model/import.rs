//! Turning bytes a user opened or pasted into an [`Article`].
//!
//! Plain text copied from a news site is the common case: one paragraph per line or blank-line
//! separated, perhaps a leading `date YYYY-MM-DD` marker, no headings. The date becomes the
//! as-of date and the first line (when it reads like a headline) or first sentence the title.

use jiff::civil::Date;
use thiserror::Error;

use super::{Article, ArticleFormat};

/// The largest article accepted, in bytes (16 MiB). Larger files are refused with an error.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The title of an article whose text gives none (e.g. only punctuation).
const UNTITLED: &str = "Untitled article";
/// The longest first line still taken as a headline, in characters.
const MAX_HEADLINE_CHARS: usize = 140;
/// The longest title made from a first sentence, in characters.
const MAX_SENTENCE_TITLE_CHARS: usize = 90;

/// Why bytes could not become an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are not UTF-8 text.
    #[error(
        "this is not UTF-8 text (invalid byte at position {position}); save it as UTF-8 text or Markdown and try again"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        position: usize,
    },
    /// The bytes are over [`MAX_ARTICLE_BYTES`].
    #[error(
        "the file is too large for an article ({size_bytes} bytes; the limit is {limit_bytes} bytes)"
    )]
    TooLarge {
        /// The size offered.
        size_bytes: usize,
        /// The limit.
        limit_bytes: usize,
    },
    /// There is no text at all.
    #[error("there is no text in it")]
    Empty,
}

/// Builds an article from raw bytes.
///
/// `format` says how the body is written; `source_path` is remembered for re-opening.
pub fn import_article(
    bytes: &[u8],
    format: ArticleFormat,
    source_path: Option<String>,
) -> Result<Article, ImportError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            size_bytes: bytes.len(),
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        position: e.valid_up_to(),
    })?;
    if text.contains('\0') {
        return Err(ImportError::NotUtf8 {
            position: text.find('\0').unwrap_or(0),
        });
    }
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");

    let mut lines: Vec<&str> = text.lines().collect();
    let as_of = take_date_marker(&mut lines);
    let title = match format {
        ArticleFormat::Markdown => take_markdown_title(&mut lines),
        ArticleFormat::PlainText => take_headline(&mut lines),
    };
    let body = lines.join("\n").trim_matches('\n').to_owned();
    if body.trim().is_empty() && title.is_none() {
        return Err(ImportError::Empty);
    }
    let title = title
        .or_else(|| first_sentence_title(&body))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| UNTITLED.to_owned());
    Ok(Article {
        title,
        as_of,
        format,
        body,
        source_path,
    })
}

/// Guesses the format of pasted text: Markdown when a line starts with a `#` heading.
pub fn guess_format(text: &str) -> ArticleFormat {
    let has_heading = text.lines().any(|l| {
        let hashes = l.chars().take_while(|c| *c == '#').count();
        (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
    });
    if has_heading {
        ArticleFormat::Markdown
    } else {
        ArticleFormat::PlainText
    }
}

/// Removes a `date YYYY-MM-DD` (or `Date: YYYY-MM-DD`) line among the first non-empty lines.
fn take_date_marker(lines: &mut Vec<&str>) -> Option<Date> {
    let candidates: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i)
        .take(3)
        .collect();
    for index in candidates {
        if let Some(date) = parse_date_marker(lines[index]) {
            lines.remove(index);
            return Some(date);
        }
    }
    None
}

fn parse_date_marker(line: &str) -> Option<Date> {
    let line = line.trim();
    let lower = line.to_ascii_lowercase();
    let rest = lower.strip_prefix("date")?;
    let rest = rest.trim_start_matches([':', ' ', '\t']);
    rest.trim().parse::<Date>().ok()
}

/// Takes the first line when it is a `#` heading.
fn take_markdown_title(lines: &mut Vec<&str>) -> Option<String> {
    let index = lines.iter().position(|l| !l.trim().is_empty())?;
    let heading = lines[index].trim().strip_prefix("# ")?;
    // The title is plain text: drop emphasis marks and other inline markup.
    let title = super::Document::from_markdown(heading)
        .blocks
        .first()
        .map(|b| b.text.trim().to_owned())
        .filter(|t| !t.is_empty())?;
    lines.remove(index);
    Some(title)
}

/// Takes the first line as the title when it reads like a headline: short, and not the first
/// line of a run of text (it is followed by more lines and does not end like a sentence).
fn take_headline(lines: &mut Vec<&str>) -> Option<String> {
    let index = lines.iter().position(|l| !l.trim().is_empty())?;
    let first = lines[index].trim();
    let has_more = lines[index + 1..].iter().any(|l| !l.trim().is_empty());
    let sentence_like = first.ends_with('.') || first.ends_with(',') || first.ends_with(';');
    if has_more && !sentence_like && first.chars().count() <= MAX_HEADLINE_CHARS {
        let title = first.to_owned();
        lines.remove(index);
        Some(title)
    } else {
        None
    }
}

/// The first sentence of the body, shortened with an ellipsis when long.
fn first_sentence_title(body: &str) -> Option<String> {
    let first_line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let first_line = first_line.trim_start_matches(['#', ' ']);
    let end = first_line
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '.' | '!' | '?' | '。')
                && first_line[i + c.len_utf8()..].starts_with([' ', '\t'])
        })
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(first_line.len());
    let sentence = first_line[..end].trim();
    if sentence.chars().count() <= MAX_SENTENCE_TITLE_CHARS {
        return Some(sentence.to_owned());
    }
    let cut: String = sentence.chars().take(MAX_SENTENCE_TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > MAX_SENTENCE_TITLE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    Some(format!("{}…", cut.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Result<Article, ImportError> {
        import_article(text.as_bytes(), ArticleFormat::PlainText, None)
    }

    #[test]
    fn news_paste_with_date_and_headline() {
        let article = plain(
            "date 2023-05-01\nShow renewed for a second season\nThe studio said so.\nFans cheered.",
        )
        .unwrap();
        assert_eq!(article.title, "Show renewed for a second season");
        assert_eq!(article.as_of, Some(jiff::civil::date(2023, 5, 1)));
        assert_eq!(article.body, "The studio said so.\nFans cheered.");
    }

    #[test]
    fn first_sentence_when_no_headline() {
        let article = plain("The studio said so today. Fans cheered loudly.").unwrap();
        assert_eq!(article.title, "The studio said so today.");
        assert_eq!(
            article.body,
            "The studio said so today. Fans cheered loudly."
        );
    }

    #[test]
    fn long_first_sentence_is_shortened_on_a_word() {
        let long = "word ".repeat(60);
        let article = plain(&long).unwrap();
        assert!(article.title.ends_with('…'));
        assert!(article.title.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
    }

    #[test]
    fn markdown_heading_is_title() {
        let article = import_article(
            b"Date: 2022-03-17\n# Title *here*\n\nBody *text*.",
            ArticleFormat::Markdown,
            None,
        )
        .unwrap();
        assert_eq!(article.title, "Title here");
        assert_eq!(article.as_of, Some(jiff::civil::date(2022, 3, 17)));
        assert_eq!(article.body, "Body *text*.");
    }

    #[test]
    fn rejects_binary_empty_and_huge() {
        assert!(matches!(
            import_article(&[0x66, 0xff, 0xfe], ArticleFormat::PlainText, None),
            Err(ImportError::NotUtf8 { position: 1 })
        ));
        assert_eq!(plain(" \n\n "), Err(ImportError::Empty));
        let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(
            import_article(&huge, ArticleFormat::PlainText, None),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn korean_text_and_crlf() {
        let article = plain("사이코지만 괜찮아 시즌2?\r\n팬들은 기다린다.\r\n").unwrap();
        assert_eq!(article.title, "사이코지만 괜찮아 시즌2?");
        assert_eq!(article.body, "팬들은 기다린다.");
    }

    #[test]
    fn text_without_words_gets_a_placeholder_title() {
        let article = import_article(b"#\n", ArticleFormat::Markdown, None).unwrap();
        assert_eq!(article.title, UNTITLED);
    }

    #[test]
    fn guesses_markdown_by_heading() {
        assert_eq!(guess_format("# Hi\ntext"), ArticleFormat::Markdown);
        assert_eq!(guess_format("#hashtag text"), ArticleFormat::PlainText);
    }
}
