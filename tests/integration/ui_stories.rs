//! The stories, driven through the UI by AccessKit labels, as a user would.

use fan_tracker::shell::Shell;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, AppOptions};
use fan_tracker::model::{Outcome, ThreadStatus, quoted};
use fan_tracker::storage::{self, FileSystem, LIBRARY_FILE, RealFs, Store};
use fan_tracker::ui::undo_menu_label;

use crate::fixture::{
    CAST, RENEWAL, TempDir, click, close, drag, frame_commands, helper_role, launch, launch_with,
    leave_field, open_entry, open_show, request_close, rerun_self, resolved_checkbox, settle,
    shortcut, step_until, step_until_quit, type_into, value_containing,
};

/// The open show's threads: titles and statuses, in checklist order.
pub fn open_threads(
    harness: &egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
) -> Vec<(String, ThreadStatus)> {
    open_show(harness)
        .threads
        .iter()
        .map(|t| (t.title.clone(), t.status))
        .collect()
}

#[test]
fn the_built_in_show_shows_its_article_and_its_four_threads() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), None);
    // The title shows in the article's header, and in the library list under its show (with
    // the show's status and open threads), at its as-of date.
    let title = "Will It's Okay To Not Be Okay come back for a second season?";
    harness.get_by_label(title);
    harness.get_by_label(&format!("2022-03-17 · {title}"));
    harness.get_by_label("It's Okay To Not Be Okay · ended · 4 open");
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
    assert_eq!(on_disk.shows[0].threads[3].status, ThreadStatus::Resolved);
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
    leave_field(&mut harness);
    assert_eq!(
        open_show(&harness).threads[0].note,
        "tvN never said no. 아직 기다려요."
    );
    assert_eq!(open_entry(&harness).note, "A fair summary.");
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
        let thread = &open_show(&harness).threads[0];
        assert_eq!(thread.predictions.len(), 1);
        let p = &thread.predictions[0];
        assert_eq!(p.statement, "Season 2 is announced by 2027");
        assert_eq!(p.probability().permille(), 500);
        assert!(p.made_on().is_some(), "made today");
        assert_eq!(p.resolve_by, Some(jiff::civil::date(2027, 12, 31)));
        assert_eq!(p.outcome, Outcome::Pending);
    }
    click(&mut harness, "Outcome: pending");
    click(&mut harness, "no");
    let thread = &open_show(&harness).threads[0];
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
    // The status line names the change Undo takes back.
    let deleted = format!(
        "delete thread {}",
        quoted("Who plays the new villain? (season 2)")
    );
    click(&mut harness, &undo_menu_label(Some(&deleted)));
    assert_eq!(
        open_threads(&harness)[3].0,
        "Who plays the new villain? (season 2)"
    );
    harness.get_by_label(&format!("Undid {deleted}"));
}

#[test]
fn a_plain_text_file_naming_no_show_opens_under_a_new_show_and_the_library_switches() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "renewal.txt",
        "date 2024-01-05\nStudio hints at more episodes\nThe network said talks are under way.\nNo date was given.\n",
    );
    let mut harness = launch(&tmp.data_dir(), Some(file.clone()));
    {
        let library = harness.state().library();
        assert_eq!(library.shows.len(), 2);
        let show = open_show(&harness);
        assert_eq!(show.title, "Studio hints at more episodes");
        assert_eq!(show.articles.len(), 1);
        assert!(show.threads.is_empty());
        let open = &open_entry(&harness).article;
        assert_eq!(open.title, "Studio hints at more episodes");
        assert_eq!(open.as_of, Some(jiff::civil::date(2024, 1, 5)));
    }
    harness.get_by_label("As of 5 January 2024");
    value_containing(&harness, "No date was given.").expect("body shown");

    harness
        .get_by_role_and_label(
            egui::Role::Button,
            "2022-03-17 · Will It's Okay To Not Be Okay come back for a second season?",
        )
        .click();
    harness.run();
    assert_eq!(open_show(&harness).threads.len(), 4);
    close(harness);

    // Opening the same file again reopens its article instead of importing it twice.
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().shows.len(), 2);
    assert_eq!(
        open_entry(&harness).article.title,
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
    assert_eq!(harness.state().library().shows.len(), 1);
    drop(harness);
    assert_eq!(
        std::fs::read(tmp.data_dir().join("library.json")).ok(),
        before
    );
}

