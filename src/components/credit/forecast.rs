use leptos::prelude::*;
use support_api::credit::Credit;

use crate::format;
use crate::i18n::*;
use crate::template::fill;

/// At the last 90 days' average use: when the credit runs out, and which blocks will
/// expire before they are used (with what lapses).
#[component]
pub fn Forecast(credit: Credit) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let forecast = &credit.forecast;
        let runs_out = match &forecast.runs_out_on {
            Some(day) => format::date(day, locale),
            None => td_string!(locale, credit.runs_out_never).to_owned(),
        };
        let expiring = if forecast.expiring_unused.is_empty() {
            view! { <p data-testid="credit-expiring">{td_string!(locale, credit.expiring_none)}</p> }
                .into_any()
        } else {
            let items = forecast
                .expiring_unused
                .iter()
                .map(|e| view! { <li>{expiring_text(&credit, e, locale)}</li> })
                .collect_view();
            view! { <ul data-testid="credit-expiring">{items}</ul> }.into_any()
        };
        view! {
            <section class="card" aria-labelledby="credit-forecast-heading">
                <h2 id="credit-forecast-heading">{td_string!(locale, credit.forecast_heading)}</h2>
                <dl class="facts">
                    <dt>{td_string!(locale, credit.burn)}</dt>
                    <dd data-testid="credit-burn">{format::money(forecast.monthly_burn, locale)}</dd>
                    <dt>{td_string!(locale, credit.runs_out)}</dt>
                    <dd data-testid="credit-runs-out">{runs_out}</dd>
                </dl>
                <h3>{td_string!(locale, credit.expiring_heading)}</h3>
                {expiring}
            </section>
        }
    }
}

/// "… lapse on … (block bought …)", or without the block when the API did not list it.
fn expiring_text(
    credit: &Credit,
    e: &support_api::credit::ExpiringBlock,
    locale: Locale,
) -> String {
    let amount = format::money(e.lapsing, locale);
    let expires = format::date(&e.expires_on, locale);
    match credit.blocks.iter().find(|b| b.id == e.block_id) {
        Some(block) => {
            let bought = format::date(&block.bought_on, locale);
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
