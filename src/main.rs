//! Fan Tracker's entry point: logging, command line, data folder, window.

use anyhow::Context as _;
use fan_tracker::app::AppOptions;
use fan_tracker::cli::{Cli, CliCommand};
use fan_tracker::shell::{Preload, Shell, SignalGuard, UiState};

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
    let cli = Cli::parse_checked();
    match &cli.command {
        Some(CliCommand::Suggest(args)) => return fan_tracker::cli::suggest::run(args),
        Some(CliCommand::Export(args)) => {
            return fan_tracker::cli::export::run(args, &cli.resolve_data_dir()?);
        }
        None => {}
    }
    let data_dir = cli.resolve_data_dir()?;
    let options = AppOptions {
        data_dir,
        open_file: cli.file,
    };
    // The window's own state (size, panels, theme, the open show) is read before it opens.
    let state = UiState::load(&options.data_dir);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Fan Tracker")
            .with_app_id("fan-tracker")
            .with_inner_size(state.window_size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size(fan_tracker::ui::MIN_WINDOW),
        ..Default::default()
    };
    let signals = SignalGuard::install();
    let remembered = state.open_show.map(|show| (show, state.open_article));
    let preload = Preload::start(&options.data_dir, remembered);
    eframe::run_native(
        "Fan Tracker",
        native,
        Box::new(move |cc| {
            signals.window_ready(&cc.egui_ctx);
            Ok(Box::new(Shell::from_preload(
                preload,
                options,
                state,
                &cc.egui_ctx,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}
