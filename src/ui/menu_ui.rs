//! The menu bar.

use egui::Ui;

use super::UiParts;
use crate::app::{Change, Command};

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
                parts.commands.push(Command::ListBackups);
            }
            if ui.button("Export predictions (CSV)…").clicked() {
                parts.commands.push(Command::ExportPredictionsCsv);
            }
            if let Some((_, entry)) = parts.open_article()
                && ui.button("Remove this article from the library").clicked()
            {
                let id = entry.id;
                parts
                    .commands
                    .push(Command::Change(Change::DeleteArticle(id)));
            }
            if let Some(show) = parts.open_show()
                && ui.button("Remove this show from the library").clicked()
            {
                let id = show.id;
                parts.commands.push(Command::Change(Change::DeleteShow(id)));
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, parts));
        ui.menu_button("View", |ui| {
            if ui.button(super::PREDICTIONS_VIEW).clicked() {
                parts.view.ledger.open = true;
            }
            ui.separator();
            theme_ui(ui);
        });
    });
}

/// The label of the Edit menu's undo entry: "Undo tick 'Renewal…'", or "Undo" (disabled)
/// when there is nothing to undo.
pub fn undo_menu_label(action: Option<&str>) -> String {
    action.map_or_else(|| "Undo".to_owned(), |a| format!("Undo {a}"))
}

/// The label of the Edit menu's redo entry, like [`undo_menu_label`].
pub fn redo_menu_label(action: Option<&str>) -> String {
    action.map_or_else(|| "Redo".to_owned(), |a| format!("Redo {a}"))
}

/// Undo and Redo, each naming the change it acts on, with their shortcuts.
fn edit_menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let shortcut = |ui: &Ui, key| {
        ui.ctx().format_shortcut(&egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND | key,
            egui::Key::Z,
        ))
    };
    let undo = egui::Button::new(undo_menu_label(parts.undo_label))
        .shortcut_text(shortcut(ui, egui::Modifiers::NONE));
    if ui.add_enabled(parts.undo_label.is_some(), undo).clicked() {
        parts.commands.push(Command::Undo);
    }
    let redo = egui::Button::new(redo_menu_label(parts.redo_label))
        .shortcut_text(shortcut(ui, egui::Modifiers::SHIFT));
    if ui.add_enabled(parts.redo_label.is_some(), redo).clicked() {
        parts.commands.push(Command::Redo);
    }
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
