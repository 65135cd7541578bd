//! Name, phone and language (the portal's and the mails'); the e-mail is shown, not
//! edited: it is the account's sign-in name.

use leptos::prelude::*;
use support_api::account::{Account, AccountUpdate};
use support_api::session::Language;
use support_api::validation::FieldErrors;

use crate::api::{self, client::use_client};
use crate::components::error_view::error_text;
use crate::components::text_field::TextField;
use crate::components::words::tr;
use crate::i18n::*;
use crate::labels::{LANGUAGES, language_name};

fn language_code(language: Option<Language>) -> &'static str {
    LANGUAGES
        .iter()
        .find(|(l, _)| Some(*l) == language)
        .map_or("", |(_, code)| code)
}

#[component]
pub fn ProfileForm(account: Account) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let name = RwSignal::new(account.name);
    let phone = RwSignal::new(account.phone.unwrap_or_default());
    let language = RwSignal::new(account.language);
    let errors = RwSignal::new(FieldErrors::default());
    let save = Action::new_local(move |update: &AccountUpdate| {
        let update = update.clone();
        async move {
            let result = api::account::update(client, &update).await;
            match &result {
                // The profile's language is the portal's too, from now on in this browser.
                Ok(_) => {
                    if let Some(language) = update.language {
                        let locale = crate::language::locale_of(language);
                        i18n.set_locale(locale);
                        crate::language::remember(locale);
                    }
                }
                Err(error) => {
                    if let Some(refused) = error.field_errors() {
                        errors.set(refused.clone());
                    }
                }
            }
            result.map(drop)
        }
    });
    let pending = save.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let phone = phone.get_untracked();
        let update = AccountUpdate {
            name: name.get_untracked().trim().to_owned(),
            phone: (!phone.trim().is_empty()).then(|| phone.trim().to_owned()),
            language: language.get_untracked(),
        };
        match update.validate() {
            Ok(()) => {
                save.value().set(None);
                save.dispatch(update);
            }
            Err(refused) => errors.set(refused),
        }
    };
    let on_language = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        language.set(LANGUAGES.iter().find(|(_, c)| *c == code).map(|(l, _)| *l));
    };
    let outcome = move || {
        save.value().get().map(|result| {
            let locale = i18n.get_locale();
            match result {
                Ok(()) => view! { <p class="notice" role="status">{td_string!(locale, account.saved)}</p> }.into_any(),
                Err(error) => view! { <p class="form-alert" role="alert">{error_text(locale, &error)}</p> }.into_any(),
            }
        })
    };
    view! {
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{tr(|l| td_string!(l, account.profile_heading))}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <p>{tr(|l| td_string!(l, account.email))}": "{account.email}</p>
                <TextField field="name" label=|l| td_string!(l, account.name) value=name errors autocomplete="name" />
                <TextField field="phone" label=|l| td_string!(l, account.phone) value=phone errors kind="tel" autocomplete="tel" />
                <div class="field">
                    <label for="account-language">{tr(|l| td_string!(l, account.language))}</label>
                    <select id="account-language" on:change=on_language prop:value=move || language_code(language.get())>
                        <option value="">{tr(|l| td_string!(l, account.company_language))}</option>
                        {LANGUAGES.map(|(l, code)| view! { <option value=code>{language_name(l)}</option> })}
                    </select>
                </div>
                {outcome}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {tr(|l| td_string!(l, account.save))}
                    </button>
                </div>
            </form>
        </section>
    }
}
