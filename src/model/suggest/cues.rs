//! Cues that mark a sentence as raising an open question, and counter-cues for settled facts.
//!
//! The kinds of cue follow the hedge- and speculation-detection literature (the CoNLL-2010
//! shared task and the BioScope corpus describe hedges as modal and future forms, speculation
//! verbs and uncertainty phrases); the lists themselves are ours, written for news about shows
//! and for fan writing, in English and Korean. A sentence scores the sum of its cues' weights;
//! [`OPEN_THRESHOLD`] points or more make it a candidate.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The score from which a sentence raises an open question.
pub(crate) const OPEN_THRESHOLD: i32 = 2;

/// Weak cues alone raise a question only from this many points ("could happen if …").
const WEAK_ONLY_THRESHOLD: i32 = 3;

/// Points for a direct question (a sentence ending in `?`, or a Korean `…까` question).
const QUESTION_POINTS: i32 = 3;
/// Points for a question inside quotation marks (often dialogue in a recap).
const QUOTED_QUESTION_POINTS: i32 = 1;

/// Uncertainty, speculation and negated settlement: one of these alone is enough.
const STRONG: &[&str] = &[
    // Not (yet) settled.
    "no confirmation",
    "not been confirmed",
    "not confirmed",
    "not officially confirmed",
    "not yet confirmed",
    "yet to be confirmed",
    "unconfirmed",
    "has yet to",
    "have yet to",
    "had yet to",
    "is yet to",
    "are yet to",
    "not yet announced",
    "not been announced",
    "yet to be announced",
    "not been renewed",
    "not renewed",
    "not been picked up",
    "not been greenlit",
    "no official word",
    "no official announcement",
    "no word on",
    "no word yet",
    "no news on",
    "no announcement",
    "no decision",
    "not decided",
    "undecided",
    "no plans",
    "no release date",
    "no date",
    "to be announced",
    "to be determined",
    "tba",
    "tbd",
    // Still being worked out.
    "in talks",
    "in early talks",
    "in discussions",
    "in negotiations",
    "under discussion",
    "under consideration",
    "being considered",
    "considering",
    "mulling",
    "weighing",
    // Unknown, unclear, open.
    "remains to be seen",
    "remain to be seen",
    "left open",
    "left unanswered",
    "unanswered",
    "unresolved",
    "unexplained",
    "unclear",
    "uncertain",
    "uncertainty",
    "unknown",
    "not known",
    "no one knows",
    "nobody knows",
    "who knows",
    "up in the air",
    "open question",
    "open questions",
    "open-ended",
    "open ending",
    "ambiguous",
    "ambiguity",
    "cliffhanger",
    "cliff-hanger",
    "questions remain",
    "question remains",
    "loose end",
    "loose ends",
    "mystery",
    // Speculation and report.
    "rumor",
    "rumors",
    "rumored",
    "rumour",
    "rumours",
    "rumoured",
    "speculation",
    "speculate",
    "speculated",
    "speculating",
    "reportedly",
    "allegedly",
    "is said to",
    "are said to",
    "sources say",
    "sources said",
    "insiders say",
    "fan theory",
    "fan theories",
    "theorize",
    "theorise",
    "hinted",
    "teased",
    // What fans want.
    "fans hope",
    "fans are hoping",
    "fans still hope",
    "fans believe",
    "fans demand",
    "fans are demanding",
    "fans wonder",
    "fans are wondering",
    "fans want",
    "fans still want",
    "fans speculate",
    "fans expect",
    "fans are asking",
    "fans keep asking",
    "fans continue to ask",
    "viewers wonder",
    "viewers are left wondering",
    "left wondering",
    "petition",
    "viewers believe",
    "many believe",
    "some believe",
    "others believe",
    "fans suspect",
    "viewers suspect",
    "fans are convinced",
    "never confirmed",
    "never found",
    "never explained",
    "never revealed",
    "never resolved",
    "never answered",
    "never says",
    "never said",
    "never say",
    "does not say",
    "did not say",
    "doesn't say",
    "didn't say",
    "would not say",
    "wouldn't say",
    "won't say",
    "declined to say",
    "refused to say",
    "declined to comment",
    "not commented",
    "no comment",
    "not responded",
    "did not respond",
    "never reveals",
    "not revealed",
    "do not learn",
    "don't learn",
    "never learn",
    "never find out",
    "do not find out",
    "reports claim",
    "reports say",
    "reports suggest",
    "according to reports",
    "unverified",
    "no release window",
    "no premiere date",
    "no airdate",
    "no air date",
    "positively reviewing",
    "positively considering",
    "not been set",
    "not been finalized",
    "not been finalised",
    "yet to be set",
    "not been decided",
    "nothing has been decided",
    "nothing is decided",
    "being discussed",
    "not a sure thing",
    "never a sure thing",
    "no guarantee",
    "unfinished",
];

