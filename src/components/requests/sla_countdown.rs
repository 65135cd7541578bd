//! An SLA reaction countdown: a component with its own clock. It ticks every second
//! while it shows seconds (less than an hour either side of the target), else every
//! half minute; one that can no longer change (reacted, or closed) has no clock at all.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use crate::format;
use crate::i18n::*;
use crate::requests::time::{Reaction, Unit, reaction, shows_seconds, span_parts};
use support_api::template::fill;

fn unit_text(l: Locale, (n, unit): (i64, Unit)) -> String {
    let name = match unit {
        Unit::Day => "day",
        Unit::Hour => "hour",
        Unit::Minute => "minute",
        Unit::Second => "second",
    };
    format::unit(n as f64, name, l)
}

fn parts_text(l: Locale, parts: &[(i64, Unit)]) -> String {
    parts
        .iter()
        .map(|p| unit_text(l, *p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A span in words (`2 hr 5 min`), by its two largest units.
pub fn span_text(l: Locale, ms: i64) -> String {
    parts_text(l, &span_parts(ms))
}

/// The class and words of a reaction state: "2 hr 5 min left", "Overdue by 3 min 10 sec".
fn reaction_text(l: Locale, r: &Reaction) -> (&'static str, String) {
    match r {
        Reaction::Reacted { late: false } => ("sla", td_string!(l, requests.sla.met).to_owned()),
        Reaction::Reacted { late: true } => (
            "sla sla-overdue",
            td_string!(l, requests.sla.late).to_owned(),
        ),
        Reaction::Left(parts) => (
            "sla sla-left",
            fill(
                td_string!(l, requests.sla.left),
                &[("time", &parts_text(l, parts))],
            ),
        ),
        Reaction::Overdue(parts) => (
            "sla sla-overdue",
            fill(
                td_string!(l, requests.sla.overdue),
                &[("time", &parts_text(l, parts))],
            ),
        ),
    }
}

/// The countdown to `due` (an RFC 3339 instant), or how the reaction went once `first`
/// came; nothing for a closed request that never had a reaction.
#[component]
pub fn SlaCountdown(due: String, first: Option<String>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(js_sys::Date::now() as i64);
    if open && first.is_none() {
        let due = due.clone();
        let handle = set_interval_with_handle(
            move || {
                let t = js_sys::Date::now() as i64;
                // A beat already queued when the countdown goes away finds its signal
                // disposed and does nothing.
                let Some(last) = now.try_get_untracked() else {
                    return;
                };
                if shows_seconds(Some(&due), None, t) || t - last >= 30_000 {
                    now.try_set(t);
                }
            },
            Duration::from_secs(1),
        );
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    }
    // Whether there is a countdown at all does not change with time.
    let present = reaction(Some(&due), first.as_deref(), open, now.get_untracked()).is_some();
    let shown = Signal::derive(move || {
        let state = reaction(Some(&due), first.as_deref(), open, now.get());
        state.map(|r| reaction_text(i18n.get_locale(), &r))
    });
    present.then(|| {
        let class = move || shown.with(|s| s.as_ref().map_or("sla", |(class, _)| *class));
        let text = move || shown.with(|s| s.as_ref().map(|(_, text)| text.clone()));
        view! { <span class=class>{text}</span> }
    })
}
