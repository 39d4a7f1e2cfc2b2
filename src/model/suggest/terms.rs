//! Subject terms of a sentence: the names and topic words that say what a question is about.
//!
//! Words are lower-cased, stripped of English plurals and Korean particles, and mapped through a
//! small synonym map onto shared topics ("second season", "renewal", "greenlit", "시즌2" are all
//! [`Topic::Renewal`]). Function words, cue words and words every show article uses are left
//! out, so two sentences share terms only when they share a subject.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use unicode_segmentation::UnicodeSegmentation as _;

/// A topic several words map onto.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Topic {
    /// Another season, a renewal, a sequel.
    Renewal,
    /// A spin-off: another show from this one's story (its own question, not the renewal's:
    /// "a spin-off about Wren could happen" is asked apart from the next season).
    Spinoff,
    /// The cast: actors, roles, returning to a role.
    Cast,
    /// Marriage, a wedding, a proposal.
    Marriage,
    /// A mother.
    Mother,
    /// A father.
    Father,
    /// When something airs: dates, premieres, schedules.
    Schedule,
}

/// A subject term: a topic or a plain word (lower-cased and stemmed).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Term {
    /// A topic from the synonym map.
    Topic(Topic),
    /// Any other content word.
    Word(String),
}

/// English words mapped onto topics.
const ENGLISH_TOPICS: &[(&str, Topic)] = &[
    ("renew", Topic::Renewal),
    ("renewal", Topic::Renewal),
    ("renewed", Topic::Renewal),
    ("renewing", Topic::Renewal),
    ("sequel", Topic::Renewal),
    ("greenlit", Topic::Renewal),
    ("greenlight", Topic::Renewal),
    ("green", Topic::Renewal),
    ("sophomore", Topic::Renewal),
    ("spinoff", Topic::Spinoff),
    ("spinoffs", Topic::Spinoff),
    ("spin", Topic::Spinoff),
    ("revival", Topic::Renewal),
    // What a renewal is decided on: "the numbers look good", "Blu-ray sales were weak".
    ("ratings", Topic::Renewal),
    ("sales", Topic::Renewal),
    ("numbers", Topic::Renewal),
    ("viewership", Topic::Renewal),
    ("cast", Topic::Cast),
    ("casting", Topic::Cast),
    ("actor", Topic::Cast),
    ("actors", Topic::Cast),
    ("actress", Topic::Cast),
    ("actresses", Topic::Cast),
    ("reprise", Topic::Cast),
    ("role", Topic::Cast),
    ("roles", Topic::Cast),
    ("lineup", Topic::Cast),
    ("leads", Topic::Cast),
    ("stars", Topic::Cast),
    ("ensemble", Topic::Cast),
    ("marry", Topic::Marriage),
    ("married", Topic::Marriage),
    ("marriage", Topic::Marriage),
    ("marries", Topic::Marriage),
    ("wedding", Topic::Marriage),
    ("wed", Topic::Marriage),
    ("engaged", Topic::Marriage),
    ("engagement", Topic::Marriage),
    ("propose", Topic::Marriage),
    ("proposal", Topic::Marriage),
    ("proposes", Topic::Marriage),
    ("mother", Topic::Mother),
    ("mothers", Topic::Mother),
    ("mom", Topic::Mother),
    ("mum", Topic::Mother),
    ("father", Topic::Father),
    ("fathers", Topic::Father),
    ("dad", Topic::Father),
    ("premiere", Topic::Schedule),
    ("premieres", Topic::Schedule),
    ("date", Topic::Schedule),
    ("schedule", Topic::Schedule),
    ("scheduled", Topic::Schedule),
    ("airdate", Topic::Schedule),
    ("release", Topic::Schedule),
    ("air", Topic::Schedule),
    ("airs", Topic::Schedule),
    ("airing", Topic::Schedule),
    ("window", Topic::Schedule),
    // When it is made decides when it airs ("filming begins in the spring").
    ("filming", Topic::Schedule),
];

/// Words before "season" that ask for another one ("a second season", "more seasons").
const MORE_SEASON_BEFORE: &[&str] = &[
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "2nd",
    "3rd",
    "4th",
    "5th",
    "new",
    "next",
    "another",
    "further",
    "more",
    "future",
    "sophomore",
    "additional",
    "later",
    "follow",
];
/// Whether the season word at `i` of `words` names a later season: one of `befores` before
/// it or a number after it, and not one that aired ("The second season ended with Abigail
/// shot"; with `finale_aired`, also "the second series finale").
fn names_a_later_season(words: &[&str], i: usize, befores: &[&str], finale_aired: bool) -> bool {
    let before = i.checked_sub(1).map(|k| words[k].to_lowercase());
    let after = words.get(i + 1).map(|w| w.to_lowercase());
    let aired = after.as_deref().is_some_and(|w| {
        matches!(
            w,
            "ended" | "ends" | "closed" | "closes" | "wrapped" | "finished" | "aired"
        ) || (finale_aired && w == "finale")
    });
    !aired
        && (before.is_some_and(|w| befores.contains(&w.as_str()))
            || after.is_some_and(|w| MORE_SEASON_AFTER.contains(&w.as_str())))
}

