//! Applying a [`Command`] to the app: each arm changes the library or the view, and marks the
//! library edited when saved data changed. Errors reach the user as notices.

use std::path::Path;
use std::sync::Arc;

use super::suggester::suggestion_mut;
use super::{App, Command, Undo};
use crate::model::{
    ArticleFormat, LibraryError, Prediction, PredictionId, SuggestionState, Thread, ThreadId,
    guess_format, import_article,
};
use crate::storage::Store;

/// A file dialog that closes faster than this was never shown.
const NO_DIALOG_THRESHOLD: std::time::Duration = std::time::Duration::from_millis(300);
/// What to do when the system has no file dialog (no desktop portal, no zenity).
const NO_DIALOG_MESSAGE: &str = "No file dialog could be opened on this system. Drop the file on the window, run `fan-tracker FILE`, or use Paste article….";

impl App {
    /// Applies one command now.
    pub fn apply(&mut self, command: Command) {
        if let Err(message) = self.try_apply(command) {
            self.notify(message);
        }
    }

    fn try_apply(&mut self, command: Command) -> Result<(), String> {
        if self.is_read_only() && command.changes_data() {
            return Err("This window is read-only; the change was not made.".into());
        }
        match command {
            Command::OpenDossier(id) => {
                self.library.dossier(id).map_err(|e| e.to_string())?;
                if self.library.open != Some(id) {
                    self.library_mut().open = Some(id);
                    self.view = Default::default();
                    self.mark_edited();
                }
            }
            Command::ImportFile(path) => self.import_file(&path)?,
            Command::PickFile => {
                let started = std::time::Instant::now();
                let picked = rfd::FileDialog::new()
                    .set_title("Open an article")
                    .add_filter(
                        "Articles (Markdown or text)",
                        &["md", "markdown", "txt", "text"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file();
                match picked {
                    Some(path) => self.import_file(&path)?,
                    // No person cancels a dialog this fast: there was none to show.
                    None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                        return Err(NO_DIALOG_MESSAGE.into());
                    }
                    None => {}
                }
            }
            Command::ImportText(text) => {
                let format = guess_format(&text);
                let article = import_article(text.as_bytes(), format, None)
                    .map_err(|e| format!("The pasted text could not be opened: {e}."))?;
                self.library_mut().add_dossier(article);
                self.view = Default::default();
                self.mark_edited();
            }
            Command::DeleteDossier(id) => {
                let (index, dossier) = self
                    .library_mut()
                    .remove_dossier(id)
                    .map_err(|e| e.to_string())?;
                self.undo = Some(Undo::Dossier {
                    index,
                    dossier: Box::new(dossier),
                });
                self.view = Default::default();
                self.mark_edited();
            }
            Command::Undo => self.undo_last()?,
            Command::SelectThread(id) => {
                self.view.selected_thread = id;
                self.view.scroll_to_selected = id.is_some();
                self.view.highlighted_passage = None;
            }
            Command::ShowPassage(anchor) => {
                self.view.scroll_to_selected = anchor.is_some();
                self.view.highlighted_passage = anchor;
            }
            Command::AddSuggestions(indices) => {
                self.add_suggestions(&indices).map_err(|e| e.to_string())?
            }
            Command::RestoreBackup(path) => {
                let library = Store::read_library(&path).map_err(|e| e.to_string())?;
                self.queue_save(true);
                self.library = Arc::new(library);
                self.view = Default::default();
                self.undo = None;
                self.mark_edited();
                self.notify(format!(
                    "Restored the backup {}. The library it replaced was kept as a backup too.",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
            }
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            other => self
                .apply_to_open_dossier(other)
                .map_err(|e| e.to_string())?,
        }
        Ok(())
    }

    /// Commands that edit the open dossier.
    fn apply_to_open_dossier(&mut self, command: Command) -> Result<(), LibraryError> {
        let Some(dossier_id) = self.library.open_dossier().map(|d| d.id) else {
            return Ok(());
        };
        let fresh_id = match command {
            Command::AddThread { .. } | Command::AddPrediction { .. } => {
                self.library_mut().allocate_id()
            }
            _ => 0,
        };
        let dossier = Arc::make_mut(&mut self.library).dossier_mut(dossier_id)?;
        match command {
            Command::AddThread { title, anchor } => {
                let id = ThreadId(fresh_id);
                let title = if title.trim().is_empty() {
                    anchor
                        .as_ref()
                        .map(|a| a.quote.clone())
                        .unwrap_or_else(|| "New thread".into())
                } else {
                    title.trim().to_owned()
                };
                dossier.threads.push(Thread::new(id, title, anchor));
                self.view.selected_thread = Some(id);
                self.view.scroll_to_selected = true;
            }
            Command::RenameThread(id, title) => {
                let title = title.trim();
                if !title.is_empty() {
                    dossier.thread_mut(id)?.title = title.to_owned();
                }
            }
            Command::SetThreadStatus(id, status) => dossier.thread_mut(id)?.status = status,
            Command::MoveThread(id, to) => dossier.move_thread(id, to)?,
            Command::DeleteThread(id) => {
                let (index, thread) = dossier.remove_thread(id)?;
                if self.view.selected_thread == Some(id) {
                    self.view.selected_thread = None;
                }
                self.undo = Some(Undo::Thread {
                    dossier: dossier_id,
                    index,
                    thread,
                });
            }
            Command::SetThreadAnchor(id, anchor) => dossier.thread_mut(id)?.anchor = anchor,
            Command::SetThreadNote(id, note) => dossier.thread_mut(id)?.note = note,
            Command::SetDossierNote(note) => dossier.note = note,
            Command::DismissSuggestion(index) => {
                suggestion_mut(dossier, index)?.state = SuggestionState::Dismissed;
            }
            Command::SetSuggestionTitle(index, title) => {
                suggestion_mut(dossier, index)?.title = title.replace(['\n', '\r'], " ");
            }
            Command::SetAsOf(date) => dossier.article.as_of = date,
            Command::AddPrediction {
                thread,
                statement,
                probability_pct,
                resolve_by,
            } => {
                let mut prediction =
                    Prediction::new(PredictionId(fresh_id), statement.trim(), probability_pct);
                prediction.resolve_by = resolve_by;
                dossier.thread_mut(thread)?.predictions.push(prediction);
            }
            Command::SetPredictionStatement(thread, id, statement) => {
                dossier.prediction_mut(thread, id)?.statement = statement;
            }
            Command::SetPredictionProbability(thread, id, pct) => {
                dossier.prediction_mut(thread, id)?.probability_pct = pct.min(100);
            }
            Command::SetPredictionResolveBy(thread, id, date) => {
                dossier.prediction_mut(thread, id)?.resolve_by = date;
            }
            Command::SetPredictionOutcome(thread, id, outcome) => {
                dossier.prediction_mut(thread, id)?.outcome = outcome;
            }
            Command::DeletePrediction(thread, id) => {
                let predictions = &mut dossier.thread_mut(thread)?.predictions;
                let before = predictions.len();
                predictions.retain(|p| p.id != id);
                if predictions.len() == before {
                    return Err(LibraryError::NoSuchPrediction(id));
                }
            }
            // Library-level commands are handled in `try_apply`.
            _ => return Ok(()),
        }
        self.mark_edited();
        Ok(())
    }

    fn undo_last(&mut self) -> Result<(), String> {
        let Some(undo) = self.undo.take() else {
            return Ok(());
        };
        match undo {
            Undo::Thread {
                dossier,
                index,
                thread,
            } => {
                let id = thread.id;
                self.library_mut()
                    .dossier_mut(dossier)
                    .map_err(|e| e.to_string())?
                    .restore_thread(index, thread);
                self.library_mut().open = Some(dossier);
                self.view.selected_thread = Some(id);
            }
            Undo::Dossier { index, dossier } => self.library_mut().restore_dossier(index, *dossier),
        }
        self.mark_edited();
        Ok(())
    }

    /// Imports `path` as a new dossier, or reopens the dossier already imported from it.
    fn import_file(&mut self, path: &Path) -> Result<(), String> {
        let shown = path.display();
        let key = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_owned())
            .to_string_lossy()
            .into_owned();
        if let Some(id) = self.library.find_by_source(&key) {
            if self.library.open != Some(id) {
                self.library_mut().open = Some(id);
                self.view = Default::default();
                self.mark_edited();
            }
            return Ok(());
        }
        let metadata =
            std::fs::metadata(path).map_err(|e| format!("Could not open {shown}: {e}."))?;
        if !metadata.is_file() {
            return Err(format!("Could not open {shown}: it is not a file."));
        }
        if metadata.len() > crate::model::MAX_ARTICLE_BYTES as u64 {
            return Err(format!(
                "Could not open {shown}: the file is too large for an article ({} bytes; the limit is {} bytes).",
                metadata.len(),
                crate::model::MAX_ARTICLE_BYTES
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("Could not open {shown}: {e}."))?;
        let format = match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(ext) if ext == "md" || ext == "markdown" => ArticleFormat::Markdown,
            _ => ArticleFormat::PlainText,
        };
        let article = import_article(&bytes, format, Some(key))
            .map_err(|e| format!("Could not open {shown}: {e}."))?;
        self.library_mut().add_dossier(article);
        self.view = Default::default();
        self.mark_edited();
        Ok(())
    }
}

impl Command {
    /// Whether the command changes saved data (refused in a read-only window).
    pub fn changes_data(&self) -> bool {
        !matches!(
            self,
            Command::SelectThread(_)
                | Command::DismissNotice(_)
                | Command::OpenDossier(_)
                | Command::ShowPassage(_)
        )
    }
}
