//! The parts of the SBP credit page (`pages::credit`), and `CreditGlance` for the
//! overview. Their logic lives in `crate::credit`; these only render it.

pub mod balance_card;
pub mod blocks_table;
pub mod dom;
pub mod export;
pub mod forecast;
pub mod glance;
pub mod ledger_filters;
pub mod ledger_table;
pub mod table;
pub mod top_up;
pub mod usage_chart;

use support_api::credit::Credit;

use crate::i18n::*;
use crate::template::fill;

/// Minutes as hours for people, to two decimals: `1,5 h` in the reader's language.
pub fn hours(minutes: u32, locale: Locale) -> String {
    let hundredths = (f64::from(minutes) * 100.0 / 60.0).round() / 100.0;
    format!("{} h", crate::format::number(hundredths, locale))
}

/// "The balance of … is below your threshold of …".
pub fn warning_text(credit: &Credit, locale: Locale) -> String {
    let balance = crate::format::money(credit.balance, locale);
    let threshold = crate::format::money(credit.low_balance_threshold, locale);
    fill(
        td_string!(locale, credit.warning_text),
        &[("balance", &balance), ("threshold", &threshold)],
    )
}
