//! From one format version to the next, on the frozen file types only, and reading a file of
//! any version this build knows.
//!
//! A migration takes the file types of one version ([`super::v1`]) and gives those of the next
//! ([`super::v2`]); it never goes through the in-memory model, so it means the same thing for
//! as long as both formats are read, whatever the model becomes.

use std::cell::OnceCell;

use super::shows::resolve;
use super::to_v3::v2_to_v3;
use super::to_v4::v3_to_v4;
use super::v1::{
    AnchorV1, ArticleFormatV1, DossierV1, FileV1, OutcomeV1, PredictionV1, SuggestionStateV1,
    SuggestionV1, ThreadStatusV1, ThreadV1,
};
use super::v2::{
    AnchorV2, ArticleFormatV2, ArticleV2, FileV2, LibraryV2, OutcomeV2, PredictionV2, ShowStatusV2,
    ShowV2, SuggestionStateV2, SuggestionV2, ThreadStatusV2, ThreadV2,
};
use super::v3::FileV3;
use super::v4::FileV4;
use super::v5::FileV5;
use super::{FileReader, FormatError, MissingShowFile, UTF8_BOM, VersionOnly, v1, v2, v3, v4, v5};
use crate::model::{DEFAULT_ARTICLE_MARKDOWN, Origin, import};

/// The title of the show of the built-in article, given to the show migrated from its dossier.
pub const BUILT_IN_SHOW_TITLE: &str = crate::model::DEFAULT_SHOW_TITLE;

/// The original (Korean) title of the show of the built-in article.
pub const BUILT_IN_SHOW_ORIGINAL_TITLE: &str = crate::model::DEFAULT_SHOW_ORIGINAL_TITLE;

/// A format 1 file migrated to format 2, with what format 2 no longer keeps in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigratedV2 {
    /// The library as format 2. Its `format_version` is 2; `revision` and `written_by` are the
    /// format 1 file's, untouched (the next save writes its own).
    pub file: FileV2,
    /// The format 1 `open` dossier id, which is the id of the show made from that dossier (the
    /// same number): the show to open when no window-state file says otherwise. It may name no
    /// show when the format 1 file was edited by hand.
    pub legacy_open: Option<u64>,
}

/// Migrates a format 1 file to format 2.
///
/// - Each dossier becomes one show with the dossier's id, titled after its article; the
///   built-in article (see [`is_built_in_article`]) instead gives its show
///   [`BUILT_IN_SHOW_TITLE`] and [`BUILT_IN_SHOW_ORIGINAL_TITLE`]. Status unknown, never
///   checked, no show note, no events (format 1 kept no dates).
/// - The dossier's article becomes the show's only article, with a new id taken from the
///   counter in dossier order; the counter is raised past them. The dossier's note becomes
///   the article's note and its suggestions the article's, each passage naming the new
///   article.
/// - A thread's anchor becomes its one anchor, naming the new article (no anchor: none).
/// - `open` is returned as [`MigratedV2::legacy_open`].
///
/// New ids start at the file's `next_id`, or past the highest id the file uses when the
/// counter is behind it (a damaged or hand-edited file), so they never repeat an id in use.
pub fn v1_to_v2(file: FileV1) -> MigratedV2 {
    let FileV1 {
        format_version: _,
        revision,
        written_by,
        library,
    } = file;
    let mut next_id = library
        .next_id
        .max(highest_id(&library.dossiers).saturating_add(1));
    let built_in_body = OnceCell::new();
    let shows = library
        .dossiers
        .into_iter()
        .map(|dossier| {
            let article_id = next_id;
            next_id = next_id.saturating_add(1);
            let built_in = is_built_in_body(&dossier.article.body, &built_in_body);
            dossier_to_show(dossier, article_id, built_in)
        })
        .collect();
    MigratedV2 {
        file: FileV2 {
            format_version: v2::VERSION,
            revision,
            written_by,
            save_id: String::new(),
            based_on: Vec::new(),
            library: LibraryV2 { next_id, shows },
        },
        legacy_open: library.open,
    }
}

