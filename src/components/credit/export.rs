//! CSV of the filtered ledger (every page, not only the shown ones) and the choice of
//! a month's statement.

use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use support_api::money::Currency;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom;
use crate::api::{self, ApiError, Client};
use crate::components::error_view::error_text;
use crate::credit::csv::{CsvLabels, file_name, ledger_csv};
use crate::credit::filter::LedgerFilter;
use crate::credit::month::{Month, months_back};
use crate::format;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};
use crate::markup::Markup;
use crate::template::fill;

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

/// The export card: the CSV button and its status, and the statement's month.
pub fn export_markup(m: &mut Markup, locale: Locale) {
    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "credit-export-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "credit-export-heading")],
        td_string!(locale, credit.export_heading),
    )
    .open("div", &[("class", "export-row")])
    .el("p", &[], td_string!(locale, credit.export_hint))
    .el(
        "button",
        &[
            ("id", "export-csv"),
            ("type", "button"),
            ("class", "button"),
            ("data-action", "export-csv"),
        ],
        td_string!(locale, credit.export_csv),
    )
    .el(
        "p",
        &[
            ("id", "export-status"),
            ("class", "progress"),
            ("role", "status"),
            ("data-testid", "export-status"),
        ],
        "",
    )
    .close("div");
    // This month and the twelve before it; the last complete one is chosen.
    let now = this_month();
    let chosen = now.previous().to_string();
    m.open("div", &[("class", "export-row")])
        .el(
            "label",
            &[("for", "statement-month")],
            td_string!(locale, credit.statement_month),
        )
        .open("select", &[("id", "statement-month")]);
    for month in months_back(now, 13) {
        let value = month.to_string();
        let label = format::month(month.year, month.month, false, locale);
        let attrs: &[(&str, &str)] = if value == chosen {
            &[("value", &value), ("selected", "")]
        } else {
            &[("value", &value)]
        };
        m.el("option", attrs, &label);
    }
    let href = statement_href(&chosen);
    m.close("select")
        .el(
            "a",
            &[
                ("id", "statement-link"),
                ("class", "button button-secondary"),
                ("href", &href),
            ],
            td_string!(locale, credit.statement_open),
        )
        .close("div")
        .close("section");
}

fn statement_href(month: &str) -> String {
    format!("/credit?statement={month}")
}

/// The statement link follows the chosen month.
pub fn month_chosen(root: &Element) {
    let href = statement_href(&dom::value(root, "statement-month"));
    dom::set_attr(root, "statement-link", "href", Some(&href));
}

/// Fetches every entry for `filter`, builds the CSV and offers it as a download; the
/// status line counts the entries as they come, then says how many the file holds.
pub fn export_csv(
    root: Element,
    client: Client,
    filter: LedgerFilter,
    currency: Currency,
    locale: Locale,
) {
    if dom::find(&root, "export-csv").is_some_and(|b| b.has_attribute("disabled")) {
        return;
    }
    dom::set_disabled(&root, "export-csv", true);
    dom::set_attr(&root, "export-status", "class", Some("progress"));
    let progress = move |root: &Element, count: usize| {
        let text = fill(
            td_string!(locale, credit.exporting),
            &[("count", &count.to_string())],
        );
        dom::set_text(root, "export-status", &text);
    };
    progress(&root, 0);
    spawn_local(async move {
        let result = async {
            let entries =
                api::credit::ledger_all(client, &filter, currency, |n| progress(&root, n)).await?;
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
            Ok::<usize, ApiError>(entries.len())
        }
        .await;
        let text = match result {
            Ok(count) => fill(
                td_string!(locale, credit.exported),
                &[("count", &count.to_string())],
            ),
            Err(error) => {
                dom::set_attr(
                    &root,
                    "export-status",
                    "class",
                    Some("progress field-error"),
                );
                error_text(locale, &error).to_owned()
            }
        };
        dom::set_text(&root, "export-status", &text);
        dom::set_disabled(&root, "export-csv", false);
    });
}
