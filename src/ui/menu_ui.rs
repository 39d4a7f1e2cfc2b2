//! The menu bar.

use egui::Ui;

use crate::app::{Command, UiParts};

/// Draws the menu bar.
pub fn menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open article…").clicked() {
                parts.commands.push(Command::PickFile);
            }
            if ui.button("Paste article…").clicked() {
                parts.view.paste = Some(String::new());
            }
            ui.separator();
            if ui.button("Save elsewhere…").clicked() {
                parts.view.elsewhere.get_or_insert_with(String::new);
            }
            if ui.button("Restore a backup…").clicked() {
                parts.view.backups =
                    Some(crate::storage::list_backups(parts.data_dir).unwrap_or_default());
            }
            if let Some(dossier) = parts.library.open_dossier()
                && ui.button("Remove this article from the library").clicked()
            {
                parts.commands.push(Command::DeleteDossier(dossier.id));
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", theme_ui);
    });
}

/// The colour theme, in words (egui's own theme buttons are icons that need an emoji font).
fn theme_ui(ui: &mut Ui) {
    use egui::ThemePreference;
    let mut preference = ui.ctx().options(|o| o.theme_preference);
    let before = preference;
    ui.radio_value(
        &mut preference,
        ThemePreference::System,
        "Theme of the system",
    );
    ui.radio_value(&mut preference, ThemePreference::Dark, "Dark theme");
    ui.radio_value(&mut preference, ThemePreference::Light, "Light theme");
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
