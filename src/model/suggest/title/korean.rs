//! Korean titles: the group's own "…까" question, the renewal question, an embedded question
//! ("-ㄹ지", "-는지", "-인지") or a negated passive ended as a direct question, or a question
//! about the sentence's subject.

use std::collections::HashSet;

use super::super::terms::{Topic, without_parentheses};
use super::check::MAX_KOREAN_CHARS as MAX_TITLE_CHARS;
use super::check::{
    KOREAN_VIEWERS, adnominal_verb, inside_noun_phrase, joins_possessors, korean_maker_subject,
};
use super::{TitleContext, cast};

/// Title options for a Korean group, best first (the caller keeps the first the checker
/// accepts).
pub(super) fn korean_titles(
    sentences: &[&str],
    key: Option<Topic>,
    context: &TitleContext,
) -> Vec<String> {
    let season = season_number(sentences).or_else(|| {
        context
            .season
            .and_then(|n| char::from_digit(u32::from(n), 10))
    });
    let mut options = Vec::new();
    let schedule = match season {
        Some(n) => format!("시즌{n}{} 언제 방송될까?", digit_particles(n).0),
        None => "새 시즌은 언제 방송될까?".to_owned(),
    };
    match key {
        Some(Topic::Schedule) => options.push(schedule.clone()),
        Some(Topic::Renewal) if context.season_confirmed => options.push(schedule.clone()),
        _ => {}
    }
    options.push(korean_title(sentences, key));
    // A sentence about casting that names an actor the article casts ("도윤 역의 배우 박서호는
    // … 출연이 불투명하다") asks whether that actor appears; one with no name of its own
    // ("소속사 측은 '긍정적으로 검토 중'"), the person the article named last, unless the
    // sentence names them as crew.
    let casting = CASTING_WORDS.iter().any(|w| sentences[0].contains(w));
    let actors: HashSet<&str> = context.cast.iter().map(|c| c.actor.as_str()).collect();
    let named_actor = cast::actor_in(sentences[0], &actors);
    if let Some(actor) = named_actor.filter(|_| casting) {
        options.push(cast::korean_return_question(actor, season));
    } else if let Some(name) = context.antecedents.first().and_then(|a| a.any.as_ref())
        && casting
        && !named_as_crew(sentences, name)
    {
        options.push(format!("{name}{} 출연할까?", subject_particle(name)));
    }
    // The group's other sentences, each as its own question.
    for sentence in sentences.iter().skip(1).take(3) {
        options.push(korean_title(&[sentence], None));
    }
    match key {
        Some(Topic::Cast) => options.push(match season {
            Some(n) => format!("주연 배우들이 시즌{n}에 다시 출연할까?"),
            None => "주연 배우들이 다시 출연할까?".to_owned(),
        }),
        Some(Topic::Marriage) => options.push("두 사람은 결혼할까?".to_owned()),
        Some(Topic::Schedule) => options.push(schedule),
        Some(Topic::Spinoff) => options.push("스핀오프가 제작될까?".to_owned()),
        _ => {}
    }
    // "주연 배우들은 시즌2에 출연할까?" names the actors whose return the group's sentences
    // leave open, when it names any.
    // Asked only then: it reads the whole cast.
    if options.iter().any(|made| asks_the_cast_unnamed(made))
        && let Some(named) = open_actors_question(sentences, &actors, context, season)
    {
        for made in options
            .iter_mut()
            .filter(|made| asks_the_cast_unnamed(made))
        {
            made.clone_from(&named);
        }
    }
    // A maker's or the source's sentence about a later season ("정하림 감독은 시즌3까지 …"):
    // whether that season is made.
    let later = ["후속", "다음 시즌", "속편"];
    let about_a_maker = options.iter().any(|made| korean_maker_subject(made));
    if about_a_maker
        && !context.season_confirmed
        && (season.is_some() || later.iter().any(|w| sentences[0].contains(w)))
    {
        options.push(match season {
            Some(n) => format!("시즌{n}{} 나올까?", digit_particles(n).1),
            None => "후속 시즌이 나올까?".to_owned(),
        });
    }
    let pair = context.antecedents.first().and_then(|a| a.pair.as_ref());
    options
        .into_iter()
        .map(|made| appearance_question(made, sentences[0], context, season))
        .map(|made| pair_named(made, pair))
        .collect()
}

/// "두 사람이 연인으로 발전할까?" → "서경과 민호가 연인으로 발전할까?": the two people this
/// sentence or the one before it named together, when one did ([`super::Antecedent::pair`]).
fn pair_named(made: String, pair: Option<&(String, String)>) -> String {
    let Some((first, second)) = pair else {
        return made;
    };
    let Some(at) = made.find("두 사람") else {
        return made;
    };
    let after = &made[at + "두 사람".len()..];
    let (particle, rest) = match after.chars().next() {
        Some('이') => (subject_particle(second), &after['이'.len_utf8()..]),
        Some('은') => (topic_particle(second), &after['은'.len_utf8()..]),
        Some('의') => ("의", &after['의'.len_utf8()..]),
        _ => ("", after),
    };
    let and = if has_final_consonant(first) {
        "과"
    } else {
        "와"
    };
    format!("{}{first}{and} {second}{particle}{rest}", &made[..at])
}

/// Whether the last syllable of `word` has a final consonant (받침).
fn has_final_consonant(word: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|c| is_syllable(c) && !(c as u32 - 0xAC00).is_multiple_of(28))
}

/// Nouns of an unnamed figure ("마지막 손님", "빨간 우산 주인").
const FIGURES: &[&str] = &[
    "주인",
    "손님",
    "여인",
    "남자",
    "여자",
    "사람",
    "운전사",
    "인물",
    "아이",
    "소년",
    "소녀",
    "목소리",
    "배신자",
    "범인",
];

/// Words of a figure whose identity the story keeps ("정체", "누구인지", "의문의").
const IDENTITY_WORDS: &[&str] = &["정체", "누구", "누군지", "의문의", "수수께끼", "미스터리"];

/// Words of a death or of surviving one ("사망", "죽은 줄", "생사").
const FATE_WORDS: &[&str] = &["죽", "사망", "생사", "살아", "생존", "숨진", "목숨"];

/// The topic and subject particles after a digit read aloud: 2, 4, 5, 9 end in a vowel (이,
/// 사, 오, 구) and take 는/가, the others 은/이.
fn digit_particles(n: char) -> (&'static str, &'static str) {
    if matches!(n, '2' | '4' | '5' | '9') {
        ("는", "가")
    } else {
        ("은", "이")
    }
}

/// Nouns of a group of people ("원년 멤버", "주연 배우들").
const PEOPLE: &[&str] = &[
    "멤버",
    "멤버들",
    "배우",
    "배우들",
    "출연진",
    "주연진",
    "주연들",
];

/// Nouns of appearing in a season ("한채린의 시즌2 합류"), the longer first ("재출연").
const APPEARING: &[&str] = &["재출연", "재합류", "출연", "합류", "복귀", "캐스팅"];

/// Words of a person appearing in, coming back to or leaving a season ("출연 여부", "돌아가고
/// 싶다", "하차 가능성").
const APPEARANCE_WORDS: &[&str] = &["출연", "합류", "복귀", "돌아가고 싶", "돌아오", "하차"];

/// Role words written before a lead's name ("남자 주인공 천이판").
const LEAD_ROLES: &[&str] = &["남자 주인공 ", "여자 주인공 ", "주인공 ", "주연 "];

/// "오태경 측 관계자는": the person whose side speaks.
fn side_of(sentence: &str) -> Option<&str> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let k = eojeols
        .iter()
        .position(|w| *w == "측" || w.starts_with("측은"))?;
    let name = eojeols.get(k.checked_sub(1)?)?;
    (name.chars().count() >= 2 && name.chars().count() <= 4 && name.chars().all(is_syllable))
        .then_some(*name)
}

/// Subjects that name the cast as a whole ("주연 배우들은 …", "출연진은 …").
const WHOLE_CAST: &[&str] = &["주연 배우들", "출연진", "배우들"];

/// Whether `made` asks whether the cast as a whole appears ("주연 배우들이 시즌2에 다시
/// 출연할까?"), naming no one.
fn asks_the_cast_unnamed(made: &str) -> bool {
    WHOLE_CAST.iter().any(|w| made.starts_with(w)) && made.ends_with("출연할까?")
}

