//! Markdown to blocks: pulldown-cmark events collected into [`Block`]s, decorations kept out of
//! the text (see the module docs of [`super`]).

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::raw_html::{self, InlineHtml};
use super::{Block, BlockKind, CellAlign, Document, Marker, Span, SpanStyle, TableRow, autolink};

/// Parses `source` (CommonMark with GitHub's extensions) into a document. Tab-separated rows
/// are read as a pipe table (see [`super::plain`]).
pub(super) fn parse(source: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let source = super::plain::tab_rows_as_pipe_tables(source);
    let mut builder = Builder::default();
    for event in Parser::new_ext(&source, options) {
        builder.event(event);
    }
    builder.finish()
}

/// An open list: the number its next item gets (`None` for a bullet list).
struct List {
    next: Option<u64>,
}

/// The table being read.
struct TableState {
    index: usize,
    align: Vec<CellAlign>,
    /// Index of its first row in the block list it goes to.
    first_block: usize,
}

/// Collects pulldown-cmark events into blocks.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Footnote definitions, moved to the end of the document.
    footnotes: Vec<Block>,
    in_footnote: bool,
    footnote_numbers: HashMap<String, usize>,
    current: Option<Block>,
    strong: u32,
    emphasis: u32,
    strikethrough: u32,
    links: Vec<String>,
    /// Where the alt text of each open image starts in the current block.
    images: Vec<usize>,
    quote_depth: u8,
    lists: Vec<List>,
    /// How many list items are open.
    item_depth: u8,
    /// The marker the next block begun gets (a list item's bullet or number, a footnote label).
    pending_marker: Option<Marker>,
    in_metadata: bool,
    html_block: Option<String>,
    in_html_comment: bool,
    table: Option<TableState>,
    tables: usize,
    cell_start: Option<usize>,
}

impl Builder {
    fn finish(mut self) -> Document {
        self.finish_block();
        let mut blocks = self.blocks;
        if !self.footnotes.is_empty() {
            blocks.push(empty_block(BlockKind::Rule));
            blocks.append(&mut self.footnotes);
        }
        Document { blocks }
    }

    fn style(&self) -> SpanStyle {
        SpanStyle {
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            strikethrough: self.strikethrough > 0,
            code: false,
            footnote: false,
            image: !self.images.is_empty(),
            link: self.links.last().cloned(),
        }
    }

