use leptos::prelude::*;
use support_api::catalog::ServiceCode;
use support_api::credit::MonthUsage;
use support_api::money::{Currency, Money};

use super::{localized, text};
use crate::credit::month::Month;
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use support_api::template::fill;

/// `2026-11` as "listopad 2026" (or "lis 2026" when `short`).
pub fn month_label(text: &str, short: bool, locale: Locale) -> String {
    match Month::parse(text) {
        Some(m) => format::month(m.year, m.month, short, locale),
        None => text.to_owned(),
    }
}

/// A service's name in the reader's language.
pub fn service_text(service: ServiceCode) -> impl Fn() -> String + Send + Sync {
    localized(move |l| service_name(l, service).to_owned())
}

/// The chart's numbers as a table, under "Show as table": a column per service used
/// in the year, the month's total and the balance at its end.
#[component]
pub fn UsageTable(
    usage: Vec<MonthUsage>,
    services: Vec<ServiceCode>,
    currency: Currency,
) -> impl IntoView {
    let money = move |minor: i64| localized(move |l| format::money(Money::new(minor, currency), l));
    let caption = move || {
        localized(move |l| {
            fill(
                td_string!(l, credit.usage_caption),
                &[("currency", currency.code())],
            )
        })
    };
    let heads = services
        .iter()
        .map(|s| view! { <th scope="col" class="num">{service_text(*s)}</th> })
        .collect_view();
    let rows = usage
        .into_iter()
        .map(|month| {
            let cells = services
                .iter()
                .map(|service| {
                    let amount: i64 = month
                        .by_service
                        .iter()
                        .filter(|p| p.service == *service)
                        .map(|p| p.amount.minor)
                        .sum();
                    view! { <td class="num">{money(amount)}</td> }
                })
                .collect_view();
            let label = month.month.clone();
            view! {
                <tr data-month=month.month>
                    <th scope="row">{localized(move |l| month_label(&label, false, l))}</th>
                    {cells}
                    <td class="num">{money(month.total.minor)}</td>
                    <td class="num">{money(month.balance_at_end.minor)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="chart-table">
            <summary>{text(|l| td_string!(l, credit.show_table))}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label=caption()>
                <table class="data-table" data-testid="usage-table">
                    <caption>{caption()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(|l| td_string!(l, credit.col_month))}</th>
                            {heads}
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_total))}</th>
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_balance_end))}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
