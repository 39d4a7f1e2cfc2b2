//! Who plays whom: the actors an article names, and the question an actor raises.
//!
//! An actor's open question in a piece about a later season is whether they come back
//! ("Will Hattie Lowell return as Rosie?", "차도윤은 시즌2에 출연할까?"), never "What will
//! happen to Hattie Lowell?": fans' checklists (and the annotation guide) ask about the
//! character's fate or the actor's return, not the actor's fate.

use std::collections::HashSet;

use super::bare;
use super::korean::{is_syllable, topic_particle};

/// An actor the article names, with the part it gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Casting {
    /// The actor's name as written ("Hattie Lowell", "차도윤").
    pub actor: String,
    /// The part ("Rosie", "the Warden", "강호"), when the article gives it.
    pub part: Option<String>,
}

/// Words that name an actor just before their name ("actor Rufus Mbeki", "star Yusra Kalani").
const ACTOR_WORDS: &[&str] = &["actor", "actress", "star", "co-star", "lead"];

/// Verbs between an actor and their part ("Hattie Lowell, who plays Rosie").
const PLAYS: &[&str] = &[
    "plays",
    "played",
    "portrays",
    "portrayed",
    "voices",
    "voiced",
];

/// Capitalised sentence openers that are no part of a name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "and", "but", "so", "also", "in", "on", "if", "when", "as", "season",
    "series", "episode", "netflix",
];

/// Korean particles a name may carry ("차도윤은", "백서린이", "한소율의").
const KOREAN_PARTICLES: &[&str] = &[
    "이랑", "까지", "에게", "은", "는", "이", "가", "을", "를", "의", "도", "와", "과", "랑",
];

/// The actors `text` names: "NAME as PART", "NAME, who plays PART", "actor NAME"; in Korean
/// "배우 NAME", "NAME 배우", "NAME(PART 역)", "PART 역의 NAME", "PART 역을 맡은 NAME",
/// "주연 NAME". Names of two or three capitalised words (English) or two to four syllables
/// (Korean). One entry per mention, in text order.
pub(crate) fn cast_of(text: &str) -> Vec<Casting> {
    let mut cast = english_cast(text);
    if text.contains(|c: char| is_syllable(c)) {
        cast.extend(korean_cast(text));
    }
    cast
}

/// The casting whose actor `name` is: the full name, or its first or last word.
pub(crate) fn actor_named<'a>(name: &str, cast: &'a [Casting]) -> Option<&'a Casting> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    // The casting that gives a part says more.
    cast.iter()
        .filter(|c| names(&c.actor, name))
        .max_by_key(|c| c.part.is_some())
}

/// Whether `name` names the person `full`: the full name, or one word of it ("Pell" of
/// "Marcus Pell").
pub(crate) fn names(full: &str, name: &str) -> bool {
    full == name
        || (full.contains(' ') && !name.contains(' ') && full.split(' ').any(|w| w == name))
}

/// The casting whose part `name` is ("Wren" played by Ada Finch).
pub(crate) fn part_named<'a>(name: &str, cast: &'a [Casting]) -> Option<&'a Casting> {
    cast.iter().find(|c| c.part.as_deref() == Some(name.trim()))
}

/// The actor of `actors` that `text` names, read word by word (one to three words as an
/// English name is written, or a Korean eojeol with or without its particle): each word is
/// looked up once, whatever the number of actors.
pub(crate) fn actor_in<'a>(text: &str, actors: &HashSet<&'a str>) -> Option<&'a str> {
    actors_in(text, actors, 1).first().copied()
}

/// The first `most` actors of `actors` that `text` names, in the order it names them, read as
/// [`actor_in`] reads.
pub(crate) fn actors_in<'a>(text: &str, actors: &HashSet<&'a str>, most: usize) -> Vec<&'a str> {
    let mut found: Vec<&'a str> = Vec::new();
    if actors.is_empty() {
        return found;
    }
    let mut add = |actor: &'a str| {
        if !found.contains(&actor) {
            found.push(actor);
        }
        found.len() >= most
    };
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            w.trim_end_matches("'s").trim_end_matches("’s")
        })
        .collect();
    for (k, word) in words.iter().enumerate() {
        if word.chars().any(is_syllable) {
            let stripped = KOREAN_PARTICLES.iter().find_map(|p| word.strip_suffix(p));
            let named = std::iter::once(*word)
                .chain(stripped)
                .find_map(|name| actors.get(name));
            if let Some(actor) = named
                && add(actor)
            {
                break;
            }
            continue;
        }
        // An English name opens with a capital: other words start none.
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let mut span = String::new();
        for part in words.iter().skip(k).take(3) {
            if !span.is_empty() {
                span.push(' ');
            }
            span.push_str(part);
            if let Some(actor) = actors.get(span.as_str()) {
                if add(actor) {
                    return found;
                }
                break;
            }
        }
    }
    found
}

