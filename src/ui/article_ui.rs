//! The article: title, as-of date and body, laid out once and drawn only where visible.
//!
//! Each block is laid out into a [`Galley`] when the article, the width or the theme changes,
//! and kept in [`ArticleCache`]. Only the blocks inside the viewport are drawn, each as a
//! read-only [`egui::TextEdit`] so text can be selected, copied and turned into a thread.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke, Ui};

use crate::app::{TextSelection, UiParts};
use crate::model::{AnchorMatch, Block, BlockKind, Document, Dossier, SpanStyle};

/// The widest the article's text column gets, in points.
const MAX_COLUMN_WIDTH: f32 = 720.0;
/// Space between blocks, in points.
const BLOCK_GAP: f32 = 10.0;

/// What the cached layout was made for.
#[derive(Clone, Debug, PartialEq)]
struct LayoutKey {
    dossier: u64,
    body_hash: u64,
    width_px: u32,
    dark: bool,
}

/// The article laid out for the current width and theme, kept across frames.
#[derive(Default)]
pub struct ArticleCache {
    key: Option<LayoutKey>,
    document: Arc<Document>,
    galleys: Vec<Arc<Galley>>,
    /// Top of each block relative to the first block, in points.
    tops: Vec<f32>,
    total_height: f32,
    /// The highlighted passage the galleys were laid out with.
    highlight: Option<AnchorMatch>,
    /// How many times blocks were laid out (for tests and benchmarks).
    pub layouts: usize,
}

impl ArticleCache {
    /// The parsed article currently cached.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Parses `dossier`'s article unless it is the one already cached; returns its body hash.
    fn sync_document(&mut self, dossier: &Dossier) -> u64 {
        let body_hash = hash_body(&dossier.article.body);
        let same_article = self
            .key
            .as_ref()
            .is_some_and(|k| k.dossier == dossier.id.0 && k.body_hash == body_hash);
        if !same_article {
            self.document = Arc::new(dossier.article.document());
            self.key = None;
        }
        body_hash
    }

    /// Makes the layout match `dossier` at `width`, re-laying out only what changed.
    fn update(&mut self, ui: &Ui, dossier: &Dossier, width: f32, highlight: Option<AnchorMatch>) {
        let key = LayoutKey {
            dossier: dossier.id.0,
            body_hash: self.sync_document(dossier),
            width_px: (width * ui.pixels_per_point()).round() as u32,
            dark: ui.visuals().dark_mode,
        };
        if self.key.as_ref() != Some(&key) {
            self.highlight = highlight.clone();
            self.galleys = (0..self.document.blocks.len())
                .map(|i| self.layout_block(ui, i, width))
                .collect();
            self.key = Some(key);
            self.recompute_tops();
        } else if self.highlight != highlight {
            let old = self.highlight.take().map(|h| h.block);
            self.highlight = highlight;
            let new = self.highlight.as_ref().map(|h| h.block);
            for index in [old, new].into_iter().flatten() {
                if index < self.galleys.len() {
                    self.galleys[index] = self.layout_block(ui, index, width);
                }
            }
        }
    }

    fn layout_block(&mut self, ui: &Ui, index: usize, width: f32) -> Arc<Galley> {
        self.layouts += 1;
        let highlight = self
            .highlight
            .as_ref()
            .filter(|h| h.block == index)
            .map(|h| h.range.clone());
        let job = block_job(ui, &self.document.blocks[index], width, highlight);
        ui.fonts_mut(|f| f.layout_job(job))
    }

    fn recompute_tops(&mut self) {
        let mut y = 0.0;
        self.tops = self
            .galleys
            .iter()
            .map(|g| {
                let top = y;
                y += g.size().y + BLOCK_GAP;
                top
            })
            .collect();
        self.total_height = y;
    }

    /// The y offset, relative to the first block, of a passage's first line.
    fn passage_top(&self, found: &AnchorMatch) -> Option<f32> {
        let galley = self.galleys.get(found.block)?;
        let text = &self.document.blocks[found.block].text;
        let char_index = text[..found.range.start.min(text.len())].chars().count();
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(char_index));
        Some(self.tops[found.block] + rect.min.y)
    }

    /// The first block whose bottom is below `y`.
    fn first_visible(&self, y: f32) -> usize {
        self.tops.partition_point(|top| *top <= y).saturating_sub(1)
    }
}

