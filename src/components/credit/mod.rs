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

use support_api::catalog::ServiceCode;
use support_api::credit::{Credit, LedgerKind};

use crate::i18n::*;
use crate::template::fill;

pub fn service_name(locale: Locale, service: ServiceCode) -> &'static str {
    match service {
        ServiceCode::Hotline => td_string!(locale, credit.service.hotline),
        ServiceCode::Training => td_string!(locale, credit.service.training),
        ServiceCode::MacroDevelopment => td_string!(locale, credit.service.macro_development),
        ServiceCode::Deployment => td_string!(locale, credit.service.deployment),
        ServiceCode::RemoteService => td_string!(locale, credit.service.remote_service),
        ServiceCode::OnsiteService => td_string!(locale, credit.service.onsite_service),
        ServiceCode::ReinstallationAdmin => {
            td_string!(locale, credit.service.reinstallation_admin)
        }
        ServiceCode::ProcessAnalysis => td_string!(locale, credit.service.process_analysis),
        ServiceCode::Methodology => td_string!(locale, credit.service.methodology),
    }
}

pub fn kind_name(locale: Locale, kind: LedgerKind) -> &'static str {
    match kind {
        LedgerKind::TopUp => td_string!(locale, credit.kind.top_up),
        LedgerKind::Debit => td_string!(locale, credit.kind.debit),
        LedgerKind::Expiry => td_string!(locale, credit.kind.expiry),
        LedgerKind::Adjustment => td_string!(locale, credit.kind.adjustment),
    }
}

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
