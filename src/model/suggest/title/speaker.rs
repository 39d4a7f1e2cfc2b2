//! Who says a quoted sentence, and the sentence told in the third person.
//!
//! Interviews and wire copy carry the wishes of cast and creators in the first person
//! ("\"I'd play Gus until I'm eighty,\" he told us", "Lind: I want her to finally name the
//! comet"). Their thread is whether the wish comes true, asked about the speaker ("Will
//! Quintana take them off the mountain and into the city?"), so the sentence is first told
//! about its speaker ("Quintana would love to …"), then turned into a question like any
//! statement.

use super::bare;
use super::check::SPEECH_VERBS;

/// Labels before a colon that name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "q", "a", "note", "update", "edit", "spoiler", "spoilers", "warning", "bonus", "chances",
    "verdict", "plot", "cast", "why", "where", "what", "when", "season", "part", "episode",
];

/// Who says `sentence`, which stands in a block whose text is `block`: the speaker label the
/// block opens with ("Lind: I really hope so!"), or the name or pronoun of the speech tag
/// after its closing quote ("…," Quintana said; "…," he told us). A pronoun is returned as
/// written ("he", "she"), for the caller to resolve. `None` when neither is there (then
/// [`lead_in_of`] may name who it is likely said by).
pub(crate) fn speaker_of(block: &str, sentence: &str) -> Option<String> {
    label_of(block).or_else(|| tag_of(sentence))
}

/// Capitalised words that open a sentence without naming anyone.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "so", "it", "this", "that", "there", "they", "we", "i", "in",
    "on", "at", "after", "when", "if", "as", "asked", "then", "still", "now", "for",
];

/// Who says a quote that has no tag after it: the name before a colon or comma tag in the
/// sentence ("Farrow said: “I’d love …”"), or, for a quote opening the sentence, the name
/// (or "he", "she") the block's sentence before it opens with ("Farrow is more open about
/// what he wants. “I’d love to take them abroad …”"). `None` when neither names anyone. A
/// capitalised opener may be no one ("Fans are hoping …"): the caller keeps only a name the
/// article gives to someone, or a pronoun it resolves.
pub(crate) fn lead_in_of(block: &str, sentence: &str) -> Option<String> {
    let sentence = sentence.trim();
    let open = sentence.find(['"', '“'])?;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = if open == 0 {
        // The sentence before the quote in its block: the name opening it.
        let at = block.find(sentence)?;
        let before = block[..at].trim_end();
        let body = before.strip_suffix(['.', '!'])?;
        let start = body.rfind(['.', '!', '?']).map_or(0, |k| k + 1);
        body[start..].split_whitespace().collect()
    } else {
        // "Speaking to us, Farrow said: “…": the name right before the tag's verb.
        let before = sentence[..open].trim_end();
        let tag: Vec<&str> = before
            .strip_suffix([':', ','])?
            .split_whitespace()
            .collect();
        let (verb, rest) = tag.split_last()?;
        if !SPEECH_VERBS.contains(&bare(verb).as_str()) {
            return None;
        }
        let start = rest
            .iter()
            .rposition(|w| !capitalised(w) || w.ends_with(','))
            .map_or(0, |k| k + 1);
        let mut words = rest[start..].to_vec();
        words.push(verb);
        words
    };
    let first = words.first()?;
    if matches!(*first, "He" | "She") {
        return Some(first.to_lowercase());
    }
    let name: Vec<&str> = words
        .iter()
        .copied()
        .take_while(|w| capitalised(w))
        .collect();
    let follows_lowercase = words.get(name.len()).is_some_and(|w| !capitalised(w));
    let named = !name.is_empty()
        && name.len() <= 3
        && follows_lowercase
        && !NOT_NAMES.contains(&bare(name[0]).as_str())
        && name
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    named.then(|| name.join(" "))
}

