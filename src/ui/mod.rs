//! Drawing: one file per panel. Panels read the library, change only view state, and push
//! [`crate::app::Command`]s for everything that changes saved data.

mod article_cache;
mod article_layout;
mod article_ui;
mod checklist_ui;
mod dialogs_ui;
mod library_ui;
mod menu_ui;
mod predictions_ui;
mod status_ui;
mod suggestions_ui;
mod thread_detail_ui;
mod threads_ui;
mod widgets;

pub use article_cache::{ArticleCache, HighlightKind, PreparedArticle};
pub use article_ui::{AS_OF_FIELD_LABEL, EDIT_AS_OF_LABEL, SET_AS_OF_LABEL, article_ui};
pub use suggestions_ui::{
    ADD_ALL_LABEL, READING_TEXT, SUGGESTED_HEADING, add_suggestion_label, dismiss_suggestion_label,
    passage_label, suggestion_title_label,
};

use crate::app::{App, Command};

/// Label of the checklist panel, for tests and screen readers.
pub const THREADS_HEADING: &str = "Open threads";

/// Draws the whole window.
pub fn root_ui(app: &mut App, ui: &mut egui::Ui) {
    let mut parts = app.parts();
    // The article is parsed before any panel draws: the Suggested section (drawn before the
    // article) resolves passages in it.
    if let Some(dossier) = parts.library.open_dossier() {
        parts.cache.sync_document(dossier);
    }
    handle_dropped_files(ui, parts.commands);
    handle_shortcuts(ui, &mut parts);
    // The panels are not filled: the window is cleared to the panel colour instead (see
    // `App::clear_color`). Filling them painted every pixel of the window a second time in
    // the same colour, which a software renderer (a VM, a remote desktop, no GPU driver) pays
    // for on every frame: it was half the cost of the first frame there.
    let bar = egui::Frame::side_top_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    let central = egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    egui::Panel::top("menu")
        .frame(bar)
        .show(ui, |ui| menu_ui::menu_ui(ui, &mut parts));
    egui::Panel::bottom("status")
        .frame(bar)
        .show(ui, |ui| status_ui::status_ui(ui, &mut parts));
    if !parts.notices.is_empty() {
        egui::Panel::top("notices")
            .frame(bar)
            .show(ui, |ui| status_ui::notices_ui(ui, &mut parts));
    }
    egui::Panel::left("library")
        .default_size(190.0)
        .size_range(140.0..=360.0)
        .frame(bar)
        .show(ui, |ui| library_ui::library_ui(ui, &mut parts));
    egui::Panel::right("threads")
        .default_size(380.0)
        .size_range(260.0..=640.0)
        .frame(bar)
        .show(ui, |ui| threads_ui::threads_ui(ui, &mut parts));
    egui::CentralPanel::default()
        .frame(central)
        .show(ui, |ui| article_ui(ui, &mut parts));
    dialogs_ui::paste_ui(ui, &mut parts);
    dialogs_ui::backups_ui(ui, &mut parts);
    dialogs_ui::save_elsewhere_ui(ui, &mut parts);
    dialogs_ui::unsaved_on_close_ui(ui, &mut parts);
    // Only a field that takes typing asks for the input method; the article's selectable text
    // does not.
    parts.view.editing_text = ui.ctx().output(|o| o.ime.is_some());
}

/// Files dropped on the window are imported like `fan-tracker FILE`.
fn handle_dropped_files(ui: &egui::Ui, commands: &mut Vec<Command>) {
    let dropped = ui.input(|i| i.raw.dropped_files.clone());
    for file in dropped {
        commands.push(Command::ImportFile(file.path().to_owned()));
    }
}

/// Ctrl+O opens an article, Ctrl+Q quits (Cmd on macOS), and Ctrl+Z brings back the last
/// deleted thread or article when no text field is being typed into (text fields keep their
/// own undo; selecting article text does not count).
fn handle_shortcuts(ui: &egui::Ui, parts: &mut crate::app::UiParts<'_>) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    if parts.undo.is_some()
        && !parts.view.editing_text
        && ui.input_mut(|i| i.consume_shortcut(&undo))
    {
        parts.commands.push(Command::Undo);
    }
    if ui.input_mut(|i| i.consume_shortcut(&open)) {
        parts.commands.push(Command::PickFile);
    }
    if ui.input_mut(|i| i.consume_shortcut(&quit)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
