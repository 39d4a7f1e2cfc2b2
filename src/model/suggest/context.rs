//! What the whole article says that changes how its sentences read (issue 15).
//!
//! - Whether the next season is still unconfirmed: then claims about it ("the cast is coming
//!   back for season two", "season two should show the move abroad") are open threads, even
//!   when written as facts, as the annotation guide says.
//! - Whether it is confirmed: then the open questions are its air date and who returns, not
//!   whether it will be made.
//! - Whether the article is a list of shows (three or more headings that name a show): then
//!   each show's section is one thread, titled with the show.

use super::language::is_korean;
use super::terms::{Topic, season_number};
use crate::model::{Block, BlockKind, Document};

/// The article-wide facts the suggester reads sentences against.
#[derive(Debug, Default)]
pub(crate) struct ArticleContext {
    /// Some sentence says a later season is not (yet) confirmed.
    pub season_open: bool,
    /// Some sentence says a later season is confirmed (and none says it is not).
    pub season_confirmed: bool,
    /// Per block: the show whose list entry holds it, in a list article.
    pub show_of_block: Vec<Option<String>>,
    /// The highest later season the article asks or tells about (2 for "season two").
    pub season: Option<u8>,
    /// Some sentence gives the next season's premiere date plainly.
    pub date_given: bool,
    /// How many sentences about the renewal said it is settled.
    pub confirmed_count: usize,
    /// How many sentences about the renewal said it is open.
    pub open_count: usize,
    /// The article's headline and the lede under it (or its first block when no title is
    /// given apart): the show and people it is about.
    pub headline: Option<String>,
    /// Names the article gives to makers, outlets and actors ([`super::title::makers_in`]).
    pub makers: Vec<String>,
    /// The actors the article names, with their parts ([`super::title::cast_of`]).
    pub cast: Vec<super::title::Casting>,
    /// Per block: the show the heading of its section names, if that heading is a show's name
    /// ("### Ghost Bakery"), without a season number.
    pub section_show: Vec<Option<String>>,
    /// Some sentence calls a season the show's last ("its third and final season"): no later
    /// season is open ([`final_season_said`]).
    pub series_over: bool,
    /// Actors whose return a sentence reports as settled ("Kofi Danquah is back as …",
    /// "배수혁은 … 출연을 확정하고"): whether they return is no open question.
    pub returned: Vec<String>,
}

/// Words of an actor's return reported ("is back as", "재출연 확정"), read only in a sentence
/// that settles something and opens nothing.
const RETURN_REPORTED: &[&str] = &[
    "back as",
    "returns as",
    "return as",
    "returning as",
    "reprising",
    "reprises",
    // The next season's, not another show's ("새 사극 출연을 확정", "합류를 확정" may be
    // elsewhere) nor a past one's ("시즌1에도 함께한").
    "재출연",
    "다시 출연",
    "시즌2에도 함께",
    "시즌3에도 함께",
    "다음 시즌에도 함께",
    "시즌2 출연을 확정",
    "시즌2 출연 확정",
];

/// The actors whose return `text` reports ([`RETURN_REPORTED`]): those the sentence itself
/// casts ("Ana Pires is back as Mara, but Tomas Reyes has left" reports Ana Pires only). The
/// caller knows the sentence settles and opens nothing.
pub(crate) fn returns_reported(text: &str) -> Vec<String> {
    // Read for most sentences of an article: the words as written, with no lower-cased copy
    // (they come mid-sentence, in lower case).
    if !RETURN_REPORTED.iter().any(|w| text.contains(w)) {
        return Vec::new();
    }
    super::title::cast_of(text)
        .into_iter()
        .map(|c| c.actor)
        .collect()
}

/// Words that call a season the show's last.
const FINAL_SEASON_WORDS: &[&str] = &[
    "final season",
    "final series",
    "last ever season",
    "마지막 시즌",
    "최종 시즌",
];

