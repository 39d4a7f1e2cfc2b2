//! English titles: the group's own short question, the renewal question, or a hedged,
//! reported or embedded statement turned into a question.

use std::rc::Rc;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::cues;
use super::super::terms::{Topic, last_name};
use super::check::IRREGULAR_PAST;
use super::{
    Antecedent, DANGLING, LEADING_CONNECTIVES, MAX_TITLE_CHARS, MAX_TITLE_WORDS, MIN_CLAUSE_CHARS,
    TitleContext, bare, capitalise, cast, strip_connective, without_marker, words_of,
};

/// Opening words lower-cased when they start the subject of a question.
const COMMON_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "her",
    "his",
    "their",
    "its",
    "our",
    "some",
    "many",
    "any",
    "both",
    "each",
    "every",
    "fans",
    "viewers",
    "there",
    "we",
    "you",
    "season",
    "seasons",
    "next",
    "new",
    "production",
    "filming",
    "shooting",
    "casting",
    "development",
    "work",
    "talks",
    "writing",
];

/// Words after which a statement's subject starts (reporting verbs, complementisers).
const SUBJECT_BOUNDARIES: &[&str] = &[
    "that",
    "whether",
    "if",
    "say",
    "says",
    "said",
    "believe",
    "believes",
    "believed",
    "hope",
    "hopes",
    "hoped",
    "think",
    "thinks",
    "claim",
    "claims",
    "suggest",
    "suggests",
    "wonder",
    "wonders",
    "reported",
    "reportedly",
    "expect",
    "expects",
    "ask",
    "asks",
    "asking",
    "wondering",
    "hoping",
    "know",
    "knows",
    "sure",
    "unclear",
    "seen",
    "uncertain",
    "unknown",
    "rumored",
    "rumoured",
    "speculate",
    "speculated",
    "insist",
    "insists",
    "because",
    "doubt",
    "holds",
    "hold",
    "suspect",
    "suspects",
    "argue",
    "argues",
    "although",
    "though",
    "while",
    "when",
    "since",
    "perhaps",
    "maybe",
    "suggesting",
];

/// Adverbs dropped right after the modal ("could still return" → "Could … return?").
const DROPPED_ADVERBS: &[&str] = &[
    "not",
    "also",
    "still",
    "ever",
    "never",
    "eventually",
    "soon",
    "finally",
    "likely",
    "probably",
    "definitely",
    "indeed",
    "really",
    "yet",
    "possibly",
    "perhaps",
    "well",
    "even",
    // "would most likely begin"
    "most",
];

/// Words where a predicate stops (a new clause starts).
const PREDICATE_STOPS: &[&str] = &[
    "because", "although", "though", "while", "since", "which", "but", "so", "unless", "whereas",
    "remains", "remain", "depends", "depend", "whether", "is", "are", "was", "were", "if", "—",
    "–", "-",
];

/// Words after which a wh-word opens an embedded question ("unclear who …", "to say what …").
const EMBEDDING_WORDS: &[&str] = &[
    // "left open who fired the shot", "will also answer who has been leaving the notes"
    "open",
    "answer",
    "answers",
    "reveal",
    "reveals",
    "learn",
    "says",
    "tell",
    "tells",
    "told",
    "out",
    "shows",
    "show",
    "unclear",
    "uncertain",
    "unknown",
    "know",
    "knows",
    "seen",
    "wonder",
    "wonders",
    "wondering",
    "ask",
    "asks",
    "asking",
    "asked",
    "explain",
    "explained",
    "say",
    "said",
    "reveal",
    "revealed",
    "sure",
    "question",
    "decide",
    "decided",
    "idea",
    "clear",
    "exactly",
    "to",
    "about",
    "over",
    "on",
    "as",
];

/// Question words that can open a sentence as its subject ("Who sent the letters is unclear").
const SUBJECT_WH_WORDS: [&str; 5] = ["who", "what", "why", "how", "which"];

/// Words where an embedded question that opens the sentence ends ("… is still a mystery").
const CLAUSE_ENDS: [&str; 8] = [
    "is", "are", "was", "were", "remains", "remain", "has", "have",
];

/// Verbs after which a reported or believed statement follows.
const BELIEF_VERBS: &[&str] = &[
    "say", "says", "said", "believe", "believes", "think", "thinks", "hold", "holds", "claim",
    "claims", "suspect", "suspects", "suggest", "suggests", "theorize", "theorise", "insist",
    "insists", "argue", "argues", "expect", "expects", "reported", "report", "reports",
];

/// Nouns of a claim the story has not settled ("a theory that …").
const CLAIM_NOUNS: &[&str] = &[
    "theory",
    "rumour",
    "rumor",
    "speculation",
    "suspicion",
    "possibility",
    "hint",
    "clue",
];

/// Auxiliaries that open a yes/no question.
const QUESTION_OPENERS: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "will", "would", "could", "can", "should",
    "has", "have", "might",
];

/// Question words that open an embedded question.
const WH_WORDS: [&str; 7] = ["what", "who", "why", "how", "when", "where", "which"];

/// Title options for a group, best first (the caller keeps the first the checker accepts).
///
/// Made lazily, one after another, as the caller asks: a group of hundreds of sentences (a
/// long article) makes only the options tried before one is accepted.
pub(super) fn english_titles<'a>(
    sentences: &'a [&'a str],
    key: Option<Topic>,
    context: &'a TitleContext,
) -> impl Iterator<Item = String> + 'a {
    let season = season_named(sentences).or_else(|| {
        let n = usize::from(context.season?);
        SEASON_NAMES.get(n.checked_sub(2)?).copied()
    });
    // An actor's return is asked for the season their own sentences name, if any.
    let own_season = season_named(sentences);
    // The best sentence without an opening connective or sentence adverb ("Obviously Ruairi
    // Dunne will return …"): what the name-based questions read.
    let best = strip_connective(sentences[0]);
    let mut by_topic = Vec::new();
    match key {
        Some(Topic::Cast) => by_topic.extend(named_return_question(best, season)),
        Some(Topic::Schedule) => by_topic.push(schedule_question(season)),
        Some(Topic::Renewal) if context.season_confirmed => {
            by_topic.push(schedule_question(season));
        }
        Some(Topic::Renewal) => by_topic.push(renewal_question(sentences)),
        Some(Topic::Spinoff) => by_topic.push("Will the spin-off be made?".to_owned()),
        _ => {}
    }
    let antecedent = |i: usize| context.antecedents.get(i).cloned().unwrap_or_default();
    // The article's own questions, then statements turned into questions.
    let own_questions = sentences
        .iter()
        .enumerate()
        .filter_map(move |(i, sentence)| {
            let made = short_question(sentence)?;
            let made = without_pronoun_purpose(&made);
            let made = demonstrative_as_the(&made);
            let made = complete_ordinal(&made, sentences);
            let made = with_season(&made, season);
            Some(resolve_pronoun(&made, &words_of(sentence), antecedent(i)))
        });
    let statements = sentences
        .iter()
        .enumerate()
        .take(3)
        .flat_map(move |(i, sentence)| {
            // Shared by the clauses below without copying.
            let words = Rc::new(without_conditional_aside(&words_of(strip_connective(
                sentence,
            ))));
            // The whole sentence first, then each later clause on its own ("We might see new
            // faces, because Tresize … would love to bring in the mother").
            let clauses = std::iter::once(0).chain(clause_starts(&words));
            clauses.flat_map(move |start| {
                let words = Rc::clone(&words);
                STATEMENT_QUESTIONS.into_iter().filter_map(move |question| {
                    question(&words[start..])
                        .map(|made| more_as_a_season(made, sentences))
                        .map(|made| object_named(&made, &words))
                        .map(fitted)
                        // A return still to come ("Would Okafor be back?"), not a past one.
                        .map(|made| {
                            if made.starts_with("Will ") || made.starts_with("Would ") {
                                with_season(&made, season)
                            } else {
                                made
                            }
                        })
                        .map(|made| resolve_pronoun(&made, &words, antecedent(i)))
                        .map(|made| carrying_on_as_a_return(made, context, season))
                })
            })
        });
    let rescued = std::iter::once_with(|| sentences.iter().find_map(|s| rescue_question(s)));
    let by_key = std::iter::once_with(move || topic_question(key, season, sentences));
    // "Mabel Osei … is also expected to return": whether the named person comes back.
    let returning = std::iter::once_with(move || {
        let lower = sentences[0].to_lowercase();
        RETURN_WORDS
            .iter()
            .any(|w| lower.contains(w))
            .then(|| named_return_question(best, season))
            .flatten()
            // "Pennywhistle Bakery is coming back": the show returning is no person's return.
            .filter(|made| !returns_the_show(made, context))
    });
    let by_subject = std::iter::once_with(move || {
        subject_question(best)
            .map(|made| actor_question(made, sentences[0], context, own_season))
            .map(|made| fate_question(made, sentences[0]))
            .filter(|made| {
                !about_the_headline(made, context)
                    && !about_a_maker(made, context)
                    && !about_a_speaker(made, context)
            })
    });
    by_topic
        .into_iter()
        .chain(own_questions)
        .chain(statements)
        .chain(
            rescued
                .chain(returning)
                .chain(by_key)
                .chain(by_subject)
                .flatten(),
        )
        .map(move |made| actor_question(made, sentences[0], context, own_season))
        .map(|made| named_plainly(&made))
}

/// Words that open a later clause of a sentence when they follow a comma ("…, and Fairbanks
/// admits …") or stand alone ("… because Tresize told …").
const CLAUSE_OPENING_WORDS: &[&str] = &["and", "but", "so", "because", "while", "although"];

/// Where the later clauses of `words` start: after a clause-opening word that follows a comma,
/// or after "because" / "although" anywhere; each clause has at least four words.
fn clause_starts(words: &[&str]) -> Vec<usize> {
    (1..words.len())
        .filter(|&k| {
            let word = bare(words[k]);
            let after_comma = words[k - 1].ends_with(',');
            CLAUSE_OPENING_WORDS.contains(&word.as_str())
                && (after_comma || matches!(word.as_str(), "because" | "although"))
                && words.len() - k > 4
        })
        .map(|k| k + 1)
        .collect()
}

/// `words` without a short conditional aside set off by commas: "Filming of a third series,
/// if ordered, would begin in spring" → "Filming of a third series would begin in spring".
fn without_conditional_aside<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let after_comma = k > 0 && words[k - 1].ends_with(',');
        // A condition is short; a relative clause about the subject may be longer.
        let reach = match bare(words[k]).as_str() {
            "if" | "once" | "when" if after_comma => 4,
            "who" | "which" | "whose" if after_comma => 10,
            _ => 0,
        };
        // A relative clause is an aside only when the sentence goes on with its verb after
        // it ("Adeyinka, who has directed theatre, would love …"), not with another clause
        // ("…, who died twenty years ago, and that red mask …").
        let closes = (k..words.len().min(k + reach))
            .find(|&j| words[j].ends_with(','))
            .filter(|&j| {
                reach == 4
                    || words.get(j + 1).is_some_and(|next| {
                        next.starts_with(char::is_lowercase)
                            && !matches!(bare(next).as_str(), "and" | "but" | "or" | "so" | "then")
                    })
            });
        if let Some(end) = closes {
            if let Some(last) = out.last_mut() {
                *last = last.trim_end_matches(',');
            }
            k = end + 1;
            continue;
        }
        out.push(words[k]);
        k += 1;
    }
    out
}

/// "Will there be more?" asks for more of the show: its renewal question.
fn more_as_a_season(made: String, sentences: &[&str]) -> String {
    let body = made.trim_end_matches(['?', '.', ',', ';', ':', ' ']);
    if matches!(
        body.to_lowercase().as_str(),
        "will there be more" | "would there be more" | "will there be any more"
    ) {
        renewal_question(sentences)
    } else {
        made
    }
}

/// Words that end a noun phrase read for [`object_named`].
const NOUN_PHRASE_ENDS: &[&str] = &[
    "was", "is", "were", "are", "has", "had", "will", "would", "could", "and", "or", "but", "that",
    "which", "who", "nobody", "to", "in", "on", "at", "with", "without", "for", "by", "into",
    "after", "before", "when", "while", "we", "he", "she", "they", "it",
];

/// "Who took it?" → "Who took the last page of the symphony?": a wh-question ending on "it" names
/// the thing the sentence named before the clause that asks (the last noun phrase opened by a
/// determiner, up to six words, "a" made "the"). Kept as it is when there is none.
fn object_named(made: &str, words: &[&str]) -> String {
    let body = made.trim_end_matches(['?', '.', ',', ';', ':', ' ']);
    // Only a wh-question: in "Did Abe make it?" the "it" is the verb's own.
    let wh = body
        .split(' ')
        .next()
        .is_some_and(|w| WH_WORDS.contains(&w.to_lowercase().as_str()));
    let Some(head) = body.strip_suffix(" it").filter(|_| wh) else {
        return made.to_owned();
    };
    // The clause that asks opens at the last comma or "and" before its "it".
    let asked_from = words
        .iter()
        .rposition(|w| bare(w) == "it")
        .and_then(|it| {
            words[..it]
                .iter()
                .rposition(|w| w.ends_with(',') || bare(w) == "and")
        })
        .unwrap_or(0);
    // "the last page of the cursed symphony": a determiner after "of" is inside the phrase.
    let starts: Vec<usize> = (0..asked_from)
        .filter(|&k| {
            matches!(bare(words[k]).as_str(), "the" | "a" | "an")
                && !(k > 0 && matches!(bare(words[k - 1]).as_str(), "of" | "from"))
        })
        .collect();
    let Some(&start) = starts.last() else {
        return made.to_owned();
    };
    let mut phrase: Vec<&str> = Vec::new();
    for word in &words[start + 1..asked_from.max(start + 1)] {
        let lower = bare(word);
        if NOUN_PHRASE_ENDS.contains(&lower.as_str()) || lower.ends_with("ing") || phrase.len() == 6
        {
            break;
        }
        phrase.push(word.trim_end_matches([',', '.', ';', ':']));
        if word.ends_with([',', '.', ';', ':']) {
            break;
        }
    }
    if phrase.is_empty() || phrase.last().is_some_and(|w| bare(w) == "of") {
        return made.to_owned();
    }
    format!("{head} the {}?", phrase.join(" "))
}

/// Nouns of a person's relation to another ("his missing sister Agnes").
const RELATION_NOUNS: &[&str] = &[
    "sister",
    "brother",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "partner",
    "boss",
    "rival",
    "uncle",
    "aunt",
    "cousin",
    "twin",
    "mentor",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiance",
    "fiancée",
    "grandmother",
    "grandfather",
    "colleague",
    "assistant",
    "neighbour",
    "neighbor",
    "ex",
    "sidekick",
    "lover",
    "child",
];

/// A person named by a possessive and their relation as well as by name is named by name:
/// "What happened to his missing sister Agnes?" → "What happened to Agnes?" (the possessive
/// names no one in a title).
fn named_plainly(made: &str) -> String {
    let words: Vec<&str> = made.split(' ').collect();
    let Some(start) = words
        .iter()
        .position(|w| matches!(bare(w).as_str(), "his" | "her" | "their" | "its"))
    else {
        return made.to_owned();
    };
    let Some(name) = (start + 1..words.len().min(start + 5))
        .find(|&k| words[k].chars().next().is_some_and(char::is_uppercase))
    else {
        return made.to_owned();
    };
    let between = &words[start + 1..name];
    let related = between
        .iter()
        .any(|w| RELATION_NOUNS.contains(&bare(w).as_str()))
        && between
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase) && !w.ends_with(','));
    if !related {
        return made.to_owned();
    }
    let mut out: Vec<&str> = words[..start].to_vec();
    out.extend_from_slice(&words[name..]);
    out.join(" ")
}

/// Words of a death the story may not have settled, and of surviving one.
const DEATH_WORDS: &[&str] = &["dead", "died", "dies", "death", "killed", "body"];
const SURVIVAL_WORDS: &[&str] = &[
    "survive",
    "survived",
    "survives",
    "survivors",
    "alive",
    "shot",
    "crash",
    "crashed",
    "fire",
    "explosion",
    "collapse",
    "collapsed",
    "collapses",
    "stabbed",
    "poisoned",
    "drowned",
    "wounded",
];

