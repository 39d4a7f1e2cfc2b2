//! Issue 19: the forecaster's ledger. Three predictions made, one updated, two resolved; the
//! Predictions view sorted and filtered, its calibration counts and mean score, and a row
//! that opens its thread. Typing is one key event per frame.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fan_tracker::model::{Library, Outcome, Prediction, PredictionId};
use fan_tracker::shell::Shell;
use fan_tracker::storage::LIBRARY_FILE;
use fan_tracker::ui::{PREDICTIONS_VIEW, due_heading};
use jiff::civil::date;

use crate::fixture::{CAST, RENEWAL, TempDir, click, close, launch, open_show};

type H = Harness<'static, Shell>;

/// Focuses the `nth` field labelled `label`, selects what it holds and types `text` one key
/// event per frame.
fn retype(harness: &mut H, label: &str, nth: usize, text: &str) {
    harness
        .get_all_by_label(label)
        .nth(nth)
        .unwrap_or_else(|| panic!("{label} #{nth}"))
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
}

fn enter(harness: &mut H) {
    harness.key_press(Key::Enter);
    harness.run();
}

fn add_prediction(harness: &mut H, statement: &str, chance: &str) {
    retype(harness, "New prediction", 0, statement);
    retype(harness, "New prediction probability", 0, chance);
    let typed = harness.get_by_label("New prediction probability").value();
    assert_eq!(typed.as_deref(), Some(chance));
    let typed = harness.get_by_label("New prediction").value();
    assert_eq!(typed.as_deref(), Some(statement));
    click(harness, "Add prediction");
    assert_eq!(harness.state().notices(), [] as [String; 0]);
}

/// The statements of the table's rows, top to bottom.
fn rows(harness: &H, statements: &[&str]) -> Vec<String> {
    let mut shown: Vec<(f32, String)> = statements
        .iter()
        .filter_map(|s| {
            let node = harness
                .query_all_by_label(s)
                .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Link)?;
            Some((node.rect().min.y, (*s).to_owned()))
        })
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn three_predictions_updated_resolved_sorted_filtered_and_calibrated() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    harness.set_size(egui::vec2(1400.0, 1800.0));
    click(&mut harness, RENEWAL);
    let statements = [
        "Season two is confirmed",
        "A spin-off is made",
        "Cast returns",
    ];
    add_prediction(&mut harness, statements[0], "70");
    add_prediction(&mut harness, statements[1], "20.5");
    add_prediction(&mut harness, statements[2], "1:1");
    let predictions = |h: &H| open_show(h).threads[0].predictions.clone();
    assert_eq!(
        predictions(&harness)
            .iter()
            .map(|p| p.probability().permille())
            .collect::<Vec<_>>(),
        [700, 205, 500]
    );

    // Update the first: 70 → 80.
    retype(&mut harness, "Probability", 0, "80");
    enter(&mut harness);
    assert_eq!(predictions(&harness)[0].probability().permille(), 800);
    assert_eq!(predictions(&harness)[0].earlier.len(), 1);

    // Resolve the first yes and the second no.
    for outcome in ["yes", "no"] {
        harness
            .get_all_by_label("Outcome: pending")
            .next()
            .expect("a pending outcome")
            .click();
        harness.run();
        click(&mut harness, outcome);
    }
    let now = predictions(&harness);
    assert_eq!(
        now.iter().map(|p| p.outcome).collect::<Vec<_>>(),
        [Outcome::Yes, Outcome::No, Outcome::Pending]
    );
    assert_eq!(
        harness.query_all_by_label("Probability").count(),
        1,
        "resolved probabilities are shown, not editable"
    );
    assert!(now[0].resolved_on.is_some());

    // The view.
    click(&mut harness, "View");
    click(&mut harness, PREDICTIONS_VIEW);
    assert_eq!(rows(&harness, &statements).len(), 3);
    harness.get_by_label("3 of 3 shown");
    // Brier: (0.8 - 1)² = 0.04 and 0.205² = 0.042025; mean 0.041.
    harness.get_by_label_contains("Mean Brier score 0.041 over 2 scored");
    harness.get_by_label("Not scored: 1 pending, 0 ambiguous");
    harness.get_by_label_contains("20–30 %: 1 (0 came true)");
    harness.get_by_label_contains("80–90 %: 1 (1 came true)");

    click(&mut harness, "Sort by Chance");
    assert_eq!(
        rows(&harness, &statements),
        [statements[1], statements[2], statements[0]]
    );
    click(&mut harness, "Sort by Chance");
    assert_eq!(
        rows(&harness, &statements),
        [statements[0], statements[2], statements[1]]
    );

    click(&mut harness, "State: resolved");
    assert_eq!(rows(&harness, &statements).len(), 2);
    click(&mut harness, "State: all");
    retype(&mut harness, "Find predictions", 0, "spin");
    assert_eq!(rows(&harness, &statements), [statements[1]]);

    // A row opens its thread.
    click(&mut harness, CAST);
    let renewal = open_show(&harness).threads[0].id;
    assert_ne!(harness.state().view.selected_thread, Some(renewal));
    harness
        .query_all_by_label(statements[1])
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Link)
        .expect("the row")
        .click();
    harness.run();
    assert_eq!(harness.state().view.selected_thread, Some(renewal));
}

