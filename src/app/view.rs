//! Transient UI state: what is open and selected, half-typed drafts, open dialogs. Not saved
//! with the library (the open show is remembered in the window's own state file).

use std::ops::Range;
use std::sync::Arc;

use super::drafts::Drafts;
use crate::model::{
    Anchor, ArticleId, Calibration, LedgerColumn, LedgerFilter, LedgerRow, Library, Offer, ShowId,
    ThreadId, calibration, ledger_rows, sort_rows,
};

/// Text selected in the article, ready to become a thread's anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// The block holding the selection (its first block, when it spans several).
    pub block: usize,
    /// Byte range in the block's text (to the block's end, when the selection goes on).
    pub range: Range<usize>,
    /// When the selection goes on into later blocks: the last block and the byte offset in its
    /// text where the selection ends.
    pub end: Option<(usize, usize)>,
    /// The selected text (the part of each block, joined by
    /// [`crate::model::BLOCK_SEPARATOR`], when it spans blocks).
    pub text: String,
}

/// A text box whose text is not a field of saved data but is kept across a restart in the
/// window's state (`ui-state.json`): what is typed there is not lost on quit either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextBox {
    /// The new-question box ([`ViewState::new_thread_title`]).
    NewThreadTitle,
    /// The "Paste article" window's text ([`ViewState::paste`]).
    Paste,
    /// The "Save elsewhere" path ([`ViewState::elsewhere`]).
    ElsewherePath,
    /// The as-of date being typed ([`ViewState::as_of_draft`]).
    AsOf,
}

/// A field of the new-prediction form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PredictionFormField {
    /// The statement.
    Statement,
    /// The probability.
    Probability,
    /// The resolve-by date.
    ResolveBy,
}

/// A prediction being typed, before "Add".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PredictionDraft {
    /// While an input method composes in one of the form's fields: which, and the byte range
    /// of the syllable being composed there (shown, never added nor remembered; see
    /// [`PredictionDraft::settled`]).
    pub preedit: Option<(PredictionFormField, Range<usize>)>,
    /// What is predicted.
    pub statement: String,
    /// The probability as typed (a percentage or odds, see
    /// [`crate::model::Probability::parse`]).
    pub probability: String,
    /// The fan confirmed a certainty (0 % or 100 %) typed in `probability`.
    pub certain: bool,
    /// The thread it is typed under (set by the form while it is drawn).
    pub thread: Option<ThreadId>,
    /// Resolve-by date as typed (YYYY-MM-DD), may be empty.
    pub resolve_by: String,
}

impl PredictionDraft {
    /// The new prediction typed under `thread` in `drafts` (a blank form when none is): each
    /// thread keeps its own, so selecting another thread loses nothing typed. Blank forms of
    /// other threads are let go.
    pub fn for_thread(drafts: &mut Vec<Self>, thread: ThreadId) -> &mut Self {
        drafts.retain(|d| d.thread == Some(thread) || !d.is_blank());
        let at = match drafts.iter().position(|d| d.thread == Some(thread)) {
            Some(at) => at,
            None => {
                drafts.push(Self {
                    thread: Some(thread),
                    ..Self::default()
                });
                drafts.len() - 1
            }
        };
        &mut drafts[at]
    }

    /// The form without the syllable an input method is composing: what is added or
    /// remembered.
    pub fn settled(&self) -> Self {
        let mut settled = self.clone();
        if let Some((field, range)) = settled.preedit.take() {
            let text = match field {
                PredictionFormField::Statement => &mut settled.statement,
                PredictionFormField::Probability => &mut settled.probability,
                PredictionFormField::ResolveBy => &mut settled.resolve_by,
            };
            *text = super::drafts::without_preedit(text, Some(&range));
        }
        settled
    }

    /// Nothing typed: the form as it starts (no statement, 50 %, no date).
    pub fn is_blank(&self) -> bool {
        let blank = Self::default();
        self.statement.trim().is_empty()
            && self.probability.trim() == blank.probability
            && self.resolve_by.trim().is_empty()
    }
}

impl Default for PredictionDraft {
    fn default() -> Self {
        Self {
            preedit: None,
            statement: String::new(),
            probability: "50".to_owned(),
            certain: false,
            thread: None,
            resolve_by: String::new(),
        }
    }
}

/// Where a newly imported article was filed, said under its title until the fan keeps it or
/// picks another show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filing {
    /// The article.
    pub article: ArticleId,
    /// Whether it went to a show it names (else to a new show of its own).
    pub named: bool,
}

/// The backups listed when the "Restore a backup" window opened (newest first, each with what
/// it holds and how it differs from the library then), or why they could not be listed (a
/// folder that cannot be read is not a folder without backups).
pub type BackupList = Result<Vec<super::ListedBackup>, Arc<crate::storage::StorageError>>;

