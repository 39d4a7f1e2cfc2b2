//! The library list: every dossier, to switch between them, plus import buttons.

use egui::Ui;

use crate::app::{Command, UiParts};
use crate::model::ThreadStatus;

/// Draws the left-hand panel.
pub fn library_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.add_space(6.0);
    ui.heading("Library");
    ui.add_space(4.0);
    let open = parts.library.open_dossier().map(|d| d.id);
    egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink([false, true])
        .max_height(ui.available_height() - 70.0)
        .show(ui, |ui| {
            for dossier in &parts.library.dossiers {
                let selected = open == Some(dossier.id);
                let response = ui
                    .add(egui::Button::selectable(selected, &dossier.article.title).wrap())
                    .on_hover_ui(|ui| {
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
