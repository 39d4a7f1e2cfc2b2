//! Every change is a model edit whose inverse puts the library back (issue 10, items 6–8):
//! random sequences of edits over a small generated library, interleaved with undos, redos and
//! merges of changes made by another program, all recorded in a `History`.
//!
//! - undo all → the shows are as at the start; redo as many → as at the end;
//! - an edit whose target is gone fails and changes nothing;
//! - an edit then its inverse is the identity, and the inverse of the inverse is the edit
//!   again (redo);
//! - no step holds more than the library it changed; the history stays within `MAX_BYTES`.
//!
//! The id counter only grows (ids are never reused), so the start and the end are compared
//! by their shows, and the counter is checked never to go down.

use std::time::{Duration, Instant};

use fan_tracker::model::{
    Anchor, Article, ArticleEntry, ArticleField, ArticleFormat, ArticleId, Edit, History, Library,
    MAX_BYTES, Outcome, Prediction, PredictionField, PredictionId, SavedSuggestion, Show,
    ShowField, ShowId, ShowStatus, SuggestionField, SuggestionState, Thread, ThreadEvent,
    ThreadField, ThreadId, ThreadStatus, add_thread, merge_libraries, remove_article, remove_show,
    set_thread_status,
};
use proptest::prelude::*;

use crate::generate::{LibraryShape, generate_library};

/// One thing done to the library. Numbers pick an item among those present (modulo their
/// count), so every generated sequence applies to whatever the library holds by then.
#[derive(Clone, Debug)]
enum Op {
    Tick(usize, u8),
    RenameThread(usize, String),
    ThreadNote(usize, String),
    DropAnchors(usize),
    /// A passage of some article added to a thread.
    AddPassage(usize, usize),
    MoveThread(usize, usize),
    AddThread(usize, String),
    RemoveThread(usize),
    AddPrediction(usize, u8),
    RemovePrediction(usize),
    Probability(usize, u8),
    Outcome(usize, u8),
    RenameShow(usize, String),
    ShowNote(usize, String),
    ShowStatus(usize, u8),
    OriginalTitle(usize, Option<String>),
    StatusChecked(usize, Option<u8>),
    /// A timeline event removed (`None`) or inserted by hand.
    Event(usize, Option<u8>),
    AddShow(String),
    RemoveShow(usize),
    ArticleNote(usize, String),
    AsOf(usize, Option<u8>),
    /// An article's suggestions cleared (`false`) or set to one suggestion.
    Suggestions(usize, bool),
    AddArticle(usize, String),
    RemoveArticle(usize),
    MoveArticle(usize, usize, usize),
    SuggestionTitle(usize, usize, String),
    SuggestionState(usize, usize, u8),
    /// Typing into a text field letter by letter, 0.2 s apart: one edit per letter, which
    /// the history coalesces into one step.
    Burst(u8, usize, String),
    /// An edit of an item that is not there (never handed out, or deleted).
    Gone(u8),
    /// Another program changes the file (these ops, from the last saved library) and its
    /// change is merged in as one step.
    Merge(Vec<Op>),
    Undo,
    Redo,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z ]{1,12}",
        "[가-힣 ]{1,6}",
        Just("Will the second season be confirmed?".to_owned()),
    ]
}

