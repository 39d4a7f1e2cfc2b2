//! The article: title, as-of date and body, laid out once and drawn only where visible.
//!
//! Slices of blocks are laid out when they first come into view and kept in
//! [`super::ArticleCache`] until the article, the width or the theme changes. Only the slices
//! inside the viewport are drawn: each piece of text as its galley, sensed for selection (one
//! selection over the whole article, across blocks, in every script: see
//! [`super::article_selection`]), its decorations (bullets, numbers, quote bars, cell borders)
//! painted around it. A selection is mapped back to the block's text by [`PieceText::to_block`],
//! the same mapping highlights and scrolling use.

use egui::{Role, Ui};

use super::UiParts;
use super::article_cache::HighlightKind;
use super::article_layout::{QUOTE_INDENT, SliceLayout, column_geometry, font_size, indent};
use super::article_selection::{
    DrawnPiece, interact_piece, piece_id, update_selection, with_selection,
};
use super::widgets::{FieldKind, set_label, text_field};
use crate::app::{Change, Command, TextBox, ViewState, parse_as_of};
use crate::model::{ArticleEntry, Block, BlockKind, Library, Marker, PieceText, Show, Slice};

/// The widest the article's text column gets, in points.
const MAX_COLUMN_WIDTH: f32 = 720.0;

/// Draws the open article.
pub fn article_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some((show, entry)) = parts.open_article() else {
        ui.centered_and_justified(|ui| {
            ui.label("No article is open. Use File > Open article… or Paste article… to add one.");
        });
        return;
    };
    // Kept until the article is parsed: a hit or passage in another article is scrolled to
    // once its text is there.
    let scroll_request =
        parts.document.is_some() && std::mem::take(&mut parts.view.scroll_to_selected);
    let column = ui.available_width().min(MAX_COLUMN_WIDTH + 24.0) - 24.0;
    let width = column.max(120.0);
    if let Some(document) = &parts.document {
        parts.cache.sync_document(entry.id, document);
    }
    // A passage shown from the suggestions, else the selected thread's passages in this
    // article; the view scrolls to the first.
    let wanted: Vec<crate::model::Anchor> = match &parts.view.highlighted_passage {
        Some(anchor) => vec![anchor.clone()],
        None => parts
            .view
            .selected_thread
            .and_then(|id| show.thread(id).ok())
            .map(|t| {
                t.anchors
                    .iter()
                    .filter(|a| a.article == entry.id)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    };
    // A search hit shown (Find, issue 20) is marked alone, at its very place.
    let search_hit = parts
        .view
        .search
        .hit
        .as_ref()
        .filter(|(article, _)| *article == entry.id)
        .map(|(_, found)| found.clone());
    let passages: Vec<_> = match search_hit {
        Some(found) => vec![found],
        None => wanted.iter().flat_map(|a| parts.cache.resolve(a)).collect(),
    };
    let highlight = passages.first().cloned();
    parts
        .cache
        .set_highlights(HighlightKind::Selected, passages);
    parts.cache.update(ui, width);

    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("article", entry.id.0))
        .auto_shrink([false, false]);
    let header_height = ui
        .data(|d| d.get_temp::<f32>(egui::Id::unique("article_header_height")))
        .unwrap_or(0.0);
    if scroll_request
        && let Some(top) = highlight
            .as_ref()
            .and_then(|found| parts.cache.passage_top(ui, found))
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
                header_ui(ui, parts.library, show, entry, parts.view, parts.commands);
                let height = ui.cursor().min.y - before;
                ui.data_mut(|d| d.insert_temp(egui::Id::unique("article_header_height"), height));
                blocks_ui(ui, parts, viewport, height);
            });
        });
    });
}

/// Label of the picker of the show an article is filed under.
pub const SHOW_PICKER_LABEL: &str = "Show of this article";

