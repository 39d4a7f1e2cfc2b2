//! The window around the app: the `eframe::App` impl, what the window keeps across frames
//! (the laid-out article, the side panels' widths), the close guard, and the window's own state
//! remembered between runs ([`UiState`]).
//!
//! Layers read top to bottom: `main` starts a [`Shell`]; the shell lends the [`App`]'s parts
//! and its own caches to the panels in [`crate::ui`], then lets the app apply what they asked
//! for. The app below knows nothing of panels or windows.

mod startup;
mod ui_state;

use std::ops::{Deref, DerefMut};
use std::time::Duration;

pub use startup::{PANIC_ON_MISSING_GLYPH, Preload, PreloadFault, Preloaded, SignalGuard};
pub use ui_state::{Theme, UI_STATE_FILE, UiState, UiStateError, UiStateKeeper, WRITE_INTERVAL};

use crate::app::{App, AppOptions};
use crate::ui::{ArticleCache, PanelWidths};

/// The window: the app, and what only the window needs.
///
/// It dereferences to its [`App`] (`shell.library()`, `shell.view`), so code that drives a
/// window (tests, benchmarks) reaches the app the same way with or without the shell.
pub struct Shell {
    app: App,
    /// The laid-out article, kept across frames.
    pub article_cache: ArticleCache,
    /// The side panels' widths, as last drawn.
    widths: PanelWidths,
    /// The window's state as last seen (written once more when the window goes).
    state: UiState,
    /// Writes the window's state when it changes.
    keeper: UiStateKeeper,
}

impl Shell {
    /// The window on `app`, with the state remembered in the app's data folder (theme, zoom,
    /// panel widths, the open show) applied to it and to `ctx`.
    pub fn new(app: App, ctx: &egui::Context) -> Self {
        let state = UiState::load(app.data_dir());
        Self::with_state(app, state, ctx)
    }

    /// The window on `app` with `state` (read from the data folder before the window opened)
    /// applied: the remembered show and article are opened if they are still in the library,
    /// the theme and zoom set on `ctx`.
    pub fn with_state(mut app: App, state: UiState, ctx: &egui::Context) -> Self {
        if let Some(show) = state.open_show
            && !app.reopen(show, state.open_article)
        {
            log::info!("the show open last time is no longer in the library");
        }
        ctx.set_theme(egui::ThemePreference::from(state.theme));
        if let Some(zoom) = state.zoom {
            ctx.set_zoom_factor(zoom);
        }
        let defaults = PanelWidths::default();
        let widths = PanelWidths {
            library: state.library_width.unwrap_or(defaults.library),
            threads: state.threads_width.unwrap_or(defaults.threads),
        };
        Self {
            keeper: UiStateKeeper::new(app.data_dir(), state.clone()),
            state,
            article_cache: ArticleCache::default(),
            widths,
            app,
        }
    }

    /// Builds the window from what [`Preload`] read (reading it now if the thread could not
    /// run or failed; a failure is told in the window), with `state` applied (see
    /// [`Shell::with_state`]).
    pub fn from_preload(
        preload: Preload,
        options: AppOptions,
        state: UiState,
        ctx: &egui::Context,
    ) -> Self {
        if std::env::var_os(PANIC_ON_MISSING_GLYPH).is_some() {
            ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        }
        let ((opened, article), fault) = preload.finish(&options.data_dir);
        let mut app = App::with_store(opened, options, Some(ctx));
        if let Some(fault) = fault {
            app.notify(fault.to_string());
        }
        let mut shell = Self::with_state(app, state, ctx);
        if let Some(article) = article {
            shell.article_cache.adopt(article);
        }
        shell
    }

    /// The app.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// The app, to change.
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    /// The side panels' widths as last drawn.
    pub fn panel_widths(&self) -> PanelWidths {
        self.widths
    }

    /// One frame without the window around it (what [`eframe::App::ui`] does, less the close
    /// guard): the panels drawn, what they asked for applied, the window's state remembered.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let mut parts = self.app.parts(&mut self.article_cache);
        crate::ui::root_ui(ui, &mut parts, &mut self.widths);
        let mut wait = self.app.after_frame();
        if let Some(pending) = self.remember(ui.ctx(), false) {
            wait = Some(wait.map_or(pending, |w| w.min(pending)));
        }
        if let Some(wait) = wait {
            ui.ctx().request_repaint_after(wait);
        }
    }

    /// The window's state as last seen (after the last frame).
    pub fn ui_state(&self) -> &UiState {
        &self.state
    }

    /// Writes the window's state if it changed (at most every [`WRITE_INTERVAL`] unless
    /// `now`); returns how long until a change not yet written may be.
    fn remember(&mut self, ctx: &egui::Context, now: bool) -> Option<Duration> {
        let zoom = ctx.zoom_factor();
        let seen = ctx.input(|i| {
            let viewport = i.viewport();
            let whole = viewport.maximized == Some(true) || viewport.fullscreen == Some(true);
            // The viewport's rectangle is in the zoomed points egui draws with; the window's
            // size is given in unzoomed ones.
            let size = viewport.inner_rect.map(|r| r.size() * zoom);
            size.filter(|_| !whole)
        });
        self.state = UiState {
            theme: ctx.options(|o| o.theme_preference).into(),
            zoom: ((zoom - 1.0).abs() > f32::EPSILON).then_some(zoom),
            library_width: Some(self.widths.library),
            threads_width: Some(self.widths.threads),
            // Kept as it was when the window does not say (or is maximised).
            window_size: seen
                .map(|size| [size.x.round(), size.y.round()])
                .or(self.state.window_size),
            open_show: self.app.view.open_show,
            open_article: self.app.view.open_article,
        };
        self.keeper.move_to(self.app.data_dir());
        self.keeper.keep(&self.state, now)
    }

    /// Handles a request to close the window: saves first, and if edits would be lost (the
    /// save failed, or there is nowhere to save), keeps the window open and asks the user
    /// (unless they already chose to quit without saving).
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.app.view.quit_without_saving {
            return;
        }
        self.app.save_now_blocking();
        if self.app.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.app.view.close_blocked = true;
        }
    }

    /// A quit held back because edits were not saved goes ahead once they are (a retry
    /// succeeded, or the user saved them to another folder or exported them).
    fn finish_held_quit(&mut self, ctx: &egui::Context) {
        if self.app.view.close_blocked && !self.app.has_unsaved_changes() {
            self.app.view.close_blocked = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

impl Deref for Shell {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Shell {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Reports first, so the status line and the close dialog tell the truth this frame.
        self.app.collect_reports();
        self.guard_close(ui.ctx());
        self.frame_ui(ui);
        self.finish_held_quit(ui.ctx());
    }

    /// The panel colour: the panels are drawn without a fill of their own (see `ui::root_ui`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn on_exit(&mut self) {
        self.keeper.keep(&self.state, true);
        self.app.shutdown();
    }
}

/// The window's state is written once more when the window goes (the last change may not be
/// written yet); the app then saves what is unsaved as it goes.
impl Drop for Shell {
    fn drop(&mut self) {
        self.keeper.keep(&self.state, true);
    }
}
