//! A plain-words question for a group of sentences.
//!
//! In order: for a renewal group, the renewal question ("Will a second season be confirmed?");
//! a short direct question of the group as it stands (trimmed to its first clause if long);
//! the embedded question of "it is unclear whether / who …"; the hedged statement turned into
//! a question ("the cast could return" → "Could the cast return?", "has not been renewed" →
//! "Will … be renewed?"); otherwise a question about the group's subject. Korean sentences get
//! Korean titles. Titles stay within [`MAX_TITLE_CHARS`] and end with `?`.

pub(crate) mod check;
mod english;
mod korean;

use super::language::is_korean;
use super::terms::Topic;
use check::{Settled, title_problem_in};

/// What the article around a group tells its title.
#[derive(Clone, Debug, Default)]
pub(crate) struct TitleContext {
    /// The show whose list entry holds the group, in a list of shows.
    pub show: Option<String>,
    /// Whether the article reports the next season as confirmed (then its open questions are
    /// the air date and who returns, not whether it is made).
    pub season_confirmed: bool,
    /// Whether the article gives the next season's premiere date (then "When will …
    /// premiere?" asks what it settles).
    pub date_given: bool,
    /// The highest later season the article names (2 for "season two"), if any.
    pub season: Option<u8>,
    /// The article's headline: a name it gives is the show or its star, never a story
    /// question's subject on its own ("What will happen to Copper Street?").
    pub headline: Option<String>,
    /// In a list of shows, every show it lists (each has its own renewal question).
    pub listed_shows: Vec<String>,
    /// The show the heading of the group's section names: "the show" of a title is that
    /// show ("Will Ghost Bakery be renewed?").
    pub section_show: Option<String>,
    /// Per sentence (in the order given to [`title`]): the last name the article gave before
    /// it, who a "she" or "he" in it most likely is.
    pub antecedents: Vec<Antecedent>,
}

/// Who a pronoun in a sentence most likely is: the names given before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Antecedent {
    /// The last name given.
    pub any: Option<String>,
    /// The last name not shown to be a woman's (for "he", "him").
    pub he: Option<String>,
    /// The last name not shown to be a man's (for "she", "her").
    pub she: Option<String>,
    /// The last two names a sentence joined, up to this one ("Moon-young and Gang-tae"):
    /// who "the couple" or "두 사람" most likely is.
    pub pair: Option<(String, String)>,
}

/// The longest title, in characters (the checker's limit).
pub(crate) const MAX_TITLE_CHARS: usize = check::MAX_CHARS;

/// The most words of an English title (the checker's limit).
pub(crate) const MAX_TITLE_WORDS: usize = check::MAX_WORDS;

/// The shortest first clause kept when a question is cut short, in characters.
const MIN_CLAUSE_CHARS: usize = 15;

/// Words that open a sentence without being part of the question.
const LEADING_CONNECTIVES: [&str; 18] = [
    "and",
    "but",
    "so",
    "or",
    "then",
    "still",
    "now",
    "yet",
    "also",
    "anyway",
    "plus",
    "meanwhile",
    "besides",
    "okay",
    "well",
    "honestly",
    "lastly",
    "however",
];

/// Words a cut title must not end on.
const DANGLING: &[&str] = &[
    "the", "a", "an", "to", "of", "and", "or", "with", "for", "in", "on", "at", "by", "her", "his",
    "their", "its", "from", "as", "into", "that", "this", "our", "my",
];

