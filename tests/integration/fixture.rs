//! Shared test fixtures: a temporary data folder and a UI harness on it.

use fan_tracker::shell::Shell;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, AppOptions};
use fan_tracker::model::{ArticleEntry, Show};

/// A temporary folder removed at the end of the test.
pub struct TempDir {
    dir: tempfile::TempDir,
}

impl TempDir {
    /// A new empty folder.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("create temp dir"),
        }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The data folder inside it.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Writes `contents` to `name` inside it and returns the path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write test file");
        path
    }
}

/// The app in a UI harness on `data_dir`, opening `file` if given, once the open article's
/// suggestions are computed (they are computed on another thread; waiting keeps what the
/// tests see and what is saved the same from run to run).
pub fn launch(data_dir: &Path, file: Option<PathBuf>) -> Harness<'static, Shell> {
    let mut harness = build(data_dir, file);
    settle_suggestions(&mut harness);
    harness
}

/// Runs frames until the open article's suggestions are computed and shown (at most 30 s).
pub fn settle_suggestions(harness: &mut Harness<'static, Shell>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !harness.state().suggestions_settled() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    assert!(
        harness.state().suggestions_settled(),
        "suggestions computed within 30 s"
    );
    harness.run();
}

/// The app in a UI harness on `data_dir`, opening `file` if given, once its first frames are
/// drawn, without waiting for anything else.
pub fn build(data_dir: &Path, file: Option<PathBuf>) -> Harness<'static, Shell> {
    let options = AppOptions {
        data_dir: data_dir.to_owned(),
        open_file: file,
    };
    start(move |ctx| App::new(options, Some(ctx)))
}

