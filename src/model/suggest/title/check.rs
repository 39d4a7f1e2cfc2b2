//! The title checker: whether a suggested title is one a fan would keep (issue 15).
//!
//! A kept title is a specific, grammatical question that names its subject. The checker flags
//! the kinds a fan deletes or rewrites, as the annotation guide lists them: generic questions
//! ("What happens next?", "What happens next for X?", "앞으로 어떻게 될까?"), titles cut off
//! on a word that needs a continuation (a preposition, an article, a possessive, a
//! conjunction, a verb left without its object), unbalanced quotation marks, a quote still
//! carrying its speech tag (`…," the director said?`), and a sentence start glued to a
//! modal ("Could Until then…"). It is a rule over the title's words, not a list of titles.

use std::fmt;

use super::super::language::{contains_any, table_of_title};
use super::super::terms::is_hangul;

/// Why a title would be deleted or rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TitleProblem {
    /// Not a question (no closing `?`).
    NotAQuestion,
    /// Says nothing specific: "What happens next?", a question of one or two words.
    Generic,
    /// Ends on a word that needs a continuation (the word is given).
    CutOff(String),
    /// A quotation mark opened and not closed.
    UnbalancedQuote,
    /// A quote with its speech tag (`…," the director said`).
    SpeechTag,
    /// A sentence start glued to a modal: "Could Until then…", "Will in one respect…".
    GluedModal,
    /// Its subject is a bare pronoun or the reader ("Will she return?", "When you get to go
    /// back…?", "여러분은 …?"): it does not name what it asks about.
    VagueSubject,
    /// It carries a dateline or byline ("What will happen to YORK?", "(서울=…)", "… 기자").
    Dateline,
    /// Its subject is a role or an actor phrase, not the story's person or thing ("What will
    /// happen to actor Kim Tae-ri?", "…역의 배우 오미란은 어떻게 될까?", "(한가을 분)").
    RoleSubject,
    /// An embedded clause with a question mark, never inverted ("How the couple copes …?").
    NotInverted,
    /// A pasted sentence: longer than [`MAX_WORDS`] words or [`MAX_CHARS`] characters
    /// ([`MAX_KOREAN_CHARS`] in Korean).
    TooLong,
    /// Asks what the article settles ("Will a second season be confirmed?" when the article
    /// reports it confirmed): see [`title_problem_in`].
    AsksSettled,
    /// A list, FAQ or reply marker before the question ("① …", "Q: …", "└ 연두 …"), or a Korean
    /// template question whose subject is no noun phrase: a clause glued before it ("들어간
    /// 상태라 실제 출연은 어떻게 될까?") or an adnominal verb ("연출을 맡은 어떻게 될까?").
    GluedLeadIn,
    /// It carries markup left from a web page: a tag (`<p>`, `</h2>`, `<br/>`) or a
    /// character reference (`&amp;`, `&#39;`).
    Markup,
}

impl fmt::Display for TitleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAQuestion => write!(f, "not a question"),
            Self::Generic => write!(f, "generic"),
            Self::CutOff(word) => write!(f, "cut off after \"{word}\""),
            Self::UnbalancedQuote => write!(f, "unbalanced quote"),
            Self::SpeechTag => write!(f, "speech tag"),
            Self::GluedModal => write!(f, "sentence start glued to a modal"),
            Self::VagueSubject => write!(f, "no named subject"),
            Self::Dateline => write!(f, "dateline or byline"),
            Self::RoleSubject => write!(f, "subject is a role or an actor"),
            Self::NotInverted => write!(f, "an embedded clause, not a question"),
            Self::TooLong => write!(f, "too long"),
            Self::AsksSettled => write!(f, "asks what the article settles"),
            Self::Markup => write!(f, "markup left in the text"),
            Self::GluedLeadIn => write!(f, "a marker or a clause glued before the question"),
        }
    }
}

/// Questions that fit any show (compared lower-cased, without the `?` and after "for"/"with").
const GENERIC: &[&str] = &[
    "what happens next",
    "what happens now",
    "what will happen",
    "what will happen next",
    "what comes next",
    "what's next",
    "what is next",
    "what now",
    "what is still open",
    "what else",
    "what else is open",
    "is there more",
    "is there more coming",
    "is there more to come",
    "will there be more",
    "what is coming",
    "what's coming",
    "what's coming next",
    "what is coming next",
    "what will happen to the show",
    "what will happen to the series",
    "what will happen to the drama",
    "what will happen to the story",
    "what will happen to the characters",
    "what will happen to the cast",
    "what will happen to the fans",
    "is the theory right",
    "is the theory true",
    "is the theory correct",
    "will the story continue",
    "앞으로 어떻게 될까",
    "어떻게 될까",
    "다음은 어떻게 될까",
    "이후 어떻게 될까",
    "이야기는 어떻게 될까",
    "드라마는 어떻게 될까",
    "결말은 어떻게 될까",
    "출연이 확정될까",
    "출연할까",
    "방송은 언제 될까",
    "제작이 확정될까",
    "앞으로의 전개는 어떻게 될까",
];

/// Words a question cannot end on: articles, possessive determiners, conjunctions.
const NEVER_LAST: &[&str] = &[
    "the", "a", "an", "her", "his", "their", "its", "our", "my", "your", "whose", "and", "or",
    "but", "nor", "that", "because", "if", "whether", "while", "than", "as", "this", "these",
    "those", "every", "each", "some", "any", "no", "both", "either", "neither", "such", "very",
    "not", "also", "until", "unless", "although", "though", "since", "another", "second", "third",
    "fourth", "fifth",
];

/// Prepositions a question may strand only after a question word ("Who is it from?").
const PREPOSITIONS: &[&str] = &[
    "to", "of", "with", "for", "at", "from", "into", "about", "like", "between", "onto", "upon",
    "toward", "towards", "without", "under", "among", "across", "within", "via", "per", "against",
    "during", "despite", "beyond",
];

/// Verbs that need an object or a complement ("Could the show take?", "Will she be?").
const NEEDS_OBJECT: &[&str] = &[
    "take",
    "takes",
    "let",
    "lets",
    "allow",
    "allows",
    "make",
    "makes",
    "give",
    "gives",
    "bring",
    "brings",
    "put",
    "puts",
    "be",
    "been",
    "being",
    "become",
    "becomes",
    "get",
    "gets",
    "reveal",
    "reveals",
    "include",
    "includes",
    "expand",
    "explore",
    "explores",
    "address",
    "addresses",
    "feature",
    "features",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "does",
    "do",
    "did",
];

/// Question words after which a stranded preposition or a bare verb can end a question.
const WH_WORDS: &[&str] = &[
    "who", "what", "which", "where", "whom", "whose", "when", "how",
];

/// Openers of a yes/no question.
const AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "should", "shall", "may", "might", "must", "is", "are", "was",
    "were", "do", "does", "did", "has", "have", "had",
];

/// Sentence openers that cannot start a question's subject right after its auxiliary.
const CLAUSE_OPENERS: &[&str] = &[
    "until",
    "in",
    "if",
    "when",
    "after",
    "before",
    "while",
    "although",
    "because",
    "since",
    "then",
    "however",
    "meanwhile",
    "as",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "despite",
    "though",
    "once",
    "so",
    "but",
    "and",
    "or",
    "yet",
    "also",
    "even",
    "of",
    "to",
    "during",
    "without",
    "unless",
    "whether",
    "according",
    "instead",
    "besides",
    "moreover",
    "regardless",
    "still",
    "meanwhile",
    "later",
    "now",
    "plus",
    "indeed",
    "sadly",
    "luckily",
    "hopefully",
    "unfortunately",
    "fortunately",
    "ultimately",
    "finally",
    "first",
    "second",
    "third",
    "next",
    "overall",
    "anyway",
    "well",
    "however",
    "otherwise",
    "therefore",
    "thus",
    "again",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "pretty",
    "honestly",
    "basically",
    "frankly",
    "personally",
    "apparently",
    "obviously",
    "clearly",
    "surely",
    "actually",
    "right",
    "okay",
    "ok",
    "yes",
    "oh",
    "look",
    "listen",
    "sure",
    "admittedly",
    "interestingly",
    "notably",
    "similarly",
    "likewise",
    "speaking",
    "spoiler",
    "spoilers",
];

/// Verbs of a speech tag ("the director said").
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "writes",
    "continued",
    "asked",
    "asks",
    "stated",
    "joked",
    "laughed",
    "admitted",
    "admits",
    "recalled",
    "shared",
    "revealed",
    "teased",
    "insisted",
    "confirmed",
    "claimed",
];

/// Endings a Korean question may close on: a question ending (-ㄹ까, -나, -가, -니, -지, -요)
/// or a noun of open status (여부, 미정).
const KOREAN_ENDINGS: &[&str] = &[
    "까", "나", "가", "니", "지", "요", "여부", "미정", "는가", "인가", "을까", "될까", "할까",
];

/// Korean speech tags ("…라고 말했다").
const KOREAN_SPEECH_TAGS: &[&str] = &[
    "라고 말했",
    "라고 밝혔",
    "고 밝혔",
    "고 말했",
    "라고 전했",
    "고 전했",
    "라고 덧붙",
];

/// The most words an English title has: a longer one is a pasted sentence.
pub const MAX_WORDS: usize = 13;

/// The most characters an English title has (with its `?`).
pub const MAX_CHARS: usize = 72;

/// The most characters a Korean title has (with its `?`).
pub const MAX_KOREAN_CHARS: usize = 40;

/// What is wrong with `title`, or `None` when a fan would keep it.
///
/// Checked in order: markup, not a question, too long, generic, dateline, speech tag, unbalanced
/// quote, a role or actor as subject, a sentence start glued to a modal, an embedded clause,
/// a vague subject, cut off. Pure; works on English and Korean titles (chosen by script).
/// What the article settles is checked by [`title_problem_in`].
pub fn title_problem(title: &str) -> Option<TitleProblem> {
    let title = title.trim();
    if has_markup(title) {
        return Some(TitleProblem::Markup);
    }
    let Some(body) = title.strip_suffix('?').or_else(|| title.strip_suffix('？')) else {
        return Some(TitleProblem::NotAQuestion);
    };
    let body = body.trim_end();
    let lower = body.to_lowercase().replace('’', "'");
    let korean = body.chars().any(is_hangul);
    let too_long = if korean {
        title.chars().count() > MAX_KOREAN_CHARS
    } else {
        title.chars().count() > MAX_CHARS || body.split_whitespace().count() > MAX_WORDS
    };
    if too_long {
        return Some(TitleProblem::TooLong);
    }

    if is_generic(&lower) {
        return Some(TitleProblem::Generic);
    }
    if has_dateline(body) {
        return Some(TitleProblem::Dateline);
    }
    if opens_with_marker(body, &lower) {
        return Some(TitleProblem::GluedLeadIn);
    }
    if has_speech_tag(body, &lower) {
        return Some(TitleProblem::SpeechTag);
    }
    if unbalanced(body) || unbalanced_parenthesis(body) || korean_speech_tag(body) {
        return Some(TitleProblem::UnbalancedQuote);
    }
    let words: Vec<String> = lower.split_whitespace().map(bare).collect();
    // A title of white space alone (a no-break space is white space too) asks nothing.
    if words.is_empty() {
        return Some(TitleProblem::Generic);
    }
    if korean {
        return korean_problem(body);
    }
    // "Who comes back?", "What happened there?": a short wh-question naming nothing.
    let short_wh = (WH_WORDS.contains(&words[0].as_str()) || words[0] == "why")
        && words.len() <= 3
        && !names_someone(body);
    if words.len() < 3 || short_wh || about_an_episode_only(&words) || faq_boilerplate(&lower) {
        return Some(TitleProblem::Generic);
    }
    if role_subject(&lower, &words) {
        return Some(TitleProblem::RoleSubject);
    }
    // "Also, what happened to Sir Garrett?": a discourse word and its comma left in front.
    let lead_word = body
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(',') && CLAUSE_OPENERS.contains(&words[0].as_str()));
    if glued_lead_in(body, &words) || LEAD_CLAUSES.contains(&words[0].as_str()) || lead_word {
        return Some(TitleProblem::GluedModal);
    }
    let embedded = WH_WORDS.contains(&words[0].as_str())
        && !AUXILIARIES.contains(&words[1].as_str())
        && PRONOUNS.contains(&words[1].as_str());
    if !embedded && (not_inverted(&words) || !opens_a_question(&words[0])) {
        return Some(TitleProblem::NotInverted);
    }
    if agrees_wrongly_or_is_not_inverted(body, &words) || wraps_a_clause(body) {
        return Some(TitleProblem::NotInverted);
    }
    if glued_question_word(body) {
        return Some(TitleProblem::GluedModal);
    }
    let impersonal = subject_word(&words).is_some_and(|w| matches!(w, "it" | "this" | "that"));
    let meta = subject_word(&words).is_some()
        && words
            .iter()
            .take(4)
            .any(|w| META_SUBJECTS.contains(&w.as_str()));
    if embedded
        || impersonal
        || meta
        || (vague_subject(&words) && !names_someone(body))
        || half_phrase(body)
        || unanchored_pronoun(body)
        || name_then_pronoun(body)
        || have_as_main_verb(&words)
        || repeats_a_name(body)
        || aux_before_no_subject(body, &words)
        || modal_before_a_past(body, &words)
        || about_no_noun_phrase(body)
        || VAGUE_DEFINITES
            .iter()
            .any(|d| words.get(1..3).is_some_and(|w| w.join(" ") == *d))
    {
        return Some(TitleProblem::VagueSubject);
    }
    english_cut_off(body, &words).map(TitleProblem::CutOff)
}