/// Words that leave whether a season is the last open: asked ("whether it is the final
/// season"), denied ("not the final season", "shut down the rumours"), only planned or
/// supposed ("had mapped out a third and final season", "would be the final season") or
/// forced by a cancellation a revival could undo.
const FINAL_SEASON_DOUBTS: &[&str] = &[
    "whether",
    " if ",
    "?",
    "would",
    "could",
    "might",
    "rumo",
    "plan",
    "mapped",
    "cancel",
    "deny",
    "denied",
    "shut down",
    "not the final",
    "not be the final",
    "n't be the final",
    "n't the final",
    "아닐",
    "아니",
    "지도",
];

/// Whether `text` says a season is the show's last, plainly (not asked, doubted or denied).
pub(crate) fn final_season_said(text: &str) -> bool {
    // Most sentences name no final season: told without lower-casing them.
    if !(text.contains("inal")
        || text.contains("INAL")
        || text.contains("ast ever")
        || text.contains(" 시즌"))
    {
        return false;
    }
    let lower = text.to_lowercase();
    FINAL_SEASON_WORDS.iter().any(|w| lower.contains(w))
        && !FINAL_SEASON_DOUBTS.iter().any(|w| lower.contains(w))
}

/// Per block, the show its section's heading names ([`ArticleContext::section_show`]).
pub(crate) fn section_shows(document: &Document) -> Vec<Option<String>> {
    let mut current: Option<String> = None;
    document
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            if matches!(block.kind, BlockKind::Heading(_)) {
                // The headline is the article's title, not a section's.
                // "The Last Ferry Season 2" names The Last Ferry.
                current = (i > 0 && !block.text.trim_end().ends_with('?'))
                    .then(|| show_entry(&without_season(&block.text)))
                    .flatten();
            }
            current.clone()
        })
        .collect()
}

/// "Marigold Street Season 3" → "Marigold Street"; "달빛 시즌2" → "달빛".
fn without_season(name: &str) -> String {
    let lower = name.to_lowercase();
    let cut = lower.find(" season").or_else(|| lower.find(" 시즌"));
    match cut {
        Some(at) if at > 0 => name[..at].trim().to_owned(),
        _ => name.trim().to_owned(),
    }
}

impl ArticleContext {
    /// Notes one sentence's reading: `topics` its own topics, `open`/`settled` its score.
    pub fn note(&mut self, text: &str, topics: &[Topic], open: bool, settled: bool) {
        self.series_over |= final_season_said(text);
        if topics.contains(&Topic::Renewal) {
            self.season = self.season.max(season_number(text));
            // "did not say when the new episodes would be released" asks when, not whether:
            // a sentence also about the schedule or the cast does not make the season open.
            let about_other = topics.contains(&Topic::Schedule) || topics.contains(&Topic::Cast);
            if open && !settled && !about_other {
                self.season_open = true;
                self.open_count += 1;
            } else if settled {
                self.season_confirmed = true;
                self.confirmed_count += 1;
                if topics.contains(&Topic::Schedule) && super::cues::has_date(text) {
                    self.date_given = true;
                }
            }
        }
    }

    /// Whether the article reads as a season confirmed: said so at least as often as it is
    /// said to be open ("the season will most likely adapt the tournament arc" in a piece
    /// that reports the premiere date is about the confirmed season's content).
    pub fn confirmed(&self) -> bool {
        self.season_confirmed && self.confirmed_count >= self.open_count
    }

    /// Every show a list of shows lists, in article order, each once.
    pub fn listed_shows(&self) -> Vec<String> {
        let mut shows: Vec<String> = Vec::new();
        for show in self.show_of_block.iter().flatten() {
            if !shows.contains(show) {
                shows.push(show.clone());
            }
        }
        shows
    }

    /// The show whose list entry holds `block`, if any.
    pub fn show(&self, block: usize) -> Option<&str> {
        self.show_of_block.get(block)?.as_deref()
    }

    /// The first block of a list of shows' first entry (`None` when no entry is listed):
    /// the blocks before it are the lede.
    pub fn first_entry_block(&self) -> Option<usize> {
        self.show_of_block.iter().position(Option::is_some)
    }
}

