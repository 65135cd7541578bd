//! The record of changes to the company's people: who did what to whom, and when.

use leptos::prelude::*;
use support_api::people::{PersonChange, PersonChangeList};

use crate::components::header::role_name;
use crate::format;
use crate::i18n::*;
use crate::labels::change_kind_name;

pub fn changes_table(list: &PersonChangeList, locale: Locale) -> AnyView {
    if list.items.is_empty() {
        return view! { <p>{td_string!(locale, people.no_changes)}</p> }.into_any();
    }
    let rows = list.items.clone();
    view! {
        <table class="data stack">
            <thead>
                <tr>
                    <th scope="col">{td_string!(locale, people.when)}</th>
                    <th scope="col">{td_string!(locale, people.change)}</th>
                    <th scope="col">{td_string!(locale, people.person)}</th>
                    <th scope="col">{td_string!(locale, people.by)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.clone() key=|c: &PersonChange| c.id let(change)>
                    <tr>
                        <td>{format::date_time(&change.at, locale)}</td>
                        <td>
                            {change_kind_name(locale, change.kind)}
                            {change.role.map(|role| format!(": {}", role_name(locale, role)))}
                        </td>
                        <th scope="row">{change.person}" ("{change.email}")"</th>
                        <td>{change.actor}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}