/// UI state that lives only while the window is open.
///
/// Window-level fields (open dialogs, the close guard, the last link, notices of undo) stay
/// when another show or article is opened; per-page fields are reset by
/// [`ViewState::leave_page`].
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The show on screen.
    pub open_show: Option<ShowId>,
    /// The article on screen (one of the open show's).
    pub open_article: Option<ArticleId>,
    /// Where the last imported article was filed (see [`Filing`]).
    pub filing: Option<Filing>,
    /// What the last undo or redo did, for the status line ("Undid tick '…'").
    pub last_undo: Option<String>,
    /// The thread whose details are shown and whose passage is highlighted.
    pub selected_thread: Option<ThreadId>,
    /// Set when the article should scroll to the selected thread's passage next frame.
    pub scroll_to_selected: bool,
    /// The thread being renamed in the checklist (the name typed so far is its draft).
    pub renaming: Option<ThreadId>,
    /// What is typed into fields of saved data, not yet committed (see [`Drafts`]).
    pub drafts: Drafts,
    /// An input method was composing in a text field in the frame just drawn: Enter,
    /// Backspace, Escape and Tab belong to it, not to the window.
    pub composing: bool,
    /// While an input method composes in a [`TextBox`]: which, and the byte range of the
    /// syllable being composed in its text (shown, never remembered or committed). Set by the
    /// box each frame it is drawn (see [`ViewState::record_preedit`]).
    pub box_preedit: Option<(TextBox, Range<usize>)>,
    /// The title typed in the "new thread" box.
    pub new_thread_title: String,
    /// The new predictions being typed, one per thread typed under (a form left for another
    /// thread keeps its text; see [`PredictionDraft::for_thread`]).
    pub prediction_drafts: Vec<PredictionDraft>,
    /// A prediction's probability while its slider is dragged (committed when let go).
    pub probability_drag: Option<(crate::model::PredictionId, u8)>,
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
    pub backups: Option<BackupList>,
    /// A passage shown from the Suggested section: highlighted in the article instead of the
    /// selected thread's passage.
    pub highlighted_passage: Option<Anchor>,
    /// The as-of date being typed in the article's header (`None` when not editing).
    pub as_of_draft: Option<String>,
    /// Why the as-of date typed could not be used, in words.
    pub as_of_error: Option<String>,
    /// Which suggestions to offer, kept until the library changes: `(article id, library
    /// generation, offers)`.
    pub offered: Option<(ArticleId, u64, Vec<Offer>)>,
    /// A read-only window found the writer lock free: taking over is offered.
    pub takeover_offered: bool,
    /// The library was opened read-only because show files it names are not in the folder
    /// yet (`Notice::ShowFilesMissing`): taking over is offered as opening it again.
    pub waiting_for_shows: bool,
    /// The show the fan asked to delete, waiting for the question to be answered.
    pub confirm_delete_show: Option<crate::model::ShowId>,
    /// A Markdown export found notes of the same names in its folder: replace them?
    pub confirm_replace_notes: Option<ReplaceNotes>,
    /// Why the last link clicked was not opened, in words, for the status line.
    pub link_status: Option<String>,
    /// The address of the link under the pointer this frame, for the status line.
    pub hovered_link: Option<String>,
    /// The Predictions view (issue 19): open or not, its sort and filter, and what it shows.
    pub ledger: LedgerView,
    /// The due reminder (issue 19, item 4).
    pub due: DueReminder,
    /// Find (issue 20): the box, what was found, the hit shown.
    pub search: super::SearchView,
}

/// Markdown notes an export would replace, waiting for the fan to say whether to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplaceNotes {
    /// The folder.
    pub dir: std::path::PathBuf,
    /// The names of the notes already there.
    pub names: Vec<String>,
}

/// The due reminder's state: window-level, kept from page to page.
#[derive(Clone, Debug, Default)]
pub struct DueReminder {
    /// The day the library was last looked at for due predictions (once a day).
    pub checked_on: Option<jiff::civil::Date>,
    /// The due predictions announced (emptied when the fan puts the reminder off).
    pub shown: Vec<crate::model::PredictionId>,
}

/// The Predictions view's state: window-level, kept from page to page.
#[derive(Clone, Debug, Default)]
pub struct LedgerView {
    /// Whether the view is shown.
    pub open: bool,
    /// What it is filtered by.
    pub filter: LedgerFilter,
    /// The column it is sorted by.
    pub sort: LedgerColumn,
    /// Sorted A to Z, low to high (else the other way).
    pub descending: bool,
    /// What was computed for the current library, filter and sort.
    pub cached: Option<LedgerCache>,
}

