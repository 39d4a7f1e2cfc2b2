//! Save and load of generated libraries at three sizes (a quarter, half and all of the large
//! library: 50 shows, 5,000 threads, 10,000 notes, a 1 MB article), to show they grow
//! linearly.
//!
//! - `encode`: the library to JSON bytes (on the saving thread, from a shared snapshot: the UI
//!   thread only hands over an `Arc`);
//! - `write`: the rest of what the saving thread does (check the file on disk, replace it
//!   atomically with fsync);
//! - `save`: both;
//! - `load`: opening the data folder as the app does at start (lock, read, decode);
//! - `load_v1`: the same for a format 1 file of the same library, migrated on reading (and
//!   kept whole as a backup before anything new is written, as on a first launch after an
//!   update);
//! - `decode_v1` / `decode_v2`: bytes to library only, format 1 (with its migration) and 2.
//!
//! Budgets: save and load of the large library each ≤ 50 ms (issue 4); load of the large
//! format 1 file with its migration ≤ 2 × the load of format 2 (issue 10). Run with
//! `cargo bench --bench storage`.

#[path = "../tests/support/generate.rs"]
mod generate;
#[path = "../tests/support/v1_file.rs"]
mod v1_file;

use fan_tracker::model::Library;
use fan_tracker::storage::format::decode_file;
use fan_tracker::storage::{LIBRARY_FILE, SaveRequest, Store, encode};
use generate::{LibraryShape, generate_library};

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

/// Open a data folder holding the library as a format 1 file: read, migrate, repair, and keep
/// the format 1 file whole as `library.format1*.json` (removed again before each sample, so
/// each sample writes it as a first launch does).
#[divan::bench(args = DIVISORS, sample_count = 30, sample_size = 1)]
fn load_v1(bencher: divan::Bencher, divisor: usize) {
    let bytes = v1_file::v1_bytes(&library(divisor));
    let dir = tempfile::tempdir().expect("temp dir");
    bencher
        .with_inputs(|| {
            for entry in std::fs::read_dir(dir.path()).expect("list") {
                let path = entry.expect("entry").path();
                if path.is_file() {
                    std::fs::remove_file(&path).expect("remove");
                }
            }
            std::fs::write(dir.path().join(LIBRARY_FILE), &bytes).expect("write v1");
        })
        .bench_local_values(|()| {
            let opened = Store::open(dir.path()).expect("open");
            assert!(!opened.notices.is_empty(), "the migration is told");
            opened.library.expect("library read")
        });
}

/// Format 1 bytes to the library (migration and repair included), no file access.
#[divan::bench(args = DIVISORS, sample_count = 30)]
fn decode_v1(bencher: divan::Bencher, divisor: usize) {
    let bytes = v1_file::v1_bytes(&library(divisor));
    bencher.bench_local(|| decode_file(&bytes).expect("format 1 decodes"));
}

/// Format 2 bytes (as saved) to the library, no file access.
#[divan::bench(args = DIVISORS, sample_count = 30)]
fn decode_v2(bencher: divan::Bencher, divisor: usize) {
    let bytes = encode(&library(divisor)).expect("encode");
    bencher.bench_local(|| decode_file(&bytes).expect("format 2 decodes"));
}
