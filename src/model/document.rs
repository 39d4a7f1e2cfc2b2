//! A parsed article body: a flat list of blocks, each with plain text and styled spans.
//!
//! Markdown is parsed with `pulldown-cmark`; plain text becomes one paragraph per line or per
//! blank-line-separated group. The UI lays out blocks and anchors point into their text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What kind of block a piece of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, level 1 to 6.
    Heading(u8),
    /// An ordinary paragraph.
    Paragraph,
    /// A paragraph inside a block quote.
    Quote,
    /// An item of a list, with its nesting depth (0 for top level).
    ListItem {
        /// Nesting depth, 0 at the top level.
        depth: u8,
    },
    /// A fenced or indented code block.
    Code,
}

/// Styling of a run of text inside a block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanStyle {
    /// Bold.
    pub strong: bool,
    /// Italic.
    pub emphasis: bool,
    /// Inline code.
    pub code: bool,
    /// Link target, when the run is a link.
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

/// One block of the article: its kind, plain text and styled spans covering the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's plain text, as shown and as searched by anchors.
    pub text: String,
    /// Styled runs covering `text` in order.
    pub spans: Vec<Span>,
}

/// An article body split into blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// Parses CommonMark (with strikethrough and tables off) into blocks.
    pub fn from_markdown(source: &str) -> Self {
        MarkdownBuilder::default().build(source)
    }

    /// Splits plain text into paragraphs.
    ///
    /// If the text has blank lines, paragraphs are separated by them and the lines inside a
    /// paragraph are joined with spaces; otherwise every non-empty line is a paragraph.
    pub fn from_plain_text(source: &str) -> Self {
        let has_blank_line = source.lines().any(|line| line.trim().is_empty())
            && source.lines().filter(|l| !l.trim().is_empty()).count() > 1;
        let paragraphs: Vec<String> = if has_blank_line {
            source
                .split("\n\n")
                .flat_map(split_blank_separated)
                .collect()
        } else {
            source
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let blocks = paragraphs
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|text| Block {
                kind: BlockKind::Paragraph,
                spans: vec![Span {
                    range: 0..text.len(),
                    style: SpanStyle::default(),
                }],
                text,
            })
            .collect();
        Self { blocks }
    }

    /// Total number of bytes of text over all blocks.
    pub fn text_len(&self) -> usize {
        self.blocks.iter().map(|b| b.text.len()).sum()
    }
}

/// Splits a chunk that may still contain whitespace-only lines into joined paragraphs.
fn split_blank_separated(chunk: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in chunk.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Collects pulldown-cmark events into blocks.
#[derive(Default)]
struct MarkdownBuilder {
    blocks: Vec<Block>,
    current: Option<Block>,
    style: SpanStyle,
    quote_depth: u32,
    list_depth: u8,
    in_item: bool,
}

impl MarkdownBuilder {
    fn build(mut self, source: &str) -> Document {
        for event in Parser::new_ext(source, Options::empty()) {
            self.event(event);
        }
        self.finish_block();
        Document {
            blocks: self.blocks,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push_text(&text, self.style.clone()),
            Event::Code(text) => {
                let style = SpanStyle {
                    code: true,
                    ..self.style.clone()
                };
                self.push_text(&text, style);
            }
            Event::SoftBreak => self.push_text(" ", self.style.clone()),
            Event::HardBreak => self.push_text("\n", self.style.clone()),
            Event::Html(html) | Event::InlineHtml(html) => {
                // Raw HTML is shown as text, never interpreted.
                self.push_text(&html, self.style.clone());
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.begin_block(BlockKind::Heading(heading_level(level)))
            }
            Tag::Paragraph if !(self.in_item && self.current.is_some()) => {
                let kind = self.paragraph_kind();
                self.begin_block(kind);
            }
            Tag::CodeBlock(_) => self.begin_block(BlockKind::Code),
            Tag::BlockQuote(_) => self.quote_depth += 1,
            Tag::List(_) => {
                if self.in_item {
                    self.finish_block();
                }
                self.list_depth = self.list_depth.saturating_add(1);
            }
            Tag::Item => {
                self.in_item = true;
                let depth = self.list_depth.saturating_sub(1);
                self.begin_block(BlockKind::ListItem { depth });
            }
            Tag::Emphasis => self.style.emphasis = true,
            Tag::Strong => self.style.strong = true,
            Tag::Link { dest_url, .. } => self.style.link = Some(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::CodeBlock => self.finish_block(),
            TagEnd::Paragraph if !self.in_item => self.finish_block(),
            TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
            TagEnd::List(_) => self.list_depth = self.list_depth.saturating_sub(1),
            TagEnd::Item => {
                self.finish_block();
                self.in_item = false;
            }
            TagEnd::Emphasis => self.style.emphasis = false,
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Link => self.style.link = None,
            _ => {}
        }
    }

    fn paragraph_kind(&self) -> BlockKind {
        if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn begin_block(&mut self, kind: BlockKind) {
        self.finish_block();
        self.current = Some(Block {
            kind,
            text: String::new(),
            spans: Vec::new(),
        });
    }

    fn finish_block(&mut self) {
        if let Some(mut block) = self.current.take() {
            if block.kind == BlockKind::Code {
                let trimmed = block.text.trim_end_matches('\n').len();
                block.text.truncate(trimmed);
                for span in &mut block.spans {
                    span.range.end = span.range.end.min(trimmed);
                }
                block.spans.retain(|s| !s.range.is_empty());
            }
            if !block.text.trim().is_empty() {
                self.blocks.push(block);
            }
        }
    }

    fn push_text(&mut self, text: &str, style: SpanStyle) {
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.begin_block(kind);
        }
        let Some(block) = self.current.as_mut() else {
            return;
        };
        let start = block.text.len();
        block.text.push_str(text);
        let end = block.text.len();
        match block.spans.last_mut() {
            Some(last) if last.style == style && last.range.end == start => last.range.end = end,
            _ => block.spans.push(Span {
                range: start..end,
                style,
            }),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_emphasis_and_headings() {
        let doc =
            Document::from_markdown("## Why\n\nA *great* show with **fans**.\n\n- one\n- two");
        assert_eq!(doc.blocks.len(), 4);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(doc.blocks[1].text, "A great show with fans.");
        let great = &doc.blocks[1].spans[1];
        assert_eq!(&doc.blocks[1].text[great.range.clone()], "great");
        assert!(great.style.emphasis);
        assert_eq!(doc.blocks[2].kind, BlockKind::ListItem { depth: 0 });
        assert_eq!(doc.blocks[3].text, "two");
    }

    #[test]
    fn plain_text_one_paragraph_per_line() {
        let doc = Document::from_plain_text("First line.\nSecond line.\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[1].text, "Second line.");
    }

    #[test]
    fn plain_text_blank_line_separated_joins_lines() {
        let doc = Document::from_plain_text("One\nstill one.\n\nTwo.\n  \nThree.");
        let texts: Vec<_> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["One still one.", "Two.", "Three."]);
    }

    #[test]
    fn markdown_special_characters_in_plain_text_stay_literal() {
        let doc = Document::from_plain_text("*not emphasis* and # not heading");
        assert_eq!(doc.blocks[0].text, "*not emphasis* and # not heading");
    }
}
