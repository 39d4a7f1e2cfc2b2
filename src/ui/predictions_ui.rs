//! Predictions on a thread: the list (editable), the score, and the form to add one.

use egui::{Role, Ui};
use jiff::civil::Date;

use super::UiParts;
use super::widgets::set_label;
use crate::app::{Change, Command};
use crate::model::{Outcome, Prediction, Thread, brier_score};

/// Draws the predictions of `thread` and the form for a new one.
pub fn predictions_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    ui.strong("Predictions");
    if thread.predictions.is_empty() {
        ui.label(egui::RichText::new("No predictions yet.").weak());
    }
    for prediction in &thread.predictions {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            prediction_ui(ui, parts.commands, prediction);
        });
    }
    if let Some((score, count)) = brier_score(&thread.predictions) {
        ui.label(format!(
            "Brier score {score:.3} over {count} resolved (0 is perfect; 0.25 is a coin flip)"
        ));
    }
    ui.add_space(4.0);
    new_prediction_ui(ui, parts, thread);
}

fn prediction_ui(ui: &mut Ui, commands: &mut Vec<Command>, prediction: &Prediction) {
    let p = prediction.id;
    let mut statement = prediction.statement.clone();
    let edit = ui.add(
        egui::TextEdit::singleline(&mut statement)
            .id_salt(("prediction_statement", p.0))
            .desired_width(f32::INFINITY),
    );
    set_label(&edit, Role::TextInput, "Prediction statement");
    if edit.changed() {
        commands.push(Command::Change(Change::SetPredictionStatement(
            p, statement,
        )));
    }
    ui.horizontal(|ui| {
        let mut pct = prediction.probability_pct;
        let slider = ui.add(
            egui::Slider::new(&mut pct, 0..=100)
                .suffix(" %")
                .text("chance"),
        );
        if slider.changed() {
            commands.push(Command::Change(Change::SetPredictionProbability(p, pct)));
        }
        let mut outcome = prediction.outcome;
        let shown = format!("Outcome: {}", outcome.label());
        let combo = egui::ComboBox::from_id_salt(("outcome", p.0))
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                for choice in Outcome::ALL {
                    ui.selectable_value(&mut outcome, choice, choice.label());
                }
            });
        set_label(&combo.response, Role::ComboBox, &shown);
        if outcome != prediction.outcome {
            commands.push(Command::Change(Change::SetPredictionOutcome(p, outcome)));
        }
    });
    ui.horizontal(|ui| {
        if let Some(date) = date_field(ui, ("resolve_by", p.0), prediction.resolve_by) {
            commands.push(Command::Change(Change::SetPredictionResolveBy(p, date)));
        }
        let today = jiff::ZonedDateTime::now().date();
        if prediction.is_overdue(today) {
            ui.colored_label(ui.visuals().warn_fg_color, "past its date: set the outcome");
        }
        if ui.small_button("Delete prediction").clicked() {
            commands.push(Command::Change(Change::DeletePrediction(p)));
        }
    });
}

/// A YYYY-MM-DD field; returns the new date (or `None` for cleared) once it is valid.
fn date_field(ui: &mut Ui, id_salt: (&str, u64), current: Option<Date>) -> Option<Option<Date>> {
    let id = ui.make_persistent_id(id_salt);
    let shown = current.map(|d| d.to_string()).unwrap_or_default();
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or(shown.clone());
    ui.label("Resolve by");
    let edit = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id_salt(("resolve_by_field", id_salt.1))
            .hint_text("YYYY-MM-DD")
            .desired_width(90.0),
    );
    set_label(&edit, Role::TextInput, "Resolve by");
    let parsed = parse_optional_date(&text);
    if edit.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if parsed.is_err() && !text.is_empty() {
        ui.colored_label(ui.visuals().warn_fg_color, "use YYYY-MM-DD");
    }
    match parsed {
        Ok(date) if edit.changed() && date != current => Some(date),
        _ => None,
    }
}

fn parse_optional_date(text: &str) -> Result<Option<Date>, jiff::Error> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

/// The form for a new prediction.
fn new_prediction_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    let draft = &mut parts.view.prediction_draft;
    let edit = ui.add(
        egui::TextEdit::singleline(&mut draft.statement)
            .id_salt(("new_prediction", thread.id.0))
            .hint_text("I predict that…")
            .desired_width(f32::INFINITY),
    );
    set_label(&edit, Role::TextInput, "New prediction");
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut draft.probability_pct, 0..=100)
                .suffix(" %")
                .text("chance"),
        );
        ui.label("by");
        let date = ui
            .add(
                egui::TextEdit::singleline(&mut draft.resolve_by)
                    .id_salt(("new_prediction_date", thread.id.0))
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .on_hover_text("Optional: when the prediction should be settled");
        set_label(&date, Role::TextInput, "New prediction resolve-by date");
    });
    let parsed = parse_optional_date(&draft.resolve_by);
    let ready = !draft.statement.trim().is_empty() && parsed.is_ok();
    if parsed.is_err() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The date should look like 2026-12-31.",
        );
    }
    if ui
        .add_enabled(ready, egui::Button::new("Add prediction"))
        .clicked()
        && let Ok(resolve_by) = parsed
    {
        let draft = std::mem::take(draft);
        // The focus goes back to the statement, ready for the next prediction (the button
        // is disabled once the form is empty).
        edit.request_focus();
        parts.commands.push(Command::Change(Change::AddPrediction {
            thread: thread.id,
            statement: draft.statement,
            probability_pct: draft.probability_pct,
            resolve_by,
        }));
    }
}