/// "What will happen to Goro?" → "Is Goro really dead?" or "Did Goro survive?" when
/// `sentence` speaks of a death or of surviving one: the fate fans ask about. Other titles
/// are kept.
fn fate_question(made: String, sentence: &str) -> String {
    let Some(name) = made
        .strip_prefix("What will happen to ")
        .map(|rest| rest.trim_end_matches(['?', '.', ',', ';', ':', ' ']))
    else {
        return made;
    };
    let words: Vec<String> = words_of(sentence).iter().map(|w| bare(w)).collect();
    match fate_named(&words) {
        Some(Fate::Death) => format!("Is {name} really dead?"),
        Some(Fate::Survival) => format!("Did {name} survive?"),
        None => made,
    }
}

/// What a sentence's words say of someone's fate ([`DEATH_WORDS`], [`SURVIVAL_WORDS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    /// A death is spoken of ("shot dead", "the body").
    Death,
    /// Surviving is in doubt ("survived", "made it out").
    Survival,
}

/// The fate `words` (lower-cased, bare) speak of, death first; `None` when they speak of none.
fn fate_named(words: &[String]) -> Option<Fate> {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(DEATH_WORDS) {
        Some(Fate::Death)
    } else if has(SURVIVAL_WORDS) {
        Some(Fate::Survival)
    } else {
        None
    }
}

/// The fewest words of a sentence that says more than who plays whom.
const MIN_SENTENCE_WORDS: usize = 6;

/// Words of a part being played again or anew.
const PLAYING_WORDS: &[&str] = &["return", "back", "recast", "play", "reprise"];

/// "What will happen to Okafor?" → "Will Gwen Okafor return as Nadia?": a question about an
/// actor the article names ([`TitleContext::cast`]) asks whether they return; one about a part
/// whose return or recasting `sentence` speaks of asks the same of its actor. Other titles
/// are kept.
fn actor_question(
    made: String,
    sentence: &str,
    context: &TitleContext,
    season: Option<&str>,
) -> String {
    // "Will Dev Malhotra return for season three?" names the part when the article gives it.
    let returning = made
        .strip_prefix("Will ")
        .and_then(|rest| rest.split_once(" return"))
        .map(|(name, _)| name);
    if let Some(casting) = returning.and_then(|name| cast::actor_named(name, &context.cast))
        && casting.part.is_some()
        && !made.contains(" as ")
    {
        return cast::english_return_question(casting, season);
    }
    // Made titles may not have their closing mark yet ("What happens with Lorcan Pike").
    let name = ["What will happen to ", "What happens with "]
        .iter()
        .find_map(|opening| made.strip_prefix(opening))
        .map(|rest| rest.trim_end_matches(['?', '.', ',', ';', ':', ' ']));
    // A cast list's line ("Rafe Donnelly as Corin") says who plays whom and raises nothing.
    let cast_line = sentence.split_whitespace().count() < MIN_SENTENCE_WORDS;
    let Some(name) = name.filter(|_| !cast_line) else {
        return made;
    };
    if let Some(casting) = cast::actor_named(name, &context.cast) {
        return cast::english_return_question(casting, season);
    }
    let lower = sentence.to_lowercase();
    match cast::part_named(name, &context.cast) {
        Some(casting) if PLAYING_WORDS.iter().any(|w| lower.contains(w)) => {
            cast::english_return_question(casting, season)
        }
        _ => made,
    }
}

/// How an actor's wish to carry on a part begins, after their name ("I'd come back tomorrow",
/// "he would sign up again in a heartbeat"); "play" carries on only with the part after it
/// ("she'd play Luca for another ten years").
const CARRYING_ON: &[&str] = &[
    "come back",
    "be back",
    "get back",
    "sign",
    "keep playing",
    "return",
    "reprise",
    "do another",
    "do more",
    "do ten",
    "do five",
    "do it again",
];

/// "Would Achebe come back tomorrow?" → "Will Rosalind Achebe return as Maggie?", "Would Holt
/// sign up again in a heartbeat?" → "Will Maren Holt return for season two?": an actor the article casts ([`TitleContext::cast`]) wishing
/// to carry on their part is asked whether they return, without the wish's hyperbole (the
/// issue's kind 4: a wish is a thread about that hope). Other titles are kept.
fn carrying_on_as_a_return(made: String, context: &TitleContext, season: Option<&str>) -> String {
    let Some(rest) = made
        .strip_prefix("Would ")
        .or_else(|| made.strip_prefix("Will "))
        .filter(|_| !context.cast.is_empty())
    else {
        return made;
    };
    let opens = |text: &str, words: &str| {
        text.get(..words.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(words))
    };
    // The subject is the title's first one to three words (a name).
    let casting = rest.match_indices(' ').take(3).find_map(|(at, _)| {
        let predicate = &rest[at + 1..];
        // Words first: looking a name up reads the whole cast.
        let carries_on = CARRYING_ON.iter().any(|verb| opens(predicate, verb));
        let plays = predicate.starts_with("play ");
        if !carries_on && !plays {
            return None;
        }
        let casting = cast::actor_named(&rest[..at], &context.cast)?;
        // "play Viv again" carries on the part; "play the moment he realises" is a scene.
        let plays_the_part = casting.part.as_ref().is_some_and(|part| {
            predicate
                .strip_prefix("play ")
                .is_some_and(|after| opens(after, part))
        });
        (carries_on || plays_the_part).then_some(casting)
    });
    match casting {
        Some(casting) => cast::english_return_question(casting, season),
        None => made,
    }
}

/// A way a statement (its words) becomes a question, if it can.
type StatementQuestion = fn(&[&str]) -> Option<String>;

/// The ways a statement becomes a question, in the order their titles are tried.
const STATEMENT_QUESTIONS: [StatementQuestion; 11] = [
    consequence_question,
    hint_question,
    want_question,
    plan_question,
    followed_question,
    embedded_question,
    complement_question,
    statement_question,
    condition_question,
    open_item_question,
    ending_question,
];

/// "Will there be a third?" → "Will there be a third season?": an ordinal the question leaves
/// bare names the season the sentences talk about.
fn complete_ordinal(made: &str, sentences: &[&str]) -> String {
    let body = made.trim_end_matches(['?', ' ']);
    let last = body.rsplit(' ').next().map(bare).unwrap_or_default();
    let ordinal = matches!(
        last.as_str(),
        "second" | "third" | "fourth" | "fifth" | "sixth" | "another"
    );
    let about_seasons = || {
        sentences
            .iter()
            .any(|s| s.to_lowercase().contains("season"))
    };
    if ordinal && about_seasons() {
        format!("{body} season?")
    } else {
        made.to_owned()
    }
}

/// "Who comes back?" → "Who comes back for season three?": a short question about returning
/// names the season the article asks about.
fn with_season(made: &str, season: Option<&str>) -> String {
    let body = made.trim_end_matches(['?', '.', ',', ';', ':', ' ']);
    let words: Vec<String> = body.split_whitespace().map(bare).collect();
    // "be back", "come back" ("sent it back" is no one's return).
    let returning = words.iter().enumerate().any(|(k, w)| match w.as_str() {
        "back" => k > 0 && matches!(words[k - 1].as_str(), "be" | "come" | "coming" | "comes"),
        "return" | "returns" | "returning" | "join" | "joins" => true,
        _ => false,
    });
    // A heading in title case ("Who Is Returning?") stays as written.
    let title_case = body
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    match season {
        Some(season)
            if words.len() <= 4 && returning && !title_case && !body.contains("season") =>
        {
            format!("{body} for {season}?")
        }
        _ => made.to_owned(),
    }
}

/// The later season the sentences name, as words ("season two"), if any.
fn season_named(sentences: &[&str]) -> Option<&'static str> {
    let text = sentences.join(" ").to_lowercase();
    SEASON_FORMS
        .iter()
        .find(|(_, forms)| forms.iter().any(|f| text.contains(f)))
        .map(|(name, _)| *name)
}

/// Later seasons and the ways articles name them, highest first.
const SEASON_FORMS: [(&str, [&str; 4]); 4] = [
    (
        "season five",
        ["fifth season", "season 5", "season five", "a fifth"],
    ),
    (
        "season four",
        ["fourth season", "season 4", "season four", "a fourth"],
    ),
    (
        "season three",
        ["third season", "season 3", "season three", "a third"],
    ),
    (
        "season two",
        ["second season", "season 2", "season two", "a second"],
    ),
];

/// Later seasons by number, from season two.
const SEASON_NAMES: [&str; 8] = [
    "season two",
    "season three",
    "season four",
    "season five",
    "season six",
    "season seven",
    "season eight",
    "season nine",
];

/// "When will season two premiere?"
fn schedule_question(season: Option<&str>) -> String {
    format!("When will {} premiere?", season.unwrap_or("the new season"))
}

/// A question about the group's topic, when its sentences give nothing better.
/// A marriage names its couple ("Will Nam and Tawan get married?"); "the couple" alone could
/// be anyone, so without two names there is no marriage question.
fn topic_question(key: Option<Topic>, season: Option<&str>, sentences: &[&str]) -> Option<String> {
    let in_season = season.map_or(String::new(), |s| format!(" for {s}"));
    Some(match key? {
        Topic::Renewal => "Will the show be renewed?".to_owned(),
        Topic::Spinoff => "Will the spin-off be made?".to_owned(),
        Topic::Cast => format!("Will the main cast return{in_season}?"),
        Topic::Marriage => format!(
            "Will {} get married?",
            sentences.iter().find_map(|s| couple_named(s))?
        ),
        Topic::Schedule => schedule_question(season),
        Topic::Mother | Topic::Father => return None,
    })
}

/// The first two names `sentence` joins with "and" ("Nam and Tawan's wedding" → "Nam and
/// Tawan"), each one capitalised word that opens no sentence.
fn couple_named(sentence: &str) -> Option<String> {
    let words = words_of(sentence);
    fn name(w: &str) -> Option<&str> {
        let core = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let is_name = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !NOT_OPENING_NAMES.contains(&core.to_lowercase().as_str())
            && !COMMON_OPENERS.contains(&core.to_lowercase().as_str());
        is_name.then_some(core)
    }
    (1..words.len().saturating_sub(1)).find_map(|k| {
        let joined = bare(words[k]) == "and" && !words[k - 1].ends_with([',', '.', ';', ':']);
        joined
            .then(|| {
                Some(format!(
                    "{} and {}",
                    name(words[k - 1])?,
                    name(words[k + 1])?
                ))
            })
            .flatten()
    })
}

/// "Will Marisol Ortega and Theo Blanchard return for season two?": the people a cast
/// sentence names (runs of capitalised words joined by "and"), asked whether they return.
fn named_return_question(sentence: &str, season: Option<&str>) -> Option<String> {
    let words = words_of(sentence);
    let is_name = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !COMMON_OPENERS.contains(&bare(w).as_str())
            && !OUTLETS.contains(&bare(w).as_str())
    };
    let mut names: Vec<String> = Vec::new();
    // A name may open the sentence ("Grace Mbeki will also be back").
    let mut k = usize::from(!(words.len() > 1 && is_name(words[0]) && is_name(words[1])));
    while k < words.len() {
        if is_name(words[k]) && words.get(k + 1).is_some_and(|w| is_name(w)) {
            let mut name = vec![words[k]];
            while let Some(next) = words.get(k + name.len()).filter(|w| is_name(w)) {
                let stop = name
                    .last()
                    .is_some_and(|w| w.ends_with([',', '.', ';', ':']));
                if stop {
                    break;
                }
                name.push(next);
            }
            k += name.len();
            // "Actor Rufus Mbeki" → "Rufus Mbeki".
            while name.len() > 2 && ROLE_WORDS.contains(&bare(name[0]).as_str()) {
                name.remove(0);
            }
            let joined = name.join(" ");
            names.push(
                joined
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .trim_end_matches("'s")
                    .to_owned(),
            );
            // Only names joined by "and" go together.
            if words.get(k).is_some_and(|w| bare(w) == "and") {
                k += 1;
                continue;
            }
            break;
        }
        k += 1;
    }
    if names.is_empty() || names.len() > 3 {
        return None;
    }
    let in_season = season.map_or(String::new(), |s| format!(" for {s}"));
    // An offer is not yet taken: "has been offered the lead role" asks whether it is.
    let lower = sentence.to_lowercase();
    if lower.contains("offered") || lower.contains("offer") {
        let what = if lower.contains("role") || lower.contains("lead") {
            "the role"
        } else {
            "the offer"
        };
        return Some(format!("Will {} accept {what}?", names.join(" and ")));
    }
    Some(format!("Will {} return{in_season}?", names.join(" and ")))
}

/// The consequence of a conditional as the question: "Should the network order more
/// episodes, the two leads would sign on again" → "Would the two leads sign on again?".
fn consequence_question(words: &[&str]) -> Option<String> {
    let first = bare(words.first()?);
    if !matches!(
        first.as_str(),
        "should" | "were" | "had" | "if" | "once" | "assuming"
    ) {
        return None;
    }
    let comma = words.iter().position(|w| w.ends_with(','))?;
    let consequence = &words[comma + 1..];
    if consequence.len() < 3 {
        return None;
    }
    statement_question_in(consequence, Mood::Conditional)
}

/// A hint as the question it raises: "…, which hints at others like him" → "Are there others
/// like him?"; "the teaser hints at a reunion" → "Will there be a reunion?".
/// A wish asks whether it comes true: "Oduya hopes to play Gus again" → "Will Oduya play Gus
/// again?", "Lind wants her to finally name the comet" → "Will she finally name the comet?"
/// (the one wished for, a pronoun left for the antecedent to name).
fn want_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    // "I'd love for Agnes to get a happy ending": "for" opens the one wished for.
    let at = (0..lower.len()).find(|&k| {
        matches!(
            lower[k].as_str(),
            "wants" | "want" | "hopes" | "hope" | "wishes" | "wish"
        ) || (lower[k] == "for" && k > 0 && matches!(lower[k - 1].as_str(), "love" | "like"))
    })?;
    if at == 0 {
        return None;
    }
    if lower.get(at + 1).is_some_and(|w| w == "to") {
        let subject = subject_before(words, &lower, at)?;
        let predicate = predicate_after(words, &lower, at + 2)?;
        return Some(format!("Will {subject} {predicate}"));
    }
    // "I want a Christmas special" → "Will there be a Christmas special?"
    if lower
        .get(at + 1)
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "another"))
        && !lower[at + 1..].iter().any(|w| w == "to")
    {
        let wished = predicate_after(words, &lower, at + 1)?;
        return Some(format!("Will there be {wished}"));
    }
    let to = (at + 1..words.len().min(at + 5)).find(|&k| lower[k] == "to")?;
    let wished = &words[at + 1..to];
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let object = match wished {
        [w] if bare(w) == "her" => "she".to_owned(),
        [w] if bare(w) == "him" => "he".to_owned(),
        [w] if bare(w) == "them" => "they".to_owned(),
        [_, ..] if wished.iter().all(capitalised) => wished.join(" "),
        _ => return None,
    };
    let predicate = predicate_after(words, &lower, to + 1)?;
    Some(format!("Will {object} {predicate}"))
}

fn hint_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let at = lower.iter().position(|w| {
        matches!(
            w.as_str(),
            "hints" | "hint" | "hinting" | "hinted" | "teases" | "teasing" | "foreshadows"
        )
    })?;
    let mut start = at + 1;
    if lower.get(start).is_some_and(|w| w == "at" || w == "that") {
        // "the show had only hinted at, and …": what it hints at came before.
        if words[start].ends_with(',') {
            return None;
        }
        start += 1;
    }
    if lower
        .get(start)
        .is_some_and(|w| matches!(w.as_str(), "and" | "or" | "but"))
    {
        return None;
    }
    // "a hint that she is alive", "a hint she's coming back", "a hint Solis is back": a
    // clause, asked as itself.
    let clause = with_be_written_out(&words[start..]);
    let clause: Vec<&str> = clause.iter().map(String::as_str).collect();
    if let Some(asked) = clause_question(&clause, Mood::Plain) {
        return Some(asked);
    }
    if lower.get(at + 1).is_some_and(|w| w == "that") {
        return None;
    }
    let object = predicate_after(words, &lower, start)?;
    let object = object.trim_end_matches(['.', ',', ';', ':', '!']);
    let first = bare(object.split_whitespace().next()?);
    let plural = matches!(
        first.as_str(),
        "others" | "more" | "other" | "two" | "several"
    ) || first.ends_with('s') && !first.ends_with("ss");
    Some(if plural {
        format!("Are there {object}")
    } else {
        format!("Will there be {object}")
    })
}

