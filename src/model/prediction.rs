//! Predictions a fan makes on a thread, and how they are scored.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Probability;

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

/// A probability the fan gave, with the day it was given (`None`: not known, as for
/// predictions made before dates were kept, format 2 and older).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    /// The probability.
    pub probability: Probability,
    /// The day it was given.
    pub on: Option<Date>,
}

/// A statement with the probability the fan gives it, and every probability given before.
///
/// The record is locked once an outcome is set: [`crate::model::Edit`] refuses to give a new
/// probability or take one back, or to change the outcome other than back to pending, so the
/// score cannot be rewritten after the fact (issue 19, item 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    /// Stable identity.
    pub id: PredictionId,
    /// What the fan predicts, e.g. "A second season is announced".
    pub statement: String,
    /// The probability given last (the current one).
    pub current: Given,
    /// The probabilities given before `current`, oldest first; the first was given when the
    /// prediction was made.
    pub earlier: Vec<Given>,
    /// When it should be known, if the fan set a date.
    #[serde(default)]
    pub resolve_by: Option<Date>,
    /// How it turned out.
    #[serde(default)]
    pub outcome: Outcome,
    /// The day the outcome was set (`None` while pending, or when not known).
    #[serde(default)]
    pub resolved_on: Option<Date>,
}

impl Prediction {
    /// A pending prediction at a whole percentage (clamped to 0..=100), made on a day not
    /// known.
    pub fn new(id: PredictionId, statement: impl Into<String>, probability_pct: u8) -> Self {
        Self::made(id, statement, Probability::from_pct(probability_pct), None)
    }

    /// A pending prediction given `probability` on `made_on`.
    pub fn made(
        id: PredictionId,
        statement: impl Into<String>,
        probability: Probability,
        made_on: Option<Date>,
    ) -> Self {
        Self {
            id,
            statement: statement.into(),
            current: Given {
                probability,
                on: made_on,
            },
            earlier: Vec::new(),
            resolve_by: None,
            outcome: Outcome::Pending,
            resolved_on: None,
        }
    }

    /// The probability given last.
    pub fn probability(&self) -> Probability {
        self.current.probability
    }

    /// The day it was made (its first probability given), `None` when not known.
    pub fn made_on(&self) -> Option<Date> {
        self.earlier.first().unwrap_or(&self.current).on
    }

    /// Every probability given, oldest first (never empty; the last is the current one).
    pub fn history(&self) -> impl DoubleEndedIterator<Item = &Given> + Clone {
        self.earlier.iter().chain(std::iter::once(&self.current))
    }

    /// Whether an outcome is set, which locks the probability.
    pub fn is_locked(&self) -> bool {
        self.outcome != Outcome::Pending
    }

    /// The probability the score uses: the last given before it resolved (on or before
    /// [`Self::resolved_on`]; a probability of an unknown day counts as before), or the
    /// current one when the day it resolved is not known.
    pub fn scored_probability(&self) -> Probability {
        let Some(resolved) = self.resolved_on else {
            return self.probability();
        };
        self.history()
            .rev()
            .find(|g| g.on.is_none_or(|on| on <= resolved))
            .unwrap_or(&self.current)
            .probability
    }

    /// Squared error of this prediction, when it resolved yes or no: in [0, 1], 0.25 for 50 %.
    pub fn brier(&self) -> Option<f64> {
        let happened = match self.outcome {
            Outcome::Yes => 1.0,
            Outcome::No => 0.0,
            Outcome::Pending | Outcome::Ambiguous => return None,
        };
        Some((self.scored_probability().fraction() - happened).powi(2))
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

    fn given(permille: u16, on: Option<Date>) -> Given {
        Given {
            probability: Probability::from_permille(permille).unwrap(),
            on,
        }
    }

    #[test]
    fn the_score_uses_the_last_probability_given_before_it_resolved() {
        let day = |d| Some(jiff::civil::date(2026, 3, d));
        let mut p = Prediction::made(PredictionId(1), "x", Probability::from_pct(20), day(1));
        p.earlier = vec![p.current, given(600, day(5))];
        p.current = given(900, day(9));
        p.outcome = Outcome::Yes;
        p.resolved_on = day(7);
        assert_eq!(p.scored_probability().permille(), 600);
        assert!((p.brier().unwrap() - 0.16).abs() < 1e-12);
        p.resolved_on = day(9);
        assert_eq!(p.scored_probability().permille(), 900);
        p.resolved_on = None;
        assert_eq!(p.scored_probability().permille(), 900);
        assert_eq!(p.made_on(), day(1));
        assert_eq!(p.history().count(), 3);
    }

    proptest::proptest! {
        #[test]
        fn a_brier_score_is_between_0_and_1(permille in 0u16..=1000, yes: bool) {
            let mut p = Prediction::made(
                PredictionId(1), "x", Probability::from_permille(permille).unwrap(), None);
            p.outcome = if yes { Outcome::Yes } else { Outcome::No };
            let score = p.brier().unwrap();
            proptest::prop_assert!((0.0..=1.0).contains(&score));
        }

        #[test]
        fn always_fifty_percent_scores_a_quarter(outcomes in proptest::collection::vec(proptest::bool::ANY, 1..50)) {
            let list: Vec<Prediction> = outcomes
                .iter()
                .map(|yes| resolved(50, if *yes { Outcome::Yes } else { Outcome::No }))
                .collect();
            let (score, n) = brier_score(&list).unwrap();
            proptest::prop_assert_eq!(n, outcomes.len());
            proptest::prop_assert!((score - 0.25).abs() < 1e-12);
        }

        #[test]
        fn the_score_never_uses_a_probability_given_after_it_resolved(
            steps in proptest::collection::vec((0u16..=1000, 1i8..28), 1..8),
            resolved_day in 1i8..28,
        ) {
            let day = |d: i8| Some(jiff::civil::date(2026, 3, d));
            let mut sorted = steps.clone();
            sorted.sort_by_key(|s| s.1);
            let mut p = Prediction::made(PredictionId(1), "x", Probability::HALF, None);
            for (permille, d) in &sorted {
                p.earlier.push(p.current);
                p.current = given(*permille, day(*d));
            }
            p.outcome = Outcome::No;
            p.resolved_on = day(resolved_day);
            let expected = sorted
                .iter()
                .rev()
                .find(|s| s.1 <= resolved_day)
                .map_or(500, |s| s.0);
            proptest::prop_assert_eq!(p.scored_probability().permille(), expected);
        }
    }
}
