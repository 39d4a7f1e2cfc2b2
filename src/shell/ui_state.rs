//! The window's own state, remembered between runs in `ui-state.json` in the data folder:
//! theme, zoom, the widths of the side panels, the window's size, the show and article open
//! when it closed, and what was typed into the window's text boxes but not yet used (the
//! new-question box, the "Paste article" window, the "Save elsewhere" path, an as-of date not
//! yet set, new predictions not added and predictions' fields not taken, see `kept_typing`):
//! each comes back in its box, its window open, next time. Nothing typed is lost on
//! quit, and nothing is done with it unasked (a half-pasted article is not imported).
//!
//! The file is the window's, never the library's: it is read and written apart from the
//! library (atomically, like every file the app writes), a missing file means the defaults, a
//! damaged one is ignored with a log line, and a failure to write it is logged and forgotten.
//! Nothing in it can touch the fan's data.
//!
//! ```json
//! { "theme": "dark", "zoom": 1.25, "library_width": 210.0, "threads_width": 400.0,
//!   "library_open": true, "tools_drawer_open": false, "window_size": [1280.0, 800.0],
//!   "open_show": 7, "open_article": 9, "new_thread_title": "Will there be a film?",
//!   "paste": "Season two is…", "elsewhere_path": "/media/usb/rescue", "as_of_typed": "2022-04" }
//! ```
//! Every key may be missing (its default is used); unknown keys are ignored.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::kept_typing::{
    KeptField, KeptPrediction, kept_fields, kept_predictions, restore as restore_kept,
};
use crate::app::jobs::spawn_thread;
use crate::app::{TextBox, ViewState, parse_as_of};
use crate::model::{ArticleId, MAX_ARTICLE_BYTES, ShowId};
use crate::storage::{read_small_regular_file, write_atomic_no_follow};

/// The file's name in the data folder.
pub const UI_STATE_FILE: &str = "ui-state.json";

/// A change is written at most this often while the window is open (dragging a panel edge or
/// the window's corner changes the state every frame); the last one is written on exit.
pub const WRITE_INTERVAL: Duration = Duration::from_secs(2);

/// The largest state file read (a real one is a few hundred bytes): anything bigger, like a
/// link to `/dev/zero` swapped for a file, is ignored.
pub const MAX_FILE_BYTES: u64 = 64 * 1024;
/// A remembered new question longer than this is not restored (a damaged or hand-edited file).
const MAX_TYPED_BYTES: usize = 64 * 1024;

/// A pasted text longer than this is remembered only when the window closes, not every
/// [`WRITE_INTERVAL`] while it is edited: writing it holds up the frame it is written in.
const PASTE_KEPT_ON_EXIT_BYTES: usize = 64 * 1024;

/// Zoom factors outside this range are not restored (a damaged or hand-edited file).
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// The theme the fan chose in View.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's theme.
    #[default]
    System,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
}

impl From<egui::ThemePreference> for Theme {
    fn from(preference: egui::ThemePreference) -> Self {
        match preference {
            egui::ThemePreference::System => Theme::System,
            egui::ThemePreference::Dark => Theme::Dark,
            egui::ThemePreference::Light => Theme::Light,
        }
    }
}

impl From<Theme> for egui::ThemePreference {
    fn from(theme: Theme) -> Self {
        match theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Dark => egui::ThemePreference::Dark,
            Theme::Light => egui::ThemePreference::Light,
        }
    }
}