/// Words before a British "series" that make it a later season ("a third series"): the
/// ordinals and "another", "further" of [`MORE_SEASON_BEFORE`] ("new series" and "her next
/// series" may be a new show).
const MORE_SERIES_BEFORE: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "another", "further",
];
/// Words after "season" that name a later one ("season 2", "season three").
const MORE_SEASON_AFTER: &[&str] = &[
    "2", "3", "4", "5", "6", "two", "three", "four", "five", "six", "ii", "iii",
];

/// Phrases (of words the word map would split) that ask for more of a show.
const ENGLISH_TOPIC_PHRASES: [&str; 3] = ["follow-up", "new episodes", "pick up the show"];

/// Phrases that say someone plays a part again ("returning as Nina", "back as Aunt Dot").
const CAST_PHRASES: &[&str] = &[
    "return as",
    "returns as",
    "returning as",
    "back as",
    "reprising",
    "역으로",
];

/// Phrases that say when something airs ("late next year", "no release date", "편성 미정").
const SCHEDULE_PHRASES: &[&str] = &[
    "next year",
    "later this year",
    "this year",
    "next spring",
    "next summer",
    "next fall",
    "next autumn",
    "next winter",
    "release date",
    "air date",
    "airdate",
    "premiere date",
    "release window",
    "come out",
    "comes out",
    "at the earliest",
    "at the latest",
    "to land",
    "summer of",
    "spring of",
    "fall of",
    "autumn of",
    "winter of",
    "hit screens",
    "방송 시기",
    "공개 시기",
    "방영 시기",
    "첫 방송",
    "편성",
    "하반기",
    "상반기",
    "내년",
];

/// Korean word parts mapped onto topics (matched inside a word).
const KOREAN_TOPICS: &[(&str, Topic)] = &[
    ("시즌2", Topic::Renewal),
    ("시즌3", Topic::Renewal),
    ("시즌4", Topic::Renewal),
    ("시즌 2", Topic::Renewal),
    ("시즌 3", Topic::Renewal),
    // An anime's next cour: "2기", "제2기".
    ("2기", Topic::Renewal),
    ("3기", Topic::Renewal),
    ("새 시즌", Topic::Renewal),
    ("다음 시즌", Topic::Renewal),
    ("후속", Topic::Renewal),
    ("스핀오프", Topic::Spinoff),
    ("외전", Topic::Spinoff),
    ("제작 여부", Topic::Renewal),
    ("제작 가능성", Topic::Renewal),
    ("제작 확정", Topic::Renewal),
    ("제작될", Topic::Renewal),
    ("속편", Topic::Renewal),
    ("배우", Topic::Cast),
    ("출연", Topic::Cast),
    ("캐스팅", Topic::Cast),
    ("주연", Topic::Cast),
    ("합류", Topic::Cast),
    ("결혼", Topic::Marriage),
    ("웨딩", Topic::Marriage),
    ("청혼", Topic::Marriage),
    ("프러포즈", Topic::Marriage),
    ("어머니", Topic::Mother),
    ("엄마", Topic::Mother),
    ("모친", Topic::Mother),
    ("아버지", Topic::Father),
    ("아빠", Topic::Father),
    ("부친", Topic::Father),
];

/// English function words, cue words and words common to every article about a show.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "announce",
    "announced",
    "announcement",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "ask",
    "asked",
    "asking",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "believe",
    "between",
    "both",
    "but",
    "by",
    "can",
    "come",
    "comes",
    "coming",
    "confirm",
    "confirmation",
    "confirmed",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "drama",
    "dramas",
    "during",
    "each",
    "either",
    "else",
    "end",
    "ended",
    "ending",
    "episode",
    "episodes",
    "even",
    "ever",
    "every",
    "fan",
    "fans",
    "far",
    "few",
    "final",
    "finale",
    "first",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "go",
    "goes",
    "going",
    "gone",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "hope",
    "hopes",
    "hoping",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "know",
    "known",
    "knows",
    "last",
    "least",
    "left",
    "less",
    "let",
    "like",
    "likely",
    "made",
    "make",
    "makes",
    "many",
    "may",
    "maybe",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "new",
    "news",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "official",
    "officially",
    "on",
    "once",
    "one",
    "only",
    "open",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "part",
    "perhaps",
    "possible",
    "possibly",
    "question",
    "questions",
    "really",
    "remain",
    "remains",
    "reportedly",
    "said",
    "same",
    "say",
    "says",
    "second",
    "see",
    "seen",
    "series",
    "she",
    "should",
    "show",
    "shows",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "still",
    "story",
    "such",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "third",
    "this",
    "those",
    "though",
    "through",
    "time",
    "to",
    "told",
    "too",
    "two",
    "under",
    "unclear",
    "unknown",
    "until",
    "up",
    "us",
    "very",
    "viewers",
    "want",
    "wants",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "without",
    "wonder",
    "would",
    "yet",
    "you",
    "your",
    "year",
    "years",
    "fourth",
    "fifth",
    "word",
    "talks",
    "plans",
    "plan",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "rumoured",
    "speculation",
    "yes",
    "answer",
    "answers",
    "answered",
    "happen",
    "happens",
    "happened",
    "tell",
    "told",
    "look",
    "looks",
    "looking",
    "keep",
    "keeps",
    "lot",
    "lots",
    "sure",
    "around",
    "seems",
    "seem",
    "though",
    "soon",
    "already",
    "yet",
    "day",
    "days",
];

