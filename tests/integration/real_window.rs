//! The built binary in a real window under Xvfb: it becomes visible, draws something, quits
//! cleanly with Ctrl+Q, and saves before exiting on SIGTERM.
//!
//! Needs Xvfb, xdotool and ImageMagick (and xmodmap, of x11-xserver-utils, for Hangul typed
//! as keysyms). Without them the tests say so and pass, unless
//! `FAN_TRACKER_REQUIRE_DISPLAY=1` (set by `.ci/run`), where a missing tool is a failure.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use crate::fixture::TempDir;

/// Whether the tools are there; panics in CI when they are not.
pub(crate) fn tools_available() -> bool {
    tools_present(&["Xvfb", "xdotool", "import", "convert"])
}

/// Whether `tools` are there; panics in CI when they are not.
fn tools_present(tools: &[&'static str]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| {
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .map_or(true, |o| !o.status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    let required = std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "missing tools for the real-window tests: {missing:?}"
    );
    eprintln!(
        "SKIPPED: real-window test needs {missing:?} (install xvfb, xdotool, imagemagick, x11-xserver-utils)"
    );
    false
}

/// A virtual X server, stopped on drop.
pub(crate) struct Xvfb {
    child: Child,
    display: String,
    /// The pipe Xvfb reported its display on, kept open so that Xvfb never writes to a closed
    /// pipe.
    _reported: BufReader<ChildStdout>,
}

impl Xvfb {
    /// Starts Xvfb on a display number it picks itself (`-displayfd`), so tests running in
    /// parallel never share, or race for, one display. `-noreset`: without it Xvfb resets when
    /// its last client leaves, and an app started during the reset cannot connect.
    pub(crate) fn start() -> Self {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-noreset",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let stdout = child.stdout.take().expect("Xvfb stdout");
        let mut reported = BufReader::new(stdout);
        let mut line = String::new();
        let read = reported.read_line(&mut line);
        let number = line.trim();
        if read.is_err() || number.is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Xvfb did not report a display number ({read:?})");
        }
        Self {
            child,
            display: format!(":{number}"),
            _reported: reported,
        }
    }

    pub(crate) fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY");
        command
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the app on `xvfb` with a private data dir and runtime dir.
fn start_app(xvfb: &Xvfb, tmp: &TempDir, file: Option<&Path>) -> Child {
    let mut command = app_command(xvfb, tmp, file);
    command.arg("--data-dir").arg(tmp.data_dir());
    command.spawn().expect("start fan-tracker")
}

/// The app's command on `xvfb` with a private runtime dir, without a data folder.
fn app_command(xvfb: &Xvfb, tmp: &TempDir, file: Option<&Path>) -> Command {
    let runtime = tmp.path().join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut command = xvfb.command(env!("CARGO_BIN_EXE_fan-tracker"));
    command
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if let Some(file) = file {
        command.arg(file);
    }
    command
}

/// Focuses `window` (there is no window manager to do it) and presses `keys`.
pub(crate) fn press(xvfb: &Xvfb, window: &str, keys: &str) {
    xvfb.command("xdotool")
        .args(["windowfocus", "--sync", window])
        .status()
        .unwrap();
    xvfb.command("xdotool")
        .args(["key", "--clearmodifiers", keys])
        .status()
        .unwrap();
}

/// Waits for the visible "Fan Tracker" window and returns its X id.
pub(crate) fn wait_for_window(xvfb: &Xvfb, app: &mut Child) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        assert!(
            app.try_wait().unwrap().is_none(),
            "the app exited before showing a window"
        );
        let output = xvfb
            .command("xdotool")
            .args(["search", "--onlyvisible", "--name", "^Fan Tracker$"])
            .output()
            .unwrap();
        let id = String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .map(str::to_owned);
        if let Some(id) = id {
            return id;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("no visible Fan Tracker window after 120 s");
}

/// Takes screenshots until one has real content; returns its path and number of colours.
fn screenshot_with_content(xvfb: &Xvfb, path: &Path) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut colours = 0;
    while Instant::now() < deadline {
        let ok = xvfb
            .command("import")
            .args(["-window", "root"])
            .arg(path)
            .status()
            .unwrap()
            .success();
        if ok {
            let output = Command::new("convert")
                .arg(path)
                .args(["-format", "%k", "info:"])
                .output()
                .unwrap();
            colours = String::from_utf8_lossy(&output.stdout)
                .trim()
                .parse()
                .unwrap_or(0);
            if colours > 64 {
                return colours;
            }
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("the screen stayed blank ({colours} colours)");
}

pub(crate) fn wait_exit(app: &mut Child, within: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Some(status) = app.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = app.kill();
    panic!("the app did not exit within {within:?}");
}

/// Sends SIGTERM to `app` and waits (up to 30 s) for it to exit; its exit status.
pub(crate) fn terminate(app: &mut Child) -> std::process::ExitStatus {
    Command::new("kill")
        .args(["-TERM", &app.id().to_string()])
        .status()
        .unwrap();
    wait_exit(app, Duration::from_secs(30))
}

#[test]
fn window_shows_the_default_article_and_quits_cleanly_with_ctrl_q() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let xvfb = Xvfb::start();
    let mut app = start_app(&xvfb, &tmp, None);
    wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-default.png");
    let colours = screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot {} has {colours} colours", shot.display());

    // Focus the window as it is now (there is no window manager to do it) and press Ctrl+Q.
    let window = wait_for_window(&xvfb, &mut app);
    xvfb.command("xdotool")
        .args(["windowfocus", "--sync", &window])
        .status()
        .unwrap();
    xvfb.command("xdotool")
        .args(["key", "--clearmodifiers", "ctrl+q"])
        .status()
        .unwrap();
    let status = wait_exit(&mut app, Duration::from_secs(30));
    assert!(status.success(), "exit status {status}");
}

#[test]
fn sigterm_sigint_and_sighup_save_before_exit() {
    if !tools_available() {
        return;
    }
    let xvfb = Xvfb::start();
    for signal in ["TERM", "INT", "HUP"] {
        let tmp = TempDir::new();
        let article = tmp.write(
            "news.txt",
            "Casting news\nThe whole cast signed on again.\n",
        );
        let mut app = start_app(&xvfb, &tmp, Some(&article));
        wait_for_window(&xvfb, &mut app);
        Command::new("kill")
            .args([&format!("-{signal}"), &app.id().to_string()])
            .status()
            .unwrap();
        let status = wait_exit(&mut app, Duration::from_secs(30));
        assert!(status.success(), "SIG{signal}: exit status {status}");
        let library =
            fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json"))
                .unwrap();
        assert_eq!(library.shows.len(), 2, "SIG{signal}");
        assert_eq!(library.shows[1].articles[0].article.title, "Casting news");
    }
}

#[test]
fn sigkill_loses_at_most_the_last_second() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let article = tmp.write(
        "news.txt",
        "Casting news\nThe whole cast signed on again.\n",
    );
    let xvfb = Xvfb::start();
    let mut app = start_app(&xvfb, &tmp, Some(&article));
    wait_for_window(&xvfb, &mut app);
    // The import is an edit made at start; a second later it must be on disk.
    std::thread::sleep(Duration::from_millis(1200));
    app.kill().unwrap();
    app.wait().unwrap();
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert!(
        library
            .articles()
            .any(|a| a.article.title == "Casting news")
    );
}

