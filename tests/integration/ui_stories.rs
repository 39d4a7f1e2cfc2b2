//! The stories, driven through the UI by AccessKit labels, as a user would.

use egui_kittest::kittest::Queryable as _;
use fan_tracker::model::{Outcome, ThreadStatus};

use crate::fixture::{
    CAST, RENEWAL, TempDir, click, close, drag, launch, resolved_checkbox, settle, type_into,
    value_containing,
};

fn open_threads(
    harness: &egui_kittest::Harness<'static, fan_tracker::app::App>,
) -> Vec<(String, ThreadStatus)> {
    let dossier = harness.state().open_dossier().expect("a dossier is open");
    dossier
        .threads
        .iter()
        .map(|t| (t.title.clone(), t.status))
        .collect()
}

#[test]
fn default_dossier_shows_the_article_and_its_four_threads() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), None);
    // The title shows in the article's header and in the library list.
    let title = "Will It's Okay To Not Be Okay come back for a second season?";
    assert_eq!(harness.get_all_by_label(title).count(), 2);
    harness.get_by_label("As of 17 March 2022");
    // The first paragraph of the body is on screen as selectable text.
    let first = value_containing(&harness, "the dark fairy-tale romance 사이코지만 괜찮아")
        .expect("first paragraph");
    assert!(first.value().unwrap().contains("It's Okay To Not Be Okay"));
    let checkboxes = harness.get_all_by_label_contains("Resolved: ").count();
    assert_eq!(checkboxes, 4);
    harness.get_by_label(
        "Resolved: Could Moon-young and her imprisoned mother rebuild their relationship?",
    );
    harness.get_by_label("Library");
}

#[test]
fn ticking_a_thread_resolves_it_and_survives_a_relaunch() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    assert_eq!(
        open_threads(&harness)[0],
        (RENEWAL.to_owned(), ThreadStatus::Resolved)
    );
    close(harness);

    let harness = launch(&tmp.data_dir(), None);
    assert_eq!(open_threads(&harness)[0].1, ThreadStatus::Resolved);
}

#[test]
fn autosave_writes_within_about_a_second_without_closing() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, &resolved_checkbox(CAST));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !harness.state().is_saved() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(harness.state().is_saved());
    assert!(harness.state().status().describe().starts_with("Saved at "));
    let on_disk =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert_eq!(
        on_disk.dossiers[0].threads[3].status,
        ThreadStatus::Resolved
    );
}

#[test]
fn notes_on_a_thread_and_on_the_article_are_kept() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    type_into(
        &mut harness,
        "Thread note",
        "tvN never said no. 아직 기다려요.",
    );
    type_into(&mut harness, "Article note", "A fair summary.");
    let dossier = harness.state().open_dossier().unwrap();
    assert_eq!(dossier.threads[0].note, "tvN never said no. 아직 기다려요.");
    assert_eq!(dossier.note, "A fair summary.");
    close(harness);

    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    let note = harness.get_by_label("Thread note").value();
    assert_eq!(note.as_deref(), Some("tvN never said no. 아직 기다려요."));
}

#[test]
fn add_score_and_resolve_a_prediction() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    type_into(
        &mut harness,
        "New prediction",
        "Season 2 is announced by 2027",
    );
    type_into(&mut harness, "New prediction resolve-by date", "2027-12-31");
    click(&mut harness, "Add prediction");
    {
        let thread = &harness.state().open_dossier().unwrap().threads[0];
        assert_eq!(thread.predictions.len(), 1);
        let p = &thread.predictions[0];
        assert_eq!(p.statement, "Season 2 is announced by 2027");
        assert_eq!(p.probability_pct, 50);
        assert_eq!(p.resolve_by, Some(jiff::civil::date(2027, 12, 31)));
        assert_eq!(p.outcome, Outcome::Pending);
    }
    click(&mut harness, "Outcome: pending");
    click(&mut harness, "no");
    let thread = &harness.state().open_dossier().unwrap().threads[0];
    assert_eq!(thread.predictions[0].outcome, Outcome::No);
    harness.get_by_label_contains("Brier score 0.250 over 1 resolved");
}

