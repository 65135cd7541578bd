//! People: a company admin's page of the company's users, invitations, roles and the
//! record of changes. Members are not offered it; opened anyway, it is not found (as
//! the API answers them).

use leptos::prelude::*;
use leptos_meta::Title;
use support_api::session::Role;

use crate::api::people::PersonAction;
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::people::changes::changes_table;
use crate::components::people::invite::InviteForm;
use crate::components::people::table::people_table;
use crate::components::words::tr;
use crate::i18n::*;
use crate::pages::not_found::NotFound;
use crate::pages::page_title;
use crate::session::use_session;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let session = use_session();
    let admin_of = move || {
        session
            .with(|s| (s.user.role == Role::Admin).then_some(s.customer.language))
            .flatten()
    };
    let me = move || session.with(|s| s.user.id).unwrap_or_default();
    move || match admin_of() {
        Some(language) => view! { <People language me=me() /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn People(language: support_api::session::Language, me: i64) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let people = LocalResource::new(move || api::people::list(client));
    let changes = LocalResource::new(move || api::people::changes(client));
    let reload = Callback::new(move |()| {
        people.refetch();
        changes.refetch();
    });
    let act = Action::new_local(move |&(id, action): &(i64, PersonAction)| async move {
        let result = api::people::act(client, id, action).await;
        reload.run(());
        result
    });
    let busy = Memo::new(move |_| act.pending().get());
    let run = Callback::new(move |what: (i64, PersonAction)| {
        act.value().set(None);
        act.dispatch(what);
    });
    let outcome = move || {
        act.value()
            .get()
            .and_then(Result::err)
            .map(|error: ApiError| {
                let locale = i18n.get_locale();
                let text = match error {
                    ApiError::Server(409) => td_string!(locale, people.last_admin),
                    other => error_text(locale, &other),
                };
                view! { <p class="form-alert" role="alert">{text}</p> }
            })
    };
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, people.title))
    };
    view! {
        <Title text=title />
        <h1>{tr(|l| td_string!(l, people.title))}</h1>
        <p class="lead">{tr(|l| td_string!(l, people.intro))}</p>
        {outcome}
        <p class="progress" role="status">{move || busy.get().then(|| td_string!(i18n.get_locale(), people.working))}</p>
        {part(people, move |list| people_table(list, me, run, busy, i18n.get_locale()))}
        // Below the list once it is there: shown before, the form and the record would
        // be pushed down a screen by the list's arrival (a layout shift of 0.5 on a phone).
        <Show when=move || people.with(Option::is_some)>
            <InviteForm default_language=language invited=reload />
            <section aria-labelledby="changes-heading">
                <h2 id="changes-heading">{tr(|l| td_string!(l, people.changes_heading))}</h2>
                {part(changes, move |list| changes_table(list, i18n.get_locale()))}
            </section>
        </Show>
    }
}
