use std::sync::Arc;

use unicode_normalization::UnicodeNormalization as _;

use super::*;
use crate::model::{Article, ArticleEntry, ArticleFormat, Library, Show, Thread};

/// The original text of every hit of `query` in `text` (folded, searched, mapped back).
fn hits_in(text: &str, query: &str) -> Vec<String> {
    let folded = fold(text);
    let query = query_text(query);
    if query.is_empty() {
        return Vec::new();
    }
    Finder::new(query.as_bytes())
        .find_iter(folded.text.as_bytes())
        .map(|at| text[folded.to_original(at..at + query.len(), text)].to_owned())
        .collect()
}

#[test]
fn case_is_ignored_both_ways() {
    assert_eq!(
        hits_in("Season Two, SEASON three", "season"),
        ["Season", "SEASON"]
    );
    assert_eq!(hits_in("the season", "SeAsOn"), ["season"]);
}

#[test]
fn letters_lowercasing_leaves_apart_fold_together() {
    assert_eq!(hits_in("Die Straße ist lang", "STRASSE"), ["Straße"]);
    assert_eq!(hits_in("DIE STRASSE", "straße"), ["STRASSE"]);
    // Greek final sigma is the same letter as σ.
    assert_eq!(hits_in("ΟΔΥΣΣΕΥΣ", "οδυσσευς"), ["ΟΔΥΣΣΕΥΣ"]);
}

#[test]
fn accents_are_ignored_and_the_hit_keeps_them() {
    assert_eq!(hits_in("Émilie met Zoë at the café", "emilie"), ["Émilie"]);
    assert_eq!(hits_in("Émilie met Zoë at the café", "zoe"), ["Zoë"]);
    assert_eq!(hits_in("the cafe", "café"), ["cafe"]);
    assert_eq!(hits_in("Ångström", "angstrom"), ["Ångström"]);
}

#[test]
fn decomposed_text_and_queries_are_normalised() {
    let nfd = "Cafe\u{301} Noe\u{308}l";
    assert_eq!(hits_in(nfd, "café"), ["Cafe\u{301}"]);
    assert_eq!(hits_in(nfd, "noel"), ["Noe\u{308}l"]);
    // A query typed decomposed finds the composed text.
    assert_eq!(hits_in("Noël", "noe\u{308}l"), ["Noël"]);
}

#[test]
fn hangul_is_kept_whole_and_matches_by_syllable() {
    let text = "사이코지만 괜찮아 시즌 2";
    let folded = fold(text);
    assert_eq!(folded.text, text, "Hangul is not decomposed");
    assert_eq!(hits_in(text, "괜찮아"), ["괜찮아"]);
    // A syllable never matches another that shares its letters.
    assert!(hits_in("한국", "하").is_empty());
    assert!(hits_in("괜찮아", "괜찬").is_empty());
    // Text stored as conjoining jamo (NFD) is composed into syllables and found.
    let nfd: String = "한글".nfd().collect();
    assert_ne!(nfd, "한글");
    assert_eq!(hits_in(&nfd, "한글"), std::slice::from_ref(&nfd));
    assert_eq!(hits_in("한글", &nfd), ["한글"]);
}

#[test]
fn a_word_with_a_particle_is_found_by_its_stem() {
    let text = "한글과 영어로 쓴 기사, 한글은 쉽다";
    assert_eq!(hits_in(text, "한글"), ["한글", "한글"]);
    let folded = fold(text);
    let at = folded.text.find("한글").unwrap();
    assert_eq!(folded.to_original(at..at + "한글".len(), text), 0..6);
}

