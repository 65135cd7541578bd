use leptos::prelude::*;
use support_api::catalog::ServiceCode;
use support_api::credit::MonthUsage;
use support_api::money::{Currency, Money};

use crate::credit::month::Month;
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use crate::template::fill;

/// `2026-11` as "listopad 2026" (or "lis 2026" when `short`).
pub fn month_label(text: &str, short: bool, locale: Locale) -> String {
    match Month::parse(text) {
        Some(m) => format::month(m.year, m.month, short, locale),
        None => text.to_owned(),
    }
}

/// The chart's numbers as a table, under "Show as table": a column per service used
/// in the year, the month's total and the balance at its end.
#[component]
pub fn UsageTable(
    usage: Vec<MonthUsage>,
    services: Vec<ServiceCode>,
    currency: Currency,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let money = |minor: i64| format::money(Money::new(minor, currency), locale);
        let caption = fill(
            td_string!(locale, credit.usage_caption),
            &[("currency", currency.code())],
        );
        let heads = services
            .iter()
            .map(|s| view! { <th scope="col" class="num">{service_name(locale, *s)}</th> })
            .collect_view();
        let rows = usage
            .iter()
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
                view! {
                    <tr data-month=month.month.clone()>
                        <th scope="row">{month_label(&month.month, false, locale)}</th>
                        {cells}
                        <td class="num">{money(month.total.minor)}</td>
                        <td class="num">{money(month.balance_at_end.minor)}</td>
                    </tr>
                }
            })
            .collect_view();
        let label = caption.clone();
        view! {
            <details class="chart-table">
                <summary>{td_string!(locale, credit.show_table)}</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label=label>
                    <table class="data-table" data-testid="usage-table">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, credit.col_month)}</th>
                                {heads}
                                <th scope="col" class="num">{td_string!(locale, credit.col_total)}</th>
                                <th scope="col" class="num">{td_string!(locale, credit.col_balance_end)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        }
    }
}
