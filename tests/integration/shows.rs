//! Issue 10's stories, driven through the UI by AccessKit labels as a fan would: a second
//! article about a show joins it, its suggestions fold into the show's threads, every edit is
//! undone and redone from the keyboard and the Edit menu, and the timeline dates what happened.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fan_tracker::model::{ArticleId, ShowStatus, ThreadStatus, quoted};
use fan_tracker::shell::Shell;
use fan_tracker::ui::{
    SHOW_PICKER_LABEL, SHOW_TITLE_LABEL, TIMELINE_HEADING, add_suggestion_label, passage_label,
    redo_menu_label, undo_menu_label,
};

use crate::fixture::{
    CAST, RENEWAL, TempDir, click, launch, open_entry, open_show, resolved_checkbox, type_into,
    value_containing,
};
use crate::ui_stories::open_threads;

type H = Harness<'static, Shell>;

/// A later article about the built-in show, in our own words: it names the show in English,
/// and raises one question, the one the show's first thread already asks.
const SECOND_ARTICLE: &str = "date 2024-06-02
Talk of a return for It's Okay To Not Be Okay
Four years after the finale, a streaming service listed 사이코지만 괜찮아 among the dramas it would like to bring back.
The broadcaster has said nothing so far, and the writer is busy with a new project.
Whether a second season will be confirmed is still anyone's guess.
Fans at a screening in Seoul cheered when the first episode was shown again.
The soundtrack album was also reissued on vinyl this spring.
";

/// Its title.
const SECOND_TITLE: &str = "Talk of a return for It's Okay To Not Be Okay";

/// The question it raises, asked by the suggester in these words.
const SECOND_QUESTION: &str = "Will a second season be confirmed?";

/// The sentence that raises it.
const SECOND_PASSAGE: &str = "Whether a second season will be confirmed is still anyone's guess.";

/// A short piece that names the show only in Korean, in our own words.
const KOREAN_ARTICLE: &str = "date 2025-01-10
시즌 2 소식은 아직 없다
드라마 사이코지만 괜찮아의 팬들은 여전히 새 소식을 기다리고 있다.
방송사는 아무 계획도 발표하지 않았다.
";

/// A piece about some other drama, naming none of the fan's shows.
const OTHER_ARTICLE: &str = "date 2024-01-05
Studio hints at more episodes
The network said talks are under way.
No date was given.
";

/// The built-in show's title with its original title, as pickers and headers show it.
const SHOW_FULL_TITLE: &str = "It's Okay To Not Be Okay (사이코지만 괜찮아)";

/// The built-in article's row in the library list.
const FIRST_ROW: &str = "2022-03-17 · Will It's Okay To Not Be Okay come back for a second season?";

/// The status of the built-in show's thread titled `title`.
fn status_of(harness: &H, title: &str) -> ThreadStatus {
    open_threads(harness)
        .into_iter()
        .find(|(t, _)| t == title)
        .unwrap_or_else(|| panic!("no thread {title}"))
        .1
}

/// The id of the article titled `title`.
fn article_titled(harness: &H, title: &str) -> ArticleId {
    harness
        .state()
        .library()
        .articles()
        .find(|a| a.article.title == title)
        .unwrap_or_else(|| panic!("no article {title}"))
        .id
}

