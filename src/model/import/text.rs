//! Plain text as copied or saved from news sites, and the clean-up every import gets.
//!
//! Characters: line endings become `\n`; soft hyphens and zero-width characters are removed
//! (a zero-width joiner or non-joiner between two non-ASCII characters is kept: it shapes
//! emoji sequences and Persian or Indic words); no-break spaces become ordinary spaces; and
//! everything is normalised to NFC (Unicode Standard Annex #15), so text decomposed as macOS
//! writes it compares equal to the same text typed anywhere else.
//!
//! Lines near the top: a date marker (`date 2022-03-17`, alone or followed by the first
//! paragraph on the same line), datelines and bylines give the as-of date and are dropped.

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization as _;

use super::Parts;
use super::dates::{DateRole, parse_dateline, take_date_marker};

/// How many non-empty lines at the top are looked at for datelines and bylines.
const LEADING_LINES: usize = 8;
/// A line longer than this (in characters) is body text: datelines come before it.
const BODY_LINE_CHARS: usize = 200;
/// The longest first line still taken as a headline, in characters.
const MAX_HEADLINE_CHARS: usize = 140;

/// Cleans characters and normalises to NFC; see the module docs for what changes.
pub fn clean(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' => {
                out.push('\n');
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            // Soft hyphen, zero-width space, word joiner, BOM / zero-width no-break space,
            // Mongolian vowel separator, invisible operators.
            '\u{00ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}' | '\u{2061}'
            | '\u{2062}' | '\u{2063}' | '\u{2064}' => {}
            '\u{200c}' | '\u{200d}' => {
                let shapes =
                    |n: Option<&char>| n.is_some_and(|n| !n.is_ascii() && !n.is_whitespace());
                if i > 0 && shapes(chars.get(i - 1)) && shapes(chars.get(i + 1)) {
                    out.push(c);
                }
            }
            '\u{00a0}' | '\u{202f}' | '\u{2007}' => out.push(' '),
            _ => out.push(c),
        }
        i += 1;
    }
    if unicode_normalization::is_nfc(&out) {
        out
    } else {
        out.nfc().collect()
    }
}

/// Reads the date marker, datelines and bylines among the first lines, removes them, and
/// returns the as-of date: the published date when one is given, else the updated date.
///
/// Published wins over updated because the as-of date anchors what the article claimed when
/// it came out; later updates are usually corrections. `skip` says which lines are not prose
/// (Markdown headings, fences) and are passed over without being read.
pub fn take_leading_dates(lines: &mut Vec<String>, skip: impl Fn(&str) -> bool) -> Option<Date> {
    let mut published = None;
    let mut updated = None;
    let mut seen = 0;
    let mut index = 0;
    while index < lines.len() && seen < LEADING_LINES {
        let line = lines[index].trim();
        if line.is_empty() || skip(line) {
            seen += usize::from(!line.is_empty());
            index += 1;
            continue;
        }
        seen += 1;
        if let Some((date, rest)) = take_date_marker(line) {
            published.get_or_insert(date);
            if rest.trim().is_empty() {
                lines.remove(index);
            } else {
                lines[index] = rest.trim().to_owned();
                index += 1;
            }
            continue;
        }
        if let Some(dates) = parse_dateline(line) {
            for (role, date) in dates {
                match role {
                    DateRole::Published => published.get_or_insert(date),
                    DateRole::Updated => updated.get_or_insert(date),
                };
            }
            lines.remove(index);
            continue;
        }
        if line.chars().count() > BODY_LINE_CHARS {
            break;
        }
        index += 1;
    }
    published.or(updated)
}

/// Splits cleaned text into owned lines.
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// A plain-text article: datelines read, then the first line as the title when it reads like
/// a headline (short, followed by more text, not ending like a sentence, not a tab-separated
/// row).
pub fn import_plain(text: &str) -> Parts {
    let mut lines = lines(text);
    // A tab-separated row is a table's, never a dateline.
    let as_of = take_leading_dates(&mut lines, |line| line.contains('\t'));
    let title = take_headline(&mut lines);
    Parts {
        title,
        as_of,
        body: lines.join("\n").trim_matches('\n').to_owned(),
        source_url: None,
    }
}

