//! Starting up: the data folder is opened and the article the window will show is parsed by a
//! job of the app's jobs runtime ([`Task`]) while eframe opens the window, and SIGINT, SIGTERM and SIGHUP close the
//! window the normal way (so edits are saved).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use thiserror::Error;

use crate::app::jobs::Task;
use crate::app::start_place;
use crate::model::{ArticleId, ShowId};
use crate::storage::{OpenedStore, StorageError, Store};
use crate::ui::PreparedArticle;

/// What the loader thread hands over: the opened data folder and the article the window will
/// open, parsed.
pub type Preloaded = (Result<OpenedStore, StorageError>, Option<PreparedArticle>);

/// Why the library was read on the window's thread after all.
#[derive(Debug, Error)]
pub enum PreloadFault {
    /// The loading thread stopped with a panic (a fault in Fan Tracker).
    #[error(
        "Reading the library at start failed because of a fault in Fan Tracker ({message}); it was read again, and this window shows it. Please report it."
    )]
    Panicked {
        /// The panic's message.
        message: String,
    },
}

/// The library being read on another thread.
pub struct Preload(Task<Preloaded>);

impl Preload {
    /// Opens the data folder, reads the library and parses the article the window will open
    /// (the `remembered` show and article if they are still there; see [`start_place`]) on
    /// another thread, while eframe opens the window and starts the GPU.
    pub fn start(data_dir: &Path, remembered: Option<(ShowId, Option<ArticleId>)>) -> Self {
        let data_dir = data_dir.to_owned();
        Self::spawn(move || {
            let opened = Store::open(&data_dir);
            let article = opened.as_ref().ok().and_then(|o| {
                let library = o.library.as_ref()?;
                let (_, article) = start_place(library, remembered, o.legacy_open)?;
                let (_, entry) = library.article(article?).ok()?;
                Some(PreparedArticle::new(entry))
            });
            (opened, article)
        })
    }

    /// Runs `job` on the loading thread (on this thread later, if it cannot start).
    fn spawn(job: impl FnOnce() -> Preloaded + Send + 'static) -> Self {
        Self(Task::spawn("fan-tracker-load", job))
    }

    /// Waits for what the thread read. When it could not run, the data folder is opened now,
    /// on this thread; when it panicked, the same, and the fault is returned to be told.
    pub fn finish(self, data_dir: &Path) -> (Preloaded, Option<PreloadFault>) {
        let load_here = || (Store::open(data_dir), None);
        match self.0.join() {
            Some(Ok(preloaded)) => (preloaded, None),
            None => (load_here(), None),
            Some(Err(message)) => {
                let fault = PreloadFault::Panicked { message };
                log::error!("the loading thread panicked; loading on the UI thread: {fault}");
                (load_here(), Some(fault))
            }
        }
    }
}

/// Why the window cannot open when the session has no display to show it on (none of
/// `WAYLAND_DISPLAY`, `WAYLAND_SOCKET` and `DISPLAY` is set), in words; `None` when there may
/// be one. Checked before anything is read or created.
pub fn no_display(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<String> {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return None;
    }
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    if ["WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DISPLAY"]
        .iter()
        .any(|name| set(name))
    {
        return None;
    }
    Some(
        "there is no display to open the window on (neither WAYLAND_DISPLAY nor DISPLAY is set): \
         start Fan Tracker from your desktop session, or use a command that needs no window \
         (fan-tracker --help)"
            .to_owned(),
    )
}

/// Set (to anything) to make a glyph that no font has, not even one the system font provider
/// finds, stop the app with a panic naming it instead of drawing a box: the real-window test
/// that Hangul is drawn runs the app this way.
pub const PANIC_ON_MISSING_GLYPH: &str = "FAN_TRACKER_PANIC_ON_MISSING_GLYPH";

/// Set by SIGINT, SIGTERM or SIGHUP.
static QUIT_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Where the signal handler finds the window, once there is one.
#[derive(Clone, Default)]
pub struct SignalGuard(Arc<OnceLock<egui::Context>>);

impl SignalGuard {
    /// Installs the handler: SIGINT, SIGTERM and SIGHUP ask the window to close.
    pub fn install() -> Self {
        let guard = Self::default();
        let window = guard.0.clone();
        let result = ctrlc::set_handler(move || {
            QUIT_REQUESTED.store(true, Ordering::SeqCst);
            if let Some(ctx) = window.get() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx.request_repaint();
            }
        });
        if let Err(error) = result {
            log::warn!("could not install the signal handler: {error}");
        }
        guard
    }

    /// Tells the handler about the window; a signal that came before it was ready closes it
    /// now, the normal way.
    pub fn window_ready(&self, ctx: &egui::Context) {
        let _ = self.0.set(ctx.clone());
        if QUIT_REQUESTED.load(Ordering::SeqCst) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_of_the_loading_thread_is_told_and_the_library_read_here() {
        let dir = tempfile::tempdir().unwrap();
        let preload = Preload::spawn(|| panic!("a test fault"));
        let ((opened, article), fault) = preload.finish(dir.path());
        assert!(opened.is_ok(), "the data folder was opened on this thread");
        assert!(article.is_none());
        let fault = fault.expect("the panic is reported");
        assert!(fault.to_string().contains("a test fault"), "{fault}");
        assert!(
            fault.to_string().contains("fault in Fan Tracker"),
            "{fault}"
        );
    }

    #[test]
    fn without_a_display_the_reason_is_told_in_words() {
        let none = |_: &str| None;
        let message = no_display(none).expect("no display");
        assert!(message.contains("no display"), "{message}");
        let x11 = |name: &str| (name == "DISPLAY").then(|| ":0".into());
        assert_eq!(no_display(x11), None);
        let wayland = |name: &str| (name == "WAYLAND_DISPLAY").then(|| "wayland-0".into());
        assert_eq!(no_display(wayland), None);
        let empty = |name: &str| (name == "DISPLAY").then(|| "".into());
        assert!(no_display(empty).is_some());
    }

    #[test]
    fn a_loading_thread_that_ends_well_is_not_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let preload = Preload::start(dir.path(), None);
        let ((opened, _), fault) = preload.finish(dir.path());
        assert!(fault.is_none());
        assert!(opened.is_ok());
    }
}