/// The ledger's rows and calibration, computed once per change of the library, of the filter
/// or of the sort (never per frame).
#[derive(Clone, Debug)]
pub struct LedgerCache {
    /// What it was computed for: the library generation, filter, sort, direction and day.
    pub key: (u64, LedgerFilter, LedgerColumn, bool, jiff::civil::Date),
    /// The rows that pass the filter, sorted (shared: a frame takes it without a copy).
    pub rows: std::sync::Arc<Vec<LedgerRow>>,
    /// How many predictions the library holds, filtered or not.
    pub total: usize,
    /// The calibration of every prediction of the filtered show (or of the library), whatever
    /// the state and text filters.
    pub calibration: Calibration,
}

impl LedgerView {
    /// The rows and calibration for `library` at `generation` (see
    /// [`super::UiParts::generation`]), computed again only when the library, the filter, the
    /// sort or the day changed.
    pub fn computed(
        &mut self,
        library: &Library,
        generation: u64,
        today: jiff::civil::Date,
    ) -> &LedgerCache {
        let key = (
            generation,
            self.filter.clone(),
            self.sort,
            self.descending,
            today,
        );
        let filter = &self.filter;
        let (sort, ascending) = (self.sort, !self.descending);
        let cache = self
            .cached
            .take()
            .filter(|c| c.key == key)
            .unwrap_or_else(|| {
                let all = ledger_rows(library);
                let total = all.len();
                let calibration = calibration(
                    all.iter()
                        .filter(|r| filter.show.is_none_or(|s| s == r.show))
                        .map(|r| &r.prediction),
                );
                let mut rows: Vec<LedgerRow> = all
                    .into_iter()
                    .filter(|r| filter.matches(r, today))
                    .collect();
                sort_rows(&mut rows, sort, ascending);
                LedgerCache {
                    key,
                    rows: std::sync::Arc::new(rows),
                    total,
                    calibration,
                }
            });
        self.cached.insert(cache)
    }
}

impl ViewState {
    /// Forgets what belonged to the page being left (selection, drafts, highlights), keeping
    /// window-level state (dialogs, the close guard, the last link).
    pub fn leave_page(&mut self) {
        *self = ViewState {
            open_show: self.open_show,
            open_article: self.open_article,
            last_undo: self.last_undo.take(),
            paste: self.paste.take(),
            last_opened_link: self.last_opened_link.take(),
            close_blocked: self.close_blocked,
            quit_without_saving: self.quit_without_saving,
            elsewhere: self.elsewhere.take(),
            no_file_dialog: self.no_file_dialog,
            editing_text: self.editing_text,
            backups: self.backups.take(),
            takeover_offered: self.takeover_offered,
            waiting_for_shows: self.waiting_for_shows,
            confirm_delete_show: self.confirm_delete_show.take(),
            // Keyed by item, committed after the frame when their fields are gone.
            drafts: std::mem::take(&mut self.drafts),
            // The new-question box stays on screen from page to page, and so does its text.
            new_thread_title: std::mem::take(&mut self.new_thread_title),
            composing: self.composing,
            box_preedit: self.box_preedit.take(),
            // A new prediction typed but not added stays, with the thread it is for.
            prediction_drafts: std::mem::take(&mut self.prediction_drafts),
            ledger: std::mem::take(&mut self.ledger),
            due: std::mem::take(&mut self.due),
            search: std::mem::take(&mut self.search),
            ..ViewState::default()
        };
    }

    /// Records what the input method composes in `which` as it is drawn: the pre-edit range
    /// its field reported (`None`: not composing there).
    pub fn record_preedit(&mut self, which: TextBox, preedit: Option<Range<usize>>) {
        match preedit {
            Some(range) => self.box_preedit = Some((which, range)),
            None if self.box_preedit.as_ref().is_some_and(|(b, _)| *b == which) => {
                self.box_preedit = None;
            }
            None => {}
        }
    }

    /// The text of `which` without the syllable being composed in it: what is remembered or
    /// set (`None` when the box is not open).
    pub fn settled(&self, which: TextBox) -> Option<String> {
        let text = match which {
            TextBox::NewThreadTitle => Some(&self.new_thread_title),
            TextBox::Paste => self.paste.as_ref(),
            TextBox::ElsewherePath => self.elsewhere.as_ref(),
            TextBox::AsOf => self.as_of_draft.as_ref(),
        }?;
        let preedit = match &self.box_preedit {
            Some((b, range)) if *b == which => Some(range),
            _ => None,
        };
        Some(super::drafts::without_preedit(text, preedit))
    }
}