/// Which show the article is filed under, as a picker that moves it to another show or to a
/// new one; after an import, a line saying why it went there.
fn filing_ui(
    ui: &mut Ui,
    library: &Library,
    show: &Show,
    entry: &ArticleEntry,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Show:").weak());
        let mut moved_to = None;
        let combo = egui::ComboBox::from_id_salt(("show_picker", entry.id.0))
            .selected_text(show.full_title())
            .width(260.0)
            .show_ui(ui, |ui| {
                for other in &library.shows {
                    if ui
                        .selectable_label(other.id == show.id, other.full_title())
                        .clicked()
                        && other.id != show.id
                    {
                        moved_to = Some(Some(other.id));
                    }
                }
                ui.separator();
                if ui
                    .selectable_label(false, "A new show of its own")
                    .clicked()
                {
                    moved_to = Some(None);
                }
            });
        set_label(&combo.response, Role::ComboBox, SHOW_PICKER_LABEL);
        if let Some(to) = moved_to {
            commands.push(Command::Change(Change::MoveArticle(entry.id, to)));
            commands.push(Command::KeepFiling);
        }
    });
    if let Some(filing) = view.filing.filter(|f| f.article == entry.id) {
        ui.horizontal_wrapped(|ui| {
            let why = if filing.named {
                format!(
                    "Filed under {} because the article names it. If that is wrong, pick another show above.",
                    show.title
                )
            } else {
                "This article names none of your shows, so it has a new show of its own. Rename the show in the panel on the right, or pick a show above.".to_owned()
            };
            ui.label(egui::RichText::new(why).italics());
            if ui.small_button("OK").clicked() {
                commands.push(Command::KeepFiling);
            }
        });
    }
}

/// Title, as-of date and source of the article, and the show it is filed under. The as-of
/// date can be set or corrected: *Edit* shows a YYYY-MM-DD field (empty for none); a date that
/// cannot be read is reported in words and changes nothing.
fn header_ui(
    ui: &mut Ui,
    library: &Library,
    show: &Show,
    entry: &ArticleEntry,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let article = &entry.article;
    ui.add_space(8.0);
    filing_ui(ui, library, show, entry, view, commands);
    ui.add_space(4.0);
    ui.add(
        egui::Label::new(
            egui::RichText::new(&article.title)
                .heading()
                .size(26.0)
                .strong(),
        )
        .wrap(),
    );
    if view.as_of_draft.is_some() {
        as_of_editor_ui(ui, entry, view, commands);
    } else {
        ui.horizontal(|ui| {
            let as_of = match article.as_of {
                Some(date) => format!("As of {}", date.strftime("%-d %B %Y")),
                None => "No as-of date".to_owned(),
            };
            ui.label(egui::RichText::new(as_of).italics().weak());
            let edit = ui
                .small_button("Edit")
                .on_hover_text("Set or correct the date the article's claims are as of");
            set_label(&edit, Role::Button, EDIT_AS_OF_LABEL);
            if edit.clicked() {
                view.as_of_draft = Some(article.as_of.map(|d| d.to_string()).unwrap_or_default());
                view.as_of_error = None;
                // The field it opens takes the keyboard focus.
                ui.data_mut(|d| d.insert_temp(focus_as_of_id(), true));
            }
        });
    }
    if let Some(url) = &article.source_url {
        ui.label(egui::RichText::new(format!("Source: {url}")).small().weak());
    }
    if let Some(source) = &article.source_path {
        ui.label(egui::RichText::new(format!("From {source}")).small().weak());
    }
    ui.add_space(12.0);
}

/// The flag asking the as-of field to take the keyboard focus (set by *Edit*).
fn focus_as_of_id() -> egui::Id {
    egui::Id::unique("focus_as_of_field")
}

/// Label of the button that starts editing the as-of date.
pub const EDIT_AS_OF_LABEL: &str = "Edit as-of date";
/// Label of the as-of date field.
pub const AS_OF_FIELD_LABEL: &str = "As-of date";
/// Label of the button that sets the typed as-of date.
pub const SET_AS_OF_LABEL: &str = "Set as-of date";

