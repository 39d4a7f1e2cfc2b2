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
    "앞으로 어떻게 될까",
    "어떻게 될까",
    "다음은 어떻게 될까",
    "이후 어떻게 될까",
    "앞으로의 전개는 어떻게 될까",
];

/// Words a question cannot end on: articles, possessive determiners, conjunctions.
const NEVER_LAST: &[&str] = &[
    "the", "a", "an", "her", "his", "their", "its", "our", "my", "your", "whose", "and", "or",
    "but", "nor", "that", "because", "if", "whether", "while", "than", "as", "this", "these",
    "those", "every", "each", "some", "any", "no", "both", "either", "neither", "such", "very",
    "not", "also", "until", "unless", "although", "though", "since",
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
];

/// Verbs of a speech tag ("the director said").
const SPEECH_VERBS: &[&str] = &[
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

/// What is wrong with `title`, or `None` when a fan would keep it.
///
/// Checked in order: not a question, generic, speech tag, unbalanced quote, a sentence start
/// glued to a modal, cut off. Pure; works on English and Korean titles (chosen by script).
pub fn title_problem(title: &str) -> Option<TitleProblem> {
    let title = title.trim();
    let Some(body) = title.strip_suffix('?').or_else(|| title.strip_suffix('？')) else {
        return Some(TitleProblem::NotAQuestion);
    };
    let body = body.trim_end();
    let lower = body.to_lowercase().replace('’', "'");
    if is_generic(&lower) {
        return Some(TitleProblem::Generic);
    }
    if has_speech_tag(body, &lower) {
        return Some(TitleProblem::SpeechTag);
    }
    if unbalanced(body) {
        return Some(TitleProblem::UnbalancedQuote);
    }
    let words: Vec<String> = lower.split_whitespace().map(bare).collect();
    if body.chars().any(is_hangul) {
        if body
            .split_whitespace()
            .next()
            .is_some_and(|w| KOREAN_VAGUE_OPENERS.iter().any(|v| w.starts_with(v)))
        {
            return Some(TitleProblem::VagueSubject);
        }
        return korean_cut_off(body).map(TitleProblem::CutOff);
    }
    if words.len() < 3 {
        return Some(TitleProblem::Generic);
    }
    if AUXILIARIES.contains(&words[0].as_str()) && CLAUSE_OPENERS.contains(&words[1].as_str()) {
        return Some(TitleProblem::GluedModal);
    }
    let embedded = WH_WORDS.contains(&words[0].as_str())
        && !AUXILIARIES.contains(&words[1].as_str())
        && PRONOUNS.contains(&words[1].as_str());
    if embedded || (vague_subject(&words) && !names_someone(body)) {
        return Some(TitleProblem::VagueSubject);
    }
    english_cut_off(body, &words).map(TitleProblem::CutOff)
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
    if GENERIC.contains(&lower) {
        return true;
    }
    // "What happens next for the network?", "What happens next with Jun?"
    GENERIC
        .iter()
        .filter(|g| !g.chars().any(is_hangul))
        .any(|g| {
            lower.starts_with(&format!("{g} for ")) || lower.starts_with(&format!("{g} with "))
        })
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

/// Korean openers that do not name a subject: the reader, the speaker, discourse words.
const KOREAN_VAGUE_OPENERS: &[&str] = &[
    "여러분",
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
];

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
    if !wh && (PREPOSITIONS.contains(&last.as_str()) || NEEDS_OBJECT.contains(&last.as_str())) {
        return Some(last.clone());
    }
    // "What will the finale expand on …'s" is caught above; a modal ending a wh-question
    // ("Who will?") still says too little.
    if wh && AUXILIARIES.contains(&last.as_str()) && words.len() <= 3 {
        return Some(last.clone());
    }
    None
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
            ("Will the couple move to?", "to"),
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
    fn a_title_without_a_question_mark_is_flagged() {
        assert_eq!(
            title_problem("The cast returns"),
            Some(TitleProblem::NotAQuestion)
        );
    }
}