/// "Will Hattie Lowell return as Rosie?", or "Will Hattie Lowell return for season two?"
/// when the part is not given (`season` as the title names it: "season two").
pub(crate) fn english_return_question(casting: &Casting, season: Option<&str>) -> String {
    match (&casting.part, season) {
        (Some(part), _) => format!("Will {} return as {part}?", casting.actor),
        (None, Some(season)) => format!("Will {} return for {season}?", casting.actor),
        (None, None) => format!("Will {} return?", casting.actor),
    }
}

/// "차도윤은 시즌2에 출연할까?", or "차도윤은 다시 출연할까?" when no season is named
/// (`season` its digit).
pub(crate) fn korean_return_question(actor: &str, season: Option<char>) -> String {
    let particle = topic_particle(actor);
    match season {
        Some(n) => format!("{actor}{particle} 시즌{n}에 출연할까?"),
        None => format!("{actor}{particle} 다시 출연할까?"),
    }
}

/// Whether `word` starts with a capital and is no opener.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&bare(word).as_str())
}

/// `word` without the punctuation and possessive around it.
fn clean(word: &str) -> &str {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    word.trim_matches('\'')
}

/// The English castings of `text`.
fn english_cast(text: &str) -> Vec<Casting> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut cast = Vec::new();
    // Compared without allocating: this reads every word of the article.
    let is_one_of = |word: &str, list: &[&str]| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        list.iter().any(|w| core.eq_ignore_ascii_case(w))
    };
    for k in 0..words.len() {
        let plays = is_one_of(words[k], PLAYS);
        let is_as = words[k] == "as" || words[k] == "whose";
        let actor_word = !plays && !is_as && is_one_of(words[k], ACTOR_WORDS);
        if !(plays || is_as || actor_word) {
            continue;
        }
        let word = bare(words[k]);
        // "Wren Kato, played by Lily Osei-Hart": the part first, the actor after "by".
        if plays && words.get(k + 1).is_some_and(|w| *w == "by") {
            let part = name_before(&words[..k], true);
            let actor = part_after(&words[k + 2..]).filter(|a| !a.starts_with("the "));
            if let (Some(part), Some(actor)) = (part, actor) {
                cast.push(Casting {
                    actor,
                    part: Some(part),
                });
            }
            continue;
        }
        // "Hattie Lowell, whose character Rosie left …", "Conrad Pike, whose Dr. Vance …".
        if word == "whose" && k > 0 && words[k - 1].ends_with(',') {
            let skip = usize::from(words.get(k + 1).is_some_and(|w| bare(w) == "character"));
            if let (Some(actor), Some(part)) = (
                name_before(&words[..k], true),
                part_after(&words[k + 1 + skip..]).filter(|p| !p.starts_with("the ")),
            ) {
                cast.push(Casting {
                    actor,
                    part: Some(part),
                });
            }
            continue;
        }
        if word == "as" || plays {
            // The name right before: two or three capitalised words, a comma ends it only at
            // its last word ("Hattie Lowell, who plays Rosie").
            let mut end = k;
            if plays && end >= 2 && bare(words[end - 1]) == "who" {
                end -= 1;
            }
            // "Kofi Danquah is back as …", "Freya Leverett returns as …": the return's verb
            // stands between the name and "as".
            let mut returning = 0;
            if !plays {
                let verb = words[..end]
                    .iter()
                    .rev()
                    .take(2)
                    .map(|w| bare(w))
                    .collect::<Vec<_>>();
                returning = match verb.as_slice() {
                    [back, is, ..] if back == "back" && matches!(is.as_str(), "is" | "are") => 2,
                    [returns, ..] if matches!(returns.as_str(), "returns" | "return") => 1,
                    _ => 0,
                };
                end -= returning;
            }
            let name = name_before(&words[..end], plays);
            // "who plays disgraced prosecutor Nadia Pruitt": a description may come first.
            // "is back as headteacher Mr Boateng", "returns as the geography teacher Miss
            // Gorringe": so may a return's.
            let skip = if plays || returning > 0 {
                words[k + 1..]
                    .iter()
                    .take(if plays { 2 } else { 4 })
                    .take_while(|w| {
                        w.chars().next().is_some_and(char::is_lowercase)
                            && (**w != "the" || returning > 0)
                    })
                    .count()
            } else {
                0
            };
            let part = part_after(&words[k + 1 + skip..]);
            // "Ada Finch who plays her": an actor, the part not named.
            match (name, part) {
                (Some(actor), Some(part)) => cast.push(Casting {
                    actor,
                    part: Some(part),
                }),
                // "Slow Horses is back as sharp as ever": a return names a part, or no one.
                (Some(actor), None) if plays => cast.push(Casting { actor, part: None }),
                _ => {}
            }
        } else if ACTOR_WORDS.contains(&word.as_str()) && !words[k].ends_with([',', '.']) {
            let run: Vec<&str> = words[k + 1..]
                .iter()
                .take(3)
                .copied()
                .take_while(|w| is_name_word(w))
                .collect();
            let run = cut_at_punctuation(&run);
            if run.len() >= 2 {
                cast.push(Casting {
                    actor: run.iter().map(|w| clean(w)).collect::<Vec<_>>().join(" "),
                    part: None,
                });
            }
        }
    }
    cast
}

