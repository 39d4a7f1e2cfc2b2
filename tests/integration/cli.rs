//! `fan-tracker --help` and `--version` follow the usual conventions.

use std::process::Command;

fn fan_tracker() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fan-tracker"))
}

#[test]
fn help_describes_usage_and_options() {
    let output = fan_tracker().arg("--help").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Usage: fan-tracker [OPTIONS] [FILE]"),
        "{text}"
    );
    assert!(text.contains("--data-dir <DIR>"), "{text}");
    assert!(text.contains("-V, --version"), "{text}");
}

#[test]
fn version_prints_name_and_version() {
    let output = fan_tracker().arg("--version").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text.trim(),
        format!("fan-tracker {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_option_fails_with_a_message() {
    let output = fan_tracker().arg("--no-such-flag").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("unexpected argument '--no-such-flag'"),
        "{text}"
    );
}