fn change() -> impl Strategy<Value = Op> {
    let n = 0..64usize;
    prop_oneof![
        (n.clone(), 0..3u8).prop_map(|(t, s)| Op::Tick(t, s)),
        (n.clone(), text()).prop_map(|(t, s)| Op::RenameThread(t, s)),
        (n.clone(), text()).prop_map(|(t, s)| Op::ThreadNote(t, s)),
        n.clone().prop_map(Op::DropAnchors),
        (n.clone(), n.clone()).prop_map(|(t, a)| Op::AddPassage(t, a)),
        (n.clone(), n.clone()).prop_map(|(t, to)| Op::MoveThread(t, to)),
        (n.clone(), text()).prop_map(|(s, t)| Op::AddThread(s, t)),
        n.clone().prop_map(Op::RemoveThread),
        (n.clone(), any::<u8>()).prop_map(|(t, p)| Op::AddPrediction(t, p)),
        n.clone().prop_map(Op::RemovePrediction),
        (n.clone(), any::<u8>()).prop_map(|(p, v)| Op::Probability(p, v)),
        (n.clone(), 0..4u8).prop_map(|(p, v)| Op::Outcome(p, v)),
        (n.clone(), text()).prop_map(|(s, t)| Op::RenameShow(s, t)),
        (n.clone(), text()).prop_map(|(s, t)| Op::ShowNote(s, t)),
        (n.clone(), 0..6u8).prop_map(|(s, v)| Op::ShowStatus(s, v)),
        (n.clone(), proptest::option::of(text())).prop_map(|(s, t)| Op::OriginalTitle(s, t)),
        (n.clone(), proptest::option::of(any::<u8>())).prop_map(|(s, d)| Op::StatusChecked(s, d)),
        (n.clone(), proptest::option::of(any::<u8>())).prop_map(|(s, e)| Op::Event(s, e)),
        text().prop_map(Op::AddShow),
        n.clone().prop_map(Op::RemoveShow),
        (n.clone(), text()).prop_map(|(a, t)| Op::ArticleNote(a, t)),
        (n.clone(), proptest::option::of(any::<u8>())).prop_map(|(a, d)| Op::AsOf(a, d)),
        (n.clone(), text()).prop_map(|(s, t)| Op::AddArticle(s, t)),
        (n.clone(), any::<bool>()).prop_map(|(a, some)| Op::Suggestions(a, some)),
        n.clone().prop_map(Op::RemoveArticle),
        (n.clone(), n.clone(), n.clone()).prop_map(|(a, s, i)| Op::MoveArticle(a, s, i)),
        (n.clone(), 0..3usize, text()).prop_map(|(a, i, t)| Op::SuggestionTitle(a, i, t)),
        (n.clone(), 0..3usize, 0..3u8).prop_map(|(a, i, s)| Op::SuggestionState(a, i, s)),
        (0..8u8).prop_map(Op::Gone),
    ]
}

/// A field typed into: (which kind of field, which item, the text typed).
fn burst() -> impl Strategy<Value = Op> {
    (0..7u8, 0..64usize, "[a-z가 ]{1,6}").prop_map(|(k, n, t)| Op::Burst(k, n, t))
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        12 => change(),
        3 => burst(),
        1 => proptest::collection::vec(change(), 0..6).prop_map(Op::Merge),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

/// A small library with what every edit needs: three shows, one with two articles, threads
/// with passages and predictions, saved suggestions and a timeline.
fn start_library() -> Library {
    let mut library = generate_library(&LibraryShape {
        shows: 3,
        threads: 9,
        notes: 16,
        article_bytes: 300,
    });
    let show = library.shows[1].id;
    let entry = new_article(&mut library, "A later interview");
    library.show_mut(show).expect("show").articles.push(entry);
    let article = library.shows[0].articles[0].id;
    let passage = Anchor::new(article, "a passage", 0);
    library.shows[0].articles[0].suggestions = Some(
        ["Who plays the villain?", "When does filming start?"]
            .into_iter()
            .map(|title| SavedSuggestion {
                title: title.into(),
                passages: vec![passage.clone()],
                best: 0,
                state: SuggestionState::Offered,
            })
            .collect(),
    );
    let thread = library.shows[0].threads[0].id;
    set_thread_status(&library, thread, ThreadStatus::Resolved, day(0))
        .and_then(|edit| edit.apply(&mut library))
        .expect("tick");
    library
}

fn day(offset: u8) -> jiff::civil::Date {
    jiff::civil::date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(i64::from(offset)))
        .expect("a date in 2026")
}

fn new_article(library: &mut Library, title: &str) -> ArticleEntry {
    ArticleEntry::new(
        ArticleId(library.allocate_id()),
        Article {
            title: title.into(),
            as_of: Some(day(40)),
            format: ArticleFormat::PlainText,
            body: "Filming starts in spring.\n\nNobody has said where.".into(),
            source_path: None,
            source_url: None,
        },
    )
}

