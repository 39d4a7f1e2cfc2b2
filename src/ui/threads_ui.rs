//! The checklist of open threads: tick, select, rename, reorder, delete, add.

use egui::{Role, Ui};

use super::widgets::set_label;
use crate::app::{Command, UiParts};
use crate::model::{Anchor, Dossier, Thread, ThreadStatus};

/// Draws the right-hand panel: the checklist, then the selected thread's details.
pub fn threads_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(dossier) = parts.library.open_dossier() else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("threads_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            let open = dossier.threads.iter().filter(|t| t.status == ThreadStatus::Open).count();
            ui.horizontal(|ui| {
                ui.heading(super::THREADS_HEADING);
                ui.label(egui::RichText::new(format!("{open} of {} open", dossier.threads.len())).weak());
            });
            ui.add_space(4.0);
            if dossier.threads.is_empty() {
                ui.label(
                    egui::RichText::new(
                        "No threads yet. Add the questions this article leaves open, or select a passage in the article and make a thread from it.",
                    )
                    .weak(),
                );
            }
            for (index, thread) in dossier.threads.iter().enumerate() {
                thread_row_ui(ui, parts.view, parts.commands, dossier, index, thread);
            }
            ui.add_space(6.0);
            new_thread_ui(ui, parts);
            ui.separator();
            if let Some(thread) = parts.view.selected_thread.and_then(|id| dossier.thread(id).ok()) {
                super::thread_detail_ui::thread_detail_ui(ui, parts, thread);
                ui.separator();
            }
            dossier_note_ui(ui, parts.commands, dossier);
        });
}

/// One checklist row: checkbox (resolved), the title (click to select), and its actions.
fn thread_row_ui(
    ui: &mut Ui,
    view: &mut crate::app::ViewState,
    commands: &mut Vec<Command>,
    dossier: &Dossier,
    index: usize,
    thread: &Thread,
) {
    let selected = view.selected_thread == Some(thread.id);
    ui.horizontal(|ui| {
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
            let edit = ui.add(egui::TextEdit::singleline(draft).desired_width(f32::INFINITY));
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
        let label = ui.add(egui::Button::selectable(selected, title).wrap());
        if label.clicked() {
            commands.push(Command::SelectThread((!selected).then_some(thread.id)));
        }
        if label.double_clicked() {
            view.renaming = Some((thread.id, thread.title.clone()));
        }
    });
    if selected && view.renaming.is_none() {
        ui.horizontal(|ui| {
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
        });
    }
}

/// The "new thread" box, and "from selection" when text is selected in the article.
fn new_thread_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(&mut parts.view.new_thread_title)
                .hint_text("A new open question…")
                .desired_width(ui.available_width() - 60.0),
        );
        set_label(&edit, Role::TextInput, "New thread title");
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_title = !parts.view.new_thread_title.trim().is_empty();
        if (ui
            .add_enabled(has_title, egui::Button::new("Add"))
            .clicked()
            || enter)
            && has_title
        {
            parts.commands.push(Command::AddThread {
                title: std::mem::take(&mut parts.view.new_thread_title),
                anchor: None,
            });
        }
    });
    let selection = parts.view.selection.clone();
    let button = egui::Button::new("New thread from selection");
    let response = ui
        .add_enabled(selection.is_some(), button)
        .on_disabled_hover_text("Select a passage in the article first");
    if response.clicked()
        && let Some(selection) = selection
    {
        let title = std::mem::take(&mut parts.view.new_thread_title);
        parts.commands.push(Command::AddThread {
            title,
            anchor: Some(Anchor::new(selection.text.trim(), selection.block)),
        });
        parts.view.selection = None;
    }
}

/// The note on the whole article.
fn dossier_note_ui(ui: &mut Ui, commands: &mut Vec<Command>, dossier: &Dossier) {
    ui.strong("Your note on this article");
    if let Some(note) = super::widgets::edited_text(
        ui,
        "Article note",
        &dossier.note,
        true,
        "What you think of the article as a whole…",
    ) {
        commands.push(Command::SetDossierNote(note));
    }
}