/// Korean particles and endings stripped from the end of a word, longest first.
const KOREAN_PARTICLES: &[&str] = &[
    "에서는",
    "으로는",
    "에게는",
    "까지는",
    "이라는",
    "에서",
    "으로",
    "에게",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "라는",
    "들의",
    "들은",
    "들이",
    "들을",
    "들도",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "도",
    "로",
    "만",
    "들",
];

/// Korean function words and cue words, after particles are stripped.
const KOREAN_STOPWORDS: &[&str] = &[
    "아직",
    "현재",
    "이번",
    "그",
    "이",
    "저",
    "것",
    "수",
    "등",
    "및",
    "또",
    "또한",
    "더",
    "다시",
    "드라마",
    "작품",
    "팬",
    "팬들",
    "여부",
    "관계자",
    "측",
    "최근",
    "지난",
    "올해",
    "내년",
];

/// What a lower-cased English word is to [`subject_terms`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    /// A word of [`ENGLISH_TOPICS`]: its topic.
    Topic(Topic),
    /// A word of [`STOPWORDS`] (and of no topic): no subject.
    Stopword,
}

/// [`ENGLISH_TOPICS`] and [`STOPWORDS`] in one map for look-up (a topic wins over a
/// stopword).
static WORD_KINDS: LazyLock<HashMap<&'static str, WordKind>> = LazyLock::new(|| {
    let stopwords = STOPWORDS.iter().map(|w| (*w, WordKind::Stopword));
    let topics = ENGLISH_TOPICS
        .iter()
        .map(|(w, topic)| (*w, WordKind::Topic(*topic)));
    // Later entries replace earlier ones: topics last.
    stopwords.chain(topics).collect()
});

