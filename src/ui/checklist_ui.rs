//! The virtualized checklist of threads: tick, select, rename, reorder, delete.
//!
//! Rows have one fixed height (long titles are cut to one line and shown in full on hover and
//! in the thread's details) and only the rows in view are drawn, so the cost of a frame does
//! not grow with the number of threads.

use egui::{Role, Ui};

use super::widgets::{row_height, set_label};
use crate::app::{Command, ViewState};
use crate::model::{Dossier, Thread, ThreadStatus};

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

/// The checklist's rows, drawing only those in view. It takes at most about half the panel and
/// scrolls; a short list takes only the room it needs.
pub fn checklist_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    dossier: &Dossier,
) {
    // The selected thread's actions show on a row of their own, except while renaming.
    let selected = view
        .selected_thread
        .and_then(|id| dossier.thread_index(id).ok())
        .filter(|_| view.renaming.is_none());
    let rows = dossier.threads.len() + usize::from(selected.is_some());
    let row_height = row_height(ui);
    let max_height = (ui.available_height() * 0.55).max(4.0 * row_height);
    egui::ScrollArea::vertical()
        .id_salt(("threads_scroll", dossier.id.0))
        .auto_shrink([false, true])
        .max_height(max_height)
        .show_rows(ui, row_height, rows, |ui, range| {
            let left_top = ui.max_rect().left_top();
            let width = ui.available_width();
            let step = row_height + ui.spacing().item_spacing.y;
            for (k, position) in range.enumerate() {
                let top = left_top + egui::vec2(0.0, k as f32 * step);
                let rect = egui::Rect::from_min_size(top, egui::vec2(width, row_height));
                let row = row_at(position, selected);
                let builder = egui::UiBuilder::new()
                    .id_salt(("thread_row", row_key(dossier, row)))
                    .max_rect(rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Center));
                ui.scope_builder(builder, |ui| match row {
                    Row::Thread(index) => {
                        thread_row_ui(ui, view, commands, &dossier.threads[index])
                    }
                    Row::Actions(index) => actions_row_ui(ui, view, commands, dossier, index),
                });
            }
        });
}

/// A stable key for a row, so its widgets keep their ids while the list scrolls.
fn row_key(dossier: &Dossier, row: Row) -> (u64, bool) {
    match row {
        Row::Thread(index) => (dossier.threads[index].id.0, false),
        Row::Actions(index) => (dossier.threads[index].id.0, true),
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
        commands.push(Command::SetThreadStatus(thread.id, status));
    }
    if let Some((id, draft)) = view.renaming.as_mut().filter(|(id, _)| *id == thread.id) {
        let id = *id;
        let edit = ui.add(
            egui::TextEdit::singleline(draft)
                .id_salt(("rename_thread", id.0))
                .desired_width(f32::INFINITY),
        );
        set_label(&edit, Role::TextInput, "Thread title");
        if !edit.has_focus() && !edit.lost_focus() {
            edit.request_focus();
        }
        if edit.lost_focus() {
            if !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                commands.push(Command::RenameThread(id, draft.clone()));
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
    let cut = title_is_cut(ui, &thread.title);
    let mut label = ui.add(egui::Button::selectable(selected, title).truncate());
    if cut {
        label = label.on_hover_text(&thread.title);
    }
    if label.clicked() {
        commands.push(Command::SelectThread((!selected).then_some(thread.id)));
    }
    if label.double_clicked() {
        view.renaming = Some((thread.id, thread.title.clone()));
    }
}

/// Whether `title` is too wide for the room left in the row (and so is shown cut).
fn title_is_cut(ui: &Ui, title: &str) -> bool {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let room = ui.available_width() - 2.0 * ui.spacing().button_padding.x;
    let width = ui.fonts_mut(|f| {
        f.layout_no_wrap(title.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    });
    width > room
}

/// The selected thread's actions, on the row under it: rename, move up or down, delete.
fn actions_row_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    dossier: &Dossier,
    index: usize,
) {
    let thread = &dossier.threads[index];
    ui.add_space(24.0);
    if ui.small_button("Rename").clicked() {
        view.renaming = Some((thread.id, thread.title.clone()));
    }
    if ui
        .add_enabled(index > 0, egui::Button::new("Move up").small())
        .clicked()
    {
        commands.push(Command::MoveThread(thread.id, index - 1));
    }
    let last = dossier.threads.len().saturating_sub(1);
    if ui
        .add_enabled(index < last, egui::Button::new("Move down").small())
        .clicked()
    {
        commands.push(Command::MoveThread(thread.id, index + 1));
    }
    if ui
        .small_button("Delete")
        .on_hover_text("You can undo this from the status bar")
        .clicked()
    {
        commands.push(Command::DeleteThread(thread.id));
    }
}
