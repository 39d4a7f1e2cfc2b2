//! Format 5's show files (see [`super::v5`]): a library in the format 4 shape split into the
//! index and one content-addressed file per show, and an index read back with its files.

use std::collections::HashSet;
use std::io;
use std::sync::Arc;

use super::v4::{FileV4, LibraryV4, ShowV4, is_sha256_hex, sha256_hex};
use super::v5::{FileV5, LibraryV5, SHOWS_DIR, ShowEntryV5, VERSION, show_file_name};
use super::{DataDir, DataFile, FileReader, FormatError, MissingShowFile, to_json};

/// Splits `file` into the format 5 index and the show files it names (each once).
///
/// A show file holds the show as `library.json` of format 4 held it: each article named by
/// its hash, without its body. With `inline` (a file that travels alone) each show, bodies
/// included, is in the index too; its hash is still the show file's, so a data folder that
/// opens it writes the same files.
///
/// # Errors
/// [`FormatError::Unwritable`] if a show cannot be turned into JSON (never expected).
pub fn split(file: FileV4, inline: bool) -> Result<(FileV5, Vec<DataFile>), FormatError> {
    let FileV4 {
        format_version: _,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV4 { next_id, shows },
    } = file;
    let mut files = Vec::with_capacity(shows.len());
    let mut names = HashSet::with_capacity(shows.len());
    let mut entries = Vec::with_capacity(shows.len());
    for show in shows {
        let text = if inline {
            show_file_text(&without_bodies(&show))?
        } else {
            show_file_text(&show)?
        };
        let file_sha256 = sha256_hex(text.as_bytes());
        let name = show_file_name(&file_sha256);
        if names.insert(name.clone()) {
            files.push(DataFile {
                dir: DataDir::Shows,
                name,
                text,
            });
        }
        entries.push(ShowEntryV5 {
            id: show.id,
            title: show.title.clone(),
            file_sha256,
            show: inline.then_some(show),
        });
    }
    let index = FileV5 {
        format_version: VERSION,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV5 {
            next_id,
            shows: entries,
        },
    };
    Ok((index, files))
}

/// `bytes`, a format 5 index, with each show it names by file put in the index itself (from
/// its show file, read through `read` and checked as [`resolve`] does): a file that no longer
/// needs `shows/` (a backup). Its article bodies stay named by hash (article files are never
/// removed). A file of an older format, or one that is not a library file, is returned as it
/// is (an older one holds its shows already).
///
/// # Errors
/// The show files that cannot be used (missing, damaged), in words: nothing is returned then,
/// and the caller keeps `bytes` as they are.
pub fn with_shows_inline(bytes: &[u8], read: FileReader<'_>) -> Result<Vec<u8>, String> {
    let text = bytes.strip_prefix(super::UTF8_BOM).unwrap_or(bytes);
    let mut file = match serde_json::from_slice::<FileV5>(text) {
        Ok(file) if file.format_version == VERSION => file,
        _ => return Ok(bytes.to_vec()),
    };
    let mut missing = Vec::new();
    for entry in &mut file.library.shows {
        if entry.show.is_some() {
            continue;
        }
        match read_show(entry, read) {
            Ok(show) => entry.show = Some(show),
            Err(reason) => missing.push(MissingShowFile {
                title: entry.title.clone(),
                file: format!("{SHOWS_DIR}/{}", show_file_name(&entry.file_sha256)),
                reason,
            }),
        }
    }
    if !missing.is_empty() {
        return Err(super::describe_missing_show_files(&missing));
    }
    to_json(&file, b"").map_err(|e| e.to_string())
}

/// The show files (`<sha256>.json`) `bytes`, a format 5 index, names for the shows it does not
/// hold itself; none for a file of an older format or one that is not a library file. Names
/// that are no valid hash are left out (never used as a path).
pub fn show_file_names(bytes: &[u8]) -> Vec<String> {
    let text = bytes.strip_prefix(super::UTF8_BOM).unwrap_or(bytes);
    match serde_json::from_slice::<FileV5>(text) {
        Ok(file) if file.format_version == VERSION => file
            .library
            .shows
            .into_iter()
            .filter(|entry| entry.show.is_none() && is_sha256_hex(&entry.file_sha256))
            .map(|entry| show_file_name(&entry.file_sha256))
            .collect(),
        _ => Vec::new(),
    }
}

/// The show file's text: the show as JSON, one key per line, not indented.
fn show_file_text(show: &ShowV4) -> Result<Arc<str>, FormatError> {
    let bytes = to_json(show, b"")?;
    String::from_utf8(bytes)
        .map(Arc::from)
        .map_err(|e| FormatError::Unwritable(e.to_string()))
}

/// `show` with its articles named by hash only.
fn without_bodies(show: &ShowV4) -> ShowV4 {
    let mut show = show.clone();
    for article in &mut show.articles {
        article.body = None;
    }
    show
}

