//! The forecaster's ledger (issue 19): every prediction of the library as one row, the rows
//! filtered and sorted, and the calibration of the scored ones. Pure: computed once per change
//! of the library by whoever shows it, never per frame.

use std::cmp::Ordering;

use jiff::civil::Date;

use super::{Library, Outcome, Prediction, PredictionId, Probability, ShowId, ThreadId};

/// One prediction with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerRow {
    /// The show it is in.
    pub show: ShowId,
    /// The show's title.
    pub show_title: String,
    /// The thread it is on.
    pub thread: ThreadId,
    /// The thread's question.
    pub thread_title: String,
    /// The prediction.
    pub prediction: Prediction,
}

impl LedgerRow {
    /// The prediction's id.
    pub fn id(&self) -> PredictionId {
        self.prediction.id
    }
}

/// Every prediction of `library`, in library order (shows, threads, predictions).
pub fn ledger_rows(library: &Library) -> Vec<LedgerRow> {
    library
        .shows
        .iter()
        .flat_map(|show| {
            show.threads.iter().flat_map(move |thread| {
                thread.predictions.iter().map(move |p| LedgerRow {
                    show: show.id,
                    show_title: show.title.clone(),
                    thread: thread.id,
                    thread_title: thread.title.clone(),
                    prediction: p.clone(),
                })
            })
        })
        .collect()
}

/// A column of the ledger, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LedgerColumn {
    /// The show's title.
    #[default]
    Show,
    /// The thread's question.
    Thread,
    /// The statement.
    Statement,
    /// The current probability.
    Probability,
    /// The day it was made (unknown first).
    MadeOn,
    /// The resolve-by day (none first).
    ResolveBy,
    /// The outcome (pending, yes, no, ambiguous).
    Outcome,
    /// The Brier score (not scored first).
    Brier,
}

impl LedgerColumn {
    /// Every column, in table order.
    pub const ALL: [LedgerColumn; 8] = [
        LedgerColumn::Show,
        LedgerColumn::Thread,
        LedgerColumn::Statement,
        LedgerColumn::Probability,
        LedgerColumn::MadeOn,
        LedgerColumn::ResolveBy,
        LedgerColumn::Outcome,
        LedgerColumn::Brier,
    ];

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            LedgerColumn::Show => "Show",
            LedgerColumn::Thread => "Thread",
            LedgerColumn::Statement => "Statement",
            LedgerColumn::Probability => "Chance",
            LedgerColumn::MadeOn => "Made on",
            LedgerColumn::ResolveBy => "Resolve by",
            LedgerColumn::Outcome => "Outcome",
            LedgerColumn::Brier => "Brier",
        }
    }

    fn compare(self, a: &LedgerRow, b: &LedgerRow) -> Ordering {
        let (p, q) = (&a.prediction, &b.prediction);
        match self {
            LedgerColumn::Show => a
                .show_title
                .to_lowercase()
                .cmp(&b.show_title.to_lowercase()),
            LedgerColumn::Thread => a
                .thread_title
                .to_lowercase()
                .cmp(&b.thread_title.to_lowercase()),
            LedgerColumn::Statement => p.statement.to_lowercase().cmp(&q.statement.to_lowercase()),
            LedgerColumn::Probability => p.probability().cmp(&q.probability()),
            LedgerColumn::MadeOn => p.made_on().cmp(&q.made_on()),
            LedgerColumn::ResolveBy => p.resolve_by.cmp(&q.resolve_by),
            LedgerColumn::Outcome => outcome_rank(p.outcome).cmp(&outcome_rank(q.outcome)),
            LedgerColumn::Brier => p.brier().partial_cmp(&q.brier()).unwrap_or(Ordering::Equal),
        }
    }
}

fn outcome_rank(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Pending => 0,
        Outcome::Yes => 1,
        Outcome::No => 2,
        Outcome::Ambiguous => 3,
    }
}

/// Sorts `rows` by `column` (stable: ties keep library order), descending when not
/// `ascending`.
pub fn sort_rows(rows: &mut [LedgerRow], column: LedgerColumn, ascending: bool) {
    rows.sort_by(|a, b| {
        let order = column.compare(a, b);
        if ascending { order } else { order.reverse() }
    });
}