/// "배시온과 이태오는 시즌2에 출연할까?": the one or two actors of `actors` (the article's
/// cast, [`TitleContext::cast`]) that `sentences` name, first named first, leaving out those
/// whose return the article reports ([`TitleContext::returned`]); `None` when they name none
/// or more than two.
fn open_actors_question(
    sentences: &[&str],
    actors: &HashSet<&str>,
    context: &TitleContext,
    season: Option<char>,
) -> Option<String> {
    let mut named: Vec<&str> = Vec::new();
    for sentence in sentences {
        for actor in cast::actors_in(sentence, actors, 3) {
            if !named.contains(&actor) && !context.returned.iter().any(|r| r == actor) {
                named.push(actor);
            }
        }
    }
    // Three or more are "주연 배우들" still.
    match named.as_slice() {
        [actor] => Some(cast::korean_return_question(actor, season)),
        [first, second] => {
            let and = if has_final_consonant(first) {
                "과"
            } else {
                "와"
            };
            let both = format!("{first}{and} {second}");
            Some(cast::korean_return_question(&both, season))
        }
        _ => None,
    }
}

/// "차도윤은 어떻게 될까?" → "차도윤은 시즌2에 출연할까?" when the article names 차도윤 as an
/// actor ([`TitleContext::cast`]); "주연 배우들의 출연은 어떻게 될까?" → "주연 배우들은 시즌2에
/// 출연할까?": whether they appear is the open question. Other titles are kept.
fn appearance_question(
    made: String,
    sentence: &str,
    context: &TitleContext,
    season: Option<char>,
) -> String {
    let Some(subject) = made.strip_suffix(" 어떻게 될까?") else {
        return made;
    };
    let subject = ["은", "는", "이", "가"]
        .iter()
        .find_map(|p| subject.strip_suffix(p))
        .unwrap_or(subject);
    let person = LEAD_ROLES
        .iter()
        .find_map(|r| subject.strip_prefix(r))
        .unwrap_or(subject)
        .trim_end_matches("배우")
        .trim_end();
    // "연화 역 서하람": the actor, not the part.
    let person = person
        .rsplit_once(" 역 ")
        .map_or(person, |(_, actor)| actor);
    if let Some(casting) = cast::actor_named(person, &context.cast) {
        return cast::korean_return_question(&casting.actor, season);
    }
    // "남유빈은 … 시즌2 출연을 검토": a named person in a sentence about appearing asks
    // whether they appear.
    // "앞으로는": an adverb is no one.
    let named = (2..=4).contains(&person.chars().count())
        && person.chars().all(is_syllable)
        && !person.ends_with('로')
        && !named_as_crew(&[sentence], person);
    if named
        && !person.starts_with("시즌")
        && APPEARANCE_WORDS.iter().any(|w| sentence.contains(w))
        && (sentence.contains("시즌") || sentence.contains("다시"))
    {
        return cast::korean_return_question(person, season);
    }
    // "강하람 아버지는 …": a death the story speaks of asks whether they live.
    // "가면 쓴 도공은 …": a figure the story keeps hidden asks who it is.
    if IDENTITY_WORDS.iter().any(|w| sentence.contains(w)) && !subject.contains("시즌") {
        let person = subject
            .strip_suffix("의 정체")
            .or_else(|| subject.strip_suffix(" 정체"))
            .unwrap_or(subject)
            .trim();
        // A description ("가면 쓴 도공", "마지막 손님"), not a name the story already gives.
        let described = person.contains(' ') || FIGURES.iter().any(|f| person.ends_with(f));
        if described
            && !person.ends_with('로')
            && person.chars().all(|c| is_syllable(c) || c == ' ')
        {
            return format!("{person}{} 누구일까?", topic_particle(person));
        }
    }
    // "앞으로는": an adverb is no one.
    let someone =
        !subject.contains(' ') && !subject.ends_with('로') && subject.chars().all(is_syllable);
    if FATE_WORDS.iter().any(|w| sentence.contains(w)) && someone {
        return format!("{subject}{} 살아 있을까?", topic_particle(subject));
    }
    // "X의 (시즌N) 출연": X appearing.
    let Some(before) = APPEARING.iter().find_map(|noun| subject.strip_suffix(noun)) else {
        return made;
    };
    let owner = before.trim_end();
    let owner = match owner.rsplit_once(' ') {
        Some((rest, last)) if last.starts_with("시즌") => rest,
        _ if owner.starts_with("시즌") => "",
        _ => owner,
    };
    // "'봉팔' 역 허재민의": the actor, not the part; "배우 한지수의": the name without its role.
    let owner = match owner.rsplit_once(" 역 ") {
        Some((_, actor)) => actor,
        None => owner,
    };
    let owner = KOREAN_ROLE_WORDS
        .iter()
        .find_map(|role| owner.strip_prefix(role)?.strip_prefix(' '))
        .unwrap_or(owner);
    // "시즌2 출연 여부" said by "오태경 측": 오태경 appearing.
    if owner.is_empty()
        && let Some(name) = side_of(sentence)
    {
        return cast::korean_return_question(name, season);
    }
    // "주연 한서율 출연": a lead is a person.
    // "주연 배우들" is the cast as a whole, kept as it is.
    let (owner, lead) = match LEAD_ROLES.iter().find_map(|r| owner.strip_prefix(r)) {
        Some(name) if !name.contains(' ') && !name.trim_end_matches('의').ends_with('들') => {
            (name, true)
        }
        _ => (owner, false),
    };
    // "한채린의 합류", "원년 멤버 복귀": a person or a group appears; "실제 출연" names no one.
    let people = lead || owner.ends_with('의') || PEOPLE.iter().any(|p| owner.ends_with(p));
    let owner = owner.strip_suffix('의').unwrap_or(owner).trim();
    if !people || owner.chars().count() < 2 || !owner.chars().all(|c| is_syllable(c) || c == ' ') {
        return made;
    }
    cast::korean_return_question(owner, season)
}

/// Role words of the people who make a show, not act in it.
const CREW_ROLES: &[&str] = &["감독", "작가", "PD", "연출", "프로듀서", "원작자"];

/// Whether `sentences` name `name` (or a name it opens) with a crew role before or after it
/// ("감독 아오사키 료헤이 씨는", "정소윤 감독은"): whether they appear is no question.
fn named_as_crew(sentences: &[&str], name: &str) -> bool {
    sentences.iter().any(|sentence| {
        let eojeols: Vec<&str> = sentence.split_whitespace().collect();
        eojeols.iter().enumerate().any(|(k, w)| {
            let role = |j: usize| {
                eojeols
                    .get(j)
                    .is_some_and(|r| CREW_ROLES.iter().any(|c| r.starts_with(c)))
            };
            w.starts_with(name) && ((k > 0 && role(k - 1)) || role(k + 1) || role(k + 2))
        })
    })
}

/// Words of a casting answer or a wish to act again.
const CASTING_WORDS: &[&str] = &["검토", "제안", "출연", "합류", "싶", "좋겠", "돌아"];

/// The season number the sentences name ("시즌2" → '2').
fn season_number(sentences: &[&str]) -> Option<char> {
    let text = sentences.join(" ");
    // "시즌1" is the season that aired: a later one is asked about.
    text.match_indices("시즌")
        .filter_map(|(i, _)| text[i + "시즌".len()..].trim_start().chars().next())
        .filter(|c| c.is_ascii_digit() && *c > '1')
        .max()
}

