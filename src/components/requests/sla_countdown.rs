//! SLA reaction countdowns, all driven by one shared clock per page: it ticks every
//! second while some countdown on the page shows seconds, else every 30 seconds, and
//! each tick rewrites only the countdowns' words.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::format;
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::time::{Reaction, Unit, reaction, span_parts};
use crate::template::fill;

/// Starts the page's clock and keeps every countdown on the page (`.sla[data-due]`)
/// current. `fine(now)` tells whether one shows seconds now; it is read untracked at each
/// one-second beat.
pub fn provide_clock(fine: impl Fn(f64) -> bool + 'static) {
    let i18n = use_i18n();
    let (now, set_now) = signal(js_sys::Date::now());
    // A beat already queued when the page goes away must not touch its disposed state
    // (that would panic and stop the app): it checks this flag first.
    let alive = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let beat_alive = alive.clone();
    let handle = set_interval_with_handle(
        move || {
            if !beat_alive.load(std::sync::atomic::Ordering::Relaxed) {
                return;
            }
            let t = js_sys::Date::now();
            let Some(last) = now.try_get_untracked() else {
                return;
            };
            if fine(t) || t - last >= 30_000.0 {
                let _ = set_now.try_set(t);
            }
        },
        Duration::from_secs(1),
    );
    on_cleanup(move || {
        alive.store(false, std::sync::atomic::Ordering::Relaxed);
        if let Ok(handle) = handle {
            handle.clear();
        }
    });
    Effect::new(move |_| update_countdowns(i18n.get_locale(), now.get() as i64));
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

/// The class and words of a reaction state: "2 hr 5 min left", "Overdue by 3 min 10 sec".
fn reaction_text(l: Locale, r: &Reaction) -> (&'static str, String) {
    let span = |parts: &[(i64, Unit)]| {
        parts
            .iter()
            .map(|p| unit_text(l, *p))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match r {
        Reaction::Reacted { late: false } => ("sla", td_string!(l, requests.sla.met).to_owned()),
        Reaction::Reacted { late: true } => (
            "sla sla-overdue",
            td_string!(l, requests.sla.late).to_owned(),
        ),
        Reaction::Left(parts) => (
            "sla sla-left",
            fill(td_string!(l, requests.sla.left), &[("time", &span(parts))]),
        ),
        Reaction::Overdue(parts) => (
            "sla sla-overdue",
            fill(
                td_string!(l, requests.sla.overdue),
                &[("time", &span(parts))],
            ),
        ),
    }
}

/// A countdown, with what the clock needs to keep it current.
pub fn sla_countdown(
    m: &mut Markup,
    l: Locale,
    due: Option<&str>,
    first: Option<&str>,
    open: bool,
) {
    let Some(due) = due else {
        return;
    };
    let state = reaction(Some(due), first, open, js_sys::Date::now() as i64);
    let (class, text) = state
        .map(|r| reaction_text(l, &r))
        .unwrap_or(("sla", String::new()));
    m.el(
        "span",
        &[
            ("class", class),
            ("data-due", due),
            ("data-first", first.unwrap_or("")),
            ("data-open", if open { "1" } else { "0" }),
        ],
        &text,
    );
}

/// Rewrites the words of every countdown on the page for `now`.
fn update_countdowns(l: Locale, now: i64) {
    let Ok(list) = document().query_selector_all(".sla[data-due]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let due = el.get_attribute("data-due");
        let first = el.get_attribute("data-first").filter(|f| !f.is_empty());
        let open = el.get_attribute("data-open").as_deref() == Some("1");
        if let Some(r) = reaction(due.as_deref(), first.as_deref(), open, now) {
            let (class, text) = reaction_text(l, &r);
            if el.text_content().as_deref() != Some(text.as_str()) {
                el.set_class_name(class);
                el.set_text_content(Some(&text));
            }
        }
    }
}
