//! SBP credit: `GET /credit` (balance, threshold, prepaid blocks, forecast, monthly use)
//! and `GET /credit/ledger` (the immutable entries, newest first, with running balance).

use serde::{Deserialize, Serialize};

use crate::catalog::ServiceCode;
use crate::money::Money;

/// How many days of history the forecast's burn rate averages.
pub const FORECAST_WINDOW_DAYS: i64 = 90;

/// Default and largest page of the ledger.
pub const LEDGER_PAGE_DEFAULT: u32 = 50;
pub const LEDGER_PAGE_MAX: u32 = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LedgerKind {
    /// A prepaid block bought.
    TopUp,
    /// Work consumed, linked to its request and service.
    Debit,
    /// The unused remainder of a block that reached its expiry date.
    Expiry,
    /// A correction: history is never rewritten, a new entry balances it.
    Adjustment,
}

impl LedgerKind {
    pub const ALL: [LedgerKind; 4] = [
        LedgerKind::TopUp,
        LedgerKind::Debit,
        LedgerKind::Expiry,
        LedgerKind::Adjustment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LedgerKind::TopUp => "top_up",
            LedgerKind::Debit => "debit",
            LedgerKind::Expiry => "expiry",
            LedgerKind::Adjustment => "adjustment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A prepaid block; blocks are consumed oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrepaidBlock {
    pub id: i64,
    pub bought_on: String,
    pub expires_on: String,
    pub amount: Money,
    /// Consumed by debits and negative adjustments (less positive adjustments):
    /// `amount - remaining - lapsed`.
    pub used: Money,
    /// What is left; zero once used up or expired.
    pub remaining: Money,
    pub expired: bool,
    /// The remainder written off by its expiry entry; zero while the block is valid.
    pub lapsed: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditForecast {
    /// Average use per 30 days over the last [`FORECAST_WINDOW_DAYS`].
    pub monthly_burn: Money,
    /// The day the credit runs out at that rate; `None` when nothing is being used.
    pub runs_out_on: Option<String>,
    /// Blocks whose expiry comes before that use would exhaust them, with what would lapse.
    pub expiring_unused: Vec<ExpiringBlock>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpiringBlock {
    pub block_id: i64,
    pub expires_on: String,
    pub lapsing: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceAmount {
    pub service: ServiceCode,
    pub amount: Money,
}

/// Use in one calendar month, split by service, and the balance at its end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthUsage {
    /// `YYYY-MM`.
    pub month: String,
    pub by_service: Vec<ServiceAmount>,
    pub total: Money,
    pub balance_at_end: Money,
}

/// Answer of `GET /credit` (404 for a customer without SBP).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credit {
    /// Always the sum of the ledger.
    pub balance: Money,
    pub low_balance_threshold: Money,
    pub below_threshold: bool,
    pub blocks: Vec<PrepaidBlock>,
    pub forecast: CreditForecast,
    /// The last 12 months, oldest first; for admins only (`None` for members).
    pub usage: Option<Vec<MonthUsage>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerEntry {
    pub id: i64,
    /// RFC 3339 UTC.
    pub at: String,
    pub kind: LedgerKind,
    /// Signed: positive for top-ups, negative for debits and expiries.
    pub amount: Money,
    pub balance_after: Money,
    pub block_id: Option<i64>,
    pub service: Option<ServiceCode>,
    pub request_id: Option<i64>,
    pub request_title: Option<String>,
    /// Consumed time, for debits.
    pub minutes: Option<u32>,
    pub note: Option<String>,
}

/// A page of a list: `next_cursor` is `None` on the last page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerPage {
    pub items: Vec<LedgerEntry>,
    pub next_cursor: Option<String>,
}
