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
mod show_ui;
mod status_ui;
mod suggestions_ui;
mod thread_detail_ui;
mod threads_ui;
mod widgets;

pub use article_cache::{ArticleCache, HighlightKind, PreparedArticle};
pub use article_ui::{
    AS_OF_FIELD_LABEL, EDIT_AS_OF_LABEL, SET_AS_OF_LABEL, SHOW_PICKER_LABEL, article_ui,
};
pub use menu_ui::{redo_menu_label, undo_menu_label};
pub use show_ui::{SHOW_NOTE_LABEL, SHOW_TITLE_LABEL, TIMELINE_HEADING, timeline_entries};
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
    if let Some((_, entry)) = parts.open_article() {
        parts.cache.sync_document(entry);
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

/// Ctrl+O opens an article, Ctrl+Q quits (Cmd on macOS); Ctrl+Z undoes the last change and
/// Ctrl+Shift+Z (or Ctrl+Y) redoes it, when no text field is being typed into (a text field
/// keeps egui's own text undo; selecting article text does not count).
fn handle_shortcuts(ui: &egui::Ui, parts: &mut crate::app::UiParts<'_>) {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    let quit = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
    // The longer shortcut is consumed first, or Ctrl+Z would take Ctrl+Shift+Z.
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    if !parts.view.editing_text {
        if ui.input_mut(|i| i.consume_shortcut(&redo) || i.consume_shortcut(&redo_y)) {
            if parts.redo_label.is_some() {
                parts.commands.push(Command::Redo);
            }
        } else if ui.input_mut(|i| i.consume_shortcut(&undo)) && parts.undo_label.is_some() {
            parts.commands.push(Command::Undo);
        }
    }
    if ui.input_mut(|i| i.consume_shortcut(&open)) {
        parts.commands.push(Command::PickFile);
    }
    if ui.input_mut(|i| i.consume_shortcut(&quit)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
