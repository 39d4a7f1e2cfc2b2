//! A probability as the fan states it: a percentage in steps of 0.1 %, typed as a whole or
//! decimal percentage ("70", "55.5 %", "55,5") or as odds ("3:1" is 75 %).

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A probability in tenths of a percent (per mille), 0 to 1000: 555 is 55.5 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Probability(u16);

/// Why typed text is not a probability; each reads as a sentence for the fan.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ProbabilityError {
    /// Nothing typed.
    #[error("type a percentage, e.g. 70 or 55.5, or odds such as 3:1")]
    Empty,
    /// Not a number nor odds.
    #[error(
        "“{0}” is not a percentage: type a number from 0 to 100, e.g. 70 or 55.5, or odds such as 3:1"
    )]
    NotANumber(String),
    /// Below 0 %.
    #[error("a probability cannot be below 0 %")]
    Negative,
    /// Above 100 %.
    #[error("a probability cannot be above 100 %")]
    AboveHundred,
    /// More than one decimal.
    #[error("probabilities go in steps of 0.1 %: use at most one decimal, e.g. 55.5")]
    TooPrecise,
    /// Odds with a side that is not a number, or both sides 0.
    #[error("odds are written as two numbers such as 3:1 (three to one for), not both 0")]
    BadOdds,
}

impl Probability {
    /// 50 %, the "no idea" probability.
    pub const HALF: Probability = Probability(500);

    /// The probability of `permille` tenths of a percent, `None` above 1000.
    pub fn from_permille(permille: u16) -> Option<Self> {
        (permille <= 1000).then_some(Self(permille))
    }

    /// A whole percentage, clamped to 0..=100.
    pub fn from_pct(pct: u8) -> Self {
        Self(u16::from(pct.min(100)) * 10)
    }

    /// Tenths of a percent, 0 to 1000.
    pub fn permille(self) -> u16 {
        self.0
    }

    /// As a fraction from 0.0 to 1.0.
    pub fn fraction(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    /// As a percentage from 0.0 to 100.0.
    pub fn pct(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// Whether it is 0 % or 100 %: a certainty, which the fan confirms before it is given.
    pub fn is_certain(self) -> bool {
        self.0 == 0 || self.0 == 1000
    }

    /// Reads what the fan typed: a percentage with at most one decimal (`"70"`, `"55.5"`,
    /// `"55,5 %"`), or odds `"for:against"` (`"3:1"` is 75 %, rounded to the nearest 0.1 %).
    ///
    /// # Errors
    /// A [`ProbabilityError`] saying in words what is wrong; nothing is ever replaced silently.
    pub fn parse(text: &str) -> Result<Self, ProbabilityError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ProbabilityError::Empty);
        }
        if let Some((left, right)) = text.split_once(':') {
            let side = |s: &str| {
                s.trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v >= 0.0)
            };
            let (Some(a), Some(b)) = (side(left), side(right)) else {
                return Err(ProbabilityError::BadOdds);
            };
            if a + b <= 0.0 {
                return Err(ProbabilityError::BadOdds);
            }
            return Ok(Self((a / (a + b) * 1000.0).round() as u16));
        }
        let number = text
            .strip_suffix('%')
            .unwrap_or(text)
            .trim()
            .replace(',', ".");
        let unsigned = number.strip_prefix('+').unwrap_or(&number);
        if let Some(rest) = unsigned.strip_prefix('-') {
            return if rest.parse::<f64>().is_ok_and(|v| v == 0.0) {
                Ok(Self(0))
            } else if rest.parse::<f64>().is_ok() {
                Err(ProbabilityError::Negative)
            } else {
                Err(ProbabilityError::NotANumber(text.to_owned()))
            };
        }
        let (whole, decimals) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !digits(decimals) || (whole.is_empty() && decimals.is_empty()) {
            return Err(ProbabilityError::NotANumber(text.to_owned()));
        }
        let decimals = decimals.trim_end_matches('0');
        if decimals.len() > 1 {
            return Err(ProbabilityError::TooPrecise);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 3 {
            return Err(ProbabilityError::AboveHundred);
        }
        let tenths = whole.parse::<u16>().unwrap_or(0) * 10 + decimals.parse::<u16>().unwrap_or(0);
        Self::from_permille(tenths).ok_or(ProbabilityError::AboveHundred)
    }
}

impl fmt::Display for Probability {
    /// `"70 %"`, `"55.5 %"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{} %", self.0 / 10)
        } else {
            write!(f, "{}.{} %", self.0 / 10, self.0 % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<u16, ProbabilityError> {
        Probability::parse(text).map(Probability::permille)
    }

    #[test]
    fn percentages_decimals_and_odds_are_read_exactly() {
        assert_eq!(p("70"), Ok(700));
        assert_eq!(p(" 55.5 % "), Ok(555));
        assert_eq!(p("55,5"), Ok(555));
        assert_eq!(p("0.1"), Ok(1));
        assert_eq!(p("100"), Ok(1000));
        assert_eq!(p("100.0"), Ok(1000));
        assert_eq!(p("007"), Ok(70));
        assert_eq!(p("3:1"), Ok(750));
        assert_eq!(p("1:2"), Ok(333));
        assert_eq!(p("0:1"), Ok(0));
    }

    #[test]
    fn bad_input_is_refused_in_words_never_replaced() {
        assert!(matches!(p("abc"), Err(ProbabilityError::NotANumber(t)) if t == "abc"));
        assert_eq!(p("-3"), Err(ProbabilityError::Negative));
        assert_eq!(p("101"), Err(ProbabilityError::AboveHundred));
        assert_eq!(p("100.1"), Err(ProbabilityError::AboveHundred));
        assert_eq!(p("1000000"), Err(ProbabilityError::AboveHundred));
        assert_eq!(p("55.55"), Err(ProbabilityError::TooPrecise));
        assert_eq!(p(""), Err(ProbabilityError::Empty));
        assert_eq!(p("0:0"), Err(ProbabilityError::BadOdds));
        assert_eq!(p("a:1"), Err(ProbabilityError::BadOdds));
        assert!(matches!(p("."), Err(ProbabilityError::NotANumber(_))));
        for error in [p("abc"), p("-3"), p("101")] {
            assert!(error.unwrap_err().to_string().len() > 20);
        }
    }

    #[test]
    fn shown_with_one_decimal_only_when_needed() {
        assert_eq!(Probability::from_pct(70).to_string(), "70 %");
        assert_eq!(Probability(555).to_string(), "55.5 %");
        assert!(Probability(0).is_certain() && Probability(1000).is_certain());
        assert!(!Probability(1).is_certain());
    }

    proptest::proptest! {
        #[test]
        fn every_shown_probability_reads_back(permille in 0u16..=1000) {
            let shown = Probability(permille).to_string();
            proptest::prop_assert_eq!(p(&shown), Ok(permille));
        }
    }
}
