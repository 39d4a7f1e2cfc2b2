//! The Find panel (issue 20, item 1): a search box over the whole library, the results grouped
//! by show, each a snippet with the hit marked, and stepping through the hits of the open
//! article ("3 of 12"). Shown on the left, in the library's place, while open (Ctrl+F opens
//! it, Escape in it or its Close button closes it).
//!
//! The panel draws what the last search found ([`crate::app::SearchView::found`]); the search
//! itself runs on a job (see `crate::app::search`), so typing never waits for it.

use egui::text::{LayoutJob, TextFormat};
use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, set_label, text_field};
use super::workspace::{ToolTab, Workspace};
use crate::app::Command;
use crate::model::Library;
use crate::model::search::{Field, Hit, MAX_HITS};

/// AccessKit label of the search box.
pub const SEARCH_BOX_LABEL: &str = "Find in the library";
/// AccessKit label of the button stepping to the next hit in the article.
pub const NEXT_HIT_LABEL: &str = "Next hit";
/// AccessKit label of the button stepping to the previous hit in the article.
pub const PREVIOUS_HIT_LABEL: &str = "Previous hit";
/// AccessKit label of the button closing the panel.
pub const CLOSE_SEARCH_LABEL: &str = "Close Find";

/// The position among the open article's hits, as shown: "3 of 12".
pub fn step_text(current: Option<usize>, count: usize) -> String {
    match current {
        Some(i) => format!("{} of {count}", i + 1),
        None if count == 1 => "1 hit in this article".to_owned(),
        None => format!("{count} hits in this article"),
    }
}

/// The AccessKit label of a result row: what it is, then its snippet.
pub fn hit_label(hit: &Hit) -> String {
    format!("{}: {}", hit.field.label(), hit.snippet.text)
}

/// Draws the Find panel.
pub fn search_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
    ui.horizontal(|ui| {
        ui.heading("Find");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let close = ui.button("Close");
            set_label(&close, Role::Button, CLOSE_SEARCH_LABEL);
            if close.clicked() {
                parts.view.search.close();
            }
        });
    });
    search_box_ui(ui, parts);
    if !parts.view.search.open {
        return;
    }
    steps_ui(ui, parts);
    ui.separator();
    results_ui(ui, parts, workspace);
}

/// The search box: Enter steps to the next hit in the open article (Shift+Enter back), or
/// goes to the first result when the article has none; Escape closes the panel.
fn search_box_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let id = egui::Id::unique("search_box");
    let width = ui.available_width();
    let view = &mut *parts.view;
    let typed = text_field(
        ui,
        id,
        &mut view.search.typed,
        FieldKind::Line,
        "Search notes, threads, articles…",
        width,
        &mut view.composing,
    );
    set_label(&typed.response, Role::TextInput, SEARCH_BOX_LABEL);
    view.search.preedit = typed.preedit;
    if std::mem::take(&mut view.search.focus) {
        typed.response.request_focus();
    }
    let response = typed.response;
    if view.search.preedit.is_some() {
        return;
    }
    let (enter, escape, shift) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
            i.modifiers.shift,
        )
    });
    let left = response.lost_focus() || response.has_focus();
    // A question on top (replacing exported notes) takes Escape for itself.
    if left && escape && view.confirm_replace_notes.is_none() {
        view.search.close();
    } else if response.lost_focus() && enter {
        // The box keeps the focus: Enter again steps on.
        response.request_focus();
        if !view.search.article_hits(view.open_article).is_empty() {
            parts.commands.push(Command::StepHit(!shift));
        } else if let Some(first) = view.search.found.as_ref().and_then(|f| f.hits.first()) {
            parts.commands.push(Command::GoToHit(first.clone()));
        }
    }
}

/// "3 of 12" and the buttons stepping through the open article's hits.
fn steps_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let search = &parts.view.search;
    let count = search.article_hits(parts.view.open_article).len();
    if count == 0 {
        return;
    }
    let current = search.current;
    ui.horizontal(|ui| {
        ui.label(step_text(current, count));
        let previous = ui.button("Previous");
        set_label(&previous, Role::Button, PREVIOUS_HIT_LABEL);
        let next = ui.button("Next");
        set_label(&next, Role::Button, NEXT_HIT_LABEL);
        if previous.clicked() {
            parts.commands.push(Command::StepHit(false));
        }
        if next.clicked() {
            parts.commands.push(Command::StepHit(true));
        }
    });
}

