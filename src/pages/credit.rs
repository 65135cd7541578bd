use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::credit::Credit;
use support_api::session::Role;

use crate::api::{self, ApiError, client::use_client};
use crate::components::credit::balance_card::BalanceCard;
use crate::components::credit::blocks_table::BlocksTable;
use crate::components::credit::export::Export;
use crate::components::credit::forecast::Forecast;
use crate::components::credit::ledger_filters::LedgerFilters;
use crate::components::credit::ledger_table::LedgerTable;
use crate::components::credit::top_up::TopUp;
use crate::components::credit::usage_chart::UsageChart;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::credit::filter::LedgerFilter;
use crate::format;
use crate::i18n::*;
use crate::pages::page_title;
use crate::session::use_session;

/// Whether the signed-in user is an admin of the company (tracked).
pub fn is_admin() -> bool {
    use_session()
        .with(|s| s.user.role == Role::Admin)
        .unwrap_or(false)
}

/// `/credit`: the SBP credit. Everyone sees the balance, the threshold, the forecast
/// and the blocks; admins also the monthly use, the ledger, the export and the
/// statement (the server refuses them to members too). Each part that loads on its own
/// fails on its own, with a retry.
#[component]
pub fn CreditPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let credit = LocalResource::new(move || api::credit::get(client));
    let retry = Callback::new(move |()| credit.refetch());
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, credit.title))
    };
    view! {
        <Title text=title />
        <h1>{t!(i18n, credit.heading)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match credit.await {
                    Ok(credit) => EitherOf3::A(view! { <CreditView credit /> }),
                    Err(ApiError::NotFound) => EitherOf3::B(view! { <NoSbp /> }),
                    Err(error) => EitherOf3::C(view! { <ErrorView error retry /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn NoSbp() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" data-testid="no-sbp">
            <h2>{t!(i18n, credit.no_sbp_heading)}</h2>
            <p>{t!(i18n, credit.no_sbp_text)}</p>
            <p>{t!(i18n, credit.no_sbp_contact)}</p>
        </section>
    }
}

#[component]
fn CreditView(credit: Credit) -> impl IntoView {
    let i18n = use_i18n();
    let admin = is_admin();
    let currency = credit.balance.currency;
    let (balance, threshold) = (credit.balance, credit.low_balance_threshold);

    let warning = credit.below_threshold.then(|| {
        let text = move || {
            let locale = i18n.get_locale();
            let balance = format::money(balance, locale);
            let threshold = format::money(threshold, locale);
            td_string!(locale, credit.warning_text, balance, threshold)
        };
        view! {
            <section class="credit-warning" aria-labelledby="credit-warning-heading" data-testid="low-balance">
                <h2 id="credit-warning-heading">{t!(i18n, credit.warning_heading)}</h2>
                <p>{text}</p>
                <TopUp threshold />
            </section>
        }
    });

    let admin_parts = if admin {
        let query = use_query_map();
        let filter = Memo::new(move |_| {
            let query = query.read();
            LedgerFilter::from_query(|key| query.get(key))
        });
        let chart = credit
            .usage
            .clone()
            .map(|usage| view! { <UsageChart usage currency /> });
        Either::Left(view! {
            {chart}
            <section class="card" aria-labelledby="credit-ledger-heading">
                <h2 id="credit-ledger-heading">{t!(i18n, credit.ledger_heading)}</h2>
                <LedgerFilters filter />
                <LedgerTable filter currency />
            </section>
            <Export filter currency />
        })
    } else {
        Either::Right(view! { <p class="notice">{t!(i18n, credit.admin_only)}</p> })
    };

    view! {
        {warning}
        <div class="credit-summary">
            <BalanceCard balance threshold below=credit.below_threshold />
            <Forecast forecast=credit.forecast blocks=credit.blocks.clone() />
        </div>
        <BlocksTable blocks=credit.blocks />
        {admin_parts}
    }
}
