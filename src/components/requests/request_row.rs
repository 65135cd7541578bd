use leptos::prelude::*;
use support_api::catalog::BilledAs;
use support_api::requests::RequestSummary;

use super::sla_countdown::SlaCountdown;
use super::status_badge::StatusBadge;
use super::{billed_name, fill, priority_name, type_name};
use crate::format;
use crate::i18n::*;

/// The cost column: what was charged, the estimate (marked as such), or how it is
/// covered when nothing is charged.
pub fn cost_text(l: Locale, r: &RequestSummary) -> String {
    match r.cost {
        Some(cost) if r.cost_is_estimate => fill(
            td_string!(l, requests.list.estimate),
            &format::money(cost, l),
        ),
        Some(cost) => format::money(cost, l),
        None if matches!(r.billed_as, BilledAs::AlcIncluded | BilledAs::SlaContract) => {
            billed_name(l, r.billed_as).to_owned()
        }
        None => "—".to_owned(),
    }
}

/// One request in the list.
#[component]
pub fn RequestRow(request: RequestSummary, show_by: bool, show_sla: bool) -> impl IntoView {
    let i18n = use_i18n();
    let r = StoredValue::new(request);
    let text = move |f: fn(Locale, &RequestSummary) -> String| {
        move || r.with_value(|r| f(i18n.get_locale(), r))
    };
    let (id, status) = r.with_value(|r| (r.id, r.status));
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/requests/{id}")>{r.with_value(|r| r.title.clone())}</a>
            </th>
            <td><StatusBadge status /></td>
            <td>{text(|l, r| type_name(l, r.request_type).to_owned())}</td>
            <td>{text(|l, r| priority_name(l, r.priority).to_owned())}</td>
            <td>{text(|l, r| format::date_time(&r.created_at, l))}</td>
            {show_by.then(|| view! { <td>{r.with_value(|r| r.requested_by.clone())}</td> })}
            <td class="num">{text(cost_text)}</td>
            {show_sla.then(|| {
                let (due, first) = r.with_value(|r| (r.reaction_due_at.clone(), r.first_reaction_at.clone()));
                view! { <td><SlaCountdown due first open=status.is_open() /></td> }
            })}
        </tr>
    }
}
