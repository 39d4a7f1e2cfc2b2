//! The workspace at every window size the app allows: the key controls of every panel are on
//! screen, inside the window and not on top of each other; content never widens a panel; the
//! keyboard alone reaches everything.

use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::shell::{Shell, UiState};
use fan_tracker::ui::{
    LIBRARY_TOGGLE_LABEL, SHOW_PICKER_LABEL, TOOLS_TOGGLE_LABEL, ToolTab, tab_label,
};

use crate::fixture::{RENEWAL, TempDir, click, launch, resolved_checkbox};

/// The sizes the issue names: the smallest window allowed, up to 4K-class.
const SIZES: [[f32; 2]; 4] = [
    [720.0, 480.0],
    [1024.0, 640.0],
    [1280.0, 800.0],
    [2560.0, 1440.0],
];

/// The built-in show at `size`, its first thread selected.
fn at_size(tmp: &TempDir, size: [f32; 2]) -> Harness<'static, Shell> {
    let mut harness = launch(&tmp.data_dir(), None);
    harness.set_size(egui::vec2(size[0], size[1]));
    harness.run();
    let id = harness.state().open_show().unwrap().threads[0].id;
    let _ = harness
        .state_mut()
        .apply(fan_tracker::app::Command::SelectThread(Some(id)));
    harness.run();
    harness
}

/// The rectangle of the one node labelled `label`, once scrolled into view.
fn shown(harness: &mut Harness<'static, Shell>, label: &str) -> Rect {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).rect()
}

/// Asserts that every control in `labels` is inside the window, and that none overlaps
/// another (all are shown at once).
fn assert_laid_out(harness: &mut Harness<'static, Shell>, size: [f32; 2], labels: &[&str]) {
    let window = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    for label in labels {
        let rect = shown(harness, label);
        assert!(
            window.contains_rect(rect),
            "{label} at {rect:?} is outside the {size:?} window"
        );
    }
    let rects: Vec<(&str, Rect)> = labels
        .iter()
        .map(|l| (*l, harness.get_by_label(l).rect()))
        .collect();
    for (i, (a, ra)) in rects.iter().enumerate() {
        assert!(window.contains_rect(*ra), "{a} left the {size:?} window");
        for (b, rb) in &rects[i + 1..] {
            let overlap = ra.intersect(*rb);
            assert!(
                !overlap.is_positive() || overlap.area() < 1.0,
                "{a} {ra:?} and {b} {rb:?} overlap at {size:?}"
            );
        }
    }
}

/// What the article shows: the menu, the toggles, the show picker and the as-of date.
const ARTICLE: [&str; 5] = [
    "File",
    "Help",
    LIBRARY_TOGGLE_LABEL,
    SHOW_PICKER_LABEL,
    fan_tracker::ui::EDIT_AS_OF_LABEL,
];

/// What the tools show with a thread selected.
fn tools() -> Vec<String> {
    let mut labels: Vec<String> = ToolTab::ALL.into_iter().map(tab_label).collect();
    labels.extend([
        resolved_checkbox(RENEWAL),
        "New thread title".to_owned(),
        "Thread note".to_owned(),
        "New prediction".to_owned(),
        "Add prediction".to_owned(),
    ]);
    labels
}

#[test]
fn every_panel_fits_every_window_size() {
    for size in SIZES {
        let tmp = TempDir::new();
        let mut harness = at_size(&tmp, size);
        let tools = tools();
        let tools: Vec<&str> = tools.iter().map(String::as_str).collect();
        let drawer = size[0] < fan_tracker::ui::TOOLS_DRAWER_WIDTH;
        if drawer {
            // The article has the window; the tools wait in a drawer.
            assert!(
                harness
                    .query_by_label(&tab_label(ToolTab::Threads))
                    .is_none()
            );
            assert_laid_out(&mut harness, size, &ARTICLE);
            let mut all = vec!["File", "Help", TOOLS_TOGGLE_LABEL];
            click(&mut harness, TOOLS_TOGGLE_LABEL);
            all.extend(&tools);
            assert_laid_out(&mut harness, size, &all);
            // Escape closes the drawer.
            harness.key_press(Key::Escape);
            harness.run();
            assert!(
                harness
                    .query_by_label(&tab_label(ToolTab::Threads))
                    .is_none()
            );
        } else {
            let mut all = ARTICLE.to_vec();
            all.extend(&tools);
            assert_laid_out(&mut harness, size, &all);
        }
        let library = size[0] >= fan_tracker::ui::LIBRARY_FOLD_WIDTH;
        let article_title = "Will It's Okay To Not Be Okay come back for a second season?";
        let library_row = format!("2022-03-17 · {article_title}");
        assert_eq!(
            harness.query_by_label(&library_row).is_some(),
            library,
            "the library shows only where there is room, at {size:?}"
        );
        // Ctrl+L unfolds (or folds) it, and the article keeps a readable column.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
        harness.run();
        assert_eq!(harness.query_by_label(&library_row).is_some(), !library);
        let picker = harness.get_by_label(SHOW_PICKER_LABEL).rect();
        assert!(picker.right() <= size[0], "{size:?}");
    }
}