/// `words` with a subject pronoun's contraction written out: "she's coming back" → "she is
/// coming back", "he's been" → "he has been", and "they're", "she'd" as
/// [`cues::expand_contractions`] writes them (it leaves "'s" alone, which is also a
/// possessive). Other words are kept as they are.
fn with_be_written_out(words: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 1);
    for (k, word) in words.iter().enumerate() {
        let plain = word.replace('’', "'");
        let pronoun = plain.split_once('\'').filter(|(subject, _)| {
            matches!(
                subject.to_lowercase().as_str(),
                "he" | "she" | "it" | "they" | "we" | "you"
            )
        });
        match pronoun {
            Some((subject, ending)) if ending.eq_ignore_ascii_case("s") => {
                let next_been = words.get(k + 1).is_some_and(|w| bare(w) == "been");
                out.push(subject.to_owned());
                out.push(if next_been { "has" } else { "is" }.to_owned());
            }
            Some(_) => out.extend(
                cues::expand_contractions(&plain)
                    .split_whitespace()
                    .map(str::to_owned),
            ),
            None => out.push((*word).to_owned()),
        }
    }
    out
}

/// `made` with its first "he", "she" or "they" replaced by the sentence's own named subject
/// ("he" → "the stranger", "she" → "the writer"), else by `antecedent`, the last name the
/// article gave before the sentence.
fn resolve_pronoun(made: &str, words: &[&str], antecedent: Antecedent) -> String {
    // Nearest first: the sentence's opening name ("Colm Hadley, who played …, said he …"),
    // the speaker ("the writer told us she …"), a name earlier in the sentence ("the
    // minister Gu Shen escaped … and he will …"), then the last name before the sentence.
    let pronoun_at = words
        .iter()
        .position(|w| matches!(bare(w).as_str(), "he" | "she" | "him"))
        .unwrap_or(words.len());
    let named = opening_name(words)
        .or_else(|| opening_subject(words))
        .or_else(|| {
            // A possessive name ("Moon-young's books … whether he keeps working") is seldom
            // whom the pronoun means.
            let before: Vec<&str> = words[..pronoun_at]
                .iter()
                .copied()
                .filter(|w| !w.ends_with("'s") && !w.ends_with("’s"))
                .collect();
            last_name(&before.join(" "))
        })
        .or_else(|| {
            // "she" is the last name not shown to be a man's, "he" not a woman's.
            let feminine = made
                .split_whitespace()
                .any(|w| matches!(bare(w).as_str(), "she" | "her"));
            if feminine {
                antecedent.she.clone()
            } else {
                antecedent.he.clone()
            }
        });
    // "The twins never found out who their real mother was" → "… the twins' real mother".
    let made = &plural_owner(made, words);
    // "Is Bai Xue really dead or she will be revived?": the name is there already.
    let Some(named) = named.filter(|n| !made.contains(n.as_str())) else {
        return made.to_owned();
    };
    let mut out: Vec<String> = Vec::new();
    let mut replaced = false;
    for word in made.split_whitespace() {
        let core = bare(word);
        // "they" and "them" are left: one name given before is rarely all of them.
        if !replaced && matches!(core.as_str(), "he" | "she" | "him") {
            let tail: String = word.chars().skip_while(|c| c.is_alphabetic()).collect();
            out.push(format!("{named}{tail}"));
            replaced = true;
        } else {
            out.push(word.to_owned());
        }
    }
    out.join(" ")
}

/// `made` with "their" made the plural the sentence opens with ("The twins …" → "the twins'").
fn plural_owner(made: &str, words: &[&str]) -> String {
    let plural = match words {
        [the, noun, next, ..]
            if bare(the) == "the"
                && bare(noun).len() > 3
                && bare(noun).ends_with('s')
                && !bare(noun).ends_with("ss")
                && next.chars().next().is_some_and(char::is_lowercase) =>
        {
            bare(noun)
        }
        _ => return made.to_owned(),
    };
    let mut replaced = false;
    made.split_whitespace()
        .map(|w| {
            if !replaced && bare(w) == "their" {
                replaced = true;
                format!("the {plural}'")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a sentence opens with (two or more capitalised words before a comma or a verb):
/// "Colm Hadley, who played …" → "Colm Hadley".
fn opening_name(words: &[&str]) -> Option<String> {
    let is_name = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !COMMON_OPENERS.contains(&bare(w).as_str())
            && !NOT_OPENING_NAMES.contains(&bare(w).as_str())
    };
    let run: Vec<&str> = words
        .iter()
        .take_while(|w| is_name(w))
        .take(4)
        .copied()
        .collect();
    let ends = run
        .iter()
        .position(|w| w.ends_with([',', ';', ':']))
        .map_or(run.len(), |k| k + 1);
    let run = &run[..ends];
    (run.len() >= 2).then(|| {
        run.join(" ")
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .to_owned()
    })
}

/// Capitalised sentence openers that start no name.
const NOT_OPENING_NAMES: &[&str] = &[
    "honestly",
    "seriously",
    "literally",
    "basically",
    "genuinely",
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
    "who",
    "what",
    "why",
    "how",
    "where",
    "which",
    "also",
    "and",
    "but",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "if",
    "then",
    "meanwhile",
    "still",
    "now",
    "however",
    "actor",
    "actress",
    "producer",
    "director",
    "writer",
    "star",
];

/// The subject a sentence opens with, when it is a name or "the" and a noun: "The writer told
/// us …" → "the writer"; "In the last scene the stranger says …" → "the stranger".
fn opening_subject(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let verb = lower.iter().position(|w| SPEAKING.contains(&w.as_str()))?;
    let before = &words[..verb];
    let the = before
        .iter()
        .rposition(|w| bare(w) == "the")
        .filter(|&k| k + 2 == before.len())?;
    let noun = bare(before[the + 1]);
    (noun.len() > 2).then(|| format!("the {noun}"))
}

/// Verbs after which a pronoun refers back to the speaker.
const SPEAKING: &[&str] = &[
    "says",
    "said",
    "told",
    "tells",
    "admits",
    "admitted",
    "insists",
    "insisted",
    "claims",
    "claimed",
    "added",
    "explained",
    "hopes",
    "hoped",
    "wants",
];

/// "a petition to save the show", "talking to other platforms" → "Will the show be saved?"
fn rescue_question(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let rescue = [
        "save the show",
        "petition",
        "campaign",
        "#save",
        "rescue",
        "other platform",
        "another platform",
        "new home",
        "other network",
        "another network",
        "other streamer",
        "another streamer",
        "buyer",
    ];
    rescue
        .iter()
        .any(|r| lower.contains(r))
        .then(|| "Will the show be saved?".to_owned())
}

/// The sentence itself when it is a direct question short enough (or its first clause is).
fn short_question(sentence: &str) -> Option<String> {
    let trimmed = sentence
        .trim()
        .trim_start_matches(['"', '“', '\'', '‘'])
        .trim_end_matches(['"', '”', '\'', '’', ')', ' ']);
    if !trimmed.ends_with('?') && !trimmed.ends_with('？') {
        return None;
    }
    // "1) Is Celia dead?", "Q: Is it over?": a list's numbering is not the question's.
    let question = strip_connective(without_marker(trimmed));
    // "If it happens, who comes back?" → "Who comes back?"
    let question = match question.split_once(", ") {
        Some((lead, rest))
            if matches!(
                bare(lead.split_whitespace().next().unwrap_or_default()).as_str(),
                "if" | "once" | "assuming" | "when" | "after" | "until"
            ) && rest.split_whitespace().count() >= 3 =>
        {
            rest
        }
        _ => question,
    };
    let fits = fits_a_title;
    // The last clause, when the sentence does not open as a question but ends as one
    // ("…, but where are they going?", "The big one for fans: is Grandpa Sora alive?").
    let asks = |text: &str| {
        let opens = bare(text.split_whitespace().next().unwrap_or_default());
        WH_WORDS.contains(&opens.as_str()) || QUESTION_OPENERS.contains(&opens.as_str())
    };
    // "Lord Harrow is alive apparently?": a statement asked, inverted.
    if fits(question)
        && !asks(question)
        && let Some(inverted) = inverted_statement(question)
    {
        return Some(inverted);
    }
    if fits(question) && (asks(question) || !question.contains([',', ':', ';'])) {
        return Some(capitalise(question));
    }
    if !asks(question)
        && let Some(split) = question.rfind([',', ':', ';'])
    {
        let last = strip_connective(question[split + 1..].trim_start());
        if fits(last) && asks(last) {
            return Some(capitalise(last));
        }
    }
    // "Who was the woman in the grey coat watching the confession from the lane?": fillers
    // and the closing place or time taken off until it fits.
    if asks(question)
        && !question.contains([',', ';', ':'])
        && let Some(shorter) = shortened(question, fits)
    {
        return Some(capitalise(&shorter));
    }
    // The first clause, when it stands on its own.
    let cut = question
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, ',' | ';' | ':' | '—' | '–')
                && question[..i].chars().count() >= MIN_CLAUSE_CHARS
        })
        .map(|(i, _)| i)
        .take_while(|&i| question[..i].chars().count() < MAX_TITLE_CHARS)
        .next()?;
    Some(format!("{}?", capitalise(question[..cut].trim_end())))
}

/// A statement with a question mark, about a name, as a yes/no question: "Lord Harrow is
/// alive apparently?" → "Is Lord Harrow alive?". `None` unless a capitalised name of one to
/// four words is followed by a form of "be" and something to ask about.
/// `made` shortened by [`shortened`] when it is too long for a title, as it is otherwise.
fn fitted(made: String) -> String {
    let made = without_measure(&without_speech_fillers(&made));
    if fits_a_title(&made) {
        return made;
    }
    shortened(&made, fits_a_title).unwrap_or(made)
}

/// `made` without a closing measure of how much ("give Rin her voice again as many times as
/// they let her" → "give Rin her voice again"): "as many", "as much", "as long" or "as often"
/// and a second "as" after it.
fn without_measure(made: &str) -> String {
    let words: Vec<&str> = made.split(' ').collect();
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let measure = (3..lower.len().saturating_sub(1)).find(|&k| {
        lower[k] == "as"
            && matches!(lower[k + 1].as_str(), "many" | "much" | "long" | "often")
            && lower[k + 2..].iter().any(|w| w == "as")
    });
    match measure {
        Some(k) => format!("{}?", words[..k].join(" ").trim_end_matches(',')),
        None => made.to_owned(),
    }
}

/// Whether `text` is short enough for a title: under [`MAX_TITLE_CHARS`] characters and at most
/// [`MAX_TITLE_WORDS`] words.
fn fits_a_title(text: &str) -> bool {
    text.chars().count() < MAX_TITLE_CHARS && text.split_whitespace().count() <= MAX_TITLE_WORDS
}

/// Words that add only emphasis to a question ("ever act on what was obviously going on").
const FILLERS: &[&str] = &[
    "ever",
    "obviously",
    "actually",
    "exactly",
    "honestly",
    "seriously",
    "literally",
    "basically",
    "just",
    "even",
    "finally",
    "apparently",
    "clearly",
];

/// "Would Anya Sorel come back to play her?" → "Would Anya Sorel come back?": what a return
/// is for, told with a pronoun that names no one in a title, goes.
fn without_pronoun_purpose(question: &str) -> String {
    let body = question.trim_end_matches(['?', '？', ' ']);
    let words: Vec<&str> = body.split(' ').collect();
    let n = words.len();
    let pronoun_purpose = n > 4
        && bare(words[n - 3]) == "to"
        && matches!(bare(words[n - 1]).as_str(), "her" | "him" | "them" | "it")
        && matches!(bare(words[n - 4]).as_str(), "back" | "return");
    if pronoun_purpose {
        format!("{}?", words[..n - 3].join(" "))
    } else {
        question.to_owned()
    }
}

/// "What was that light at the end?" → "What was the light at the end?": a demonstrative
/// pointing into the article becomes "the" (the question names its noun either way).
fn demonstrative_as_the(question: &str) -> String {
    let words: Vec<&str> = question.split(' ').collect();
    let pointing = words.len() > 3
        && WH_WORDS.contains(&bare(words[0]).as_str())
        && matches!(bare(words[1]).as_str(), "is" | "was" | "are" | "were")
        && matches!(bare(words[2]).as_str(), "that" | "this")
        && words[3].chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            bare(words[3]).as_str(),
            "really" | "just" | "all" | "what" | "how" | "about" | "in" | "for" | "so"
        );
    if !pointing {
        return question.to_owned();
    }
    let mut out: Vec<&str> = words.clone();
    out[2] = "the";
    out.join(" ")
}

/// Words a speaker adds to a sentence that a question never keeps ("… for ten years honestly").
const SPEECH_FILLERS: &[&str] = &[
    "honestly",
    "literally",
    "basically",
    "genuinely",
    "seriously",
];

/// `made` without [`SPEECH_FILLERS`] (a comma after one moves to the word before).
fn without_speech_fillers(made: &str) -> String {
    let words: Vec<&str> = made.split(' ').collect();
    if !words
        .iter()
        .any(|w| SPEECH_FILLERS.contains(&bare(w).as_str()))
    {
        return made.to_owned();
    }
    let mut out: Vec<String> = Vec::new();
    for word in words {
        if SPEECH_FILLERS.contains(&bare(word).as_str()) {
            let tail: String = word.chars().skip_while(|c| c.is_alphabetic()).collect();
            if let Some(last) = out.last_mut() {
                last.push_str(&tail);
            }
            continue;
        }
        out.push(word.to_owned());
    }
    out.join(" ")
}

/// Prepositions that open a closing place, time or company ("from the lane", "in season 2").
const CLOSING_PREPOSITIONS: &[&str] = &[
    "from",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "between",
    "with",
    "into",
    "over",
    "across",
    "behind",
    "near",
    "inside",
    "outside",
    "since",
    "throughout",
    "for",
    "under",
    "beneath",
    "below",
    "above",
    "through",
    "around",
];

/// A question too long for a title made to `fit`: without its fillers, then without its
/// closing prepositional phrases (each at most four words) or a trailing participle, relative
/// or reason clause ([`opens_a_trailing_clause`]), the question keeping at least five words,
/// never ending on a word that needs a continuation. `None` when no shorter form fits.
fn shortened(question: &str, fit: impl Fn(&str) -> bool) -> Option<String> {
    let body = question.trim_end_matches(['?', '？', ' ']);
    let mut words: Vec<&str> = body
        .split_whitespace()
        .filter(|w| !FILLERS.contains(&bare(w).as_str()))
        .collect();
    for _ in 0..3 {
        let made = format!("{}?", words.join(" "));
        let ends_well = words
            .last()
            .is_some_and(|w| !DANGLING.contains(&bare(w).as_str()));
        if fit(&made) && ends_well {
            return Some(made);
        }
        // A whole trailing clause goes first ("… every time he came near it"), then closing
        // prepositional phrases from the end.
        let from = words.len().saturating_sub(5);
        let at = (5..words.len())
            .find(|&k| opens_a_trailing_clause(words[k], words[k - 1], words.get(k + 1).copied()))
            .or_else(|| {
                (from.max(5)..words.len())
                    .rev()
                    .find(|&k| CLOSING_PREPOSITIONS.contains(&bare(words[k]).as_str()))
            })?;
        if at < 5 {
            return None;
        }
        words.truncate(at);
    }
    None
}

/// Words ending in "-ing" that are no participle ("the wedding", "nothing").
const ING_NOUNS: &[&str] = &[
    "during",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "king",
    "ring",
    "spring",
    "string",
    "wedding",
    "building",
    "ceiling",
    "sibling",
    "morning",
    "evening",
    "ending",
    "beginning",
    "opening",
    "meeting",
    "painting",
    "clothing",
    "darling",
    "feeling",
    "bring",
    "sing",
    "swing",
    "wing",
    "sting",
    "being",
    "filming",
    "casting",
    "offspring",
];

/// Words that open a participle's object or complement ("telling her", "leaving the town").
const PARTICIPLE_FOLLOWERS: &[&str] = &[
    "her", "him", "them", "the", "a", "an", "his", "their", "its", "to", "that", "from", "in",
    "on", "at", "up", "out", "down", "back", "off", "about", "for", "with", "it", "me", "us",
    "you", "into", "over",
];

