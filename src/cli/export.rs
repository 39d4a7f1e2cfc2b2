//! `fan-tracker export --json FILE`: the library written in the current format, without a
//! window (issue 10), so a library (migrated from an older format, for one) can be checked or
//! kept elsewhere (a backup, issue 20); `--predictions-csv FILE`: every prediction as CSV
//! (issue 19, see [`storage::predictions_csv`]); `--markdown DIR`: one Markdown note per show
//! (issue 20, see [`storage::markdown_files`]).
//!
//! An existing JSON file or Markdown note is not replaced unless `--force` is given: the
//! command refuses, naming them, before anything is written.
//!
//! Read-only on the data folder: it takes no lock and writes, copies, moves or migrates
//! nothing there, so it works while a window has the folder open. An older format is
//! migrated in memory only.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::storage::{self, LIBRARY_FILE, Loaded, RealFs, StorageError};

/// Arguments of `fan-tracker export`: at least one of `--json`, `--predictions-csv` and
/// `--markdown`, and `--force`.
#[derive(Debug, clap::Args)]
#[group(skip)]
#[command(group(
    clap::ArgGroup::new("what")
        .required(true)
        .multiple(true)
        .args(["json", "predictions_csv", "markdown"])
))]
pub struct ExportArgs {
    /// Where to write the library file as it is, in the current format: a backup (refused if
    /// the file exists, unless --force; written atomically; outside the data folder).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Where to write every prediction as CSV, one row per prediction, header
    /// `show,thread,statement,probability_pct,made_on,resolve_by,outcome,brier,updates`
    /// (replaced atomically if it exists; outside the data folder).
    #[arg(long, value_name = "FILE")]
    pub predictions_csv: Option<PathBuf>,
    /// Into which folder to write one Markdown note per show, for Obsidian or any Markdown
    /// reader: its properties, threads as a task list with notes, predictions and the
    /// passages they point at, and its articles with their sources (the folder is made if
    /// missing; refused if a note's file exists, unless --force; outside the data folder).
    #[arg(long, value_name = "DIR")]
    pub markdown: Option<PathBuf>,
    /// Replace the JSON file or Markdown notes if they already exist.
    #[arg(long)]
    pub force: bool,
}

/// Reads the library of the data folder `data_dir`, writes it to `args.json` in the current
/// format ([`storage::encode_revision`], keeping the file's save revision), its predictions to
/// `args.predictions_csv` and its shows as Markdown notes into `args.markdown`, and says what
/// was written on standard output (and anything the loader put right on standard error).
///
/// Errors, in words: the folder has no library file, it cannot be read or is not a library
/// (damaged, or written by a newer Fan Tracker), a file or folder to write is inside the data
/// folder, the JSON file or a Markdown note exists and `args.force` is not set (refused
/// before anything is written), or something cannot be written. The caller prints the error
/// and exits with status 1.
pub fn run(args: &ExportArgs, data_dir: &Path) -> anyhow::Result<()> {
    let library_path = data_dir.join(LIBRARY_FILE);
    for file in args
        .json
        .iter()
        .chain(&args.predictions_csv)
        .chain(&args.markdown)
    {
        refuse_inside(data_dir, file)?;
    }
    if let Some(json) = &args.json
        && json.is_file()
        && !args.force
    {
        bail!(
            "{} already exists; pass --force to replace it",
            json.display()
        );
    }
    let loaded = read(&library_path)?;
    for repair in &loaded.repairs {
        eprintln!("fan-tracker: put right while reading: {repair}");
    }
    let notes = match &args.markdown {
        Some(dir) => Some((dir, markdown_notes(&loaded.library, dir, args.force)?)),
        None => None,
    };
    if let Some(csv) = &args.predictions_csv {
        let bytes = storage::predictions_csv(&loaded.library)?;
        storage::FileSystem::write_atomic(&RealFs, csv, &bytes)
            .with_context(|| format!("could not write {}", csv.display()))?;
        let count: usize = loaded.library.threads().map(|t| t.predictions.len()).sum();
        println!("Wrote {}: {count} predictions as CSV", csv.display());
    }
    if let Some((dir, files)) = notes {
        let written = storage::write_markdown_files(&RealFs, dir, &files, args.force)?;
        println!(
            "Wrote {}: {} as Markdown",
            dir.display(),
            counted(written.len(), "note", "notes")
        );
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

/// The Markdown notes of `library` for the folder `dir`, or a refusal naming those already
/// there when `force` is not set.
fn markdown_notes(
    library: &crate::model::Library,
    dir: &Path,
    force: bool,
) -> anyhow::Result<Vec<storage::MarkdownFile>> {
    let files = storage::markdown_files(library)?;
    let there = storage::existing_names(dir, &files);
    if !force && !there.is_empty() {
        bail!(
            "{}; pass --force to replace {}",
            storage::MarkdownError::Exists {
                dir: dir.to_owned(),
                names: there.clone(),
            },
            if there.len() == 1 { "it" } else { "them" }
        );
    }
    Ok(files)
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
