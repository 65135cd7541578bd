//! A month's statement of the SBP credit (admins), the print view of `/credit`
//! (`?statement=YYYY-MM`): opening and closing balance, totals by kind and by service,
//! and the month's entries. `@media print` leaves out the portal around it.

use std::rc::Rc;

use leptos::prelude::*;
use support_api::credit::LedgerEntry;
use support_api::money::{Currency, Money};

use crate::api::{self, ApiError, Client};
use crate::components::credit::dom::{self, Handler};
use crate::components::credit::ledger_table::{entry_rows, ledger_head};
use crate::components::credit::{hours, table};
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::credit::statement::{Statement, summarize};
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use crate::markup::Markup;
use crate::template::fill;
use web_sys::Element;

pub struct MonthStatement {
    pub month: Month,
    pub currency: Currency,
    /// Newest first, as the ledger lists them.
    pub entries: Vec<LedgerEntry>,
    pub statement: Statement,
}

/// The month's entries and the balance before it; refused if they do not chain.
pub async fn load(
    client: Client,
    month: Month,
    currency: Currency,
) -> Result<MonthStatement, ApiError> {
    let within = LedgerFilter {
        from: Some(month.first_day()),
        to: Some(month.last_day()),
        ..Default::default()
    };
    let entries = api::credit::ledger_all(client, &within, currency, |_| {}).await?;
    let before = LedgerFilter {
        to: Some(month.day_before()),
        ..Default::default()
    };
    let prior = api::credit::ledger_page(client, &before, 1, None, currency).await?;
    let opening = prior
        .items
        .first()
        .map(|e| e.balance_after.minor)
        .unwrap_or(0);
    let statement = summarize(&entries, opening).map_err(ApiError::Malformed)?;
    Ok(MonthStatement {
        month,
        currency,
        entries,
        statement,
    })
}

/// "SBP credit statement: listopad 2026".
pub fn heading(month: Month, locale: Locale) -> String {
    let month = format::month(month.year, month.month, false, locale);
    fill(
        td_string!(locale, credit.statement_heading),
        &[("month", &month)],
    )
}

pub fn view(loaded: &MonthStatement, company: &str, locale: Locale) -> AnyView {
    let MonthStatement {
        month,
        currency,
        entries,
        statement: s,
    } = loaded;
    let money = |minor: i64| format::money(Money::new(minor, *currency), locale);
    let from = format::date(&month.first_day(), locale);
    let to = format::date(&month.last_day(), locale);
    let mut actions = Markup::new();
    actions
        .open("p", &[("class", "statement-actions")])
        .el(
            "a",
            &[("href", "/credit")],
            td_string!(locale, credit.statement_back),
        )
        .el(
            "button",
            &[
                ("type", "button"),
                ("class", "button"),
                ("data-action", "print"),
            ],
            td_string!(locale, credit.statement_print),
        )
        .close("p");
    let m = &mut actions;
    m.el(
        "p",
        &[("class", "lead")],
        &format!(
            "{company} · {}",
            fill(
                td_string!(locale, credit.statement_period),
                &[("from", &from), ("to", &to)]
            )
        ),
    );

    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "statement-summary-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "statement-summary-heading")],
        td_string!(locale, credit.statement_summary),
    )
    .open(
        "dl",
        &[("class", "facts"), ("data-testid", "statement-summary")],
    );
    for (label, minor) in [
        (td_string!(locale, credit.opening), s.opening),
        (td_string!(locale, credit.top_ups), s.top_ups),
        (td_string!(locale, credit.used), -s.used),
        (td_string!(locale, credit.expired), -s.expired),
        (td_string!(locale, credit.adjustments), s.adjustments),
        (td_string!(locale, credit.closing), s.closing),
    ] {
        m.el("dt", &[], label).el("dd", &[], &money(minor));
    }
    m.close("dl").close("section");

    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "statement-services-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "statement-services-heading")],
        td_string!(locale, credit.statement_by_service),
    );
    if s.by_service.is_empty() {
        m.el("p", &[], td_string!(locale, credit.statement_no_use));
    } else {
        let caption = td_string!(locale, credit.statement_by_service);
        table::open(m, "data-table", "statement-services", caption, false);
        table::head(
            m,
            &[
                (td_string!(locale, credit.col_service), false),
                (td_string!(locale, credit.col_hours), true),
                (td_string!(locale, credit.col_used), true),
            ],
        );
        m.open("tbody", &[]);
        for t in &s.by_service {
            m.open("tr", &[]);
            table::row_head(
                m,
                t.service
                    .map(|x| service_name(locale, x))
                    .unwrap_or_default(),
            );
            table::num(
                m,
                &hours(u32::try_from(t.minutes).unwrap_or(u32::MAX), locale),
            );
            table::num(m, &money(t.used));
            m.close("tr");
        }
        m.close("tbody").open("tfoot", &[]).open("tr", &[]);
        table::row_head(m, td_string!(locale, credit.col_total));
        table::cell(m, "");
        table::num(m, &money(s.used));
        m.close("tr").close("tfoot").close("table");
    }
    m.close("section");

    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "statement-entries-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "statement-entries-heading")],
        td_string!(locale, credit.statement_entries),
    );
    if entries.is_empty() {
        m.el("p", &[], td_string!(locale, credit.statement_no_entries));
    } else {
        let caption = td_string!(locale, credit.statement_entries);
        table::open(m, "data-table ledger", "statement-entries", caption, false);
        m.open("thead", &[]);
        ledger_head(m, locale);
        m.close("thead").open("tbody", &[]);
        // Oldest first, as a statement reads.
        entry_rows(m, entries.iter().rev(), locale);
        m.close("tbody").close("table");
    }
    m.close("section");

    let handler: Handler = Rc::new(|kind: &str, element: Element, _: &web_sys::Event| {
        if kind == "click" && element.get_attribute("data-action").as_deref() == Some("print") {
            let _ = window().print();
        }
    });
    dom::root(actions, handler, |_| {})
}
