//! SLA reaction countdowns, all driven by one shared clock signal per page: it ticks
//! every second while some countdown on the page shows seconds, else every 30 seconds.

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use std::time::Duration;

use super::fill;
use crate::format;
use crate::i18n::*;
use crate::requests::time::{Reaction, Unit, reaction, span_parts};

/// Milliseconds since the epoch, as of the last tick.
#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<f64>);

/// Starts the page's clock. `fine(now)` tells whether a countdown shows seconds now;
/// it is read without tracking at each one-second beat.
pub fn provide_clock(fine: impl Fn(f64) -> bool + 'static) -> Clock {
    let (now, set_now) = signal(js_sys::Date::now());
    let handle = set_interval_with_handle(
        move || {
            let t = js_sys::Date::now();
            if fine(t) || t - now.get_untracked() >= 30_000.0 {
                set_now.set(t);
            }
        },
        Duration::from_secs(1),
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
    let clock = Clock(now);
    provide_context(clock);
    clock
}

fn unit_text(l: Locale, (n, unit): (i64, Unit)) -> String {
    let name = match unit {
        Unit::Day => "day",
        Unit::Hour => "hour",
        Unit::Minute => "minute",
        Unit::Second => "second",
    };
    format::unit(n as f64, name, l)
}

/// A span in words (`2 hr 5 min`), by its two largest units.
pub fn span_text(l: Locale, ms: i64) -> String {
    span_parts(ms)
        .into_iter()
        .map(|p| unit_text(l, p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words for a reaction state, e.g. "2 hr 5 min left", "Overdue by 3 min 10 sec".
pub fn reaction_text(l: Locale, r: &Reaction) -> String {
    let span = |parts: &[(i64, Unit)]| {
        parts
            .iter()
            .map(|p| unit_text(l, *p))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match r {
        Reaction::Reacted { late: false } => td_string!(l, requests.sla.met).to_owned(),
        Reaction::Reacted { late: true } => td_string!(l, requests.sla.late).to_owned(),
        Reaction::Left(parts) => fill(td_string!(l, requests.sla.left), &span(parts)),
        Reaction::Overdue(parts) => fill(td_string!(l, requests.sla.overdue), &span(parts)),
    }
}

/// Time left to the reaction target or how long it is overdue, live; empty when the
/// request has no target. Re-renders only when the words change.
#[component]
pub fn SlaCountdown(due: Option<String>, first: Option<String>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_context::<Clock>();
    let state = Memo::new(move |_| {
        let now = clock.map_or_else(js_sys::Date::now, |c| c.0.get());
        reaction(due.as_deref(), first.as_deref(), open, now as i64)
    });
    let class = move || match state.get() {
        Some(Reaction::Overdue(_) | Reaction::Reacted { late: true }) => "sla sla-overdue",
        Some(Reaction::Left(_)) => "sla sla-left",
        _ => "sla",
    };
    let text = move || state.with(|r| r.as_ref().map(|r| reaction_text(i18n.get_locale(), r)));
    view! { <span class=class>{text}</span> }
}