/// Titles written with a full stop that end no name ("Dr. Vance").
const TITLES: &[&str] = &["Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Prof.", "Capt.", "Sgt."];

/// The words of `run` up to the first ending in punctuation (kept), a title's full stop
/// aside ("Dr. Vance").
fn cut_at_punctuation<'a>(run: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for w in run {
        out.push(*w);
        if w.ends_with([',', '.', ';', ':', ')', '!', '?']) && !TITLES.contains(w) {
            break;
        }
    }
    out
}

/// The actor's name ending `before`: two or three capitalised words. With `comma_ok` the last
/// word may carry a comma ("Hattie Lowell, who plays").
fn name_before(before: &[&str], comma_ok: bool) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for (i, w) in before.iter().rev().enumerate() {
        let punctuated = w.ends_with([',', '.', ';', ':', '"', '”']);
        // "Actor Dev Malhotra, who plays Rhys": the role word is no part of the name.
        if name.len() == 3
            || !is_name_word(w)
            || ACTOR_WORDS.contains(&bare(w).as_str())
            || (punctuated && !(i == 0 && comma_ok && w.ends_with(',')))
        {
            break;
        }
        name.push(clean(w));
    }
    (name.len() >= 2).then(|| name.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// The part opening `after`: "the Warden", or one to three capitalised words ("Captain Reyes").
fn part_after(after: &[&str]) -> Option<String> {
    let first = after.first()?;
    let (lead, rest) = if matches!(*first, "the" | "The") {
        (Some("the"), &after[1..])
    } else {
        (None, after)
    };
    let run = cut_at_punctuation(
        &rest
            .iter()
            .take(3)
            .copied()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect::<Vec<_>>(),
    );
    // "Odile's sister Brigid": the part is not the name before a possessive.
    let possessive = run
        .last()
        .is_some_and(|w| w.trim_end_matches([',', '.']).ends_with("'s") || w.ends_with("’s"));
    if run.is_empty() || possessive || run.iter().any(|w| bare(w) == "season") {
        return None;
    }
    let part = run
        .iter()
        .map(|w| if TITLES.contains(w) { w } else { clean(w) })
        .collect::<Vec<_>>()
        .join(" ");
    Some(match lead {
        Some(lead) => format!("{lead} {part}"),
        None => part,
    })
}

/// A Korean name: `eojeol` without quotes and a particle, two to four syllables.
fn korean_name(eojeol: &str) -> Option<String> {
    let word = eojeol.trim_matches(|c: char| !is_syllable(c));
    let stripped = KOREAN_PARTICLES
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| w.chars().count() >= 2))
        .unwrap_or(word);
    korean_bare_name(stripped)
}

