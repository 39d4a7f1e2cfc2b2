//! Predictions a fan makes on a thread, and how they are scored.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Identifies a prediction within a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PredictionId(pub u64);

/// How a prediction turned out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Not known yet.
    #[default]
    Pending,
    /// It happened.
    Yes,
    /// It did not happen.
    No,
    /// It can't be called either way; not scored.
    Ambiguous,
}

impl Outcome {
    /// All outcomes, in the order the UI offers them.
    pub const ALL: [Outcome; 4] = [
        Outcome::Pending,
        Outcome::Yes,
        Outcome::No,
        Outcome::Ambiguous,
    ];

    /// A short word for the outcome.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Yes => "yes",
            Outcome::No => "no",
            Outcome::Ambiguous => "ambiguous",
        }
    }
}

/// A statement with the probability the fan gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    /// Stable identity.
    pub id: PredictionId,
    /// What the fan predicts, e.g. "A second season is announced".
    pub statement: String,
    /// Probability that it comes true, in percent (0 to 100).
    pub probability_pct: u8,
    /// When it should be known, if the fan set a date.
    #[serde(default)]
    pub resolve_by: Option<Date>,
    /// How it turned out.
    #[serde(default)]
    pub outcome: Outcome,
}

impl Prediction {
    /// A pending prediction; the probability is clamped to 0..=100.
    pub fn new(id: PredictionId, statement: impl Into<String>, probability_pct: u8) -> Self {
        Self {
            id,
            statement: statement.into(),
            probability_pct: probability_pct.min(100),
            resolve_by: None,
            outcome: Outcome::Pending,
        }
    }

    /// Squared error of this prediction, when it resolved yes or no.
    pub fn brier(&self) -> Option<f64> {
        let happened = match self.outcome {
            Outcome::Yes => 1.0,
            Outcome::No => 0.0,
            Outcome::Pending | Outcome::Ambiguous => return None,
        };
        let p = f64::from(self.probability_pct.min(100)) / 100.0;
        Some((p - happened).powi(2))
    }

    /// Whether the resolve-by date has passed while the outcome is still pending.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.outcome == Outcome::Pending && self.resolve_by.is_some_and(|d| d < today)
    }
}

/// Mean Brier score over the predictions resolved yes or no, with how many were scored.
///
/// 0 is perfect, 0.25 is what always saying 50 % earns, 1 is always certain and always wrong.
pub fn brier_score<'a>(
    predictions: impl IntoIterator<Item = &'a Prediction>,
) -> Option<(f64, usize)> {
    let scores: Vec<f64> = predictions
        .into_iter()
        .filter_map(Prediction::brier)
        .collect();
    if scores.is_empty() {
        None
    } else {
        Some((
            scores.iter().sum::<f64>() / scores.len() as f64,
            scores.len(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(pct: u8, outcome: Outcome) -> Prediction {
        Prediction {
            outcome,
            ..Prediction::new(PredictionId(1), "x", pct)
        }
    }

    #[test]
    fn brier_scores_only_yes_and_no() {
        let list = [
            resolved(80, Outcome::Yes),
            resolved(30, Outcome::No),
            resolved(50, Outcome::Ambiguous),
            resolved(50, Outcome::Pending),
        ];
        let (score, n) = brier_score(&list).unwrap();
        assert_eq!(n, 2);
        assert!((score - (0.04 + 0.09) / 2.0).abs() < 1e-12);
        assert_eq!(brier_score(&list[2..]), None);
    }

    #[test]
    fn coin_flip_scores_a_quarter() {
        assert_eq!(resolved(50, Outcome::Yes).brier(), Some(0.25));
    }

    #[test]
    fn overdue_only_when_pending_and_past() {
        let mut p = Prediction::new(PredictionId(1), "x", 10);
        let today = jiff::civil::date(2026, 1, 2);
        assert!(!p.is_overdue(today));
        p.resolve_by = Some(jiff::civil::date(2026, 1, 1));
        assert!(p.is_overdue(today));
        p.outcome = Outcome::No;
        assert!(!p.is_overdue(today));
    }
}
