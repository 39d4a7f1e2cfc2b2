//! The migration from format 3 to format 4, on the frozen file types only (see
//! [`super::migrate`]).

use super::v2::ArticleV2;
use super::v3::{FileV3, LibraryV3, ShowV3};
use super::v4::{ArticleV4, FileV4, LibraryV4, ShowV4, VERSION, sha256_hex};

/// Migrates a format 3 file to format 4.
///
/// Everything is kept as it is; each article's body stays in the file (`body`) with its hash
/// (`body_sha256`), so the migrated file travels alone: the article files are written by the
/// first save, before the library that names them. `revision`, `written_by` and the lineage
/// are the format 3 file's, untouched (the next save writes its own).
pub fn v3_to_v4(file: FileV3) -> FileV4 {
    let FileV3 {
        format_version: _,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV3 { next_id, shows },
    } = file;
    FileV4 {
        format_version: VERSION,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV4 {
            next_id,
            shows: shows.into_iter().map(show).collect(),
        },
    }
}

fn show(show: ShowV3) -> ShowV4 {
    let ShowV3 {
        id,
        title,
        original_title,
        status,
        status_checked,
        note,
        articles,
        threads,
        events,
    } = show;
    ShowV4 {
        id,
        title,
        original_title,
        status,
        status_checked,
        note,
        articles: articles.into_iter().map(article).collect(),
        threads,
        events,
    }
}

fn article(article: ArticleV2) -> ArticleV4 {
    let ArticleV2 {
        id,
        title,
        as_of,
        format,
        body,
        source_path,
        source_url,
        note,
        suggestions,
    } = article;
    ArticleV4 {
        id,
        title,
        as_of,
        format,
        body_sha256: sha256_hex(body.as_bytes()),
        body: Some(body),
        source_path,
        source_url,
        note,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::test_util::V3_GOLDEN;

    #[test]
    fn the_v3_golden_file_migrates_with_every_body_kept_and_hashed() {
        let file: FileV3 = serde_json::from_slice(V3_GOLDEN).unwrap();
        let migrated = v3_to_v4(file.clone());
        assert_eq!(migrated.format_version, 4);
        assert_eq!(
            (
                migrated.revision,
                &migrated.written_by,
                &migrated.save_id,
                &migrated.based_on,
                migrated.library.next_id
            ),
            (
                file.revision,
                &file.written_by,
                &file.save_id,
                &file.based_on,
                file.library.next_id
            )
        );
        assert_eq!(file.library.shows.len(), migrated.library.shows.len());
        for (old, new) in file.library.shows.iter().zip(&migrated.library.shows) {
            assert_eq!((&old.threads, &old.events), (&new.threads, &new.events));
            assert_eq!(old.articles.len(), new.articles.len());
            for (old, new) in old.articles.iter().zip(&new.articles) {
                assert_eq!(new.body.as_deref(), Some(old.body.as_str()));
                assert_eq!(new.body_sha256, sha256_hex(old.body.as_bytes()));
                assert_eq!(
                    (old.id, &old.title, &old.note, &old.suggestions),
                    (new.id, &new.title, &new.note, &new.suggestions)
                );
            }
        }
    }
}