/// What the window remembers between runs. Sizes are in points (logical pixels, before the
/// zoom factor).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// The theme chosen in View (`None`: the window's default is left alone).
    pub theme: Option<Theme>,
    /// egui's zoom factor (Ctrl + and Ctrl −); `None` for 1.
    pub zoom: Option<f32>,
    /// The outer width of the library panel (left), if the fan's is known.
    pub library_width: Option<f32>,
    /// The outer width of the threads panel (right), if the fan's is known.
    pub threads_width: Option<f32>,
    /// Whether the library shows in a wide window (the fan may fold it away with Ctrl+L).
    pub library_open: Option<bool>,
    /// Whether the tools drawer of a narrow window is open.
    pub tools_drawer_open: Option<bool>,
    /// The window's inner size `[width, height]`.
    pub window_size: Option<[f32; 2]>,
    /// The show open when the window closed.
    pub open_show: Option<ShowId>,
    /// The article open when the window closed.
    pub open_article: Option<ArticleId>,
    /// What was typed into the new-question box and not yet added when the window closed
    /// (it is there again next time: nothing typed is lost on quit).
    pub new_thread_title: Option<String>,
    /// The text in the "Paste article" window when the window closed (not yet made an
    /// article; the window opens with it again). At most [`MAX_ARTICLE_BYTES`].
    pub paste: Option<String>,
    /// The folder or file path typed into the "Save elsewhere" window when the window closed
    /// (the window opens with it again).
    pub elsewhere_path: Option<String>,
    /// The as-of date typed into the open article's header and not set (it is not a date
    /// yet): the box is open with it again when that article opens at start.
    pub as_of_typed: Option<String>,
    /// The day the window last looked for due predictions and reminded of them (issue 19:
    /// nothing nags more than once a day, across launches too).
    #[serde(default)]
    pub due_checked_on: Option<jiff::civil::Date>,
    /// New predictions typed and not added when the window closed (their forms are filled
    /// again next time).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_predictions: Vec<KeptPrediction>,
    /// Predictions' probabilities or dates typed and not taken (not one, or a certainty not
    /// confirmed) when the window closed: their fields show them again, marked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept_fields: Vec<KeptField>,
}

/// Why the state file could not be used.
#[derive(Debug, Error)]
pub enum UiStateError {
    /// It could not be read (other than missing).
    #[error("could not read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// It is not a state file (damaged or hand-edited).
    #[error("{} is damaged and was ignored: {source}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// It could not be written.
    #[error("could not write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl UiState {
    /// The state file of data folder `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(UI_STATE_FILE)
    }

    /// Reads the state remembered in data folder `dir`: `Ok(None)` when there is none.
    ///
    /// Only a regular file of at most [`MAX_FILE_BYTES`] is read, never through a symbolic
    /// link: a FIFO (which would wait for a writer forever), a device such as `/dev/zero`
    /// (which never ends) or a link (say, to `library.json`) is refused, so the window always
    /// appears.
    ///
    /// # Errors
    /// [`UiStateError::Read`] when the file cannot be read or is not a small regular file,
    /// [`UiStateError::Damaged`] when it is not a state file.
    pub fn read(dir: &Path) -> Result<Option<Self>, UiStateError> {
        let path = Self::path(dir);
        let bytes = match read_small_regular_file(&path, MAX_FILE_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(None),
            Err(source) => return Err(UiStateError::Read { path, source }),
        };
        let state: UiState = serde_json::from_slice(&bytes)
            .map_err(|source| UiStateError::Damaged { path, source })?;
        Ok(Some(state.sanitized()))
    }

    /// The state remembered in `dir`, or the defaults when there is none or it cannot be used
    /// (logged: the window's state is never worth stopping for).
    pub fn load(dir: &Path) -> Self {
        match Self::read(dir) {
            Ok(state) => state.unwrap_or_default(),
            Err(error) => {
                log::warn!("the window's remembered state was not used: {error}");
                Self::default()
            }
        }
    }

    /// Writes the state to data folder `dir`, atomically (the file is replaced whole or not
    /// at all), mode 0600. A symbolic link at its name is replaced, never followed (so a link
    /// to `library.json` or any other file never writes there); a folder or special file
    /// there is left alone and the write fails. The data folder is not created for it.
    ///
    /// # Errors
    /// [`UiStateError::Write`] when the file cannot be written.
    pub fn write(&self, dir: &Path) -> Result<(), UiStateError> {
        let path = Self::path(dir);
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| UiStateError::Write {
            path: path.clone(),
            source: e.into(),
        })?;
        write_atomic_no_follow(&path, &bytes).map_err(|source| UiStateError::Write { path, source })
    }

    /// Drops values no window could use (a zoom of 0, a negative width, NaN) so a hand-edited
    /// file cannot make the window unusable.
    fn sanitized(mut self) -> Self {
        let usable = |v: &f32| v.is_finite() && *v > 0.0;
        self.zoom = self.zoom.filter(|z| ZOOM_RANGE.contains(z));
        self.library_width = self.library_width.filter(usable);
        self.threads_width = self.threads_width.filter(usable);
        self.window_size = self.window_size.filter(|[w, h]| usable(w) && usable(h));
        let short = |t: &String| t.len() <= MAX_TYPED_BYTES;
        self.new_thread_title = self.new_thread_title.filter(short);
        self.elsewhere_path = self.elsewhere_path.filter(short);
        self.as_of_typed = self.as_of_typed.filter(short);
        self.new_predictions
            .retain(|p| short(&p.statement) && short(&p.probability) && short(&p.resolve_by));
        self.kept_fields.retain(|f| short(&f.text));
        self.paste = self.paste.filter(|t| t.len() <= MAX_ARTICLE_BYTES);
        self
    }

    /// Takes what is typed into the window's text boxes from `view`, as it is remembered:
    /// without the syllable an input method is composing (never saved mid-syllable), boxes
    /// left blank or closed not remembered. A pasted text over 64 KiB
    /// is taken only `on_exit` (until then the one remembered before stays).
    pub fn remember_typed(&mut self, view: &ViewState, on_exit: bool) {
        let typed = |which| view.settled(which).filter(|t| !t.trim().is_empty());
        self.new_thread_title = typed(TextBox::NewThreadTitle);
        self.elsewhere_path = typed(TextBox::ElsewherePath);
        self.as_of_typed = typed(TextBox::AsOf);
        let long = view
            .paste
            .as_ref()
            .is_some_and(|p| p.len() > PASTE_KEPT_ON_EXIT_BYTES);
        if on_exit || !long {
            self.paste = typed(TextBox::Paste);
        }
        self.due_checked_on = view.due.checked_on;
        self.new_predictions = kept_predictions(view);
        self.kept_fields = kept_fields(view);
    }

    /// Puts what was typed into the window's text boxes last time back into `view` (see
    /// [`UiState::remember_typed`]): the "Paste article" and "Save elsewhere" windows open
    /// with their text; the as-of box opens with its text if the article it was typed for is
    /// the one open.
    pub fn restore_typed(&self, view: &mut ViewState) {
        view.due.checked_on = self.due_checked_on;
        restore_kept(view, &self.new_predictions, &self.kept_fields);
        if let Some(typed) = &self.new_thread_title {
            view.new_thread_title.clone_from(typed);
        }
        if let Some(typed) = &self.paste {
            view.paste = Some(typed.clone());
        }
        if let Some(typed) = &self.elsewhere_path {
            view.elsewhere = Some(typed.clone());
        }
        if let Some(typed) = &self.as_of_typed
            && self.open_article.is_some()
            && view.open_article == self.open_article
        {
            view.as_of_error = parse_as_of(typed).err();
            view.as_of_draft = Some(typed.clone());
        }
    }
}

