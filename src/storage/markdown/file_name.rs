//! File names for exported shows that every common system accepts (issue 20, item 4).
//!
//! The rules, from Microsoft's "Naming Files, Paths, and Namespaces" (the strictest of the
//! three systems) and Obsidian's own link syntax:
//! - none of `< > : " / \ | ? *`, no control character (forbidden on Windows; `/` everywhere);
//! - none of `# ^ [ ]` either: Obsidian cannot link to a note whose name holds them;
//! - no trailing dot or space (Windows drops them), no leading dot (a hidden file on Linux and
//!   macOS, which Obsidian does not list);
//! - not a device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, also with
//!   superscript digits), in any case and before any extension (`con.md` is the device too);
//! - short enough: at most [`MAX_STEM_BYTES`] bytes of UTF-8, cut between grapheme clusters,
//!   which stays under the 255-byte (Linux) and 255-UTF-16-unit (Windows, macOS) limits with
//!   room for a ` (2)` and `.md`;
//! - NFC-normalised (so a Hangul title decomposed by macOS and one typed elsewhere are one
//!   name); every other character, Hangul included, is kept as it is.
//!
//! Two shows whose names clash on a case-insensitive system (Windows, macOS) get distinct
//! names: the second is `Name (2)`, the third `Name (3)`, in library order.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization as _;
use unicode_segmentation::UnicodeSegmentation as _;

/// The longest file name stem, in bytes of UTF-8 (before ` (n)` and `.md`).
pub const MAX_STEM_BYTES: usize = 120;

/// The stem given to a show whose title leaves nothing usable.
pub const UNTITLED: &str = "Untitled show";

/// Characters no exported file name holds: forbidden on Windows, or breaking Obsidian links.
const FORBIDDEN: &[char] = &[
    '<', '>', ':', '"', '/', '\\', '|', '?', '*', '#', '^', '[', ']',
];

/// Windows device names (compared without case, before the first dot).
const DEVICE_NAMES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$",
];

/// A file name stem (no extension) for a show titled `title`, safe on Windows, macOS and
/// Linux by the rules of this module: forbidden characters and control characters become
/// `_`, runs of white space one space, leading dots and spaces and trailing dots and spaces
/// are dropped, a device name gets a `_` after it, a long one is cut to [`MAX_STEM_BYTES`];
/// [`UNTITLED`] when nothing is left.
pub fn safe_file_stem(title: &str) -> String {
    let normalised: String = title.nfc().collect();
    let spaced = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned: String = spaced
        .chars()
        .map(|c| {
            if FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut stem = trim_ends(&cut(&cleaned, MAX_STEM_BYTES - 1)).to_owned();
    if stem.is_empty() {
        return UNTITLED.to_owned();
    }
    if is_device_name(&stem) {
        stem.insert(device_base(&stem).len(), '_');
    }
    stem
}

/// `text` without leading dots and white space, nor trailing dots and white space.
fn trim_ends(text: &str) -> &str {
    text.trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
}

/// The longest run of whole grapheme clusters at the start of `text` of at most `max` bytes.
fn cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        if out.len() + grapheme.len() > max {
            break;
        }
        out.push_str(grapheme);
    }
    out
}

/// The part of `stem` Windows compares with device names: up to the first dot, without the
/// white space before it.
fn device_base(stem: &str) -> &str {
    stem.split('.').next().unwrap_or(stem).trim_end()
}

/// Whether Windows takes a file named `stem` (with any extension) for a device.
fn is_device_name(stem: &str) -> bool {
    let base = device_base(stem).to_lowercase();
    DEVICE_NAMES.iter().any(|d| d.to_lowercase() == base)
}

