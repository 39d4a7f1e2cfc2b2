//! The messages at the top of the window: one per kind, counted, and never naming a file that
//! is gone.
//!
//! A sync tool that rewrites the library every second would otherwise stack a notice per
//! merge over the whole window. Notices of one kind (see [`Notice::kind`]; a plain message is
//! its own kind) are one notice that says how many times it happened: the newest text, and
//! the files the first one named. The files a shown notice names are pinned in the store's
//! [`BackupPins`] (a backup named in the window is never pruned) until it is dismissed; a
//! named file deleted by someone else is said to be gone instead of being named as if there.

use std::path::{Path, PathBuf};

use crate::storage::{BackupPins, Notice};

/// One notice as shown.
#[derive(Clone, Debug)]
struct Shown {
    /// Its kind ([`Notice::kind`], or the message itself).
    kind: String,
    /// The newest text of that kind.
    newest: String,
    /// How many notices of the kind it stands for.
    count: usize,
    /// The files the first notice of the kind named.
    first_files: Vec<PathBuf>,
    /// The files the newest names.
    newest_files: Vec<PathBuf>,
    /// Named files found gone, in the order found.
    gone: Vec<PathBuf>,
}

impl Shown {
    fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.first_files.iter().chain(&self.newest_files)
    }

    fn text(&self) -> String {
        let mut text = self.newest.clone();
        if self.count > 1 {
            text.push_str(&format!(" (This happened {} times.", self.count));
            let first: Vec<String> = self
                .first_files
                .iter()
                .filter(|f| !self.newest_files.contains(f))
                .map(|f| file_name(f))
                .collect();
            if !first.is_empty() {
                text.push_str(&format!(" The first time kept {}.", first.join(" and ")));
            }
            text.push(')');
        }
        for gone in &self.gone {
            text.push_str(&format!(
                " Note: {} has since been removed outside Fan Tracker.",
                file_name(gone)
            ));
        }
        text
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The notices shown at the top of the window, in the order their kinds first appeared.
#[derive(Debug, Default)]
pub struct NoticeBoard {
    shown: Vec<Shown>,
    /// The texts, as shown (kept apart so the panels can borrow a slice).
    texts: Vec<String>,
    pins: BackupPins,
}

impl NoticeBoard {
    /// Uses `pins` (the store's) for the backups notices name.
    pub fn use_pins(&mut self, pins: BackupPins) {
        for file in self.shown.iter().flat_map(Shown::files) {
            pins.pin(file);
        }
        self.pins = pins;
    }

    /// The files the shown notices name and that were not found gone yet (to look for off
    /// the UI thread, then [`Notices::check_files`]).
    pub fn files_to_check(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = Vec::new();
        for shown in &self.shown {
            for file in shown.files() {
                if !shown.gone.contains(file) && !files.contains(file) {
                    files.push(file.clone());
                }
            }
        }
        files
    }

    /// The texts shown, one per kind.
    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// Shows a plain message (its own kind: a message already shown is not repeated or
    /// counted, as a refused keystroke in a read-only window says so once). Returns whether
    /// it was new.
    pub fn message(&mut self, message: String) -> bool {
        if self.shown.iter().any(|s| s.kind == message) {
            return false;
        }
        self.add(message.clone(), message, Vec::new());
        true
    }

    /// Shows `notice`, counted into the one of its kind if there is one.
    pub fn notice(&mut self, notice: &Notice) {
        self.add(notice.kind().to_owned(), notice.to_string(), notice.files());
    }

    fn add(&mut self, kind: String, text: String, files: Vec<PathBuf>) {
        for file in &files {
            self.pins.pin(file);
        }
        if let Some(index) = self.shown.iter().position(|s| s.kind == kind) {
            let shown = &mut self.shown[index];
            let dropped: Vec<PathBuf> = shown
                .newest_files
                .iter()
                .filter(|f| !shown.first_files.contains(f) && !files.contains(f))
                .cloned()
                .collect();
            shown.newest = text;
            shown.newest_files = files;
            shown.count += 1;
            shown.gone.retain(|g| shown.first_files.contains(g));
            for file in dropped {
                self.pins.unpin(&file);
            }
            self.texts[index] = self.shown[index].text();
        } else {
            let shown = Shown {
                kind,
                newest: text,
                count: 1,
                first_files: files.clone(),
                newest_files: files,
                gone: Vec::new(),
            };
            self.texts.push(shown.text());
            self.shown.push(shown);
        }
    }

    /// Removes the notice at `index` (as shown), letting the backups it named be pruned.
    pub fn dismiss(&mut self, index: usize) {
        if index >= self.shown.len() {
            return;
        }
        let shown = self.shown.remove(index);
        self.texts.remove(index);
        for file in shown.files() {
            self.pins.unpin(file);
        }
    }

    /// Removes the notice of `kind` ([`Notice::kind`]), if one is shown.
    pub fn dismiss_kind(&mut self, kind: &str) {
        if let Some(index) = self.shown.iter().position(|s| s.kind == kind) {
            self.dismiss(index);
        }
    }

    /// Looks whether the files the notices name are still there (`exists` says, so tests can
    /// pretend); a file found gone is said to be gone. Returns whether a text changed.
    pub fn check_files(&mut self, exists: impl Fn(&Path) -> bool) -> bool {
        let mut changed = false;
        for (shown, text) in self.shown.iter_mut().zip(&mut self.texts) {
            let gone: Vec<PathBuf> = shown
                .files()
                .filter(|f| !shown.gone.contains(f) && !exists(f))
                .cloned()
                .collect();
            if gone.is_empty() {
                continue;
            }
            for file in gone {
                if !shown.gone.contains(&file) {
                    shown.gone.push(file);
                }
            }
            *text = shown.text();
            changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(n: usize) -> Notice {
        Notice::Merged {
            backup: PathBuf::from(format!("/data/backups/library-{n}-x.json")),
        }
    }

    #[test]
    fn notices_of_one_kind_are_one_that_counts() {
        let mut board = NoticeBoard::default();
        for n in 1..=17 {
            board.notice(&merged(n));
        }
        board.message("an import failed".into());
        board.message("an import failed".into());
        assert_eq!(board.texts().len(), 2, "{:?}", board.texts());
        let text = &board.texts()[0];
        assert!(text.contains("library-17-x.json"), "the newest: {text}");
        assert!(text.contains("17 times"), "{text}");
        assert!(text.contains("library-1-x.json"), "the first: {text}");
    }

    #[test]
    fn the_backups_named_are_pinned_until_dismissed() {
        let pins = BackupPins::default();
        let mut board = NoticeBoard::default();
        board.use_pins(pins.clone());
        for n in 1..=3 {
            board.notice(&merged(n));
        }
        let path = |n: usize| PathBuf::from(format!("/data/backups/library-{n}-x.json"));
        assert!(pins.is_pinned(&path(1)), "the first stays named");
        assert!(!pins.is_pinned(&path(2)), "no longer named");
        assert!(pins.is_pinned(&path(3)), "the newest");
        board.dismiss(0);
        assert!(!pins.is_pinned(&path(1)) && !pins.is_pinned(&path(3)));
        assert!(board.texts().is_empty());
    }

    #[test]
    fn a_file_that_is_gone_is_never_named_as_if_there() {
        let mut board = NoticeBoard::default();
        board.notice(&merged(1));
        assert!(!board.check_files(|_| true));
        assert!(board.check_files(|_| false));
        let text = &board.texts()[0];
        assert!(text.contains("has since been removed"), "{text}");
        assert!(!board.check_files(|_| false), "said once");
    }
}
