//! The Suggested section and the as-of date, driven through the UI by AccessKit labels: an
//! article's open questions appear by themselves, are added, dismissed or retitled, and stay
//! as the fan left them across relaunches.

use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::Command;
use fan_tracker::model::{
    Anchor, ArticleEntry, Show, SuggestionState, offered_suggestions, same_question,
};
use fan_tracker::shell::Shell;
use fan_tracker::ui::{
    ADD_ALL_LABEL, AS_OF_FIELD_LABEL, EDIT_AS_OF_LABEL, SET_AS_OF_LABEL, add_suggestion_label,
    dismiss_suggestion_label, passage_label, suggestion_title_label,
};

use crate::fixture::{
    TempDir, click, close, launch, leave_field, open_entry, open_show, settle, settle_suggestions,
    type_into, value_containing,
};

/// A news piece of the kind the app was made for, in our own words: plain text, one paragraph
/// per line, a date marker first. It raises four open questions (renewal, Moon-young's mother,
/// marriage, the cast) among sentences that settle things.
pub const NEWS_PIECE: &str = "date 2022-03-17
Fans are still waiting to hear whether It's Okay To Not Be Okay will return
Almost two years after its last episode aired on 9 August 2020, the drama about a children's book author and a caregiver on a psychiatric ward is still one of the most discussed Korean series around the world.
Its fairy-tale images, dark humour and strong acting won over critics and drew a large audience abroad.
So far no second season has been confirmed, and nobody behind the show has announced plans for one.
Many fans hope the series will be renewed anyway, since other hit dramas came back after viewers kept asking for more.
Others doubt it: most Korean dramas run for a single season, and this one ended on a hopeful note, with Gang-tae and Moon-young openly in love.
Moon-young's mother is now in prison for killing the brothers' mother, and it remains to be seen whether Moon-young could ever rebuild a relationship with her.
Viewers also wonder whether a new season would follow Gang-tae and Moon-young into marriage.
If the drama gets the green light, it is unclear whether Kim Soo-hyun and Seo Yea-ji would return to their roles.
Gang-tae's older brother Sang-tae is an artist, and Moon-young grew close to him as well.
";

type H = egui_kittest::Harness<'static, Shell>;

/// The indices (into the open article's saved suggestions) of those offered, in order.
fn offered(show: &Show, entry: &ArticleEntry) -> Vec<usize> {
    offered_suggestions(show, entry, &entry.article.document())
        .into_iter()
        .map(|o| o.index)
        .collect()
}

/// The titles of the suggestions offered for the open article, in order.
fn offered_titles(harness: &H) -> Vec<String> {
    let entry = open_entry(harness);
    let saved = entry.suggestions.as_ref().expect("suggestions computed");
    offered(open_show(harness), entry)
        .into_iter()
        .map(|i| saved[i].title.clone())
        .collect()
}

/// The app with the news piece open in a show of its own: the fan first removed the built-in
/// show (which the piece names), so every question it raises is new to the show.
fn launch_on_the_news_piece_alone(tmp: &TempDir) -> H {
    let file = tmp.write("renewal.txt", NEWS_PIECE);
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    click(&mut harness, "File");
    click(&mut harness, "Remove this show from the library…");
    click(&mut harness, "Delete show");
    assert!(harness.state().library().shows.is_empty());
    harness.state_mut().push(Command::ImportFile(file));
    harness.run();
    settle(&mut harness);
    settle_suggestions(&mut harness);
    assert_eq!(harness.state().library().shows.len(), 1);
    harness
}

/// The titles shown in the Suggested section's title fields, in order.
fn shown_titles(harness: &H) -> Vec<String> {
    (1..)
        .map_while(|position| {
            harness
                .query_by_label(&suggestion_title_label(position))
                .and_then(|node| node.value())
        })
        .collect()
}

