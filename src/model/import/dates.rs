//! Dates as news sites write them: in datelines (`Published March 17, 2022`,
//! `Updated: 2022-03-17 10:00 KST`, `17 March 2022`, `Mar. 17, 2022`), bylines
//! (`By NAME | DATE`) and metadata values (`2022-03-17T10:00:00+09:00`).
//!
//! A date is kept as the calendar date written on the page (the publisher's local date): the
//! as-of date is about what was known that day, not about an instant.

use jiff::civil::Date;

/// What a date in a dateline says about the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateRole {
    /// First published (or a bare date, which sites use for publication).
    Published,
    /// Updated or modified later.
    Updated,
}

/// The dates a whole line of datelines and bylines gives, or `None` when the line is anything
/// else (a headline, a sentence of the body).
///
/// The line is split into segments at `|`, `·`, `•` and spaced dashes; every segment must be
/// a dateline (optional keyword, a date, an optional time and zone), a byline (`By NAME`,
/// optionally `on DATE`) or a short name (a site, a section) next to one of those.
pub fn parse_dateline(line: &str) -> Option<Vec<(DateRole, Date)>> {
    let line = line.trim().trim_matches(['*', '_', ' ']);
    if line.is_empty() || line.chars().count() > 160 {
        return None;
    }
    let mut dates = Vec::new();
    let mut anchored = false;
    let mut short_names = 0;
    for segment in split_segments(line) {
        let segment = segment.trim().trim_matches(['*', '_', ' ', ',']);
        if segment.is_empty() {
            continue;
        }
        if let Some(found) = dated_segment(segment) {
            dates.push(found);
            anchored = true;
        } else if is_byline(segment) {
            anchored = true;
        } else if is_short_name(segment) {
            short_names += 1;
        } else {
            return None;
        }
    }
    (anchored && short_names <= 2).then_some(dates)
}

/// A line that starts with a date marker, `date 2022-03-17` or `Date: 2022-03-17`, and the
/// text after it on the same line (possibly empty).
pub fn take_date_marker(line: &str) -> Option<(Date, &str)> {
    let trimmed = line.trim_start();
    let keyword = trimmed.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = trimmed[4..].trim_start_matches([':', ' ', '\t']);
    if rest.len() == trimmed.len() - 4 {
        // "dated", "dates": not a marker.
        return None;
    }
    let (date, range) = find_date(rest)?;
    if range.start != 0 {
        return None;
    }
    let after = rest[range.end..].trim_start_matches([',', ' ', '\t']);
    let after = skip_time(after);
    Some((date, after))
}

/// A date from a metadata value: an ISO date or date-time (`2022-03-17`,
/// `2022-03-17T10:00:00+09:00`, `2022-03-17 10:00`), or any form [`find_date`] knows.
pub fn parse_date_value(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Ok(date) = value.parse::<Date>() {
        return Some(date);
    }
    if let Ok(time) = value.parse::<jiff::civil::DateTime>() {
        return Some(time.date());
    }
    if let Ok(stamp) = value.parse::<jiff::Timestamp>() {
        return Some(stamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    }
    find_date(value).map(|(date, _)| date)
}

/// A date-time stamp from a page's metadata, as far as it tells the publisher's local date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// The publisher's local date: a date alone, a date-time without an offset, or one with
    /// a non-zero offset (`2022-03-17T23:30:00+09:00` is 17 March where it was written).
    Local(Date),
    /// An instant given in UTC (`…Z`, `…+00:00`): its local date depends on the publisher's
    /// time zone ([`Stamp::date_in`]).
    Utc(jiff::Timestamp),
}

impl Stamp {
    /// Reads a metadata value: an ISO 8601 / RFC 3339 date or date-time (`T` or a space
    /// between them), else any date [`find_date`] knows (a local date).
    pub fn parse(value: &str) -> Option<Self> {
        use jiff::fmt::temporal::{Pieces, PiecesOffset};
        let value = value.trim();
        if let Ok(pieces) = Pieces::parse(value) {
            let utc = match pieces.offset() {
                Some(PiecesOffset::Zulu) => true,
                Some(PiecesOffset::Numeric(offset)) => offset.offset() == jiff::tz::Offset::UTC,
                _ => false,
            };
            if utc && let Some(time) = pieces.time() {
                let stamp = pieces
                    .date()
                    .to_datetime(time)
                    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .ok()?
                    .timestamp();
                return Some(Stamp::Utc(stamp));
            }
            return Some(Stamp::Local(pieces.date()));
        }
        find_date(value).map(|(date, _)| Stamp::Local(date))
    }

