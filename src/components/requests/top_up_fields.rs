use leptos::prelude::*;
use support_api::money::Currency;

use super::fields::{Field, FormCtx, Kind};
use crate::i18n::*;
use crate::requests::form::Text;

/// A top-up of SBP credit: the amount, in the customer's currency.
#[component]
pub fn TopUpFields(form: FormCtx, currency: Currency) -> impl IntoView {
    let label: fn(Locale) -> &'static str = match currency {
        Currency::Pln => |l| td_string!(l, requests.form.amount_pln),
        Currency::Czk => |l| td_string!(l, requests.form.amount_czk),
        Currency::Eur => |l| td_string!(l, requests.form.amount_eur),
    };
    view! { <Field form t=Text::Amount kind=Kind::Input("number") label /> }
}
