//! Changing the password: the current one is required; the server says why a new one is
//! refused (too short, too long, among the most common), each shown at its field.

use leptos::prelude::*;
use support_api::account::PasswordChange;
use support_api::validation::FieldErrors;

use crate::api::{self, client::use_client};
use crate::components::error_view::error_text;
use crate::components::text_field::TextField;
use crate::components::words::tr;
use crate::i18n::*;

#[component]
pub fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let change = Action::new_local(move |form: &PasswordChange| {
        let form = form.clone();
        async move {
            let result = api::account::change_password(client, &form).await;
            match &result {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                }
                Err(error) => {
                    if let Some(refused) = error.field_errors() {
                        errors.set(refused.clone());
                    }
                }
            }
            result
        }
    });
    let pending = change.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        match form.validate() {
            Ok(()) => {
                change.value().set(None);
                change.dispatch(form);
            }
            Err(refused) => errors.set(refused),
        }
    };
    let outcome = move || {
        change.value().get().map(|result| {
            let locale = i18n.get_locale();
            match result {
                Ok(()) => view! { <p class="notice" role="status">{td_string!(locale, account.password_changed)}</p> }.into_any(),
                Err(error) => view! { <p class="form-alert" role="alert">{error_text(locale, &error)}</p> }.into_any(),
            }
        })
    };
    view! {
        <section aria-labelledby="password-heading">
            <h2 id="password-heading">{tr(|l| td_string!(l, account.password_heading))}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <TextField field="current_password" label=|l| td_string!(l, account.current_password) value=current
                    errors kind="password" autocomplete="current-password" />
                <TextField field="new_password" label=|l| td_string!(l, account.new_password) value=new errors
                    kind="password" autocomplete="new-password" hint=|l| td_string!(l, account.password_hint) />
                {outcome}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {tr(|l| td_string!(l, account.change_password))}
                    </button>
                </div>
            </form>
        </section>
    }
}
