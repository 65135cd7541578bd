//! Use per month over the last 12 months, stacked by service, with the balance line.
//!
//! Hand-made inline SVG rather than a chart crate: the chart is a few dozen rects, a
//! polyline and some labels, while the chart crates for the browser (plotters with its
//! SVG or canvas backend, charming around ECharts) add tens to hundreds of KiB, or a JS
//! library, against the portal's size budget. The geometry (scale, ticks, stacking) is
//! `crate::credit::chart`, tested natively; colours come from the stylesheet (no inline
//! style under the strict CSP). The same numbers are in a table under "Show as table".

use leptos::prelude::*;
use support_api::credit::MonthUsage;
use support_api::money::{Currency, Money};

use super::usage_table::{UsageTable, month_label, service_text};
use super::{localized, text};
use crate::credit::chart::{self, Geometry, HEIGHT, LEFT, RIGHT, WIDTH};
use crate::format;
use crate::i18n::*;
use support_api::template::fill;

#[component]
pub fn UsageChart(usage: Vec<MonthUsage>, currency: Currency) -> impl IntoView {
    let geometry = chart::build(&usage);
    let total = usage.iter().map(|m| m.total.minor).sum::<i64>();
    let balance = usage.last().map(|m| m.balance_at_end.minor).unwrap_or(0);
    let desc = localized(move |l| {
        let money = |minor: i64| format::money(Money::new(minor, currency), l);
        fill(
            td_string!(l, credit.chart_desc),
            &[
                ("currency", currency.code()),
                ("total", &money(total)),
                ("balance", &money(balance)),
            ],
        )
    });
    let legend = geometry
        .services
        .iter()
        .map(|s| {
            let swatch = format!("swatch svc-{}", s.as_str());
            view! { <li><span class=swatch aria-hidden="true"></span>{service_text(*s)}</li> }
        })
        .collect_view();
    let services = geometry.services.clone();
    view! {
        <section class="card" aria-labelledby="credit-usage-heading">
            <h2 id="credit-usage-heading">{text(|l| td_string!(l, credit.usage_heading))}</h2>
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="usage-chart-title"
                aria-describedby="usage-chart-desc"
                data-testid="usage-chart"
            >
                <title id="usage-chart-title">{text(|l| td_string!(l, credit.chart_title))}</title>
                <desc id="usage-chart-desc">{desc}</desc>
                {drawn(&geometry)}
            </svg>
            <ul class="chart-legend">
                {legend}
                <li>
                    <span class="swatch swatch-line" aria-hidden="true"></span>
                    {text(|l| td_string!(l, credit.legend_balance))}
                </li>
            </ul>
            <UsageTable usage services currency />
        </section>
    }
}

/// The grid with its tick labels, the stacked bars with their month labels, and the
/// balance line with its points.
fn drawn(geometry: &Geometry) -> impl IntoView + use<> {
    let (left, right) = (LEFT, WIDTH - RIGHT);
    let ticks = geometry
        .ticks
        .iter()
        .map(|tick| {
            let value = tick.value;
            let label = localized(move |l| format::number(value as f64 / 100.0, l));
            view! {
                <line class="chart-grid" x1=left x2=right y1=tick.y y2=tick.y></line>
                <text class="chart-tick" x=LEFT - 6 y=tick.y + 4 text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let bars = geometry
        .bars
        .iter()
        .map(|bar| {
            let segments = bar
                .segments
                .iter()
                .map(|s| {
                    let class = format!("svc-{}", s.service.as_str());
                    view! { <rect class=class x=bar.x y=s.y width=bar.width height=s.height></rect> }
                })
                .collect_view();
            let month = bar.month.clone();
            let label = localized(move |l| month_label(&month, true, l));
            view! {
                {segments}
                <text class="chart-tick" x=bar.center y=HEIGHT - 8 text-anchor="middle">{label}</text>
            }
        })
        .collect_view();
    let points = geometry
        .bars
        .iter()
        .map(|bar| view! { <circle class="chart-point" cx=bar.center cy=bar.balance_y r="3"></circle> })
        .collect_view();
    view! {
        {ticks}
        {bars}
        <polyline class="chart-balance" points=geometry.balance_points.clone()></polyline>
        {points}
    }
}