#[test]
fn selecting_a_thread_scrolls_the_article_to_its_passage() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    harness.set_size(egui::vec2(1280.0, 500.0));
    harness.run();
    let last_paragraph = "If a second season ever happens";
    assert!(
        value_containing(&harness, last_paragraph).is_none(),
        "the last paragraph starts off screen"
    );
    click(&mut harness, CAST);
    harness.run();
    let node = value_containing(&harness, last_paragraph).expect("passage drawn");
    let rect = node.rect();
    assert!(
        rect.min.y >= 0.0 && rect.min.y < 500.0,
        "passage is in view: {rect:?}"
    );
}

#[test]
fn add_rename_reorder_delete_and_undo_threads() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    type_into(
        &mut harness,
        "New thread title",
        "Who plays the new villain?",
    );
    click(&mut harness, "Add");
    assert_eq!(open_threads(&harness).len(), 5);
    assert_eq!(open_threads(&harness)[4].0, "Who plays the new villain?");

    click(&mut harness, "Rename");
    type_into(&mut harness, "Thread title", " (season 2)");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        open_threads(&harness)[4].0,
        "Who plays the new villain? (season 2)"
    );

    click(&mut harness, "Move up");
    assert_eq!(
        open_threads(&harness)[3].0,
        "Who plays the new villain? (season 2)"
    );

    click(&mut harness, "Delete");
    assert_eq!(open_threads(&harness).len(), 4);
    harness.get_by_label("Deleted thread “Who plays the new villain? (season 2)”");
    click(&mut harness, "Undo");
    assert_eq!(
        open_threads(&harness)[3].0,
        "Who plays the new villain? (season 2)"
    );
}

#[test]
fn a_plain_text_file_opens_as_a_new_dossier_and_the_library_switches() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "renewal.txt",
        "date 2024-01-05\nStudio hints at more episodes\nThe network said talks are under way.\nNo date was given.\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file.clone()));
    {
        let library = harness.state().library();
        assert_eq!(library.dossiers.len(), 2);
        let open = harness.state().open_dossier().unwrap();
        assert_eq!(open.article.title, "Studio hints at more episodes");
        assert_eq!(open.article.as_of, Some(jiff::civil::date(2024, 1, 5)));
        assert!(open.threads.is_empty());
    }
    harness.get_by_label("As of 5 January 2024");
    value_containing(&harness, "No date was given.").expect("body shown");

    harness
        .get_by_role_and_label(
            egui::Role::Button,
            "Will It's Okay To Not Be Okay come back for a second season?",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().open_dossier().unwrap().threads.len(), 4);
    close(harness);

    // Opening the same file again reopens its dossier instead of importing it twice.
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().dossiers.len(), 2);
    assert_eq!(
        harness.state().open_dossier().unwrap().article.title,
        "Studio hints at more episodes"
    );
}

#[test]
fn a_binary_file_gets_an_error_in_the_window_and_saved_data_is_untouched() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), None);
    close(harness);
    let before = std::fs::read(tmp.data_dir().join("library.json")).ok();

    let file = tmp.write("photo.jpg", [0xff_u8, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    let harness = launch(&tmp.data_dir(), Some(file));
    harness.get_by_label_contains("this is a JPEG image, not text");
    assert_eq!(harness.state().library().dossiers.len(), 1);
    drop(harness);
    assert_eq!(
        std::fs::read(tmp.data_dir().join("library.json")).ok(),
        before
    );
}

#[test]
fn pasted_text_becomes_a_dossier() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, "Paste article…");
    type_into(
        &mut harness,
        "Article text",
        "Season two rumours\n\nA fan account posted\na casting call.\n\nIt was fake.",
    );
    click(&mut harness, "Create dossier");
    settle(&mut harness);
    let open = harness.state().open_dossier().unwrap();
    assert_eq!(open.article.title, "Season two rumours");
    let texts: Vec<String> = open
        .article
        .document()
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(
        texts,
        ["A fan account posted a casting call.", "It was fake."]
    );
    assert_eq!(harness.state().library().dossiers.len(), 2);
}

