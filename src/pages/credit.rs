use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::credit::Credit;
use support_api::money::Currency;
use support_api::session::Role;

use crate::api::{self, client::use_client};
use crate::components::credit::balance_card::balance_card;
use crate::components::credit::blocks_table::blocks_table;
use crate::components::credit::export::Export;
use crate::components::credit::forecast::forecast;
use crate::components::credit::ledger_filters::LedgerFilters;
use crate::components::credit::ledger_table::LedgerTable;
use crate::components::credit::top_up::TopUp;
use crate::components::credit::usage_chart::usage_chart;
use crate::components::credit::warning_text;
use crate::components::part::part;
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::i18n::*;
use crate::markup::Markup;
use crate::pages::credit_statement::{self, MonthStatement};
use crate::pages::page_title;
use crate::session::use_session;

/// What `/credit` shows: the credit (`None` without SBP), or a month's statement.
enum Loaded {
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
            {part(data, move |loaded: &Loaded| {
                let locale = i18n.get_locale();
                match loaded {
                    Loaded::Credit(Some(credit)) => credit_view(credit, admin, locale),
                    Loaded::Credit(None) => no_sbp(locale),
                    Loaded::Statement(s) => {
                        let company = session.with(|s| s.customer.name.clone()).unwrap_or_default();
                        credit_statement::view(s, &company, locale)
                    }
                }
            })}
        </div>
    }
}

fn no_sbp(locale: Locale) -> AnyView {
    let mut m = Markup::new();
    m.open("section", &[("class", "card"), ("data-testid", "no-sbp")])
        .el("h2", &[], td_string!(locale, credit.no_sbp_heading))
        .el("p", &[], td_string!(locale, credit.no_sbp_text))
        .el("p", &[], td_string!(locale, credit.no_sbp_contact))
        .close("section");
    m.into_view().into_any()
}

fn credit_view(credit: &Credit, admin: bool, locale: Locale) -> AnyView {
    let currency = credit.balance.currency;
    let threshold = credit.low_balance_threshold;
    let warning = credit.below_threshold.then(|| {
        view! {
            <section class="credit-warning" aria-labelledby="credit-warning-heading" data-testid="low-balance">
                <h2 id="credit-warning-heading">{td_string!(locale, credit.warning_heading)}</h2>
                <p>{warning_text(credit, locale)}</p>
                <TopUp threshold locale />
            </section>
        }
    });

    let mut summary = Markup::new();
    summary.open("div", &[("class", "credit-summary")]);
    balance_card(&mut summary, credit, locale);
    forecast(&mut summary, credit, locale);
    summary.close("div");
    blocks_table(&mut summary, &credit.blocks, locale);
    if !admin {
        summary.el(
            "p",
            &[("class", "notice")],
            td_string!(locale, credit.admin_only),
        );
    }

    let admin_parts = admin.then(|| {
        let query = use_query_map();
        let filter = Memo::new(move |_| {
            let query = query.read();
            LedgerFilter::from_query(|key| query.get(key))
        });
        let chart = credit
            .usage
            .as_ref()
            .map(|usage| usage_chart(usage, currency, locale));
        view! {
            {chart}
            <section class="card" aria-labelledby="credit-ledger-heading">
                <h2 id="credit-ledger-heading">{td_string!(locale, credit.ledger_heading)}</h2>
                <LedgerFilters filter locale />
                <LedgerTable filter currency locale />
            </section>
            <Export filter currency locale />
        }
    });

    view! {
        {warning}
        {summary.into_view()}
        {admin_parts}
    }
    .into_any()
}
