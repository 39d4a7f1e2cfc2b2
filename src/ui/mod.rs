//! Drawing: one file per panel. Panels read the library, change only view state, and push
//! [`crate::app::Command`]s for everything that changes saved data. The window around them
//! (the `eframe::App` impl, what is kept across frames) is [`crate::shell::Shell`].

mod article_cache;
mod article_layout;
mod article_ui;
mod checklist_ui;
mod dialogs_ui;
mod due_ui;
mod history_chart_ui;
mod ledger_ui;
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
pub use due_ui::due_heading;
pub use ledger_ui::{PREDICTIONS_VIEW, ledger_ui, ledger_window};
pub use menu_ui::{redo_menu_label, undo_menu_label};
pub use show_ui::{SHOW_NOTE_LABEL, SHOW_TITLE_LABEL, TIMELINE_HEADING, timeline_entries};
pub use suggestions_ui::{
    ADD_ALL_LABEL, READING_TEXT, SUGGESTED_HEADING, add_suggestion_label, dismiss_suggestion_label,
    passage_label, suggestion_title_label,
};

use crate::app::Command;

/// What the panels draw from: the app's parts (see [`crate::app::UiParts`]) with the laid-out
/// article the shell keeps across frames.
pub type UiParts<'a> = crate::app::UiParts<'a, ArticleCache>;

/// Label of the checklist panel, for tests and screen readers.
pub const THREADS_HEADING: &str = "Open threads";

/// The outer widths of the side panels, in points (margins included): the fan's, given when
/// the window opens, and read back after every frame (dragging an edge changes them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelWidths {
    /// The library panel (left).
    pub library: f32,
    /// The threads panel (right).
    pub threads: f32,
}

impl Default for PanelWidths {
    fn default() -> Self {
        Self {
            library: 240.0,
            threads: 380.0,
        }
    }
}

/// Draws the whole window from `parts`; `widths` are the side panels' widths the first time
/// they are drawn, and are set to their widths as drawn.
pub fn root_ui(ui: &mut egui::Ui, parts: &mut UiParts<'_>, widths: &mut PanelWidths) {
    // The article is parsed before any panel draws: the Suggested section (drawn before the
    // article) resolves passages in it.
    if let (Some((_, entry)), Some(document)) = (parts.open_article(), &parts.document) {
        parts.cache.sync_document(entry.id, document);
    }
    handle_dropped_files(ui, parts.commands);
    handle_shortcuts(ui, parts);
    // Set again by the text field an input method composes in, if any, as it is drawn.
    parts.view.composing = false;
    // The panels are not filled: the window is cleared to the panel colour instead (see
    // `Shell::clear_color`). Filling them painted every pixel of the window a second time in
    // the same colour, which a software renderer (a VM, a remote desktop, no GPU driver) pays
    // for on every frame: it was half the cost of the first frame there.
    let bar = egui::Frame::side_top_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    let central = egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
    egui::Panel::top("menu")
        .frame(bar)
        .show(ui, |ui| menu_ui::menu_ui(ui, parts));
    egui::Panel::bottom("status")
        .frame(bar)
        .show(ui, |ui| status_ui::status_ui(ui, parts));
    if !parts.notices.is_empty() {
        egui::Panel::top("notices")
            .frame(bar)
            .show(ui, |ui| status_ui::notices_ui(ui, parts));
    }
    let library = egui::Panel::left("library")
        .default_size(widths.library)
        .size_range(140.0..=360.0)
        .frame(bar)
        .show(ui, |ui| library_ui::library_ui(ui, parts));
    let threads = egui::Panel::right("threads")
        .default_size(widths.threads)
        .size_range(260.0..=640.0)
        .frame(bar)
        .show(ui, |ui| threads_ui::threads_ui(ui, parts));
    *widths = PanelWidths {
        library: library.response.rect.width(),
        threads: threads.response.rect.width(),
    };
    egui::CentralPanel::default()
        .frame(central)
        .show(ui, |ui| article_ui(ui, parts));
    dialogs_ui::paste_ui(ui, parts);
    dialogs_ui::backups_ui(ui, parts);
    dialogs_ui::save_elsewhere_ui(ui, parts);
    dialogs_ui::unsaved_on_close_ui(ui, parts);
    ledger_ui::ledger_window(ui, parts);
    due_ui::due_ui(ui, parts);
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
fn handle_shortcuts(ui: &egui::Ui, parts: &mut UiParts<'_>) {
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