fn hash_body(body: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
}

/// Draws the open dossier's article.
pub fn article_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(dossier) = parts.library.open_dossier() else {
        ui.centered_and_justified(|ui| {
            ui.label("No article is open. Use File > Open article… or Paste article… to add one.");
        });
        return;
    };
    let scroll_request = std::mem::take(&mut parts.view.scroll_to_selected);
    let column = ui.available_width().min(MAX_COLUMN_WIDTH + 24.0) - 24.0;
    let width = column.max(120.0);
    parts.cache.sync_document(dossier);
    let highlight = parts
        .view
        .selected_thread
        .and_then(|id| dossier.thread(id).ok())
        .and_then(|t| t.anchor.as_ref())
        .and_then(|a| a.resolve(parts.cache.document()));
    parts.cache.update(ui, dossier, width, highlight.clone());

    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("article", dossier.id.0))
        .auto_shrink([false, false]);
    let header_height = ui
        .data(|d| d.get_temp::<f32>(egui::Id::unique("article_header_height")))
        .unwrap_or(0.0);
    if scroll_request
        && let Some(top) = highlight
            .as_ref()
            .and_then(|found| parts.cache.passage_top(found))
    {
        scroll = scroll.vertical_scroll_offset((header_height + top - 80.0).max(0.0));
    }
    scroll.show_viewport(ui, |ui, viewport| {
        let margin = ((ui.available_width() - width) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                let before = ui.cursor().min.y;
                header_ui(ui, dossier);
                let height = ui.cursor().min.y - before;
                ui.data_mut(|d| d.insert_temp(egui::Id::unique("article_header_height"), height));
                blocks_ui(ui, parts, viewport, height);
            });
        });
    });
}

/// Title, as-of date and source of the article.
fn header_ui(ui: &mut Ui, dossier: &Dossier) {
    let article = &dossier.article;
    ui.add_space(8.0);
    ui.add(
        egui::Label::new(
            egui::RichText::new(&article.title)
                .heading()
                .size(26.0)
                .strong(),
        )
        .wrap(),
    );
    let as_of = match article.as_of {
        Some(date) => format!("As of {}", date.strftime("%-d %B %Y")),
        None => "No as-of date".to_owned(),
    };
    ui.label(egui::RichText::new(as_of).italics().weak());
    if let Some(source) = &article.source_path {
        ui.label(egui::RichText::new(format!("From {source}")).small().weak());
    }
    ui.add_space(12.0);
}

/// Draws the blocks inside the viewport and records the text selection.
fn blocks_ui(ui: &mut Ui, parts: &mut UiParts<'_>, viewport: egui::Rect, header_height: f32) {
    let cache = &*parts.cache;
    let origin = ui.cursor().min;
    let visible_from = (viewport.min.y - header_height).max(0.0);
    let visible_to = viewport.max.y - header_height;
    let first = cache.first_visible(visible_from);
    let mut selection = None;
    let mut link_clicked = None;
    for index in first..cache.galleys.len() {
        let top = cache.tops[index];
        if top > visible_to {
            break;
        }
        let galley = cache.galleys[index].clone();
        let block = &cache.document.blocks[index];
        let rect = egui::Rect::from_min_size(origin + egui::vec2(0.0, top), galley.size());
        let output = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                let mut text: &str = &block.text;
                egui::TextEdit::multiline(&mut text)
                    .id_salt(("article_block", index))
                    .frame(egui::Frame::NONE)
                    .margin(egui::Margin::ZERO)
                    .desired_rows(1)
                    .desired_width(rect.width())
                    .layouter(&mut |_ui, _text, _width| galley.clone())
                    .show(ui)
            })
            .inner;
        if let Some(range) = output.cursor_range {
            let chars = range.as_sorted_char_range();
            if output.response.has_focus() {
                if chars.is_empty() {
                    if output.response.clicked() {
                        link_clicked = link_at(block, chars.start.0);
                    }
                    selection = Some(None);
                } else {
                    let bytes = char_to_byte_range(&block.text, chars.start.0..chars.end.0);
                    selection = Some(Some(TextSelection {
                        block: index,
                        text: block.text[bytes.clone()].to_owned(),
                        range: bytes,
                    }));
                }
            }
        }
    }
    ui.allocate_rect(
        egui::Rect::from_min_size(origin, egui::vec2(ui.available_width(), cache.total_height)),
        egui::Sense::hover(),
    );
    if let Some(selection) = selection {
        parts.view.selection = selection;
    }
    if let Some(url) = link_clicked {
        // Links open only here, on a click; the status line says which one.
        ui.ctx().open_url(egui::OpenUrl::new_tab(&url));
        parts.view.last_opened_link = Some(url);
    }
}

