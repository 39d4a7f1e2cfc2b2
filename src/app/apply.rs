//! Applying a [`Command`] to the app: decide, then do. View commands move the view; a
//! [`Command::Change`] becomes a model [`Edit`], applied by [`App::commit`] (the one place
//! saved data changes, refused as a whole in a read-only window) and recorded for undo; what
//! must touch files, show a dialog, parse or merge is returned as an [`Effect`] for the jobs
//! runtime, whose result comes back as a command. Errors reach the user as notices.

use std::sync::Arc;

use super::changes::{Place, edit_for, import_edit, move_article};
use super::dialogs::DialogKind;
use super::effect::{Effect, ExportDone, ExportWhat, MarkdownDone};
use super::error::{AppError, ElsewhereError};
use super::importer::{ImportDone, ImportOutcome, ImportSource, ImportedArticle};
use super::view::Filing;
use super::{App, Change, Command, SaveStatus, start_place};
use crate::model::{ArticleEntry, ArticleId, Edit, Library, ShowId};

/// How many characters of an article are searched for the name of a show it is about.
const NAME_SEARCH_CHARS: usize = 4000;

impl App {
    /// Applies one command now and returns the effects it asks for (to run off the UI thread;
    /// [`App::after_frame`] starts them on the jobs runtime). What goes wrong is told to the
    /// fan here, once, as a notice (the error's sentence).
    #[must_use = "the effects are the work the command asks for: start them, or queue the command with `App::push`"]
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        if let Err(error) = self.try_apply(command) {
            self.notify(error.to_string());
        }
        self.request_document();
        self.request_suggestions();
        std::mem::take(&mut self.outbox)
    }

    /// Applies one command, or says why it could not be; the effects it asks for are kept
    /// for [`App::apply`] (or the next frame) to hand out.
    ///
    /// # Errors
    /// See [`AppError`]: an item no longer in the library, a read-only window, no file
    /// dialog, a backup or folder that cannot be used, a job's fault.
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
            Command::PickFile => self.pick(DialogKind::OpenArticle)?,
            Command::ImportText(text) => self.start_import(ImportSource::Pasted(text)),
            Command::ExportPredictionsCsv => {
                self.refuse_while_incomplete()?;
                self.pick(DialogKind::PredictionsCsv)?;
            }
            Command::WritePredictionsCsv(path) => {
                self.refuse_while_incomplete()?;
                self.effect(Effect::PredictionsCsv {
                    library: self.library.clone(),
                    path,
                });
            }
            Command::PredictionsCsvWritten(message) => self.notify(message),
            Command::SelectThread(id) => {
                self.view.selected_thread = id;
                self.view.scroll_to_selected = id.is_some();
                self.view.highlighted_passage = None;
                self.view.search.hit = None;
            }
            Command::GoToHit(hit) => self.go_to_hit(&hit)?,
            Command::StepHit(forward) => self.step_hit(forward),
            Command::SearchIndexed(index) => {
                if let Some(index) = index.take() {
                    self.take_index(index);
                }
            }
            Command::Searched(found) => {
                if let Some(found) = found.take() {
                    self.take_found(found);
                }
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
                self.view.search.hit = None;
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
            Command::ListBackups => self.effect(Effect::ListBackups {
                dir: self.data_dir.clone(),
                current: self.library.clone(),
            }),
            Command::BackupsListed(listed) => {
                if let Some(listed) = listed.take() {
                    if let Err(error) = &listed {
                        log::warn!("the backups could not be listed: {error}");
                    }
                    self.view.backups = Some(listed.map_err(Arc::new));
                }
            }
            Command::RestoreBackup(path) => {
                self.writable()?;
                self.effect(Effect::ReadBackup { path });
            }
            Command::BackupRead(read) => {
                if let Some((path, library)) = read.take() {
                    let library = library.map_err(AppError::Restore)?;
                    self.writable()?;
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.pending_restore = Some((name, Box::new(library)));
                    self.urgent = true;
                    self.restore_when_saved();
                }
            }
            Command::SaveToFolder(dir) => {
                self.refuse_while_incomplete()?;
                self.refuse_data_folder(&dir)?;
                self.effect(Effect::OpenFolder { dir });
            }
            Command::FolderOpened(opened) => {
                if let Some((dir, opened)) = opened.take() {
                    self.save_to_folder(&dir, opened)?;
                }
            }
            Command::ExportLibrary(path) => {
                self.refuse_while_incomplete()?;
                self.refuse_data_folder(&path)?;
                self.effect(Effect::Export {
                    library: self.library.clone(),
                    path,
                    what: ExportWhat::Library {
                        generation: self.edit_generation,
                    },
                });
            }
            Command::Exported(done) => {
                if let Some(done) = done.take() {
                    self.exported(done)?;
                }
            }
            Command::PickFolderToSave => {
                self.refuse_while_incomplete()?;
                self.pick(DialogKind::SaveToFolder)?;
            }
            Command::PickExportFile => {
                self.refuse_while_incomplete()?;
                self.pick(DialogKind::ExportFile)?;
            }
            Command::PickMarkdownFolder => {
                self.refuse_while_incomplete()?;
                self.pick(DialogKind::MarkdownFolder)?;
            }
            Command::ExportMarkdown { dir, replace } => {
                self.refuse_while_incomplete()?;
                self.refuse_data_folder(&dir)?;
                self.view.confirm_replace_notes = None;
                self.effect(Effect::Export {
                    library: self.library.clone(),
                    path: dir,
                    what: ExportWhat::Markdown { replace },
                });
            }
            Command::MarkdownExported(done) => {
                if let Some(done) = done.take() {
                    self.markdown_exported(done);
                }
            }
            Command::NoDialog(kind) => match kind {
                DialogKind::OpenArticle
                | DialogKind::PredictionsCsv
                | DialogKind::MarkdownFolder => {
                    return Err(AppError::NoDialog);
                }
                DialogKind::ImportBackup => self.notify(super::merge_in::NO_DIALOG_TO_IMPORT),
                DialogKind::SaveToFolder | DialogKind::ExportFile => {
                    self.view.elsewhere.get_or_insert_with(String::new);
                    self.view.no_file_dialog = true;
                    self.notify(super::NO_DIALOG_FOR_PATH);
                }
            },
            Command::PickImportBackup => self.pick(DialogKind::ImportBackup)?,
            Command::ImportBackup(path) => self.import_backup(path)?,
            Command::MergedIn(done) => {
                if let Some(done) = done.take() {
                    self.merged_in(done)?;
                }
            }
            Command::ConflictCopiesMoved(moved) => self.copies_moved(moved),
            Command::DismissNotice(index) => self.notices.dismiss(index),
            Command::TakeOver => self.take_over(),
            Command::TookOver(opened) => {
                if let Some(opened) = opened.take() {
                    self.took_over(opened);
                }
            }
            Command::FilesChecked(gone) => {
                self.notices
                    .check_files(|file| !gone.iter().any(|g| g == file));
            }
            Command::LockChecked(free) => self.lock_checked(free),
            Command::KeepFiling => self.view.filing = None,
            Command::Change(Change::MoveArticle(article, None)) => {
                self.move_to_new_show(article, None)?;
            }
            Command::ParsedToMove(parsed) => {
                if let Some(parsed) = parsed.take() {
                    self.move_to_new_show(parsed.id, Some(parsed))?;
                }
            }
            Command::Change(change) => {
                let mut writable = self.writable()?;
                let place = writable.place();
                writable.reclaim_snapshot();
                let made = edit_for(change, Arc::make_mut(&mut writable.library), place)?;
                if let Some((edit, label)) = made {
                    writable.commit(edit, label)?;
                }
            }
            Command::Imported(done) => {
                if let Some(done) = done.take() {
                    self.finish_import(done);
                }
            }
            Command::Parsed(parsed) => {
                if let Some(parsed) = parsed.take() {
                    self.take_document(parsed);
                }
            }
            Command::Suggested(result) => {
                if let Some(result) = result.take() {
                    self.take_suggestions(result);
                }
            }
            Command::Saved(report) => {
                if let Some(report) = report.take() {
                    self.take_report(report);
                }
            }
            Command::Merged(done) => {
                if let Some(done) = done.take() {
                    self.take_merge(done);
                }
            }
            Command::JobFault(kind, what) => {
                self.job_fault(kind);
                return Err(AppError::JobFault { what });
            }
        }
        Ok(())
    }

    /// Shows the file dialog `kind` on a job of its own; while one is open, asking again
    /// does nothing (the dialog is already in front of the fan). In tests that gave the
    /// answers ([`App::answer_dialogs_with`]), the next answer is applied at once instead.
    /// Forgets the work in flight of the `kind` of job that stopped with a fault, and only
    /// that kind's: another kind's job still under way must not be started twice.
    fn job_fault(&mut self, kind: super::JobKind) {
        use super::JobKind;
        match kind {
            JobKind::Parse => self.parsing = None,
            JobKind::Suggest => self.suggesting.clear(),
            JobKind::Merge => {
                self.merging = false;
                self.copies_fault();
            }
            JobKind::Search => self.search_fault(),
            JobKind::Dialog
            | JobKind::Import
            | JobKind::Backups
            | JobKind::Restore
            | JobKind::Export
            | JobKind::Folder
            | JobKind::Check => {}
        }
    }

    fn pick(&mut self, kind: DialogKind) -> Result<(), AppError> {
        if let Some(answers) = &mut self.dialog_answers {
            return match answers.pop_front().flatten() {
                Some(path) => self.try_apply(super::dialogs::answer(kind, path)),
                None => Ok(()),
            };
        }
        if !self.jobs.is_busy_with(&[super::JobKind::Dialog]) {
            self.effect(Effect::Dialog(kind));
        }
        Ok(())
    }

    /// Restores the backup read for it once the library it replaces is written (or cannot
    /// be: a failed save, no saver), so the backup the restore keeps holds that library.
    pub(super) fn restore_when_saved(&mut self) {
        let written = self.saver.is_none() || self.is_saved() || self.status.is_error();
        if self.pending_restore.is_some() && written && !self.merging {
            self.restore_pending();
        } else if self.pending_restore.is_some() {
            // Written at once, not half a second later.
            self.urgent = true;
            self.reclaimed = true;
        }
    }

    /// Replaces the library with the backup read for it (undoable); the next save keeps the
    /// file it replaces as a backup. The saver never folds that save into an earlier one.
    pub(super) fn restore_pending(&mut self) {
        let Some((name, library)) = self.pending_restore.take() else {
            return;
        };
        self.force_backup = true;
        let restored = self.writable().and_then(|mut w| {
            w.commit(Edit::Replace(library), format!("restore the backup {name}"))
        });
        match restored {
            Ok(()) => self.notify(format!(
                "Restored the backup {name}. The library it replaced is kept as a new backup before the restored one is saved over it (Edit → Undo also brings it back)."
            )),
            Err(error) => self.notify(error.to_string()),
        }
    }

    /// Applies a finished export: the edits it holds count as kept.
    fn exported(&mut self, done: ExportDone) -> Result<(), ElsewhereError> {
        let ExportDone {
            path,
            generation,
            result,
        } = done;
        result?;
        self.kept_generation = self.kept_generation.max(generation);
        if self.saver.is_none() && !self.is_read_only() {
            self.status = SaveStatus::Exported {
                path: path.clone(),
                at: jiff::Timestamp::now(),
            };
        }
        self.view.elsewhere = None;
        self.notify(format!("Exported the library to {}.", path.display()));
        Ok(())
    }

    /// Applies a finished Markdown export: says how many notes were written where, or why
    /// not; notes already there are asked about (see `ViewState::confirm_replace_notes`).
    fn markdown_exported(&mut self, done: MarkdownDone) {
        let MarkdownDone { dir, result } = done;
        match result {
            Ok(count) => self.notify(format!(
                "Exported {} as Markdown to {}.",
                if count == 1 {
                    "1 show".to_owned()
                } else {
                    format!("{count} shows")
                },
                dir.display()
            )),
            Err(crate::storage::MarkdownError::Exists { names, .. }) => {
                self.view.confirm_replace_notes = Some(super::view::ReplaceNotes { dir, names });
            }
            Err(error) => self.notify(format!("The notes were not exported: {error}.")),
        }
    }

    /// Asks a job to parse the open article when it has no document yet.
    pub(super) fn request_document(&mut self) {
        let Some((_, entry)) = self.open_article() else {
            return;
        };
        let id = entry.id;
        let queued = self
            .outbox
            .iter()
            .any(|e| matches!(e, Effect::Parse { id: queued, .. } if *queued == id));
        if self.parsing == Some(id) || queued {
            return;
        }
        let article = entry.article.clone();
        if self.open_document().is_none() {
            self.effect(Effect::Parse { id, article });
        }
    }

    /// Keeps a document a job parsed, if it is still the open article's text.
    fn take_document(&mut self, parsed: super::effect::ParsedArticle) {
        if self.parsing == Some(parsed.id) {
            self.parsing = None;
        }
        let current = self
            .open_article()
            .is_some_and(|(_, e)| e.id == parsed.id && Arc::ptr_eq(&e.article.body, &parsed.body));
        if current {
            self.documents
                .adopt(parsed.id, parsed.body, parsed.document);
        }
    }

    /// Moves `article` to a new show named from its text ([`crate::model::guess_show_title`]
    /// reads the parsed article): with the document the cache holds (the open article's), or
    /// `parsed` by a job for it; else a job parses it ([`Effect::ParseToMove`]) and the move
    /// is made when it comes back ([`Command::ParsedToMove`]). Nothing is parsed in a frame.
    ///
    /// # Errors
    /// A read-only window; the article is no longer in the library.
    fn move_to_new_show(
        &mut self,
        article: ArticleId,
        parsed: Option<super::effect::ParsedArticle>,
    ) -> Result<(), AppError> {
        self.writable()?;
        let (_, entry) = self.library.article(article)?;
        let document = match parsed {
            // Parsed from the text the article still has.
            Some(parsed) if *parsed.body == *entry.article.body => Some(parsed.document),
            _ => self.documents.cached(entry),
        };
        let Some(document) = document else {
            self.effect(Effect::ParseToMove {
                id: article,
                article: entry.article.clone(),
            });
            return Ok(());
        };
        let mut writable = self.writable()?;
        writable.reclaim_snapshot();
        let library = Arc::make_mut(&mut writable.library);
        if let Some((edit, label)) = move_article(library, article, None, Some(document))? {
            writable.commit(edit, label)?;
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
        self.effect(Effect::Import { source, known });
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
                    let ImportedArticle {
                        imported, document, ..
                    } = *imported;
                    self.reopen_file(id, &done.label, imported.article, document);
                }
                _ => self.open_saved_copy(id),
            }
            return;
        }
        match done.outcome {
            ImportOutcome::Imported(imported) => {
                if let Some(encoding) = imported.imported.encoding {
                    self.notify(format!(
                        "The file {} is not UTF-8; it was read as {encoding}. If letters look wrong, save it as UTF-8 and open it again.",
                        done.label
                    ));
                }
                if let Err(error) = self.file_article(*imported, done.key) {
                    self.notify(error.to_string());
                }
            }
            // The article was deleted while the file was being looked at: import it anew.
            ImportOutcome::Reopen => {
                if let Some(key) = done.key {
                    self.effect(Effect::Import {
                        source: ImportSource::File(key.into()),
                        known: Vec::new(),
                    });
                }
            }
            ImportOutcome::Failed(error) => self.notify(error.to_string()),
        }
    }

    /// Adds an imported article (from the file `key`, `None` when pasted) under the show it
    /// names (its title, or the beginning of its text, names the show in either script), else
    /// under a new show named after the article (the import job guessed the name); opens it
    /// and says where it went, so the fan can pick another show.
    fn file_article(
        &mut self,
        imported: ImportedArticle,
        key: Option<String>,
    ) -> Result<(), AppError> {
        let ImportedArticle {
            imported,
            document,
            show_title,
        } = imported;
        let mut article = imported.article;
        article.source_path = key;
        let mut writable = self.writable()?;
        let searched: String = std::iter::once(article.title.as_str())
            .chain(std::iter::once(" "))
            .chain(std::iter::once(&*article.body))
            .flat_map(str::chars)
            .take(NAME_SEARCH_CHARS)
            .collect();
        let named = writable.library.shows_named_in(&searched).first().copied();
        let body = article.body.clone();
        writable.reclaim_snapshot();
        let library = Arc::make_mut(&mut writable.library);
        let entry = ArticleEntry::new(ArticleId(library.allocate_id()), article);
        let id = entry.id;
        writable.documents.adopt(id, body, document);
        let library = Arc::make_mut(&mut writable.library);
        let (edit, label, show) = import_edit(library, entry, named, &show_title)?;
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
    use crate::app::{
        AppOptions, Change, Effect, ElsewhereError, JobKind, READ_ONLY_MESSAGE, ReadError,
    };
    use crate::model::LibraryError;
    use crate::storage::{LIBRARY_FILE, Store};

    fn app(dir: &std::path::Path) -> App {
        App::new(
            AppOptions {
                data_dir: dir.to_owned(),
                open_file: None,
            },
            None,
        )
    }

    /// The app on `dir` once what opening started (the open article's parse and
    /// suggestions) is done.
    fn settled(dir: &std::path::Path) -> App {
        let mut app = app(dir);
        app.finish_jobs_blocking();
        app
    }

    /// Runs `effects` on the app's jobs runtime and waits for them: the commands they sent
    /// back, not applied yet.
    fn complete(app: &mut App, effects: Vec<Effect>) -> Vec<Command> {
        for effect in effects {
            let (kind, what) = (effect.kind(), effect.what());
            app.jobs.spawn(kind, what, move || effect.run());
        }
        let mut commands = Vec::new();
        while app.jobs.is_busy_with(&[]) {
            commands.extend(app.jobs.wait_one(&[]));
        }
        commands
    }

    /// `effects` hold exactly one effect, of `kind`.
    fn one(effects: &[Effect], kind: JobKind) {
        assert_eq!(effects.len(), 1, "{effects:?}");
        assert_eq!(effects[0].kind(), kind, "{effects:?}");
    }

    /// Applies `command`, checks it returns one effect of `kind`, and runs it: the one command
    /// the job sent back.
    fn apply_and_complete(app: &mut App, command: Command, kind: JobKind) -> Command {
        let effects = app.apply(command);
        one(&effects, kind);
        let mut back = complete(app, effects);
        assert_eq!(back.len(), 1, "{back:?}");
        back.remove(0)
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
        let _ = app.apply(Command::OpenShow(gone));
        let _ = app.apply(Command::OpenShow(gone));
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
        let _ = app.apply(change);
        assert_eq!(
            app.notices().last().map(String::as_str),
            Some(READ_ONLY_MESSAGE)
        );
        assert!(app.library().shows[0].note.is_empty());
        assert!(
            matches!(
                app.try_apply(Command::RestoreBackup("x".into())),
                Err(AppError::ReadOnly)
            ),
            "a read-only window does not even read the backup"
        );
    }

    #[test]
    fn an_edit_returns_no_effect_and_opening_an_article_returns_its_parse() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        let show = app.library().shows[0].id;
        let effects = app.apply(Command::Change(Change::SetShowNote(show, "n".into())));
        assert!(effects.is_empty(), "{effects:?}");
        // A second article in the show, not parsed yet.
        let effects = app.apply(Command::ImportText(
            "Second\nIt's Okay To Not Be Okay news.".into(),
        ));
        one(&effects, JobKind::Import);
        for command in complete(&mut app, effects) {
            let _ = app.apply(command);
        }
        app.finish_jobs_blocking();
        let second = app.view.open_article.unwrap();
        let show = app.open_show().unwrap();
        let first = show.articles.iter().map(|a| a.id).find(|&a| a != second);
        let first = first.expect("the built-in article beside the new one");
        let parsed = apply_and_complete(&mut app, Command::OpenArticle(first), JobKind::Parse);
        assert!(app.open_document().is_none(), "parsed by the job, not here");
        assert!(matches!(parsed, Command::Parsed(_)));
        let _ = app.apply(parsed);
        let document = app.open_document().expect("the job's document is kept");
        assert!(!document.blocks.is_empty());
        assert_ne!(first, second);
    }

    #[test]
    fn an_import_effect_reads_parses_and_files_the_article() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(&dir.path().join("data"));
        let file = dir.path().join("news.md");
        std::fs::write(
            &file,
            "# Harbor Lights\n\nA new season of *Harbor Lights* is filming.\n",
        )
        .unwrap();
        let back = apply_and_complete(&mut app, Command::ImportFile(file), JobKind::Import);
        assert!(matches!(back, Command::Imported(_)));
        let effects = app.apply(back);
        let (_, entry) = app.open_article().unwrap();
        assert_eq!(entry.article.title, "Harbor Lights");
        assert!(
            app.open_document().is_some(),
            "the import job's document is kept"
        );
        // Its suggestions are asked for next, on a job of their own.
        one(&effects, JobKind::Suggest);
        let suggested = complete(&mut app, effects);
        assert!(matches!(suggested[..], [Command::Suggested(_)]));
        for command in suggested {
            let _ = app.apply(command);
        }
        assert!(app.open_article().unwrap().1.suggestions.is_some());
    }

    #[test]
    fn exporting_is_a_job_and_to_a_folder_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(&dir.path().join("data"));
        let back = apply_and_complete(
            &mut app,
            Command::ExportLibrary(dir.path().to_owned()),
            JobKind::Export,
        );
        let error = app.try_apply(back).unwrap_err();
        assert!(matches!(
            error,
            AppError::Elsewhere(ElsewhereError::ExportToFolder { .. })
        ));
        assert!(
            error
                .to_string()
                .ends_with("it is a folder; give a file name.")
        );
        let file = dir.path().join("out.json");
        let back = apply_and_complete(
            &mut app,
            Command::ExportLibrary(file.clone()),
            JobKind::Export,
        );
        assert!(
            !file.exists() || app.notices().is_empty(),
            "nothing told before"
        );
        let _ = app.apply(back);
        let exported = Store::read_library(&file).unwrap();
        assert_eq!(exported.shows[0].title, app.library().shows[0].title);
        assert!(
            app.notices()
                .last()
                .unwrap()
                .starts_with("Exported the library to")
        );
    }

    #[test]
    fn backups_are_listed_by_a_job_and_a_failure_is_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        let back = apply_and_complete(&mut app, Command::ListBackups, JobKind::Backups);
        assert!(app.view.backups.is_none(), "nothing listed in the frame");
        let _ = app.apply(back);
        assert!(matches!(&app.view.backups, Some(Ok(list)) if list.is_empty()));
        std::fs::write(dir.path().join("backups"), b"").unwrap();
        let back = apply_and_complete(&mut app, Command::ListBackups, JobKind::Backups);
        let _ = app.apply(back);
        assert!(matches!(&app.view.backups, Some(Err(_))));
    }

    #[test]
    fn a_backup_is_read_by_a_job_and_restored_after_the_library_it_replaces_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        let mut old = app.library().clone();
        old.shows[0].note = "from the backup".into();
        let backup = dir.path().join("kept.json");
        std::fs::write(&backup, crate::storage::encode(&old).unwrap()).unwrap();
        let show = app.library().shows[0].id;
        let _ = app.apply(Command::Change(Change::SetShowNote(show, "typed".into())));
        let back = apply_and_complete(&mut app, Command::RestoreBackup(backup), JobKind::Restore);
        assert_eq!(
            app.library().shows[0].note,
            "typed",
            "not restored in the frame"
        );
        let _ = app.apply(back);
        // The typed note is not saved yet: the restore waits for it.
        assert_eq!(app.library().shows[0].note, "typed");
        app.finish_jobs_blocking();
        assert_eq!(app.library().shows[0].note, "from the backup");
        app.save_now_blocking();
        let backups = crate::storage::list_backups(dir.path()).unwrap();
        let replaced = Store::read_library(&backups[0]).unwrap();
        assert_eq!(
            replaced.shows[0].note, "typed",
            "the replaced library is a backup"
        );
    }

    #[test]
    fn saving_to_another_folder_opens_it_on_a_job_and_closes_the_old_saver_on_another() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(&dir.path().join("data"));
        let other = dir.path().join("other");
        let back = apply_and_complete(
            &mut app,
            Command::SaveToFolder(other.clone()),
            JobKind::Folder,
        );
        assert_ne!(app.data_dir(), other);
        let effects = app.apply(back);
        assert_eq!(app.data_dir(), other);
        one(&effects, JobKind::Folder);
        assert!(complete(&mut app, effects).is_empty());
        app.save_now_blocking();
        assert!(other.join(LIBRARY_FILE).exists());
    }

    #[test]
    fn a_change_made_outside_is_merged_by_a_job() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        app.save_now_blocking();
        // Another program changes the file; then the fan edits something else.
        let path = dir.path().join(LIBRARY_FILE);
        let before = crate::storage::Store::load_file(&path).unwrap();
        let mut theirs = before.library;
        theirs.shows[0].original_title = Some("theirs".into());
        let bytes = crate::storage::encode_revision(&theirs, before.revision + 1).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let show = app.library().shows[0].id;
        let _ = app.apply(Command::Change(Change::SetShowNote(show, "ours".into())));
        app.urgent = true;
        app.hand_over();
        let report = app.saver.as_ref().unwrap().wait().unwrap();
        let command = Command::Saved(crate::app::Finished::new(report));
        let back = apply_and_complete(&mut app, command, JobKind::Merge);
        assert!(app.merging, "saves wait for the merge");
        let _ = app.apply(back);
        assert!(!app.merging);
        assert_eq!(app.library().shows[0].note, "ours");
        assert_eq!(
            app.library().shows[0].original_title.as_deref(),
            Some("theirs")
        );
        app.save_now_blocking();
        let on_disk = Store::read_library(&path).unwrap();
        assert_eq!(on_disk.shows[0].original_title.as_deref(), Some("theirs"));
        assert_eq!(on_disk.shows[0].note, "ours");
    }

    #[test]
    fn a_dialog_is_a_job_and_without_one_the_app_says_so_in_words() {
        // Run without any way to show a dialog (no display, no session bus), as a child
        // process so this process's environment is left alone.
        const CHILD: &str = "FAN_TRACKER_TEST_DIALOG_CHILD";
        if std::env::var_os(CHILD).is_some() {
            let dir = tempfile::tempdir().unwrap();
            let mut app = settled(dir.path());
            let back = apply_and_complete(&mut app, Command::PickFile, JobKind::Dialog);
            assert_eq!(back, Command::NoDialog(DialogKind::OpenArticle));
            let _ = app.apply(back);
            assert_eq!(app.notices(), [super::super::NO_DIALOG_MESSAGE]);
            let back = apply_and_complete(&mut app, Command::PickExportFile, JobKind::Dialog);
            let _ = app.apply(back);
            assert!(app.view.no_file_dialog && app.view.elsewhere.is_some());
            // Importing a backup points to the command that does it.
            let back = apply_and_complete(&mut app, Command::PickImportBackup, JobKind::Dialog);
            assert_eq!(back, Command::NoDialog(DialogKind::ImportBackup));
            let _ = app.apply(back);
            assert_eq!(
                app.notices().last().map(String::as_str),
                Some(super::super::merge_in::NO_DIALOG_TO_IMPORT)
            );
            println!("DIALOG-CHILD-OK");
            return;
        }
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "app::apply::tests::a_dialog_is_a_job_and_without_one_the_app_says_so_in_words",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains("DIALOG-CHILD-OK"),
            "{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn a_folder_given_as_an_article_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let error = crate::app::read_file(dir.path()).err().unwrap();
        assert!(matches!(error, ReadError::NotAFile { .. }));
        assert!(error.to_string().starts_with("Could not open "));
    }

    #[test]
    fn moving_an_article_not_parsed_to_a_new_show_parses_it_on_a_job_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        let (_, entry) = app.open_article().unwrap();
        let (id, article) = (entry.id, entry.article.clone());
        let named = crate::model::guess_show_title(&article, &article.document());
        // The parsed document is gone (the cache holds another article's, say).
        app.documents = crate::app::DocumentCache::default();
        let before = app.library().clone();
        let effects = app.apply(Command::Change(Change::MoveArticle(id, None)));
        // (With the open article's own parse, asked for again.)
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::ParseToMove { id: a, .. } if *a == id)),
            "{effects:?}"
        );
        let back = complete(&mut app, effects)
            .into_iter()
            .find(|c| matches!(c, Command::ParsedToMove(_)))
            .expect("the parse came back");
        assert_eq!(*app.library(), before, "not moved before it is parsed");
        let _ = app.apply(back);
        let (show, _) = app.library().article(id).unwrap();
        assert_eq!(show.title, named);
        assert!(
            app.history()
                .undo_label()
                .is_some_and(|l| l.starts_with("move ")),
            "one step of the fan's"
        );
        // With the document at hand the move is made at once, no job.
        let _ = app.apply(Command::Undo);
        let _ = app.apply(Command::OpenArticle(id));
        app.finish_jobs_blocking();
        assert!(app.open_document().is_some());
        let effects = app.apply(Command::Change(Change::MoveArticle(id, None)));
        assert!(
            effects.iter().all(|e| e.kind() != JobKind::Parse),
            "{effects:?}"
        );
        assert_eq!(app.library().article(id).unwrap().0.title, named);
    }

    #[test]
    fn a_read_only_window_tries_the_lock_and_takes_over_on_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let writer = Store::open(dir.path()).unwrap();
        let mut app = settled(dir.path());
        assert!(app.is_read_only());
        let _ = app.after_frame();
        assert!(
            app.jobs.is_busy_with(&[JobKind::Check]),
            "the lock is tried on a job"
        );
        app.settle_jobs(&[JobKind::Check]);
        assert!(!app.view.takeover_offered, "held by the other window");
        drop(writer);
        app.checked = super::super::takeover::Checks::default();
        let _ = app.after_frame();
        app.settle_jobs(&[JobKind::Check]);
        assert!(app.view.takeover_offered);
        let back = apply_and_complete(&mut app, Command::TakeOver, JobKind::Folder);
        assert!(app.is_read_only(), "not until the folder is opened again");
        assert!(matches!(back, Command::TookOver(_)), "{back:?}");
        let _ = app.apply(back);
        assert!(!app.is_read_only(), "{:?}", app.notices());
    }

    #[test]
    fn the_files_notices_name_are_looked_for_on_a_job() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        let kept = dir.path().join("kept-aside.json");
        std::fs::write(&kept, "{").unwrap();
        app.notify_notice(&crate::storage::Notice::KeptAside {
            kept_as: kept.clone(),
            reason: "a test".into(),
        });
        let _ = app.after_frame();
        app.settle_jobs(&[JobKind::Check]);
        let named = kept.display().to_string();
        assert!(app.notices()[0].contains(&named), "{:?}", app.notices());
        std::fs::remove_file(&kept).unwrap();
        app.checked = super::super::takeover::Checks::default();
        let _ = app.after_frame();
        assert!(
            app.jobs.is_busy_with(&[JobKind::Check]),
            "looked for on a job"
        );
        let shown = app.notices().to_vec();
        app.settle_jobs(&[JobKind::Check]);
        assert_ne!(app.notices(), shown, "{:?}", app.notices());
    }

    /// A job that stops with a fault forgets only its own kind's work in flight: after a
    /// faulty Find job the next keystroke searches again, and a fault elsewhere does not
    /// start a second merge of conflict copies beside the one under way.
    #[test]
    fn a_job_fault_forgets_only_its_own_kinds_work() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = settled(dir.path());
        app.view.search.open = true;
        app.searcher.building = true;
        app.searcher.searching = true;
        app.copies.busy = true;
        let _ = app.try_apply(Command::JobFault(JobKind::Search, "a search".into()));
        assert!(!app.searcher.building && !app.searcher.searching);
        assert!(
            app.copies.busy,
            "a Find fault leaves the conflict-copy merge alone"
        );
        app.request_search();
        assert!(app.searcher.building, "Find works again after a fault");
        let _ = app.try_apply(Command::JobFault(JobKind::Export, "an export".into()));
        assert!(
            app.copies.busy,
            "an export fault leaves the conflict-copy merge alone"
        );
        let _ = app.try_apply(Command::JobFault(JobKind::Merge, "copies".into()));
        assert!(!app.copies.busy);
    }
}
