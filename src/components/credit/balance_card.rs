use leptos::prelude::*;
use support_api::credit::Credit;

use crate::format;
use crate::i18n::*;

/// The balance, big, with the threshold under which the portal warns.
#[component]
pub fn BalanceCard(credit: Credit) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let low = credit.below_threshold;
        let status = if low {
            td_string!(locale, credit.status_low)
        } else {
            td_string!(locale, credit.status_ok)
        };
        view! {
            <section class="card credit-balance" aria-labelledby="credit-balance-heading">
                <h2 id="credit-balance-heading">{td_string!(locale, credit.balance_heading)}</h2>
                <p class="credit-amount" class:credit-low=low data-testid="credit-balance">
                    {format::money(credit.balance, locale)}
                </p>
                <dl class="facts">
                    <dt>{td_string!(locale, credit.threshold)}</dt>
                    <dd data-testid="credit-threshold">
                        {format::money(credit.low_balance_threshold, locale)}
                    </dd>
                    <dt>{td_string!(locale, credit.status)}</dt>
                    <dd>{status}</dd>
                </dl>
            </section>
        }
    }
}
