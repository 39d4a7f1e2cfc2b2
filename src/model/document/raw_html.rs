//! Raw HTML inside Markdown, never shown as markup: comments, scripts and styles hidden, `<br>`
//! a line break, block tags paragraph breaks, every other tag dropped to its text.

/// What an inline HTML fragment amounts to in the text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum InlineHtml {
    /// `<br>`, `<br/>`, `<br />`: a line break.
    Break,
    /// The start of a comment that does not end in this fragment: hide what follows up to `-->`.
    CommentStart,
    /// A tag or a whole comment: nothing shown.
    Hidden,
}

/// Classifies one inline HTML fragment as pulldown-cmark hands it over.
pub(super) fn classify_inline(html: &str) -> InlineHtml {
    let trimmed = html.trim();
    if trimmed.starts_with("<!--") {
        if trimmed.contains("-->") {
            InlineHtml::Hidden
        } else {
            InlineHtml::CommentStart
        }
    } else if tag_name(trimmed).is_some_and(|name| name.eq_ignore_ascii_case("br")) {
        InlineHtml::Break
    } else {
        InlineHtml::Hidden
    }
}

/// The name of the tag `html` starts with (`<p class=x>` → `p`, `</div>` → `div`).
fn tag_name(html: &str) -> Option<&str> {
    let rest = html.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Tags that start or end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Tags whose content is never text to read.
const HIDDEN_CONTENT_TAGS: &[&str] = &["script", "style", "template", "noscript"];

/// The paragraphs of text in an HTML block, tags removed, entities decoded, white space
/// collapsed (a `<br>` kept as a line break). Empty when the block is only tags and comments.
pub(super) fn block_paragraphs(html: &str) -> Vec<String> {
    const PARAGRAPH: char = '\u{0}';
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with('<')
            && let Some(name) = tag_name(rest)
        {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let closing = rest.starts_with("</");
            let lower = name.to_ascii_lowercase();
            rest = &rest[end..];
            if !closing && HIDDEN_CONTENT_TAGS.contains(&lower.as_str()) {
                let close = format!("</{lower}");
                let found = rest.to_ascii_lowercase().find(&close);
                rest = found.map_or("", |at| {
                    let tail = &rest[at..];
                    tail.find('>').map_or("", |e| &tail[e + 1..])
                });
            } else if lower == "br" {
                out.push('\n');
            } else if BLOCK_TAGS.contains(&lower.as_str()) {
                out.push(PARAGRAPH);
            }
            continue;
        }
        // Text up to the next tag; the first character (which may be a `<` that opens no
        // tag, or any multi-byte character) is always taken.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let next = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        push_collapsed(&mut out, &decode_entities(&rest[..next]));
        rest = &rest[next..];
    }
    out.split(PARAGRAPH)
        .map(|p| {
            p.split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
                .trim_matches('\n')
                .to_owned()
        })
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Inline tags that plain text pasted from a web page may still carry.
const INLINE_TAGS: &[&str] = &[
    "a", "b", "br", "em", "font", "i", "img", "small", "span", "strong", "sub", "sup", "u",
];

/// Plain text with the HTML leftovers of a copied web page removed: well-formed tags of a
/// known set ([`BLOCK_TAGS`], [`INLINE_TAGS`]) and the character references of
/// [`decode_entity`] (`&amp;` → `&`). Anything else that looks like markup (`<3`, `<Season
/// 2>`, `&co`) is kept as written. A block tag breaks the paragraph (a blank line when the
/// text separates its paragraphs by blank lines, else a line break) and `<br>` breaks the
/// line, so the plain-text rules see the paragraphs the page had. Borrowed when there is
/// nothing to remove.
pub(super) fn strip_leftovers(source: &str) -> std::borrow::Cow<'_, str> {
    if !source.contains('<') && !source.contains('&') {
        return std::borrow::Cow::Borrowed(source);
    }
    let by_blank_lines = source.lines().any(|l| l.trim().is_empty());
    let paragraph = if by_blank_lines { "\n\n" } else { "\n" };
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let known = known_tag(rest);
        match known {
            Some((len, name)) => {
                if name == "br" {
                    out.push('\n');
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push_str(paragraph);
                }
                rest = &rest[len..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    let mut decoded = decode_entities(&out);
    if !by_blank_lines {
        // Lines stay paragraphs of their own: no blank line may appear.
        decoded = decoded
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
    }
    if decoded == source {
        std::borrow::Cow::Borrowed(source)
    } else {
        std::borrow::Cow::Owned(decoded)
    }
}

/// The length and lower-cased name of the well-formed known tag `text` starts with:
/// `<p>`, `</h2>`, `<br/>`, `<a href="…">` (attributes only after a space, no `<` inside, on
/// one line).
fn known_tag(text: &str) -> Option<(usize, String)> {
    let name = tag_name(text)?.to_ascii_lowercase();
    if !BLOCK_TAGS.contains(&name.as_str()) && !INLINE_TAGS.contains(&name.as_str()) {
        return None;
    }
    let end = text.find('>')?;
    let inner = &text[1..end];
    let after_name = inner.trim_start_matches('/').get(name.len()..)?;
    let well_formed = !inner.contains(['<', '\n'])
        && (after_name.is_empty()
            || after_name.trim() == "/"
            || after_name.starts_with(char::is_whitespace));
    well_formed.then_some((end + 1, name))
}

/// Appends `text` with every run of white space (line breaks included) made one space.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n', '\u{0}']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes the character references HTML in Markdown commonly holds.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| decode_entity(&rest[1..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_loses_known_tags_and_entities_only() {
        assert_eq!(
            strip_leftovers("<h2>So when?</h2>\n<p>Cast &amp; crew<br>\nback.</p>"),
            "So when?\nCast & crew\nback."
        );
        assert_eq!(
            strip_leftovers("I <3 it, <Season 2> & more &co"),
            "I <3 it, <Season 2> & more &co"
        );
        assert_eq!(
            strip_leftovers("See <a href=\"x\">this</a>, <b>now</b>.\n\nNext."),
            "See this, now.\n\nNext."
        );
    }

    #[test]
    fn inline_fragments() {
        assert_eq!(classify_inline("<br>"), InlineHtml::Break);
        assert_eq!(classify_inline("<BR />"), InlineHtml::Break);
        assert_eq!(classify_inline("<!-- note -->"), InlineHtml::Hidden);
        assert_eq!(classify_inline("<!-- open"), InlineHtml::CommentStart);
        assert_eq!(classify_inline("<span class=\"x\">"), InlineHtml::Hidden);
    }

    #[test]
    fn block_html_keeps_only_its_text() {
        let html = "<div class=\"ad\"><!-- slot --><p>First &amp; best</p>\n<p>Two<br>lines</p>\
                    <script>var x = '<p>';</script></div>";
        assert_eq!(block_paragraphs(html), ["First & best", "Two\nlines"]);
        assert!(block_paragraphs("<!-- only a comment -->\n").is_empty());
    }

    /// Found by the suggester's property test: text after a tag starting with a character of
    /// more than one byte was cut inside it.
    #[test]
    fn text_after_a_tag_may_start_with_any_character() {
        assert_eq!(block_paragraphs("<?<a>𞄀"), ["<?𞄀"]);
        assert_eq!(block_paragraphs("<p>Ça <b>va</b></p>"), ["Ça va"]);
        assert_eq!(
            crate::model::Document::from_markdown("<?<a>𞄀").blocks.len(),
            1
        );
    }
}
