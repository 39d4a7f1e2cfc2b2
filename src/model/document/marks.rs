//! Citation marks written into an article's text (pasted from encyclopaedias and sites): not
//! part of the author's sentences, so sentence splitting passes over them (see
//! [`super::Block::prose_text`]).

use std::ops::Range;

/// The longest bracketed mark, in bytes (`[citation needed]`).
const MAX_MARK_BYTES: usize = 24;

/// Superscript digits, as sites write footnote numbers in plain text.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Byte ranges of the citation marks in `text`: `[1]`, `[12, 13]`, `[3–5]`, `[a]`,
/// `[note 3]`, `[citation needed]` and runs of superscript digits, each right after a
/// character that is not white space (a bracket standing alone is text).
pub(super) fn citation_marks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let attached = previous.is_some_and(|p| !p.is_whitespace());
        if c == '[' && attached {
            let rest = &text[at + 1..];
            if let Some(close) = rest.find(']').filter(|&close| close < MAX_MARK_BYTES)
                && is_citation(&rest[..close])
            {
                out.push(at..at + close + 2);
                while chars.peek().is_some_and(|&(i, _)| i < at + close + 2) {
                    chars.next();
                }
                previous = Some(']');
                continue;
            }
        }
        if SUPERSCRIPTS.contains(&c)
            && attached
            && !previous.is_some_and(|p| SUPERSCRIPTS.contains(&p))
        {
            let mut end = at + c.len_utf8();
            while let Some(&(i, n)) = chars.peek()
                && SUPERSCRIPTS.contains(&n)
            {
                end = i + n.len_utf8();
                chars.next();
            }
            out.push(at..end);
            previous = Some('¹');
            continue;
        }
        previous = Some(c);
    }
    out
}

/// What may stand between the brackets of a citation mark.
fn is_citation(inner: &str) -> bool {
    let inner = inner.trim();
    let lower = inner.to_lowercase();
    let numbers = |s: &str| {
        !s.is_empty()
            && s.chars().any(|c| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'))
    };
    numbers(inner)
        || (inner.chars().count() == 1 && inner.chars().all(|c| c.is_ascii_lowercase()))
        || lower
            .strip_prefix("note")
            .or_else(|| lower.strip_prefix("n"))
            .is_some_and(|n| numbers(n.trim()))
        || matches!(
            lower.as_str(),
            "citation needed" | "clarification needed" | "when?" | "who?" | "according to whom?"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<&str> {
        citation_marks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn marks_right_after_a_word_or_a_full_stop() {
        assert_eq!(
            marks("It aired in 2020.[1] Ratings rose[12, 13] and fell.[a][citation needed]"),
            ["[1]", "[12, 13]", "[a]", "[citation needed]"]
        );
        assert_eq!(marks("It ended.¹² Then"), ["¹²"]);
        assert_eq!(marks("[note 4] leads"), Vec::<&str>::new(), "not attached");
        assert_eq!(marks("the list [1] and x[ab]"), Vec::<&str>::new());
        assert_eq!(marks("a [1] b ²"), Vec::<&str>::new());
    }
}
