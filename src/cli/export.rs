//! `fan-tracker export --json FILE`: the library written in the current format, without a
//! window (issue 10), so a library (migrated from an older format, for one) can be checked or
//! kept elsewhere; `--predictions-csv FILE`: every prediction as CSV (issue 19, see
//! [`storage::predictions_csv`]).
//!
//! Read-only on the data folder: it takes no lock and writes, copies, moves or migrates
//! nothing there, so it works while a window has the folder open. An older format is
//! migrated in memory only.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::storage::{self, LIBRARY_FILE, Loaded, RealFs, StorageError};

/// Arguments of `fan-tracker export`: at least one of `--json` and `--predictions-csv`.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = true)]
pub struct ExportArgs {
    /// Where to write the library as JSON in the current format (replaced atomically if it
    /// exists; outside the data folder).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Where to write every prediction as CSV, one row per prediction, header
    /// `show,thread,statement,probability_pct,made_on,resolve_by,outcome,brier,updates`
    /// (replaced atomically if it exists; outside the data folder).
    #[arg(long, value_name = "FILE")]
    pub predictions_csv: Option<PathBuf>,
}

/// Reads the library of the data folder `data_dir`, writes it to `args.json` in the current
/// format ([`storage::encode_revision`], keeping the file's save revision) and says what was
/// written on standard output (and anything the loader put right on standard error).
///
/// Errors, in words: the folder has no library file, it cannot be read or is not a library
/// (damaged, or written by a newer Fan Tracker), `args.json` is inside the data folder, or it
/// cannot be written. The caller prints the error and exits with status 1.
pub fn run(args: &ExportArgs, data_dir: &Path) -> anyhow::Result<()> {
    let library_path = data_dir.join(LIBRARY_FILE);
    for file in args.json.iter().chain(&args.predictions_csv) {
        refuse_inside(data_dir, file)?;
    }
    let loaded = read(&library_path)?;
    for repair in &loaded.repairs {
        eprintln!("fan-tracker: put right while reading: {repair}");
    }
    if let Some(csv) = &args.predictions_csv {
        let bytes = storage::predictions_csv(&loaded.library)?;
        storage::FileSystem::write_atomic(&RealFs, csv, &bytes)
            .with_context(|| format!("could not write {}", csv.display()))?;
        let count: usize = loaded.library.threads().map(|t| t.predictions.len()).sum();
        println!("Wrote {}: {count} predictions as CSV", csv.display());
    }
    let Some(json) = &args.json else {
        return Ok(());
    };
    let bytes =
        storage::encode_revision(&loaded.library, loaded.revision).map_err(StorageError::Encode)?;
    storage::FileSystem::write_atomic(&RealFs, json, &bytes)
        .with_context(|| format!("could not write {}", json.display()))?;
    let shows = loaded.library.shows.len();
    let articles = loaded.library.articles().count();
    let threads = loaded.library.threads().count();
    let migrated = if loaded.version < storage::CURRENT_FORMAT_VERSION {
        format!(
            " (migrated from format {}; {} is left as it is)",
            loaded.version,
            library_path.display()
        )
    } else {
        String::new()
    };
    println!(
        "Wrote {}: {}, {}, {}, format {}{migrated}",
        json.display(),
        counted(shows, "show", "shows"),
        counted(articles, "article", "articles"),
        counted(threads, "thread", "threads"),
        storage::CURRENT_FORMAT_VERSION,
    );
    Ok(())
}

/// `n` and the noun, singular for one: "1 show", "2 shows", "0 shows".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The library file at `path`, read and decoded (migrated in memory when older, repaired).
fn read(path: &Path) -> anyhow::Result<Loaded> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => bail!(
            "there is no library to export: {} does not exist (pass --data-dir DIR for another data folder)",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("could not read {}", path.display())),
    };
    storage::decode_file_at(&bytes, path)
        .map_err(|source| StorageError::Unreadable {
            path: path.to_owned(),
            source,
        })
        .map_err(Into::into)
}

/// Refuses an export file inside the data folder `data_dir` (it would be written where the
/// window keeps its files, or over the library itself), also through a symbolic link.
fn refuse_inside(data_dir: &Path, file: &Path) -> anyhow::Result<()> {
    if storage::is_inside_folder(data_dir, file) {
        bail!(
            "{} is inside the data folder {}; export to a file elsewhere",
            file.display(),
            data_dir.display()
        );
    }
    Ok(())
}
#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn counts_read_in_words() {
        assert_eq!(counted(1, "show", "shows"), "1 show");
        assert_eq!(counted(0, "show", "shows"), "0 shows");
        assert_eq!(counted(2, "thread", "threads"), "2 threads");
    }
}
