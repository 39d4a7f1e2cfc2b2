//! Turning bytes a user brings into an [`Article`]: the one entry point, [`import`], used by
//! every way an article arrives (a file named on the command line, the file picker, a file
//! dropped on the window, pasted text).
//!
//! The steps, each in a file of its own:
//! 1. [`encoding`]: bytes to text (byte-order marks, UTF-8, UTF-16, legacy encodings guessed
//!    by `chardetng`); binary files refused.
//! 2. The kind: by the file's extension, else by the content (HTML, Markdown, plain text).
//! 3. [`text::clean`]: invisible characters removed, no-break spaces as spaces, NFC.
//! 4. The kind's reader: [`text`] (datelines, bylines, headline), [`markdown`] (front matter,
//!    first heading), [`html`] (Readability, then Markdown).
//! 5. A title for any article: the reader's, else the first sentence, else "Untitled article".

mod dates;
pub(crate) use dates::month;
mod encoding;
mod front_matter;
mod html;
mod markdown;
mod page_meta;
mod text;

use jiff::civil::Date;
use thiserror::Error;

use super::{Article, ArticleFormat};

pub use dates::parse_date_value;

/// The largest article accepted, in bytes (16 MiB). Larger files are refused with an error.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The title of an article whose text gives none (e.g. only punctuation).
pub const UNTITLED: &str = "Untitled article";
/// The longest title made from a first sentence, in characters.
const MAX_SENTENCE_TITLE_CHARS: usize = 90;

/// Where the bytes came from: a file (its name or path, for the extension) or the clipboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin<'a> {
    /// A file; only the extension of this name or path is used (`.md`, `.html`, `.txt`…).
    File(&'a str),
    /// Text pasted into the window; the kind is told from the content.
    Pasted,
}

/// What kind of document the bytes were read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Plain text.
    PlainText,
    /// Markdown (CommonMark with GitHub's extensions).
    Markdown,
    /// An HTML page or fragment, stored as Markdown.
    Html,
}

/// An imported article and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The article (its `source_path` is `None`; the caller knows the path).
    pub article: Article,
    /// The encoding assumed when the bytes were not UTF-8 (WHATWG name, e.g. `"EUC-KR"`).
    pub encoding: Option<&'static str>,
    /// What the bytes were read as.
    pub kind: SourceKind,
}

/// Why bytes could not become an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are a binary file, not text.
    #[error("this is {what}, not text; open a text, Markdown or HTML file")]
    Binary {
        /// What it looks like, in words ("a PDF document", "binary data …").
        what: &'static str,
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
    /// An HTML page with no article in it (a login wall, an index of links).
    #[error(
        "no article was found on this page (it may be a sign-in page or a list of links); open the article's own page, or copy its text and paste it"
    )]
    NoArticle,
}

/// Builds an article from the bytes of a file or of pasted text.
///
/// The kind is taken from the file's extension (`md`/`markdown`/… Markdown, `html`/`htm`
/// HTML, `txt`/`text` plain text), else from the content ([`detect_kind`]). All text is
/// cleaned and normalised to NFC; see the module docs for the steps.
///
/// # Errors
/// [`ImportError::TooLarge`] over [`MAX_ARTICLE_BYTES`]; [`ImportError::Binary`] for images,
/// PDFs, archives and anything with NUL bytes; [`ImportError::Empty`] with no text;
/// [`ImportError::NoArticle`] for an HTML page without an article.
pub fn import(bytes: &[u8], origin: Origin<'_>) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            size_bytes: bytes.len(),
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    let by_extension = match origin {
        Origin::File(name) => kind_by_extension(name),
        Origin::Pasted => None,
    };
    let sniff_html = by_extension.is_none_or(|k| k == SourceKind::Html);
    let decoded = encoding::decode(bytes, sniff_html)?;
    let kind = by_extension.unwrap_or_else(|| detect_kind(&decoded.text));
    let parts = match kind {
        SourceKind::Html => html::import_html(&decoded.text)?,
        SourceKind::Markdown => markdown::import_markdown(&text::clean(&decoded.text)),
        SourceKind::PlainText => text::import_plain(&text::clean(&decoded.text)),
    };
    let article = parts.into_article(match kind {
        SourceKind::PlainText => ArticleFormat::PlainText,
        SourceKind::Markdown | SourceKind::Html => ArticleFormat::Markdown,
    })?;
    Ok(Imported {
        article,
        encoding: decoded.encoding,
        kind,
    })
}