#[test]
fn pasted_text_becomes_an_article_of_a_new_show() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, "Paste article…");
    type_into(
        &mut harness,
        "Article text",
        "Season two rumours\n\nA fan account posted\na casting call.\n\nIt was fake.",
    );
    click(&mut harness, "Create article");
    settle(&mut harness);
    let open = open_entry(&harness);
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
    assert_eq!(harness.state().library().shows.len(), 2);
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
    let show = open_show(&harness);
    assert_eq!(show.threads.len(), 1);
    let thread = &show.threads[0];
    assert_eq!(thread.title, selection.text.trim());
    let entry = open_entry(&harness);
    assert_eq!(thread.anchors.len(), 1);
    assert_eq!(thread.anchors[0].article, entry.id);
    let found = thread.anchors[0]
        .resolve(&entry.article.document())
        .unwrap();
    assert_eq!(found.block, 0);
}

#[test]
fn relaunch_restores_everything() {
    let tmp = TempDir::new();
    let file = tmp.write("b.md", "# Second article\n\nSome *text*.\n");
    let mut harness = launch(&tmp.data_dir(), Some(file));
    type_into(&mut harness, "New thread title", "Is it true?");
    click(&mut harness, "Add");
    let before = harness.state().library().clone();
    close(harness);

    let harness = launch(&tmp.data_dir(), None);
    let mut after = harness.state().library().clone();
    // The article opened at start may have had its suggestions computed since; nothing else
    // differs.
    for show in &mut after.shows {
        for entry in &mut show.articles {
            let had = before
                .article(entry.id)
                .map(|(_, e)| e.suggestions.is_some());
            if had == Ok(false) {
                entry.suggestions = None;
            }
        }
    }
    assert_eq!(after, before);
}

