//! Names and order of the rotated backups in `backups/`.
//!
//! A backup is named `library-<counter>-<UTC time>.json`: the counter is one more than the
//! highest in the folder, so it only grows, and backups are ordered and pruned by it, never by
//! the time (a clock once set years ahead must not make new backups look old). Backups named
//! by earlier versions, `library-<UTC time>[-<n>].json`, come before every counted one, ordered
//! among themselves by time, then `n`.

use std::path::{Path, PathBuf};

/// The folder, inside the data folder, holding rotated backups.
pub const BACKUP_DIR: &str = "backups";
/// Rotated backups are named `<stem>-…`.
const STEM: &str = "library";
/// See [`STEM`].
const EXT: &str = "json";

/// Where a backup comes in time; the newest is the greatest.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Order {
    /// An earlier version's name: its time stamp, then its counter (0 for none), as names
    /// alone do not sort that way (`…Z-1.json` before `…Z.json`, `-10` before `-2`).
    Dated(String, u32),
    /// A counted name: its counter.
    Counted(u64),
}

/// The order of the backup at `path`, or `None` for other files.
fn order(path: &Path) -> Option<Order> {
    let name = path.file_name()?.to_str()?;
    let middle = name
        .strip_prefix(STEM)?
        .strip_prefix('-')?
        .strip_suffix(EXT)?
        .strip_suffix('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match middle.split_once('-') {
        Some((counter, stamp)) if digits(counter) && !stamp.is_empty() => {
            Some(Order::Counted(counter.parse().ok()?))
        }
        _ => match middle.rsplit_once('-') {
            Some((stamp, n)) if digits(n) => Some(Order::Dated(stamp.to_owned(), n.parse().ok()?)),
            _ => Some(Order::Dated(middle.to_owned(), 0)),
        },
    }
}

/// Keeps the backup files among `entries`, newest first.
pub fn newest_first(entries: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut backups: Vec<(Order, PathBuf)> = entries
        .into_iter()
        .filter_map(|path| Some((order(&path)?, path)))
        .collect();
    backups.sort_by(|a, b| b.0.cmp(&a.0));
    backups.into_iter().map(|(_, path)| path).collect()
}

/// The name for a new backup in `dir`, given the folder's `entries`: counted one above every
/// counted backup there.
pub fn next_path(dir: &Path, entries: &[PathBuf]) -> PathBuf {
    let highest = entries
        .iter()
        .filter_map(|p| match order(p) {
            Some(Order::Counted(n)) => Some(n),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    dir.join(format!(
        "{STEM}-{:06}-{}.{EXT}",
        highest.saturating_add(1),
        utc_stamp()
    ))
}

/// The time now, UTC, for file names: `20261129T094000.123Z`.
pub fn utc_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%S%.3fZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        newest_first(names.iter().map(PathBuf::from).collect())
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn backups_made_within_one_millisecond_keep_their_order() {
        let names = [
            "library-20261127T081659.999Z.json",
            "library-20261127T081700.123Z-1.json",
            "library-20261127T081700.123Z.json",
            "library-20261127T081700.123Z-10.json",
            "library-20261127T081700.123Z-2.json",
            "library.unreadable-20261127T081700.123Z.json",
            "notes.txt",
        ];
        assert_eq!(
            sorted(&names),
            [
                "library-20261127T081700.123Z-10.json",
                "library-20261127T081700.123Z-2.json",
                "library-20261127T081700.123Z-1.json",
                "library-20261127T081700.123Z.json",
                "library-20261127T081659.999Z.json",
            ]
        );
    }

    #[test]
    fn counted_backups_order_by_counter_whatever_their_time_and_after_dated_ones() {
        let names = [
            "library-20391231T000000.000Z.json",
            "library-000002-20261129T090000.000Z.json",
            "library-000010-20200101T000000.000Z.json",
            "library-000001-20391231T000000.000Z.json",
        ];
        assert_eq!(
            sorted(&names),
            [
                "library-000010-20200101T000000.000Z.json",
                "library-000002-20261129T090000.000Z.json",
                "library-000001-20391231T000000.000Z.json",
                "library-20391231T000000.000Z.json",
            ]
        );
        let entries: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let next = next_path(Path::new("b"), &entries);
        let next = next.file_name().unwrap().to_string_lossy().into_owned();
        assert!(next.starts_with("library-000011-"), "{next}");
        assert_eq!(order(Path::new(&next)), Some(Order::Counted(11)));
    }
}
