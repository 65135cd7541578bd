//! The list's filters: labelled selects and a search, all kept in the URL. Built as
//! markup when the language or the tab changes; the URL's values are set on them in
//! place (back and forward), and their events bubble to the page.

use support_api::plan::Priority;
use support_api::requests::{RequestSort, RequestStatus, RequestType};

use super::dom::by_id;
use super::fields::option;

use crate::i18n::*;
use crate::labels::{priority_name, status_name, type_name};
use crate::markup::Markup;
use crate::requests::query::ListQuery;

/// The select `name`, labelled, with `(value, text)` options and `chosen` selected.
fn select(m: &mut Markup, name: &'static str, label: &str, options: &[(&str, &str)], chosen: &str) {
    let id = format!("filter-{name}");
    m.open("div", &[("class", "filter")]);
    m.el("label", &[("for", &id)], label);
    m.open("select", &[("id", &id), ("name", name)]);
    for (value, text) in options {
        option(m, value, text, *value == chosen, false);
    }
    m.close("select").close("div");
}

/// The filters' inputs for a query.
pub fn filters_markup(l: Locale, q: &ListQuery) -> Markup {
    let all = ("", td_string!(l, requests.list.all));
    let mut m = Markup::new();
    m.open("div", &[("class", "filter filter-search")]);
    m.el(
        "label",
        &[("for", "filter-q")],
        td_string!(l, requests.list.search),
    );
    m.open(
        "input",
        &[
            ("id", "filter-q"),
            ("name", "q"),
            ("type", "search"),
            ("value", &q.q),
        ],
    )
    .close("input");
    m.close("div");
    let types: Vec<_> = std::iter::once(all)
        .chain(
            RequestType::ALL
                .into_iter()
                .map(|t| (t.as_str(), type_name(l, t))),
        )
        .collect();
    select(
        &mut m,
        "type",
        td_string!(l, requests.list.kind),
        &types,
        q.kind.map_or("", RequestType::as_str),
    );
    let statuses: Vec<_> = std::iter::once(all)
        .chain(
            RequestStatus::ALL
                .into_iter()
                .filter(|s| s.is_open() != q.closed)
                .map(|s| (s.as_str(), status_name(l, s))),
        )
        .collect();
    select(
        &mut m,
        "status",
        td_string!(l, requests.list.status),
        &statuses,
        q.status.map_or("", RequestStatus::as_str),
    );
    let priorities: Vec<_> = std::iter::once(all)
        .chain(
            Priority::ALL
                .into_iter()
                .map(|p| (p.as_str(), priority_name(l, p))),
        )
        .collect();
    select(
        &mut m,
        "priority",
        td_string!(l, requests.list.priority),
        &priorities,
        q.priority.map_or("", Priority::as_str),
    );
    let sorts: Vec<_> = RequestSort::ALL
        .into_iter()
        .map(|s| {
            let text = match s {
                RequestSort::CreatedDesc => td_string!(l, requests.list.sort_newest),
                RequestSort::CreatedAsc => td_string!(l, requests.list.sort_oldest),
                RequestSort::Priority => td_string!(l, requests.list.sort_priority),
                RequestSort::ReactionDue => td_string!(l, requests.list.sort_reaction),
            };
            (s.as_str(), text)
        })
        .collect();
    select(
        &mut m,
        "sort",
        td_string!(l, requests.list.sort),
        &sorts,
        q.sort.as_str(),
    );
    m
}

/// Shows a query in the filters (after back or forward). The search keeps what is being
/// typed unless it differs from the query by more than spaces.
pub fn show_query(q: &ListQuery) {
    let set = |id: &str, value: &str| {
        if let Some(el) = by_id(id) {
            let _ = js_sys::Reflect::set(&el, &"value".into(), &value.into());
        }
    };
    set("filter-type", q.kind.map_or("", RequestType::as_str));
    set("filter-status", q.status.map_or("", RequestStatus::as_str));
    set("filter-priority", q.priority.map_or("", Priority::as_str));
    set("filter-sort", q.sort.as_str());
    if let Some(el) = by_id("filter-q") {
        let typed = js_sys::Reflect::get(&el, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if typed.trim() != q.q {
            set("filter-q", &q.q);
        }
    }
}

/// The query with one filter changed (`name` is the input's name).
pub fn with_filter(mut q: ListQuery, name: &str, value: &str) -> ListQuery {
    match name {
        "type" => q.kind = RequestType::parse(value),
        "status" => q.status = RequestStatus::parse(value),
        "priority" => q.priority = Priority::parse(value),
        "sort" => q.sort = RequestSort::parse(value).unwrap_or_default(),
        "q" => q.q = value.trim().to_owned(),
        _ => {}
    }
    q
}