/// A Korean name written with no particle after it ("문가을" before "측"): two to four
/// syllables, no word that follows 배우 or 주연 without being a name, and no honorific or
/// plural noun ("배우님", "배우들": a name takes 씨 or 님 as a word apart).
fn korean_bare_name(eojeol: &str) -> Option<String> {
    let stripped = eojeol.trim_matches(|c: char| !is_syllable(c));
    let n = stripped.chars().count();
    let honorific_or_plural = || n >= 3 && stripped.ends_with(['님', '들']);
    ((2..=4).contains(&n) && !honorific_or_plural() && !KOREAN_NOT_NAMES.contains(&stripped))
        .then(|| stripped.to_owned())
}

/// Nouns that follow 배우 or 주연 without being a name.
const KOREAN_NOT_NAMES: &[&str] = &[
    "미정",
    "확정",
    "미상",
    "결정",
    "섭외",
    "배우",
    "배우들",
    "주연",
    "조연",
    "출연",
    "복귀",
    "합류",
    "캐스팅",
    "시즌",
    "측은",
    "측",
    "본인",
    "역시",
    "모두",
    "전원",
    "라인업",
    "진",
    "들",
    "연기",
    "차기작",
];

/// The Korean castings of `text`.
fn korean_cast(text: &str) -> Vec<Casting> {
    let eojeols: Vec<&str> = text.split_whitespace().collect();
    let mut cast = Vec::new();
    for (k, eojeol) in eojeols.iter().enumerate() {
        let next = eojeols.get(k + 1).copied();
        let found = match *eojeol {
            // "배우 차도윤은", "주연 백서린이"
            // "주연 문가을 측": a name before 측, 씨 or 님 carries no particle.
            "배우" | "주연" | "주인공" => {
                let bare = eojeols
                    .get(k + 2)
                    .is_some_and(|w| w.starts_with(['측', '씨', '님']));
                let name = if bare {
                    next.and_then(korean_bare_name)
                } else {
                    next.and_then(korean_name)
                };
                name.map(|a| (a, None))
            }
            // "'봉팔' 역의 허재민", "'봉팔' 역 허재민", "봉팔 역을 맡은 허재민"
            _ if eojeol.ends_with("역의")
                || *eojeol == "역"
                || (eojeol.ends_with("역") && eojeol.contains(['\'', '’', '"', '”']))
                || (eojeol.ends_with("역을") && next == Some("맡은")) =>
            {
                let next = if eojeol.ends_with("역을") {
                    eojeols.get(k + 2).copied()
                } else {
                    next
                };
                let part = eojeol
                    .trim_end_matches("역의")
                    .trim_end_matches("역을")
                    .trim_end_matches('역')
                    .trim_matches(|c: char| !is_syllable(c));
                let part = if part.is_empty() {
                    k.checked_sub(1).and_then(|j| korean_name(eojeols[j]))
                } else {
                    korean_name(part)
                };
                next.and_then(korean_name).map(|a| (a, part))
            }
            _ if eojeol.starts_with("배우")
                && !eojeol.starts_with("배우들")
                && eojeol.chars().count() <= 4 =>
            {
                k.checked_sub(1)
                    .and_then(|j| korean_name(eojeols[j]))
                    .map(|a| (a, None))
            }
            // "차도윤(강호 역)"
            _ if eojeol.contains('(') => {
                let (name, rest) = eojeol.split_once('(').unwrap_or_default();
                let part = rest
                    .trim_end_matches([')', ',', '.'])
                    .strip_suffix(" 역")
                    .or_else(|| next.filter(|n| n.starts_with('역')).map(|_| rest));
                match part {
                    Some(part) => korean_name(name).map(|a| (a, korean_name(part))),
                    None => None,
                }
            }
            _ => None,
        };
        if let Some((actor, part)) = found {
            cast.push(Casting { actor, part });
        }
    }
    cast
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors(text: &str) -> Vec<(String, Option<String>)> {
        cast_of(text)
            .into_iter()
            .map(|c| (c.actor, c.part))
            .collect()
    }

    fn one(actor: &str, part: Option<&str>) -> Vec<(String, Option<String>)> {
        vec![(actor.to_owned(), part.map(str::to_owned))]
    }

    #[test]
    fn an_actor_is_named_by_their_part_or_their_role_word() {
        assert_eq!(
            actors("Hattie Lowell as Rosie was the heart of it."),
            one("Hattie Lowell", Some("Rosie"))
        );
        assert_eq!(
            actors("We loved Rafe Donnelly as the Warden, honestly."),
            one("Rafe Donnelly", Some("the Warden"))
        );
        assert_eq!(
            actors("Gwen Okafor, who plays Nadia Pruitt, said nothing."),
            one("Gwen Okafor", Some("Nadia Pruitt"))
        );
        assert_eq!(
            actors("Gwen Okafor, who plays disgraced prosecutor Nadia Pruitt, said nothing."),
            one("Gwen Okafor", Some("Nadia Pruitt"))
        );
        assert_eq!(
            actors("a spinoff about Wren Kato, played by Lily Osei-Hart, maybe."),
            one("Lily Osei-Hart", Some("Wren Kato"))
        );
        assert_eq!(
            actors("Actor Dev Malhotra, who plays Rhys, posted a photo."),
            vec![
                ("Dev Malhotra".to_owned(), None),
                ("Dev Malhotra".to_owned(), Some("Rhys".to_owned()))
            ]
        );
        assert_eq!(
            actors("And then there is Hattie Lowell, whose character Rosie left the hotel."),
            one("Hattie Lowell", Some("Rosie"))
        );
        assert_eq!(
            actors("We are less sure about Conrad Pike, whose Dr. Vance went over the rail."),
            one("Conrad Pike", Some("Dr. Vance"))
        );
        assert_eq!(
            actors("The big question is Hester Vale, who plays Odile's sister Brigid."),
            one("Hester Vale", None)
        );
        assert_eq!(
            actors("Ada Finch who plays her was 14 then."),
            one("Ada Finch", None)
        );
        assert_eq!(
            actors("The show's star Lorcan Pike is busy."),
            one("Lorcan Pike", None)
        );
        // "as" after a lone word or before a lower-case word names no part.
        assert!(actors("Mira as usual said nothing.").is_empty());
        assert!(actors("It ended as Bryony Hale walked out.").is_empty());
    }

    #[test]
    fn a_korean_actor_is_named_by_배우_주연_or_their_part() {
        assert_eq!(actors("배우 차도윤은 아직 말이 없다."), one("차도윤", None));
        assert_eq!(
            actors("송이안 배우가 복귀를 언급했다."),
            one("송이안", None)
        );
        assert_eq!(
            actors("'봉팔' 역의 허재민이 출연한다."),
            one("허재민", Some("봉팔"))
        );
        assert_eq!(
            actors("차도윤(강호 역)은 입대를 앞두고 있다."),
            one("차도윤", Some("강호"))
        );
        assert!(actors("배우들은 모두 모였다.").is_empty());
        // A name before 측 keeps its last syllable; "배우 미정" names no one.
        assert_eq!(
            actors("주연 문가을 측 관계자는 긍정적이다."),
            one("문가을", None)
        );
        assert!(actors("방영 시기와 합류 배우 미정").is_empty());
        // An honorific or plural noun after a part is no name, nor is a next project.
        assert!(actors("서진 역 배우님도 꼭 다시 나왔으면 좋겠어요.").is_empty());
        assert!(actors("주연 차기작 확정").is_empty());
    }

    #[test]
    fn the_actor_a_sentence_names_is_found_word_by_word() {
        let actors: HashSet<&str> = ["Hattie Lowell", "한지수", "Moss"].into_iter().collect();
        assert_eq!(
            actor_in("Will Hattie Lowell's Rosie come back?", &actors),
            Some("Hattie Lowell")
        );
        assert_eq!(
            actor_in("한지수의 출연 여부는 미정이다.", &actors),
            Some("한지수")
        );
        assert_eq!(actor_in("Moss, for one, is keen.", &actors), Some("Moss"));
        assert_eq!(actor_in("Hattie went home.", &actors), None);
    }

    #[test]
    fn a_name_finds_its_actor_by_any_of_their_names() {
        let cast = cast_of("Gwen Okafor as Nadia and Tomasz Brandt as the Warden.");
        assert_eq!(
            actor_named("Okafor", &cast).map(|c| c.actor.as_str()),
            Some("Gwen Okafor")
        );
        assert!(actor_named("Nadia", &cast).is_none());
        assert_eq!(
            part_named("the Warden", &cast).map(|c| c.actor.as_str()),
            Some("Tomasz Brandt")
        );
        assert_eq!(
            english_return_question(&cast[0], Some("season two")),
            "Will Gwen Okafor return as Nadia?"
        );
        assert_eq!(
            korean_return_question("차도윤", Some('2')),
            "차도윤은 시즌2에 출연할까?"
        );
        assert_eq!(
            korean_return_question("송이안", None),
            "송이안은 다시 출연할까?"
        );
    }
}
