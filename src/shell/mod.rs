//! The window around the app: the `eframe::App` impl, what the window keeps across frames
//! (the laid-out article, the side panels' widths), the close guard, and the window's own state
//! remembered between runs ([`UiState`]).
//!
//! Layers read top to bottom: `main` starts a [`Shell`]; the shell lends the [`App`]'s parts
//! and its own caches to the panels in [`crate::ui`], then lets the app apply what they asked
//! for. The app below knows nothing of panels or windows.

#[cfg(unix)]
pub mod handoff;
mod identity;
mod kept_typing;
mod startup;
mod ui_state;

use std::ops::{Deref, DerefMut};
use std::time::Duration;

pub use identity::{APP_ID, DATA_FOLDER_NAME, window_icon};
pub use startup::{
    PANIC_ON_MISSING_GLYPH, Preload, PreloadFault, Preloaded, SignalGuard, no_display,
};
pub use ui_state::{Theme, UI_STATE_FILE, UiState, UiStateError, UiStateKeeper, WRITE_INTERVAL};

use crate::app::{App, AppOptions};
use crate::ui::{ArticleCache, LIBRARY_RANGE, PanelWidths, TOOLS_RANGE, Workspace};

/// The window: the app, and what only the window needs.
///
/// It dereferences to its [`App`] (`shell.library()`, `shell.view`), so code that drives a
/// window (tests, benchmarks) reaches the app the same way with or without the shell.
pub struct Shell {
    app: App,
    /// The laid-out article, kept across frames.
    pub article_cache: ArticleCache,
    /// The workspace's shape: the side panels' widths as last drawn, what is folded, the tab.
    workspace: Workspace,
    /// The window's state as last seen (written once more when the window goes).
    state: UiState,
    /// Writes the window's state when it changes.
    keeper: UiStateKeeper,
    /// Files handed over by later launches on the same data folder (see [`handoff`]).
    #[cfg(unix)]
    handoff: Option<handoff::Listener>,
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
        state.restore_typed(&mut app.view);
        if let Some(theme) = state.theme {
            ctx.set_theme(egui::ThemePreference::from(theme));
        }
        if let Some(zoom) = state.zoom {
            ctx.set_zoom_factor(zoom);
        }
        let defaults = Workspace::default();
        let workspace = Workspace {
            widths: PanelWidths {
                library: state
                    .library_width
                    .map_or(defaults.widths.library, |w| clamp(w, &LIBRARY_RANGE)),
                threads: state
                    .threads_width
                    .map_or(defaults.widths.threads, |w| clamp(w, &TOOLS_RANGE)),
            },
            library_open: state.library_open.unwrap_or(defaults.library_open),
            drawer_open: state.tools_drawer_open.unwrap_or(defaults.drawer_open),
            ..defaults
        };
        Self {
            keeper: UiStateKeeper::new(app.data_dir(), state.clone()),
            state,
            article_cache: ArticleCache::default(),
            workspace,
            app,
            #[cfg(unix)]
            handoff: None,
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
            let (id, body, document) = (
                article.article,
                article.body.clone(),
                article.document.clone(),
            );
            shell.app.adopt_document(id, body, document);
            shell.article_cache.adopt(article);
        }
        #[cfg(unix)]
        shell.listen(ctx);
        shell
    }

    /// Listens for files handed over by later launches on the data folder (see [`handoff`]),
    /// unless this window is read-only (the one holding the folder listens).
    #[cfg(unix)]
    fn listen(&mut self, ctx: &egui::Context) {
        if self.app.is_read_only() {
            return;
        }
        let ctx = ctx.clone();
        match handoff::Listener::start(self.app.data_dir(), move || ctx.request_repaint()) {
            Ok(listener) => self.handoff = Some(listener),
            Err(error) => log::warn!("later launches cannot hand files to this window: {error}"),
        }
    }

    /// Opens the files later launches handed over and brings the window to the front.
    #[cfg(unix)]
    fn open_handed(&mut self, ctx: &egui::Context) {
        let Some(listener) = &self.handoff else {
            return;
        };
        for handoff::Handed(files) in listener.take() {
            for file in files {
                self.app.push(crate::app::Command::ImportFile(file));
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        }
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
        self.workspace.widths
    }

    /// The workspace's shape (widths, folded panels, the tools tab).
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace's shape, to change (as the fan's clicks would).
    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.workspace
    }

    /// One frame without the window around it (what [`eframe::App::ui`] does, less the close
    /// guard): the panels drawn, what they asked for applied, the window's state remembered.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let mut parts = self.app.parts(&mut self.article_cache);
        if parts.document.is_none()
            && parts.open_article().is_some()
            && !parts.cache.document().blocks.is_empty()
        {
            // The open article is being parsed (on a job): no other article's text is shown
            // under its title meanwhile.
            *parts.cache = ArticleCache::default();
        }
        crate::ui::root_ui(ui, &mut parts, &mut self.workspace);
        let mut wait = self.app.after_frame();
        if let Some(pending) = self.remember(ui.ctx(), false) {
            wait = Some(wait.map_or(pending, |w| w.min(pending)));
        }
        if let Some(wait) = wait {
            ui.ctx().request_repaint_after(wait);
        }
    }

    /// Waits until the window's state handed to its writer thread is written (tests: a frame
    /// never waits for it; see [`UiStateKeeper::flush`]).
    pub fn flush_ui_state(&self) {
        self.keeper.flush();
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
        let before = std::mem::take(&mut self.state);
        self.state = UiState {
            theme: Some(ctx.options(|o| o.theme_preference).into()),
            zoom: ((zoom - 1.0).abs() > f32::EPSILON).then_some(zoom),
            library_width: Some(self.workspace.widths.library),
            threads_width: Some(self.workspace.widths.threads),
            library_open: Some(self.workspace.library_open),
            tools_drawer_open: Some(self.workspace.drawer_open),
            // Kept as it was when the window does not say (or is maximised).
            window_size: seen
                .map(|size| [size.x.round(), size.y.round()])
                .or(before.window_size),
            open_show: self.app.view.open_show,
            open_article: self.app.view.open_article,
            ..before
        };
        self.state.remember_typed(&self.app.view, now);
        self.keep_state(now)
    }

    /// Writes the window's state if it changed (see [`UiStateKeeper::keep`]). A read-only
    /// window (another one writes to the data folder) leaves the file to that one.
    fn keep_state(&mut self, now: bool) -> Option<Duration> {
        if self.app.is_read_only() {
            return None;
        }
        if now {
            self.state.remember_typed(&self.app.view, true);
        }
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
        // What is typed but not yet committed is saved too.
        self.app.commit_drafts(true);
        self.app.commit_new_prediction();
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

/// `width` within `range` (a width remembered from an older version may lie outside it).
fn clamp(width: f32, range: &std::ops::RangeInclusive<f32>) -> f32 {
    width.clamp(*range.start(), *range.end())
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
        #[cfg(unix)]
        self.open_handed(ui.ctx());
        self.guard_close(ui.ctx());
        self.frame_ui(ui);
        self.finish_held_quit(ui.ctx());
    }

    /// The panel colour: the panels are drawn without a fill of their own (see `ui::root_ui`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    /// While an input method composes a syllable, the keys it uses (Enter, Backspace, Escape,
    /// Tab) are its own: they neither end the field nor act as shortcuts. (winit does not send
    /// them on X11, Wayland or macOS, and egui-winit drops them on Windows; this keeps it so
    /// whatever the platform sends.)
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        drop_composing_keys(raw_input, self.app.view.composing);
    }

    fn on_exit(&mut self) {
        self.keep_state(true);
        self.app.shutdown();
    }
}