/// Questions an "everything we know" post asks in its headings and answers under them, about
/// the show as a product rather than its story or its future: a trailer, the cast list, the
/// source, where to watch, the ratings, an aired season's length.
const FAQ_BOILERPLATE: &[&str] = &[
    "is there a trailer",
    "is there a teaser",
    "who's in the cast",
    "who is in the cast",
    "where can i watch",
    "where to watch",
    "where can you watch",
    "are the numbers good",
    "how were the ratings",
    "is it based on",
];

/// Whether `lower` (a lower-cased title) is [`FAQ_BOILERPLATE`], or asks whether the show is
/// based on a book or how many episodes an aired season has.
fn faq_boilerplate(lower: &str) -> bool {
    FAQ_BOILERPLATE.iter().any(|q| lower.starts_with(q))
        || (lower.starts_with("is ") && lower.contains(" based on "))
        || (lower.starts_with("how many episodes") && lower.contains("season 1"))
        || (lower.starts_with("how many episodes are"))
}

/// Words of a recap heading that asks about an episode and nothing in it.
const EPISODE_ONLY_WORDS: &[&str] = &[
    "what",
    "how",
    "happened",
    "happens",
    "happen",
    "did",
    "does",
    "do",
    "it",
    "in",
    "at",
    "the",
    "a",
    "finale",
    "episode",
    "ending",
    "end",
    "last",
    "final",
    "season",
    "series",
    "next",
    "two",
    "three",
    "four",
    "explained",
    "of",
    "that",
    "this",
    "go",
    "down",
    "mean",
];

/// Whether a wh-question asks only about an episode, naming nothing in it: "What happened in
/// the finale?", "How did it end?" (a recap's heading, which the recap answers).
fn about_an_episode_only(words: &[String]) -> bool {
    matches!(words[0].as_str(), "what" | "how")
        && words.iter().all(|w| {
            EPISODE_ONLY_WORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// Whether a parenthesis of `body` opens and never closes, or closes unopened ("Was DS Callum
/// Reyes (Anwar Basset framed?").
fn unbalanced_parenthesis(body: &str) -> bool {
    // "1) Is Celia dead?": a list's numbering closes nothing.
    let body = body.trim_start_matches(|c: char| c.is_ascii_digit() || c == ')');
    let opened = body.chars().filter(|c| matches!(c, '(' | '（')).count();
    let closed = body.chars().filter(|c| matches!(c, ')' | '）')).count();
    opened != closed
}

/// Whether a Korean title holds a quote's speech tag between two quotes ("…이야기\"라며
/// \"금순이 왜 …?"): two sentences glued, not one question.
fn korean_speech_tag(body: &str) -> bool {
    ["\"라며", "\"라고", "”라며", "”라고", "\"며 ", "\"고 "]
        .iter()
        .any(|tag| body.contains(tag))
}

/// Whether a question is a told sentence left uninverted: after "do"/"did" a verb with "-s"
/// ("Do Rhiannon Obi wants them …?"), or a wh-word, a capitalised name and a verb with "-s"
/// ("What Agnes wants yet …?").
fn agrees_wrongly_or_is_not_inverted(body: &str, words: &[String]) -> bool {
    let raw: Vec<&str> = body.split_whitespace().collect();
    let capitalised = |k: usize| {
        raw.get(k)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let verb_s = |w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !w.ends_with("us")
            && !matches!(
                w,
                "is" | "was" | "has" | "does" | "this" | "its" | "his" | "hers"
            )
    };
    // The first lowercase word after the capitalised name that follows word 1.
    let after_name = |from: usize| {
        (from..words.len())
            .find(|&k| !capitalised(k))
            .filter(|&k| k > from)
    };
    if matches!(words[0].as_str(), "do" | "did") && capitalised(1) {
        return after_name(1).is_some_and(|k| verb_s(&words[k]));
    }
    if WH_WORDS.contains(&words[0].as_str()) && capitalised(1) {
        return after_name(1).is_some_and(|k| verb_s(&words[k]));
    }
    there_before_a_clause(words)
}

/// Whether "there" is followed by a whole clause: "Are there she's coming back?", "Will there
/// be he returns?": a subject pronoun (or its contraction) where a noun phrase belongs.
fn there_before_a_clause(words: &[String]) -> bool {
    if words.get(1).is_none_or(|w| w != "there") {
        return false;
    }
    let at = if words.get(2).is_some_and(|w| w == "be") {
        3
    } else {
        2
    };
    words.get(at).is_some_and(|w| {
        let subject = w.split('\'').next().unwrap_or(w);
        matches!(subject, "he" | "she" | "they" | "we" | "i" | "it")
    })
}

/// Openings of a question about what becomes of someone or something.
const FATE_OPENINGS: &[&str] = &[
    "what will happen to",
    "what happens to",
    "what happens with",
    "what will come of",
];

/// Whether `title` only asks what becomes of someone or something ("What will happen to
/// Tom?", "What will come of Maggie signing the pub over?", "석무현이 어떻게 될까?"): the
/// question made when a sentence sets a scene and asks nothing itself.
pub(crate) fn asks_only_a_fate(title: &str) -> bool {
    let lower = title.to_lowercase();
    FATE_OPENINGS.iter().any(|o| lower.starts_with(o)) || title.ends_with(" 어떻게 될까?")
}

/// Whether a fate question is about no noun phrase: "What happens with very much alive?",
/// "What happens with there going to be …?": a clause's words, not a name or a determiner's
/// phrase.
fn about_no_noun_phrase(body: &str) -> bool {
    let lower = body.to_lowercase();
    let Some(opening) = FATE_OPENINGS.iter().find(|o| lower.starts_with(**o)) else {
        return false;
    };
    // The opening is ASCII, so its length in `body` is the same (checked, not assumed).
    let Some(rest) = body.get(opening.len()..) else {
        return false;
    };
    let rest: Vec<&str> = rest.split_whitespace().collect();
    let Some(first) = rest.first() else {
        return true;
    };
    let first_lower = bare(first);
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    let determiner = matches!(
        first_lower.as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "both"
            | "every"
            | "each"
    );
    !capitalised && !determiner
}

/// Subjects that point back into the article without naming anyone ("Will the couple get
/// married?", "Is the actor under contract …?"): on a checklist they could be anyone.
const VAGUE_DEFINITES: &[&str] = &[
    "the couple",
    "the pair",
    "the actor",
    "the actress",
    "the part",
    "the role",
    "the character",
];

/// Whether a title names the same person twice ("Will Marsh come back and Marsh will bring
/// Marsh's own horse?"): a sentence told about its speaker, glued, not a question.
fn repeats_a_name(body: &str) -> bool {
    // Each capitalised word with the run of capitalised words it stands in: one name may
    // repeat a word ("It's Okay To Not Be Okay"), two runs naming one word are a repeat.
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut run = 0;
    let mut in_run = false;
    for word in body.split_whitespace().skip(1) {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised {
            in_run = false;
            continue;
        }
        if !in_run {
            run += 1;
            in_run = true;
        }
        let name = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_owned();
        if name.chars().count() <= 2 {
            continue;
        }
        if seen.iter().any(|(seen, r)| *seen == name && *r != run) {
            return true;
        }
        seen.push((name, run));
    }
    false
}

/// Whether an opening modal stands before a past form, where its verb should be ("Would
/// ordered most likely begin …?", "Would Holloway smiled and say?"): a clause's pieces glued.
fn modal_before_a_past(body: &str, words: &[String]) -> bool {
    if !matches!(
        words[0].as_str(),
        "will" | "would" | "could" | "can" | "should" | "might" | "may"
    ) {
        return false;
    }
    let raw: Vec<&str> = body.split_whitespace().collect();
    let past = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !w.ends_with("ied")
        }) && raw
            .get(k)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    };
    let named = |k: usize| {
        raw.get(k)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    past(1) || (named(1) && past(2))
}

/// Words that cannot follow an opening auxiliary as its subject: an adverb in "-ly", a
/// contraction ("that's", "There's") or a pronoun for all or none ("Will naturally everyone
/// know?", "Will that's all Nadia say?", "Will everyone know?"; "Is someone …?" asks).
fn aux_before_no_subject(body: &str, words: &[String]) -> bool {
    if !AUXILIARIES.contains(&words[0].as_str()) {
        return false;
    }
    let Some(raw) = body.split_whitespace().nth(1) else {
        return false;
    };
    let second = &words[1];
    let adverb = second.ends_with("ly") && raw.chars().next().is_some_and(char::is_lowercase);
    // "It's" capitalised opens a show's name ("It's Okay To Not Be Okay").
    let contraction = (second.ends_with("'s") || second.ends_with("’s"))
        && match second.trim_end_matches("'s").trim_end_matches("’s") {
            "that" | "there" | "here" | "what" | "who" => true,
            "it" => raw.starts_with('i'),
            _ => false,
        };
    let indefinite = matches!(
        second.as_str(),
        "everyone" | "everybody" | "everything" | "nobody"
    );
    adverb || contraction || indefinite
}

/// Past participles that do not end in "-ed" or "-en", after "have" as an auxiliary.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "been", "got", "gone", "made", "done", "seen", "left", "told", "found", "heard", "said",
    "come", "become", "run", "put", "set", "kept", "lost", "won", "read", "built", "sent", "shot",
    "begun", "bought", "brought", "caught", "felt", "held", "led", "met", "paid", "sold", "taught",
    "thought", "meant", "hit", "cut", "let", "quit",
];

