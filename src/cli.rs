//! Command-line arguments.

use std::path::PathBuf;

use clap::{CommandFactory as _, Parser, Subcommand};

pub mod export;
pub mod suggest;

/// Fan Tracker: read an article about a show, keep a checklist of its open story threads,
/// write notes and score your predictions. Everything is saved locally; no account, no network.
#[derive(Debug, Parser)]
#[command(
    name = "fan-tracker",
    version,
    about,
    long_about = None,
    override_usage = "fan-tracker [OPTIONS] [FILE]\n       fan-tracker [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// An article to open: plain text, Markdown (.md) or a web page (.html), filed under the
    /// show it names or a new show (reopened if already imported).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Where to keep your data instead of the platform's data folder.
    #[arg(long, value_name = "DIR", env = "FAN_TRACKER_DATA_DIR", global = true)]
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
    /// Write the library to a JSON file in the current format, or its predictions to a CSV
    /// file, without opening a window.
    ///
    /// Reads the data folder's library (see --data-dir), migrating an older format in memory,
    /// and writes FILE. Read-only on the data folder: it takes no lock and writes nothing
    /// there, so it works while a window has the folder open.
    Export(export::ExportArgs),
}

impl Cli {
    /// The command line, parsed; exits with clap's message and status 2 when it is not valid,
    /// including an article FILE given together with a command.
    pub fn parse_checked() -> Self {
        let cli = Self::parse();
        if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
            Self::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!(
                        "an article to open ({}) cannot be given with a command",
                        file.display()
                    ),
                )
                .exit();
        }
        cli
    }

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