/// A distinct, safe file name (`stem.md`) for each of `titles`, in order: each
/// [`safe_file_stem`], with ` (2)`, ` (3)`, … after a stem already taken, compared without
/// case (as Windows and macOS do).
pub fn unique_file_names<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    titles
        .into_iter()
        .map(|title| {
            let stem = safe_file_stem(title);
            let name = (1..)
                .map(|n| {
                    if n == 1 {
                        format!("{stem}.md")
                    } else {
                        format!("{stem} ({n}).md")
                    }
                })
                .find(|name| !taken.contains(&name.to_lowercase()))
                .unwrap_or_else(|| format!("{stem}.md"));
            taken.insert(name.to_lowercase());
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forbidden_and_control_characters_become_underscores() {
        assert_eq!(
            safe_file_stem("Mr. Sunshine: Part 1/2?"),
            "Mr. Sunshine_ Part 1_2_"
        );
        assert_eq!(safe_file_stem("a<b>c\"d\\e|f*g"), "a_b_c_d_e_f_g");
        assert_eq!(safe_file_stem("tab\there\u{7}bell"), "tab here_bell");
        assert_eq!(safe_file_stem("#1 [draft] ^x"), "_1 _draft_ _x");
    }

    #[test]
    fn hangul_is_kept_and_made_nfc() {
        assert_eq!(safe_file_stem("사이코지만 괜찮아"), "사이코지만 괜찮아");
        let decomposed: String = "괜찮아".nfd().collect();
        assert_eq!(safe_file_stem(&decomposed), "괜찮아");
    }

    #[test]
    fn trailing_dots_and_spaces_and_leading_dots_are_dropped() {
        assert_eq!(safe_file_stem("  Coming soon... "), "Coming soon");
        assert_eq!(safe_file_stem(".hidden"), "hidden");
        assert_eq!(safe_file_stem(" . . "), UNTITLED);
        assert_eq!(safe_file_stem(""), UNTITLED);
        assert_eq!(safe_file_stem("///"), "___");
    }

    #[test]
    fn device_names_are_changed_in_any_case_and_with_an_extension() {
        for name in [
            "CON",
            "con",
            "Nul",
            "com1",
            "LPT9",
            "aux.notes",
            "COM¹",
            "prn ",
        ] {
            let stem = safe_file_stem(name);
            assert!(!is_device_name(&stem), "{name} → {stem}");
            assert!(device_base(&stem).ends_with('_'), "{name} → {stem}");
        }
        assert_eq!(safe_file_stem("Console"), "Console");
        assert_eq!(safe_file_stem("COM10"), "COM10");
        assert_eq!(safe_file_stem("aux.notes"), "aux_.notes");
    }

    #[test]
    fn long_titles_are_cut_between_graphemes() {
        let stem = safe_file_stem(&"괜".repeat(200));
        assert!(stem.len() <= MAX_STEM_BYTES);
        assert_eq!(stem, "괜".repeat(39));
        let flags = "🇰🇷".repeat(100);
        let stem = safe_file_stem(&flags);
        assert!(stem.len() <= MAX_STEM_BYTES);
        assert_eq!(stem.len() % "🇰🇷".len(), 0, "no flag split in half");
    }

    #[test]
    fn clashing_names_get_numbers_without_regard_to_case() {
        let names = unique_file_names(["Signal", "signal", "Signal?", "Signal_", "Other"]);
        assert_eq!(
            names,
            [
                "Signal.md",
                "signal (2).md",
                "Signal_.md",
                "Signal_ (2).md",
                "Other.md"
            ]
        );
    }

    proptest! {
        #[test]
        fn any_title_gives_a_safe_distinct_name(titles in prop::collection::vec(any::<String>(), 1..6)) {
            let names = unique_file_names(titles.iter().map(String::as_str));
            let lower: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
            prop_assert_eq!(lower.len(), names.len(), "distinct: {:?}", names);
            for name in &names {
                let stem = name.strip_suffix(".md").unwrap();
                prop_assert!(!stem.is_empty());
                prop_assert!(name.len() <= 250, "{}", name);
                prop_assert!(!name.contains(FORBIDDEN), "{}", name);
                prop_assert!(!name.chars().any(char::is_control), "{}", name);
                prop_assert!(!stem.ends_with(['.', ' ']), "{}", name);
                prop_assert!(!stem.starts_with(['.', ' ']), "{}", name);
                prop_assert!(!is_device_name(stem), "{}", name);
            }
        }
    }
}