/// Issue 19, item 4: a prediction past its resolve-by day is announced at launch and its
/// outcome set from the reminder; put off, it is not shown again that day.
#[test]
fn a_due_prediction_is_announced_at_launch_and_resolved_from_the_reminder() {
    let tmp = TempDir::new();
    let mut library = Library::default();
    let thread = &mut library.shows[0].threads[0];
    for (id, statement) in [(900, "The finale is recut"), (901, "A special airs")] {
        let mut p = Prediction::new(PredictionId(id), statement, 60);
        p.resolve_by = Some(date(2020, 1, 1));
        thread.predictions.push(p);
    }
    let mut later = Prediction::new(PredictionId(902), "Not due yet", 40);
    later.resolve_by = Some(date(2999, 1, 1));
    thread.predictions.push(later);
    std::fs::create_dir_all(tmp.data_dir()).unwrap();
    std::fs::write(
        tmp.data_dir().join(LIBRARY_FILE),
        fan_tracker::storage::encode(&library).unwrap(),
    )
    .unwrap();

    let mut harness = launch(&tmp.data_dir(), None);
    harness.get_by_label(&due_heading(2));
    assert!(harness.query_by_label_contains("Not due yet").is_none());
    click(&mut harness, "yes: The finale is recut");
    let outcome = |h: &H, id| {
        h.state()
            .library()
            .prediction(PredictionId(id))
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(outcome(&harness, 900).outcome, Outcome::Yes);
    assert!(outcome(&harness, 900).resolved_on.is_some());
    harness.get_by_label(&due_heading(1));
    click(&mut harness, "Later");
    assert!(harness.query_by_label(&due_heading(1)).is_none());
    for _ in 0..3 {
        harness.run();
    }
    assert!(
        harness.query_by_label(&due_heading(1)).is_none(),
        "not again the same day"
    );
    assert_eq!(outcome(&harness, 901).outcome, Outcome::Pending);
    // Nor after a restart on the same day.
    drop(harness);
    let harness = launch(&tmp.data_dir(), None);
    assert!(
        harness.query_by_label(&due_heading(1)).is_none(),
        "not again the same day, after a restart either"
    );
    assert_eq!(outcome(&harness, 901).outcome, Outcome::Pending);
}

/// Issue 19 with issue 14: a new prediction typed but not added, and a probability typed but
/// not left, are both saved when the window closes.
#[test]
fn closing_the_window_adds_the_prediction_typed_and_gives_the_probability_typed() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    add_prediction(&mut harness, "Season two is confirmed", "70");
    retype(&mut harness, "Probability", 0, "64.5");
    retype(&mut harness, "New prediction", 0, "A spin-off is made");
    retype(&mut harness, "New prediction probability", 0, "3:1");
    let commands = crate::fixture::request_close(&mut harness);
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose));
    let saved = fan_tracker::storage::Store::read_library(&tmp.data_dir().join(LIBRARY_FILE))
        .expect("library.json reads");
    let predictions = &saved.shows[0].threads[0].predictions;
    let got: Vec<(&str, u16)> = predictions
        .iter()
        .map(|p| (p.statement.as_str(), p.probability().permille()))
        .collect();
    assert_eq!(
        got,
        [
            ("Season two is confirmed", 645),
            ("A spin-off is made", 750)
        ]
    );
    assert_eq!(predictions[0].earlier.len(), 1, "70 % kept in its history");
}

