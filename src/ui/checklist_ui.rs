//! The virtualized checklist of threads: tick, select, rename, reorder, delete.
//!
//! Titles wrap, so rows have heights of their own (measured once per width when first drawn,
//! one line until then), and only the rows in view are drawn, so the cost of a frame does not
//! grow with the number of threads.

use egui::{Role, Ui};

use super::widgets::{FieldKind, draft_field_bare, row_height, set_label};
use crate::app::{Change, Command, DraftField, ViewState};
use crate::model::{Show, Thread, ThreadStatus, TypingField};

/// What one row of the virtualized checklist shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    /// The thread at this index.
    Thread(usize),
    /// The actions of the selected thread, at this index (Rename, Move up, Move down, Delete).
    Actions(usize),
}

/// The row at position `position` when the selected thread, at `selected`, has its actions
/// row right below it.
fn row_at(position: usize, selected: Option<usize>) -> Row {
    match selected {
        Some(s) if position == s + 1 => Row::Actions(s),
        Some(s) if position > s + 1 => Row::Thread(position - 1),
        _ => Row::Thread(position),
    }
}

/// Each row's height, kept across frames in egui's memory: measured when the row is drawn
/// (titles wrap, so rows differ), one line before. Reset when the width or the show
/// changes.
#[derive(Clone, Default)]
struct RowHeights {
    show: u64,
    width_px: i64,
    /// Per position: the row's key (see [`row_key`]) and its height, in points.
    rows: Vec<(RowKey, f32)>,
}

/// A row's identity: thread id, whether it is the actions row, and the title's length.
type RowKey = (u64, bool, usize);

/// The checklist's rows, drawing only those in view. It takes at most the height `ui` has left
/// and scrolls; a short list takes only the room it needs. Titles wrap, so rows have their own
/// heights: each is measured when drawn and kept (see [`RowHeights`]); the rows in view are
/// found by a binary search over their tops, so a frame draws only what is seen.
pub fn checklist_ui(ui: &mut Ui, view: &mut ViewState, commands: &mut Vec<Command>, show: &Show) {
    // The selected thread's actions show on a row of their own, except while renaming.
    let selected = view
        .selected_thread
        .and_then(|id| show.threads.iter().position(|t| t.id == id))
        .filter(|_| view.renaming.is_none());
    let count = show.threads.len() + usize::from(selected.is_some());
    let line = row_height(ui);
    let gap = ui.spacing().item_spacing.y;
    let memory_id = egui::Id::unique(("checklist_heights", show.id.0));
    let mut heights: RowHeights = ui
        .data_mut(|d| d.remove_temp(memory_id))
        .unwrap_or_default();
    let width_px = (ui.available_width() * ui.pixels_per_point()).round() as i64;
    if heights.show != show.id.0 || heights.width_px != width_px {
        heights = RowHeights {
            show: show.id.0,
            width_px,
            rows: Vec::new(),
        };
    }
    heights.rows.resize(count, ((0, false, usize::MAX), line));
    let mut tops = Vec::with_capacity(count);
    let mut y = 0.0;
    for (position, stored) in heights.rows.iter_mut().enumerate() {
        let key = row_key(show, row_at(position, selected));
        if stored.0 != key {
            *stored = (key, line);
        }
        tops.push(y);
        y += stored.1 + gap;
    }
    let total = (y - gap).max(0.0);
    let max_height = ui.available_height().max(3.0 * line);
    let mut changed = false;
    egui::ScrollArea::vertical()
        .id_salt(("threads_scroll", show.id.0))
        .auto_shrink([false, true])
        .max_height(max_height)
        .show_viewport(ui, |ui, viewport| {
            let left_top = ui.max_rect().left_top();
            let width = ui.available_width();
            let first = tops
                .partition_point(|top| *top <= viewport.min.y)
                .saturating_sub(1);
            for (position, &top) in tops.iter().enumerate().skip(first) {
                if top > viewport.max.y {
                    break;
                }
                let stored = heights.rows[position].1;
                let rect = egui::Rect::from_min_size(
                    left_top + egui::vec2(0.0, top),
                    egui::vec2(width, stored),
                );
                let row = row_at(position, selected);
                let (id, actions, _) = row_key(show, row);
                let builder = egui::UiBuilder::new()
                    .id_salt(("thread_row", id, actions))
                    .max_rect(rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Min));
                let drawn = ui.scope_builder(builder, |ui| match row {
                    Row::Thread(index) => thread_row_ui(ui, view, commands, &show.threads[index]),
                    Row::Actions(index) => actions_row_ui(ui, view, commands, show, index),
                });
                let measured = drawn.response.rect.height().max(line).ceil();
                if (measured - stored).abs() > 0.5 {
                    heights.rows[position].1 = measured;
                    changed = true;
                }
            }
            ui.allocate_rect(
                egui::Rect::from_min_size(left_top, egui::vec2(width, total)),
                egui::Sense::hover(),
            );
        });
    if changed {
        // A row's real height differs from the one it was placed with: place them again.
        ui.ctx().request_discard("checklist row heights measured");
    }
    ui.data_mut(|d| d.insert_temp(memory_id, heights));
}

