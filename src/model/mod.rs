//! Pure data and rules: articles, dossiers, threads, notes and predictions.
//!
//! Nothing here touches egui or the file system, so every rule can be tested directly.

mod anchor;
mod article;
mod default_dossier;
mod document;
mod dossier;
mod generate;
mod import;
mod library;
mod merge;
mod prediction;
mod saved_suggestion;
pub mod suggest;
mod thread;

pub use anchor::{Anchor, AnchorMatch};
pub use article::{Article, ArticleFormat};
pub use default_dossier::{DEFAULT_ARTICLE_MARKDOWN, default_dossier};
pub use document::{Block, BlockKind, Document, Span, SpanStyle};
pub use dossier::{Dossier, DossierId};
pub use generate::{LibraryShape, generate_library};
pub use import::{ImportError, MAX_ARTICLE_BYTES, guess_format, import_article};
pub use library::{Library, LibraryError};
pub use merge::{Merged, merge_libraries};
pub use prediction::{Outcome, Prediction, PredictionId, brier_score};
pub use saved_suggestion::{
    MAX_SAVED_PASSAGES, SavedSuggestion, SuggestionState, offered_suggestions, same_question,
    save_suggestions, suggested_passages,
};
pub use thread::{Thread, ThreadId, ThreadStatus};