/// Hedges weaker than [`STRONG`] ones: alone they are enough, but carry less weight.
const MEDIUM: &[&str] = &[
    "whether",
    "might",
    "possibility",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "perhaps",
    "maybe",
    "likely",
    "unlikely",
    "expected to",
    "is set to",
    "are set to",
    "hopes",
    "hoping",
    "wonder",
    "wondering",
    "not yet",
    "still waiting",
    "waiting for",
    "no sign",
    "doubt",
    "doubts",
    "big question",
    "the question is",
    "if and when",
    "fate",
    "asking for more",
    "for now",
    "reviewing",
    "chances",
    "odds",
    "long shot",
    "theory",
    "theories",
    "aims to",
    "aiming to",
    "worry",
    "worried",
    "worries",
    "concerned",
    "fear",
    "fears",
    "suspects",
    "would love to know",
    "love to know",
    "want to know",
    "wants to know",
    "dying to know",
    "keep asking",
    "keeps asking",
    "calling for",
    "calls for",
    "the green light",
];

/// Future and modal forms and conditionals: two are needed, or one with another cue.
const WEAK: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "should",
    "if",
    "hope",
    "plan",
    "plans",
    "question",
    "questions",
    "future",
    "believe",
    "some fans",
    "some viewers",
    "many fans",
];

/// Counter-cues: a fact already settled. Ignored after a negation or a conditional.
const SETTLED: &[&str] = &[
    "was confirmed",
    "were confirmed",
    "has been confirmed",
    "have been confirmed",
    "officially confirmed",
    "confirmed that",
    "announced that",
    "has announced",
    "officially announced",
    "was renewed",
    "has been renewed",
    "have been renewed",
    "officially renewed",
    "renewed the",
    "was greenlit",
    "has been greenlit",
    "given the green light",
    "got the green light",
    "received the green light",
    "was cancelled",
    "was canceled",
    "has been cancelled",
    "has been canceled",
    "was released",
    "were released",
    "revealed that",
    "it was revealed",
];

/// Verbs that settle a question when said plainly ("the network confirmed", "the writer
/// revealed"). Alone they weigh nothing either way; truly negated shortly before ("no second
/// season has been confirmed", "the network has not announced a renewal", "nobody has said
/// who…") they are negated settlement, the clearest kind of open question in news.
const SETTLING_VERBS: &[&str] = &[
    "confirmed",
    "confirm",
    "announced",
    "announce",
    "renewed",
    "greenlit",
    "green-lit",
    "ordered",
    "commissioned",
    "picked up",
    "revealed",
    "reveal",
    "disclosed",
    "decided",
    "finalized",
    "finalised",
    "scheduled",
    "explained",
    "addressed",
    "said",
    "say",
    "shared",
];

/// Narration of what happened ("the finale aired", "the season ended"): weaker counter-cues,
/// since a recap can still end "on a cliffhanger".
const NARRATED: &[&str] = &[
    "premiered",
    "aired",
    "ended",
    "concluded",
    "wrapped",
    "won",
    "debuted",
    "answered",
    "explained",
];

