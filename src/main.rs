//! Fan Tracker's entry point: logging, command line, data folder, window.

use anyhow::Context as _;
use fan_tracker::app::AppOptions;
use fan_tracker::cli::{Cli, CliCommand};
use fan_tracker::shell::{Preload, Shell, SignalGuard, UiState, window_icon};

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
        Some(CliCommand::ImportBackup(args)) => {
            return fan_tracker::cli::import_backup::run(args, &cli.resolve_data_dir()?);
        }
        None => {}
    }
    let data_dir = cli.resolve_data_dir()?;
    if let Some(why) = fan_tracker::shell::no_display(|name| std::env::var_os(name)) {
        anyhow::bail!(why);
    }
    // One window per library: a window already open on the folder takes the files.
    #[cfg(unix)]
    if fan_tracker::shell::handoff::hand_over_or_open(&data_dir, &cli.files) {
        return Ok(());
    }
    let mut files = cli.files.into_iter();
    let options = AppOptions {
        data_dir,
        open_file: files.next(),
    };
    let more_files: Vec<_> = files.collect();
    // The window's own state (size, panels, theme, the open show) is read before it opens.
    let state = UiState::load(&options.data_dir);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Fan Tracker")
            .with_app_id(fan_tracker::shell::APP_ID)
            .with_inner_size(state.window_size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size(fan_tracker::ui::MIN_WINDOW),
        ..Default::default()
    };
    let native = eframe::NativeOptions {
        viewport: match window_icon() {
            Some(icon) => native.viewport.with_icon(icon),
            None => native.viewport,
        },
        ..native
    };
    let signals = SignalGuard::install();
    let remembered = state.open_show.map(|show| (show, state.open_article));
    let preload = Preload::start(&options.data_dir, remembered);
    eframe::run_native(
        "Fan Tracker",
        native,
        Box::new(move |cc| {
            signals.window_ready(&cc.egui_ctx);
            let mut shell = Shell::from_preload(preload, options, state, &cc.egui_ctx);
            for file in more_files {
                shell.push(fan_tracker::app::Command::ImportFile(file));
            }
            Ok(Box::new(shell))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}