/// Reads the format 5 index `file` with its show files (through `read`) as the format 4
/// library it holds.
///
/// A show in the index itself (a file that travels alone) is used as it is. A show file is
/// used only when its bytes hash to its name and it holds the show the index names; one that
/// is missing, damaged or not a show is returned in the list, and the show is a placeholder
/// (its title, and a note saying which file is missing) for a window to show read-only.
pub fn resolve(file: FileV5, read: FileReader<'_>) -> (FileV4, Vec<MissingShowFile>) {
    let FileV5 {
        format_version: _,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV5 { next_id, shows },
    } = file;
    let mut missing = Vec::new();
    let shows = shows
        .into_iter()
        .map(|entry| {
            if let Some(show) = entry.show {
                return show;
            }
            match read_show(&entry, read) {
                Ok(show) => show,
                Err(reason) => {
                    let file = format!("{SHOWS_DIR}/{}", show_file_name(&entry.file_sha256));
                    let show = placeholder(&entry, &file);
                    missing.push(MissingShowFile {
                        title: show.title.clone(),
                        file,
                        reason,
                    });
                    show
                }
            }
        })
        .collect();
    let file = FileV4 {
        format_version: super::v4::VERSION,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV4 { next_id, shows },
    };
    (file, missing)
}

/// The show `entry` names, read from its file and checked; or why it cannot be used, in words.
fn read_show(entry: &ShowEntryV5, read: FileReader<'_>) -> Result<ShowV4, String> {
    if !is_sha256_hex(&entry.file_sha256) {
        return Err("the library names no valid show file".into());
    }
    let bytes = match read(DataDir::Shows, &show_file_name(&entry.file_sha256)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("it is not there".into()),
        Err(e) => return Err(format!("it could not be read: {e}")),
    };
    if sha256_hex(&bytes) != entry.file_sha256 {
        return Err("it does not hold what its name says (damaged or cut short)".into());
    }
    match serde_json::from_slice::<ShowV4>(&bytes) {
        Ok(show) if show.id == entry.id => Ok(show),
        Ok(show) => Err(format!(
            "it holds another show (id {}, not {})",
            show.id, entry.id
        )),
        Err(e) => Err(format!("it is not a show file ({e})")),
    }
}