#[test]
fn a_prediction_warning_does_not_widen_the_panel_nor_is_remembered() {
    let tmp = TempDir::new();
    let mut harness = at_size(&tmp, [1280.0, 800.0]);
    let before = harness.state().panel_widths();
    // A prediction past its resolve-by date: a warning joins its row (date, warning, Delete),
    // wider than the panel.
    let thread = harness.state().open_show().unwrap().threads[0].id;
    let _ = harness.state_mut().apply(fan_tracker::app::Command::Change(
        fan_tracker::app::Change::AddPrediction {
            thread,
            statement: "Season 2 is announced by 2021".to_owned(),
            probability: fan_tracker::model::Probability::from_pct(30),
            resolve_by: Some(jiff::civil::date(2021, 1, 1)),
        },
    ));
    harness.run();
    harness.get_by_label_contains("past its date");
    // A date that cannot be read warns too.
    harness
        .get_by_label("New prediction resolve-by date")
        .focus();
    harness.run();
    type_keys(&mut harness, "not a date");
    harness.get_by_label_contains("The date should look like");
    assert_eq!(harness.state().panel_widths(), before);
    let tab = harness.get_by_label(&tab_label(ToolTab::Threads)).rect();
    assert!(tab.left() > 1280.0 - before.threads - 1.0);
    drop(harness);
    let remembered = UiState::load(&tmp.data_dir());
    assert_eq!(remembered.threads_width, Some(before.threads));
}