/// Whether `body` (a format 1 article body) is the built-in article's: the embedded Markdown
/// [`DEFAULT_ARTICLE_MARKDOWN`] as it is, or as the app keeps it once imported (without its
/// date and title lines), which is what format 1 files hold.
pub fn is_built_in_article(body: &str) -> bool {
    is_built_in_body(body, &OnceCell::new())
}

/// [`is_built_in_article`], importing the embedded article at most once per `imported`.
fn is_built_in_body(body: &str, imported: &OnceCell<Option<String>>) -> bool {
    if body == DEFAULT_ARTICLE_MARKDOWN {
        return true;
    }
    // The same call `model::default_dossier` makes to build the built-in article.
    let imported = imported.get_or_init(|| {
        import(
            DEFAULT_ARTICLE_MARKDOWN.as_bytes(),
            Origin::File("default-article.md"),
        )
        .ok()
        .map(|imported| imported.article.body.to_string())
    });
    imported.as_deref() == Some(body)
}

/// The highest id a format 1 library uses (dossiers, threads, predictions); 0 for none.
fn highest_id(dossiers: &[DossierV1]) -> u64 {
    dossiers
        .iter()
        .flat_map(|d| {
            let threads = d.threads.iter().map(|t| t.id);
            let predictions = d.threads.iter().flat_map(|t| &t.predictions).map(|p| p.id);
            std::iter::once(d.id).chain(threads).chain(predictions)
        })
        .max()
        .unwrap_or(0)
}

/// One dossier as a show whose article gets `article_id`.
fn dossier_to_show(dossier: DossierV1, article_id: u64, built_in: bool) -> ShowV2 {
    let DossierV1 {
        id,
        article,
        threads,
        note,
        suggestions,
    } = dossier;
    let (title, original_title) = if built_in {
        (
            BUILT_IN_SHOW_TITLE.to_owned(),
            Some(BUILT_IN_SHOW_ORIGINAL_TITLE.to_owned()),
        )
    } else {
        (article.title.clone(), None)
    };
    let suggestions = suggestions.map(|list| {
        list.into_iter()
            .map(|s| suggestion(s, article_id))
            .collect()
    });
    ShowV2 {
        id,
        title,
        original_title,
        status: ShowStatusV2::Unknown,
        status_checked: None,
        note: String::new(),
        articles: vec![ArticleV2 {
            id: article_id,
            title: article.title,
            as_of: article.as_of,
            format: article_format(article.format),
            body: article.body,
            source_path: article.source_path,
            source_url: article.source_url,
            note,
            suggestions,
        }],
        threads: threads.into_iter().map(|t| thread(t, article_id)).collect(),
        events: Vec::new(),
    }
}

fn anchor(anchor: AnchorV1, article: u64) -> AnchorV2 {
    AnchorV2 {
        article,
        quote: anchor.quote,
        block_hint: anchor.block_hint,
    }
}

fn thread(thread: ThreadV1, article: u64) -> ThreadV2 {
    ThreadV2 {
        id: thread.id,
        title: thread.title,
        status: thread_status(thread.status),
        anchors: thread
            .anchor
            .into_iter()
            .map(|a| anchor(a, article))
            .collect(),
        note: thread.note,
        predictions: thread.predictions.into_iter().map(prediction).collect(),
    }
}

fn prediction(prediction: PredictionV1) -> PredictionV2 {
    PredictionV2 {
        id: prediction.id,
        statement: prediction.statement,
        probability_pct: prediction.probability_pct,
        resolve_by: prediction.resolve_by,
        outcome: match prediction.outcome {
            OutcomeV1::Pending => OutcomeV2::Pending,
            OutcomeV1::Yes => OutcomeV2::Yes,
            OutcomeV1::No => OutcomeV2::No,
            OutcomeV1::Ambiguous => OutcomeV2::Ambiguous,
        },
    }
}

