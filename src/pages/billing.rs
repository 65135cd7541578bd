//! `/billing`: the month's PAY statement (`?month=YYYY-MM`, this month by default):
//! invoiced PAY work by day, with the rate or the accepted quote, the totals, "Print"
//! (`@media print` leaves out the portal around it) and CSV. Members see their own
//! requests' lines; the server decides that.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::billing::{PayLine, PayStatement};
use support_api::requests::RateUnit;
use support_api::session::Role;

use crate::api::{self, client::use_client};
use crate::billing::{PayCsvLabels, pay_csv};
use crate::components::credit::statement_picker::{StatementPicker, this_month};
use crate::components::credit::{hours, localized};
use crate::components::part::part;
use crate::components::words::tr;
use crate::credit::month::Month;
use crate::download::download;
use crate::format;
use crate::i18n::*;
use crate::labels::type_name;
use crate::pages::page_title;
use crate::session::use_session;
use support_api::template::fill;

/// "PAY statement: listopad 2026".
fn heading(month: Month, locale: Locale) -> String {
    let name = format::month(month.year, month.month, false, locale);
    fill(td_string!(locale, billing.heading), &[("month", &name)])
}

#[component]
pub fn BillingPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let member = use_session()
        .with(|s| s.user.role != Role::Admin)
        .unwrap_or(true);
    let query = use_query_map();
    let month = Memo::new(move |_| {
        query
            .read()
            .get("month")
            .and_then(|m| Month::parse(&m))
            .unwrap_or_else(this_month)
    });
    let statement = LocalResource::new(move || {
        let month = month.get().to_string();
        async move { api::billing::pay_statement(client, &month).await }
    });
    let title = move || {
        let l = i18n.get_locale();
        page_title(l, &heading(month.get(), l))
    };
    view! {
        <Title text=title />
        <div class="statement">
            <h1>{move || heading(month.get(), i18n.get_locale())}</h1>
            <p class="lead">{tr(|l| td_string!(l, billing.intro))}</p>
            {member.then(|| view! { <p class="notice">{tr(|l| td_string!(l, billing.own_only))}</p> })}
            <div class="statement-actions">
                {move || view! { <StatementPicker link="/billing?month=" initial=month.get() /> }}
            </div>
            {part(statement, |s| view! { <PayStatementView statement=s.clone() /> }.into_any())}
        </div>
    }
}

/// "55,00 € / h", "quote 4 000,00 €", or a rate per job.
fn rate_text(line: &PayLine, l: Locale) -> String {
    match (line.quote, line.rate) {
        (Some(quote), _) => fill(
            td_string!(l, billing.by_quote),
            &[("amount", &format::money(quote, l))],
        ),
        (None, Some(rate)) if line.rate_unit == Some(RateUnit::Hour) => fill(
            td_string!(l, billing.per_hour),
            &[("amount", &format::money(rate, l))],
        ),
        (None, Some(rate)) => format::money(rate, l),
        (None, None) => String::new(),
    }
}

/// The lines, oldest first, and the totals, with "Print" and "Download CSV".
#[component]
fn PayStatementView(statement: PayStatement) -> impl IntoView {
    let i18n = use_i18n();
    if statement.lines.is_empty() {
        return view! { <p>{tr(|l| td_string!(l, billing.none))}</p> }.into_any();
    }
    let (total, total_minutes) = (statement.total, statement.total_minutes);
    let rows = statement
        .lines
        .iter()
        .map(|line| {
            let line = line.clone();
            let (day, href) = (line.day.clone(), format!("/requests/{}", line.request_id));
            let (kind, minutes, amount) = (line.request_type, line.minutes, line.amount);
            let title = format!("#{} {}", line.request_id, line.title);
            view! {
                <tr>
                    <td>{localized(move |l| format::date(&day, l))}</td>
                    <td><a href=href>{title}</a></td>
                    <td>{localized(move |l| type_name(l, kind).to_owned())}</td>
                    <td class="num">{localized(move |l| hours(minutes, l))}</td>
                    <td class="num">{localized(move |l| rate_text(&line, l))}</td>
                    <td class="num">{localized(move |l| format::money(amount, l))}</td>
                </tr>
            }
        })
        .collect_view();
    let statement = StoredValue::new(statement);
    let csv = move |_| {
        let l = i18n.get_locale_untracked();
        let service = move |t| type_name(l, t);
        let labels = PayCsvLabels {
            header: [
                td_string!(l, credit.col_date),
                td_string!(l, credit.csv.request_id),
                td_string!(l, billing.col_request),
                td_string!(l, credit.col_service),
                td_string!(l, credit.col_hours),
                td_string!(l, billing.col_rate),
                td_string!(l, resolution.quote_heading),
                td_string!(l, credit.col_amount),
                td_string!(l, credit.csv.currency),
            ],
            total: td_string!(l, credit.col_total),
            service: &service,
        };
        statement.with_value(|s| {
            let _ = download(
                &format!("pay-statement-{}.csv", s.month),
                &pay_csv(s, &labels),
            );
        });
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <p class="statement-actions">
            <button type="button" class="button" on:click=print>
                {tr(|l| td_string!(l, credit.statement_print))}
            </button>
            <button type="button" class="button button-secondary" on:click=csv>
                {tr(|l| td_string!(l, billing.csv))}
            </button>
        </p>
        <table class="data-table" data-testid="pay-statement">
            <caption class="visually-hidden">{tr(|l| td_string!(l, billing.title))}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(|l| td_string!(l, credit.col_date))}</th>
                    <th scope="col">{tr(|l| td_string!(l, billing.col_request))}</th>
                    <th scope="col">{tr(|l| td_string!(l, credit.col_service))}</th>
                    <th scope="col" class="num">{tr(|l| td_string!(l, credit.col_hours))}</th>
                    <th scope="col" class="num">{tr(|l| td_string!(l, billing.col_rate))}</th>
                    <th scope="col" class="num">{tr(|l| td_string!(l, credit.col_amount))}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr>
                    <th scope="row" colspan="3">{tr(|l| td_string!(l, credit.col_total))}</th>
                    <td class="num">{localized(move |l| hours(total_minutes, l))}</td>
                    <td></td>
                    <td class="num" data-testid="pay-total">{localized(move |l| format::money(total, l))}</td>
                </tr>
            </tfoot>
        </table>
    }
    .into_any()
}
