//! The question a Markdown export asks when notes of the same names are already in its folder
//! (issue 20, item 4): "Replace" writes them over, "Cancel" (or Escape) leaves them.

use egui::Ui;

use super::UiParts;
use crate::app::Command;

/// How many names of the notes already there the question lists before "and N more".
const NAMES_LISTED: usize = 5;

/// Asks whether to replace the Markdown notes already in the export folder, if an export
/// found some.
pub fn confirm_replace_notes_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let Some(replace) = &parts.view.confirm_replace_notes else {
        return;
    };
    let count = replace.names.len();
    let mut listed = replace
        .names
        .iter()
        .take(NAMES_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if count > NAMES_LISTED {
        listed.push_str(&format!(" and {} more", count - NAMES_LISTED));
    }
    let (these, them) = if count == 1 {
        ("A note of the same name is", "it")
    } else {
        ("Notes of the same names are", "them")
    };
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("confirm_replace_notes")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        ui.heading("Replace the notes already there?");
        ui.label(format!(
            "{these} already in {}: {listed}.",
            replace.dir.display()
        ));
        ui.label(format!(
            "Replacing {them} loses any change made to {them} in another app (Obsidian, an editor)."
        ));
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            {
                answer = Some(false);
            }
        });
    });
    if let Some(yes) = answer {
        let dir = replace.dir.clone();
        parts.view.confirm_replace_notes = None;
        if yes {
            parts
                .commands
                .push(Command::ExportMarkdown { dir, replace: true });
        }
    }
}
