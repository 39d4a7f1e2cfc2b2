//! Fan Tracker as a desktop app: its menu entry and AppStream metainfo validate and name the
//! app id, `scripts/install.sh` installs into a prefix and `--uninstall` leaves nothing behind,
//! the icons are the sizes their names say, the data folder stays where it always was, and the
//! `.deb` installs and launches.
//!
//! Validation needs `desktop-file-validate` (desktop-file-utils) and `appstreamcli` (appstream).
//! Without them the test says so and passes, unless `FAN_TRACKER_REQUIRE_DISPLAY=1` (set by
//! `.ci/run`, which installs them), where a missing tool is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fan_tracker::shell::APP_ID;

use crate::fixture::TempDir;
use crate::real_window::{Xvfb, terminate, tools_available, wait_for_window};

/// The icon sizes installed, in pixels.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn desktop_file() -> PathBuf {
    repo(&format!("packaging/{APP_ID}.desktop"))
}

fn metainfo_file() -> PathBuf {
    repo(&format!("packaging/{APP_ID}.metainfo.xml"))
}

/// Whether `tool` is on the PATH; panics in CI (`FAN_TRACKER_REQUIRE_DISPLAY=1`) when not.
fn tool_available(tool: &str, package: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    let required = std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1");
    assert!(!required, "missing {tool} (Debian package {package})");
    eprintln!("SKIPPED: needs {tool} (install the Debian package {package})");
    false
}

#[test]
fn the_desktop_file_validates_and_opens_articles() {
    let text = std::fs::read_to_string(desktop_file()).unwrap();
    let line = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}= in the .desktop file"))
            .to_owned()
    };
    assert_eq!(line("Icon"), APP_ID);
    assert_eq!(line("StartupWMClass"), APP_ID);
    assert_eq!(line("Exec"), "fan-tracker %F");
    let types: Vec<String> = line("MimeType")
        .split(';')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(types, ["text/plain", "text/markdown", "text/html"]);
    if !tool_available("desktop-file-validate", "desktop-file-utils") {
        return;
    }
    let output = Command::new("desktop-file-validate")
        .arg(desktop_file())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && said.trim().is_empty(), "{said}");
}

#[test]
fn the_metainfo_validates_and_names_the_app() {
    let text = std::fs::read_to_string(metainfo_file()).unwrap();
    assert!(text.contains(&format!("<id>{APP_ID}</id>")), "{text}");
    assert!(
        text.contains(&format!(
            "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
        )),
        "{text}"
    );
    for part in [
        "<screenshot ",
        "<release version=",
        "<content_rating type=\"oars-1.1\"",
    ] {
        assert!(text.contains(part), "no {part} in the metainfo");
    }
    let version = format!("<release version=\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&version), "no release notes for this version");
    if !tool_available("appstreamcli", "appstream") {
        return;
    }
    // --no-net: the screenshot's and home page's addresses are not fetched (CI may be offline).
    let output = Command::new("appstreamcli")
        .args(["validate", "--no-net"])
        .arg(metainfo_file())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is no PNG",
        path.display()
    );
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn each_icon_is_the_size_its_name_says() {
    for size in ICON_SIZES {
        let path = repo(&format!("assets/icon/fan-tracker-{size}.png"));
        assert_eq!(png_size(&path), (size, size), "{}", path.display());
    }
    let svg = std::fs::read_to_string(repo("assets/icon/fan-tracker.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("viewBox=\"0 0 128 128\""));
}

/// Every file under `dir`, relative to it, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            found.push(path.strip_prefix(dir).unwrap().display().to_string());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    found.sort();
    found
}

fn install_sh(prefix: &Path, more: &[&str]) -> std::process::Output {
    Command::new(repo("scripts/install.sh"))
        .arg("--prefix")
        .arg(prefix)
        .args(more)
        .output()
        .unwrap()
}

