use support_api::catalog::BilledAs;
use support_api::requests::RequestSummary;

use super::sla_countdown::sla_html;
use super::status_badge::status_html;
use super::{billed_name, fill, priority_name, type_name};
use crate::format;
use crate::i18n::*;
use crate::requests::html::{el, esc};

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

/// The list as an HTML table: per request its title (a link), status, type, priority,
/// when it was made, who asked (for admins), the cost, and the SLA countdown (for SLA
/// customers).
pub fn table_html(
    l: Locale,
    pages: [&[RequestSummary]; 2],
    show_by: bool,
    show_sla: bool,
) -> String {
    let mut out = format!(
        "<table class=\"requests-table\"><caption class=\"visually-hidden\">{}</caption><thead><tr>",
        td_string!(l, requests.list.caption)
    );
    let columns = [
        Some(td_string!(l, requests.list.col_title)),
        Some(td_string!(l, requests.list.status)),
        Some(td_string!(l, requests.list.kind)),
        Some(td_string!(l, requests.list.priority)),
        Some(td_string!(l, requests.list.col_created)),
        show_by.then(|| td_string!(l, requests.list.col_by)),
        Some(td_string!(l, requests.list.col_cost)),
        show_sla.then(|| td_string!(l, requests.list.col_sla)),
    ];
    for column in columns.into_iter().flatten() {
        out.push_str(&format!("<th scope=\"col\">{column}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for r in pages.into_iter().flatten() {
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"/requests/{}\">{}</a></th><td>{}</td>",
            r.id,
            esc(&r.title),
            status_html(l, r.status)
        ));
        out.push_str(&el("td", "", type_name(l, r.request_type)));
        out.push_str(&el("td", "", priority_name(l, r.priority)));
        out.push_str(&el("td", "", &format::date_time(&r.created_at, l)));
        if show_by {
            out.push_str(&el("td", "", &r.requested_by));
        }
        out.push_str(&el("td", "num", &cost_text(l, r)));
        if show_sla {
            let sla = sla_html(
                l,
                r.reaction_due_at.as_deref(),
                r.first_reaction_at.as_deref(),
                r.status.is_open(),
            );
            out.push_str(&format!("<td>{sla}</td>"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
