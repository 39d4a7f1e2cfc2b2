//! The library list: every dossier, to switch between them, plus import buttons. Only the
//! rows in view are drawn.

use egui::Ui;

use super::widgets::row_height;
use crate::app::{Command, UiParts};
use crate::model::ThreadStatus;

/// Draws the left-hand panel.
pub fn library_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.add_space(6.0);
    ui.heading("Library");
    ui.add_space(4.0);
    let open = parts.library.open_dossier().map(|d| d.id);
    // One line per dossier, and only the lines in view are laid out and drawn, so a library
    // of hundreds of dossiers costs no more per frame than one of five. A long title is cut
    // to the panel's width and shown in full on hover.
    let row_height = row_height(ui);
    let dossiers = &parts.library.dossiers;
    egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, true])
        .max_height(ui.available_height() - 70.0)
        .show_rows(ui, row_height, dossiers.len(), |ui, rows| {
            for dossier in &dossiers[rows] {
                let selected = open == Some(dossier.id);
                let title = &dossier.article.title;
                let button = egui::Button::selectable(selected, title).truncate();
                let response = ui
                    .add_sized([ui.available_width(), row_height], button)
                    .on_hover_ui(|ui| {
                        ui.label(title);
                        // Counted only while hovered, not every frame for every dossier.
                        let open_threads = dossier
                            .threads
                            .iter()
                            .filter(|t| t.status == ThreadStatus::Open)
                            .count();
                        ui.label(format!("{open_threads} open threads"));
                    });
                if response.clicked() && !selected {
                    parts.commands.push(Command::OpenDossier(dossier.id));
                }
                response.context_menu(|ui| {
                    if ui.button("Remove from library").clicked() {
                        parts.commands.push(Command::DeleteDossier(dossier.id));
                    }
                });
            }
        });
    ui.separator();
    if ui.button("Open article…").clicked() {
        parts.commands.push(Command::PickFile);
    }
    if ui.button("Paste article…").clicked() {
        parts.view.paste = Some(String::new());
    }
}
