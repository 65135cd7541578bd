//! Use per month over the last 12 months, stacked by service, with the balance line.
//!
//! Hand-made inline SVG rather than a chart crate: the chart is a few dozen rects, a
//! polyline and some labels, while the chart crates for the browser (plotters with its
//! SVG or canvas backend, charming around ECharts) add tens to hundreds of KiB, or a JS
//! library, against the portal's size budget. The SVG is written as markup (escaped
//! like all of `crate::markup`) rather than with `view!`: it never changes once drawn,
//! and a `view!` tree of it cost about 6 KiB more of compressed wasm (measured).
//! The geometry (scale, ticks, stacking) is `crate::credit::chart`, tested natively;
//! colours come from the stylesheet (no inline style under the strict CSP). The same
//! numbers are in a table under "Show as table".

use support_api::credit::MonthUsage;
use support_api::money::{Currency, Money};

use super::table;
use crate::credit::chart::{self, HEIGHT, LEFT, RIGHT, WIDTH};
use crate::credit::month::Month;
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use crate::markup::Markup;
use crate::template::fill;

fn month_label(text: &str, short: bool, locale: Locale) -> String {
    match Month::parse(text) {
        Some(m) => format::month(m.year, m.month, short, locale),
        None => text.to_owned(),
    }
}

/// The chart, its legend and its table, in `locale`.
pub fn usage_chart(m: &mut Markup, usage: &[MonthUsage], currency: Currency, locale: Locale) {
    let geometry = chart::build(usage);
    let money = |minor: i64| format::money(Money::new(minor, currency), locale);
    let total = money(usage.iter().map(|m| m.total.minor).sum());
    let balance = money(usage.last().map(|m| m.balance_at_end.minor).unwrap_or(0));
    let desc = fill(
        td_string!(locale, credit.chart_desc),
        &[
            ("currency", currency.code()),
            ("total", &total),
            ("balance", &balance),
        ],
    );

    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "credit-usage-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "credit-usage-heading")],
        td_string!(locale, credit.usage_heading),
    );
    let (width, height) = (WIDTH.to_string(), HEIGHT.to_string());
    let view_box = format!("0 0 {width} {height}");
    m.open(
        "svg",
        &[
            ("class", "chart"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-labelledby", "usage-chart-title"),
            ("aria-describedby", "usage-chart-desc"),
            ("data-testid", "usage-chart"),
        ],
    )
    .el(
        "title",
        &[("id", "usage-chart-title")],
        td_string!(locale, credit.chart_title),
    )
    .el("desc", &[("id", "usage-chart-desc")], &desc);
    let (left, right) = (LEFT.to_string(), (WIDTH - RIGHT).to_string());
    let tick_x = (LEFT - 6).to_string();
    for tick in &geometry.ticks {
        let (y, label_y) = (tick.y.to_string(), (tick.y + 4).to_string());
        m.el(
            "line",
            &[
                ("class", "chart-grid"),
                ("x1", &left),
                ("x2", &right),
                ("y1", &y),
                ("y2", &y),
            ],
            "",
        )
        .el(
            "text",
            &[
                ("class", "chart-tick"),
                ("x", &tick_x),
                ("y", &label_y),
                ("text-anchor", "end"),
            ],
            &format::number(tick.value as f64 / 100.0, locale),
        );
    }
    let label_y = (HEIGHT - 8).to_string();
    for bar in &geometry.bars {
        let (x, bar_width, center) = (
            bar.x.to_string(),
            bar.width.to_string(),
            bar.center.to_string(),
        );
        for s in &bar.segments {
            let class = format!("svc-{}", s.service.as_str());
            let (y, h) = (s.y.to_string(), s.height.to_string());
            m.el(
                "rect",
                &[
                    ("class", &class),
                    ("x", &x),
                    ("y", &y),
                    ("width", &bar_width),
                    ("height", &h),
                ],
                "",
            );
        }
        m.el(
            "text",
            &[
                ("class", "chart-tick"),
                ("x", &center),
                ("y", &label_y),
                ("text-anchor", "middle"),
            ],
            &month_label(&bar.month, true, locale),
        );
    }
    m.el(
        "polyline",
        &[
            ("class", "chart-balance"),
            ("points", &geometry.balance_points),
        ],
        "",
    );
    for bar in &geometry.bars {
        let (cx, cy) = (bar.center.to_string(), bar.balance_y.to_string());
        m.el(
            "circle",
            &[
                ("class", "chart-point"),
                ("cx", &cx),
                ("cy", &cy),
                ("r", "3"),
            ],
            "",
        );
    }
    m.close("svg");

    // The legend and the table as markup: text only.
    m.open("ul", &[("class", "chart-legend")]);
    for service in &geometry.services {
        let swatch = format!("swatch svc-{}", service.as_str());
        m.open("li", &[])
            .el("span", &[("class", &swatch), ("aria-hidden", "true")], "")
            .text(service_name(locale, *service))
            .close("li");
    }
    m.open("li", &[])
        .el(
            "span",
            &[("class", "swatch swatch-line"), ("aria-hidden", "true")],
            "",
        )
        .text(td_string!(locale, credit.legend_balance))
        .close("li")
        .close("ul");

    m.open("details", &[("class", "chart-table")]).el(
        "summary",
        &[],
        td_string!(locale, credit.show_table),
    );
    let caption = fill(
        td_string!(locale, credit.usage_caption),
        &[("currency", currency.code())],
    );
    table::open_scroll(m, &caption);
    table::open(m, "data-table", "usage-table", &caption, true);
    let mut columns = vec![(td_string!(locale, credit.col_month), false)];
    columns.extend(
        geometry
            .services
            .iter()
            .map(|s| (service_name(locale, *s), true)),
    );
    columns.push((td_string!(locale, credit.col_total), true));
    columns.push((td_string!(locale, credit.col_balance_end), true));
    table::head(m, &columns);
    m.open("tbody", &[]);
    for month in usage {
        m.open("tr", &[("data-month", &month.month)]);
        table::row_head(m, &month_label(&month.month, false, locale));
        for service in &geometry.services {
            let amount: i64 = month
                .by_service
                .iter()
                .filter(|p| p.service == *service)
                .map(|p| p.amount.minor)
                .sum();
            table::num(m, &money(amount));
        }
        table::num(m, &money(month.total.minor));
        table::num(m, &money(month.balance_at_end.minor));
        m.close("tr");
    }
    m.close("tbody")
        .close("table")
        .close("div")
        .close("details");

    m.close("section");
}
