//! Command-line arguments.

use std::path::{Path, PathBuf};

use clap::{CommandFactory as _, Parser, Subcommand};

pub mod export;
pub mod import_backup;
pub mod suggest;

/// Fan Tracker: read an article about a show, keep a checklist of its open story threads,
/// write notes and score your predictions. Everything is saved locally; no account, no network.
#[derive(Debug, Parser)]
#[command(
    name = "fan-tracker",
    version,
    about,
    long_about = None,
    subcommand_precedence_over_arg = true,
    override_usage = "fan-tracker [OPTIONS] [FILE]...\n       fan-tracker [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// Articles to open: plain text, Markdown (.md) or web pages (.html), each filed under the
    /// show it names or a new show (reopened if already imported). When a window is already
    /// open on the data folder, they are opened in it.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

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
    /// Write the library to a JSON file in the current format (a backup), its predictions to a
    /// CSV file, or its shows as Markdown notes, without opening a window.
    ///
    /// Reads the data folder's library (see --data-dir), migrating an older format in memory,
    /// and writes FILE (or the notes into DIR); an existing JSON file or note is replaced only
    /// with --force. Read-only on the data folder: it takes no lock and writes nothing
    /// there, so it works while a window has the folder open.
    Export(export::ExportArgs),
    /// Merge a backup (any Fan Tracker library file) into the library item by item, without
    /// opening a window.
    ///
    /// Shows, articles, threads and predictions are matched by id and content; where both
    /// hold a different value the library's own is kept, and each such field is listed. A
    /// note of the backup's is kept below the library's, marked. Importing the same backup
    /// twice adds nothing. Refused, with nothing changed, while a window has the data folder
    /// open (use File → Import backup… there).
    ImportBackup(import_backup::ImportBackupArgs),
}

impl Cli {
    /// The command line, parsed, with each FILE made absolute (a window already open may have
    /// another working folder). Exits with clap's message and status 2 when it is not valid:
    /// an article FILE given together with a command, a FILE that does not exist (before
    /// anything is created; a word that is no file is told as an unknown command).
    pub fn parse_checked() -> Self {
        let mut cli = Self::parse();
        if let (Some(file), Some(_)) = (cli.files.first(), &cli.command) {
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
        for file in &mut cli.files {
            match check_file(file) {
                Ok(absolute) => *file = absolute,
                Err((kind, message)) => Self::command().error(kind, message).exit(),
            }
        }
        cli
    }

    /// The data folder: `--data-dir`, else the platform's (e.g. `~/.local/share/fan-tracker`).
    pub fn resolve_data_dir(&self) -> anyhow::Result<PathBuf> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        directories::ProjectDirs::from("", "", crate::shell::DATA_FOLDER_NAME)
            .map(|dirs| dirs.data_dir().to_owned())
            .ok_or_else(|| anyhow::anyhow!("could not find your home folder; pass --data-dir DIR"))
    }
}

/// `file` made absolute, or why it cannot be opened: it does not exist (a bare word such as
/// `frobnicate`, with no folder and no extension, is told as an unknown command, with the
/// commands there are).
fn check_file(file: &Path) -> Result<PathBuf, (clap::error::ErrorKind, String)> {
    if file.exists() {
        return std::path::absolute(file).map_err(|e| {
            (
                clap::error::ErrorKind::Io,
                format!("cannot open {}: {e}", file.display()),
            )
        });
    }
    let word = file.components().count() == 1 && file.extension().is_none();
    if word {
        let commands: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| format!("'{}'", c.get_name()))
            .collect();
        return Err((
            clap::error::ErrorKind::InvalidSubcommand,
            format!(
                "unrecognized subcommand '{}', and no file has that name\n\n  \
                 tip: the commands are {}; see 'fan-tracker --help'",
                file.display(),
                commands.join(", ")
            ),
        ));
    }
    Err((
        clap::error::ErrorKind::ValueValidation,
        format!("there is no file {}", file.display()),
    ))
}
