use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::credit::Credit;
use support_api::money::Currency;
use support_api::session::Role;

use crate::api::{self, client::use_client};
use crate::components::credit::balance_card::BalanceCard;
use crate::components::credit::blocks_table::BlocksTable;
use crate::components::credit::export::CsvExport;
use crate::components::credit::forecast::Forecast;
use crate::components::credit::ledger_section::LedgerSection;
use crate::components::credit::text;
use crate::components::credit::top_up::LowBalance;
use crate::components::credit::usage_chart::UsageChart;
use crate::components::later::Later;
use crate::components::part::part;
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::i18n::*;
use crate::pages::credit_statement::{self, MonthStatement, StatementView};
use crate::pages::page_title;
use crate::session::use_session;

/// What `/credit` shows: the credit (`None` without SBP), or a month's statement.
pub enum Loaded {
    Credit(Option<Credit>),
    Statement(MonthStatement),
}

/// `/credit`: the SBP credit. Everyone sees the balance, the threshold, the forecast
/// and the blocks; admins also the monthly use, the ledger, the export and the monthly
/// statement (the server refuses those to members too).
///
/// `/credit?statement=YYYY-MM` is the print view of a month's statement (one route for
/// both keeps the router's share of the wasm small).
#[component]
pub fn CreditPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let admin = session
        .with(|s| s.user.role == Role::Admin)
        .unwrap_or(false);
    let currency = session
        .with(|s| s.customer.currency)
        .unwrap_or(Currency::Eur);
    let query = use_query_map();
    let statement = Memo::new(move |_| {
        admin
            .then(|| query.read().get("statement").and_then(|m| Month::parse(&m)))
            .flatten()
    });
    let data = LocalResource::new(move || {
        let month = statement.get();
        async move {
            Ok(match month {
                Some(month) => {
                    Loaded::Statement(credit_statement::load(client, month, currency).await?)
                }
                None => Loaded::Credit(api::credit::get_optional(client).await?),
            })
        }
    });
    let title = move || {
        let locale = i18n.get_locale();
        match statement.get() {
            Some(month) => page_title(locale, &credit_statement::heading(month, locale)),
            None => page_title(locale, td_string!(locale, credit.heading)),
        }
    };
    let heading = move || {
        let locale = i18n.get_locale();
        match statement.get() {
            Some(month) => credit_statement::heading(month, locale),
            None => td_string!(locale, credit.heading).to_owned(),
        }
    };
    view! {
        <Title text=title />
        <div class:statement=move || statement.get().is_some()>
            <h1>{heading}</h1>
            // Not redrawn by a language switch: each part follows the language itself,
            // and the ledger keeps the pages it has loaded.
            {part(data, move |loaded: &Loaded| match loaded {
                Loaded::Credit(Some(credit)) => {
                    view! { <CreditView credit=credit.clone() admin /> }.into_any()
                }
                Loaded::Credit(None) => view! { <NoSbp /> }.into_any(),
                Loaded::Statement(statement) => {
                    let company = session.with(|s| s.customer.name.clone()).unwrap_or_default();
                    view! { <StatementView statement=statement.clone() company /> }.into_any()
                }
            })}
        </div>
    }
}

/// What a customer without SBP finds at `/credit`.
#[component]
fn NoSbp() -> impl IntoView {
    view! {
        <section class="card" data-testid="no-sbp">
            <h2>{text(|l| td_string!(l, credit.no_sbp_heading))}</h2>
            <p>{text(|l| td_string!(l, credit.no_sbp_text))}</p>
            <p>{text(|l| td_string!(l, credit.no_sbp_contact))}</p>
        </section>
    }
}

/// The credit: the warning when low, balance and forecast, blocks; for admins the
/// monthly use, the ledger (its filter in the page's query) and the export.
#[component]
fn CreditView(credit: Credit, admin: bool) -> impl IntoView {
    let currency = credit.balance.currency;
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        LedgerFilter::from_query(|key| query.get(key))
    });
    let warning = credit
        .below_threshold
        .then(|| view! { <LowBalance credit=credit.clone() /> });
    let usage = credit.usage.clone();
    let blocks = credit.blocks.clone();
    let below = move || {
        let admin_parts = if admin {
            let chart = usage
                .clone()
                .map(|usage| view! { <UsageChart usage currency /> });
            view! {
                {chart}
                <LedgerSection filter currency />
                <CsvExport filter currency />
            }
            .into_any()
        } else {
            view! { <p class="notice">{text(|l| td_string!(l, credit.admin_only))}</p> }.into_any()
        };
        view! {
            <BlocksTable blocks=blocks.clone() />
            {admin_parts}
        }
    };
    view! {
        {warning}
        <div class="credit-summary">
            <BalanceCard credit=credit.clone() />
            <Forecast credit=credit.clone() />
        </div>
        // Below the balance on a phone: rendered in a task of its own.
        <Later>{below.clone()}</Later>
    }
}