/// Every phrase matched inside the lower-cased sentence, with its topic: [`KOREAN_TOPICS`],
/// [`ENGLISH_TOPIC_PHRASES`] (renewal), [`SCHEDULE_PHRASES`] and [`CAST_PHRASES`].
fn topic_phrases() -> Vec<(&'static str, Topic)> {
    let mut phrases: Vec<(&'static str, Topic)> = KOREAN_TOPICS.to_vec();
    phrases.extend(ENGLISH_TOPIC_PHRASES.iter().map(|p| (*p, Topic::Renewal)));
    phrases.extend(SCHEDULE_PHRASES.iter().map(|p| (*p, Topic::Schedule)));
    phrases.extend(CAST_PHRASES.iter().map(|p| (*p, Topic::Cast)));
    phrases
}

/// [`topic_phrases`] in one automaton (one pass over a sentence instead of one per phrase),
/// with each pattern's topic; `None` if it could not be built, and then [`phrase_topics`]
/// searches phrase by phrase, with the same result.
static TOPIC_PHRASES: LazyLock<Option<(AhoCorasick, Vec<Topic>)>> = LazyLock::new(|| {
    let (patterns, topics): (Vec<&str>, Vec<Topic>) = topic_phrases().into_iter().unzip();
    match AhoCorasick::new(&patterns) {
        Ok(automaton) => Some((automaton, topics)),
        Err(error) => {
            log::warn!("topic phrases searched one by one: {error}");
            None
        }
    }
});

/// The topics of the [`topic_phrases`] that `lowered` (a lower-cased sentence) holds, each
/// once or more, in no particular order. The Korean phrases have no letter case, so they
/// match the lower-cased sentence as they match the sentence.
fn phrase_topics(lowered: &str) -> Vec<Topic> {
    match &*TOPIC_PHRASES {
        Some((automaton, topics)) => automaton
            .find_overlapping_iter(lowered)
            .map(|found| topics[found.pattern().as_usize()])
            .collect(),
        None => phrase_topics_one_by_one(lowered),
    }
}

/// [`phrase_topics`] searched phrase by phrase.
fn phrase_topics_one_by_one(lowered: &str) -> Vec<Topic> {
    topic_phrases()
        .into_iter()
        .filter(|(phrase, _)| lowered.contains(phrase))
        .map(|(_, topic)| topic)
        .collect()
}

/// The subject terms of `sentence`, sorted and without repeats.
pub(crate) fn subject_terms(sentence: &str) -> Vec<Term> {
    let lowered = sentence.to_lowercase();
    let mut terms: Vec<Term> = phrase_topics(&lowered)
        .into_iter()
        .map(Term::Topic)
        .collect();
    let words: Vec<&str> = sentence.unicode_words().collect();
    for (i, word) in words.iter().copied().enumerate() {
        if has_hangul(word) {
            if let Some(stem) = korean_stem(word) {
                terms.push(Term::Word(stem));
            }
            continue;
        }
        let lower = lower_case(word);
        let lower = trim_end_all(trim_end_all(&lower, "'s"), "’s");
        // "a second season", "season 2", "more seasons" ask for more; "the season finale" does
        // not. British "series" is a season when a later one is named ("a third series",
        // "series three"); "the series" alone is the show.
        let season = lower == "season" || lower == "seasons";
        if season || lower == "series" {
            let befores = if season {
                MORE_SEASON_BEFORE
            } else {
                MORE_SERIES_BEFORE
            };
            if names_a_later_season(&words, i, befores, !season) {
                terms.push(Term::Topic(Topic::Renewal));
                continue;
            }
            if season {
                continue;
            }
        }
        let kind = WORD_KINDS.get(lower).copied();
        if let Some(WordKind::Topic(topic)) = kind {
            terms.push(Term::Topic(topic));
            continue;
        }
        if lower.chars().count() < 3
            || kind == Some(WordKind::Stopword)
            || lower.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        terms.push(Term::Word(english_stem(lower)));
    }
    terms.sort();
    terms.dedup();
    terms
}

/// The topics among `terms`, in [`Topic`] order.
pub(crate) fn topics_of(terms: &[Term]) -> Vec<Topic> {
    terms
        .iter()
        .filter_map(|t| match t {
            Term::Topic(topic) => Some(*topic),
            Term::Word(_) => None,
        })
        .collect()
}

/// The topic a sentence with `topics` is about: the first named topic other than renewal,
/// else renewal (a renewal article mentions "a second season" everywhere: "if a second season
/// is made, would the cast return?" is about the cast).
pub(crate) fn primary_topic(topics: &[Topic]) -> Option<Topic> {
    topics
        .iter()
        .copied()
        .find(|t| *t != Topic::Renewal)
        .or_else(|| topics.first().copied())
}

/// Words that make a later season the sentence's subject (whether it is made, confirmed,
/// cancelled, happens), matched at a word's start.
const RENEWAL_SUBJECT: &[&str] = &[
    "renew",
    "confirm",
    "greenl",
    "green light",
    "green-light",
    "order",
    "pick",
    "cancel",
    "announc",
    "happen",
    "made",
    "make",
    "get",
    "come back",
    "comeback",
    "coming back",
    "return",
    "revival",
    "reviv",
    "sequel",
    "spin",
    "save",
    "continu",
    "future",
    "possib",
    "chance",
    "odds",
    "news",
    "status",
    "decision",
    "decide",
    "plan",
    "talks",
    "exist",
    "제작",
    "확정",
    "나올",
    "나오",
    "돌아",
    "가능성",
    "여부",
    "후속",
    "무산",
    "결정",
];

/// `terms` without the renewal topic when the sentence only uses a later season as the time
/// of something else ("season two should show the couple's move abroad" is about the move):
/// no word makes the season itself its subject and at least two other words say what it is
/// about.
pub(crate) fn with_renewal_as_subject(mut terms: Vec<Term>, sentence: &str) -> Vec<Term> {
    if !terms.contains(&Term::Topic(Topic::Renewal)) {
        return terms;
    }
    let lower = sentence.to_lowercase();
    let subject = RENEWAL_SUBJECT.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            w.chars().any(is_hangul)
                || !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    });
    let others = terms.iter().filter(|t| matches!(t, Term::Word(_))).count();
    if (!subject || tells_its_story(&lower)) && others >= 2 {
        terms.retain(|t| *t != Term::Topic(Topic::Renewal));
    }
    terms
}

/// Verbs that say what a season's story does ("season 2 will pick up with the orchestra in
/// Vienna", "the new season will explore the romance"), after a modal or "is set to".
const STORY_VERBS: &[&str] = &[
    "pick up with",
    "pick up where",
    "pick up right",
    "pick up straight",
    "pick up after",
    "pick up from",
    "pick up the story",
    "follow",
    "explore",
    "focus on",
    "center on",
    "centre on",
    "adapt",
    "cover",
    "deal with",
    "dig into",
    "delve into",
    "dive into",
    "tell",
    "introduce",
    "reveal",
    "revolve around",
    "be about",
    "continue the story",
    "see",
    "show",
];

/// Words that put a verb in the future of a season ("season 2 will", "is expected to").
const STORY_MODALS: &[&str] = &[
    "will",
    "would",
    "should",
    "could",
    "might",
    "may",
    "is going to",
    "is expected to",
    "is set to",
    "is likely to",
];

/// Whether a sentence (lower-cased) says what a later season's story does: a season word, then
/// within a few words a modal and a [`STORY_VERBS`] verb ("season two will also explore the
/// romance"). Such a sentence is about the story, though a verb like "pick up" is also a
/// renewal's ("the network picked it up").
fn tells_its_story(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "season" | "series"
            )
        })
        .any(|(at, _)| {
            let rest = words[at + 1..words.len().min(at + 8)].join(" ");
            STORY_MODALS
                .iter()
                .flat_map(|modal| rest.match_indices(modal).map(|(k, m)| k + m.len()))
                .any(|end| {
                    let after = rest[end..].trim_start();
                    let after = ["also ", "likely ", "probably ", "finally "]
                        .iter()
                        .find_map(|w| after.strip_prefix(w))
                        .unwrap_or(after);
                    STORY_VERBS.iter().any(|verb| {
                        after.starts_with(verb)
                            && !after[verb.len()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric)
                    })
                })
        })
}

