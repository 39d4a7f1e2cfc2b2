//! HTML articles: saved pages ("Save page as"), `.html` files and HTML on the clipboard.
//!
//! A whole page goes through `dom_smoothie` (a port of Mozilla's Readability) to find the
//! article among the navigation, ads, cookie banners, share buttons and comments; a fragment
//! (HTML copied from a selection) is taken whole. Either is converted to Markdown with `htmd`
//! and then read as Markdown (see [`super::markdown`]).
//!
//! When Readability finds too little (a short news item without `<article>`, an odd layout),
//! the page's main text is taken instead: the paragraphs, headings, lists, quotes and tables
//! of its `<article>`, `<main>` or body, with the chrome removed. Only a page that really holds
//! no prose (a sign-in form, a list of links) is refused.
//!
//! Chrome removed before either: navigation, banners, forms, cookie and consent boxes, share
//! and comment sections, ads, AMP's ad and consent elements with their fallbacks, and ad
//! labels ("Advertisement") standing alone. Bare addresses become links when the article is
//! shown (see the document's autolinks).
//!
//! The headline, published date and address come from the page's metadata
//! ([`super::page_meta`]).

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::markdown::{import_markdown, options};
use super::page_meta;
use super::text::clean;
use super::{ImportError, Parts};

/// Less prose than this (characters outside links) is no article.
const MIN_PROSE_CHARS: usize = 140;
/// More of the text in links than this fraction is a list of links (an index page).
const MAX_LINK_SHARE: f64 = 0.5;

/// Page parts that are never the article: removed before Readability scores the page.
const CHROME: &str = "script:not([type='application/ld+json']), style, noscript, template, nav, header nav, footer, aside, form, \
    button, iframe, dialog, [role=navigation], [role=banner], [role=dialog], \
    [role=complementary], [aria-hidden=true], [hidden], [class*=cookie], [id*=cookie], \
    [class*=consent], [id*=consent], [class*=share], [class*=social], [class*=newsletter], \
    [class*=comment], [id*=comment], [class*=advert], [id*=advert], [class~=ad], [class^=ad-], \
    [id^=ad-], [class*=related], [class*=promo], [class*=subscribe], [class*=ad-slot], \
    [class*=adslot], [class*=ad-unit], [class*=ad-container], [class*=ad-wrapper], \
    [id*=div-gpt-ad], [class*=sponsor], amp-ad, amp-embed, amp-sticky-ad, amp-auto-ads, \
    amp-consent, amp-user-notification, amp-analytics, amp-pixel, amp-geo, amp-iframe, \
    [fallback], [placeholder]";

/// Labels that stand alone where an ad was (lower case): removed with their element.
const AD_LABELS: [&str; 12] = [
    "advertisement",
    "advertisement - scroll to continue",
    "advertisement – scroll to continue",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "skip advertisement",
    "sponsored",
    "sponsored content",
    "ad",
    "ads",
    "광고",
];

/// The main text's building blocks, taken when Readability finds too little.
const MAIN_BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, ul, ol, dl, blockquote, pre, table, figure";

/// Tags `htmd` drops with their content, for fragments that were not cleaned by Readability.
const SKIPPED_TAGS: [&str; 10] = [
    "script", "style", "noscript", "template", "nav", "form", "button", "iframe", "svg", "dialog",
];

/// Whether `text` looks like HTML: a document, or a fragment that opens and closes elements.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        return true;
    }
    head.starts_with('<')
        && [
            "</p>",
            "</div>",
            "</h1>",
            "</h2>",
            "</article>",
            "</span>",
            "</li>",
            "</section>",
        ]
        .iter()
        .any(|t| head.contains(t))
}

/// Imports HTML text (already decoded).
///
/// # Errors
/// [`ImportError::NoArticle`] when a page has no article in it (a login wall, an index of
/// links), [`ImportError::Empty`] when a fragment has no text.
pub fn import_html(html: &str) -> Result<Parts, ImportError> {
    let head = html
        .get(..html.len().min(4096))
        .unwrap_or(html)
        .to_ascii_lowercase();
    let page = head.contains("<html") || head.contains("<body") || head.contains("<!doctype");
    if page {
        import_page(html)
    } else {
        import_fragment(html)
    }
}

