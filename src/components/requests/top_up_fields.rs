use support_api::money::Currency;

use super::fields::{Kind, field};
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::form::{FormState, Text};

/// A top-up of SBP credit: the amount, in the customer's currency.
pub fn top_up_fields(m: &mut Markup, l: Locale, f: &FormState, currency: Currency) {
    let label = match currency {
        Currency::Pln => td_string!(l, requests.form.amount_pln),
        Currency::Czk => td_string!(l, requests.form.amount_czk),
        Currency::Eur => td_string!(l, requests.form.amount_eur),
    };
    field(
        m,
        Text::Amount,
        label,
        Kind::Input("number"),
        &f.amount,
        None,
    );
}
