//! What a web page says about its article besides the text: the headline, the published date
//! in the publisher's local date, and the canonical address.
//!
//! - **Headline**: the best of the page's `<h1>` (or an element marked as the headline),
//!   `og:title`, `twitter:title`, JSON-LD `headline` and `<title>` with the site's name cut
//!   off; never the site's own name (`og:site_name`, `application-name`, JSON-LD publisher or
//!   `WebSite` name). The `<h1>` wins when a metadata title agrees with it (it is the page's
//!   own wording); else the metadata title (a section heading or a logo is no headline).
//! - **Published date**: `article:published_time`, JSON-LD `datePublished` (also inside
//!   `@graph` and arrays, an article's before any other's), `itemprop=datePublished`, the
//!   usual `<meta name>`s (`pubdate`, `date`, `dc.date`, `parsely-pub-date`, …), `<time>`
//!   elements, then the bylines. A stamp in UTC (`…T23:30:00Z`) is turned into the
//!   publisher's local date with the zone the page gives (a byline's `08:30 KST`, another
//!   stamp's offset, a Korean or Japanese page's language), since the as-of date is about
//!   what was known that day where it was written.
//! - **Address**: `<link rel="canonical">`, else `og:url`.

use dom_query::Document;
use jiff::civil::Date;
use jiff::tz::Offset;
use serde_json::Value;

use super::dates::{DateRole, Stamp, find_zone, parse_dateline};
use super::front_matter::is_web_address;
use super::text::clean;

/// What the page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The best headline (see the module docs).
    pub headline: Option<String>,
    /// The published date, in the publisher's local date.
    pub published: Option<Date>,
    /// The canonical address.
    pub canonical: Option<String>,
}

/// Elements whose text may be a byline or a dateline.
const BYLINE_ELEMENTS: &str = "[class*=byline], [class*=dateline], [class*=date], \
    [class*=time], [class*=meta], [class*=posted], [class*=published], [class*=author], \
    [itemprop=datePublished], time, address";
/// The longest byline read, in characters.
const MAX_BYLINE_CHARS: usize = 200;
/// The most byline elements read.
const MAX_BYLINES: usize = 40;
/// The longest headline taken from an element, in characters.
const MAX_HEADLINE_CHARS: usize = 300;

/// `<meta name>`s (lower case) that sites put the published date in, after
/// `article:published_time`.
const DATE_META_NAMES: [&str; 14] = [
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
];

/// Reads the page's metadata (call before anything is removed from `doc`).
pub fn read(doc: &Document) -> PageMeta {
    let ld = JsonLd::read(doc);
    PageMeta {
        headline: headline(doc, &ld),
        published: published(doc, &ld),
        canonical: canonical(doc),
    }
}

/// A `<meta>`'s content by `property` or `name` (case-insensitive), trimmed, non-empty.
fn meta(doc: &Document, key: &str) -> Option<String> {
    doc.select("meta[content]").iter().find_map(|m| {
        let named = ["property", "name", "itemprop"].iter().any(|attr| {
            m.attr(attr)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
        });
        let content = m.attr("content")?;
        let content = content.trim();
        (named && !content.is_empty()).then(|| content.to_owned())
    })
}

/// An element's text with white space collapsed and characters cleaned.
fn text_of(text: &str) -> String {
    clean(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn canonical(doc: &Document) -> Option<String> {
    doc.select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_owned())
        .filter(|h| is_web_address(h))
        .or_else(|| meta(doc, "og:url").filter(|h| is_web_address(h)))
}

// ---- JSON-LD ----

/// What the page's JSON-LD blocks say, articles' values before other objects'.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Vec<String>,
    site_names: Vec<String>,
}

