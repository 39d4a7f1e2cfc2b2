//! A thread that watches the data folder for sync tools' conflict copies, so that the window
//! itself never wakes up for it: every [`CONFLICT_POLL`] it lists the folder (a directory
//! read, no file is opened) and only when the conflict copies there are not the ones it saw
//! last (a new name, or a changed size or modification time), or while there are copies the
//! `shows` folder changed (show files a waiting copy names arrived), does it raise a flag and
//! ask the window for a frame. The app then reads and merges them on a job (`merge_in`). An idle
//! window with no new copies draws no frames (the idle budget in BENCHMARKS.md).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use super::merge_in::CONFLICT_POLL;
use super::wake::Wake;
use crate::storage::{find_conflict_copies, shows_dir};

/// What the watcher last saw: each conflict copy's path, size and modification time, and
/// (while there are copies) when the show files' folder last changed, so that a copy waiting
/// for its show files is looked at again when they arrive.
type Seen = (Vec<(PathBuf, u64, Option<SystemTime>)>, Option<SystemTime>);

/// The watcher of one data folder; it stops (within one poll) when dropped.
#[derive(Debug)]
pub struct CopyWatch {
    dir: PathBuf,
    /// Set by the thread when the copies changed; cleared by [`CopyWatch::looked`].
    news: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl CopyWatch {
    /// Starts watching `dir`. The first look is due at once (copies left while the app was
    /// closed are merged at launch).
    pub fn start(dir: &Path, wake: Wake) -> Self {
        let news = Arc::new(AtomicBool::new(true));
        let stop = Arc::new(AtomicBool::new(false));
        let watched = dir.to_owned();
        let (flag, stopped) = (news.clone(), stop.clone());
        let spawned = std::thread::Builder::new()
            .name("conflict-copy-watch".to_owned())
            .spawn(move || {
                let mut seen = copies_in(&watched);
                while !stopped.load(Ordering::Relaxed) {
                    std::thread::sleep(CONFLICT_POLL);
                    let now = copies_in(&watched);
                    if now != seen && !now.0.is_empty() {
                        flag.store(true, Ordering::Release);
                        wake.wake();
                    }
                    seen = now;
                }
            });
        if let Err(error) = spawned {
            // Without the thread, copies are still merged at launch (the first look is due).
            log::warn!("could not start watching for conflict copies: {error}");
        }
        Self {
            dir: dir.to_owned(),
            news,
            stop,
        }
    }

    /// The data folder watched.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether a look at the folder is due: at first, and after the copies there changed.
    pub fn is_due(&self) -> bool {
        self.news.load(Ordering::Acquire)
    }

    /// A look was started: the next is due when the copies change again.
    pub fn looked(&self) {
        self.news.store(false, Ordering::Release);
    }
}

impl Drop for CopyWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The conflict copies in `dir` with their size and modification time (none when the folder
/// cannot be listed: the look the app makes then says why).
fn copies_in(dir: &Path) -> Seen {
    let copies: Vec<_> = find_conflict_copies(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|(path, _)| {
            let meta = std::fs::metadata(&path).ok();
            let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
            let modified = meta.and_then(|m| m.modified().ok());
            (path, len, modified)
        })
        .collect();
    let shows = if copies.is_empty() {
        None
    } else {
        std::fs::metadata(shows_dir(dir))
            .and_then(|m| m.modified())
            .ok()
    };
    (copies, shows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_copy_raises_the_flag_and_wakes_the_window_and_nothing_else_does() {
        let dir = tempfile::tempdir().unwrap();
        let woken = Arc::new(AtomicBool::new(false));
        let flag = woken.clone();
        let watch = CopyWatch::start(
            dir.path(),
            Wake::new(move || flag.store(true, Ordering::SeqCst)),
        );
        assert!(watch.is_due(), "the first look is due at once");
        watch.looked();
        std::fs::write(dir.path().join("notes.txt"), "not a copy").unwrap();
        std::thread::sleep(CONFLICT_POLL * 2 + std::time::Duration::from_millis(300));
        assert!(!watch.is_due() && !woken.load(Ordering::SeqCst));
        std::fs::write(
            dir.path()
                .join("library.sync-conflict-20261207-020000-ABCDEF1.json"),
            "{}",
        )
        .unwrap();
        let deadline = std::time::Instant::now() + CONFLICT_POLL * 4;
        while !watch.is_due() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(watch.is_due() && woken.load(Ordering::SeqCst));
    }
}
