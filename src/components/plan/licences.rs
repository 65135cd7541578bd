use leptos::prelude::*;
use support_api::plan::Licence;

use crate::coverage::{Column, Sort, sort_licences};
use crate::format;
use crate::i18n::*;
use crate::labels::{licence_type_label, status_class, status_label};

fn column_label(locale: Locale, column: Column) -> &'static str {
    match column {
        Column::Product => td_string!(locale, plan.product),
        Column::LicenceType => td_string!(locale, plan.licence_type),
        Column::Quantity => td_string!(locale, plan.quantity),
        Column::Start => td_string!(locale, plan.start),
        Column::End => td_string!(locale, plan.end),
        Column::Status => td_string!(locale, plan.status),
    }
}

/// The installed base, sortable by any column. The order lives in `sort`, which the
/// page keeps outside its parts so it survives a change of language; the rows are keyed
/// by licence, so sorting moves them and the header button pressed keeps the focus.
#[component]
pub fn LicenceTable(licences: Vec<Licence>, sort: RwSignal<Sort>, locale: Locale) -> impl IntoView {
    let rows = move || {
        let mut list = licences.clone();
        sort_licences(&mut list, sort.get());
        list
    };
    let headers = Column::ALL
        .into_iter()
        .map(|column| view! { <SortHeader column sort locale /> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data stack sortable">
                <caption>
                    {td_string!(locale, plan.licences_caption)}
                    <span class="caption-hint">{td_string!(locale, plan.sort_hint)}</span>
                </caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>
                    <For each=rows key=|licence| licence.id let(licence)>
                        <LicenceRow licence locale />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// A column's header: a button that sorts by it, `aria-sort` on the sorted one.
#[component]
fn SortHeader(column: Column, sort: RwSignal<Sort>, locale: Locale) -> impl IntoView {
    let mark = move || match sort.get().aria_sort(column) {
        Some("ascending") => "▲",
        Some(_) => "▼",
        None => "↕",
    };
    view! {
        <th scope="col" aria-sort=move || sort.get().aria_sort(column)>
            <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.pressed(column))>
                {column_label(locale, column)}
                <span class="sort-mark" aria-hidden="true">{mark}</span>
            </button>
        </th>
    }
}

/// One licence, each cell labelled for the stacked phone layout.
#[component]
fn LicenceRow(licence: Licence, locale: Locale) -> impl IntoView {
    let label = move |column: Column| column_label(locale, column);
    view! {
        <tr>
            <th scope="row" data-label=label(Column::Product)>{licence.product}</th>
            <td data-label=label(Column::LicenceType)>
                {licence_type_label(locale, &licence.licence_type)}
            </td>
            <td data-label=label(Column::Quantity) class="num">
                {format::number(f64::from(licence.quantity), locale)}
            </td>
            <td data-label=label(Column::Start)>{format::date(&licence.maintenance_start, locale)}</td>
            <td data-label=label(Column::End)>{format::date(&licence.maintenance_end, locale)}</td>
            <td data-label=label(Column::Status)>
                <span class=status_class(licence.status)>{status_label(locale, licence.status)}</span>
            </td>
        </tr>
    }
}