#[test]
fn a_lone_letter_being_composed_matches_nothing() {
    // A lone jamo (as an input method shows it before the syllable is done) is dropped from
    // the end of a query; it never matches inside syllables either.
    assert_eq!(query_text("괜ㅊ"), "괜");
    assert_eq!(query_text("season ㅅ"), "season");
    assert!(hits_in("한국 사람", "ㅎ").is_empty());
    assert!(hits_in("한국 사람", "\u{1112}").is_empty());
    // A query of letters only is looked for as typed (ㅋㅋ is written that way).
    assert_eq!(query_text("ㅋㅋ"), "ㅋㅋ");
    assert_eq!(hits_in("재밌다 ㅋㅋ", "ㅋㅋ"), ["ㅋㅋ"]);
}

#[test]
fn white_space_and_quotes_fold() {
    assert_eq!(
        hits_in("It’s  okay\nto not", "it's okay to"),
        ["It’s  okay\nto"]
    );
    assert_eq!(query_text("  two   words  "), "two words");
}

#[test]
fn the_map_lands_on_character_boundaries() {
    let text = "ÉÉÉ x ÉÉ";
    let folded = fold(text);
    assert_eq!(folded.text, "eee x ee");
    for start in 0..folded.text.len() {
        for end in start + 1..=folded.text.len() {
            let range = folded.to_original(start..end, text);
            assert!(
                text.get(range.clone()).is_some(),
                "{start}..{end} -> {range:?}"
            );
        }
    }
}

/// A library with one show: an article, a thread with a note and a prediction.
fn library() -> Library {
    let mut library = Library::empty();
    let mut show = Show::new(ShowId(1), "It's Okay to Not Be Okay");
    show.original_title = Some("사이코지만 괜찮아".to_owned());
    let article = Article {
        title: "Renewal watch".to_owned(),
        as_of: None,
        format: ArticleFormat::Markdown,
        body: Arc::from(
            "# Season two?\n\nThe café scene was filmed again.\n\nA second café, then a third café.",
        ),
        source_path: None,
        source_url: None,
    };
    show.articles.push(ArticleEntry::new(ArticleId(2), article));
    let mut thread = Thread::new(ThreadId(3), "Will the Cafe return?", None);
    thread.note = "The director said the café set was kept".to_owned();
    show.threads.push(thread);
    library.shows.push(show);
    library
}

#[test]
fn every_kind_of_text_is_searched_and_grouped_by_show() {
    let library = library();
    let index = SearchIndex::build(&library, None, 7);
    assert_eq!(index.generation, 7);
    let found = index.search("CAFE", Some(ArticleId(2)));
    let fields: Vec<Field> = found.hits.iter().map(|h| h.field).collect();
    assert_eq!(
        fields,
        [
            Field::ArticleText(ArticleId(2), 1),
            Field::ArticleText(ArticleId(2), 2),
            Field::ArticleText(ArticleId(2), 2),
            Field::ThreadTitle(ThreadId(3)),
            Field::ThreadNote(ThreadId(3)),
        ]
    );
    assert_eq!(found.total, 5);
    assert_eq!(found.show_titles.len(), 1);
    let (article, steps) = found.in_article.clone().unwrap();
    assert_eq!(article, ArticleId(2));
    // The second café of block 2 is its own hit, at its own place.
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[2].block, 2);
    assert_eq!(steps[2].range, 29..34);
    assert_eq!(steps[1].range, 9..14);
    let hit = &found.hits[4];
    assert_eq!(&hit.snippet.text[hit.snippet.hit.clone()], "café");
    // The original title, in Hangul.
    let found = index.search("괜찮", None);
    assert_eq!(found.hits[0].field, Field::OriginalTitle);
    assert_eq!(found.hits[0].range, 16..22);
}

