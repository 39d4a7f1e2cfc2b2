//! Cues that mark a sentence as raising an open question, and counter-cues for settled facts.
//!
//! The words and weights live per language in [`super::language`] (one table per language);
//! this module applies them. A sentence is read in the language of its script, scores the sum
//! of its cues' weights, and [`OPEN_THRESHOLD`] points or more make it a candidate.

use std::borrow::Cow;

use super::language::{Kind, SuggestError, language_by_script};

/// The score from which a sentence raises an open question.
pub(crate) const OPEN_THRESHOLD: i32 = 2;

/// Weak cues alone raise a question only from this many points ("could happen if …").
const WEAK_ONLY_THRESHOLD: i32 = 3;

/// Points for a direct question (a sentence ending in `?`, or a Korean `…까` question).
const QUESTION_POINTS: i32 = 3;
/// Points for a question inside quotation marks (often dialogue in a recap).
const QUOTED_QUESTION_POINTS: i32 = 1;

/// How strongly a sentence raises an open question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Score {
    /// The total: at least [`OPEN_THRESHOLD`] for an open question.
    pub points: i32,
    /// Whether the sentence is a direct question.
    pub question: bool,
    /// Whether only weak cues (modals, conditionals) speak for it.
    pub weak_only: bool,
    /// Whether a settled form (not mere narration) counts against it ("has been renewed",
    /// "확정됐다").
    pub settled: bool,
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

/// Scores one sentence on the cues of its language.
///
/// Errors: the language's cue matcher could not be built ([`SuggestError::CueMatcher`]).
#[cfg(test)]
pub(crate) fn score(sentence: &str) -> Result<Score, SuggestError> {
    score_in(sentence, super::language::is_korean(sentence))
}

/// Scores one sentence on the cues of its language, its script already known (`korean`, by
/// [`is_korean`](super::language::is_korean)): the script is not read again.
///
/// Errors: the language's cue matcher could not be built ([`SuggestError::CueMatcher`]).
pub(crate) fn score_in(sentence: &str, korean: bool) -> Result<Score, SuggestError> {
    let (language, matcher) = language_by_script(korean)?;
    let table = language.cues();
    // "I'd love to", "she'll be back", "Theo isn't finished": the cue words written out.
    let expanded = if table.whole_words {
        expand_contractions(sentence)
    } else {
        Cow::Borrowed(sentence)
    };
    // "we still dont know": the same words typed without their apostrophe.
    let expanded = if table.whole_words {
        match expand_bare_contractions(expanded.as_ref()) {
            Cow::Owned(text) => Cow::Owned(text),
            Cow::Borrowed(_) => expanded,
        }
    } else {
        expanded
    };
    let sentence = expanded.as_ref();
    let weights = table.weights;
    let (mut strong, mut weak, mut settled) = (0, 0, 0);
    let mut schedule = false;
    let mut negated_settlement = false;
    let mut reported_settled = false;
    let mut ruled_out = false;
    let negated_anywhere =
        !table.whole_words && table.negators.iter().any(|n| sentence.contains(n));
    for found in matcher.automaton.find_overlapping_iter(sentence) {
        let kind = matcher.kinds[found.pattern().as_usize()];
        let (start, end) = (found.start(), found.end());
        if table.whole_words && !is_whole_word(sentence, start, end) {
            continue;
        }
        let matched = &sentence[start..end];
        // "May" with a capital inside a sentence is the month.
        if matched == "May" && start > 0 {
            continue;
        }
        match kind {
            Kind::Strong => strong += weights.strong,
            Kind::Medium => strong += weights.medium,
            Kind::Weak => weak += weights.weak,
            Kind::Schedule => schedule = true,
            Kind::Settled | Kind::Narrated => {
                let negated = if table.whole_words {
                    negated_before(sentence, start, table.negators)
                } else {
                    negated_anywhere
                };
                if !negated {
                    if kind == Kind::Settled {
                        settled += weights.settled;
                        reported_settled = true;
                    } else {
                        settled += weights.narrated;
                    }
                }
            }
            // "아직 … 계획이 없다": ruled out for now only, so still open.
            Kind::RuledOut if table.provisional.iter().any(|p| sentence.contains(p)) => {}
            Kind::RuledOut => {
                ruled_out = true;
                reported_settled = true;
            }
            // "confirmed" said plainly (no denial, no conditional before it) settles.
            Kind::Reported => {
                if reported_plainly(sentence, start)
                    && !denied_before(sentence, start)
                    && !negated_before(sentence, start, table.negators)
                {
                    settled += weights.reported;
                }
            }
            // Counted once: "has not been confirmed or announced" is one negated settlement.
            Kind::SettlingVerb if !negated_settlement && denied_before(sentence, start) => {
                negated_settlement = true;
                strong += weights.negated_settlement;
            }
            Kind::SettlingVerb => {}
        }
    }
    let question = question_points(sentence);
    if question == 0 && table.whole_words && raises_consequence(sentence) {
        strong += weights.conditional;
    }
    // "will premiere on 5 June": a schedule with its date is settled.
    if schedule && has_date(sentence) && question == 0 {
        weak = 0;
    }
    let mut points = strong + weak + question - settled;
    // A question ruled out for good is settled whatever hedges surround it.
    if ruled_out && question == 0 {
        points = points.min(0);
    }
    Ok(Score {
        points,
        question: question == QUESTION_POINTS,
        weak_only: strong == 0 && question == 0,
        settled: reported_settled,
    })
}