/// The title of a group: `sentences` ordered strongest first, `key` the group's main topic.
///
/// Options are tried in order and the first the title checker accepts wins: a list entry's
/// show ("Will Paper Moon get another season?"), the title made from the group's sentences,
/// the article's own questions among them, a question about the group's topic, a question
/// about the subject the strongest sentence names. `None` when every option is flagged.
pub(crate) fn title(
    sentences: &[&str],
    key: Option<Topic>,
    context: &TitleContext,
) -> Option<String> {
    let best = sentences.first()?;
    let korean = is_korean(best);
    let mut options: Vec<String> = Vec::new();
    if let Some(show) = &context.show {
        options.push(match (key, korean) {
            (Some(Topic::Cast), false) => format!("Will the cast of {show} return?"),
            (Some(Topic::Cast), true) => format!("{show} 주연 배우들이 다시 출연할까?"),
            (None | Some(Topic::Renewal), false) => format!("Will {show} get another season?"),
            (None | Some(Topic::Renewal), true) => format!("{show} 다음 시즌이 나올까?"),
            (Some(Topic::Schedule), false) => format!("When will {show} return?"),
            (Some(Topic::Schedule), true) => format!("{show} 다음 시즌은 언제 방송될까?"),
            // Other questions of an entry name the show after the question made below.
            _ => String::new(),
        });
    }
    if korean {
        options.extend(korean::korean_titles(sentences, key, context));
    } else {
        options.extend(english::english_titles(sentences, key, context));
    }
    options
        .iter()
        .filter(|made| !made.is_empty())
        .map(|made| match &context.section_show {
            Some(show) if !korean => made.replacen("the show", show, 1).replacen(
                "the new season",
                &format!("{show}'s new season"),
                1,
            ),
            _ => made.clone(),
        })
        .map(|made| name_the_pair(&made, sentences, context))
        .map(|made| name_the_cast(&made, context))
        .map(|made| finish(&made))
        .filter(|made| {
            let settled = Settled {
                season: context.season_confirmed,
                date: context.date_given,
            };
            title_problem_in(made, settled).is_none()
        })
        // The show's name in front is checked again (it may make the title too long).
        .map(|made| name_the_show(&made, context))
        .find(|made| names_its_show(made, context) && check::title_problem(made).is_none())
}

/// The show of the group's list entry or section, if the article names one.
fn group_show(context: &TitleContext) -> Option<&str> {
    context.show.as_deref().or(context.section_show.as_deref())
}

/// "the main cast" / "the cast" / "주연 배우들" of a group whose entry or section names its
/// show, with the show: "the cast of Paper Moon", "검은 등대 주연 배우들".
fn name_the_cast(made: &str, context: &TitleContext) -> String {
    let Some(show) = group_show(context) else {
        return made.to_owned();
    };
    if made.contains(show) {
        return made.to_owned();
    }
    if is_korean(made) {
        return if made.starts_with("주연") || made.starts_with("출연진") {
            format!("‘{show}’ {made}")
        } else {
            made.to_owned()
        };
    }
    for phrase in ["the main cast", "the original cast", "the cast"] {
        if let Some(at) = made.to_lowercase().find(phrase) {
            // "the North of Nowhere cast", but "the cast of The Ninth Orchard".
            let named = if show.starts_with("The ") {
                format!("{} of {show}", &made[at..at + phrase.len()])
            } else {
                format!("{} {show} cast", &made[at..at + 3])
            };
            return format!("{}{named}{}", &made[..at], &made[at + phrase.len()..]);
        }
    }
    made.to_owned()
}

/// In an article about several shows, a title that does not name its show gets the show of
/// its entry or section in front ("Glasshouse Girls: when will season two premiere?",
/// "검은 등대 시즌2는 언제 방송될까?"). Unchanged when it names one or no show is known.
fn name_the_show(made: &str, context: &TitleContext) -> String {
    match group_show(context) {
        Some(show) if !names_its_show(made, context) => {
            if is_korean(made) {
                format!("‘{show}’ {made}")
            } else {
                let mut chars = made.chars();
                let lowered: String = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                format!("{show}: {lowered}")
            }
        }
        _ => made.to_owned(),
    }
}

/// Whether a title of an article about several shows names the one it asks about: any
/// title names one of the listed shows, a person, or a thing of the story by name. A title
/// naming nothing ("Will the main cast return for season three?") could be any of them.
fn names_its_show(made: &str, context: &TitleContext) -> bool {
    if context.listed_shows.len() < 2 {
        return true;
    }
    if context
        .listed_shows
        .iter()
        .any(|show| made.contains(show.as_str()))
    {
        return true;
    }
    if is_korean(made) {
        // A Korean title names a person or thing before its particle; only the season,
        // the cast and the air date belong to every show.
        let first = made.split_whitespace().next().unwrap_or_default();
        return !(first.starts_with("시즌")
            || first.starts_with("주연")
            || first.starts_with("출연")
            || first.starts_with("새 ")
            || first.starts_with("후속")
            || first.starts_with("방송"));
    }
    // A capitalised word after the first names someone or something.
    made.split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && w != "I")
}

