//! Transient UI state: what is selected, half-typed drafts, open dialogs. Not saved.

use std::ops::Range;

use crate::model::{Anchor, ThreadId};

/// Text selected in the article, ready to become a thread's anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// The block holding the selection.
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// The selected text.
    pub text: String,
}

/// A prediction being typed, before "Add".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PredictionDraft {
    /// What is predicted.
    pub statement: String,
    /// Probability in percent.
    pub probability_pct: u8,
    /// Resolve-by date as typed (YYYY-MM-DD), may be empty.
    pub resolve_by: String,
}

impl Default for PredictionDraft {
    fn default() -> Self {
        Self {
            statement: String::new(),
            probability_pct: 50,
            resolve_by: String::new(),
        }
    }
}

/// UI state that lives only while the window is open.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The thread whose details are shown and whose passage is highlighted.
    pub selected_thread: Option<ThreadId>,
    /// Set when the article should scroll to the selected thread's passage next frame.
    pub scroll_to_selected: bool,
    /// A thread being renamed, with the name typed so far.
    pub renaming: Option<(ThreadId, String)>,
    /// The title typed in the "new thread" box.
    pub new_thread_title: String,
    /// The prediction being typed.
    pub prediction_draft: PredictionDraft,
    /// Error shown under the prediction form.
    pub prediction_error: Option<String>,
    /// Text selected in the article.
    pub selection: Option<TextSelection>,
    /// Whether the paste dialog is open, and what is in it.
    pub paste: Option<String>,
    /// The last link the user clicked in the article (opened in the browser).
    pub last_opened_link: Option<String>,
    /// The window was asked to close but the last edits could not be saved.
    pub close_blocked: bool,
    /// The user chose to quit even though the last edits could not be saved.
    pub quit_without_saving: bool,
    /// The "Save elsewhere" window, when open, with the folder or file path typed so far.
    pub elsewhere: Option<String>,
    /// The system had no file dialog to show; the path field is the way to choose.
    pub no_file_dialog: bool,
    /// An editable text field had the keyboard focus last frame (selectable article text does
    /// not count), so Ctrl+Z belongs to it.
    pub editing_text: bool,
    /// The backups window, when open, with the backups listed when it opened.
    pub backups: Option<Vec<std::path::PathBuf>>,
    /// A passage shown from the Suggested section: highlighted in the article instead of the
    /// selected thread's passage.
    pub highlighted_passage: Option<Anchor>,
    /// The as-of date being typed in the article's header (`None` when not editing).
    pub as_of_draft: Option<String>,
    /// Why the as-of date typed could not be used, in words.
    pub as_of_error: Option<String>,
    /// Which suggestions to offer, kept until the library changes: `(dossier id, library
    /// generation, indices into the dossier's suggestions)`.
    pub offered: Option<(u64, u64, Vec<usize>)>,
}
