//! Dialog windows: paste an article, restore a backup, keep edits elsewhere, the question
//! asked when closing would lose edits, and the one asked before deleting a show.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, set_label, text_field};
use crate::app::{Command, TextBox};

/// The "Paste article" window: text in, a new article out (filed like an imported file).
pub fn paste_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let view = &mut *parts.view;
    let Some(text) = view.paste.as_mut() else {
        return;
    };
    let composing = &mut view.composing;
    let mut open = true;
    let mut done = false;
    let mut preedit = None;
    egui::Window::new("Paste article")
        .open(&mut open)
        .collapsible(false)
        .default_size([560.0, 420.0])
        .show(ui.ctx(), |ui| {
            ui.label("Paste the article: plain text, Markdown or HTML. A date line near the top (“date 2022-03-17”, “Published March 17, 2022”) sets its as-of date; the headline, or else the first sentence, becomes its title.");
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                let id = ui.make_persistent_id("paste_text");
                let edit = text_field(
                    ui,
                    id,
                    text,
                    FieldKind::Paste,
                    "Paste here…",
                    f32::INFINITY,
                    composing,
                );
                set_label(&edit.response, Role::TextInput, PASTE_LABEL);
                preedit = edit.preedit;
            });
            ui.horizontal(|ui| {
                let ready = !text.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Create article")).clicked() {
                    parts.commands.push(Command::ImportText(std::mem::take(text)));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
    if done || !open {
        parts.view.paste = None;
    }
    parts.view.record_preedit(TextBox::Paste, preedit);
}

/// The AccessKit label of the "Paste article" window's text box.
const PASTE_LABEL: &str = "Article text";

/// The AccessKit label of the "Save elsewhere" path field.
const ELSEWHERE_PATH_LABEL: &str = "Folder or file path";

/// The "Restore a backup" window.
pub fn backups_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(backups) = parts.view.backups.as_ref() else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    egui::Window::new("Restore a backup")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            let backups = match backups {
                Ok(backups) => backups,
                Err(error) => {
                    ui.label(backups_unlisted_text(error));
                    return;
                }
            };
            if backups.is_empty() {
                ui.label("There are no backups yet. One is kept every ten minutes while you edit.");
            }
            let now = jiff::Timestamp::now();
            let tz = jiff::tz::TimeZone::system();
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for listed in backups {
                        let row = super::backups_ui::backup_row_text(listed, now, &tz);
                        ui.horizontal_top(|ui| {
                            // One that could not be read cannot be restored either.
                            let readable =
                                !matches!(listed.preview, crate::app::BackupPreview::Unreadable(_));
                            if ui
                                .add_enabled(readable, egui::Button::new("Restore"))
                                .clicked()
                            {
                                chosen = Some(listed.path.clone());
                            }
                            ui.add(egui::Label::new(row).wrap());
                        });
                        ui.separator();
                    }
                });
        });
    if let Some(path) = chosen {
        parts.commands.push(Command::RestoreBackup(path));
        parts.view.backups = None;
    } else if !open {
        parts.view.backups = None;
    }
}

/// What the backups window says when the backups folder could not be read.
pub fn backups_unlisted_text(error: &crate::storage::StorageError) -> String {
    format!(
        "The backups could not be listed: {error}. Nothing was changed; check that the backups folder inside the data folder can be read, then open this window again."
    )
}

