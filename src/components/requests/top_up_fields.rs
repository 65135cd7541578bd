use leptos::prelude::*;
use support_api::money::Currency;

use super::fields::{FormCtx, Kind, Label, text_field};
use crate::i18n::*;
use crate::requests::form::Text;

/// A top-up of SBP credit: the amount, in the customer's currency.
#[component]
pub fn TopUpFields(ctx: FormCtx, currency: Currency) -> impl IntoView {
    let label: Label = match currency {
        Currency::Pln => |l| td_string!(l, requests.form.amount_pln),
        Currency::Czk => |l| td_string!(l, requests.form.amount_czk),
        Currency::Eur => |l| td_string!(l, requests.form.amount_eur),
    };
    text_field(ctx, Text::Amount, label, Kind::Input("number"), None)
}