/// The title made from a group's sentences (strongest first).
fn korean_title(sentences: &[&str], key: Option<Topic>) -> String {
    for sentence in sentences {
        let plain = sentence
            .trim()
            .trim_end_matches(['.', '。', '…', '?', '？', ' ']);
        // "-나요" asks too: a heading "해나랑 도윤은 결국 이어지나요" is the article's question.
        if (plain.ends_with('까') || plain.ends_with("까요") || plain.ends_with("나요"))
            && let Some(clause) = last_clause(plain)
        {
            return format!("{clause}?");
        }
        // "강이설 형사는 살아있는 거죠?", "토모는 시험에 합격했는가?": the article's question in
        // another ending, asked in the "-ㄹ까" one.
        let asked = sentence
            .trim_end()
            .trim_end_matches(['"', '”', '\'', '’', ' ']);
        if asked.ends_with(['?', '？'])
            && let Some(question) = as_kka_question(plain)
            && let Some(clause) = last_clause(&question)
        {
            return format!("{clause}?");
        }
    }
    if key == Some(Topic::Renewal) {
        // "시즌1" aired: the season asked about is a later one.
        let number = season_number(sentences);
        return match number {
            Some(n) => format!("시즌{n} 제작이 확정될까?"),
            None => "후속 시즌이 제작될까?".to_owned(),
        };
    }
    let best = strip_korean_connective(sentences[0].trim());
    if let Some(question) = ji_question(best)
        .or_else(|| unrevealed_question(best))
        .or_else(|| negated_passive_question(best))
        .or_else(|| guess_question(best))
        .or_else(|| rumoured_question(best))
        .or_else(|| claimed_question(best))
        .or_else(|| hoped_for_question(best))
        .or_else(|| wish_question(best))
        .or_else(|| desire_question(best))
    {
        return question;
    }
    if let Some(i) = best.find("여부") {
        let before: Vec<&str> = best[..i].split_whitespace().collect();
        let tail = noun_phrase_tail(&before, 4);
        if !tail.is_empty() {
            let subject = tail.join(" ");
            return format!("{subject}{} 어떻게 될까?", topic_particle(&subject));
        }
    }
    if let Some(question) = curious_question(best) {
        return question;
    }
    let eojeols: Vec<&str> = best.split_whitespace().collect();
    if let Some(k) = eojeols.iter().take(5).enumerate().position(|(i, w)| {
        // "서하늘(진소이 분)이": the particle comes after the parenthesis closes; "료헤이 씨는":
        // after the honorific.
        let open_note = w.contains('(') && !w.contains(')');
        let honorific_next = eojeols
            .get(i + 1)
            .is_some_and(|n| n.starts_with(['씨', '님']) && n.chars().count() <= 3);
        !open_note
            && !honorific_next
            && w.ends_with(['은', '는', '이', '가'])
            && !KOREAN_GENERIC_SUBJECTS.contains(w)
            && !["로는", "에는", "서는", "에서는", "측은", "측이"]
                .iter()
                .any(|p| w.ends_with(p))
            && !w.starts_with(|c: char| c.is_ascii_digit())
            // "맡은", "넘치는": an adnominal verb; "많이", "같이": an adverb.
            && !adnominal_verb(w)
            && !ADVERBS_IN_I.contains(w)
    }) {
        // "감독 아오사키 료헤이 씨는", "츠구미 역의 성우 미나세 코하루 씨는": a name with its
        // honorific has room for its role words.
        let honorific = eojeols[k].starts_with(['씨', '님']);
        let subject = noun_phrase_tail(&eojeols[..=k], if honorific { 6 } else { 3 });
        let quoted = subject
            .iter()
            .any(|w| w.contains(['"', '“', '”', '\'', '‘', '’']));
        // "한도윤 역의 배우 강민재는 …": an actor's open question is whether they appear.
        let actor = subject
            .iter()
            .any(|w| w.contains("배우") || w.ends_with("역의"));
        if !quoted
            && actor
            && let Some(named) = named_subject(subject)
        {
            let name = named
                .strip_suffix(['은', '는', '이', '가'])
                .unwrap_or(&named);
            // "미나세 코하루": a foreign name may have two words; "윤채령 배우", "연화 역
            // 서하람" keep a role word and are asked by the cast the article gives.
            let plain = !name
                .split(' ')
                .any(|w| KOREAN_ROLE_WORDS.contains(&w) || w == "주연" || w.ends_with('역'));
            if plain
                && name.chars().count() >= 2
                && name.chars().all(|c| is_syllable(c) || c == ' ')
            {
                return format!("{name}{} 출연할까?", subject_particle(name));
            }
        }
        if !quoted && let Some(subject) = named_subject(subject) {
            // "방영일은 …" asks when, not how.
            let noun = subject
                .strip_suffix(['은', '는', '이', '가'])
                .unwrap_or(&subject);
            if ["일", "시기", "날짜", "시점", "일정"]
                .iter()
                .any(|d| noun.ends_with(d))
            {
                return format!("{subject} 언제일까?");
            }
            // "시즌2가 …": whether the season is made, not how it goes.
            if noun
                .strip_prefix("시즌")
                .is_some_and(|n| n.starts_with(|c: char| ('2'..='9').contains(&c)))
            {
                return format!("{subject} 나올까?");
            }
            return format!("{subject} 어떻게 될까?");
        }
    }
    match key {
        Some(Topic::Cast) => "출연이 확정될까?".to_owned(),
        Some(Topic::Marriage) => "두 사람은 결혼할까?".to_owned(),
        Some(Topic::Mother) => "어머니와의 관계는 어떻게 될까?".to_owned(),
        _ => "앞으로 어떻게 될까?".to_owned(),
    }
}

/// "미주와 형사 도하준의 관계도 궁금한데요" → "미주와 형사 도하준의 관계는 어떻게 될까?": what
/// the writer says they wonder about, asked. `None` when no noun phrase with its particle
/// comes before "궁금…" (or the wondering is a noun: "궁금증").
fn curious_question(sentence: &str) -> Option<String> {
    let plain = without_parentheses(sentence);
    let eojeols: Vec<&str> = plain.split_whitespace().collect();
    // Said as the writer's own wondering ("궁금해요", "궁금한데요", "궁금합니다"), not what
    // viewers wondered before it was answered ("궁금해했던", "궁금해 했던").
    let at = eojeols.iter().position(|w| {
        let word = w.trim_end_matches(|c: char| !is_syllable(c));
        word.starts_with("궁금")
            && !word.starts_with("궁금증")
            && !word.contains("해하")
            && ["다", "요", "데", "네", "해", "함", "고"]
                .iter()
                .any(|e| word.ends_with(e))
    })?;
    if eojeols
        .get(at + 1)
        .is_some_and(|w| w.starts_with("했던") || w.starts_with("하던"))
    {
        return None;
    }
    // "관계가 제일 궁금해요": degree adverbs between the subject and the wondering.
    let mut before = &eojeols[..at];
    while let [rest @ .., last] = before
        && [
            "제일", "가장", "너무", "정말", "진짜", "좀", "더", "또", "무척", "많이",
        ]
        .contains(last)
    {
        before = rest;
    }
    let (last, rest) = before.split_last()?;
    let noun = ["도", "이", "가", "은", "는"]
        .iter()
        .find_map(|p| last.strip_suffix(p))
        .filter(|n| n.chars().count() >= 2 && n.chars().all(is_syllable))?;
    let mut phrase: Vec<&str> = rest.to_vec();
    phrase.push(noun);
    let subject = noun_phrase_tail(&phrase, 4).join(" ");
    // "다른 분들 생각도 궁금합니다": the readers' opinions are asked for, not a thread.
    if ["분들", "여러분", "생각", "의견"]
        .iter()
        .any(|w| subject.contains(w))
    {
        return None;
    }
    Some(format!(
        "{subject}{} 어떻게 될까?",
        topic_particle(&subject)
    ))
}

/// Adverbs ending in 이 that read like a subject with 이 ("많이", "같이").
const ADVERBS_IN_I: &[&str] = &[
    "많이",
    "같이",
    "없이",
    "깊이",
    "굳이",
    "높이",
    "길이",
    "일찍이",
    "깨끗이",
    "겹겹이",
    "틈틈이",
    "곰곰이",
    "나란히",
];

/// The last words of `eojeols` (at most `max`) that make one noun phrase: the head and the
/// words before it that stand inside a noun phrase ("예고했지만, 한채린의 시즌2 합류" →
/// "한채린의 시즌2 합류"). Empty when `eojeols` is.
fn noun_phrase_tail<'a, 'b>(eojeols: &'b [&'a str], max: usize) -> &'b [&'a str] {
    let Some(head) = eojeols.len().checked_sub(1) else {
        return eojeols;
    };
    let mut start = head;
    // "시즌1을 이끈 김서진과 …": a word after an object ("…을", "…를") is its verb.
    let after_object = |k: usize| {
        k.checked_sub(1)
            .is_some_and(|j| eojeols[j].ends_with(['을', '를']))
    };
    while start > 0
        && head - start + 1 < max
        && !after_object(start - 1)
        && (inside_noun_phrase(eojeols[start - 1])
            || joins_possessors(eojeols[start - 1], &eojeols[start..]))
    {
        start -= 1;
    }
    &eojeols[start..]
}

/// Role words written before a Korean name ("배우 강이서", "원로배우 최만석 님").
const KOREAN_ROLE_WORDS: &[&str] = &[
    "배우",
    "원로배우",
    "신인배우",
    "성우",
    "가수",
    "작가",
    "감독",
    "조수",
    "PD",
    "아이돌",
];

