//! The fan's own text made literal in Markdown: whatever a title, note, statement or quote
//! holds (`- [ ]`, `#`, `*`, a line break, a link, HTML), it reads as those characters in
//! Obsidian, GitHub or any CommonMark reader and never changes the structure around it.
//!
//! Every ASCII punctuation character that CommonMark (0.31, "Backslash escapes"), GitHub's
//! extensions or Obsidian give a meaning inside a line is escaped with a backslash wherever it
//! is; at the start of a line, what would open a block (`-`, `+`, `>`, `1.`, `1)`) is escaped
//! too, and leading white space (an indented code block) is dropped.

/// Characters escaped wherever they are: emphasis, code, links, HTML and entities, headings
/// and Obsidian tags, tables, strikethrough and highlights, Obsidian math, comments and block
/// ids, and the backslash itself.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '|', '~', '=', '$', '%', '^', '!',
];

/// `text` as one line of literal Markdown: line breaks (any of `\n`, `\r`, U+2028, U+2029,
/// U+0085) and other white space runs become one space, ends trimmed, then escaped as in
/// [`escape_line`]. For a heading or a task item's title.
pub fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_line(&joined)
}

/// `text` as literal Markdown lines, one per line of it (blank lines kept, so paragraphs stay
/// paragraphs; the ends of the whole trimmed of blank lines), each escaped as in
/// [`escape_line`]. For a note or a quote written under a prefix (`  `, `> `).
pub fn lines(text: &str) -> Vec<String> {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    if text.is_empty() {
        return Vec::new();
    }
    text.split(['\n', '\u{2028}', '\u{2029}', '\u{85}'])
        .map(|line| escape_line(line.trim_end_matches('\r')))
        .collect()
}

/// One line (no line break in it) as literal Markdown: leading and trailing white space
/// dropped, the characters of [`INLINE`] escaped everywhere, a block marker at its start
/// (`-`, `+`, a number and `.` or `)`) escaped, tabs and other control characters made spaces.
pub fn escape_line(line: &str) -> String {
    let line: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (index, c) in line.chars().enumerate() {
        let opens_block = (index == 0 && matches!(c, '-' | '+'))
            || (index == digits && digits > 0 && matches!(c, '.' | ')'));
        if INLINE.contains(&c) || opens_block {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// The text events of `markdown` (GitHub extensions on), concatenated, and whether any
    /// other structure than a paragraph appeared.
    fn parsed(markdown: &str) -> (String, bool) {
        let mut text = String::new();
        let mut structure = false;
        let options = Options::ENABLE_TASKLISTS
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TABLES
            | Options::ENABLE_MATH
            | Options::ENABLE_WIKILINKS;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                _ => structure = true,
            }
        }
        (text, structure)
    }

    #[test]
    fn block_markers_and_inline_syntax_stay_text() {
        for line in [
            "- [ ] not a task",
            "# not a heading",
            "> not a quote",
            "1. not a list",
            "2) nor this",
            "+ nor this",
            "*not emphasis* and `not code` and [not](a link)",
            "<b>not html</b> &amp; not an entity",
            "| a | b |",
            "~~not struck~~ ==not highlighted== $not math$",
            "[[not a wikilink]] ![[not an embed]]",
            "---",
            "===",
            "    not code",
        ] {
            let escaped = escape_line(line);
            let (text, structure) = parsed(&escaped);
            assert!(!structure, "{line:?} → {escaped:?}");
            assert_eq!(text, line.trim(), "{line:?} → {escaped:?}");
        }
    }

    #[test]
    fn one_line_joins_line_breaks() {
        assert_eq!(
            one_line("Will it\nbe\r\nrenewed?\u{2028}"),
            "Will it be renewed?"
        );
        assert_eq!(one_line("  \n "), "");
    }

    #[test]
    fn lines_keep_blank_lines_between_paragraphs() {
        assert_eq!(
            lines("\nfirst\r\n- [ ] second\n\n# third\n\n"),
            ["first", "\\- \\[ \\] second", "", "\\# third"]
        );
        assert!(lines(" \n ").is_empty());
    }

    #[test]
    fn hangul_and_other_text_is_left_as_it_is() {
        assert_eq!(
            escape_line("사이코지만 괜찮아 (2020)"),
            "사이코지만 괜찮아 (2020)"
        );
        assert_eq!(escape_line("Season 2. Maybe"), "Season 2. Maybe");
    }
}