fn pick<T: Copy>(items: impl Iterator<Item = T>, n: usize) -> Option<T> {
    let items: Vec<T> = items.collect();
    (!items.is_empty()).then(|| items[n % items.len()])
}

fn show_id(library: &Library, n: usize) -> ShowId {
    pick(library.shows.iter().map(|s| s.id), n).unwrap_or(ShowId(u64::MAX))
}

fn thread_id(library: &Library, n: usize) -> ThreadId {
    pick(library.threads().map(|t| t.id), n).unwrap_or(ThreadId(u64::MAX))
}

fn article_id(library: &Library, n: usize) -> ArticleId {
    pick(library.articles().map(|a| a.id), n).unwrap_or(ArticleId(u64::MAX))
}

fn prediction_id(library: &Library, n: usize) -> PredictionId {
    pick(
        library
            .threads()
            .flat_map(|t| t.predictions.iter().map(|p| p.id)),
        n,
    )
    .unwrap_or(PredictionId(u64::MAX))
}

/// The edit `op` stands for on `library` (ids for new items are taken from it), or the error
/// of a helper whose target is gone. `None` for the ops that are not edits.
fn edit_for(library: &mut Library, op: &Op) -> Option<Result<Edit, String>> {
    let today = day(100);
    let edit = match op {
        Op::Tick(t, s) => {
            let status = ThreadStatus::ALL[usize::from(*s) % 3];
            return Some(
                set_thread_status(library, thread_id(library, *t), status, today)
                    .map_err(|e| e.to_string()),
            );
        }
        Op::RenameThread(t, s) => {
            Edit::SetThread(thread_id(library, *t), ThreadField::Title(s.clone()))
        }
        Op::ThreadNote(t, s) => {
            Edit::SetThread(thread_id(library, *t), ThreadField::Note(s.clone()))
        }
        Op::DropAnchors(t) => Edit::SetThread(thread_id(library, *t), ThreadField::Anchors(vec![])),
        Op::AddPassage(t, a) => {
            let thread = thread_id(library, *t);
            let mut anchors = library
                .thread(thread)
                .map(|(_, found)| found.anchors.clone())
                .unwrap_or_default();
            anchors.push(Anchor::new(
                article_id(library, *a),
                "Nobody has said where.",
                1,
            ));
            Edit::SetThread(thread, ThreadField::Anchors(anchors))
        }
        Op::MoveThread(t, to) => Edit::MoveThread {
            thread: thread_id(library, *t),
            to: *to % 12,
        },
        Op::AddThread(s, title) => {
            let show = show_id(library, *s);
            let thread = Thread::new(ThreadId(library.allocate_id()), title.clone(), None);
            return Some(add_thread(library, show, thread, today).map_err(|e| e.to_string()));
        }
        Op::RemoveThread(t) => Edit::RemoveThread(thread_id(library, *t)),
        Op::AddPrediction(t, p) => {
            let thread = thread_id(library, *t);
            let prediction = Prediction::new(PredictionId(library.allocate_id()), "It ends", *p);
            Edit::InsertPrediction {
                thread,
                index: usize::from(*p) % 3,
                prediction,
            }
        }
        Op::RemovePrediction(p) => Edit::RemovePrediction(prediction_id(library, *p)),
        Op::Probability(p, v) => {
            let given = fan_tracker::model::Given {
                probability: fan_tracker::model::Probability::from_pct(*v),
                on: None,
            };
            Edit::SetPrediction(
                prediction_id(library, *p),
                PredictionField::Probability(given),
            )
        }
        Op::Outcome(p, v) => Edit::SetPrediction(
            prediction_id(library, *p),
            PredictionField::Outcome(Outcome::ALL[usize::from(*v) % 4], None),
        ),
        Op::RenameShow(s, t) => Edit::SetShow(show_id(library, *s), ShowField::Title(t.clone())),
        Op::ShowNote(s, t) => Edit::SetShow(show_id(library, *s), ShowField::Note(t.clone())),
        Op::ShowStatus(s, v) => Edit::SetShow(
            show_id(library, *s),
            ShowField::Status(ShowStatus::ALL[usize::from(*v) % 6]),
        ),
        Op::OriginalTitle(s, t) => {
            Edit::SetShow(show_id(library, *s), ShowField::OriginalTitle(t.clone()))
        }
        Op::StatusChecked(s, d) => {
            Edit::SetShow(show_id(library, *s), ShowField::StatusChecked(d.map(day)))
        }
        Op::Event(s, None) => Edit::RemoveEvent {
            show: show_id(library, *s),
            index: *s % 3,
        },
        Op::Event(s, Some(d)) => Edit::InsertEvent {
            show: show_id(library, *s),
            index: usize::from(*d),
            event: ThreadEvent {
                date: day(*d),
                thread: thread_id(library, *s),
                title: "by hand".into(),
                status: ThreadStatus::Dropped,
            },
        },
        Op::AddShow(title) => {
            let mut show = Show::new(ShowId(library.allocate_id()), title.clone());
            show.articles.push(new_article(library, title));
            Edit::InsertShow {
                index: title.len(),
                show: Box::new(show),
            }
        }
        Op::RemoveShow(s) => {
            return Some(remove_show(library, show_id(library, *s)).map_err(|e| e.to_string()));
        }
        Op::ArticleNote(a, t) => {
            Edit::SetArticle(article_id(library, *a), ArticleField::Note(t.clone()))
        }
        Op::AsOf(a, d) => Edit::SetArticle(article_id(library, *a), ArticleField::AsOf(d.map(day))),
        Op::Suggestions(a, some) => {
            let article = article_id(library, *a);
            let suggestions = some.then(|| {
                vec![SavedSuggestion {
                    title: "Where is it filmed?".into(),
                    passages: vec![Anchor::new(article, "Nobody has said where.", 1)],
                    best: 0,
                    state: SuggestionState::Offered,
                }]
            });
            Edit::SetArticle(article, ArticleField::Suggestions(suggestions))
        }
        Op::AddArticle(s, title) => {
            let show = show_id(library, *s);
            Edit::InsertArticle {
                show,
                index: title.len(),
                entry: Box::new(new_article(library, title)),
            }
        }
        Op::RemoveArticle(a) => {
            return Some(
                remove_article(library, article_id(library, *a)).map_err(|e| e.to_string()),
            );
        }
        Op::MoveArticle(a, s, index) => Edit::MoveArticle {
            article: article_id(library, *a),
            to: show_id(library, *s),
            index: *index % 3,
        },
        Op::SuggestionTitle(a, index, t) => Edit::SetSuggestion {
            article: article_id(library, *a),
            index: *index,
            field: SuggestionField::Title(t.clone()),
        },
        Op::SuggestionState(a, index, s) => Edit::SetSuggestion {
            article: article_id(library, *a),
            index: *index,
            field: SuggestionField::State(
                [
                    SuggestionState::Offered,
                    SuggestionState::Dismissed,
                    SuggestionState::Added,
                ][usize::from(*s) % 3],
            ),
        },
        Op::Gone(kind) => gone(library, *kind),
        Op::Burst(..) | Op::Merge(_) | Op::Undo | Op::Redo => return None,
    };
    Some(Ok(edit))
}

