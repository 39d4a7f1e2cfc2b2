//! The smallest eframe window, built with the same eframe features and profile as the app:
//! the floor that `scripts/bench-startup.sh` measures Fan Tracker's startup and memory against.

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hello Baseline")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_ui_native("Hello Baseline", native, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello, world");
        });
    })
}