#[test]
fn an_index_built_again_reuses_unchanged_articles() {
    let mut library = library();
    let first = SearchIndex::build(&library, None, 1);
    library.shows[0].threads[0].note = "Nothing about it".to_owned();
    let second = SearchIndex::build(&library, Some(&first), 2);
    assert!(Arc::ptr_eq(
        &first.articles[&ArticleId(2)],
        &second.articles[&ArticleId(2)]
    ));
    // The show's titles (unchanged) are reused too; its threads, edited, are folded again.
    let own = |index: &SearchIndex, at: usize| match &index.shows[0].parts[at] {
        Part::Own(entries) => Arc::clone(entries),
        Part::Article(_) => panic!("part {at} is an article"),
    };
    assert!(Arc::ptr_eq(&own(&first, 0), &own(&second, 0)));
    assert!(!Arc::ptr_eq(&own(&first, 2), &own(&second, 2)));
    assert_eq!(second.search("cafe", None).total, 4);
    assert_eq!(second.search("nothing about", None).total, 1);
}

#[test]
fn an_empty_query_or_one_still_being_composed_finds_nothing() {
    let index = SearchIndex::build(&library(), None, 1);
    assert_eq!(index.search("   ", None).total, 0);
    assert_eq!(index.search("ㄱ", None).total, 0);
    assert!(
        index
            .search("", Some(ArticleId(2)))
            .in_article
            .unwrap()
            .1
            .is_empty()
    );
}

#[test]
fn snippets_are_cut_around_the_hit() {
    let text = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
    let at = text.find("needle").unwrap();
    let snippet = snippet(&text, at..at + 6);
    assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'));
    assert_eq!(&snippet.text[snippet.hit.clone()], "needle");
    assert!(snippet.text.chars().count() < 150);
}

/// Cut after a wide space (the ideographic space U+3000, common in Korean text, or a no-break
/// space), the snippet still starts on a character boundary.
#[test]
fn snippets_cut_after_a_wide_space_start_on_a_character() {
    for space in ['\u{3000}', '\u{a0}', ' '] {
        let text = format!("{}{space}{}needle", "가나다라".repeat(30), "마".repeat(20));
        let at = text.find("needle").unwrap();
        let snippet = snippet(&text, at..at + 6);
        assert_eq!(&snippet.text[snippet.hit.clone()], "needle");
    }
}

proptest::proptest! {
    /// Whatever the text and wherever the hit, a snippet never panics and shows the hit.
    #[test]
    fn any_snippet_shows_its_hit(text in "[a-z가-힣 \u{3000}\u{a0}\n]{0,200}", from in 0usize..200, len in 1usize..8) {
        let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
        let start = starts[from % starts.len()];
        let end = starts.iter().copied().find(|&e| e >= start + len).unwrap_or(text.len());
        let snippet = snippet(&text, start..end);
        let clean = text[start..end].replace(['\n', '\r', '\t'], " ");
        proptest::prop_assert_eq!(&snippet.text[snippet.hit.clone()], clean.as_str());
    }
}

/// The case file `12-nfd-hangul.txt` (Hangul stored decomposed, as some editors save it):
/// an article whose body is still decomposed (kept so by an older library) is found by a
/// query typed composed, and the hit covers the whole word (whatever form the text is in).
#[test]
fn a_decomposed_hangul_article_is_found_by_a_composed_query() {
    let raw = include_str!("../../../tests/fixtures/12-nfd-hangul.txt");
    assert!(raw.contains('\u{1103}'), "the case file is decomposed");
    let mut library = Library::empty();
    let mut show = Show::new(ShowId(1), "Harbor Lights");
    let article = Article {
        title: "하버 라이트".to_owned(),
        as_of: None,
        format: ArticleFormat::PlainText,
        body: Arc::from(raw),
        source_path: None,
        source_url: None,
    };
    show.articles.push(ArticleEntry::new(ArticleId(2), article));
    library.shows.push(show);
    let index = SearchIndex::build(&library, None, 1);
    let found = index.search("등대지기", Some(ArticleId(2)));
    assert_eq!(found.total, 1);
    let (_, hits) = found.in_article.unwrap();
    let document = library.shows[0].articles[0].article.document();
    let text = &document.blocks[hits[0].block].text[hits[0].range.clone()];
    assert_eq!(text.nfc().collect::<String>(), "등대지기");
}
