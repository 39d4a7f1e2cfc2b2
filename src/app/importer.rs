//! Reading and importing articles off the UI thread.
//!
//! Opening a file (command line, file picker, drop) and pasting text return an
//! [`super::Effect::Import`]; a job reads the file, runs [`crate::model::import`], parses the
//! article and guesses the show it names, and the app applies the result
//! ([`super::Command::Imported`]). While a job runs, the status line says what is being opened.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::ReadError;
use crate::model::{
    Document, ImportError, Imported, MAX_ARTICLE_BYTES, Origin, guess_show_title, import,
};

/// What to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportSource {
    /// A file on disk.
    File(PathBuf),
    /// Text pasted into the window.
    Pasted(String),
}

/// A new article, parsed, with the title a new show for it would get.
#[derive(Debug)]
pub struct ImportedArticle {
    /// What the importer made of the bytes.
    pub imported: Imported,
    /// The article, parsed (kept as the open article's document).
    pub document: Arc<Document>,
    /// The title a new show for it gets ([`guess_show_title`]).
    pub show_title: String,
}

/// How a job ended.
#[derive(Debug)]
pub enum ImportOutcome {
    /// The file was imported before and cannot be read now: open the saved copy.
    Reopen,
    /// A new article.
    Imported(Box<ImportedArticle>),
    /// It could not be opened.
    Failed(ReadError),
}

/// A finished job.
#[derive(Debug)]
pub struct ImportDone {
    /// The file's key for reopening (its canonical path), `None` for pasted text.
    pub key: Option<String>,
    /// The file's name as the user knows it, or "the pasted text".
    pub label: String,
    /// The result.
    pub outcome: ImportOutcome,
}

/// What `source` is called on the status line: the file's name, or "the pasted text".
pub fn label(source: &ImportSource) -> String {
    match source {
        ImportSource::File(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        ImportSource::Pasted(_) => "the pasted text".to_owned(),
    }
}

/// Reads, imports and parses one source (on a job's thread). `known` are the source keys
/// already in the library: such a file is reopened, not read again. A panic in a parser
/// becomes [`ReadError::Fault`], told in words.
pub fn run(source: &ImportSource, known: &[String]) -> ImportDone {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        import_source(source, known)
    }))
    .unwrap_or_else(|_| ImportDone {
        key: None,
        label: label(source),
        outcome: ImportOutcome::Failed(ReadError::Fault {
            label: label(source),
        }),
    })
}

fn import_source(source: &ImportSource, known: &[String]) -> ImportDone {
    let label = label(source);
    let parsed = |imported: Imported| {
        let document = Arc::new(imported.article.document());
        let show_title = guess_show_title(&imported.article, &document);
        ImportOutcome::Imported(Box::new(ImportedArticle {
            imported,
            document,
            show_title,
        }))
    };
    let (key, outcome) = match source {
        ImportSource::Pasted(text) => (
            None,
            match import(text.as_bytes(), Origin::Pasted) {
                Ok(imported) => parsed(imported),
                Err(e) => ImportOutcome::Failed(ReadError::Pasted(e)),
            },
        ),
        ImportSource::File(path) => {
            let key = source_key(path);
            // A file imported before is read again: it may have changed since. When it can
            // no longer be read, its saved copy opens.
            let outcome = match read_file(path) {
                Ok(imported) => parsed(imported),
                Err(_) if known.contains(&key) => ImportOutcome::Reopen,
                Err(error) => ImportOutcome::Failed(error),
            };
            (Some(key), outcome)
        }
    };
    ImportDone {
        key,
        label,
        outcome,
    }
}

/// The key a file is remembered by: its canonical path (the path as given when it is gone).
pub fn source_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// Reads a file and imports it.
///
/// # Errors
/// [`ReadError`]: the file cannot be read, is not a file, is over [`MAX_ARTICLE_BYTES`], or
/// its bytes are not an article ([`ImportError`]); its `Display` is the sentence for the user.
pub fn read_file(path: &Path) -> Result<Imported, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_owned(),
        });
    }
    let too_large = |size_bytes| ReadError::Import {
        path: path.to_owned(),
        source: ImportError::TooLarge {
            size_bytes,
            limit_bytes: MAX_ARTICLE_BYTES,
        },
    };
    if metadata.len() > MAX_ARTICLE_BYTES as u64 {
        return Err(too_large(
            usize::try_from(metadata.len()).unwrap_or(usize::MAX),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path.to_string_lossy();
    import(&bytes, Origin::File(&name)).map_err(|source| ReadError::Import {
        path: path.to_owned(),
        source,
    })
}
