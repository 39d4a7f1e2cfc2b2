//! Work that must not grow with the data: the checklist and the library list draw only the
//! rows in view, the article is laid out once and only where it is seen, the window's
//! background is painted once, and an idle window asks for no frames.
//! (Timing budgets live in `benches/`, not here.)

use fan_tracker::shell::Shell;
use std::path::Path;

use crate::generate::{LibraryShape, generate_library};
use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, AppOptions};
use fan_tracker::storage::Store;

use crate::storage::request;

use crate::fixture::{TempDir, click, launch, resolved_checkbox};

fn write_library(data_dir: &Path, shape: &LibraryShape) {
    let library = generate_library(shape);
    let mut opened = Store::open(data_dir).unwrap();
    opened.store.save(&request(&library)).unwrap();
}

#[test]
fn a_checklist_of_5000_threads_draws_only_the_rows_in_view() {
    let tmp = TempDir::new();
    write_library(&tmp.data_dir(), &LibraryShape::one_show(5_000));
    let mut harness = launch(&tmp.data_dir(), None);
    let rows = harness
        .get_all_by_label_contains("Resolved: Thread ")
        .count();
    assert!((5..100).contains(&rows), "{rows} rows drawn");
    let first = harness.state().open_show().unwrap().threads[0].clone();
    harness.get_by_label(&resolved_checkbox(&first.title));

    // Rows still work: select the first thread, then move it down with its actions row.
    click(&mut harness, &first.title);
    assert_eq!(harness.state().view.selected_thread, Some(first.id));
    click(&mut harness, "Move down");
    let threads = &harness.state().open_show().unwrap().threads;
    assert_eq!(threads[1].id, first.id);
    assert_eq!(threads.len(), 5_000);
}

#[test]
fn a_library_of_500_shows_draws_only_the_rows_in_view() {
    let tmp = TempDir::new();
    let shape = LibraryShape {
        shows: 500,
        threads: 500,
        notes: 1_000,
        article_bytes: 2_000,
    };
    write_library(&tmp.data_dir(), &shape);
    let mut harness = launch(&tmp.data_dir(), None);
    let shows = harness.get_all_by_label_contains("Show ").count();
    let articles = harness.get_all_by_label_contains("Article ").count();
    assert!((5..100).contains(&shows), "{shows} show rows drawn");
    assert!(
        (5..100).contains(&articles),
        "{articles} article rows drawn"
    );

    // A row in view still opens its show, and an article's row its article.
    let second = harness.state().library().shows[1].clone();
    harness
        .get_by_label_contains(&format!("{} · ", second.title))
        .click();
    harness.run();
    assert_eq!(harness.state().open_show().unwrap().id, second.id);
    // The third show's article, from its row: it opens with its show.
    let third = harness.state().library().shows[2].clone();
    let article = &third.articles[0];
    let row = match article.article.as_of {
        Some(date) => format!("{date} · {}", article.article.title),
        None => article.article.title.clone(),
    };
    click(&mut harness, &row);
    assert_eq!(
        harness.state().open_article().map(|(s, a)| (s.id, a.id)),
        Some((third.id, article.id))
    );
}

#[test]
fn the_window_background_is_painted_once() {
    let tmp = TempDir::new();
    let harness = launch(&tmp.data_dir(), None);
    // The window is cleared to the panel colour...
    let visuals = harness.ctx.global_style().visuals.clone();
    let clear = eframe::App::clear_color(harness.state(), &visuals);
    assert_eq!(clear, visuals.panel_fill.to_normalized_gamma_f32());
    // ...and no panel paints over it again: no filled rectangle covers a large part of the
    // window (a software renderer pays for every pixel painted).
    let window_area = harness.ctx.content_rect().area();
    let big_fills: Vec<egui::Rect> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(rect) if rect.fill.a() > 0 => Some(rect.rect),
            _ => None,
        })
        .filter(|rect| rect.area() > 0.05 * window_area)
        .collect();
    assert!(big_fills.is_empty(), "panels filled: {big_fills:?}");
}

#[test]
fn the_article_is_laid_out_once_not_every_frame() {
    let tmp = TempDir::new();
    let mut harness = launch(&tmp.data_dir(), None);
    let after_start = harness.state().article_cache.layouts;
    assert!(after_start > 0);
    for y in [100.0, 300.0, 500.0, 300.0] {
        harness.hover_at(egui::pos2(640.0, y));
        harness.step();
    }
    assert_eq!(harness.state().article_cache.layouts, after_start);
}

#[test]
fn a_1_mb_article_is_laid_out_only_where_it_is_seen() {
    let tmp = TempDir::new();
    let shape = LibraryShape {
        shows: 1,
        threads: 10,
        notes: 11,
        article_bytes: 1 << 20,
    };
    write_library(&tmp.data_dir(), &shape);
    let harness = launch(&tmp.data_dir(), None);
    let blocks = harness.state().article_cache.document().blocks.len();
    let layouts = harness.state().article_cache.layouts;
    assert!(blocks > 1_000, "{blocks} blocks");
    assert!(
        (1..50).contains(&layouts),
        "{layouts} of {blocks} blocks laid out"
    );
}

#[test]
fn an_idle_window_asks_for_no_more_frames() {
    let tmp = TempDir::new();
    write_library(&tmp.data_dir(), &LibraryShape::one_show(200));
    let options = AppOptions {
        data_dir: tmp.data_dir(),
        open_file: None,
    };
    let ctx = egui::Context::default();
    let mut app = Shell::new(App::new(options, Some(&ctx)), &ctx);
    let frame_input = |frame: i32| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(f64::from(frame) / 60.0),
        ..Default::default()
    };
    // The work a first start does in the background (suggesting the article's open questions,
    // then saving them) finishes first; an idle window is one with nothing left to do.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut warm_up = -10_000;
    while !(app.suggestions_settled() && app.is_saved()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
        let mut output = ctx.run_ui(frame_input(warm_up), |ui| app.frame_ui(ui));
        output.textures_delta.clear();
        warm_up += 1;
    }
    assert!(app.suggestions_settled() && app.is_saved());
    // Frames 1/60 s apart with no input, as eframe would run them while egui asks for more.
    let delays: Vec<std::time::Duration> = (0..120)
        .map(|frame| {
            let mut output = ctx.run_ui(frame_input(frame), |ui| {
                app.frame_ui(ui);
            });
            output.textures_delta.clear();
            output.viewport_output[&egui::ViewportId::ROOT].repaint_delay
        })
        .collect();
    // The scroll bars fade in over the first fraction of a second; then nothing more is asked.
    let settled = delays.iter().position(|d| *d == std::time::Duration::MAX);
    assert!(
        settled.is_some_and(|frame| frame < 60),
        "still repainting after a second: {:?}",
        &delays[..20]
    );
    assert!(delays[60..].iter().all(|d| *d == std::time::Duration::MAX));
}
