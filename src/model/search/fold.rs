//! Folding text for search: the same text for what a fan types and for what the library holds,
//! with a map back from the folded text to the original.
//!
//! Folding (issue 20, item 2) works on NFC text: the original is cut into units (a starter and
//! the combining marks or conjoining Hangul vowels and finals after it), each unit is
//! NFC-composed, then
//! - a Hangul syllable is kept whole (never decomposed: Hangul matches by syllable, so a lone
//!   jamo typed never matches inside a syllable);
//! - anything else is canonically decomposed, its Latin-type combining marks (U+0300–036F and
//!   their extensions) dropped and the rest lower-cased: "Émilie" and "EMILIE" fold alike,
//!   while marks that change a letter elsewhere (Japanese voicing marks) are kept;
//! - typographic quotes fold to straight ones and every run of white space to one space.
//!
//! The map is kept as runs, so a plain ASCII or Hangul text costs a handful of entries.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};

/// A text folded for search, with where each part of it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Runs of the folded text, in order, each mapped to a range of the original.
    runs: Vec<Run>,
}

/// A stretch of folded text and the original bytes it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// Start in the folded text (bytes).
    folded: u32,
    /// Length in the folded text (bytes).
    folded_len: u32,
    /// Start in the original text (bytes).
    original: u32,
    /// Length in the original (bytes).
    original_len: u32,
    /// Each byte of the run stands for the byte at the same offset of the original (units
    /// that fold to as many bytes as they had, like ASCII letters and Hangul syllables);
    /// otherwise the run is one unit, mapped whole.
    aligned: bool,
}

/// Whether `c` is a precomposed Hangul syllable (U+AC00–U+D7A3).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether `c` is a lone Hangul letter (jamo): conjoining (U+1100–U+11FF, U+A960–U+A97F,
/// U+D7B0–U+D7FF) or compatibility (U+3131–U+318E), as an input method shows while a
/// syllable is being composed.
pub fn is_hangul_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Whether `c` is a combining mark of the kind written over Latin, Greek and Cyrillic letters
/// (accents, dots, rings): the marks folding drops.
fn is_latin_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` continues the unit before it: a combining mark, or a conjoining Hangul vowel or
/// final (which compose with the letters before them).
fn continues_unit(c: char) -> bool {
    canonical_combining_class(c) != 0
        || matches!(c, '\u{1160}'..='\u{11FF}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Folds `text` (see the module's documentation).
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        runs: Vec::new(),
    };
    let mut space = false;
    let mut unit_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        let mut end = start + first.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            if !continues_unit(c) {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        debug_assert_eq!(unit_start, start);
        unit_start = end;
        let unit = &text[start..end];
        let before = folded.text.len();
        if first.is_whitespace() && unit.len() == first.len_utf8() {
            if !space {
                folded.text.push(' ');
            }
            space = true;
        } else {
            space = false;
            fold_unit(unit, &mut folded.text);
        }
        folded.push_run(before, start, end);
    }
    folded
}

/// Appends the folding of one unit (a starter and what continues it) to `out`.
fn fold_unit(unit: &str, out: &mut String) {
    for c in unit.nfc() {
        if is_hangul_syllable(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{2033}' => out.push('"'),
            _ => decompose_canonical(c, |d| {
                if !is_latin_mark(d) {
                    for lower in d.to_lowercase() {
                        fold_case(lower, out);
                    }
                }
            }),
        }
    }
}

/// Appends a lowercase letter as case folding compares it (Unicode's full case folding for
/// the letters that lowercasing alone leaves apart): "ß" is "ss", a final "ς" and the long
/// "ſ" are "σ" and "s".
fn fold_case(lower: char, out: &mut String) {
    match lower {
        'ß' => out.push_str("ss"),
        'ς' => out.push('σ'),
        'ſ' => out.push('s'),
        _ => out.push(lower),
    }
}

impl Folded {
    /// Records that the folded bytes from `before` to the end came from `original`.
    fn push_run(&mut self, before: usize, start: usize, end: usize) {
        let folded_len = self.text.len() - before;
        let original_len = end - start;
        let aligned = folded_len == original_len;
        if aligned
            && let Some(last) = self.runs.last_mut()
            && last.aligned
            && (last.folded + last.folded_len) as usize == before
            && (last.original + last.original_len) as usize == start
        {
            last.folded_len += folded_len as u32;
            last.original_len += original_len as u32;
            return;
        }
        if folded_len == 0 {
            return;
        }
        self.runs.push(Run {
            folded: before as u32,
            folded_len: folded_len as u32,
            original: start as u32,
            original_len: original_len as u32,
            aligned,
        });
    }

    /// The run holding folded byte `at`.
    fn run_at(&self, at: usize) -> Option<&Run> {
        let index = self.runs.partition_point(|r| r.folded as usize <= at);
        self.runs.get(index.checked_sub(1)?)
    }

    /// The range of `original` (the text this was folded from) that the folded bytes `range`
    /// came from: from the start of the unit its first byte came from to the end of the unit
    /// its last byte came from, on character boundaries. Empty at 0 for an empty range.
    pub fn to_original(&self, range: Range<usize>, original: &str) -> Range<usize> {
        if range.is_empty() {
            return 0..0;
        }
        let start = self.run_at(range.start).map_or(0, |r| {
            if r.aligned {
                r.original as usize + (range.start - r.folded as usize)
            } else {
                r.original as usize
            }
        });
        let end = self.run_at(range.end - 1).map_or(original.len(), |r| {
            if r.aligned {
                r.original as usize + (range.end - r.folded as usize)
            } else {
                (r.original + r.original_len) as usize
            }
        });
        let mut start = start.min(original.len());
        while !original.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, original.len());
        while !original.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

/// What is looked for when the fan types `typed` (the box's text without what an input method
/// is still composing): folded, trimmed, and without a lone Hangul letter at its end (a
/// syllable still being composed where the input method commits letter by letter), unless
/// the query is nothing but such letters ("ㅋㅋ" is looked for as typed). Empty when there is
/// nothing to look for.
pub fn query_text(typed: &str) -> String {
    let folded = fold(typed).text;
    let mut query = folded.trim();
    if query.chars().any(|c| !is_hangul_jamo(c) && c != ' ') {
        query = query.trim_end_matches(is_hangul_jamo).trim_end();
    }
    query.to_owned()
}
