//! Use per month, stacked by service, with the balance line.
//!
//! Hand-made inline SVG rather than a chart crate: the chart needs a dozen rects, a
//! polyline and some text, which `view!` renders in a few KiB of wasm, while the chart
//! crates for the browser (plotters with its canvas/SVG backends, charming's ECharts
//! wrapper) add tens to hundreds of KiB or a JS library against the portal's 250 KiB
//! budget. The geometry (scale, ticks, stacking) is in `crate::credit::chart`, tested
//! natively; colours come from the stylesheet, so the strict CSP needs no inline style.

use leptos::prelude::*;
use support_api::credit::MonthUsage;
use support_api::money::{Currency, Money};

use super::service_name;
use crate::credit::chart::{self, HEIGHT, LEFT, RIGHT, WIDTH};
use crate::credit::month::Month;
use crate::format;
use crate::i18n::*;

fn month_label(text: &str, short: bool, locale: Locale) -> String {
    match Month::parse(text) {
        Some(m) => format::month(m.year, m.month, short, locale),
        None => text.to_owned(),
    }
}

#[component]
pub fn UsageChart(usage: Vec<MonthUsage>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let geometry = chart::build(&usage);
    let money =
        move |minor: i64| move || format::money(Money::new(minor, currency), i18n.get_locale());
    let total: i64 = usage.iter().map(|m| m.total.minor).sum();
    let last_balance = usage.last().map(|m| m.balance_at_end.minor).unwrap_or(0);
    let desc = move || {
        let locale = i18n.get_locale();
        let total = format::money(Money::new(total, currency), locale);
        let balance = format::money(Money::new(last_balance, currency), locale);
        td_string!(
            locale,
            credit.chart_desc,
            currency = currency.code(),
            total,
            balance
        )
    };

    let grid = geometry
        .ticks
        .iter()
        .map(|tick| {
            let value = tick.value;
            let label = move || format::number(value as f64 / 100.0, i18n.get_locale());
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=tick.y y2=tick.y />
                <text class="chart-tick" x=LEFT - 6.0 y=tick.y + 4.0 text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let bars = geometry
        .bars
        .iter()
        .map(|bar| {
            let rects = bar
                .segments
                .iter()
                .map(|s| {
                    view! {
                        <rect
                            class=format!("svc-{}", s.service.as_str())
                            x=bar.x
                            y=s.y
                            width=bar.width
                            height=s.height
                        />
                    }
                })
                .collect_view();
            let month = bar.month.clone();
            let label = move || month_label(&month, true, i18n.get_locale());
            view! {
                <g>
                    {rects}
                    <text class="chart-tick" x=bar.center y=HEIGHT - 8.0 text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    let points = geometry
        .bars
        .iter()
        .map(|bar| view! { <circle class="chart-balance-point" cx=bar.center cy=bar.balance_y r="3" /> })
        .collect_view();

    let legend = geometry
        .services
        .iter()
        .map(|&service| {
            view! {
                <li>
                    <span class=format!("swatch svc-{}", service.as_str()) aria-hidden="true"></span>
                    {move || service_name(i18n.get_locale(), service)}
                </li>
            }
        })
        .collect_view();

    let header = geometry
        .services
        .iter()
        .map(|&service| {
            view! { <th scope="col" class="num">{move || service_name(i18n.get_locale(), service)}</th> }
        })
        .collect_view();
    let rows = usage
        .iter()
        .map(|m| {
            let cells = geometry
                .services
                .iter()
                .map(|service| {
                    let amount: i64 = m
                        .by_service
                        .iter()
                        .filter(|p| p.service == *service)
                        .map(|p| p.amount.minor)
                        .sum();
                    view! { <td class="num">{money(amount)}</td> }
                })
                .collect_view();
            let month = m.month.clone();
            view! {
                <tr>
                    <th scope="row">{move || month_label(&month, false, i18n.get_locale())}</th>
                    {cells}
                    <td class="num">{money(m.total.minor)}</td>
                    <td class="num">{money(m.balance_at_end.minor)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="credit-usage-heading">
            <h2 id="credit-usage-heading">{t!(i18n, credit.usage_heading)}</h2>
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="usage-chart-title"
                aria-describedby="usage-chart-desc"
                data-testid="usage-chart"
            >
                <title id="usage-chart-title">{t!(i18n, credit.chart_title)}</title>
                <desc id="usage-chart-desc">{desc}</desc>
                {grid}
                {bars}
                <polyline class="chart-balance" points=geometry.balance_points />
                {points}
            </svg>
            <ul class="chart-legend">
                {legend}
                <li>
                    <span class="swatch swatch-line" aria-hidden="true"></span>
                    {t!(i18n, credit.legend_balance)}
                </li>
            </ul>
            <details class="chart-table">
                <summary>{t!(i18n, credit.show_table)}</summary>
                <div class="table-scroll">
                    <table class="data-table" data-testid="usage-table">
                        <caption>{move || td_string!(i18n.get_locale(), credit.usage_caption, currency = currency.code())}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, credit.col_month)}</th>
                                {header}
                                <th scope="col" class="num">{t!(i18n, credit.col_total)}</th>
                                <th scope="col" class="num">{t!(i18n, credit.col_balance_end)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
