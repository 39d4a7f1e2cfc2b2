//! A parsed article body: a flat list of blocks, each with its own text and styled spans.
//!
//! Markdown is parsed with `pulldown-cmark` (CommonMark plus the GitHub extensions: tables,
//! footnotes, strikethrough, task lists; YAML/TOML front matter is skipped); plain text becomes
//! one paragraph per line or per blank-line-separated group.
//!
//! Every block keeps two things apart: its **text** (what is selected, quoted and searched by
//! anchors) and its **decorations** (list bullets and numbers, task boxes, footnote labels, quote
//! bars, table grid lines, rules), which the UI draws around the text and never inside it. The
//! UI lays a block out as [`Slice`]s of [`Piece`]s whose drawn text is exactly a range of the
//! block's text, and maps between the two only through [`PieceText`], so a selection, an anchor
//! and a highlight land on the same characters whatever the construct.

mod autolink;
mod markdown;
mod marks;
mod plain;
mod raw_html;
mod slices;

use std::borrow::Cow;
use std::ops::Range;

pub use slices::{CHUNK_BYTES, Piece, PieceText, Slice};

/// `line` with the HTML a paste left in it read as text, as a plain-text article's body is
/// (known tags dropped, entities such as `&amp;` decoded), on one line: for a headline.
pub(crate) fn line_without_html_leftovers(line: &str) -> String {
    raw_html::strip_leftovers(line)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What kind of block a piece of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, level 1 to 6.
    Heading(u8),
    /// An ordinary paragraph (also inside quotes, list items and footnotes).
    Paragraph,
    /// A fenced or indented code block.
    Code,
    /// A row of a table; its cells are in [`Block::table`].
    TableRow,
    /// A thematic break (a horizontal rule); its text is empty.
    Rule,
}

/// Styling of a run of text inside a block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanStyle {
    /// Bold.
    pub strong: bool,
    /// Italic.
    pub emphasis: bool,
    /// Struck through (GFM `~~text~~`).
    pub strikethrough: bool,
    /// Inline code.
    pub code: bool,
    /// A footnote reference mark such as `[1]`.
    pub footnote: bool,
    /// An image, drawn as its alt text (or the word "image" when it has none).
    pub image: bool,
    /// Link target, when the run is a link (or an image, shown as its alt text).
    pub link: Option<String>,
}

/// A run of text with one style, given as a byte range into [`Block::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte range into the block's text.
    pub range: Range<usize>,
    /// How the run is styled.
    pub style: SpanStyle,
}

/// How a table cell's text is aligned (from the table's delimiter row).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CellAlign {
    /// Left (also when the delimiter row gives none).
    #[default]
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

/// The cells of a table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// Which table of the document the row belongs to (counting from 0).
    pub table: usize,
    /// The header row.
    pub header: bool,
    /// Each cell's byte range in [`Block::text`], left to right. Cells are separated in the
    /// text by a tab that no cell contains and that is never drawn.
    pub cells: Vec<Range<usize>>,
    /// For each column of the table, the most characters any of its cells holds (at least 1):
    /// the same for every row of a table, so the UI gives the columns one width per table.
    pub column_chars: Vec<u32>,
    /// Each column's alignment.
    pub align: Vec<CellAlign>,
}

/// A decoration drawn in the gutter left of a block's first line, never part of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A bullet of an unordered list item, with its list's nesting depth (0 at the top).
    Bullet(u8),
    /// The number of an ordered list item (from the list's start: `3.`, `4.`, …).
    Number(u64),
    /// A task list box, ticked or not.
    Task(bool),
    /// A footnote's number, before the footnote's text.
    Footnote(usize),
}

impl Marker {
    /// The marker as text: `•`, `3.`, `[x]`, `[1]` (the UI draws a task's box as a box).
    pub fn label(&self) -> String {
        match self {
            Marker::Bullet(depth) if depth % 2 == 1 => "◦".to_owned(),
            Marker::Bullet(_) => "•".to_owned(),
            Marker::Number(n) => format!("{n}."),
            Marker::Task(true) => "[x]".to_owned(),
            Marker::Task(false) => "[ ]".to_owned(),
            Marker::Footnote(n) => format!("[{n}]"),
        }
    }
}

