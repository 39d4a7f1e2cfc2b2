//! Predictions on a thread: the list (editable), the score, and the form to add one.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, draft_field_bare, set_label, text_field};
use crate::app::{Change, Command, DraftField, ViewState, normalized, parse_optional_date};
use crate::model::{Outcome, Prediction, Thread, TypingField, brier_score};

/// Draws the predictions of `thread` and the form for a new one.
pub fn predictions_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    ui.strong("Predictions");
    if thread.predictions.is_empty() {
        ui.label(egui::RichText::new("No predictions yet.").weak());
    }
    for prediction in &thread.predictions {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            prediction_ui(ui, parts.view, parts.commands, prediction);
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

fn prediction_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    prediction: &Prediction,
) {
    let p = prediction.id;
    let edit = draft_field_bare(
        ui,
        view,
        DraftField::Text(TypingField::PredictionStatement(p)),
        &prediction.statement,
        FieldKind::Line,
        "",
        f32::INFINITY,
    );
    set_label(&edit, Role::TextInput, "Prediction statement");
    ui.horizontal(|ui| {
        probability_ui(ui, view, commands, prediction);
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
        ui.label("Resolve by");
        let shown = prediction
            .resolve_by
            .map(|d| d.to_string())
            .unwrap_or_default();
        let edit = draft_field_bare(
            ui,
            view,
            DraftField::ResolveBy(p),
            &shown,
            FieldKind::Line,
            "YYYY-MM-DD",
            90.0,
        );
        set_label(&edit, Role::TextInput, "Resolve by");
        let today = jiff::ZonedDateTime::now().date();
        if prediction.is_overdue(today) {
            ui.colored_label(ui.visuals().warn_fg_color, "past its date: set the outcome");
        }
        if ui.small_button("Delete prediction").clicked() {
            commands.push(Command::Change(Change::DeletePrediction(p)));
        }
    });
}

/// The probability slider: a drag is one change, made when the handle is let go; a number
/// typed into its box is one change, made on Enter or when the box is left.
fn probability_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    prediction: &Prediction,
) {
    let p = prediction.id;
    let dragged = view.probability_drag.filter(|(id, _)| *id == p);
    let mut pct = dragged.map_or(prediction.probability_pct, |(_, pct)| pct);
    let slider = ui.add(
        egui::Slider::new(&mut pct, 0..=100)
            .suffix(" %")
            .text("chance")
            .update_while_editing(false),
    );
    if slider.dragged() {
        view.probability_drag = Some((p, pct));
    } else if slider.drag_stopped() || slider.changed() || dragged.is_some() {
        // Let go of (or a click, an arrow key, a typed number): one change.
        view.probability_drag = None;
        if pct != prediction.probability_pct {
            commands.push(Command::Change(Change::SetPredictionProbability(p, pct)));
        }
    }
}

/// The form for a new prediction.
fn new_prediction_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    let view = &mut *parts.view;
    let draft = &mut view.prediction_draft;
    let composing = &mut view.composing;
    let id = ui.make_persistent_id(("new_prediction", thread.id.0));
    let edit = text_field(
        ui,
        id,
        &mut draft.statement,
        FieldKind::Line,
        "I predict that…",
        f32::INFINITY,
        composing,
    );
    set_label(&edit.response, Role::TextInput, "New prediction");
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut draft.probability_pct, 0..=100)
                .suffix(" %")
                .text("chance"),
        );
        ui.label("by");
        let id = ui.make_persistent_id(("new_prediction_date", thread.id.0));
        let date = text_field(
            ui,
            id,
            &mut draft.resolve_by,
            FieldKind::Line,
            "YYYY-MM-DD",
            100.0,
            composing,
        )
        .response
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
        edit.response.request_focus();
        parts.commands.push(Command::Change(Change::AddPrediction {
            thread: thread.id,
            statement: normalized(&draft.statement),
            probability_pct: draft.probability_pct,
            resolve_by,
        }));
    }
}