fn import_page(html: &str) -> Result<Parts, ImportError> {
    let config = Config {
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|_| ImportError::NoArticle)?;
    let meta = page_meta::read(&readability.doc);
    remove_chrome(&readability.doc);
    let readable = readability.is_probably_readable();
    let extracted = readable
        .then(|| readability.parse().ok())
        .flatten()
        .and_then(|article| {
            let markdown = to_markdown(&article.content).ok()?;
            let title = clean(article.title.trim());
            Some((markdown, title))
        })
        .filter(|(markdown, _)| check_prose(markdown).is_ok());
    let (markdown, readability_title) = match extracted {
        Some(found) => found,
        None => (main_text(html)?, String::new()),
    };
    let mut parts = import_markdown(&clean(&markdown));
    parts.title = meta
        .headline
        .or_else(|| (!readability_title.is_empty()).then_some(readability_title))
        .or(parts.title);
    parts.as_of = meta.published.or(parts.as_of);
    parts.source_url = meta.canonical;
    Ok(parts)
}

/// Removes the page's chrome ([`CHROME`]) and lone ad labels ([`AD_LABELS`]), and writes
/// superscripts as text reads them ([`flatten_superscripts`]).
fn remove_chrome(doc: &Document) {
    doc.select(CHROME).remove();
    flatten_superscripts(doc);
    for element in doc
        .select("p, span, div, aside, section, figcaption, small, strong, em, b, i, h6")
        .iter()
    {
        if element.children().is_empty() {
            let text = element.text();
            let label = text.trim().trim_end_matches([':', '.']).to_lowercase();
            if AD_LABELS.contains(&label.as_str()) {
                element.remove();
            }
        }
    }
}

/// Superscripts as plain text reads them (Markdown has none): digits as superscript digits
/// (a footnote number `¹`, an exponent `10⁶`), an ordinal's letters as they are
/// (`1<sup>st</sup>` is `1st`), a bracketed mark as it is (`[1]`), other short marks in
/// brackets (`[a]`). Footnote numbers then read as marks, not as the next sentence's start.
fn flatten_superscripts(doc: &Document) {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const ORDINALS: [&str; 8] = ["st", "nd", "rd", "th", "e", "er", "re", "o"];
    for sup in doc.select("sup").iter() {
        let text = sup.text();
        let text = text.trim();
        let flat = if text.is_empty() || text.starts_with('[') || ORDINALS.contains(&text) {
            text.to_owned()
        } else if text.chars().all(|c| c.is_ascii_digit()) {
            text.chars()
                .filter_map(|c| c.to_digit(10).map(|d| DIGITS[d as usize]))
                .collect()
        } else if text.chars().count() <= 12 {
            format!("[{text}]")
        } else {
            continue;
        };
        let escaped = flat
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        sup.replace_with_html(escaped);
    }
}

/// The page's main text as Markdown: the building blocks ([`MAIN_BLOCKS`]) of its article,
/// main part or body, with the chrome removed; the whole part when its blocks hold too little.
///
/// # Errors
/// [`ImportError::NoArticle`] when even that holds no prose ([`check_prose`]).
fn main_text(html: &str) -> Result<String, ImportError> {
    let doc = Document::from(html);
    remove_chrome(&doc);
    for root in [
        "article",
        "[itemprop=articleBody]",
        "main",
        "[role=main]",
        "body",
    ] {
        let root = doc.select(root).first();
        if root.is_empty() {
            continue;
        }
        let blocks: String = root
            .select(MAIN_BLOCKS)
            .iter()
            .filter(|block| !block.ancestors(None).is(MAIN_BLOCKS))
            .map(|block| block.html().to_string())
            .collect();
        for html in [blocks, root.inner_html().to_string()] {
            let markdown = to_markdown(&html)?;
            if check_prose(&markdown).is_ok() {
                return Ok(markdown);
            }
        }
    }
    Err(ImportError::NoArticle)
}

fn import_fragment(html: &str) -> Result<Parts, ImportError> {
    let markdown = to_markdown(html)?;
    if markdown.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(import_markdown(&clean(&markdown)))
}

fn to_markdown(html: &str) -> Result<String, ImportError> {
    htmd::HtmlToMarkdown::builder()
        .skip_tags(SKIPPED_TAGS.to_vec())
        .build()
        .convert(html)
        .map_err(|_| ImportError::NoArticle)
}