/// Words that stand for a couple without naming it.
const ENGLISH_PAIRS: [&str; 6] = [
    "the two of them",
    "the couple",
    "the pair",
    "the duo",
    "the two leads",
    "the lovers",
];

/// Korean words for a couple, as a title's subject opens with them.
const KOREAN_PAIRS: [&str; 3] = ["두 사람", "두 주인공", "둘"];

/// `made` with "the couple" / "the two of them" / "둘이" / "두 사람은" replaced by the two
/// names the group's sentences join ("Toma and Hina", "서윤과 주원"), or in English the
/// last man's and woman's names given before it. Unchanged when no pair is found: the
/// checker then flags the title ([`check::TitleProblem::VagueSubject`]).
fn name_the_pair(made: &str, sentences: &[&str], context: &TitleContext) -> String {
    if is_korean(made) {
        let Some(pair) = KOREAN_PAIRS.iter().find(|p| made.starts_with(**p)) else {
            return made.to_owned();
        };
        let rest = &made[pair.len()..];
        // "둘이" → "서윤과 주원이": the particle follows the second name.
        let particle_len = rest
            .char_indices()
            .nth(1)
            .map_or(rest.len(), |(i, _)| i)
            .min(rest.find(' ').unwrap_or(rest.len()));
        let (particle, tail) = rest.split_at(particle_len);
        if !["이", "가", "은", "는", "의", "도", ""].contains(&particle) {
            return made.to_owned();
        }
        let Some((first, second)) = sentences
            .iter()
            .find_map(|s| korean_pair(s))
            .or_else(|| context.antecedents.first()?.pair.clone())
            .filter(|(a, b)| is_korean(a) && is_korean(b))
        else {
            // No names: the two leads of the show the entry, section or headline names
            // ("해은 베이커리의 두 주인공이 …").
            let Some(show) = group_show(context)
                .map(str::to_owned)
                .or_else(|| context.headline.as_deref().and_then(quoted_title))
            else {
                return made.to_owned();
            };
            let particle = match particle {
                "이" | "가" => "이",
                "은" | "는" => "은",
                other => other,
            };
            return format!("‘{show}’의 두 주인공{particle}{tail}");
        };
        let particle = match particle {
            "이" | "가" => check::subject_particle_for(&second),
            "은" | "는" => check::topic_particle_for(&second),
            other => other,
        };
        let joiner = check::with_particle_for(&first);
        return format!("{first}{joiner} {second}{particle}{tail}");
    }
    let lower = made.to_lowercase();
    let Some((at, len)) = ENGLISH_PAIRS
        .iter()
        .find_map(|p| lower.find(p).map(|at| (at, p.len())))
    else {
        return made.to_owned();
    };
    let joined = sentences
        .iter()
        .find_map(|s| english_pair(s))
        .map(|(a, b)| format!("{a} and {b}"))
        .or_else(|| {
            let (a, b) = context.antecedents.first()?.pair.clone()?;
            (!is_korean(&a)).then(|| format!("{a} and {b}"))
        })
        .or_else(|| {
            let antecedent = context.antecedents.first()?;
            let (he, she) = (antecedent.he.as_ref()?, antecedent.she.as_ref()?);
            (he != she).then(|| format!("{she} and {he}"))
        });
    let Some(names) = joined else {
        return made.to_owned();
    };
    // Two names take a plural verb: "How does the couple cope" → "How do Nina and Cal cope".
    let before = &made[..at];
    let plural = [
        ("does ", "do "),
        ("is ", "are "),
        ("has ", "have "),
        ("was ", "were "),
    ]
    .iter()
    .find_map(|(one, many)| {
        let lower = before.to_lowercase();
        lower.ends_with(one).then(|| {
            let cut = before.len() - one.len();
            let verb = &before[cut..];
            let many = if verb.starts_with(char::is_uppercase) {
                capitalise(many)
            } else {
                (*many).to_owned()
            };
            format!("{}{many}", &before[..cut])
        })
    })
    .unwrap_or_else(|| before.to_owned());
    format!("{plural}{names}{}", &made[at + len..])
}