/// The as-of date field with *Set* and *Cancel* (Enter sets, Escape cancels).
fn as_of_editor_ui(
    ui: &mut Ui,
    entry: &ArticleEntry,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let current = entry.article.as_of;
    let Some(draft) = view.as_of_draft.as_mut() else {
        return;
    };
    let composing = &mut view.composing;
    let mut set = false;
    let mut cancel = false;
    let mut preedit = None;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("As of").italics().weak());
        let id = ui.make_persistent_id(("as_of_field", entry.id.0));
        let typed = text_field(
            ui,
            id,
            draft,
            FieldKind::Line,
            "YYYY-MM-DD",
            110.0,
            composing,
        );
        preedit = typed.preedit;
        let edit = typed.response;
        set_label(&edit, Role::TextInput, AS_OF_FIELD_LABEL);
        if ui.data_mut(|d| d.remove_temp::<bool>(focus_as_of_id()).is_some()) {
            edit.request_focus();
        }
        if edit.lost_focus() {
            set |= ui.input(|i| i.key_pressed(egui::Key::Enter));
            cancel |= ui.input(|i| i.key_pressed(egui::Key::Escape));
        }
        let button = ui.small_button("Set");
        set_label(&button, Role::Button, SET_AS_OF_LABEL);
        set |= button.clicked();
        cancel |= ui.small_button("Cancel").clicked();
    });
    if let Some(error) = &view.as_of_error {
        ui.colored_label(ui.visuals().warn_fg_color, error);
    } else {
        ui.label(
            egui::RichText::new("Write the date as YYYY-MM-DD; leave it empty for no date.")
                .small()
                .weak(),
        );
    }
    if cancel {
        view.as_of_draft = None;
        view.as_of_error = None;
    } else if set {
        match parse_as_of(draft) {
            Ok(date) => {
                if date != current {
                    commands.push(Command::Change(Change::SetAsOf(entry.id, date)));
                }
                view.as_of_draft = None;
                view.as_of_error = None;
            }
            Err(error) => view.as_of_error = Some(error),
        }
    }
    view.record_preedit(TextBox::AsOf, preedit);
}

/// Draws the slices inside the viewport, their decorations, and records the text selection
/// (see [`super::article_selection`]).
fn blocks_ui(ui: &mut Ui, parts: &mut UiParts<'_>, viewport: egui::Rect, header_height: f32) {
    let origin = ui.cursor().min;
    let visible_from = (viewport.min.y - header_height).max(0.0);
    let visible_to = viewport.max.y - header_height;
    parts.cache.lay_out_range(ui, visible_from, visible_to);
    let cache = &*parts.cache;
    let document = cache.document();
    let width = ui.available_width();
    let article = parts.view.open_article.map_or(0, |a| a.0);
    let mut drawn = Vec::new();
    let mut galleys = Vec::new();
    for (index, top, layout) in cache.visible(visible_from, visible_to) {
        let slice = &cache.slices()[index];
        let block = &document.blocks[slice.block];
        let slice_rect = egui::Rect::from_min_size(
            origin + egui::vec2(0.0, top),
            egui::vec2(width, layout.height),
        );
        decorations_ui(ui, block, slice, slice_rect, cache.gap_after(index), layout);
        let pieces = slice.pieces.iter().zip(&layout.pieces).zip(&layout.boxes);
        for ((piece, (offset, galley)), boxes) in pieces {
            let text = PieceText::new(&block.text, &piece.range);
            let rect = egui::Rect::from_min_size(slice_rect.min + *offset, galley.size());
            let id = piece_id(slice.block, piece.range.start);
            drawn.push(DrawnPiece {
                block: slice.block,
                text,
                rect,
                boxes,
                response: interact_piece(ui, rect, id, text.text),
            });
            galleys.push(galley.clone());
        }
    }
    let output = update_selection(ui, article, document, &drawn, parts.view.selection.as_ref());
    for (piece, galley) in drawn.iter().zip(galleys) {
        let galley = with_selection(ui, article, piece, galley);
        ui.painter()
            .galley(piece.rect.min, galley, ui.visuals().text_color());
    }
    ui.allocate_rect(
        egui::Rect::from_min_size(origin, egui::vec2(width, cache.total_height())),
        egui::Sense::hover(),
    );
    if let Some(selection) = output.changed {
        parts.view.selection = selection;
    }
    if let Some(pointer) = output.dragging_at {
        scroll_while_selecting(ui, pointer);
    }
    // The address of a link under the pointer is shown before anything opens: at the pointer
    // and in the status line.
    let hovered = output
        .hovered_at
        .and_then(|at| link_at(document.blocks.get(at.block)?, at.byte));
    if let Some(url) = &hovered
        && let Some(piece) = drawn.iter().find(|p| p.response.contains_pointer())
    {
        piece.response.clone().on_hover_text_at_pointer(url);
    }
    parts.view.hovered_link = hovered;
    let link = output
        .clicked_at
        .and_then(|at| link_at(document.blocks.get(at.block)?, at.byte));
    if let Some(url) = link {
        // Links open only here, on a click, and only web and mail links (see
        // `model::check_link`); the status line says which one, or why not.
        match crate::model::check_link(&url) {
            Ok(()) => {
                ui.ctx().open_url(egui::OpenUrl::new_tab(&url));
                parts.view.last_opened_link = Some(url);
                parts.view.link_status = None;
            }
            Err(refused) => {
                log::warn!("{refused}");
                parts.view.last_opened_link = None;
                parts.view.link_status = Some(refused.to_string());
            }
        }
    }
}