#[test]
fn relaunch_reopens_the_show_that_was_open() {
    let tmp = TempDir::new();
    let file = tmp.write("b.md", "# Second article\n\nSome *text*.\n");
    let harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(open_show(&harness).title, "Second article");
    close(harness);

    let harness = launch(&tmp.data_dir(), None);
    assert_eq!(open_show(&harness).title, "Second article");
    assert_eq!(open_entry(&harness).article.title, "Second article");
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
fn opened_url(
    harness: &egui_kittest::Harness<'static, fan_tracker::shell::Shell>,
) -> Option<String> {
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
    assert_eq!(harness.state().library().shows.len(), 1);
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

// ---------------------------------------------------------------------------------------------
// Issue 8: nothing lost, nothing false, in the window.

/// Types `text` one character per frame, `pause` apart, as a person does, without touching the
/// mouse; returns after how many characters the number of notices first changed.
fn type_slowly(
    harness: &mut egui_kittest::Harness<'static, Shell>,
    text: &str,
    pause: std::time::Duration,
) -> Option<usize> {
    let before = harness.state().notices().len();
    let mut changed_at = None;
    for (typed, c) in text.chars().enumerate() {
        type_one(harness, c, pause);
        if changed_at.is_none() && harness.state().notices().len() != before {
            changed_at = Some(typed + 1);
        }
    }
    harness.run();
    changed_at
}

fn type_one(
    harness: &mut egui_kittest::Harness<'static, Shell>,
    c: char,
    pause: std::time::Duration,
) {
    harness.event(egui::Event::Text(c.to_string()));
    harness.step();
    std::thread::sleep(pause);
    harness.step();
}

/// Types letters `pause` apart until a new notice has appeared and five more letters are
/// typed after it (at most 200 letters); returns what was typed.
fn type_through_a_notice(
    harness: &mut egui_kittest::Harness<'static, Shell>,
    pause: std::time::Duration,
) -> String {
    let before = harness.state().notices().len();
    let mut typed = String::new();
    let mut after_notice = 0;
    // A pause in typing commits what is typed (the window's timer runs a frame when the pause
    // is over); its save, half a second later, finds the change, while the fan types on.
    type_one(harness, 'a', pause);
    typed.push('a');
    std::thread::sleep(fan_tracker::model::TYPING_PAUSE + std::time::Duration::from_millis(100));
    harness.step();
    for c in "bcdefghijklmnopqrstuvwxyz".chars().cycle().take(200) {
        type_one(harness, c, pause);
        typed.push(c);
        if harness.state().notices().len() != before {
            after_notice += 1;
            if after_notice > 5 {
                break;
            }
        }
    }
    harness.run();
    assert!(
        after_notice > 5,
        "a notice appeared while typing: {:?}",
        harness.state().notices()
    );
    typed
}

#[test]
fn a_notice_appearing_while_typing_keeps_the_keyboard_focus() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut harness = launch(&tmp.data_dir(), None);
    type_into(&mut harness, "Article note", "draft one ");
    step_until(&mut harness, "the first save", App::is_saved);
    let note = |h: &egui_kittest::Harness<'static, Shell>| open_entry(h).note.clone();
    let pause = std::time::Duration::from_millis(100);

    // A sync tool brings a note from another device while the fan goes on typing: the save
    // due half a second later finds it, and a notice appears above everything.
    let mut theirs = Store::read_library(&path).unwrap();
    theirs.shows[0].threads[3].note = "from my phone".into();
    std::fs::write(&path, storage::encode(&theirs).unwrap()).unwrap();
    let first = type_through_a_notice(&mut harness, pause);
    let field = |h: &egui_kittest::Harness<'static, Shell>| {
        let field = h.get_by_label("Article note");
        assert!(field.is_focused(), "the note kept the keyboard focus");
        field.value().unwrap_or_default()
    };
    assert_eq!(
        field(&harness),
        format!("draft one {first}"),
        "every character landed"
    );
    // Leaving the note commits the rest.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(note(&harness), format!("draft one {first}"));
    step_until(&mut harness, "the merge to be saved", App::is_saved);

    // Then the file is broken behind the app: it is kept aside, and a notice says so.
    std::fs::write(&path, b"\x00 not json").unwrap();
    harness.get_by_label("Article note").focus();
    harness.run();
    let second = type_through_a_notice(&mut harness, pause);
    let expected = format!("draft one {first}{second}");
    assert_eq!(field(&harness), expected, "every character landed");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(note(&harness), expected);
    step_until(&mut harness, "the save", App::is_saved);
    assert_eq!(
        Store::read_library(&path).unwrap().shows[0].articles[0].note,
        expected
    );
}

#[test]
fn a_read_only_window_says_so_once_however_much_is_typed() {
    let tmp = TempDir::new();
    let holder = Store::open(&tmp.data_dir()).unwrap();
    assert!(!holder.store.is_read_only());
    let mut harness = launch(&tmp.data_dir(), None);
    assert!(harness.state().is_read_only());
    let before = harness.state().notices().len();
    crate::fixture::reveal(&mut harness, "Article note");
    harness.get_by_label("Article note").focus();
    harness.run();
    type_slowly(&mut harness, "ten keys..", std::time::Duration::ZERO);
    // What is typed is one edit, refused when the field is left.
    leave_field(&mut harness);
    let notices = harness.state().notices();
    assert_eq!(
        notices.len(),
        before + 1,
        "one notice for the refused typing, not one per key: {notices:?}"
    );
    assert!(notices.last().unwrap().contains("read-only"), "{notices:?}");
    assert_eq!(open_entry(&harness).note, "");
    drop(holder);
}

#[test]
fn an_edit_reaches_the_disk_on_time_while_a_frame_takes_seconds() {
    let tmp = TempDir::new();
    let path = tmp.data_dir().join(LIBRARY_FILE);
    let mut harness = launch(&tmp.data_dir(), None);
    type_into(&mut harness, "Article note", "typed just before");
    leave_field(&mut harness);
    // The UI thread is now busy for seconds (a frame laying out a huge article, a dialog):
    // no frame runs, and the save due half a second after the edit must happen anyway.
    let start = std::time::Instant::now();
    let on_disk = || {
        Store::read_library(&path)
            .ok()
            .is_some_and(|l| l.shows[0].articles[0].note == "typed just before")
    };
    while !on_disk() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        on_disk(),
        "the edit reached the disk without a frame running"
    );
    // The file is in place a moment before the saver's report is sent (the folder is still
    // being synced): let the window take the report.
    harness.run();
    while !harness.state().is_saved() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run();
    }
    assert!(harness.state().is_saved());
    assert!(harness.state().status().describe().starts_with("Saved at "));
}