/// The first title a headline quotes ("'해은 베이커리' 시즌2 …" → "해은 베이커리"): Korean
/// headlines quote the show's name.
fn quoted_title(headline: &str) -> Option<String> {
    [
        ('\'', '\''),
        ('‘', '’'),
        ('“', '”'),
        ('"', '"'),
        ('「', '」'),
        ('《', '》'),
        ('<', '>'),
    ]
    .iter()
    .find_map(|&(open, close)| {
        let start = headline.find(open)? + open.len_utf8();
        let len = headline[start..].find(close)?;
        let name = headline[start..start + len].trim();
        (!name.is_empty() && name.chars().count() <= 20).then(|| name.to_owned())
    })
}

/// Two names `sentence` joins ("Toma and Hina", "서윤과 주원"), if it joins two.
pub(crate) fn joined_pair(sentence: &str) -> Option<(String, String)> {
    if is_korean(sentence) {
        korean_pair(sentence)
    } else {
        english_pair(sentence)
    }
}

/// Two names an English sentence joins with "and" ("Toma and Hina", "Dev and Marisol").
fn english_pair(sentence: &str) -> Option<(String, String)> {
    let words = words_of(sentence);
    let is_name = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().count() > 1
            && !LEADING_CONNECTIVES.contains(&core.to_lowercase().as_str())
    };
    (1..words.len().saturating_sub(1)).find_map(|k| {
        let (first, second) = (words[k - 1], words[k + 1]);
        (words[k] == "and"
            && is_name(first)
            && is_name(second)
            && !first.ends_with([',', '.'])
            && (k < 2 || !is_name(words[k - 2])))
        .then(|| {
            let clean = |w: &str| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .trim_end_matches("'s")
                    .to_owned()
            };
            (clean(first), clean(second))
        })
    })
}

/// Two names a Korean sentence joins ("서윤과 주원은", "서윤이와 주원이가").
fn korean_pair(sentence: &str) -> Option<(String, String)> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    eojeols.windows(2).find_map(|pair| {
        let first = pair[0]
            .strip_suffix('와')
            .or_else(|| pair[0].strip_suffix('과'))?;
        let second = pair[1].trim_end_matches(|c: char| !super::terms::is_hangul(c));
        let second = ["은", "는", "이", "가", "의"]
            .iter()
            .find_map(|p| second.strip_suffix(p))
            .unwrap_or(second);
        let name = |n: &str| {
            (2..=3).contains(&n.chars().count()) && n.chars().all(super::terms::is_hangul)
        };
        (name(first) && name(second)).then(|| (first.to_owned(), second.to_owned()))
    })
}

/// The sentence's words, split on white space, punctuation kept on them.
fn words_of(sentence: &str) -> Vec<&str> {
    sentence.split_whitespace().collect()
}

/// A word lower-cased without surrounding punctuation ("Season," → "season").
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .replace('’', "'")
        .to_lowercase()
}

/// `text` without a leading connective ("And would …" → "would …").
fn strip_connective(text: &str) -> &str {
    let text = text.trim();
    if let Some((first, rest)) = text.split_once(' ')
        && LEADING_CONNECTIVES.contains(&bare(first).as_str())
        && !rest.is_empty()
    {
        return rest.trim_start();
    }
    text
}

