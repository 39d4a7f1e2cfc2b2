//! Sentences of a block: Unicode sentence boundaries (UAX #29), then a pass that rejoins the
//! splits the boundary rules make after abbreviations ("Mr. Kim", "the U.S. version", "No. 1").

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

/// Titles and other abbreviations that are always followed by more of the same sentence.
const ALWAYS_JOINED: [&str; 16] = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "v.", "gen.", "sen.", "rep.",
    "gov.", "lt.", "capt.",
];

/// Abbreviations that may also end a sentence: rejoined only when the next piece starts with a
/// lower-case letter or a digit ("No. 1", "etc. and", "the U.S. release").
const JOINED_BEFORE_LOWER: [&str; 14] = [
    "no.", "u.s.", "u.k.", "e.g.", "i.e.", "etc.", "approx.", "inc.", "co.", "ltd.", "jan.",
    "feb.", "aug.", "sept.",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space, in order.
///
/// Never returns an empty range. Ranges always fall on character boundaries.
pub(crate) fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        match pieces.last_mut() {
            Some(last) if continues_after(&text[last.clone()], piece) => last.end = range.end,
            _ => pieces.push(range),
        }
    }
    pieces
        .into_iter()
        .filter_map(|range| trim(text, range))
        .collect()
}

/// Whether `next` continues the sentence that `previous` (a boundary piece) broke off.
fn continues_after(previous: &str, next: &str) -> bool {
    let Some(last_word) = previous.split_whitespace().last() else {
        return false;
    };
    let last_word = last_word
        .trim_start_matches(['(', '"', '\'', '“', '‘', '['])
        .to_ascii_lowercase();
    let next_start = next.trim_start().chars().next();
    if ALWAYS_JOINED.contains(&last_word.as_str()) {
        return true;
    }
    let next_lower_or_digit = next_start.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    if JOINED_BEFORE_LOWER.contains(&last_word.as_str()) {
        return next_lower_or_digit;
    }
    // A single initial ("J. Lee"), but not a one-letter word such as "I." or "a.".
    let mut chars = last_word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_alphabetic() && c != 'i' && c != 'a'
    ) && next_start.is_some_and(char::is_uppercase)
}

/// `range` without white space at either end, or `None` when nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_and_trims() {
        assert_eq!(
            split("  It ended. Will it return?  Nobody knows! "),
            ["It ended.", "Will it return?", "Nobody knows!"]
        );
    }

    #[test]
    fn rejoins_after_titles_and_abbreviations() {
        assert_eq!(
            split("Mr. Park and Dr. Han met. It was No. 1 in the U.S. market. Then it ended."),
            [
                "Mr. Park and Dr. Han met.",
                "It was No. 1 in the U.S. market.",
                "Then it ended."
            ]
        );
        assert_eq!(
            split("It sold in the U.S. The sequel did not."),
            ["It sold in the U.S.", "The sequel did not."]
        );
        assert_eq!(split("Kim vs. Lee is next."), ["Kim vs. Lee is next."]);
    }

    #[test]
    fn korean_sentences() {
        assert_eq!(
            split("시즌2 제작은 아직 미정이다. 방송 시기도 불투명하다."),
            ["시즌2 제작은 아직 미정이다.", "방송 시기도 불투명하다."]
        );
    }
}
