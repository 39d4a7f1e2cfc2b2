//! Writes a generated library into a data folder, for benchmarks and `scripts/bench-startup.sh`.
//!
//! Usage: `gen_library DATA_DIR [DIVISOR]`: the large library of the performance budgets
//! (50 shows, 5,000 threads, 10,000 notes, a 1 MB article), or every count divided by
//! DIVISOR. The folder is created; an existing `library.json` in it is replaced.

#[path = "../tests/support/generate.rs"]
mod generate;

use anyhow::Context as _;
use fan_tracker::storage::{SaveRequest, Store, encode};
use generate::{LibraryShape, generate_library};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let dir = args
        .next()
        .context("usage: gen_library DATA_DIR [DIVISOR]")?;
    let divisor: usize = match args.next() {
        Some(arg) => arg
            .to_str()
            .and_then(|s| s.parse().ok())
            .context("DIVISOR must be a whole number")?,
        None => 1,
    };
    let shape = LibraryShape::LARGE.divided_by(divisor);
    let library = generate_library(&shape);
    let bytes = encode(&library).context("could not encode the library")?;
    let dir = std::path::PathBuf::from(dir);
    let mut opened = Store::open(&dir).context("could not open the data folder")?;
    opened
        .store
        .save(&SaveRequest::new(library))
        .context("could not write the library")?;
    println!(
        "{}: {shape:?}, {} bytes",
        dir.join(fan_tracker::storage::LIBRARY_FILE).display(),
        bytes.len()
    );
    Ok(())
}
