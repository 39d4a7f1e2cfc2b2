//! The menu bar: File, Edit, View and Help, each entry with its shortcut, and on the right
//! the toggles of the library and (in a narrow window) the tools drawer.

use egui::{KeyboardShortcut, Role, Ui};

use super::help_ui as keys;
use super::widgets::set_label;
use super::workspace::{ToolTab, Workspace};
use super::{LIBRARY_TOGGLE_LABEL, TOOLS_TOGGLE_LABEL, UiParts};
use crate::app::{Change, Command};

/// A menu entry showing its shortcut.
fn entry(ui: &mut Ui, text: &str, shortcut: &KeyboardShortcut) -> egui::Response {
    let keys = ui.ctx().format_shortcut(shortcut);
    ui.add(egui::Button::new(text).shortcut_text(keys))
}

/// Draws the menu bar; `window` is the window's width in points.
pub fn menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace, window: f32) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if entry(ui, "Open article…", &keys::OPEN).clicked() {
                parts.commands.push(Command::PickFile);
            }
            if entry(ui, "Paste article…", &keys::PASTE).clicked() {
                parts.view.paste = Some(String::new());
            }
            ui.separator();
            if ui.button("Save elsewhere…").clicked() {
                parts.view.elsewhere.get_or_insert_with(String::new);
            }
            if ui.button("Restore a backup…").clicked() {
                parts.commands.push(Command::ListBackups);
            }
            if ui.button("Import backup…").clicked() {
                parts.commands.push(Command::PickImportBackup);
            }
            if ui.button("Export backup…").clicked() {
                parts.commands.push(Command::PickExportFile);
            }
            if ui.button("Export as Markdown…").clicked() {
                parts.commands.push(Command::PickMarkdownFolder);
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
                && ui.button("Remove this show from the library…").clicked()
            {
                parts.view.confirm_delete_show = Some(show.id);
            }
            ui.separator();
            if entry(ui, "Quit", &keys::QUIT).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, parts, workspace));
        ui.menu_button("View", |ui| {
            if ui.button(super::PREDICTIONS_VIEW).clicked() {
                parts.view.ledger.open = true;
            }
            ui.separator();
            view_menu_ui(ui, workspace, window);
        });
        ui.menu_button("Help", |ui| {
            super::help_ui::help_menu_ui(ui, parts, workspace);
        });
        toggles_ui(ui, workspace, window);
    });
}

/// On the right of the menu bar: *Library* (folds or unfolds it) and, when the tools are a
/// drawer, *Tools*.
fn toggles_ui(ui: &mut Ui, workspace: &mut Workspace, window: f32) {
    let arrangement = workspace.arrangement(window);
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if arrangement.drawer {
            let tools = ui.add(egui::Button::selectable(workspace.drawer_open, "Tools"));
            set_label(&tools, Role::Button, TOOLS_TOGGLE_LABEL);
            let hint = ui.ctx().format_shortcut(&keys::tab_shortcut(0));
            if tools
                .on_hover_text(format!("Threads, suggestions and the show ({hint}…)"))
                .clicked()
            {
                workspace.drawer_open = !workspace.drawer_open;
            }
        }
        let library = ui.add(egui::Button::selectable(arrangement.library, "Library"));
        set_label(&library, Role::Button, LIBRARY_TOGGLE_LABEL);
        let hint = ui.ctx().format_shortcut(&keys::LIBRARY);
        if library
            .on_hover_text(format!("Show or hide the library ({hint})"))
            .clicked()
        {
            workspace.toggle_library(window);
        }
    });
}

/// The panels and tabs, with their shortcuts, then the theme.
fn view_menu_ui(ui: &mut Ui, workspace: &mut Workspace, window: f32) {
    let library = if workspace.arrangement(window).library {
        "Hide the library"
    } else {
        "Show the library"
    };
    if entry(ui, library, &keys::LIBRARY).clicked() {
        workspace.toggle_library(window);
    }
    for (index, tab) in ToolTab::ALL.into_iter().enumerate() {
        if entry(ui, tab.label(), &keys::tab_shortcut(index)).clicked() {
            workspace.show_tab(tab);
        }
    }
    ui.separator();
    theme_ui(ui);
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

/// Undo and Redo, each naming the change it acts on, then the thread actions, with their
/// shortcuts.
fn edit_menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
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
    ui.separator();
    if entry(ui, "Find…", &keys::FIND).clicked() {
        parts.view.search.open();
    }
    let hits = !parts
        .view
        .search
        .article_hits(parts.view.open_article)
        .is_empty();
    let next =
        egui::Button::new("Find next").shortcut_text(ui.ctx().format_shortcut(&keys::FIND_NEXT));
    if ui.add_enabled(hits, next).clicked() {
        parts.commands.push(Command::StepHit(true));
    }
    let previous = egui::Button::new("Find previous")
        .shortcut_text(ui.ctx().format_shortcut(&keys::FIND_PREVIOUS));
    if ui.add_enabled(hits, previous).clicked() {
        parts.commands.push(Command::StepHit(false));
    }
    ui.separator();
    if entry(ui, "New thread", &keys::NEW_THREAD).clicked() {
        workspace.show_tab(ToolTab::Threads);
        ui.ctx()
            .data_mut(|d| d.insert_temp(super::threads_ui::focus_new_thread_id(), true));
    }
    let keys_text = |s: &KeyboardShortcut| ui.ctx().format_shortcut(s);
    let selected = parts.view.selected_thread.is_some();
    let next = egui::Button::new("Next thread").shortcut_text(keys_text(&keys::NEXT_THREAD));
    let previous =
        egui::Button::new("Previous thread").shortcut_text(keys_text(&keys::PREVIOUS_THREAD));
    let tick = egui::Button::new("Tick the selected thread").shortcut_text(keys_text(&keys::TICK));
    if ui.add(next).clicked() {
        super::step_thread(parts, workspace, true);
    }
    if ui.add(previous).clicked() {
        super::step_thread(parts, workspace, false);
    }
    if ui.add_enabled(selected, tick).clicked() {
        super::tick_selected(parts);
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
