//! The Predictions view (issue 19, items 1 and 3): every prediction of the library in one
//! virtualised table, sorted and filtered, and the calibration of the scored ones. Its rows
//! and statistics are computed once per change of the library, filter or sort (see
//! [`crate::app::LedgerView::computed`]), never per frame.

use egui::{Role, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Line, Plot, PlotPoints, Points, Text};

use super::UiParts;
use super::widgets::{FieldKind, set_label, text_field};
use crate::app::Command;
use crate::model::{BINS, Calibration, LedgerColumn, LedgerRow, StateFilter};

/// The label of the menu entry and button that open the view.
pub const PREDICTIONS_VIEW: &str = "Predictions…";

/// Shows the Predictions view in a window of its own while it is open.
pub fn ledger_window(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let mut open = parts.view.ledger.open;
    if !open {
        return;
    }
    egui::Window::new("Predictions")
        .open(&mut open)
        .default_size([900.0, 560.0])
        .vscroll(false)
        .show(ui.ctx(), |ui| ledger_ui(ui, parts));
    parts.view.ledger.open &= open;
}

/// The whole view, for a window, a panel or a tab: filters, the table, the calibration.
pub fn ledger_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    filters_ui(ui, parts);
    let today = jiff::ZonedDateTime::now().date();
    let cache = parts
        .view
        .ledger
        .computed(parts.library, parts.generation, today)
        .clone();
    ui.label(format!(
        "{} of {} shown",
        cache.rows.len(),
        parts
            .library
            .threads()
            .map(|t| t.predictions.len())
            .sum::<usize>()
    ));
    egui::CollapsingHeader::new("Calibration")
        .default_open(true)
        .show(ui, |ui| calibration_ui(ui, &cache.calibration));
    table_ui(ui, parts, &cache.rows);
}

fn filters_ui(ui: &mut Ui, parts: &mut UiParts<'_>) {
    let library = parts.library;
    let view = &mut *parts.view;
    ui.horizontal_wrapped(|ui| {
        let filter = &mut view.ledger.filter;
        let shown = filter
            .show
            .and_then(|id| library.show(id).ok())
            .map_or_else(|| "All shows".to_owned(), |s| s.title.clone());
        let combo = egui::ComboBox::from_id_salt("ledger_show")
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.show, None, "All shows");
                for show in &library.shows {
                    ui.selectable_value(&mut filter.show, Some(show.id), &show.title);
                }
            });
        set_label(&combo.response, Role::ComboBox, &format!("Show: {shown}"));
        for state in StateFilter::ALL {
            let chip = ui.selectable_value(&mut filter.state, state, state.label());
            set_label(&chip, Role::Button, &format!("State: {}", state.label()));
        }
        let id = ui.make_persistent_id("ledger_text");
        let typed = text_field(
            ui,
            id,
            &mut filter.text,
            FieldKind::Line,
            "Find…",
            160.0,
            &mut view.composing,
        );
        set_label(&typed.response, Role::SearchInput, "Find predictions");
    });
}