/// Writes the state when it changed, at most every [`WRITE_INTERVAL`], and once more at the
/// end. The writes while the window is open run on a writer thread of the keeper's own (a
/// write ends in an fsync, which must not hold a frame); only the newest state handed to it
/// is written (an older one still waiting is dropped). The last write (`now_anyway`, the exit
/// path) runs on the calling thread, so it is done before the process ends, and a write the
/// writer thread still had under way never replaces it.
#[derive(Debug)]
pub struct UiStateKeeper {
    dir: PathBuf,
    /// The state as last written (or read, or handed to the writer thread).
    written: UiState,
    /// When it was last written.
    last_write: Option<Instant>,
    /// The number of the newest state handed out for writing.
    sequence: u64,
    /// What the writer thread shares with the keeper.
    shared: Arc<Shared>,
    /// Whether the writer thread was started.
    writer: bool,
}

/// A state waiting to be written: its number, its data folder, the state.
type PendingWrite = (u64, PathBuf, UiState);

/// The keeper's side of its writer thread.
#[derive(Debug, Default)]
struct Shared {
    slot: Mutex<Slot>,
    /// Signalled when a state is handed over, when a write ends and when the keeper goes.
    changed: Condvar,
    /// The number of the newest state written; held while a write runs, so writes never
    /// overlap and an older state is never written after a newer one.
    written: Mutex<u64>,
}

