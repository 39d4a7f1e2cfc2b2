//! Find on the large library (issue 20, item 3): 50 shows, 5,000 threads, 10,000 notes, a
//! 1 MB article (see `tests/support/generate.rs`).
//!
//! - `search_keystroke`: one search as a keystroke starts it, for each prefix of a query typed
//!   letter by letter (a one-letter query is the worst case: the most hits to count); the
//!   hits of the 1 MB article are kept to step through, as when it is open;
//! - `build_index`: the index built from nothing (when Find first opens; every article
//!   parsed and folded), and built again after an edit to a note (articles reused).
//!
//! Budget: a keystroke's search ≤ 10 ms. Both run on the jobs runtime, never in a frame.
//! Run with `cargo bench --bench search`.

#[path = "../tests/support/generate.rs"]
mod generate;

use std::sync::LazyLock;

use fan_tracker::model::Library;
use fan_tracker::model::search::SearchIndex;
use generate::{LibraryShape, generate_library};

fn main() {
    divan::main();
}

static LIBRARY: LazyLock<Library> = LazyLock::new(|| generate_library(&LibraryShape::LARGE));
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::build(&LIBRARY, None, 1));

/// Queries typed letter by letter: each prefix is one keystroke's search.
const TYPED: [&str; 4] = ["s", "se", "season", "butterfly promise"];

#[divan::bench(args = TYPED, sample_count = 50)]
fn search_keystroke(bencher: divan::Bencher, query: &str) {
    let article = LIBRARY.shows[0].articles[0].id;
    let index = &*INDEX;
    bencher.bench_local(|| index.search(divan::black_box(query), Some(article)));
}

/// A query found nowhere (every text still scanned) and one in Hangul.
#[divan::bench(args = ["zzqx", "괜찮아"], sample_count = 50)]
fn search_no_hit(bencher: divan::Bencher, query: &str) {
    let index = &*INDEX;
    bencher.bench_local(|| index.search(divan::black_box(query), None));
}

#[divan::bench(sample_count = 5)]
fn build_index_from_nothing(bencher: divan::Bencher) {
    bencher.bench_local(|| SearchIndex::build(&LIBRARY, None, 1));
}

#[divan::bench(sample_count = 20)]
fn build_index_after_a_note_edit(bencher: divan::Bencher) {
    let mut edited = LIBRARY.clone();
    edited.shows[3].threads[2].note.push_str(" One more line.");
    let before = &*INDEX;
    bencher.bench_local(|| SearchIndex::build(&edited, Some(before), 2));
}
