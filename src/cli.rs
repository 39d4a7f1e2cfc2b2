//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub mod suggest;

/// Fan Tracker: read an article about a show, keep a checklist of its open story threads,
/// write notes and score your predictions. Everything is saved locally; no account, no network.
#[derive(Debug, Parser)]
#[command(
    name = "fan-tracker",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// An article to open as a new dossier: plain text, Markdown (.md) or a web page (.html)
    /// (reopened if already imported).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Where to keep your data instead of the platform's data folder.
    #[arg(long, value_name = "DIR", env = "FAN_TRACKER_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// A command that runs without opening the window.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Commands that print to the terminal instead of opening the window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Print the open questions an article raises (its suggested threads), without opening a
    /// window.
    Suggest(suggest::SuggestArgs),
}

impl Cli {
    /// The data folder: `--data-dir`, else the platform's (e.g. `~/.local/share/fan-tracker`).
    pub fn resolve_data_dir(&self) -> anyhow::Result<PathBuf> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        directories::ProjectDirs::from("", "", "fan-tracker")
            .map(|dirs| dirs.data_dir().to_owned())
            .ok_or_else(|| anyhow::anyhow!("could not find your home folder; pass --data-dir DIR"))
    }
}
