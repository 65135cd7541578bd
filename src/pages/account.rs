//! My account: every user's profile, password, sessions and two-step sign-in, and the way
//! to their mail settings.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{self, client::use_client};
use crate::components::account::password::PasswordForm;
use crate::components::account::profile::ProfileForm;
use crate::components::account::sessions::SessionsSection;
use crate::components::account::two_step::TwoStepSection;
use crate::components::part::part;
use crate::components::words::tr;
use crate::i18n::*;
use crate::pages::page_title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let account = LocalResource::new(move || api::account::get(client));
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, account.title))
    };
    view! {
        <Title text=title />
        <h1>{tr(|l| td_string!(l, account.title))}</h1>
        // The mail settings are the account's too; the navigation stays short on a phone.
        <p>
            <A href="/notifications">{tr(|l| td_string!(l, notifications.title))}</A>
        </p>
        {part(account, |account| view! {
            <ProfileForm account=account.clone() />
            <TwoStepSection on=account.two_step />
        }.into_any())}
        // Below the profile once it is there, so its arrival pushes nothing down.
        <Show when=move || account.with(Option::is_some)>
            <PasswordForm />
            <SessionsSection />
        </Show>
    }
}