#[test]
fn suggestions_appear_are_added_dismissed_retitled_and_kept_across_relaunches() {
    let tmp = TempDir::new();
    let mut harness = launch_on_the_news_piece_alone(&tmp);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    assert!(open_show(&harness).threads.is_empty());
    let titles = offered_titles(&harness);
    assert!(
        titles.len() >= 3,
        "the news piece raises several open questions: {titles:?}"
    );
    assert_eq!(shown_titles(&harness), titles, "the section shows them all");

    // Retitle the first one, then add it.
    let edited = "Will tvN ever announce a second season?";
    harness.get_by_label(&suggestion_title_label(1)).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_into(&mut harness, &suggestion_title_label(1), edited);
    leave_field(&mut harness);
    assert_eq!(offered_titles(&harness)[0], edited);
    let best = {
        let entry = open_entry(&harness);
        let saved = &entry.suggestions.as_ref().unwrap()[offered(open_show(&harness), entry)[0]];
        saved.best_passage().cloned().expect("a best passage")
    };
    click(&mut harness, &add_suggestion_label(edited));
    {
        let show = open_show(&harness);
        assert_eq!(show.threads.len(), 1);
        assert_eq!(show.threads[0].title, edited);
        assert_eq!(show.threads[0].anchors, std::slice::from_ref(&best));
        assert!(
            best.resolve(&open_entry(&harness).article.document())
                .is_some(),
            "the thread's passage is found in the article"
        );
    }
    // The next one is dismissed.
    let dismissed = titles[1].clone();
    click(&mut harness, &dismiss_suggestion_label(&dismissed));
    let rest: Vec<String> = titles[2..].to_vec();
    assert_eq!(offered_titles(&harness), rest);
    assert_eq!(shown_titles(&harness), rest);
    close(harness);

    // A relaunch neither recomputes nor reorders: a title changed in the file stays changed.
    let path = tmp.data_dir().join("library.json");
    let mut saved = fan_tracker::storage::Store::load_file(&path).expect("library saved");
    let suggestion = saved
        .library
        .shows
        .iter_mut()
        .flat_map(|s| &mut s.articles)
        .flat_map(|a| a.suggestions.iter_mut().flatten())
        .find(|s| s.title == rest[0])
        .expect("the suggestion is in the saved file");
    suggestion.title = "Kept as saved?".into();
    // Written back by hand (same revision and save id), as one file holding it all.
    std::fs::write(
        &path,
        fan_tracker::storage::encode_save(&saved.library, saved.revision, &saved.lineage).unwrap(),
    )
    .expect("edit the saved file");
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    let show = open_show(&harness);
    assert_eq!(show.threads.len(), 1);
    assert_eq!(show.threads[0].title, edited);
    assert_eq!(show.threads[0].anchors, [best]);
    let mut expected = rest.clone();
    expected[0] = "Kept as saved?".into();
    assert_eq!(offered_titles(&harness), expected);
    assert_eq!(shown_titles(&harness), expected);
    assert!(!shown_titles(&harness).contains(&dismissed));
    let states: Vec<SuggestionState> = open_entry(&harness)
        .suggestions
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| s.state)
        .collect();
    assert_eq!(states[0], SuggestionState::Added);
    assert_eq!(states[1], SuggestionState::Dismissed);
}

#[test]
fn add_all_adds_every_offered_question_in_order() {
    let tmp = TempDir::new();
    let mut harness = launch_on_the_news_piece_alone(&tmp);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    let titles = offered_titles(&harness);
    assert!(titles.len() >= 2, "{titles:?}");
    click(&mut harness, ADD_ALL_LABEL);
    let threads: Vec<String> = open_show(&harness)
        .threads
        .iter()
        .map(|t| t.title.clone())
        .collect();
    assert_eq!(threads, titles);
    assert!(offered_titles(&harness).is_empty());
    harness.get_by_label_contains("Nothing more to suggest");
    // Each passage is a thread's anchor now, so nothing is offered twice.
    assert!(
        open_show(&harness)
            .threads
            .iter()
            .all(|t| t.anchors.len() == 1)
    );
}

#[test]
fn clicking_a_passage_scrolls_the_article_there_and_highlights_it() {
    let tmp = TempDir::new();
    let mut harness = launch_on_the_news_piece_alone(&tmp);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    harness.set_size(egui::vec2(1280.0, 420.0));
    harness.run();
    // The offered passage lowest in the article, off screen at first.
    let passage: Anchor = {
        let entry = open_entry(&harness);
        let offered = offered(open_show(&harness), entry);
        let saved = entry.suggestions.as_ref().unwrap();
        offered
            .iter()
            .flat_map(|&i| saved[i].passages.iter())
            .max_by_key(|p| p.block_hint)
            .cloned()
            .unwrap()
    };
    let off_screen =
        value_containing(&harness, &passage.quote).is_none_or(|node| node.rect().min.y >= 420.0);
    assert!(off_screen, "the passage starts off screen");
    harness
        .get_by_label(&passage_label(&passage.quote))
        .scroll_to_me();
    harness.run();
    click(&mut harness, &passage_label(&passage.quote));
    harness.run();
    assert_eq!(
        harness.state().view.highlighted_passage.as_ref(),
        Some(&passage)
    );
    let node = value_containing(&harness, &passage.quote).expect("passage drawn");
    let rect = node.rect();
    assert!(
        rect.min.y >= 0.0 && rect.max.y <= 420.0 + 1.0,
        "passage in view: {rect:?}"
    );
    // Clicking it again stops highlighting it.
    click(&mut harness, &passage_label(&passage.quote));
    assert_eq!(harness.state().view.highlighted_passage, None);
}

