//! The ledger, newest first, a page at a time: "Load more" fetches the next page with
//! the cursor and appends its rows; only the pages asked for are in the DOM, so the
//! scale customer's 10 000 entries stay smooth. A page that fails leaves the shown rows
//! in place and offers a retry.
//!
//! The rows, the next cursor and the status are one `Paging` (`crate::credit::paging`)
//! in a signal; the pages come through an action owned by the component. An answer for
//! a filter that has changed since is ignored, and one that comes after the component
//! is gone writes nowhere (its signal is disposed), so a language switch or a new
//! filter can never get stray rows. The rows are a keyed `<For>`: a language switch
//! redraws their texts and keeps them.

use leptos::prelude::*;
use support_api::credit::LedgerEntry;
use support_api::money::Currency;

use super::ledger_rows::{entry_row, ledger_head};
use super::page_loader::PageLoader;
use super::text;
use crate::api::client::use_client;
use crate::components::error_view::error_text;
use crate::components::loading::Loading;
use crate::credit::filter::LedgerFilter;
use crate::credit::paging::{Ask, Paging, Status};
use crate::i18n::*;
use support_api::template::fill;

#[component]
pub fn LedgerTable(
    /// The filter of the page's query; the ledger follows its changes.
    #[prop(into)]
    filter: Signal<LedgerFilter>,
    currency: Currency,
    /// Where pages come from (the API unless a test gives its own).
    #[prop(optional)]
    loader: Option<PageLoader>,
    /// Told when "Try again" was pressed (the button goes away: the page moves the
    /// focus somewhere that stays).
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let loader = loader.unwrap_or_else(|| PageLoader::api(use_client(), currency));
    let (start, first) = Paging::start(filter.get_untracked());
    let paging = RwSignal::new(start);
    let load = Action::new_local(move |ask: &Ask| {
        let ask = ask.clone();
        let answer = loader.load(&ask.filter, ask.cursor.as_deref());
        async move {
            let result = answer.await;
            if let Err(error) = &result {
                leptos::logging::warn!("{error}");
            }
            // Disposed with the component: then this writes nowhere.
            paging.try_update(|p| p.answer(&ask, result));
        }
    });
    load.dispatch_local(first);
    // The back and forward buttons, and the filter form, change the query.
    Effect::new(move |_| {
        let next = filter.get();
        if paging.with_untracked(|p| p.filter != next)
            && let Some(ask) = paging.try_update(|p| p.refilter(next))
        {
            load.dispatch_local(ask);
        }
    });
    let more = move || {
        if let Some(ask) = paging.try_update(Paging::more).flatten() {
            load.dispatch_local(ask);
        }
    };
    let retry = move |_| {
        more();
        if let Some(on_retry) = on_retry {
            on_retry.run(());
        }
    };

    let rows = Memo::new(move |_| paging.with(|p| p.rows.clone()));
    let empty = move || rows.with(Vec::is_empty);
    let loading = move || paging.with(|p| p.status == Status::Loading);
    let caption = text(|l| td_string!(l, credit.ledger_caption));
    let status = move || {
        let locale = i18n.get_locale();
        paging.with(|p| match (&p.status, p.rows.is_empty()) {
            (Status::Loading, true) => view! { <Loading /> }.into_any(),
            (Status::Idle, true) => {
                view! { <p>{td_string!(locale, credit.ledger_empty)}</p> }.into_any()
            }
            (Status::Failed(error), none_shown) => {
                let text = if none_shown {
                    error_text(locale, error).to_owned()
                } else {
                    format!(
                        "{} {}",
                        td_string!(locale, credit.more_failed),
                        error_text(locale, error)
                    )
                };
                view! {
                    <div class="error-view" role="alert">
                        <p>{text}</p>
                        <button type="button" class="button" on:click=retry>
                            {td_string!(locale, errors.retry)}
                        </button>
                    </div>
                }
                .into_any()
            }
            _ => ().into_any(),
        })
    };
    let count = move || {
        let shown = rows.with(Vec::len);
        (shown > 0).then(|| {
            fill(
                td_string!(i18n.get_locale(), credit.ledger_shown),
                &[("count", &shown.to_string())],
            )
        })
    };
    let more_hidden =
        move || paging.with(|p| !p.has_more() || matches!(p.status, Status::Failed(_)));
    let more_label = move || {
        if loading() {
            td_string!(i18n.get_locale(), credit.loading_more)
        } else {
            td_string!(i18n.get_locale(), credit.load_more)
        }
    };

    view! {
        <div class="table-wrap ledger-wrap" tabindex="0" role="region" aria-label=caption hidden=empty>
            <table class="data-table ledger" data-testid="ledger">
                <caption class="visually-hidden">{caption}</caption>
                <thead>{ledger_head()}</thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|entry: &LedgerEntry| entry.id
                        children=entry_row
                    />
                </tbody>
            </table>
        </div>
        <div>{status}</div>
        <p class="ledger-count" role="status" data-testid="ledger-count">{count}</p>
        <div class="ledger-more">
            <button
                type="button"
                class="button button-secondary"
                hidden=more_hidden
                disabled=loading
                aria-busy=move || loading().then_some("true")
                on:click=move |_| more()
            >
                {more_label}
            </button>
        </div>
    }
}
