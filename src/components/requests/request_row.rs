use leptos::prelude::*;
use support_api::catalog::BilledAs;
use support_api::requests::RequestSummary;

use super::sla_countdown::SlaCountdown;
use super::status_badge::StatusBadge;
use super::tr;

use crate::format;
use crate::i18n::*;
use crate::labels::{billed_name, priority_name, type_name};
use support_api::template::fill;

/// The cost column: what was charged, the estimate (marked as such), or how it is
/// covered when nothing is charged.
pub fn cost_text(l: Locale, r: &RequestSummary) -> String {
    match r.cost {
        Some(cost) if r.cost_is_estimate => fill(
            td_string!(l, requests.list.estimate),
            &[("cost", &format::money(cost, l))],
        ),
        Some(cost) => format::money(cost, l),
        None if matches!(r.billed_as, BilledAs::AlcIncluded | BilledAs::SlaContract) => {
            billed_name(l, r.billed_as).to_owned()
        }
        None => "—".to_owned(),
    }
}

/// One request as a table row: its title (a link), status, type, priority, when it was
/// made, who asked (for admins), the cost, and the SLA countdown (for SLA customers).
/// Each cell carries its column's name in `data-label`, which the phone layout shows
/// beside the value when the row becomes a card.
#[component]
pub fn RequestRow(request: RequestSummary, show_by: bool, show_sla: bool) -> impl IntoView {
    let i18n = use_i18n();
    let r = StoredValue::new(request);
    let text = move |f: fn(Locale, &RequestSummary) -> String| {
        move || r.with_value(|r| f(i18n.get_locale(), r))
    };
    let (href, title, status) =
        r.with_value(|r| (format!("/requests/{}", r.id), r.title.clone(), r.status));
    let sla = show_sla.then(|| {
        let (due, first, open) = r.with_value(|r| {
            (
                r.reaction_due_at.clone(),
                r.first_reaction_at.clone(),
                r.status.is_open(),
            )
        });
        view! {
            <td class="col-sla" data-label=tr(|l| td_string!(l, requests.list.col_sla))>
                {due.map(|due| view! { <SlaCountdown due first open /> })}
            </td>
        }
    });
    let by = show_by.then(|| {
        view! {
            <td class="col-extra" data-label=tr(|l| td_string!(l, requests.list.col_by))>
                {r.with_value(|r| r.requested_by.clone())}
            </td>
        }
    });
    view! {
        <tr>
            <th scope="row" class="col-title"><a href=href>{title}</a></th>
            <td class="col-status" data-label=tr(|l| td_string!(l, requests.list.status))>
                <StatusBadge status />
            </td>
            <td class="col-extra" data-label=tr(|l| td_string!(l, requests.list.kind))>
                {text(|l, r| type_name(l, r.request_type).to_owned())}
            </td>
            <td class="col-extra" data-label=tr(|l| td_string!(l, requests.list.priority))>
                {text(|l, r| priority_name(l, r.priority).to_owned())}
            </td>
            <td class="col-created" data-label=tr(|l| td_string!(l, requests.list.col_created))>
                {text(|l, r| format::date_time(&r.created_at, l))}
            </td>
            {by}
            <td class="num col-cost" data-label=tr(|l| td_string!(l, requests.list.col_cost))>
                {text(cost_text)}
            </td>
            {sla}
        </tr>
    }
}
