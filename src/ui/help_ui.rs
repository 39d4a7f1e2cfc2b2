//! The keyboard shortcuts: one table, read by the key handler, the menus (each entry shows its
//! shortcut) and the *Help → Keyboard shortcuts* sheet (F1).

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::workspace::Workspace;

/// Title of the shortcuts sheet, its AccessKit label too.
pub const SHORTCUTS_TITLE: &str = "Keyboard shortcuts";

/// Ctrl+O (Cmd+O on macOS): open an article.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+Shift+V: paste an article (Ctrl+V inside a field pastes into it, as always).
pub const PASTE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);
/// Ctrl+Q: quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Ctrl+Z: undo the last change (outside a text field).
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z: redo (also Ctrl+Y).
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y: redo.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+N: a new thread (the new-thread field takes the focus).
pub const NEW_THREAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Alt+↓: select the next thread (outside a text field).
pub const NEXT_THREAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
/// Alt+↑: select the previous thread (outside a text field).
pub const PREVIOUS_THREAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);
/// Ctrl+T: tick the selected thread (resolved), or open it again.
pub const TICK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::T);
/// Ctrl+L: fold or unfold the library.
pub const LIBRARY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
/// F1: this sheet.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// Ctrl+1, Ctrl+2, Ctrl+3: the tools tab at `index` (from 0).
pub fn tab_shortcut(index: usize) -> KeyboardShortcut {
    let key = match index {
        0 => Key::Num1,
        1 => Key::Num2,
        _ => Key::Num3,
    };
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// Every shortcut with what it does, in the sheet's order (Escape and Tab have no
/// [`KeyboardShortcut`] of their own: they are spelled out).
fn rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
    let f = |s: &KeyboardShortcut| ctx.format_shortcut(s);
    vec![
        (f(&OPEN), "Open an article from a file"),
        (f(&PASTE), "Paste an article"),
        (
            f(&NEW_THREAD),
            "New thread (type its question, Enter adds it)",
        ),
        (f(&NEXT_THREAD), "Select the next thread"),
        (f(&PREVIOUS_THREAD), "Select the previous thread"),
        (f(&TICK), "Tick the selected thread (or open it again)"),
        (f(&UNDO), "Undo the last change (outside a text field)"),
        (
            format!("{} or {}", f(&REDO), f(&REDO_Y)),
            "Redo what was undone",
        ),
        (
            format!("{} … {}", f(&tab_shortcut(0)), f(&tab_shortcut(2))),
            "Threads, Suggested and Show tabs",
        ),
        (f(&LIBRARY), "Fold or unfold the library"),
        ("Tab / Shift+Tab".to_owned(), "Next or previous control"),
        (
            "Space / Enter".to_owned(),
            "Press the focused button or tick the focused box",
        ),
        (
            "Escape".to_owned(),
            "Close a dialog, the drawer or this sheet",
        ),
        (f(&HELP), "This list"),
        (f(&QUIT), "Quit"),
    ]
}

/// The shortcuts sheet, when open.
pub fn help_ui(ui: &mut Ui, workspace: &mut Workspace) {
    if !workspace.help_open {
        return;
    }
    let mut open = true;
    egui::Window::new(SHORTCUTS_TITLE)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("shortcuts_grid")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for (keys, what) in rows(ui.ctx()) {
                        ui.label(egui::RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
    workspace.help_open &= open;
}