fn suggestion(suggestion: SuggestionV1, article: u64) -> SuggestionV2 {
    SuggestionV2 {
        title: suggestion.title,
        passages: suggestion
            .passages
            .into_iter()
            .map(|a| anchor(a, article))
            .collect(),
        best: suggestion.best,
        state: match suggestion.state {
            SuggestionStateV1::Offered => SuggestionStateV2::Offered,
            SuggestionStateV1::Dismissed => SuggestionStateV2::Dismissed,
            SuggestionStateV1::Added => SuggestionStateV2::Added,
        },
    }
}

fn article_format(format: ArticleFormatV1) -> ArticleFormatV2 {
    match format {
        ArticleFormatV1::Markdown => ArticleFormatV2::Markdown,
        ArticleFormatV1::PlainText => ArticleFormatV2::PlainText,
    }
}

fn thread_status(status: ThreadStatusV1) -> ThreadStatusV2 {
    match status {
        ThreadStatusV1::Open => ThreadStatusV2::Open,
        ThreadStatusV1::Resolved => ThreadStatusV2::Resolved,
        ThreadStatusV1::Dropped => ThreadStatusV2::Dropped,
    }
}

/// A file of any version this build reads, as format 4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionedFile {
    /// The file's content as format 4 (migrated when the file was older, one version at a
    /// time: 1 → 2 → 3 → 4; a format 5 index read with its show files).
    pub file: FileV4,
    /// The format version found in the file (1 to 5).
    pub version: u32,
    /// The format 1 `open` dossier id (see [`MigratedV2::legacy_open`]); `None` for a format 2
    /// file.
    pub legacy_open: Option<u64>,
    /// Whether a UTF-8 byte-order mark at the start of the file was skipped (reported to the
    /// fan as [`super::Repair::ByteOrderMark`]).
    pub byte_order_mark: bool,
    /// The show files of a format 5 index that are missing or damaged; each such show is a
    /// placeholder in `file` (see [`super::shows::resolve`]).
    pub missing_shows: Vec<MissingShowFile>,
}

