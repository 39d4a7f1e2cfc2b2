//! The smallest eframe window, built with the same eframe features and profile as the app:
//! the floor that `scripts/bench-startup.sh` measures Fan Tracker's startup and memory against.
//!
//! `hello_baseline --unfilled` is the same window painted the way Fan Tracker paints: cleared
//! to the panel colour, with the panel not filled again. It shows how much of the difference to
//! the plain baseline is that one saving rather than the app's own work.

/// The one-label window cleared to the panel colour, its panel not filled.
struct Unfilled;

impl eframe::App for Unfilled {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame = egui::Frame::central_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            ui.label("Hello, world");
        });
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }
}

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hello Baseline")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    if std::env::args().any(|arg| arg == "--unfilled") {
        return eframe::run_native(
            "Hello Baseline",
            native,
            Box::new(|_cc| Ok(Box::new(Unfilled))),
        );
    }
    eframe::run_ui_native("Hello Baseline", native, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello, world");
        });
    })
}
