//! Undo and redo: a bounded list of inverse [`Edit`]s, each with the name of the action it
//! undoes ("tick 'Renewal…'").
//!
//! Typing is coalesced: edits of one text field (see [`Edit::typing_field`]) less than
//! [`TYPING_PAUSE`] apart are one step, so one undo takes back a burst of typing, not one
//! letter. History lives only as long as the window: it is never saved.
//!
//! Memory is bounded by [`MAX_STEPS`] and [`MAX_BYTES`] (the oldest steps go first); a step
//! holds only what its edit changed, never a copy of the library (a merge or restore holds the
//! library it replaced, whose article bodies are shared, not copied).

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::{Edit, Library, LibraryError, TypingField};

/// Edits of one field closer together than this are undone as one.
pub const TYPING_PAUSE: Duration = Duration::from_millis(1500);
/// The most steps kept for undo.
pub const MAX_STEPS: usize = 1000;
/// The most memory (as [`Edit::heap_bytes`] counts it) the undo steps may hold.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// One undoable (or redoable) step.
#[derive(Clone, Debug)]
struct Step {
    /// What the fan did, e.g. "tick 'Renewal…'".
    label: String,
    /// The edit that takes it back (or, on the redo list, does it again).
    edit: Edit,
    /// The field being typed into and when it was last typed, for coalescing.
    typing: Option<(TypingField, Instant)>,
    /// [`Edit::heap_bytes`] of `edit`, kept to maintain the total.
    bytes: usize,
}

/// The undo and redo lists of one window.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    bytes: usize,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that the action `label` was done by applying an edit whose inverse is `inverse`
    /// (as [`Edit::apply`] returned it), at `now`; `typing` is the edit's
    /// [`Edit::typing_field`]. Clears the redo list.
    ///
    /// If the edit types into the same field as the last step, within [`TYPING_PAUSE`] of it,
    /// the two are one step: the older inverse (which restores the text from before the
    /// burst) is kept.
    pub fn record(
        &mut self,
        label: String,
        typing: Option<TypingField>,
        inverse: Edit,
        now: Instant,
    ) {
        self.redo.clear();
        if let (Some(field), Some(last)) = (typing, self.undo.back_mut())
            && let Some((last_field, at)) = &mut last.typing
            && *last_field == field
            && now.saturating_duration_since(*at) < TYPING_PAUSE
        {
            *at = now;
            return;
        }
        let bytes = inverse.heap_bytes();
        self.bytes += bytes;
        self.undo.push_back(Step {
            label,
            edit: inverse,
            typing: typing.map(|field| (field, now)),
            bytes,
        });
        while self.undo.len() > MAX_STEPS || (self.bytes > MAX_BYTES && self.undo.len() > 1) {
            if let Some(oldest) = self.undo.pop_front() {
                self.bytes -= oldest.bytes;
            }
        }
    }

    /// Takes back the last step; returns its label, or `None` when there is nothing to undo.
    ///
    /// # Errors
    /// When the step no longer applies (its item is gone); the step is dropped and the library
    /// is unchanged.
    pub fn undo(&mut self, library: &mut Library) -> Result<Option<String>, LibraryError> {
        let Some(step) = self.undo.pop_back() else {
            return Ok(None);
        };
        self.bytes -= step.bytes;
        let redo = step.edit.apply(library)?;
        self.redo.push(Step {
            bytes: redo.heap_bytes(),
            label: step.label.clone(),
            edit: redo,
            typing: None,
        });
        Ok(Some(step.label))
    }

    /// Does again the last step undone; returns its label, or `None` when there is nothing to
    /// redo.
    ///
    /// # Errors
    /// When the step no longer applies; it is dropped and the library is unchanged.
    pub fn redo(&mut self, library: &mut Library) -> Result<Option<String>, LibraryError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        let undo = step.edit.apply(library)?;
        let bytes = undo.heap_bytes();
        self.bytes += bytes;
        self.undo.push_back(Step {
            label: step.label.clone(),
            edit: undo,
            typing: None,
            bytes,
        });
        Ok(Some(step.label))
    }

    /// Drops the steps that would put back a whole library (undoing or redoing a restore):
    /// after a merge of another program's change, such a step would erase that change.
    /// Returns how many were dropped.
    pub fn forget_whole_library_steps(&mut self) -> usize {
        let before = self.undo.len() + self.redo.len();
        let whole = |step: &Step| matches!(step.edit, Edit::Replace(_));
        self.undo.retain(|step| !whole(step));
        self.redo.retain(|step| !whole(step));
        self.bytes = self.undo.iter().map(|step| step.bytes).sum();
        before - self.undo.len() - self.redo.len()
    }

    /// The action the next undo takes back, e.g. "tick 'Renewal…'".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// The action the next redo does again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Roughly how many bytes the undo steps hold (see [`Edit::heap_bytes`]).
    pub fn heap_bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ThreadField, ThreadId};

    fn note(thread: ThreadId, text: &str) -> Edit {
        Edit::SetThread(thread, ThreadField::Note(text.into()))
    }

    fn apply(history: &mut History, library: &mut Library, edit: Edit, now: Instant) {
        let typing = edit.typing_field();
        let inverse = edit.apply(library).unwrap();
        history.record("note".into(), typing, inverse, now);
    }

    #[test]
    fn typing_in_one_burst_is_one_step_and_a_pause_starts_another() {
        let mut library = Library::default();
        let thread = library.shows[0].threads[0].id;
        let mut history = History::new();
        let t0 = Instant::now();
        for (i, text) in ["h", "he", "hel", "hell", "hello"].iter().enumerate() {
            apply(
                &mut history,
                &mut library,
                note(thread, text),
                t0 + Duration::from_millis(200 * i as u64),
            );
        }
        let later = t0 + Duration::from_secs(10);
        apply(
            &mut history,
            &mut library,
            note(thread, "hello there"),
            later,
        );
        assert_eq!(history.undo_len(), 2);
        history.undo(&mut library).unwrap();
        assert_eq!(library.thread(thread).unwrap().1.note, "hello");
        history.undo(&mut library).unwrap();
        assert_eq!(library.thread(thread).unwrap().1.note, "");
        history.redo(&mut library).unwrap();
        history.redo(&mut library).unwrap();
        assert_eq!(library.thread(thread).unwrap().1.note, "hello there");
        assert_eq!(history.redo(&mut library), Ok(None));
    }

    #[test]
    fn the_history_keeps_at_most_max_steps() {
        let mut library = Library::default();
        let thread = library.shows[0].threads[0].id;
        let mut history = History::new();
        let t0 = Instant::now();
        for i in 0..MAX_STEPS + 5 {
            // A minute apart: no coalescing.
            let now = t0 + Duration::from_secs(60 * i as u64);
            apply(
                &mut history,
                &mut library,
                note(thread, &i.to_string()),
                now,
            );
        }
        assert_eq!(history.undo_len(), MAX_STEPS);
    }
}
