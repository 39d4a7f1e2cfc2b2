//! The status line (when it last saved, or what went wrong) and messages for the user.

use egui::Ui;

use crate::app::{Command, UiParts};

/// Draws the bottom status line, with the undo button after a deletion.
pub fn status_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.horizontal(|ui| {
        let text = parts.status.describe();
        if parts.status.is_error() {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.label(egui::RichText::new(text).weak());
        }
        for opening in &parts.importing {
            ui.separator();
            ui.spinner();
            ui.label(format!("Opening {opening}…"));
        }
        if let Some(url) = &parts.view.last_opened_link {
            ui.separator();
            ui.label(egui::RichText::new(format!("Opened {url} in your browser")).weak());
        }
        if let Some(undo) = parts.undo {
            ui.separator();
            ui.label(undo.describe());
            if ui.button("Undo").clicked() {
                parts.commands.push(Command::Undo);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new(format!("Data: {}", parts.data_dir.display()))
                    .small()
                    .weak(),
            );
        });
    });
}

/// Messages (kept-aside files, conflicts, import errors), each with a dismiss button.
pub fn notices_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    for (index, notice) in parts.notices.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, notice);
            if ui.small_button("Dismiss").clicked() {
                parts.commands.push(Command::DismissNotice(index));
            }
        });
    }
}