/// The app built by `build` in a UI harness, once the open article's suggestions are computed
/// (see [`launch`]).
pub fn launch_with(build: impl FnOnce(&egui::Context) -> App + 'static) -> Harness<'static, Shell> {
    let mut harness = start(build);
    settle_suggestions(&mut harness);
    harness
}

/// The app built by `build` in a UI harness, with the Korean font installed and a missing
/// glyph failing the test, once its first frames are drawn and the articles being opened
/// have arrived.
fn start(build: impl FnOnce(&egui::Context) -> App + 'static) -> Harness<'static, Shell> {
    let mut harness = harness_builder().build_eframe(move |cc| {
        let mut app = build(&cc.egui_ctx);
        // Each frame waits for the jobs it started, so a test sees a click's whole outcome
        // after `run()` (the frame-time benchmark measures the real, non-waiting window).
        app.wait_for_jobs(true);
        Shell::new(app, &cc.egui_ctx)
    });
    harness.run();
    settle(&mut harness);
    harness
}

/// A harness builder as the tests need it: the window's size, the Korean font the real app
/// finds through the system font provider (which kittest does not install), and kittest's
/// default policy of panicking on a glyph no font has, so Hangul drawn as boxes fails.
pub fn harness_builder() -> egui_kittest::HarnessBuilder<Shell> {
    let font = korean_font();
    Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(32)
        .with_context_setup(move |ctx| install_korean_font(ctx, font.clone()))
}

/// Adds `font` as the last fallback of the proportional family, as the system font provider
/// does in the real app when a glyph is missing.
pub fn install_korean_font(ctx: &egui::Context, font: Vec<u8>) {
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "korean",
        egui::FontData::from_owned(font),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
}

/// Where Debian's fonts-nanum puts its regular font.
pub const KOREAN_FONT: &str = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

/// The Korean font the real app finds through the system (Debian's fonts-nanum, which
/// `.ci/run` installs). Without it the UI tests fail: Hangul would be drawn as boxes.
pub fn korean_font() -> Vec<u8> {
    std::fs::read(KOREAN_FONT).unwrap_or_else(|e| {
        panic!("the Korean font {KOREAN_FONT} is missing ({e}); install fonts-nanum")
    })
}

/// Asks the window to close, as the window's close button (or Ctrl+Q) does, and runs one
/// frame; returns the viewport commands that frame sent. eframe closes the window unless one
/// of them is [`egui::ViewportCommand::CancelClose`].
pub fn request_close(harness: &mut Harness<'static, Shell>) -> Vec<egui::ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    frame_commands(harness)
}

/// The viewport commands the last frame sent.
pub fn frame_commands(harness: &Harness<'static, Shell>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Steps the harness (a frame every 50 ms) until `done`, failing after 15 s.
pub fn step_until(harness: &mut Harness<'static, Shell>, what: &str, done: impl Fn(&App) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !done(harness.state()) {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
}

/// Lets articles being opened on the import thread arrive, then lets the app settle.
pub fn settle(harness: &mut Harness<'static, Shell>) {
    harness.state_mut().finish_imports_blocking();
    harness.run();
}

/// Saves everything and closes the app, as closing the window does.
pub fn close(harness: Harness<'static, Shell>) {
    let mut app = harness.into_state();
    app.shutdown();
    assert!(
        app.is_saved(),
        "everything was saved on close: {:?}",
        app.status()
    );
}

/// Shows the tools tab `tab` by clicking it, as a fan would.
pub fn open_tab(harness: &mut Harness<'static, Shell>, tab: fan_tracker::ui::ToolTab) {
    harness
        .get_by_label(&fan_tracker::ui::tab_label(tab))
        .click();
    harness.run();
}

/// Brings the node labelled `label` on screen: when the tab on show does not have it, looks
/// in each tools tab in turn, as a fan would (the node is then found as usual).
pub fn reveal(harness: &mut Harness<'static, Shell>, label: &str) {
    for tab in fan_tracker::ui::ToolTab::ALL {
        if harness.query_by_label(label).is_some() {
            return;
        }
        if harness
            .query_by_label(&fan_tracker::ui::tab_label(tab))
            .is_some()
        {
            open_tab(harness, tab);
        }
    }
}

/// Clicks the node labelled exactly `label` (in whichever tools tab has it) and lets the app
/// settle.
pub fn click(harness: &mut Harness<'static, Shell>, label: &str) {
    reveal(harness, label);
    // Scrolled into view first, as a fan scrolls to what they click (a pointer click lands
    // on what is drawn at that spot).
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// The first node whose value (a text field's text) contains `needle`.
pub fn value_containing<'t>(
    harness: &'t Harness<'static, Shell>,
    needle: &'t str,
) -> Option<egui_kittest::Node<'t>> {
    harness
        .query_all_by(move |node| node.value().is_some_and(|v| v.contains(needle)))
        .next()
}

/// Focuses the field labelled `label` and types `text` into it in one event, as a paste or a
/// fast typist's burst arrives (see `typing.rs` for key-by-key typing and input methods). In a
/// field of saved data it stays a draft until the field is left (see [`leave_field`]).
pub fn type_into(harness: &mut Harness<'static, Shell>, label: &str, text: &str) {
    reveal(harness, label);
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Leaves the focused text field with Escape, as a fan does: what was typed into a field of
/// saved data is committed (the rename field takes it back instead: end it with Enter).
pub fn leave_field(harness: &mut Harness<'static, Shell>) {
    harness.key_press(egui::Key::Escape);
    harness.run();
}

/// Runs one test of this binary again in a child process, with `env` set, so a test can act
/// as its own helper process (a saver to kill, a second instance holding the lock).
pub fn rerun_self(test: &str, env: (&str, &Path)) -> std::process::Command {
    let mut command =
        std::process::Command::new(std::env::current_exe().expect("test binary path"));
    command
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(env.0, env.1);
    command
}

/// The value of `name` when this process is a helper started by [`rerun_self`].
pub fn helper_role(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(PathBuf::from)
}

/// The files in `dir` whose names start with `prefix`, sorted.
pub fn files_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

/// The show on screen.
pub fn open_show<'h>(harness: &'h Harness<'static, Shell>) -> &'h Show {
    harness.state().open_show().expect("a show is open")
}

/// The article on screen.
pub fn open_entry<'h>(harness: &'h Harness<'static, Shell>) -> &'h ArticleEntry {
    harness
        .state()
        .open_article()
        .expect("an article is open")
        .1
}

/// The built-in show's first thread.
pub const RENEWAL: &str = "Renewal: will a second season be confirmed at all?";
/// The built-in show's last thread.
pub const CAST: &str = "Would the original cast come back to their roles?";

/// The AccessKit label of the "resolved" checkbox of the thread titled `title`.
pub fn resolved_checkbox(title: &str) -> String {
    format!("Resolved: {title}")
}

/// Presses the primary button at `from`, moves to `to` and releases there, a frame apart, as
/// a hand would (from == to is a click).
pub fn drag(harness: &mut Harness<'static, Shell>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
}

/// Presses Ctrl (Cmd on macOS) + `key` in one frame and returns the viewport commands that
/// frame sent.
pub fn shortcut(
    harness: &mut Harness<'static, Shell>,
    key: egui::Key,
) -> Vec<egui::ViewportCommand> {
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        });
    }
    harness.step();
    frame_commands(harness)
}

/// Steps the harness (a frame every 50 ms) until a frame asks to close the window, failing
/// after 15 s. Every frame is looked at, so a quit sent in any of them is seen.
pub fn step_until_quit(harness: &mut Harness<'static, Shell>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        harness.step();
        if frame_commands(harness).contains(&egui::ViewportCommand::Close) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for the window to close"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