/// The fewest headings naming a show for an article to be a list of shows.
const MIN_LIST_ENTRIES: usize = 3;

/// Heading words that label a section rather than name a show ("Plot", "Release date").
const SECTION_WORDS: &[&str] = &[
    "plot",
    "cast",
    "release",
    "date",
    "story",
    "trailer",
    "what",
    "we",
    "know",
    "ending",
    "explained",
    "season",
    "renewal",
    "status",
    "where",
    "watch",
    "streaming",
    "characters",
    "summary",
    "recap",
    "spoilers",
    "news",
    "final",
    "thoughts",
    "verdict",
    "conclusion",
    "introduction",
    "background",
    "everything",
    "about",
    "why",
    "how",
    "when",
    "who",
    "is",
    "will",
    "reasons",
    "hope",
    "doubt",
    "open",
    "threads",
    "questions",
    "the",
    "a",
    "of",
    "to",
    "and",
    "for",
    "in",
    "it",
    "our",
    "more",
    "theories",
    "theory",
    "episode",
    "finale",
    "review",
    "details",
    "update",
    "updates",
    "latest",
    "expect",
    "returning",
    "new",
    "next",
    "also",
    "read",
    "related",
    "bottom",
    "line",
    "faq",
    "synopsis",
    "production",
    "premiere",
    "air",
    "renewed",
    "cancelled",
    "canceled",
    "confirmed",
    "interview",
    "quotes",
];

/// Words that make a heading a section label wherever they stand in it.
const LABELS: &[&str] = &[
    "plot",
    "cast",
    "release",
    "date",
    "trailer",
    "season",
    "episode",
    "ending",
    "recap",
    "explained",
    "renewal",
    "status",
    "spoilers",
    "watch",
    "synopsis",
    "characters",
];

/// Korean heading words that label a section.
const KOREAN_SECTION_WORDS: &[&str] = &[
    "줄거리",
    "출연진",
    "출연",
    "방송",
    "시즌",
    "정리",
    "결말",
    "예고",
    "공개",
    "일정",
    "편성",
    "요약",
    "관전",
    "포인트",
    "방영",
    "떡밥",
    "총평",
    "마무리",
    "리뷰",
    "후기",
    "해석",
    "확정",
    "소식",
    "다시보기",
    "정체",
    "근황",
    "제작",
    "가능성",
    "캐스팅",
];

/// The show a heading names, when it reads as a list entry: "1. Paper Moon (Netflix)",
/// "Starfall", "*Winter Hotel* – season 2?". `None` for section labels ("Plot", "Release
/// date", "What we know") and questions.
pub(crate) fn show_entry(heading: &str) -> Option<String> {
    let text = heading.trim();
    if text.ends_with('?') {
        return None;
    }
    // Numbering and bullet marks off: "1.", "#2", "3)", "■", "▶".
    let text = text
        .trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || !(c.is_alphanumeric() || KOREAN_TITLE_QUOTES.iter().any(|&(open, _)| open == c))
        })
        .trim();
    if is_korean(text) {
        return korean_show_entry(text);
    }
    // "Bonus: Greenhouse Nine": the show is named after the list's own label.
    let text = match text.split_once(':') {
        Some((label, rest)) if ENTRY_LABELS.contains(&label.trim().to_lowercase().as_str()) => {
            rest.trim()
        }
        _ => text,
    };
    // The name ends before a parenthesis, a dash or a colon.
    let end = text
        .find(['(', ':', '–', '—', '|'])
        .or_else(|| text.find(" - "))
        .unwrap_or(text.len());
    let name = text[..end]
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '"' | '\'' | '“' | '”' | '‘' | '’'))
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // "Copper Street Season 2 Cast" labels a section of one show's article.
    if words.iter().any(|w| LABELS.contains(&bare(w).as_str())) {
        return None;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !SECTION_WORDS.contains(&bare(w).as_str()))
        .collect();
    // "Nightingale & Pike": a sign between words is no word of its own.
    let capitalised = content
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    (!content.is_empty() && capitalised).then(|| name.to_owned())
}

