//! The ledger's head and rows, shared by the ledger and the monthly statement. On a
//! phone (style/credit.css) each row is a compact card: date and amount, kind and
//! balance after, then the service, the request and the hours.

use leptos::prelude::*;
use support_api::credit::LedgerEntry;

use super::hours;
use crate::format;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};

/// The head's row (numeric columns are right aligned).
pub fn ledger_head(locale: Locale) -> impl IntoView + use<> {
    view! {
        <tr>
            <th scope="col">{td_string!(locale, credit.col_date)}</th>
            <th scope="col">{td_string!(locale, credit.col_kind)}</th>
            <th scope="col">{td_string!(locale, credit.col_service)}</th>
            <th scope="col">{td_string!(locale, credit.col_details)}</th>
            <th scope="col" class="num">{td_string!(locale, credit.col_hours)}</th>
            <th scope="col" class="num">{td_string!(locale, credit.col_amount)}</th>
            <th scope="col" class="num">{td_string!(locale, credit.col_balance_after)}</th>
        </tr>
    }
}

/// One entry; a debit links to its request. The balance cell carries its column's
/// name for the phone's card, where the head is not shown.
pub fn entry_row(entry: &LedgerEntry, locale: Locale) -> impl IntoView + use<> {
    let request = entry.request_id.map(|id| {
        let title = entry.request_title.as_deref().unwrap_or_default();
        view! { <a href=format!("/requests/{id}")>{format!("#{id} {title}")}</a> }
    });
    let note = entry
        .note
        .clone()
        .map(|note| view! { <span class="ledger-note">{note}</span> });
    view! {
        <tr class=format!("ledger-{}", entry.kind.as_str())>
            <td>{format::instant_day(&entry.at, locale)}</td>
            <td>{kind_name(locale, entry.kind)}</td>
            <td>{entry.service.map(|s| service_name(locale, s)).unwrap_or_default()}</td>
            <td>{request}{note}</td>
            <td class="num">{entry.minutes.map(|m| hours(m, locale)).unwrap_or_default()}</td>
            <td class="num">{format::money(entry.amount, locale)}</td>
            <td class="num" data-label=td_string!(locale, credit.col_balance_after)>
                {format::money(entry.balance_after, locale)}
            </td>
        </tr>
    }
}
