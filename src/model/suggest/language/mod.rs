//! The languages the suggester reads: per language, one table of cue words and weights (data,
//! not control flow) behind the [`Language`] trait, and its matcher built from that table.
//!
//! A sentence's language is chosen by its script ([`is_korean`], then [`language_by_script`]):
//! Korean when a fair share of its letters are Hangul, English otherwise.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::terms::is_hangul;

mod english;
mod korean;

pub(crate) use english::English;
pub(crate) use korean::Korean;

/// The points each kind of cue is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Weights {
    /// A strong cue (uncertainty, negated settlement, speculation).
    pub strong: i32,
    /// A medium hedge.
    pub medium: i32,
    /// A weak cue (a modal, a conditional).
    pub weak: i32,
    /// A settled fact (counts against).
    pub settled: i32,
    /// Narration of what happened (counts against, less).
    pub narrated: i32,
    /// A settling verb denied shortly before ("has not been confirmed").
    pub negated_settlement: i32,
    /// A settling verb said plainly ("the showrunner confirmed that …"; counts against).
    pub reported: i32,
    /// A conditional that raises its consequence ("Should the network order more, …").
    pub conditional: i32,
}

impl Weights {
    /// The weights both languages use.
    pub const DEFAULT: Weights = Weights {
        strong: 3,
        medium: 2,
        weak: 1,
        settled: 3,
        narrated: 1,
        negated_settlement: 3,
        reported: 2,
        conditional: 2,
    };
}

/// One language's cue words and weights.
#[derive(Debug)]
pub(crate) struct CueTable {
    /// Uncertainty, speculation and negated settlement: one alone is enough.
    pub strong: &'static [&'static str],
    /// Hedges weaker than the strong ones.
    pub medium: &'static [&'static str],
    /// Future and modal forms and conditionals: two are needed, or one with another cue.
    pub weak: &'static [&'static str],
    /// Settled facts (counter-cues), undone by a negation.
    pub settled: &'static [&'static str],
    /// Verbs that settle when said plainly and open a question when denied.
    pub settling_verbs: &'static [&'static str],
    /// Settling verbs that settle even said plainly, when not denied ("confirmed that").
    pub reported: &'static [&'static str],
    /// A question ruled out for good ("못 박았다", "ruled out"): settled even though the words
    /// hold a negation.
    pub ruled_out: &'static [&'static str],
    /// Words that make a ruling-out provisional ("아직 후속작 계획이 없다", "no plans for now"):
    /// with one in the sentence, a ruled-out phrase settles nothing.
    pub provisional: &'static [&'static str],
    /// Narration of what happened (weaker counter-cues).
    pub narrated: &'static [&'static str],
    /// Schedule words: with a date, a future form is a settled schedule.
    pub schedule: &'static [&'static str],
    /// Words that undo a settled form: shortly before it (whole-word languages) or anywhere in
    /// the sentence (languages matched inside words).
    pub negators: &'static [&'static str],
    /// Whether cues must stand as whole words (English) or match inside words (Korean).
    pub whole_words: bool,
    /// How a sentence answers the question before it outright ("Yes.", "He is not.", "네,").
    pub answers: Answers,
    /// How the language speaks of a show going on: renewed, rescued, wanted back.
    pub renewals: Renewals,
    /// The points of each kind.
    pub weights: Weights,
}

/// The words of an outright answer to a yes-or-no question, read by
/// [`answers_outright`](super::answer::answers_outright). Each answer word is matched whole,
/// lower-cased, at the answer's start; [`Answers::status`] words anywhere in the question.
#[derive(Debug)]
pub(crate) struct Answers {
    /// Saying yes ("yes", "yep", "네").
    pub yes: &'static [&'static str],
    /// Saying no ("no", "nope", "아니요").
    pub no: &'static [&'static str],
    /// Words an answer may open with before its yes or no ("sadly", "so", "short answer").
    pub leads: &'static [&'static str],
    /// Pronouns of a short answer ("he" in "He is not."); empty where the language has none.
    pub subjects: &'static [&'static str],
    /// Auxiliaries of a short answer ("is" in "He is not.", "didn't").
    pub auxiliaries: &'static [&'static str],
    /// The negation closing a short answer ("not").
    pub negation: &'static str,
    /// Words of a question whether something is settled yet ("confirmed", "편성"): a no to
    /// it leaves the question open ("Has it been renewed? No.").
    pub status: &'static [&'static str],
}

