//! Starting up and shutting down the process: the data folder is opened and the open article
//! parsed on a thread of their own while eframe opens the window, and SIGINT, SIGTERM and
//! SIGHUP close the window the normal way (so edits are saved).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

use super::{App, AppOptions};
use crate::storage::{OpenedStore, StorageError, Store};
use crate::ui::PreparedArticle;

/// What the loader thread hands over: the opened data folder and the open article, parsed.
type Preloaded = (Result<OpenedStore, StorageError>, Option<PreparedArticle>);

/// The library being read on another thread.
pub struct Preload(Option<JoinHandle<Preloaded>>);

impl Preload {
    /// Opens the data folder, reads the library and parses the open article on another
    /// thread, while eframe opens the window and starts the GPU.
    pub fn start(data_dir: &Path) -> Self {
        let data_dir = data_dir.to_owned();
        let handle = std::thread::Builder::new()
            .name("fan-tracker-load".into())
            .spawn(move || {
                let opened = Store::open(&data_dir);
                let article = opened
                    .as_ref()
                    .ok()
                    .and_then(|o| Some((o.library.as_ref()?, o.legacy_open)))
                    .and_then(|(library, open)| library.start_show(open)?.latest_article())
                    .map(PreparedArticle::new);
                (opened, article)
            });
        match handle {
            Ok(handle) => Self(Some(handle)),
            Err(error) => {
                log::warn!(
                    "could not start the loading thread ({error}); loading on the UI thread"
                );
                Self(None)
            }
        }
    }
}

/// Set (to anything) to make a glyph that no font has, not even one the system font provider
/// finds, stop the app with a panic naming it instead of drawing a box: the real-window test
/// that Hangul is drawn runs the app this way.
pub const PANIC_ON_MISSING_GLYPH: &str = "FAN_TRACKER_PANIC_ON_MISSING_GLYPH";

impl App {
    /// Builds the app from what [`Preload`] read (or reads it now if the thread failed).
    pub fn from_preload(preload: Preload, options: AppOptions, ctx: &egui::Context) -> Self {
        if std::env::var_os(PANIC_ON_MISSING_GLYPH).is_some() {
            ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        }
        let (opened, article) = preload
            .0
            .and_then(|thread| thread.join().ok())
            .unwrap_or_else(|| (Store::open(&options.data_dir), None));
        let mut app = App::with_store(opened, options, Some(ctx));
        if let Some(article) = article {
            app.article_cache.adopt(article);
        }
        app
    }
}

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