/// Which predictions the ledger shows, by state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StateFilter {
    /// All of them.
    #[default]
    All,
    /// No outcome yet.
    Pending,
    /// No outcome yet and the resolve-by day has passed.
    Due,
    /// An outcome is set (yes, no or ambiguous).
    Resolved,
}

impl StateFilter {
    /// Every filter, in the order offered.
    pub const ALL: [StateFilter; 4] = [
        StateFilter::All,
        StateFilter::Pending,
        StateFilter::Due,
        StateFilter::Resolved,
    ];

    /// A short word for it.
    pub fn label(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::Pending => "pending",
            StateFilter::Due => "due",
            StateFilter::Resolved => "resolved",
        }
    }
}

/// What the ledger is filtered by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LedgerFilter {
    /// Only this show's predictions, or every show's.
    pub show: Option<ShowId>,
    /// By state.
    pub state: StateFilter,
    /// Text that the statement, thread or show holds (any case); empty for any.
    pub text: String,
}

impl LedgerFilter {
    /// Whether `row` passes, `today` deciding what is due.
    pub fn matches(&self, row: &LedgerRow, today: Date) -> bool {
        let p = &row.prediction;
        let state = match self.state {
            StateFilter::All => true,
            StateFilter::Pending => p.outcome == Outcome::Pending,
            StateFilter::Due => p.is_overdue(today),
            StateFilter::Resolved => p.is_locked(),
        };
        let needle = self.text.trim().to_lowercase();
        state
            && self.show.is_none_or(|s| s == row.show)
            && (needle.is_empty()
                || [&p.statement, &row.thread_title, &row.show_title]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&needle)))
    }
}

/// The number of calibration bins: ten bins of 10 % each over 0–100 %.
pub const BINS: usize = 10;

/// The bin of a probability: 0 % to 9.9 % is bin 0, 10 % to 19.9 % bin 1, …, 90 % to 100 %
/// bin 9 (100 % goes with the top bin).
pub fn bin_of(p: Probability) -> usize {
    usize::from(p.permille() / 100).min(BINS - 1)
}

/// One calibration bin.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bin {
    /// Scored predictions stated in this bin.
    pub count: usize,
    /// How many of them came true.
    pub came_true: usize,
    /// The sum of their stated probabilities (fractions), for the mean stated.
    pub stated_sum: f64,
}

impl Bin {
    /// How often they came true (0 to 1), `None` for an empty bin.
    pub fn frequency(&self) -> Option<f64> {
        (self.count > 0).then(|| self.came_true as f64 / self.count as f64)
    }

    /// The mean probability stated (0 to 1), `None` for an empty bin.
    pub fn mean_stated(&self) -> Option<f64> {
        (self.count > 0).then(|| self.stated_sum / self.count as f64)
    }
}

/// Stated probability against how often it came true, over predictions resolved yes or no.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    /// Ten bins of 10 % (see [`bin_of`]).
    pub bins: [Bin; BINS],
    /// The mean Brier score and how many were scored (`None` when none was).
    pub brier: Option<(f64, usize)>,
    /// Not scored: still pending.
    pub pending: usize,
    /// Not scored: ambiguous.
    pub ambiguous: usize,
}

