//! Bare web addresses in running text become links, as GitHub's Markdown autolinks them
//! (the GFM spec's "Autolinks (extension)"): `https://…`, `http://…` and `www.…` addresses
//! that start a word, with a valid domain (at least one full stop, no underscore in its last
//! two labels), up to the next white space or `<`, without trailing punctuation (`?`, `!`,
//! `.`, `,`, `:`, `*`, `_`, `~`, quotes, an unbalanced `)`, an entity-like `&…;`). A `www.`
//! address links to `http://www.…`, as GitHub's does.
//!
//! Closing punctuation of other scripts (`。`, `、`, `」`, `）`, curly quotes) also ends an
//! address: a Korean or Japanese sentence often ends right after one.

use std::ops::Range;

use super::{Block, BlockKind, Span, SpanStyle};

/// The schemes recognised, lower case, with what comes before the domain.
const SCHEMES: [&str; 3] = ["https://", "http://", "www."];

/// Byte ranges of the bare addresses in `text`, each with the address it links to.
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(found) = next_start(text, search) {
        let (start, scheme) = found;
        let domain_start = start + if scheme == "www." { 0 } else { scheme.len() };
        match address_end(text, start, domain_start) {
            Some(end) => {
                let shown = &text[start..end];
                let target = if scheme == "www." {
                    format!("http://{shown}")
                } else {
                    shown.to_owned()
                };
                out.push((start..end, target));
                search = end;
            }
            None => search = start + scheme.len(),
        }
    }
    out
}

/// Gives the bare addresses in `block`'s plain runs (not code, not already a link, not a
/// footnote mark) a link style; code blocks are left alone.
pub fn apply(block: &mut Block) {
    if block.kind == BlockKind::Code || !might_hold_address(&block.text) {
        return;
    }
    let mut spans = Vec::with_capacity(block.spans.len());
    for span in std::mem::take(&mut block.spans) {
        let plain = span.style.link.is_none() && !span.style.code && !span.style.footnote;
        let found = if plain {
            find(&block.text[span.range.clone()])
        } else {
            Vec::new()
        };
        if found.is_empty() {
            spans.push(span);
            continue;
        }
        let base = span.range.start;
        let mut at = base;
        for (range, target) in found {
            let (start, end) = (base + range.start, base + range.end);
            if at < start {
                spans.push(Span {
                    range: at..start,
                    style: span.style.clone(),
                });
            }
            spans.push(Span {
                range: start..end,
                style: SpanStyle {
                    link: Some(target),
                    ..span.style.clone()
                },
            });
            at = end;
        }
        if at < span.range.end {
            spans.push(Span {
                range: at..span.range.end,
                style: span.style,
            });
        }
    }
    block.spans = spans;
}

/// A quick test before the scan: most blocks hold no address at all.
fn might_hold_address(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"www.") || w.eq_ignore_ascii_case(b"http"))
}

/// The next place at or after `from` where an address may start: a scheme at the start of
/// the text or after white space or one of `*`, `_`, `~`, `(`, `"`, `'` and other opening
/// punctuation.
fn next_start(text: &str, from: usize) -> Option<(usize, &'static str)> {
    let tail = text.get(from..)?;
    let mut offset = 0;
    while offset < tail.len() {
        let rest = &tail[offset..];
        let at = rest.find(['h', 'H', 'w', 'W'])?;
        let start = from + offset + at;
        let after = &text[start..];
        let scheme = SCHEMES.iter().find(|s| {
            after
                .get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s))
        });
        let before_ok = text[..start].chars().next_back().is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '_' | '~' | '(' | '"' | '\'' | '“' | '‘' | '「' | '『' | '（' | '<' | '['
                )
        });
        if let Some(scheme) = scheme
            && before_ok
        {
            return Some((start, *scheme));
        }
        offset += at + 1;
    }
    None
}

/// Where the address starting at `start` (its domain at `domain_start`) ends, after
/// trailing punctuation is dropped; `None` when its domain is not valid.
fn address_end(text: &str, start: usize, domain_start: usize) -> Option<usize> {
    let rest = &text[domain_start..];
    let domain_len = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(rest.len());
    let domain = rest[..domain_len].trim_end_matches('.');
    if !valid_domain(domain) {
        return None;
    }
    let mut end = domain_start
        + text[domain_start..]
            .find(|c: char| c.is_whitespace() || c == '<' || is_closing_mark(c))
            .unwrap_or(text.len() - domain_start);
    // Trailing punctuation, an unbalanced `)` and an entity reference are not part of it.
    loop {
        let shown = &text[start..end];
        let last = shown.chars().next_back()?;
        if matches!(
            last,
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '"' | '\''
        ) {
            end -= last.len_utf8();
        } else if last == ')' && shown.matches(')').count() > shown.matches('(').count() {
            end -= 1;
        } else if last == ';'
            && let Some(amp) = shown.rfind('&')
            && shown[amp + 1..shown.len() - 1]
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
        {
            end = start + amp;
        } else {
            break;
        }
    }
    (end >= domain_start + domain.len()).then_some(end)
}

/// Closing punctuation of other scripts and curly quotes: never inside an address.
fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '、' | '」' | '』' | '）' | '”' | '’' | '»' | '，' | '．' | '！' | '？'
    )
}

/// At least two labels separated by full stops, none empty, no underscore in the last two.
fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && labels.iter().rev().take(2).all(|l| !l.contains('_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, String)> {
        find(text).into_iter().map(|(r, t)| (&text[r], t)).collect()
    }

    #[test]
    fn addresses_as_github_autolinks_them() {
        assert_eq!(
            links("See www.example.org/news, or https://example.org/a?b=1."),
            [
                ("www.example.org/news", "http://www.example.org/news".into()),
                (
                    "https://example.org/a?b=1",
                    "https://example.org/a?b=1".into()
                )
            ]
        );
        assert_eq!(
            links("(see https://en.example.org/wiki/Harbor_(show))."),
            [(
                "https://en.example.org/wiki/Harbor_(show)",
                "https://en.example.org/wiki/Harbor_(show)".into()
            )]
        );
        assert_eq!(
            links("www.example.org/a&amp; then"),
            [("www.example.org/a", "http://www.example.org/a".into())]
        );
        assert_eq!(
            links("기사는 https://news.example.kr/123에서。"),
            [(
                "https://news.example.kr/123에서",
                "https://news.example.kr/123에서".into()
            )]
        );
    }

    #[test]
    fn not_addresses() {
        for text in [
            "http://",
            "awww.example.org",
            "the www. prefix",
            "https://a_b.c_d",
            "nohttps://example.org",
        ] {
            assert_eq!(links(text), [], "{text}");
        }
    }

    #[test]
    fn apply_splits_plain_runs_only() {
        let mut block = Block::paragraph("Read www.example.org today".to_owned());
        apply(&mut block);
        let linked: Vec<_> = block
            .spans
            .iter()
            .map(|s| (&block.text[s.range.clone()], s.style.link.clone()))
            .collect();
        assert_eq!(
            linked,
            [
                ("Read ", None),
                ("www.example.org", Some("http://www.example.org".into())),
                (" today", None)
            ]
        );
    }
}