/// Korean uncertainty, speculation and question forms (matched inside words).
const KOREAN_STRONG: &[&str] = &[
    "미정",
    "불투명",
    "미지수",
    "불확실",
    "알려지지 않았",
    "알려진 바 없",
    "밝혀지지 않았",
    "공개되지 않았",
    "확정되지 않았",
    "결정되지 않았",
    "정해지지 않았",
    "확인되지 않았",
    "정해진 것은 없",
    "확정된 것은 없",
    "검토 중",
    "논의 중",
    "협의 중",
    "조율 중",
    "논의 단계",
    "관심이 쏠",
    "귀추가 주목",
    "궁금증",
    "할까",
    "될까",
    "나올까",
    "있을까",
    "올까",
    "열린 결말",
    "떡밥",
    "미확정",
    "여부",
    "밝힌 바 없",
    "밝힌 바가 없",
    "답을 주지 않",
    "답하지 않",
    "밝히지 않",
    "언급하지 않",
    "말하지 않",
    "공개하지 않",
];

/// Korean hedges weaker than [`KOREAN_STRONG`] ones.
const KOREAN_MEDIUM: &[&str] = &[
    "것으로 보인다",
    "것으로 보여",
    "전망",
    "가능성",
    "관측이 나",
    "관측된다",
    "관측이다",
    "긍정적으로 검토",
    "긍정 검토",
    "검토하고 있",
    "물망",
    "추측",
    "루머",
    "의문",
    "기대를 모",
    "바라고",
    "희망",
    "요청",
    "아직",
    "예상",
    "목표로",
    "주목된다",
    "관심사",
    "찾지 못",
    "인지에 대해",
    "인지는",
    "는지에 대해",
    "는지는",
    "궁금",
    "할지",
    "될지",
    "올지",
    "을지",
    "를지",
    "질지",
];

/// Korean future forms and conditionals.
const KOREAN_WEAK: &[&str] = &[
    "예정",
    "계획",
    "것으로 알려졌다",
    "기대",
    "만약",
    "다면",
    "라면",
];

/// Korean counter-cues for settled facts; ignored when the sentence negates.
const KOREAN_SETTLED: &[&str] = &[
    "확정됐다",
    "확정되었다",
    "확정했다",
    "확정 지었",
    "확정된",
    "공개됐다",
    "발표했다",
];

/// Korean narration of what happened, the weaker counter-cues.
const KOREAN_NARRATED: &[&str] = &[
    "종영했다",
    "종영됐다",
    "방송됐다",
    "방영됐다",
    "막을 내렸",
    "수상했",
];

/// Korean negation inside a sentence, which turns a settled form into an open one.
const KOREAN_NEGATION: &[&str] = &["않", "없", "못", "미정", "아직"];

/// English words that, shortly before a settled counter-cue, undo it ("has not confirmed that").
const NEGATORS: [&str; 15] = [
    "not", "n't", "no", "never", "yet", "if", "whether", "unless", "until", "once", "before",
    "nor", "none", "nothing", "nobody",
];

/// Schedule verbs: with a date given, a future form is a settled schedule, not a question.
const SCHEDULE: &[&str] = &[
    "premiere",
    "premieres",
    "air",
    "airs",
    "debut",
    "debuts",
    "release",
    "released",
    "stream",
    "streams",
    "arrive",
    "arrives",
    "launch",
    "return",
    "returns",
    "begin",
    "begins",
    "start",
    "starts",
    "open",
    "opens",
    "방송",
    "방영",
    "공개",
    "개봉",
    "첫선",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Strong,
    Medium,
    Weak,
    Settled,
    Narrated,
    SettlingVerb,
    Schedule,
}

/// Every cue in one automaton, with its kind and whether it must stand as whole words.
struct Cues {
    automaton: AhoCorasick,
    entries: Vec<(Kind, bool)>,
}

static CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    let lists: [(&[&str], Kind, bool); 12] = [
        (STRONG, Kind::Strong, true),
        (MEDIUM, Kind::Medium, true),
        (WEAK, Kind::Weak, true),
        (SETTLED, Kind::Settled, true),
        (NARRATED, Kind::Narrated, true),
        (SETTLING_VERBS, Kind::SettlingVerb, true),
        (KOREAN_STRONG, Kind::Strong, false),
        (KOREAN_MEDIUM, Kind::Medium, false),
        (KOREAN_WEAK, Kind::Weak, false),
        (KOREAN_SETTLED, Kind::Settled, false),
        (KOREAN_NARRATED, Kind::Narrated, false),
        (SCHEDULE, Kind::Schedule, true),
    ];
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    for (list, kind, whole_words) in lists {
        for phrase in list {
            patterns.push(*phrase);
            // Korean schedule words are matched inside words, like the other Korean cues.
            entries.push((kind, whole_words && phrase.is_ascii()));
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok()?;
    Some(Cues { automaton, entries })
});

