//! Dialog windows: paste an article, restore a backup.

use egui::{Role, Ui};

use super::widgets::set_label;
use crate::app::{Command, UiParts};

/// The "Paste article" window: text in, new dossier out.
pub fn paste_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(text) = parts.view.paste.as_mut() else {
        return;
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new("Paste article")
        .open(&mut open)
        .collapsible(false)
        .default_size([560.0, 420.0])
        .show(ui.ctx(), |ui| {
            ui.label("Paste the article: plain text, Markdown or HTML. A date line near the top (“date 2022-03-17”, “Published March 17, 2022”) sets its as-of date; the headline, or else the first sentence, becomes its title.");
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                let edit = ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(14)
                        .desired_width(f32::INFINITY)
                        .hint_text("Paste here…"),
                );
                set_label(&edit, Role::TextInput, "Article text");
            });
            ui.horizontal(|ui| {
                let ready = !text.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Create dossier")).clicked() {
                    parts.commands.push(Command::ImportText(std::mem::take(text)));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done || !open {
        parts.view.paste = None;
    }
}

/// The "Restore a backup" window.
pub fn backups_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(backups) = parts.view.backups.as_ref() else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    egui::Window::new("Restore a backup")
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            if backups.is_empty() {
                ui.label("There are no backups yet. One is kept every ten minutes while you edit.");
            }
            for path in backups {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                ui.horizontal(|ui| {
                    ui.label(name.as_ref());
                    if ui.button("Restore").clicked() {
                        chosen = Some(path.clone());
                    }
                });
            }
        });
    if let Some(path) = chosen {
        parts.commands.push(Command::RestoreBackup(path));
        parts.view.backups = None;
    } else if !open {
        parts.view.backups = None;
    }
}

/// Asks what to do when the window is closing but the last edits could not be saved.
pub fn unsaved_on_close_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    if !parts.view.close_blocked {
        return;
    }
    egui::Modal::new(egui::Id::unique("unsaved_on_close")).show(ui.ctx(), |ui| {
        ui.heading("Your last changes are not saved");
        ui.label(parts.status.describe());
        ui.label("If you quit now, the changes since the last save are lost.");
        ui.horizontal(|ui| {
            if ui.button("Keep the window open").clicked() {
                parts.view.close_blocked = false;
            }
            if ui.button("Quit without saving").clicked() {
                parts.view.close_blocked = false;
                parts.view.quit_without_saving = true;
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}