/// Whether the settling verb at byte `start` reports a settlement ("the showrunner confirmed
/// that …"): not a passive or future form ("will be confirmed", "to be announced") and not
/// inside an embedded question or condition ("whether a season will be confirmed").
fn reported_plainly(sentence: &str, start: usize) -> bool {
    let before = sentence[..start].to_ascii_lowercase();
    let previous = before.split_whitespace().next_back().unwrap_or_default();
    let auxiliary = matches!(
        previous,
        "be" | "been"
            | "being"
            | "to"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "get"
            | "gets"
            | "got"
    );
    let embedded = before
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "whether" | "if" | "until" | "unless" | "once"));
    !auxiliary && !embedded
}

/// Whether the sentence is a conditional whose consequence is a modal statement: an inverted
/// condition ("Should the network order more, the leads would return"; "Were it renewed, …")
/// or "if …, X would/could/will …" (the consequence is the open question).
fn raises_consequence(sentence: &str) -> bool {
    let Some((condition, consequence)) = sentence.split_once(',') else {
        return false;
    };
    let first = condition
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    // The consequence's modal comes early in its clause ("…, the two leads would sign on").
    let consequence_modal = || {
        consequence.split_whitespace().take(6).any(|w| {
            matches!(
                w.to_ascii_lowercase()
                    .trim_matches(|c: char| !c.is_alphabetic()),
                "would" | "could" | "might" | "will"
            )
        })
    };
    matches!(
        first.as_str(),
        "should" | "were" | "had" | "if" | "once" | "assuming"
    ) && consequence_modal()
}

/// `sentence` with its English contractions written out ("I'd" → "I would", "isn't" → "is
/// not"), curly apostrophes read as straight ones; borrowed when it has no apostrophe. A
/// contraction hangs on a word and ends one ("I'd," but not "Ma'dame" or a quote's 'd').
pub(crate) fn expand_contractions(sentence: &str) -> Cow<'_, str> {
    if !sentence.contains(['\'', '’']) {
        return Cow::Borrowed(sentence);
    }
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut done = 0;
    // Only the apostrophes are looked at: the text between them is copied as it is.
    for (at, apostrophe) in sentence.match_indices(['\'', '’']) {
        if at < done {
            continue;
        }
        let after = &sentence[at + apostrophe.len()..];
        let before = &sentence[done..at];
        let word_end = |n: usize| !after[n..].starts_with(char::is_alphanumeric);
        let suffix = ["ll", "re", "ve", "d", "m", "t"].into_iter().find(|s| {
            after
                .get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s))
                && word_end(s.len())
        });
        let after_letter = before.ends_with(|c: char| c.is_ascii_alphabetic());
        let long = match suffix {
            Some("t") if before.ends_with(['n', 'N']) => {
                let stem = &before[..before.len() - 1];
                let opens = |w: &str| {
                    stem.len() >= w.len()
                        && stem[stem.len() - w.len()..].eq_ignore_ascii_case(w)
                        && !stem[..stem.len() - w.len()].ends_with(char::is_alphanumeric)
                };
                // "won't" → "will not", "can't" → "can not", "isn't" → "is not".
                let (kept, long) = if opens("wo") {
                    (&stem[..stem.len() - 2], "will not")
                } else if opens("ca") {
                    (&stem[..stem.len() - 2], "can not")
                } else {
                    (stem, " not")
                };
                out.push_str(kept);
                out.push_str(long);
                done = at + apostrophe.len() + 1;
                continue;
            }
            Some("d") if after_letter => " would",
            Some("ll") if after_letter => " will",
            Some("re") if after_letter => " are",
            Some("ve") if after_letter => " have",
            Some("m") if after_letter => " am",
            _ => {
                out.push_str(before);
                out.push('\'');
                done = at + apostrophe.len();
                continue;
            }
        };
        out.push_str(before);
        out.push_str(long);
        done = at + apostrophe.len() + suffix.map_or(0, str::len);
    }
    out.push_str(&sentence[done..]);
    Cow::Owned(out)
}