/// Presses `modifiers` + `key` once, with no text field focused, and lets the app settle.
fn keys(harness: &mut H, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Ctrl+Z (Cmd+Z on macOS).
fn ctrl_z(harness: &mut H) {
    keys(harness, egui::Modifiers::COMMAND, egui::Key::Z);
}

/// Ctrl+Shift+Z.
fn ctrl_shift_z(harness: &mut H) {
    keys(
        harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
}

/// The entry of the open Edit menu whose label starts with `label` (its shortcut follows in
/// the label; the status line may show a button with the same words, lower in the window).
fn menu_entry<'h>(harness: &'h H, label: &'h str) -> egui_kittest::Node<'h> {
    let entry = harness
        .get_all_by_label_contains(label)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("no Edit menu entry {label}"));
    assert!(entry.rect().min.y < 100.0, "{label} is in the menu");
    entry
}

/// Opens the Edit menu and clicks its entry labelled `label`.
fn edit_menu(harness: &mut H, label: &str) {
    click(harness, "Edit");
    menu_entry(harness, label).click();
    harness.run();
}

/// Types `text` one character a frame, as a person does, into the focused field.
fn type_keystrokes(harness: &mut H, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
}

/// The text drawn inside `rect` in the last frame (a button's visible words, when its
/// AccessKit label says more).
fn drawn_text_in(harness: &H, rect: egui::Rect) -> String {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) if rect.contains_rect(text.visual_bounding_rect()) => {
                Some(text.galley.text().to_owned())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_second_article_about_the_show_joins_it_in_the_library_and_checklist() {
    let tmp = TempDir::new();
    let file = tmp.write("second.txt", SECOND_ARTICLE);
    let harness = launch(&tmp.data_dir(), Some(file));
    let library = harness.state().library();
    assert_eq!(library.shows.len(), 1, "no new show");
    let show = open_show(&harness);
    let titles: Vec<&str> = show
        .articles_by_date()
        .iter()
        .map(|a| a.article.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Will It's Okay To Not Be Okay come back for a second season?",
            SECOND_TITLE
        ]
    );
    assert_eq!(open_entry(&harness).article.title, SECOND_TITLE);
    harness
        .get_by_label_contains("Filed under It's Okay To Not Be Okay because the article names it");

    // The library lists the show, then its two articles under it by as-of date.
    let show_row = harness
        .get_by_label("It's Okay To Not Be Okay · ended · 4 open")
        .rect();
    let first = harness.get_by_label(FIRST_ROW).rect();
    let second = harness
        .get_by_label(&format!("2024-06-02 · {SECOND_TITLE}"))
        .rect();
    assert!(
        show_row.max.y <= first.min.y + 1.0 && first.max.y <= second.min.y + 1.0,
        "show, then articles by date: {show_row:?} {first:?} {second:?}"
    );
    assert!(first.min.x > show_row.min.x, "articles are indented");

    // The checklist is the show's: its four threads, whichever article is open.
    assert_eq!(harness.get_all_by_label_contains("Resolved: ").count(), 4);
    harness.get_by_label(&resolved_checkbox(RENEWAL));
    harness.get_by_label(&resolved_checkbox(CAST));
}

#[test]
fn an_article_naming_the_show_only_in_korean_joins_it() {
    let tmp = TempDir::new();
    let file = tmp.write("korean.txt", KOREAN_ARTICLE);
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().shows.len(), 1);
    assert_eq!(open_show(&harness).articles.len(), 2);
    assert_eq!(
        open_entry(&harness).article.title,
        "시즌 2 소식은 아직 없다"
    );
    harness.get_by_label("2025-01-10 · 시즌 2 소식은 아직 없다");
}

#[test]
fn a_new_show_takes_the_title_the_article_sets_in_italics() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "harbor.md",
        "# Will the second half ever air?\n\nViewers of *Harbor Lights* have waited two years for the rest of the story.\n",
    );
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().shows.len(), 2);
    assert_eq!(open_show(&harness).title, "Harbor Lights");
    assert_eq!(
        open_entry(&harness).article.title,
        "Will the second half ever air?"
    );
}

