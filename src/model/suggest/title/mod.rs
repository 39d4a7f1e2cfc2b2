//! A plain-words question for a group of sentences.
//!
//! In order: for a renewal group, the renewal question ("Will a second season be confirmed?");
//! a short direct question of the group as it stands (trimmed to its first clause if long);
//! the embedded question of "it is unclear whether / who …"; the hedged statement turned into
//! a question ("the cast could return" → "Could the cast return?", "has not been renewed" →
//! "Will … be renewed?"); otherwise a question about the group's subject. Korean sentences get
//! Korean titles. Titles stay within [`MAX_TITLE_CHARS`] and end with `?`.

mod cast;
pub(crate) mod check;
mod speaker;
pub(crate) use speaker::{lead_in_of, name_with_initials, speaker_of};
mod english;
pub(crate) use cast::{Casting, actor_in, cast_of};
pub(crate) use english::makers_in;
mod korean;

use super::language::{is_korean, table_of_title};
use super::terms::Topic;
use check::{Settled, title_problem_in};
pub(crate) use check::{asks_only_a_fate, dates_no_listed_show, question_key};

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
    /// Whether the article calls a season the show's last (then whether another is made is
    /// settled).
    pub series_over: bool,
    /// The highest later season the article names (2 for "season two"), if any.
    pub season: Option<u8>,
    /// The article's headline: a name it gives is the show or its star, never a story
    /// question's subject on its own ("What will happen to Copper Street?").
    pub headline: Option<String>,
    /// Names the article gives to makers, outlets and actors ("showrunner Marcus Feld",
    /// "Orbitline has not renewed …", "Rafe Donnelly as the Warden"): never the subject of
    /// "What will happen to …?" (a character's fate is; an actor's is whether they return).
    pub makers: Vec<String>,
    /// The actors the article names, with their parts ([`cast_of`]): an actor's question is
    /// whether they return.
    pub cast: Vec<Casting>,
    /// Actors whose return the article reports as settled: "Will X return?" asks nothing.
    pub returned: Vec<String>,
    /// In a list of shows, every show it lists (each has its own renewal question).
    pub listed_shows: Vec<String>,
    /// The show the heading of the group's section names: "the show" of a title is that
    /// show ("Will Ghost Bakery be renewed?").
    pub section_show: Option<String>,
    /// Per sentence (in the order given to [`title`]): the last name the article gave before
    /// it, who a "she" or "he" in it most likely is.
    pub antecedents: Vec<Antecedent>,
    /// Per sentence (in the order given to [`title`]): who says it, when it is a quote or an
    /// answer in an interview ([`speaker_of`], a pronoun resolved): a first-person wish is
    /// asked about its speaker.
    pub speakers: Vec<Option<String>>,
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
    /// The two people this Korean sentence or the one before it named together
    /// ([`super::terms::korean_pair`]): whom "두 사람" means.
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
    // "① 정류장은 현실일까?", "Q: 시즌2 나오나요?", "└ 연두 …": the marker is not the question's.
    let unmarked: Vec<&str> = sentences.iter().map(|s| without_marker(s)).collect();
    // "\"I'd play Gus until I'm eighty,\" he told us": told about Oduya, then asked.
    let told: Vec<Option<String>> = unmarked
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let speaker = context.speakers.get(i)?.as_deref()?;
            speaker::in_third_person(s, speaker).filter(|_| !is_korean(s))
        })
        .collect();
    let unmarked: Vec<&str> = unmarked
        .iter()
        .zip(&told)
        .map(|(s, told)| told.as_deref().unwrap_or(s))
        .collect();
    let sentences = unmarked.as_slice();
    let best = sentences.first()?;
    let korean = is_korean(best);
    let by_show = context.show.as_ref().map(|show| {
        match (key, korean) {
            (Some(Topic::Cast), false) => format!("Will the {show} cast return?"),
            (Some(Topic::Cast), true) => format!("{show} 주연 배우들이 다시 출연할까?"),
            (None | Some(Topic::Renewal), false) => format!("Will {show} get another season?"),
            (None | Some(Topic::Renewal), true) => format!("{show} 다음 시즌이 나올까?"),
            (Some(Topic::Schedule), false) => show_date_question(show),
            (Some(Topic::Schedule), true) => format!("{show} 다음 시즌은 언제 방송될까?"),
            // Other questions of an entry name the show after the question made below.
            _ => String::new(),
        }
    });
    // Made lazily: the options after the first one the checker accepts are never made.
    let made: Box<dyn Iterator<Item = String>> = if korean {
        Box::new(korean::korean_titles(sentences, key, context).into_iter())
    } else {
        Box::new(english::english_titles(sentences, key, context))
    };
    by_show
        .into_iter()
        .chain(made)
        .filter(|made| !made.is_empty())
        .map(|made| match &context.section_show {
            Some(show) if !korean => with_show_named(&made, show),
            _ => made,
        })
        .map(|made| finish(&made))
        .find(|made| {
            let settled = Settled {
                // A show's last season leaves no later one to ask about.
                season: context.season_confirmed || context.series_over,
                date: context.date_given,
                returned: &context.returned,
            };
            title_problem_in(made, settled).is_none()
        })
}