/// One block of the article: its kind, its own text, styled spans covering the text, and the
/// containers and decorations around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's own text: exactly what is drawn as text, selected and searched by anchors
    /// (never a bullet, number, footnote label or cell border).
    pub text: String,
    /// Styled runs covering `text` in order.
    pub spans: Vec<Span>,
    /// How many list items the block is inside (0 outside lists).
    pub list_depth: u8,
    /// How many block quotes the block is inside (0 outside quotes); one bar is drawn for each.
    pub quote_depth: u8,
    /// Drawn left of the first line: the bullet or number of the list item the block starts,
    /// or a footnote's label. Later paragraphs of the same item have none.
    pub marker: Option<Marker>,
    /// The cells, when the block is a table row.
    pub table: Option<TableRow>,
}

impl Block {
    /// The block's text with what the renderer draws that is not the author's running prose
    /// (footnote reference marks such as `[1]`, images drawn as their alt text) blanked out as
    /// spaces: the same byte offsets as [`Block::text`], for finding whole sentences (a mark
    /// after a full stop must not start the next sentence). Borrowed when there is nothing to
    /// blank. List numbers, task boxes and footnote labels are [`Marker`]s, never in the text.
    ///
    /// Citation marks written into the text itself are blanked too: `[1]`, `[12, 13]`, `[a]`,
    /// `[note 3]`, `[citation needed]` and superscript digits (`¹²`) right after a word or a
    /// full stop, as pasted from encyclopaedias and sites.
    pub fn prose_text(&self) -> Cow<'_, str> {
        let drawn = |s: &&Span| s.style.footnote || s.style.image;
        let mut ranges: Vec<Range<usize>> = self
            .spans
            .iter()
            .filter(drawn)
            .map(|s| s.range.clone())
            .collect();
        ranges.extend(marks::citation_marks(&self.text));
        if ranges.is_empty() {
            return Cow::Borrowed(&self.text);
        }
        let mut text = self.text.clone();
        for range in ranges {
            if let Some(marked) = text.get(range.clone()) {
                let blank = " ".repeat(marked.len());
                text.replace_range(range, &blank);
            }
        }
        Cow::Owned(text)
    }

    /// A plain paragraph of `text`, unstyled, outside any list or quote.
    pub fn paragraph(text: String) -> Self {
        Self {
            kind: BlockKind::Paragraph,
            spans: vec![Span {
                range: 0..text.len(),
                style: SpanStyle::default(),
            }],
            text,
            list_depth: 0,
            quote_depth: 0,
            marker: None,
            table: None,
        }
    }
}

/// Whether a table of plain text (tab-separated rows, or columns lined up with spaces)
/// starts at the first of `lines`: such a first line is a header row, not a headline.
pub(crate) fn starts_table(lines: &[&str]) -> bool {
    plain::table_at(lines).is_some()
}

/// An article body split into blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The blocks, in reading order (footnotes last, after a rule, as GitHub shows them).
    pub blocks: Vec<Block>,
}

impl Document {
    /// Parses CommonMark with the GitHub extensions (tables, footnotes, strikethrough, task
    /// lists) into blocks. YAML (`---`) and TOML (`+++`) front matter is skipped; raw HTML is
    /// never shown as markup (comments hidden, `<br>` a line break, other tags dropped).
    pub fn from_markdown(source: &str) -> Self {
        markdown::parse(source)
    }

    /// Splits plain text into paragraphs and tables: tab-separated rows are a table, lines
    /// that carry structure (list items, `Label: value`) keep their breaks, hand-wrapped
    /// lines are joined. See [`plain`] for the rules.
    pub fn from_plain_text(source: &str) -> Self {
        plain::parse(source)
    }

    /// Total number of bytes of text over all blocks.
    pub fn text_len(&self) -> usize {
        self.blocks.iter().map(|b| b.text.len()).sum()
    }
}

#[cfg(test)]
mod tests;
