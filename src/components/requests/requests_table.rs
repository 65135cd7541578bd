use leptos::prelude::*;
use support_api::requests::RequestSummary;

use super::request_row::RequestRow;
use super::tr;

use crate::i18n::*;

/// The list as a table, a row per request keyed by its id (so "Load more" adds rows and
/// leaves those shown alone). On a phone each row is a card (style/main.css).
#[component]
pub fn RequestsTable(
    rows: Signal<Vec<RequestSummary>>,
    show_by: bool,
    show_sla: bool,
) -> impl IntoView {
    let columns = [
        Some(tr(|l| td_string!(l, requests.list.col_title))),
        Some(tr(|l| td_string!(l, requests.list.status))),
        Some(tr(|l| td_string!(l, requests.list.kind))),
        Some(tr(|l| td_string!(l, requests.list.priority))),
        Some(tr(|l| td_string!(l, requests.list.col_created))),
        show_by.then_some(tr(|l| td_string!(l, requests.list.col_by))),
        Some(tr(|l| td_string!(l, requests.list.col_cost))),
        show_sla.then_some(tr(|l| td_string!(l, requests.list.col_sla))),
    ];
    let head = columns
        .into_iter()
        .flatten()
        .map(|text| view! { <th scope="col">{text}</th> })
        .collect_view();
    view! {
        <table class="requests-table">
            <caption class="visually-hidden">{tr(|l| td_string!(l, requests.list.caption))}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>
                <For
                    each=move || rows.get()
                    key=|r| r.id
                    children=move |request| view! { <RequestRow request show_by show_sla /> }
                />
            </tbody>
        </table>
    }
}