    fn target(&mut self) -> &mut Vec<Block> {
        if self.in_footnote {
            &mut self.footnotes
        } else {
            &mut self.blocks
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if self.in_metadata && !matches!(event, Event::End(TagEnd::MetadataBlock(_))) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(html) = self.html_block.as_mut() {
                    html.push_str(&text);
                } else if self.in_html_comment {
                    self.in_html_comment = !text.contains("-->");
                } else {
                    self.push_text(&text, self.style());
                }
            }
            Event::Code(text) => {
                let style = SpanStyle {
                    code: true,
                    ..self.style()
                };
                self.push_text(&text, style);
            }
            Event::SoftBreak => self.push_text(" ", self.style()),
            Event::HardBreak => self.push_text("\n", self.style()),
            Event::Html(html) if self.html_block.is_some() => {
                if let Some(buffer) = self.html_block.as_mut() {
                    buffer.push_str(&html);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.inline_html(&html),
            Event::FootnoteReference(label) => {
                let number = self.footnote_number(&label);
                let style = SpanStyle {
                    footnote: true,
                    ..self.style()
                };
                self.push_text(&format!("[{number}]"), style);
            }
            Event::TaskListMarker(checked) => {
                let marker = Some(Marker::Task(checked));
                match self.current.as_mut() {
                    Some(block) if block.text.is_empty() => block.marker = marker,
                    _ => self.pending_marker = marker,
                }
            }
            Event::Rule => {
                self.finish_block();
                let mut rule = empty_block(BlockKind::Rule);
                rule.quote_depth = self.quote_depth;
                rule.list_depth = self.item_depth;
                self.target().push(rule);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(&text, self.style())
            }
        }
    }

    fn inline_html(&mut self, html: &str) {
        if self.in_html_comment {
            self.in_html_comment = !html.contains("-->");
            return;
        }
        match raw_html::classify_inline(html) {
            InlineHtml::Break => self.push_text("\n", self.style()),
            InlineHtml::CommentStart => self.in_html_comment = true,
            InlineHtml::Hidden => {}
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnote_numbers.len() + 1;
        *self
            .footnote_numbers
            .entry(label.to_owned())
            .or_insert(next)
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.begin_block(BlockKind::Heading(heading_level(level)))
            }
            Tag::Paragraph => self.begin_block(BlockKind::Paragraph),
            Tag::CodeBlock(_) => self.begin_block(BlockKind::Code),
            Tag::BlockQuote(_) => {
                self.finish_block();
                self.quote_depth = self.quote_depth.saturating_add(1);
            }
            Tag::List(start) => {
                self.finish_block();
                self.lists.push(List { next: start });
            }
            Tag::Item => {
                self.finish_block();
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let marker = match self.lists.last_mut() {
                    Some(List { next: Some(n) }) => {
                        let number = *n;
                        *n = n.saturating_add(1);
                        Marker::Number(number)
                    }
                    _ => Marker::Bullet(depth),
                };
                self.item_depth = self.item_depth.saturating_add(1);
                self.pending_marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.finish_block();
                let number = self.footnote_number(&label);
                self.in_footnote = true;
                self.item_depth = self.item_depth.saturating_add(1);
                self.pending_marker = Some(Marker::Footnote(number));
            }
            Tag::Table(align) => {
                self.finish_block();
                let first_block = self.target().len();
                self.table = Some(TableState {
                    index: self.tables,
                    align: align.into_iter().map(cell_align).collect(),
                    first_block,
                });
                self.tables += 1;
            }
            Tag::TableHead => self.begin_row(true),
            Tag::TableRow => self.begin_row(false),
            Tag::TableCell => {
                if let Some(block) = self.current.as_mut()
                    && block.table.as_ref().is_some_and(|t| !t.cells.is_empty())
                {
                    push_span(block, "\t", SpanStyle::default());
                }
                self.cell_start = self.current.as_ref().map(|b| b.text.len());
            }
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough => self.strikethrough += 1,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                let start = self.current.as_ref().map_or(0, |b| b.text.len());
                if self.current.is_none() {
                    self.begin_block(BlockKind::Paragraph);
                }
                self.images.push(start);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Paragraph => self.finish_block(),
            TagEnd::BlockQuote(_) => {
                self.finish_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.finish_block();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.finish_block();
                self.item_depth = self.item_depth.saturating_sub(1);
                self.pending_marker = None;
            }
            TagEnd::FootnoteDefinition => {
                self.finish_block();
                self.in_footnote = false;
                self.item_depth = self.item_depth.saturating_sub(1);
                self.pending_marker = None;
            }
            TagEnd::TableCell => {
                if let (Some(start), Some(block)) = (self.cell_start.take(), self.current.as_mut())
                    && let Some(row) = block.table.as_mut()
                {
                    row.cells.push(start..block.text.len());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.finish_block(),
            TagEnd::Table => self.end_table(),
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html_block.take() {
                    for paragraph in raw_html::block_paragraphs(&html) {
                        self.begin_block(BlockKind::Paragraph);
                        self.push_text(&paragraph, SpanStyle::default());
                        self.finish_block();
                    }
                }
            }
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.strikethrough = self.strikethrough.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => {
                let start = self.images.pop().unwrap_or(0);
                // An empty alt text marks a decorative image: nothing is shown for it, unless
                // it is all a link has to be clicked by (the image's own link is one of
                // `links`, an outer one the other).
                let in_link = self.links.len() > 1;
                if in_link && self.current.as_ref().is_some_and(|b| b.text.len() == start) {
                    let style = SpanStyle {
                        image: true,
                        ..self.style()
                    };
                    self.push_text("image", style);
                }
                self.links.pop();
            }
            _ => {}
        }
    }

    fn begin_row(&mut self, header: bool) {
        let Some(table) = &self.table else {
            return;
        };
        let row = TableRow {
            table: table.index,
            header,
            cells: Vec::new(),
            column_chars: Vec::new(),
            align: table.align.clone(),
        };
        self.begin_block(BlockKind::TableRow);
        if let Some(block) = self.current.as_mut() {
            block.table = Some(row);
        }
    }

    /// Gives every row of the table just read the widths of its columns.
    fn end_table(&mut self) {
        self.finish_block();
        let Some(table) = self.table.take() else {
            return;
        };
        let rows = &mut self.target()[table.first_block..];
        let mut widths: Vec<u32> = Vec::new();
        for block in rows.iter() {
            let Some(row) = &block.table else { continue };
            for (column, cell) in row.cells.iter().enumerate() {
                let chars = u32::try_from(block.text[cell.clone()].chars().count())
                    .unwrap_or(u32::MAX)
                    .max(1);
                match widths.get_mut(column) {
                    Some(width) => *width = (*width).max(chars),
                    None => widths.push(chars),
                }
            }
        }
        for block in rows.iter_mut() {
            if let Some(row) = block.table.as_mut() {
                row.column_chars = widths.clone();
                row.align.resize(widths.len(), CellAlign::Left);
            }
        }
    }

    fn begin_block(&mut self, kind: BlockKind) {
        self.finish_block();
        let mut block = empty_block(kind);
        block.list_depth = self.item_depth;
        block.quote_depth = self.quote_depth;
        block.marker = self.pending_marker.take();
        self.current = Some(block);
    }

    fn finish_block(&mut self) {
        let Some(mut block) = self.current.take() else {
            return;
        };
        if block.kind == BlockKind::Code {
            let trimmed = block.text.trim_end_matches('\n').len();
            block.text.truncate(trimmed);
            for span in &mut block.spans {
                span.range.end = span.range.end.min(trimmed);
            }
            block.spans.retain(|s| !s.range.is_empty());
        }
        if block.table.is_some() || !block.text.trim().is_empty() {
            autolink::apply(&mut block);
            self.target().push(block);
        } else if block.marker.is_some() && self.pending_marker.is_none() {
            // An item whose first paragraph is empty: its marker goes to what follows.
            self.pending_marker = block.marker;
        }
    }

    fn push_text(&mut self, text: &str, style: SpanStyle) {
        if self.in_metadata {
            return;
        }
        if self.current.is_none() {
            self.begin_block(BlockKind::Paragraph);
        }
        let in_cell = self.cell_start.is_some();
        let Some(block) = self.current.as_mut() else {
            return;
        };
        if in_cell && text.contains('\t') {
            push_span(block, &text.replace('\t', " "), style);
        } else {
            push_span(block, text, style);
        }
    }
}

/// Appends `text` in `style`, merging with the last span when it has the same style.
fn push_span(block: &mut Block, text: &str, style: SpanStyle) {
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

fn empty_block(kind: BlockKind) -> Block {
    Block {
        kind,
        text: String::new(),
        spans: Vec::new(),
        list_depth: 0,
        quote_depth: 0,
        marker: None,
        table: None,
    }
}

fn cell_align(align: Alignment) -> CellAlign {
    match align {
        Alignment::None | Alignment::Left => CellAlign::Left,
        Alignment::Center => CellAlign::Center,
        Alignment::Right => CellAlign::Right,
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