/// Whether `word` (after `before`, before `after`) opens a clause a title can do without: a
/// participle after its noun with its object ("the letter telling her to leave"; not "a
/// smuggling drama", not "keeps hearing"), a relative or a reason ("which", "since").
fn opens_a_trailing_clause(word: &str, before: &str, after: Option<&str>) -> bool {
    let lower = bare(word);
    let participle = lower.len() > 4
        && after.is_some_and(|a| PARTICIPLE_FOLLOWERS.contains(&bare(a).as_str()))
        && !bare(before).ends_with("ing")
        && lower.ends_with("ing")
        && word.chars().next().is_some_and(char::is_lowercase)
        && !ING_NOUNS.contains(&lower.as_str())
        && !matches!(
            bare(before).as_str(),
            "the"
                | "a"
                | "an"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "keep"
                | "keeps"
                | "start"
                | "stop"
                | "his"
                | "her"
                | "their"
                | "its"
                | "of"
                | "about"
                | "with"
                | "without"
                | "by"
                | "for"
                | "from"
                | "after"
                | "before"
                | "on"
                | "in"
        );
    let every_time = lower == "every" && after.is_some_and(|a| bare(a) == "time");
    // "follow Rosa as she takes the mine back": a clause of its own subject.
    // "again as many times as they let me": a measure of how much.
    let as_clause = lower == "as"
        && after.is_some_and(|a| {
            matches!(
                bare(a).as_str(),
                "he" | "she" | "they" | "we" | "it" | "many" | "much" | "long" | "often"
            )
        });
    // "pick up after the betrayal and will follow the crew": a second verb phrase.
    let and_modal = lower == "and"
        && after.is_some_and(|a| {
            modal_word(&bare(a)).is_some() || matches!(bare(a).as_str(), "that" | "if" | "because")
        });
    participle
        || every_time
        || as_clause
        || and_modal
        || before.ends_with(',')
        || matches!(
            lower.as_str(),
            "which" | "since" | "because" | "while" | "although" | "whenever"
        )
}

fn inverted_statement(question: &str) -> Option<String> {
    let words = words_of(question.trim_end_matches(['?', '？', '!']));
    let k = words
        .iter()
        .position(|w| matches!(bare(w).as_str(), "is" | "are" | "was" | "were"))?;
    let name = &words[..k];
    let named = (1..=4).contains(&k)
        && !NOT_OPENING_NAMES.contains(&bare(name[0]).as_str())
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let mut rest: Vec<&str> = words[k + 1..].to_vec();
    while rest.last().is_some_and(|w| {
        matches!(
            bare(w).as_str(),
            "apparently" | "then" | "now" | "too" | "though" | "lol" | "right"
        )
    }) {
        rest.pop();
    }
    (named && !rest.is_empty()).then(|| {
        format!(
            "{} {} {}?",
            capitalise(&bare(words[k])),
            name.join(" "),
            rest.join(" ")
        )
    })
}

/// "Will a second season be confirmed?" and its kin, from the words the group uses.
fn renewal_question(sentences: &[&str]) -> String {
    let text = sentences.join(" ").to_lowercase();
    // The highest season named is the one asked about ("the second season ended: will there
    // be a third?").
    let ordinals = [
        (
            "fifth",
            ["fifth season", "season 5", "season five", "a fifth"],
        ),
        (
            "fourth",
            ["fourth season", "season 4", "season four", "a fourth"],
        ),
        (
            "third",
            ["third season", "season 3", "season three", "a third"],
        ),
        (
            "second",
            ["second season", "season 2", "season two", "a second"],
        ),
    ];
    for (ordinal, forms) in ordinals {
        // British "series": "a third series", "series three", "series 3"; not one that
        // aired ("the second series finale").
        let series = [
            format!("{ordinal} series"),
            format!("series {}", forms[2].trim_start_matches("season ")),
            format!("series {}", forms[1].trim_start_matches("season ")),
        ];
        let later = |form: &str| {
            text.match_indices(form).any(|(at, _)| {
                let after = text[at + form.len()..].trim_start();
                !["finale", "ended", "ends", "aired", "wrapped"]
                    .iter()
                    .any(|w| after.starts_with(w))
            })
        };
        if series.iter().any(|f| later(f)) {
            return format!("Will a {ordinal} series be confirmed?");
        }
        if forms.iter().any(|f| text.contains(f)) {
            return format!("Will a {ordinal} season be confirmed?");
        }
    }
    if ["spin-off", "spinoff", "spin off"]
        .iter()
        .any(|f| text.contains(f))
    {
        "Will the spin-off be made?".to_owned()
    } else if text.contains("sequel") && !text.contains("renew") {
        "Will a sequel be made?".to_owned()
    } else {
        "Will the show be renewed?".to_owned()
    }
}

/// "It is unclear whether the cast would return" → "Would the cast return?";
/// "nobody knows who sent the letters" → "Who sent the letters?";
/// "Who sent the letters is still a mystery" → "Who sent the letters?".
fn embedded_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let embedded_after = |i: usize| {
        lower[i.saturating_sub(2)..i]
            .iter()
            .any(|v| EMBEDDING_WORDS.contains(&v.as_str()))
    };
    // "What the finale doesn't tell us is what was in the envelope": the question is the one
    // after "is" (a pseudo-cleft), not the clause before it.
    let cleft = lower.iter().enumerate().skip(2).find(|&(i, w)| {
        (WH_WORDS.contains(&w.as_str()) || w == "whether")
            && matches!(lower[i - 1].as_str(), "is" | "was")
            && SUBJECT_WH_WORDS.contains(&lower[0].as_str())
    });
    let opener = match cleft {
        Some((i, _)) => i,
        None => {
            lower
                .iter()
                .enumerate()
                .find(|&(i, w)| {
                    w == "whether"
                        || (i == 0 && SUBJECT_WH_WORDS.contains(&w.as_str()))
                        || ((WH_WORDS.contains(&w.as_str()) || w == "if")
                            && i > 0
                            && embedded_after(i))
                })?
                .0
        }
    };
    let rest = &words[opener + 1..];
    let rest_lower = &lower[opener + 1..];
    // The clause ends at a comma, or where the main verb of the sentence takes over.
    // "Whether X is alive is …": the clause's own verb comes first, the sentence's second.
    let mut own_verb_seen = lower[opener] != "whether";
    let mut clause: Vec<&str> = Vec::new();
    // ", who plays detective Ruth Calder," is an aside: skipped, the clause goes on after it.
    let mut aside = false;
    for (k, word) in rest.iter().enumerate() {
        if aside {
            aside = !word.ends_with(',');
            continue;
        }
        if k > 0
            && rest[k - 1].ends_with(',')
            && matches!(rest_lower[k].as_str(), "who" | "which" | "whose")
        {
            aside = !word.ends_with(',');
            if let Some(last) = clause.last_mut() {
                *last = last.trim_end_matches(',');
            }
            continue;
        }
        let finite = CLAUSE_ENDS.contains(&rest_lower[k].as_str());
        // "Whether she feels the same is left open": a verb the clause already has in the
        // present or the past ("feels") is its own, so the "is" after it is the sentence's.
        // A verb in a relative clause ("the man who wrote them is …") is not its own.
        let has_verb = || {
            !clause
                .iter()
                .any(|w| matches!(bare(w).as_str(), "who" | "which" | "that"))
                // Its verb takes words after it ("feels the same"); a plural noun read as a
                // verb ends the clause ("the Hale brothers").
                && [present_parts(&clause), past_parts(&clause)]
                    .into_iter()
                    .flatten()
                    .any(|(subject, _, rest)| !rest.is_empty() || !subject.contains(' '))
        };
        if k > 0 && opener == 0 && finite && (own_verb_seen || has_verb()) {
            break;
        }
        // "who sank the Marigold or why their grandfather covered it up": the first question.
        let second_question = matches!(rest_lower[k].as_str(), "or" | "and")
            && rest_lower
                .get(k + 1)
                .is_some_and(|w| WH_WORDS.contains(&w.as_str()) || w == "whether");
        if k > 0 && second_question {
            break;
        }
        if finite || modal_word(&rest_lower[k]).is_some() {
            own_verb_seen = true;
        }
        clause.push(word);
        let aside_follows = rest_lower
            .get(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "who" | "which" | "whose"));
        if word.ends_with([',', ';', ':']) && !(word.ends_with(',') && aside_follows) {
            break;
        }
    }
    let clause: Vec<&str> = cut_or_not(&clause);
    if clause.is_empty() {
        return None;
    }
    if lower[opener] == "whether" || lower[opener] == "if" {
        return statement_question(&clause)
            .or_else(|| be_question(&clause))
            .or_else(|| present_question(&clause))
            .or_else(|| plural_question(&clause))
            .or_else(|| {
                // "if he made it" → "Did he make it?"
                let (subject, base, rest) = past_parts(&clause)?;
                Some(format!("Did {subject} {base} {rest}"))
            });
    }
    let wh = capitalise(&lower[opener]);
    let clause_lower: Vec<String> = clause.iter().map(|w| bare(w)).collect();
    // A modal, a form of "be" or "do" after the clause's subject moves before it:
    // "when the show will return" → "When will the show return?".
    let moved = clause_lower.iter().enumerate().skip(1).find(|(_, w)| {
        modal_word(w).is_some()
            || matches!(
                w.as_str(),
                "is" | "are" | "was" | "were" | "does" | "do" | "did"
            )
    });
    let text = match moved {
        // Only a short subject moves, and not when the wh-word is the subject ("who sent …").
        Some((k, verb)) if k <= 4 && !clause_lower[0].ends_with("ed") => {
            let after = clause[k + 1..].join(" ");
            let verb_text = match verb.as_str() {
                "does" | "do" | "did" => {
                    format!("{verb} {} {}", subject_text(&clause[..k]), with_do(&after))
                }
                _ => format!("{verb} {} {after}", subject_text(&clause[..k])),
            };
            format!("{wh} {verb_text}")
        }
        // "how the couple copes with …" → "How does the couple cope with …?"; "what Priya
        // saw" → "What did Priya see?"
        _ if (matches!(wh.as_str(), "How" | "Why" | "Where" | "When")
            || (matches!(wh.as_str(), "What" | "Who") && opens_subject(clause[0])))
            && !clause_lower[0].ends_with("ed")
            && !IRREGULAR_PAST.contains(&clause_lower[0].as_str()) =>
        {
            match present_parts(&clause) {
                Some((subject, base, rest)) => format!("{wh} does {subject} {base} {rest}"),
                None => {
                    let (subject, base, rest) = past_parts(&clause)?;
                    format!("{wh} did {subject} {base} {rest}")
                }
            }
        }
        _ => format!("{wh} {}", clause.join(" ")),
    };
    Some(text)
}

/// After a moved "does": "next" stays, a bare predicate gets "do" ("what X does next" →
/// "what does X do next").
fn with_do(after: &str) -> String {
    if after.is_empty()
        || after
            .split_whitespace()
            .next()
            .is_some_and(|w| DO_OBJECTS.contains(&bare(w).as_str()))
    {
        format!("do {after}")
    } else {
        after.to_owned()
    }
}

/// Words after which "does" needs a "do" of its own ("what X does next").
const DO_OBJECTS: [&str; 5] = ["next", "now", "then", "there", "after"];

/// "Sources say the cast could return" → the question in the clause after the reporting verb.
fn complement_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    // "There's a theory online that Berg was the one …": a claim noun and "that" open it too.
    let verb = lower
        .iter()
        .enumerate()
        .skip(1)
        .find(|&(i, w)| {
            BELIEF_VERBS.contains(&w.as_str())
                || (CLAIM_NOUNS.contains(&w.as_str())
                    && lower[i + 1..].iter().take(3).any(|n| n == "that"))
        })?
        .0;
    let mut start = verb + 1;
    if CLAIM_NOUNS.contains(&lower[verb].as_str()) {
        start = (start..lower.len()).find(|&k| lower[k] == "that")?;
    }
    while lower.get(start).is_some_and(|w| w == "that" || w == "only") {
        start += 1;
    }
    let clause = &words[start.min(words.len())..];
    if clause.len() < 2 {
        return None;
    }
    let mood = if REPORTING_VERBS.contains(&lower[verb].as_str()) {
        Mood::Reported
    } else {
        Mood::Plain
    };
    clause_question(clause, mood)
}

/// A clause told plainly as its question: with a modal ("she would return" → "Would she
/// return?"), with "is"/"has" ("the show is coming back" → "Is the show coming back?"), or in
/// the present ("Agnes knows" → "Does Agnes know?").
fn clause_question(clause: &[&str], mood: Mood) -> Option<String> {
    statement_question_in(clause, mood)
        .or_else(|| be_question(clause))
        .or_else(|| present_question(clause))
}

/// "If the theory is right, …" → "Is the theory right?"
fn condition_question(words: &[&str]) -> Option<String> {
    if bare(words.first()?) != "if" {
        return None;
    }
    let end = words.iter().position(|w| w.ends_with(','))?;
    let clause = &words[1..=end];
    be_question(clause).or_else(|| present_question(clause))
}

/// "Another loose end is the duel between A and B." → "What happens with the duel between A
/// and B?"
fn open_item_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let i = lower.iter().position(|w| w == "is" || w == "remains")?;
    let named = lower[..i].iter().any(|w| OPEN_ITEMS.contains(&w.as_str()));
    if !named || i + 1 >= words.len() {
        return None;
    }
    let item = predicate_after(words, &lower, i + 1)?;
    Some(format!("What happens with {item}"))
}

/// Nouns that name an open item ("another loose end is …").
const OPEN_ITEMS: [&str; 6] = [
    "end",
    "mystery",
    "question",
    "thread",
    "puzzle",
    "cliffhanger",
];

/// What a season is said to follow someone doing, asked about them: "Next season should
/// follow Rosa as she takes the mine back" → "Will Rosa take the mine back?". `None` unless
/// "follow" comes after a modal, then a capitalised name, then "as" and a pronoun.
fn followed_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let follow = lower.iter().position(|w| w == "follow")?;
    let after_modal = (1..=2).any(|back| {
        follow
            .checked_sub(back)
            .is_some_and(|k| modal_word(&lower[k]).is_some() || lower[k] == "to")
    });
    let as_at = (follow + 2..words.len().min(follow + 6)).find(|&k| lower[k] == "as")?;
    let name = &words[follow + 1..as_at];
    let named = name
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let pronoun = lower
        .get(as_at + 1)
        .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they"));
    if !after_modal || !named || !pronoun {
        return None;
    }
    let (_, base, rest) = present_parts(&words[as_at + 1..])?;
    // "takes the mine back and turns the town against her": the first of the verbs.
    let rest: Vec<&str> = rest.split(' ').collect();
    let verb_s = |w: &str| {
        w.ends_with('s') && !w.ends_with("ss") && w.chars().next().is_some_and(char::is_lowercase)
    };
    // "… and finally learns": an adverb may stand before the second verb.
    let second_verb = (1..rest.len()).find(|&k| {
        bare(rest[k - 1]) == "and"
            && (verb_s(rest[k])
                || rest[k].ends_with("ly") && rest.get(k + 1).is_some_and(|w| verb_s(w)))
    });
    let rest = rest[..second_verb.map_or(rest.len(), |k| k - 1)].join(" ");
    Some(format!("Will {} {base} {rest}", name.join(" ")))
}

/// Words that end the object of a season's last doing: a clause of its own follows.
const ENDING_OBJECT_STOPS: &[&str] = &[
    "and", "that", "which", "who", "while", "as", "but", "only", "before", "after", "so", "right",
    "just", "when", "until", "because", "since", "where",
];