/// Whether a title inverts "have" as a main verb ("Have the light novels four more volumes to
/// adapt?"): that "have" asks with "do" ("Do the light novels have …?"); only a "have" before a
/// past participle inverts.
fn have_as_main_verb(words: &[String]) -> bool {
    if !matches!(
        words.first().map(String::as_str),
        Some("have" | "has" | "had")
    ) {
        return false;
    }
    !words.iter().skip(2).take(5).any(|w| {
        (w.ends_with("ed") || w.ends_with("en") || IRREGULAR_PARTICIPLES.contains(&w.as_str()))
            && w.len() > 3
    })
}

/// Whether a name runs straight into a subject pronoun ("Would Anya she loved that
/// character?"): two clauses glued together, the question lost between them.
fn name_then_pronoun(body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    words.windows(2).skip(1).any(|w| {
        let name = w[0].chars().next().is_some_and(char::is_uppercase)
            && !w[0].ends_with(|c: char| !c.is_alphanumeric());
        name && matches!(w[1], "she" | "he" | "they" | "we" | "i" | "I")
    })
}

/// Prepositions whose object, ending a title, is a thing the title never names ("live with
/// it").
const ENDING_PREPOSITIONS: &[&str] = &[
    "with", "of", "about", "for", "on", "in", "from", "at", "over", "after", "behind", "like",
];

/// Whether a pronoun in an English title points at nobody the title names: the reader or the
/// writer ("you", "your", "I … saw"), a possessive before any name ("What was going through
/// her head?", "his missing sister Agnes"), or "it", "that", "this" after a preposition ending
/// the title ("Could Marsh live with it?", "… the end of it?"). A checklist title is read away from its article, so each
/// is a question about someone unknown (the annotation guide asks titles to name their
/// subject).
fn unanchored_pronoun(body: &str) -> bool {
    let raw: Vec<&str> = body.split_whitespace().collect();
    let lower: Vec<String> = raw.iter().map(|w| bare(&w.to_lowercase())).collect();
    let last = lower.len().saturating_sub(1);
    // Read as a possessive, "her" may be an object too ("forgive her, or …"): kept.
    let mut named = false;
    for (k, word) in lower.iter().enumerate() {
        let lower_case = raw[k].chars().next().is_some_and(char::is_lowercase);
        let next = raw.get(k + 1);
        let next_lower = next.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let vague = match word.as_str() {
            "you" | "your" | "yours" | "me" | "my" => lower_case,
            "i" | "i'm" | "i'd" | "i'll" | "i've" => k > 0 && (next_lower || next.is_none()),
            // "her head": a possessive before any name.
            "her" | "his" | "their" => !named && next_lower,
            // "live with it", "the end of it"; "to sell it" keeps the thing the title named.
            "it" | "that" | "this" => {
                k == last && k > 1 && ENDING_PREPOSITIONS.contains(&lower[k - 1].as_str())
            }
            _ => false,
        };
        if vague {
            return true;
        }
        named |= k > 0 && raw[k].chars().next().is_some_and(char::is_uppercase) && word != "i";
    }
    false
}

/// [`title_problem`], and what the article settles ([`TitleProblem::AsksSettled`]): with the
/// next season reported confirmed (`settled.season`), a title asking if it will be made; with
/// its premiere date given (`settled.date`), a title asking when it comes; with an actor's
/// return reported (`settled.returned`), a title asking if they return. The open questions
/// then are its air date and cast, or what it will hold.
pub fn title_problem_in(title: &str, settled: Settled<'_>) -> Option<TitleProblem> {
    title_problem(title).or_else(|| {
        let asks = (settled.season && asks_renewal(title))
            || (settled.date && asks_date(title))
            || asks_a_settled_return(title, settled.returned);
        asks.then_some(TitleProblem::AsksSettled)
    })
}

/// Whether `title` asks if an actor returns whose return the article reports as settled
/// (`returned`, [`TitleContext::returned`](super::TitleContext::returned)): "Will Kofi
/// Danquah return?", "배수혁은 시즌2에 출연할까?".
fn asks_a_settled_return(title: &str, returned: &[String]) -> bool {
    let lower = title.to_lowercase();
    let asks_return = [
        " return",
        "be back",
        "come back",
        "출연할까",
        "돌아올까",
        "합류할까",
    ]
    .iter()
    .any(|w| lower.contains(w));
    asks_return && returned.iter().any(|actor| title.contains(actor.as_str()))
}

/// What the article settles about its next season.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settled<'a> {
    /// It reports the next season confirmed.
    pub season: bool,
    /// It gives the next season's premiere date.
    pub date: bool,
    /// Actors whose return it reports ("Kofi Danquah is back as …").
    pub returned: &'a [String],
}

/// Whether a title asks when the next season comes ("When will season two premiere?",
/// "시즌2는 언제 방송될까?").
fn asks_date(title: &str) -> bool {
    let lower = title.to_lowercase();
    if title.chars().any(is_hangul) {
        return lower.contains("언제")
            && ["시즌", "방송", "방영", "공개"]
                .iter()
                .any(|w| lower.contains(w));
    }
    lower.starts_with("when")
        && [
            "premiere",
            "air",
            "return",
            "release",
            "come out",
            "coming out",
            "arrive",
            "land",
            "drop",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// The key under which titles that ask one question are one suggestion: the title itself
/// (case aside), or for an article about one show (`shows` empty) the same key for every title
/// asking whether it goes on ([`asks_whether_it_goes_on`]) and for every English one asking when
/// its next season comes ("When will season two premiere?", "When is season 2 coming out?");
/// in a list of `shows`, one key per show for its coming back asked in other words ("Will
/// Tinmoor Outpost get another season?", "Will Tinmoor Outpost be saved?"); and one key per
/// person for a fate asked in different words ("Did Abigail survive?", "Is Abigail really
/// dead?").
pub(crate) fn question_key(title: &str, headline: &str, shows: &[String]) -> String {
    let korean = title.chars().any(is_hangul);
    let one_show = shows.is_empty();
    if one_show && asks_whether_it_goes_on(title, headline) {
        return "\u{1}renewal".to_owned();
    }
    // In a list of shows, one show's coming back asked in other words ("Will Tinmoor Outpost
    // get another season?", "Will Tinmoor Outpost be saved?").
    if let Some(show) = shows.iter().find(|show| title.contains(show.as_str()))
        && (asks_renewal(title) || asks_rescue(title))
    {
        return format!("\u{1}renewal {show}");
    }
    if one_show && !korean && asks_date(title) && !title.contains(" cast") {
        return "\u{1}date".to_owned();
    }
    let lower = title.to_lowercase();
    let fate = [
        ("did ", " survive"),
        ("is ", " really dead"),
        ("is ", " dead"),
        ("is ", " still alive"),
        ("is ", " alive"),
        ("did ", " make it"),
    ]
    .iter()
    .find_map(|(open, close)| {
        let rest = lower.strip_prefix(open)?;
        let at = rest.find(close)?;
        Some(rest[..at].trim_start_matches("the ").to_owned())
    });
    match fate {
        Some(who) if !who.is_empty() && !korean => format!("\u{1}fate {who}"),
        _ => lower,
    }
}

/// Whether an English title asks if the show goes on at all, naming no one but what
/// `headline` names: made, renewed, saved or revived ("Will the show be saved?", "Will a
/// second season be confirmed?", "Will Hollowpike Lanes be renewed?").
fn asks_whether_it_goes_on(title: &str, headline: &str) -> bool {
    let lower = title.to_lowercase();
    let words = &table_of_title(title).renewals;
    // Only the show's own question, naming no one but the show the headline names ("Will
    // Ossian Kell get to take it to a fourth season?" is the writer's).
    let names_no_one = title.split_whitespace().skip(1).all(|w| {
        !w.chars().next().is_some_and(char::is_uppercase)
            || w.starts_with("Season")
            || headline.contains(w.trim_end_matches(|c: char| !c.is_alphanumeric()))
    });
    // "Is the lighthouse drama coming back?": the show, named by its kind.
    let kind_comes_back = words
        .comes_back
        .iter()
        .filter_map(|w| lower.find(w))
        .any(|at| {
            lower[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| words.show_kinds.contains(&w))
        });
    !title.chars().any(is_hangul) && names_no_one && (asks_renewal(title) || kind_comes_back)
        || contains_any(&lower, words.goes_on)
}

/// Whether an English title in a piece about several `shows` asks a season's date but names
/// none of them
/// ("When will season two premiere?" from the lede of a list of shows): whose date is not
/// told, so it asks nothing a fan could follow. Korean titles and people's returns are left.
pub(crate) fn dates_no_listed_show(title: &str, shows: &[String]) -> bool {
    // A season's date in English ("When will Mara return?" asks about a person).
    let season = !title.chars().any(is_hangul) && title.to_lowercase().contains("season");
    !shows.is_empty()
        && season
        && asks_date(title)
        && !shows.iter().any(|show| title.contains(show.as_str()))
}

/// Whether a title asks if a cancelled show is rescued ("Will X be saved?", "Could another
/// streamer pick up X?"; "pick up where season 1 left off" is the story's).
fn asks_rescue(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words = &table_of_title(title).renewals;
    contains_any(&lower, words.asks_rescue) && !contains_any(&lower, words.not_rescue)
}

/// Whether a title asks if a show or season will be made at all ("Will it be renewed?",
/// "Will a second season happen?", "시즌2는 제작될까?"), not when, nor who returns: its
/// language's [`Renewals`](super::super::language::Renewals) question words.
fn asks_renewal(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words = &table_of_title(title).renewals;
    !contains_any(&lower, words.not_made)
        && !words.not_made_openers.iter().any(|w| lower.starts_with(w))
        && (contains_any(&lower, words.asks_made)
            || (contains_any(&lower, words.season_words)
                && contains_any(&lower, words.season_made)))
}

/// Whether a title carries markup: `<` opening a tag name (or `/` and a name, or `!--`) and
/// closed by a `>`, or `&` opening a named or numeric character reference ended by `;`.
fn has_markup(title: &str) -> bool {
    let tag = title.match_indices('<').any(|(at, _)| {
        let rest = &title[at + 1..];
        let name = rest.strip_prefix('/').unwrap_or(rest);
        (name.starts_with(|c: char| c.is_ascii_alphabetic()) || rest.starts_with("!--"))
            && rest.find('>').is_some_and(|end| {
                !rest[..end].contains('<')
                    && rest[..end].split_whitespace().next().is_some_and(|n| {
                        n.trim_start_matches('/')
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-' || c == '!')
                    })
            })
    });
    let reference = title.match_indices('&').any(|(at, _)| {
        let rest = &title[at + 1..];
        let body = rest.strip_prefix('#').unwrap_or(rest);
        let len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        len > 0 && len <= 8 && body[len..].starts_with(';')
    });
    tag || reference
}

/// Whether a title carries a dateline or byline: an all-capitals word of four letters or
/// more ("SEOUL", "YORK"), two all-capitals words in a row ("NEW YORK"), or in Korean a
/// wire tag ("(서울=연합뉴스)") or a reporter's name ("… 기자").
fn has_dateline(body: &str) -> bool {
    if body.chars().any(is_hangul) {
        return body.contains('=')
            || body.split_whitespace().any(|w| w.starts_with("기자"))
            || body.contains('【');
    }
    let caps: Vec<bool> = body
        .split_whitespace()
        .map(|w| {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            core.chars().count() >= 2 && core.chars().all(char::is_uppercase)
        })
        .collect();
    let long_caps = body.split_whitespace().any(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphabetic());
        core.chars().count() >= 4 && core.chars().all(char::is_uppercase)
    });
    long_caps || caps.windows(2).any(|pair| pair[0] && pair[1])
}

