//! What is known about a request, as a list of terms and values.

use leptos::prelude::*;

use super::request_row::cost_text;
use super::sla_countdown::span_text;
use super::tr;

use crate::format;
use crate::i18n::*;
use crate::labels::{billed_name, location_name, priority_name, type_name};
use crate::requests::detail::Detail;

/// The facts of a request as (label, value) pairs, per type.
fn facts(l: Locale, d: &Detail) -> Vec<(&'static str, String)> {
    let s = &d.summary;
    let mut facts = vec![
        (td_string!(l, requests.detail.number), format!("#{}", s.id)),
        (
            td_string!(l, requests.list.kind),
            type_name(l, s.request_type).to_owned(),
        ),
        (
            td_string!(l, requests.list.priority),
            priority_name(l, s.priority).to_owned(),
        ),
        (
            td_string!(l, requests.list.col_created),
            format::date_time(&s.created_at, l),
        ),
        (td_string!(l, requests.list.col_by), s.requested_by.clone()),
        (
            td_string!(l, requests.detail.billed),
            billed_name(l, s.billed_as).to_owned(),
        ),
        (td_string!(l, requests.list.col_cost), cost_text(l, s)),
    ];
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            facts.push((label, v));
        }
    };
    push(
        td_string!(l, requests.detail.consumed),
        (d.consumed_minutes > 0).then(|| span_text(l, i64::from(d.consumed_minutes) * 60_000)),
    );
    push(
        td_string!(l, requests.detail.scheduled_for),
        d.scheduled_for.as_deref().map(|day| format::date(day, l)),
    );
    push(td_string!(l, requests.form.product), d.product.clone());
    push(td_string!(l, requests.form.phone), d.contact_phone.clone());
    let days = |dates: &[String]| {
        (!dates.is_empty()).then(|| {
            dates
                .iter()
                .map(|day| format::date(day, l))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let x = &d.details;
    push(
        td_string!(l, requests.form.course_date),
        x.course_date_id.map(|id| format!("#{id}")),
    );
    push(
        td_string!(l, requests.form.custom_topic),
        x.custom_topic.clone(),
    );
    push(
        td_string!(l, requests.form.participants),
        x.participants.map(|n| n.to_string()),
    );
    push(
        td_string!(l, requests.form.location),
        x.location.map(|loc| location_name(l, loc).to_owned()),
    );
    push(
        td_string!(l, requests.form.site_address),
        x.site_address.clone(),
    );
    push(
        td_string!(l, requests.form.preferred_dates),
        days(&x.preferred_dates),
    );
    push(
        td_string!(l, requests.form.window),
        x.window_from
            .as_ref()
            .zip(x.window_to.as_ref())
            .map(|(from, to)| {
                format!(
                    "{} – {}",
                    format::date_time(from, l),
                    format::date_time(to, l)
                )
            }),
    );
    push(
        td_string!(l, requests.detail.amount),
        x.amount.map(|amount| format::money(amount, l)),
    );
    push(
        td_string!(l, requests.detail.expected),
        x.expected_minutes
            .map(|m| span_text(l, i64::from(m) * 60_000)),
    );
    if let Some(due) = &s.reaction_due_at {
        facts.push((
            td_string!(l, requests.detail.reaction_due),
            format::date_time(due, l),
        ));
    }
    if let Some(first) = &s.first_reaction_at {
        facts.push((
            td_string!(l, requests.detail.first_reaction),
            format::date_time(first, l),
        ));
    }
    facts
}

/// The facts card, in the chosen language.
#[component]
pub fn RequestFacts(detail: Detail) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        facts(i18n.get_locale(), &detail)
            .into_iter()
            .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{tr(|l| td_string!(l, requests.detail.facts))}</h2>
            <dl class="facts">{list}</dl>
        </section>
    }
}