/// The words of a show going on, read by the list-piece rules and the title checker. Each
/// is matched inside the lower-cased text, except [`Renewals::show_kinds`] (a whole word) and
/// [`Renewals::rescue_objects`] (as written); a language that has no such form leaves it
/// empty.
#[derive(Debug)]
pub(crate) struct Renewals {
    /// A renewal reported plainly ("renewed", "picked up", "it's back").
    pub reported: &'static [&'static str],
    /// Words that leave a reported renewal open ("not ", "if ", "whether").
    pub hedges: &'static [&'static str],
    /// A list piece's headline asking for its shows back ("cancelled too soon", "come back").
    pub wanted_back: &'static [&'static str],
    /// A title asking whether a show or season is made, alone ("renew", "제작", "나올까").
    pub asks_made: &'static [&'static str],
    /// A season's words ("season", "sequel"): with one of [`Renewals::season_made`], a title
    /// asks whether it is made.
    pub season_words: &'static [&'static str],
    /// What a season is asked to be ("be confirmed", "happen").
    pub season_made: &'static [&'static str],
    /// Words that make such a title ask something else: a return, a cast, when ("return",
    /// "언제", "출연").
    pub not_made: &'static [&'static str],
    /// Words that, opening such a title, make it ask something else ("When …").
    pub not_made_openers: &'static [&'static str],
    /// A title asking whether a cancelled show is rescued ("be saved", "pick up ").
    pub asks_rescue: &'static [&'static str],
    /// Words that make a rescue word the story's ("pick up where season 1 left off").
    pub not_rescue: &'static [&'static str],
    /// A title asking whether the show itself goes on ("the show be saved").
    pub goes_on: &'static [&'static str],
    /// Coming back ("coming back", "returning"): after a show's kind, the show's own question.
    pub comes_back: &'static [&'static str],
    /// Words a show is called by its kind ("the lighthouse drama", "the cozy anime").
    pub show_kinds: &'static [&'static str],
    /// The "it" a rescue is asked of, with the verb that takes the show's name instead
    /// (("pick it up", "pick up")).
    pub rescue_objects: &'static [(&'static str, &'static str)],
    /// Who may rescue a show besides an outlet ("someone", "anybody").
    pub rescuers: &'static [&'static str],
}

/// What kind of cue a matched pattern is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Strong,
    Medium,
    Weak,
    Settled,
    Narrated,
    SettlingVerb,
    Reported,
    RuledOut,
    Schedule,
}

/// A table's words in one automaton, with each pattern's kind.
pub(crate) struct Matcher {
    pub automaton: AhoCorasick,
    pub kinds: Vec<Kind>,
}

/// Why the suggester cannot run.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SuggestError {
    /// A language's cue words could not be compiled into a matcher.
    #[error("the {language} cue words could not be prepared for matching: {reason}")]
    CueMatcher {
        /// The language whose table failed.
        language: &'static str,
        /// What the matcher builder said.
        reason: String,
    },
}

/// A language the suggester reads.
pub(crate) trait Language: Sync {
    /// The language's name in English ("Korean").
    fn name(&self) -> &'static str;

    /// Its cue words and weights.
    fn cues(&self) -> &'static CueTable;
}

/// Builds the matcher of `language`'s table.
///
/// Errors: [`SuggestError::CueMatcher`] when the automaton cannot be built (it names the
/// language and gives the builder's reason).
pub(crate) fn build_matcher(language: &dyn Language) -> Result<Matcher, SuggestError> {
    let table = language.cues();
    let lists: [(&[&str], Kind); 9] = [
        (table.strong, Kind::Strong),
        (table.medium, Kind::Medium),
        (table.weak, Kind::Weak),
        (table.settled, Kind::Settled),
        (table.narrated, Kind::Narrated),
        (table.settling_verbs, Kind::SettlingVerb),
        (table.reported, Kind::Reported),
        (table.ruled_out, Kind::RuledOut),
        (table.schedule, Kind::Schedule),
    ];
    let mut patterns = Vec::new();
    let mut kinds = Vec::new();
    for (list, kind) in lists {
        for phrase in list {
            patterns.push(*phrase);
            kinds.push(kind);
        }
    }
    // A DFA searches fastest (every sentence of an article is searched); the tables are
    // small enough for its memory.
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .map_err(|e| SuggestError::CueMatcher {
            language: language.name(),
            reason: e.to_string(),
        })?;
    Ok(Matcher { automaton, kinds })
}

