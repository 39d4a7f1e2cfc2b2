//! Opening a file imported before: the saved copy when the file is unchanged, else the
//! file's new text brought in by [`crate::model::reopen_edit`] (an update of the saved copy or
//! a newer article of the show), with a notice saying which and where the threads' passages
//! went.

use std::sync::Arc;

use super::{App, AppError, Command};
use crate::model::{Article, ArticleId, FileChange, Reopening, quoted, reopen_edit};

impl App {
    /// Opens article `id`, imported before from the file named `label`, whose text read now
    /// is `fresh`. Problems (a read-only window) are told in the window; the saved copy is
    /// opened then.
    pub(super) fn reopen_file(&mut self, id: ArticleId, label: &str, fresh: Article) {
        if let Err(error) = self.try_reopen_file(id, label, fresh) {
            self.apply(Command::OpenArticle(id));
            self.notify(format!(
                "{label} has changed since it was imported, but the new text could not be brought in: {error}"
            ));
        }
    }

    fn try_reopen_file(
        &mut self,
        id: ArticleId,
        label: &str,
        fresh: Article,
    ) -> Result<(), AppError> {
        let unchanged = self.library.article(id).is_ok_and(|(_, entry)| {
            crate::model::compare(&entry.article, &fresh) == FileChange::Same
        });
        if unchanged {
            self.apply(Command::OpenArticle(id));
            return Ok(());
        }
        // Parsed once: to re-anchor the threads, then kept as the open article's document.
        let document = Arc::new(fresh.document());
        let (title, body) = (fresh.title.clone(), fresh.body.clone());
        let told = self.bring_in(id, fresh, &title, body, document)?;
        match told {
            Some(reopening) => self.notify(reopening.message(label, &title)),
            None => self.apply(Command::OpenArticle(id)),
        }
        Ok(())
    }

    /// Commits the edit that brings `fresh` in (see [`reopen_edit`]) and opens the article it
    /// gives; `None` when nothing changed.
    fn bring_in(
        &mut self,
        id: ArticleId,
        fresh: Article,
        title: &str,
        body: Arc<str>,
        document: Arc<crate::model::Document>,
    ) -> Result<Option<Reopening>, AppError> {
        let mut writable = self.writable()?;
        writable.reclaim_snapshot();
        let library = Arc::make_mut(&mut writable.library);
        let Some(reopening) = reopen_edit(library, id, fresh, &document)? else {
            return Ok(None);
        };
        let verb = match reopening.change {
            FileChange::Newer => "add the newer",
            _ => "update",
        };
        let step = format!("{verb} {} from its file", quoted(title));
        writable.documents.adopt(reopening.article, body, document);
        writable.commit(reopening.edit.clone(), step)?;
        let show = writable.library.article(reopening.article)?.0.id;
        writable.open_place(show, Some(reopening.article));
        Ok(Some(reopening))
    }
}