/// Where a season was left, asked as what comes of it: "Season one ended with Ivy finding
/// the old ledger" → "What will come of Ivy finding the old ledger?". `None` unless "ended
/// with" (or "ends", "closed", "closes" with "with" or "on") is followed by a short noun
/// phrase and an "-ing" verb.
fn ending_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    // "ended with Jo Carver shot on the ice": a fate is asked as one ([`fate_question`]).
    if fate_named(&lower).is_some() {
        return None;
    }
    let at = (1..lower.len().saturating_sub(1)).find(|&k| {
        matches!(lower[k].as_str(), "ended" | "ends" | "closed" | "closes")
            && matches!(lower[k + 1].as_str(), "with" | "on")
    })?;
    let start = at + 2;
    let verb = (start + 1..lower.len().min(start + 7)).find(|&k| {
        let w = &lower[k];
        // After a name, "opening" is the name's doing ("Yusuf Dane opening the hatch").
        let after_name = words[k - 1].chars().next().is_some_and(char::is_uppercase);
        w.len() > 4
            && w.ends_with("ing")
            && (after_name || !ING_NOUNS.contains(&w.as_str()))
            && !opens_noun_phrase(&lower[k - 1])
            && words[k].chars().next().is_some_and(char::is_lowercase)
    })?;
    if words[start..verb]
        .iter()
        .any(|w| w.ends_with([',', ';', ':']))
    {
        return None;
    }
    // The doing's object, up to a clause of its own ("the ledger that proves …", "… and the
    // whole restaurant drifting off").
    let object: Vec<&str> = words[verb + 1..]
        .iter()
        .take_while(|w| !ENDING_OBJECT_STOPS.contains(&bare(w).as_str()))
        .copied()
        .collect();
    let object = match object
        .iter()
        .position(|w| w.ends_with([',', ';', ':', '.']))
    {
        Some(k) => &object[..=k],
        None => &object[..],
    };
    let mut object = object.to_vec();
    while object
        .last()
        .is_some_and(|w| DANGLING.contains(&bare(w).as_str()))
    {
        object.pop();
    }
    // "head chef Marcel (Dion Reyes) walking out": the actor's name in brackets goes.
    let doer: Vec<&str> = words[start..verb]
        .iter()
        .copied()
        .filter(|w| !w.starts_with('(') && !w.ends_with(')'))
        .collect();
    // "them not speaking": whom a pronoun means is not said here.
    let pronoun = doer.first().is_some_and(|w| {
        matches!(
            bare(w).as_str(),
            "them" | "him" | "her" | "it" | "they" | "he" | "she"
        )
    });
    if doer.is_empty() || pronoun {
        return None;
    }
    // Shortened here, a word at a time from the end of the object: the title's own
    // shortening would take the "-ing" verb for a trailing clause.
    loop {
        let made = format!(
            "What will come of {} {} {}",
            doer.join(" "),
            words[verb],
            object.join(" ")
        );
        let made = made.trim_end().to_owned();
        if fits_a_title(&made) {
            return Some(made);
        }
        // A closing phrase at a time ("… with the private Lakeview group" goes whole).
        let cut = object
            .iter()
            .rposition(|w| CLOSING_PREPOSITIONS.contains(&bare(w).as_str()))?;
        object.truncate(cut);
    }
}

/// A maker's plan for more, asked as whether they get to make it: "Vuong has the next three
/// seasons sketched out" → "Will Vuong get to make the next three seasons?". `None` unless
/// "has", "had", "have" or "got" comes before what is "mapped", "sketched" or "planned" out.
fn plan_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let out = (1..lower.len()).find(|&k| {
        lower[k] == "out" && matches!(lower[k - 1].as_str(), "mapped" | "sketched" | "planned")
    })?;
    let has = (0..out - 1)
        .rev()
        .take(6)
        .find(|&k| matches!(lower[k].as_str(), "has" | "had" | "have" | "got" | "i've"))?;
    let planned = words[has + 1..out - 1].join(" ");
    // What is planned is a noun phrase ("the next two seasons", "a third series"), not
    // "had already mapped out".
    let phrase = lower.get(has + 1).is_some_and(|w| {
        opens_noun_phrase(w)
            || matches!(
                w.as_str(),
                "another" | "more" | "my" | "our" | "two" | "three" | "four" | "five"
            )
    });
    if !phrase || has == 0 {
        return None;
    }
    let subject = subject_before(words, &lower, has)?;
    // "I've got …": the speaker, whom the sentence does not name.
    let first_person = bare(&subject)
        .split('\'')
        .next()
        .is_some_and(|w| matches!(w, "i" | "we"));
    if first_person {
        return None;
    }
    Some(format!("Will {subject} get to make {planned}"))
}

/// "she ever goes back" → "Will she ever go back?": a present-tense clause as a yes/no question.
fn present_question(words: &[&str]) -> Option<String> {
    let (subject, base, rest) = present_parts(words)?;
    Some(format!("Will {subject} {base} {rest}"))
}

/// A present-tense clause's subject, its verb's plain form and the rest of its predicate:
/// "the couple copes with the move" → ("the couple", "cope", "with the move").
fn present_parts(words: &[&str]) -> Option<(String, String, String)> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let verb = (1..words.len().min(5)).find(|&k| {
        let w = &lower[k];
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !w.ends_with("us")
            && !NOT_VERBS.contains(&w.as_str())
            && words[k].chars().next().is_some_and(char::is_lowercase)
    })?;
    // "Rhee burned the charts": the clause's verb is the past one before the "-s" noun.
    if (1..verb).any(|k| is_past_at(&lower, k)) {
        return None;
    }
    let subject = subject_before(words, &lower, verb.min(words.len()))
        .filter(|_| lower[..verb].iter().all(|w| !w.ends_with(',')))?;
    let w = &lower[verb];
    let base = if ["oes", "shes", "ches", "sses", "xes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        &w[..w.len() - 2]
    } else {
        &w[..w.len() - 1]
    };
    let rest = predicate_after(words, &lower, verb + 1).unwrap_or_default();
    Some((subject, base.to_owned(), rest))
}

/// Whether a clause opens with its subject (a name or a determiner), not with its verb: "what
/// Priya saw" does, "who really sent" does not.
fn opens_subject(first: &str) -> bool {
    first.chars().next().is_some_and(char::is_uppercase) || opens_noun_phrase(&bare(first))
}

/// Whether `lower` (a lower-cased word) is a determiner that opens a noun phrase ("the",
/// "his", "these"): the word after it is the phrase's, not a verb.
fn opens_noun_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "these"
    )
}

/// Whether the word at `k` (> 0) of a clause (lower-cased words) is a verb in the past: an
/// irregular past, or an "-ed" word not after a determiner ("the unsigned letter" is an
/// adjective's).
fn is_past_at(lower: &[String], k: usize) -> bool {
    let after_determiner = opens_noun_phrase(&lower[k - 1]);
    IRREGULAR_BASE.iter().any(|(past, _)| *past == lower[k])
        || (lower[k].len() > 4 && lower[k].ends_with("ed") && !after_determiner)
}

/// A past-tense clause's subject, its verb's plain form and the rest: "Priya saw in there" →
/// ("Priya", "see", "in there"). Only a short subject (one to five words) and a verb it
/// can tell: an irregular one it knows, or a regular "-ed".
fn past_parts(words: &[&str]) -> Option<(String, String, String)> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let verb = (1..words.len().min(6)).find(|&k| is_past_at(&lower, k))?;
    if lower[..verb].iter().any(|w| w.ends_with(',')) {
        return None;
    }
    let subject = subject_before(words, &lower, verb)?;
    let past = lower[verb].as_str();
    let base = match IRREGULAR_BASE.iter().find(|(p, _)| *p == past) {
        Some((_, base)) => (*base).to_owned(),
        None => regular_base(past),
    };
    let rest = predicate_after(words, &lower, verb + 1).unwrap_or_default();
    Some((subject, base, rest))
}

/// A regular past form's plain form: "tried" → "try", "stopped" → "stop", "moved" → "move",
/// "killed" → "kill".
fn regular_base(past: &str) -> String {
    let stem = &past[..past.len() - 2];
    if let Some(head) = past.strip_suffix("ied") {
        return format!("{head}y");
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 2 && chars[n - 1] == chars[n - 2] && !matches!(chars[n - 1], 'l' | 's' | 'f' | 'z') {
        return chars[..n - 1].iter().collect();
    }
    let takes_e = [
        "v", "c", "z", "at", "ut", "it", "as", "us", "ag", "dg", "rs", "ok", "ap",
    ];
    if takes_e.iter().any(|e| stem.ends_with(e)) && !stem.ends_with("ss") {
        return format!("{stem}e");
    }
    stem.to_owned()
}

/// Irregular past forms and their plain forms.
const IRREGULAR_BASE: &[(&str, &str)] = &[
    ("saw", "see"),
    ("went", "go"),
    ("did", "do"),
    ("said", "say"),
    ("made", "make"),
    ("took", "take"),
    ("left", "leave"),
    ("found", "find"),
    ("knew", "know"),
    ("told", "tell"),
    ("sent", "send"),
    ("wrote", "write"),
    ("heard", "hear"),
    ("meant", "mean"),
    ("became", "become"),
    ("came", "come"),
    ("got", "get"),
    ("gave", "give"),
    ("kept", "keep"),
    ("thought", "think"),
    ("hid", "hide"),
    ("stole", "steal"),
    ("ran", "run"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("lost", "lose"),
    ("met", "meet"),
    ("chose", "choose"),
    ("broke", "break"),
    ("began", "begin"),
    ("burned", "burn"),
    ("burnt", "burn"),
    ("swung", "swing"),
    ("sank", "sink"),
    ("paid", "pay"),
    ("sold", "sell"),
    ("caught", "catch"),
    ("drew", "draw"),
    ("drove", "drive"),
    ("fought", "fight"),
    ("flew", "fly"),
    ("forgot", "forget"),
    ("grew", "grow"),
    ("held", "hold"),
    ("led", "lead"),
    ("rode", "ride"),
    ("rang", "ring"),
    ("rose", "rise"),
    ("shot", "shoot"),
    ("sang", "sing"),
    ("spoke", "speak"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("threw", "throw"),
    ("woke", "wake"),
    ("won", "win"),
    ("wore", "wear"),
    ("tore", "tear"),
    ("built", "build"),
    ("hung", "hang"),
    ("dug", "dig"),
    ("shook", "shake"),
];

/// "the two of them keep making books" → "Will the two of them keep making books?": a clause
/// whose subject takes the verb's plain form.
fn plural_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let opens_plural = lower
        .first()
        .is_some_and(|w| PLURAL_OPENERS.contains(&w.as_str()));
    let past = lower
        .iter()
        .take(5)
        .any(|w| w.ends_with("ed") || IRREGULAR_PAST.contains(&w.as_str()));
    if !opens_plural || past {
        return None;
    }
    let rest = predicate_after(words, &lower, 0)?;
    Some(format!("Will {}", subject_text(&[rest.as_str()])))
}

/// Openings of a subject that takes a verb's plain form.
const PLURAL_OPENERS: &[&str] = &[
    "they", "we", "you", "i", "the", "these", "those", "both", "all", "two",
];

/// Words ending in "s" that are not present-tense verbs.
const NOT_VERBS: &[&str] = &[
    "this",
    "his",
    "hers",
    "its",
    "was",
    "has",
    "does",
    "is",
    "always",
    "perhaps",
    "series",
    "news",
    "thus",
    "plus",
    "less",
    "unless",
    "yes",
    "whereas",
    "fans",
    "viewers",
    "years",
    "days",
    "episodes",
    "seasons",
    "others",
    "sometimes",
    "afterwards",
    "towards",
];

/// "… whether X will return or not" without the "or not".
fn cut_or_not<'a>(clause: &[&'a str]) -> Vec<&'a str> {
    let mut out = clause.to_vec();
    if out.len() >= 2 {
        let n = out.len();
        if bare(out[n - 2]) == "or" && bare(out[n - 1]) == "not" {
            out.truncate(n - 2);
        }
    }
    out
}

/// A hedged statement as a question: "X could return" → "Could X return?", "X has yet to
/// decide" → "Will X decide?", "X has not been renewed" → "Will X be renewed?".
fn statement_question(words: &[&str]) -> Option<String> {
    statement_question_in(words, Mood::Plain)
}

/// How a clause's "would" reads: as it is, or shifted back by a report ("said the story would
/// move" asks "Will"), or as a condition's consequence (stays "Would").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mood {
    Plain,
    Reported,
    Conditional,
}

/// [`statement_question`] for a clause read in `mood`.
fn statement_question_in(words: &[&str], mood: Mood) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    for (i, word) in lower.iter().enumerate() {
        // "has not (yet) been renewed", "hasn't been renewed", "is not yet confirmed"
        if matches!(
            word.as_str(),
            "has" | "have" | "hasn't" | "haven't" | "is" | "are" | "isn't" | "aren't"
        ) {
            let mut k = i + 1;
            let negated = word.ends_with("n't") || lower.get(k).is_some_and(|w| w == "not");
            if !word.ends_with("n't") && negated {
                k += 1;
            }
            if lower.get(k).is_some_and(|w| w == "yet") {
                k += 1;
            }
            let passive = negated && lower.get(k).is_some_and(|w| w == "been");
            if passive {
                k += 1;
            }
            if passive && lower.get(k).is_some_and(|w| w.ends_with("ed")) {
                let subject = subject_before(words, &lower, i)?;
                let predicate = predicate_after(words, &lower, k)?;
                return Some(format!("Will {subject} be {predicate}"));
            }
            // "has yet to decide", "is yet to be cast"
            if lower.get(i + 1).is_some_and(|w| w == "yet")
                && lower.get(i + 2).is_some_and(|w| w == "to")
            {
                let subject = subject_before(words, &lower, i)?;
                let predicate = predicate_after(words, &lower, i + 3)?;
                return Some(format!("Will {subject} {predicate}"));
            }
        }
        // "is (reportedly) in talks to return"
        if matches!(word.as_str(), "is" | "are") {
            let mut k = i + 1;
            if lower
                .get(k)
                .is_some_and(|w| w == "reportedly" || w == "still" || w == "now")
            {
                k += 1;
            }
            if lower.get(k).is_some_and(|w| w == "in")
                && lower
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "talks" | "negotiations" | "discussions"))
                && lower.get(k + 2).is_some_and(|w| w == "to")
            {
                let subject = subject_before(words, &lower, i)?;
                let predicate = predicate_after(words, &lower, k + 3)?;
                return Some(format!("Will {subject} {predicate}"));
            }
        }
        // "is expected to return", "are set to", "is (also) said to", "is rumored to"
        if matches!(word.as_str(), "is" | "are") {
            let k = if lower
                .get(i + 1)
                .is_some_and(|w| DROPPED_ADVERBS.contains(&w.as_str()))
            {
                i + 2
            } else {
                i + 1
            };
            if lower.get(k).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "expected"
                        | "set"
                        | "likely"
                        | "rumored"
                        | "rumoured"
                        | "said"
                        | "tipped"
                        | "poised"
                        | "going"
                )
            }) && lower.get(k + 1).is_some_and(|w| w == "to")
            {
                let subject = subject_before(words, &lower, i)?;
                let predicate = predicate_after(words, &lower, k + 2)?;
                return Some(format!("Will {subject} {predicate}"));
            }
        }
        if let Some(asked) = modal_word(word) {
            if i == 0 {
                return None;
            }
            // "Achterberg said he would be back": reported speech shifts "will" back; the
            // question asks it again as "Will". After a condition ("if renewed, they would")
            // "Would" stays.
            let reported = mood == Mood::Reported
                || lower[..i]
                    .iter()
                    .any(|w| REPORTING_VERBS.contains(&w.as_str()));
            let conditional = mood == Mood::Conditional
                || lower
                    .iter()
                    .any(|w| matches!(w.as_str(), "if" | "should" | "unless" | "were" | "once"));
            let asked = if word == "would" && reported && !conditional {
                "Will"
            } else {
                asked
            };
            let subject = subject_before(words, &lower, i)?;
            // A wish asks whether it comes true: "would love to play the role again" →
            // "Will … play the role again?".
            let (asked, from) = match wish_length(&lower[i + 1..]) {
                Some(n) => ("Will", i + 1 + n),
                None => (asked, i + 1),
            };
            let predicate = predicate_after(words, &lower, from)?;
            // "Marchetti would play Hester until she is ninety": a willingness to go on for
            // good asks whether they will, without how long.
            // Only an open-ended offer: "the leads would sign on again" after a condition
            // stays "Would".
            let open_ended = lower[i + 1..]
                .iter()
                .any(|w| matches!(w.as_str(), "until" | "till" | "forever" | "anywhere"));
            let verb_at = i + 1 + usize::from(lower.get(i + 1).is_some_and(|w| is_emphasis(w)));
            let willing = word == "would"
                && open_ended
                && lower
                    .get(verb_at)
                    .is_some_and(|w| WILLING_VERBS.contains(&w.as_str()));
            if willing {
                let predicate = predicate_after(words, &lower, verb_at)?;
                let kept: Vec<&str> = predicate
                    .split(' ')
                    .take_while(|w| !matches!(bare(w).as_str(), "until" | "if" | "as" | "till"))
                    .collect();
                let kept = kept.join(" ");
                let kept = kept.trim_end_matches([',', ';', ':', '.']);
                // "would keep writing it", "would sign on again": nothing to add.
                let again = if lower[i + 1] == "keep" || kept.ends_with("again") {
                    ""
                } else {
                    " again"
                };
                return Some(format!("Will {subject} {kept}{again}"));
            }
            return Some(format!("{asked} {subject} {predicate}"));
        }
    }
    None
}