/// A subject with its role words and parenthesised actor notes taken off ("조수 나은별(한가을
/// 분)이" → "나은별이", "원로배우 최만석 님은" → "최만석은"); `None` when nothing but the
/// role is left.
fn named_subject(eojeols: &[&str]) -> Option<String> {
    let text = eojeols.join(" ");
    // "(한가을 분)" and any other parenthesis.
    let plain = without_parentheses(&text);
    // "한도윤 역의 배우 강민재는": the role an actor plays goes with the role word.
    let after_role = plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|w| w.ends_with("역의") || w.ends_with("역을") || w.ends_with("역으로"))
        .map_or(0, |k| k + 1);
    // "감독 아오사키 료헤이 씨는": a crew role goes after the name ("아오사키 료헤이 감독은"), so
    // the title shows whom it asks about.
    let crew = plain
        .split_whitespace()
        .skip(after_role)
        .find(|w| CREW_ROLES.contains(w));
    let mut words: Vec<String> = plain
        .split_whitespace()
        .skip(after_role)
        .filter(|w| !KOREAN_ROLE_WORDS.contains(w))
        .map(str::to_owned)
        .collect();
    if let (Some(role), Some(last)) = (crew, words.last_mut())
        && let Some(particle) = ["씨는", "님은", "은", "는"]
            .iter()
            .find(|p| last.ends_with(**p))
    {
        let particle = if particle.starts_with(['씨', '님']) {
            topic_particle(role)
        } else {
            ""
        };
        if !particle.is_empty() {
            words.pop();
        }
        words.push(format!("{role}{particle}"));
    }
    // "최만석 님은" → "최만석은", "미나세 코하루 씨는" → "미나세 코하루는"
    if words.len() >= 2
        && let Some(particle) = words
            .last()
            .and_then(|w| w.strip_prefix('님').or_else(|| w.strip_prefix('씨')))
            .map(str::to_owned)
    {
        words.pop();
        if let Some(name) = words.pop() {
            let particle = match particle.as_str() {
                "은" | "는" => topic_particle(&name),
                "이" | "가" => subject_particle(&name),
                other => {
                    words.push(format!("{name}{other}"));
                    return Some(words.join(" "));
                }
            };
            words.push(format!("{name}{particle}"));
        }
    }
    // A name's own particle after a parenthesis: "나은별이" stays, "나은별 이" joins.
    let joined = words.join(" ");
    (!joined.is_empty() && joined.chars().count() > 2).then_some(joined)
}

/// Whether `c` is a Hangul syllable.
pub(super) fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// 이 after a syllable with a final consonant, 가 otherwise.
fn subject_particle(word: &str) -> &'static str {
    if has_final_consonant(word) {
        "이"
    } else {
        "가"
    }
}

/// Korean subjects too generic to title a question ("팬들은 …").
const KOREAN_GENERIC_SUBJECTS: &[&str] = &[
    "팬들은",
    "팬들이",
    "시청자들은",
    "시청자들이",
    "관계자는",
    "제작진은",
    "제작사는",
    "업계는",
    "이는",
    "그는",
    "그녀는",
];

/// Korean connectives that open a sentence without being part of its question.
const KOREAN_CONNECTIVES: &[&str] = &[
    "또",
    "첫째",
    "둘째",
    "셋째",
    "마지막으로",
    "먼저",
    "다만",
    "하지만",
    "그러나",
    "또한",
    "한편",
    "특히",
    "그런데",
    "결국",
    "그리고",
    "그래서",
    "근데",
    "아무튼",
    "즉",
    "게다가",
    "물론",
    "사실",
    "솔직히",
    "반면",
    "따라서",
    "그러니까",
    "이에",
];

/// `text` without a leading Korean connective.
fn strip_korean_connective(text: &str) -> &str {
    match text.split_once(' ') {
        Some((first, rest)) if KOREAN_CONNECTIVES.contains(&first.trim_end_matches(',')) => {
            rest.trim_start()
        }
        _ => text,
    }
}

/// "배우들이 다시 출연할지도 알려지지 않았다" → "배우들이 다시 출연할까?": an embedded
/// question ("-ㄹ지", "-는지", "-인지") ended as a direct one.
fn ji_question(sentence: &str) -> Option<String> {
    // "강 형사(차민혁 분)가": a cast note in parentheses is no part of the question.
    let plain = without_parentheses(sentence);
    let eojeols: Vec<&str> = plain.split_whitespace().collect();
    for (k, eojeol) in eojeols.iter().enumerate() {
        let chars: Vec<char> = eojeol.chars().collect();
        let Some((head, _)) = (1..chars.len())
            .filter(|&j| chars[j] == '지' && ends_embedded(&chars[j + 1..]))
            .find_map(|j| direct_question_head(&chars[..j]).map(|h| (h, j)))
        else {
            continue;
        };
        let mut words: Vec<&str> = eojeols[..k].to_vec();
        // Keep the question short: its last few words before the verb.
        if words.len() > 6 {
            words.drain(..words.len() - 6);
        }
        // From after the last clause break ("…끝났는데요, 가위에 …"), after where or when it
        // happened ("마지막 회에서 총에 맞은 강 형사가" → "총에 맞은 강 형사가") and after a
        // role word ("윤서 역을 맡았던 배우 김나래가" → "김나래가").
        if let Some(cut) = words.iter().rposition(|w| {
            w.ends_with(',')
                || w.ends_with("는데요")
                || w.ends_with("는데")
                || [
                    "회에서",
                    "화에서",
                    "장면에서",
                    "엔딩에서",
                    "결말에서",
                    "방송에서",
                ]
                .iter()
                .any(|e| w.ends_with(e))
                // "팬들은 두 사람이 어떻게 될지": the viewers wondering are not the subject.
                || KOREAN_VIEWERS.iter().any(|v| w.starts_with(v))
                || KOREAN_ROLE_WORDS.contains(w)
        }) {
            words.drain(..=cut);
        }
        let lead = words.join(" ");
        let joined = if lead.is_empty() {
            head
        } else {
            format!("{lead} {head}")
        };
        return Some(format!("{}까?", joined.trim_end()));
    }
    None
}

/// Whether what follows "지" in an eojeol ends an embedded question ("할지", "할지는",
/// "할지도"), not a noun ("일지의").
fn ends_embedded(rest: &[char]) -> bool {
    let rest: String = rest
        .iter()
        .collect::<String>()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    ["", "는", "도", "를", "가", "에", "조차", "부터", "에는"].contains(&rest.as_str())
}

/// "일지의 주인은 끝내 밝혀지지 않았다" → "일지의 주인은 누구일까?": what is not revealed,
/// asked as who or what it is.
fn unrevealed_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let verb = eojeols.iter().position(|w| {
        ["밝혀지지", "알려지지", "드러나지", "공개되지", "나오지"]
            .iter()
            .any(|v| w.starts_with(v))
    })?;
    // "사진 한 장의 정체도 밝혀지지 않았다": the topic may carry 도, 이 or 가 instead.
    let topic = eojeols[..verb]
        .iter()
        .rposition(|w| w.ends_with(['은', '는', '도', '이', '가']) && w.chars().count() >= 2)?;
    let mut words: Vec<String> = eojeols[..topic].iter().map(|w| (*w).to_owned()).collect();
    if words.len() > 5 {
        words.drain(..words.len() - 5);
    }
    // From the first word with no particle of its own: "역장 윤기석이 숨겨 온 금고 속 사진
    // 한 장의" keeps "금고 속 사진 한 장의".
    if let Some(k) = words
        .iter()
        .rposition(|w| w.ends_with(['이', '가', '은', '는', '을', '를']) || w.ends_with("온"))
    {
        words.drain(..=k);
    }
    let noun = eojeols[topic]
        .strip_suffix(['은', '는', '도', '이', '가'])
        .unwrap_or(eojeols[topic]);
    words.push(format!("{noun}{}", topic_particle(noun)));
    if noun.ends_with("여부") {
        return None;
    }
    let ends = |list: &[&str]| list.iter().any(|p| noun.ends_with(p));
    let asked = if ends(&["주인", "범인", "정체", "사람", "인물", "발신자", "배후"])
    {
        "누구일까"
    } else if ends(&["시기", "날짜", "일정", "시점"]) {
        "언제일까"
    } else {
        "무엇일까"
    };
    Some(format!("{} {asked}?", words.join(" ")))
}

/// "사진 속 여자가 한별의 어머니라는 추측이 쏟아지고 있다" → "사진 속 여자가 한별의
/// 어머니일까?": a guess, rumour or claim asked as the question it answers.
fn guess_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let at = eojeols.iter().enumerate().position(|(k, w)| {
        w.ends_with("라는")
            && eojeols.get(k + 1).is_some_and(|next| {
                ["추측", "주장", "설", "의견", "관측", "예상", "분석", "이론"]
                    .iter()
                    .any(|g| next.starts_with(g))
            })
    })?;
    let claim = eojeols[at].strip_suffix("라는")?;
    let claim = claim.strip_suffix('이').unwrap_or(claim);
    // "서연이 살아 있을 것이라는 추측" → "서연이 살아 있을까?"
    let verb_claim =
        claim == "것" && at > 0 && eojeols[at - 1].chars().last().is_some_and(has_rieul_final);
    // Its subject: the last word with 이 or 가 before it, and the bare nouns just before that.
    let subject = eojeols[..at]
        .iter()
        .rposition(|w| w.ends_with(['이', '가']) && w.chars().count() >= 2)?;
    let mut start = subject;
    while start > 0
        && !eojeols[start - 1].ends_with(['은', '는', '이', '가', '에', '서', '를', '을'])
    {
        start -= 1;
    }
    let mut words: Vec<&str> = eojeols[start..at].to_vec();
    if verb_claim {
        return Some(format!("{}까?", words.join(" ")));
    }
    words.push(claim);
    Some(format!("{}일까?", words.join(" ")))
}