/// The edit that sets field `kind` of item `n` to `text` (see [`Op::Burst`]).
fn typed(library: &Library, kind: u8, n: usize, text: &str) -> Edit {
    let text = text.to_owned();
    match kind {
        0 => Edit::SetThread(thread_id(library, n), ThreadField::Note(text)),
        1 => Edit::SetThread(thread_id(library, n), ThreadField::Title(text)),
        2 => Edit::SetShow(show_id(library, n), ShowField::Note(text)),
        3 => Edit::SetShow(show_id(library, n), ShowField::Title(text)),
        4 => Edit::SetArticle(article_id(library, n), ArticleField::Note(text)),
        5 => Edit::SetPrediction(prediction_id(library, n), PredictionField::Statement(text)),
        _ => Edit::SetSuggestion {
            article: article_id(library, n),
            index: n % 3,
            field: SuggestionField::Title(text),
        },
    }
}

/// An edit of an item that is not in the library: an id never handed out, or (as the last
/// part of a batch) after a change that did apply, which must be rolled back.
fn gone(library: &Library, kind: u8) -> Edit {
    let missing = library.next_id_value() + 1_000;
    match kind {
        0 => Edit::SetThread(ThreadId(missing), ThreadField::Note("x".into())),
        1 => Edit::RemoveShow(ShowId(missing)),
        2 => Edit::MoveArticle {
            article: article_id(library, 0),
            to: ShowId(missing),
            index: 0,
        },
        3 => Edit::InsertThread {
            show: ShowId(missing),
            index: 0,
            thread: Box::new(Thread::new(ThreadId(missing), "t", None)),
        },
        4 => Edit::RemovePrediction(PredictionId(missing)),
        5 => Edit::RemoveEvent {
            show: show_id(library, 0),
            index: 10_000,
        },
        6 => Edit::SetSuggestion {
            article: article_id(library, 0),
            index: 99,
            field: SuggestionField::State(SuggestionState::Added),
        },
        _ => Edit::Batch(vec![
            Edit::SetShow(show_id(library, 0), ShowField::Note("half done".into())),
            Edit::RemoveThread(thread_id(library, 0)),
            Edit::RemoveArticle(ArticleId(missing)),
        ]),
    }
}

