//! Per-frame UI cost, headless: the whole window (every panel, then tessellation into
//! triangles) driven through an `egui::Context` at 1280×800, as eframe does before handing the
//! triangles to the GPU. Each frame moves the pointer over the checklist, so hover changes.
//!
//! Budgets (issue 4): default show ≤ 1 ms median, large library ≤ 4 ms, and 5,000 threads
//! in one show ≤ 1.5× the cost of 50. Issue 14: the longest frame ≤ 16 ms while work runs off
//! the UI thread on the large library (`frame_while`: export, backups listed and restored, a
//! merge of an outside change, switching to the 1 MB article, a file dialog open). Run with
//! `cargo bench --bench frame`.

#[path = "../tests/support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fan_tracker::app::{App, AppOptions, Change, Command};
use fan_tracker::model::{ArticleId, Library};
use fan_tracker::shell::Shell;
use fan_tracker::storage::{LIBRARY_FILE, SaveRequest, Store};
use generate::{LibraryShape, generate_library};

fn main() {
    let fake = fake_dialog();
    divan::main();
    drop(fake);
}

/// A file dialog that stays open for a second, then is cancelled: a `zenity` on the `PATH`
/// that sleeps, a display for it, and no session bus (so `rfd` falls back to zenity at once).
/// Set before any thread starts.
fn fake_dialog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let zenity = dir.path().join("zenity");
    std::fs::write(&zenity, "#!/bin/sh\nsleep 1\nexit 1\n").expect("fake zenity");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755))
            .expect("make it runnable");
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![dir.path().to_owned()];
    paths.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(paths).expect("PATH");
    // SAFETY: no other thread runs yet (divan has not started).
    unsafe {
        std::env::set_var("PATH", path);
        std::env::set_var("DISPLAY", ":99");
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    }
    dir
}

/// The app's window (its shell) on a data folder of its own, and the egui context that draws
/// it.
struct Window {
    ctx: egui::Context,
    shell: Shell,
    frame: u64,
    /// The window's size, in points (1280×800 unless a bench says otherwise).
    size: egui::Vec2,
    _dir: tempfile::TempDir,
}

impl Window {
    /// The app on `library` (the default library when `None`), after its first frames.
    fn open(library: Option<&Library>) -> Self {
        Self::open_at(library, egui::vec2(1280.0, 800.0))
    }

