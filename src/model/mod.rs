//! Pure data and rules: shows, their articles and threads, notes and predictions, and the
//! edits that change them.
//!
//! Nothing here touches egui or the file system, so every rule can be tested directly.

mod anchor;
mod article;
mod backup_summary;
mod default_show;
mod document;
mod edit;
mod edit_label;
mod history;
pub mod import;
mod ledger;
mod library;
mod link;
#[cfg(test)]
mod locked_tests;
mod merge;
mod merge_in;
mod prediction;
mod probability;
mod reopen;
mod repair;
mod saved_suggestion;
pub mod search;
mod show;
mod show_name;
pub mod suggest;
mod thread;

pub use anchor::{Anchor, AnchorMatch, BLOCK_SEPARATOR, TextPoint, passage_parts, passage_text};
pub use article::{Article, ArticleFormat};
pub use backup_summary::{BackupSummary, Counts, Difference, RENAMES_NAMED, difference, summary};
pub use default_show::{
    DEFAULT_ARTICLE_MARKDOWN, DEFAULT_SHOW_ORIGINAL_TITLE, DEFAULT_SHOW_TITLE, default_show,
};
pub use document::{
    Block, BlockKind, CHUNK_BYTES, CellAlign, Document, Marker, Piece, PieceText, Slice, Span,
    SpanStyle, TableRow,
};
pub use edit::{
    ArticleField, Edit, PredictionField, ShowField, SuggestionField, ThreadField, TypingField,
    add_thread, remove_article, remove_show, set_thread_status,
};
pub use edit_label::{LABEL_NAME_CHARS, quoted};
pub use history::{History, MAX_BYTES, MAX_STEPS, TYPING_PAUSE};
pub use import::{ImportError, Imported, MAX_ARTICLE_BYTES, Origin, SourceKind, import};
pub use ledger::{
    BINS, Bin, Calibration, LedgerColumn, LedgerFilter, LedgerRow, StateFilter, bin_of,
    calibration, ledger_rows, sort_rows,
};
pub use library::{Library, LibraryError};
pub use link::{LinkRefused, OPENABLE_SCHEMES, check_link};
pub use merge::{Merged, merge_libraries};
pub use merge_in::{
    Added, Conflict, Field, MergedIn, THEIR_NOTE_MARK, TextKey, merge_in, merge_in_with,
    merge_with_base,
};
pub use prediction::{Given, Outcome, Prediction, PredictionId, brier_score};
pub use probability::{Probability, ProbabilityError};
pub use reopen::{
    FileChange, MIN_SIMILARITY, Reanchored, Reopening, compare, reanchor, reopen_edit,
};
pub use repair::{ItemKind, LibraryRepair};
pub use saved_suggestion::{
    MAX_SAVED_PASSAGES, Offer, SavedSuggestion, SuggestionState, offered_suggestions,
    same_question, save_suggestions, suggested_passages,
};
pub use show::{ArticleEntry, ArticleId, Show, ShowId, ShowStatus, ThreadEvent};
pub use show_name::guess_show_title;
pub use thread::{Thread, ThreadId, ThreadStatus};