/// `text` with its first letter upper-cased.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A finished title: one line, capitalised, ending with `?`. A title too long is left long
/// for the checker to reject: cutting a pasted sentence short leaves it broken.
fn finish(made: &str) -> String {
    let one_line = made.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = capitalise(one_line.trim_end_matches(['.', '!', ',', ';', ':', ' ', '?', '？']));
    format!("{text}?")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> String {
        title(&[sentence], None, &TitleContext::default()).unwrap_or_default()
    }

    fn keyed(sentences: &[&str], key: Option<Topic>) -> String {
        title(sentences, key, &TitleContext::default()).unwrap_or_default()
    }

    #[test]
    fn short_questions_stay_long_ones_lose_their_tail() {
        assert_eq!(
            one("And would the original cast return to play the same roles?"),
            "Would the original cast return to play the same roles?"
        );
        assert_eq!(
            one(
                "Would we follow Gang-tae and Moon-young into a marriage, with all the old wounds still in the house and nobody to help?"
            ),
            "Would we follow Gang-tae and Moon-young into a marriage?"
        );
    }

    #[test]
    fn a_phrasal_verb_keeps_its_particle() {
        assert_eq!(
            one("Fans have been asking ever since whether the story will go on."),
            "Will the story go on?"
        );
    }

    #[test]
    fn a_question_at_the_end_of_a_statement_is_the_title() {
        assert_eq!(
            one(
                "Nineteen months after its finale, the dark romance still has fans asking the same thing: is there more story to tell?"
            ),
            "Is there more story to tell?"
        );
        assert_eq!(
            one(
                "And would the original cast return to play the same roles, or would a new season need new faces?"
            ),
            "Would the original cast return to play the same roles?"
        );
    }

    #[test]
    fn renewal_groups_get_the_renewal_question() {
        assert_eq!(
            keyed(
                &[
                    "The network has not renewed the drama.",
                    "Fans want a second season."
                ],
                Some(Topic::Renewal)
            ),
            "Will a second season be confirmed?"
        );
    }

    #[test]
    fn the_highest_season_named_is_asked_about() {
        assert_eq!(
            keyed(
                &["The second season ended last month: will there be a third?"],
                Some(Topic::Renewal)
            ),
            "Will a third season be confirmed?"
        );
    }

    #[test]
    fn hedged_statements_become_questions() {
        assert_eq!(
            one("Sources say Han Yu-ri could return as the detective."),
            "Could Han Yu-ri return as the detective?"
        );
        assert_eq!(
            one("It remains to be seen whether the lighthouse keeper will ever come home."),
            "Will the lighthouse keeper come home?"
        );
        assert_eq!(
            one("The finale left unclear who sent the letters."),
            "Who sent the letters?"
        );
        assert_eq!(
            one("The film adaptation has not been confirmed by the studio."),
            "Will the film adaptation be confirmed by the studio?"
        );
        assert_eq!(
            one("The writer has yet to say what happens to the twins."),
            "What happens to the twins?"
        );
    }

    #[test]
    fn korean_titles() {
        assert_eq!(
            keyed(&["서윤과 주원은 결혼에 골인할까?"], None),
            "서윤과 주원은 결혼에 골인할까?"
        );
        // A couple the passage does not name is no title.
        assert_eq!(keyed(&["두 사람은 결혼에 골인할까?"], None), "");
        assert_eq!(
            keyed(&["시즌2 제작 여부는 아직 미정이다."], Some(Topic::Renewal)),
            "시즌2 제작이 확정될까?"
        );
        assert_eq!(
            keyed(
                &["주연 배우들의 출연 여부는 알려지지 않았다."],
                Some(Topic::Cast)
            ),
            "주연 배우들의 출연은 어떻게 될까?"
        );
        assert_eq!(
            one("Fans of Paper Moon Society have theories."),
            "What will happen to Paper Moon Society?"
        );
        assert_eq!(
            keyed(&["다만 방송 시기는 아직 불투명하다."], None),
            "방송 시기는 언제일까?"
        );
        assert_eq!(
            keyed(
                &["주연 배우들이 다시 출연할지도 알려지지 않았다."],
                Some(Topic::Cast)
            ),
            "주연 배우들이 다시 출연할까?"
        );
        assert_eq!(
            keyed(&["팬들은 서윤과 주원이 어떻게 될지 궁금해한다."], None),
            "팬들은 서윤과 주원이 어떻게 될까?"
        );
        assert_eq!(
            keyed(
                &["편지를 쓴 사람이 아버지인지에 대해서는 답을 주지 않았다."],
                None
            ),
            "편지를 쓴 사람이 아버지일까?"
        );
        assert_eq!(
            keyed(&["그가 돌아오는지는 알 수 없다."], None),
            "그가 돌아올까?"
        );
    }

    #[test]
    fn a_couple_is_named_from_the_passage_or_dropped() {
        assert_eq!(
            keyed(
                &[
                    "Will the couple get married?",
                    "Dev and Marisol moved in together."
                ],
                None
            ),
            "Will Dev and Marisol get married?"
        );
        // The pair named earlier in the article, with the verb made plural.
        let context = TitleContext {
            antecedents: vec![Antecedent {
                pair: Some(("Nina".to_owned(), "Cal".to_owned())),
                ..Antecedent::default()
            }],
            ..TitleContext::default()
        };
        assert_eq!(
            title(&["How does the couple cope with the move?"], None, &context).as_deref(),
            Some("How do Nina and Cal cope with the move?")
        );
        assert_eq!(
            title(
                &["Will the couple get married?"],
                None,
                &TitleContext::default()
            ),
            None
        );
        assert_eq!(
            keyed(
                &["둘이 다시 만날 수 있을까?", "서윤과 주원은 빵집을 떠났다."],
                None
            ),
            "서윤과 주원이 다시 만날 수 있을까?"
        );
        // No names, but the headline quotes the show: its two leads.
        let context = TitleContext {
            headline: Some("'해은 베이커리' 시즌2, 제작 확정".to_owned()),
            ..TitleContext::default()
        };
        assert_eq!(
            title(&["둘이 다시 만날 수 있을까?"], None, &context).as_deref(),
            Some("‘해은 베이커리’의 두 주인공이 다시 만날 수 있을까?")
        );
        assert_eq!(keyed(&["둘이 다시 만날 수 있을까?"], None), "");
    }

    #[test]
    fn in_a_list_of_shows_every_title_names_its_show() {
        let listed = vec!["North of Nowhere".to_owned(), "Rainfall Motel".to_owned()];
        let context = TitleContext {
            listed_shows: listed.clone(),
            section_show: Some("North of Nowhere".to_owned()),
            ..TitleContext::default()
        };
        assert_eq!(
            title(
                &["Will the main cast return if it finds a new home?"],
                None,
                &context
            )
            .as_deref(),
            Some("Will the North of Nowhere cast return if it finds a new home?")
        );
        assert_eq!(
            title(
                &["Have two of the leads already booked other jobs?"],
                None,
                &context
            )
            .as_deref(),
            Some("North of Nowhere: have two of the leads already booked other jobs?")
        );
        // No show known for the group: a title naming none of them is dropped.
        let unknown = TitleContext {
            listed_shows: listed,
            ..TitleContext::default()
        };
        assert_eq!(
            title(
                &["Will the main cast return for season three?"],
                None,
                &unknown
            ),
            None
        );
        let korean = TitleContext {
            listed_shows: vec!["검은 등대".to_owned(), "달빛 세탁소".to_owned()],
            section_show: Some("검은 등대".to_owned()),
            ..TitleContext::default()
        };
        let made = title(
            &["주연 배우들이 다시 출연할지도 알려지지 않았다."],
            None,
            &korean,
        );
        assert_eq!(
            made.as_deref(),
            Some("‘검은 등대’ 주연 배우들이 다시 출연할까?")
        );
    }

    #[test]
    fn the_show_of_a_section_heading_names_the_show() {
        let context = TitleContext {
            section_show: Some("Ghost Bakery".to_owned()),
            ..TitleContext::default()
        };
        assert_eq!(
            title(
                &["The network has not renewed it yet."],
                Some(Topic::Renewal),
                &context
            )
            .as_deref(),
            Some("Will Ghost Bakery be renewed?")
        );
    }

    #[test]
    fn titles_are_short_and_end_with_a_question_mark() {
        let long = "Observers said the production company could eventually bring back every single member of the sprawling original ensemble for a lavish anniversary special next winter.";
        // Either a short question made from it or none; never the pasted sentence.
        if let Some(made) = title(&[long], None, &TitleContext::default()) {
            assert!(made.ends_with('?'), "{made}");
            assert!(made.chars().count() <= MAX_TITLE_CHARS, "{made}");
        }
        assert_eq!(
            finish(long).chars().count(),
            long.chars().count(),
            "finish never cuts"
        );
    }
}
