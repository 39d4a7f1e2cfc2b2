//! The selected thread: its status, the passage it points at, its note and predictions.

use egui::Ui;

use super::widgets::edited_text;
use crate::app::{Command, UiParts};
use crate::model::{Anchor, Thread, ThreadStatus};

/// Draws the details of `thread`.
pub fn thread_detail_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(egui::RichText::new(&thread.title).strong().size(16.0)).wrap());
    ui.horizontal(|ui| {
        ui.label("Status:");
        for status in ThreadStatus::ALL {
            if ui.radio(thread.status == status, status.label()).clicked()
                && thread.status != status
            {
                parts
                    .commands
                    .push(Command::SetThreadStatus(thread.id, status));
            }
        }
    });
    anchor_ui(ui, parts, thread);
    ui.add_space(4.0);
    if let Some(note) = edited_text(
        ui,
        ("thread_note", thread.id.0),
        "Thread note",
        &thread.note,
        true,
        "Your thoughts on this thread…",
    ) {
        parts.commands.push(Command::SetThreadNote(thread.id, note));
    }
    ui.add_space(6.0);
    super::predictions_ui::predictions_ui(ui, parts, thread);
}

/// The passage the thread points at, with "show" and "point at selection".
fn anchor_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    let resolved = thread
        .anchor
        .as_ref()
        .map(|a| (a, parts.cache.resolve(a).is_some()));
    match resolved {
        Some((anchor, true)) => {
            ui.label(
                egui::RichText::new(format!("“{}”", anchor.quote))
                    .italics()
                    .weak(),
            );
            if ui.small_button("Show passage").clicked() {
                parts.commands.push(Command::SelectThread(Some(thread.id)));
            }
        }
        Some((anchor, false)) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "The passage “{}” is no longer in the article.",
                    anchor.quote
                ),
            );
        }
        None => {
            ui.label(egui::RichText::new("Not tied to a passage.").weak());
        }
    }
    if let Some(selection) = parts.view.selection.clone()
        && ui
            .small_button("Point at selected passage")
            .on_hover_text(format!("“{}”", selection.text))
            .clicked()
    {
        parts.commands.push(Command::SetThreadAnchor(
            thread.id,
            Some(Anchor::new(selection.text.trim(), selection.block)),
        ));
        parts.view.selection = None;
    }
}
