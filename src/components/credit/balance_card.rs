use leptos::prelude::*;
use support_api::credit::Credit;

use super::{Words, localized, text};
use crate::format;
use crate::i18n::*;

/// The balance, big, with the threshold under which the portal warns.
#[component]
pub fn BalanceCard(credit: Credit) -> impl IntoView {
    let low = credit.below_threshold;
    let (balance, threshold) = (credit.balance, credit.low_balance_threshold);
    let status: Words = if low {
        |l| td_string!(l, credit.status_low)
    } else {
        |l| td_string!(l, credit.status_ok)
    };
    view! {
        <section class="card credit-balance" aria-labelledby="credit-balance-heading">
            <h2 id="credit-balance-heading">{text(|l| td_string!(l, credit.balance_heading))}</h2>
            <p class="credit-amount" class:credit-low=low data-testid="credit-balance">
                {localized(move |l| format::money(balance, l))}
            </p>
            <dl class="facts">
                <dt>{text(|l| td_string!(l, credit.threshold))}</dt>
                <dd data-testid="credit-threshold">{localized(move |l| format::money(threshold, l))}</dd>
                <dt>{text(|l| td_string!(l, credit.status))}</dt>
                <dd>{text(status)}</dd>
            </dl>
        </section>
    }
}