#[test]
fn the_data_folder_can_be_given_in_fan_tracker_data_dir() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let article = tmp.write("news.txt", "Teaser news\nA teaser came out.\n");
    let xvfb = Xvfb::start();
    let mut app = app_command(&xvfb, &tmp, Some(&article))
        .env("FAN_TRACKER_DATA_DIR", tmp.data_dir())
        .spawn()
        .expect("start fan-tracker");
    wait_for_window(&xvfb, &mut app);
    let status = terminate(&mut app);
    assert!(status.success(), "exit status {status}");
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert!(library.articles().any(|a| a.article.title == "Teaser news"));
}

#[test]
fn ctrl_q_with_nowhere_to_save_asks_before_quitting() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let article = tmp.write(
        "news.txt",
        "Casting news\nThe whole cast signed on again.\n",
    );
    // `--data-dir` names a file: nothing can be saved there. Opening the article is an edit.
    let not_a_folder = tmp.write("not-a-folder", "a file");
    let xvfb = Xvfb::start();
    let mut app = app_command(&xvfb, &tmp, Some(&article))
        .arg("--data-dir")
        .arg(&not_a_folder)
        .spawn()
        .expect("start fan-tracker");
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-nowhere-to-save.png");
    screenshot_with_content(&xvfb, &shot);
    press(&xvfb, &window, "ctrl+q");
    std::thread::sleep(Duration::from_secs(3));
    let still_open = app.try_wait().unwrap().is_none();
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-asks-on-quit.png");
    if still_open {
        screenshot_with_content(&xvfb, &shot);
        eprintln!("screenshot of the question: {}", shot.display());
    }
    let _ = app.kill();
    let _ = app.wait();
    assert!(
        still_open,
        "Ctrl+Q with unsaved edits and nowhere to save quit at once"
    );
}