/// Presses Tab until the node labelled `label` has the keyboard focus (at most `max` times).
fn tab_to(harness: &mut Harness<'static, Shell>, label: &str, max: usize) {
    for _ in 0..max {
        if harness
            .query_by_label(label)
            .is_some_and(|n| n.is_focused())
        {
            return;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    panic!("{label} not reached with {max} Tabs");
}

/// Types `text` one key event per frame into the focused field.
fn type_keys(harness: &mut Harness<'static, Shell>, text: &str) {
    for c in text.chars() {
        harness
            .input_mut()
            .events
            .push(egui::Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
}

/// Whether a node labelled `label` has the keyboard focus.
fn focused(harness: &Harness<'static, Shell>, label: &str) -> bool {
    harness.query_all_by_label(label).any(|n| n.is_focused())
}

#[test]
fn the_keyboard_alone_ticks_a_thread_writes_its_note_and_adds_a_prediction() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let checkbox = resolved_checkbox(RENEWAL);
    // Tab follows reading order: the article's header before the tools beside it.
    for _ in 0..40 {
        if focused(&harness, fan_tracker::ui::EDIT_AS_OF_LABEL) {
            break;
        }
        assert!(
            !focused(&harness, &checkbox),
            "the tools came before the article"
        );
        harness.key_press(Key::Tab);
        harness.run();
    }
    assert!(focused(&harness, fan_tracker::ui::EDIT_AS_OF_LABEL));
    tab_to(&mut harness, &checkbox, 40);
    // Space ticks it; the focus stays on it.
    harness.key_press(Key::Space);
    harness.run();
    let thread = &harness.state().open_show().unwrap().threads[0];
    assert_eq!(thread.status, fan_tracker::model::ThreadStatus::Resolved);
    assert!(
        focused(&harness, &checkbox),
        "the focus stays on the checkbox"
    );
    // Tab reaches its title; Enter opens its detail, the focus staying on the title.
    tab_to(&mut harness, RENEWAL, 2);
    harness.key_press(Key::Enter);
    harness.run();
    let id = harness.state().open_show().unwrap().threads[0].id;
    assert_eq!(harness.state().view.selected_thread, Some(id));
    assert!(focused(&harness, RENEWAL), "the focus stays on the title");
    // Its note is a few Tabs on, past the thread's actions and the new-thread box.
    tab_to(&mut harness, "Thread note", 30);
    type_keys(&mut harness, "Still waiting.");
    assert!(focused(&harness, "Thread note"));
    // A prediction: its statement (leaving the note saves it), Tab to *Add prediction*, Enter.
    tab_to(&mut harness, "New prediction", 5);
    assert_eq!(
        harness.state().open_show().unwrap().threads[0].note,
        "Still waiting."
    );
    type_keys(&mut harness, "Season 2 by 2027");
    tab_to(&mut harness, "Add prediction", 6);
    harness.key_press(Key::Enter);
    harness.run();
    let predictions = &harness.state().open_show().unwrap().threads[0].predictions;
    assert_eq!(predictions.len(), 1);
    assert_eq!(predictions[0].statement, "Season 2 by 2027");
    // The focus goes back to the form, ready for the next one.
    assert!(focused(&harness, "New prediction"));
}

#[test]
fn shortcuts_move_between_threads_tick_and_open_the_help_sheet() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let threads: Vec<_> = harness
        .state()
        .open_show()
        .unwrap()
        .threads
        .iter()
        .map(|t| t.id)
        .collect();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view.selected_thread, Some(threads[0]));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view.selected_thread, Some(threads[1]));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run();
    let status = harness.state().open_show().unwrap().threads[1].status;
    assert_eq!(status, fan_tracker::model::ThreadStatus::Resolved);
    // Ctrl+2 shows the Suggested tab, Ctrl+N brings the new-thread field back, focused.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    assert!(harness.query_by_label("New thread title").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(focused(&harness, "New thread title"));
    // F1 opens the sheet, Escape closes it.
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label_contains("Select the next thread");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Select the next thread")
            .is_none()
    );
    // Ctrl+Shift+V opens the paste dialog, Escape closes it.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label("Article text");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Article text").is_none());
}

#[test]
fn emoji_are_drawn_from_the_bundled_emoji_font() {
    // The harness fails on any glyph no font has (kittest's policy): a thread titled with
    // emoji is drawn by egui's bundled emoji font, with no system emoji font installed.
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let title = "Season 2? 🎬😭❤";
    let _ = harness.state_mut().apply(fan_tracker::app::Command::Change(
        fan_tracker::app::Change::AddThread {
            title: title.to_owned(),
            anchor: None,
        },
    ));
    harness.run();
    assert!(harness.query_all_by_label(title).count() >= 1, "drawn");
    assert!(harness.ctx.fonts_mut(|f| {
        ['🎬', '😭', '❤']
            .iter()
            .all(|c| f.has_glyph(&egui::FontId::proportional(14.0), *c))
    }));
}

#[test]
fn edit_puts_the_cursor_in_the_as_of_field() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    click(&mut harness, fan_tracker::ui::EDIT_AS_OF_LABEL);
    assert!(focused(&harness, fan_tracker::ui::AS_OF_FIELD_LABEL));
    // Escape cancels, and nothing else closes with it.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label(fan_tracker::ui::AS_OF_FIELD_LABEL)
            .is_none()
    );
}

#[test]
fn a_folded_library_and_an_open_drawer_are_remembered() {
    let tmp = TempDir::new();
    let mut harness = at_size(&tmp, [1280.0, 800.0]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert!(!harness.state().workspace().library_open);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    drop(harness);
    let remembered = UiState::load(&tmp.data_dir());
    assert_eq!(remembered.library_open, Some(false));
    assert_eq!(remembered.tools_drawer_open, Some(true));
    let harness = launch(&tmp.data_dir(), None);
    assert!(!harness.state().workspace().library_open);
    assert!(harness.query_by_label(LIBRARY_TOGGLE_LABEL).is_some());
}
