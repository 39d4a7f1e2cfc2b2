//! The one way the fan's changes reach the library: a [`Writable`], which only
//! [`App::writable`] makes, and only in a window that may save. A read-only window is refused
//! by type: it cannot get a `Writable`, so no path that changes saved data in answer to the fan
//! (an edit, an import, undo, redo, a restore, a merge) can forget to check.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Instant;

use super::{App, AppError};
use crate::model::Edit;

/// Leave to change the library: see the module docs.
pub struct Writable<'a>(&'a mut App);

impl App {
    /// Leave to change the library.
    ///
    /// # Errors
    /// [`AppError::ReadOnly`] in a read-only window (another window writes to the folder).
    pub(super) fn writable(&mut self) -> Result<Writable<'_>, AppError> {
        if self.is_read_only() {
            return Err(AppError::ReadOnly);
        }
        Ok(Writable(self))
    }
}

impl Writable<'_> {
    /// Applies `edit` to the library, records it for undo as `label`, keeps the view on items
    /// that still exist, and schedules a save.
    ///
    /// # Errors
    /// [`AppError`] when the edit names an item that is gone (the library is unchanged).
    pub(super) fn commit(&mut self, edit: Edit, label: String) -> Result<(), AppError> {
        let typing = edit.typing_field();
        self.record(edit, label, typing)
    }

    /// Like [`Writable::commit`], as a step of its own: a draft committed from a field is one
    /// burst of typing already (see `super::drafts`), never merged with the step before.
    ///
    /// # Errors
    /// As [`Writable::commit`].
    pub(super) fn commit_step(&mut self, edit: Edit, label: String) -> Result<(), AppError> {
        self.record(edit, label, None)
    }

    fn record(
        &mut self,
        edit: Edit,
        label: String,
        typing: Option<crate::model::TypingField>,
    ) -> Result<(), AppError> {
        let app = &mut *self.0;
        let selects = added_thread(&edit);
        let inverse = app.apply_edit(edit)?;
        app.history.record(label, typing, inverse, Instant::now());
        // "Undid …" in the status line is about the step before this one: no longer news.
        app.view.last_undo = None;
        if let Some(thread) = selects {
            app.view.selected_thread = Some(thread);
            app.view.scroll_to_selected = true;
            app.view.highlighted_passage = None;
        }
        Ok(())
    }

    /// Applies `edit` without recording it for undo: a merge of another program's change.
    /// Steps that would put back a whole library from before it (undoing a restore) are
    /// dropped, so no undo can erase what the other side wrote.
    ///
    /// # Errors
    /// [`AppError`] when the edit names an item that is gone (the library is unchanged).
    pub(super) fn apply_outside_history(&mut self, edit: Edit) -> Result<(), AppError> {
        let app = &mut *self.0;
        app.apply_edit(edit)?;
        app.history.forget_whole_library_steps();
        Ok(())
    }

    /// Undoes (or redoes) the last step, naming it in the status line.
    ///
    /// # Errors
    /// [`AppError::History`] when the step no longer applies (it is dropped).
    pub(super) fn undo_or_redo(&mut self, undo: bool) -> Result<(), AppError> {
        let app = &mut *self.0;
        app.reclaim_snapshot();
        let library = Arc::make_mut(&mut app.library);
        let done = if undo {
            app.history.undo(library)
        } else {
            app.history.redo(library)
        };
        let done = done.map_err(|source| AppError::History { undo, source })?;
        if let Some(label) = done {
            app.after_change();
            let verb = if undo { "Undid" } else { "Redid" };
            app.view.last_undo = Some(format!("{verb} {label}"));
        }
        Ok(())
    }
}

impl Deref for Writable<'_> {
    type Target = App;

    fn deref(&self) -> &App {
        self.0
    }
}

impl DerefMut for Writable<'_> {
    fn deref_mut(&mut self) -> &mut App {
        self.0
    }
}

/// The thread an edit adds, if it adds exactly one (to select it).
fn added_thread(edit: &Edit) -> Option<crate::model::ThreadId> {
    fn collect(edit: &Edit, found: &mut Vec<crate::model::ThreadId>) {
        match edit {
            Edit::InsertThread { thread, .. } => found.push(thread.id),
            Edit::Batch(edits) => edits.iter().for_each(|e| collect(e, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    collect(edit, &mut found);
    match found[..] {
        [id] => Some(id),
        _ => None,
    }
}
