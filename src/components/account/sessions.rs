//! The user's live sessions (browser, started, last seen) and "sign out everywhere else".

use leptos::prelude::*;
use support_api::account::{SessionInfo, SessionList};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::words::tr;
use crate::format;
use crate::i18n::*;

#[component]
pub fn SessionsSection() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let sessions = LocalResource::new(move || api::account::sessions(client));
    let end_others = Action::new_local(move |()| async move {
        let result = api::account::end_other_sessions(client).await;
        if result.is_ok() {
            sessions.refetch();
        }
        result
    });
    let outcome = move || {
        end_others.value().get().map(|result: Result<(), ApiError>| {
            let locale = i18n.get_locale();
            match result {
                Ok(()) => view! { <p class="notice" role="status">{td_string!(locale, account.others_ended)}</p> }.into_any(),
                Err(error) => view! { <p class="form-alert" role="alert">{error_text(locale, &error)}</p> }.into_any(),
            }
        })
    };
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{tr(|l| td_string!(l, account.sessions_heading))}</h2>
            {part(sessions, move |list| sessions_table(list, i18n.get_locale()))}
            {outcome}
            <button type="button" class="button" disabled=move || end_others.pending().get()
                on:click=move |_| { end_others.dispatch(()); }>
                {tr(|l| td_string!(l, account.end_others))}
            </button>
        </section>
    }
}

fn sessions_table(list: &SessionList, locale: Locale) -> AnyView {
    let rows = list.items.clone();
    view! {
        <table class="data stack">
            <thead>
                <tr>
                    <th scope="col">{td_string!(locale, account.browser)}</th>
                    <th scope="col">{td_string!(locale, account.started)}</th>
                    <th scope="col">{td_string!(locale, account.last_seen)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.clone() key=|s: &SessionInfo| s.id.clone() let(session)>
                    <tr>
                        <th scope="row">
                            {session.browser.clone().unwrap_or_else(|| td_string!(locale, account.unknown_browser).to_owned())}
                            {session.current.then(|| view! { " · "<strong>{td_string!(locale, account.this_session)}</strong> })}
                        </th>
                        <td>{format::date_time(&session.started_at, locale)}</td>
                        <td>{format::date_time(&session.last_seen_at, locale)}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}
