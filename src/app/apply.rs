//! Applying a [`Command`] to the app. View commands move the view; a [`Command::Change`]
//! becomes a model [`Edit`], applied by [`App::commit`] (the one place saved data changes,
//! refused as a whole in a read-only window) and recorded for undo. Errors reach the user as
//! notices.

use std::sync::Arc;
use std::time::Instant;

use super::changes::{Place, edit_for, import_edit};
use super::error::AppError;
use super::importer::{ImportDone, ImportOutcome, ImportSource};
use super::view::Filing;
use super::{App, Command, start_place};
use crate::model::{ArticleEntry, ArticleId, Edit, Library, ShowId, guess_show_title};
use crate::storage::Store;

/// A file dialog that closes faster than this was never shown.
pub(super) const NO_DIALOG_THRESHOLD: std::time::Duration = std::time::Duration::from_millis(300);

/// How many characters of an article are searched for the name of a show it is about.
const NAME_SEARCH_CHARS: usize = 4000;

impl App {
    /// Applies one command now. What goes wrong is told to the fan here, once, as a notice
    /// (the error's sentence).
    pub fn apply(&mut self, command: Command) {
        if let Err(error) = self.try_apply(command) {
            self.notify(error.to_string());
        }
    }

    /// Applies one command, or says why it could not be.
    ///
    /// # Errors
    /// See [`AppError`]: an item no longer in the library, a read-only window, no file
    /// dialog, a backup or folder that cannot be used.
    pub fn try_apply(&mut self, command: Command) -> Result<(), AppError> {
        match command {
            Command::OpenShow(id) => {
                let show = self.library.show(id)?;
                let article = show.latest_article().map(|a| a.id);
                self.open_place(id, article);
            }
            Command::OpenArticle(id) => {
                let (show, _) = self.library.article(id)?;
                self.open_place(show.id, Some(id));
            }
            Command::ImportFile(path) => self.start_import(ImportSource::File(path)),
            Command::PickFile => {
                let started = Instant::now();
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
                        return Err(AppError::NoDialog);
                    }
                    None => {}
                }
            }
            Command::ImportText(text) => self.start_import(ImportSource::Pasted(text)),
            Command::ExportPredictionsCsv => self.export_predictions_csv()?,
            Command::SelectThread(id) => {
                self.view.selected_thread = id;
                self.view.scroll_to_selected = id.is_some();
                self.view.highlighted_passage = None;
            }
            Command::ShowPassage(anchor) => {
                if let Some(anchor) = &anchor
                    && self.view.open_article != Some(anchor.article)
                {
                    let (show, _) = self.library.article(anchor.article)?;
                    let selected = self.view.selected_thread;
                    self.open_place(show.id, Some(anchor.article));
                    self.view.selected_thread = selected;
                }
                self.view.scroll_to_selected = anchor.is_some();
                self.view.highlighted_passage = anchor;
            }
            // What is typed is one step of its own, taken back first.
            Command::Undo => {
                self.commit_drafts(true);
                self.writable()?.undo_or_redo(true)?;
            }
            Command::Redo => {
                self.commit_drafts(true);
                self.writable()?.undo_or_redo(false)?;
            }
            Command::ListBackups => {
                let listed = crate::storage::list_backups(&self.data_dir).map_err(Arc::new);
                if let Err(error) = &listed {
                    log::warn!("the backups could not be listed: {error}");
                }
                self.view.backups = Some(listed);
            }
            Command::RestoreBackup(path) => {
                let library = Store::read_library(&path).map_err(AppError::Restore)?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // Write the library being replaced first (waiting for it), then the restored
                // one with a forced backup: the saver never folds that save into an earlier
                // one, so the backup holds the replaced library.
                let mut writable = self.writable()?;
                writable.save_before_replacing();
                writable.commit(
                    Edit::Replace(Box::new(library)),
                    format!("restore the backup {name}"),
                )?;
                self.notify(format!(
                    "Restored the backup {name}. The library it replaced is kept as a new backup before the restored one is saved over it (Edit → Undo also brings it back)."
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
            Command::KeepFiling => self.view.filing = None,
            Command::Change(change) => {
                let mut writable = self.writable()?;
                let place = writable.place();
                writable.reclaim_snapshot();
                let made = edit_for(change, Arc::make_mut(&mut writable.library), place)?;
                if let Some((edit, label)) = made {
                    writable.commit(edit, label)?;
                }
            }
        }
        Ok(())
    }

    /// Where the fan is, for turning a change into an edit.
    pub(super) fn place(&mut self) -> Place {
        let article = self.open_article().map(|(_, a)| a.id);
        Place {
            show: self.open_show().map(|s| s.id),
            article,
            today: jiff::ZonedDateTime::now().date(),
            document: self.open_document(),
        }
    }

    /// Applies an edit that is not the fan's own step (suggestions computed for an article):
    /// saved, but not in the history. Errors are logged: nothing the fan did failed. A
    /// read-only window keeps it in memory only (it has no saver), so the article's
    /// suggestions show there too instead of being computed again every frame.
    pub(super) fn apply_unrecorded(&mut self, edit: Edit) {
        if let Err(error) = self.apply_edit(edit) {
            log::warn!("an automatic change was not made: {error}");
        }
    }

    /// Applies `edit` in place (the saver's waiting snapshot is taken back first), returning
    /// its inverse.
    pub(super) fn apply_edit(&mut self, edit: Edit) -> Result<Edit, AppError> {
        self.reclaim_snapshot();
        let inverse = edit.apply(Arc::make_mut(&mut self.library))?;
        self.after_change();
        Ok(inverse)
    }

    /// After any change to the library: keeps the view on items that still exist, and marks
    /// the library edited.
    pub(super) fn after_change(&mut self) {
        let library: &Library = &self.library;
        if let Some(id) = self.view.selected_thread
            && library.thread(id).is_err()
        {
            self.view.selected_thread = None;
        }
        let article_gone = self
            .view
            .open_article
            .is_some_and(|id| library.article(id).is_err());
        let show_gone = self
            .view
            .open_show
            .is_some_and(|id| library.show(id).is_err());
        if article_gone || show_gone {
            match start_place(library, None, self.view.open_show) {
                Some((show, article)) => self.open_place(show, article),
                None => {
                    self.view.leave_page();
                    self.view.open_show = None;
                    self.view.open_article = None;
                }
            }
        } else if let Some(id) = self.view.open_article
            && let Ok((show, _)) = library.article(id)
            && Some(show.id) != self.view.open_show
        {
            // The open article moved to another show: follow it.
            self.view.open_show = Some(show.id);
        }
        self.mark_edited();
    }

    /// Opens `show` (at `article`), leaving the per-article view state behind.
    pub(super) fn open_place(&mut self, show: ShowId, article: Option<ArticleId>) {
        if self.view.open_show == Some(show) && self.view.open_article == article {
            return;
        }
        self.commit_drafts(true);
        self.view.leave_page();
        self.view.open_show = Some(show);
        self.view.open_article = article;
    }

    /// Starts importing `source` off the UI thread; [`App::finish_import`] applies it.
    pub(super) fn start_import(&mut self, source: ImportSource) {
        let known = self
            .library
            .articles()
            .filter_map(|a| a.article.source_path.clone())
            .collect();
        self.importer.start(source, known);
    }

    /// Applies a finished import: the article is filed under the show it names (or a new
    /// show) and opened, or the article the file was imported as before is opened (brought up
    /// to date first when the file changed, see [`App::reopen_file`]), or a
    /// notice says why it could not be opened (nothing is saved then).
    pub(super) fn finish_import(&mut self, done: ImportDone) {
        if let Some(id) = done
            .key
            .as_deref()
            .and_then(|k| self.library.find_by_source(k))
        {
            match done.outcome {
                ImportOutcome::Imported(imported) => {
                    self.reopen_file(id, &done.label, imported.article);
                }
                _ => self.apply(Command::OpenArticle(id)),
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
                if let Err(error) = self.file_article(article) {
                    self.notify(error.to_string());
                }
            }
            // The article was deleted while the file was being looked at: import it anew.
            ImportOutcome::Reopen => {
                if let Some(key) = done.key {
                    self.importer
                        .start(ImportSource::File(key.into()), Vec::new());
                }
            }
            ImportOutcome::Failed(error) => self.notify(error.to_string()),
        }
    }

    /// Adds an imported article under the show it names (its title, or the beginning of its
    /// text, names the show in either script), else under a new show named after the
    /// article; opens it and says where it went, so the fan can pick another show.
    fn file_article(&mut self, article: crate::model::Article) -> Result<(), AppError> {
        let mut writable = self.writable()?;
        let searched: String = std::iter::once(article.title.as_str())
            .chain(std::iter::once(" "))
            .chain(std::iter::once(&*article.body))
            .flat_map(str::chars)
            .take(NAME_SEARCH_CHARS)
            .collect();
        let named = writable.library.shows_named_in(&searched).first().copied();
        // Parsed once: for the name of a new show, then kept as the open article's document.
        let document = Arc::new(article.document());
        let title = guess_show_title(&article, &document);
        let body = article.body.clone();
        writable.reclaim_snapshot();
        let library = Arc::make_mut(&mut writable.library);
        let entry = ArticleEntry::new(ArticleId(library.allocate_id()), article);
        let id = entry.id;
        writable.documents.adopt(id, body, document);
        let library = Arc::make_mut(&mut writable.library);
        let (edit, label, show) = import_edit(library, entry, named, &title)?;
        writable.commit(edit, label)?;
        writable.open_place(show, Some(id));
        writable.view.filing = Some(Filing {
            article: id,
            named: named.is_some(),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AppOptions, Change, ElsewhereError, READ_ONLY_MESSAGE, ReadError};
    use crate::model::LibraryError;

    fn app(dir: &std::path::Path) -> App {
        App::new(
            AppOptions {
                data_dir: dir.to_owned(),
                open_file: None,
            },
            None,
        )
    }

    #[test]
    fn an_error_stays_typed_until_apply_tells_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let gone = ShowId(999);
        let error = app.try_apply(Command::OpenShow(gone)).unwrap_err();
        assert!(matches!(
            error,
            AppError::Library(LibraryError::NoSuchShow(id)) if id == gone
        ));
        assert!(app.notices().is_empty(), "try_apply tells nothing itself");
        app.apply(Command::OpenShow(gone));
        app.apply(Command::OpenShow(gone));
        assert_eq!(app.notices(), [error.to_string()], "told once");
    }

    #[test]
    fn a_read_only_window_refuses_an_edit_by_type() {
        let dir = tempfile::tempdir().unwrap();
        let _writer = Store::open(dir.path()).unwrap();
        let mut app = app(dir.path());
        assert!(app.is_read_only());
        let show = app.library().shows[0].id;
        let change = Command::Change(Change::SetShowNote(show, "mine".into()));
        assert!(matches!(
            app.try_apply(change.clone()),
            Err(AppError::ReadOnly)
        ));
        app.apply(change);
        assert_eq!(
            app.notices().last().map(String::as_str),
            Some(READ_ONLY_MESSAGE)
        );
        assert!(app.library().shows[0].note.is_empty());
    }

    #[test]
    fn exporting_to_a_folder_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(&dir.path().join("data"));
        let error = app
            .try_apply(Command::ExportLibrary(dir.path().to_owned()))
            .unwrap_err();
        assert!(matches!(
            error,
            AppError::Elsewhere(ElsewhereError::ExportToFolder { .. })
        ));
        assert!(
            error
                .to_string()
                .ends_with("it is a folder; give a file name.")
        );
    }

    #[test]
    fn backups_that_cannot_be_listed_are_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        app.apply(Command::ListBackups);
        assert!(matches!(&app.view.backups, Some(Ok(list)) if list.is_empty()));
        std::fs::write(dir.path().join("backups"), b"").unwrap();
        app.apply(Command::ListBackups);
        assert!(matches!(&app.view.backups, Some(Err(_))));
    }

    #[test]
    fn a_folder_given_as_an_article_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let error = crate::app::read_file(dir.path()).err().unwrap();
        assert!(matches!(error, ReadError::NotAFile { .. }));
        assert!(error.to_string().starts_with("Could not open "));
    }
}
