//! The root: language, session, router and routes.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;
use leptos_use::{SameSite, UseCookieOptions};

use crate::components::protected::Protected;
use crate::i18n::*;
use crate::pages::credit::CreditPage;
use crate::pages::{home::HomePage, not_found::NotFound, sign_in::SignInPage};
use crate::session::provide_session;

/// Name of the cookie that remembers the chosen language.
pub const LANGUAGE_COOKIE: &str = "portal_lang";

/// A year, in milliseconds (leptos-use's unit).
const LANGUAGE_COOKIE_MAX_AGE_MS: i64 = 365 * 24 * 60 * 60 * 1000;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    // Path `/` so the choice holds on every page (the default path would be the
    // current page's directory), kept for a year rather than the browser session.
    let secure = window().location().protocol().is_ok_and(|p| p == "https:");
    let cookie_options = UseCookieOptions::default()
        .path("/")
        .max_age(LANGUAGE_COOKIE_MAX_AGE_MS)
        .same_site(SameSite::Lax)
        .secure(secure);

    view! {
        <I18nContextProvider cookie_name=LANGUAGE_COOKIE cookie_options>
            <Router>
                <Routes fallback=|| view! { <Protected><NotFound /></Protected> }>
                    <Route path=path!("/sign-in") view=SignInPage />
                    <ParentRoute path=path!("") view=|| view! { <Protected><Outlet /></Protected> }>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/credit") view=CreditPage />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
