//! Predictions on a thread: the list (editable), the score, and the form to add one.

use egui::{Role, Ui};

use super::UiParts;
use super::widgets::{FieldKind, draft_field_bare, set_label, text_field};
use crate::app::{
    Change, Command, DraftField, PredictionDraft, PredictionFormField, ViewState,
    parse_optional_date,
};
use crate::model::{Outcome, Prediction, Probability, Thread, TypingField, brier_score};

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
    ui.horizontal_wrapped(|ui| {
        if prediction.is_locked() {
            locked_ui(ui, commands, prediction);
        } else {
            probability_ui(ui, view, commands, prediction);
            let mut outcome = prediction.outcome;
            let shown = "Outcome: pending";
            let combo = egui::ComboBox::from_id_salt(("outcome", p.0))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for choice in Outcome::ALL {
                        ui.selectable_value(&mut outcome, choice, choice.label());
                    }
                });
            set_label(&combo.response, Role::ComboBox, shown);
            if outcome != prediction.outcome {
                commands.push(Command::Change(Change::SetPredictionOutcome(p, outcome)));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
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
    history_ui(ui, prediction);
}

/// A resolved prediction: its probability shown, not editable, its outcome and a way to undo
/// it (which unlocks the probability).
fn locked_ui(ui: &mut Ui, commands: &mut Vec<Command>, prediction: &Prediction) {
    let text = format!(
        "Chance {} (locked) · outcome: {}{}",
        prediction.probability(),
        prediction.outcome.label(),
        prediction
            .resolved_on
            .map(|d| format!(" on {d}"))
            .unwrap_or_default()
    );
    ui.label(&text)
        .on_hover_text("An outcome is set, so the probability is kept as it was given.");
    if let Some(score) = prediction.brier() {
        ui.label(format!("Brier {score:.3}"));
    }
    if ui
        .small_button("Undo outcome")
        .on_hover_text("Back to pending: the probability can be changed again")
        .clicked()
    {
        commands.push(Command::Change(Change::SetPredictionOutcome(
            prediction.id,
            Outcome::Pending,
        )));
    }
}

/// When it was made and how the probability moved.
fn history_ui(ui: &mut Ui, prediction: &Prediction) {
    let made = prediction
        .made_on()
        .map_or_else(|| "unknown".to_owned(), |d| d.to_string());
    let updates = prediction.earlier.len();
    let text = match updates {
        0 => format!("Made on: {made}"),
        1 => format!("Made on: {made} · updated once"),
        n => format!("Made on: {made} · updated {n} times"),
    };
    ui.label(egui::RichText::new(text).small().weak());
    if updates > 0 {
        super::history_chart_ui::history_chart_ui(ui, prediction);
    }
}

/// The probability box: a percentage (0.1 steps) or odds, committed as one new entry of the
/// history when the box is left; bad input is told in words under it, a certainty (0 % or
/// 100 %) waits for the fan to confirm it.
fn probability_ui(
    ui: &mut Ui,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    prediction: &Prediction,
) {
    let p = prediction.id;
    let field = DraftField::Probability(p);
    ui.label("Chance");
    let shown = prediction.probability().to_string();
    let edit = draft_field_bare(
        ui,
        view,
        field,
        shown.trim_end_matches(" %"),
        FieldKind::Line,
        "e.g. 70, 55.5 or 3:1",
        60.0,
    );
    set_label(&edit, Role::TextInput, "Probability");
    ui.label("%");
    let certain = view
        .drafts
        .get(field)
        .filter(|d| d.invalid.is_some())
        .and_then(|d| Probability::parse(&d.settled()).ok())
        .filter(|p| p.is_certain());
    if let Some(certain) = certain
        && ui.button(format!("Confirm {certain}")).clicked()
    {
        view.drafts.discard(field);
        commands.push(Command::Change(Change::SetPredictionProbability(
            p, certain,
        )));
    }
}

/// The form for a new prediction.
fn new_prediction_ui(ui: &mut Ui, parts: &mut UiParts<'_>, thread: &Thread) {
    let view = &mut *parts.view;
    let draft = PredictionDraft::for_thread(&mut view.prediction_drafts, thread.id);
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
    let mut preedit = edit
        .preedit
        .clone()
        .map(|r| (PredictionFormField::Statement, r));
    ui.horizontal(|ui| {
        ui.label("Chance");
        let id = ui.make_persistent_id(("new_prediction_chance", thread.id.0));
        let chance = text_field(
            ui,
            id,
            &mut draft.probability,
            FieldKind::Line,
            "e.g. 70, 55.5 or 3:1",
            60.0,
            composing,
        );
        set_label(
            &chance.response,
            Role::TextInput,
            "New prediction probability",
        );
        preedit = preedit.take().or_else(|| {
            chance
                .preedit
                .map(|r| (PredictionFormField::Probability, r))
        });
        ui.label("% by");
        let id = ui.make_persistent_id(("new_prediction_date", thread.id.0));
        let date = text_field(
            ui,
            id,
            &mut draft.resolve_by,
            FieldKind::Line,
            "YYYY-MM-DD",
            100.0,
            composing,
        );
        preedit = preedit
            .take()
            .or_else(|| date.preedit.map(|r| (PredictionFormField::ResolveBy, r)));
        let date = date
            .response
            .on_hover_text("Optional: when the prediction should be settled");
        set_label(&date, Role::TextInput, "New prediction resolve-by date");
    });
    // The syllable an input method is composing is shown, never added nor remembered.
    draft.preedit = preedit;
    let warn = ui.visuals().warn_fg_color;
    let probability = Probability::parse(&draft.probability);
    match &probability {
        Err(error) => {
            ui.colored_label(warn, error.to_string());
        }
        Ok(p) if p.is_certain() => {
            let text = format!("I am certain: {p}");
            ui.checkbox(&mut draft.certain, text);
        }
        Ok(_) => draft.certain = false,
    }
    let parsed = parse_optional_date(&draft.resolve_by);
    if parsed.is_err() {
        ui.colored_label(warn, "The date should look like 2026-12-31.");
    }
    let probability = probability
        .ok()
        .filter(|p| !p.is_certain() || draft.certain);
    let ready = !draft.statement.trim().is_empty() && parsed.is_ok() && probability.is_some();
    if ui
        .add_enabled(ready, egui::Button::new("Add prediction"))
        .clicked()
        && let Some(change) = draft.to_change()
    {
        *draft = PredictionDraft {
            thread: Some(thread.id),
            ..PredictionDraft::default()
        };
        // The focus goes back to the statement, ready for the next prediction (the button
        // is disabled once the form is empty).
        edit.response.request_focus();
        parts.commands.push(Command::Change(change));
    }
}