/// How strongly a sentence raises an open question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Score {
    /// The total: at least [`OPEN_THRESHOLD`] for an open question.
    pub points: i32,
    /// Whether the sentence is a direct question.
    pub question: bool,
    /// Whether only weak cues (modals, conditionals) speak for it.
    pub weak_only: bool,
}

impl Score {
    /// Whether the sentence raises an open question.
    pub fn is_open(self) -> bool {
        if self.weak_only {
            self.points >= WEAK_ONLY_THRESHOLD
        } else {
            self.points >= OPEN_THRESHOLD
        }
    }
}

/// Scores one sentence on the cues it holds.
pub(crate) fn score(sentence: &str) -> Score {
    let Some(cues) = CUES.as_ref() else {
        return Score::default();
    };
    let (mut strong, mut weak, mut settled) = (0, 0, 0);
    let mut schedule = false;
    let mut negated_settlement = false;
    let korean_negated = KOREAN_NEGATION.iter().any(|n| sentence.contains(n));
    for found in cues.automaton.find_overlapping_iter(sentence) {
        let (kind, whole_words) = cues.entries[found.pattern().as_usize()];
        let (start, end) = (found.start(), found.end());
        if whole_words && !is_whole_word(sentence, start, end) {
            continue;
        }
        let matched = &sentence[start..end];
        // "May" with a capital inside a sentence is the month.
        if matched == "May" && start > 0 {
            continue;
        }
        match kind {
            Kind::Strong => strong += 3,
            Kind::Medium => strong += 2,
            Kind::Weak => weak += 1,
            Kind::Schedule => schedule = true,
            Kind::Settled | Kind::Narrated => {
                let negated = if whole_words {
                    negated_before(sentence, start)
                } else {
                    korean_negated
                };
                if !negated {
                    settled += if kind == Kind::Settled { 3 } else { 1 };
                }
            }
            // Counted once: "has not been confirmed or announced" is one negated settlement.
            Kind::SettlingVerb if !negated_settlement && denied_before(sentence, start) => {
                negated_settlement = true;
                strong += 3;
            }
            Kind::SettlingVerb => {}
        }
    }
    let question = question_points(sentence);
    // "will premiere on 5 June": a schedule with its date is settled.
    if schedule && has_date(sentence) && question == 0 {
        weak = 0;
    }
    Score {
        points: strong + weak + question - settled,
        question: question == QUESTION_POINTS,
        weak_only: strong == 0 && question == 0,
    }
}