impl JsonLd {
    fn read(doc: &Document) -> Self {
        let values: Vec<Value> = doc
            .select("script[type='application/ld+json']")
            .iter()
            .filter_map(|script| {
                let text = script.text();
                let text = text
                    .trim()
                    .trim_start_matches("<![CDATA[")
                    .trim_end_matches("]]>");
                serde_json::from_str::<Value>(text).ok()
            })
            .collect();
        let mut objects = Vec::new();
        for value in &values {
            collect_objects(value, 0, &mut objects);
        }
        let mut ld = JsonLd::default();
        let (articles, others): (Vec<&Value>, Vec<&Value>) =
            objects.iter().copied().partition(|o| is_article(o));
        for object in articles.iter().chain(others.iter()) {
            if ld.headline.is_none() && is_article(object) {
                ld.headline = string(object.get("headline")).or_else(|| string(object.get("name")));
            }
            for key in ["datePublished", "dateCreated"] {
                if let Some(date) = string(object.get(key)) {
                    ld.published.push(date);
                }
            }
            if let Some(publisher) = object.get("publisher") {
                for p in as_list(publisher) {
                    ld.site_names.extend(string(p.get("name")));
                }
            }
            if has_type(object, |t| {
                t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization"
            }) {
                ld.site_names.extend(string(object.get("name")));
            }
        }
        ld
    }
}

/// Every object in `value`, descending into arrays and `@graph` (a few levels deep).
fn collect_objects<'v>(value: &'v Value, depth: usize, out: &mut Vec<&'v Value>) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, depth + 1, out);
            }
        }
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, depth + 1, out);
            }
            if let Some(entity) = map.get("mainEntity") {
                collect_objects(entity, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(items) => items.iter().find_map(|i| string(Some(i))),
        _ => None,
    }
}

fn has_type(object: &Value, test: impl Fn(&str) -> bool) -> bool {
    object
        .get("@type")
        .map(as_list)
        .unwrap_or_default()
        .iter()
        .filter_map(|t| t.as_str())
        .any(test)
}

/// `NewsArticle`, `Article`, `BlogPosting`, `ReportageNewsArticle`, …
fn is_article(object: &Value) -> bool {
    has_type(object, |t| {
        t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
    })
}

// ---- Headline ----

fn headline(doc: &Document, ld: &JsonLd) -> Option<String> {
    let mut sites: Vec<String> = [
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
    ]
    .iter()
    .filter_map(|k| meta(doc, k))
    .chain(ld.site_names.iter().cloned())
    .map(|s| text_of(&s))
    .collect();
    let title_tag = doc
        .select("head title, title")
        .iter()
        .next()
        .map(|t| text_of(&t.text()));
    let metas: Vec<String> = ["og:title", "twitter:title"]
        .iter()
        .filter_map(|k| meta(doc, k))
        .chain(ld.headline.clone())
        .map(|t| text_of(&t))
        .collect();
    // A `<title>` that shares no word with any other title is the site's name.
    if let Some(title) = &title_tag
        && !metas.is_empty()
        && !title.contains(['|', '-', '–', '—', '·', ':'])
        && metas.iter().all(|m| !shares_words(m, title))
    {
        sites.push(title.clone());
    }
    // The part of `<title>` cut off as the site's name names the site too (a logo's `<h1>`).
    if let Some(title) = &title_tag
        && let Some(cut) = site_part(title, &sites)
    {
        sites.push(cut);
    }
    let is_site = |t: &str| sites.iter().any(|s| same_words(s, t));
    let usable = |t: String| {
        let t = strip_site(&t, &sites);
        (!t.is_empty() && !is_site(&t)).then_some(t)
    };
    let metas: Vec<String> = metas.into_iter().filter_map(usable).collect();
    let title_tag = title_tag.and_then(usable);
    // In this order of preference (a selector list would give document order instead).
    let heading = HEADING_ELEMENTS.iter().find_map(|selector| {
        doc.select(selector)
            .iter()
            .map(|h| text_of(&h.text()))
            .find(|t| {
                !t.is_empty() && t.chars().count() <= MAX_HEADLINE_CHARS && !is_site(t.as_str())
            })
    });
    let agrees = |h: &str| {
        metas
            .iter()
            .chain(title_tag.iter())
            .any(|m| contains_words(m, h) || contains_words(h, m))
    };
    match heading {
        Some(h) if agrees(&h) => Some(h),
        _ if !metas.is_empty() => metas.into_iter().next(),
        Some(h) => Some(h),
        None => title_tag,
    }
}

/// Separators sites put between a headline and their name in `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "];

/// Elements that hold the headline, the likeliest first.
const HEADING_ELEMENTS: [&str; 6] = [
    "article h1",
    "main h1",
    "[itemprop=headline]:not(meta)",
    "h1",
    "[class*=headline]",
    "[class*=title] h2, h2[class*=title]",
];

