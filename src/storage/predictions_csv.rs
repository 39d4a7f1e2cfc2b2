//! Every prediction of the library as RFC 4180 CSV (issue 19, item 5), written with the `csv`
//! crate: one row per prediction, in library order, under the header
//! `show,thread,statement,probability_pct,made_on,resolve_by,outcome,brier,updates`.
//!
//! - `probability_pct`: the current probability, `55.5` or `70` (0.1 % steps);
//! - `made_on`, `resolve_by`: ISO 8601 days (`2026-12-07`), empty when not known or not set;
//! - `outcome`: `pending`, `yes`, `no` or `ambiguous`;
//! - `brier`: the score with 4 decimals, empty when not scored (pending or ambiguous);
//! - `updates`: every probability given, oldest first, as `DATE:PCT` joined by `;`, with
//!   `unknown` for a day not known (`unknown:20;2026-11-30:35.5`).

use thiserror::Error;

use crate::model::{Given, Library, ledger_rows};

/// The header row.
pub const PREDICTIONS_CSV_HEADER: [&str; 9] = [
    "show",
    "thread",
    "statement",
    "probability_pct",
    "made_on",
    "resolve_by",
    "outcome",
    "brier",
    "updates",
];

/// Why the CSV could not be made (never expected: it is written to memory).
#[derive(Debug, Error)]
#[error("the predictions could not be written as CSV ({0})")]
pub struct CsvError(String);

/// The CSV of every prediction in `library` (see the module docs), UTF-8, `\n` line ends,
/// fields quoted when they hold a comma, a quote or a line break.
///
/// # Errors
/// [`CsvError`] if the writer fails (it writes to memory, so only on a bug).
pub fn predictions_csv(library: &Library) -> Result<Vec<u8>, CsvError> {
    let error = |e: csv::Error| CsvError(e.to_string());
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(PREDICTIONS_CSV_HEADER).map_err(error)?;
    for row in ledger_rows(library) {
        let p = &row.prediction;
        let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        writer
            .write_record([
                row.show_title.as_str(),
                &row.thread_title,
                &p.statement,
                &pct(p.current),
                &day(p.made_on()),
                &day(p.resolve_by),
                p.outcome.label(),
                &p.brier().map(|b| format!("{b:.4}")).unwrap_or_default(),
                &p.history()
                    .map(|g| {
                        let on = g.on.map_or_else(|| "unknown".to_owned(), |d| d.to_string());
                        format!("{on}:{}", pct(*g))
                    })
                    .collect::<Vec<_>>()
                    .join(";"),
            ])
            .map_err(error)?;
    }
    writer.into_inner().map_err(|e| CsvError(e.to_string()))
}

/// `55.5` or `70`: the probability without its `%`.
fn pct(given: Given) -> String {
    given
        .probability
        .to_string()
        .trim_end_matches(" %")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Outcome, Prediction, PredictionId, Probability};

    #[test]
    fn statements_with_commas_quotes_newlines_and_hangul_round_trip() {
        let mut library = Library::default();
        let statements = [
            "Season 2, if ever, airs in 2027",
            "The \"letter\" is opened",
            "Line one\nline two",
            "시즌 2가 확정된다",
        ];
        let day = |d| Some(jiff::civil::date(2026, 11, d));
        let thread = &mut library.shows[0].threads[0];
        for (i, s) in statements.iter().enumerate() {
            let mut p = Prediction::made(
                PredictionId(900 + i as u64),
                *s,
                Probability::from_permille(555).unwrap(),
                day(1),
            );
            if i == 0 {
                p.earlier = vec![
                    p.current,
                    Given {
                        probability: Probability::from_pct(20),
                        on: None,
                    },
                ];
                p.current.on = day(3);
                p.outcome = Outcome::Yes;
                p.resolved_on = day(4);
            }
            thread.predictions.push(p);
        }
        let bytes = predictions_csv(&library).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(reader.headers().unwrap(), PREDICTIONS_CSV_HEADER.as_slice());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let read: Vec<&str> = records.iter().map(|r| &r[2]).collect();
        assert_eq!(read, statements);
        let first = &records[0];
        assert_eq!(&first[0], library.shows[0].title.as_str());
        assert_eq!(&first[3], "55.5");
        assert_eq!(&first[4], "2026-11-01");
        assert_eq!(&first[6], "yes");
        assert_eq!(&first[7], "0.1980");
        assert_eq!(&first[8], "2026-11-01:55.5;unknown:20;2026-11-03:55.5");
        assert_eq!(&records[1][7], "", "not scored: empty");
    }
}
