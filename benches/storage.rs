//! Save and load of generated libraries at three sizes (a quarter, half and all of the large
//! library: 50 dossiers, 5,000 threads, 10,000 notes, a 1 MB article), to show they grow
//! linearly.
//!
//! - `encode`: the library to JSON bytes (on the saving thread, from a shared snapshot: the UI
//!   thread only hands over an `Arc`);
//! - `write`: the rest of what the saving thread does (check the file on disk, replace it
//!   atomically with fsync);
//! - `save`: both;
//! - `load`: opening the data folder as the app does at start (lock, read, decode).
//!
//! Budget (issue 4): save and load of the large library each ≤ 50 ms. Run with
//! `cargo bench --bench storage`.

use fan_tracker::model::{Library, LibraryShape, generate_library};
use fan_tracker::storage::{SaveRequest, Store, encode};

fn main() {
    divan::main();
}

/// A plain save of `library`.
fn request(library: &Library) -> SaveRequest {
    SaveRequest::new(library.clone())
}

const DIVISORS: [usize; 3] = [4, 2, 1];

fn library(divisor: usize) -> Library {
    generate_library(&LibraryShape::LARGE.divided_by(divisor))
}

/// The library to bytes.
#[divan::bench(args = DIVISORS)]
fn encode_library(bencher: divan::Bencher, divisor: usize) {
    let library = library(divisor);
    bencher.bench_local(|| encode(&library));
}

/// One save on the saving thread, the request built beforehand (the store encodes the
/// library with its revision, so this includes encoding).
#[divan::bench(args = DIVISORS, sample_count = 30)]
fn write(bencher: divan::Bencher, divisor: usize) {
    let request = request(&library(divisor));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open").store;
    store.save(&request).expect("first save");
    bencher.bench_local(|| store.save(&request).expect("save"));
}

/// Encode and write: a whole save.
#[divan::bench(args = DIVISORS, sample_count = 30)]
fn save(bencher: divan::Bencher, divisor: usize) {
    let library = library(divisor);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open").store;
    store.save(&request(&library)).expect("first save");
    bencher.bench_local(|| store.save(&request(&library)).expect("save"));
}

/// Open the data folder and read the library, as at start.
#[divan::bench(args = DIVISORS, sample_count = 30)]
fn load(bencher: divan::Bencher, divisor: usize) {
    let library = library(divisor);
    let dir = tempfile::tempdir().expect("temp dir");
    Store::open(dir.path())
        .expect("open")
        .store
        .save(&request(&library))
        .expect("save");
    bencher.bench_local(|| {
        let opened = Store::open(dir.path()).expect("open");
        assert!(!opened.store.is_read_only());
        // The library is dropped outside the measurement; the store (and its lock) here.
        opened.library.expect("library read")
    });
}