/// "When will Brass Monkeys return?": when a list entry's show comes back, in English.
pub(crate) fn show_date_question(show: &str) -> String {
    format!("When will {show} return?")
}

/// `made` with "the show", "the new season" and the "it" a rescue is asked of ("Could another
/// network pick it up?") naming `show`, the show of the group's section or list entry. The
/// rescue words are its language's [`Renewals`](super::language::Renewals).
fn with_show_named(made: &str, show: &str) -> String {
    let mut named = made.replacen("the show", show, 1).replacen(
        "the new season",
        &format!("{show}'s new season"),
        1,
    );
    let words = &table_of_title(made).renewals;
    // Only an outlet or "someone" rescues a show ("Can Mara save it?" is the story's), and
    // only "it" as a whole word ("save its finale" keeps its "its").
    let lower = named.to_lowercase();
    let rescuer = english::OUTLET_NOUNS
        .iter()
        .chain(words.rescuers)
        .any(|w| lower.contains(w));
    let whole = |at: usize, it: &str| {
        named[at + it.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    if rescuer
        && let Some((it, verb, at)) = words
            .rescue_objects
            .iter()
            .find_map(|(it, verb)| named.find(it).map(|at| (*it, *verb, at)))
        && whole(at, it)
    {
        named.replace_range(at..at + it.len(), &format!("{verb} {show}"));
    }
    named
}

/// Reply markers of a comment thread, written before the commenter's name ("└ 연두").
const REPLY_MARKERS: &[char] = &['└', '┗', '↳', '↪'];

/// `text` without the list, FAQ or reply marker it opens with: a numbering ("1)", "2."), a
/// circled number ("①"), a bullet ("■", "▶", "•", "-"), "Q:" or "A:", or a reply marker and the
/// commenter's name after it ("└ 연두 비행기 탔을까?" → "비행기 탔을까?"). Quotation marks stay.
pub(crate) fn without_marker(text: &str) -> &str {
    let text = text.trim_start();
    // The name is the marker's first word and the comment follows it. A reply typed with
    // the letter ㄴ and a space names its commenter only with a colon ("ㄴ 이사왕: …"; "ㄴ
    // 택배기사 정체가 궁금해요" has no name).
    let reply = text
        .strip_prefix(REPLY_MARKERS)
        .map(|rest| (rest, false))
        .or_else(|| text.strip_prefix("ㄴ ").map(|rest| (rest, true)));
    if let Some((rest, colon_only)) = reply {
        let rest = rest.trim_start();
        return match rest.split_once(char::is_whitespace) {
            Some((name, comment))
                if (!colon_only || name.ends_with(':')) && !comment.trim().is_empty() =>
            {
                comment.trim_start()
            }
            _ => rest,
        };
    }
    for prefix in ["Q:", "Q.", "A:", "q:", "Q)", "질문:", "답변:"] {
        if let Some(rest) = text.strip_prefix(prefix)
            && rest.starts_with(char::is_whitespace)
        {
            return rest.trim_start();
        }
    }
    let marked = |c: char| {
        ('\u{2460}'..='\u{2473}').contains(&c)
            || ('\u{2776}'..='\u{277F}').contains(&c)
            || matches!(
                c,
                '■' | '□'
                    | '▶'
                    | '▷'
                    | '►'
                    | '◆'
                    | '◇'
                    | '●'
                    | '○'
                    | '•'
                    | '·'
                    | '※'
                    | '★'
                    | '☆'
                    | '→'
                    | '-'
                    | '*'
                    | '#'
            )
    };
    let unbulleted = text.trim_start_matches(|c: char| marked(c) || c.is_whitespace());
    // "1) Is Celia dead?", "2. Who sent it?"
    match unbulleted.split_once([')', '.']) {
        Some((number, rest))
            if !number.is_empty()
                && number.len() <= 2
                && number.chars().all(|c| c.is_ascii_digit())
                && rest.starts_with(' ') =>
        {
            rest.trim_start()
        }
        _ => unbulleted,
    }
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
        && (LEADING_CONNECTIVES.contains(&bare(first).as_str()) || is_sentence_adverb(first))
        && !rest.is_empty()
    {
        return rest.trim_start();
    }
    text
}

/// Endings of adverbs that comment on a whole sentence ("Obviously", "Hopefully",
/// "Reportedly", "Apparently", "Unfortunately", "Presumably").
const SENTENCE_ADVERB_ENDINGS: &[&str] = &[
    "ously", "ally", "edly", "fully", "ntly", "tely", "ably", "ibly", "stly", "ckily", "ppily",
];

/// Whether `word` opening a sentence is an adverb about the whole sentence rather than a name
/// ("Obviously Ruairi Dunne will return"): an "-ly" word with one of
/// [`SENTENCE_ADVERB_ENDINGS`], or a common short one ("Clearly", "Sadly"). Names ending in
/// "-ly" ("Emily", "Kimberly", "Beverly") have none of these endings.
fn is_sentence_adverb(word: &str) -> bool {
    let lower = bare(word);
    lower.len() >= 6 && SENTENCE_ADVERB_ENDINGS.iter().any(|e| lower.ends_with(e))
        || matches!(
            lower.as_str(),
            "clearly" | "sadly" | "frankly" | "surely" | "truly" | "really" | "likely"
        )
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

    #[test]
    fn a_list_entry_s_title_names_its_show_for_it() {
        assert_eq!(
            with_show_named("Could another network pick it up?", "Orbit Motel"),
            "Could another network pick up Orbit Motel?"
        );
        assert_eq!(
            with_show_named("Could a streamer buy it?", "Kingfisher Lane"),
            "Could a streamer buy Kingfisher Lane?"
        );
        assert_eq!(
            with_show_named("Will the show be saved?", "Orbit Motel"),
            "Will Orbit Motel be saved?"
        );
        assert_eq!(with_show_named("Is it Sayo?", "Orbit Motel"), "Is it Sayo?");
        assert_eq!(
            with_show_named("Can Mara save it?", "Orbit Motel"),
            "Can Mara save it?"
        );
        assert_eq!(
            with_show_named("Can the network save its finale?", "Orbit Motel"),
            "Can the network save its finale?"
        );
    }

    fn one(sentence: &str) -> String {
        title(&[sentence], None, &TitleContext::default()).unwrap_or_default()
    }

    fn keyed(sentences: &[&str], key: Option<Topic>) -> String {
        title(sentences, key, &TitleContext::default()).unwrap_or_default()
    }

    #[test]
    fn a_spin_off_group_asks_about_the_spin_off() {
        assert_eq!(
            keyed(
                &["There might be a Wren spinoff down the line."],
                Some(Topic::Spinoff)
            ),
            "Will the spin-off be made?"
        );
        assert_eq!(
            keyed(&["외전 제작도 검토 중이라고 한다."], Some(Topic::Spinoff)),
            "스핀오프가 제작될까?"
        );
    }

    #[test]
    fn list_faq_and_reply_markers_are_taken_off() {
        assert_eq!(
            without_marker("① 막차 운전사는 누구일까?"),
            "막차 운전사는 누구일까?"
        );
        assert_eq!(without_marker("Q: 시즌2 나오나요?"), "시즌2 나오나요?");
        assert_eq!(
            without_marker("└ 연두 은재가 비행기 탔을까?"),
            "은재가 비행기 탔을까?"
        );
        // A reply typed with the letter ㄴ, its commenter's name labelled with a colon.
        assert_eq!(
            without_marker("ㄴ 이사왕: 택배기사 정체가 궁금해요"),
            "택배기사 정체가 궁금해요"
        );
        assert_eq!(without_marker("ㄴ자 골목"), "ㄴ자 골목");
        assert_eq!(
            without_marker("ㄴ 택배기사 정체가 궁금해요"),
            "택배기사 정체가 궁금해요"
        );
        assert_eq!(without_marker("■ 2기 소식"), "2기 소식");
        assert_eq!(without_marker("1) Is Celia dead?"), "Is Celia dead?");
        // A number that is the question's own stays, and so do quotation marks.
        assert_eq!(without_marker("2027 will tell."), "2027 will tell.");
        assert_eq!(without_marker("\"Is it over?\""), "\"Is it over?\"");
        assert_eq!(one("② 정류장은 현실일까?"), "정류장은 현실일까?");
    }

    #[test]
    fn a_relative_clause_before_the_verb_is_an_aside() {
        assert_eq!(
            one("Adeyinka, who has directed theatre, would also love to step behind the camera."),
            "Will Adeyinka step behind the camera?"
        );
        // Followed by another clause, it is no aside: the question ends before it.
        assert_eq!(
            one(
                "The big fan theory is that the rider is Marisol's mother, who supposedly died \
                 in the race twenty years ago, and that red mask is in the family photo."
            ),
            "Is the rider Marisol's mother?"
        );
        // Followed by a name, it is a list of who plays whom, no aside.
        assert_ne!(
            one("The cast includes Ana Pires, who plays Mara, Tomas Reyes, who plays Leo."),
            "The cast includes Ana Pires Tomas Reyes, who plays Leo?"
        );
    }

    #[test]
    fn a_british_series_is_a_season() {
        assert_eq!(
            keyed(
                &["As of today, the channel has not ordered a third series."],
                Some(Topic::Renewal)
            ),
            "Will a third series be confirmed?"
        );
        assert_eq!(
            keyed(
                &["Is there going to be a series two?"],
                Some(Topic::Renewal)
            ),
            "Will a second series be confirmed?"
        );
        assert_eq!(
            keyed(&["Nobody has ordered series 3 yet."], Some(Topic::Renewal)),
            "Will a third series be confirmed?"
        );
        // A series that aired is not the one asked for.
        assert_eq!(
            keyed(
                &["The second series finale left Walter in Canada, and no more is ordered."],
                Some(Topic::Renewal)
            ),
            "Will the show be renewed?"
        );
    }

    #[test]
    fn a_whether_clause_ends_before_the_sentence_s_own_verb() {
        // The clause's verb is its own ("feels"); the "is" after it is the sentence's.
        assert_eq!(
            one("Whether Ruri feels the same is left completely open."),
            "Will Ruri feel the same?"
        );
        assert_eq!(
            one("Whether Danny comes home to Margate is something the show would have to answer."),
            "Will Danny come home to Margate?"
        );
        // A verb in a relative clause is not: the question is whether the man is alive.
        assert_eq!(
            one(
                "Whether the man who wrote them is still alive by the end of season two is a \
                 different question."
            ),
            "Is the man alive by the end of season two?"
        );
        // A plural subject is no verb of its own.
        assert_eq!(
            one("Whether the Hale brothers are alive is left open."),
            "Are the Hale brothers alive?"
        );
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
            keyed(&["두 사람은 결혼에 골인할까?"], None),
            "두 사람은 결혼에 골인할까?"
        );
        assert_eq!(
            keyed(&["시즌2 제작 여부는 아직 미정이다."], Some(Topic::Renewal)),
            "시즌2 제작이 확정될까?"
        );
        assert_eq!(
            keyed(
                &["주연 배우들의 출연 여부는 알려지지 않았다."],
                Some(Topic::Cast)
            ),
            "주연 배우들은 다시 출연할까?"
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
            keyed(&["팬들은 윤서와 도하가 어떻게 될지 궁금해한다."], None),
            "윤서와 도하가 어떻게 될까?"
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