/// What was found, grouped by show.
fn results_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
    let Some(found) = parts.view.search.found.clone() else {
        ui.weak("Reading the library…");
        return;
    };
    if found.query.is_empty() {
        ui.weak("Type to search every article, note, thread and prediction.");
        return;
    }
    if found.total == 0 {
        ui.label(format!("Nothing found for “{}”.", found.query));
        return;
    }
    let hits = if found.total == 1 { "hit" } else { "hits" };
    ui.label(format!("{} {hits}", found.total));
    if found.total > found.hits.len() {
        ui.weak(format!(
            "The first {MAX_HITS} are listed; type more to narrow."
        ));
    }
    // Only the rows in view are laid out: a new search (each keystroke) lays out a screenful
    // of snippets, not all of them. Every row of a kind has the same height.
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let small = ui.text_style_height(&egui::TextStyle::Small);
    let gap = ui.spacing().item_spacing.y;
    let mut rows = Vec::with_capacity(found.hits.len() + found.show_titles.len());
    let mut top = 0.0;
    for (show, title) in &found.show_titles {
        rows.push((top, Row::Show(title)));
        top += body + 3.0 * gap;
        for hit in found.hits.iter().filter(|h| h.show == *show) {
            rows.push((top, Row::Hit(hit)));
            top += small + HIT_LINES as f32 * body + 3.0 * gap;
        }
    }
    let total = top;
    egui::ScrollArea::vertical()
        .id_salt("search_results")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            let width = ui.available_width();
            let first = rows.partition_point(|(top, _)| *top + 4.0 * body < viewport.min.y);
            let bottom = |at: usize| rows.get(at + 1).map_or(total, |(top, _)| *top);
            for (at, (top, row)) in rows.iter().enumerate().skip(first) {
                if *top > viewport.max.y {
                    break;
                }
                let rect = egui::Rect::from_min_max(
                    origin + egui::vec2(0.0, *top),
                    origin + egui::vec2(width, bottom(at) - gap),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(egui::Layout::bottom_up(egui::Align::Min)),
                );
                match row {
                    Row::Show(title) => {
                        child
                            .add(egui::Label::new(egui::RichText::new(*title).strong()).truncate());
                    }
                    Row::Hit(hit) => {
                        child.set_clip_rect(rect.intersect(ui.clip_rect()));
                        let mut child = child.new_child(
                            egui::UiBuilder::new()
                                .max_rect(rect)
                                .layout(egui::Layout::top_down(egui::Align::Min)),
                        );
                        let shown = is_shown(parts.view.search.hit.as_ref(), hit);
                        if hit_ui(&mut child, parts.library, hit, shown).clicked() {
                            go_to(parts, workspace, hit);
                        }
                    }
                }
            }
            ui.allocate_rect(
                egui::Rect::from_min_size(origin, egui::vec2(width, total)),
                egui::Sense::hover(),
            );
        });
}

/// How many lines of snippet a result shows.
const HIT_LINES: usize = 2;

/// A row of the result list: a show's title above its hits, or a hit.
enum Row<'a> {
    Show(&'a str),
    Hit(&'a Hit),
}

/// Whether `hit` is the one marked in the article (`shown`).
fn is_shown(
    shown: Option<&(crate::model::ArticleId, crate::model::AnchorMatch)>,
    hit: &Hit,
) -> bool {
    match (shown, hit.field) {
        (Some((article, found)), Field::ArticleText(id, block)) => {
            *article == id && found.block == block && found.range == hit.range
        }
        _ => false,
    }
}

/// At most `max` characters of `text`, "…" ending it when cut.
fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

/// Goes to `hit`, showing the tools tab its thread or show is in.
fn go_to(parts: &mut UiParts<'_>, workspace: &mut Workspace, hit: &Hit) {
    match hit.field {
        Field::ThreadTitle(_) | Field::ThreadNote(_) | Field::Prediction(..) => {
            workspace.show_tab(ToolTab::Threads);
        }
        Field::ShowTitle | Field::OriginalTitle | Field::ShowNote => {
            workspace.show_tab(ToolTab::Show);
        }
        _ => {}
    }
    parts.commands.push(Command::GoToHit(hit.clone()));
}

/// One result: where it is (in weak text) and its snippet with the hit marked; clickable.
/// `shown`: it is the hit marked in the article (framed).
fn hit_ui(ui: &mut Ui, library: &Library, hit: &Hit, shown: bool) -> egui::Response {
    let show = library.show(hit.show).ok();
    let context = match hit.field {
        Field::ArticleText(id, _) | Field::ArticleTitle(id) | Field::ArticleNote(id) => show
            .and_then(|s| s.article(id))
            .map(|a| a.article.title.clone()),
        Field::ThreadNote(id) | Field::Prediction(id, _) => show
            .and_then(|s| s.thread(id).ok())
            .map(|t| t.title.clone()),
        _ => None,
    };
    let where_ = match context {
        Some(context) => format!("{} · {}", hit.field.label(), shortened(&context, 32)),
        None => hit.field.label().to_owned(),
    };
    let style = ui.style().clone();
    let font = egui::TextStyle::Body.resolve(&style);
    let small = egui::TextStyle::Small.resolve(&style);
    let visuals = style.visuals.clone();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    job.wrap.max_rows = HIT_LINES + 1;
    job.wrap.overflow_character = Some('…');
    let plain = TextFormat::simple(font.clone(), visuals.text_color());
    job.append(
        &format!("{where_}\n"),
        0.0,
        TextFormat::simple(small, visuals.weak_text_color()),
    );
    let snippet = &hit.snippet;
    job.append(&snippet.text[..snippet.hit.start], 0.0, plain.clone());
    job.append(
        &snippet.text[snippet.hit.clone()],
        0.0,
        TextFormat {
            background: visuals.selection.bg_fill,
            color: visuals.strong_text_color(),
            ..TextFormat::simple(font, visuals.text_color())
        },
    );
    job.append(&snippet.text[snippet.hit.end..], 0.0, plain);
    let response = ui.add(
        egui::Label::new(job)
            .selectable(false)
            .sense(egui::Sense::click()),
    );
    set_label(&response, Role::Button, &hit_label(hit));
    let stroke = if shown {
        Some(visuals.selection.stroke)
    } else if response.hovered() || response.has_focus() {
        Some(visuals.widgets.hovered.bg_stroke)
    } else {
        None
    };
    if let Some(stroke) = stroke {
        ui.painter().rect_stroke(
            response.rect.expand(2.0),
            3.0,
            stroke,
            egui::StrokeKind::Outside,
        );
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}