#[test]
fn the_app_finds_a_korean_font_for_hangul() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let xvfb = Xvfb::start();
    // The default article's headline and body have Hangul; with this variable a glyph that no
    // font has (not even one the system font provider finds) stops the app instead of
    // drawing a box.
    let mut app = app_command(&xvfb, &tmp, None)
        .arg("--data-dir")
        .arg(tmp.data_dir())
        .env(fan_tracker::shell::PANIC_ON_MISSING_GLYPH, "1")
        .spawn()
        .expect("start fan-tracker");
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-hangul.png");
    screenshot_with_content(&xvfb, &shot);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        app.try_wait().unwrap().is_none(),
        "the app stopped: a glyph had no font"
    );
    press(&xvfb, &window, "ctrl+q");
    let status = wait_exit(&mut app, Duration::from_secs(30));
    assert!(status.success(), "exit status {status}");
}

/// Case 14 (`tests/fixtures/14-tab-table.txt`) in the real window: the tab-separated rows are
/// drawn as a table. The screenshot is `target/tmp/real-window-case-14.png`.
#[test]
fn case_14_a_tab_separated_table_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/14-tab-table.txt");
    let xvfb = Xvfb::start();
    let mut app = start_app(&xvfb, &tmp, Some(&file));
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-case-14.png");
    std::thread::sleep(Duration::from_secs(2));
    screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot of case 14: {}", shot.display());
    press(&xvfb, &window, "ctrl+q");
    let status = wait_exit(&mut app, Duration::from_secs(30));
    assert!(status.success(), "exit status {status}");
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    let article = library
        .articles()
        .find(|a| a.article.title == "Harbor Lights ratings by episode")
        .expect("case 14 imported");
    let rows = article
        .article
        .document()
        .blocks
        .iter()
        .filter(|b| b.table.is_some())
        .count();
    assert_eq!(rows, 3);
}

/// Case 17 (`tests/fixtures/17-reopen-v1.md`, then `17-reopen-v2.md` saved over it) in the
/// real window: the second opening brings in the new text and says so. The screenshot is
/// `target/tmp/real-window-case-17.png`.
#[test]
fn case_17_a_changed_file_reopened_in_the_real_window() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let file = tmp.write(
        "harbor-clues.md",
        std::fs::read(fixtures.join("17-reopen-v1.md")).unwrap(),
    );
    let xvfb = Xvfb::start();
    let mut app = start_app(&xvfb, &tmp, Some(&file));
    let window = wait_for_window(&xvfb, &mut app);
    std::thread::sleep(Duration::from_secs(1));
    press(&xvfb, &window, "ctrl+q");
    assert!(wait_exit(&mut app, Duration::from_secs(30)).success());

    std::fs::copy(fixtures.join("17-reopen-v2.md"), &file).unwrap();
    let mut app = start_app(&xvfb, &tmp, Some(&file));
    let window = wait_for_window(&xvfb, &mut app);
    std::thread::sleep(Duration::from_secs(2));
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-case-17.png");
    screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot of case 17: {}", shot.display());
    press(&xvfb, &window, "ctrl+q");
    assert!(wait_exit(&mut app, Duration::from_secs(30)).success());
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    let bodies: Vec<&str> = library
        .articles()
        .filter(|a| a.article.title == "Harbor Lights: two clues from the finale")
        .map(|a| &*a.article.body)
        .collect();
    assert_eq!(bodies.len(), 1, "updated, not duplicated");
    assert!(bodies[0].contains("the network has now confirmed a second season"));
}

