use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::words::tr;
use crate::i18n::*;

/// The translated sentence for an error: what happened and what to do.
pub fn error_text(locale: Locale, error: &ApiError) -> &'static str {
    match error {
        ApiError::Unauthenticated => td_string!(locale, errors.session_expired),
        ApiError::InvalidCredentials => td_string!(locale, errors.invalid_credentials),
        ApiError::SecondStepRequired => td_string!(locale, account.code_required),
        ApiError::TooManyAttempts => td_string!(locale, errors.too_many_attempts),
        ApiError::Validation(_) => td_string!(locale, errors.validation),
        ApiError::NotFound => td_string!(locale, errors.not_found),
        ApiError::Network(_) => td_string!(locale, errors.network),
        ApiError::Server(_) | ApiError::Malformed(_) => td_string!(locale, errors.unexpected),
    }
}

/// A failed load: what happened, and a button to try again.
#[component]
pub fn ErrorView(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    leptos::logging::warn!("{error}");
    // What failed for the network loads again by itself when the API is back.
    if let (ApiError::Network(_), Some(retry)) = (&error, retry) {
        let connection = crate::connection::use_connection();
        let seen = connection.returns.get_untracked();
        Effect::new(move |_| {
            if connection.returns() != seen {
                retry.run(());
            }
        });
    }
    let text = move || error_text(i18n.get_locale(), &error);
    view! {
        <section class="error-view" role="alert">
            <h2>{tr(|l| td_string!(l, errors.heading))}</h2>
            <p>{text}</p>
            {retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {tr(|l| td_string!(l, errors.retry))}
                </button>
            })}
        </section>
    }
}

/// The first error an `<ErrorBoundary>` caught, as an `ApiError` (anything else, which
/// the portal does not throw, counts as unexpected).
pub fn first_api_error(errors: &Errors) -> ApiError {
    errors
        .iter()
        .next()
        .and_then(|(_, error)| error.downcast_ref::<ApiError>().cloned())
        .unwrap_or_else(|| ApiError::Malformed("an error that is not an ApiError".into()))
}

/// What a failed action says in its alert: refused fields are told at the fields, so the
/// alert only points at them.
pub fn action_error_text(locale: Locale, error: &ApiError) -> &'static str {
    match error {
        ApiError::Validation(_) => td_string!(locale, errors.validation),
        error => error_text(locale, error),
    }
}

/// The alert line of a failed action, hidden while there is none.
#[component]
pub fn ActionFailure(#[prop(into)] text: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <p class="form-alert" role="alert" hidden=move || text.get().is_none()>
            {move || text.get()}
        </p>
    }
}