/// Whether `word` (lower case) only stresses the wish after it ("would genuinely love to").
fn is_emphasis(word: &str) -> bool {
    matches!(
        word,
        "genuinely"
            | "really"
            | "honestly"
            | "absolutely"
            | "totally"
            | "definitely"
            | "so"
            | "also"
            | "still"
            | "even"
    )
}

/// Verbs of going on with a part or a show that "would" offers ("would play Gus until …").
const WILLING_VERBS: &[&str] = &["play", "sign", "return", "keep", "follow", "reprise"];

/// How many words of a wish follow a modal ("love to", "happily", "be happy to"), if any.
fn wish_length(after: &[String]) -> Option<usize> {
    // "would genuinely love to": an adverb of emphasis before the wish is the wish's.
    let emphasis = usize::from(after.first().is_some_and(|w| is_emphasis(w)));
    let words: Vec<&str> = after
        .iter()
        .skip(emphasis)
        .take(4)
        .map(String::as_str)
        .collect();
    let length = match words.as_slice() {
        ["love" | "like", "to", ..] => 2,
        ["be", "happy" | "glad" | "open" | "keen" | "eager", "to", ..] => 3,
        ["happily" | "gladly", ..] => 1,
        _ => return None,
    };
    Some(emphasis + length)
}

/// "the show is coming back" → "Is the show coming back?"
fn be_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let i = lower
        .iter()
        .position(|w| matches!(w.as_str(), "is" | "are" | "was" | "were" | "has" | "have"))
        .filter(|&i| i > 0)?;
    let subject = subject_before(words, &lower, i)?;
    let predicate = predicate_after(words, &lower, i + 1)?;
    Some(format!("{} {subject} {predicate}", capitalise(&lower[i])))
}

/// Verbs that report what someone said ("said he would …").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "confirmed",
    "insisted",
    "hinted",
    "wrote",
    "posted",
    "explained",
    "admitted",
    "promised",
];

/// The question word for a modal, if `word` is one.
fn modal_word(word: &str) -> Option<&'static str> {
    match word {
        "will" | "won't" | "shall" => Some("Will"),
        "would" | "wouldn't" => Some("Would"),
        "could" | "couldn't" | "might" | "may" | "can" => Some("Could"),
        // In news, "should" is an expectation ("should return next year").
        "should" => Some("Will"),
        _ => None,
    }
}

/// The subject: the words before index `end`, back to the nearest clause boundary.
fn subject_before(words: &[&str], lower: &[String], end: usize) -> Option<String> {
    let mut start = 0;
    for k in (0..end).rev() {
        if SUBJECT_BOUNDARIES.contains(&lower[k].as_str()) {
            start = k + 1;
            break;
        }
        if k + 1 < end && (words[k].ends_with(',') || words[k].ends_with(':')) {
            start = k + 1;
            break;
        }
    }
    while start < end && LEADING_CONNECTIVES.contains(&lower[start].as_str()) {
        start += 1;
    }
    // "she had more to say and would sign up again": the subject of the first verb, when it
    // is a pronoun; no other subject can be told apart from the first clause's words.
    if end > start && matches!(lower[end - 1].as_str(), "and" | "or" | "but") {
        let pronoun = (0..end - 1)
            .rev()
            .find(|&k| matches!(lower[k].as_str(), "he" | "she" | "they" | "we" | "i"))?;
        return Some(subject_text(&words[pronoun..=pronoun]));
    }
    let mut subject = &words[start..end];
    // "The writer told us she would …" → "she" (resolved later to "the writer").
    if let Some(k) = subject
        .iter()
        .skip(1)
        .rposition(|w| matches!(bare(w).as_str(), "he" | "she" | "they" | "we" | "it" | "i"))
    {
        subject = &subject[k + 1..];
    }
    // "he was \"gutted\" and would …" → "he": the subject ends at a finite verb of its own.
    if let Some(k) = subject.iter().skip(1).position(|w| {
        matches!(
            bare(w).as_str(),
            "was" | "is" | "were" | "are" | "has" | "had"
        )
    }) {
        subject = &subject[..=k];
    }
    // "the conductor who appears in every episode" → "the conductor"
    if let Some(k) = subject
        .iter()
        .skip(1)
        .position(|w| matches!(bare(w).as_str(), "who" | "which" | "that" | "whose"))
    {
        subject = &subject[..=k];
    }
    if subject.is_empty() || subject.len() > 8 {
        return None;
    }
    let first = bare(subject[0]);
    let refused = [
        "no", "nobody", "none", "nothing", "which", "who", "that", "what", "where", "when", "why",
        "how",
    ];
    if refused.contains(&first.as_str()) {
        return None;
    }
    Some(subject_text(subject))
}

/// Subject words joined, a common opening word lower-cased, punctuation off the end.
fn subject_text(subject: &[&str]) -> String {
    let mut text = subject
        .join(" ")
        .trim_start_matches(['"', '“', '\'', '‘'])
        .to_owned();
    let first = subject.first().map(|w| bare(w)).unwrap_or_default();
    // "Filming of a third series": a gerund opening the sentence is no name.
    let gerund = first.len() > 5 && first.ends_with("ing") && subject.len() > 1;
    if COMMON_OPENERS.contains(&first.as_str()) || gerund {
        let mut chars = text.chars();
        if let Some(c) = chars.next() {
            text = c.to_lowercase().chain(chars).collect();
        }
    }
    // "Next season should follow Rosa" → "Will the next season follow Rosa?"
    if first == "next" && subject.len() > 1 {
        text.insert_str(0, "the ");
    }
    text.trim_end_matches([',', ';', ':']).to_owned()
}

/// Words that end a phrasal verb ("go on", "give in", "take over") when they end a clause.
const PARTICLES: [&str; 4] = ["on", "in", "over", "by"];

/// The predicate: words from index `start` to the end of the clause, adverbs dropped.
fn predicate_after(words: &[&str], lower: &[String], start: usize) -> Option<String> {
    let mut k = start;
    while k < words.len() && DROPPED_ADVERBS.contains(&lower[k].as_str()) {
        k += 1;
    }
    let mut out: Vec<&str> = Vec::new();
    // Cut at a stop word, the clause may end on a preposition that led somewhere ("… go on
    // to"); ending where the clause ends, a last "on", "in" or "over" is a verb's particle
    // ("whether the story will go on") and stays.
    let mut cut = false;
    while k < words.len() {
        if PREDICATE_STOPS.contains(&lower[k].as_str()) {
            cut = true;
            break;
        }
        let word = words[k];
        // Quotation marks of a reported wish stay out of the question.
        let word = word.trim_matches(['"', '“', '”']);
        if word.is_empty() {
            k += 1;
            continue;
        }
        out.push(word);
        if word.ends_with([',', ';', ':', '.', '?', '!']) {
            break;
        }
        k += 1;
    }
    // "… get back her memory or not" without the "or not".
    let mut out = cut_or_not(&out);
    while out.last().is_some_and(|w| {
        let last = bare(w);
        DANGLING.contains(&last.as_str()) && (cut || !PARTICLES.contains(&last.as_str()))
    }) {
        out.pop();
    }
    if out.is_empty() {
        return None;
    }
    Some(out.join(" "))
}

/// A question about the person or thing the sentence names, when no sentence can be turned
/// into one: "What will happen to Mira?". `None` when it names nothing (or only an outlet).
fn subject_question(best: &str) -> Option<String> {
    // A question heading in title case ("Will There Be a Season 2?", "What Happened In
    // Final?") capitalises its words, not names: no subject can be told from it.
    let question = best
        .trim_end_matches(['"', '”', '\'', '’', ')', ' '])
        .ends_with('?');
    if question && headline_case(best) {
        return None;
    }
    let mut words = words_of(best);
    // "Also Rafael Dunn …", "AND Lord Harrow …": a capitalised opener starts no name;
    // "Chances: Decent, we think.": a label's colon starts the sentence anew; "Co-star
    // Marisol Vega …": a role before a name is no part of it.
    if words.first().is_some_and(|w| {
        let opener = bare(w);
        NOT_OPENING_NAMES.contains(&opener.as_str())
            || ROLE_WORDS.contains(&opener.as_str())
            || opener == "co-star"
            || (w.ends_with(':') && words.len() > 1)
    }) {
        words.remove(0);
    }
    // The first name inside the sentence: capitalised words that do not open it.
    let is_name = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !COMMON_OPENERS.contains(&bare(w).as_str())
            && !super::super::terms::is_weekday(w)
    };
    // A name may open the sentence when a second capitalised word follows ("Copper Street
    // took over …").
    let opens_with_name = words.len() > 1 && is_name(words[0]) && is_name(words[1]);
    // A name right after a preposition or a role word is where or by whom, not what the
    // story asks about ("streaming on Kumo", "the producer Wang Dejun"); one followed by
    // "as" is an actor ("Colm Hadley as Eli").
    let side_name = |k: usize| {
        let before = k.checked_sub(1).map(|j| bare(words[j])).unwrap_or_default();
        let two_before = k.checked_sub(2).map(|j| bare(words[j])).unwrap_or_default();
        // "in talks with Streamly": a partner; "ended with Priya …": the story's person.
        let partner = before == "with" && DEAL_WORDS.contains(&two_before.as_str());
        let after = words.get(k + 1).map(|w| bare(w)).unwrap_or_default();
        // The word after the whole name: "the Blu-ray sales", "the Radio Times thing" use a
        // name as a noun's modifier, not as someone the story follows ("the Harcourt family"
        // is people).
        // One past the name's last word (which may carry the sentence's stop: "Okawa River.").
        let end = (k..words.len())
            .find(|&j| !is_name(words[j]) || words[j].ends_with([',', '.', ';', ':']))
            .map_or(words.len(), |j| if is_name(words[j]) { j + 1 } else { j });
        let modifier = before == "the"
            && words.get(end).is_some_and(|w| {
                !words[end - 1].ends_with([',', '.', ';', ':'])
                    && w.starts_with(|c: char| c.is_lowercase())
                    && !GROUP_NOUNS.contains(&bare(w).as_str())
            });
        // "(Wire) — Public broadcaster …": a capital after a dash starts the sentence anew.
        let restart =
            matches!(before.as_str(), "" if k > 0) && after.starts_with(|c: char| c.is_lowercase());
        // "the Welsh village of Llanfair Isaf", "the Okawa River": a place.
        let place = (before == "of" && PLACE_NOUNS.contains(&two_before.as_str()))
            || PLACE_NOUNS.contains(&bare(words[end - 1]).as_str());
        partner
            || modifier
            || restart
            || place
            || words[k].ends_with('+')
            || SIDE_WORDS.contains(&before.as_str())
            || ROLE_WORDS.contains(&before.as_str())
            || OUTLET_NOUNS.contains(&before.as_str())
            || before.contains("-turned-")
            || (after == "as" && !words[k].ends_with(','))
            || words
                .get(k + 2)
                .is_some_and(|w| bare(w) == "as" && is_name(words[k + 1]))
    };
    let start = if opens_with_name {
        0
    } else {
        (1..words.len()).find(|&k| {
            is_name(words[k])
                && !k
                    .checked_sub(1)
                    .is_some_and(|j| is_name(words[j]) && !words[j].ends_with([',', '.']))
                && !side_name(k)
        })?
    };
    let mut name: Vec<&str> = Vec::new();
    for (k, word) in words.iter().enumerate().skip(start) {
        // "Love Under the Jade Moon": a small word inside a title between capitalised ones.
        let inner = matches!(bare(word).as_str(), "the" | "of" | "and" | "a")
            && !name.is_empty()
            && words.get(k + 1).is_some_and(|w| is_name(w));
        if !is_name(word) && !inner {
            break;
        }
        name.push(word);
        // A possessive ends the name ("Moon-young's brother"); a contraction is part of one
        // ("It's Okay To Not Be Okay").
        let possessive = (word.ends_with("'s") || word.ends_with("’s")) && !is_contraction(word);
        if word.ends_with([',', '.', ';', ':', '?', '!']) || possessive {
            break;
        }
    }
    let name = name.join(" ");
    let name = name
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    let lower = name.to_lowercase();
    let abbreviation = !name.chars().any(char::is_lowercase) || name.contains('.');
    // "a script titled \"Book Two\"": a number or a quoted title is no one.
    let quoted = best.contains(&format!("{name}\"")) || best.contains(&format!("{name}”"));
    let number = NUMBER_WORDS.contains(&lower.as_str());
    // "aired Nov. 29": a month's abbreviation before a day is a date.
    let date = name.chars().count() <= 4
        && best
            .split(&format!("{name}. "))
            .nth(1)
            .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()));
    if quoted || number || date {
        return None;
    }
    let language = !name.contains(' ')
        && ["ish", "ese", "ean", "ian", "ch"]
            .iter()
            .any(|e| lower.ends_with(e));
    if abbreviation || language {
        return None;
    }
    if PRONOUNS.contains(&lower.as_str())
        || OUTLETS.iter().any(|o| lower.starts_with(o))
        || TITLES_ALONE.contains(&lower.as_str())
    {
        return None;
    }
    Some(format!("What will happen to {name}?"))
}

/// Whether most words of `text` (three in four, small function words and numbers aside)
/// open with a capital, as a heading's do.
fn headline_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            w.chars().any(char::is_alphabetic)
                && !matches!(
                    w.to_lowercase().as_str(),
                    "a" | "an" | "of" | "to" | "in" | "on" | "for" | "and" | "or" | "at"
                )
        })
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 2 && capitalised * 4 >= words.len() * 3
}

/// Prepositions and verbs after which a name is a place, platform, maker or date, not a
/// subject ("since January").
const SIDE_WORDS: &[&str] = &[
    "on", "to", "from", "at", "via", "in", "by", "into", "onto", "starring", "plays", "played",
    "voiced", "since", "until", "till",
];

/// Nouns of places: before "of" and a name ("the village of Llanfair"), or closing one
/// ("Okawa River", "Harrow Street").
const PLACE_NOUNS: &[&str] = &[
    "village", "town", "city", "island", "county", "river", "street", "road", "lake", "bay",
    "hill", "station", "park", "bridge", "valley", "avenue", "lane", "harbour", "harbor",
    "mountain", "forest", "district", "province",
];

/// Nouns before an outlet's name ("broadcaster Tamarisk One", "streamer Halcyon").
pub(super) const OUTLET_NOUNS: &[&str] = &[
    "broadcaster",
    "streamer",
    "network",
    "channel",
    "studio",
    "platform",
    "service",
];

/// Nouns after a family or group name that make it people ("the Harcourt family").
const GROUP_NOUNS: &[&str] = &[
    "family",
    "families",
    "sisters",
    "brothers",
    "siblings",
    "twins",
    "kids",
    "clan",
    "gang",
    "crew",
    "household",
    "troupe",
    "boys",
    "girls",
];

/// Nouns after which "with" names a business partner ("talks with", "a deal with").
const DEAL_WORDS: &[&str] = &[
    "talks",
    "deal",
    "negotiations",
    "discussions",
    "partnership",
    "contract",
    "agreement",
];

/// Words of a person coming back to a show.
const RETURN_WORDS: &[&str] = &[
    "to return",
    "will return",
    "would return",
    "returning",
    "come back",
    "coming back",
    "be back",
    "reprise",
];

/// Words that introduce a maker, an outlet or an actor by name ("showrunner Marcus Feld",
/// "star Yusra Kalani").
const MAKER_WORDS: &[&str] = &[
    "author",
    "novelist",
    "mangaka",
    "actor",
    "actress",
    "star",
    "showrunner",
    "creator",
    "co-creator",
    "writer",
    "director",
    "producer",
    "streamer",
    "network",
    "platform",
    "studio",
    "broadcaster",
    "channel",
    "executive",
];