/// Where the centre of the node labelled `label` is in a window of the default size (the
/// real window's layout, found in a harness on a library like the one the real window opens),
/// after clicking the nodes labelled `open` in turn (folded sections).
fn centre_of(label: &str, open: &[&str]) -> egui::Pos2 {
    use egui_kittest::kittest::Queryable as _;
    let tmp = TempDir::new();
    let options = fan_tracker::app::AppOptions {
        data_dir: tmp.data_dir(),
        open_file: None,
    };
    let mut harness = crate::fixture::harness_builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            fan_tracker::shell::Shell::new(
                fan_tracker::app::App::new(options, Some(&cc.egui_ctx)),
                &cc.egui_ctx,
            )
        });
    crate::fixture::settle_suggestions(&mut harness);
    for node in open {
        crate::fixture::click(&mut harness, node);
    }
    harness.get_by_label(label).rect().center()
}

/// Clicks at `at` in `window` (focused first: there is no window manager).
fn click_at(xvfb: &Xvfb, window: &str, at: egui::Pos2) {
    xvfb.command("xdotool")
        .args(["windowfocus", "--sync", window])
        .status()
        .unwrap();
    let (x, y) = (at.x.round().to_string(), at.y.round().to_string());
    xvfb.command("xdotool")
        .args(["mousemove", "--window", window, &x, &y, "click", "1"])
        .status()
        .unwrap();
    std::thread::sleep(Duration::from_millis(400));
}

/// Clicks the field at `at`, selects its text and types `text` over it, as a person does.
fn replace_text_at(xvfb: &Xvfb, window: &str, at: egui::Pos2, text: &str) {
    click_at(xvfb, window, at);
    press(xvfb, window, "ctrl+a");
    type_text(xvfb, window, text);
}

/// Types `text` with xdotool, 120 ms a key, as a person types.
fn type_text(xvfb: &Xvfb, window: &str, text: &str) {
    xvfb.command("xdotool")
        .args(["windowfocus", "--sync", window])
        .status()
        .unwrap();
    xvfb.command("xdotool")
        .args(["type", "--delay", "120", text])
        .status()
        .unwrap();
}

#[test]
fn words_typed_in_the_real_window_keep_their_spaces_and_sigterm_saves_them() {
    if !tools_available() {
        return;
    }
    let header = fan_tracker::ui::tab_label(fan_tracker::ui::ToolTab::Show);
    let title = centre_of(fan_tracker::ui::SHOW_TITLE_LABEL, &[&header]);
    let original = centre_of("Original title", &[&header]);
    let header = centre_of(&header, &[]);
    let tmp = TempDir::new();
    let xvfb = Xvfb::start();
    let mut app = start_app(&xvfb, &tmp, None);
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-typing.png");
    screenshot_with_content(&xvfb, &shot);
    click_at(&xvfb, &window, header);
    replace_text_at(&xvfb, &window, title, "Harbor Lights");
    // The next field, clicked while the first still holds its draft. (Hangul keysyms typed
    // in the real window: see the test below; through an input method: `typing.rs`.)
    replace_text_at(&xvfb, &window, original, "Psycho but It's Okay");
    std::thread::sleep(Duration::from_millis(300));
    screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot of the typed fields: {}", shot.display());
    // Still in the field, mid-draft: SIGTERM closes the window, which commits and saves.
    let status = terminate(&mut app);
    assert!(status.success(), "exit status {status}");
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert_eq!(library.shows[0].title, "Harbor Lights");
    assert_eq!(
        library.shows[0].original_title.as_deref(),
        Some("Psycho but It's Okay")
    );
}