#[derive(Debug, Default)]
struct Slot {
    pending: Option<PendingWrite>,
    /// The writer thread is writing a state it took.
    busy: bool,
    /// The keeper is gone: the writer writes what is pending and ends.
    stop: bool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Writes `state` to `dir` unless a newer state was written already (logged if it fails:
    /// the window's state is never worth stopping for).
    fn write(&self, sequence: u64, dir: &Path, state: &UiState) {
        let mut written = lock(&self.written);
        if sequence <= *written {
            return;
        }
        *written = sequence;
        if let Err(error) = state.write(dir) {
            log::warn!("the window's state was not remembered: {error}");
        }
    }

    /// The writer thread: writes the newest state handed over until the keeper goes.
    fn run_writer(&self) {
        loop {
            let (sequence, dir, state) = {
                let mut slot = lock(&self.slot);
                loop {
                    if let Some(pending) = slot.pending.take() {
                        slot.busy = true;
                        break pending;
                    }
                    if slot.stop {
                        return;
                    }
                    slot = self
                        .changed
                        .wait(slot)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            };
            self.write(sequence, &dir, &state);
            lock(&self.slot).busy = false;
            self.changed.notify_all();
        }
    }
}

impl UiStateKeeper {
    /// A keeper for data folder `dir`, whose file holds `loaded`.
    pub fn new(dir: &Path, loaded: UiState) -> Self {
        Self {
            dir: dir.to_owned(),
            written: loaded,
            last_write: None,
            sequence: 0,
            shared: Arc::default(),
            writer: false,
        }
    }

    /// The data folder written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Moves to another data folder (the library was saved elsewhere); the state is written
    /// there next time.
    pub fn move_to(&mut self, dir: &Path) {
        if dir != self.dir {
            self.dir = dir.to_owned();
            self.written = UiState::default();
            self.last_write = None;
        }
    }

    /// Writes `state` if it changed and the last write was long enough ago (on the writer
    /// thread), or at once on this thread when `now_anyway` (the exit path); returns how long
    /// until a pending change may be written, if one is pending.
    pub fn keep(&mut self, state: &UiState, now_anyway: bool) -> Option<Duration> {
        if *state == self.written {
            if now_anyway {
                // On exit: a state handed to the writer thread is on disk before this returns
                // (the process may end right after).
                self.flush();
            }
            return None;
        }
        let now = Instant::now();
        if !now_anyway
            && let Some(last) = self.last_write
            && now < last + WRITE_INTERVAL
        {
            return Some(last + WRITE_INTERVAL - now);
        }
        self.last_write = Some(now);
        // Not written again until it changes, even when this write failed: a folder that
        // cannot take the file is not tried every frame.
        self.written = state.clone();
        self.sequence += 1;
        if now_anyway || !self.start_writer() {
            // What the writer thread has not taken yet is older: dropped.
            lock(&self.shared.slot).pending = None;
            self.shared.write(self.sequence, &self.dir, state);
        } else {
            lock(&self.shared.slot).pending =
                Some((self.sequence, self.dir.clone(), state.clone()));
            self.shared.changed.notify_all();
        }
        None
    }

    /// Starts the writer thread if it is not running; `false` when no thread can be started
    /// (then the keeper writes on the calling thread).
    fn start_writer(&mut self) -> bool {
        if !self.writer {
            let shared = Arc::clone(&self.shared);
            match spawn_thread("fan-tracker-ui-state", move || shared.run_writer()) {
                Ok(_detached) => self.writer = true,
                Err(error) => log::warn!("could not start the window state's writer: {error}"),
            }
        }
        self.writer
    }

    /// Waits until the states handed to the writer thread are written (tests; the window
    /// never waits for it).
    pub fn flush(&self) {
        let mut slot = lock(&self.shared.slot);
        while slot.pending.is_some() || slot.busy {
            slot = self
                .shared
                .changed
                .wait(slot)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

impl Drop for UiStateKeeper {
    /// The writer thread writes what it was handed and ends; nobody waits for it.
    fn drop(&mut self) {
        lock(&self.shared.slot).stop = true;
        self.shared.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> UiState {
        UiState {
            theme: Some(Theme::Dark),
            zoom: Some(1.25),
            library_width: Some(233.0),
            threads_width: Some(401.5),
            library_open: Some(false),
            tools_drawer_open: Some(true),
            window_size: Some([1111.0, 777.0]),
            open_show: Some(ShowId(7)),
            open_article: Some(ArticleId(9)),
            new_thread_title: Some("Will there be a film? 영화도?".into()),
            paste: Some("Season two?\n\n시즌 2?".into()),
            elsewhere_path: Some("/media/usb/rescue".into()),
            as_of_typed: Some("2022-04".into()),
            due_checked_on: Some(jiff::civil::date(2026, 12, 7)),
            new_predictions: vec![KeptPrediction {
                thread: 3,
                statement: "시즌 2가 나온다".into(),
                probability: "100".into(),
                resolve_by: "2027-13".into(),
            }],
            kept_fields: vec![KeptField {
                prediction: 12,
                field: super::super::kept_typing::KeptFieldKind::Probability,
                text: "0".into(),
            }],
        }
    }

    #[test]
    fn the_state_comes_back_as_it_was_written() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(UiState::read(dir.path()).unwrap(), None);
        state().write(dir.path()).unwrap();
        assert_eq!(UiState::read(dir.path()).unwrap(), Some(state()));
        assert_eq!(UiState::load(dir.path()), state());
    }

    #[test]
    fn a_damaged_file_is_ignored_and_the_library_next_to_it_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.json");
        std::fs::write(&library, b"the fan's words").unwrap();
        std::fs::write(UiState::path(dir.path()), b"{\"zoom\": 1.5, \"theme\": ").unwrap();
        assert!(matches!(
            UiState::read(dir.path()),
            Err(UiStateError::Damaged { .. })
        ));
        assert_eq!(UiState::load(dir.path()), UiState::default());
        // A keeper writes over the damaged file; the library is never read or written.
        let mut keeper = UiStateKeeper::new(dir.path(), UiState::default());
        keeper.keep(&state(), false);
        keeper.flush();
        assert_eq!(UiState::load(dir.path()), state());
        assert_eq!(std::fs::read(&library).unwrap(), b"the fan's words");
    }

    #[test]
    fn missing_keys_take_defaults_and_unusable_values_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            UiState::path(dir.path()),
            br#"{"zoom": 0, "library_width": -3, "window_size": [800, 600], "later": true}"#,
        )
        .unwrap();
        let read = UiState::load(dir.path());
        assert_eq!(
            read,
            UiState {
                window_size: Some([800.0, 600.0]),
                ..UiState::default()
            }
        );
    }

    #[test]
    fn a_change_is_written_at_most_every_interval_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let mut keeper = UiStateKeeper::new(dir.path(), UiState::default());
        assert_eq!(keeper.keep(&UiState::default(), false), None);
        assert_eq!(UiState::read(dir.path()).unwrap(), None, "nothing changed");
        let first = UiState {
            zoom: Some(2.0),
            ..UiState::default()
        };
        assert_eq!(keeper.keep(&first, false), None);
        keeper.flush();
        assert_eq!(UiState::load(dir.path()), first);
        let second = state();
        assert!(keeper.keep(&second, false).is_some(), "too soon: pending");
        assert_eq!(UiState::load(dir.path()), first);
        assert_eq!(keeper.keep(&second, true), None);
        assert_eq!(UiState::load(dir.path()), second);
    }

    #[test]
    fn a_write_in_a_frame_runs_on_the_writer_thread_and_the_newest_state_wins() {
        let dir = tempfile::tempdir().unwrap();
        let mut keeper = UiStateKeeper::new(dir.path(), UiState::default());
        let shared = Arc::clone(&keeper.shared);
        let first = UiState {
            zoom: Some(2.0),
            ..UiState::default()
        };
        {
            // While a write is held up (a slow disk), keeping returns at once: the write is
            // not on this thread (if it were, this would wait on the lock forever).
            let _held = lock(&shared.written);
            assert_eq!(keeper.keep(&first, false), None);
            assert_eq!(UiState::read(dir.path()).unwrap(), None, "not written yet");
        }
        keeper.flush();
        assert_eq!(UiState::load(dir.path()), first);
        // A state handed over and the last one written on exit: the last one stays.
        let second = state();
        keeper.last_write = None;
        let held = lock(&shared.written);
        assert_eq!(keeper.keep(&UiState::default(), false), None);
        drop(held);
        assert_eq!(keeper.keep(&second, true), None);
        keeper.flush();
        assert_eq!(UiState::load(dir.path()), second);
    }

    #[test]
    fn a_folder_that_cannot_take_the_file_is_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("no-such-folder");
        let mut keeper = UiStateKeeper::new(&gone, UiState::default());
        assert_eq!(keeper.keep(&state(), true), None);
        assert!(!gone.exists(), "the data folder is not created for it");
    }