    /// The app on `library` in a window of `size` points, after its first frames.
    fn open_at(library: Option<&Library>, size: egui::Vec2) -> Self {
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
        window.size = size;
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// The window on `library`, with two backups in its data folder, once everything started
    /// at opening (the article's parse and suggestions, saving them) is done.
    fn settled(library: &Library) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = dir.path().join("data");
        {
            let mut opened = Store::open(&data_dir).expect("open data dir");
            for _ in 0..3 {
                let mut request = SaveRequest::new(library.clone());
                request.force_backup = true;
                opened.store.save(&request).expect("save");
            }
        }
        let options = AppOptions {
            data_dir,
            open_file: None,
        };
        let mut window = Self::new(options, dir);
        let deadline = Instant::now() + Duration::from_secs(120);
        let settled =
            |shell: &Shell| !shell.is_busy() && shell.suggestions_settled() && shell.is_saved();
        window.frame();
        while !settled(&window.shell) && Instant::now() < deadline {
            window.frame();
            std::thread::sleep(Duration::from_millis(5));
        }
        // Warm: the first frames after a pause cost more whatever runs (caches, allocator).
        for _ in 0..20 {
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
            size: egui::vec2(1280.0, 800.0),
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
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
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

/// A frame of a 2560×1440 window (all three panels at their widest), the first thread
/// selected.
#[divan::bench(args = ["default", "large"])]
fn frame_2560x1440_thread_selected(bencher: divan::Bencher, name: &str) {
    let mut window = Window::open_at(library(name).as_ref(), egui::vec2(2560.0, 1440.0));
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

/// The large library's window with Find open on `query` (issue 20), once its index is built
/// and the query searched.
fn window_with_find(name: &str, query: &str) -> Window {
    let mut window = Window::open(library(name).as_ref());
    window.shell.view.search.open();
    window.shell.view.search.typed = query.to_owned();
    let deadline = Instant::now() + Duration::from_secs(120);
    let searched = |shell: &Shell| {
        shell.search_settled()
            && shell
                .view
                .search
                .found
                .as_ref()
                .is_some_and(|f| !f.query.is_empty())
    };
    while !searched(&window.shell) && Instant::now() < deadline {
        window.frame();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(searched(&window.shell), "searched within 2 minutes");
    for _ in 0..20 {
        window.frame();
    }
    window
}

/// A frame with Find open listing its most results (300 of the large library's hits of
/// "season", grouped by show, each a snippet with its hit marked).
#[divan::bench(args = ["large"])]
fn frame_with_find_results(bencher: divan::Bencher, name: &str) {
    let mut window = window_with_find(name, "season");
    let listed = window
        .shell
        .view
        .search
        .found
        .as_ref()
        .map(|f| f.hits.len());
    assert_eq!(listed, Some(fan_tracker::model::search::MAX_HITS));
    bencher.bench_local(|| window.frame());
}

/// A keystroke in the Find box (a letter, then Backspace, by turns) with 300 results listed:
/// the frame edits the box and starts a search job; it never waits for the search.
#[divan::bench(args = ["large"])]
fn frame_typing_in_find(bencher: divan::Bencher, name: &str) {
    let mut window = window_with_find(name, "season");
    let mut letter = true;
    bencher.bench_local(|| {
        let event = if letter {
            egui::Event::Text("s".to_owned())
        } else {
            egui::Event::Key {
                key: egui::Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }
        };
        letter = !letter;
        window.frame_with(vec![event])
    });
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

/// What runs off the UI thread while `frame_while` measures frames; each is started again as
/// soon as the last one finished.
enum Work {
    /// File → Save elsewhere → export to a file (encode 5.6 MB, write, fsync).
    Export(PathBuf),
    /// File → Restore a backup…: list the backups, then restore the newest.
    Restore,
    /// Another program writes `library.json` (on a thread of the benchmark's), the fan edits a
    /// note: the save finds the outside change, a job merges it, the merge is saved.
    Merge {
        /// The other program writing its version.
        writer: Option<std::thread::JoinHandle<()>>,
        /// Edits made so far.
        edits: u64,
    },
    /// Switching between the 1 MB article and a small one (each switch to it parses it).
    Switch {
        /// The 1 MB article.
        big: ArticleId,
        /// An article of another show.
        small: ArticleId,
    },
    /// Ctrl+O: a file dialog open for a second (see [`fake_dialog`]), Ctrl+O again meanwhile.
    Dialog,
    /// Nothing: the same frames without work, for comparison.
    Idle,
}

impl Drop for Work {
    /// The other program finishes writing before its folder goes.
    fn drop(&mut self) {
        if let Self::Merge { writer, .. } = self
            && let Some(writer) = writer.take()
        {
            let _ = writer.join();
        }
    }
}

impl Work {
    fn new(name: &str, window: &Window) -> Self {
        let library = window.shell.library();
        match name {
            "export" => Self::Export(window._dir.path().join("export.json")),
            "backups_restore" => Self::Restore,
            "merge" => Self::Merge {
                writer: None,
                edits: 0,
            },
            "switch_1mb" => Self::Switch {
                big: library.shows[0].articles[0].id,
                small: library.shows[1].articles[0].id,
            },
            "dialog" => Self::Dialog,
            "idle" => Self::Idle,
            other => panic!("unknown work {other}"),
        }
    }

    /// Starts the work again when the last run finished (what the fan's click does: the
    /// command is applied in the next measured frame).
    fn step(&mut self, window: &mut Window) {
        let shell = &mut window.shell;
        let idle = !shell.is_busy();
        match self {
            Self::Export(path) if idle => shell.push(Command::ExportLibrary(path.clone())),
            Self::Restore if idle => match shell.view.backups.take() {
                Some(Ok(list)) => shell.push(Command::RestoreBackup(list[0].path.clone())),
                _ => shell.push(Command::ListBackups),
            },
            Self::Merge { writer, edits } => match writer.take() {
                Some(handle) if handle.is_finished() => {
                    handle.join().expect("writer");
                    *edits += 1;
                    let show = shell.library().shows[0].id;
                    let note = format!("edit {edits}");
                    shell.push(Command::Change(Change::SetShowNote(show, note)));
                }
                Some(handle) => *writer = Some(handle),
                None if idle && shell.is_saved() => {
                    let (path, round) = (data_file(shell.data_dir()), *edits);
                    *writer = Some(std::thread::spawn(move || write_theirs(&path, round)));
                }
                None => {}
            },
            Self::Switch { big, small } if idle => {
                let to = if shell.view.open_article == Some(*big) {
                    *small
                } else {
                    *big
                };
                shell.push(Command::OpenArticle(to));
            }
            Self::Dialog => shell.push(Command::PickFile),
            _ => {}
        }
    }
}

/// Another program (a sync tool that read the file) writes its version of the library, one
/// revision on, with a note of its own.
fn write_theirs(path: &Path, round: u64) {
    let before = fan_tracker::storage::Store::load_file(path).expect("read library.json");
    let mut theirs = before.library;
    theirs.shows[1].note = format!("written by another program, round {round}");
    let bytes =
        fan_tracker::storage::encode_revision(&theirs, before.revision + 1).expect("encode");
    std::fs::write(path, bytes).expect("write theirs");
}

fn data_file(data_dir: &Path) -> PathBuf {
    data_dir.join(LIBRARY_FILE)
}

/// Frames on the large library while work runs off the UI thread, started again as soon as it
/// ends (budget, issue 14: no frame over 16 ms; see the slowest sample). Each sample is one
/// frame, including the frame that applies the command starting the work and the one that
/// applies its result. `idle` is the same frames with no work, for comparison.
///
/// On a busy machine the slowest wall-clock sample is the scheduler's (the UI thread waiting
/// for a core), so each run also prints the UI thread's own time on a CPU per frame (`CLOCK_THREAD_CPUTIME_ID`): the work the frame itself did.
#[divan::bench(
    args = ["idle", "export", "backups_restore", "merge", "switch_1mb", "dialog"],
    sample_count = 300,
    sample_size = 1
)]
fn frame_while(bencher: divan::Bencher, name: &str) {
    let mut window = Window::settled(&generate_library(&LibraryShape::LARGE));
    let mut work = Work::new(name, &window);
    if std::env::var_os("FRAME_WHILE_TOP").is_some() {
        use fan_tracker::app::JobKind;
        let kinds = [
            JobKind::Parse,
            JobKind::Suggest,
            JobKind::Import,
            JobKind::Merge,
        ];
        let pending: Vec<_> = kinds
            .iter()
            .map(|k| (k, window.shell.jobs().pending(*k).count()))
            .collect();
        eprintln!(
            "frame_while {name}: busy before {} {pending:?}, saved {}",
            window.shell.is_busy(),
            window.shell.is_saved()
        );
    }
    let mut on_cpu = Vec::new();
    let mut starts = 0;
    bencher.bench_local(|| {
        let before = cpu_time();
        let was_busy = window.shell.is_busy();
        work.step(&mut window);
        let primitives = window.frame();
        starts += usize::from(!was_busy && window.shell.is_busy());
        on_cpu.push(cpu_time().saturating_sub(before));
        primitives
    });
    if std::env::var_os("FRAME_WHILE_TOP").is_some() {
        let mut top: Vec<(usize, Duration)> = on_cpu.iter().copied().enumerate().collect();
        top.sort_by_key(|&(_, d)| std::cmp::Reverse(d));
        eprintln!(
            "frame_while {name}: longest frames (index, CPU): {:?}",
            &top[..5]
        );
    }
    on_cpu.sort();
    if let (Some(longest), Some(median)) = (on_cpu.last(), on_cpu.get(on_cpu.len() / 2)) {
        eprintln!(
            "frame_while {name}: UI thread on a CPU per frame: longest {:.2} ms, median {:.2} ms, over {} frames; the work started {starts} times",
            longest.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e3,
            on_cpu.len(),
        );
    }
}

/// How long this thread has run on a CPU (`CLOCK_THREAD_CPUTIME_ID`; zero where there is none).
fn cpu_time() -> Duration {
    #[cfg(unix)]
    {
        let mut now = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `now` is a valid timespec for the call to fill in.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0 {
            let secs = u64::try_from(now.tv_sec).unwrap_or(0);
            let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
            return Duration::new(secs, nanos);
        }
    }
    Duration::ZERO
}
