//! The parts of the SBP credit page (`pages::credit`), and `CreditGlance` for the
//! overview. Their logic lives in `crate::credit`; these only render it.
//!
//! Each part is built once from what was loaded; a language switch redraws only its
//! texts (`text` and `localized` below), and leaves the state of the interactive parts
//! alone.

pub mod balance_card;
pub mod blocks_table;
pub mod export;
pub mod forecast;
pub mod glance;
pub mod ledger_filters;
pub mod ledger_rows;
pub mod ledger_section;
pub mod ledger_table;
pub mod page_loader;
pub mod statement_picker;
pub mod top_up;
pub mod usage_chart;
pub mod usage_table;

#[cfg(all(test, target_arch = "wasm32"))]
mod ledger_table_tests;

use support_api::credit::Credit;

use crate::i18n::*;
use support_api::template::fill;

/// `text(|l| td_string!(l, credit.load_more))`: the portal's one translated-text closure.
pub use crate::components::words::{Words, tr as text};

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

/// A loaded value in words of the reader's language (money, a date, a service's name),
/// redrawn by a language switch: `localized(move |l| format::money(amount, l))`. Boxed,
/// so that every such text is one closure type too.
pub fn localized(
    show: impl Fn(Locale) -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync {
    boxed(Box::new(show))
}

type Show = Box<dyn Fn(Locale) -> String + Send + Sync>;

fn boxed(show: Show) -> impl Fn() -> String + Send + Sync + use<> {
    let i18n = use_i18n();
    move || show(i18n.get_locale())
}