    /// The date in the publisher's time zone `zone` (UTC when it is not known).
    pub fn date_in(self, zone: Option<jiff::tz::Offset>) -> Date {
        match self {
            Stamp::Local(date) => date,
            Stamp::Utc(stamp) => stamp
                .to_zoned_datetime(jiff::tz::TimeZone::fixed(
                    zone.unwrap_or(jiff::tz::Offset::UTC),
                ))
                .date(),
        }
    }
}

/// Time zone abbreviations news sites print after a time, with their offsets in hours and
/// minutes. Only unambiguous ones (not `CST`, which is China's and the US's).
const ZONES: [(&str, i8, i8); 26] = [
    ("KST", 9, 0),
    ("JST", 9, 0),
    ("HKT", 8, 0),
    ("SGT", 8, 0),
    ("PHT", 8, 0),
    ("AWST", 8, 0),
    ("WIB", 7, 0),
    ("ICT", 7, 0),
    ("IST", 5, 30),
    ("MSK", 3, 0),
    ("EEST", 3, 0),
    ("EET", 2, 0),
    ("CEST", 2, 0),
    ("CET", 1, 0),
    ("BST", 1, 0),
    ("GMT", 0, 0),
    ("UTC", 0, 0),
    ("EDT", -4, 0),
    ("EST", -5, 0),
    ("CDT", -5, 0),
    ("MDT", -6, 0),
    ("MST", -7, 0),
    ("PDT", -7, 0),
    ("PST", -8, 0),
    ("AEST", 10, 0),
    ("AEDT", 11, 0),
];

/// The time zone a byline writes its time in: an abbreviation right after a time of day
/// (`08:30 KST`, `8:30 p.m. EDT`, `(UTC+9)` after a time) or an explicit `UTC+9` /
/// `GMT+09:00` anywhere. `None` when `text` names none.
pub fn find_zone(text: &str) -> Option<jiff::tz::Offset> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let bare = word.trim_matches(['(', ')', '[', ']', '.', '|', '*']);
        if let Some(offset) = explicit_offset(bare) {
            return Some(offset);
        }
        let after_time = words[i.saturating_sub(3)..i]
            .iter()
            .any(|w| is_clock(w.trim_matches(['(', ')', '.'])));
        if after_time && let Some(&(_, h, m)) = ZONES.iter().find(|(name, _, _)| *name == bare) {
            let seconds = i32::from(h) * 3600 + i32::from(m) * 60 * i32::from(h.signum());
            return jiff::tz::Offset::from_seconds(seconds).ok();
        }
    }
    None
}

/// `10:00`, `8:30pm`, `9:00a.m`: a time of day.
fn is_clock(word: &str) -> bool {
    let digits = word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
        .trim_start_matches('T');
    let mut parts = digits.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// `UTC+9`, `GMT+09:00`, `UTC-5`, `UTC+5:30`.
fn explicit_offset(word: &str) -> Option<jiff::tz::Offset> {
    let rest = word
        .strip_prefix("UTC")
        .or_else(|| word.strip_prefix("GMT"))?;
    let sign: i32 = match rest.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let rest = &rest[rest.chars().next()?.len_utf8()..];
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m >= 60 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// The first date written in `text`, and its byte range: `2022-03-17`, `2022.03.17`,
/// `2022/03/17`, `2022-03-17T10:00…`, `March 17, 2022`, `Mar. 17 2022`, `17 March 2022`,
/// `17th Mar 2022`, `2022년 3월 17일`. Validity (no 31 February) is checked by `jiff`.
pub fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let words = words(text);
    for i in 0..words.len() {
        let (start, w0) = words[i];
        if let Some(date) = iso_word(w0).or_else(|| day_first_word(w0)) {
            return Some((date, start..start + w0.len()));
        }
        let Some(&(_, w1)) = words.get(i + 1) else {
            continue;
        };
        let Some(&(s2, w2)) = words.get(i + 2) else {
            continue;
        };
        let end = s2 + w2.len();
        let found = match (month(w0), day(w0), month(w1), day(w1), year(w2)) {
            (Some(m), _, _, Some(d), Some(y)) => Date::new(y, m, d).ok(),
            (_, Some(d), Some(m), _, Some(y)) => Date::new(y, m, d).ok(),
            _ => korean_date(w0, w1, w2),
        };
        if let Some(date) = found {
            return Some((date, start..end));
        }
    }
    None
}

/// The words of `text` with their byte offsets, split at whitespace and commas; a trailing
/// full stop is kept in the word (`Mar.`) and ignored by the parsers.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let separator = c.is_whitespace() || c == ',';
        match (start, separator) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn iso_word(word: &str) -> Option<Date> {
    let word = word.trim_end_matches('.');
    let head = word.get(..10)?;
    let bytes = head.as_bytes();
    let separator = bytes[4];
    if !matches!(separator, b'-' | b'.' | b'/') || bytes[7] != separator {
        return None;
    }
    let rest = &word[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't'])) {
        return None;
    }
    let iso: String = head
        .chars()
        .map(|c| if matches!(c, '.' | '/') { '-' } else { c })
        .collect();
    iso.parse::<Date>().ok()
}