/// The visible "Fan Tracker" windows' X ids.
fn windows(xvfb: &Xvfb) -> Vec<String> {
    let output = xvfb
        .command("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Fan Tracker$"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The titles of the articles saved in `tmp`'s data folder, once `done` says they are all
/// there (within 30 s; the window saves about a second after a change).
fn saved_titles(tmp: &TempDir, done: impl Fn(&[String]) -> bool) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let titles: Vec<String> =
            fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json"))
                .map(|library| {
                    library
                        .articles()
                        .map(|a| a.article.title.clone())
                        .collect()
                })
                .unwrap_or_default();
        if done(&titles) || Instant::now() > deadline {
            return titles;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_second_launch_hands_its_files_to_the_open_window_and_exits() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let other = tmp.write(
        "other.md",
        "# Harbor Lights renewed\n\nThe network confirmed a second season of *Harbor Lights*.\n",
    );
    let second = tmp.write(
        "second.txt",
        "Casting news\nThe whole cast signed on again.\n",
    );
    let third = tmp.write("third.txt", "Teaser news\nA teaser came out.\n");
    let xvfb = Xvfb::start();
    let mut first = start_app(&xvfb, &tmp, None);
    wait_for_window(&xvfb, &mut first);

    let started = Instant::now();
    let mut launch = start_app(&xvfb, &tmp, Some(&other));
    let status = wait_exit(&mut launch, Duration::from_secs(10));
    eprintln!("the second launch exited after {:?}", started.elapsed());
    assert!(status.success(), "exit status {status}");
    // Two quick launches in a row, not waited for in between.
    let mut launches = [
        start_app(&xvfb, &tmp, Some(&second)),
        start_app(&xvfb, &tmp, Some(&third)),
    ];
    for launch in &mut launches {
        let status = wait_exit(launch, Duration::from_secs(10));
        assert!(status.success(), "exit status {status}");
    }
    assert_eq!(windows(&xvfb).len(), 1, "a second window opened");

    let titles = saved_titles(&tmp, |titles| titles.len() >= 4);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-handed-over.png");
    screenshot_with_content(&xvfb, &shot);
    eprintln!(
        "screenshot of the window after the hand-overs: {}",
        shot.display()
    );
    assert!(terminate(&mut first).success());
    for title in ["Harbor Lights renewed", "Casting news", "Teaser news"] {
        let count = titles.iter().filter(|t| *t == title).count();
        assert_eq!(count, 1, "{title} in {titles:?}");
    }
}

#[test]
fn after_a_crash_a_launch_opens_a_fresh_writable_window() {
    if !tools_available() {
        return;
    }
    let tmp = TempDir::new();
    let article = tmp.write(
        "news.txt",
        "Casting news\nThe whole cast signed on again.\n",
    );
    let xvfb = Xvfb::start();
    let mut crashed = start_app(&xvfb, &tmp, None);
    wait_for_window(&xvfb, &mut crashed);
    crashed.kill().unwrap();
    crashed.wait().unwrap();
    let socket = tmp
        .data_dir()
        .join(fan_tracker::shell::handoff::SOCKET_FILE);
    assert!(socket.exists(), "the killed window left its socket behind");

    let mut fresh = start_app(&xvfb, &tmp, Some(&article));
    wait_for_window(&xvfb, &mut fresh);
    // Writable: it saves the article it was given, and it listens in the crashed one's place.
    let titles = saved_titles(&tmp, |titles| titles.iter().any(|t| t == "Casting news"));
    assert!(titles.iter().any(|t| t == "Casting news"), "{titles:?}");
    assert_eq!(
        fan_tracker::shell::handoff::hand_over(&tmp.data_dir(), &[]),
        fan_tracker::shell::handoff::HandOff::Delivered
    );
    assert!(terminate(&mut fresh).success());
    assert!(!socket.exists(), "the socket goes with the window");
}

/// Gives each character of `text` that the keyboard map has no key for a spare key of its
/// own (its Unicode keysym, with xmodmap), so xdotool types it with that key.
///
/// Without it xdotool maps each such character to a spare key just before pressing it and
/// takes the map back right after; the window, reading the map when told it changed, may find
/// it already taken back, and the character is lost (a Hangul title typed that way lost a
/// syllable or two at random under Xvfb).
fn map_keys_for(xvfb: &Xvfb, text: &str) {
    let map = xvfb.command("xmodmap").arg("-pke").output().unwrap();
    let map = String::from_utf8_lossy(&map.stdout).into_owned();
    let spare = map.lines().filter_map(|line| {
        let (code, syms) = line.strip_prefix("keycode")?.split_once('=')?;
        syms.trim().is_empty().then(|| code.trim().to_owned())
    });
    let mut wanted: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut keys = spare.zip(&wanted).peekable();
    assert!(keys.peek().is_some() || wanted.is_empty(), "no spare key");
    let mut xmodmap = xvfb.command("xmodmap");
    let mut mapped = 0;
    for (code, c) in keys {
        xmodmap
            .arg("-e")
            .arg(format!("keycode {code} = U{:04X}", u32::from(*c)));
        mapped += 1;
    }
    assert_eq!(mapped, wanted.len(), "a spare key for each character");
    assert!(xmodmap.status().unwrap().success());
    // The window reads the new map when the server tells it of the change.
    std::thread::sleep(Duration::from_millis(500));
}

#[test]
fn hangul_typed_as_keysyms_in_the_real_window_lands_whole_and_sigterm_saves_it() {
    if !tools_present(&["Xvfb", "xdotool", "import", "convert", "xmodmap"]) {
        return;
    }
    let header = fan_tracker::ui::tab_label(fan_tracker::ui::ToolTab::Show);
    let original = centre_of("Original title", &[&header]);
    let header = centre_of(&header, &[]);
    // A title the library does not hold yet, with a space, typed as xdotool types.
    let typed = "항구의 불빛 괜찮아";
    let tmp = TempDir::new();
    let xvfb = Xvfb::start();
    map_keys_for(&xvfb, typed);
    let mut app = start_app(&xvfb, &tmp, None);
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-hangul-keysyms.png");
    screenshot_with_content(&xvfb, &shot);
    click_at(&xvfb, &window, header);
    replace_text_at(&xvfb, &window, original, typed);
    std::thread::sleep(Duration::from_millis(300));
    screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot of the typed field: {}", shot.display());
    let status = terminate(&mut app);
    assert!(status.success(), "exit status {status}");
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert_eq!(library.shows[0].original_title.as_deref(), Some(typed));
}

#[test]
fn a_paste_half_typed_in_the_real_window_is_kept_through_sigterm() {
    if !tools_present(&["Xvfb", "xdotool", "import", "convert", "xmodmap"]) {
        return;
    }
    let paste = centre_of("Paste article…", &[]);
    let text = centre_of("Article text", &["Paste article…"]);
    let typed = "Season two 항구의 불빛";
    let tmp = TempDir::new();
    let xvfb = Xvfb::start();
    map_keys_for(&xvfb, typed);
    let mut app = start_app(&xvfb, &tmp, None);
    let window = wait_for_window(&xvfb, &mut app);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-window-paste-typed.png");
    screenshot_with_content(&xvfb, &shot);
    click_at(&xvfb, &window, paste);
    click_at(&xvfb, &window, text);
    type_text(&xvfb, &window, typed);
    std::thread::sleep(Duration::from_millis(300));
    screenshot_with_content(&xvfb, &shot);
    eprintln!("screenshot of the paste window: {}", shot.display());
    let status = terminate(&mut app);
    assert!(status.success(), "exit status {status}");
    let state = fan_tracker::shell::UiState::read(&tmp.data_dir())
        .unwrap()
        .expect("ui-state.json written");
    assert_eq!(state.paste.as_deref(), Some(typed));
    let library =
        fan_tracker::storage::Store::read_library(&tmp.data_dir().join("library.json")).unwrap();
    assert_eq!(library.shows.len(), 1, "nothing imported unasked");
}