/// A stable key for a row, so its widgets keep their ids while the list scrolls and its
/// measured height is kept while its title keeps its length.
fn row_key(show: &Show, row: Row) -> RowKey {
    match row {
        Row::Thread(index) => {
            let thread = &show.threads[index];
            (thread.id.0, false, thread.title.len())
        }
        Row::Actions(index) => (show.threads[index].id.0, true, 0),
    }
}

/// One checklist row: checkbox (resolved), then the title (click to select, double-click to
/// rename), or the title field while renaming.
fn thread_row_ui(ui: &mut Ui, view: &mut ViewState, commands: &mut Vec<Command>, thread: &Thread) {
    let selected = view.selected_thread == Some(thread.id);
    let mut resolved = thread.status == ThreadStatus::Resolved;
    let checkbox = ui.add(egui::Checkbox::without_text(&mut resolved));
    set_label(
        &checkbox,
        Role::CheckBox,
        &format!("Resolved: {}", thread.title),
    );
    let checkbox = checkbox.on_hover_text("Tick when the question is answered");
    if checkbox.changed() {
        let status = if resolved {
            ThreadStatus::Resolved
        } else {
            ThreadStatus::Open
        };
        commands.push(Command::Change(Change::SetThreadStatus(thread.id, status)));
    }
    if view.renaming == Some(thread.id) {
        let field = DraftField::Text(TypingField::ThreadTitle(thread.id));
        let edit = draft_field_bare(
            ui,
            view,
            field,
            &thread.title,
            FieldKind::Line,
            "",
            f32::INFINITY,
        );
        set_label(&edit, Role::TextInput, "Thread title");
        if !edit.has_focus() && !edit.lost_focus() {
            edit.request_focus();
        }
        if edit.lost_focus() {
            // Escape takes the new name back; Enter or a click elsewhere keeps it (the app
            // commits the draft after this frame).
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                view.drafts.discard(field);
            }
            view.renaming = None;
        }
        return;
    }
    let mut title = egui::RichText::new(&thread.title);
    match thread.status {
        ThreadStatus::Resolved => title = title.weak(),
        ThreadStatus::Dropped => title = title.weak().strikethrough(),
        ThreadStatus::Open => {}
    }
    let label = ui.add(egui::Button::selectable(selected, title).wrap());
    if label.clicked() {
        commands.push(Command::SelectThread((!selected).then_some(thread.id)));
    }
    if label.double_clicked() {
        view.renaming = Some(thread.id);
    }
}

/// The selected thread's actions, on the row under it: rename, move up or down, delete.
fn actions_row_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    show: &Show,
    index: usize,
) {
    let thread = &show.threads[index];
    ui.add_space(24.0);
    if ui.small_button("Rename").clicked() {
        view.renaming = Some(thread.id);
    }
    if ui
        .add_enabled(index > 0, egui::Button::new("Move up").small())
        .clicked()
    {
        commands.push(Command::Change(Change::MoveThread(thread.id, index - 1)));
    }
    let last = show.threads.len().saturating_sub(1);
    if ui
        .add_enabled(index < last, egui::Button::new("Move down").small())
        .clicked()
    {
        commands.push(Command::Change(Change::MoveThread(thread.id, index + 1)));
    }
    if ui
        .small_button("Delete")
        .on_hover_text("Edit → Undo (Ctrl+Z) brings it back")
        .clicked()
    {
        commands.push(Command::Change(Change::DeleteThread(thread.id)));
    }
}
