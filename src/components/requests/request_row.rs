use support_api::catalog::BilledAs;
use support_api::requests::RequestSummary;

use super::sla_countdown::sla_countdown;
use super::status_badge::status_badge;

use crate::format;
use crate::i18n::*;
use crate::labels::{billed_name, priority_name, type_name};
use crate::markup::Markup;
use crate::template::fill;

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

/// The list as a table: per request its title (a link), status, type, priority, when it
/// was made, who asked (for admins), the cost, and the SLA countdown (for SLA customers).
pub fn requests_table(
    l: Locale,
    pages: [&[RequestSummary]; 2],
    show_by: bool,
    show_sla: bool,
) -> Markup {
    let mut m = Markup::new();
    m.open("table", &[("class", "requests-table")]);
    m.el(
        "caption",
        &[("class", "visually-hidden")],
        td_string!(l, requests.list.caption),
    );
    m.open("thead", &[]).open("tr", &[]);
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
        m.el("th", &[("scope", "col")], column);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for r in pages.into_iter().flatten() {
        let href = format!("/requests/{}", r.id);
        m.open("tr", &[]).open("th", &[("scope", "row")]);
        m.el("a", &[("href", &href)], &r.title).close("th");
        m.open("td", &[]);
        status_badge(&mut m, l, r.status);
        m.close("td");
        m.el("td", &[], type_name(l, r.request_type));
        m.el("td", &[], priority_name(l, r.priority));
        m.el("td", &[], &format::date_time(&r.created_at, l));
        if show_by {
            m.el("td", &[], &r.requested_by);
        }
        m.el("td", &[("class", "num")], &cost_text(l, r));
        if show_sla {
            m.open("td", &[]);
            sla_countdown(
                &mut m,
                l,
                r.reaction_due_at.as_deref(),
                r.first_reaction_at.as_deref(),
                r.status.is_open(),
            );
            m.close("td");
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
    m
}
