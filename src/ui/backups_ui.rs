//! How a backup is named in the *Restore a backup* window: when it was made, in words and in
//! the fan's time zone ("Today at 21:44 (2 hours ago)"), never its file name, then what it
//! holds and how it differs from the library now.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// One row of the window: "Yesterday at 21:44 (26 hours ago) — 3 shows, 12 threads; last
/// change: … — vs now: 2 threads fewer, …".
pub fn backup_row_text(listed: &crate::app::ListedBackup, now: Timestamp, tz: &TimeZone) -> String {
    format!(
        "{} — {}",
        backup_title(&listed.path, now, tz),
        listed.preview.describe()
    )
}

/// The backup at `path` in words, as of `now`, in time zone `tz`; its file name when the name
/// holds no time (a file renamed by hand).
pub fn backup_title(path: &Path, now: Timestamp, tz: &TimeZone) -> String {
    let Some(made) = crate::storage::backup_made_at(path) else {
        return path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
    };
    let made = made.to_zoned_datetime(tz.clone());
    let today = now.to_zoned_datetime(tz.clone()).date();
    let day = match (today - made.date()).get_days() {
        0 => "Today".to_owned(),
        1 => "Yesterday".to_owned(),
        2..=6 => made.strftime("%A").to_string(),
        _ => made.strftime("%A %-d %B %Y").to_string(),
    };
    let minutes = now.duration_since(made.timestamp()).as_secs() / 60;
    let ago = match minutes {
        m if m < 0 => String::new(),
        0 => " (just now)".to_owned(),
        1 => " (a minute ago)".to_owned(),
        m if m < 60 => format!(" ({m} minutes ago)"),
        m if m < 120 => " (an hour ago)".to_owned(),
        m if m < 48 * 60 => format!(" ({} hours ago)", m / 60),
        m => format!(" ({} days ago)", m / (24 * 60)),
    };
    format!("{day} at {}{ago}", made.strftime("%H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_named_by_when_it_was_made_in_words() {
        let tz = TimeZone::UTC;
        let now: Timestamp = "2026-12-06T23:50:00Z".parse().unwrap();
        let name = |n: &str| backup_title(Path::new(n), now, &tz);
        assert_eq!(
            name("library-000003-20261206T214425.165Z.json"),
            "Today at 21:44 (2 hours ago)"
        );
        assert_eq!(
            name("library-000002-20261205T090000.000Z.json"),
            "Yesterday at 09:00 (38 hours ago)"
        );
        assert_eq!(
            name("library-000001-20261120T090000.000Z.json"),
            "Friday 20 November 2026 at 09:00 (16 days ago)"
        );
        assert_eq!(name("library-mine.json"), "library-mine.json");
    }
}