/// Reads a file of format 1 to 5 as format 4: a leading UTF-8 byte-order mark is skipped (and
/// told in [`VersionedFile::byte_order_mark`]), the file is read as the version its
/// `format_version` names, and an older file is migrated one version at a time
/// ([`v1_to_v2`], [`v2_to_v3`], then [`v3_to_v4`]); a format 5 index is read with the show
/// files it names, through `files`.
///
/// Errors: [`FormatError::NewerVersion`] for a version above 5 (whatever the shape of the
/// rest); [`FormatError::Invalid`] for bytes that are not JSON, have no `format_version`,
/// name version 0, or do not have the shape of the version they name.
///
/// A current file, the usual case, is parsed once: it is read as format 5 and only then is
/// its version checked; the bytes are looked at again only when that fails or names another
/// version.
pub fn read_versioned(bytes: &[u8], files: FileReader<'_>) -> Result<VersionedFile, FormatError> {
    let (bytes, byte_order_mark) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let read = |file: FileV4, version, legacy_open| VersionedFile {
        file,
        version,
        legacy_open,
        byte_order_mark,
        missing_shows: Vec::new(),
    };
    let invalid = |e: serde_json::Error| FormatError::Invalid(e.to_string());
    let (current_error, version) = match serde_json::from_slice::<FileV5>(bytes) {
        Ok(file) if file.format_version == v5::VERSION => {
            let (file, missing_shows) = resolve(file, files);
            return Ok(VersionedFile {
                missing_shows,
                ..read(file, v5::VERSION, None)
            });
        }
        // Another version with a shape format 5 also accepts (a format 1 file reads as one
        // with no shows): its version is known without reading the bytes again.
        Ok(file) => (None, file.format_version),
        Err(error) => {
            let version = serde_json::from_slice::<VersionOnly>(bytes)
                .map_err(invalid)?
                .format_version;
            (Some(error), version)
        }
    };
    match version {
        0 => Err(FormatError::Invalid(
            "format version 0 does not exist".into(),
        )),
        v1::VERSION => {
            let file: FileV1 = serde_json::from_slice(bytes).map_err(invalid)?;
            let migrated = v1_to_v2(file);
            Ok(read(
                v3_to_v4(v2_to_v3(migrated.file)),
                v1::VERSION,
                migrated.legacy_open,
            ))
        }
        v2::VERSION => {
            let file: FileV2 = serde_json::from_slice(bytes).map_err(invalid)?;
            Ok(read(v3_to_v4(v2_to_v3(file)), v2::VERSION, None))
        }
        v3::VERSION => {
            let file: FileV3 = serde_json::from_slice(bytes).map_err(invalid)?;
            Ok(read(v3_to_v4(file), v3::VERSION, None))
        }
        v4::VERSION => {
            let file: FileV4 = serde_json::from_slice(bytes).map_err(invalid)?;
            Ok(read(file, v4::VERSION, None))
        }
        v5::VERSION => Err(FormatError::Invalid(current_error.map_or_else(
            || "the file could not be read as format 5".to_owned(),
            |e| e.to_string(),
        ))),
        found => Err(FormatError::NewerVersion {
            found,
            supported: v5::VERSION,
        }),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::storage::format::DataDir;

    /// No data folder: no show file or article file can be read.
    fn no_files(_: DataDir, _: &str) -> std::io::Result<Vec<u8>> {
        Err(std::io::ErrorKind::NotFound.into())
    }
    use crate::storage::format::test_util::{V1_GOLDEN, V2_GOLDEN};
    use crate::storage::format::v1::{AnchorV1, ArticleV1, LibraryV1};

    fn golden_v1() -> FileV1 {
        serde_json::from_slice(V1_GOLDEN).unwrap()
    }

    fn anchor2(article: u64, quote: &str, block_hint: usize) -> AnchorV2 {
        AnchorV2 {
            article,
            quote: quote.into(),
            block_hint,
        }
    }

    fn prediction2(
        id: u64,
        statement: &str,
        probability_pct: u8,
        resolve_by: Option<jiff::civil::Date>,
        outcome: OutcomeV2,
    ) -> PredictionV2 {
        PredictionV2 {
            id,
            statement: statement.into(),
            probability_pct,
            resolve_by,
            outcome,
        }
    }

    /// The v1 golden file as format 2, field by field.
    fn golden_v1_as_v2() -> FileV2 {
        FileV2 {
            format_version: 2,
            revision: 4,
            written_by: "fan-tracker 0.1.0".into(),
            save_id: String::new(),
            based_on: Vec::new(),
            library: LibraryV2 {
                next_id: 12,
                shows: vec![
                    ShowV2 {
                        id: 1,
                        title: "Will It's Okay To Not Be Okay come back for a second season?"
                            .into(),
                        original_title: None,
                        status: ShowStatusV2::Unknown,
                        status_checked: None,
                        note: String::new(),
                        articles: vec![ArticleV2 {
                            id: 10,
                            title: "Will It's Okay To Not Be Okay come back for a second season?"
                                .into(),
                            as_of: Some(date(2022, 3, 17)),
                            format: ArticleFormatV2::Markdown,
                            body: "Fans still ask *whether* there is more story to tell.".into(),
                            source_path: None,
                            source_url: None,
                            note: String::new(),
                            suggestions: Some(Vec::new()),
                        }],
                        threads: vec![ThreadV2 {
                            id: 2,
                            title: "Renewal: will a second season be confirmed at all?".into(),
                            status: ThreadStatusV2::Open,
                            anchors: vec![anchor2(10, "more story to tell", 0)],
                            note: String::new(),
                            predictions: Vec::new(),
                        }],
                        events: Vec::new(),
                    },
                    ShowV2 {
                        id: 3,
                        title: "Casting call rumours".into(),
                        original_title: None,
                        status: ShowStatusV2::Unknown,
                        status_checked: None,
                        note: String::new(),
                        articles: vec![ArticleV2 {
                            id: 11,
                            title: "Casting call rumours".into(),
                            as_of: None,
                            format: ArticleFormatV2::PlainText,
                            body: "A fan account posted a casting call.\nIt was fake.".into(),
                            source_path: Some("/home/fan/Downloads/rumours.txt".into()),
                            source_url: Some("https://example.com/casting-call-rumours".into()),
                            note: "노트 in Korean too".into(),
                            suggestions: Some(vec![
                                SuggestionV2 {
                                    title: "Who posted the casting call?".into(),
                                    passages: vec![anchor2(
                                        11,
                                        "A fan account posted a casting call",
                                        0,
                                    )],
                                    best: 0,
                                    state: SuggestionStateV2::Added,
                                },
                                SuggestionV2 {
                                    title: "Was the call ever real?".into(),
                                    passages: vec![
                                        anchor2(11, "posted a casting call", 0),
                                        anchor2(11, "It was fake", 1),
                                    ],
                                    best: 1,
                                    state: SuggestionStateV2::Dismissed,
                                },
                                SuggestionV2 {
                                    title: "Will the studio say anything?".into(),
                                    passages: vec![anchor2(11, "It was fake", 1)],
                                    best: 0,
                                    state: SuggestionStateV2::Offered,
                                },
                            ]),
                        }],
                        threads: vec![
                            ThreadV2 {
                                id: 4,
                                title: "Was the casting call real?".into(),
                                status: ThreadStatusV2::Dropped,
                                anchors: vec![anchor2(11, "a casting call", 0)],
                                note: "Looked fake from the start.".into(),
                                predictions: vec![prediction2(
                                    5,
                                    "The casting call is confirmed by the studio",
                                    15,
                                    Some(date(2027, 6, 30)),
                                    OutcomeV2::No,
                                )],
                            },
                            ThreadV2 {
                                id: 6,
                                title: "Who posted it?".into(),
                                status: ThreadStatusV2::Resolved,
                                anchors: vec![anchor2(11, "It was fake", 1)],
                                note: "The account admitted it.".into(),
                                predictions: vec![
                                    prediction2(
                                        7,
                                        "The account owns up within a week",
                                        60,
                                        Some(date(2026, 1, 9)),
                                        OutcomeV2::Yes,
                                    ),
                                    prediction2(
                                        8,
                                        "Someone from the studio was behind it",
                                        5,
                                        None,
                                        OutcomeV2::Ambiguous,
                                    ),
                                    prediction2(
                                        9,
                                        "The same account posts another fake",
                                        35,
                                        Some(date(2028, 12, 31)),
                                        OutcomeV2::Pending,
                                    ),
                                ],
                            },
                        ],
                        events: Vec::new(),
                    },
                ],
            },
        }
    }

    /// A one-dossier format 1 file on `body`.
    fn one_dossier(body: &str) -> FileV1 {
        FileV1 {
            format_version: 1,
            revision: 3,
            written_by: "fan-tracker 0.1.0".into(),
            library: LibraryV1 {
                dossiers: vec![DossierV1 {
                    id: 1,
                    article: ArticleV1 {
                        title: "Will It's Okay To Not Be Okay come back for a second season?"
                            .into(),
                        as_of: Some(date(2022, 3, 17)),
                        format: ArticleFormatV1::Markdown,
                        body: body.into(),
                        source_path: None,
                        source_url: None,
                    },
                    threads: Vec::new(),
                    note: String::new(),
                    suggestions: None,
                }],
                open: Some(1),
                next_id: 2,
            },
        }
    }

    #[test]
    fn the_v1_golden_file_migrates_field_by_field() {
        let migrated = v1_to_v2(golden_v1());
        assert_eq!(migrated.file, golden_v1_as_v2());
        assert_eq!(migrated.legacy_open, Some(3));
    }

    #[test]
    fn suggestion_passages_name_the_new_article_and_a_thread_without_anchor_has_none() {
        let mut file = golden_v1();
        file.revision = 5;
        let dossier = &mut file.library.dossiers[1];
        dossier.article.source_url = Some("https://example.com/rumours".into());
        dossier.suggestions = Some(vec![
            SuggestionV1 {
                title: "Who runs the account?".into(),
                passages: vec![
                    AnchorV1 {
                        quote: "A fan account".into(),
                        block_hint: 0,
                    },
                    AnchorV1 {
                        quote: "It was fake".into(),
                        block_hint: 1,
                    },
                ],
                best: 1,
                state: SuggestionStateV1::Dismissed,
            },
            SuggestionV1 {
                title: "Was it real?".into(),
                passages: vec![AnchorV1 {
                    quote: "a casting call".into(),
                    block_hint: 0,
                }],
                best: 0,
                state: SuggestionStateV1::Added,
            },
            SuggestionV1 {
                title: "Is there another?".into(),
                passages: vec![AnchorV1 {
                    quote: "posted".into(),
                    block_hint: 0,
                }],
                best: 0,
                state: SuggestionStateV1::Offered,
            },
        ]);
        dossier.threads[1].anchor = None;
        file.library.dossiers[0].suggestions = Some(Vec::new());

        let migrated = v1_to_v2(file);
        let mut expected = golden_v1_as_v2();
        expected.revision = 5;
        expected.library.shows[0].articles[0].suggestions = Some(Vec::new());
        let show = &mut expected.library.shows[1];
        show.articles[0].source_url = Some("https://example.com/rumours".into());
        show.articles[0].suggestions = Some(vec![
            SuggestionV2 {
                title: "Who runs the account?".into(),
                passages: vec![
                    anchor2(11, "A fan account", 0),
                    anchor2(11, "It was fake", 1),
                ],
                best: 1,
                state: SuggestionStateV2::Dismissed,
            },
            SuggestionV2 {
                title: "Was it real?".into(),
                passages: vec![anchor2(11, "a casting call", 0)],
                best: 0,
                state: SuggestionStateV2::Added,
            },
            SuggestionV2 {
                title: "Is there another?".into(),
                passages: vec![anchor2(11, "posted", 0)],
                best: 0,
                state: SuggestionStateV2::Offered,
            },
        ]);
        show.threads[1].anchors = Vec::new();
        assert_eq!(migrated.file, expected);
    }

    #[test]
    fn the_built_in_article_gives_its_show_the_real_titles() {
        let stored = import(
            DEFAULT_ARTICLE_MARKDOWN.as_bytes(),
            Origin::File("default-article.md"),
        )
        .unwrap()
        .article
        .body
        .to_string();
        assert_ne!(
            stored, DEFAULT_ARTICLE_MARKDOWN,
            "format 1 files hold the body without its date and title lines"
        );
        for body in [DEFAULT_ARTICLE_MARKDOWN, stored.as_str()] {
            assert!(is_built_in_article(body));
            let migrated = v1_to_v2(one_dossier(body));
            let show = &migrated.file.library.shows[0];
            assert_eq!(show.title, "It's Okay To Not Be Okay");
            assert_eq!(show.original_title.as_deref(), Some("사이코지만 괜찮아"));
            assert_eq!(
                show.articles[0].title,
                "Will It's Okay To Not Be Okay come back for a second season?",
                "the article keeps its own title"
            );
            assert_eq!(show.articles[0].body, body);
            assert_eq!((migrated.file.revision, migrated.legacy_open), (3, Some(1)));
        }
        for body in [
            "",
            "Fans still ask whether there is more story to tell.",
            &format!("{stored}\n\nA paragraph the fan added."),
        ] {
            assert!(!is_built_in_article(body));
            let show = &v1_to_v2(one_dossier(body)).file.library.shows[0];
            assert_eq!(
                (show.title.as_str(), show.original_title.as_deref()),
                (
                    "Will It's Okay To Not Be Okay come back for a second season?",
                    None
                )
            );
        }
    }

    #[test]
    fn new_article_ids_never_repeat_an_id_in_use_when_the_counter_is_behind() {
        let mut file = golden_v1();
        file.library.next_id = 4;
        let library = v1_to_v2(file).file.library;
        let ids: Vec<u64> = library.shows.iter().map(|s| s.articles[0].id).collect();
        assert_eq!((ids, library.next_id), (vec![10, 11], 12));

        let mut file = golden_v1();
        file.library.next_id = 40;
        let library = v1_to_v2(file).file.library;
        let ids: Vec<u64> = library.shows.iter().map(|s| s.articles[0].id).collect();
        assert_eq!((ids, library.next_id), (vec![40, 41], 42));
    }

    #[test]
    fn an_empty_library_migrates_to_no_shows() {
        let file = FileV1 {
            format_version: 1,
            revision: 0,
            written_by: String::new(),
            library: LibraryV1 {
                dossiers: Vec::new(),
                open: None,
                next_id: 1,
            },
        };
        let migrated = v1_to_v2(file);
        assert_eq!(
            migrated.file.library,
            LibraryV2 {
                next_id: 1,
                shows: Vec::new()
            }
        );
        assert_eq!(migrated.legacy_open, None);
    }

    fn with_bom(bytes: &[u8]) -> Vec<u8> {
        [UTF8_BOM, bytes].concat()
    }

    #[test]
    fn read_versioned_reads_a_v1_file_migrated() {
        for (bytes, bom) in [(V1_GOLDEN.to_vec(), false), (with_bom(V1_GOLDEN), true)] {
            let read = read_versioned(&bytes, &no_files).unwrap();
            assert_eq!(
                read,
                VersionedFile {
                    file: v3_to_v4(v2_to_v3(golden_v1_as_v2())),
                    version: 1,
                    legacy_open: Some(3),
                    byte_order_mark: bom,
                    missing_shows: Vec::new(),
                }
            );
        }
    }

    #[test]
    fn read_versioned_reads_a_v2_file_migrated_to_v4() {
        let golden: FileV2 = serde_json::from_slice(V2_GOLDEN).unwrap();
        let golden = v2_to_v3(golden);
        for (bytes, bom) in [(V2_GOLDEN.to_vec(), false), (with_bom(V2_GOLDEN), true)] {
            let read = read_versioned(&bytes, &no_files).unwrap();
            assert_eq!(
                read,
                VersionedFile {
                    file: v3_to_v4(golden.clone()),
                    version: 2,
                    legacy_open: None,
                    byte_order_mark: bom,
                    missing_shows: Vec::new(),
                }
            );
        }
        assert_eq!(
            read_versioned(&serde_json::to_vec(&golden).unwrap(), &no_files)
                .unwrap()
                .version,
            3
        );
    }

    #[test]
    fn read_versioned_refuses_newer_versions_whatever_their_shape() {
        for bytes in [
            &br#"{"format_version": 6, "library": {"next_id": 1, "shows": []}}"#[..],
            br#"{"format_version": 6, "library": ["a shape this build does not know"]}"#,
            br#"{"library": 7, "format_version": 4000000000}"#,
        ] {
            assert!(
                matches!(
                    read_versioned(bytes, &no_files),
                    Err(FormatError::NewerVersion { supported: 5, .. })
                ),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        let mut newer = with_bom(V2_GOLDEN);
        let at = newer
            .windows(19)
            .position(|w| w == br#""format_version": 2"#)
            .unwrap();
        newer[at + 18] = b'6';
        assert!(matches!(
            read_versioned(&newer, &no_files),
            Err(FormatError::NewerVersion {
                found: 6,
                supported: 5
            })
        ));
    }

    #[test]
    fn read_versioned_refuses_version_0_and_damaged_files_as_invalid() {
        let truncated = &V2_GOLDEN[..V2_GOLDEN.len() / 2];
        for bytes in [
            &br#"{"format_version": 0, "library": {"next_id": 1, "shows": []}}"#[..],
            br#"{"format_version": 0, "library": {"dossiers": [], "next_id": 1}}"#,
            br#"{"format_version": 1, "library": 7}"#,
            br#"{"format_version": 2, "library": 7}"#,
            // A format 2 library in a file that says format 1, and the other way round.
            br#"{"format_version": 1, "library": {"next_id": 1, "shows": []}}"#,
            br#"{"format_version": 2, "library": {"dossiers": []}}"#,
            br#"{"format_version": -1, "library": {}}"#,
            br#"{"library": {"next_id": 1, "shows": []}}"#,
            br#"{"format_version": 1, "#,
            truncated,
            b"",
            b"\xEF\xBB\xBF",
            b"\x00\x01 random bytes",
        ] {
            assert!(
                matches!(
                    read_versioned(bytes, &no_files),
                    Err(FormatError::Invalid(_))
                ),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
