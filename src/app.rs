//! The root: language, session, router and routes.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::connection_banner::ConnectionBanner;
use crate::components::protected::Protected;
use crate::connection::provide_connection;
use crate::i18n::*;
use crate::language::RestoreLanguage;
use crate::pages::account::AccountPage;
use crate::pages::billing::BillingPage;
use crate::pages::credit::CreditPage;
use crate::pages::new_request::NewRequestPage;
use crate::pages::notifications::NotificationsPage;
use crate::pages::people::PeoplePage;
use crate::pages::recovery::{ForgotPasswordPage, InvitationPage, ResetPasswordPage};
use crate::pages::request_detail::RequestDetailPage;
use crate::pages::requests::RequestsPage;
use crate::pages::{
    not_found::NotFound, overview::OverviewPage, plan::PlanPage, sign_in::SignInPage,
};
use crate::session::provide_session;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_connection();
    provide_session();
    view! {
        <I18nContextProvider>
            <RestoreLanguage>
            <ConnectionBanner />
            <Router>
                <Routes fallback=|| view! { <Protected><NotFound /></Protected> }>
                    <Route path=path!("/sign-in") view=SignInPage />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage />
                    <Route path=path!("/reset-password") view=ResetPasswordPage />
                    <Route path=path!("/invitation") view=InvitationPage />
                    <ParentRoute path=path!("") view=|| view! { <Protected><Outlet /></Protected> }>
                        <Route path=path!("/") view=OverviewPage />
                        <Route path=path!("/plan") view=PlanPage />
                        <Route path=path!("/credit") view=CreditPage />
                        <Route path=path!("/billing") view=BillingPage />
                        <Route path=path!("/requests") view=RequestsPage />
                        <Route path=path!("/requests/new") view=NewRequestPage />
                        <Route path=path!("/requests/:id") view=RequestDetailPage />
                        <Route path=path!("/notifications") view=NotificationsPage />
                        <Route path=path!("/people") view=PeoplePage />
                        <Route path=path!("/account") view=AccountPage />
                    </ParentRoute>
                </Routes>
            </Router>
            </RestoreLanguage>
        </I18nContextProvider>
    }
}
