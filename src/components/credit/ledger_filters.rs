//! Period, service and kind of the ledger. Applying writes them to the page's query
//! (`?from=…`), so a reload, the back button or a shared link shows the same entries.

use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use web_sys::Element;

use super::dom;
use crate::calendar::parse_day;
use crate::credit::filter::LedgerFilter;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};
use crate::markup::Markup;

fn field(m: &mut Markup, id: &'static str, label: &str) {
    m.open("div", &[("class", "field")])
        .el("label", &[("for", id)], label);
}

fn select<'a>(
    m: &mut Markup,
    id: &'static str,
    label: &str,
    all: &str,
    options: impl Iterator<Item = (&'static str, &'a str)>,
    chosen: &str,
) {
    field(m, id, label);
    m.open("select", &[("id", id)]);
    let option = |m: &mut Markup, value: &'static str, text: &str| {
        let attrs: &[(&str, &str)] = if value == chosen {
            &[("value", value), ("selected", "")]
        } else {
            &[("value", value)]
        };
        m.el("option", attrs, text);
    };
    option(m, "", all);
    for (value, text) in options {
        option(m, value, text);
    }
    m.close("select").close("div");
}

/// The filter form, showing `filter`.
pub fn filters_markup(m: &mut Markup, filter: &LedgerFilter, locale: Locale) {
    m.open(
        "form",
        &[
            ("id", "ledger-filters"),
            ("class", "ledger-filters"),
            ("novalidate", ""),
        ],
    );
    field(m, "ledger-from", td_string!(locale, credit.filter_from));
    let from = filter.from.as_deref().unwrap_or_default();
    m.el(
        "input",
        &[("id", "ledger-from"), ("type", "date"), ("value", from)],
        "",
    )
    .close("div");
    field(m, "ledger-to", td_string!(locale, credit.filter_to));
    let to = filter.to.as_deref().unwrap_or_default();
    m.el(
        "input",
        &[("id", "ledger-to"), ("type", "date"), ("value", to)],
        "",
    )
    .close("div");
    let all = td_string!(locale, credit.filter_all);
    select(
        m,
        "ledger-service",
        td_string!(locale, credit.filter_service),
        all,
        ServiceCode::ALL
            .into_iter()
            .map(|s| (s.as_str(), service_name(locale, s))),
        filter.service.map(ServiceCode::as_str).unwrap_or_default(),
    );
    select(
        m,
        "ledger-kind",
        td_string!(locale, credit.filter_kind),
        all,
        LedgerKind::ALL
            .into_iter()
            .map(|k| (k.as_str(), kind_name(locale, k))),
        filter.kind.map(LedgerKind::as_str).unwrap_or_default(),
    );
    m.open("div", &[("class", "form-actions")]).el(
        "button",
        &[("type", "submit"), ("class", "button")],
        td_string!(locale, credit.filter_apply),
    );
    let clear: &[(&str, &str)] = &[
        ("id", "ledger-clear"),
        ("type", "button"),
        ("class", "button button-secondary"),
        ("data-action", "ledger-clear"),
    ];
    m.el("button", clear, td_string!(locale, credit.filter_clear))
        .close("div")
        .el(
            "p",
            &[
                ("id", "ledger-filter-error"),
                ("class", "field-error"),
                ("role", "alert"),
                ("hidden", ""),
            ],
            td_string!(locale, credit.filter_reversed),
        )
        .close("form");
}

/// What the form holds now (a field that is not valid counts as unset).
pub fn read(root: &Element) -> LedgerFilter {
    let day = |id| Some(dom::value(root, id)).filter(|d| parse_day(d).is_some());
    LedgerFilter {
        from: day("ledger-from"),
        to: day("ledger-to"),
        service: ServiceCode::parse(&dom::value(root, "ledger-service")),
        kind: LedgerKind::parse(&dom::value(root, "ledger-kind")),
    }
}

/// Shows `filter` in the form (after the back button, say).
pub fn show(root: &Element, filter: &LedgerFilter) {
    dom::set_value(
        root,
        "ledger-from",
        filter.from.as_deref().unwrap_or_default(),
    );
    dom::set_value(root, "ledger-to", filter.to.as_deref().unwrap_or_default());
    dom::set_value(
        root,
        "ledger-service",
        filter.service.map(ServiceCode::as_str).unwrap_or_default(),
    );
    dom::set_value(
        root,
        "ledger-kind",
        filter.kind.map(LedgerKind::as_str).unwrap_or_default(),
    );
    dom::set_hidden(root, "ledger-clear", filter.is_empty());
    reversed(root, false);
}

/// Marks the period as ending before it starts (or not).
pub fn reversed(root: &Element, wrong: bool) {
    dom::set_hidden(root, "ledger-filter-error", !wrong);
    dom::set_attr(root, "ledger-from", "aria-invalid", wrong.then_some("true"));
    dom::set_attr(
        root,
        "ledger-from",
        "aria-describedby",
        wrong.then_some("ledger-filter-error"),
    );
}

/// `/credit` with the filter in its query.
pub fn url(filter: &LedgerFilter) -> String {
    let query = filter.to_query();
    if query.is_empty() {
        "/credit".to_owned()
    } else {
        format!("/credit?{query}")
    }
}
