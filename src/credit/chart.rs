//! The geometry of the usage chart: scale, ticks, stacked bars per month and the
//! balance line, in the SVG's own coordinates. Pure (no DOM, no `Intl`), so it is
//! tested natively; `components::credit::usage_chart` only draws what this computes.
//!
//! Values stay in integer minor units until they become coordinates, and coordinates
//! are whole units of the `viewBox` (720 wide: finer than a pixel on most screens), so
//! no float is ever formatted into the SVG (float formatting would cost the wasm KiB).

use support_api::catalog::ServiceCode;
use support_api::credit::MonthUsage;

use crate::credit::amount::ceil_div;

/// The SVG's `viewBox` is `0 0 WIDTH HEIGHT`; it scales to the width of its container.
pub const WIDTH: i32 = 720;
pub const HEIGHT: i32 = 300;
/// Room for the tick labels on the left and the month labels below.
pub const LEFT: i32 = 76;
pub const RIGHT: i32 = 12;
pub const TOP: i32 = 12;
pub const BOTTOM: i32 = 28;
/// The share of a month's slot its bar takes.
const BAR_SHARE: f64 = 0.6;
/// At most this many intervals on the value axis.
const MAX_TICKS: i64 = 6;

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Minor units.
    pub value: i64,
    pub y: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub service: ServiceCode,
    pub amount: i64,
    pub y: i32,
    pub height: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// `YYYY-MM`, as the API sent it.
    pub month: String,
    pub x: i32,
    pub width: i32,
    /// The middle of the bar: where its label and the balance point sit.
    pub center: i32,
    /// Bottom up, in the order of [`Geometry::services`].
    pub segments: Vec<Segment>,
    pub balance_y: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    /// The y of the value zero (the bars' base).
    pub zero_y: i32,
    /// `x,y x,y …` of the balance line, for `<polyline points>`.
    pub balance_points: String,
    /// The services that were used in any of the months, in catalog order (the legend
    /// and the table's columns).
    pub services: Vec<ServiceCode>,
}