/// Role words: a title about one of these asks about the people making the show, or an
/// outlet, not about its story ("What will happen to actor Kim?").
const ROLE_WORDS: &[&str] = &[
    "actor",
    "actress",
    "author",
    "novelist",
    "singer",
    "star",
    "director",
    "writer",
    "showrunner",
    "producer",
    "creator",
    "network",
    "streamer",
    "studio",
    "reporter",
    "critic",
    "agency",
    "spokesperson",
    "representative",
];

/// Whether a title opens with a list, FAQ or reply marker: "① 막차 운전사는 …", "Q: 시즌2
/// 나오나요?", "└ 연두 …", "- Will Mira return?" (a quotation mark may open a title).
fn opens_with_marker(body: &str, lower: &str) -> bool {
    let marked = body.chars().next().is_some_and(|c| {
        let circled =
            ('\u{2460}'..='\u{24FF}').contains(&c) || ('\u{2776}'..='\u{2793}').contains(&c);
        let quote = matches!(c, '"' | '\'' | '“' | '‘' | '「' | '『' | '《');
        circled || !(c.is_alphanumeric() || quote)
    });
    marked
        || ["q:", "a:", "q.", "q)"]
            .iter()
            .any(|m| lower.starts_with(m))
}

/// Whether an English title's first word opens a question: a question word or an
/// auxiliary, contracted or not ("What's", "Isn't"). "The old king?", "Lord Harrow is alive
/// apparently?", "1) Is Celia dead?" and "Cast: who is coming back?" do not.
fn opens_a_question(first: &str) -> bool {
    let word = first.split('\'').next().unwrap_or_default();
    let negated = word.strip_suffix("n").filter(|_| first.ends_with("n't"));
    let word = negated.unwrap_or(word);
    WH_WORDS.contains(&word)
        || word == "why"
        || AUXILIARIES.contains(&word)
        // "can't", "won't" lose more than their "n't".
        || matches!(word, "ca" | "wo")
}

/// Whether a question word or an auxiliary stands capitalised inside the title: a heading or
/// a sentence start glued in ("What will happen to Where Can I Watch?", "Will Which Actors
/// Will Be In return?", "What will happen to Also Rafael Dunn?", "… to I'm?").
fn glued_question_word(body: &str) -> bool {
    let raw: Vec<&str> = body.split_whitespace().collect();
    (1..raw.len()).any(|i| {
        let word = raw[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // Inside a capitalised name it is the name's ("the cast of Love Is Blind Island").
        let in_name = i > 1 && raw[i - 1].chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        capitalised
            && !in_name
            && (WH_WORDS.contains(&lower.as_str())
                || AUXILIARIES.contains(&lower.as_str())
                || matches!(
                    lower.as_str(),
                    "also" | "and" | "but" | "whether" | "i'm" | "i’m"
                )
                // "… to I’ll?", "… to I'd?": the writer speaking, as the subject.
                || (i == raw.len() - 1 && (lower.starts_with("i'") || lower.starts_with("i’"))))
    })
}

/// Whether an English title's subject is a role or an actor phrase: "What will happen to
/// actor Kim?", or any "…-turned-…" ("singer-turned-actress Lua").
fn role_subject(lower: &str, words: &[String]) -> bool {
    if lower.contains("-turned-") {
        return true;
    }
    // "Will Creator Marcus Tilby say?": a sentence's role label glued after the auxiliary.
    if AUXILIARIES.contains(&words[0].as_str())
        && words
            .get(1)
            .is_some_and(|w| ROLE_WORDS.contains(&w.as_str()))
    {
        return true;
    }
    let about = [
        "what will happen to",
        "what happens to",
        "what happens with",
    ];
    about.iter().any(|a| lower.starts_with(a))
        && words
            .iter()
            .skip(3)
            .any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// Words that, capitalised right after a question's auxiliary, are a sentence start glued to
/// it ("Will Pretty much everyone come back?", "Where are Is Moon-young going?").
const CAPITALISED_LEAD_INS: &[&str] = &[
    "everyone",
    "everybody",
    "nobody",
    "somebody",
    "someone",
    "most",
    "many",
    "some",
    "pretty",
    "there",
    "here",
    "we",
    "you",
    "they",
    "he",
    "she",
    "it",
    "i",
    "fans",
    "viewers",
];

/// Whether a sentence start is glued to the question's auxiliary: "Could Until then …",
/// "Will Pretty much everyone …", or a capitalised auxiliary after a lower-case word ("Where
/// are Is Moon-young going?", "the two of Is Moon-young").
fn glued_lead_in(body: &str, words: &[String]) -> bool {
    let raw: Vec<&str> = body.split_whitespace().collect();
    let subject_at = if AUXILIARIES.contains(&words[0].as_str()) {
        1
    } else if (WH_WORDS.contains(&words[0].as_str()) || words[0] == "why")
        && AUXILIARIES.contains(&words[1].as_str())
    {
        2
    } else {
        0
    };
    // A heading in title case ("Will There Be an Ashen Skies Season 2?") capitalises all.
    let headline = raw
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
        * 4
        >= raw.len() * 3;
    if subject_at > 0 {
        let word = &words[subject_at.min(words.len() - 1)];
        let capitalised = raw
            .get(subject_at)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        // "What was in the envelope?": after a wh-word and "be", "in" is the predicate's.
        let be_in = subject_at == 2
            && matches!(words[1].as_str(), "is" | "was" | "are" | "were")
            && word == "in"
            && !capitalised;
        if (CLAUSE_OPENERS.contains(&word.as_str()) && !be_in)
            || AUXILIARIES.contains(&word.as_str())
            || (capitalised && !headline && CAPITALISED_LEAD_INS.contains(&word.as_str()))
        {
            return true;
        }
    }
    !headline
        && raw.windows(2).zip(words.windows(2)).any(|(pair, lower)| {
            pair[0].chars().next().is_some_and(char::is_lowercase)
                && pair[1].chars().next().is_some_and(char::is_uppercase)
                && AUXILIARIES.contains(&lower[1].as_str())
        })
}

/// Subordinators that open a clause before the question ("If it happens, who comes back?").
const LEAD_CLAUSES: &[&str] = &[
    "if", "once", "until", "unless", "although", "though", "because", "since", "while", "after",
    "before", "assuming", "given",
];

/// Subjects that are the article's own talk, not the story: "Has the rumor mill been a
/// mess?", "Are our readers right?".
const META_SUBJECTS: &[&str] = &[
    "rumor",
    "rumour",
    "rumors",
    "rumours",
    "internet",
    "readers",
    "comments",
    "article",
    "reports",
    "headlines",
];

/// Words a wh-word may be followed by without an auxiliary ("How many …", "How long …").
const WH_MODIFIERS: &[&str] = &[
    "many", "much", "long", "often", "far", "soon", "old", "big", "come", "exactly", "else",
];

/// Whether a wh-title is an embedded clause never inverted: "How the couple copes …?",
/// "Why the show ended?", "What the finale means?".
fn not_inverted(words: &[String]) -> bool {
    let first = words[0].as_str();
    let second = words[1].as_str();
    let adverbial = matches!(first, "how" | "why" | "where" | "when");
    let determiner = matches!(
        second,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "these"
    );
    // "Which sounds a lot like a plan?": a relative clause, not a question.
    let relative = first == "which"
        && (AUXILIARIES.contains(&second)
            || (second.len() > 3 && (second.ends_with('s') || second.ends_with("ed"))));
    // "What next week's promo tells us …?": a noun phrase after "what" and no auxiliary.
    let noun_phrase = first == "what"
        && !words.iter().any(|w| AUXILIARIES.contains(&w.as_str()))
        && (matches!(second, "next" | "last" | "our" | "my" | "your") || second.ends_with("'s"));
    // "What Suzu saw?": a subject and a past verb with no auxiliary before them.
    let past = |w: &str| (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PAST.contains(&w);
    let object_clause = first == "what"
        && !WH_MODIFIERS.contains(&second)
        && !second.ends_with("ly")
        && !words.iter().any(|w| AUXILIARIES.contains(&w.as_str()))
        && words.get(2).is_some_and(|w| past(w))
        && !past(second);
    (adverbial && !AUXILIARIES.contains(&second) && !WH_MODIFIERS.contains(&second))
        || (matches!(first, "what" | "who" | "which") && determiner)
        || relative
        || noun_phrase
        || object_clause
}

/// Whether a title wraps a clause in what the sentence said of it ("Is we see Scoresby again
/// a different question?", "Is she'll be back at all anyone's guess?"): the clause was the
/// question.
fn wraps_a_clause(body: &str) -> bool {
    let lower = body.to_lowercase().replace('’', "'");
    [
        "another question",
        "a different question",
        "a different matter",
        "another matter",
        "anyone's guess",
        "anybody's guess",
        "an open question",
    ]
    .iter()
    .any(|w| lower.trim_end_matches(['?', ' ']).ends_with(w))
}

/// Common irregular past forms ("saw", "found"): a clause's verb, not a question's.
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "went", "was", "were", "had", "did", "said", "made", "came", "left", "took", "got", "saw",
    "found", "knew", "heard", "meant", "wrote", "told", "kept", "hid", "gave", "brought", "bought",
    "sent", "stole",
];

/// Whether "What will happen to X?" asks about half a phrase ("What happens with frankly
/// rude?"): X opens with a lower-case word that is no determiner, number or quantifier.
fn half_phrase(body: &str) -> bool {
    let lower = body.to_lowercase();
    let about = [
        "what will happen to ",
        "what happens to ",
        "what happens with ",
        "what will happen with ",
    ];
    let Some(at) = about
        .iter()
        .find(|a| lower.starts_with(**a))
        .map(|a| a.len())
    else {
        return false;
    };
    let rest = body.get(at..).unwrap_or_default();
    let first = rest.split_whitespace().next().unwrap_or_default();
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    let first = bare(&first.to_lowercase());
    (first.ends_with("ly") && !capitalised)
        || (rest.split_whitespace().count() <= 2
            && !first.is_empty()
            && ![
                "the", "a", "an", "his", "her", "their", "its", "both", "all", "two", "three",
            ]
            .contains(&first.as_str())
            && rest
                .split_whitespace()
                .all(|w| !w.chars().any(char::is_uppercase)))
}

/// Korean checks after the common ones: a vague or discourse opener, an actor phrase as
/// subject, an over-long or cut-off title.
fn korean_problem(body: &str) -> Option<TitleProblem> {
    let first = body.split_whitespace().next().unwrap_or_default();
    if body.split_whitespace().count() < 2 {
        return Some(TitleProblem::Generic);
    }
    // "…입니다", "ㅎㅎ", and a question put to the readers ("다들 … 궁금하셨나요?", "…
    // 생각하세요?"): chat, not the story's question.
    let chatty = [
        "입니다",
        "~",
        "ㅎㅎ",
        "ㅋㅋ",
        "^^",
        "ㅠ",
        "셨나요",
        "하세요",
        "거 있나요",
        "분 있나요",
    ];
    // "그 배우님 …", "그녀는 …", "이 여자가 …": a demonstrative or a pronoun names no one. ("두
    // 사람" and "그가" inside a title are left: they mostly hold real threads, better named
    // than dropped.)
    let eojeols: Vec<&str> = body.split_whitespace().collect();
    let pointing = first == "그"
        || ["그분", "그녀", "그들", "걔"]
            .iter()
            .any(|p| first.starts_with(p))
        || eojeols.windows(2).any(|w| {
            matches!(w[0], "이" | "그" | "저")
                && ["여자", "남자"].iter().any(|n| w[1].starts_with(n))
        });
    // "문제로 인하여 시즌2가 …", "남자에 대하여도 정체가 …": a cause or a topic phrase cut
    // from its sentence.
    let fragment = eojeols.iter().any(|w| {
        [
            "인하여",
            "인해",
            "대하여도",
            "대해서도",
            "대하여는",
            "대해서는",
        ]
        .iter()
        .any(|c| w.starts_with(c))
    });
    if KOREAN_VAGUE_OPENERS.iter().any(|v| first.starts_with(v))
        || KOREAN_VIEWERS.iter().any(|v| first.starts_with(v))
        || chatty.iter().any(|c| body.contains(c))
        || pointing
        || fragment
    {
        return Some(TitleProblem::VagueSubject);
    }
    if korean_maker_subject(body) {
        return Some(TitleProblem::RoleSubject);
    }
    // "…역의 배우 오미란", "(한가을 분)", "원로배우 최만석 님은", "윤채린 소속사는 어떻게 될까"
    let role = [
        "역의 배우",
        "역을 맡은",
        " 분)",
        "분)",
        " 님",
        "소속사",
        "배우 ",
    ];
    if role.iter().any(|r| body.contains(r)) && body.contains("어떻게") {
        return Some(TitleProblem::RoleSubject);
    }
    let plays_a_role = body
        .split_whitespace()
        .any(|w| w.ends_with("역의") || w.ends_with("역을"));
    if body.contains(" 분)")
        || body.contains("역의 배우")
        || (plays_a_role && body.contains("어떻게"))
    {
        return Some(TitleProblem::RoleSubject);
    }
    // "마지막 회가 어떻게 될까?": an episode or a day is no subject of a story question.
    if let Some(k) = body.find(" 어떻게") {
        let subject = body[..k].split_whitespace().last().unwrap_or_default();
        if [
            "회가", "회는", "화가", "화는", "편은", "편이", "날은", "일은",
        ]
        .iter()
        .any(|e| subject == *e || (subject.ends_with(e) && subject.chars().count() <= 3))
        {
            return Some(TitleProblem::VagueSubject);
        }
    }
    if let Some(word) = korean_cut_off(body) {
        return Some(TitleProblem::CutOff(word));
    }
    if korean_vague_template_subject(body) {
        return Some(TitleProblem::VagueSubject);
    }
    korean_subject_not_a_phrase(body).then_some(TitleProblem::GluedLeadIn)
}

/// A word lower-cased without surrounding punctuation.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .trim_matches('\'')
        .to_owned()
}

/// Whether the (lower-cased) title asks something that fits any show.
fn is_generic(lower: &str) -> bool {
    let lower = lower.trim_end_matches(['.', ' ']);
    // "What about Danny?" asks nothing in particular about Danny.
    if GENERIC.contains(&lower)
        || lower.starts_with("what about ")
        || lower.starts_with("how about ")
        || only_picks_up(lower)
    {
        return true;
    }
    // "What happens next for the network?", "What happens next with Jun?"
    GENERIC
        .iter()
        .filter(|g| !g.chars().any(is_hangul))
        .any(|g| {
            lower
                .strip_prefix(g)
                .is_some_and(|rest| rest.starts_with(" for ") || rest.starts_with(" with "))
        })
}

/// Whether a title only asks whether a season carries on where the last one stopped ("Will
/// season 2 pick up right where the finale left off?"): what every next season does.
fn only_picks_up(lower: &str) -> bool {
    ["pick up", "picks up", "continue", "carry on"]
        .iter()
        .any(|v| lower.contains(v))
        && (lower.ends_with("left off")
            || lower.ends_with("after that")
            || lower.ends_with("ended"))
}

/// Whether a quote still carries its speech tag: a closing quote or a quoted sentence's comma
/// followed by "the director said", or a title ending on a speech verb after a comma.
fn has_speech_tag(body: &str, lower: &str) -> bool {
    if body.chars().any(is_hangul) {
        return KOREAN_SPEECH_TAGS.iter().any(|t| body.contains(t));
    }
    let closers = [
        ",\"", ",”", ",'", ",’", "?\"", "?”", "!\"", "!”", ".\"", ".”",
    ];
    let words_after =
        |at: usize| -> Vec<String> { lower[at..].split_whitespace().take(5).map(bare).collect() };
    for closer in closers {
        let mut from = 0;
        while let Some(found) = lower[from..].find(closer) {
            let at = from + found + closer.len();
            if words_after(at)
                .iter()
                .any(|w| SPEECH_VERBS.contains(&w.as_str()))
            {
                return true;
            }
            from = at;
        }
    }
    // "…, the director said" (quote marks lost)
    if let Some(comma) = lower.rfind(',') {
        let tail: Vec<String> = lower[comma + 1..].split_whitespace().map(bare).collect();
        if (1..=5).contains(&tail.len()) && tail.iter().any(|w| SPEECH_VERBS.contains(&w.as_str()))
        {
            return true;
        }
    }
    false
}

/// Whether a quotation mark is opened and not closed.
fn unbalanced(body: &str) -> bool {
    let count = |c: char| body.chars().filter(|&x| x == c).count();
    if !count('"').is_multiple_of(2) || count('“') != count('”') {
        return true;
    }
    if count('「') != count('」') || count('『') != count('』') || count('‘') > count('’') {
        return true;
    }
    // Straight single quotes: one opening a word (after a space or at the start) needs one
    // closing a word; an apostrophe inside or after a word ("Jun's", "fans'") is no quote.
    let chars: Vec<char> = body.chars().collect();
    let mut open = 0usize;
    let mut close = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if c != '\'' {
            continue;
        }
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(i + 1).copied();
        let opens = before.is_none_or(|b| b.is_whitespace() || b == '(')
            && after.is_some_and(char::is_alphanumeric);
        let closes = before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| !a.is_alphanumeric());
        open += usize::from(opens);
        close += usize::from(closes);
    }
    open > close
}

