use leptos::prelude::*;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use support_api::money::Currency;
use wasm_bindgen::{JsCast, JsValue};

use super::{kind_name, service_name};
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::credit::csv::{CsvLabels, file_name, ledger_csv};
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
    // Revoked once the browser has started the download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// CSV of the filtered ledger (every page, not only the shown ones), and the monthly
/// statement to print.
#[component]
pub fn Export(filter: Memo<LedgerFilter>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let progress = RwSignal::new(0usize);

    let export = Action::new_local(move |_: &()| {
        let shown_filter = filter.get_untracked();
        async move {
            progress.set(0);
            let entries = api::credit::ledger_all(client, &shown_filter, currency, move |n| {
                progress.try_set(n);
            })
            .await?;
            let locale = i18n.get_locale_untracked();
            let kind = move |k: LedgerKind| kind_name(locale, k);
            let service = move |s: ServiceCode| service_name(locale, s);
            let labels = CsvLabels {
                header: [
                    td_string!(locale, credit.csv.date),
                    td_string!(locale, credit.csv.kind),
                    td_string!(locale, credit.csv.service),
                    td_string!(locale, credit.csv.request_id),
                    td_string!(locale, credit.csv.request),
                    td_string!(locale, credit.csv.hours),
                    td_string!(locale, credit.csv.amount),
                    td_string!(locale, credit.csv.currency),
                    td_string!(locale, credit.csv.balance_after),
                    td_string!(locale, credit.csv.note),
                ],
                kind: &kind,
                service: &service,
            };
            let text = ledger_csv(&entries, &labels);
            let name = file_name(shown_filter.to.as_deref(), this_month());
            download(&name, &text).map_err(|e| ApiError::Malformed(format!("download: {e:?}")))?;
            Ok::<usize, ApiError>(entries.len())
        }
    });
    let pending = export.pending();
    let outcome = move || match export.value().get() {
        _ if pending.get() => {
            td_string!(i18n.get_locale(), credit.exporting, count = progress.get())
        }
        Some(Ok(count)) => td_string!(i18n.get_locale(), credit.exported, count),
        Some(Err(error)) => error_text(i18n.get_locale(), &error).to_owned(),
        None => String::new(),
    };
    let failed = move || matches!(export.value().get(), Some(Err(_))) && !pending.get();

    // The statement: this month and the twelve before it, the last complete one first chosen.
    let now = this_month();
    let months = months_back(now, 13);
    let chosen = RwSignal::new(now.previous().to_string());
    let options = months
        .into_iter()
        .map(|m| {
            let value = m.to_string();
            let selected = value == chosen.get_untracked();
            view! {
                <option value=value selected=selected>
                    {move || format::month(m.year, m.month, false, i18n.get_locale())}
                </option>
            }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="credit-export-heading">
            <h2 id="credit-export-heading">{t!(i18n, credit.export_heading)}</h2>
            <div class="export-row">
                <p>{t!(i18n, credit.export_hint)}</p>
                <button
                    type="button"
                    class="button"
                    disabled=move || pending.get()
                    aria-busy=move || pending.get().then_some("true")
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            export.dispatch(());
                        }
                    }
                >
                    {move || if failed() {
                        td_string!(i18n.get_locale(), errors.retry)
                    } else {
                        td_string!(i18n.get_locale(), credit.export_csv)
                    }}
                </button>
                <p class="progress" role="status" class:field-error=failed data-testid="export-status">
                    {outcome}
                </p>
            </div>
            <div class="export-row">
                <label for="statement-month">{t!(i18n, credit.statement_month)}</label>
                <select id="statement-month" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options}
                </select>
                <a class="button button-secondary" href=move || format!("/credit/statement?month={}", chosen.get())>
                    {t!(i18n, credit.statement_open)}
                </a>
            </div>
        </section>
    }
}
