//! The ways in without a session, beside sign-in: asking for a password-reset link, and
//! the two pages that mailed links open (`/reset-password?token=`, `/invitation?token=`).
//! The token stays in the address; the page sends it with the form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::account::{AcceptInvitation, NewPassword, ResetRequest};
use support_api::validation::FieldErrors;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::text_field::TextField;
use crate::components::words::{Words, tr};
use crate::i18n::*;
use crate::labels::field_reason;
use crate::pages::page_title;
use crate::redirect::SIGN_IN_PATH;
use crate::session::use_session;

/// The frame of the pages without a session, as sign-in has it.
#[component]
fn AuthFrame(title: Words, intro: Words, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || page_title(i18n.get_locale(), title(i18n.get_locale())) />
        <div class="auth">
            <header class="auth-header">
                <span class="brand-portal">{tr(|l| td_string!(l, app.name))}</span>
                <LanguageSwitcher />
            </header>
            <main id="main" class="auth-main">
                <h1>{move || title(i18n.get_locale())}</h1>
                <p class="lead">{move || intro(i18n.get_locale())}</p>
                {children()}
                <p><A href=SIGN_IN_PATH>{tr(|l| td_string!(l, account.back_to_sign_in))}</A></p>
            </main>
        </div>
    }
}

/// What a form's last answer says: refused fields go to their fields (a dead link's
/// token, which has no field, is said in the alert); anything else is said in the alert.
fn alert_text(locale: Locale, error: &ApiError) -> &'static str {
    match error.field_errors().and_then(|e| e.code_for("token")) {
        Some(code) => field_reason(locale, code),
        None => error_text(locale, error),
    }
}

/// The submit button with its progress text, and the alert of a failed answer.
#[component]
fn Submit(label: Words, pending: Memo<bool>, failed: Signal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || failed.get().map(|error| view! {
            <p class="form-alert" role="alert">{alert_text(i18n.get_locale(), &error)}</p>
        })}
        <div class="form-actions">
            <button type="submit" class="button" disabled=move || pending.get()
                aria-busy=move || pending.get().then_some("true")>
                {move || label(i18n.get_locale())}
            </button>
            <span class="progress" role="status">
                {move || pending.get().then(|| td_string!(i18n.get_locale(), account.saving))}
            </span>
        </div>
    }
}

/// The token of the mailed link, as the address has it.
fn token() -> String {
    use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

/// Keeps refused fields at their fields; answers whether the call succeeded.
fn note_fields<T>(result: &Result<T, ApiError>, errors: RwSignal<FieldErrors>) {
    if let Err(error) = result
        && let Some(refused) = error.field_errors()
    {
        errors.set(refused.clone());
    }
}

fn failure<T: Clone + Send + Sync + 'static>(
    action: Action<impl Send + Sync + 'static, Result<T, ApiError>>,
) -> Signal<Option<ApiError>> {
    Signal::derive(move || action.value().get().and_then(Result::err))
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let client = use_client();
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let send = Action::new_local(move |request: &ResetRequest| {
        let request = request.clone();
        async move {
            let result = api::account::request_reset(client, &request).await;
            note_fields(&result, errors);
            result
        }
    });
    let sent = move || matches!(send.value().get(), Some(Ok(())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ResetRequest {
            email: email.get_untracked().trim().to_owned(),
        };
        match request.validate() {
            Ok(()) => {
                send.dispatch(request);
            }
            Err(refused) => errors.set(refused),
        }
    };
    view! {
        <AuthFrame title=|l| td_string!(l, account.forgot_title) intro=|l| td_string!(l, account.forgot_intro)>
            <p class="notice" role="status">
                {move || sent().then(|| tr(|l| td_string!(l, account.link_sent)))}
            </p>
            <form class="form" novalidate on:submit=on_submit>
                <TextField field="email" label=|l| td_string!(l, sign_in.email) value=email errors
                    kind="email" autocomplete="username" />
                <Submit label=|l| td_string!(l, account.send_link) pending=send.pending() failed=failure(send) />
            </form>
        </AuthFrame>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let client = use_client();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let set = Action::new_local(move |form: &NewPassword| {
        let form = form.clone();
        async move {
            let result = api::account::complete_reset(client, &form).await;
            note_fields(&result, errors);
            result
        }
    });
    let done = move || matches!(set.value().get(), Some(Ok(())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = NewPassword {
            token: token(),
            password: password.get_untracked(),
        };
        match form.validate() {
            Ok(()) => {
                set.dispatch(form);
            }
            Err(refused) => errors.set(refused),
        }
    };
    view! {
        <AuthFrame title=|l| td_string!(l, account.reset_title) intro=|l| td_string!(l, account.password_hint)>
            <p class="notice" role="status">
                {move || done().then(|| tr(|l| td_string!(l, account.reset_done)))}
            </p>
            <form class="form" novalidate on:submit=on_submit hidden=done>
                <TextField field="password" label=|l| td_string!(l, account.new_password) value=password errors
                    kind="password" autocomplete="new-password" />
                <Submit label=|l| td_string!(l, account.set_password) pending=set.pending() failed=failure(set) />
            </form>
        </AuthFrame>
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let client = use_client();
    let session = use_session();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let accept = Action::new_local(move |form: &AcceptInvitation| {
        let form = form.clone();
        async move {
            let result = api::account::accept_invitation(client, &form).await;
            note_fields(&result, errors);
            result
        }
    });
    // Signed in: the portal's home.
    Effect::new(move |_| {
        if let Some(Ok(signed_in)) = accept.value().get() {
            session.signed_in(signed_in);
            navigate(
                "/",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked();
        let form = AcceptInvitation {
            token: token(),
            name: (!name.trim().is_empty()).then(|| name.trim().to_owned()),
            password: password.get_untracked(),
        };
        match form.validate() {
            Ok(()) => {
                accept.dispatch(form);
            }
            Err(refused) => errors.set(refused),
        }
    };
    view! {
        <AuthFrame title=|l| td_string!(l, account.invitation_title) intro=|l| td_string!(l, account.invitation_intro)>
            <form class="form" novalidate on:submit=on_submit>
                <TextField field="name" label=|l| td_string!(l, account.name) value=name errors autocomplete="name" />
                <TextField field="password" label=|l| td_string!(l, account.new_password) value=password errors
                    kind="password" autocomplete="new-password" hint=|l| td_string!(l, account.password_hint) />
                <Submit label=|l| td_string!(l, account.accept) pending=accept.pending() failed=failure(accept) />
            </form>
        </AuthFrame>
    }
}