#[test]
fn the_built_in_article_keeps_its_four_threads_and_offers_no_duplicates() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    let show = open_show(&harness);
    let entry = open_entry(&harness);
    assert_eq!(show.threads.len(), 4);
    let document = entry.article.document();
    let saved = entry.suggestions.as_ref().expect("suggestions computed");
    let curated: Vec<_> = show
        .threads
        .iter()
        .map(|t| t.anchors[0].resolve(&document).unwrap())
        .collect();
    let on_a_curated_passage = |index: usize| {
        saved[index].passages.iter().any(|p| {
            let found = p.resolve(&document).expect("passage found");
            curated.iter().any(|c| {
                c.block == found.block
                    && c.range.start < found.range.end
                    && found.range.start < c.range.end
            })
        })
    };
    // The suggester does find the curated questions (so something is being left out)...
    assert!(
        (0..saved.len()).any(on_a_curated_passage),
        "the suggester raises at least one curated question: {saved:#?}"
    );
    // ...but none of them is offered, nor any asking a curated question in other words, and
    // the section shows exactly the offered ones.
    let offered = offered(show, entry);
    for &index in &offered {
        assert!(!on_a_curated_passage(index), "{:?}", saved[index]);
        for thread in &show.threads {
            assert!(
                !same_question(&saved[index].title, &thread.title),
                "{} repeats {}",
                saved[index].title,
                thread.title
            );
        }
    }
    for suggestion in saved {
        let shown = harness
            .query_all_by_label(&add_suggestion_label(&suggestion.title))
            .count();
        let expected = offered
            .iter()
            .filter(|&&i| saved[i].title == suggestion.title)
            .count();
        assert_eq!(shown, expected, "{}", suggestion.title);
    }
}

#[test]
fn the_as_of_date_is_set_saved_and_reloaded_and_a_bad_one_changes_nothing() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    let before = open_entry(&harness).article.as_of;

    click(&mut harness, EDIT_AS_OF_LABEL);
    harness.get_by_label(AS_OF_FIELD_LABEL).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_into(&mut harness, AS_OF_FIELD_LABEL, "2022-02-30");
    click(&mut harness, SET_AS_OF_LABEL);
    harness.get_by_label_contains("“2022-02-30” is not a date");
    assert_eq!(open_entry(&harness).article.as_of, before);

    harness.get_by_label(AS_OF_FIELD_LABEL).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_into(&mut harness, AS_OF_FIELD_LABEL, "2021-12-01");
    click(&mut harness, SET_AS_OF_LABEL);
    assert_eq!(
        open_entry(&harness).article.as_of,
        Some(jiff::civil::date(2021, 12, 1))
    );
    harness.get_by_label("As of 1 December 2021");
    close(harness);

    let mut harness = launch(&tmp.data_dir(), None);

    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    harness.get_by_label("As of 1 December 2021");
    // Clearing the field sets no date.
    click(&mut harness, EDIT_AS_OF_LABEL);
    harness.get_by_label(AS_OF_FIELD_LABEL).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    click(&mut harness, SET_AS_OF_LABEL);
    assert_eq!(open_entry(&harness).article.as_of, None);
    harness.get_by_label("No as-of date");
}

/// *New thread from selection* names the thread with the suggester's title generator: a
/// question, not the whole passage (issue 15).
#[test]
fn a_thread_from_a_selected_passage_is_titled_as_a_question() {
    use fan_tracker::app::{App, AppOptions, Change};
    let tmp = TempDir::new();
    let mut app = App::new(
        AppOptions {
            data_dir: tmp.data_dir(),
            open_file: None,
        },
        None,
    );
    app.finish_jobs_blocking();
    let (show, entry) = app.open_article().expect("the built-in article is open");
    let (show, article) = (show.id, entry.id);
    let threads_before = app.library().show(show).unwrap().threads.len();
    let quote = "And would the original cast return to play the same roles, or would a new season need new faces?";
    let document = app.open_document().expect("the article is parsed");
    let block = document
        .blocks
        .iter()
        .position(|b| b.text.contains(quote))
        .expect("the passage is in the built-in article");
    let _ = app.apply(Command::Change(Change::AddThread {
        title: String::new(),
        anchor: Some(Anchor::new(article, quote, block)),
    }));
    let threads = &app.library().show(show).unwrap().threads;
    assert_eq!(threads.len(), threads_before + 1);
    let title = &threads.last().unwrap().title;
    assert_eq!(
        title,
        "Would the original cast return to play the same roles?"
    );
}