fn char_to_byte_range(text: &str, chars: Range<usize>) -> Range<usize> {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    byte(chars.start)..byte(chars.end)
}

/// The link under character `char_index` of `block`, if any.
fn link_at(block: &Block, char_index: usize) -> Option<String> {
    let byte = block.text.char_indices().nth(char_index).map(|(b, _)| b)?;
    block
        .spans
        .iter()
        .find(|s| s.range.contains(&byte))
        .and_then(|s| s.style.link.clone())
}

/// Builds the layout of one block, with `highlight` (a byte range) marked.
fn block_job(ui: &Ui, block: &Block, width: f32, highlight: Option<Range<usize>>) -> LayoutJob {
    let visuals = ui.visuals();
    let body_size = 16.0;
    let (size, indent, base_color, italics) = match block.kind {
        BlockKind::Heading(level) => (
            match level {
                1 => 24.0,
                2 => 20.0,
                _ => 18.0,
            },
            0.0,
            visuals.strong_text_color(),
            false,
        ),
        BlockKind::Paragraph => (body_size, 0.0, visuals.text_color(), false),
        BlockKind::Quote => (body_size, 16.0, visuals.weak_text_color(), true),
        BlockKind::ListItem { depth } => (
            body_size,
            18.0 * f32::from(depth + 1),
            visuals.text_color(),
            false,
        ),
        BlockKind::Code => (14.0, 8.0, visuals.text_color(), false),
    };
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(width),
        ..Default::default()
    };
    let base = TextFormat {
        font_id: if block.kind == BlockKind::Code {
            FontId::monospace(size)
        } else {
            FontId::proportional(size)
        },
        color: base_color,
        italics,
        line_height: Some(size * 1.45),
        ..Default::default()
    };
    if indent > 0.0 {
        job.first_row_min_height = 0.0;
        let bullet = match block.kind {
            BlockKind::ListItem { .. } => "•  ",
            BlockKind::Quote => "",
            _ => "",
        };
        job.append(bullet, indent - 14.0_f32.min(indent), base.clone());
    }
    for span in &block.spans {
        let format = span_format(visuals, &base, &span.style);
        append_with_highlight(
            &mut job,
            &block.text,
            span.range.clone(),
            &format,
            highlight.as_ref(),
            visuals,
        );
    }
    job
}

fn span_format(visuals: &egui::Visuals, base: &TextFormat, style: &SpanStyle) -> TextFormat {
    let mut format = base.clone();
    if style.strong {
        format.color = visuals.strong_text_color();
    }
    if style.emphasis {
        format.italics = true;
    }
    if style.code {
        format.font_id = FontId::monospace(base.font_id.size * 0.92);
        format.background = visuals.code_bg_color;
    }
    if style.link.is_some() {
        format.color = visuals.hyperlink_color;
        format.underline = Stroke::new(1.0, visuals.hyperlink_color);
    }
    format
}

/// Appends `text[range]`, splitting it where it meets the highlighted range.
fn append_with_highlight(
    job: &mut LayoutJob,
    text: &str,
    range: Range<usize>,
    format: &TextFormat,
    highlight: Option<&Range<usize>>,
    visuals: &egui::Visuals,
) {
    let Some(h) = highlight.filter(|h| h.start < range.end && range.start < h.end) else {
        job.append(&text[range], 0.0, format.clone());
        return;
    };
    let marked_start = h.start.max(range.start);
    let marked_end = h.end.min(range.end);
    let mut marked = format.clone();
    marked.background = if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xe5, 0x8a)
    };
    marked.color = visuals.strong_text_color();
    for (part, fmt) in [
        (range.start..marked_start, format),
        (marked_start..marked_end, &marked),
        (marked_end..range.end, format),
    ] {
        if !part.is_empty() {
            job.append(&text[part], 0.0, fmt.clone());
        }
    }
}
