//! `GET /billing/pay-statement?month=YYYY-MM`: the month's invoiced PAY work, one line per
//! time log that was invoiced, with the totals. Members get only their own requests' lines.

use serde::{Deserialize, Serialize};

use crate::money::{Currency, Money};
use crate::requests::{RateUnit, RequestType};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayLine {
    pub request_id: i64,
    pub title: String,
    pub request_type: RequestType,
    /// The day the work was logged (`YYYY-MM-DD`, UTC).
    pub day: String,
    pub minutes: u32,
    /// The rate it was charged at; `None` when an accepted quote priced the work.
    pub rate: Option<Money>,
    pub rate_unit: Option<RateUnit>,
    /// The accepted quote's amount, for quoted work.
    pub quote: Option<Money>,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayStatement {
    /// `YYYY-MM`.
    pub month: String,
    pub currency: Currency,
    pub lines: Vec<PayLine>,
    pub total_minutes: u32,
    pub total: Money,
}

/// `YYYY-MM` with a month 01 to 12.
pub fn is_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(s[5..].parse::<u8>(), Ok(1..=12))
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_are_year_dash_month() {
        assert!(super::is_month("2026-12"));
        assert!(!super::is_month("2026-13"));
        assert!(!super::is_month("2026-1"));
        assert!(!super::is_month("26-12-1"));
    }
}