/// Issue 19, item 2, in the window: a resolved prediction shows its probability locked, with
/// its score; *Undo outcome* unlocks it and the new probability is dated and kept.
#[test]
fn undoing_an_outcome_unlocks_the_probability() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    add_prediction(&mut harness, "Season two is confirmed", "56");
    click(&mut harness, "Outcome: pending");
    click(&mut harness, "yes");
    harness.get_by_label_contains("Chance 56 % (locked)");
    harness.get_by_label("Brier 0.194");
    assert!(harness.query_by_label("Probability").is_none());
    click(&mut harness, "Undo outcome");
    let prediction = |h: &H| open_show(h).threads[0].predictions[0].clone();
    assert_eq!(prediction(&harness).outcome, Outcome::Pending);
    assert_eq!(prediction(&harness).resolved_on, None);
    retype(&mut harness, "Probability", 0, "100");
    enter(&mut harness);
    click(&mut harness, "Confirm 100 %");
    assert_eq!(prediction(&harness).probability().permille(), 1000);
    assert_eq!(prediction(&harness).earlier.len(), 1);
}

/// Nothing typed into a prediction is lost. A new prediction typed under one thread is still
/// there after another thread is selected and back; one that cannot be added yet (100 % not
/// confirmed) and a prediction's probability not taken (0 % not confirmed) are there again,
/// as typed, after the window is closed and opened again; nothing was added or changed
/// unasked.
#[test]
fn predictions_typed_and_not_taken_survive_other_threads_and_a_restart() {
    let tmp = TempDir::new();
    let dir = tmp.data_dir();
    let mut harness = launch(&dir, None);
    harness.set_size(egui::vec2(1400.0, 1800.0));
    click(&mut harness, RENEWAL);
    add_prediction(&mut harness, "Season two is confirmed", "70");
    retype(&mut harness, "New prediction", 0, "A film comes first");
    retype(&mut harness, "New prediction probability", 0, "100");
    click(&mut harness, CAST);
    let value = |h: &H, label: &str| h.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value(&harness, "New prediction"), "", "a form of its own");
    click(&mut harness, RENEWAL);
    assert_eq!(value(&harness, "New prediction"), "A film comes first");
    assert_eq!(value(&harness, "New prediction probability"), "100");
    retype(&mut harness, "Probability", 0, "0");
    enter(&mut harness);
    assert_eq!(value(&harness, "Probability"), "0");
    close(harness);

    let mut harness = launch(&dir, None);
    harness.set_size(egui::vec2(1400.0, 1800.0));
    click(&mut harness, RENEWAL);
    assert_eq!(value(&harness, "New prediction"), "A film comes first");
    assert_eq!(value(&harness, "New prediction probability"), "100");
    assert_eq!(value(&harness, "Probability"), "0");
    harness.get_by_label("Confirm 0 %");
    let library = harness.state().library().clone();
    let predictions: Vec<&Prediction> = library
        .threads()
        .flat_map(|t| t.predictions.iter())
        .collect();
    assert_eq!(predictions.len(), 1, "nothing added unasked");
    assert_eq!(
        predictions[0].current.probability.permille(),
        700,
        "nor changed"
    );
}
