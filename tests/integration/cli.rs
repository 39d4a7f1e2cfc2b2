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

/// `fan-tracker suggest FILE --json` on an evaluation article.
fn suggest_json(file: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let output = fan_tracker()
        .args(["suggest", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn suggest_json_is_an_array_of_titles_and_passages_in_article_order() {
    let path = "tests/eval/01-okay-renewal.md";
    let value = suggest_json(path);
    let source =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap();
    let suggestions = value.as_array().expect("a JSON array");
    assert!(suggestions.len() >= 2, "{value:#}");
    for suggestion in suggestions {
        let object = suggestion.as_object().expect("an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["passages", "title"]);
        let title = object["title"].as_str().expect("a string title");
        assert!(title.ends_with('?'), "{title}");
        let passages = object["passages"].as_array().expect("an array of passages");
        assert!(!passages.is_empty());
        let mut last = 0;
        for passage in passages {
            let passage = passage.as_str().expect("a string passage");
            // Full sentences of the article, in article order.
            let at = source
                .find(passage)
                .unwrap_or_else(|| panic!("not in the article: {passage}"));
            assert!(at >= last, "out of order: {passage}");
            last = at;
        }
    }
    let titles: Vec<&str> = suggestions
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(titles.contains(&"Will the show be renewed?"), "{titles:?}");
}

#[test]
fn suggest_on_a_settled_article_prints_an_empty_array() {
    assert_eq!(
        suggest_json("tests/eval/07-moonlit-settled.md"),
        serde_json::json!([])
    );
}

#[test]
fn suggest_prints_a_list_for_people() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/06-okay-korean.md");
    let output = fan_tracker().arg("suggest").arg(&path).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("Open questions in \"사이코지만 괜찮아 시즌2, 나올 수 있을까\""),
        "{text}"
    );
    assert!(text.contains("\n1. "), "{text}");
    assert!(text.contains("   * "), "{text}");
}

#[test]
fn suggest_on_a_binary_file_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picture.png");
    std::fs::write(
        &path,
        [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe,
        ],
    )
    .unwrap();
    let output = fan_tracker().arg("suggest").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("Could not open"), "{text}");
    assert!(text.contains("picture.png"), "{text}");
    assert!(text.contains("PNG image, not text"), "{text}");
}

#[test]
fn suggest_on_a_missing_file_fails_with_a_message() {
    let output = fan_tracker()
        .args(["suggest", "/no/such/article.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("Could not open /no/such/article.md"),
        "{text}"
    );
}
