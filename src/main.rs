//! Fan Tracker's entry point: logging, command line, data folder, window.

use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;
use clap::Parser as _;
use fan_tracker::app::{App, AppOptions};
use fan_tracker::cli::Cli;
use fan_tracker::storage::{OpenedStore, StorageError, Store};
use fan_tracker::ui::PreparedArticle;
use std::path::Path;
use std::thread::JoinHandle;

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fan-tracker: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let data_dir = cli.resolve_data_dir()?;
    let options = AppOptions {
        data_dir,
        open_file: cli.file,
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Fan Tracker")
            .with_app_id("fan-tracker")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let window_ctx = std::sync::Arc::new(std::sync::OnceLock::<egui::Context>::new());
    close_on_signals(window_ctx.clone());
    let preload = preload_library(&options.data_dir);
    eframe::run_native(
        "Fan Tracker",
        native,
        Box::new(move |cc| {
            let _ = window_ctx.set(cc.egui_ctx.clone());
            // A signal that came before the window was ready closes it now, the normal way.
            if QUIT_REQUESTED.load(Ordering::SeqCst) {
                cc.egui_ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            let (opened, article) = preload
                .and_then(|thread| thread.join().ok())
                .unwrap_or_else(|| (Store::open(&options.data_dir), None));
            let mut app = App::with_store(opened, options, Some(&cc.egui_ctx));
            if let Some(article) = article {
                app.article_cache.adopt(article);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}

/// What the loader thread hands over: the opened data folder and the open article, parsed.
type Preloaded = (Result<OpenedStore, StorageError>, Option<PreparedArticle>);

/// Opens the data folder, reads the library and parses the open article on another thread,
/// while eframe opens the window and starts the GPU; `None` if the thread could not start.
fn preload_library(data_dir: &Path) -> Option<JoinHandle<Preloaded>> {
    let data_dir = data_dir.to_owned();
    std::thread::Builder::new()
        .name("fan-tracker-load".into())
        .spawn(move || {
            let opened = Store::open(&data_dir);
            let article = opened
                .as_ref()
                .ok()
                .and_then(|o| o.library.as_ref())
                .and_then(|library| library.open_dossier())
                .map(PreparedArticle::new);
            (opened, article)
        })
        .ok()
}

/// Set by SIGINT, SIGTERM or SIGHUP.
static QUIT_REQUESTED: AtomicBool = AtomicBool::new(false);

/// SIGINT, SIGTERM and SIGHUP close the window the normal way, so unsaved edits are saved.
fn close_on_signals(window_ctx: std::sync::Arc<std::sync::OnceLock<egui::Context>>) {
    let result = ctrlc::set_handler(move || {
        QUIT_REQUESTED.store(true, Ordering::SeqCst);
        if let Some(ctx) = window_ctx.get() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        }
    });
    if let Err(error) = result {
        log::warn!("could not install the signal handler: {error}");
    }
}