/// The smallest step of 1, 2 or 5 × 10ⁿ minor units (at least one major unit) that
/// divides `span` into at most `max_ticks` intervals.
pub fn nice_step(span: i64, max_ticks: i64) -> i64 {
    let span = span.max(1);
    let max_ticks = max_ticks.max(1);
    let mut magnitude: i64 = 100;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude.saturating_mul(factor);
            if ceil_div(span, step) <= max_ticks || step == i64::MAX {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// The axis range, widened to whole steps around `min..=max`, and its step.
pub fn axis(min: i64, max: i64) -> (i64, i64, i64) {
    let (min, max) = (min.min(max), max.max(min));
    let step = nice_step(max.saturating_sub(min), MAX_TICKS);
    let low = min.div_euclid(step).saturating_mul(step);
    let mut high = max.div_euclid(step).saturating_mul(step);
    if high < max {
        high = high.saturating_add(step);
    }
    if high == low {
        high = low.saturating_add(step);
    }
    (low, high, step)
}

pub fn build(usage: &[MonthUsage]) -> Geometry {
    let services: Vec<ServiceCode> = ServiceCode::ALL
        .into_iter()
        .filter(|code| {
            usage
                .iter()
                .flat_map(|m| &m.by_service)
                .any(|part| part.service == *code && part.amount.minor != 0)
        })
        .collect();

    let mut min: i64 = 0;
    let mut max: i64 = 0;
    for month in usage {
        let stacked: i64 = month
            .by_service
            .iter()
            .map(|p| p.amount.minor.max(0))
            .fold(0, i64::saturating_add);
        max = max.max(stacked).max(month.balance_at_end.minor);
        min = min.min(month.balance_at_end.minor);
    }
    let (low, high, step) = axis(min, max);
    let plot_height = f64::from(HEIGHT - TOP - BOTTOM);
    let span = (high - low) as f64;
    let y = |value: i64| TOP + ((high - value) as f64 / span * plot_height).round() as i32;

    let ticks = (0..)
        .map(|i| low.saturating_add(step.saturating_mul(i)))
        .take_while(|value| *value <= high)
        .map(|value| Tick { value, y: y(value) })
        .collect();

    let slot = f64::from(WIDTH - LEFT - RIGHT) / usage.len().max(1) as f64;
    let width = (slot * BAR_SHARE).round() as i32;
    let bars: Vec<Bar> = usage
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let x = LEFT + (slot * i as f64 + (slot - f64::from(width)) / 2.0).round() as i32;
            let mut base: i64 = 0;
            let segments = services
                .iter()
                .filter_map(|code| {
                    let amount: i64 = month
                        .by_service
                        .iter()
                        .filter(|p| p.service == *code)
                        .map(|p| p.amount.minor.max(0))
                        .fold(0, i64::saturating_add);
                    if amount == 0 {
                        return None;
                    }
                    let top = base.saturating_add(amount);
                    // Both edges from the scale, so stacked segments meet exactly.
                    let segment = Segment {
                        service: *code,
                        amount,
                        y: y(top),
                        height: y(base) - y(top),
                    };
                    base = top;
                    Some(segment)
                })
                .collect();
            Bar {
                month: month.month.clone(),
                x,
                width,
                center: x + width / 2,
                segments,
                balance_y: y(month.balance_at_end.minor),
            }
        })
        .collect();
    let balance_points = bars
        .iter()
        .map(|bar| format!("{},{}", bar.center, bar.balance_y))
        .collect::<Vec<_>>()
        .join(" ");
    Geometry {
        bars,
        ticks,
        zero_y: y(0),
        balance_points,
        services,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::credit::ServiceAmount;
    use support_api::money::{Currency, Money};

    fn month(name: &str, parts: &[(ServiceCode, i64)], balance: i64) -> MonthUsage {
        let pln = |minor| Money::new(minor, Currency::Pln);
        MonthUsage {
            month: name.into(),
            by_service: parts
                .iter()
                .map(|(service, amount)| ServiceAmount {
                    service: *service,
                    amount: pln(*amount),
                })
                .collect(),
            total: pln(parts.iter().map(|p| p.1).sum()),
            balance_at_end: pln(balance),
        }
    }

    /// Within the rounding to whole units.
    fn close(a: i32, b: f64) -> bool {
        (f64::from(a) - b).abs() <= 1.0
    }

    #[test]
    fn steps_are_one_two_or_five() {
        assert_eq!(nice_step(0, 6), 100);
        assert_eq!(nice_step(600, 6), 100);
        assert_eq!(nice_step(700, 6), 200);
        assert_eq!(nice_step(4_000_000, 6), 1_000_000);
        assert_eq!(nice_step(5_500_000, 6), 1_000_000);
        assert_eq!(nice_step(6_100_000, 6), 2_000_000);
        assert_eq!(nice_step(13_000_000, 6), 5_000_000);
        assert!(nice_step(i64::MAX, 6) > 0);
    }

    #[test]
    fn axis_covers_the_values_in_whole_steps() {
        assert_eq!(axis(0, 4_300_000), (0, 5_000_000, 1_000_000));
        assert_eq!(axis(0, 0), (0, 100, 100));
        assert_eq!(axis(-250_000, 1_000_000), (-500_000, 1_000_000, 500_000));
        assert_eq!(axis(-250_000, 900_000), (-400_000, 1_000_000, 200_000));
        let (low, high, step) = axis(-1, 1);
        assert!(low <= -1 && high >= 1 && step > 0);
    }

    #[test]
    fn stacks_services_bottom_up_in_catalog_order() {
        let usage = [
            month(
                "2026-10",
                &[
                    (ServiceCode::RemoteService, 100_000),
                    (ServiceCode::Training, 300_000),
                ],
                1_000_000,
            ),
            month("2026-11", &[], 800_000),
        ];
        let chart = build(&usage);
        assert_eq!(
            chart.services,
            [ServiceCode::Training, ServiceCode::RemoteService]
        );
        let bar = &chart.bars[0];
        assert_eq!(bar.segments.len(), 2);
        assert_eq!(bar.segments[0].service, ServiceCode::Training);
        // The first segment stands on zero; the next exactly on the first.
        let (first, second) = (&bar.segments[0], &bar.segments[1]);
        assert_eq!(first.y + first.height, chart.zero_y);
        assert_eq!(second.y + second.height, first.y);
        // Heights are proportional to amounts (within the rounding).
        assert!(close(first.height, 3.0 * f64::from(second.height)));
        assert!(chart.bars[1].segments.is_empty());
        // Axis 0..1 000 000 (step 200 000): the plot spans TOP..HEIGHT-BOTTOM.
        assert_eq!(chart.ticks.first().map(|t| t.value), Some(0));
        assert_eq!(chart.ticks.last().map(|t| t.value), Some(1_000_000));
        assert_eq!(chart.zero_y, HEIGHT - BOTTOM);
        assert_eq!(chart.ticks[5].y, TOP);
        let plot = f64::from(HEIGHT - TOP - BOTTOM);
        assert!(close(first.height, plot * 0.3));
        assert_eq!(bar.balance_y, TOP);
        assert!(close(chart.bars[1].balance_y, f64::from(TOP) + plot * 0.2));
    }

    #[test]
    fn bars_share_the_width_and_the_line_joins_their_middles() {
        let usage: Vec<MonthUsage> = (1..=12)
            .map(|m| {
                month(
                    &format!("2026-{m:02}"),
                    &[(ServiceCode::Hotline, 1_000)],
                    10_000,
                )
            })
            .collect();
        let chart = build(&usage);
        assert_eq!(chart.bars.len(), 12);
        let first = &chart.bars[0];
        let last = &chart.bars[11];
        assert!(first.x > LEFT);
        assert!(last.x + last.width < WIDTH - RIGHT);
        assert!(close(
            chart.bars[1].x - first.x,
            f64::from(WIDTH - LEFT - RIGHT) / 12.0
        ));
        assert_eq!(chart.balance_points.split(' ').count(), 12);
        assert!(
            chart
                .balance_points
                .starts_with(&format!("{},{} ", first.center, first.balance_y))
        );
    }

    #[test]
    fn a_negative_balance_lowers_the_axis() {
        let chart = build(&[month("2026-11", &[(ServiceCode::Hotline, 50_000)], -20_000)]);
        assert!(chart.ticks[0].value < 0);
        assert!(chart.bars[0].balance_y > chart.zero_y);
        assert!(chart.zero_y < HEIGHT - BOTTOM);
    }

    #[test]
    fn no_months_is_an_empty_chart() {
        let chart = build(&[]);
        assert!(chart.bars.is_empty());
        assert!(chart.services.is_empty());
        assert_eq!(chart.balance_points, "");
    }
}