    /// Reads the state of `dir` on another thread; a read that never ends (a FIFO waiting for
    /// a writer, `/dev/zero`) fails the test instead of hanging it.
    #[cfg(unix)]
    fn read_or_hang(dir: &Path) -> Result<Option<UiState>, UiStateError> {
        let dir = dir.to_owned();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(UiState::read(&dir));
        });
        rx.recv_timeout(Duration::from_secs(30))
            .expect("reading ui-state.json must not wait forever")
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_to_dev_zero_is_refused_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = UiState::path(dir.path());
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(matches!(
            read_or_hang(dir.path()),
            Err(UiStateError::Read { .. })
        ));
        assert_eq!(UiState::load(dir.path()), UiState::default());
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert!(matches!(
            read_or_hang(dir.path()),
            Err(UiStateError::Read { .. })
        ));
    }

    #[test]
    fn a_file_bigger_than_the_cap_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut big = br#"{"zoom": 1.5, "pad": ""#.to_vec();
        big.resize(usize::try_from(MAX_FILE_BYTES).unwrap() + 10, b' ');
        big.extend_from_slice(br#""}"#);
        std::fs::write(UiState::path(dir.path()), &big).unwrap();
        let Err(UiStateError::Read { source, .. }) = UiState::read(dir.path()) else {
            panic!("a file over the cap is refused");
        };
        assert!(source.to_string().contains("bigger than"), "{source}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_followed_to_the_library_on_read_or_write() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.json");
        std::fs::write(&library, br#"{"zoom": 2.0}"#).unwrap();
        let other = dir.path().join("other.txt");
        std::fs::write(&other, b"someone else's file").unwrap();
        let path = UiState::path(dir.path());
        std::os::unix::fs::symlink(&library, &path).unwrap();
        assert!(
            matches!(UiState::read(dir.path()), Err(UiStateError::Read { .. })),
            "the library is not read as the window's state"
        );
        state().write(dir.path()).unwrap();
        assert_eq!(std::fs::read(&library).unwrap(), br#"{"zoom": 2.0}"#);
        assert!(!std::fs::symlink_metadata(&path).unwrap().is_symlink());
        assert_eq!(UiState::read(dir.path()).unwrap(), Some(state()));
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&other, &path).unwrap();
        state().write(dir.path()).unwrap();
        assert_eq!(std::fs::read(&other).unwrap(), b"someone else's file");
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_folder_in_its_place_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(UiState::path(dir.path())).unwrap();
        assert!(UiState::read(dir.path()).is_err());
        assert!(state().write(dir.path()).is_err());
        assert!(UiState::path(dir.path()).is_dir());
    }

    #[test]
    fn a_long_paste_is_remembered_on_exit_and_an_as_of_date_only_for_its_article() {
        let mut view = ViewState {
            paste: Some("x".repeat(PASTE_KEPT_ON_EXIT_BYTES + 1)),
            new_thread_title: "  ".into(),
            elsewhere: Some(String::new()),
            ..ViewState::default()
        };
        let mut remembered = UiState {
            paste: Some("before".into()),
            ..UiState::default()
        };
        remembered.remember_typed(&view, false);
        assert_eq!(
            remembered.paste.as_deref(),
            Some("before"),
            "not every frame"
        );
        assert_eq!(
            remembered.new_thread_title, None,
            "blank boxes are not kept"
        );
        assert_eq!(remembered.elsewhere_path, None);
        remembered.remember_typed(&view, true);
        assert_eq!(remembered.paste, view.paste, "taken when the window goes");
        view.paste = None;
        remembered.remember_typed(&view, false);
        assert_eq!(remembered.paste, None, "a closed window forgets it");

        let typed = UiState {
            open_article: Some(ArticleId(9)),
            as_of_typed: Some("2022-04".into()),
            ..UiState::default()
        };
        let mut other = ViewState {
            open_article: Some(ArticleId(8)),
            ..ViewState::default()
        };
        typed.restore_typed(&mut other);
        assert_eq!(other.as_of_draft, None, "another article is open");
        let mut same = ViewState {
            open_article: Some(ArticleId(9)),
            ..ViewState::default()
        };
        typed.restore_typed(&mut same);
        assert_eq!(same.as_of_draft.as_deref(), Some("2022-04"));
        assert!(same.as_of_error.is_some(), "marked: not a date yet");
    }
}