/// Applies `edit`, checking that its inverse puts the library back and that the inverse of
/// that is the edit again; returns the inverse, or `None` (library unchanged) when it failed.
fn apply_checked(library: &mut Library, edit: Edit) -> Option<Edit> {
    let before = library.clone();
    let inverse = match edit.clone().apply(library) {
        Ok(inverse) => inverse,
        Err(_) => {
            assert_eq!(*library, before, "a failed edit changed the library");
            return None;
        }
    };
    assert!(library.next_id_value() >= before.next_id_value());
    let after = library.clone();
    // No step holds more than the library it changed (a merge holds the one it replaced).
    let whole = Edit::Replace(Box::new(before.clone())).heap_bytes();
    assert!(
        inverse.heap_bytes() <= whole + 64 * std::mem::size_of::<Edit>(),
        "an inverse of {} bytes for a library of {whole}",
        inverse.heap_bytes()
    );
    let mut copy = after.clone();
    let redo = inverse
        .clone()
        .apply(&mut copy)
        .expect("an inverse applies to the state its edit left");
    assert_eq!(copy.shows, before.shows, "the inverse of {edit:?} is not");
    redo.apply(&mut copy)
        .expect("the inverse of an inverse applies");
    assert_eq!(copy.shows, after.shows, "redoing {edit:?} does not");
    Some(inverse)
}

