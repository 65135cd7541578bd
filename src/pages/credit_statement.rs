use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::credit::LedgerEntry;
use support_api::money::{Currency, Money};

use crate::api::{self, ApiError, Client, client::use_client};
use crate::components::credit::export::this_month;
use crate::components::credit::ledger_table::{entry_row, ledger_head};
use crate::components::credit::{hours, service_name};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::credit::statement::{Statement, summarize};
use crate::format;
use crate::i18n::*;
use crate::pages::credit::is_admin;
use crate::pages::page_title;
use crate::session::use_session;

/// The month's entries and the balance before it; refused if they do not chain.
async fn load(
    client: Client,
    month: Month,
    currency: Currency,
) -> Result<(Vec<LedgerEntry>, Statement), ApiError> {
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
    Ok((entries, statement))
}

/// `/credit/statement?month=YYYY-MM`: a month's statement to print (admins). Without a
/// valid month, the last complete one.
#[component]
pub fn CreditStatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let query = use_query_map();
    let month = Memo::new(move |_| {
        query
            .read()
            .get("month")
            .and_then(|m| Month::parse(&m))
            .unwrap_or_else(|| this_month().previous())
    });
    let company = move || {
        session
            .with(|s| s.customer.name.clone())
            .unwrap_or_default()
    };
    let currency = session
        .with(|s| s.customer.currency)
        .unwrap_or(Currency::Eur);
    let month_name = move || {
        let m = month.get();
        format::month(m.year, m.month, false, i18n.get_locale())
    };
    let title = move || {
        let locale = i18n.get_locale();
        page_title(
            locale,
            &td_string!(locale, credit.statement_heading, month = month_name()),
        )
    };
    let period = move || {
        let (m, locale) = (month.get(), i18n.get_locale());
        let from = format::date(&m.first_day(), locale);
        let to = format::date(&m.last_day(), locale);
        td_string!(locale, credit.statement_period, from, to)
    };

    let body = if is_admin() {
        let data = LocalResource::new(move || load(client, month.get(), currency));
        let retry = Callback::new(move |()| data.refetch());
        Either::Left(view! {
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((entries, statement)) => {
                            Either::Left(view! { <StatementView entries statement currency /> })
                        }
                        Err(error) => Either::Right(view! { <ErrorView error retry /> }),
                    }
                })}
            </Transition>
        })
    } else {
        Either::Right(view! { <p class="notice">{t!(i18n, credit.admin_only)}</p> })
    };

    view! {
        <Title text=title />
        <div class="statement">
            <p class="no-print"><a href="/credit">{t!(i18n, credit.statement_back)}</a></p>
            <h1>{move || td_string!(i18n.get_locale(), credit.statement_heading, month = month_name())}</h1>
            <p class="lead">{company} " · " {period}</p>
            <p>
                <button type="button" class="button" on:click=move |_| {
                    let _ = window().print();
                }>
                    {t!(i18n, credit.statement_print)}
                </button>
            </p>
            {body}
        </div>
    }
}

#[component]
fn StatementView(
    entries: Vec<LedgerEntry>,
    statement: Statement,
    currency: Currency,
) -> impl IntoView {
    let i18n = use_i18n();
    let money =
        move |minor: i64| move || format::money(Money::new(minor, currency), i18n.get_locale());
    let services = statement
        .by_service
        .iter()
        .map(|t| {
            let (service, minutes) = (t.service, u32::try_from(t.minutes).unwrap_or(u32::MAX));
            view! {
                <tr>
                    <th scope="row">{move || service.map(|s| service_name(i18n.get_locale(), s))}</th>
                    <td class="num">{move || hours(minutes, i18n.get_locale())}</td>
                    <td class="num">{money(t.used)}</td>
                </tr>
            }
        })
        .collect_view();
    let by_service = if statement.by_service.is_empty() {
        Either::Left(view! { <p>{t!(i18n, credit.statement_no_use)}</p> })
    } else {
        Either::Right(view! {
            <table class="data-table" data-testid="statement-services">
                <caption class="visually-hidden">{t!(i18n, credit.statement_by_service)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, credit.col_service)}</th>
                        <th scope="col" class="num">{t!(i18n, credit.col_hours)}</th>
                        <th scope="col" class="num">{t!(i18n, credit.col_used)}</th>
                    </tr>
                </thead>
                <tbody>{services}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t!(i18n, credit.col_total)}</th>
                        <td></td>
                        <td class="num">{money(statement.used)}</td>
                    </tr>
                </tfoot>
            </table>
        })
    };
    let entries_view = if entries.is_empty() {
        Either::Left(view! { <p>{t!(i18n, credit.statement_no_entries)}</p> })
    } else {
        let rows = entries
            .iter()
            .rev()
            .map(|e| entry_row(e, i18n))
            .collect_view();
        Either::Right(view! {
            <table class="data-table ledger" data-testid="statement-entries">
                <caption class="visually-hidden">{t!(i18n, credit.statement_entries)}</caption>
                {ledger_head(i18n)}
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <section class="card" aria-labelledby="statement-summary-heading">
            <h2 id="statement-summary-heading">{t!(i18n, credit.statement_summary)}</h2>
            <dl class="facts" data-testid="statement-summary">
                <dt>{t!(i18n, credit.opening)}</dt>
                <dd>{money(statement.opening)}</dd>
                <dt>{t!(i18n, credit.top_ups)}</dt>
                <dd>{money(statement.top_ups)}</dd>
                <dt>{t!(i18n, credit.used)}</dt>
                <dd>{money(-statement.used)}</dd>
                <dt>{t!(i18n, credit.expired)}</dt>
                <dd>{money(-statement.expired)}</dd>
                <dt>{t!(i18n, credit.adjustments)}</dt>
                <dd>{money(statement.adjustments)}</dd>
                <dt>{t!(i18n, credit.closing)}</dt>
                <dd><strong>{money(statement.closing)}</strong></dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="statement-services-heading">
            <h2 id="statement-services-heading">{t!(i18n, credit.statement_by_service)}</h2>
            {by_service}
        </section>
        <section class="card" aria-labelledby="statement-entries-heading">
            <h2 id="statement-entries-heading">{t!(i18n, credit.statement_entries)}</h2>
            {entries_view}
        </section>
    }
}
