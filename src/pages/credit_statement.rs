//! A month's statement of the SBP credit (admins), the print view of `/credit`
//! (`?statement=YYYY-MM`): opening and closing balance, totals by kind and by service,
//! and the month's entries. `@media print` leaves out the portal around it.

use leptos::prelude::*;
use support_api::credit::LedgerEntry;
use support_api::money::{Currency, Money};

use crate::api::{self, ApiError, Client};
use crate::components::credit::ledger_rows::{entry_row, ledger_head};
use crate::components::credit::{hours, text};
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::credit::statement::{Statement, summarize};
use crate::format;
use crate::i18n::*;
use crate::labels::service_name;
use crate::template::fill;

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
    let i18n = use_i18n();
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
        {move || statement_body(&statement, &company, i18n.get_locale())}
    }
}

fn statement_body(loaded: &MonthStatement, company: &str, locale: Locale) -> impl IntoView + use<> {
    let MonthStatement {
        month,
        currency,
        entries,
        statement: s,
    } = loaded;
    let currency = *currency;
    let money = move |minor: i64| format::money(Money::new(minor, currency), locale);
    let from = format::date(&month.first_day(), locale);
    let to = format::date(&month.last_day(), locale);
    let period = fill(
        td_string!(locale, credit.statement_period),
        &[("from", &from), ("to", &to)],
    );
    let facts = [
        (td_string!(locale, credit.opening), s.opening),
        (td_string!(locale, credit.top_ups), s.top_ups),
        (td_string!(locale, credit.used), -s.used),
        (td_string!(locale, credit.expired), -s.expired),
        (td_string!(locale, credit.adjustments), s.adjustments),
        (td_string!(locale, credit.closing), s.closing),
    ]
    .into_iter()
    .map(|(label, minor)| view! { <dt>{label}</dt><dd>{money(minor)}</dd> })
    .collect_view();
    view! {
        <p class="lead">{format!("{company} · {period}")}</p>
        <section class="card" aria-labelledby="statement-summary-heading">
            <h2 id="statement-summary-heading">{td_string!(locale, credit.statement_summary)}</h2>
            <dl class="facts" data-testid="statement-summary">{facts}</dl>
        </section>
        <section class="card" aria-labelledby="statement-services-heading">
            <h2 id="statement-services-heading">{td_string!(locale, credit.statement_by_service)}</h2>
            {by_service(s, money, locale)}
        </section>
        <section class="card" aria-labelledby="statement-entries-heading">
            <h2 id="statement-entries-heading">{td_string!(locale, credit.statement_entries)}</h2>
            {entries_table(entries, locale)}
        </section>
    }
}

/// What was used per service, with the total.
fn by_service(s: &Statement, money: impl Fn(i64) -> String, locale: Locale) -> AnyView {
    if s.by_service.is_empty() {
        return view! { <p>{td_string!(locale, credit.statement_no_use)}</p> }.into_any();
    }
    let rows = s
        .by_service
        .iter()
        .map(|t| {
            let service = t
                .service
                .map(|x| service_name(locale, x))
                .unwrap_or_default();
            let minutes = u32::try_from(t.minutes).unwrap_or(u32::MAX);
            view! {
                <tr>
                    <th scope="row">{service}</th>
                    <td class="num">{hours(minutes, locale)}</td>
                    <td class="num">{money(t.used)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table" data-testid="statement-services">
            <caption class="visually-hidden">{td_string!(locale, credit.statement_by_service)}</caption>
            <thead>
                <tr>
                    <th scope="col">{td_string!(locale, credit.col_service)}</th>
                    <th scope="col" class="num">{td_string!(locale, credit.col_hours)}</th>
                    <th scope="col" class="num">{td_string!(locale, credit.col_used)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{td_string!(locale, credit.col_total)}</th>
                    <td></td>
                    <td class="num">{money(s.used)}</td>
                </tr>
            </tfoot>
        </table>
    }
    .into_any()
}

/// The month's entries, oldest first.
fn entries_table(entries: &[LedgerEntry], locale: Locale) -> AnyView {
    if entries.is_empty() {
        return view! { <p>{td_string!(locale, credit.statement_no_entries)}</p> }.into_any();
    }
    let rows = entries
        .iter()
        .rev()
        .map(|entry| entry_row(entry, locale))
        .collect_view();
    view! {
        <table class="data-table ledger" data-testid="statement-entries">
            <caption class="visually-hidden">{td_string!(locale, credit.statement_entries)}</caption>
            <thead>{ledger_head(locale)}</thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