fn table_ui(ui: &mut Ui, parts: &mut UiParts<'_>, rows: &[LedgerRow]) {
    let ledger = &mut parts.view.ledger;
    let mut open = None;
    let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for column in LedgerColumn::ALL {
        table = table.column(match column {
            LedgerColumn::Statement => Column::remainder().at_least(160.0).clip(true),
            LedgerColumn::Show | LedgerColumn::Thread => {
                Column::initial(140.0).at_least(60.0).clip(true)
            }
            _ => Column::auto().at_least(60.0),
        });
    }
    table
        .header(height + 4.0, |mut header| {
            for column in LedgerColumn::ALL {
                header.col(|ui| {
                    let arrow = match (ledger.sort == column, ledger.descending) {
                        (false, _) => "",
                        (true, false) => " ↑",
                        (true, true) => " ↓",
                    };
                    let button = ui.button(format!("{}{arrow}", column.title()));
                    set_label(
                        &button,
                        Role::Button,
                        &format!("Sort by {}", column.title()),
                    );
                    if button.clicked() {
                        ledger.descending = ledger.sort == column && !ledger.descending;
                        ledger.sort = column;
                    }
                });
            }
        })
        .body(|body| {
            body.rows(height, rows.len(), |mut row| {
                let Some(item) = rows.get(row.index()) else {
                    return;
                };
                let p = &item.prediction;
                row.col(|ui| {
                    ui.label(&item.show_title);
                });
                row.col(|ui| {
                    ui.label(&item.thread_title);
                });
                row.col(|ui| {
                    if ui
                        .link(&p.statement)
                        .on_hover_text("Open its thread")
                        .clicked()
                    {
                        open = Some(item);
                    }
                });
                row.col(|ui| {
                    ui.label(p.probability().to_string());
                });
                row.col(|ui| {
                    ui.label(
                        p.made_on()
                            .map_or_else(|| "unknown".into(), |d| d.to_string()),
                    );
                });
                row.col(|ui| {
                    ui.label(p.resolve_by.map(|d| d.to_string()).unwrap_or_default());
                });
                row.col(|ui| {
                    ui.label(p.outcome.label());
                });
                row.col(|ui| {
                    ui.label(p.brier().map(|b| format!("{b:.3}")).unwrap_or_default());
                });
            });
        });
    if let Some(item) = open {
        parts.commands.push(Command::OpenShow(item.show));
        parts
            .commands
            .push(Command::SelectThread(Some(item.thread)));
    }
}

/// The calibration chart: how often predictions came true against the probability stated,
/// ten bins, the diagonal of perfect calibration, the count in each bin; then the mean Brier
/// score against the 0.25 of "always 50 %", and how many were not scored.
fn calibration_ui(ui: &mut Ui, calibration: &Calibration) {
    let scored = calibration.brier.map_or(0, |b| b.1);
    let summary = match calibration.brier {
        Some((mean, n)) => format!(
            "Mean Brier score {mean:.3} over {n} scored ({} than always saying 50 %, which scores 0.250)",
            if mean < 0.25 {
                "better"
            } else if mean > 0.25 {
                "worse"
            } else {
                "the same"
            }
        ),
        None => "No prediction scored yet".to_owned(),
    };
    ui.label(summary);
    ui.label(format!(
        "Not scored: {} pending, {} ambiguous",
        calibration.pending, calibration.ambiguous
    ));
    if scored == 0 {
        return;
    }
    let bins = calibration.bins;
    let points: Vec<[f64; 2]> = bins
        .iter()
        .filter_map(|b| Some([b.mean_stated()? * 100.0, b.frequency()? * 100.0]))
        .collect();
    Plot::new("calibration")
        .height(180.0)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(105.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("stated %")
        .y_axis_label("came true %")
        .show(ui, |plot| {
            plot.line(Line::new(
                "perfect calibration",
                PlotPoints::from(vec![[0.0, 0.0], [100.0, 100.0]]),
            ));
            plot.points(Points::new("your predictions", PlotPoints::from(points)).radius(5.0));
            for (i, bin) in bins.iter().enumerate().filter(|(_, b)| b.count > 0) {
                let x = i as f64 * 10.0 + 5.0;
                plot.text(Text::new(
                    "count",
                    egui_plot::PlotPoint::new(x, 103.0),
                    bin.count.to_string(),
                ));
            }
        });
    ui.horizontal_wrapped(|ui| {
        for (i, bin) in bins.iter().enumerate().filter(|(_, b)| b.count > 0) {
            let high = if i + 1 == BINS { 100 } else { i * 10 + 10 };
            ui.label(
                egui::RichText::new(format!(
                    "{}–{high} %: {} ({} came true)",
                    i * 10,
                    bin.count,
                    bin.came_true
                ))
                .small(),
            );
        }
    });
}