/// Pronouns that do not name a subject.
const PRONOUNS: &[&str] = &["i", "you", "we", "he", "she", "it", "they", "this", "that"];

/// The viewers who wonder or guess, never what a Korean question asks about ("일부 팬들은
/// 그가 어떻게 될까?", "팬들은 두 사람이 어떻게 될지").
pub(super) const KOREAN_VIEWERS: &[&str] = &["팬들", "시청자들", "네티즌", "누리꾼"];

/// Korean openers that do not name a subject: the reader, the speaker, discourse words.
const KOREAN_VAGUE_OPENERS: &[&str] = &[
    "일부",
    "많은",
    "여러분",
    "다들",
    "이건",
    "이거",
    "그건",
    "저건",
    "아무",
    "저는",
    "제가",
    "저도",
    "저의",
    "나는",
    "내가",
    "우리",
    "개인적으로",
    "관심은",
    "그래도",
    "만약",
    "그런데",
    "먼저",
    "이는",
    "그는",
    "그녀는",
    "이것은",
    "그것은",
    "당분간",
    "오늘",
    "벌써",
    "덕후",
    "안녕",
    "이번에",
    "지금",
    // "현재로서는 아무것도 결정될까?": when, not what.
    "현재",
    "아직",
    // "것이 클로즈업되면서 …": a bound noun cut from the clause before it.
    "것이",
    "것은",
    "것도",
    "요즘",
    "일단",
    "사실",
    "솔직히",
    "아무튼",
    "한편",
    "특히",
    "또한",
    "회에서",
    "화에서",
    "회가",
    "화가",
    "첫째",
    "둘째",
    "셋째",
    "마지막으로",
];

/// The word opening an English question's subject (after its auxiliary, or its wh-word and
/// auxiliary), if the question is inverted.
fn subject_word(words: &[String]) -> Option<&str> {
    let at = if AUXILIARIES.contains(&words[0].as_str()) {
        1
    } else if (WH_WORDS.contains(&words[0].as_str()) || words[0] == "why")
        && AUXILIARIES.contains(&words.get(1)?.as_str())
    {
        2
    } else {
        return None;
    };
    words.get(at).map(String::as_str)
}

/// Whether an English question's subject is a bare pronoun: "Will she return?", "Is it
/// over?", "When will you know?", "When you get to go back…?".
fn vague_subject(words: &[String]) -> bool {
    let subject_at = if WH_WORDS.contains(&words[0].as_str()) || words[0] == "why" {
        if AUXILIARIES.contains(&words[1].as_str()) {
            2
        } else {
            // "When you get to go back…": an embedded clause, never inverted.
            return PRONOUNS.contains(&words[1].as_str());
        }
    } else if AUXILIARIES.contains(&words[0].as_str()) {
        1
    } else {
        return false;
    };
    words
        .get(subject_at)
        .is_some_and(|w| PRONOUNS.contains(&w.as_str()))
}

/// Whether a title names someone or something after its first word (a capitalised word).
fn names_someone(body: &str) -> bool {
    body.split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) && w != "I")
}

/// The last word of an English title when it needs a continuation.
fn english_cut_off(body: &str, words: &[String]) -> Option<String> {
    let last_raw = body.split_whitespace().last()?;
    let last = words.last()?;
    // "…expand on Mira and Jun's?"
    let possessive = last_raw.ends_with("'s") || last_raw.ends_with("’s");
    if possessive && !matches!(last.as_str(), "it's" | "that's" | "what's" | "who's") {
        return Some(last.clone());
    }
    if last_raw.ends_with([',', ';', ':', '-', '–', '—']) {
        return Some(last.clone());
    }
    if NEVER_LAST.contains(&last.as_str()) {
        return Some(last.clone());
    }
    let wh = WH_WORDS.contains(&words[0].as_str());
    // "Is a wrap-up movie too much to ask for?": a verb's own particle ends it.
    let phrasal = last == "for"
        && words.len() > 1
        && matches!(
            words[words.len() - 2].as_str(),
            "ask"
                | "hope"
                | "wait"
                | "pay"
                | "root"
                | "fight"
                | "care"
                | "look"
                | "asking"
                | "hoping"
                | "waiting"
                | "rooting"
        );
    if phrasal {
        return None;
    }
    // "Are there as we?": a subject pronoun left without its verb.
    let subject_pronoun = matches!(last.as_str(), "i" | "we" | "they" | "he" | "she");
    // "Will season 2 pick up right after?" ("happily ever after" is whole).
    let after_cut = last == "after" && words[words.len() - 2] != "ever";
    // "Will Tallis start writing the day it?": an "it" that opens a clause of time or
    // condition, its verb cut ("Did Abe make it?" ends on an object).
    let clause_it = last == "it"
        && words.len() > 1
        && matches!(
            words[words.len() - 2].as_str(),
            "day"
                | "moment"
                | "minute"
                | "second"
                | "time"
                | "once"
                | "until"
                | "till"
                | "before"
                | "unless"
                | "because"
                | "since"
                | "if"
        );
    if clause_it {
        return Some(last.clone());
    }
    if !wh
        && (PREPOSITIONS.contains(&last.as_str())
            || after_cut
            || NEEDS_OBJECT.contains(&last.as_str())
            || subject_pronoun)
    {
        return Some(last.clone());
    }
    // "What will the finale expand on …'s" is caught above; a modal ending a wh-question
    // ("Who will?") still says too little.
    if wh && AUXILIARIES.contains(&last.as_str()) && words.len() <= 3 {
        return Some(last.clone());
    }
    None
}