/// Whether `sentence[start..end]` is not part of a longer word.
fn is_whole_word(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].chars().next_back();
    let after = sentence[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a negation or conditional comes within the four words before byte `start`.
fn negated_before(sentence: &str, start: usize) -> bool {
    sentence[..start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|word| {
            let word = word.to_ascii_lowercase().replace('’', "'");
            NEGATORS.contains(&word.as_str()) || word.ends_with("n't")
        })
}

/// Words that deny what follows (unlike [`NEGATORS`], no conditionals: "before it was
/// confirmed" is no open question).
const DENIALS: [&str; 8] = [
    "not", "no", "never", "nobody", "none", "nothing", "neither", "nor",
];

/// How many words before a settling verb a denial still reaches: "no second season has
/// been confirmed" puts five words between them.
const DENIAL_REACH: usize = 6;

/// Whether a denial ("not", "no", "never", "nobody", a "n't" form) comes within the
/// [`DENIAL_REACH`] words before byte `start`, in the same clause (a comma, colon or semicolon
/// ends the search).
fn denied_before(sentence: &str, start: usize) -> bool {
    let clause_start = sentence[..start]
        .rfind([',', ';', ':'])
        .map_or(0, |i| i + 1);
    sentence[clause_start..start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(DENIAL_REACH)
        .any(|word| {
            let word = word.to_ascii_lowercase().replace('’', "'");
            DENIALS.contains(&word.as_str()) || word.ends_with("n't")
        })
}

/// Points for a direct question.
fn question_points(sentence: &str) -> i32 {
    let closers = ['"', '\'', '”', '’', ')', ']', '»', '」', '』', ' '];
    let end = sentence.trim_end_matches(closers);
    let quoted = end.len() < sentence.trim_end().len()
        && sentence.starts_with(['"', '“', '\'', '‘', '「', '『']);
    let korean_question = {
        let plain = end.trim_end_matches(['.', '。', '…', '?', '？']);
        plain.ends_with('까') || plain.ends_with("까요")
    };
    if end.ends_with('?') || end.ends_with('？') || korean_question {
        if quoted {
            QUOTED_QUESTION_POINTS
        } else {
            QUESTION_POINTS
        }
    } else {
        0
    }
}

/// Whether the sentence gives a calendar date: "5 June", "June 5", "2024-06-05", "6월 5일".
pub(crate) fn has_date(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let is_day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit())
    };
    let is_month = |w: &str| crate::model::import::month(w).is_some();
    let month_day = words.windows(2).any(|pair| {
        (is_month(&pair[0]) && is_day(&pair[1])) || (is_day(&pair[0]) && is_month(&pair[1]))
    });
    let iso = words.iter().any(|w| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
    });
    let korean = words
        .iter()
        .any(|w| w.contains('일') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && sentence.contains('월');
    month_day || iso || korean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(sentence: &str) -> bool {
        score(sentence).is_open()
    }

    #[test]
    fn hedges_questions_and_speculation_are_open() {
        assert!(open("Will the show come back for a second season?"));
        assert!(open("There has been no confirmation from the network."));
        assert!(open("The drama has not been renewed."));
        assert!(open("It remains to be seen whether the cast would return."));
        assert!(open("Fans hope the writer has more to tell."));
        assert!(open(
            "A sequel could happen if the studio gives it the green light."
        ));
        assert!(open("The lead is reportedly in talks to return."));
    }

    #[test]
    fn settled_facts_and_plain_narration_are_not() {
        assert!(!open("The finale aired on 9 August 2020."));
        assert!(!open(
            "The network confirmed that the show will return on June 5."
        ));
        assert!(!open("Season two will premiere on 12 March 2027."));
        assert!(!open("She won the award for best actress."));
        assert!(!open("Gang-tae drives his brother to the castle."));
        assert!(!open("The premiere is set for May 3."));
        assert!(!open("Some viewers think the story should stop there."));
    }

    #[test]
    fn negation_keeps_a_settled_form_open() {
        assert!(open(
            "The studio has not confirmed that a second season is coming."
        ));
        assert!(open("Nobody knows whether it was renewed."));
    }

    #[test]
    fn negated_settlement_of_any_shape_is_open() {
        assert!(open(
            "So far no second season has been confirmed by the network."
        ));
        assert!(open("The network has not announced a renewal."));
        assert!(open("Nobody has said who owns the harbor now."));
        assert!(open("The studio hasn't revealed the new cast."));
        // Said plainly, or only before a conditional, the same verbs settle nothing.
        assert!(!open("The network announced a renewal."));
        assert!(!open(
            "Before it was confirmed, the cast met for a reading."
        ));
        assert!(!open(
            "Not long after, the director said the cast had signed."
        ));
    }

    #[test]
    fn quoted_dialogue_questions_count_less() {
        assert!(score("Why did you come back?").question);
        assert!(!open("\"Why did you come back?\""));
    }

    #[test]
    fn korean_cues() {
        assert!(open("시즌2 제작 여부는 아직 미정이다."));
        assert!(open("방송 시기는 불투명한 것으로 보인다."));
        assert!(open("두 사람은 결혼에 골인할까?"));
        assert!(open("후속 시즌은 현재 논의 중이다."));
        assert!(!open("드라마는 2020년 8월 9일 종영했다."));
        assert!(!open("시즌2 제작이 확정됐다."));
        assert!(open("시즌2 제작은 아직 확정되지 않았다."));
    }

    #[test]
    fn dates_are_found() {
        assert!(has_date("It airs on June 5."));
        assert!(has_date("It aired 9 August 2020."));
        assert!(has_date("It aired 2020-08-09."));
        assert!(has_date("8월 9일 방송"));
        assert!(!has_date("It may come back in the future."));
    }
}