/// Applies each op in turn, recording every applied edit in `history`; merges take their
/// base from `saved`, the library as last saved (the start, then after each merge).
fn run(library: &mut Library, history: &mut History, ops: &[(Op, bool)]) {
    let mut now = Instant::now();
    let mut saved = library.clone();
    for (op, pause) in ops {
        now += if *pause {
            Duration::from_secs(10)
        } else {
            Duration::from_millis(100)
        };
        let next_id = library.next_id_value();
        match op {
            Op::Undo => {
                history.undo(library).expect("an undo step always applies");
            }
            Op::Redo => {
                history.redo(library).expect("a redo step always applies");
            }
            Op::Merge(their_ops) => {
                let mut theirs = saved.clone();
                for their_op in their_ops {
                    if let Some(Ok(edit)) = edit_for(&mut theirs, their_op) {
                        let _ = edit.apply(&mut theirs);
                    }
                }
                let merged = merge_libraries(&saved, library, &theirs).library;
                assert_ids_unique(&merged);
                let inverse = apply_checked(library, Edit::Replace(Box::new(merged)))
                    .expect("a replace always applies");
                history.record("merge".into(), None, inverse, now);
                saved = library.clone();
            }
            Op::Burst(kind, n, text) => {
                let mut typed_so_far = String::new();
                for letter in text.chars() {
                    now += Duration::from_millis(200);
                    typed_so_far.push(letter);
                    let edit = typed(library, *kind, *n, &typed_so_far);
                    let typing = edit.typing_field();
                    assert!(typing.is_some(), "{edit:?} is typing");
                    if let Some(inverse) = apply_checked(library, edit) {
                        history.record("typing".into(), typing, inverse, now);
                    }
                }
            }
            change => {
                // A helper that finds its target gone returns an error and no edit.
                if let Some(Ok(edit)) = edit_for(library, change) {
                    let typing = edit.typing_field();
                    if let Some(inverse) = apply_checked(library, edit) {
                        history.record(format!("{change:?}"), typing, inverse, now);
                    }
                }
            }
        }
        assert!(
            library.next_id_value() >= next_id,
            "the id counter went down"
        );
        assert!(history.heap_bytes() <= MAX_BYTES);
    }
}

fn ops() -> impl Strategy<Value = Vec<(Op, bool)>> {
    proptest::collection::vec((op(), any::<bool>()), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Undo all takes the library back to the start; redo as many takes it to the end.
    #[test]
    fn undo_all_restores_the_start_and_redo_all_the_end(ops in ops()) {
        let start = start_library();
        let mut library = start.clone();
        let mut history = History::new();
        run(&mut library, &mut history, &ops);
        let end = library.clone();
        let mut undone = 0;
        while history.undo(&mut library).expect("undo applies").is_some() {
            undone += 1;
        }
        prop_assert_eq!(&library.shows, &start.shows);
        prop_assert!(library.next_id_value() >= end.next_id_value());
        for _ in 0..undone {
            prop_assert!(history.redo(&mut library).expect("redo applies").is_some());
        }
        prop_assert_eq!(&library.shows, &end.shows);
    }
}

/// A burst of typing is one step, however many letters, and the history's memory stays
/// within `MAX_BYTES` when long notes are replaced again and again (the oldest steps go).
#[test]
fn the_history_stays_within_its_memory_bound_and_the_newest_steps_undo() {
    let mut library = start_library();
    let start = library.clone();
    let thread = library.shows[0].threads[1].id;
    let mut history = History::new();
    let mut now = Instant::now();
    for i in 0..200 {
        now += Duration::from_secs(10);
        let note = format!("{i:03}").repeat(40_000);
        let edit = Edit::SetThread(thread, ThreadField::Note(note));
        let typing = edit.typing_field();
        let inverse = edit.apply(&mut library).expect("note");
        history.record("note".into(), typing, inverse, now);
        assert!(history.heap_bytes() <= MAX_BYTES);
    }
    assert!(history.undo_len() < 200, "old steps were dropped");
    assert!(history.undo_len() >= MAX_BYTES / 120_000 - 1);
    history.undo(&mut library).expect("undo");
    let note = &library.thread(thread).expect("thread").1.note;
    assert_eq!(note, &"198".repeat(40_000));
    // Typing letter by letter in one burst is one step.
    let mut history = History::new();
    let mut library = start.clone();
    let mut typed = String::new();
    for letter in "hello".chars() {
        now += Duration::from_millis(150);
        typed.push(letter);
        let edit = Edit::SetThread(thread, ThreadField::Note(typed.clone()));
        let typing = edit.typing_field();
        let inverse = edit.apply(&mut library).expect("note");
        history.record("note".into(), typing, inverse, now);
    }
    assert_eq!(history.undo_len(), 1);
    history.undo(&mut library).expect("undo");
    assert_eq!(library, start);
}

/// Every show, article, thread and prediction of `library` has an id of its own.
fn assert_ids_unique(library: &Library) {
    let mut ids = std::collections::HashSet::new();
    for id in library.ids() {
        assert!(ids.insert(id), "id {id} twice");
    }
}