/// Endings that close a Korean clause or adverbial, or mark a case other than the genitive:
/// an eojeol ending so ("상태라", "정주행하고", "예고했지만", "게시판에서는", "연출을") is not
/// part of the noun phrase after it.
const CLAUSE_ENDINGS: &[&str] = &[
    "와도",
    "아도",
    "어도",
    "해도",
    "을",
    "를",
    "에",
    "로",
    "고",
    "며",
    "는",
    "든",
    "던",
    "된",
    "린",
    "랑",
    "와",
    "과",
    "데",
    "지만",
    "이라",
    "상태라",
    "라며",
    "라고",
    "다고",
    "나니",
    "하니",
    "보니",
    // "거 보면", "시즌2가 되면": a condition ("장면", "화면" are nouns).
    "보면",
    "하면",
    "되면",
    "으면",
    "다면",
    "려면",
    "니까",
    "있어",
    "없어",
    "해서",
    "어서",
    "아서",
    "라서",
    "하게",
    "렇게",
    "쉽게",
    "게도",
    "에도",
    "서도",
    "고도",
    "다면",
    "라면",
    "으면",
    "하면",
    "한",
    "에서",
    "에게",
    "한테",
    "부터",
];

/// Adverbs and postpositions that are no part of a noun phrase ("아직 출연은", "극 중 은호").
const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
    "중",
    "아직",
    "이미",
    "다시",
    "과연",
    "결국",
    "계속",
    "곧",
    "또",
    "더",
    "이제",
    "정말",
    "진짜",
    "혹시",
    "만약",
    "과연",
    "드디어",
    "여전히",
    "현재",
];

