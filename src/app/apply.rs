//! Applying a [`Command`] to the app: each arm changes the library or the view, and marks the
//! library edited when saved data changed. Errors reach the user as notices.

use std::sync::Arc;

use super::importer::{ImportDone, ImportOutcome, ImportSource};
use super::suggester::suggestion_mut;
use super::{App, Command, Undo};
use crate::model::{LibraryError, Prediction, PredictionId, SuggestionState, Thread, ThreadId};
use crate::storage::Store;

/// A file dialog that closes faster than this was never shown.
pub(super) const NO_DIALOG_THRESHOLD: std::time::Duration = std::time::Duration::from_millis(300);
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
            Command::ImportFile(path) => self.start_import(ImportSource::File(path)),
            Command::PickFile => {
                let started = std::time::Instant::now();
                let picked = rfd::FileDialog::new()
                    .set_title("Open an article")
                    .add_filter(
                        "Articles (text, Markdown or web pages)",
                        &["txt", "text", "md", "markdown", "html", "htm"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file();
                match picked {
                    Some(path) => self.start_import(ImportSource::File(path)),
                    // No person cancels a dialog this fast: there was none to show.
                    None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                        return Err(NO_DIALOG_MESSAGE.into());
                    }
                    None => {}
                }
            }
            Command::ImportText(text) => self.start_import(ImportSource::Pasted(text)),
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
                // Write the library being replaced first (waiting for it), then the restored
                // one with a forced backup: the saver never folds that save into an earlier
                // one, so the backup holds the replaced library.
                self.save_before_replacing();
                self.library = Arc::new(library);
                self.view = Default::default();
                self.undo = None;
                self.mark_edited();
                self.notify(format!(
                    "Restored the backup {}. The library it replaced is kept as a new backup before the restored one is saved over it.",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
            }
            Command::SaveToFolder(dir) => self.save_to_folder(&dir)?,
            Command::ExportLibrary(path) => self.export_library(&path)?,
            Command::PickFolderToSave => {
                if let Some(dir) = self.pick_elsewhere(true) {
                    self.save_to_folder(&dir)?;
                }
            }
            Command::PickExportFile => {
                if let Some(path) = self.pick_elsewhere(false) {
                    self.export_library(&path)?;
                }
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
        self.reclaim_snapshot();
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

    /// Starts importing `source` off the UI thread; [`App::finish_import`] applies it.
    pub(super) fn start_import(&mut self, source: ImportSource) {
        let known = self
            .library
            .dossiers
            .iter()
            .filter_map(|d| d.article.source_path.clone())
            .collect();
        self.importer.start(source, known);
    }

    /// Applies a finished import: a new dossier, the dossier the file was imported into
    /// before, or a notice saying why it could not be opened (nothing is saved then).
    pub(super) fn finish_import(&mut self, done: ImportDone) {
        if let Some(id) = done
            .key
            .as_deref()
            .and_then(|k| self.library.find_by_source(k))
        {
            if self.library.open != Some(id) {
                self.library_mut().open = Some(id);
                self.view = Default::default();
                self.mark_edited();
            }
            return;
        }
        match done.outcome {
            ImportOutcome::Imported(imported) => {
                let mut article = imported.article;
                article.source_path = done.key;
                if let Some(encoding) = imported.encoding {
                    self.notify(format!(
                        "The file {} is not UTF-8; it was read as {encoding}. If letters look wrong, save it as UTF-8 and open it again.",
                        done.label
                    ));
                }
                self.library_mut().add_dossier(article);
                self.view = Default::default();
                self.mark_edited();
            }
            // The dossier was deleted while the file was being looked at: import it anew.
            ImportOutcome::Reopen => {
                if let Some(key) = done.key {
                    self.importer
                        .start(ImportSource::File(key.into()), Vec::new());
                }
            }
            ImportOutcome::Failed(message) => self.notify(message),
        }
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
                | Command::SaveToFolder(_)
                | Command::ExportLibrary(_)
                | Command::PickFolderToSave
                | Command::PickExportFile
                | Command::ShowPassage(_)
        )
    }
}
