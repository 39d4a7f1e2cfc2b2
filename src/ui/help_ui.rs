//! The Help menu and its windows: About (version, licence, the data folder and a button to open
//! it), Keyboard shortcuts, and Report a problem (the version and system facts, copied to the
//! clipboard; nothing is sent anywhere).
//!
//! Which window is open lives in egui's memory for the window (it is not the app's state).

use std::path::Path;

use egui::{Id, Ui};

use super::UiParts;

/// A Help window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HelpWindow {
    About,
    Shortcuts,
    Report,
}

fn open_window_id() -> Id {
    Id::unique("help-window")
}

/// The Help menu's entries.
pub fn help_menu_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let mut open = None;
    if ui.button("Keyboard shortcuts").clicked() {
        open = Some(HelpWindow::Shortcuts);
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

/// The Help window that is open, if any.
pub fn help_windows_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let ctx = ui.ctx().clone();
    let Some(window) = ctx.data(|d| d.get_temp::<HelpWindow>(open_window_id())) else {
        return;
    };
    let title = match window {
        HelpWindow::About => "About Fan Tracker",
        HelpWindow::Shortcuts => "Keyboard shortcuts",
        HelpWindow::Report => "Report a problem",
    };
    let mut open = true;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(&ctx, |ui| match window {
            HelpWindow::About => about_ui(ui, parts),
            HelpWindow::Shortcuts => shortcuts_ui(ui),
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

/// The shortcuts, in the order the window lists them: (keys, what they do).
pub fn shortcuts(ctx: &egui::Context) -> Vec<(String, &'static str)> {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let keys = |modifiers, key| ctx.format_shortcut(&KeyboardShortcut::new(modifiers, key));
    vec![
        (keys(Modifiers::COMMAND, Key::O), "Open an article"),
        (keys(Modifiers::COMMAND, Key::Z), "Undo the last change"),
        (
            format!(
                "{} or {}",
                keys(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
                keys(Modifiers::COMMAND, Key::Y)
            ),
            "Redo",
        ),
        (keys(Modifiers::COMMAND, Key::Q), "Quit (saving first)"),
    ]
}

fn shortcuts_ui(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (keys, action) in shortcuts(ui.ctx()) {
                ui.label(egui::RichText::new(keys).strong());
                ui.label(action);
                ui.end_row();
            }
        });
    ui.label("Undo and Redo act on text while a text field is being typed into.");
    ui.label("Drop article files on the window to open them.");
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
