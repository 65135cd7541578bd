use support_api::credit::Credit;

use crate::format;
use crate::i18n::*;
use crate::markup::Markup;

/// The balance, big, with the threshold under which the portal warns.
pub fn balance_card(m: &mut Markup, credit: &Credit, locale: Locale) {
    let money = |x| format::money(x, locale);
    let low = if credit.below_threshold {
        "credit-amount credit-low"
    } else {
        "credit-amount"
    };
    let status = if credit.below_threshold {
        td_string!(locale, credit.status_low)
    } else {
        td_string!(locale, credit.status_ok)
    };
    m.open(
        "section",
        &[
            ("class", "card credit-balance"),
            ("aria-labelledby", "credit-balance-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "credit-balance-heading")],
        td_string!(locale, credit.balance_heading),
    )
    .el(
        "p",
        &[("class", low), ("data-testid", "credit-balance")],
        &money(credit.balance),
    )
    .open("dl", &[("class", "facts")])
    .el("dt", &[], td_string!(locale, credit.threshold))
    .el(
        "dd",
        &[("data-testid", "credit-threshold")],
        &money(credit.low_balance_threshold),
    )
    .el("dt", &[], td_string!(locale, credit.status))
    .el("dd", &[], status)
    .close("dl")
    .close("section");
}
