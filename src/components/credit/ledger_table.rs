use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::credit::{LEDGER_PAGE_DEFAULT, LedgerEntry};
use support_api::money::{Currency, Money};

use super::{hours, kind_name, service_name};
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::{ErrorView, error_text};
use crate::components::loading::Loading;
use crate::credit::filter::LedgerFilter;
use crate::format;
use crate::i18n::*;

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Loading,
    Idle,
    Failed(ApiError),
}

/// One row; its texts follow the language.
pub fn entry_row(
    entry: &LedgerEntry,
    i18n: leptos_i18n::I18nContext<Locale>,
) -> impl IntoView + use<> {
    let money = move |m: Money| move || format::money(m, i18n.get_locale());
    let at = entry.at.clone();
    let kind = entry.kind;
    let service = entry.service;
    let minutes = entry.minutes;
    let request = entry.request_id.map(|id| {
        let title = entry.request_title.clone().unwrap_or_default();
        view! { <a href=format!("/requests/{id}")>{format!("#{id} {title}")}</a> }
    });
    let note = entry
        .note
        .clone()
        .map(|note| view! { <span class="ledger-note">{note}</span> });
    view! {
        <tr class=format!("ledger-{}", kind.as_str())>
            <td>{move || format::instant_day(&at, i18n.get_locale())}</td>
            <td>{move || kind_name(i18n.get_locale(), kind)}</td>
            <td>{move || service.map(|s| service_name(i18n.get_locale(), s))}</td>
            <td>{request}{note}</td>
            <td class="num">{move || minutes.map(|m| hours(m, i18n.get_locale()))}</td>
            <td class="num">{money(entry.amount)}</td>
            <td class="num">{money(entry.balance_after)}</td>
        </tr>
    }
}

/// The table head shared by the ledger and the statement.
pub fn ledger_head(i18n: leptos_i18n::I18nContext<Locale>) -> impl IntoView + use<> {
    view! {
        <thead>
            <tr>
                <th scope="col">{t!(i18n, credit.col_date)}</th>
                <th scope="col">{t!(i18n, credit.col_kind)}</th>
                <th scope="col">{t!(i18n, credit.col_service)}</th>
                <th scope="col">{t!(i18n, credit.col_details)}</th>
                <th scope="col" class="num">{t!(i18n, credit.col_hours)}</th>
                <th scope="col" class="num">{t!(i18n, credit.col_amount)}</th>
                <th scope="col" class="num">{t!(i18n, credit.col_balance_after)}</th>
            </tr>
        </thead>
    }
}

/// The ledger, newest first, a page at a time: "Load more" fetches the next page with
/// the cursor and adds it below; only pages asked for are in the DOM, so the scale
/// customer's 10 000 entries stay smooth. A page that fails leaves the shown rows in
/// place and offers a retry.
#[component]
pub fn LedgerTable(filter: Memo<LedgerFilter>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    // Each page keeps a serial number as its key, so a new filter's first page is new.
    let pages = RwSignal::new(Vec::<(u64, Arc<Vec<LedgerEntry>>)>::new());
    let next = RwSignal::new(None::<String>);
    let status = RwSignal::new(Status::Loading);
    let serial = StoredValue::new(0u64);
    let generation = StoredValue::new(0u64);

    let fetch = move |cursor: Option<String>| {
        let shown_filter = filter.get_untracked();
        let asked = generation.get_value();
        status.set(Status::Loading);
        spawn_local(async move {
            let result = api::credit::ledger_page(
                client,
                &shown_filter,
                LEDGER_PAGE_DEFAULT,
                cursor.as_deref(),
                currency,
            )
            .await;
            // The filter changed (or the page was left) while this page was on its way.
            if generation.try_get_value() != Some(asked) {
                return;
            }
            let last_shown = pages
                .try_with_untracked(|p| p.last().and_then(|(_, page)| page.last().cloned()))
                .flatten();
            let result = result.and_then(|page| {
                api::credit::continues(last_shown.as_slice(), &page, &shown_filter).map(|()| page)
            });
            match result {
                Ok(page) => {
                    let key = serial.try_get_value().unwrap_or(0) + 1;
                    serial.try_set_value(key);
                    pages.try_update(|p| p.push((key, Arc::new(page.items))));
                    next.try_set(page.next_cursor);
                    status.try_set(Status::Idle);
                }
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    status.try_set(Status::Failed(error));
                }
            }
        });
    };

    Effect::new(move |_| {
        filter.track();
        generation.update_value(|g| *g += 1);
        pages.set(Vec::new());
        next.set(None);
        fetch(None);
    });

    let retry = Callback::new(move |()| {
        let cursor = next.get_untracked();
        let empty = pages.with_untracked(Vec::is_empty);
        fetch(if empty { None } else { cursor });
    });
    let shown = move || pages.with(|p| p.iter().map(|(_, page)| page.len()).sum::<usize>());
    let empty = move || pages.with(Vec::is_empty);

    let body = move || {
        let failed = match status.get() {
            Status::Failed(error) => Some(error),
            _ => None,
        };
        match (empty(), failed) {
            (true, Some(error)) => Some(view! { <ErrorView error retry /> }.into_any()),
            (true, None) if status.get() == Status::Loading => {
                Some(view! { <Loading /> }.into_any())
            }
            (true, None) => Some(view! { <p>{t!(i18n, credit.ledger_empty)}</p> }.into_any()),
            _ => None,
        }
    };
    let more_failed = move || match status.get() {
        Status::Failed(error) if !empty() => Some(view! {
            <div class="ledger-more-failed" role="alert">
                <p>
                    {t!(i18n, credit.more_failed)} " "
                    {move || error_text(i18n.get_locale(), &error)}
                </p>
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {t!(i18n, errors.retry)}
                </button>
            </div>
        }),
        _ => None,
    };
    let loading = move || status.get() == Status::Loading;
    let can_load_more =
        move || next.with(Option::is_some) && !matches!(status.get(), Status::Failed(_));

    view! {
        <div hidden=empty class="table-scroll">
            <table class="data-table ledger" data-testid="ledger">
                <caption class="visually-hidden">{t!(i18n, credit.ledger_caption)}</caption>
                {ledger_head(i18n)}
                <tbody>
                    <For each=move || pages.get() key=|(key, _)| *key let:((_, page))>
                        {page.iter().map(|entry| entry_row(entry, i18n)).collect_view()}
                    </For>
                </tbody>
            </table>
        </div>
        {body}
        <p class="ledger-count" role="status" data-testid="ledger-count">
            {move || (!empty()).then(|| td_string!(i18n.get_locale(), credit.ledger_shown, count = shown()))}
        </p>
        {more_failed}
        <div class="ledger-more" hidden=move || !can_load_more()>
            <button
                type="button"
                class="button button-secondary"
                disabled=loading
                aria-busy=move || loading().then_some("true")
                on:click=move |_| {
                    if !loading() {
                        fetch(next.get_untracked());
                    }
                }
            >
                {move || if loading() {
                    td_string!(i18n.get_locale(), credit.loading_more)
                } else {
                    td_string!(i18n.get_locale(), credit.load_more)
                }}
            </button>
        </div>
    }
}