/// The later season a sentence names ("a second season", "season 3", "시즌2" → 2, 3, 2), the
/// highest when it names several; only seasons 2 to 9.
pub(crate) fn season_number(sentence: &str) -> Option<u8> {
    let lower = sentence.to_lowercase();
    SEASON_NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|name| lower.contains(name.as_str())))
        .map(|(n, _)| *n)
}

/// Per later season, highest first: the lower-case phrases that name it ("second season",
/// "season 2", "season two", "시즌2", "시즌 2", and an anime's "2기" / "제2기"), for
/// [`season_number`].
static SEASON_NAMES: LazyLock<Vec<(u8, [String; 6])>> = LazyLock::new(|| {
    let words = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    let numbers = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    (2..=9u8)
        .rev()
        .map(|n| {
            let k = usize::from(n - 1);
            let names = [
                format!("{} season", words[k]),
                format!("season {n}"),
                format!("season {}", numbers[k]),
                format!("시즌{n}"),
                format!("시즌 {n}"),
                format!("{n}기"),
            ];
            (n, names)
        })
        .collect()
});

/// The last person's or thing's name a sentence gives: a run of two or more capitalised
/// words that does not open the sentence with a common word ("Director Mika Sorensen said" →
/// "Mika Sorensen"; "Seo Ji-hoon"). Used to name who "she" or "he" is in the next sentences.
pub(crate) fn last_name(sentence: &str) -> Option<String> {
    if sentence.chars().any(is_hangul) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        return korean_name(&words);
    }
    names_with_gender(sentence).pop().map(|(name, _)| name)
}

/// Whether a person is a man or a woman, as the article shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "he", "his brother", "the actor".
    Male,
    /// "she", "her sister", "the actress".
    Female,
}

/// Words right before a name that tell a man ("her brother Abe", "Sir Garrett").
const MALE_WORDS: &[&str] = &[
    "brother",
    "father",
    "son",
    "king",
    "prince",
    "actor",
    "mr",
    "sir",
    "husband",
    "boyfriend",
    "uncle",
    "grandfather",
    "nephew",
    "lord",
    "duke",
    "he",
    "his",
];

/// Words right before a name that tell a woman ("his sister Mirelle", "Princess Anning").
const FEMALE_WORDS: &[&str] = &[
    "sister",
    "mother",
    "daughter",
    "queen",
    "princess",
    "actress",
    "mrs",
    "ms",
    "miss",
    "wife",
    "girlfriend",
    "aunt",
    "grandmother",
    "niece",
    "lady",
    "she",
    "her",
];

/// Every name an English sentence gives, in order, each with the gender the sentence shows
/// for it: a word before it ("her brother Abe"), or a pronoun after it before the next name
/// ("Maren opens … her own handwriting"). See [`last_name`] for what counts as a name.
pub(crate) fn names_with_gender(sentence: &str) -> Vec<(String, Option<Gender>)> {
    // A name is two capitalised words, or one after the first word: none without a capital
    // letter after the first word (checked first: most sentences have none).
    let after_first = sentence
        .trim_start()
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest);
    if !has_capital(after_first) {
        return Vec::new();
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let is_cap = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().count() > 1
            && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(core))
            && !is_weekday(core)
    };
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    // A heading in title case ("What Could Happen in Season 2?") names no one by its capitals.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 3 && capitalised * 5 >= words.len() * 3 {
        return Vec::new();
    }
    let mut k = 0;
    while k < words.len() {
        let mut run = Vec::new();
        while k < words.len() && is_cap(words[k]) {
            run.push(words[k]);
            let ends = words[k].ends_with([',', '.', ';', ':', '?', '!', '"', '”']);
            k += 1;
            if ends {
                break;
            }
        }
        // One capitalised word inside a sentence is a first name ("And what about Danny?").
        let first_name = run.len() == 1
            && k > 1
            && run[0]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .count()
                >= 3
            && !is_contraction(run[0]);
        if (run.len() >= 2 || first_name) && !names_no_person(&words, k - run.len(), k) {
            let name = run
                .join(" ")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_owned();
            found.push((name, k - run.len(), k));
        }
        if run.is_empty() {
            k += 1;
        }
    }
    let gender_of = |(start, end, next, first): (usize, usize, usize, bool)| {
        // Right before the name ("her brother Abe": "brother", not "her"), or its first word.
        let just_before = start.checked_sub(1).map(|j| bare(words[j]));
        let title = (start < end).then(|| bare(words[start]));
        let told = |list: &[&str]| {
            let before = just_before
                .as_ref()
                .is_some_and(|w| list.contains(&w.as_str()) && w.len() > 3);
            before || title.as_ref().is_some_and(|w| list.contains(&w.as_str()))
        };
        // A pronoun tells only of the sentence's first name, and not of a possessive one
        // ("Moon-young's books were his dream, … whether he keeps working": he is not her).
        let possessive = words[end - 1].contains("'s") || words[end - 1].contains("’s");
        let pronoun = |list: &[&str]| {
            first
                && !possessive
                && words[end..next]
                    .iter()
                    .any(|w| list.contains(&bare(w).as_str()))
        };
        if told(MALE_WORDS) {
            Some(Gender::Male)
        } else if told(FEMALE_WORDS) {
            Some(Gender::Female)
        // Only a subject pronoun: a "his" or "her" after a name is often someone else's.
        } else if pronoun(&["he", "himself"]) {
            Some(Gender::Male)
        } else if pronoun(&["she", "herself"]) {
            Some(Gender::Female)
        } else {
            None
        }
    };
    let nexts: Vec<usize> = found
        .iter()
        .skip(1)
        .map(|n| n.1)
        .chain([words.len()])
        .collect();
    found
        .into_iter()
        .zip(nexts)
        .enumerate()
        .map(|(i, ((name, start, end), next))| (name, gender_of((start, end, next, i == 0))))
        .collect()
}