/// Scrolls the article while a drag that selects is above or below it, faster the farther
/// out the pointer is (at most 40 points a frame), as text views do.
fn scroll_while_selecting(ui: &Ui, pointer: egui::Pos2) {
    const EDGE: f32 = 16.0;
    let view = ui.clip_rect();
    let delta = if pointer.y < view.min.y + EDGE {
        (view.min.y + EDGE - pointer.y).min(40.0)
    } else if pointer.y > view.max.y - EDGE {
        -(pointer.y - (view.max.y - EDGE)).min(40.0)
    } else {
        return;
    };
    ui.scroll_with_delta(egui::vec2(0.0, delta));
    ui.ctx().request_repaint();
}

/// What a slice draws around its text: quote bars, the list marker or footnote label, the
/// code block's background, table cell borders, a rule. Never part of the selectable text.
fn decorations_ui(
    ui: &Ui,
    block: &Block,
    slice: &Slice,
    rect: egui::Rect,
    gap_after: f32,
    layout: &SliceLayout,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let line = egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    for level in 0..block.quote_depth {
        let x = rect.min.x + f32::from(level) * QUOTE_INDENT + 3.0;
        let bar = egui::Rect::from_min_max(
            egui::pos2(x, rect.min.y),
            egui::pos2(x + 3.0, rect.max.y + gap_after),
        );
        painter.rect_filled(bar, 1.0, visuals.widgets.noninteractive.bg_stroke.color);
    }
    let left = rect.min.x + indent(block);
    match block.kind {
        BlockKind::Rule => {
            let y = rect.center().y;
            painter.hline(left..=rect.max.x, y, line);
        }
        BlockKind::Code => {
            let back = egui::Rect::from_min_max(egui::pos2(left, rect.min.y), rect.max);
            painter.rect_filled(back, 4.0, visuals.code_bg_color);
        }
        _ => {}
    }
    if let Some(row) = &block.table {
        let room = rect.max.x - left;
        for (x, w) in column_geometry(row, room) {
            let cell = egui::Rect::from_min_size(
                egui::pos2(left + x, rect.min.y),
                egui::vec2(w, rect.height()),
            );
            if row.header {
                painter.rect_filled(cell, 0.0, visuals.faint_bg_color);
            }
            painter.rect_stroke(cell, 0.0, line, egui::StrokeKind::Inside);
        }
    }
    if slice.first
        && let Some(marker) = &block.marker
    {
        let first_line = layout.pieces.first().map_or(0.0, |(offset, galley)| {
            offset.y + galley.rows.first().map_or(0.0, |r| r.rect().height()) / 2.0
        });
        let color = match marker {
            Marker::Number(_) | Marker::Task(_) => visuals.text_color(),
            _ => visuals.weak_text_color(),
        };
        if let Marker::Task(done) = marker {
            let center = egui::pos2(left - 14.0, rect.min.y + first_line);
            let square = egui::Rect::from_center_size(center, egui::vec2(12.0, 12.0));
            let stroke = egui::Stroke::new(1.5, color);
            painter.rect_stroke(square, 2.0, stroke, egui::StrokeKind::Inside);
            if *done {
                let tick = [
                    center + egui::vec2(-3.5, 0.0),
                    center + egui::vec2(-1.0, 3.0),
                    center + egui::vec2(4.0, -3.5),
                ];
                painter.line(tick.to_vec(), stroke);
            }
            return;
        }
        painter.text(
            egui::pos2(left - 8.0, rect.min.y + first_line),
            egui::Align2::RIGHT_CENTER,
            marker.label(),
            egui::FontId::proportional(font_size(block)),
            color,
        );
    }
}

/// The link at byte `byte` of `block`'s text, if any.
fn link_at(block: &Block, byte: usize) -> Option<String> {
    block
        .spans
        .iter()
        .find(|s| s.range.contains(&byte))
        .and_then(|s| s.style.link.clone())
}
