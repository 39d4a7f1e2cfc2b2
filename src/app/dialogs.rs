//! The system's file dialogs, shown from a job (never on the UI thread) through `rfd`'s async
//! dialogs: the desktop portal on Linux (zenity when there is no portal), the native dialogs on
//! Windows and macOS.
//!
//! `rfd` answers "cancelled" both when the fan cancels and when no dialog could be shown at
//! all, so before showing one the job checks that the system has a way to show it
//! ([`dialog_available`]); when it has none, the job comes back as [`Command::NoDialog`] and the
//! window says what else to do.

use std::path::PathBuf;

use super::command::Command;

/// Which dialog, and what its answer leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Open an article file, then [`Command::ImportFile`].
    OpenArticle,
    /// Choose a folder, then [`Command::SaveToFolder`].
    SaveToFolder,
    /// Choose a file name, then [`Command::ExportLibrary`].
    ExportFile,
    /// Choose a file name, then [`Command::WritePredictionsCsv`].
    PredictionsCsv,
    /// Choose a folder, then [`Command::ExportMarkdown`].
    MarkdownFolder,
    /// Open a backup (a library file), then [`Command::ImportBackup`].
    ImportBackup,
}

impl DialogKind {
    /// What the dialog is for, as the status line would say it.
    pub fn label(self) -> &'static str {
        match self {
            Self::OpenArticle => "the file dialog",
            Self::SaveToFolder => "the folder dialog",
            Self::ExportFile => "the export dialog",
            Self::PredictionsCsv => "the CSV export dialog",
            Self::MarkdownFolder => "the Markdown export dialog",
            Self::ImportBackup => "the import dialog",
        }
    }
}

/// Shows the dialog `kind` and waits for the answer (on a job's thread): the command the
/// answer leads to, [`Command::NoDialog`] when the system cannot show one, `None` when the fan
/// cancelled.
pub fn show(kind: DialogKind) -> Option<Command> {
    if !dialog_available() {
        return Some(Command::NoDialog(kind));
    }
    let dialog = rfd::AsyncFileDialog::new();
    let picked: Option<PathBuf> = match kind {
        DialogKind::OpenArticle => {
            let dialog = dialog
                .set_title("Open an article")
                .add_filter(
                    "Articles (text, Markdown or web pages)",
                    &["txt", "text", "md", "markdown", "html", "htm"],
                )
                .add_filter("All files", &["*"]);
            path_of(dialog.pick_file())
        }
        DialogKind::ImportBackup => {
            let dialog = dialog
                .set_title("Import a backup into the library")
                .add_filter("Fan Tracker library (JSON)", &["json"])
                .add_filter("All files", &["*"]);
            path_of(dialog.pick_file())
        }
        DialogKind::SaveToFolder => {
            let dialog = dialog.set_title("Save the library in this folder");
            path_of(dialog.pick_folder())
        }
        DialogKind::ExportFile => {
            let dialog = dialog
                .set_title("Export the library")
                .set_file_name("fan-tracker-library.json")
                .add_filter("JSON", &["json"]);
            path_of(dialog.save_file())
        }
        DialogKind::PredictionsCsv => {
            let dialog = dialog
                .set_title("Export predictions (CSV)")
                .set_file_name("predictions.csv")
                .add_filter("CSV", &["csv"]);
            path_of(dialog.save_file())
        }
        DialogKind::MarkdownFolder => {
            let dialog = dialog.set_title("Export as Markdown: choose a folder for the notes");
            path_of(dialog.pick_folder())
        }
    };
    picked.map(|path| answer(kind, path))
}

/// Waits (on the dialog's own thread) for the file or folder picked in a dialog, if one was.
fn path_of(picked: impl Future<Output = Option<rfd::FileHandle>>) -> Option<PathBuf> {
    super::jobs::block_on(picked).map(|f| f.path().to_owned())
}

/// The command the answer `path` to the dialog `kind` leads to.
pub fn answer(kind: DialogKind, path: PathBuf) -> Command {
    match kind {
        DialogKind::OpenArticle => Command::ImportFile(path),
        DialogKind::SaveToFolder => Command::SaveToFolder(path),
        DialogKind::ExportFile => Command::ExportLibrary(path),
        DialogKind::PredictionsCsv => Command::WritePredictionsCsv(path),
        DialogKind::MarkdownFolder => Command::ExportMarkdown {
            dir: path,
            replace: false,
        },
        DialogKind::ImportBackup => Command::ImportBackup(path),
    }
}

/// Whether the system has a way to show a file dialog. Windows and macOS always do. On Linux
/// and the BSDs `rfd` asks the desktop portal over the session bus, else runs zenity: there is
/// one when the session bus is there and a portal service is installed, or when zenity is on
/// the `PATH` and there is a display for it.
pub fn dialog_available() -> bool {
    #[cfg(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    ))]
    {
        free_desktop::portal_reachable() || free_desktop::zenity_usable()
    }
    #[cfg(not(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )))]
    {
        true
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
mod free_desktop {
    use std::env::{split_paths, var_os};
    use std::path::{Path, PathBuf};

    /// The session bus answers and a desktop portal (with a backend that draws its dialogs)
    /// can be started on it.
    pub fn portal_reachable() -> bool {
        session_bus() && portal_installed()
    }

    /// Whether the session bus is there: the socket its address names exists (an abstract
    /// socket is taken to exist), or, with no address set, `$XDG_RUNTIME_DIR/bus` does.
    fn session_bus() -> bool {
        match var_os("DBUS_SESSION_BUS_ADDRESS") {
            Some(address) => address.to_string_lossy().split(';').any(|one| {
                let Some(rest) = one.strip_prefix("unix:") else {
                    return false;
                };
                rest.split(',').any(|part| match part.split_once('=') {
                    Some(("path", path)) => Path::new(path).exists(),
                    Some(("abstract", _)) => true,
                    _ => false,
                })
            }),
            None => {
                var_os("XDG_RUNTIME_DIR").is_some_and(|dir| PathBuf::from(dir).join("bus").exists())
            }
        }
    }

    /// The folders the session bus and the portal look in for what is installed.
    fn data_dirs() -> Vec<PathBuf> {
        let dirs = var_os("XDG_DATA_DIRS").filter(|d| !d.is_empty());
        let mut dirs: Vec<PathBuf> = match dirs {
            Some(dirs) => split_paths(&dirs).collect(),
            None => vec!["/usr/local/share".into(), "/usr/share".into()],
        };
        if let Some(home) = var_os("XDG_DATA_HOME") {
            dirs.push(home.into());
        }
        dirs
    }

    /// A portal service the bus can start, and at least one portal backend.
    fn portal_installed() -> bool {
        let dirs = data_dirs();
        let service = dirs.iter().any(|d| {
            d.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
                .exists()
        });
        let backend = dirs.iter().any(|d| {
            std::fs::read_dir(d.join("xdg-desktop-portal/portals")).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "portal"))
            })
        });
        service && backend
    }

    /// zenity is on the `PATH` and there is a display to show it on.
    pub fn zenity_usable() -> bool {
        let display = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|name| var_os(name).is_some_and(|v| !v.is_empty()));
        display
            && var_os("PATH")
                .is_some_and(|path| split_paths(&path).any(|dir| dir.join("zenity").is_file()))
    }
}