/// Whether the run of capitalised words `words[start..end]` names a show, a company or a
/// platform rather than a person (no "he" or "she"): it follows a show noun ("the drama Winter
/// Orchard Hotel"), comes before "season", or ends in a company word.
fn names_no_person(words: &[&str], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .map(|j| words[j].to_lowercase())
        .unwrap_or_default();
    let after = words.get(end).map(|w| w.to_lowercase()).unwrap_or_default();
    let before = before.trim_matches(|c: char| !c.is_alphanumeric());
    SHOW_NOUNS.contains(&before)
        // "a coaching job in Phoenix": a place.
        || matches!(before, "in" | "near")
        || after.starts_with("season")
        || words[start..end].last().is_some_and(|w| {
            COMPANY_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// Whether a word holds an apostrophe other than a name's possessive: "It's", "Don't",
/// "Let's" are no names, "Moon-young's" is one.
fn is_contraction(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let Some(stem) = core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")) else {
        return core.contains(['\'', '’']);
    };
    stem.contains(['\'', '’'])
        || [
            "it", "that", "let", "there", "here", "what", "who", "he", "she",
        ]
        .contains(&stem.to_lowercase().as_str())
}

/// Nouns before a show's name ("the drama Winter Orchard Hotel").
const SHOW_NOUNS: &[&str] = &[
    "drama", "series", "show", "film", "movie", "anime", "sitcom", "webtoon", "novel", "on",
    "streamer", "network", "platform", "studio",
];

/// Last words of a company's name ("Longhouse Media", "Jade Gate Pictures").
const COMPANY_WORDS: &[&str] = &[
    "Media",
    "Pictures",
    "Studios",
    "Studio",
    "Entertainment",
    "Network",
    "TV",
    "Films",
    "Productions",
    "Inc",
    "Channel",
    "Plus",
];

/// The last Korean person's name a sentence gives after a role word ("배우 강이서가" →
/// "강이서"), without its particle.
fn korean_name(eojeols: &[&str]) -> Option<String> {
    let roles = ["배우", "원로배우", "작가", "감독", "가수"];
    eojeols
        .windows(2)
        .rev()
        .filter(|pair| roles.contains(&pair[0]))
        .filter_map(|pair| {
            let word = pair[1].trim_end_matches(|c: char| !is_hangul(c));
            let name = [
                "이", "가", "은", "는", "의", "와", "과", "도", "를", "을", "님",
            ]
            .iter()
            .find_map(|p| word.strip_suffix(p))
            .unwrap_or(word);
            (2..=4)
                .contains(&name.chars().count())
                .then(|| name.to_owned())
        })
        .next()
}

/// `text` without what stands in parentheses, the parentheses too (half- or full-width):
/// "서하늘(진소이 분)이" → "서하늘이".
pub(crate) fn without_parentheses(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
}

/// Nouns that join another with 와/과 but name no one ("관계와", "시즌과").
const NOT_KOREAN_NAMES: &[&str] = &[
    "관계",
    "시즌",
    "사람",
    "가족",
    "친구",
    "엄마",
    "아빠",
    "시청자",
    "팬들",
    "배우",
    "작가",
    "감독",
    "제작진",
    "방송",
    "원작",
    "결말",
    "사건",
    "이야기",
    "마을",
    "가게",
    "회사",
    "학교",
];

/// Two people a Korean sentence names together ("만복과 보건교사 윤하나(한서린 분)의 관계",
/// "태오(배우 김라헌)와 은채의 관계"): the name before 와/과/랑 and the next name after it
/// (role words between skipped), each two to three syllables, one of them with an actor's
/// note in parentheses; parentheses are read without their notes. `None` when the sentence
/// names no such pair.
pub(crate) fn korean_pair(sentence: &str) -> Option<(String, String)> {
    // One of the pair carries an actor's note: no parenthesis, no pair (and no copy made).
    if !sentence.contains(['(', '（']) {
        return None;
    }
    let plain = without_parentheses(sentence);
    let eojeols: Vec<&str> = plain.split_whitespace().collect();
    let name_of = |word: &str, particles: &[&str]| -> Option<String> {
        let word = word.trim_matches(|c: char| !is_hangul(c));
        let name = particles.iter().find_map(|p| word.strip_suffix(p))?;
        ((2..=3).contains(&name.chars().count())
            && name.chars().all(is_hangul)
            && !NOT_KOREAN_NAMES.contains(&name))
        .then(|| name.to_owned())
    };
    eojeols.iter().enumerate().find_map(|(k, word)| {
        let first = name_of(word, &["와", "과", "이랑", "랑"])?;
        // The second name: the first of the next three words with a particle of its own.
        let second = eojeols[k + 1..]
            .iter()
            .take(3)
            .find_map(|w| name_of(w, &["의", "이", "가", "은", "는", "도", "를", "을"]))?;
        // A name carries an actor's note somewhere ("윤하나(한서린 분)"): common nouns
        // joined with 와 ("호평과 인기") do not.
        let noted = [&first, &second]
            .iter()
            .any(|n| sentence.contains(&format!("{n}(")));
        (first != second && noted).then_some((first, second))
    })
}

/// Capitalised words that do not start or make a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "and",
    "but",
    "so",
    "if",
    "when",
    "after",
    "before",
    "while",
    "as",
    "for",
    "of",
    "to",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "season",
    "episode",
    "director",
    "writer",
    "actor",
    "actress",
    "showrunner",
    "producer",
    "creator",
    "star",
    "lead",
    "meanwhile",
    "however",
    "still",
    "then",
    "now",
    "also",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "did",
    "does",
    "do",
    "has",
    "have",
    "should",
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

/// The days of the week, lower-cased.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a capitalised word is a weekday ("Friday"), which names no one a story question
/// is about.
pub(crate) fn is_weekday(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    WEEKDAYS.iter().any(|n| n.eq_ignore_ascii_case(core))
}

/// Whether `text` holds a Hangul syllable or letter (ASCII text, checked at once, holds none).
fn has_hangul(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_hangul)
}

/// Whether `text` holds an upper-case letter (ASCII text is checked byte by byte).
fn has_capital(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        text.chars().any(char::is_uppercase)
    }
}

