//! The status line (when it last saved, or what went wrong) and messages for the user.

use egui::Ui;

use super::UiParts;
use crate::app::Command;

/// Draws the bottom status line: where saving stands on the left, then the last opened link
/// and the undo button, and the data folder on the right. A status too long for the room
/// left is cut (in full on hover), so it never hides the undo button.
pub fn status_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        // Right to left: the last item added is the leftmost.
        ui.label(
            egui::RichText::new(format!("Data: {}", parts.data_dir.display()))
                .small()
                .weak(),
        );
        if let Some(undo) = parts.undo_label {
            let button = ui
                .button(super::menu_ui::undo_menu_label(Some(undo)))
                .on_hover_text("Take back this change (Ctrl+Z)");
            if button.clicked() {
                parts.commands.push(Command::Undo);
            }
        }
        // What the last undo or redo did stays in view even when nothing is left to undo.
        if let Some(done) = &parts.view.last_undo {
            ui.label(egui::RichText::new(done).weak());
        }
        if parts.undo_label.is_some() || parts.view.last_undo.is_some() {
            ui.separator();
        }
        if let Some(url) = &parts.view.hovered_link {
            let text = match crate::model::check_link(url) {
                Ok(()) => format!("Link: {url} (click to open it in your browser)"),
                Err(_) => format!("Link: {url} (this kind of link is not opened)"),
            };
            bounded_label(ui, egui::RichText::new(text).weak());
            ui.separator();
        } else if let Some(refused) = &parts.view.link_status {
            let color = ui.visuals().error_fg_color;
            bounded_label(ui, egui::RichText::new(refused).color(color));
            ui.separator();
        } else if let Some(url) = &parts.view.last_opened_link {
            ui.label(egui::RichText::new(format!("Opened {url} in your browser")).weak());
            ui.separator();
        }
        if parts.view.takeover_offered {
            let (label, hover, why) = if parts.view.waiting_for_shows {
                (
                    "Open again",
                    "Read the library again from disk, with the show files that have arrived",
                    "Some shows' files are not in the data folder yet (see the notice).",
                )
            } else {
                (
                    "Take over saving",
                    "Read the library again from disk and save from this window",
                    "The window that was saving this library has closed.",
                )
            };
            if ui.button(label).on_hover_text(hover).clicked() {
                parts.commands.push(Command::TakeOver);
            }
            ui.label(why);
            ui.separator();
        }
        for opening in &parts.importing {
            ui.label(format!("Opening {opening}…"));
            ui.spinner();
            ui.separator();
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let text = parts.status.describe();
            let shown = if parts.status.is_error() {
                egui::RichText::new(text).color(ui.visuals().error_fg_color)
            } else {
                egui::RichText::new(text).weak()
            };
            ui.add(egui::Label::new(shown).truncate());
        });
    });
}

/// A label in the status line that takes at most 60 % of the room left (cut, in full on
/// hover), so the save status beside it stays in view.
fn bounded_label(ui: &mut Ui, text: egui::RichText) {
    ui.scope(|ui| {
        ui.set_max_width(ui.available_width() * 0.6);
        ui.add(egui::Label::new(text).truncate());
    });
}

/// The most of the window's height the notices take; more scroll.
const NOTICES_MAX_SHARE: f32 = 0.3;

/// Messages (kept-aside files, conflicts, import errors), each with a dismiss button. They
/// take at most [`NOTICES_MAX_SHARE`] of the window's height and scroll beyond it, so a pile
/// of them never covers the library.
pub fn notices_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let max_height = ui.ctx().content_rect().height() * NOTICES_MAX_SHARE;
    egui::ScrollArea::vertical()
        .id_salt("notices")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, notice) in parts.notices.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, notice);
                    if ui.small_button("Dismiss").clicked() {
                        parts.commands.push(Command::DismissNotice(index));
                    }
                });
            }
        });
}
