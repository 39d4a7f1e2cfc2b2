//! The library as a folder of Markdown notes, one per show, for Obsidian or any Markdown
//! reader (issue 20, item 4): [`markdown_files`] renders them (pure: see `render` for the
//! shape of a note, `file_name` for the names), [`write_markdown_files`] writes them, each
//! replaced atomically, never over an existing file unless asked to.

mod escape;
mod file_name;
mod front_matter;
mod render;

use std::path::{Path, PathBuf};

pub use file_name::{safe_file_stem, unique_file_names};
pub use render::show_markdown;

use super::FileSystem;
use crate::model::Library;

/// One exported note: its file name (`<safe title>.md`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownFile {
    /// The file name, distinct (without regard to case) from the other shows' and safe on
    /// every system ([`unique_file_names`]).
    pub name: String,
    /// The note, UTF-8 with `\n` line breaks.
    pub text: String,
}

/// Why the Markdown export did not happen, or stopped part way.
#[derive(Debug, thiserror::Error)]
pub enum MarkdownError {
    /// A show's front matter could not be written (the YAML emitter failed).
    #[error("the notes of “{show}” could not be written as Markdown: {source}")]
    Render {
        /// The show's title.
        show: String,
        /// What the emitter said.
        source: yaml_rust2::EmitError,
    },
    /// Something that is not a folder is where the folder should be.
    #[error("{} is not a folder; choose a folder to export the notes into", path.display())]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// The folder did not exist and could not be made.
    #[error("the folder {} could not be made: {source}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Files the export would write are already there, and replacing them was not asked for.
    #[error("{} already in {}: {}", already(names.len()), dir.display(), names.join(", "))]
    Exists {
        /// The folder.
        dir: PathBuf,
        /// The names of the files already there.
        names: Vec<String>,
    },
    /// A note could not be written (those before it were).
    #[error("could not write {}{}: {source}", path.display(), before(*written))]
    Write {
        /// The file.
        path: PathBuf,
        /// How many notes were written before it.
        written: usize,
        /// What the system said.
        source: std::io::Error,
    },
}

/// "1 file is" / "3 files are".
fn already(n: usize) -> String {
    if n == 1 {
        "1 file is".to_owned()
    } else {
        format!("{n} files are")
    }
}

/// " (the 2 notes before it were written)", or nothing when none was.
fn before(written: usize) -> String {
    match written {
        0 => String::new(),
        1 => " (the note before it was written)".to_owned(),
        n => format!(" (the {n} notes before it were written)"),
    }
}

/// Every show of `library` as a Markdown note, in library order, each with its own file name.
///
/// # Errors
/// [`MarkdownError::Render`] when a show's front matter cannot be emitted.
pub fn markdown_files(library: &Library) -> Result<Vec<MarkdownFile>, MarkdownError> {
    let names = unique_file_names(library.shows.iter().map(|s| s.title.as_str()));
    library
        .shows
        .iter()
        .zip(names)
        .map(|(show, name)| {
            let text = show_markdown(show).map_err(|source| MarkdownError::Render {
                show: show.title.clone(),
                source,
            })?;
            Ok(MarkdownFile { name, text })
        })
        .collect()
}

/// The names of `files` that something already has in `dir` (a file, a link, a folder).
pub fn existing_names(dir: &Path, files: &[MarkdownFile]) -> Vec<String> {
    files
        .iter()
        .filter(|f| dir.join(&f.name).symlink_metadata().is_ok())
        .map(|f| f.name.clone())
        .collect()
}

/// Writes `files` into the folder `dir` (made when missing), each replaced atomically;
/// returns the paths written. When `replace` is false and any of them is already there,
/// nothing is written.
///
/// # Errors
/// [`MarkdownError::NotAFolder`], [`MarkdownError::CreateFolder`], [`MarkdownError::Exists`]
/// (before anything is written), [`MarkdownError::Write`] (the notes before it are written;
/// a folder, FIFO or device where a note goes is refused by [`FileSystem::write_atomic`]).
pub fn write_markdown_files(
    fs: &dyn FileSystem,
    dir: &Path,
    files: &[MarkdownFile],
    replace: bool,
) -> Result<Vec<PathBuf>, MarkdownError> {
    if dir.exists() && !dir.is_dir() {
        return Err(MarkdownError::NotAFolder {
            path: dir.to_owned(),
        });
    }
    fs.create_private_dir(dir)
        .map_err(|source| MarkdownError::CreateFolder {
            path: dir.to_owned(),
            source,
        })?;
    let names = existing_names(dir, files);
    if !replace && !names.is_empty() {
        return Err(MarkdownError::Exists {
            dir: dir.to_owned(),
            names,
        });
    }
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let path = dir.join(&file.name);
        match fs.write_atomic(&path, file.text.as_bytes()) {
            Ok(()) => written.push(path),
            Err(source) => {
                return Err(MarkdownError::Write {
                    path,
                    written: written.len(),
                    source,
                });
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::RealFs;

    #[test]
    fn writes_one_note_per_show_and_refuses_to_replace_unless_asked() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("notes");
        let mut library = Library::default();
        let mut twin = library.shows[0].clone();
        twin.id = crate::model::ShowId(900);
        library.shows.push(twin);
        let files = markdown_files(&library).unwrap();
        assert_eq!(files.len(), 2);
        assert_ne!(files[0].name, files[1].name);
        let written = write_markdown_files(&RealFs, &dir, &files, false).unwrap();
        assert_eq!(written.len(), 2);
        std::fs::write(&written[0], "the fan's own edits").unwrap();
        let error = write_markdown_files(&RealFs, &dir, &files, false).unwrap_err();
        assert!(matches!(&error, MarkdownError::Exists { names, .. } if names.len() == 2));
        assert!(
            error.to_string().starts_with("2 files are already in "),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&written[0]).unwrap(),
            "the fan's own edits"
        );
        write_markdown_files(&RealFs, &dir, &files, true).unwrap();
        assert_eq!(std::fs::read_to_string(&written[0]).unwrap(), files[0].text);
    }

    #[test]
    fn a_note_that_cannot_be_written_says_which_and_how_many_were() {
        let tmp = tempfile::tempdir().unwrap();
        let mut library = Library::default();
        let mut second = library.shows[0].clone();
        second.title = "Second".into();
        library.shows.push(second);
        let files = markdown_files(&library).unwrap();
        // A folder where the second note goes.
        std::fs::create_dir(tmp.path().join(&files[1].name)).unwrap();
        let error = write_markdown_files(&RealFs, tmp.path(), &files, true).unwrap_err();
        let said = error.to_string();
        assert!(said.starts_with("could not write "), "{said}");
        assert!(
            said.contains("Second.md (the note before it was written): "),
            "{said}"
        );
        assert!(tmp.path().join(&files[0].name).is_file());
    }

    #[test]
    fn a_file_where_the_folder_goes_is_refused_in_words() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let error = write_markdown_files(&RealFs, &file, &[], false).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("is not a folder; choose a folder to export the notes into")
        );
    }
}
