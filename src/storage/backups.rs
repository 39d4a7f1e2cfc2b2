//! Names and order of the rotated backups in `backups/`.
//!
//! A backup is named `library-<counter>-<UTC time>.json`: the counter is one more than the
//! highest in the folder, so it only grows, and backups are ordered and pruned by it, never by
//! the time (a clock once set years ahead must not make new backups look old). Backups named
//! by earlier versions, `library-<UTC time>[-<n>].json`, come before every counted one, ordered
//! among themselves by time, then `n`.
//!
//! Backups are kept on a time ladder, as backup tools keep snapshots: the
//! [`RECENT_KEPT`] newest, then the newest of each of the [`DAYS_KEPT`] days before, then the
//! newest of each of the [`WEEKS_KEPT`] weeks before that; the rest are removed. The ladder is
//! measured back from the newest backup's own time, so a burst of saves today cannot push out
//! yesterday's library, and at most `RECENT_KEPT + DAYS_KEPT + WEEKS_KEPT` files are kept.

use std::path::{Path, PathBuf};

/// The folder, inside the data folder, holding rotated backups.
pub const BACKUP_DIR: &str = "backups";
/// Rotated backups are named `<stem>-…`.
const STEM: &str = "library";
/// See [`STEM`].
const EXT: &str = "json";

/// How many of the newest backups are always kept.
pub const RECENT_KEPT: usize = 5;
/// For how many days (of 24 hours, back from the newest backup) one backup a day is kept.
pub const DAYS_KEPT: i64 = 7;
/// For how many weeks (after those days) one backup a week is kept.
pub const WEEKS_KEPT: i64 = 5;

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

/// When the backup at `path` was made, read from its name (UTC, to the second), or `None` for
/// a name without a readable time.
pub fn made_at(path: &Path) -> Option<jiff::Timestamp> {
    let name = path.file_name()?.to_str()?;
    let middle = name.strip_prefix(STEM)?.strip_prefix('-')?;
    // The counted form has the counter first; the time is the part starting with 8 digits
    // and a `T`.
    let stamp = middle
        .split('-')
        .find(|part| part.len() >= 15 && part.as_bytes().get(8) == Some(&b'T'))?;
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", stamp.get(..15)?).ok()?;
    civil
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// The backups among `newest_first` (as [`newest_first`] orders them) that the time ladder
/// no longer keeps (see the module's documentation). A backup whose name has no readable time
/// is kept only among the [`RECENT_KEPT`].
pub fn beyond_the_ladder(newest_first: &[PathBuf]) -> Vec<PathBuf> {
    let Some(newest) = newest_first.iter().find_map(|p| made_at(p)) else {
        return newest_first.iter().skip(RECENT_KEPT).cloned().collect();
    };
    // Which rung each backup falls on: a day or a week back from the newest; the first (the
    // newest) backup seen on a rung keeps it.
    let mut rungs_taken: Vec<i64> = Vec::new();
    let mut removed = Vec::new();
    for (index, path) in newest_first.iter().enumerate() {
        let rung = made_at(path).and_then(|at| {
            let hours = newest.duration_since(at).as_hours();
            let days = hours.div_euclid(24);
            if !(0..DAYS_KEPT + 7 * WEEKS_KEPT).contains(&days) {
                None
            } else if days < DAYS_KEPT {
                Some(days)
            } else {
                Some(DAYS_KEPT + (days - DAYS_KEPT) / 7 * 7)
            }
        });
        // The recent ones are kept whatever their rung, and take it: a day's newest backup
        // among them stands for that day.
        match rung {
            Some(rung) if !rungs_taken.contains(&rung) => rungs_taken.push(rung),
            _ if index < RECENT_KEPT => {}
            _ => removed.push(path.clone()),
        }
    }
    removed
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

    /// A counted backup name made `minutes` before 2026-12-06 21:00 UTC.
    fn made(counter: i64, minutes: i64) -> PathBuf {
        let at = jiff::Timestamp::from_second(1_796_590_800 - minutes * 60).unwrap();
        PathBuf::from(format!(
            "library-{counter:06}-{}.json",
            at.strftime("%Y%m%dT%H%M%S%.3fZ")
        ))
    }

    #[test]
    fn a_burst_of_backups_never_pushes_out_yesterdays_or_last_weeks() {
        // One backup a day for 40 days, then a burst of 30 within a minute today.
        let mut names: Vec<PathBuf> = (0..40).map(|d| made(40 - d, (d + 1) * 24 * 60)).collect();
        names.extend((0..30).map(|i| made(41 + i, 0)));
        let listed = newest_first(names);
        let removed = beyond_the_ladder(&listed);
        let kept: Vec<&PathBuf> = listed.iter().filter(|p| !removed.contains(p)).collect();
        assert!(kept.len() <= RECENT_KEPT + (DAYS_KEPT + WEEKS_KEPT) as usize);
        // The five newest of the burst, yesterday's, and one a week for a month.
        assert_eq!(
            kept[..RECENT_KEPT],
            listed[..RECENT_KEPT].iter().collect::<Vec<_>>()
        );
        assert!(
            kept.contains(&&made(40, 24 * 60)),
            "yesterday's library is kept"
        );
        assert!(
            kept.contains(&&made(34, 7 * 24 * 60)),
            "last week's is kept"
        );
        assert!(
            !kept.contains(&&made(1, 40 * 24 * 60)),
            "older than the ladder"
        );
        assert_eq!(
            made_at(&made(40, 24 * 60)),
            Some(jiff::Timestamp::from_second(1_796_590_800 - 24 * 3600).unwrap())
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
