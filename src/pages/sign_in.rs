use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::session::SignIn;
use support_api::validation::{FieldErrors, codes};

use crate::api::{self, client::use_client};
use crate::components::error_view::error_text;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::text_field::TextField;
use crate::components::words::tr;
use crate::i18n::*;
use crate::pages::page_title;
use crate::redirect::safe_next;
use crate::session::{SessionState, SignedOutReason, use_session};

/// The translated message for a field failure code.
fn field_message(locale: Locale, code: &str) -> &'static str {
    match code {
        codes::REQUIRED => td_string!(locale, validation.required),
        codes::INVALID_EMAIL => td_string!(locale, validation.invalid_email),
        codes::TOO_LONG => td_string!(locale, validation.too_long),
        _ => td_string!(locale, validation.invalid),
    }
}

/// E-mail and password; on success, back to `?next=` (a same-origin path) or home.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let client = use_client();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = Memo::new(move |_| safe_next(query.read().get("next").as_deref()));

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Two-step sign-in: shown once the server asked for the code.
    let code = RwSignal::new(String::new());
    let asks_code = RwSignal::new(false);
    let field_errors = RwSignal::new(FieldErrors::default());
    let email_ref = NodeRef::<html::Input>::new();
    let password_ref = NodeRef::<html::Input>::new();

    let submit = Action::new_local(move |form: &SignIn| {
        let form = form.clone();
        async move {
            let result = api::session::sign_in(client, &form).await;
            match &result {
                Ok(signed_in) => session.signed_in(signed_in.clone()),
                Err(error) => {
                    if *error == crate::api::ApiError::SecondStepRequired {
                        asks_code.set(true);
                    }
                    if let Some(errors) = error.field_errors() {
                        field_errors.set(errors.clone());
                    }
                }
            }
            result.map(drop)
        }
    });
    let pending = submit.pending();

    // Signed in (just now, or already when the page opened): go where the person was going.
    Effect::new(move |_| {
        if matches!(session.state(), SessionState::SignedIn(_)) {
            navigate(
                &next.get_untracked(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let code = code.get_untracked();
        let form = SignIn {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            code: (!code.trim().is_empty()).then(|| code.trim().to_owned()),
        };
        match form.validate() {
            Ok(()) => {
                field_errors.set(FieldErrors::default());
                // A new alert element, so the same message is announced again.
                submit.value().set(None);
                submit.dispatch(form);
            }
            Err(errors) => {
                let first = if errors.code_for("email").is_some() {
                    email_ref
                } else {
                    password_ref
                };
                field_errors.set(errors);
                submit.value().set(None);
                if let Some(input) = first.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };

    let error_for = move |field: &'static str| {
        move || {
            let locale = i18n.get_locale();
            field_errors.with(|e| e.code_for(field).map(|code| field_message(locale, code)))
        }
    };
    let email_error = error_for("email");
    let password_error = error_for("password");
    let alert = move || match submit.value().get() {
        // Refused fields are shown at the fields; the alert says so too.
        Some(Err(error)) => Some(error_text(i18n.get_locale(), &error)),
        _ => None,
    };
    let notice = move || match session.state() {
        SessionState::SignedOut(Some(SignedOutReason::Expired)) => {
            Some(td_string!(i18n.get_locale(), sign_in.expired))
        }
        SessionState::SignedOut(Some(SignedOutReason::ByUser)) => {
            Some(td_string!(i18n.get_locale(), sign_in.signed_out))
        }
        _ => None,
    };
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, sign_in.title))
    };

    view! {
        <Title text=title />
        <div class="auth">
            <header class="auth-header">
                <span class="brand-portal">{tr(|l| td_string!(l, app.name))}</span>
                <LanguageSwitcher />
            </header>
            <main id="main" class="auth-main">
                <h1>{tr(|l| td_string!(l, sign_in.heading))}</h1>
                <p class="lead">{tr(|l| td_string!(l, sign_in.intro))}</p>
                <p class="notice" role="status">{notice}</p>
                <form class="form" novalidate on:submit=on_submit>
                    <div class="field">
                        <label for="email">{tr(|l| td_string!(l, sign_in.email))}</label>
                        <input
                            id="email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            inputmode="email"
                            spellcheck="false"
                            required
                            node_ref=email_ref
                            bind:value=email
                            on:input=move |_| field_errors.update(|e| e.0.retain(|f| f.field != "email"))
                            aria-invalid=move || email_error().is_some().then_some("true")
                            aria-describedby=move || email_error().is_some().then_some("email-error")
                        />
                        <p id="email-error" class="field-error" hidden=move || email_error().is_none()>
                            {email_error}
                        </p>
                    </div>
                    <div class="field">
                        <label for="password">{tr(|l| td_string!(l, sign_in.password))}</label>
                        <input
                            id="password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            node_ref=password_ref
                            bind:value=password
                            on:input=move |_| field_errors.update(|e| e.0.retain(|f| f.field != "password"))
                            aria-invalid=move || password_error().is_some().then_some("true")
                            aria-describedby=move || password_error().is_some().then_some("password-error")
                        />
                        <p id="password-error" class="field-error" hidden=move || password_error().is_none()>
                            {password_error}
                        </p>
                    </div>
                    <Show when=move || asks_code.get()>
                        <TextField field="code" label=|l| td_string!(l, account.code) value=code errors=field_errors
                            autocomplete="one-time-code" hint=|l| td_string!(l, account.code_hint) />
                    </Show>
                    {move || alert().map(|text| view! { <p class="form-alert" role="alert">{text}</p> })}
                    <div class="form-actions">
                        <button
                            type="submit"
                            class="button"
                            disabled=move || pending.get()
                            aria-busy=move || pending.get().then_some("true")
                        >
                            {tr(|l| td_string!(l, sign_in.submit))}
                        </button>
                        <span class="progress" role="status">
                            {move || pending.get().then(|| td_string!(i18n.get_locale(), sign_in.submitting))}
                        </span>
                    </div>
                </form>
                <p class="auth-link"><A href="/forgot-password">{tr(|l| td_string!(l, account.forgot_link))}</A></p>
            </main>
        </div>
    }
}
