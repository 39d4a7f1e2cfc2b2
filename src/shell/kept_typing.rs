//! Typing the library could not take when the window closed, remembered in `ui-state.json`
//! so that it is there again next time (nothing typed is lost on quit): new predictions not
//! added (no statement yet, a date that is not one, a certainty not confirmed), and a
//! prediction's probability or resolve-by date typed but not taken (not a probability, 0 % or
//! 100 % not confirmed, not a date). They come back in their fields, marked as before;
//! nothing is done with them unasked.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::app::{DraftField, PredictionDraft, ViewState};
use crate::model::{PredictionId, ThreadId};

/// A new prediction typed under a thread and not added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptPrediction {
    /// The thread's id.
    pub thread: u64,
    /// The statement as typed.
    pub statement: String,
    /// The probability as typed.
    pub probability: String,
    /// The resolve-by date as typed.
    pub resolve_by: String,
}

/// Which field of a prediction a [`KeptField`] was typed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptFieldKind {
    /// Its probability.
    Probability,
    /// Its resolve-by date.
    ResolveBy,
}

/// A prediction's field typed into and not taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptField {
    /// The prediction's id.
    pub prediction: u64,
    /// Which field.
    pub field: KeptFieldKind,
    /// The text as typed (without a syllable being composed).
    pub text: String,
}

/// The new predictions of `view` with something typed in them (without a syllable being
/// composed).
pub fn kept_predictions(view: &ViewState) -> Vec<KeptPrediction> {
    view.prediction_drafts
        .iter()
        .map(PredictionDraft::settled)
        .filter(|d| !d.is_blank())
        .filter_map(|d| {
            Some(KeptPrediction {
                thread: d.thread?.0,
                statement: d.statement,
                probability: d.probability,
                resolve_by: d.resolve_by,
            })
        })
        .collect()
}

/// The prediction fields of `view` holding text that could not be taken.
pub fn kept_fields(view: &ViewState) -> Vec<KeptField> {
    view.drafts
        .iter()
        .filter(|(_, draft)| draft.invalid.is_some())
        .filter_map(|(field, draft)| {
            let (prediction, field) = match field {
                DraftField::Probability(id) => (id, KeptFieldKind::Probability),
                DraftField::ResolveBy(id) => (id, KeptFieldKind::ResolveBy),
                DraftField::Text(_) => return None,
            };
            Some(KeptField {
                prediction: prediction.0,
                field,
                text: draft.settled(),
            })
        })
        .collect()
}

/// Puts `predictions` and `fields` back into `view`: the forms filled again, the fields'
/// drafts as typed (marked again by the app's next look at them; a draft of a prediction no
/// longer there is let go then).
pub fn restore(view: &mut ViewState, predictions: &[KeptPrediction], fields: &[KeptField]) {
    for kept in predictions {
        let thread = ThreadId(kept.thread);
        let draft = PredictionDraft::for_thread(&mut view.prediction_drafts, thread);
        *draft = PredictionDraft {
            preedit: None,
            statement: kept.statement.clone(),
            probability: kept.probability.clone(),
            certain: false,
            thread: Some(thread),
            resolve_by: kept.resolve_by.clone(),
        };
    }
    for kept in fields {
        let id = PredictionId(kept.prediction);
        let field = match kept.field {
            KeptFieldKind::Probability => DraftField::Probability(id),
            KeptFieldKind::ResolveBy => DraftField::ResolveBy(id),
        };
        view.drafts.typed(field, kept.text.clone(), Instant::now());
        if let Some(draft) = view.drafts.get_mut(field) {
            draft.focused = false;
        }
    }
}