/// File operations whose writes fail while `failing` is set.
#[derive(Debug, Clone, Default)]
struct FlakyDisk {
    failing: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl FlakyDisk {
    fn set_failing(&self, failing: bool) {
        self.failing
            .store(failing, std::sync::atomic::Ordering::SeqCst);
    }
    fn check(&self) -> std::io::Result<()> {
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            Err(std::io::Error::other("the disk is failing"))
        } else {
            Ok(())
        }
    }
}

impl FileSystem for FlakyDisk {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        RealFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.check()?;
        RealFs.write_atomic(path, bytes)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.check()?;
        RealFs.rename(from, to)
    }
    fn create_private_dir(&self, path: &Path) -> std::io::Result<()> {
        RealFs.create_private_dir(path)
    }
    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        RealFs.list(dir)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        RealFs.remove(path)
    }
}

fn launch_on_disk(data_dir: &Path, disk: FlakyDisk) -> egui_kittest::Harness<'static, Shell> {
    let options = AppOptions {
        data_dir: data_dir.to_owned(),
        open_file: None,
    };
    let dir = data_dir.to_owned();
    launch_with(move |ctx| {
        App::with_store(Store::open_with(&dir, Box::new(disk)), options, Some(ctx))
    })
}

#[test]
fn after_a_failed_save_succeeds_on_retry_the_held_quit_finishes() {
    let tmp = TempDir::new();
    let disk = FlakyDisk::default();
    let mut harness = launch_on_disk(&tmp.data_dir(), disk.clone());
    disk.set_failing(true);
    click(&mut harness, &resolved_checkbox(RENEWAL));
    let commands = request_close(&mut harness);
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "the close was cancelled: {commands:?}"
    );
    harness.run();
    harness.get_by_label("Your last changes are not saved");
    assert!(
        harness
            .get_all_by_label_contains("the disk is failing")
            .count()
            >= 1
    );

    // The disk recovers; the saver's own retry writes the edit.
    disk.set_failing(false);
    step_until(&mut harness, "the retry to save", App::is_saved);
    assert!(
        frame_commands(&harness).contains(&egui::ViewportCommand::Close),
        "the quit the dialog held goes ahead: {:?}",
        frame_commands(&harness)
    );
    harness.run();
    assert!(
        harness
            .query_by_label("Your last changes are not saved")
            .is_none(),
        "the dialog no longer says the changes are not saved"
    );
    // eframe turns that Close into a close request, which now goes through.
    let commands = request_close(&mut harness);
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose));
    let on_disk = Store::read_library(&tmp.data_dir().join(LIBRARY_FILE)).unwrap();
    assert_eq!(on_disk.shows[0].threads[0].status, ThreadStatus::Resolved);
}

/// A data folder that cannot be used: `--data-dir` names a file.
fn unusable_data_dir(tmp: &TempDir) -> PathBuf {
    tmp.write("not-a-folder", "a file where the data folder should be")
}

#[test]
fn quitting_with_nowhere_to_save_asks_and_exports_the_library() {
    let tmp = TempDir::new();
    let mut harness = launch(&unusable_data_dir(&tmp), None);
    harness.get_by_label_contains("Your data folder could not be opened");
    click(&mut harness, &resolved_checkbox(RENEWAL));
    let status = harness.state().status().describe();
    assert!(
        status.starts_with("Not saved: ") && status.contains("only in memory"),
        "the status line says the truth: {status}"
    );
    harness.get_by_label(&status);

    // Ctrl+Q asks the window to close; eframe then sends the close request.
    let commands = shortcut(&mut harness, egui::Key::Q);
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "{commands:?}"
    );
    let commands = request_close(&mut harness);
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "nothing is lost without asking: {commands:?}"
    );
    harness.run();
    harness.get_by_label("Your last changes are not saved");
    harness.get_by_label("Quit without saving");

    let export = tmp.path().join("rescue.json");
    type_into(
        &mut harness,
        "Folder or file path",
        &export.display().to_string(),
    );
    harness.get_by_label("Export to this file").click();
    harness.step();
    let exported = Store::read_library(&export).expect("the export is a library file");
    assert_eq!(exported.shows[0].threads[0].status, ThreadStatus::Resolved);
    assert!(
        frame_commands(&harness).contains(&egui::ViewportCommand::Close),
        "once exported, the quit goes ahead"
    );
    harness.run();
    assert!(
        harness
            .state()
            .status()
            .describe()
            .starts_with("Exported to ")
    );
    assert!(!request_close(&mut harness).contains(&egui::ViewportCommand::CancelClose));
}