/// Takes the first line as the title when it reads like a headline.
fn take_headline(lines: &mut Vec<String>) -> Option<String> {
    let index = lines.iter().position(|l| !l.trim().is_empty())?;
    let first = lines[index].trim();
    let has_more = lines[index + 1..].iter().any(|l| !l.trim().is_empty());
    let sentence_like = first.ends_with(['.', ',', ';', ':']);
    // A table's header row is no headline.
    let next: Vec<&str> = lines[index..].iter().take(2).map(String::as_str).collect();
    let row = lines[index].contains('\t') || crate::model::document::starts_table(&next);
    // HTML a paste left (`<h1>Bramble &amp; Bone</h1>`) is read as the body's is.
    let title = crate::model::document::line_without_html_leftovers(first);
    if has_more
        && !sentence_like
        && !row
        && !title.is_empty()
        && first.chars().count() <= MAX_HEADLINE_CHARS
    {
        lines.remove(index);
        Some(title)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_headline_pasted_with_html_leftovers_reads_as_text() {
        let parts = import_plain(
            "<h1>Bramble &amp; Bone Season 2 CONFIRMED!!</h1>\n<p>ok so its finally official.</p>",
        );
        assert_eq!(
            parts.title.as_deref(),
            Some("Bramble & Bone Season 2 CONFIRMED!!")
        );
    }

    #[test]
    fn clean_removes_invisible_characters_and_normalises() {
        assert_eq!(clean("re\u{ad}newal"), "renewal");
        assert_eq!(clean("sea\u{200b}son\u{2060}two\u{feff}"), "seasontwo");
        assert_eq!(clean("Season\u{a0}2\u{202f}!"), "Season 2 !");
        assert_eq!(clean("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        // Family emoji keeps its joiners; a stray joiner between Latin letters goes.
        let family = "\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(clean(family), family);
        assert_eq!(clean("ab\u{200d}c"), "abc");
        // Decomposed Hangul and Latin become composed.
        assert_eq!(clean("\u{1112}\u{1161}"), "하");
        assert_eq!(clean("cafe\u{301}"), "café");
    }

    #[test]
    fn marker_on_the_same_line_as_the_first_paragraph() {
        for text in [
            "date 2022-03-17 The South Korean drama, a hit, gained viewers. It did well.",
            " date 2022-03-17 The South Korean drama, a hit, gained viewers. It did well.",
        ] {
            let parts = import_plain(text);
            assert_eq!(parts.as_of, Some(date(2022, 3, 17)));
            assert_eq!(parts.title, None, "a sentence is not a headline");
            assert_eq!(
                parts.body,
                "The South Korean drama, a hit, gained viewers. It did well."
            );
        }
    }

    #[test]
    fn datelines_and_bylines_near_the_top_are_read_and_dropped() {
        let parts = import_plain(
            "Harbor Lights may return\nBy Kim Min-ji | Korea Daily\nUpdated: 2023-06-04 10:00 KST\nPublished June 2, 2023\n\nThe network has not said a word.\nFans wait.",
        );
        assert_eq!(parts.title.as_deref(), Some("Harbor Lights may return"));
        assert_eq!(parts.as_of, Some(date(2023, 6, 2)), "published wins");
        assert_eq!(parts.body, "The network has not said a word.\nFans wait.");
    }

    #[test]
    fn updated_alone_gives_the_date_and_body_dates_are_kept() {
        let text = format!(
            "Updated: 2022-03-17 10:00 KST\nSeason two talk\n{}\n17 March 2022",
            "A paragraph of body text that goes on long enough to be prose. ".repeat(4)
        );
        let parts = import_plain(&text);
        assert_eq!(parts.as_of, Some(date(2022, 3, 17)));
        assert_eq!(parts.title.as_deref(), Some("Season two talk"));
        assert!(parts.body.ends_with("\n17 March 2022"), "{}", parts.body);
    }

    #[test]
    fn a_sentence_mentioning_a_date_stays() {
        let parts = import_plain("On 17 March 2022 the network said nothing.\nFans waited.");
        assert_eq!(parts.as_of, None);
        assert!(parts.body.starts_with("On 17 March 2022"));
    }
}
