//! The confirmation of the cost, shown when the estimate says the request is not
//! included: its words name the amount (or the rate) and how it is billed.

use leptos::prelude::*;
use support_api::catalog::BilledAs;
use support_api::money::Money;

use super::fields::{ErrorLine, Errors, described, invalid};

use crate::format;
use crate::i18n::*;
use crate::labels::billed_name;
use support_api::template::fill;

/// What the customer confirms: the amount when it is known, and how it is billed.
pub type Cost = (Option<Money>, BilledAs);

const FIELDS: &[&str] = &["accept_cost"];

#[component]
pub fn AcceptCost(
    cost: Memo<Option<Cost>>,
    accepted: RwSignal<bool>,
    errors: Errors,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = Signal::derive(move || errors.message(i18n.get_locale(), FIELDS));
    let label = move || {
        let l = i18n.get_locale();
        cost.get().map(|(amount, billed)| match amount {
            Some(a) => {
                let what = format!("{} ({})", format::money(a, l), billed_name(l, billed));
                fill(td_string!(l, requests.form.accept_cost), &[("cost", &what)])
            }
            // No amount yet (a rate per hour or per participant): the rate shown beside.
            None => fill(
                td_string!(l, requests.form.accept_rate),
                &[("billed", billed_name(l, billed))],
            ),
        })
    };
    view! {
        <div class="field choice" hidden=move || cost.with(Option::is_none)>
            <input
                type="checkbox"
                id="f-accept_cost"
                prop:checked=accepted
                aria-invalid=invalid(message)
                aria-describedby=described(message, None, "f-accept_cost-error".to_owned())
                on:change=move |ev| {
                    accepted.set(event_target_checked(&ev));
                    errors.edited(FIELDS);
                }
            />
            <label for="f-accept_cost">{label}</label>
            <ErrorLine id="f-accept_cost-error".to_owned() message />
        </div>
    }
}