#[test]
fn an_article_naming_no_show_gets_a_new_one_the_picker_moves_it_and_undo_moves_it_back() {
    let tmp = TempDir::new();
    let file = tmp.write("other.txt", OTHER_ARTICLE);
    let mut harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().shows.len(), 2);
    let moved = article_titled(&harness, "Studio hints at more episodes");
    assert_eq!(open_show(&harness).title, "Studio hints at more episodes");
    harness.get_by_label_contains("This article names none of your shows");

    // The fan decides it belongs to the built-in show after all.
    click(&mut harness, SHOW_PICKER_LABEL);
    click(&mut harness, SHOW_FULL_TITLE);
    {
        let library = harness.state().library();
        assert_eq!(library.shows.len(), 1, "the emptied show is gone");
        assert_eq!(library.shows[0].articles.len(), 2);
        assert_eq!(library.article(moved).unwrap().0.id, library.shows[0].id);
    }
    assert_eq!(
        open_entry(&harness).id,
        moved,
        "the view follows the article"
    );
    assert_eq!(open_show(&harness).title, "It's Okay To Not Be Okay");
    harness.get_by_label("It's Okay To Not Be Okay · ended · 4 open");

    // Undo, named after the move, puts it back in a show of its own.
    click(
        &mut harness,
        "Undo move 'Studio hints at more episodes' to 'It's Okay To Not Be Okay'",
    );
    let library = harness.state().library();
    assert_eq!(library.shows.len(), 2);
    let (show, _) = library.article(moved).unwrap();
    assert_eq!(show.title, "Studio hints at more episodes");
    assert_eq!(show.articles.len(), 1);
    assert_eq!(library.shows[0].articles.len(), 1);
    assert_eq!(open_show(&harness).title, "Studio hints at more episodes");
}

#[test]
fn a_suggestion_asking_a_threads_question_adds_a_passage_to_it_which_opens_its_article() {
    let tmp = TempDir::new();
    let file = tmp.write("second.txt", SECOND_ARTICLE);
    let mut harness = launch(&tmp.data_dir(), Some(file));
    let second = article_titled(&harness, SECOND_TITLE);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Suggested);
    // Offered as a passage for the show's renewal thread, not as a new thread: its button
    // says so.
    harness.get_by_label_contains(&format!("Asks the same as the thread “{RENEWAL}”"));
    let add = harness
        .get_by_label(&add_suggestion_label(SECOND_QUESTION))
        .rect();
    assert_eq!(drawn_text_in(&harness, add), "Add to thread");
    click(&mut harness, &add_suggestion_label(SECOND_QUESTION));
    {
        let show = open_show(&harness);
        assert_eq!(show.threads.len(), 4, "no duplicate thread");
        let renewal = &show.threads[0];
        assert_eq!(renewal.title, RENEWAL);
        assert_eq!(renewal.anchors.len(), 2);
        assert_eq!(renewal.anchors[1].article, second);
        assert_eq!(renewal.anchors[1].quote, SECOND_PASSAGE);
    }
    assert!(
        harness
            .query_by_label(&add_suggestion_label(SECOND_QUESTION))
            .is_none(),
        "it is no longer offered"
    );

    // From the first article, the thread's passage in the second one opens it there.
    harness
        .get_by_role_and_label(egui::Role::Button, FIRST_ROW)
        .click();
    harness.run();
    assert_ne!(open_entry(&harness).id, second);
    click(&mut harness, RENEWAL);
    harness.get_by_label(&format!("in {SECOND_TITLE}"));
    click(&mut harness, &passage_label(SECOND_PASSAGE));
    assert_eq!(open_entry(&harness).id, second);
    assert_eq!(
        harness.state().view.selected_thread,
        Some(open_show(&harness).threads[0].id),
        "the thread stays selected"
    );
    let node = value_containing(&harness, SECOND_PASSAGE).expect("the passage is drawn");
    assert!(node.rect().min.y >= 0.0 && node.rect().max.y <= 900.0);
}

#[test]
fn a_tick_is_undone_and_redone_by_keys_and_by_the_edit_menu_naming_it() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Resolved);
    let tick = "tick 'Renewal: will a second season be…'";
    // The status line names what Undo takes back.
    harness.get_by_label(&undo_menu_label(Some(tick)));
    assert_eq!(
        undo_menu_label(Some(tick)),
        "Undo tick 'Renewal: will a second season be…'"
    );

    ctrl_z(&mut harness);
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Open);
    harness.get_by_label(&format!("Undid {tick}"));
    ctrl_shift_z(&mut harness);
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Resolved);
    ctrl_z(&mut harness);
    keys(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Resolved);

    edit_menu(&mut harness, &undo_menu_label(Some(tick)));
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Open);
    edit_menu(&mut harness, &redo_menu_label(Some(tick)));
    assert_eq!(status_of(&harness, RENEWAL), ThreadStatus::Resolved);
    // Nothing more to redo: the menu says so, disabled.
    click(&mut harness, "Edit");
    let redo = menu_entry(&harness, "Redo");
    assert!(redo.accesskit_node().is_disabled());
    let label = redo.accesskit_node().label().unwrap_or_default();
    assert!(
        label.starts_with("Redo Ctrl+Shift+Z") || label.starts_with("Redo Shift+Ctrl+Z"),
        "{label}"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();

    // "Undid …" stays in the status line until a new change makes it old news.
    ctrl_z(&mut harness);
    harness.get_by_label(&format!("Undid {tick}"));
    click(&mut harness, &resolved_checkbox(CAST));
    assert!(harness.query_by_label(&format!("Undid {tick}")).is_none());
}

