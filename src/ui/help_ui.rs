//! The Help menu and its windows. The keyboard shortcuts are one table, read by the key handler,
//! the menus (each entry shows its shortcut) and the *Help → Keyboard shortcuts* sheet (F1).
//! *About* shows the version, licence and data folder (with a button to open it); *Report a
//! problem* copies the version and system facts to the clipboard (nothing is sent anywhere).
//!
//! Whether About or Report is open lives in egui's memory for the window (it is not the app's
//! state); the sheet's flag is the workspace's.

use std::path::Path;

use egui::{Id, Key, KeyboardShortcut, Modifiers, Ui};

use super::UiParts;
use super::workspace::Workspace;

/// A Help window other than the shortcuts sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HelpWindow {
    About,
    Report,
}

fn open_window_id() -> Id {
    Id::unique("help-window")
}

/// The Help menu's entries.
pub fn help_menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>, workspace: &mut Workspace) {
    let mut open = None;
    let sheet =
        ui.add(egui::Button::new(SHORTCUTS_TITLE).shortcut_text(ui.ctx().format_shortcut(&HELP)));
    if sheet.clicked() {
        workspace.help_open = true;
    }
    if ui.button("Report a problem…").clicked() {
        ui.ctx().copy_text(problem_report(parts.data_dir));
        open = Some(HelpWindow::Report);
    }
    ui.separator();
    if ui.button("About Fan Tracker").clicked() {
        open = Some(HelpWindow::About);
    }
    if let Some(window) = open {
        ui.ctx()
            .data_mut(|d| d.insert_temp(open_window_id(), window));
    }
}

/// The About or Report window, when one is open.
pub fn help_windows_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let ctx = ui.ctx().clone();
    let Some(window) = ctx.data(|d| d.get_temp::<HelpWindow>(open_window_id())) else {
        return;
    };
    let title = match window {
        HelpWindow::About => "About Fan Tracker",
        HelpWindow::Report => "Report a problem",
    };
    let mut open = true;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(&ctx, |ui| match window {
            HelpWindow::About => about_ui(ui, parts),
            HelpWindow::Report => report_ui(ui, parts),
        });
    if !open {
        ctx.data_mut(|d| d.remove::<HelpWindow>(open_window_id()));
    }
}

fn about_ui(ui: &mut Ui, parts: &UiParts<'_>) {
    ui.heading(format!("Fan Tracker {}", env!("CARGO_PKG_VERSION")));
    ui.label(env!("CARGO_PKG_DESCRIPTION"));
    ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
    ui.separator();
    ui.label("Your library is kept in this folder, with its backups in backups/ inside it:");
    ui.add(
        egui::Label::new(egui::RichText::new(parts.data_dir.display().to_string()).monospace())
            .selectable(true),
    );
    if ui.button("Open the data folder").clicked() {
        open_in_file_manager(parts.data_dir);
    }
}

/// Opens `folder` in the file manager (`xdg-open`, on a thread of its own so the window never
/// waits); a failure is logged.
fn open_in_file_manager(folder: &Path) {
    let folder = folder.to_owned();
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::thread::Builder::new()
        .name("fan-tracker-open-folder".into())
        .spawn(move || {
            if let Err(error) = std::process::Command::new(opener).arg(&folder).status() {
                log::warn!("could not open {} with {opener}: {error}", folder.display());
            }
        });
    if let Err(error) = spawned {
        log::warn!("could not start opening the data folder: {error}");
    }
}

fn report_ui(ui: &mut Ui, parts: &UiParts<'_>) {
    ui.label("These details were copied to the clipboard: paste them into your report.");
    ui.label("Nothing was sent anywhere.");
    let report = problem_report(parts.data_dir);
    ui.add(egui::Label::new(egui::RichText::new(report).monospace()).selectable(true));
}

/// What a problem report starts with: the version and facts about the system (no personal
/// data beyond the data folder's path).
pub fn problem_report(data_dir: &Path) -> String {
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| "(not set)".to_owned());
    format!(
        "Fan Tracker {version}\n\
         System: {os} ({arch})\n\
         Desktop: {desktop}, session {session}\n\
         Data folder: {data}",
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        desktop = env("XDG_CURRENT_DESKTOP"),
        session = env("XDG_SESSION_TYPE"),
        data = data_dir.display(),
    )
}

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
/// Ctrl+F: Find, over the whole library (the search box takes the focus).
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// F3: the next hit of the search in the open article.
pub const FIND_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F3);
/// Shift+F3: the previous hit of the search in the open article.
pub const FIND_PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F3);
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
        (
            f(&FIND),
            "Find in every article, note, thread and prediction",
        ),
        (
            format!("{} / {}", f(&FIND_NEXT), f(&FIND_PREVIOUS)),
            "Next or previous hit in the article (Enter / Shift+Enter in the box too)",
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
            "Close a dialog, Find, the drawer or this sheet",
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
