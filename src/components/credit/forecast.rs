use leptos::prelude::*;
use support_api::credit::{Credit, ExpiringBlock};

use super::{localized, text};
use crate::format;
use crate::i18n::*;
use support_api::template::fill;

/// At the last 90 days' average use: when the credit runs out, and which blocks will
/// expire before they are used (with what lapses).
#[component]
pub fn Forecast(credit: Credit) -> impl IntoView {
    let forecast = credit.forecast;
    let burn = forecast.monthly_burn;
    let runs_out = forecast.runs_out_on;
    let expiring = if forecast.expiring_unused.is_empty() {
        view! { <p data-testid="credit-expiring">{text(|l| td_string!(l, credit.expiring_none))}</p> }
            .into_any()
    } else {
        let items = forecast
            .expiring_unused
            .into_iter()
            .map(|e| {
                let bought = credit
                    .blocks
                    .iter()
                    .find(|b| b.id == e.block_id)
                    .map(|b| b.bought_on.clone());
                view! { <li>{localized(move |l| expiring_text(&e, bought.as_deref(), l))}</li> }
            })
            .collect_view();
        view! { <ul data-testid="credit-expiring">{items}</ul> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="credit-forecast-heading">
            <h2 id="credit-forecast-heading">{text(|l| td_string!(l, credit.forecast_heading))}</h2>
            <dl class="facts">
                <dt>{text(|l| td_string!(l, credit.burn))}</dt>
                <dd data-testid="credit-burn">{localized(move |l| format::money(burn, l))}</dd>
                <dt>{text(|l| td_string!(l, credit.runs_out))}</dt>
                <dd data-testid="credit-runs-out">
                    {localized(move |l| match &runs_out {
                        Some(day) => format::date(day, l),
                        None => td_string!(l, credit.runs_out_never).to_owned(),
                    })}
                </dd>
            </dl>
            <h3>{text(|l| td_string!(l, credit.expiring_heading))}</h3>
            {expiring}
        </section>
    }
}

/// "… lapse on … (block bought …)", or without the block when the API did not list it.
fn expiring_text(e: &ExpiringBlock, bought: Option<&str>, locale: Locale) -> String {
    let amount = format::money(e.lapsing, locale);
    let expires = format::date(&e.expires_on, locale);
    match bought {
        Some(day) => {
            let bought = format::date(day, locale);
            fill(
                td_string!(locale, credit.expiring_item),
                &[
                    ("amount", &amount),
                    ("bought", &bought),
                    ("expires", &expires),
                ],
            )
        }
        None => fill(
            td_string!(locale, credit.expiring_item_unknown),
            &[("amount", &amount), ("expires", &expires)],
        ),
    }
}