/// Negated auxiliaries typed without their apostrophe ("dont", "isnt"), and what they stand for.
const BARE_CONTRACTIONS: &[(&str, &str)] = &[
    ("dont", "do not"),
    ("doesnt", "does not"),
    ("didnt", "did not"),
    ("cant", "can not"),
    ("wont", "will not"),
    ("isnt", "is not"),
    ("arent", "are not"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("havent", "have not"),
    ("hasnt", "has not"),
    ("hadnt", "had not"),
    ("wouldnt", "would not"),
    ("couldnt", "could not"),
    ("shouldnt", "should not"),
];

/// `sentence` with [`BARE_CONTRACTIONS`] written out as whole words ("we still dont know" →
/// "we still do not know"); borrowed when it has none. Only words ending in "nt" are looked up.
fn expand_bare_contractions(sentence: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut done = 0;
    for (at, _) in sentence.match_indices("nt") {
        let end = at + 2;
        if !is_whole_word_end(sentence, end) {
            continue;
        }
        // The word's start: just after the last character before it that is no ASCII letter
        // (a curly quote or a Hangul syllable is more than one byte).
        let start = sentence[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(k, c)| k + c.len_utf8());
        if start < done {
            continue;
        }
        let word = &sentence[start..end];
        let Some((_, long)) = BARE_CONTRACTIONS
            .iter()
            .find(|(bare, _)| word.eq_ignore_ascii_case(bare))
        else {
            continue;
        };
        let text = out.get_or_insert_with(|| String::with_capacity(sentence.len() + 16));
        text.push_str(&sentence[done..start]);
        text.push_str(long);
        done = end;
    }
    match out {
        Some(mut text) => {
            text.push_str(&sentence[done..]);
            Cow::Owned(text)
        }
        None => Cow::Borrowed(sentence),
    }
}

/// Whether byte `end` of `sentence` ends a word.
fn is_whole_word_end(sentence: &str, end: usize) -> bool {
    !sentence[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// Whether `sentence[start..end]` is not part of a longer word.
fn is_whole_word(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].chars().next_back();
    let after = sentence[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a negation or conditional (`negators`, or a "n't" form) comes within the four words
/// before byte `start`.
fn negated_before(sentence: &str, start: usize, negators: &[&str]) -> bool {
    sentence[..start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|word| {
            let word = word.to_ascii_lowercase().replace('’', "'");
            negators.contains(&word.as_str()) || word.ends_with("n't")
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
    // Every test below ignores the case of ASCII letters: only other words are lower-cased.
    let words: Vec<Cow<str>> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect();
    let is_day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit())
    };
    // Only a word opening with a letter can be a month's name (checked first: it is cheap).
    let is_month = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_alphabetic()) && crate::model::import::month(w).is_some()
    };
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
        score(sentence).unwrap().is_open()
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
        // A worry laid to rest.
        assert!(!open(
            "Kestrel also put fans' minds at rest on the big question, confirming in the \
             trailer that Joan survived the car crash."
        ));
        assert!(!open(
            "That settles the biggest worry from last season's finale, when Tito was shot \
             and the episode cut to black."
        ));
        // A wait that is over.
        assert!(!open(
            "The broadcaster on Thursday renewed the drama for a third series, ending weeks \
             of speculation after its second run drew its biggest audiences yet."
        ));
    }

    #[test]
    fn a_date_withheld_is_open() {
        assert!(open("It did not give a date for the premiere."));
        assert!(open(
            "The broadcaster hasn't set a date for the new series."
        ));
        assert!(open("The streamer is yet to name a date."));
    }

    #[test]
    fn a_cancellation_settles_and_a_ruling_out_for_now_does_not() {
        assert!(!open(
            "The drama will not return for a third season, the network said on Thursday."
        ));
        assert!(!open("방송사는 후속작 계획이 없다고 못 박았다."));
        assert!(open("방송사는 아직 후속작 계획이 없다는 입장이다."));
        assert!(open("He would come back if another platform picked it up."));
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
        assert!(score("Why did you come back?").unwrap().question);
        assert!(!open("\"Why did you come back?\""));
    }

    #[test]
    fn contractions_are_read_as_the_words_they_stand_for() {
        assert_eq!(expand_contractions("I'd love to"), "I would love to");
        assert_eq!(
            expand_contractions("Theo isn’t finished"),
            "Theo is not finished"
        );
        assert_eq!(
            expand_contractions("She won't, and we'll see"),
            "She will not, and we will see"
        );
        assert_eq!(
            expand_contractions("Ma'dame said 'done'"),
            "Ma'dame said 'done'"
        );
        assert!(matches!(
            expand_contractions("no apostrophe"),
            Cow::Borrowed(_)
        ));
        // The cues of the written-out words count.
        assert!(open("Marsh: I'd come back in a heartbeat."));
        assert!(open("\"Theo isn't finished,\" he said."));
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

    #[test]
    fn a_contraction_typed_without_its_apostrophe_is_read_as_its_words() {
        assert_eq!(
            expand_bare_contractions("We still dont know who took it, and it isnt over."),
            "We still do not know who took it, and it is not over."
        );
        // After a curly quote or a Hangul word.
        assert_eq!(
            expand_bare_contractions("“dont go,” 한글dont"),
            "“do not go,” 한글do not"
        );
        // Words that only end in "nt" stay.
        assert_eq!(
            expand_bare_contractions("The giant went to the event."),
            "The giant went to the event."
        );
        let typed = score("We also still dont know who took the ledger.").unwrap();
        let written = score("We also still don't know who took the ledger.").unwrap();
        assert_eq!(typed.points, written.points);
        assert!(typed.is_open());
    }
}