/// `17.03.2022` (day first, as German and Russian sites write it) and `17/03/2022` or
/// `03/17/2022` when the order is clear (one number is over 12); `03/04/2022` is ambiguous and
/// not read.
fn day_first_word(word: &str) -> Option<Date> {
    let word = word.trim_end_matches('.');
    let separator = if word.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = word.split(separator).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y) = (day(a)?, day(b)?, year(y)?);
    let (d, m) = match separator {
        '.' => (a, b),
        _ if a > 12 && b <= 12 => (a, b),
        _ if b > 12 && a <= 12 => (b, a),
        _ => return None,
    };
    Date::new(y, m, d).ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by its English name or an abbreviation of at least three letters (`Mar.`,
/// `Sept`), as a number from 1 to 12. Also used by the suggester to spot dates.
pub(crate) fn month(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(word.as_str()))?;
    i8::try_from(index + 1).ok()
}

/// A day of the month: `17`, `17th`, `1st`, `2nd`, `3rd`.
fn day(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.');
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year.
fn year(word: &str) -> Option<i16> {
    let word = word.trim_end_matches(['.', ';', ')']);
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// `2022년 3월 17일`.
fn korean_date(w0: &str, w1: &str, w2: &str) -> Option<Date> {
    let y: i16 = w0.strip_suffix('년')?.parse().ok()?;
    let m: i8 = w1.strip_suffix('월')?.parse().ok()?;
    let d: i8 = w2.strip_suffix('일')?.parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Keywords that introduce a date, lower case, longest first.
const PUBLISHED_WORDS: &[&str] = &[
    "originally published",
    "first published",
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
    "기사입력",
    "최초입력",
    "최초 입력",
    "입력",
    "등록",
    "발행",
    "게재",
    "公開",
    "配信",
];
const UPDATED_WORDS: &[&str] = &[
    "last updated on",
    "last updated",
    "last modified",
    "updated on",
    "updated",
    "modified",
    "최종수정",
    "최종 수정",
    "업데이트",
    "수정",
    "更新",
];

/// A segment that is a date with an optional keyword before it and an optional time after
/// it, or a byline ending in a date (`By NAME on March 17, 2022`).
fn dated_segment(segment: &str) -> Option<(DateRole, Date)> {
    let (date, range) = find_date(segment)?;
    let before = segment[..range.start].trim().trim_end_matches([':', ',']);
    let after = segment[range.end..].trim_start_matches([',', ' ']);
    if !skip_time(after).is_empty() {
        return None;
    }
    let lower = before.to_lowercase();
    let lower = strip_weekday(lower.trim());
    let role = if lower.is_empty() {
        DateRole::Published
    } else if let Some(rest) = strip_any(lower, UPDATED_WORDS) {
        if !strip_weekday(rest.trim_start_matches([':', ' '])).is_empty() {
            return None;
        }
        DateRole::Updated
    } else if let Some(rest) = strip_any(lower, PUBLISHED_WORDS) {
        if !strip_weekday(rest.trim_start_matches([':', ' '])).is_empty() {
            return None;
        }
        DateRole::Published
    } else if let Some(name) = before
        .strip_suffix(" on")
        .or_else(|| before.strip_suffix(" On"))
        .or(Some(before))
        && is_byline(name.trim())
    {
        DateRole::Published
    } else {
        return None;
    };
    Some((role, date))
}

fn strip_any<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| text.strip_prefix(w))
}

/// Drops a leading weekday (`Thursday`, `Thu.`).
fn strip_weekday(text: &str) -> &str {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let text = text.trim();
    let first = text.split([' ', ',']).next().unwrap_or("");
    let word = first.trim_end_matches('.');
    if word.len() >= 3 && DAYS.iter().any(|d| d.starts_with(word)) {
        text[first.len()..].trim_start_matches([',', ' '])
    } else {
        text
    }
}

/// What is left of `text` after a leading time of day and zone (`10:00`, `10:00 a.m. KST`,
/// `(UTC+9)`, `at 9 pm`): everything when it does not start with one.
fn skip_time(text: &str) -> &str {
    let mut rest = text.trim_start();
    let mut took_any = false;
    loop {
        let word_end = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.is_empty() || !is_time_word(word, took_any) {
            break;
        }
        took_any = true;
        rest = rest[word_end..].trim_start_matches([' ', ',', '\t']);
    }
    rest
}

fn is_time_word(word: &str, after_time: bool) -> bool {
    let bare = word.trim_matches(['(', ')', '.']);
    let lower = bare.to_ascii_lowercase();
    let clock = bare.contains(':') && bare.bytes().all(|b| b.is_ascii_digit() || b == b':');
    let hour = after_time || lower == "at";
    clock
        || lower == "at"
        || matches!(
            lower.as_str(),
            "am" | "pm" | "a.m" | "p.m" | "h" | "hrs" | "오전" | "오후" | "午前" | "午後"
        )
        || (hour && bare.len() <= 2 && bare.bytes().all(|b| b.is_ascii_digit()))
        || (after_time && is_zone(bare))
        || ((lower.ends_with("am") || lower.ends_with("pm"))
            && lower.len() <= 7
            && lower.starts_with(|c: char| c.is_ascii_digit()))
}

/// `KST`, `UTC`, `GMT+9`, `UTC+09:00`.
fn is_zone(word: &str) -> bool {
    let letters: String = word
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let rest = &word[letters.len()..];
    (2..=5).contains(&letters.len())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b':'))
}