#[test]
fn a_rename_is_undone_and_redone() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, CAST);
    click(&mut harness, "Rename");
    type_into(&mut harness, "Thread title", " (all four leads?)");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let renamed = format!("{CAST} (all four leads?)");
    assert_eq!(open_threads(&harness)[3].0, renamed);
    let rename = format!("rename {}", quoted(CAST));
    let rename = rename.as_str();
    harness.get_by_label(&undo_menu_label(Some(rename)));

    ctrl_z(&mut harness);
    assert_eq!(open_threads(&harness)[3].0, CAST);
    ctrl_shift_z(&mut harness);
    assert_eq!(open_threads(&harness)[3].0, renamed);
    edit_menu(&mut harness, &undo_menu_label(Some(rename)));
    assert_eq!(open_threads(&harness)[3].0, CAST);
    edit_menu(&mut harness, &redo_menu_label(Some(rename)));
    assert_eq!(open_threads(&harness)[3].0, renamed);
}

#[test]
fn a_note_typed_in_one_burst_is_undone_in_one_step_and_a_pause_starts_another() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    harness.get_by_label("Thread note").focus();
    harness.run();
    type_keystrokes(&mut harness, "tvN said nothing");
    // A pause longer than the typing pause commits the first burst (the window's timer runs a
    // frame when it is over): the next burst is a step of its own.
    std::thread::sleep(fan_tracker::model::TYPING_PAUSE + std::time::Duration::from_millis(200));
    harness.step();
    let note = |h: &H| open_show(h).threads[0].note.clone();
    assert_eq!(note(&harness), "tvN said nothing");
    type_keystrokes(&mut harness, ", again.");
    // Leave the field: what was typed since the pause is committed, and Ctrl+Z is the app's.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(note(&harness), "tvN said nothing, again.");
    assert!(!harness.state().view.editing_text);

    let label = undo_menu_label(Some("note on 'Renewal: will a second season be…'"));
    harness.get_by_label(&label);
    ctrl_z(&mut harness);
    assert_eq!(note(&harness), "tvN said nothing", "one undo, one burst");
    ctrl_z(&mut harness);
    assert_eq!(note(&harness), "", "the first burst in one step too");
    ctrl_shift_z(&mut harness);
    ctrl_shift_z(&mut harness);
    assert_eq!(note(&harness), "tvN said nothing, again.");
    edit_menu(&mut harness, &label);
    assert_eq!(note(&harness), "tvN said nothing");
}

#[test]
fn a_deletion_is_undone_and_redone() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, CAST);
    click(&mut harness, "Delete");
    assert_eq!(open_threads(&harness).len(), 3);
    let delete = format!("delete thread {}", quoted(CAST));
    let delete = delete.as_str();

    ctrl_z(&mut harness);
    assert_eq!(open_threads(&harness).len(), 4);
    assert_eq!(open_threads(&harness)[3].0, CAST);
    ctrl_shift_z(&mut harness);
    assert_eq!(open_threads(&harness).len(), 3);
    edit_menu(&mut harness, &undo_menu_label(Some(delete)));
    assert_eq!(open_threads(&harness)[3].0, CAST);
    edit_menu(&mut harness, &redo_menu_label(Some(delete)));
    assert!(open_threads(&harness).iter().all(|(t, _)| t != CAST));
}

