use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use support_api::money::Currency;
use wasm_bindgen::{JsCast, JsValue};

use super::{kind_name, service_name};
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::credit::csv::{CsvLabels, file_name, ledger_csv};
use crate::credit::fill;
use crate::credit::filter::LedgerFilter;
use crate::credit::month::{Month, months_back};
use crate::format;
use crate::i18n::*;

/// The month the browser's clock is in.
pub fn this_month() -> Month {
    let now = js_sys::Date::new_0();
    Month::new(now.get_full_year(), now.get_month() + 1).unwrap_or(Month {
        year: 2026,
        month: 1,
    })
}

/// Offers `text` as a file download: a Blob URL clicked through a detached anchor.
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoked once the browser has long started the download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

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

/// CSV of the filtered ledger (every page, not only the shown ones), and the monthly
/// statement to print.
#[component]
pub fn Export(filter: Memo<LedgerFilter>, currency: Currency, locale: Locale) -> impl IntoView {
    let client = use_client();
    let progress = RwSignal::new(0usize);

    // `None` before the first export; `Some(Ok(entries))` or `Some(Err(_))` after.
    let outcome = RwSignal::new(None::<Result<usize, ApiError>>);
    let pending = RwSignal::new(false);
    let export = move || {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        progress.set(0);
        let shown_filter = filter.get_untracked();
        spawn_local(async move {
            let result = async {
                let entries = api::credit::ledger_all(client, &shown_filter, currency, move |n| {
                    progress.try_set(n);
                })
                .await?;
                let kind = move |k: LedgerKind| kind_name(locale, k);
                let service = move |s: ServiceCode| service_name(locale, s);
                let labels = CsvLabels {
                    header: labels_for(locale),
                    kind: &kind,
                    service: &service,
                };
                let text = ledger_csv(&entries, &labels);
                let name = file_name(shown_filter.to.as_deref(), this_month());
                download(&name, &text)
                    .map_err(|e| ApiError::Malformed(format!("download: {e:?}")))?;
                Ok(entries.len())
            }
            .await;
            outcome.try_set(Some(result));
            pending.try_set(false);
        });
    };
    let failed = move || matches!(outcome.get(), Some(Err(_))) && !pending.get();
    let status = move || match outcome.get() {
        _ if pending.get() => fill(
            td_string!(locale, credit.exporting),
            &[("count", &progress.get().to_string())],
        ),
        Some(Ok(count)) => fill(
            td_string!(locale, credit.exported),
            &[("count", &count.to_string())],
        ),
        Some(Err(error)) => error_text(locale, &error).to_owned(),
        None => String::new(),
    };

    // The statement: this month and the twelve before it; the last complete one chosen.
    let now = this_month();
    let chosen = RwSignal::new(now.previous().to_string());
    let options = months_back(now, 13)
        .into_iter()
        .map(|m| {
            let value = m.to_string();
            let selected = value == chosen.get_untracked();
            let label = format::month(m.year, m.month, false, locale);
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="credit-export-heading">
            <h2 id="credit-export-heading">{td_string!(locale, credit.export_heading)}</h2>
            <div class="export-row">
                <p>{td_string!(locale, credit.export_hint)}</p>
                <button
                    type="button"
                    class="button"
                    disabled=move || pending.get()
                    aria-busy=move || pending.get().then_some("true")
                    on:click=move |_| export()
                >
                    {move || if failed() {
                        td_string!(locale, errors.retry)
                    } else {
                        td_string!(locale, credit.export_csv)
                    }}
                </button>
                <p class="progress" role="status" class:field-error=failed data-testid="export-status">
                    {status}
                </p>
            </div>
            <div class="export-row">
                <label for="statement-month">{td_string!(locale, credit.statement_month)}</label>
                <select id="statement-month" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options}
                </select>
                <a class="button button-secondary" href=move || format!("/credit?statement={}", chosen.get())>
                    {td_string!(locale, credit.statement_open)}
                </a>
            </div>
        </section>
    }
}