/// Endings of a fact asked about with "거" ("살아있는 거죠", "어떻게 되는 거야").
const GEO_ENDINGS: &[&str] = &["거죠", "거지", "거야", "거예요", "건가요", "건가", "거"];

/// Words confirming a fact asked about ("성불한 거 맞아?").
const RIGHT_WORDS: &[&str] = &["맞아", "맞지", "맞죠", "맞나요", "맞나", "맞음", "맞냐"];

/// A Korean direct question in another ending, asked with "-ㄹ까" (without its "?"): "강이설
/// 형사는 살아있는 거죠" → "강이설 형사는 살아있는 걸까"; "무진이 성불한 거 맞아" → "무진이
/// 성불한 걸까"; "수아랑 도진이는 어떻게 되는 거" → "수아랑 도진이는 어떻게 될까"; "토모는
/// 시험에 합격했는가" → "토모는 시험에 합격했을까"; "연주 발령은 확정이야" → "연주 발령은
/// 확정일까"; "범인은 결국 이장" → "범인은 결국 이장일까"; "두목은 따로 있다" → "두목은 따로
/// 있을까". `None` for any other ending. A reply marker ("ㄴ 근데") is taken off first.
fn as_kka_question(plain: &str) -> Option<String> {
    let plain = plain.trim_start_matches(['ㄴ', ' ']);
    let plain = strip_korean_connective(plain);
    let plain = plain.strip_prefix("근데 ").unwrap_or(plain);
    let mut eojeols: Vec<&str> = plain.split_whitespace().collect();
    if eojeols.len() < 2 {
        return None;
    }
    let last = *eojeols.last()?;
    // "… 거 맞아": the confirming word goes, the "거" is asked.
    if RIGHT_WORDS.contains(&last) {
        eojeols.pop();
        let thing = *eojeols.last()?;
        if !matches!(thing, "거" | "게" | "것") {
            return None;
        }
        eojeols.pop();
        return Some(format!("{} 걸까", eojeols.join(" ")));
    }
    let head = eojeols[..eojeols.len() - 1].join(" ");
    if GEO_ENDINGS.contains(&last) {
        // "어떻게 되는 거" → "어떻게 될까".
        if let Some(rest) = head.strip_suffix(" 되는") {
            return Some(format!("{rest} 될까"));
        }
        return Some(format!("{head} 걸까"));
    }
    // "누구예요", "것인가요", "무엇인가": a copula asks "일까".
    if let Some(stem) = ["인가요", "인가", "이에요", "예요"]
        .iter()
        .find_map(|e| last.strip_suffix(e))
    {
        return Some(format!("{head} {stem}일까"));
    }
    if let Some(stem) = last
        .strip_suffix("는가")
        .or_else(|| last.strip_suffix("은가"))
    {
        let verb = consonant_stem_question(stem)?;
        return Some(format!("{head} {verb}"));
    }
    if let Some(noun) = last
        .strip_suffix("이야")
        .or_else(|| last.strip_suffix("야"))
    {
        // "확정이야"; not "어디에야" (a place word with its particle).
        let particle = noun.ends_with(['에', '로', '서']);
        if noun.chars().count() >= 2 && noun.chars().all(is_syllable) && !particle {
            return Some(format!("{head} {noun}일까"));
        }
        return None;
    }
    if let Some(stem) = last.strip_suffix('다') {
        let verb = consonant_stem_question(stem)?;
        return Some(format!("{head} {verb}"));
    }
    // "범인은 결국 이장": a bare noun after a topic asks what it is.
    // ("아는 사람": a two-syllable "-는" is a verb's modifier, no topic.)
    let before = eojeols[eojeols.len() - 2];
    let topic_before = (before.ends_with(['은', '는']) && before.chars().count() >= 3)
        || matches!(before, "결국" | "혹시" | "진짜");
    let verbal = last.ends_with([
        '요', '죠', '지', '네', '나', '가', '니', '어', '아', '냐', '래', '에', '로', '서', '도',
        '를', '을',
    ]);
    let noun = (2..=4).contains(&last.chars().count()) && last.chars().all(is_syllable) && !verbal;
    (topic_before && noun).then(|| format!("{head} {last}일까"))
}

/// A verb stem ending in a final consonant asked with "-을까" ("있" → "있을까", "합격했" →
/// "합격했을까"); `None` otherwise.
fn consonant_stem_question(stem: &str) -> Option<String> {
    has_final_consonant(stem).then(|| format!("{stem}을까"))
}

/// Nouns of what fans read into a story: a clue, a theory, a guess, a rumour.
const CLAIM_NOUNS: &[&str] = &[
    "떡밥",
    "설",
    "추측",
    "얘기",
    "이야기",
    "소문",
    "암시",
    "복선",
    "의혹",
    "가능성",
    "해석",
    "이론",
    "의견",
    "관측",
];

/// "태이의 쌍둥이 언니가 살아 있다는 떡밥" → "태이의 쌍둥이 언니가 살아 있을까?"; "건우가
/// 보낸 것 아니냐는 추측" → "건우가 보낸 걸까?": a claim that a clue, theory or rumour
/// states, asked as whether it is so. The subject is the last word with 이 or 가 before the
/// claim's verb and the words of its noun phrase before it; `None` without one.
fn claimed_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let at = eojeols.iter().enumerate().position(|(k, w)| {
        (w.ends_with("다는") || w.ends_with("냐는"))
            && eojeols
                .get(k + 1)
                .is_some_and(|next| CLAIM_NOUNS.iter().any(|g| next.starts_with(g)))
    })?;
    let claim = eojeols[at];
    let (verb, end) = if let Some(stem) = claim.strip_suffix("아니냐는") {
        // "보낸 것 아니냐는": the adnominal verb before "것" asks "…ㄴ 걸까".
        if !stem.is_empty() || at < 2 || eojeols[at - 1] != "것" {
            return None;
        }
        (at - 2, format!("{} 걸까?", eojeols[at - 2]))
    } else {
        let stem = claim.strip_suffix("다는")?;
        let last = stem.chars().last().filter(|c| is_syllable(*c))?;
        let base = &stem[..stem.len() - last.len_utf8()];
        let code = last as u32 - 0xAC00;
        let asked = match code % 28 {
            // "있다는", "보냈다는": a stem ending in a consonant asks "-을까".
            0 => return None,
            // "된다는", "온다는": the present ㄴ comes off and ㄹ joins (되 → 될까).
            4 => {
                let open = char::from_u32(last as u32 - 4)?;
                future_question(&format!("{base}{open}"))?
            }
            8 => format!("{stem}까"),
            _ => format!("{stem}을까"),
        };
        (at, format!("{asked}?"))
    };
    let subject = eojeols[..verb]
        .iter()
        .rposition(|w| w.ends_with(['이', '가']) && w.chars().count() >= 2)?;
    // "누가 살고 있다는": a question word is no subject to ask about; "시즌2가 나와도 … 못 볼
    // 수도 있다는": a clause ends between the subject and the claim's verb.
    let clause_between = eojeols[subject + 1..verb]
        .iter()
        .any(|w| w.ends_with(['도', '면', '고', '며', '서']) || w.ends_with("지만"));
    if clause_between || matches!(eojeols[subject], "누가" | "뭐가" | "무엇이" | "어디가")
    {
        return None;
    }
    let start = subject + 1 - noun_phrase_tail(&eojeols[..=subject], 4).len();
    let mut words: Vec<&str> = eojeols[start..verb].to_vec();
    if words.is_empty()
        || words
            .iter()
            .any(|w| w.contains(['"', '“', '”', '\'', '‘', '’']))
    {
        return None;
    }
    words.push(&end);
    Some(words.join(" "))
}