/// Korean quotation marks around a title: a heading's quoted span is the show it names
/// ("1. '검은 우산' – 7주 연속 1위").
const KOREAN_TITLE_QUOTES: &[(char, char)] = &[
    ('\'', '\''),
    ('‘', '’'),
    ('"', '"'),
    ('“', '”'),
    ('「', '」'),
    ('『', '』'),
    ('《', '》'),
    ('<', '>'),
];

/// [`show_entry`] for a Korean heading, numbering and bullets off: its quoted title, else the
/// heading when no word of it labels a section ("도경민 합류 여부에 관심 쏠린 출연진" and
/// "골목 탐정 하미주 시즌2 방영일" label sections of one show's article).
fn korean_show_entry(text: &str) -> Option<String> {
    for &(open, close) in KOREAN_TITLE_QUOTES {
        if let Some(start) = text.find(open)
            && let Some(len) = text[start + open.len_utf8()..].find(close)
        {
            let inner = text[start + open.len_utf8()..][..len].trim();
            if !inner.is_empty() && inner.split_whitespace().count() <= 6 {
                return Some(inner.to_owned());
            }
        }
    }
    let end = text
        .find(['(', ':', '–', '—', '|'])
        .or_else(|| text.find(" - "))
        .unwrap_or(text.len());
    let name = text[..end].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let label = words
        .iter()
        .any(|w| KOREAN_SECTION_WORDS.iter().any(|s| w.contains(s)));
    (!words.is_empty() && words.len() <= 6 && !label).then(|| name.to_owned())
}

/// Whether `heading` gives `name` in title quotes ("1. '검은 우산' – …").
fn quoted_in(heading: &str, name: &str) -> bool {
    KOREAN_TITLE_QUOTES
        .iter()
        .any(|&(open, close)| heading.contains(&format!("{open}{name}{close}")))
}

/// Whether `name` is said in the article's body (outside headings): a Korean heading that
/// names a show of a list is a title the entry's text repeats; a section's own label
/// ("확실한 것들") is not repeated.
fn named_in_body(document: &Document, name: &str) -> bool {
    document
        .blocks
        .iter()
        .any(|b| !matches!(b.kind, BlockKind::Heading(_)) && b.text.contains(name))
}

/// Labels a list gives an entry before its show ("Bonus: Greenhouse Nine").
const ENTRY_LABELS: &[&str] = &[
    "bonus",
    "honorable mention",
    "honourable mention",
    "special mention",
    "update",
    "extra",
    "wildcard",
    "wild card",
];

/// The most words of a label line that heads a list entry ("**The Orrery Thieves** (anime,
/// 1 cour)").
const MAX_LABEL_WORDS: usize = 10;

/// The level of the heading `block` is: its own for a heading (1 to 6), 7 for a label line
/// written as a paragraph, which many list pieces use instead of headings: a short line that
/// opens in bold ("**Pilot Light Diner** (Fernway, 2 seasons)") or ends in a parenthesis
/// ("The Gantry (Ravelston, one season)") and is no sentence. `None` for other blocks.
pub(crate) fn heading_level(block: &Block) -> Option<usize> {
    match block.kind {
        BlockKind::Heading(level) => Some(usize::from(level).min(6)),
        BlockKind::Paragraph => {
            let text = block.text.trim();
            let opens_bold = block
                .spans
                .first()
                .is_some_and(|span| span.style.strong && span.range.start == 0);
            let label = text.split_whitespace().count() <= MAX_LABEL_WORDS
                && !text.ends_with(['.', '?', '!', ':', ','])
                && (opens_bold || (text.ends_with(')') && text.contains(" (")));
            label.then_some(LABEL_LEVEL)
        }
        _ => None,
    }
}

/// The level [`heading_level`] gives a label line: below every heading.
const LABEL_LEVEL: usize = 7;

