//! Shared test fixtures: a temporary data folder and a UI harness on it.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fan_tracker::app::{App, AppOptions};

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
pub fn launch(data_dir: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    let mut harness = build(data_dir, file);
    settle_suggestions(&mut harness);
    harness
}

/// Runs frames until the open article's suggestions are computed and shown (at most 30 s).
pub fn settle_suggestions(harness: &mut Harness<'static, App>) {
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
pub fn build(data_dir: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    let options = AppOptions {
        data_dir: data_dir.to_owned(),
        open_file: file,
    };
    let mut builder = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(32);
    match korean_font() {
        Some(font) => {
            builder = builder.with_context_setup(move |ctx| {
                ctx.add_font(egui::epaint::text::FontInsert::new(
                    "korean",
                    egui::FontData::from_owned(font),
                    vec![egui::epaint::text::InsertFontFamily {
                        family: egui::FontFamily::Proportional,
                        priority: egui::epaint::text::FontPriority::Lowest,
                    }],
                ));
            });
        }
        None => builder = builder.allow_missing_glyphs(),
    }
    builder.build_eframe(move |cc| App::new(options, Some(&cc.egui_ctx)))
}

/// Saves everything and closes the app, as closing the window does.
pub fn close(harness: Harness<'static, App>) {
    let mut app = harness.into_state();
    app.shutdown();
    assert!(
        app.is_saved(),
        "everything was saved on close: {:?}",
        app.status()
    );
}

/// Clicks the node labelled exactly `label` and lets the app settle.
pub fn click(harness: &mut Harness<'static, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The first node whose value (a text field's text) contains `needle`.
pub fn value_containing<'t>(
    harness: &'t Harness<'static, App>,
    needle: &'t str,
) -> Option<egui_kittest::Node<'t>> {
    harness
        .query_all_by(move |node| node.value().is_some_and(|v| v.contains(needle)))
        .next()
}

/// The Korean font the real app finds through the system (Debian's fonts-nanum). The headless
/// harness has no system fonts, so tests add it themselves; without it Hangul shows as boxes
/// (and CI, which installs the font, fails instead).
fn korean_font() -> Option<Vec<u8>> {
    let font = std::fs::read("/usr/share/fonts/truetype/nanum/NanumGothic.ttf").ok();
    if font.is_none() {
        let required = std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1");
        assert!(!required, "fonts-nanum is not installed");
    }
    font
}

/// Focuses the field labelled `label` and types `text` into it, as a user would.
pub fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
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

/// The default dossier's first thread.
pub const RENEWAL: &str = "Renewal: will a second season be confirmed at all?";
/// The default dossier's last thread.
pub const CAST: &str = "Would the original cast come back to their roles?";

/// The AccessKit label of the "resolved" checkbox of the thread titled `title`.
pub fn resolved_checkbox(title: &str) -> String {
    format!("Resolved: {title}")
}

/// Presses the primary button at `from`, moves to `to` and releases there, a frame apart, as
/// a hand would (from == to is a click).
pub fn drag(harness: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.run();
}