#[test]
fn inside_a_focused_text_field_ctrl_z_is_the_fields_own_undo() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(CAST));
    assert_eq!(status_of(&harness, CAST), ThreadStatus::Resolved);
    crate::fixture::reveal(&mut harness, "Article note");
    harness.get_by_label("Article note").focus();
    harness.run();
    type_keystrokes(&mut harness, "draft");
    assert!(harness.state().view.editing_text);
    ctrl_z(&mut harness);
    ctrl_z(&mut harness);
    assert_eq!(
        status_of(&harness, CAST),
        ThreadStatus::Resolved,
        "the app's history was not touched"
    );
    let note = open_entry(&harness).note.clone();
    assert_ne!(note, "draft", "the field took its own text back");
}

#[test]
fn the_timeline_lists_a_resolved_thread_at_todays_date() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Show);
    // Unfolded: the Show tab gives it the room.
    harness.get_by_label(TIMELINE_HEADING);
    let today = jiff::ZonedDateTime::now().date().to_string();
    // (The checklist's checkbox has the same words, as a checkbox.)
    let event = harness
        .get_by_role_and_label(egui::Role::Label, &format!("Resolved: {RENEWAL}"))
        .rect();
    let dated = harness
        .get_all_by_label(&today)
        .any(|date| (date.rect().min.y - event.min.y).abs() < 2.0);
    assert!(dated, "the event's line starts with {today}");
    // The article is listed at its as-of date, before the event.
    let article = harness
        .get_by_label("Article: Will It's Okay To Not Be Okay come back for a second season?")
        .rect();
    assert!(article.min.y < event.min.y);
    harness.get_by_label("2022-03-17");
}

#[test]
fn the_shows_status_and_title_set_in_the_show_section_are_undone_in_turn() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    crate::fixture::open_tab(&mut harness, fan_tracker::ui::ToolTab::Show);
    click(&mut harness, "Status: ended");
    click(&mut harness, "renewal rumoured");
    let today = jiff::ZonedDateTime::now().date();
    {
        let show = open_show(&harness);
        assert_eq!(show.status, ShowStatus::RenewalRumoured);
        assert_eq!(show.status_checked, Some(today));
    }
    harness.get_by_label(&format!("checked {}", today.strftime("%-d %B %Y")));
    harness.get_by_label("It's Okay To Not Be Okay · renewal rumoured · 4 open");

    harness.get_by_label(SHOW_TITLE_LABEL).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_into(&mut harness, SHOW_TITLE_LABEL, "Psycho but It's Okay");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(open_show(&harness).title, "Psycho but It's Okay");
    harness.get_by_label(&undo_menu_label(Some(
        "rename show 'It's Okay To Not Be Okay'",
    )));

    ctrl_z(&mut harness);
    assert_eq!(open_show(&harness).title, "It's Okay To Not Be Okay");
    ctrl_z(&mut harness);
    let show = open_show(&harness);
    assert_eq!(show.status, ShowStatus::Ended);
    assert_eq!(show.status_checked, None, "the check is taken back with it");
    ctrl_shift_z(&mut harness);
    assert_eq!(open_show(&harness).status, ShowStatus::RenewalRumoured);
}

#[test]
fn an_import_is_undone_and_redone() {
    let tmp = TempDir::new();
    let file = tmp.write("second.txt", SECOND_ARTICLE);
    let mut harness = launch(&tmp.data_dir(), Some(file));
    let second = article_titled(&harness, SECOND_TITLE);
    let import = format!("import {}", quoted(SECOND_TITLE));
    click(&mut harness, &undo_menu_label(Some(&import)));
    let library = harness.state().library();
    assert!(library.article(second).is_err(), "the article is gone");
    assert_eq!(library.shows.len(), 1);
    assert_eq!(library.shows[0].articles.len(), 1);
    assert_ne!(open_entry(&harness).id, second, "the view left it");
    ctrl_shift_z(&mut harness);
    let library = harness.state().library();
    assert_eq!(
        library.article(second).unwrap().1.article.title,
        SECOND_TITLE
    );
    assert_eq!(library.shows[0].articles.len(), 2);
}