static ENGLISH_MATCHER: LazyLock<Result<Matcher, SuggestError>> =
    LazyLock::new(|| build_matcher(&English));
static KOREAN_MATCHER: LazyLock<Result<Matcher, SuggestError>> =
    LazyLock::new(|| build_matcher(&Korean));

/// Korean (`korean`, by the sentence's script: [`is_korean`]) or English, with its
/// (once-built) matcher.
///
/// Errors: the language's matcher could not be built ([`SuggestError::CueMatcher`]).
pub(crate) fn language_by_script(
    korean: bool,
) -> Result<(&'static dyn Language, &'static Matcher), SuggestError> {
    if korean {
        let matcher = KOREAN_MATCHER.as_ref().map_err(Clone::clone)?;
        Ok((&Korean, matcher))
    } else {
        let matcher = ENGLISH_MATCHER.as_ref().map_err(Clone::clone)?;
        Ok((&English, matcher))
    }
}

/// Every language's cue table: for words a text may use whatever its language ("MBC renewed
/// 나의 해방일지").
pub(crate) fn all_tables() -> [&'static CueTable; 2] {
    [English.cues(), Korean.cues()]
}

/// The cue table of a title's language: Korean if it has any Hangul ("'Alice in Borderland'
/// 3기 나올까?"), English otherwise.
pub(crate) fn table_of_title(title: &str) -> &'static CueTable {
    if title.chars().any(is_hangul) {
        Korean.cues()
    } else {
        English.cues()
    }
}

/// The cue table of `text`'s language, by its script (no matcher is built).
pub(crate) fn table_of(text: &str) -> &'static CueTable {
    if is_korean(text) {
        Korean.cues()
    } else {
        English.cues()
    }
}

/// Whether `lower` (lower-cased text) contains any of `words`.
pub(crate) fn contains_any(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// Whether `text` is Korean by its script: at least 30 % of its letters are Hangul.
///
/// One pass over the characters; ASCII ones (most of an English text) skip the Unicode
/// tables (every Hangul character is outside ASCII).
pub(crate) fn is_korean(text: &str) -> bool {
    let (mut letters, mut hangul) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
        } else {
            letters += usize::from(c.is_alphabetic());
            hangul += usize::from(is_hangul(c));
        }
    }
    letters > 0 && hangul * 10 >= letters * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language of `sentence` by its script, with its matcher.
    fn language_of(
        sentence: &str,
    ) -> Result<(&'static dyn Language, &'static Matcher), SuggestError> {
        language_by_script(is_korean(sentence))
    }

    #[test]
    fn both_tables_build() {
        assert!(build_matcher(&English).is_ok());
        assert!(build_matcher(&Korean).is_ok());
        assert!(language_of("Will it return?").is_ok());
        assert!(language_of("시즌2는 나올까?").is_ok());
    }

    #[test]
    fn a_matcher_that_cannot_be_built_is_an_error_in_words() {
        // aho-corasick refuses only pattern sets beyond its internal limits, which a table
        // cannot reach; the error it would give reads as a sentence naming the language.
        let error = SuggestError::CueMatcher {
            language: Korean.name(),
            reason: "state identifier overflow".into(),
        };
        assert_eq!(
            error.to_string(),
            "the Korean cue words could not be prepared for matching: state identifier overflow"
        );
    }

    #[test]
    fn the_language_is_chosen_by_script() {
        assert_eq!(
            language_of("Will season 2 happen?").unwrap().0.name(),
            "English"
        );
        assert_eq!(
            language_of("시즌2 제작 여부는 미정이다.").unwrap().0.name(),
            "Korean"
        );
        assert_eq!(
            language_of("'Paper Moon' 시즌2 제작 여부는 미정.")
                .unwrap()
                .0
                .name(),
            "Korean"
        );
        // Accented Latin text is not ASCII and is still read as English.
        assert_eq!(
            language_of("Will the café reopen?").unwrap().0.name(),
            "English"
        );
    }
}
