//! A month's statement of the SBP credit (admins), the print view of `/credit`
//! (`?statement=YYYY-MM`): opening and closing balance, totals by kind and by service,
//! and the month's entries. `@media print` leaves out the portal around it.

use leptos::prelude::*;
use support_api::credit::LedgerEntry;
use support_api::money::{Currency, Money};

use crate::api::{self, ApiError, Client};
use crate::components::credit::ledger_rows::{entry_row, ledger_head};
use crate::components::credit::{Words, hours, localized, text};
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::credit::statement::{Statement, summarize};
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use support_api::template::fill;

#[derive(Clone)]
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

/// The statement: who and when, the summary, the use by service and the entries
/// (oldest first, as a statement reads), with "Print" and the way back.
#[component]
pub fn StatementView(statement: MonthStatement, company: String) -> impl IntoView {
    let MonthStatement {
        month,
        currency,
        entries,
        statement: s,
    } = statement;
    let money = move |minor: i64| localized(move |l| format::money(Money::new(minor, currency), l));
    let lead = localized(move |l| {
        let from = format::date(&month.first_day(), l);
        let to = format::date(&month.last_day(), l);
        let period = fill(
            td_string!(l, credit.statement_period),
            &[("from", &from), ("to", &to)],
        );
        format!("{company} · {period}")
    });
    let facts: [(Words, i64); 6] = [
        (|l| td_string!(l, credit.opening), s.opening),
        (|l| td_string!(l, credit.top_ups), s.top_ups),
        (|l| td_string!(l, credit.used), -s.used),
        (|l| td_string!(l, credit.expired), -s.expired),
        (|l| td_string!(l, credit.adjustments), s.adjustments),
        (|l| td_string!(l, credit.closing), s.closing),
    ];
    let facts = facts
        .into_iter()
        .map(|(label, minor)| view! { <dt>{text(label)}</dt><dd>{money(minor)}</dd> })
        .collect_view();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <p class="statement-actions">
            <a href="/credit">{text(|l| td_string!(l, credit.statement_back))}</a>
            <button type="button" class="button" on:click=print>
                {text(|l| td_string!(l, credit.statement_print))}
            </button>
        </p>
        <p class="lead">{lead}</p>
        <section class="card" aria-labelledby="statement-summary-heading">
            <h2 id="statement-summary-heading">{text(|l| td_string!(l, credit.statement_summary))}</h2>
            <dl class="facts" data-testid="statement-summary">{facts}</dl>
        </section>
        <section class="card" aria-labelledby="statement-services-heading">
            <h2 id="statement-services-heading">{text(|l| td_string!(l, credit.statement_by_service))}</h2>
            {by_service(&s, currency)}
        </section>
        <section class="card" aria-labelledby="statement-entries-heading">
            <h2 id="statement-entries-heading">{text(|l| td_string!(l, credit.statement_entries))}</h2>
            {entries_table(entries)}
        </section>
    }
}

/// What was used per service, with the total.
fn by_service(s: &Statement, currency: Currency) -> AnyView {
    if s.by_service.is_empty() {
        return view! { <p>{text(|l| td_string!(l, credit.statement_no_use))}</p> }.into_any();
    }
    let money = move |minor: i64| localized(move |l| format::money(Money::new(minor, currency), l));
    let rows = s
        .by_service
        .iter()
        .map(|t| {
            let service = t.service;
            let minutes = u32::try_from(t.minutes).unwrap_or(u32::MAX);
            view! {
                <tr>
                    <th scope="row">
                        {localized(move |l| service.map(|x| service_name(l, x)).unwrap_or_default().to_owned())}
                    </th>
                    <td class="num">{localized(move |l| hours(minutes, l))}</td>
                    <td class="num">{money(t.used)}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = text(|l| td_string!(l, credit.statement_by_service));
    view! {
        <table class="data-table" data-testid="statement-services">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{text(|l| td_string!(l, credit.col_service))}</th>
                    <th scope="col" class="num">{text(|l| td_string!(l, credit.col_hours))}</th>
                    <th scope="col" class="num">{text(|l| td_string!(l, credit.col_used))}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{text(|l| td_string!(l, credit.col_total))}</th>
                    <td></td>
                    <td class="num">{money(s.used)}</td>
                </tr>
            </tfoot>
        </table>
    }
    .into_any()
}

/// The month's entries, oldest first.
fn entries_table(entries: Vec<LedgerEntry>) -> AnyView {
    if entries.is_empty() {
        return view! { <p>{text(|l| td_string!(l, credit.statement_no_entries))}</p> }.into_any();
    }
    let rows = entries.into_iter().rev().map(entry_row).collect_view();
    view! {
        <table class="data-table ledger" data-testid="statement-entries">
            <caption class="visually-hidden">{text(|l| td_string!(l, credit.statement_entries))}</caption>
            <thead>{ledger_head()}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
