//! The migration from format 2 to format 3, on the frozen file types only (see
//! [`super::migrate`]).

use super::v2::{FileV2, LibraryV2, PredictionV2, ShowV2, ThreadV2};
use super::v3::{FileV3, GivenV3, LibraryV3, PredictionV3, ShowV3, ThreadV3, VERSION};

/// Migrates a format 2 file to format 3.
///
/// Everything is kept as it is; each prediction's one probability becomes the first and only
/// entry of its history, given on a day not known (`"on": null`: format 2 kept no dates, and
/// none is invented), and its outcome's day is not known either. `revision` and `written_by`
/// are the format 2 file's, untouched (the next save writes its own).
pub fn v2_to_v3(file: FileV2) -> FileV3 {
    let FileV2 {
        format_version: _,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV2 { next_id, shows },
    } = file;
    FileV3 {
        format_version: VERSION,
        revision,
        written_by,
        save_id,
        based_on,
        library: LibraryV3 {
            next_id,
            shows: shows.into_iter().map(show).collect(),
        },
    }
}

fn show(show: ShowV2) -> ShowV3 {
    let ShowV2 {
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
    ShowV3 {
        id,
        title,
        original_title,
        status,
        status_checked,
        note,
        articles,
        threads: threads.into_iter().map(thread).collect(),
        events,
    }
}

fn thread(thread: ThreadV2) -> ThreadV3 {
    let ThreadV2 {
        id,
        title,
        status,
        anchors,
        note,
        predictions,
    } = thread;
    ThreadV3 {
        id,
        title,
        status,
        anchors,
        note,
        predictions: predictions.into_iter().map(prediction).collect(),
    }
}

fn prediction(prediction: PredictionV2) -> PredictionV3 {
    let PredictionV2 {
        id,
        statement,
        probability_pct,
        resolve_by,
        outcome,
    } = prediction;
    PredictionV3 {
        id,
        statement,
        probabilities: vec![GivenV3 {
            permille: u16::from(probability_pct.min(100)) * 10,
            on: None,
        }],
        resolve_by,
        outcome,
        resolved_on: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::test_util::V2_GOLDEN;

    #[test]
    fn the_v2_golden_file_migrates_with_no_invented_dates() {
        let file: FileV2 = serde_json::from_slice(V2_GOLDEN).unwrap();
        let migrated = v2_to_v3(file.clone());
        assert_eq!(migrated.format_version, 3);
        assert_eq!(
            (
                migrated.revision,
                &migrated.written_by,
                migrated.library.next_id
            ),
            (file.revision, &file.written_by, file.library.next_id)
        );
        let old: Vec<&PredictionV2> = file
            .library
            .shows
            .iter()
            .flat_map(|s| &s.threads)
            .flat_map(|t| &t.predictions)
            .collect();
        let new: Vec<&PredictionV3> = migrated
            .library
            .shows
            .iter()
            .flat_map(|s| &s.threads)
            .flat_map(|t| &t.predictions)
            .collect();
        assert!(!old.is_empty());
        assert_eq!(old.len(), new.len());
        for (old, new) in old.iter().zip(new) {
            assert_eq!((old.id, &old.statement), (new.id, &new.statement));
            assert_eq!(
                new.probabilities,
                [GivenV3 {
                    permille: u16::from(old.probability_pct.min(100)) * 10,
                    on: None
                }]
            );
            assert_eq!((new.resolve_by, new.outcome), (old.resolve_by, old.outcome));
            assert_eq!(new.resolved_on, None);
        }
        let shows = file.library.shows.iter().zip(&migrated.library.shows);
        for (old, new) in shows {
            assert_eq!((&old.articles, &old.events), (&new.articles, &new.events));
        }
    }
}