/// Words between an appositive's name and its maker word ("Marcus Feld, our showrunner").
const DETERMINERS: &[&str] = &["our", "the", "its", "their", "his", "her", "a"];

/// Verbs whose subject is an outlet ("Orbitline has not renewed …").
const OUTLET_VERBS: &[&str] = &[
    "renewed",
    "renew",
    "cancelled",
    "canceled",
    "ordered",
    "greenlit",
    "picked",
    "dropped",
    "axed",
    "shelved",
    "scrapped",
    "revived",
];

/// [`MAKER_WORDS`] and [`OUTLET_VERBS`] in one case-insensitive automaton, to pass over a
/// paragraph that holds none; `None` if it could not be built (then every paragraph is read).
static MAKER_CUES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let built = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(MAKER_WORDS.iter().chain(OUTLET_VERBS));
    match built {
        Ok(automaton) => Some(automaton),
        Err(error) => {
            log::warn!("maker words searched word by word: {error}");
            None
        }
    }
});

/// [`makers_in`] reading the text's castings itself.
#[cfg(test)]
pub(crate) fn makers_of(text: &str) -> Vec<String> {
    makers_in(text, &cast::cast_of(text))
}

/// The names a text gives to makers, outlets and actors: each actor of `cast` (the text's
/// castings, [`cast::cast_of`]: "Rafe Donnelly as the Warden" → "Rafe Donnelly", "Rafe"), a
/// capitalised name after a maker word ("showrunner Marcus Feld" → "Marcus Feld", "Marcus"),
/// or before an outlet's verb ("Orbitline has not renewed" → "Orbitline"). Names of one to
/// three words.
pub(crate) fn makers_in(text: &str, cast: &[cast::Casting]) -> Vec<String> {
    let mut makers: Vec<String> = Vec::new();
    for casting in cast {
        if let Some((first, _)) = casting.actor.split_once(' ') {
            makers.push(first.to_owned());
        }
        makers.push(casting.actor.clone());
    }
    // Most paragraphs name no maker: one automaton pass tells.
    if MAKER_CUES.as_ref().is_some_and(|cues| !cues.is_match(text)) {
        return makers;
    }
    // Compared without allocating: this reads every word of the article.
    let is_one_of = |word: &str, list: &[&str]| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        list.iter().any(|w| core.eq_ignore_ascii_case(w))
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_name = |w: &str| capitalised(w) && !is_one_of(w, NOT_OPENING_NAMES);
    // "Pilot Light Diner (Fernway, 2 seasons)": a list entry's label names its outlet first.
    if text.split_whitespace().count() <= 10
        && let Some((_, inside)) = text.split_once(" (")
        && let Some((outlet, _)) = inside.split_once([',', ')'])
        && outlet.chars().next().is_some_and(char::is_uppercase)
        && (1..=3).contains(&outlet.split_whitespace().count())
    {
        makers.push(outlet.trim().to_owned());
    }
    let words = words_of(text);
    for k in 0..words.len() {
        let mut run: Vec<&str> = Vec::new();
        if is_one_of(words[k], MAKER_WORDS) {
            // "Marcus Feld, our showrunner, …": the name before, set off by a comma.
            let mut j = k;
            if j > 0 && is_one_of(words[j - 1], DETERMINERS) {
                j -= 1;
            }
            if j > 0 && words[j - 1].ends_with(',') {
                let mut start = j - 1;
                while start > 0 && j - start < 3 && is_name(words[start - 1]) {
                    start -= 1;
                }
                if words[start..j].iter().all(|w| is_name(w)) {
                    run.extend(&words[start..j]);
                }
            }
            let before = !run.is_empty();
            for w in words[k + 1..].iter().filter(|_| !before) {
                if !is_name(w) || run.len() == 3 {
                    break;
                }
                run.push(w);
                if w.ends_with([',', '.', ';', ':', ')']) {
                    break;
                }
            }
        } else if k > 0 && !capitalised(words[k]) && is_name(words[k - 1]) {
            // "Orbitline has not renewed", "Orbitline still hasn't ordered": the verb within
            // three words of the name.
            let verb = words[k..]
                .iter()
                .take(3)
                .any(|w| is_one_of(w, OUTLET_VERBS));
            let one_word = k < 2 || !is_name(words[k - 2]);
            if verb && one_word && !words[k - 1].ends_with([',', '.']) {
                run.push(words[k - 1]);
            }
        }
        if run.is_empty() {
            continue;
        }
        let name = run
            .join(" ")
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .to_owned();
        if let Some((first, _)) = name.split_once(' ') {
            makers.push(first.to_owned());
        }
        makers.push(name);
    }
    makers
}

/// Whether "What will happen to X?" asks about a maker or an outlet the article names
/// ([`TitleContext::makers`]).
fn about_a_maker(made: &str, context: &TitleContext) -> bool {
    let Some(name) = fallback_subject(made) else {
        return false;
    };
    let first = name.split(' ').next().unwrap_or_default();
    // "Co-creator Dana Whitcombe": a maker by the role the sentence opens with.
    if MAKER_WORDS.contains(&bare(first).as_str()) && name.contains(' ') {
        return true;
    }
    // "Quintana" is the maker "Marisol Quintana" by her last name.
    context
        .makers
        .iter()
        .any(|maker| maker == first || cast::names(maker, name))
}

/// Whether "What will happen to X?" asks about someone the group quotes or interviews
/// ([`TitleContext::speakers`], "Bakshi: That's the thing I want most", "… he told us"): a
/// real person, whose fate is no story's question. A speaker's first or last name alone is
/// the speaker ("Pell" for "Marcus Pell"). A part the cast names is a character, whoever a
/// "he told us" was taken for.
fn about_a_speaker(made: &str, context: &TitleContext) -> bool {
    let Some(name) = fallback_subject(made) else {
        return false;
    };
    cast::part_named(name, &context.cast).is_none()
        && context
            .speakers
            .iter()
            .flatten()
            .any(|speaker| cast::names(speaker, name))
}

/// X of the fallback title "What will happen to X?", if `made` is one.
fn fallback_subject(made: &str) -> Option<&str> {
    made.strip_prefix("What will happen to ")?.strip_suffix('?')
}

/// Whether "Will X return …?" asks about the show itself (the headline or the list names X),
/// not a person.
fn returns_the_show(made: &str, context: &TitleContext) -> bool {
    let Some(rest) = made.strip_prefix("Will ") else {
        return false;
    };
    let name = rest.split(" return").next().unwrap_or_default();
    named_as_the_show(name, context, 1)
}

/// Whether the headline (for a name of at least `min_words` words), the list of shows or the
/// section's heading names `name`: the show or the star the piece is about, not a story
/// question's subject.
fn named_as_the_show(name: &str, context: &TitleContext, min_words: usize) -> bool {
    let in_headline = context.headline.as_ref().is_some_and(|headline| {
        name.split_whitespace().count() >= min_words && headline.contains(name)
    });
    in_headline
        || context.listed_shows.iter().any(|show| show == name)
        || context.section_show.as_deref() == Some(name)
}

/// Whether "What will happen to X?" asks about a name the headline gives (the show, or the
/// star the piece is about): too broad to be a thread of its own.
fn about_the_headline(made: &str, context: &TitleContext) -> bool {
    let name = made
        .trim_start_matches("What will happen to ")
        .trim_end_matches('?');
    // One word of the headline may be anyone's first name: two make the show or its star.
    named_as_the_show(name, context, 2)
}

/// Number words, capitalised in titles ("Book Two"), which are no name.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Role words written before a name ("Actor Rufus Mbeki").
const ROLE_WORDS: &[&str] = &[
    "actor",
    "actress",
    "star",
    "director",
    "writer",
    "showrunner",
    "producer",
    "creator",
    "singer",
    "lead",
    "veteran",
    "newcomer",
];

/// Titles that are no name on their own ("the Princess").
const TITLES_ALONE: &[&str] = &[
    "princess",
    "prince",
    "king",
    "queen",
    "father",
    "mother",
    "doctor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "captain",
    "general",
    "minister",
    "professor",
    "detective",
    "officer",
    "director",
];

/// Networks, streamers and news outlets: a question about one of them is not a story thread.
const OUTLETS: &[&str] = &[
    "netflix",
    "hbo",
    "max",
    "hulu",
    "disney",
    "prime",
    "amazon",
    "apple",
    "peacock",
    "paramount",
    "bbc",
    "itv",
    "channel",
    "abc",
    "nbc",
    "cbs",
    "fox",
    "amc",
    "fx",
    "starz",
    "showtime",
    "crunchyroll",
    "tvn",
    "jtbc",
    "kbs",
    "mbc",
    "sbs",
    "ena",
    "tving",
    "wavve",
    "coupang",
    "viki",
    "variety",
    "deadline",
    "soompi",
    "allkpop",
    "the hollywood reporter",
    "tvline",
    "collider",
    "screen rant",
    "ign",
    "yonhap",
    "reuters",
    "twitter",
    "instagram",
    "reddit",
    "tiktok",
    "youtube",
    "google",
    "korea",
    "america",
    "season",
    "episode",
];

/// Words that are not a name even when capitalised: a question "for It?" says nothing.
const PRONOUNS: &[&str] = &[
    "he", "her", "him", "i", "it", "she", "that", "them", "they", "this", "we", "you",
];