#[test]
fn quitting_with_nowhere_to_save_can_save_in_another_folder() {
    let tmp = TempDir::new();
    // `library.json` is a folder.
    std::fs::create_dir_all(tmp.data_dir().join(LIBRARY_FILE)).unwrap();
    let mut harness = launch(&tmp.data_dir(), None);
    assert!(
        harness.state().has_no_folder(),
        "{:?}",
        harness.state().status()
    );
    type_into(&mut harness, "Article note", "keep me");
    assert!(request_close(&mut harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();

    // A folder that already holds a library is never overwritten.
    let other = TempDir::new();
    let taken = other.path().join("taken");
    let mut harness_other = launch(&taken, None);
    click(&mut harness_other, &resolved_checkbox(CAST));
    close(harness_other);
    let taken_bytes = std::fs::read(taken.join(LIBRARY_FILE)).unwrap();
    type_into(
        &mut harness,
        "Folder or file path",
        &taken.display().to_string(),
    );
    click(&mut harness, "Save in this folder");
    harness.get_by_label_contains("is never overwritten");
    assert_eq!(
        std::fs::read(taken.join(LIBRARY_FILE)).unwrap(),
        taken_bytes
    );
    assert!(request_close(&mut harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();

    let rescue = other.path().join("rescue");
    let field = harness.get_by_label("Folder or file path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_into(
        &mut harness,
        "Folder or file path",
        &rescue.display().to_string(),
    );
    // The save may finish within the click's own frames: watch every frame for the quit.
    harness.get_by_label("Save in this folder").click();
    step_until_quit(&mut harness);
    assert!(harness.state().is_saved());
    assert_eq!(harness.state().data_dir(), rescue);
    let on_disk = Store::read_library(&rescue.join(LIBRARY_FILE)).unwrap();
    assert_eq!(on_disk.shows[0].articles[0].note, "keep me");
    assert!(!request_close(&mut harness).contains(&egui::ViewportCommand::CancelClose));
}

#[test]
fn without_a_file_dialog_the_window_says_what_else_to_do() {
    // Run without any way to show a dialog (no desktop portal, no display), as a child
    // process so this process's environment is left alone.
    const ROLE: &str = "FAN_TRACKER_TEST_NO_DIALOG";
    if let Some(data_dir) = helper_role(ROLE) {
        let mut harness = launch(&unusable_data_dir_at(&data_dir), None);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
        harness.run();
        harness.get_by_label_contains("No file dialog could be opened on this system");
        click(&mut harness, "File");
        click(&mut harness, "Save elsewhere…");
        click(&mut harness, "Save in another folder…");
        harness.get_by_label_contains("type a folder or a file path");
        harness.get_by_label("Folder or file path");
        println!("NO-DIALOG-OK");
        return;
    }
    let tmp = TempDir::new();
    let output = rerun_self(
        "ui_stories::without_a_file_dialog_the_window_says_what_else_to_do",
        (ROLE, tmp.path()),
    )
    .env_remove("DISPLAY")
    .env_remove("WAYLAND_DISPLAY")
    .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("NO-DIALOG-OK"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn unusable_data_dir_at(dir: &Path) -> PathBuf {
    let file = dir.join("not-a-folder");
    std::fs::write(&file, "a file").unwrap();
    file
}

/// A file dropped on the window, as winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens_as_an_article() {
    let tmp = TempDir::new();
    let file = tmp.write(
        "dropped.txt",
        "Dropped news\nA new teaser came out today.\n",
    );
    let mut harness = launch(&tmp.data_dir(), None);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    harness.run();
    assert_eq!(harness.state().library().shows.len(), 2);
    assert_eq!(open_entry(&harness).article.title, "Dropped news");
    value_containing(&harness, "A new teaser came out today.").expect("body shown");
}

#[test]
fn ctrl_z_outside_a_text_field_brings_back_a_deleted_thread() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, CAST);
    click(&mut harness, "Delete");
    assert_eq!(open_threads(&harness).len(), 3);
    // Inside a text field Ctrl+Z is the field's own undo.
    crate::fixture::reveal(&mut harness, "Article note");
    harness.get_by_label("Article note").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(open_threads(&harness).len(), 3);
    // Outside one (here after clicking in the article's selectable text) it brings the
    // thread back.
    harness.key_press(egui::Key::Escape);
    harness.run();
    let paragraph =
        value_containing(&harness, "If a second season ever happens").expect("paragraph");
    let at = paragraph.rect().min + egui::vec2(30.0, 8.0);
    drag(&mut harness, at, at);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(open_threads(&harness).len(), 4);
    assert_eq!(open_threads(&harness)[3].0, CAST);
}

#[test]
fn double_clicking_a_thread_renames_it() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let at = harness
        .get_by_role_and_label(egui::Role::Button, CAST)
        .rect()
        .center();
    harness.hover_at(at);
    harness.step();
    // Two clicks within one frame: the harness moves time a quarter second per frame, more
    // than a double-click allows between clicks.
    for pressed in [true, false, true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
    harness.run();
    type_into(&mut harness, "Thread title", " (all of them?)");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        open_threads(&harness)[3].0,
        format!("{CAST} (all of them?)")
    );
}

#[test]
fn right_click_removes_an_article_and_undo_brings_it_back() {
    let tmp = TempDir::new();
    let file = tmp.write("second.txt", "Second article\nSomething happened.\n");
    let mut harness = launch(&tmp.data_dir(), Some(file));
    assert_eq!(harness.state().library().shows.len(), 2);
    harness
        .get_by_role_and_label(egui::Role::Button, "Second article")
        .click_secondary();
    harness.run();
    click(&mut harness, "Remove from library");
    // The show it was alone in goes with it: nothing else of the fan's was in it.
    let library = harness.state().library();
    assert_eq!(library.articles().count(), 1);
    assert_eq!(library.shows.len(), 1);
    click(
        &mut harness,
        &undo_menu_label(Some("delete article 'Second article'")),
    );
    let library = harness.state().library();
    assert_eq!(library.shows.len(), 2);
    assert_eq!(library.shows[1].articles.len(), 1);
    assert_eq!(library.shows[1].articles[0].article.title, "Second article");
}

#[test]
fn a_thread_set_to_dropped_is_kept_as_dropped() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, RENEWAL);
    click(&mut harness, "dropped");
    assert_eq!(open_threads(&harness)[0].1, ThreadStatus::Dropped);
    close(harness);
    let harness = launch(&tmp.data_dir(), None);
    assert_eq!(open_threads(&harness)[0].1, ThreadStatus::Dropped);
}

#[test]
fn hangul_in_the_default_article_is_drawn_with_a_korean_font() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), None);
    let body = open_entry(&harness).article.body.clone();
    let hangul: String = body
        .chars()
        .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
        .collect();
    assert!(
        hangul.chars().count() >= 8,
        "the default article has Hangul"
    );
    // The harness panics on a glyph no font has; this lays the Hangul out with the same
    // fonts the window used.
    assert_eq!(
        harness.ctx.missing_glyph_policy(),
        egui::MissingGlyphPolicy::Panic
    );
    let galley = harness.ctx.fonts_mut(|fonts| {
        fonts.layout_no_wrap(
            hangul.clone(),
            egui::FontId::proportional(14.0),
            egui::Color32::WHITE,
        )
    });
    let glyphs: usize = galley.rows.iter().map(|r| r.glyphs.len()).sum();
    assert_eq!(glyphs, hangul.chars().count());
}
