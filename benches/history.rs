//! Undo and redo on the large library (50 shows, 5,000 threads, 10,000 notes, a 1 MB
//! article), and the memory a history of 1,000 edits holds there.
//!
//! - `undo` / `redo`: one step of each kind: a tick (status and timeline event), a note, the
//!   deletion of a thread, the deletion of the show holding the 1 MB article, and a merge of
//!   another program's change (a whole-library replace);
//! - the memory figures are printed before the timings: 1,000 mixed edits (ticks, renames,
//!   notes, predictions, moves, new threads, ten thread deletions and one show deletion) as
//!   [`History::heap_bytes`] counts them, and as a counting allocator sees them (what the
//!   process holds more after the edits, and what dropping the history frees).
//!
//! Budgets (issue 10): undo or redo of one edit ≤ 1 ms; a history of 1,000 edits ≤ 10 MB.
//! Run with `cargo bench --bench history`. Every allocation in this program is counted (two
//! relaxed atomic adds), which the timings include.

#[path = "../tests/support/generate.rs"]
mod generate;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fan_tracker::model::{
    ArticleField, Edit, Given, History, Library, Outcome, Prediction, PredictionField,
    PredictionId, Probability, ShowField, ShowStatus, Thread, ThreadField, ThreadId, ThreadStatus,
    add_thread, merge_libraries, remove_show, set_thread_status,
};
use fan_tracker::storage::{decode, encode};
use generate::{LibraryShape, generate_library};

/// The system allocator, counting the bytes in use.
struct Counting;

/// Bytes allocated and not yet freed, by anything in this program.
static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn main() {
    report_history_memory();
    divan::main();
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 29)
}

/// Bytes in megabytes (10⁶ bytes, the unit of the budget).
fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Ids of every thread, in library order.
fn thread_ids(library: &Library) -> Vec<ThreadId> {
    library.threads().map(|t| t.id).collect()
}

/// Edit number `i` of the mixed sequence of [`report_history_memory`], with its label.
fn mixed_edit(library: &mut Library, i: usize) -> (String, Edit) {
    let threads = thread_ids(library);
    let thread = threads[(i * 37) % threads.len()];
    let (show, found) = library.thread(thread).expect("thread");
    let (show, title, note, status) = (
        show.id,
        found.title.clone(),
        found.note.clone(),
        found.status,
    );
    let prediction = library
        .threads()
        .flat_map(|t| t.predictions.iter().map(|p| p.id))
        .nth(i % 4_000)
        .expect("prediction");
    if i == 500 {
        let last = library.shows.last().expect("show").id;
        return (
            "delete show".into(),
            remove_show(library, last).expect("show"),
        );
    }
    let edit = match i % 10 {
        0 => {
            let to = if status == ThreadStatus::Open {
                ThreadStatus::Resolved
            } else {
                ThreadStatus::Open
            };
            set_thread_status(library, thread, to, today()).expect("tick")
        }
        1 => Edit::SetThread(thread, ThreadField::Title(format!("{title} (renamed)"))),
        2 => Edit::SetThread(
            thread,
            ThreadField::Note(format!("{note} Another source says otherwise.")),
        ),
        // A resolved prediction is locked: its outcome is undone first (issue 19).
        3 => Edit::Batch(vec![
            Edit::SetPrediction(prediction, PredictionField::Outcome(Outcome::Pending, None)),
            Edit::SetPrediction(
                prediction,
                PredictionField::Probability(Given {
                    probability: Probability::from_pct((i % 101) as u8),
                    on: Some(today()),
                }),
            ),
        ]),
        4 => Edit::InsertPrediction {
            thread,
            index: 0,
            prediction: Prediction::new(
                PredictionId(library.allocate_id()),
                "The finale airs before spring",
                60,
            ),
        },
        5 => Edit::MoveThread { thread, to: 0 },
        6 => {
            let article = library.shows[i % library.shows.len()].articles[0].id;
            let note = library.article(article).expect("article").1.note.clone();
            Edit::SetArticle(article, ArticleField::Note(format!("{note} Read twice.")))
        }
        7 => Edit::SetShow(show, ShowField::Status(ShowStatus::ALL[i % 6])),
        8 => {
            let new = Thread::new(
                ThreadId(library.allocate_id()),
                format!("Who returns in season {i}?"),
                None,
            );
            add_thread(library, show, new, today()).expect("show")
        }
        _ if i % 100 == 9 => Edit::RemoveThread(thread),
        _ => Edit::Batch(vec![
            Edit::SetPrediction(prediction, PredictionField::Outcome(Outcome::Pending, None)),
            Edit::SetPrediction(
                prediction,
                PredictionField::Outcome(Outcome::ALL[i % 4], Some(today())),
            ),
        ]),
    };
    (format!("edit {i}"), edit)
}

/// The large library as the app holds it after reading it from its file (strings exactly as
/// long as their text, unlike the generator's).
fn large_library() -> Library {
    let generated = generate_library(&LibraryShape::LARGE);
    decode(&encode(&generated).expect("encode")).expect("decode")
}