/// Whether `word` is a pronoun with "'s" for "is" or "has" ("It's", "That's"), not a
/// possessive.
fn is_contraction(word: &str) -> bool {
    let head = word
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    [
        "it", "that", "he", "she", "there", "here", "what", "who", "let",
    ]
    .contains(&head.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::title::Casting;

    #[test]
    fn a_title_opening_with_a_contraction_is_a_name_and_a_lone_pronoun_or_outlet_is_not() {
        assert_eq!(
            subject_question("Fans of It's Okay To Not Be Okay keep asking.").as_deref(),
            Some("What will happen to It's Okay To Not Be Okay?")
        );
        assert_eq!(
            subject_question("Fans say Moon-young's brother will return.").as_deref(),
            Some("What will happen to Moon-young?")
        );
        assert_eq!(subject_question("Fans asked and It was so."), None);
        assert_eq!(subject_question("Fans asked Netflix about it."), None);
    }

    #[test]
    fn an_actor_wishing_to_carry_on_is_asked_whether_they_return() {
        let context = TitleContext {
            cast: vec![
                Casting {
                    actor: "Rosalind Achebe".to_owned(),
                    part: Some("Maggie".to_owned()),
                },
                Casting {
                    actor: "Maren Holt".to_owned(),
                    part: None,
                },
            ],
            ..TitleContext::default()
        };
        let asked = |made: &str, season| carrying_on_as_a_return(made.to_owned(), &context, season);
        assert_eq!(
            asked("Would Achebe come back tomorrow?", None),
            "Will Rosalind Achebe return as Maggie?"
        );
        assert_eq!(
            asked("Will Achebe play Maggie for another ten years?", None),
            "Will Rosalind Achebe return as Maggie?"
        );
        assert_eq!(
            asked(
                "Would Holt sign up again in a heartbeat?",
                Some("season two")
            ),
            "Will Maren Holt return for season two?"
        );
        // A scene she would like to play, someone not cast, and other wishes stay as they are.
        for kept in [
            "Would Achebe play the moment Maggie sells the pub?",
            "Would Parr come back tomorrow?",
            "Will Achebe take Maggie to the stage?",
        ] {
            assert_eq!(asked(kept, None), kept);
        }
    }

    fn first(sentence: &str) -> String {
        english_titles(&[sentence], None, &TitleContext::default())
            .next()
            .map(|made| super::super::finish(&made))
            .unwrap_or_default()
    }

    #[test]
    fn a_numbered_a_led_in_or_a_stated_question_is_asked_plainly() {
        assert_eq!(
            short_question("1) Is Celia actually dead?").as_deref(),
            Some("Is Celia actually dead?")
        );
        assert_eq!(
            short_question("The big one for anime-only fans: is Grandpa Sora actually alive?")
                .as_deref(),
            Some("Is Grandpa Sora actually alive?")
        );
        assert_eq!(
            short_question("AND Lord Harrow is alive apparently??").as_deref(),
            Some("Is Lord Harrow alive?")
        );
        // A number that opens the question is kept ("10 episodes again?" is no list).
        assert_eq!(
            short_question("Will 2027 be the year?").as_deref(),
            Some("Will 2027 be the year?")
        );
        assert_eq!(
            subject_question("Also Rafael Dunn posted a picture from a table read.").as_deref(),
            Some("What will happen to Rafael Dunn?")
        );
    }

    #[test]
    fn makers_and_outlets_are_named_by_their_role_or_their_verb() {
        assert_eq!(
            makers_of("Marcus Feld, our showrunner, has a plan."),
            ["Marcus", "Marcus Feld"]
        );
        assert_eq!(
            makers_of("The deal was signed by showrunner Ada Quill."),
            ["Ada", "Ada Quill"]
        );
        assert_eq!(
            makers_of("Orbitline has not renewed the show yet."),
            ["Orbitline"]
        );
        assert!(makers_of("Vera walked out of the station for good.").is_empty());
        assert_eq!(
            makers_of("Rafe Donnelly as the Warden was the best thing in it."),
            ["Rafe", "Rafe Donnelly"]
        );
        assert!(makers_of("The season ends with Mira as Queen.").is_empty());
        let context = TitleContext {
            makers: makers_of("Marcus Feld, our showrunner, has a plan."),
            ..TitleContext::default()
        };
        assert!(about_a_maker("What will happen to Marcus Feld?", &context));
        assert!(about_a_maker("What will happen to Marcus?", &context));
        assert!(!about_a_maker("What will happen to Vera?", &context));
    }

    #[test]
    fn whom_the_group_quotes_is_no_story_subject() {
        let context = TitleContext {
            speakers: vec![None, Some("Marcus Pell".to_owned())],
            ..TitleContext::default()
        };
        assert!(about_a_speaker(
            "What will happen to Marcus Pell?",
            &context
        ));
        assert!(about_a_speaker("What will happen to Pell?", &context));
        assert!(about_a_speaker("What will happen to Marcus?", &context));
        assert!(!about_a_speaker("What will happen to Bex?", &context));
        assert!(!about_a_speaker("Will Marcus Pell direct?", &context));
    }

    #[test]
    fn a_show_coming_back_is_no_person_returning() {
        let context = TitleContext {
            headline: Some("Pennywhistle Bakery Season 4 Is Officially Happening".to_owned()),
            ..TitleContext::default()
        };
        let titles: Vec<String> = english_titles(
            &["Pennywhistle Bakery is coming back, and this time we have a date."],
            None,
            &context,
        )
        .collect();
        assert!(
            !titles
                .iter()
                .any(|t| t.starts_with("Will Pennywhistle Bakery return")),
            "{titles:?}"
        );
    }

    #[test]
    fn an_actor_is_asked_whether_they_return_and_a_character_whether_they_lived() {
        let context = TitleContext {
            cast: cast::cast_of(
                "Gwen Okafor, who plays disgraced prosecutor Nadia Pruitt, is busy. \
                 Rafe Donnelly as Corin",
            ),
            ..TitleContext::default()
        };
        let sentence = "A representative for Okafor did not respond to a request for comment.";
        let asked = |made: &str, sentence: &str| {
            actor_question(made.to_owned(), sentence, &context, Some("season four"))
        };
        assert_eq!(
            asked("What will happen to Okafor?", sentence),
            "Will Gwen Okafor return as Nadia Pruitt?"
        );
        assert_eq!(
            asked("What happens with Gwen Okafor", sentence),
            "Will Gwen Okafor return as Nadia Pruitt?"
        );
        assert_eq!(
            asked("Will Okafor return for season four?", sentence),
            "Will Gwen Okafor return as Nadia Pruitt?"
        );
        // The part, when the sentence speaks of playing it again.
        assert_eq!(
            asked(
                "What will happen to Nadia Pruitt?",
                "Fans want Nadia Pruitt back on screen next year, whatever it takes."
            ),
            "Will Gwen Okafor return as Nadia Pruitt?"
        );
        // A cast list's line raises nothing; a character is no actor.
        assert_eq!(
            asked(
                "What will happen to Rafe Donnelly?",
                "Rafe Donnelly as Corin"
            ),
            "What will happen to Rafe Donnelly?"
        );
        assert_eq!(
            asked("What will happen to Vera?", sentence),
            "What will happen to Vera?"
        );
        assert_eq!(
            fate_question(
                "What will happen to Goro?".to_owned(),
                "Nobody has seen Goro since the tower came down, and his body was never found."
            ),
            "Is Goro really dead?"
        );
        assert_eq!(
            fate_question(
                "What will happen to Tom?".to_owned(),
                "Tom was last seen inside the barn when the fire spread."
            ),
            "Did Tom survive?"
        );
    }

    #[test]
    fn a_wish_asks_whether_it_comes_true() {
        assert_eq!(
            want_question(&words_of("Oduya hopes to play Gus for years")),
            Some("Will Oduya play Gus for years".to_owned())
        );
        assert_eq!(
            want_question(&words_of("Lind wants her to finally name the comet.")),
            Some("Will she name the comet.".to_owned())
        );
        assert_eq!(
            want_question(&words_of("Lind wants Pilar to get something good.")),
            Some("Will Pilar get something good.".to_owned())
        );
        assert_eq!(want_question(&words_of("Fans want answers.")), None);
    }

    #[test]
    fn a_marriage_names_its_couple_or_is_not_asked() {
        let asked = |sentence: &str| topic_question(Some(Topic::Marriage), None, &[sentence]);
        assert_eq!(
            asked("Will Nam and Tawan's wedding finally happen next year?"),
            Some("Will Nam and Tawan get married?".to_owned())
        );
        assert_eq!(asked("The wedding is still on, the couple says."), None);
        // "And" opening a sentence joins no names.
        assert_eq!(
            asked("And Paris, the couple hopes, will be the place."),
            None
        );
    }

    #[test]
    fn a_named_person_expected_to_return_is_asked_whether_they_return() {
        let titles: Vec<String> = english_titles(
            &["Mabel Osei, who played the youngest sister, is also expected to return."],
            None,
            &TitleContext::default(),
        )
        .collect();
        assert!(
            titles.contains(&"Will Mabel Osei return?".to_owned()),
            "{titles:?}"
        );
    }

    #[test]
    fn an_embedded_clause_is_inverted_with_do() {
        assert_eq!(
            first("Next season should show us how the couple copes with the move abroad."),
            "How does the couple cope with the move abroad?"
        );
        assert_eq!(
            first("We would also like to know what Priya saw in the greenhouse."),
            "What did Priya see in the greenhouse?"
        );
        assert_eq!(
            first("Nobody knows who really sent the letters."),
            "Who really sent the letters?"
        );
        assert_eq!(regular_base("stopped"), "stop");
        assert_eq!(regular_base("moved"), "move");
        assert_eq!(regular_base("killed"), "kill");
        assert_eq!(regular_base("buried"), "bury");
    }

    #[test]
    fn an_aside_is_skipped_and_a_past_clause_asks_did() {
        assert_eq!(
            first("It is not yet known whether Ana Pires, who plays the detective, will return."),
            "Will Ana Pires return?"
        );
        assert_eq!(
            first("The boat drifts empty, so we still do not know if he made it."),
            "Did he make it?"
        );
    }

    #[test]
    fn a_name_the_headline_gives_is_no_subject_of_its_own() {
        let context = TitleContext {
            headline: Some("Copper Street Season 2: Everything We Know".to_owned()),
            ..TitleContext::default()
        };
        let made: Vec<String> =
            english_titles(&["Fans of Copper Street keep asking."], None, &context).collect();
        assert!(
            !made.iter().any(|t| t.contains("Copper Street")),
            "{made:?}"
        );
        let made: Vec<String> =
            english_titles(&["Fans of Nina Ortega keep asking."], None, &context).collect();
        assert!(made.iter().any(|t| t.contains("Nina Ortega")), "{made:?}");
    }

    #[test]
    fn their_is_the_plural_the_sentence_opens_with() {
        assert_eq!(
            first("The twins never found out who their real mother was."),
            "Who was the twins' real mother?"
        );
    }

    #[test]
    fn a_short_question_about_returning_names_the_season() {
        assert_eq!(
            with_season("Who comes back?", Some("season three")),
            "Who comes back for season three?"
        );
        assert_eq!(with_season("Who comes back?", None), "Who comes back?");
        assert_eq!(
            with_season("Who sent the letter?", Some("season two")),
            "Who sent the letter?"
        );
    }

    #[test]
    fn a_bare_ordinal_names_its_season() {
        assert_eq!(
            complete_ordinal(
                "Will there be a third?",
                &["Season two ended: will there be a third?"]
            ),
            "Will there be a third season?"
        );
        assert_eq!(
            complete_ordinal("Is she the second?", &["Is she the second?"]),
            "Is she the second?"
        );
    }

    #[test]
    fn the_subject_question_skips_partners_makers_places_and_abbreviations() {
        assert_eq!(
            subject_question("The studio is in talks with Streamly about Dunmore's arc."),
            Some("What will happen to Dunmore?".to_owned())
        );
        // A streamer written with its plus, a name used as a noun's modifier, a capital
        // after a dash or a label's colon, a role before a name.
        for (sentence, subject) in [
            (
                "We've had good talks with Gullwing+ and the numbers are kind.",
                None,
            ),
            ("The Blu-ray sales in Japan were decent.", None),
            (
                "Writer said in the Radio Times thing that she'd love to go back.",
                None,
            ),
            (
                "Fans think the answer lies with the Harcourt family.",
                Some("Harcourt"),
            ),
            (
                "LONDON (Wire) — Public broadcaster Tamarisk One has ordered more.",
                None,
            ),
            ("Chances: Decent, we think.", None),
            ("It is set in the Welsh village of Llanfair Isaf.", None),
            (
                "The finale ended with the Okawa River fireworks cancelled.",
                None,
            ),
            ("The last scene was filmed at the Okawa River.", None),
            (
                "Co-star Marisol Vega, last seen walking into the fog, did not respond.",
                Some("Marisol Vega"),
            ),
        ] {
            assert_eq!(
                subject_question(sentence),
                subject.map(|name| format!("What will happen to {name}?")),
                "{sentence}"
            );
        }
        assert_eq!(
            subject_question("The producer Wang Li said nothing about Mei."),
            Some("What will happen to Mei?".to_owned())
        );
        assert_eq!(
            subject_question("All episodes are streaming on Kumo now."),
            None
        );
        assert_eq!(
            subject_question("It airs in the U.S. with English subtitles."),
            None
        );
        assert_eq!(
            subject_question("The finale ended with Priya screaming."),
            Some("What will happen to Priya?".to_owned())
        );
    }

    #[test]
    fn a_conditional_raises_its_consequence() {
        assert_eq!(
            first("Should the network order more episodes, the two leads would sign on again."),
            "Would the two leads sign on again?"
        );
    }

    #[test]
    fn a_hint_raises_what_it_hints_at_and_a_wish_whether_it_comes_true() {
        assert_eq!(
            first(
                "In the last scene the stranger says he is not the only one, which hints at others like him."
            ),
            "Are there others like the stranger?"
        );
        assert_eq!(
            first("The writer told us she would happily keep going for years."),
            "Will the writer keep going for years?"
        );
    }

    #[test]
    fn a_past_verb_before_a_plural_noun_is_the_clause_s_verb() {
        assert_eq!(
            first("We will finally learn why Rhee burned the charts."),
            "Why did Rhee burn the charts?"
        );
        assert_eq!(
            first("Nobody knows how the couple copes with the move."),
            "How does the couple cope with the move?"
        );
    }

    #[test]
    fn where_a_season_ended_is_asked_as_what_comes_of_it_unless_it_is_a_fate() {
        assert_eq!(
            first(
                "Season one ended with Ivy finding the old ledger that proves the owners knew about the dam."
            ),
            "What will come of Ivy finding the old ledger?"
        );
        assert_eq!(
            first(
                "The last episode ends with head chef Marcel (Dion Reyes) walking out in the middle of service on opening night at the new place."
            ),
            "What will come of head chef Marcel walking out?"
        );
        // Whom "them" means is not said; a fate is the fate question's.
        assert_eq!(
            ending_question(&words_of("The season ends with them not speaking.")),
            None
        );
        assert_eq!(
            ending_question(&words_of(
                "The finale ended with Jo Carver shot dead on the ice."
            )),
            None
        );
        assert_eq!(
            ending_question(&words_of("The finale ended on a cliffhanger.")),
            None
        );
    }

    #[test]
    fn a_wish_for_someone_or_something_asks_whether_it_comes_true() {
        assert_eq!(
            first("Rowan: I'd love for Agnes to get a proper happy ending."),
            "Will Agnes get a proper happy ending?"
        );
        assert_eq!(
            first("Marchbanks says she wants a Christmas special."),
            "Will there be a Christmas special?"
        );
        assert_eq!(
            first("Arkwright: I want Danny to finally pass his driving test."),
            "Will Danny pass his driving test?"
        );
        assert_eq!(
            first("Vuong has the next three seasons sketched out on index cards above her desk."),
            "Will Vuong get to make the next three seasons?"
        );
        assert_eq!(
            plan_question(&words_of(
                "I’ve got three seasons mapped out on a whiteboard."
            )),
            None
        );
    }

    #[test]
    fn a_role_led_subject_is_a_maker() {
        let context = TitleContext::default();
        assert!(about_a_maker(
            "What will happen to Co-creator Dana Whitcombe?",
            &context
        ));
        assert!(!about_a_maker(
            "What will happen to Dana Whitcombe?",
            &context
        ));
    }

    #[test]
    fn a_hinted_clause_is_asked_as_itself() {
        assert_eq!(
            first("Fans took the empty cello case as a hint Solis is coming back."),
            "Is Solis coming back?"
        );
        // The clause's own subject, written out from its contraction, is asked about.
        assert_eq!(
            english_titles(
                &["Fans took it as a hint she's coming back, but her rep said nothing."],
                None,
                &TitleContext {
                    antecedents: vec![Antecedent {
                        any: Some("Greta Solis".to_owned()),
                        she: Some("Greta Solis".to_owned()),
                        ..Antecedent::default()
                    }],
                    ..TitleContext::default()
                },
            )
            .next()
            .map(|made| super::super::finish(&made))
            .unwrap_or_default(),
            "Is Greta Solis coming back?"
        );
    }

    #[test]
    fn a_season_following_someone_asks_what_they_do_and_an_adverb_is_no_name() {
        assert_eq!(
            first(
                "Next season should follow Rosa as she takes the mine back and turns the town against Clara."
            ),
            "Will Rosa take the mine back?"
        );
        assert_eq!(
            first(
                "Season 2 is going to follow Nora as she takes over the observatory and finally learns what the key opens."
            ),
            "Will Nora take over the observatory?"
        );
        assert_eq!(
            first("Obviously Ruairi Dunne will return as conductor Casimir Vell."),
            "Will Ruairi Dunne return as conductor Casimir Vell?"
        );
        assert_eq!(
            first("Emily Carr will return as the mayor."),
            "Will Emily Carr return as the mayor?"
        );
        // A second verb after "and" keeps the first clause's subject ("she", named later).
        assert_eq!(
            first("Holt told a podcast she had more to say about Ivy and would sign up again."),
            "Will she sign up again?"
        );
        assert_eq!(
            first(
                "Airi Nanase said at a fan event that she would love to give Rin her voice again as many times as they let her, which is as good as a yes."
            ),
            "Will Airi Nanase give Rin her voice again?"
        );
    }

    #[test]
    fn an_indirect_question_is_asked_directly() {
        // Past tense with a longer subject.
        assert_eq!(
            first(
                "It ended on the auction, and we never found out whether Nell and the crew kept the farm."
            ),
            "Did Nell and the crew keep the farm?"
        );
        // A pseudo-cleft asks the question after "is".
        assert_eq!(
            first(
                "What the finale never tells us is what was in the tin box Iris buried, since it is never opened."
            ),
            "What was in the tin box Iris buried?"
        );
        // Two questions joined: the first.
        assert_eq!(
            first("Nobody knows who burned the mill or why the mayor lied about it."),
            "Who burned the mill?"
        );
        // An irregular past after "don't know why", its trailing clause dropped.
        assert_eq!(
            first(
                "We still dont know why the bell rang toward Ada's window every time she walked past it, which the show keeps teasing."
            ),
            "Why did the bell ring toward Ada's window?"
        );
        // "left open who …"
        assert_eq!(
            first("The finale, which aired Oct. 12, left open who pushed Sol off the roof."),
            "Who pushed Sol off the roof?"
        );
    }

    #[test]
    fn a_long_question_loses_its_trailing_clause_and_a_relation_before_a_name() {
        assert_eq!(
            first(
                "We still do not know who sent Ivo the unsigned warning note in episode two telling him to leave town."
            ),
            "Who sent Ivo the unsigned warning note in episode two?"
        );
        assert_eq!(
            first(
                "It should finally reveal what happened to her missing brother Tobin, who vanished in episode two and was never mentioned again."
            ),
            "What happened to Tobin?"
        );
        // A gerund after a preposition or a noun's modifier is no clause to drop.
        assert!(!opens_a_trailing_clause("running", "with", Some("the")));
        assert!(!opens_a_trailing_clause(
            "smuggling",
            "Cornish",
            Some("drama")
        ));
        assert!(opens_a_trailing_clause("telling", "note", Some("him")));
    }

    #[test]
    fn a_theory_an_offer_to_go_on_and_a_return_for_a_pronoun_are_asked_plainly() {
        assert_eq!(
            first("There is a theory online that Dena was the one who opened the gate."),
            "Was Dena the one who opened the gate?"
        );
        assert_eq!(
            first("Okafor would genuinely play Nadia until she is eighty."),
            "Will Okafor play Nadia again?"
        );
        // After a condition, "would" stays.
        assert_eq!(
            first("Should the network order more, the two leads would sign on again."),
            "Would the two leads sign on again?"
        );
        assert_eq!(
            first("Would Hana Ito come back to play her?"),
            "Would Hana Ito come back?"
        );
        assert_eq!(
            first("The season ended with Pell collapsed on the pier in the rain."),
            "Did Pell survive?"
        );
    }

    #[test]
    fn a_question_heading_in_title_case_or_a_date_names_no_subject() {
        assert_eq!(
            subject_question("Will There Be A Season 3 Of Tallow Street?"),
            None
        );
        assert_eq!(
            subject_question("The finale aired Nov. 29 to big numbers."),
            None
        );
        assert_eq!(
            subject_question("There's a new editor since January and she has not decided."),
            None
        );
    }

    #[test]
    fn a_later_clause_an_aside_and_an_it_are_read_for_the_question() {
        // A later clause asks when the first does not.
        assert_eq!(
            first(
                "We might also see new faces, because Tresize said she would love to bring in the twins' mother."
            ),
            "Will Tresize bring in the twins' mother?"
        );
        // A short conditional aside is not the subject's.
        assert_eq!(
            first("Filming of a third series, if ordered, would most likely begin in late spring."),
            "Would filming of a third series begin in late spring?"
        );
        // "it" names what the sentence named before the asking clause.
        assert_eq!(
            first(
                "In episode 8 the last page of the cursed score was torn out and we never found out who took it."
            ),
            "Who took the last page of the cursed score?"
        );
        assert_eq!(
            first(
                "He burns a page from Ida's ledger, and the series never shows what was written on it."
            ),
            "What was written on the page from Ida's ledger?"
        );
        // A yes/no question's "it" is the verb's own.
        assert_eq!(
            object_named(
                "Did Abe make it?",
                &words_of("we still do not know if Abe made it")
            ),
            "Did Abe make it?"
        );
        // "more" of the show is its next season.
        assert_eq!(
            first(
                "The network still has not said if there will be more, and Fairbanks admits the wait hurts."
            ),
            "Will the show be renewed?"
        );
        // A demonstrative in the article's own question becomes "the".
        assert_eq!(
            first("What was that light at the end?"),
            "What was the light at the end?"
        );
    }

    #[test]
    fn a_reported_would_is_asked_as_will_and_a_conditional_one_stays() {
        assert_eq!(
            first("Tom Achterberg told the wire that he would be back for the third season."),
            "Will Tom Achterberg be back for the third season?"
        );
        assert_eq!(
            first("If the network orders more, Achterberg said the story would move to Lisbon."),
            "Would the story move to Lisbon?"
        );
        assert_eq!(
            first("Achterberg said the story would move to Lisbon."),
            "Will the story move to Lisbon?"
        );
    }
}