/// The kind a file's extension names, if it names one.
pub fn kind_by_extension(name: &str) -> Option<SourceKind> {
    let extension = std::path::Path::new(name)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    match extension.as_str() {
        "md" | "markdown" | "mdown" | "mkd" | "mdwn" => Some(SourceKind::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(SourceKind::Html),
        "txt" | "text" => Some(SourceKind::PlainText),
        _ => None,
    }
}

/// The kind told from the content: HTML when it is a page or a fragment of elements,
/// Markdown when it has front matter or Markdown's syntax (a `#` heading, a fence, a quote, a
/// table, a link, two or more list items), else plain text.
pub fn detect_kind(text: &str) -> SourceKind {
    if html::looks_like_html(text) {
        return SourceKind::Html;
    }
    let trimmed = text.trim_start_matches('\u{feff}');
    if front_matter::split(trimmed).is_some() {
        return SourceKind::Markdown;
    }
    let markdown_line = |line: &str| {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        ((1..=6).contains(&hashes) && line[hashes..].starts_with(' '))
            || line.starts_with("```")
            || line.starts_with("~~~")
            || line.starts_with("> ")
            || (line.starts_with('|') && line.trim_end().ends_with('|'))
            || line.starts_with("===")
    };
    let list_item = |line: &&str| {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        line.starts_with("- ")
            || line.starts_with("* ")
            || (digits > 0
                && (line[digits..].starts_with(". ") || line[digits..].starts_with(") ")))
    };
    let has_link = trimmed.contains("](") && trimmed.contains('[');
    let lists = trimmed.lines().take(400).filter(list_item).count() >= 2;
    if has_link || lists || trimmed.lines().take(400).any(markdown_line) {
        SourceKind::Markdown
    } else {
        SourceKind::PlainText
    }
}

/// What a kind's reader found, before a title is made up for an article without one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Parts {
    title: Option<String>,
    as_of: Option<Date>,
    body: String,
    source_url: Option<String>,
}

impl Parts {
    fn into_article(self, format: ArticleFormat) -> Result<Article, ImportError> {
        if self.body.trim().is_empty() && self.title.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            return Err(ImportError::Empty);
        }
        let title = self
            .title
            .filter(|t| !t.trim().is_empty())
            .or_else(|| first_sentence_title(&self.body))
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| UNTITLED.to_owned());
        Ok(Article {
            title,
            as_of: self.as_of,
            format,
            body: self.body.into(),
            source_path: None,
            source_url: self.source_url,
        })
    }
}

