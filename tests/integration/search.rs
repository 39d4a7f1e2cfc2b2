//! Issue 20, items 1–3: Find. Ctrl+F, a query typed one key per frame (Hangul through an input
//! method), Enter goes to the hit (the article scrolls there and marks it), F3 / Shift+F3 step
//! through the article's hits, a note's hit opens its thread, and the index follows edits.

use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{Change, Command};
use fan_tracker::model::search::Field;
use fan_tracker::shell::Shell;
use fan_tracker::ui::{
    HighlightKind, NEXT_HIT_LABEL, SEARCH_BOX_LABEL, ToolTab, hit_label, step_text,
};

use crate::fixture::{CAST, TempDir, launch, open_entry, open_show, shortcut};

type H = Harness<'static, Shell>;

/// The window's height in these tests: the article's later paragraphs start off screen.
const HEIGHT: f32 = 420.0;

/// Opens Find with Ctrl+F; the search box has the keyboard focus.
fn open_find(harness: &mut H) {
    shortcut(harness, Key::F);
    harness.run();
    assert!(harness.state().view.search.open, "Ctrl+F opens Find");
    assert!(
        harness.get_by_label(SEARCH_BOX_LABEL).is_focused(),
        "the search box has the focus"
    );
}

/// Types `text` one key event per frame, as a person does.
fn type_keys(harness: &mut H, text: &str) {
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
}

/// Sends one input-method event in a frame of its own.
fn ime(harness: &mut H, event: ImeEvent) {
    harness.event(Event::Ime(event));
    harness.step();
    harness.run();
}

/// The pre-edit text `text`, as an input method shows a syllable being composed.
fn preedit(text: &str) -> ImeEvent {
    ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    }
}

/// The top and bottom of the article's text node holding `needle` (the Find panel's snippets,
/// left of the article, hold it too), if it is drawn.
fn in_article(harness: &H, needle: &str) -> Option<egui::Rect> {
    let panel = harness.get_by_label(SEARCH_BOX_LABEL).rect().max.x;
    harness
        .query_all_by(|node| node.value().is_some_and(|v| v.contains(needle)))
        .map(|node| node.rect())
        .find(|rect| rect.min.x > panel)
}

/// What the last search looked for and how many hits it found.
fn found(harness: &H) -> (String, usize) {
    let found = harness.state().view.search.found.clone().expect("searched");
    (found.query.clone(), found.total)
}

#[test]
fn ctrl_f_typing_and_enter_scroll_the_article_to_the_marked_hit_and_f3_steps_on() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    harness.set_size(egui::vec2(1280.0, HEIGHT));
    harness.run();
    let article = open_entry(&harness).id;
    open_find(&mut harness);
    // Case and accents are folded: "ÁNSWER" finds "answer".
    type_keys(&mut harness, "ÁNSWER");
    let (query, total) = found(&harness);
    assert_eq!(query, "answer");
    let hits = harness
        .state()
        .view
        .search
        .article_hits(Some(article))
        .to_vec();
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert_eq!(total, hits.len());
    let text_at = |harness: &H, i: usize| {
        let block = &harness.state().article_cache.document().blocks[hits[i].block];
        block.text[hits[i].range.clone()].to_owned()
    };
    // The first hit's paragraph is off screen before Enter.
    let context = |harness: &H, i: usize| {
        let block = &harness.state().article_cache.document().blocks[hits[i].block];
        block.text[hits[i].range.start..]
            .chars()
            .take(18)
            .collect::<String>()
    };
    let first_context = context(&harness, 0);
    assert!(
        in_article(&harness, &first_context).is_none_or(|rect| rect.min.y >= HEIGHT),
        "the first hit starts off screen"
    );

    harness.key_press(Key::Enter);
    harness.run();
    let search = &harness.state().view.search;
    assert_eq!(search.hit, Some((article, hits[0].clone())));
    assert_eq!(search.current, Some(0));
    assert_eq!(text_at(&harness, 0), "answer");
    assert_eq!(
        harness
            .state()
            .article_cache
            .highlights(HighlightKind::Selected),
        [hits[0].clone()],
        "the hit is marked"
    );
    let rect = in_article(&harness, &first_context).expect("the hit is drawn");
    assert!(
        rect.min.y >= 0.0 && rect.max.y <= HEIGHT + 1.0,
        "the hit is in view: {rect:?}"
    );
    harness.get_by_label(&step_text(Some(0), hits.len()));
    assert!(
        harness.get_by_label(SEARCH_BOX_LABEL).is_focused(),
        "the box keeps the focus"
    );

    // F3 steps on, Shift+F3 back, Enter in the box on again.
    harness.key_press(Key::F3);
    harness.run();
    assert_eq!(harness.state().view.search.current, Some(1));
    assert_eq!(
        harness.state().view.search.hit,
        Some((article, hits[1].clone()))
    );
    harness.get_by_label(&step_text(Some(1), hits.len()));
    assert_eq!(
        step_text(Some(1), hits.len()),
        format!("2 of {}", hits.len())
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    assert_eq!(harness.state().view.search.current, Some(0));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().view.search.current, Some(1));
    // Shift+F3 from the first wraps to the last.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    assert_eq!(harness.state().view.search.current, Some(hits.len() - 1));

    // Escape in the box closes Find and the mark goes.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().view.search.open);
    assert!(
        harness
            .state()
            .article_cache
            .highlights(HighlightKind::Selected)
            .is_empty()
    );
}