/// Whether a Korean eojeol can stand inside a noun phrase before its head: a bare noun or
/// name ("시즌2", "유하나"), a genitive ("한채린의"); not a clause's end, a case other than
/// the genitive, or an adnominal verb ([`CLAUSE_ENDINGS`]; "맡은", "같은": one syllable and
/// 은). A three-syllable word ending in 은 is read as a name ("김지은").
pub(super) fn inside_noun_phrase(eojeol: &str) -> bool {
    let word = eojeol.trim_end_matches(['"', '\'', '’', '”']);
    // "■ 최종화 줄거리": a bullet mark or other sign is no word of a phrase.
    if word.ends_with([',', '…', '.', '·'])
        || !word.chars().any(char::is_alphanumeric)
        || NOT_IN_A_NOUN_PHRASE.contains(&word)
    {
        return false;
    }
    // "한" alone is a name or "one" ("한 작가", "한 명의 손님").
    if word == "한" {
        return true;
    }
    if word.ends_with('은') {
        return word.chars().count() == 3 && word.chars().all(is_hangul);
    }
    !CLAUSE_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Template endings the suggester puts after a subject it took from a sentence.
const KOREAN_TEMPLATE_TAILS: &[&str] = &[" 어떻게 될까", " 언제일까", " 다음 시즌이 나올까"];

/// Whether a Korean template question's subject is no noun phrase: a clause glued before it
/// ("들어간 상태라 실제 출연은 어떻게 될까?", "연출을 맡은 어떻게 될까?").
fn korean_subject_not_a_phrase(body: &str) -> bool {
    let Some((subject, tail)) = KOREAN_TEMPLATE_TAILS
        .iter()
        .find_map(|tail| Some((body.strip_suffix(tail)?, *tail)))
    else {
        return false;
    };
    let words: Vec<&str> = subject.split_whitespace().collect();
    let Some((head, modifiers)) = words.split_last() else {
        return false;
    };
    let head_bare = head.strip_suffix(['은', '는', '이', '가']).unwrap_or(head);
    let adnominal = adnominal_verb(head);
    // "원작 라이트노벨의 어떻게 될까": no subject particle, so no subject (a show's name
    // before "다음 시즌이 나올까" takes none).
    let no_particle = head_bare == *head && tail == " 어떻게 될까";
    // "만복과 윤하나는": two people named together.
    let pair = matches!(modifiers, [first] if (first.ends_with(['와', '과', '랑']))
        && (3..=4).contains(&first.chars().count()));
    let phrase = modifiers
        .iter()
        .enumerate()
        .all(|(i, w)| inside_noun_phrase(w) || joins_possessors(w, &modifiers[i + 1..]));
    adnominal || no_particle || head_bare.is_empty() || (!pair && !phrase)
}

/// Whether a Korean `eojeol` read as a subject is an adnominal verb ("맡은", "같은", "젊은",
/// "만들어지는", "되는", "결말이라는"). A two-syllable word in 는 may be
/// a noun ("회는", "씨는"), so "짐 싸는" is not told apart.
pub(super) fn adnominal_verb(eojeol: &str) -> bool {
    // "도시는", "코치는", "세라는", "바다는" are nouns with their particle: "라는", "다는",
    // "시는", "치는" are read only after a longer word ("결말이라는", "헷갈리시는").
    let syllables = eojeol.chars().count();
    (eojeol.ends_with('은') && syllables == 2)
        || ["지는", "하는", "되는", "있는", "없는"]
            .iter()
            .any(|e| eojeol.ends_with(e))
        || (syllables >= 4
            && ["라는", "다는", "시는", "치는"]
                .iter()
                .any(|e| eojeol.ends_with(e)))
}

/// Whether `eojeol` joins two possessors of one noun ("미주와" in "미주와 형사 도하준의 관계"):
/// it ends in "와", "과" or "랑" and a word after it (`after`) is genitive.
pub(super) fn joins_possessors(eojeol: &str, after: &[&str]) -> bool {
    eojeol.ends_with(['와', '과', '랑'])
        && eojeol.chars().count() >= 2
        && after.iter().any(|w| w.ends_with('의'))
}

/// Nouns that name no one and nothing of the story on their own: "출연은 어떻게 될까?" asks
/// whose casting, "감독은 어떻게 될까?" which director.
const KOREAN_VAGUE_NOUNS: &[&str] = &[
    "정체",
    "관심",
    "작가님",
    "감독님",
    "배우님",
    "출연",
    "합류",
    "방송",
    "편성",
    "제작",
    "공개",
    "감독",
    "작가",
    "배우",
    "방송사",
    "제작사",
    "제작진",
    "소속사",
    "호불호",
    "여운",
    "분위기",
    "반응",
    "이야기",
    "기회",
    "실제",
    "공식",
    "발표",
    "결말",
    "할말",
    "시청자",
    "팬",
    "팬들",
    "작품",
    "드라마",
    "시즌1",
    "최종회",
    "최종화",
    "마지막회",
    "마지막",
    "회",
    "화",
    "매회",
];

/// Whether a Korean template question's subject is only vague nouns ([`KOREAN_VAGUE_NOUNS`]).
fn korean_vague_template_subject(body: &str) -> bool {
    let Some(subject) = KOREAN_TEMPLATE_TAILS
        .iter()
        .find_map(|tail| body.strip_suffix(tail))
    else {
        return false;
    };
    subject.split_whitespace().all(|w| {
        let noun = w.strip_suffix(['은', '는', '이', '가', '의']).unwrap_or(w);
        KOREAN_VAGUE_NOUNS.contains(&noun)
    })
}

/// Makers, the source and the broadcast, which a Korean "… 어떻게 될까?" cannot ask about:
/// their open question is whether a season is made, asked by the renewal title.
const KOREAN_MAKER_NOUNS: &[&str] = &[
    "작가",
    "작가님",
    "감독",
    "감독님",
    "PD",
    "피디",
    "각본가",
    "원작자",
    "원작",
    "웹소설",
    "웹툰",
    "제작사",
    "방송사",
    "제작진",
    "시청률",
    "분위기",
    "얘기",
];

/// Whether "… 어떻게 될까?" asks about a maker, the source or the ratings ("김나래 작가는",
/// "원작 웹소설이", "마지막 주 시청률이"), not the story's person or thing.
pub(super) fn korean_maker_subject(body: &str) -> bool {
    let Some(k) = body.find(" 어떻게") else {
        return false;
    };
    // The head noun, the eojeol before 어떻게: "김지은 작가의 차기작은" asks of the work.
    body[..k].split_whitespace().last().is_some_and(|w| {
        // One particle: "작가는" is 작가, never 작.
        let noun = ["은", "는", "이", "가", "의", "도"]
            .iter()
            .find_map(|p| w.strip_suffix(p))
            .unwrap_or(w);
        KOREAN_MAKER_NOUNS.contains(&noun) || KOREAN_MAKER_NOUNS.contains(&w)
    })
}

/// The last eojeol of a Korean title when it does not close on a question ending.
fn korean_cut_off(body: &str) -> Option<String> {
    let eojeols: Vec<&str> = body.split_whitespace().collect();
    let last = *eojeols.last()?;
    // "…20년 전 일까?": a copula with no noun of its own.
    if last == "일까" {
        return Some(last.to_owned());
    }
    // "풀리지 않은 어떻게 될까?": a modifier with no noun before the question.
    if let Some(k) = eojeols.iter().position(|w| *w == "어떻게")
        && k > 0
        && ["않은", "없는", "있는", "된", "던", "하는"]
            .iter()
            .any(|e| eojeols[k - 1].ends_with(e))
    {
        return Some(eojeols[k - 1].to_owned());
    }
    let plain = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    if KOREAN_ENDINGS.iter().any(|e| plain.ends_with(e)) {
        return None;
    }
    Some(plain.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(title: &str) -> bool {
        title_problem(title).is_none()
    }

    #[test]
    fn markup_is_flagged() {
        for title in [
            "<p>So when is it coming out?",
            "<h2>Will Toma and Hina end up together?",
            "Will Cast &amp; Crew return?",
            "Will Toma return?</p>",
            "Will Toma come back<br/>for season two?",
            "Will Jun&#39;s sister return?",
            "<strong>Will</strong> Toma return?",
            "해은 베이커리&nbsp;시즌2는 언제 방송될까?",
        ] {
            assert_eq!(title_problem(title), Some(TitleProblem::Markup), "{title}");
        }
        assert!(ok("Will Tom & Jerry return for season two?"));
        assert!(ok("Is 3 < 4 episodes enough for Toma's story?"));
    }

    #[test]
    fn specific_questions_pass() {
        for title in [
            "Will both leads return for season two?",
            "When will season two premiere?",
            "Is the captain really dead?",
            "Will the story go on?",
            "Who sent the letter?",
            "Who is the letter from?",
            "Are there others like the stranger?",
            "Will It's Okay To Not Be Okay get a second season?",
            "Can the crew ever get off the island?",
            "Will the fans' campaign save the show?",
            "시즌2 제작이 확정될까?",
            "주연 배우들이 다시 출연할까?",
            "시즌2 출연 여부?",
            "두 사람은 결혼하나?",
        ] {
            assert_eq!(title_problem(title), None, "{title}");
        }
    }

    #[test]
    fn generic_titles_are_flagged() {
        for title in [
            "What happens next?",
            "What happens next for Netflix?",
            "What happens next with the network?",
            "앞으로 어떻게 될까?",
            "Why?",
            "Is it?",
        ] {
            assert_eq!(title_problem(title), Some(TitleProblem::Generic), "{title}");
        }
    }

    #[test]
    fn titles_cut_off_are_flagged() {
        for (title, word) in [
            ("Will the next season expand on Mira and Jun's?", "jun's"),
            ("Could the show take?", "take"),
            ("Will the leads move to?", "to"),
            ("Will the finale answer the?", "the"),
            ("Would the cast return and?", "and"),
            ("Will the leads reprise their?", "their"),
            ("Will season two be?", "be"),
            ("시즌2에서 두 사람의?", "두 사람의"),
            ("등대에서 발견된 20년 전 일까?", "일까"),
            ("시즌1에서 풀리지 않은 어떻게 될까?", "않은"),
        ] {
            let problem = title_problem(title);
            assert!(
                matches!(&problem, Some(TitleProblem::CutOff(w)) if word.ends_with(w.as_str()) || w.ends_with(word)),
                "{title}: {problem:?}"
            );
        }
    }

    #[test]
    fn quotes_and_speech_tags_are_flagged() {
        assert_eq!(
            title_problem("Will we push it a little bit,\" the director said?"),
            Some(TitleProblem::SpeechTag)
        );
        assert_eq!(
            title_problem("Could we go further, the showrunner told reporters?"),
            Some(TitleProblem::SpeechTag)
        );
        assert!(ok("Will the show return, or is this the end?"));
        assert_eq!(
            title_problem("Will there be more, the writer said?"),
            Some(TitleProblem::SpeechTag)
        );
        assert_eq!(
            title_problem("Will \"the long winter arc come back?"),
            Some(TitleProblem::UnbalancedQuote)
        );
        assert_eq!(
            title_problem("Will 'Paper Moon return for a fourth season?"),
            Some(TitleProblem::UnbalancedQuote)
        );
        assert!(ok("Will 'Paper Moon' return for a fourth season?"));
        assert_eq!(
            title_problem("다시 하고 싶다\"고 밝혔을까?"),
            Some(TitleProblem::SpeechTag)
        );
    }

    #[test]
    fn a_sentence_start_glued_to_a_modal_is_flagged() {
        assert_eq!(
            title_problem("Could Until then the fans wait?"),
            Some(TitleProblem::GluedModal)
        );
        assert_eq!(
            title_problem("Will in one respect the show change?"),
            Some(TitleProblem::GluedModal)
        );
    }

    #[test]
    fn a_pronoun_or_the_reader_as_subject_is_flagged() {
        for title in [
            "Will she ever go back?",
            "Is it one of the projects he has been offered?",
            "When you get to go back to the bakery on Copper Street?",
            "Why did he leave the island?",
            "여러분은 어떻게 될까?",
            "저는 어떻게 될까?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::VagueSubject),
                "{title}"
            );
        }
        assert!(ok("Will there be a second season?"));
        assert!(ok("Why did Mira leave the island?"));
        assert!(ok(
            "Would we follow Gang-tae and Moon-young into a marriage?"
        ));
    }

    #[test]
    fn a_dateline_or_byline_is_flagged() {
        for title in [
            "What will happen to YORK?",
            "Will NEW YORK fans get a second season?",
            "(서울=뉴스) 시즌2는 나올까?",
            "김하나 기자 시즌2 제작이 확정될까?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::Dateline),
                "{title}"
            );
        }
        // Short acronyms and names are no dateline.
        assert!(ok("Will HBO renew Paper Moon for season two?"));
        assert!(ok("Will Paper Moon return in the U.S.?"));
    }

    #[test]
    fn a_role_or_an_actor_as_subject_is_flagged() {
        for title in [
            "What will happen to actor Kim Tae-ri?",
            "What will happen to the producer Wang Li?",
            "Will the studio be considering singer-turned-actress Lua?",
            "원래 역의 배우 오미란은 어떻게 될까?",
            "조수 나은별(한가을 분)이 어떻게 될까?",
            "윤채린 소속사는 어떻게 될까?",
            "역의 강민재는 어떻게 될까?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::RoleSubject),
                "{title}"
            );
        }
        assert!(ok("Will Rufus Mbeki return for season two?"));
        assert!(ok("나은별은 어떻게 될까?"));
        assert!(ok("주연 배우들이 시즌2에 다시 출연할까?"));
    }

    #[test]
    fn an_english_title_opens_as_a_question_with_no_word_glued_in() {
        for title in [
            "The old king?",
            "Lord Harrow is alive apparently?",
            "1) Is Celia actually dead?",
            "Cast: who is coming back?",
            "Anything else you'd like to do with these characters?",
            "What Suzu saw?",
            "What Rin buried behind the shed?",
            "Is we see Scoresby again a different question?",
            "Is she’ll be back at all anyone’s guess?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::NotInverted),
                "{title}"
            );
        }
        for title in [
            "What will happen to Where Can I Watch?",
            "Will Which Actors Will Be In return?",
            "What will happen to Also Rafael Dunn?",
            "What will happen to Whether Morag and Ewan?",
            "What will happen to I’ll?",
            "What will happen to I'd?",
            "What will happen to AND Lord Harrow?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::GluedModal),
                "{title}"
            );
        }
        assert_eq!(
            title_problem("Are there as we?"),
            Some(TitleProblem::CutOff("we".to_owned()))
        );
        assert_eq!(
            title_problem("Will Tallis start writing the day it?"),
            Some(TitleProblem::CutOff("it".to_owned()))
        );
        assert_eq!(title_problem("Did Abe make it?"), None);
        // A hint's clause put where "there" wants a noun phrase.
        for title in [
            "Are there she's coming back?",
            "Will there be he returns to the inn?",
            "Are there they’re still alive?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::NotInverted),
                "{title}"
            );
        }
        assert!(ok("Are there others like the stranger?"));
        assert!(ok("What did Suzu see in the water?"));
        assert!(ok("What really happened to Corin?"));
        assert!(ok("What exactly happened to the Gannet?"));
        assert!(ok("What happened to Corin after he walked into the mist?"));
        assert_eq!(
            title_problem("Will season 2 pick up right after?"),
            Some(TitleProblem::CutOff("after".to_owned()))
        );
        assert!(ok("Will Mina and Jun live happily ever after?"));
        assert_eq!(
            title_problem("Was Tennant determined to get back on set the minute her doctors let?"),
            Some(TitleProblem::CutOff("let".to_owned()))
        );
        assert_eq!(
            title_problem("Will season 2 pick up right where the finale left off?"),
            Some(TitleProblem::Generic)
        );
        assert!(ok("Will there be a third season?"));
        for title in [
            "Isn't Mara the real heir?",
            "What's inside the egg in the throne room?",
            "Will The Ferris Brothers get another season?",
        ] {
            assert!(ok(title), "{title}: {:?}", title_problem(title));
        }
    }

    #[test]
    fn a_list_faq_or_reply_marker_before_the_question_is_flagged() {
        for title in [
            "① 막차 운전사는 어떻게 될까?",
            "Q: 시즌2 나오나요?",
            "└ 연두 비행기 탔을까?",
            "Q: Is the show cancelled?",
            "- Will Mira return?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::GluedLeadIn),
                "{title}"
            );
        }
        assert!(ok("\"Bright Hours\" 시즌2가 나올까?"));
        assert!(ok("'검은 우산' 시즌2가 나올까?"));
    }

    #[test]
    fn a_return_the_article_reports_is_asked_no_more() {
        let returned = ["Kofi Danquah".to_owned(), "배수혁".to_owned()];
        assert!(asks_a_settled_return(
            "Will Kofi Danquah return?",
            &returned
        ));
        assert!(asks_a_settled_return(
            "배수혁은 시즌2에 출연할까?",
            &returned
        ));
        assert!(!asks_a_settled_return(
            "Will Freya Leverett return?",
            &returned
        ));
        assert!(!asks_a_settled_return(
            "Will Kofi Danquah direct an episode?",
            &returned
        ));
    }

    #[test]
    fn a_korean_template_subject_must_be_a_named_noun_phrase() {
        for title in [
            "들어간 상태라 실제 출연은 어떻게 될까?",
            "연출을 맡은 어떻게 될까?",
            "배경은 1기와 같은 어떻게 될까?",
            "예고했지만, 한채린의 시즌2 합류는 어떻게 될까?",
            "시청자 게시판에서는 건우가 어떻게 될까?",
            "아쉽게도 공개일은 언제일까?",
            "나와도 지호 배우가 어떻게 될까?",
            "■ 최종화 줄거리 다음 시즌이 나올까?",
            // An adnominal verb as the subject, or a subject with no particle.
            "결말이라는 어떻게 될까?",
            "원작 라이트노벨의 어떻게 될까?",
            // A condition before the subject.
            "거 보면 동생설이 어떻게 될까?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::GluedLeadIn),
                "{title}"
            );
        }
        for title in [
            "출연은 어떻게 될까?",
            "실제 출연은 어떻게 될까?",
            "호불호가 어떻게 될까?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::VagueSubject),
                "{title}"
            );
        }
        for title in [
            "한채린의 시즌2 합류는 어떻게 될까?",
            "도진이 어떻게 될까?",
            "한 명의 손님이 어떻게 될까?",
            "김지은 작가의 차기작은 어떻게 될까?",
            "방영일은 언제일까?",
            "고양이 변호사 다음 시즌이 나올까?",
        ] {
            assert!(ok(title), "{title}: {:?}", title_problem(title));
        }
    }

    #[test]
    fn a_lead_in_glued_to_the_question_is_flagged() {
        for title in [
            "Will Pretty much everyone come back?",
            "Could Honestly the show survive?",
            "Where are Is Moon-young and Jun going?",
            "Will the two of Is Moon-young keep making books?",
            "Will frankly the network care?",
            "Will Is Copper Street be renewed?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::GluedModal),
                "{title}"
            );
        }
        // A heading in title case and a show's name are no lead-in.
        assert!(ok("Will There Be an Ashen Skies Season 2?"));
        assert!(ok("Will the cast of Love Is Blind Island return?"));
    }

    #[test]
    fn an_embedded_clause_and_half_a_phrase_are_flagged() {
        assert_eq!(
            title_problem("How the couple copes with the move abroad?"),
            Some(TitleProblem::NotInverted)
        );
        assert_eq!(
            title_problem("What the finale means for the twins?"),
            Some(TitleProblem::NotInverted)
        );
        assert_eq!(
            title_problem("What next week's promo tells us about the bell tower?"),
            Some(TitleProblem::NotInverted)
        );
        assert!(ok("What happens to the orchard?"));
        assert!(ok("How many episodes will season two have?"));
        assert_eq!(
            title_problem("Which sounds a lot like a plan to us?"),
            Some(TitleProblem::NotInverted)
        );
        assert!(ok("Which studio will animate season two?"));
        assert!(ok("How does the couple cope with the move abroad?"));
        assert_eq!(
            title_problem("What happens with frankly rude?"),
            Some(TitleProblem::VagueSubject)
        );
        assert_eq!(
            title_problem("Is it one of the projects Min-jae has been offered?"),
            Some(TitleProblem::VagueSubject)
        );
        assert!(ok("What will happen to Sky-born?"));
        assert_eq!(
            title_problem("Has the rumor mill this summer been a mess?"),
            Some(TitleProblem::VagueSubject)
        );
        assert_eq!(
            title_problem("If it happens, who comes back?"),
            Some(TitleProblem::GluedModal)
        );
        assert_eq!(
            title_problem("Also, what happened to Sir Garrett?"),
            Some(TitleProblem::GluedModal)
        );
        assert!(ok("What happens to the orchard?"));
    }

    #[test]
    fn a_pasted_sentence_is_too_long() {
        assert_eq!(
            title_problem(
                "Who was behind the offer and the last shot of the finale showed the same cream?"
            ),
            Some(TitleProblem::TooLong)
        );
        assert_eq!(
            title_problem(
                "도하는 정말 떠난 걸까, 아니면 아직 이승에 남아서 동생과 조수 곁을 지키고 있는 걸까?"
            ),
            Some(TitleProblem::TooLong)
        );
        assert!(ok(
            "Is the masked violinist in episode six the sister in disguise?"
        ));
    }

    #[test]
    fn more_generic_titles_and_bare_ordinals_are_flagged() {
        for title in [
            "Is there more coming?",
            "Who comes back?",
            "What about Danny?",
            "What will happen to the show?",
            "Is the theory right?",
            "당분간은 어떻게 될까?",
            "덕후 하루입니다~ 오늘은 어떻게 될까?",
            "출연이 확정될까?",
            "마지막 회가 어떻게 될까?",
        ] {
            assert!(title_problem(title).is_some(), "{title}");
        }
        assert_eq!(
            title_problem("Will there be a third?"),
            Some(TitleProblem::CutOff("third".to_owned()))
        );
        assert!(ok("Will there be a third season?"));
    }

    #[test]
    fn asking_what_the_article_settles_is_flagged_in_context() {
        let confirmed = Settled {
            season: true,
            date: false,
            returned: &[],
        };
        let dated = Settled {
            season: true,
            date: true,
            returned: &[],
        };
        for title in [
            "Will a second season be confirmed?",
            "Will the show be renewed?",
            "Will Paper Moon get another season?",
            "시즌2 제작이 확정될까?",
            "다음 시즌이 나올까?",
        ] {
            assert_eq!(
                title_problem_in(title, confirmed),
                Some(TitleProblem::AsksSettled),
                "{title}"
            );
            assert_eq!(title_problem_in(title, Settled::default()), None, "{title}");
        }
        for title in [
            "When will season two premiere?",
            "Will the main cast return for season two?",
            "시즌2는 언제 방송될까?",
            "주연 배우들이 시즌2에 다시 출연할까?",
        ] {
            assert_eq!(title_problem_in(title, confirmed), None, "{title}");
            // With the premiere date given, asking when is asking what is settled.
            assert_eq!(
                title_problem_in(title, dated).is_some(),
                title.contains("언제") || title.starts_with("When"),
                "{title}"
            );
        }
    }

    #[test]
    fn a_pronoun_or_a_description_naming_no_one_is_flagged() {
        for title in [
            "What was going through her head?",
            "What happened to his missing sister Agnes?",
            "Could Marsh live with it?",
            "Is Declan coming back for her, or was that the end of it?",
            "Were you worried the finale of Hollis & Vane would leave you hanging?",
            "Is there any way to bring it to you I'll find it?",
            "Would Anya she loved that character?",
            "Have the light novels four more volumes to adapt?",
            "Will Marsh come back and Marsh will bring Marsh's own horse?",
            "Will naturally the first thing everybody know?",
            "Will that's all Nadia say?",
            "Will everyone know?",
            "Would ordered most likely begin in late spring?",
            "Would Holloway smiled and say?",
            "Will the couple get married?",
            "Is the actor under contract for more episodes?",
        ] {
            assert_eq!(
                title_problem(title),
                Some(TitleProblem::VagueSubject),
                "{title}"
            );
        }
        // The title names whom the pronoun means, or the idiom names nothing.
        for title in [
            "Did Abe make it?",
            "Has Mira really left the island?",
            "Will Holly return to Holloway?",
            "Is someone on the Gannet working for the Guild?",
            "Will Sam succeed?",
            "Could Mira be cleared of the murder?",
            "Has the studio confirmed the cast?",
            "Will Declan and Bryony patch up their marriage?",
            "Did Danny really take the book to sell it?",
            "Is Moon-young forgiving her mother?",
        ] {
            assert_eq!(title_problem(title), None, "{title}");
        }
        // "You" inside a show's name is no reader.
        assert!(!unanchored_pronoun(
            "Will Love You Forever get another season?"
        ));
    }

    #[test]
    fn one_question_in_other_words_has_one_key() {
        let key = |t: &str| question_key(t, "Copper Widows", &[]);
        assert_eq!(key("Did Abigail survive?"), key("Is Abigail really dead?"));
        assert_eq!(
            key("When will season two premiere?"),
            key("When is season 2 coming out?")
        );
        assert_eq!(
            key("Will the show be saved?"),
            key("Will a second season be confirmed?")
        );
        assert_eq!(
            key("Will there be an Ashen Compass Season 2?"),
            key("Will there be an Ashen Compass season 2?")
        );
        assert_eq!(
            key("Is the lighthouse drama coming back?"),
            key("Will a second season be confirmed?")
        );
        assert_eq!(
            key("Is there going to be a Copper Widows season 2?"),
            key("Will the show be renewed?")
        );
        assert_ne!(
            key("Is Abigail coming back?"),
            key("Will the show be renewed?")
        );
        assert_ne!(key("Did Abigail survive?"), key("Did Ruth survive?"));
        // A list of shows asks each show's renewal apart, in whatever words.
        let shows = [
            "Tinmoor Outpost".to_owned(),
            "Saltlick County Fair".to_owned(),
        ];
        let listed = |t: &str| question_key(t, "", &shows);
        assert_ne!(
            listed("Will the show be saved?"),
            listed("Will a second season be confirmed?")
        );
        assert_eq!(
            listed("Will Tinmoor Outpost get another season?"),
            listed("Will Tinmoor Outpost be saved?")
        );
        assert_eq!(
            listed("Could another streamer pick up Saltlick County Fair?"),
            listed("Will Saltlick County Fair get another season?")
        );
        assert_ne!(
            listed("Will Tinmoor Outpost be saved?"),
            listed("Will Saltlick County Fair be saved?")
        );
        assert!(dates_no_listed_show(
            "When will season two premiere?",
            &shows
        ));
        assert!(!dates_no_listed_show(
            "When will Tinmoor Outpost season 2 premiere?",
            &shows
        ));
        assert!(!dates_no_listed_show("When will season two premiere?", &[]));
        // A person's return and a Korean title are left as they are.
        assert!(!dates_no_listed_show("When will Mara return?", &shows));
        assert!(!dates_no_listed_show("시즌2는 언제 방송될까?", &shows));
        // The story's "pick up where it left off" and a season's tone are no rescue.
        assert_ne!(
            listed("Will Tinmoor Outpost pick up where season 1 left off?"),
            listed("Will Tinmoor Outpost be saved?")
        );
        assert_ne!(
            key("Is season 2 going to be darker?"),
            key("Will the show be renewed?")
        );
        assert_ne!(
            listed("Will Tinmoor Outpost be saved?"),
            listed("Who sank the supply boat in Tinmoor Outpost?")
        );
    }

    #[test]
    fn a_korean_maker_a_reader_prompt_or_a_demonstrative_is_flagged() {
        for (title, problem) in [
            ("김나래 작가는 어떻게 될까?", TitleProblem::RoleSubject),
            ("원작 웹소설이 어떻게 될까?", TitleProblem::RoleSubject),
            ("마지막 주 시청률이 어떻게 될까?", TitleProblem::RoleSubject),
            ("정하림 감독은 어떻게 될까?", TitleProblem::RoleSubject),
            ("감독은 어떻게 될까?", TitleProblem::RoleSubject),
            ("작가님이 어떻게 될까?", TitleProblem::RoleSubject),
            (
                "다들 어떤 떡밥이 제일 궁금하셨나요?",
                TitleProblem::VagueSubject,
            ),
            ("시즌2 얘기 나온 거 있나요?", TitleProblem::VagueSubject),
            ("그 배우님 차기작이 정해졌을까?", TitleProblem::VagueSubject),
            ("일부 팬들은 그가 어떻게 될까?", TitleProblem::VagueSubject),
            (
                "문제로 인하여 시즌2가 만들어 지더라도 출연이 가능할까?",
                TitleProblem::VagueSubject,
            ),
            (
                "등장한 검은 옷의 남자에 대하여도 정체가 무엇일까?",
                TitleProblem::VagueSubject,
            ),
            ("대하여는 어떻게 될까?", TitleProblem::VagueSubject),
            ("현재로서는 아무것도 결정될까?", TitleProblem::VagueSubject),
            (
                "것이 클로즈업되면서 아버지가 살아 있는 걸까?",
                TitleProblem::VagueSubject,
            ),
            (
                "이 여자가 도윤의 죽은 어머니일까?",
                TitleProblem::VagueSubject,
            ),
            (
                "이건 아버지가 살아 있다는 뜻 아닐까요?",
                TitleProblem::VagueSubject,
            ),
            ("아무 발표가 어떻게 될까?", TitleProblem::VagueSubject),
            ("시즌1 최종회는 어떻게 될까?", TitleProblem::VagueSubject),
            ("2기가 만들어지는 어떻게 될까?", TitleProblem::GluedLeadIn),
        ] {
            assert_eq!(title_problem(title), Some(problem), "{title}");
        }
        for title in [
            "강하람 아버지는 살아 있을까?",
            "작가가 쓴 편지는 누가 보냈을까?",
        ] {
            assert_eq!(title_problem(title), None, "{title}");
        }
    }

    #[test]
    fn a_title_without_a_question_mark_is_flagged() {
        assert_eq!(
            title_problem("The cast returns"),
            Some(TitleProblem::NotAQuestion)
        );
    }

    #[test]
    fn a_recap_heading_a_fate_of_no_noun_phrase_and_an_unclosed_parenthesis_are_flagged() {
        assert_eq!(
            title_problem("What happened in the finale?"),
            Some(TitleProblem::Generic)
        );
        assert_eq!(
            title_problem("How did it end?"),
            Some(TitleProblem::Generic)
        );
        assert_eq!(
            title_problem("What happens with very much alive and limping?"),
            Some(TitleProblem::VagueSubject)
        );
        assert_eq!(
            title_problem("Was DS Callum Reyes (Anwar Basset framed?"),
            Some(TitleProblem::UnbalancedQuote)
        );
        assert_eq!(
            title_problem("이야기\"라며 \"금순이 왜 형사를 그만뒀을까?"),
            Some(TitleProblem::UnbalancedQuote)
        );
        // A predicate's preposition after "what was" is no glued clause.
        assert_eq!(
            title_problem("What was in the envelope Coach Ito left for Aoi?"),
            None
        );
        assert_eq!(title_problem("What happened to Agnes?"), None);
        assert_eq!(title_problem("What happens to the orchard?"), None);
        // A product FAQ an "everything we know" post answers, or a role label glued in.
        for faq in [
            "Is there a trailer?",
            "Who's in the cast?",
            "Is Halfmoon Regatta based on a book?",
            "How many episodes are in season 1?",
            "Will Creator Marcus Tilby say?",
        ] {
            assert!(title_problem(faq).is_some(), "{faq}");
        }
        assert_eq!(title_problem("How many episodes will season 2 have?"), None);
        // A told sentence left uninverted or with its verb's "-s" after "do".
        assert_eq!(
            title_problem("Do Rhiannon Obi wants them to end up together?"),
            Some(TitleProblem::NotInverted)
        );
        assert_eq!(
            title_problem("What Agnes wants yet and Obi thinks that's the point?"),
            Some(TitleProblem::NotInverted)
        );
        assert_eq!(title_problem("What does Agnes want?"), None);
        assert_eq!(title_problem("Who sends Mira the letters?"), None);
        // White space alone, a no-break space among it.
        assert_eq!(title_problem("\u{a0}?"), Some(TitleProblem::Generic));
        // A verb's particle may end a question.
        assert_eq!(
            title_problem("Is a wrap-up movie too much to ask for?"),
            None
        );
        assert_eq!(
            title_problem("Will Mira stay in Busan for?"),
            Some(TitleProblem::CutOff("for".to_owned()))
        );
    }

    #[test]
    fn a_show_that_has_ended_is_not_asked_about_again() {
        let over = Settled {
            season: true,
            date: false,
            returned: &[],
        };
        assert_eq!(
            title_problem_in("Will a fifth season be confirmed?", over),
            Some(TitleProblem::AsksSettled)
        );
    }
}
