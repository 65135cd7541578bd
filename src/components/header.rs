use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use support_api::session::Role;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::words::tr;
use crate::i18n::*;
use crate::redirect::SIGN_IN_PATH;
use crate::session::use_session;

pub fn role_name(locale: Locale, role: Role) -> &'static str {
    match role {
        Role::Admin => td_string!(locale, role.admin),
        Role::Member => td_string!(locale, role.member),
    }
}

/// Company, user and role, the language, and signing out.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let client = use_client();
    let navigate = use_navigate();

    let company = move || session.with(|s| s.customer.name.clone());
    let user = move || session.with(|s| s.user.name.clone());
    let role = move || session.with(|s| role_name(i18n.get_locale(), s.user.role));

    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            match api::session::sign_out(client).await {
                // Already gone on the server is as good as signed out.
                Ok(()) | Err(ApiError::Unauthenticated) => {
                    navigate(SIGN_IN_PATH, NavigateOptions::default());
                    session.signed_out();
                    Ok(())
                }
                Err(error) => Err(error),
            }
        }
    });
    let pending = sign_out.pending();
    let failure = move || match sign_out.value().get() {
        Some(Err(error)) => Some(error_text(i18n.get_locale(), &error)),
        _ => None,
    };

    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <div class="brand">
                    <span class="brand-company">{company}</span>
                    <span class="brand-portal">{tr(|l| td_string!(l, app.name))}</span>
                </div>
                <div class="account" aria-label=tr(|l| td_string!(l, header.account)) role="group">
                    <span class="account-name">{user}</span>
                    <span class="account-role">{role}</span>
                </div>
                <LanguageSwitcher />
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            sign_out.dispatch(());
                        }
                    }
                    disabled=move || pending.get()
                >
                    {tr(|l| td_string!(l, header.sign_out))}
                </button>
            </div>
            {move || failure().map(|text| view! { <p class="header-alert" role="alert">{text}</p> })}
        </header>
    }
}
