//! Outright answers: a yes-or-no question the next sentence settles ("Is Jonah dead? He is
//! not.", "## Did Ren die? / Nope. Ren is alive …", "시즌2 나오나요? 네, 확정됐어요").
//!
//! Explainers and FAQ-style posts ask the reader's question and answer it at once; such a
//! question is no open thread. The words are each language's ([`Answers`]).

use super::language::{Answers, table_of};

/// Whether `answer` opens by answering `question` outright: a yes or no standing alone
/// ("Yes, and I'm sorry.", "Sadly, no."), or a short answer ("He is not.", "She did,").
///
/// A no to a question whether something is settled yet ("Has it been renewed? No.") leaves
/// it open, as does "no" opening a phrase ("No one knows", "No word yet"). Whether the answer
/// hedges is for the caller (a hedged answer raises a question of its own).
pub(crate) fn answers_outright(question: &str, answer: &str) -> bool {
    let answers = &table_of(answer).answers;
    // "He isn’t.": the curly apostrophe read as the straight one the lists use.
    let lower = answer.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    // "Sadly yes", "Short answer: no": lead words before the answer itself.
    let start = words
        .iter()
        .take(2)
        .take_while(|w| answers.leads.contains(&bare(w)))
        .count();
    let Some(first) = words.get(start) else {
        return false;
    };
    let stands_alone = |k: usize| words.get(k).is_none_or(|w| ends_clause(w));
    let saying = if stands_alone(start) && answers.yes.contains(&bare(first)) {
        Some(true)
    } else if stands_alone(start) && answers.no.contains(&bare(first)) {
        Some(false)
    } else {
        short_answer(&words[start..], answers)
    };
    match saying {
        Some(yes) => yes || !names_status(question, answers),
        None => false,
    }
}

/// "He is not." → `Some(false)`, "She did." → `Some(true)`: a pronoun and an auxiliary
/// closing the clause, with or without the negation.
fn short_answer(words: &[&str], answers: &Answers) -> Option<bool> {
    let [subject, auxiliary, rest @ ..] = words else {
        return None;
    };
    if !answers.subjects.contains(&bare(subject)) || !answers.auxiliaries.contains(&bare(auxiliary))
    {
        return None;
    }
    let denied = bare(auxiliary).ends_with("n't");
    if ends_clause(auxiliary) || rest.is_empty() {
        return Some(!denied);
    }
    let negation = rest
        .first()
        .filter(|w| bare(w) == answers.negation && ends_clause(w));
    negation.map(|_| false)
}

/// Whether `question` asks if something is settled yet ([`Answers::status`]).
fn names_status(question: &str, answers: &Answers) -> bool {
    let lower = question.to_lowercase();
    // Each word at a word's start ("date", not "candidate"); a phrase anywhere ("picked up").
    let starts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    answers.status.iter().any(|w| {
        if w.contains(' ') {
            lower.contains(w)
        } else {
            starts.iter().any(|s| s.starts_with(w))
        }
    })
}

/// Whether a word closes its clause (a comma, stop, colon or dash after it).
fn ends_clause(word: &str) -> bool {
    word.ends_with([',', '.', '!', ':', ';', '—', '–'])
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
}

#[cfg(test)]
mod tests {
    use super::answers_outright;

    #[test]
    fn a_yes_or_no_standing_alone_settles_the_question() {
        for (question, answer) in [
            ("Is Haru really dead?", "Yes, and I'm sorry."),
            ("Did Ren die?", "Nope. Ren is alive."),
            ("Is Captain Doyle dead?", "Sadly yes."),
            (
                "Will there be a season 6?",
                "No. The channel said the fifth was the last.",
            ),
            ("Did Hollis and Vane finally get married?", "Yes!"),
            ("Is Jonah dead?", "He is not."),
            (
                "Did Arthur survive his surgery?",
                "He did not, and the show does not cheat.",
            ),
            ("Does Ganz betray the crew?", "He does."),
            ("Is Theo coming back?", "He isn’t."),
            ("Is Theo coming back?", "So no, he isn't coming back."),
            ("시즌2 나오나요?", "네, 확정됐어요."),
            ("서진이 죽었나요?", "아니요. 살아 있어요."),
        ] {
            assert!(answers_outright(question, answer), "{question} / {answer}");
        }
    }

    #[test]
    fn a_no_to_a_status_question_and_no_opening_a_phrase_do_not() {
        for (question, answer) in [
            ("Has Harbor Lights been renewed?", "No."),
            ("Is there a release date yet?", "Nope, nothing."),
            ("Is there a trailer?", "No, not until filming starts."),
            ("Is there an air date?", "No."),
            ("Is Jonah dead?", "No one knows."),
            ("Will there be a season 2?", "No word yet."),
            ("Will there be a season 2?", "Nobody can say."),
            ("Is Theo dead?", "He is the one everyone asks about."),
            ("Is Theo dead?", "Yesterday's episode left it open."),
            ("시즌2 확정됐나요?", "아니요, 아직이에요."),
        ] {
            assert!(!answers_outright(question, answer), "{question} / {answer}");
        }
    }
}