/// The window's state is written once more when the window goes (the last change may not be
/// written yet); the app then saves what is unsaved as it goes.
impl Drop for Shell {
    fn drop(&mut self) {
        self.keep_state(true);
    }
}

/// Drops from `raw_input` the key events an input method uses while it composes (Enter,
/// Backspace, Escape, Tab, pressed or released), so they reach neither the field nor the
/// window's shortcuts. `composing` says whether a composition was under way when the events
/// came; the events themselves end it (a commit) or start it (a pre-edit text), so an Enter
/// that comes after the commit of the last syllable is the fan's again.
pub fn drop_composing_keys(raw_input: &mut egui::RawInput, composing: bool) {
    use egui::{Event, ImeEvent, Key};
    let mut composing = composing;
    raw_input.events.retain(|event| match event {
        Event::Ime(ImeEvent::Preedit { text, .. }) => {
            composing = !text.is_empty();
            true
        }
        Event::Ime(ImeEvent::Commit(_)) => {
            composing = false;
            true
        }
        Event::Key {
            key: Key::Enter | Key::Backspace | Key::Escape | Key::Tab,
            ..
        } => !composing,
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::app::Command;
    use crate::model::{Article, ArticleEntry, ArticleFormat, ArticleId, Library, Show, ShowId};
    use crate::storage::{LIBRARY_FILE, SaveRequest, Store};

    /// Saves a library of the built-in show and a second one in `dir`; returns the second
    /// show and its article.
    fn two_shows(dir: &Path) -> (ShowId, ArticleId) {
        let mut library = Library::default();
        let show = ShowId(library.allocate_id());
        let article = ArticleId(library.allocate_id());
        let mut second = Show::new(show, "The Second Show");
        second.articles.push(ArticleEntry::new(
            article,
            Article {
                title: "The Second Show returns".into(),
                as_of: None,
                format: ArticleFormat::PlainText,
                body: "Filming starts in the spring.".into(),
                source_path: None,
                source_url: None,
            },
        ));
        library.shows.push(second);
        let mut opened = Store::open(dir).unwrap();
        opened.store.save(&SaveRequest::new(library)).unwrap();
        (show, article)
    }

    /// The window on `dir` in a harness, after a few frames.
    fn window(dir: &Path) -> Harness<'static, Shell> {
        let options = AppOptions {
            data_dir: dir.to_owned(),
            open_file: None,
        };
        let mut harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| {
                // The built-in show's Hangul title, as the system font provider finds it in
                // the real app (Debian's fonts-nanum, which the UI tests need anyway).
                let font = std::fs::read("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
                    .expect("the Korean font of fonts-nanum");
                cc.egui_ctx.add_font(egui::epaint::text::FontInsert::new(
                    "korean",
                    egui::FontData::from_owned(font),
                    vec![egui::epaint::text::InsertFontFamily {
                        family: egui::FontFamily::Proportional,
                        priority: egui::epaint::text::FontPriority::Lowest,
                    }],
                ));
                Shell::new(App::new(options, Some(&cc.egui_ctx)), &cc.egui_ctx)
            });
        for _ in 0..4 {
            harness.step();
        }
        harness
    }

    #[test]
    fn the_open_show_and_panel_widths_are_there_again_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let (second, article) = two_shows(dir.path());
        UiState {
            library_width: Some(250.0),
            zoom: Some(1.5),
            ..UiState::default()
        }
        .write(dir.path())
        .unwrap();
        let mut harness = window(dir.path());
        assert!((harness.ctx.zoom_factor() - 1.5).abs() < f32::EPSILON);
        assert_ne!(harness.state().view.open_show, Some(second));
        assert!((harness.state().panel_widths().library - 250.0).abs() < 1.0);
        harness.state_mut().push(Command::OpenShow(second));
        harness.step();
        drop(harness);

        let remembered = UiState::load(dir.path());
        assert_eq!(remembered.open_show, Some(second));
        assert_eq!(remembered.open_article, Some(article));
        assert_eq!(remembered.zoom, Some(1.5));
        let harness = window(dir.path());
        assert_eq!(harness.state().view.open_show, Some(second));
        assert_eq!(harness.state().view.open_article, Some(article));
        assert!((harness.state().panel_widths().library - 250.0).abs() < 1.0);
    }

    #[test]
    fn the_remembered_theme_and_zoom_are_set_on_the_window() {
        // Not in a harness: kittest sets its own theme after the app is built.
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let app = App::new(
            AppOptions {
                data_dir: dir.path().to_owned(),
                open_file: None,
            },
            None,
        );
        let state = UiState {
            theme: Some(Theme::Light),
            zoom: Some(1.25),
            ..UiState::default()
        };
        let _shell = Shell::with_state(app, state, &ctx);
        // The zoom factor takes effect at the next frame.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        assert_eq!(
            ctx.options(|o| o.theme_preference),
            egui::ThemePreference::Light
        );
        assert!((ctx.zoom_factor() - 1.25).abs() < f32::EPSILON);
    }

    #[test]
    fn a_damaged_state_file_opens_the_library_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        two_shows(dir.path());
        std::fs::write(UiState::path(dir.path()), b"\x00\xff not json").unwrap();
        let harness = window(dir.path());
        assert_eq!(harness.state().library().shows.len(), 2);
        assert_eq!(
            harness.state().view.open_show,
            Some(harness.state().library().shows[0].id)
        );
        assert!(
            harness.state().notices().is_empty(),
            "nothing to tell the fan"
        );
        drop(harness);
        // The library is read and saved as always (its suggestions computed on the way).
        let saved = crate::storage::Store::read_library(&dir.path().join(LIBRARY_FILE)).unwrap();
        let titles: Vec<&str> = saved.shows.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles.len(), 2);
        assert_eq!(titles[1], "The Second Show");
        assert!(UiState::read(dir.path()).is_ok(), "written anew on exit");
    }

    #[test]
    fn a_show_no_longer_in_the_library_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        two_shows(dir.path());
        UiState {
            open_show: Some(ShowId(999)),
            ..UiState::default()
        }
        .write(dir.path())
        .unwrap();
        let harness = window(dir.path());
        assert_eq!(
            harness.state().view.open_show,
            Some(harness.state().library().shows[0].id)
        );
    }

    #[test]
    fn a_read_only_window_leaves_the_state_file_to_the_one_that_writes() {
        let dir = tempfile::tempdir().unwrap();
        let (second, _) = two_shows(dir.path());
        let writer = Store::open(dir.path()).unwrap();
        let mut harness = window(dir.path());
        assert!(harness.state().is_read_only());
        harness.state_mut().push(Command::OpenShow(second));
        harness.step();
        drop(harness);
        assert_eq!(UiState::read(dir.path()).unwrap(), None);
        drop(writer);
    }

    #[test]
    fn backups_that_cannot_be_listed_are_not_shown_as_none() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the backups folder should be: listing it fails, whoever runs this.
        std::fs::create_dir_all(dir.path()).unwrap();
        std::fs::write(dir.path().join("backups"), b"").unwrap();
        let mut harness = window(dir.path());
        harness.state_mut().push(Command::ListBackups);
        harness.step();
        harness.state_mut().finish_jobs_blocking();
        harness.step();
        harness.step();
        assert!(matches!(harness.state().view.backups, Some(Err(_))));
        harness.get_by_label_contains("The backups could not be listed");
        assert!(
            harness
                .query_by_label_contains("There are no backups yet")
                .is_none()
        );
    }
}