/// "Lind: …" → "Lind": one or two capitalised words before a colon opening the block.
fn label_of(block: &str) -> Option<String> {
    let (label, rest) = block.trim_start().split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !NOT_SPEAKERS.contains(&bare(words[0]).as_str());
    (named && rest.starts_with(' ')).then(|| words.join(" "))
}

/// The name among `names` whose initials are `label` ("RO" → "Rhiannon Obi", "IVC" →
/// "Imogen Vale-Carter", a hyphen starting a part): a transcript's speaker label. `None` unless
/// `label` is two to four capitals and exactly one name fits.
pub(crate) fn name_with_initials(label: &str, names: &[String]) -> Option<String> {
    let initials_label =
        (2..=4).contains(&label.chars().count()) && label.chars().all(|c| c.is_ascii_uppercase());
    if !initials_label {
        return None;
    }
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter_map(|part| part.chars().next())
            .filter(char::is_ascii_uppercase)
            .collect()
    };
    let mut fitting = names
        .iter()
        .filter(|n| n.contains(' ') && initials(n) == label);
    let first = fitting.next()?;
    fitting.all(|n| n == first).then(|| first.clone())
}

/// The speaker a speech tag after the closing quote names ("Quintana said", "said Quintana",
/// "he told us").
fn tag_of(sentence: &str) -> Option<String> {
    // After the closing quote, whose width in bytes depends on its kind ('"' or '”').
    let (close, quote) = sentence
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '"' | '”'))?;
    let after: Vec<&str> = sentence[close + quote.len_utf8()..]
        .split_whitespace()
        .take(4)
        .collect();
    let verb = after
        .iter()
        .position(|w| SPEECH_VERBS.contains(&bare(w).as_str()))?;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "…," said Quintana; "…," Quintana said; "…," he told us.
    let name: Vec<&str> = if verb == 0 {
        after[1..]
            .iter()
            .copied()
            .take_while(|w| capitalised(w))
            .collect()
    } else {
        after[..verb].to_vec()
    };
    let name = name
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    if matches!(name.as_str(), "he" | "she") {
        return Some(name);
    }
    let proper = capitalised(&name) && name.split(' ').all(capitalised);
    (proper && name.split(' ').count() <= 3).then_some(name)
}

/// First-person words and what they become about `name` ("I'd" → "Quintana would").
fn third_person(word: &str, name: &str) -> Option<String> {
    Some(match word {
        "I" | "me" | "myself" => name.to_owned(),
        "I'd" | "I’d" => format!("{name} would"),
        "I'll" | "I’ll" => format!("{name} will"),
        "I'm" | "I’m" => format!("{name} is"),
        "I've" | "I’ve" => format!("{name} has"),
        "my" | "My" => format!("{name}'s"),
        _ => return None,
    })
}