/// The first sentence of the body, shortened with an ellipsis when long. A table's rows
/// (tab-separated) are passed over; a body of rows alone is named after its first row.
fn first_sentence_title(body: &str) -> Option<String> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_line = match lines.clone().find(|l| !l.contains('\t')) {
        Some(line) => line.to_owned(),
        None => lines
            .next()?
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    };
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
    use jiff::civil::date;

    fn plain(text: &str) -> Result<Article, ImportError> {
        import(text.as_bytes(), Origin::File("a.txt")).map(|i| i.article)
    }

    #[test]
    fn news_paste_with_date_and_headline() {
        let article = plain(
            "date 2023-05-01\nShow renewed for a second season\nThe studio said so.\nFans cheered.",
        )
        .unwrap();
        assert_eq!(article.title, "Show renewed for a second season");
        assert_eq!(article.as_of, Some(date(2023, 5, 1)));
        assert_eq!(&*article.body, "The studio said so.\nFans cheered.");
    }

    #[test]
    fn the_news_piece_this_app_was_made_for() {
        let article = plain(
            "date 2022-03-17 The South Korean drama, a word-of-mouth hit, gained large viewership abroad. Fans still ask for more.\nA second paragraph.",
        )
        .unwrap();
        assert_eq!(article.as_of, Some(date(2022, 3, 17)));
        assert_eq!(
            article.title,
            "The South Korean drama, a word-of-mouth hit, gained large viewership abroad."
        );
        assert!(article.body.starts_with("The South Korean drama"));
        assert!(!article.body.contains("2022-03-17"));
    }

    #[test]
    fn first_sentence_when_no_headline_and_long_ones_shortened() {
        let article = plain("The studio said so today. Fans cheered loudly.").unwrap();
        assert_eq!(article.title, "The studio said so today.");
        let long = plain(&"word ".repeat(60)).unwrap();
        assert!(long.title.ends_with('…'));
        assert!(long.title.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
    }

    #[test]
    fn markdown_heading_is_title_and_date_line_read() {
        let imported = import(
            b"Date: 2022-03-17\n# Title *here*\n\nBody *text*.",
            Origin::File("x.md"),
        )
        .unwrap();
        assert_eq!(imported.kind, SourceKind::Markdown);
        assert_eq!(imported.article.title, "Title here");
        assert_eq!(imported.article.as_of, Some(date(2022, 3, 17)));
        assert_eq!(&*imported.article.body, "Body *text*.");
    }

    #[test]
    fn rejects_binary_empty_and_huge() {
        assert!(matches!(
            import(b"%PDF-1.4 stuff", Origin::Pasted),
            Err(ImportError::Binary { .. })
        ));
        assert_eq!(plain(" \n\n "), Err(ImportError::Empty));
        let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(
            import(&huge, Origin::Pasted),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn korean_text_crlf_and_nfd() {
        let article = plain("사이코지만 괜찮아 시즌2?\r\n팬들은 기다린다.\r\n").unwrap();
        assert_eq!(article.title, "사이코지만 괜찮아 시즌2?");
        assert_eq!(&*article.body, "팬들은 기다린다.");
        let nfd = "\u{1112}\u{1161}\u{1107}\u{1165} 라이트\n\u{1107}\u{1161}\u{11bc}\u{1109}\u{1169}\u{11bc}.";
        let article = plain(nfd).unwrap();
        assert_eq!(article.title, "하버 라이트");
        assert_eq!(&*article.body, "방송.");
    }

    #[test]
    fn legacy_encoding_is_reported() {
        let (bytes, _, _) = encoding_rs::EUC_KR
            .encode("하버 라이트 시즌2 소식\n방송사는 아직 두 번째 시즌을 발표하지 않았다.");
        let imported = import(&bytes, Origin::File("news.txt")).unwrap();
        assert_eq!(imported.encoding, Some("EUC-KR"));
        assert_eq!(imported.article.title, "하버 라이트 시즌2 소식");
    }

    #[test]
    fn text_without_words_gets_a_placeholder_title() {
        let article = import(b"#\n", Origin::File("a.md")).unwrap().article;
        assert_eq!(article.title, UNTITLED);
    }

    #[test]
    fn kind_by_extension_then_by_content() {
        assert_eq!(kind_by_extension("a/B.HTM"), Some(SourceKind::Html));
        assert_eq!(
            kind_by_extension("notes.markdown"),
            Some(SourceKind::Markdown)
        );
        assert_eq!(kind_by_extension("a.txt"), Some(SourceKind::PlainText));
        assert_eq!(kind_by_extension("README"), None);
        assert_eq!(detect_kind("# Hi\ntext"), SourceKind::Markdown);
        assert_eq!(
            detect_kind("---\ntitle: x\n---\ntext"),
            SourceKind::Markdown
        );
        assert_eq!(
            detect_kind("See [this](https://e.org)."),
            SourceKind::Markdown
        );
        assert_eq!(detect_kind("#hashtag text"), SourceKind::PlainText);
        assert_eq!(
            detect_kind("Reasons:\n- ratings\n- reviews"),
            SourceKind::Markdown
        );
        assert_eq!(
            detect_kind("3. Who returns\n4. Who leaves"),
            SourceKind::Markdown
        );
        assert_eq!(
            detect_kind("- one dash line\nthen prose"),
            SourceKind::PlainText
        );
        assert_eq!(detect_kind("<p>One</p><p>Two</p>"), SourceKind::Html);
        // An HTML page pasted as text and a file without extension are sniffed the same way.
        let page = "<!doctype html><html><body><p>x</p></body></html>";
        assert_eq!(detect_kind(page), SourceKind::Html);
    }

    #[test]
    fn a_txt_file_with_markup_stays_plain_text() {
        let imported = import(b"# not a heading here\nText.", Origin::File("a.txt")).unwrap();
        assert_eq!(imported.kind, SourceKind::PlainText);
    }
}
