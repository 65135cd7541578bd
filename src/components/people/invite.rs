//! Inviting a colleague: name, e-mail, role and the language of the mail.

use leptos::prelude::*;
use support_api::people::Invitation;
use support_api::session::{Language, Role};
use support_api::validation::FieldErrors;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::header::role_name;
use crate::components::text_field::TextField;
use crate::components::words::tr;
use crate::i18n::*;
use crate::labels::{LANGUAGES, language_name};
use support_api::template::fill;

/// `invited` runs after an invitation was sent (the page loads its lists again).
#[component]
pub fn InviteForm(default_language: Language, invited: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let admin = RwSignal::new(false);
    let language = RwSignal::new(default_language);
    let errors = RwSignal::new(FieldErrors::default());
    let send = Action::new_local(move |invitation: &Invitation| {
        let invitation = invitation.clone();
        async move {
            let result = api::people::invite(client, &invitation).await;
            match &result {
                Ok(_) => {
                    name.set(String::new());
                    email.set(String::new());
                    invited.run(());
                }
                Err(error) => {
                    if let Some(refused) = error.field_errors() {
                        errors.set(refused.clone());
                    }
                }
            }
            result.map(|person| person.email)
        }
    });
    let pending = send.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let invitation = Invitation {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            role: if admin.get_untracked() {
                Role::Admin
            } else {
                Role::Member
            },
            language: language.get_untracked(),
        };
        match invitation.validate() {
            Ok(()) => {
                send.value().set(None);
                send.dispatch(invitation);
            }
            Err(refused) => errors.set(refused),
        }
    };
    let on_language = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some((l, _)) = LANGUAGES.iter().find(|(_, c)| *c == code) {
            language.set(*l);
        }
    };
    let outcome = move || {
        send.value().get().map(|result| {
            let locale = i18n.get_locale();
            match result {
                Ok(address) => view! {
                    <p class="notice" role="status">{fill(td_string!(locale, people.invited), &[("email", &address)])}</p>
                }
                .into_any(),
                Err(error) => {
                    let text = match error {
                        ApiError::Server(409) => td_string!(locale, people.taken),
                        other => error_text(locale, &other),
                    };
                    view! { <p class="form-alert" role="alert">{text}</p> }.into_any()
                }
            }
        })
    };
    view! {
        <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{tr(|l| td_string!(l, people.invite_heading))}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <TextField field="name" label=|l| td_string!(l, people.name) value=name errors />
                <TextField field="email" label=|l| td_string!(l, people.email) value=email errors kind="email" />
                <fieldset class="field">
                    <legend>{tr(|l| td_string!(l, people.role))}</legend>
                    <label>
                        <input type="radio" name="role" prop:checked=move || !admin.get() on:change=move |_| admin.set(false) />
                        {move || role_name(i18n.get_locale(), Role::Member)}
                    </label>
                    <label>
                        <input type="radio" name="role" prop:checked=move || admin.get() on:change=move |_| admin.set(true) />
                        {move || role_name(i18n.get_locale(), Role::Admin)}
                    </label>
                </fieldset>
                <div class="field">
                    <label for="invite-language">{tr(|l| td_string!(l, people.language))}</label>
                    <select id="invite-language" on:change=on_language
                        prop:value=move || LANGUAGES.iter().find(|(l, _)| *l == language.get()).map_or("pl", |(_, c)| c)>
                        {LANGUAGES.map(|(l, code)| view! { <option value=code>{language_name(l)}</option> })}
                    </select>
                </div>
                {outcome}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {tr(|l| td_string!(l, people.invite))}
                    </button>
                </div>
            </form>
        </section>
    }
}