/// The part of `title` that [`strip_site`] cuts off, if any.
fn site_part(title: &str, sites: &[String]) -> Option<String> {
    let kept = strip_site(title, sites);
    if kept == title {
        return None;
    }
    let cut = title
        .strip_prefix(kept.as_str())
        .or_else(|| title.strip_suffix(kept.as_str()))?;
    let cut = TITLE_SEPARATORS
        .iter()
        .fold(cut.trim(), |c, s| {
            c.trim_start_matches(s.trim()).trim_end_matches(s.trim())
        })
        .trim();
    (!cut.is_empty()).then(|| cut.to_owned())
}

/// `title` without a site's name before or after a separator: a known site name, else a
/// short last part (at most four words) after a longer first part.
fn strip_site(title: &str, sites: &[String]) -> String {
    for separator in TITLE_SEPARATORS {
        let parts: Vec<&str> = title.split(separator).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        let known = |p: &str| sites.iter().any(|s| same_words(s, p));
        if let Some(last) = parts.last()
            && known(last)
        {
            return parts[..parts.len() - 1].join(separator);
        }
        if known(parts[0]) {
            return parts[1..].join(separator);
        }
        let last = parts[parts.len() - 1];
        let first = parts[..parts.len() - 1].join(separator);
        if sites.is_empty()
            && last.split_whitespace().count() <= 4
            && first.split_whitespace().count() >= 3
        {
            return first;
        }
    }
    title.to_owned()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

/// Whether `outer`'s words hold all of `inner`'s, in order and next to each other.
fn contains_words(outer: &str, inner: &str) -> bool {
    let (outer, inner) = (words(outer), words(inner));
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner.as_slice())
}

fn shares_words(a: &str, b: &str) -> bool {
    let b = words(b);
    words(a)
        .iter()
        .any(|w| w.chars().count() > 3 && b.contains(w))
}

// ---- Published date ----

fn published(doc: &Document, ld: &JsonLd) -> Option<Date> {
    let mut values: Vec<String> = Vec::new();
    values.extend(meta(doc, "article:published_time"));
    values.extend(ld.published.iter().cloned());
    values.extend(meta(doc, "datePublished"));
    values.extend(DATE_META_NAMES.iter().filter_map(|k| meta(doc, k)));
    for element in doc
        .select("[itemprop=datePublished], time[pubdate], article time, time")
        .iter()
    {
        values.extend(
            element
                .attr("datetime")
                .or_else(|| element.attr("content"))
                .map(|v| v.to_string()),
        );
    }
    let stamps: Vec<Stamp> = values.iter().filter_map(|v| Stamp::parse(v)).collect();
    let bylines = bylines(doc);
    let zone = publisher_zone(doc, &values, &bylines);
    let byline_date = bylines.iter().find_map(|line| {
        let dates = parse_dateline(line)?;
        dates
            .iter()
            .find(|(role, _)| *role == DateRole::Published)
            .or(dates.first())
            .map(|(_, d)| *d)
    });
    match stamps.first() {
        Some(Stamp::Local(date)) => Some(*date),
        Some(stamp @ Stamp::Utc(_)) if zone.is_some() => Some(stamp.date_in(zone)),
        first => byline_date.or_else(|| first.map(|s| s.date_in(None))),
    }
}

/// Short texts of the elements that hold bylines and datelines.
fn bylines(doc: &Document) -> Vec<String> {
    doc.select(BYLINE_ELEMENTS)
        .iter()
        .map(|e| text_of(&e.text()))
        .filter(|t| !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS)
        .take(MAX_BYLINES)
        .collect()
}