/// Per block, the show of the list entry holding it, when at least [`MIN_LIST_ENTRIES`]
/// headings of one level (or label lines, [`heading_level`]) name shows; otherwise every
/// block maps to `None`.
pub(crate) fn list_entries(document: &Document) -> Vec<Option<String>> {
    let entry = |heading: &str| {
        show_entry(heading).filter(|name| {
            !is_korean(name) || quoted_in(heading, name) || named_in_body(document, name)
        })
    };
    // Per level, the distinct shows its headings name: one show's sections are not a list.
    let mut per_level: [Vec<String>; LABEL_LEVEL + 1] = Default::default();
    for block in &document.blocks {
        if let Some(level) = heading_level(block)
            && let Some(name) = entry(&block.text)
        {
            let shows = &mut per_level[level];
            if !shows.contains(&name) {
                shows.push(name);
            }
        }
    }
    let Some(level) = (1..=LABEL_LEVEL).find(|&l| per_level[l].len() >= MIN_LIST_ENTRIES) else {
        return vec![None; document.blocks.len()];
    };
    let mut current: Option<String> = None;
    document
        .blocks
        .iter()
        .map(|block| {
            if let Some(l) = heading_level(block) {
                if l == level {
                    current = entry(&block.text);
                } else if l < level {
                    current = None;
                }
            }
            current.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_return_told_plainly_names_its_actors() {
        let text = "Kofi Danquah is back as headteacher Mr Boateng, Freya Leverett returns as \
                    the geography teacher Miss Gorringe.";
        assert_eq!(returns_reported(text), ["Kofi Danquah", "Freya Leverett"]);
        let text = "‘구봉식’ 역의 배수혁은 일찌감치 출연을 확정하고 시즌2에도 함께한다.";
        assert_eq!(returns_reported(text), ["배수혁"]);
        // Cast for another show, or in a past season, is no return.
        assert!(returns_reported("‘미소’ 역의 윤서하는 최근 새 사극 출연을 확정했다.").is_empty());
        assert!(returns_reported("‘미소’ 역의 윤서하는 최근 새 사극 합류를 확정했다.").is_empty());
        // Only who the sentence casts returns; a show coming back is no actor.
        assert_eq!(
            returns_reported("Ana Pires is back as Mara, but Tomas Reyes has left the series."),
            ["Ana Pires"]
        );
        assert!(returns_reported("Slow Horses is back as sharp as ever.").is_empty());
    }

    #[test]
    fn a_bold_or_parenthesised_label_line_heads_an_entry_and_a_list_label_is_no_show() {
        let document = Document::from_markdown(
            "**Pilot Light Diner** (Fernway, 2 seasons)\n\n\
             The Gantry (Ravelston, one season)\n\n\
             **A bold start** to a long sentence that goes on and on for many words.\n\n\
             A sentence (with an aside) that ends.",
        );
        let levels: Vec<Option<usize>> = document.blocks.iter().map(heading_level).collect();
        assert_eq!(levels, [Some(LABEL_LEVEL), Some(LABEL_LEVEL), None, None]);
        assert_eq!(
            show_entry("Bonus: Greenhouse Nine (Pellucid, renewed)").as_deref(),
            Some("Greenhouse Nine")
        );
    }

    #[test]
    fn headings_naming_shows_are_list_entries_section_labels_are_not() {
        assert_eq!(
            show_entry("1. Paper Moon (Netflix)").as_deref(),
            Some("Paper Moon")
        );
        assert_eq!(show_entry("Starfall").as_deref(), Some("Starfall"));
        assert_eq!(
            show_entry("2. Nightingale & Pike").as_deref(),
            Some("Nightingale & Pike")
        );
        assert_eq!(
            show_entry("*Winter Hotel* – the case for more").as_deref(),
            Some("Winter Hotel")
        );
        assert_eq!(show_entry("Plot"), None);
        assert_eq!(show_entry("Release Date"), None);
        assert_eq!(show_entry("What we know so far"), None);
        assert_eq!(show_entry("Will it come back?"), None);
        assert_eq!(show_entry("줄거리"), None);
        assert_eq!(show_entry("2. 달빛 식당").as_deref(), Some("달빛 식당"));
        // Korean: a quoted title is the show; bullets and section labels are not.
        assert_eq!(
            show_entry("1. '검은 우산' – 7주 연속 1위의 주인공").as_deref(),
            Some("검은 우산")
        );
        assert_eq!(show_entry("▶ 《달빛 식당》").as_deref(), Some("달빛 식당"));
        assert_eq!(show_entry("■ 최종화 줄거리"), None);
        assert_eq!(show_entry("■ 골목 탐정 하미주 시즌2 방영일"), None);
        assert_eq!(show_entry("도경민 합류 여부에 관심 쏠린 출연진"), None);
        assert_eq!(show_entry("■ 총평"), None);
    }

    #[test]
    fn korean_section_headings_of_one_article_are_no_list() {
        // Headings the body never repeats label sections ("확실한 것들"), and one show's
        // sections are one show.
        let sections = Document::from_markdown(
            "# 드라마 결말 해석\n\n서론.\n\n## 1. 정원 주인의 비밀\n\n가.\n\n\
             ## 2. 두 사람의 앞날\n\n나.\n\n## 3. 확실한 것들\n\n다.\n",
        );
        assert!(list_entries(&sections).iter().all(Option::is_none));
        let one_show = Document::from_markdown(
            "# 달빛 식당 총정리\n\n달빛 식당 이야기.\n\n## ■ 달빛 식당\n\n가.\n\n\
             ## ■ 달빛 식당\n\n나.\n\n## ■ 달빛 식당\n\n다.\n",
        );
        assert!(list_entries(&one_show).iter().all(Option::is_none));
        // Named in the body or quoted in the heading: a list of shows.
        let list = Document::from_markdown(
            "# 시즌2가 필요한 드라마\n\n모아봤다.\n\n## 1. 달빛 식당\n\n달빛 식당은 좋았다.\n\n\
             ## 2. '검은 우산'\n\n이 작품도.\n\n## 3. 얼음성 이야기\n\n얼음성 이야기도.\n",
        );
        let named: Vec<Option<String>> = list_entries(&list);
        assert_eq!(named[3].as_deref(), Some("달빛 식당"));
        assert_eq!(named[5].as_deref(), Some("검은 우산"));
        assert_eq!(named[7].as_deref(), Some("얼음성 이야기"));
    }

    #[test]
    fn a_list_article_maps_each_block_to_its_show() {
        let document = Document::from_markdown(
            "# Three shows that need to come back\n\nIntro.\n\n## 1. Paper Moon\n\nA.\n\n\
             ## 2. Starfall\n\nB.\n\n## 3. Iron Tide\n\nC.\n",
        );
        let shows = list_entries(&document);
        let named: Vec<Option<&str>> = shows.iter().map(Option::as_deref).collect();
        assert_eq!(
            named,
            [
                None,
                None,
                Some("Paper Moon"),
                Some("Paper Moon"),
                Some("Starfall"),
                Some("Starfall"),
                Some("Iron Tide"),
                Some("Iron Tide")
            ]
        );
        let plain =
            Document::from_markdown("## Plot\n\nA.\n\n## Cast\n\nB.\n\n## Release Date\n\nC.\n");
        assert!(list_entries(&plain).iter().all(Option::is_none));
    }

    #[test]
    fn a_season_called_the_last_plainly_ends_the_show() {
        assert!(final_season_said(
            "Marrowgate ended its third and final season on Sunday."
        ));
        assert!(final_season_said(
            "'검은 우산' 마지막 시즌이 다음 달 공개된다."
        ));
        // Asked, denied, only planned or forced by a cancellation: still open.
        assert!(!final_season_said("Is this the final season?"));
        assert!(!final_season_said(
            "Kessel shut down the rumours that this would be the final season."
        ));
        assert!(!final_season_said(
            "The writers had mapped out a third and final season."
        ));
        assert!(!final_season_said(
            "It was cancelled after what became its final season."
        ));
    }
}