/// `word` lower-cased, borrowed when it is already (ASCII without capitals).
fn lower_case(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// `text` without every repeat of `suffix` at its end: `str::trim_end_matches` for a string
/// pattern, without building a substring searcher for each word.
fn trim_end_all<'a>(mut text: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// Whether `c` is a Hangul syllable or letter.
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// A crude English stem: plural and verb endings off, so "returns" and "return" match.
fn english_stem(word: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 4
            && !word.ends_with("ss")
        {
            return stem.to_owned();
        }
    }
    word.to_owned()
}

/// A Korean word without its trailing particle, or `None` for a function word.
fn korean_stem(word: &str) -> Option<String> {
    let mut stem = word;
    for particle in KOREAN_PARTICLES {
        if let Some(rest) = word.strip_suffix(particle)
            && rest.chars().count() >= 1
        {
            stem = rest;
            break;
        }
    }
    // Predicates ("미정이다", "불투명하다") carry cues, not subjects.
    let predicate = [
        "다", "까", "요", "며", "고", "지", "면", "데", "서", "했", "된", "될", "할",
    ]
    .iter()
    .any(|ending| stem.ends_with(ending));
    if predicate || stem.chars().count() < 2 || KOREAN_STOPWORDS.contains(&stem) {
        None
    } else {
        Some(stem.to_owned())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_later_british_series_is_a_renewal_and_the_series_alone_is_the_show() {
        let renewal = |s: &str| subject_terms(s).contains(&Term::Topic(Topic::Renewal));
        assert!(renewal("The channel has not ordered a third series."));
        assert!(renewal("Will there be a series two?"));
        assert!(!renewal("The series is set in 1920s Lancashire."));
        assert!(!renewal("The second series finale left Walter in Canada."));
        assert!(!renewal(
            "Her next series, a thriller for ITV, starts filming in May."
        ));
    }

    #[test]
    fn a_season_that_ended_is_no_renewal_and_a_season_s_story_is_not_either() {
        let renewal = Term::Topic(Topic::Renewal);
        assert!(
            !subject_terms("The second season ended with Abigail shot on the steps.")
                .contains(&renewal)
        );
        assert!(subject_terms("Will there be a second season?").contains(&renewal));
        let story = "Season 2 will pick up with the crew sailing to Oslo to find the mapmaker.";
        assert!(!with_renewal_as_subject(subject_terms(story), story).contains(&renewal));
        // An anime's next cour is its next season.
        assert!(
            subject_terms("그러나 2기의 제작에 대해서는 아무런 발표도 없다.").contains(&renewal)
        );
        let renewed = "Season 2 will happen if the numbers hold up.";
        assert!(with_renewal_as_subject(subject_terms(renewed), renewed).contains(&renewal));
    }

    #[test]
    fn what_a_renewal_and_a_date_hang_on_is_their_topic() {
        let has =
            |sentence: &str, topic: Topic| subject_terms(sentence).contains(&Term::Topic(topic));
        assert!(has(
            "The Blu-ray sales were decent but not huge.",
            Topic::Renewal
        ));
        assert!(has(
            "The ratings for season 2 were a bit down.",
            Topic::Renewal
        ));
        assert!(has(
            "Filming begins in Shropshire in the spring.",
            Topic::Schedule
        ));
        assert!(!has(
            "Filming begins in Shropshire in the spring.",
            Topic::Renewal
        ));
    }

    #[test]
    fn names_carry_the_gender_the_sentence_shows() {
        assert_eq!(
            names_with_gender(
                "Ines Walcott returns as keeper Maren Holt and Tobias Reed as her brother Abe."
            ),
            vec![
                ("Ines Walcott".to_owned(), None),
                ("Maren Holt".to_owned(), None),
                ("Tobias Reed".to_owned(), None),
                ("Abe".to_owned(), Some(Gender::Male)),
            ]
        );
        assert_eq!(
            names_with_gender("The last bottle Maren opens is dated before she was born."),
            vec![("Maren".to_owned(), Some(Gender::Female))]
        );
        // A possessive name tells nothing by a pronoun after it; a title-case heading names no one.
        assert_eq!(
            names_with_gender(
                "His drawings for Moon-young's books were his dream, and he keeps going."
            ),
            vec![("Moon-young".to_owned(), None)]
        );
        assert!(names_with_gender("What Could Happen in Season 2?").is_empty());
        assert_eq!(last_name("It's a deal, Let's go."), None);
    }

    use super::*;

    #[test]
    fn topic_phrases_are_found_in_one_pass_as_one_by_one() {
        assert!(TOPIC_PHRASES.is_some());
        let sentences = [
            "Expect it to land late next year, with no release date and no follow-up.",
            "She is back as the captain; the new episodes come out in the summer of 2027.",
            "'달빛' 시즌2 편성은 미정이고, 주연 배우들의 출연 여부도 알려지지 않았다.",
            "Nothing here names a topic phrase.",
        ];
        for sentence in sentences {
            let lowered = sentence.to_lowercase();
            let mut one_pass = phrase_topics(&lowered);
            let mut one_by_one = phrase_topics_one_by_one(&lowered);
            for topics in [&mut one_pass, &mut one_by_one] {
                topics.sort();
                topics.dedup();
            }
            assert_eq!(one_pass, one_by_one, "{sentence}");
        }
        assert_eq!(
            phrase_topics_one_by_one("back as the captain, late next year"),
            [Topic::Schedule, Topic::Cast]
        );
    }

    #[test]
    fn renewal_words_share_a_topic() {
        let a = subject_terms("Will a second season be greenlit?");
        let b = subject_terms("The show has not been renewed.");
        let c = subject_terms("시즌2 제작 여부는 미정이다.");
        for terms in [&a, &b, &c] {
            assert!(terms.contains(&Term::Topic(Topic::Renewal)), "{terms:?}");
        }
    }

    #[test]
    fn names_and_topic_words_are_kept_function_words_dropped() {
        let terms = subject_terms("Could Moon-young and her mother rebuild anything?");
        assert_eq!(
            terms,
            [
                Term::Topic(Topic::Mother),
                Term::Word("moon".into()),
                Term::Word("rebuild".into()),
                Term::Word("young".into()),
            ]
        );
    }

    #[test]
    fn korean_particles_are_stripped() {
        let terms = subject_terms("고문영의 엄마는 감옥에 있다.");
        assert!(terms.contains(&Term::Word("고문영".into())), "{terms:?}");
        assert!(terms.contains(&Term::Word("감옥".into())), "{terms:?}");
        assert!(terms.contains(&Term::Topic(Topic::Mother)), "{terms:?}");
    }

    #[test]
    fn a_season_is_named_in_words_numbers_or_an_anime_s_count() {
        assert_eq!(season_number("Will there be a second season?"), Some(2));
        assert_eq!(season_number("시즌 3 제작 확정"), Some(3));
        assert_eq!(season_number("애니메이션 제2기의 발표가 가깝다"), Some(2));
        assert_eq!(season_number("1기 감독의 연출이 좋았다"), None);
    }

    #[test]
    fn two_people_named_together_are_read_as_a_pair() {
        assert_eq!(
            korean_pair("만복과 보건교사 윤하나(한서린 분)의 관계도 미완으로 남았다."),
            Some(("만복".to_owned(), "윤하나".to_owned()))
        );
        assert_eq!(
            korean_pair("둘째, 잠수부 태오(배우 김라헌)와 은채의 관계요."),
            Some(("태오".to_owned(), "은채".to_owned()))
        );
        assert_eq!(korean_pair("시즌1과 시즌2의 관계는 아직 모른다."), None);
        assert_eq!(korean_pair("호평과 인기의 관계가 이어졌다."), None);
    }
}