#[test]
fn a_syllable_being_composed_is_never_searched() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    open_find(&mut harness);
    for step in ["ㄱ", "괘", "괜"] {
        ime(&mut harness, preedit(step));
        assert_eq!(found(&harness), (String::new(), 0), "composing {step}");
    }
    ime(&mut harness, ImeEvent::Commit("괜".to_owned()));
    let (query, first) = found(&harness);
    assert_eq!(query, "괜");
    assert!(first >= 2, "the original title and the article: {first}");
    for step in ["ㅊ", "차", "찮"] {
        ime(&mut harness, preedit(step));
        assert_eq!(
            found(&harness),
            ("괜".to_owned(), first),
            "composing {step}"
        );
    }
    ime(&mut harness, ImeEvent::Commit("찮".to_owned()));
    let found_now = harness.state().view.search.found.clone().unwrap();
    assert_eq!(found_now.query, "괜찮");
    let fields: Vec<Field> = found_now.hits.iter().map(|h| h.field).collect();
    assert!(fields.contains(&Field::OriginalTitle), "{fields:?}");
    assert!(
        fields.iter().any(|f| matches!(f, Field::ArticleText(..))),
        "{fields:?}"
    );
}

#[test]
fn the_index_follows_edits_and_a_note_hit_opens_its_thread() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let thread = open_show(&harness)
        .threads
        .iter()
        .find(|t| t.title == CAST)
        .unwrap()
        .id;
    harness.state_mut().push(Command::SelectThread(None));
    harness.run();
    open_find(&mut harness);
    type_keys(&mut harness, "butterfly");
    assert_eq!(found(&harness), ("butterfly".to_owned(), 0));
    // A note written while Find is open is found at once.
    harness
        .state_mut()
        .push(Command::Change(Change::SetThreadNote(
            thread,
            "The Butterfly ending: the cast would return for a special".into(),
        )));
    harness.run();
    let found_now = harness.state().view.search.found.clone().unwrap();
    assert_eq!(found_now.total, 1);
    let hit = found_now.hits[0].clone();
    assert_eq!(hit.field, Field::ThreadNote(thread));
    assert_eq!(&hit.snippet.text[hit.snippet.hit.clone()], "Butterfly");
    harness.get_by_label(&hit_label(&hit)).click();
    harness.run();
    assert_eq!(harness.state().view.selected_thread, Some(thread));
    assert_eq!(harness.state().workspace().tab, ToolTab::Threads);
}

#[test]
fn only_the_results_in_view_are_drawn() {
    use crate::generate::{LibraryShape, generate_library};
    use fan_tracker::storage::{SaveRequest, Store};

    let tmp = TempDir::new();
    let library = generate_library(&LibraryShape::LARGE.divided_by(10));
    let mut opened = Store::open(&tmp.data_dir()).expect("data dir");
    opened.store.save(&SaveRequest::new(library)).expect("save");
    let mut harness = launch(&tmp.data_dir(), None);
    open_find(&mut harness);
    type_keys(&mut harness, "season");
    let found = harness.state().view.search.found.clone().unwrap();
    assert_eq!(found.hits.len(), fan_tracker::model::search::MAX_HITS);
    let drawn = found
        .hits
        .iter()
        .filter(|hit| harness.query_by_label(&hit_label(hit)).is_some())
        .count();
    assert!((5..60).contains(&drawn), "{drawn} of 300 results drawn");
    // The first is drawn, in its show's group.
    harness.get_by_label(&hit_label(&found.hits[0]));
}

#[test]
fn a_hit_in_another_article_opens_it_scrolled_to_the_marked_hit() {
    let tmp = TempDir::new();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval/dev/04-harbor-cast-news.md");
    let mut harness = launch(&tmp.data_dir(), Some(file));
    harness.set_size(egui::vec2(1280.0, HEIGHT));
    harness.run();
    let built_in = harness.state().library().shows[0].articles[0].id;
    assert_ne!(
        open_entry(&harness).id,
        built_in,
        "the imported article is open"
    );
    open_find(&mut harness);
    type_keys(&mut harness, "checklist");
    let found = harness.state().view.search.found.clone().unwrap();
    assert_eq!(found.total, 1, "{:?}", found.hits);
    let hit = found.hits[0].clone();
    assert!(matches!(hit.field, Field::ArticleText(id, _) if id == built_in));
    // Nothing to step through in the article on screen: Enter goes to the first result.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(open_entry(&harness).id, built_in);
    let search = &harness.state().view.search;
    let (article, marked) = search.hit.clone().expect("a hit is marked");
    assert_eq!(article, built_in);
    assert_eq!(search.current, Some(0));
    assert_eq!(
        harness
            .state()
            .article_cache
            .highlights(HighlightKind::Selected),
        [marked]
    );
    let rect = in_article(&harness, "checklist handy").expect("the hit is drawn");
    assert!(
        rect.min.y >= 0.0 && rect.max.y <= HEIGHT + 1.0,
        "the hit is in view: {rect:?}"
    );
    // Escape, with the focus out of the box, closes Find too.
    harness.get_by_label(NEXT_HIT_LABEL).focus();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().view.search.open);
}