#[test]
fn install_sh_puts_everything_in_place_and_uninstall_removes_exactly_that() {
    let tmp = TempDir::new();
    let prefix = tmp.path().join("prefix");
    // Something of another app's in the same folders stays.
    std::fs::create_dir_all(prefix.join("share/applications")).unwrap();
    std::fs::write(prefix.join("share/applications/other.desktop"), "x").unwrap();
    let before = tree(&prefix);

    let output = install_sh(&prefix, &["--binary", env!("CARGO_BIN_EXE_fan-tracker")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let installed = tree(&prefix);
    let mut expected = vec![
        "bin/fan-tracker".to_owned(),
        format!("share/applications/{APP_ID}.desktop"),
        format!("share/metainfo/{APP_ID}.metainfo.xml"),
        format!("share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
    ];
    expected.extend(
        ICON_SIZES.map(|size| format!("share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png")),
    );
    for file in &expected {
        assert!(installed.contains(file), "{file} not in {installed:#?}");
    }
    // The installed menu entry starts the installed program by its path.
    let entry =
        std::fs::read_to_string(prefix.join(format!("share/applications/{APP_ID}.desktop")))
            .unwrap();
    let exec = format!("Exec=\"{}\" %F", prefix.join("bin/fan-tracker").display());
    assert_eq!(
        entry,
        std::fs::read_to_string(desktop_file())
            .unwrap()
            .replace("Exec=fan-tracker %F", &exec)
    );
    if tool_available("desktop-file-validate", "desktop-file-utils") {
        let installed = prefix.join(format!("share/applications/{APP_ID}.desktop"));
        let output = Command::new("desktop-file-validate")
            .arg(&installed)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    }
    let version = Command::new(prefix.join("bin/fan-tracker"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(version.status.success());

    // Installing again is fine, and uninstalling still leaves only what was there before.
    assert!(
        install_sh(&prefix, &["--binary", env!("CARGO_BIN_EXE_fan-tracker")])
            .status
            .success()
    );
    let output = install_sh(&prefix, &["--uninstall"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(tree(&prefix), before);
    // Nothing more to uninstall: said, and a failure.
    assert!(!install_sh(&prefix, &["--uninstall"]).status.success());
}

#[test]
fn the_data_folder_stays_in_the_platforms_data_folder_under_its_old_name() {
    // The app id is new; the data folder is not derived from it and has not moved.
    let tmp = TempDir::new();
    let home = tmp.path().join("home");
    let data = home.join(".local/share/fan-tracker");
    std::fs::create_dir_all(&data).unwrap();
    let mut library = fan_tracker::model::Library::default();
    let show = fan_tracker::model::ShowId(library.allocate_id());
    library.shows.push(fan_tracker::model::Show::new(
        show,
        "Only in the old data folder",
    ));
    let mut opened = fan_tracker::storage::Store::open(&data).unwrap();
    opened
        .store
        .save(&fan_tracker::storage::SaveRequest::new(library))
        .unwrap();
    drop(opened);
    let out = tmp.path().join("export.json");
    let output = Command::new(env!("CARGO_BIN_EXE_fan-tracker"))
        .env("HOME", &home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("FAN_TRACKER_DATA_DIR")
        .args(["export", "--json"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        exported.to_string().contains("Only in the old data folder"),
        "{exported}"
    );
    // Only the library's own folder is there: nothing under the app id.
    let share = tree(&home.join(".local/share"));
    assert!(share.iter().all(|p| !p.contains(APP_ID)), "{share:?}");
}

/// The `.deb` that `cargo deb` builds (see README) installs with `dpkg -i`, and the installed
/// program opens its window under Xvfb and quits on SIGTERM; it is removed again after.
///
/// Needs cargo-deb (`cargo install cargo-deb`, which `.ci/run` installs), root for dpkg, and
/// the real-window tools; outside CI, without cargo-deb or root the test says so and passes; in
/// CI (`FAN_TRACKER_REQUIRE_DISPLAY=1`) a missing cargo-deb fails it.
#[test]
fn the_deb_installs_and_launches() {
    let has_cargo_deb = Command::new("cargo")
        .args(["deb", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_cargo_deb {
        let required = std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1");
        assert!(!required, "missing cargo-deb (cargo install cargo-deb)");
        eprintln!("SKIPPED: the .deb test needs cargo-deb (cargo install cargo-deb)");
        return;
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    if !root {
        eprintln!("SKIPPED: the .deb test installs with dpkg -i, which needs root");
        return;
    }
    if !tools_available() || !tool_available("dpkg", "dpkg") {
        return;
    }
    let installed_before = Command::new("dpkg")
        .args(["-s", "fan-tracker"])
        .output()
        .is_ok_and(|o| o.status.success());
    if installed_before {
        eprintln!("SKIPPED: a fan-tracker package is installed here; the test leaves it alone");
        return;
    }
    let tmp = TempDir::new();
    let deb = tmp.path().join("fan-tracker.deb");
    // The binary the tests run, packed without building again: put where `cargo deb` looks
    // for the release binary, in a target folder of the test's own (so the real release
    // folder is never given a debug binary), and stripped as `cargo deb` does.
    let target = tmp.path().join("target");
    std::fs::create_dir_all(target.join("release")).unwrap();
    std::fs::copy(
        env!("CARGO_BIN_EXE_fan-tracker"),
        target.join("release/fan-tracker"),
    )
    .unwrap();
    let output = Command::new("cargo")
        .args(["deb", "--no-build", "--fast"])
        .arg("--manifest-path")
        .arg(repo("Cargo.toml"))
        .arg("--output")
        .arg(&deb)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo deb failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let install = Command::new("dpkg").arg("-i").arg(&deb).output().unwrap();
    assert!(
        install.status.success(),
        "dpkg -i failed: {}",
        String::from_utf8_lossy(&install.stderr)
    );
    let launched = launch_installed(&tmp);
    let removed = Command::new("dpkg")
        .args(["-r", "fan-tracker"])
        .output()
        .unwrap();
    launched.unwrap_or_else(|why| panic!("{why}"));
    assert!(removed.status.success(), "dpkg -r failed");
    assert!(!Path::new("/usr/bin/fan-tracker").exists());
}

/// Starts the installed `/usr/bin/fan-tracker` under Xvfb until its window shows, then stops
/// it with SIGTERM; the files dpkg installed are checked on the way.
fn launch_installed(tmp: &TempDir) -> Result<(), String> {
    for file in [
        format!("/usr/share/applications/{APP_ID}.desktop"),
        format!("/usr/share/metainfo/{APP_ID}.metainfo.xml"),
        format!("/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png"),
    ] {
        if !Path::new(&file).exists() {
            return Err(format!("the .deb did not install {file}"));
        }
    }
    let xvfb = Xvfb::start();
    let runtime = tmp.path().join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut app = xvfb
        .command("/usr/bin/fan-tracker")
        .arg("--data-dir")
        .arg(tmp.data_dir())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start /usr/bin/fan-tracker: {e}"))?;
    wait_for_window(&xvfb, &mut app);
    let status = terminate(&mut app);
    if status.success() {
        Ok(())
    } else {
        Err(format!("the installed program exited with {status}"))
    }
}

/// Opens the Help menu and clicks `entry` (whose label may end with its shortcut).
fn help(harness: &mut egui_kittest::Harness<'static, fan_tracker::shell::Shell>, entry: &str) {
    use egui_kittest::kittest::{By, Queryable as _};
    harness.get_by_label("Help").click();
    harness.run();
    harness.get(By::new().label_contains(entry)).click();
    harness.run();
}

#[test]
fn help_about_names_the_version_licence_and_data_folder() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = TempDir::new();
    let mut harness = crate::fixture::launch(&tmp.data_dir(), None);
    help(&mut harness, "About Fan Tracker");
    harness.get_by_label(&format!("Fan Tracker {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label("Licence: MIT OR Apache-2.0");
    harness.get_by_label(&tmp.data_dir().display().to_string());
    harness.get_by_label("Open the data folder");
}

#[test]
fn help_keyboard_shortcuts_lists_them() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = TempDir::new();
    let mut harness = crate::fixture::launch(&tmp.data_dir(), None);
    help(&mut harness, "Keyboard shortcuts");
    harness.get_by_label("Open an article from a file");
    harness.get_by_label("Undo the last change (outside a text field)");
    harness.get_by_label("Quit");
}

#[test]
fn report_a_problem_copies_the_version_and_system_to_the_clipboard() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = TempDir::new();
    let mut harness = crate::fixture::launch(&tmp.data_dir(), None);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Report a problem…").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let report = copied.first().expect("the report was copied");
    assert!(
        report.starts_with(&format!(
            "Fan Tracker {}\nSystem: ",
            env!("CARGO_PKG_VERSION")
        )),
        "{report}"
    );
    assert!(
        report.contains(&tmp.data_dir().display().to_string()),
        "{report}"
    );
    harness.run();
    harness.get_by_label_contains("copied to the clipboard");
}