/// The publisher's time zone: from a byline (`08:30 KST`), else from a stamp written with an
/// offset, else from the page's language when it is spoken in one zone (Korean, Japanese).
fn publisher_zone(doc: &Document, stamps: &[String], bylines: &[String]) -> Option<Offset> {
    if let Some(zone) = bylines.iter().find_map(|b| find_zone(b)) {
        return Some(zone);
    }
    let written = stamps.iter().find_map(|v| {
        let pieces = jiff::fmt::temporal::Pieces::parse(v.trim()).ok()?;
        match pieces.offset()? {
            jiff::fmt::temporal::PiecesOffset::Numeric(o) if o.offset() != Offset::UTC => {
                Some(o.offset())
            }
            _ => None,
        }
    });
    if written.is_some() {
        return written;
    }
    let lang = doc
        .select("html")
        .attr("lang")
        .map(|l| l.to_ascii_lowercase())
        .or_else(|| meta(doc, "og:locale").map(|l| l.to_ascii_lowercase()))?;
    (lang.starts_with("ko") || lang.starts_with("ja")).then(|| Offset::constant(9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn page(head: &str, body: &str) -> PageMeta {
        read(&Document::from(format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        )))
    }

    #[test]
    fn headline_is_never_the_sites_name() {
        let meta = page(
            r#"<title>Island Post</title><meta property="og:title" content="Ferry captain says the story is not finished">"#,
            r#"<div class="logo">Island Post</div><p>Text.</p>"#,
        );
        assert_eq!(
            meta.headline.as_deref(),
            Some("Ferry captain says the story is not finished")
        );
        let meta = page(
            r#"<title>Ferry captain stays quiet | Island Post</title><meta property="og:site_name" content="Island Post">"#,
            "<h1>Island Post</h1>",
        );
        assert_eq!(meta.headline.as_deref(), Some("Ferry captain stays quiet"));
    }

    #[test]
    fn a_logo_in_an_h1_is_the_site_named_in_the_title() {
        let meta = page(
            "<title>Ferry captain stays quiet on his future | Island Post</title>",
            r#"<header><h1 class="logo">Island Post</h1></header><div><h2 class="entry-title">Ferry captain stays quiet on his future</h2></div>"#,
        );
        assert_eq!(
            meta.headline.as_deref(),
            Some("Ferry captain stays quiet on his future")
        );
        let meta = page(
            "<title>Island Post</title>",
            r#"<header><h1>Island Post</h1></header><article><h1>Paper Moon returns</h1></article>"#,
        );
        assert_eq!(meta.headline.as_deref(), Some("Paper Moon returns"));
    }

    #[test]
    fn the_h1_wins_when_a_metadata_title_agrees_else_the_metadata_title() {
        let meta = page(
            r#"<title>Ferry captain stays quiet - Island Post</title>"#,
            "<h1>Ferry captain stays quiet</h1>",
        );
        assert_eq!(meta.headline.as_deref(), Some("Ferry captain stays quiet"));
        let meta = page(
            r#"<meta name="twitter:title" content="Paper Moon returns in spring">"#,
            "<h1>Television</h1>",
        );
        assert_eq!(
            meta.headline.as_deref(),
            Some("Paper Moon returns in spring")
        );
    }

    #[test]
    fn json_ld_graph_and_arrays() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Island Post"},
            {"@type":["NewsArticle"],"headline":"Paper Moon scripts spotted","datePublished":"2024-09-02T10:00:00+09:00"}]}</script>
            <script type="application/ld+json">[{"@type":"BreadcrumbList"}]</script>"#;
        let meta = page(&format!("<title>Island Post</title>{ld}"), "<p>x</p>");
        assert_eq!(meta.headline.as_deref(), Some("Paper Moon scripts spotted"));
        assert_eq!(meta.published, Some(date(2024, 9, 2)));
    }

    #[test]
    fn a_utc_stamp_is_the_publishers_local_date() {
        let meta = page(
            r#"<meta property="article:published_time" content="2024-08-30T23:30:00Z">"#,
            r#"<p class="byline">By Han Ji-won · 08:30 KST</p><p>x</p>"#,
        );
        assert_eq!(meta.published, Some(date(2024, 8, 31)));
        let meta = page(
            r#"<meta property="article:published_time" content="2024-08-30T23:30:00Z">"#,
            "<p>x</p>",
        );
        assert_eq!(meta.published, Some(date(2024, 8, 30)), "no zone: UTC");
        let korean = read(&Document::from(
            r#"<html lang="ko"><head><meta name="pubdate" content="2024-08-30T23:30:00Z"></head><body></body></html>"#,
        ));
        assert_eq!(korean.published, Some(date(2024, 8, 31)));
    }

    #[test]
    fn dates_from_time_elements_and_bylines() {
        let meta = page("", r#"<time datetime="2024-07-01">1 July</time>"#);
        assert_eq!(meta.published, Some(date(2024, 7, 1)));
        let meta = page(
            "",
            r#"<div class="article-meta">By Kim Min-ji | July 2, 2024</div>"#,
        );
        assert_eq!(meta.published, Some(date(2024, 7, 2)));
    }
}
