use leptos::prelude::*;
use support_api::credit::{CreditForecast, PrepaidBlock};
use support_api::money::Money;

use crate::format;
use crate::i18n::*;

/// At the last 90 days' average use: when the credit runs out, and which blocks will
/// expire before they are used (with what lapses).
#[component]
pub fn Forecast(forecast: CreditForecast, blocks: Vec<PrepaidBlock>) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |m: Money| move || format::money(m, i18n.get_locale());
    let runs_out = forecast.runs_out_on.clone();
    let runs_out = move || {
        let locale = i18n.get_locale();
        match &runs_out {
            Some(day) => format::date(day, locale),
            None => td_string!(locale, credit.runs_out_never).to_owned(),
        }
    };
    let expiring = forecast
        .expiring_unused
        .iter()
        .map(|e| {
            let bought = blocks
                .iter()
                .find(|b| b.id == e.block_id)
                .map(|b| b.bought_on.clone());
            let (lapsing, expires) = (e.lapsing, e.expires_on.clone());
            let text = move || {
                let locale = i18n.get_locale();
                let amount = format::money(lapsing, locale);
                let expires = format::date(&expires, locale);
                match &bought {
                    Some(day) => {
                        let bought = format::date(day, locale);
                        td_string!(locale, credit.expiring_item, amount, bought, expires)
                    }
                    None => td_string!(locale, credit.expiring_item_unknown, amount, expires),
                }
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    let none_expiring = forecast.expiring_unused.is_empty();
    view! {
        <section class="card" aria-labelledby="credit-forecast-heading">
            <h2 id="credit-forecast-heading">{t!(i18n, credit.forecast_heading)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, credit.burn)}</dt>
                <dd data-testid="credit-burn">{money(forecast.monthly_burn)}</dd>
                <dt>{t!(i18n, credit.runs_out)}</dt>
                <dd data-testid="credit-runs-out">{runs_out}</dd>
            </dl>
            <h3>{t!(i18n, credit.expiring_heading)}</h3>
            {if none_expiring {
                view! { <p data-testid="credit-expiring">{t!(i18n, credit.expiring_none)}</p> }.into_any()
            } else {
                view! { <ul class="credit-expiring" data-testid="credit-expiring">{expiring}</ul> }.into_any()
            }}
        </section>
    }
}