/// An article has prose of its own: enough text outside links, and not mostly links.
fn check_prose(markdown: &str) -> Result<(), ImportError> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut prose, mut linked, mut depth) = (0_usize, 0_usize, 0_usize);
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Link { .. }) => depth += 1,
            Event::End(TagEnd::Link) => depth = depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                if depth > 0 { linked += n } else { prose += n }
            }
            _ => {}
        }
    }
    let total = (prose + linked).max(1);
    #[allow(clippy::cast_precision_loss)] // Character counts are far below 2^52.
    let link_share = linked as f64 / total as f64;
    if prose < MIN_PROSE_CHARS || link_share > MAX_LINK_SHARE {
        return Err(ImportError::NoArticle);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// A news page in our own words, with the chrome real pages carry around the article.
    pub const NEWS_PAGE: &str = include_str!("../../../tests/fixtures/html/news-page.html");
    /// A login wall: no article.
    const LOGIN_WALL: &str = include_str!("../../../tests/fixtures/html/login-wall.html");
    /// An index page: headlines and links, no article.
    const INDEX_PAGE: &str = include_str!("../../../tests/fixtures/html/index-page.html");

    #[test]
    fn news_page_keeps_the_article_and_drops_the_chrome() {
        let parts = import_html(NEWS_PAGE).unwrap();
        assert_eq!(
            parts.title.as_deref(),
            Some("Harbor Lights: the lighthouse drama's fans still wait for word")
        );
        assert_eq!(parts.as_of, Some(date(2023, 6, 2)));
        assert_eq!(
            parts.source_url.as_deref(),
            Some("https://news.example.org/drama/harbor-lights-wait")
        );
        assert!(
            parts.body.contains("keeper of the harbor light"),
            "{}",
            parts.body
        );
        assert!(parts.body.contains("second season"));
        for chrome in [
            "Accept all cookies",
            "Share on",
            "Sign up for our newsletter",
            "Comments (",
            "Top stories",
            "Advertisement",
            "Home",
        ] {
            assert!(!parts.body.contains(chrome), "{chrome} in:\n{}", parts.body);
        }
    }

    #[test]
    fn pages_without_an_article_are_refused() {
        assert_eq!(import_html(LOGIN_WALL), Err(ImportError::NoArticle));
        assert_eq!(import_html(INDEX_PAGE), Err(ImportError::NoArticle));
    }

    #[test]
    fn a_fragment_from_the_clipboard_is_taken_whole() {
        let parts = import_html(
            "<h1>Casting call <em>rumour</em></h1><p>A fan account posted a casting call.</p><p>It was <b>fake</b>.</p>",
        )
        .unwrap();
        assert_eq!(parts.title.as_deref(), Some("Casting call rumour"));
        assert_eq!(
            parts.body,
            "A fan account posted a casting call.\n\nIt was **fake**."
        );
    }

    /// A small page around `extra_head` and `before`, with a few paragraphs of our own prose.
    fn page(extra_head: &str, before: &str) -> String {
        let paragraph = "<p>The ferry captain would not say whether he plans to leave the island, and the town's \
            café owner, who has watched every episode twice, says fans ask her about it every single day.</p>";
        format!(
            "<html><head><title>Ferry captain stays quiet - Island Post</title>{extra_head}</head>\
             <body><article>{before}{}</article></body></html>",
            paragraph.repeat(4)
        )
    }

    #[test]
    fn json_ld_date_published_and_og_url() {
        let parts = import_html(&page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry captain stays quiet","datePublished":"2023-07-09T21:00:00-04:00"}</script>
               <meta property="og:url" content="https://island.example.org/ferry">"#,
            "",
        ))
        .unwrap();
        assert_eq!(parts.title.as_deref(), Some("Ferry captain stays quiet"));
        assert_eq!(
            parts.as_of,
            Some(date(2023, 7, 9)),
            "the date as written there"
        );
        assert_eq!(
            parts.source_url.as_deref(),
            Some("https://island.example.org/ferry")
        );
    }

    #[test]
    fn time_element_when_no_metadata_gives_the_date() {
        let parts = import_html(&page(
            "",
            r#"<p class="meta">Posted <time datetime="2023-07-10">10 July</time></p>"#,
        ))
        .unwrap();
        assert_eq!(parts.as_of, Some(date(2023, 7, 10)));
        assert_eq!(parts.source_url, None);
        assert!(parts.body.contains("The ferry captain would not say"));
    }

    #[test]
    fn superscript_footnote_numbers_do_not_start_the_next_sentence() {
        let parts = import_html(&page(
            "",
            "<p>The network has not said whether a second season is planned.<sup><a href=\"#fn1\">1</a></sup> \
             The cast met in the 2<sup>nd</sup> week of May.<sup>[2]</sup></p>",
        ))
        .unwrap();
        assert!(
            parts
                .body
                .contains("is planned.¹ The cast met in the 2nd week of May.\\[2\\]"),
            "{}",
            parts.body
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("<!DOCTYPE html><html></html>"));
        assert!(looks_like_html("  <p>One</p><p>Two</p>"));
        assert!(!looks_like_html("# Title\n\nText with <br> inside."));
        assert!(!looks_like_html("5 < 6 and 7 > 3"));
    }
}