/// `sentence` told about `speaker` when it speaks in the first person: without the speaker
/// label and the quotation marks, its speech tag cut ("…," he told us), each "I", "I'd", "my"
/// turned into the speaker ("Quintana would …"). `None` when it holds no first person.
pub(crate) fn in_third_person(sentence: &str, speaker: &str) -> Option<String> {
    let mut text = sentence.trim();
    if let Some((label, rest)) = text.split_once(':')
        && label.trim() == speaker
    {
        text = rest.trim_start();
    }
    // The quote without its tag: "\"I'd play Gus until I'm eighty,\" he told us." keeps the
    // quote; a quote going on past the sentence loses its opening mark.
    if let Some(open) = text.strip_prefix(['"', '“']) {
        text = match open.find(['"', '”']) {
            Some(close) => open[..close].trim_end_matches([',', ' ']),
            None => open,
        };
    }
    let mut changed = false;
    let mut after_i = false;
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            let core = word.trim_end_matches([',', '.', '!', '?', ';', ':']);
            let rest = &word[core.len()..];
            // "I want" → "Lind wants": the verb agrees with its new subject.
            let agreed = after_i.then(|| agree(core)).flatten();
            after_i = core == "I";
            if let Some(verb) = agreed {
                return format!("{verb}{rest}");
            }
            match third_person(core, speaker) {
                Some(told) => {
                    changed = true;
                    format!("{told}{rest}")
                }
                None => word.to_owned(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Present verbs after "I" in their third-person form ("want" → "wants", "have" → "has").
fn agree(verb: &str) -> Option<String> {
    Some(match verb {
        "have" => "has".to_owned(),
        "do" => "does".to_owned(),
        "am" => "is".to_owned(),
        "want" | "hope" | "wish" | "think" | "love" | "know" | "feel" | "need" | "like"
        | "plan" | "expect" | "believe" | "guess" | "see" | "mean" | "get" => format!("{verb}s"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speaker_is_the_label_or_the_speech_tag() {
        assert_eq!(
            speaker_of(
                "Lind: I really hope so! Let her have Gus.",
                "Let her have Gus."
            ),
            Some("Lind".to_owned())
        );
        let tagged = "\"I've got a whole third season in my head,\" Quintana said.";
        assert_eq!(speaker_of(tagged, tagged), Some("Quintana".to_owned()));
        let said = "\"It is not over,\" said Marisol Quintana.";
        assert_eq!(speaker_of(said, said), Some("Marisol Quintana".to_owned()));
        let pronoun = "\"Honestly I'd play Gus until I'm eighty,\" he told us.";
        assert_eq!(speaker_of(pronoun, pronoun), Some("he".to_owned()));
        // A question label and a section label name no one.
        assert_eq!(
            speaker_of("Q: Are they finally going to happen?", "x"),
            None
        );
        assert_eq!(
            speaker_of("Why it needs to come back: it was cut.", "x"),
            None
        );
        assert_eq!(speaker_of("No quote here.", "No quote here."), None);
        // A quote with no tag after it: the tag before it, or the sentence before it.
        let block = "Farrow is more open about what he wants a third series to look like. \
                     “I’d love to take them abroad, a disastrous trip.";
        assert_eq!(
            lead_in_of(block, "“I’d love to take them abroad, a disastrous trip."),
            Some("Farrow".to_owned())
        );
        let before = "Speaking to us, Farrow said: “I’d love to take them abroad.”";
        assert_eq!(lead_in_of(before, before), Some("Farrow".to_owned()));
        let unnamed = "The cast was in good spirits. “I’d love to go abroad.";
        assert_eq!(lead_in_of(unnamed, "“I’d love to go abroad."), None);
    }

    #[test]
    fn a_first_person_sentence_is_told_about_its_speaker() {
        assert_eq!(
            in_third_person(
                "\"Honestly I'd play Gus until I'm eighty,\" he told us.",
                "Oduya"
            )
            .as_deref(),
            Some("Honestly Oduya would play Gus until Oduya is eighty")
        );
        assert_eq!(
            in_third_person("Lind: I want her to finally get to name the comet.", "Lind")
                .as_deref(),
            Some("Lind wants her to finally get to name the comet.")
        );
        assert_eq!(in_third_person("The show is back.", "Lind"), None);
    }

    #[test]
    fn a_transcript_s_initials_name_the_speaker_the_article_gives() {
        let names = vec![
            "Rhiannon Obi".to_owned(),
            "Imogen Vale-Carter".to_owned(),
            "Obi".to_owned(),
        ];
        assert_eq!(
            name_with_initials("RO", &names).as_deref(),
            Some("Rhiannon Obi")
        );
        assert_eq!(
            name_with_initials("IVC", &names).as_deref(),
            Some("Imogen Vale-Carter")
        );
        assert_eq!(name_with_initials("Lind", &names), None);
        assert_eq!(name_with_initials("QQ", &names), None);
    }

    #[test]
    fn a_curly_closing_quote_is_read_without_splitting_a_character() {
        assert_eq!(
            tag_of("“I’d play Gus until I’m eighty,” Oduya said.").as_deref(),
            Some("Oduya")
        );
        assert_eq!(
            tag_of("Nobody knows who sent the “unsigned” letter, and we never found out."),
            None
        );
    }
}