/// "최만석 님은 … 회상 장면으로만 잠깐 나올 것 같다는 얘기가 있어요" → "최만석은 회상
/// 장면으로만 잠깐 나올까?": a rumour about someone asked as the question it answers.
fn rumoured_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let at = eojeols.iter().enumerate().position(|(k, w)| {
        w.ends_with("다는")
            && eojeols.get(k + 1).is_some_and(|next| {
                ["얘기", "이야기", "소문", "말이", "추측", "전망", "관측"]
                    .iter()
                    .any(|g| next.starts_with(g))
            })
    })?;
    // "… 나올 것 같다는": the verb before "것".
    let verb_at = if at >= 2 && eojeols[at - 1] == "것" {
        at - 2
    } else {
        return None;
    };
    let verb = eojeols[verb_at];
    if !verb.chars().last().is_some_and(has_rieul_final) {
        return None;
    }
    let topic = eojeols[..verb_at]
        .iter()
        .position(|w| w.ends_with(['은', '는']) && w.chars().count() >= 2)?;
    let name = if eojeols[topic].starts_with('님') {
        eojeols.get(topic.checked_sub(1)?)?.to_owned()
    } else {
        eojeols[topic]
            .strip_suffix(['은', '는'])
            .unwrap_or(eojeols[topic])
    };
    if KOREAN_GENERIC_SUBJECTS.contains(&eojeols[topic]) || !name.chars().all(is_syllable) {
        return None;
    }
    let mut middle: Vec<&str> = eojeols[topic + 1..verb_at].to_vec();
    if middle.len() > 3 {
        middle.drain(..middle.len() - 3);
    }
    let middle = middle.join(" ");
    let lead = format!("{name}{}", topic_particle(name));
    Some(
        format!("{lead} {middle} {verb}까?")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "팬들은 … 문재윤의 합류를 바라고 있어요" → "문재윤이 합류할까?": what fans hope for
/// someone, asked as whether it happens.
fn hoped_for_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let hoped = ["바라", "기대", "원하", "희망"];
    let acts = [
        ("합류", "합류할까"),
        ("복귀", "복귀할까"),
        ("출연", "출연할까"),
        ("컴백", "컴백할까"),
    ];
    eojeols.windows(3).find_map(|w| {
        let name = w[0].strip_suffix('의')?;
        let (_, asked) = acts.iter().find(|(noun, _)| w[1].starts_with(noun))?;
        if !hoped.iter().any(|h| w[2].starts_with(h)) || !name.chars().all(is_syllable) {
            return None;
        }
        Some(format!("{name}{} {asked}?", subject_particle(name)))
    })
}

/// "이서진은 종영 인터뷰에서 \"…다시 연기할 수 있다면 행복할 것 같다\"고 말했다" →
/// "이서진이 다시 돌아올까?": a wish to come back, asked as whether it comes true.
fn wish_question(sentence: &str) -> Option<String> {
    let wishes = ["싶", "좋겠", "행복할", "바란", "기회가 된다면", "다시"];
    let said = ["말했", "밝혔", "전했", "전해", "덧붙", "고 했"];
    if !wishes.iter().any(|w| sentence.contains(w)) || !said.iter().any(|w| sentence.contains(w)) {
        return None;
    }
    let first = sentence.split_whitespace().next()?;
    let name = first.strip_suffix(['은', '는'])?;
    if name.chars().count() < 2
        || !name.chars().all(is_syllable)
        || KOREAN_GENERIC_SUBJECTS.contains(&first)
    {
        return None;
    }
    Some(format!("{name}{} 다시 돌아올까?", subject_particle(name)))
}

/// "작가는 이야기를 더 이어가고 싶다는 희망을 내비쳤다" → "작가는 이야기를 더 이어갈까?": what
/// the subject wants to do ("-고 싶다"), asked as whether they will. The subject opens the
/// sentence; at most three words stand between it and the verb.
fn desire_question(sentence: &str) -> Option<String> {
    let eojeols: Vec<&str> = sentence.split_whitespace().collect();
    let k = eojeols
        .windows(2)
        .position(|w| w[0].ends_with('고') && w[1].starts_with('싶'))?;
    let subject = eojeols.first()?;
    let name = ["은", "는", "이", "가"]
        .iter()
        .find_map(|p| subject.strip_suffix(p))?;
    if k == 0 || k > 4 || name.chars().count() < 2 || !name.chars().all(is_syllable) {
        return None;
    }
    let stem = eojeols[k].strip_suffix('고')?;
    let verb = future_question(stem)?;
    let middle = eojeols[1..k].join(" ");
    let middle = if middle.is_empty() {
        String::new()
    } else {
        format!("{middle} ")
    };
    Some(format!("{name}{} {middle}{verb}?", topic_particle(name)))
}

/// A verb stem with the question ending "-ㄹ까/-을까" ("이어가" → "이어갈까", "찍" → "찍을까",
/// "만들" → "만들까"). `None` unless the stem ends in a Hangul syllable.
fn future_question(stem: &str) -> Option<String> {
    let last = stem.chars().last().filter(|c| is_syllable(*c))?;
    let base = &stem[..stem.len() - last.len_utf8()];
    let code = last as u32 - 0xAC00;
    let final_consonant = code % 28;
    Some(match final_consonant {
        // No final consonant: ㄹ joins the syllable (가 → 갈).
        0 => format!("{base}{}까", char::from_u32(last as u32 + 8)?),
        // ㄹ already: 까 follows.
        8 => format!("{stem}까"),
        _ => format!("{stem}을까"),
    })
}

/// "아직 출연이 확정되지는 않았다" → "출연이 확정될까?"
fn negated_passive_question(sentence: &str) -> Option<String> {
    let clause = sentence.rsplit([',', '，']).next()?.trim();
    let eojeols: Vec<&str> = clause.split_whitespace().collect();
    let k = eojeols.iter().position(|w| w.contains("되지"))?;
    let eojeol = eojeols[k];
    let head = &eojeol[..eojeol.find("되지")?];
    let mut lead: Vec<String> = eojeols[..k]
        .iter()
        .filter(|w| !["아직", "여전히", "현재", "끝내"].contains(w))
        .map(|w| (*w).to_owned())
        .collect();
    if lead.len() > 4 {
        lead.drain(..lead.len() - 4);
    }
    // "실종된 채로 끝나 생사조차" → "생사조차": from the last noun with its particle.
    if let Some(k) = lead.iter().rposition(|w| {
        w.chars().count() >= 2
            && ["이", "가", "은", "는", "조차"]
                .iter()
                .any(|p| w.ends_with(p))
    }) {
        // "출연 여부가", not "여부가": 여부 keeps the noun it asks about.
        let from = if lead[k].starts_with("여부") {
            k.saturating_sub(1)
        } else {
            k
        };
        lead.drain(..from);
    }
    // "배우 오태민이 물망에 올랐으나, 아직 출연이 확정되지는 않았다" → "오태민의 출연이
    // 확정될까?": the clause names no one, the sentence does.
    let generic = [
        "출연",
        "방송",
        "편성",
        "제작",
        "시즌",
        "촬영",
        "공개",
        "캐스팅",
        "합류",
        "여부",
    ];
    let named = lead.iter().any(|w| {
        w.ends_with(['이', '가', '은', '는']) && !generic.iter().any(|g| w.starts_with(g))
    });
    let topic = || {
        // The sentence's topic: "해경 한소이는 … 생사조차 확인되지 않았다" → "한소이".
        sentence
            .split_whitespace()
            .take_while(|w| !w.contains("되지"))
            .filter(|w| w.ends_with(['은', '는']) && w.chars().count() >= 3)
            .map(|w| w.strip_suffix(['은', '는']).unwrap_or(w))
            // The last one: an earlier "…은" may be an adnominal ("사랑받은 도경민은").
            .filter(|w| !generic.iter().any(|g| w.starts_with(g)) && w.chars().all(is_syllable))
            .last()
            .map(str::to_owned)
    };
    if !named && let Some(name) = super::super::terms::last_name(sentence).or_else(topic) {
        lead.insert(0, format!("{name}의"));
    }
    lead.push(head.to_owned());
    Some(format!("{}될까?", lead.join(" ").trim_end()))
}

/// The text before "까" for an embedded question ending in `before` + "지":
/// "출연할" stays, "아버지인" → "아버지일", "되는" → "될", "먹는" → "먹을".
fn direct_question_head(before: &[char]) -> Option<String> {
    let (&last, rest) = before.split_last()?;
    let rest: String = rest.iter().collect();
    if has_rieul_final(last) {
        return Some(format!("{rest}{last}"));
    }
    if last == '인' {
        return Some(format!("{rest}일"));
    }
    // "떠난 건지" (것인지) → "떠난 걸까".
    if last == '건' {
        return Some(format!("{rest}걸"));
    }
    if last == '는' {
        let chars: Vec<char> = rest.chars().collect();
        let (&verb, stem) = chars.split_last()?;
        let stem: String = stem.iter().collect();
        return Some(match with_rieul_final(verb) {
            Some(joined) => format!("{stem}{joined}"),
            None => format!("{stem}{verb}을"),
        });
    }
    None
}

/// The syllable with ㄹ added as its final consonant, when it has none ("되" → "될").
fn with_rieul_final(c: char) -> Option<char> {
    let code = c as u32;
    if !(0xAC00..=0xD7A3).contains(&code) || !(code - 0xAC00).is_multiple_of(28) {
        return None;
    }
    char::from_u32(code + 8)
}

/// Whether a Hangul syllable ends in ㄹ (as in 할, 될, 을).
fn has_rieul_final(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}') && (c as u32 - 0xAC00) % 28 == 8
}