#[test]
fn a_thread_can_be_made_from_selected_text() {
    let tmp = TempDir::new();
    let file = tmp.write("a.txt", "Headline here\nThe villain escaped at the end.\n");
    let mut harness = launch(&tmp.data_dir(), Some(file));
    let paragraph =
        value_containing(&harness, "The villain escaped at the end.").expect("paragraph");
    let rect = paragraph.rect();
    // Drag across the first words of the paragraph, as a user selecting text would.
    let y = rect.min.y + 8.0;
    drag(
        &mut harness,
        egui::pos2(rect.min.x + 1.0, y),
        egui::pos2(rect.min.x + 60.0, y),
    );
    let selection = harness
        .state()
        .view
        .selection
        .clone()
        .expect("text is selected");
    assert!(selection.text.starts_with("The vil"), "{selection:?}");

    click(&mut harness, "New thread from selection");
    let dossier = harness.state().open_dossier().unwrap();
    assert_eq!(dossier.threads.len(), 1);
    let thread = &dossier.threads[0];
    assert_eq!(thread.title, selection.text.trim());
    let found = thread
        .anchor
        .as_ref()
        .unwrap()
        .resolve(&dossier.article.document())
        .unwrap();
    assert_eq!(found.block, 0);
}

#[test]
fn relaunch_restores_everything_including_the_open_dossier() {
    let tmp = TempDir::new();
    let file = tmp.write("b.md", "# Second article\n\nSome *text*.\n");
    let mut harness = launch(&tmp.data_dir(), Some(file));
    type_into(&mut harness, "New thread title", "Is it true?");
    click(&mut harness, "Add");
    let before = harness.state().library().clone();
    close(harness);

    let harness = launch(&tmp.data_dir(), None);
    assert_eq!(harness.state().library(), &before);
    assert_eq!(
        harness.state().open_dossier().unwrap().article.title,
        "Second article"
    );
}

#[test]
fn links_open_only_when_clicked() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "links.md",
        "# Links\n\n[The studio](https://studio.example/news) said nothing new.\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(
        harness.state().view.last_opened_link,
        None,
        "nothing opens by itself"
    );
    assert_eq!(opened_url(&harness), None);
    let paragraph = value_containing(&harness, "The studio said nothing new.").expect("paragraph");
    let at = paragraph.rect().min + egui::vec2(20.0, 8.0);
    drag(&mut harness, at, at);
    let opened = harness.state().view.last_opened_link.clone();
    assert_eq!(opened.as_deref(), Some("https://studio.example/news"));
    harness.get_by_label("Opened https://studio.example/news in your browser");
}

/// The link the last frame asked the system to open, if any.
fn opened_url(harness: &egui_kittest::Harness<'static, fan_tracker::app::App>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
}

#[test]
fn an_absurdly_large_file_is_refused_with_a_clear_error() {
    let tmp = TempDir::new();
    let path = tmp.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(2 * fan_tracker::model::MAX_ARTICLE_BYTES as u64)
        .unwrap();
    let harness = launch(&tmp.data_dir(), Some(path));
    harness.get_by_label_contains("the file is too large for an article");
    assert_eq!(harness.state().library().dossiers.len(), 1);
}

#[test]
fn the_view_menu_switches_between_dark_and_light_in_words() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, "View");
    click(&mut harness, "Light theme");
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    // The window is cleared to the light panel colour, as the panels are not filled.
    let visuals = harness.ctx.global_style().visuals.clone();
    assert!(!visuals.dark_mode);
    assert_eq!(
        eframe::App::clear_color(harness.state(), &visuals),
        visuals.panel_fill.to_normalized_gamma_f32()
    );
    click(&mut harness, "View");
    click(&mut harness, "Dark theme");
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}
