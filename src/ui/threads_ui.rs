//! The right-hand panel: the checklist of open threads, the box to add one, the selected
//! thread's details and the note on the article.

use egui::{Role, Ui};

use super::widgets::set_label;
use crate::app::{Command, UiParts};
use crate::model::{Anchor, Dossier, ThreadStatus};

/// Draws the right-hand panel: the checklist, the "new thread" box, then the selected thread's
/// details and the note on the article.
///
/// The checklist is virtualized: rows have one fixed height (long titles are cut to one line
/// and shown in full on hover and in the details), and only the rows in view are drawn, so a
/// dossier with thousands of threads costs no more per frame than one with a handful.
pub fn threads_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(dossier) = parts.library.open_dossier() else {
        return;
    };
    ui.add_space(6.0);
    let open = dossier
        .threads
        .iter()
        .filter(|t| t.status == ThreadStatus::Open)
        .count();
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
    } else {
        super::checklist_ui::checklist_ui(ui, parts.view, parts.commands, dossier);
    }
    ui.add_space(6.0);
    new_thread_ui(ui, parts);
    ui.separator();
    super::suggestions_ui::suggestions_ui(ui, parts, dossier);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("thread_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(thread) = parts
                .view
                .selected_thread
                .and_then(|id| dossier.thread(id).ok())
            {
                super::thread_detail_ui::thread_detail_ui(ui, parts, thread);
                ui.separator();
            }
            dossier_note_ui(ui, parts.commands, dossier);
        });
}

/// The "new thread" box, and "from selection" when text is selected in the article.
fn new_thread_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(&mut parts.view.new_thread_title)
                .id_salt("new_thread_title")
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
        ("article_note", dossier.id.0),
        "Article note",
        &dossier.note,
        true,
        "What you think of the article as a whole…",
    ) {
        commands.push(Command::SetDossierNote(note));
    }
}
