//! Due reminders (issue 19, item 4): on launch and when the day changes, the predictions whose
//! resolve-by day has passed while still pending are announced ("2 predictions are due"), each
//! with its outcome to set right there. Once dismissed, not again that day.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::set_label;
use crate::app::{Change, Command};
use crate::model::{Outcome, PredictionId};

/// "1 prediction is due", "2 predictions are due".
pub fn due_heading(count: usize) -> String {
    if count == 1 {
        "1 prediction is due".to_owned()
    } else {
        format!("{count} predictions are due")
    }
}

/// Looks for due predictions once a day (the first frame of the day) and shows the reminder
/// while some of those are still pending and the fan has not put it off.
pub fn due_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let today = jiff::ZonedDateTime::now().date();
    let due = &mut parts.view.due;
    if due.checked_on != Some(today) {
        due.checked_on = Some(today);
        due.shown = parts
            .library
            .threads()
            .flat_map(|t| &t.predictions)
            .filter(|p| p.is_overdue(today))
            .map(|p| p.id)
            .collect();
    }
    // Still pending (an outcome set here or elsewhere takes it off the list).
    let library = parts.library;
    due.shown.retain(|id| {
        library
            .prediction(*id)
            .is_ok_and(|(_, p)| p.outcome == Outcome::Pending)
    });
    if due.shown.is_empty() {
        return;
    }
    let shown = due.shown.clone();
    let mut later = false;
    egui::Window::new(due_heading(shown.len()))
        .id(egui::Id::unique("due_reminder"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 40.0])
        .show(ui.ctx(), |ui| {
            ui.label("Their resolve-by day has passed. How did they turn out?");
            for id in &shown {
                due_row_ui(ui, parts, *id);
            }
            if ui.button("Later").clicked() {
                later = true;
            }
        });
    if later {
        parts.view.due.shown.clear();
    }
}

fn due_row_ui(ui: &mut Ui, parts: &mut UiParts<'_>, id: PredictionId) {
    let Ok((thread, prediction)) = parts.library.prediction(id) else {
        return;
    };
    ui.separator();
    ui.label(egui::RichText::new(&prediction.statement).strong());
    let by = prediction
        .resolve_by
        .map(|d| format!(" · due {d}"))
        .unwrap_or_default();
    ui.label(
        egui::RichText::new(format!(
            "{} · {}{by}",
            thread.title,
            prediction.probability()
        ))
        .small(),
    );
    ui.horizontal(|ui| {
        for outcome in [Outcome::Yes, Outcome::No, Outcome::Ambiguous] {
            let button = ui.button(outcome.label());
            set_label(
                &button,
                Role::Button,
                &format!("{}: {}", outcome.label(), prediction.statement),
            );
            if button.clicked() {
                parts
                    .commands
                    .push(Command::Change(Change::SetPredictionOutcome(id, outcome)));
            }
        }
    });
}