/// The calibration of `predictions`: each resolved yes or no counts in the bin of the
/// probability its score uses ([`Prediction::scored_probability`]); pending and ambiguous
/// ones are only counted.
pub fn calibration<'a>(predictions: impl IntoIterator<Item = &'a Prediction>) -> Calibration {
    let mut calibration = Calibration::default();
    let mut sum = 0.0;
    let mut scored = 0;
    for p in predictions {
        let yes = match p.outcome {
            Outcome::Pending => {
                calibration.pending += 1;
                continue;
            }
            Outcome::Ambiguous => {
                calibration.ambiguous += 1;
                continue;
            }
            Outcome::Yes => true,
            Outcome::No => false,
        };
        let stated = p.scored_probability();
        let bin = &mut calibration.bins[bin_of(stated)];
        bin.count += 1;
        bin.came_true += usize::from(yes);
        bin.stated_sum += stated.fraction();
        if let Some(score) = p.brier() {
            sum += score;
            scored += 1;
        }
    }
    calibration.brier = (scored > 0).then(|| (sum / scored as f64, scored));
    calibration
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn p(permille: u16, outcome: Outcome) -> Prediction {
        Prediction {
            outcome,
            ..Prediction::made(
                PredictionId(1),
                "x",
                Probability::from_permille(permille).unwrap(),
                None,
            )
        }
    }

    #[test]
    fn bin_edges_fall_in_the_right_bins() {
        for (pct, bin) in [(0, 0), (9, 0), (10, 1), (99, 9), (100, 9), (50, 5)] {
            assert_eq!(bin_of(Probability::from_pct(pct)), bin, "{pct} %");
        }
        assert_eq!(bin_of(Probability::from_permille(99).unwrap()), 0);
        assert_eq!(bin_of(Probability::from_permille(995).unwrap()), 9);
    }

    #[test]
    fn the_calibration_of_one_prediction() {
        let c = calibration(&[p(700, Outcome::Yes)]);
        assert_eq!(c.bins[7].count, 1);
        assert_eq!(c.bins[7].frequency(), Some(1.0));
        assert_eq!(c.bins.iter().map(|b| b.count).sum::<usize>(), 1);
        let (score, n) = c.brier.unwrap();
        assert_eq!(n, 1);
        assert!((score - 0.09).abs() < 1e-12);
    }

    #[test]
    fn ambiguous_and_pending_never_count_but_are_counted() {
        let c = calibration(&[
            p(700, Outcome::Pending),
            p(200, Outcome::Ambiguous),
            p(200, Outcome::Ambiguous),
        ]);
        assert_eq!(c.bins.iter().map(|b| b.count).sum::<usize>(), 0);
        assert_eq!((c.brier, c.pending, c.ambiguous), (None, 1, 2));
    }

    #[test]
    fn filters_and_sorting() {
        let mut library = Library::default();
        let thread = &mut library.shows[0].threads[0];
        let mut a = p(300, Outcome::Pending);
        a.statement = "Renewal, yes".into();
        a.resolve_by = Some(jiff::civil::date(2026, 1, 1));
        let mut b = p(800, Outcome::No);
        b.id = PredictionId(2);
        b.statement = "A spin-off".into();
        thread.predictions = vec![a, b];
        let mut rows = ledger_rows(&library);
        let today = jiff::civil::date(2026, 6, 1);
        let ids = |rows: &[LedgerRow]| rows.iter().map(|r| r.id().0).collect::<Vec<_>>();
        sort_rows(&mut rows, LedgerColumn::Probability, false);
        assert_eq!(ids(&rows), [2, 1]);
        sort_rows(&mut rows, LedgerColumn::Statement, true);
        assert_eq!(ids(&rows), [2, 1]);
        let keep = |f: &LedgerFilter| {
            rows.iter()
                .filter(|r| f.matches(r, today))
                .map(|r| r.id().0)
                .collect::<Vec<_>>()
        };
        let due = LedgerFilter {
            state: StateFilter::Due,
            ..LedgerFilter::default()
        };
        assert_eq!(keep(&due), [1]);
        let text = LedgerFilter {
            text: "SPIN".into(),
            ..LedgerFilter::default()
        };
        assert_eq!(keep(&text), [2]);
    }

    proptest! {
        #[test]
        fn every_scored_prediction_lands_in_one_bin(
            list in proptest::collection::vec((0u16..=1000, 0usize..4), 0..40)
        ) {
            let predictions: Vec<Prediction> =
                list.iter().map(|(pm, o)| p(*pm, Outcome::ALL[*o])).collect();
            let c = calibration(&predictions);
            let scored = predictions.iter().filter(|p| p.brier().is_some()).count();
            prop_assert_eq!(c.bins.iter().map(|b| b.count).sum::<usize>(), scored);
            prop_assert_eq!(c.brier.map_or(0, |b| b.1), scored);
            prop_assert_eq!(c.pending + c.ambiguous + scored, predictions.len());
            if let Some((mean, _)) = c.brier {
                prop_assert!((0.0..=1.0).contains(&mean));
            }
        }
    }
}
