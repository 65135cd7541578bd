//! Turning two-step sign-in on: the QR code and the key as text, a first code to confirm,
//! then the ten recovery codes, shown once. Moving it to a new phone (or to new recovery
//! codes) is the same set-up, confirmed also with a code of the app in use now.

use leptos::prelude::*;
use support_api::two_step::{RecoveryCodes, TwoStepCode, TwoStepSetup};
use support_api::validation::FieldErrors;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::text_field::TextField;
use crate::components::words::{Words, tr};
use crate::i18n::*;
use crate::session::use_session;

#[component]
pub fn TwoStepSection(on: bool) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let code = RwSignal::new(String::new());
    let current = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let begin = Action::new_local(move |()| api::account::begin_two_step(client));
    let confirm = Action::new_local(move |body: &TwoStepCode| {
        let body = body.clone();
        async move {
            let result = api::account::confirm_two_step(client, &body).await;
            match &result {
                // The session no longer needs the set-up. Changed in place: reloading it
                // would redraw the page and lose the codes shown once.
                Ok(_) => {
                    if let Some(mut current) = session.with(Clone::clone)
                        && current.two_step_setup_required
                    {
                        current.two_step_setup_required = false;
                        session.signed_in(current);
                    }
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
    let required = move || session.with(|s| s.two_step_setup_required) == Some(true);
    let on_confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        confirm.dispatch(TwoStepCode {
            code: code.get_untracked().trim().to_owned(),
            current: on.then(|| current.get_untracked().trim().to_owned()),
        });
    };
    let failed = move |error: Option<ApiError>| {
        error
            .filter(|e| e.field_errors().is_none())
            .map(|e| view! { <p class="form-alert" role="alert">{error_text(i18n.get_locale(), &e)}</p> })
    };
    let code_label: Words = if on {
        |l| td_string!(l, account.new_code)
    } else {
        |l| td_string!(l, account.code)
    };
    let setup_view = move |setup: TwoStepSetup| {
        view! {
            <p>{tr(|l| td_string!(l, account.two_step_scan))}</p>
            <img class="qr-code" src=setup.qr_code width="200" height="200"
                alt=move || td_string!(i18n.get_locale(), account.two_step_qr) />
            <p>{tr(|l| td_string!(l, account.two_step_key))}": "<code>{setup.secret}</code></p>
            <form class="form" novalidate on:submit=on_confirm>
                <TextField field="code" label=code_label value=code errors
                    autocomplete="one-time-code" />
                {on.then(|| view! {
                    <TextField field="current" label=|l| td_string!(l, account.current_code)
                        value=current errors autocomplete="one-time-code" />
                })}
                {move || failed(confirm.value().get().and_then(Result::err))}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || confirm.pending().get()>
                        {tr(|l| td_string!(l, account.confirm))}
                    </button>
                </div>
            </form>
        }
    };
    let codes_view = |codes: RecoveryCodes| {
        view! {
            <p class="notice" role="status">{tr(|l| td_string!(l, account.two_step_on))}</p>
            <h3>{tr(|l| td_string!(l, account.recovery_heading))}</h3>
            <p>{tr(|l| td_string!(l, account.recovery_note))}</p>
            <ul class="recovery-codes">
                {codes.codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
        }
    };
    let body = move || {
        if let Some(Ok(codes)) = confirm.value().get() {
            return codes_view(codes).into_any();
        }
        let start: Words = if on {
            |l| td_string!(l, account.two_step_move)
        } else {
            |l| td_string!(l, account.two_step_start)
        };
        match begin.value().get() {
            Some(Ok(setup)) => setup_view(setup).into_any(),
            other => view! {
                {on.then(|| view! {
                    <p>{tr(|l| td_string!(l, account.two_step_on))}</p>
                    <p>{tr(|l| td_string!(l, account.two_step_move_intro))}</p>
                })}
                {failed(other.and_then(Result::err))}
                <button type="button" class="button" disabled=move || begin.pending().get()
                    on:click=move |_| { begin.dispatch(()); }>
                    {tr(start)}
                </button>
            }
            .into_any(),
        }
    };
    view! {
        <section aria-labelledby="two-step-heading">
            <h2 id="two-step-heading">{tr(|l| td_string!(l, account.two_step_heading))}</h2>
            <p>{tr(|l| td_string!(l, account.two_step_intro))}</p>
            {move || required().then(|| view! {
                <p class="form-alert" role="alert">{tr(|l| td_string!(l, account.two_step_required))}</p>
            })}
            {body}
        </section>
    }
}