/// Asks what to do when the window is closing but the edits are not saved (saving failed, or
/// the data folder cannot be used): keep the window open, keep the edits elsewhere, or quit
/// without them. The app closes the window by itself once the edits are saved or kept.
pub fn unsaved_on_close_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    if !parts.view.close_blocked {
        return;
    }
    egui::Modal::new(egui::Id::unique("unsaved_on_close")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        let heading = if parts.unsaved {
            "Your last changes are not saved"
        } else {
            "Your changes are saved"
        };
        ui.heading(heading);
        if matches!(parts.status, crate::app::SaveStatus::NoFolder) {
            ui.label("The data folder cannot be used, so your edits are only in memory.");
        } else {
            ui.label(parts.status.describe());
        }
        if parts.unsaved {
            ui.label("If you quit now, the changes since the last save are lost. To keep them, save the library in another folder or export it as a file:");
            elsewhere_ui(ui, parts);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Keep the window open").clicked() {
                parts.view.close_blocked = false;
            }
            if ui.button("Quit without saving").clicked() {
                parts.view.close_blocked = false;
                parts.view.quit_without_saving = true;
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

/// The "Save elsewhere" window (File menu), for when the data folder cannot be used.
pub fn save_elsewhere_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    if parts.view.elsewhere.is_none() || parts.view.close_blocked {
        return;
    }
    let mut open = true;
    egui::Window::new("Save elsewhere")
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.label(parts.status.describe());
            elsewhere_ui(ui, parts);
        });
    if !open {
        parts.view.elsewhere = None;
    }
}

/// Choose another folder or a file, with the system's dialog, or by typing a path where there
/// is no dialog (or the user prefers to).
fn elsewhere_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.horizontal(|ui| {
        if ui.button("Save in another folder…").clicked() {
            parts.commands.push(Command::PickFolderToSave);
        }
        if ui.button("Export as a file…").clicked() {
            parts.commands.push(Command::PickExportFile);
        }
    });
    if parts.view.no_file_dialog {
        ui.label("There is no file dialog on this system: type a folder or a file path.");
    }
    let view = &mut *parts.view;
    let path = view.elsewhere.get_or_insert_with(String::new);
    let id = ui.make_persistent_id("elsewhere_path");
    let edit = text_field(
        ui,
        id,
        path,
        FieldKind::Line,
        "/home/you/fan-tracker-rescue",
        f32::INFINITY,
        &mut view.composing,
    );
    set_label(&edit.response, Role::TextInput, ELSEWHERE_PATH_LABEL);
    let typed = std::path::PathBuf::from(path.trim());
    let ready = !path.trim().is_empty();
    view.record_preedit(TextBox::ElsewherePath, edit.preedit);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new("Save in this folder"))
            .clicked()
        {
            parts.commands.push(Command::SaveToFolder(typed.clone()));
        }
        if ui
            .add_enabled(ready, egui::Button::new("Export to this file"))
            .clicked()
        {
            parts.commands.push(Command::ExportLibrary(typed));
        }
    });
}

/// Asks before a show is deleted with its articles, threads, notes and predictions (one
/// click in a context menu must not remove them): "Delete show" or "Cancel".
pub fn confirm_delete_show_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(id) = parts.view.confirm_delete_show else {
        return;
    };
    let Ok(show) = parts.library.show(id) else {
        parts.view.confirm_delete_show = None;
        return;
    };
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let predictions: usize = show.threads.iter().map(|t| t.predictions.len()).sum();
    let parts_of: Vec<String> = [
        (show.articles.len(), "article", "articles"),
        (show.threads.len(), "thread", "threads"),
        (predictions, "prediction", "predictions"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    let what = match parts_of.as_slice() {
        [] => "Its notes go with it.".to_owned(),
        [only] => format!("Its {only} go with it, with every note written in them."),
        [rest @ .., last] => format!(
            "Its {} and {last} go with it, with every note written in them.",
            rest.join(", ")
        ),
    };
    let title = show.full_title();
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("confirm_delete_show")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        ui.heading(format!("Delete “{title}”?"));
        ui.label(what);
        ui.label("Undo (Ctrl+Z) brings it back while this window is open.");
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Delete show").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            {
                answer = Some(false);
            }
        });
    });
    if let Some(delete) = answer {
        parts.view.confirm_delete_show = None;
        if delete {
            parts
                .commands
                .push(Command::Change(crate::app::Change::DeleteShow(id)));
        }
    }
}
