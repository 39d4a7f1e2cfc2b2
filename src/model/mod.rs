//! Pure data and rules: articles, dossiers, threads, notes and predictions.
//!
//! Nothing here touches egui or the file system, so every rule can be tested directly.

mod anchor;
mod article;
mod default_dossier;
mod document;
mod dossier;
mod generate;
pub mod import;
mod library;
mod merge;
mod prediction;
mod repair;
mod saved_suggestion;
pub mod suggest;
mod thread;

pub use anchor::{Anchor, AnchorMatch};
pub use article::{Article, ArticleFormat};
pub use default_dossier::{DEFAULT_ARTICLE_MARKDOWN, default_dossier};
pub use document::{
    Block, BlockKind, CHUNK_BYTES, CellAlign, Document, Marker, Piece, PieceText, Slice, Span,
    SpanStyle, TableRow,
};
pub use dossier::{Dossier, DossierId};
pub use generate::{LibraryShape, generate_library};
pub use import::{ImportError, Imported, MAX_ARTICLE_BYTES, Origin, SourceKind, import};
pub use library::{Library, LibraryError};
pub use merge::{Merged, merge_libraries};
pub use prediction::{Outcome, Prediction, PredictionId, brier_score};
pub use repair::{ItemKind, LibraryRepair};
pub use saved_suggestion::{
    MAX_SAVED_PASSAGES, SavedSuggestion, SuggestionState, offered_suggestions, same_question,
    save_suggestions, suggested_passages,
};
pub use thread::{Thread, ThreadId, ThreadStatus};
