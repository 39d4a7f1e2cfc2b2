//! The dev-only data the benchmarks use (`tests/support/`): the generated libraries and the
//! format 1 writer.

use crate::generate::{LibraryShape, generate_library};
use crate::v1_file::v1_bytes;
use fan_tracker::model::Anchor;
use fan_tracker::storage::format::decode_file;

#[test]
fn shape_is_respected_and_output_is_deterministic() {
    let shape = LibraryShape::LARGE.divided_by(10);
    let library = generate_library(&shape);
    assert_eq!(library.shows.len(), 5);
    let threads: usize = library.shows.iter().map(|s| s.threads.len()).sum();
    assert_eq!(threads, 500);
    let predictions = library.shows.iter().flat_map(|s| s.predictions()).count();
    assert_eq!(threads + library.shows.len() + predictions, 1_000);
    let first = &library.shows[0].articles[0];
    assert!(first.article.body.len() >= shape.article_bytes);
    assert!(first.article.body.len() < shape.article_bytes + 2_000);
    assert_eq!(generate_library(&shape), library);
}

#[test]
fn anchors_resolve_in_their_article() {
    let library = generate_library(&LibraryShape::one_show(30));
    let show = &library.shows[0];
    let document = show.articles[0].article.document();
    let anchored: Vec<&Anchor> = show.threads.iter().flat_map(|t| &t.anchors).collect();
    assert_eq!(anchored.len(), 20);
    assert!(anchored.iter().all(|a| a.resolve(&document).is_some()));
}

/// The converter the load benchmark relies on: a generated library written as format 1
/// migrates back to the same articles, threads and notes (only the article ids are new).
#[test]
fn a_generated_library_written_as_format_1_migrates_back_to_itself() {
    let library = generate_library(&LibraryShape::LARGE.divided_by(25));
    let loaded = decode_file(&v1_bytes(&library)).expect("format 1 loads");
    assert_eq!(loaded.version, 1);
    assert!(loaded.repairs.is_empty(), "{:?}", loaded.repairs);
    let migrated = loaded.library;
    assert_eq!(migrated.shows.len(), library.shows.len());
    for (new, old) in migrated.shows.iter().zip(&library.shows) {
        assert_eq!(new.id, old.id);
        assert_eq!(new.articles.len(), 1);
        assert_eq!(new.articles[0].article, old.articles[0].article);
        assert_eq!(new.articles[0].note, old.articles[0].note);
        let article = new.articles[0].id;
        let mut expected = old.threads.clone();
        for anchor in expected.iter_mut().flat_map(|t| t.anchors.iter_mut()) {
            anchor.article = article;
        }
        assert_eq!(new.threads, expected);
    }
}
