//! A resolved prediction's record cannot be rewritten (issue 19, item 2): the rule lives in
//! [`super::Edit`], so it holds whatever the UI offers.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::{
    Edit, Given, Library, LibraryError, Outcome, Prediction, PredictionField, PredictionId,
    Probability,
};

const DAY: Date = date(2026, 12, 7);

fn library_with(prediction: Prediction) -> Library {
    let mut library = Library::default();
    let thread = library.shows[0].threads[0].id;
    Edit::InsertPrediction {
        thread,
        index: 0,
        prediction,
    }
    .apply(&mut library)
    .unwrap();
    library
}

fn given(permille: u16) -> PredictionField {
    PredictionField::Probability(Given {
        probability: Probability::from_permille(permille).unwrap(),
        on: Some(DAY),
    })
}

fn prediction(library: &Library) -> &Prediction {
    library.prediction(PredictionId(900)).unwrap().1
}

#[test]
fn an_outcome_locks_the_probability_and_undoing_it_unlocks_it() {
    let id = PredictionId(900);
    let mut library = library_with(Prediction::new(id, "A second season", 56));
    let set = |library: &mut Library, field| Edit::SetPrediction(id, field).apply(library);
    set(
        &mut library,
        PredictionField::Outcome(Outcome::Yes, Some(DAY)),
    )
    .unwrap();
    let before = prediction(&library).brier().unwrap();
    assert!((before - 0.1936).abs() < 1e-12);
    // The case: a resolved 56 % "yes" edited to 100 %.
    assert_eq!(
        set(&mut library, given(1000)),
        Err(LibraryError::PredictionLocked(id))
    );
    assert_eq!(
        set(&mut library, PredictionField::TakeBack),
        Err(LibraryError::PredictionLocked(id))
    );
    assert_eq!(
        set(
            &mut library,
            PredictionField::Outcome(Outcome::No, Some(DAY))
        ),
        Err(LibraryError::PredictionLocked(id))
    );
    assert_eq!(prediction(&library).brier(), Some(before));
    set(
        &mut library,
        PredictionField::Outcome(Outcome::Pending, None),
    )
    .unwrap();
    assert_eq!(prediction(&library).resolved_on, None);
    let undo = set(&mut library, given(1000)).unwrap();
    assert_eq!(prediction(&library).probability().permille(), 1000);
    assert_eq!(prediction(&library).earlier.len(), 1);
    Edit::SetPrediction(id, PredictionField::TakeBack)
        .apply(&mut library)
        .unwrap();
    assert_eq!(undo, Edit::SetPrediction(id, PredictionField::TakeBack));
    assert_eq!(prediction(&library).probability().permille(), 560);
}

fn field() -> impl Strategy<Value = PredictionField> {
    prop_oneof![
        (0u16..=1000).prop_map(given),
        Just(PredictionField::TakeBack),
        "[a-z ]{0,8}".prop_map(PredictionField::Statement),
        (1i8..28).prop_map(|d| PredictionField::ResolveBy(Some(date(2027, 1, d)))),
        (1usize..4, 1i8..28).prop_map(|(o, d)| {
            PredictionField::Outcome(Outcome::ALL[o], Some(date(2027, 2, d)))
        }),
    ]
}

proptest! {
    /// No sequence of edits after an outcome is set changes the prediction's score, except
    /// undoing the outcome (setting it back to pending), which the sequence never does here.
    #[test]
    fn no_edit_after_an_outcome_changes_the_score(
        start in 0u16..=1000,
        earlier in proptest::collection::vec(0u16..=1000, 0..4),
        yes in any::<bool>(),
        edits in proptest::collection::vec(field(), 0..20),
        batched in any::<bool>(),
    ) {
        let id = PredictionId(900);
        let mut library = library_with(Prediction::made(
            id, "x", Probability::from_permille(start).unwrap(), Some(DAY)));
        for permille in earlier {
            Edit::SetPrediction(id, given(permille)).apply(&mut library).unwrap();
        }
        let outcome = if yes { Outcome::Yes } else { Outcome::No };
        Edit::SetPrediction(id, PredictionField::Outcome(outcome, Some(DAY)))
            .apply(&mut library)
            .unwrap();
        let score = prediction(&library).brier();
        prop_assert!(score.is_some());
        let edits: Vec<Edit> = edits.into_iter().map(|f| Edit::SetPrediction(id, f)).collect();
        if batched {
            let _ = Edit::Batch(edits).apply(&mut library);
        } else {
            for edit in edits {
                let _ = edit.apply(&mut library);
            }
        }
        prop_assert_eq!(prediction(&library).brier(), score);
        prop_assert_eq!(prediction(&library).outcome, outcome);
    }
}
