//! HTML articles: saved pages ("Save page as"), `.html` files and HTML on the clipboard.
//!
//! A whole page goes through `dom_smoothie` (a port of Mozilla's Readability) to find the
//! article among the navigation, ads, cookie banners, share buttons and comments; a fragment
//! (HTML copied from a selection) is taken whole. Either is converted to Markdown with `htmd`
//! and then read as Markdown (see [`super::markdown`]).
//!
//! Kept from the page: the headline (the page's first `<h1>` when the metadata title contains
//! it, as it does with the site's name added; else the metadata title, else the article's first
//! heading), the published date (`article:published_time` or JSON-LD `datePublished`, else the
//! first `<time datetime>`), and the canonical URL (`<link rel="canonical">`, else `og:url`).

use dom_smoothie::{Config, Readability};

use super::dates::parse_date_value;
use super::front_matter::is_web_address;
use super::markdown::{import_markdown, options};
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
    [id^=ad-], [class*=related], [class*=promo], [class*=subscribe]";

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
    let canonical = readability
        .doc
        .select("link[rel=canonical]")
        .attr("href")
        .or_else(|| {
            readability
                .doc
                .select("meta[property='og:url']")
                .attr("content")
        })
        .map(|h| h.trim().to_string())
        .filter(|h| is_web_address(h));
    let time = readability
        .doc
        .select("article time[datetime], main time[datetime], time[datetime]")
        .attr("datetime")
        .and_then(|d| parse_date_value(&d));
    let headline = readability
        .doc
        .select("article h1, main h1, h1")
        .iter()
        .next()
        .map(|h| clean(&h.text().split_whitespace().collect::<Vec<_>>().join(" ")));
    readability.doc.select(CHROME).remove();
    if !readability.is_probably_readable() {
        return Err(ImportError::NoArticle);
    }
    let article = readability.parse().map_err(|_| ImportError::NoArticle)?;
    let markdown = to_markdown(&article.content)?;
    check_prose(&markdown)?;
    let mut parts = import_markdown(&clean(&markdown));
    // The page's own headline when the metadata title is it plus the site's name.
    let meta_title = clean(article.title.trim());
    parts.title = match headline.filter(|h| !h.is_empty()) {
        Some(h) if meta_title.is_empty() || meta_title.contains(h.as_str()) => Some(h),
        _ if !meta_title.is_empty() => Some(meta_title),
        _ => parts.title,
    };
    parts.as_of = article
        .published_time
        .as_deref()
        .and_then(parse_date_value)
        .or(time)
        .or(parts.as_of);
    parts.source_url = canonical.or(article.url.filter(|u| is_web_address(u)));
    Ok(parts)
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
    fn sniffing() {
        assert!(looks_like_html("<!DOCTYPE html><html></html>"));
        assert!(looks_like_html("  <p>One</p><p>Two</p>"));
        assert!(!looks_like_html("# Title\n\nText with <br> inside."));
        assert!(!looks_like_html("5 < 6 and 7 > 3"));
    }
}
