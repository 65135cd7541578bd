//! The ledger's head and rows, shared by the ledger and the monthly statement. On a
//! phone (style/credit.css) each row is a compact card: date and amount, kind and
//! balance after, then the service, the request and the hours.

use leptos::prelude::*;
use support_api::credit::LedgerEntry;

use super::{hours, localized, text};
use crate::format;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};

/// The head's row (numeric columns are right aligned).
pub fn ledger_head() -> impl IntoView {
    view! {
        <tr>
            <th scope="col">{text(|l| td_string!(l, credit.col_date))}</th>
            <th scope="col">{text(|l| td_string!(l, credit.col_kind))}</th>
            <th scope="col">{text(|l| td_string!(l, credit.col_service))}</th>
            <th scope="col">{text(|l| td_string!(l, credit.col_details))}</th>
            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_hours))}</th>
            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_amount))}</th>
            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_balance_after))}</th>
        </tr>
    }
}

/// One entry; a debit links to its request. The balance cell carries its column's
/// name for the phone's card, where the head is not shown.
pub fn entry_row(entry: LedgerEntry) -> impl IntoView {
    let LedgerEntry {
        at,
        kind,
        service,
        minutes,
        amount,
        balance_after,
        ..
    } = entry;
    let request = entry.request_id.map(|id| {
        let title = entry.request_title.unwrap_or_default();
        view! { <a href=format!("/requests/{id}")>{format!("#{id} {title}")}</a> }
    });
    let note = entry
        .note
        .map(|note| view! { <span class="ledger-note">{note}</span> });
    view! {
        <tr class=format!("ledger-{}", kind.as_str())>
            <td>{localized(move |l| format::instant_day(&at, l))}</td>
            <td>{localized(move |l| kind_name(l, kind).to_owned())}</td>
            <td>{localized(move |l| service.map(|s| service_name(l, s)).unwrap_or_default().to_owned())}</td>
            <td>{request}{note}</td>
            <td class="num">{localized(move |l| minutes.map(|m| hours(m, l)).unwrap_or_default())}</td>
            <td class="num">{localized(move |l| format::money(amount, l))}</td>
            <td class="num" data-label=text(|l| td_string!(l, credit.col_balance_after))>
                {localized(move |l| format::money(balance_after, l))}
            </td>
        </tr>
    }
}
