//! `fan-tracker import-backup FILE`: merges a backup (any library file, any format version)
//! into the data folder's library item by item, without a window (issue 20, item 5; the
//! rules are [`crate::model::merge_in`]'s, as *File → Import backup…* in the window).
//!
//! It writes the data folder, so it takes the writer lock like a window: while a window holds
//! the folder it refuses in words with status 1 and changes nothing (the window's *File →
//! Import backup…* does the same merge). The library from before is kept as a backup.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::model::{Library, merge_in_with};
use crate::storage::{Notice, SaveOutcome, SaveRequest, Store, article_text_key};

/// Arguments of `fan-tracker import-backup`.
#[derive(Debug, clap::Args)]
pub struct ImportBackupArgs {
    /// The backup to merge in: a library file of any Fan Tracker version (a file from
    /// `backups/`, `export --json`, or a sync tool's conflict copy).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Merges `args.file` into the library of the data folder `data_dir` and saves it (the
/// library from before kept as a backup); says on standard output what was added and, one a
/// line, each field that differed (the library's own value kept), and what reading the
/// backup put right or found missing (an article text whose file is not there).
///
/// Errors, in words (the caller prints them and exits with status 1), with nothing changed:
/// the backup cannot be read or is not a library; a window holds the data folder; the folder
/// cannot be used; it has no library but backups (restore one in the window first); the
/// merge cannot be saved.
pub fn run(args: &ImportBackupArgs, data_dir: &Path) -> anyhow::Result<()> {
    let loaded = Store::load_file(&args.file)?;
    let theirs = loaded.library;
    let opened = Store::open(data_dir)?;
    if opened.store.is_unusable() {
        bail!(
            "the data folder {} cannot be written, so nothing was imported or changed",
            data_dir.display()
        );
    }
    if opened.store.is_waiting_for_shows() {
        let said: Vec<String> = opened.notices.iter().map(ToString::to_string).collect();
        bail!(
            "the library in the data folder {} is not whole, so nothing was imported or changed: {}",
            data_dir.display(),
            said.join(" ")
        );
    }
    if opened.store.is_read_only() {
        bail!(
            "a Fan Tracker window is using the data folder {}, so nothing was imported or changed; use File → Import backup… in that window, or close it and run this again",
            data_dir.display()
        );
    }
    for notice in &opened.notices {
        if let Notice::MissingLibrary { backup, .. } = notice {
            bail!(
                "the data folder {} has no library.json but has backups (the newest is {}); open Fan Tracker and restore one (File → Restore a backup…) before importing, so nothing was changed",
                data_dir.display(),
                backup.display()
            );
        }
        eprintln!("fan-tracker: {notice}");
    }
    let mut store = opened.store;
    // A folder without a library starts empty, so an export imported there is that library.
    let ours = opened.library.unwrap_or_else(Library::empty);
    // Articles matched by their content hash: a placeholder for a missing article file
    // matches the text it stands for.
    let merged = merge_in_with(&ours, &theirs, &article_text_key);
    let name = args.file.display();
    if merged.changed(&ours) {
        let request = SaveRequest {
            force_backup: true,
            ..SaveRequest::new(merged.library)
        };
        let outcome = store
            .save(&request)
            .with_context(|| format!("the import of {name} could not be saved"))?;
        if let SaveOutcome::ChangedOnDisk { .. } = outcome {
            bail!(
                "the library changed on disk while {name} was being imported, so nothing was imported; run the command again"
            );
        }
    }
    println!("Imported {name}: {}.", merged.added);
    for repair in &loaded.repairs {
        println!("While {name} was read: {repair}.");
    }
    if !merged.conflicts.is_empty() {
        println!(
            "{} differed; the library's own values are kept (the other values are in {name}):",
            match merged.conflicts.len() {
                1 => "1 thing".to_owned(),
                n => format!("{n} things"),
            }
        );
        for conflict in &merged.conflicts {
            println!("  - {conflict}");
        }
    }
    store
        .close()
        .context("the data folder could not be closed")?;
    Ok(())
}
