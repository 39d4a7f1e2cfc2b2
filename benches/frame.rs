//! Per-frame UI cost, headless: the whole window (every panel, then tessellation into
//! triangles) driven through an `egui::Context` at 1280×800, as eframe does before handing the
//! triangles to the GPU. Each frame moves the pointer over the checklist, so hover changes.
//!
//! Budgets (issue 4): default show ≤ 1 ms median, large library ≤ 4 ms, and 5,000 threads
//! in one show ≤ 1.5× the cost of 50. Run with `cargo bench --bench frame`.

#[path = "../tests/support/generate.rs"]
mod generate;

use fan_tracker::app::{App, AppOptions};
use fan_tracker::model::Library;
use fan_tracker::shell::Shell;
use fan_tracker::storage::{SaveRequest, Store};
use generate::{LibraryShape, generate_library};

fn main() {
    divan::main();
}

/// The app's window (its shell) on a data folder of its own, and the egui context that draws
/// it.
struct Window {
    ctx: egui::Context,
    shell: Shell,
    frame: u64,
    _dir: tempfile::TempDir,
}

impl Window {
    /// The app on `library` (the default library when `None`), after its first frames.
    fn open(library: Option<&Library>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = dir.path().join("data");
        if let Some(library) = library {
            let mut opened = Store::open(&data_dir).expect("open data dir");
            let request = SaveRequest::new(library.clone());
            opened.store.save(&request).expect("save");
        }
        let options = AppOptions {
            data_dir,
            open_file: None,
        };
        let mut window = Self::new(options, dir);
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// The window on the data folder of `options`, before any frame; `dir` is kept with it.
    fn new(options: AppOptions, dir: tempfile::TempDir) -> Self {
        let ctx = egui::Context::default();
        let shell = Shell::new(App::new(options, None), &ctx);
        Self {
            ctx,
            shell,
            frame: 0,
            _dir: dir,
        }
    }

    /// One frame that scrolls the article down by 400 points, the pointer over it.
    fn scroll_frame(&mut self) -> usize {
        let events = vec![
            egui::Event::PointerMoved(egui::pos2(640.0, 400.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -400.0),
                modifiers: egui::Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
            },
        ];
        self.frame_with(events)
    }

    /// One frame: input, every panel, commands applied, shapes tessellated.
    fn frame(&mut self) -> usize {
        let y = if self.frame.is_multiple_of(2) {
            120.0
        } else {
            150.0
        };
        self.frame_with(vec![egui::Event::PointerMoved(egui::pos2(1000.0, y))])
    }

    /// One frame with `events` as its input.
    fn frame_with(&mut self, events: Vec<egui::Event>) -> usize {
        self.frame += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.frame as f64 / 60.0),
            events,
            focused: true,
            ..Default::default()
        };
        let shell = &mut self.shell;
        // What `eframe::App::ui` does for the app each frame.
        let mut output = self.ctx.run_ui(input, |ui| shell.frame_ui(ui));
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

fn library(name: &str) -> Option<Library> {
    match name {
        "default" => None,
        "large" => Some(generate_library(&LibraryShape::LARGE)),
        "threads_50" => Some(generate_library(&LibraryShape::one_show(50))),
        "threads_5000" => Some(generate_library(&LibraryShape::one_show(5_000))),
        "huge_paragraph" => Some(huge_paragraph_library()),
        other => panic!("unknown library {other}"),
    }
}

/// One show whose article is a 15 MB plain-text paragraph with no line break (issue 8).
fn huge_paragraph_library() -> Library {
    let mut library = generate_library(&LibraryShape::one_show(10));
    let sentence =
        "The harbor crew waited another season for news of the ferry, 그리고 팬들은 기다렸다. ";
    let body = sentence.repeat(15 * 1024 * 1024 / sentence.len());
    if let Some(show) = library.shows.first_mut() {
        if let Some(entry) = show.articles.first_mut() {
            entry.article.body = body.into();
            entry.article.format = fan_tracker::model::ArticleFormat::PlainText;
        }
        for thread in &mut show.threads {
            thread.anchors.clear();
        }
    }
    library
}

/// A frame in steady state (the article is already laid out).
#[divan::bench(args = ["default", "large", "threads_50", "threads_5000"])]
fn frame(bencher: divan::Bencher, name: &str) {
    let mut window = Window::open(library(name).as_ref());
    bencher.bench_local(|| window.frame());
}

/// A frame with the first thread selected: its details, its passage highlighted in the article.
#[divan::bench(args = ["default", "large", "threads_5000"])]
fn frame_with_thread_selected(bencher: divan::Bencher, name: &str) {
    let mut window = Window::open(library(name).as_ref());
    let first = window
        .shell
        .open_show()
        .and_then(|d| d.threads.first())
        .map(|t| t.id);
    window
        .shell
        .push(fan_tracker::app::Command::SelectThread(first));
    window.frame();
    bencher.bench_local(|| window.frame());
}

/// A frame with the Predictions view open (issue 19) over the large library's ~5,000
/// predictions, sorted by chance, with its calibration chart: the table draws only the rows
/// in view and the rows and statistics are computed once per change of the library (budget:
/// ≤ 2 ms).
#[divan::bench(args = ["large"])]
fn frame_with_predictions_view(bencher: divan::Bencher, name: &str) {
    let mut window = Window::open(library(name).as_ref());
    window.shell.view.ledger.open = true;
    window.shell.view.ledger.sort = fan_tracker::model::LedgerColumn::Probability;
    window.frame();
    let predictions: usize = window
        .shell
        .library()
        .threads()
        .map(|t| t.predictions.len())
        .sum();
    assert!(predictions >= 4_900, "{predictions} predictions");
    bencher.bench_local(|| window.frame());
}

/// Frames while scrolling a 15 MB one-paragraph article: each frame scrolls it by 400 points,
/// so new chunks of the paragraph come into view and are laid out (budget: no frame over
/// 100 ms; see the slowest sample).
#[divan::bench(sample_count = 200, sample_size = 1)]
fn frame_scrolling_huge_paragraph(bencher: divan::Bencher) {
    let mut window = Window::open(Some(&huge_paragraph_library()));
    bencher.bench_local(|| window.scroll_frame());
}

/// Opening the app and drawing its first frame: read and decode the library, parse the open
/// article and lay it out. This is the app's own share of the time to the first window.
#[divan::bench(args = ["default", "large", "huge_paragraph"], sample_count = 10, sample_size = 1)]
fn first_frame(bencher: divan::Bencher, name: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().join("data");
    if let Some(library) = library(name) {
        let mut opened = Store::open(&data_dir).expect("open data dir");
        let request = SaveRequest::new(library);
        opened.store.save(&request).expect("save");
    }
    bencher.bench_local(|| {
        let options = AppOptions {
            data_dir: data_dir.clone(),
            open_file: None,
        };
        let mut window = Window::new(options, tempfile::tempdir().expect("temp dir"));
        window.frame();
        // Returned, so it is dropped (saver thread joined) outside the measurement.
        window
    });
}