/// The show shown in place of one whose file is `file` and cannot be used: its title, no
/// threads, and a note saying so. Only ever shown read-only, never saved.
fn placeholder(entry: &ShowEntryV5, file: &str) -> ShowV4 {
    let title = if entry.title.trim().is_empty() {
        format!("Show {}", entry.id)
    } else {
        entry.title.clone()
    };
    ShowV4 {
        id: entry.id,
        title,
        original_title: None,
        status: Default::default(),
        status_checked: None,
        note: format!(
            "This show's threads, notes and predictions are in {file} in the data folder, which \
             cannot be read yet. Nothing was changed or written: when the file is there (a sync \
             tool may still be bringing it), choose Open again in the status line."
        ),
        articles: Vec::new(),
        threads: Vec::new(),
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn show(id: u64, note: &str) -> ShowV4 {
        ShowV4 {
            id,
            title: format!("Show {id}"),
            original_title: None,
            status: Default::default(),
            status_checked: None,
            note: note.into(),
            articles: Vec::new(),
            threads: Vec::new(),
            events: Vec::new(),
        }
    }

    fn file(shows: Vec<ShowV4>) -> FileV4 {
        FileV4 {
            format_version: 4,
            revision: 7,
            written_by: "test".into(),
            save_id: "abc".into(),
            based_on: vec!["def".into()],
            library: LibraryV4 { next_id: 9, shows },
        }
    }

    #[test]
    fn a_split_library_reads_back_whole_and_each_file_is_named_by_its_hash() {
        let original = file(vec![show(1, "one"), show(2, "two")]);
        let (index, files) = split(original.clone(), false).unwrap();
        assert_eq!(files.len(), 2);
        assert!(index.library.shows.iter().all(|e| e.show.is_none()));
        let on_disk: HashMap<String, Vec<u8>> = files
            .iter()
            .map(|f| {
                assert_eq!(f.name, show_file_name(&sha256_hex(f.text.as_bytes())));
                (f.name.clone(), f.text.as_bytes().to_vec())
            })
            .collect();
        let (back, missing) = resolve(index, &|dir, name| {
            assert_eq!(dir, DataDir::Shows);
            on_disk
                .get(name)
                .cloned()
                .ok_or_else(|| io::ErrorKind::NotFound.into())
        });
        assert_eq!((back, missing), (original, Vec::new()));
    }

    #[test]
    fn a_show_that_did_not_change_keeps_its_file_name() {
        let (before, _) = split(file(vec![show(1, "one"), show(2, "two")]), false).unwrap();
        let (after, files) = split(file(vec![show(1, "one"), show(2, "two!")]), false).unwrap();
        let names = |f: &FileV5| -> Vec<String> {
            f.library
                .shows
                .iter()
                .map(|e| e.file_sha256.clone())
                .collect()
        };
        let (before, after) = (names(&before), names(&after));
        assert_eq!(before[0], after[0]);
        assert_ne!(before[1], after[1]);
        assert_eq!(
            files.len(),
            2,
            "every file is listed; the store skips those on disk"
        );
    }

    #[test]
    fn a_file_that_travels_alone_holds_its_shows_and_names_the_same_files() {
        let original = file(vec![show(1, "one")]);
        let (alone, _) = split(original.clone(), true).unwrap();
        let (in_folder, _) = split(original.clone(), false).unwrap();
        assert_eq!(
            alone.library.shows[0].file_sha256,
            in_folder.library.shows[0].file_sha256
        );
        let (back, missing) = resolve(alone, &|_, _| panic!("nothing is read"));
        assert_eq!((back, missing), (original, Vec::new()));
    }

    #[test]
    fn missing_damaged_or_foreign_show_files_are_told_and_shown_as_placeholders() {
        let (index, files) = split(
            file(vec![show(1, "one"), show(2, "two"), show(3, "three")]),
            false,
        )
        .unwrap();
        let name = |i: usize| show_file_name(&index.library.shows[i].file_sha256);
        let (first, second) = (name(0), name(1));
        let third_text = files[2].text.as_bytes().to_vec();
        let (back, missing) = resolve(index, &|_, asked| {
            if asked == first {
                Err(io::ErrorKind::NotFound.into())
            } else if asked == second {
                Ok(b"{\"id\": 2, \"title\": \"cut".to_vec())
            } else {
                Ok(third_text.clone())
            }
        });
        let reasons: Vec<&str> = missing.iter().map(|m| m.reason.as_str()).collect();
        assert_eq!(reasons.len(), 2);
        assert_eq!(reasons[0], "it is not there");
        assert!(reasons[1].contains("damaged"), "{}", reasons[1]);
        assert_eq!(missing[0].file, format!("shows/{first}"));
        assert_eq!(missing[0].title, "Show 1");
        let shows = &back.library.shows;
        assert!(shows[0].note.contains(&missing[0].file) && shows[0].threads.is_empty());
        assert_eq!(shows[2].note, "three", "the readable show is read");
    }

    #[test]
    fn a_backup_gets_its_shows_inline_and_reads_without_the_show_files() {
        let original = file(vec![show(1, "one"), show(2, "two")]);
        let (index, files) = split(original.clone(), false).unwrap();
        let bytes = to_json(&index, b"").unwrap();
        let on_disk = |_: DataDir, name: &str| -> io::Result<Vec<u8>> {
            files
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.text.as_bytes().to_vec())
                .ok_or_else(|| io::ErrorKind::NotFound.into())
        };
        let alone = with_shows_inline(&bytes, &on_disk).unwrap();
        let alone: FileV5 = serde_json::from_slice(&alone).unwrap();
        assert_eq!(
            alone.library.shows[0].file_sha256,
            index.library.shows[0].file_sha256
        );
        let (back, missing) = resolve(alone, &|_, _| panic!("no show file is read"));
        assert_eq!((back, missing), (original, Vec::new()));

        // A show file that cannot be used: told, and nothing made.
        let first = files[0].name.clone();
        let err = with_shows_inline(&bytes, &|dir, name| {
            if name == first {
                Err(io::ErrorKind::NotFound.into())
            } else {
                on_disk(dir, name)
            }
        })
        .unwrap_err();
        assert!(
            err.contains("Show 1") && err.contains("it is not there"),
            "{err}"
        );
        // An older format is kept as it is.
        let v4 = br#"{"format_version": 4, "library": {"next_id": 1, "shows": []}}"#;
        assert_eq!(
            with_shows_inline(v4, &|_, _| panic!("not read")).unwrap(),
            v4
        );
    }

    #[test]
    fn an_index_naming_no_valid_file_never_reads_a_path_from_it() {
        let mut entry = ShowEntryV5 {
            id: 1,
            title: String::new(),
            file_sha256: "../../etc/passwd".into(),
            show: None,
        };
        let index = FileV5 {
            format_version: 5,
            revision: 0,
            written_by: String::new(),
            save_id: String::new(),
            based_on: Vec::new(),
            library: LibraryV5 {
                next_id: 2,
                shows: vec![entry.clone()],
            },
        };
        let (back, missing) = resolve(index, &|_, _| panic!("never read"));
        assert_eq!(missing[0].reason, "the library names no valid show file");
        assert_eq!(back.library.shows[0].title, "Show 1");
        let foreign = serde_json::to_vec(&show(5, "another")).unwrap();
        entry.file_sha256 = sha256_hex(&foreign);
        let err = read_show(&entry, &|_, _| Ok(foreign.clone())).unwrap_err();
        assert_eq!(err, "it holds another show (id 5, not 1)");
    }
}