/// The last clause of a Korean question short enough for a title.
fn last_clause(question: &str) -> Option<String> {
    // "…이야기\"라며 \"금순이 왜 형사를 그만뒀을까": the quoted question after a speech tag.
    let opening = question
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '"' | '“'))
        .map(|(at, c)| (at, at + c.len_utf8()));
    let question = match opening {
        Some((at, after))
            if question[..at].contains(['"', '”'])
                && question[after..].split_whitespace().count() >= 2 =>
        {
            &question[after..]
        }
        _ => question,
    };
    // "결말, 연화는 살아 있는 걸까": a one-word heading before a comma; "또 서경이 …": a
    // connective.
    let question = match question.split_once(", ") {
        Some((head, rest)) if !head.contains(' ') && rest.split_whitespace().count() >= 2 => rest,
        _ => question,
    };
    let question = strip_korean_connective(question);
    if question.chars().count() < MAX_TITLE_CHARS {
        return Some(question.to_owned());
    }
    // After the last comma, half- or full-width ("，" is three bytes).
    let (at, comma) = question
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '，'))?;
    let start = at + comma.len_utf8();
    let clause = question[start..].trim();
    (clause.chars().count() < MAX_TITLE_CHARS && !clause.is_empty()).then(|| clause.to_owned())
}

