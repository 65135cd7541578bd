//! The company's people with role, status (two-step sign-in too) and last sign-in, and
//! what an admin may do to each: send an invitation again or revoke it, change the role,
//! deactivate or reactivate, turn off the two-step sign-in of someone who lost their
//! authenticator app (not their own). The server refuses what would leave no active
//! admin (409).

use leptos::prelude::*;
use support_api::people::{Person, PersonList, PersonStatus, RoleChange};
use support_api::session::Role;

use crate::api::people::PersonAction;
use crate::components::header::role_name;
use crate::components::people::requirement::RequireTwoStep;
use crate::format;
use crate::i18n::*;
use crate::labels::person_status_name;
use support_api::template::fill;

/// The table; `act` runs an action on a person (the page owns it and reloads after);
/// `me` is the signed-in admin's id.
pub fn people_table(
    list: &PersonList,
    me: i64,
    act: Callback<(i64, PersonAction)>,
    busy: Memo<bool>,
    locale: Locale,
) -> AnyView {
    let rows = list.items.clone();
    view! {
        <RequireTwoStep required=list.two_step_required />
        <table class="data stack">
            <thead>
                <tr>
                    <th scope="col">{td_string!(locale, people.name)}</th>
                    <th scope="col">{td_string!(locale, people.email)}</th>
                    <th scope="col">{td_string!(locale, people.role)}</th>
                    <th scope="col">{td_string!(locale, people.status)}</th>
                    <th scope="col">{td_string!(locale, people.last_sign_in)}</th>
                    <th scope="col">{td_string!(locale, people.actions)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.clone() key=|p: &Person| p.id let(person)>
                    <PersonRow person me act busy locale />
                </For>
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn PersonRow(
    person: Person,
    me: i64,
    act: Callback<(i64, PersonAction)>,
    busy: Memo<bool>,
    locale: Locale,
) -> impl IntoView {
    let id = person.id;
    let button = move |label: &'static str, action: PersonAction| {
        view! {
            <button type="button" class="button button-small" disabled=move || busy.get()
                on:click=move |_| act.run((id, action))>
                {label}
            </button>
        }
    };
    let status = match (person.status, &person.invitation_expires_at) {
        (PersonStatus::Invited, Some(until)) => format!(
            "{} ({})",
            person_status_name(locale, person.status),
            fill(
                td_string!(locale, people.expires),
                &[("date", &format::date_time(until, locale))]
            )
        ),
        (status, _) if person.two_step => format!(
            "{}, {}",
            person_status_name(locale, status),
            td_string!(locale, people.two_step)
        ),
        (status, _) => person_status_name(locale, status).to_owned(),
    };
    let other_role = match person.role {
        Role::Admin => (td_string!(locale, people.make_member), Role::Member),
        Role::Member => (td_string!(locale, people.make_admin), Role::Admin),
    };
    let actions = match person.status {
        PersonStatus::Invited => view! {
            {button(td_string!(locale, people.resend), PersonAction::Resend)}
            {button(td_string!(locale, people.revoke), PersonAction::Revoke)}
        }
        .into_any(),
        PersonStatus::Active => view! {
            {button(other_role.0, PersonAction::Role(RoleChange { role: other_role.1 }))}
            {button(td_string!(locale, people.deactivate), PersonAction::Deactivate)}
            {(person.two_step && id != me)
                .then(|| button(td_string!(locale, people.reset_two_step), PersonAction::ResetTwoStep))}
        }
        .into_any(),
        PersonStatus::Deactivated => button(
            td_string!(locale, people.reactivate),
            PersonAction::Reactivate,
        )
        .into_any(),
    };
    view! {
        <tr>
            <th scope="row">{person.name}</th>
            <td>{person.email}</td>
            <td>{role_name(locale, person.role)}</td>
            <td>{status}</td>
            <td>
                {person
                    .last_sign_in_at
                    .map_or_else(|| td_string!(locale, people.never).to_owned(), |at| format::date_time(&at, locale))}
            </td>
            <td class="actions">{actions}</td>
        </tr>
    }
}
