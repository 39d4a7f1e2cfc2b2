//! A prediction's history as a small step chart (`egui_plot`): each probability given holds
//! until the next one.

use egui::Ui;
use egui_plot::{Line, Plot, PlotPoints};

use crate::model::Prediction;

/// The points of the step chart of `prediction`: x is the number of the probability given
/// (0 for the first), y the percentage; each value is held until the next is given.
pub fn history_steps(prediction: &Prediction) -> Vec<[f64; 2]> {
    let mut points: Vec<[f64; 2]> = Vec::new();
    for (i, given) in prediction.history().enumerate() {
        let y = given.probability.pct();
        if let Some(&[_, before]) = points.last() {
            points.push([i as f64, before]);
        }
        points.push([i as f64, y]);
    }
    if let Some(&[x, y]) = points.last() {
        points.push([x + 1.0, y]);
    }
    points
}

/// Draws the step chart of `prediction`'s probabilities, 0 to 100 %, 80 points high.
pub fn history_chart_ui(ui: &mut Ui, prediction: &Prediction) {
    let points = history_steps(prediction);
    Plot::new(("history", prediction.id.0))
        .height(80.0)
        .include_y(0.0)
        .include_y(100.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_x(false)
        .y_axis_label("%")
        .show(ui, |plot| {
            let line = Line::new("probability", PlotPoints::from(points));
            // Vertical steps are not to be merged into a band.
            plot.line(line.allow_band(false).width(2.0));
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Given, PredictionId, Probability};

    #[test]
    fn each_probability_holds_until_the_next_one() {
        let mut p = Prediction::new(PredictionId(1), "x", 20);
        p.earlier = vec![
            p.current,
            Given {
                probability: Probability::from_permille(355).unwrap_or(Probability::HALF),
                on: None,
            },
        ];
        p.current.probability = Probability::from_pct(25);
        assert_eq!(
            history_steps(&p),
            [
                [0.0, 20.0],
                [1.0, 20.0],
                [1.0, 35.5],
                [2.0, 35.5],
                [2.0, 25.0],
                [3.0, 25.0]
            ]
        );
    }
}