/// `By Kim Min-ji`, `Words by Lee`, `Reporter Park`: a short credit, not a sentence.
fn is_byline(segment: &str) -> bool {
    let lower = segment.to_lowercase();
    let name = ["by ", "written by ", "words by ", "story by ", "reporter "]
        .iter()
        .find_map(|p| lower.strip_prefix(p).map(|_| &segment[p.len()..]));
    let Some(name) = name else {
        return segment.ends_with(" 기자") && segment.split_whitespace().count() <= 3;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !name.ends_with(['.', '!', '?', ':'])
        && words
            .iter()
            .filter(|w| !matches!(**w, "and" | "&" | "of" | "the" | "and,"))
            .all(|w| !w.starts_with(|c: char| c.is_lowercase()))
}

/// A site or section name next to a byline or date (`Korea Daily`, `Entertainment`).
fn is_short_name(segment: &str) -> bool {
    let words = segment.split_whitespace().count();
    (1..=4).contains(&words)
        && !segment.ends_with(['.', '!', '?', ':', ','])
        && segment.starts_with(|c: char| !c.is_lowercase())
}

/// Splits a line at `|`, `·`, `•`, and at `/` and dashes with a space on both sides.
fn split_segments(line: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let spaced = line[..i].ends_with(' ') && line[i + c.len_utf8()..].starts_with(' ');
        let cut =
            matches!(c, '|' | '·' | '•' | '｜') || (spaced && matches!(c, '-' | '–' | '—' | '/'));
        if cut {
            segments.push(&line[start..i]);
            start = i + c.len_utf8();
        }
    }
    segments.push(&line[start..]);
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn line(text: &str) -> Option<Vec<(DateRole, Date)>> {
        parse_dateline(text)
    }

    #[test]
    fn datelines_of_every_usual_kind() {
        let d = date(2022, 3, 17);
        for text in [
            "Published March 17, 2022",
            "Published: March 17, 2022 at 10:00 a.m. KST",
            "17 March 2022",
            "Mar. 17, 2022",
            "Thursday, March 17, 2022",
            "Posted on 17th March 2022",
            "2022.03.17",
            "2022년 3월 17일",
            "기사입력 2022.03.17 오후 3:20",
            "최초 입력 2022-03-17 08:30 KST",
            "By Kim Min-ji | March 17, 2022",
            "By Kim Min-ji on Mar 17, 2022",
            "*By Kim Min-ji · Korea Daily · 17 Mar 2022*",
            "Date: 2022-03-17",
            "17.03.2022",
            "Published 03/17/2022",
            "Veröffentlicht | 17/03/2022",
        ] {
            assert_eq!(line(text), Some(vec![(DateRole::Published, d)]), "{text}");
        }
        assert_eq!(
            line("Updated: 2022-03-17 10:00 KST"),
            Some(vec![(DateRole::Updated, d)])
        );
        assert_eq!(
            line("Published 2022-03-16 | Updated 2022-03-17 10:00 (UTC+9)"),
            Some(vec![
                (DateRole::Published, date(2022, 3, 16)),
                (DateRole::Updated, d)
            ])
        );
        assert_eq!(line("By Kim Min-ji"), Some(vec![]));
    }

    #[test]
    fn sentences_and_headlines_are_not_datelines() {
        for text in [
            "On March 17, 2022 the network said nothing.",
            "The finale aired on 9 August 2020 to record ratings",
            "By the end of the year, fans had given up.",
            "Harbor Lights renewal watch",
            "March 17, 2022 was the day the rumours began",
            "Published March 40, 2022",
            "2022-02-30",
            "03/04/2022",
            "",
        ] {
            assert_eq!(line(text), None, "{text}");
        }
    }

    #[test]
    fn date_marker_with_text_on_the_same_line() {
        assert_eq!(
            take_date_marker("date 2022-03-17 The South Korean drama gained viewers."),
            Some((date(2022, 3, 17), "The South Korean drama gained viewers."))
        );
        assert_eq!(
            take_date_marker(" Date: 2022-03-17"),
            Some((date(2022, 3, 17), ""))
        );
        assert_eq!(take_date_marker("dated 2022-03-17 letters"), None);
        assert_eq!(take_date_marker("date night ideas"), None);
    }

    #[test]
    fn stamps_keep_the_local_date_and_convert_utc_in_the_publishers_zone() {
        let kst = find_zone("By Kim Min-ji | 2024.08.31 08:30 KST");
        assert_eq!(kst, jiff::tz::Offset::from_hours(9).ok());
        let utc = Stamp::parse("2024-08-30T23:30:00Z").unwrap();
        assert!(matches!(utc, Stamp::Utc(_)));
        assert_eq!(utc.date_in(kst), date(2024, 8, 31));
        assert_eq!(utc.date_in(None), date(2024, 8, 30));
        let plus_zero = Stamp::parse("2024-08-30T23:30:00+00:00").unwrap();
        assert_eq!(plus_zero.date_in(kst), date(2024, 8, 31));
        let local = Stamp::parse("2024-08-30T23:30:00-04:00").unwrap();
        assert_eq!(
            local.date_in(kst),
            date(2024, 8, 30),
            "written with its offset"
        );
        assert_eq!(
            Stamp::parse("2024-08-30").unwrap().date_in(kst),
            date(2024, 8, 30)
        );
        assert_eq!(
            Stamp::parse("Aug. 30, 2024").unwrap().date_in(kst),
            date(2024, 8, 30)
        );
        assert_eq!(Stamp::parse("soon"), None);
    }

    #[test]
    fn zones_after_a_time_or_explicit() {
        let hours = |h| jiff::tz::Offset::from_hours(h).ok();
        assert_eq!(find_zone("Updated 8:30 p.m. EDT"), hours(-4));
        assert_eq!(find_zone("posted (UTC+9)"), hours(9));
        assert_eq!(find_zone("10:00 (GMT-05:00)"), hours(-5));
        assert_eq!(
            find_zone("IST 14:00 and 14:00 IST"),
            jiff::tz::Offset::from_seconds(5 * 3600 + 30 * 60).ok()
        );
        assert_eq!(find_zone("The EST of it all"), None, "no time before it");
        assert_eq!(find_zone("no zone here 10:00"), None);
    }

    #[test]
    fn metadata_values() {
        assert_eq!(
            parse_date_value("2022-03-17T23:30:00+09:00"),
            Some(date(2022, 3, 17))
        );
        assert_eq!(
            parse_date_value("2022-03-17T10:00:00Z"),
            Some(date(2022, 3, 17))
        );
        assert_eq!(parse_date_value("2022-03-17"), Some(date(2022, 3, 17)));
        assert_eq!(parse_date_value("March 17, 2022"), Some(date(2022, 3, 17)));
        assert_eq!(parse_date_value("soon"), None);
    }
}
