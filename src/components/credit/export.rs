//! CSV of the filtered ledger (every page, not only the shown ones), with the choice
//! of a month's statement beside it.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::reactive::actions::ActionAbortHandle;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use support_api::money::Currency;

use super::statement_picker::{StatementPicker, this_month};
use super::text;
use crate::api::{self, ApiError, Client, client::use_client};
use crate::components::error_view::error_text;
use crate::credit::csv::{CsvLabels, file_name, ledger_csv};
use crate::credit::filter::LedgerFilter;
use crate::download::download;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};
use support_api::template::fill;

fn labels_for(locale: Locale) -> [&'static str; 10] {
    [
        td_string!(locale, credit.col_date),
        td_string!(locale, credit.col_kind),
        td_string!(locale, credit.col_service),
        td_string!(locale, credit.csv.request_id),
        td_string!(locale, credit.csv.request),
        td_string!(locale, credit.col_hours),
        td_string!(locale, credit.col_amount),
        td_string!(locale, credit.csv.currency),
        td_string!(locale, credit.col_balance_after),
        td_string!(locale, credit.csv.note),
    ]
}

/// Fetches every entry for `filter` (telling `fetched` how many came so far), builds
/// the CSV in the language of the moment and offers it; answers how many it holds.
async fn csv_file(
    client: Client,
    filter: LedgerFilter,
    currency: Currency,
    i18n: leptos_i18n::I18nContext<Locale>,
    fetched: RwSignal<usize>,
) -> Result<usize, ApiError> {
    let entries = api::credit::ledger_all(client, &filter, currency, |n| {
        fetched.try_set(n);
    })
    .await?;
    let locale = i18n.get_locale_untracked();
    let kind = move |k: LedgerKind| kind_name(locale, k);
    let service = move |s: ServiceCode| service_name(locale, s);
    let labels = CsvLabels {
        header: labels_for(locale),
        kind: &kind,
        service: &service,
    };
    let text = ledger_csv(&entries, &labels);
    let name = file_name(filter.to.as_deref(), this_month());
    download(&name, &text).map_err(|e| ApiError::Malformed(format!("download: {e:?}")))?;
    Ok(entries.len())
}

/// The export card: "Download CSV" fetches every entry for the filter, builds the file
/// in the language of the moment and offers it; the status line counts the entries as
/// they come, then says how many the file holds.
#[component]
pub fn CsvExport(filter: Memo<LedgerFilter>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let fetched = RwSignal::new(0_usize);
    let export = Action::new_local(move |filter: &LedgerFilter| {
        let filter = filter.clone();
        async move {
            let result = csv_file(client, filter, currency, i18n, fetched).await;
            if let Err(error) = &result {
                leptos::logging::warn!("{error}");
            }
            result
        }
    });
    let busy = export.pending();
    // An export still running when the page goes stops there: no more pages are
    // fetched and no file is offered after the reader has left.
    let running: Arc<Mutex<Option<ActionAbortHandle>>> = Arc::default();
    let start = {
        let running = running.clone();
        move |_| {
            if !busy.get_untracked() {
                fetched.set(0);
                let handle = export.dispatch_local(filter.get_untracked());
                if let Ok(mut running) = running.lock() {
                    *running = Some(handle);
                }
            }
        }
    };
    on_cleanup(move || {
        if let Some(handle) = running.lock().ok().and_then(|mut r| r.take()) {
            handle.abort();
        }
    });
    let failed = move || !busy.get() && export.value().with(|v| matches!(v, Some(Err(_))));
    let status = move || {
        let locale = i18n.get_locale();
        let count = |key: &str, n: usize| fill(key, &[("count", &n.to_string())]);
        if busy.get() {
            return count(td_string!(locale, credit.exporting), fetched.get());
        }
        export.value().with(|value| match value {
            Some(Ok(n)) => count(td_string!(locale, credit.exported), *n),
            Some(Err(error)) => error_text(locale, error).to_owned(),
            None => String::new(),
        })
    };
    view! {
        <section class="card" aria-labelledby="credit-export-heading">
            <h2 id="credit-export-heading">{text(|l| td_string!(l, credit.export_heading))}</h2>
            <div class="export-row">
                <p>{text(|l| td_string!(l, credit.export_hint))}</p>
                <button
                    type="button"
                    class="button"
                    disabled=busy
                    aria-busy=move || busy.get().then_some("true")
                    on:click=start
                >
                    {text(|l| td_string!(l, credit.export_csv))}
                </button>
                <p class="progress" class:field-error=failed role="status" data-testid="export-status">
                    {status}
                </p>
            </div>
            <StatementPicker link="/credit?statement=" initial=this_month().previous() />
        </section>
    }
}