/// 은 after a syllable with a final consonant, 는 otherwise.
pub(super) fn topic_particle(word: &str) -> &'static str {
    if has_final_consonant(word) {
        "은"
    } else {
        "는"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wish_to_do_something_is_asked_as_whether_they_will() {
        assert_eq!(
            desire_question("작가는 이야기를 더 이어가고 싶다는 희망을 내비쳤다."),
            Some("작가는 이야기를 더 이어갈까?".to_owned())
        );
        assert_eq!(
            desire_question("감독은 후속편을 꼭 찍고 싶다고 했다."),
            Some("감독은 후속편을 꼭 찍을까?".to_owned())
        );
        assert_eq!(
            desire_question("서하린은 시즌2를 함께 만들고 싶다고 말했다."),
            Some("서하린은 시즌2를 함께 만들까?".to_owned())
        );
        // No subject opening the sentence: nothing to ask.
        assert_eq!(desire_question("다시 보고 싶다."), None);
    }

    #[test]
    fn the_cast_asked_as_a_whole_is_named_when_its_sentences_name_one_or_two() {
        let context = TitleContext {
            cast: cast::cast_of(
                "배우 배시온은 웃었다. 배우 이태오는 입대한다. 배우 한새봄이 왔다.",
            ),
            returned: vec!["한새봄".to_owned()],
            ..TitleContext::default()
        };
        assert_eq!(context.cast.len(), 3, "{:?}", context.cast);
        let actors: HashSet<&str> = context.cast.iter().map(|c| c.actor.as_str()).collect();
        let named =
            |sentences: &[&str]| open_actors_question(sentences, &actors, &context, Some('2'));
        let group = [
            "주연 배우들의 합류 여부도 미지수다.",
            "이태오는 입대를 앞두고 있다.",
            "배시온 측은 긍정적으로 검토하겠다고 밝혔다.",
        ];
        assert_eq!(
            named(&group).as_deref(),
            Some("이태오와 배시온은 시즌2에 출연할까?")
        );
        assert_eq!(
            named(&group[..2]).as_deref(),
            Some("이태오는 시즌2에 출연할까?")
        );
        // One whose return is reported is not asked about; no name leaves the whole cast.
        assert_eq!(named(&["한새봄은 출연을 확정했다."]), None);
        assert!(asks_the_cast_unnamed(
            "주연 배우들이 시즌2에 다시 출연할까?"
        ));
        assert!(!asks_the_cast_unnamed("이태오는 시즌2에 출연할까?"));
    }

    #[test]
    fn an_actor_or_a_group_of_them_is_asked_whether_they_appear() {
        let context = TitleContext {
            cast: cast::cast_of("배우 차도윤은 입대를 앞두고 있다."),
            ..TitleContext::default()
        };
        let asked = |made: &str, sentence: &str| {
            appearance_question(made.to_owned(), sentence, &context, Some('2'))
        };
        let sentence = "차도윤은 아직 답이 없다.";
        assert_eq!(
            asked("차도윤은 어떻게 될까?", sentence),
            "차도윤은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked("주연 배우들의 시즌2 출연은 어떻게 될까?", sentence),
            "주연 배우들은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked("원년 멤버 복귀는 어떻게 될까?", sentence),
            "원년 멤버는 시즌2에 출연할까?"
        );
        // "실제" is no one; a character is no actor.
        assert_eq!(
            asked("주연 한서율 출연은 어떻게 될까?", sentence),
            "한서율은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked("실제 출연은 어떻게 될까?", sentence),
            "실제 출연은 어떻게 될까?"
        );
        assert_eq!(
            asked("서진이 어떻게 될까?", sentence),
            "서진이 어떻게 될까?"
        );
        // A figure kept hidden: who it is.
        assert_eq!(
            asked(
                "가면 쓴 도공은 어떻게 될까?",
                "가면 쓴 도공의 정체는 끝내 밝혀지지 않았다."
            ),
            "가면 쓴 도공은 누구일까?"
        );
        // A death the sentence speaks of: whether they live.
        assert_eq!(
            asked(
                "아버지는 어떻게 될까?",
                "아버지가 정말 죽은 건지 아무도 모른다."
            ),
            "아버지는 살아 있을까?"
        );
    }

    #[test]
    fn a_subject_loses_its_role_words_and_actor_notes() {
        assert_eq!(
            named_subject(&["조수", "나은별(한가을", "분)이"]).as_deref(),
            Some("나은별이")
        );
        assert_eq!(
            named_subject(&["원로배우", "최만석", "님은"]).as_deref(),
            Some("최만석은")
        );
        assert_eq!(named_subject(&["배우"]), None);
        assert_eq!(
            korean_title(
                &["첫째, 수아가 정말 유학을 떠난 건지 드라마는 답을 주지 않았다."],
                None
            ),
            "수아가 정말 유학을 떠난 걸까?"
        );
        assert_eq!(
            ji_question("주인공 윤서 역을 맡았던 배우 김나래가 다시 출연할지는 미지수다.")
                .as_deref(),
            Some("김나래가 다시 출연할까?")
        );
        assert_eq!(
            ji_question("마지막 회에서 끝났는데요, 가위에 새겨진 이름의 주인이 누구인지는 모른다.")
                .as_deref(),
            Some("가위에 새겨진 이름의 주인이 누구일까?")
        );
        assert_eq!(
            curious_question("미주와 형사 도하준의 관계도 궁금한데요.").as_deref(),
            Some("미주와 형사 도하준의 관계는 어떻게 될까?")
        );
        assert_eq!(
            curious_question("저는 민아의 선택이 제일 궁금해요!").as_deref(),
            Some("민아의 선택은 어떻게 될까?")
        );
        assert_eq!(curious_question("궁금증이 커지고 있다."), None);
        assert_eq!(curious_question("다른 분들 생각도 궁금합니다!!"), None);
        assert_eq!(
            curious_question("그동안 시청자들이 궁금해했던 소운의 친아버지의 정체도 밝혀졌다."),
            None
        );
        assert_eq!(
            ji_question("마지막 회에서 총에 맞은 강 형사(차민혁 분)가 살았는지도 알 수 없다.")
                .as_deref(),
            Some("총에 맞은 강 형사가 살았을까?")
        );
        assert_eq!(
            named_subject(&["한도윤", "역의", "배우", "강민재는"]).as_deref(),
            Some("강민재는")
        );
        assert_eq!(
            korean_title(&["방영일은 2026년 봄으로 예상되고 있어요."], None),
            "방영일은 언제일까?"
        );
    }

    #[test]
    fn a_guess_an_unrevealed_identity_and_a_wish_become_questions() {
        assert_eq!(
            guess_question(
                "시청자 게시판에는 사진 속 여자가 한별의 어머니라는 추측이 쏟아지고 있다."
            )
            .as_deref(),
            Some("사진 속 여자가 한별의 어머니일까?")
        );
        assert_eq!(
            guess_question("시청자들은 서연이 살아 있을 것이라는 추측을 내놓고 있다.").as_deref(),
            Some("서연이 살아 있을까?")
        );
        assert_eq!(
            unrevealed_question(
                "역장 윤기석이 숨겨 온 금고 속 사진 한 장의 정체도 밝혀지지 않았다."
            )
            .as_deref(),
            Some("금고 속 사진 한 장의 정체는 누구일까?")
        );
        assert_eq!(
            wish_question("이서진은 인터뷰에서 \"다시 연기할 수 있다면 좋겠다\"고 말했다.")
                .as_deref(),
            Some("이서진이 다시 돌아올까?")
        );
        assert_eq!(wish_question("제작진은 \"다시 하고 싶다\"고 말했다."), None);
        assert_eq!(
            rumoured_question(
                "다만 원로배우 최만석 님은 회상 장면으로만 잠깐 나올 것 같다는 얘기가 있어요."
            )
            .as_deref(),
            Some("최만석은 회상 장면으로만 잠깐 나올까?")
        );
        assert_eq!(
            hoped_for_question(
                "팬들은 두 사람의 케미가 보고 싶다며 문재윤의 합류를 바라고 있어요."
            )
            .as_deref(),
            Some("문재윤이 합류할까?")
        );
    }

    #[test]
    fn a_negated_passive_names_the_person_the_sentence_names() {
        assert_eq!(
            negated_passive_question(
                "남자 주인공으로는 배우 오태민이 물망에 올랐으나, 아직 출연이 확정되지는 않았다."
            )
            .as_deref(),
            Some("오태민의 출연이 확정될까?")
        );
        assert_eq!(
            negated_passive_question(
                "해경 한소이는 마지막 회에서 실종된 채로 끝나 생사조차 확인되지 않았다."
            )
            .as_deref(),
            Some("한소이의 생사조차 확인될까?")
        );
        // "여부" keeps the noun it asks about; an adnominal before the name is not the name.
        assert_eq!(
            negated_passive_question(
                "반면 형사 역으로 사랑받은 도경민은 아직 출연 여부가 결정되지 않았다."
            )
            .as_deref(),
            Some("도경민의 출연 여부가 결정될까?")
        );
    }

    #[test]
    fn a_subject_is_a_noun_phrase_without_the_clause_before_it() {
        let tail =
            |text: &str, max| noun_phrase_tail(&text.split(' ').collect::<Vec<_>>(), max).join(" ");
        assert_eq!(
            tail("예고했지만, 한채린의 시즌2 합류", 4),
            "한채린의 시즌2 합류"
        );
        assert_eq!(tail("이미 촬영에 들어간 상태라 실제 출연", 4), "실제 출연");
        assert_eq!(tail("드라마를 정주행하고 나니 시즌2가", 3), "시즌2가");
        assert_eq!(tail("시청자 게시판에서는 건우가", 3), "건우가");
        assert_eq!(tail("한 명의 손님이", 3), "한 명의 손님이");
        assert_eq!(
            tail("배우 김지은 작가의 차기작은", 3),
            "김지은 작가의 차기작은"
        );
        assert!(noun_phrase_tail(&[], 3).is_empty());
        // Titled from the noun phrase, or by what the question really asks.
        let one = |sentence: &str| korean_title(&[sentence], None);
        assert_eq!(
            one("시청자 게시판에서는 건우가 가장 많이 언급된다."),
            "건우가 어떻게 될까?"
        );
        assert_eq!(
            one("드라마를 정주행하고 나니 시즌2가 너무 기다려진다."),
            "시즌2가 나올까?"
        );
    }

    #[test]
    fn a_clue_or_theory_is_asked_as_whether_it_is_so() {
        assert_eq!(
            claimed_question("윤아의 쌍둥이 언니가 살아 있다는 떡밥도 있었죠."),
            Some("윤아의 쌍둥이 언니가 살아 있을까?".to_owned())
        );
        assert_eq!(
            claimed_question("게시판에서는 도겸이 보낸 것 아니냐는 추측까지 나와요."),
            Some("도겸이 보낸 걸까?".to_owned())
        );
        assert_eq!(
            claimed_question("감독이 바뀐다는 소문이 돌고 있다."),
            Some("감독이 바뀔까?".to_owned())
        );
        // A clause between the subject and the claim, or a question word, is no subject.
        assert_eq!(
            claimed_question("시즌2가 나와도 한동안은 못 볼 수도 있다는 얘기가 있다."),
            None
        );
        assert_eq!(claimed_question("누가 살고 있다는 설도 있다."), None);
    }

    #[test]
    fn a_named_person_in_a_sentence_about_appearing_is_asked_whether_they_appear() {
        let context = TitleContext::default();
        let asked = |made: &str, sentence: &str| {
            appearance_question(made.to_owned(), sentence, &context, Some('2'))
        };
        assert_eq!(
            asked(
                "배우들의 재출연은 어떻게 될까?",
                "배우들의 재출연 여부도 관심사다."
            ),
            "배우들은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked(
                "'봉팔' 역 허재민의 출연은 어떻게 될까?",
                "'봉팔' 역 허재민의 출연 여부는 아직 정해지지 않았다."
            ),
            "허재민은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked(
                "남유빈은 어떻게 될까?",
                "남유빈은 차기작을 고민 중이며 소속사는 \"시즌2 출연을 검토 중\"이라고 전했다."
            ),
            "남유빈은 시즌2에 출연할까?"
        );
        assert_eq!(
            asked(
                "시즌2 출연은 어떻게 될까?",
                "오태경 측 관계자는 \"시즌2 출연 여부는 말씀드리기 어렵다\"고 했다."
            ),
            "오태경은 시즌2에 출연할까?"
        );
        // An adverb or a director is no one who appears.
        assert_eq!(
            asked("앞으로는 어떻게 될까?", "앞으로는 시즌2 출연도 기대된다."),
            "앞으로는 어떻게 될까?"
        );
        assert!(named_as_crew(
            &["감독 하야시 켄 씨는 다시 돌아가고 싶다고 했다."],
            "하야시"
        ));
    }

    #[test]
    fn a_named_subject_keeps_a_crew_role_and_loses_an_honorific() {
        assert_eq!(
            named_subject(&["감독", "하야시", "켄", "씨는"]),
            Some("하야시 켄 감독은".to_owned())
        );
        assert_eq!(
            named_subject(&["성우", "미즈노", "리코", "씨는"]),
            Some("미즈노 리코는".to_owned())
        );
    }

    #[test]
    fn the_article_s_question_loses_a_heading_word_and_a_connective_and_a_renewal_names_the_next_season()
     {
        assert_eq!(
            last_clause("결말, 연화는 살아 있는 걸까"),
            Some("연화는 살아 있는 걸까".to_owned())
        );
        assert_eq!(
            last_clause("지키는 이야기\"라며 \"금순이 왜 형사를 그만뒀을까"),
            Some("금순이 왜 형사를 그만뒀을까".to_owned())
        );
        assert_eq!(
            last_clause("지키는 이야기”라며 “금순이 왜 형사를 그만뒀을까"),
            Some("금순이 왜 형사를 그만뒀을까".to_owned())
        );
        // A full-width comma of a translated piece.
        assert!(last_clause(&format!("{}，그녀는 돌아올까", "가".repeat(60))).is_some());
        assert_eq!(
            last_clause("또 서경이 왜 수요일에만 약국 문을 열까"),
            Some("서경이 왜 수요일에만 약국 문을 열까".to_owned())
        );
        assert_eq!(
            korean_title(
                &["시즌1이 끝난 지 1년, 시즌2 제작 여부는 아직 결정되지 않았다."],
                Some(Topic::Renewal)
            ),
            "시즌2 제작이 확정될까?"
        );
    }

    #[test]
    fn two_people_are_named_when_the_article_named_them_together() {
        let pair = ("서경".to_owned(), "민호".to_owned());
        assert_eq!(
            pair_named("두 사람이 연인으로 발전할까?".to_owned(), Some(&pair)),
            "서경과 민호가 연인으로 발전할까?"
        );
        assert_eq!(
            pair_named("두 사람은 결혼할까?".to_owned(), Some(&pair)),
            "서경과 민호는 결혼할까?"
        );
        assert_eq!(
            pair_named("두 사람은 결혼할까?".to_owned(), None),
            "두 사람은 결혼할까?"
        );
    }

    #[test]
    fn a_direct_question_in_another_ending_is_asked_with_kka() {
        let asked = |q: &str| as_kka_question(q);
        assert_eq!(
            asked("강이설 형사는 살아있는 거죠").as_deref(),
            Some("강이설 형사는 살아있는 걸까")
        );
        assert_eq!(
            asked("ㄴ 근데 무진이 성불한 거 맞아").as_deref(),
            Some("무진이 성불한 걸까")
        );
        assert_eq!(
            asked("수아랑 도진이는 어떻게 되는 거").as_deref(),
            Some("수아랑 도진이는 어떻게 될까")
        );
        assert_eq!(
            asked("토모는 시험에 합격했는가").as_deref(),
            Some("토모는 시험에 합격했을까")
        );
        assert_eq!(
            asked("연주 발령은 확정이야").as_deref(),
            Some("연주 발령은 확정일까")
        );
        assert_eq!(
            asked("범인은 결국 이장").as_deref(),
            Some("범인은 결국 이장일까")
        );
        assert_eq!(
            asked("매화단 진짜 두목은 따로 있다").as_deref(),
            Some("매화단 진짜 두목은 따로 있을까")
        );
        assert_eq!(asked("아이는 누구예요").as_deref(), Some("아이는 누구일까"));
        // Endings it cannot tell are left alone.
        assert_eq!(asked("우물은 어디에야"), None);
        assert_eq!(asked("언제 나오는지 아는 사람"), None);
        assert_eq!(asked("연화를 찾으러 가는 거겠죠"), None);
    }
}
