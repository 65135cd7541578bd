use leptos::prelude::*;
use support_api::money::Money;

use crate::format;
use crate::i18n::*;

/// The balance, big, with the threshold under which the portal warns.
#[component]
pub fn BalanceCard(balance: Money, threshold: Money, below: bool) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |m: Money| move || format::money(m, i18n.get_locale());
    let status = move || {
        let locale = i18n.get_locale();
        if below {
            td_string!(locale, credit.status_low)
        } else {
            td_string!(locale, credit.status_ok)
        }
    };
    view! {
        <section class="card credit-balance" aria-labelledby="credit-balance-heading">
            <h2 id="credit-balance-heading">{t!(i18n, credit.balance_heading)}</h2>
            <p class="credit-amount" class:credit-low=below data-testid="credit-balance">
                {money(balance)}
            </p>
            <dl class="facts">
                <dt>{t!(i18n, credit.threshold)}</dt>
                <dd data-testid="credit-threshold">{money(threshold)}</dd>
                <dt>{t!(i18n, credit.status)}</dt>
                <dd>{status}</dd>
            </dl>
        </section>
    }
}