/// A merge of another program's change to 20 notes of one show, as one step.
fn merge_edit(library: &Library) -> Edit {
    let mut theirs = library.clone();
    for thread in theirs.shows[3].threads.iter_mut().take(20) {
        thread.note.push_str(" Changed on the phone.");
    }
    Edit::Replace(Box::new(merge_libraries(library, library, &theirs).library))
}

/// Records 1,000 mixed edits (and, with `merge_every`, a merge in place of every n-th) on
/// `library`; prints what the history holds by [`History::heap_bytes`] and by the counting
/// allocator.
fn report_history(library: &mut Library, what: &str, merge_every: Option<usize>) {
    let mut history = History::new();
    let start = live();
    let t0 = Instant::now();
    for i in 0..1_000 {
        let (label, edit) = match merge_every {
            Some(n) if i % n == n - 1 => ("merge".to_owned(), merge_edit(library)),
            _ => mixed_edit(library, i),
        };
        let typing = edit.typing_field();
        let inverse = edit.apply(library).expect("the edit applies");
        // Ten seconds apart: no typing is coalesced, every edit is a step.
        history.record(
            label,
            typing,
            inverse,
            t0 + Duration::from_secs(10 * i as u64),
        );
    }
    let grown = live().saturating_sub(start);
    let before_drop = live();
    let steps = history.undo_len();
    let counted = history.heap_bytes();
    drop(history);
    let freed = before_drop.saturating_sub(live());
    println!(
        "{what}: {steps} steps kept; History::heap_bytes {:.3} MB; counting allocator: the \
         process grew {:.3} MB during the edits (library included), dropping the history \
         freed {:.3} MB (budget 10 MB)",
        mb(counted),
        mb(grown),
        mb(freed)
    );
}

/// Prints what a history of 1,000 edits on the large library holds (see the module docs).
fn report_history_memory() {
    let before = live();
    let mut library = large_library();
    println!(
        "large library in memory, as read from its file: {:.1} MB (counting allocator)",
        mb(live().saturating_sub(before))
    );
    report_history(&mut library, "1,000 mixed edits", None);
    let mut library = large_library();
    report_history(
        &mut library,
        "1,000 mixed edits, every 100th a merge",
        Some(100),
    );
    let mut history = History::new();
    let edit = merge_edit(&library);
    let inverse = edit.apply(&mut library).expect("replace");
    history.record("merge".into(), None, inverse, Instant::now());
    let before_drop = live();
    let counted = history.heap_bytes();
    drop(history);
    println!(
        "one merge step: History::heap_bytes {:.3} MB; dropping it freed {:.3} MB",
        mb(counted),
        mb(before_drop.saturating_sub(live()))
    );
}

const EDITS: [&str; 5] = ["tick", "note", "delete_thread", "delete_show", "merge"];

/// The large library with one recorded edit, undone and redone in turn.
struct Stage {
    library: Library,
    history: History,
    done: bool,
}

impl Stage {
    /// The large library after the edit `name`, recorded.
    fn new(name: &str) -> Self {
        let mut library = large_library();
        let last_thread = *thread_ids(&library).last().expect("thread");
        let edit = match name {
            "tick" => set_thread_status(&library, last_thread, ThreadStatus::Resolved, today())
                .expect("tick"),
            "note" => Edit::SetThread(
                last_thread,
                ThreadField::Note("Confirmed at the press day.".into()),
            ),
            "delete_thread" => Edit::RemoveThread(last_thread),
            "delete_show" => remove_show(&library, library.shows[0].id).expect("show"),
            "merge" => merge_edit(&library),
            other => panic!("unknown edit {other}"),
        };
        let typing = edit.typing_field();
        let inverse = edit.apply(&mut library).expect("the edit applies");
        let mut history = History::new();
        history.record(name.into(), typing, inverse, Instant::now());
        Self {
            library,
            history,
            done: true,
        }
    }

    fn undo(&mut self) -> String {
        assert!(self.done);
        self.done = false;
        self.history
            .undo(&mut self.library)
            .expect("undo applies")
            .expect("a step to undo")
    }

    fn redo(&mut self) -> String {
        assert!(!self.done);
        self.done = true;
        self.history
            .redo(&mut self.library)
            .expect("redo applies")
            .expect("a step to redo")
    }
}

/// Undo of one step (the step is redone before each sample, outside the measurement).
#[divan::bench(args = EDITS, sample_count = 200, sample_size = 1)]
fn undo(bencher: divan::Bencher, name: &str) {
    let stage = RefCell::new(Stage::new(name));
    bencher
        .with_inputs(|| {
            let mut stage = stage.borrow_mut();
            if !stage.done {
                stage.redo();
            }
        })
        .bench_local_values(|()| stage.borrow_mut().undo());
}

/// Redo of one step (the step is undone before each sample, outside the measurement).
#[divan::bench(args = EDITS, sample_count = 200, sample_size = 1)]
fn redo(bencher: divan::Bencher, name: &str) {
    let stage = RefCell::new(Stage::new(name));
    bencher
        .with_inputs(|| {
            let mut stage = stage.borrow_mut();
            if stage.done {
                stage.undo();
            }
        })
        .bench_local_values(|()| stage.borrow_mut().redo());
}
