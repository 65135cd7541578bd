use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::header::role_name;
use crate::format;
use crate::i18n::*;
use crate::pages::page_title;
use crate::session::use_session;

/// The welcome page: who is signed in, for which company.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let field = move |f: fn(&support_api::session::Session) -> String| {
        move || session.with(f).unwrap_or_default()
    };
    let name = field(|s| s.user.name.clone());
    let company = field(|s| s.customer.name.clone());
    let email = field(|s| s.user.email.clone());
    let role = move || session.with(|s| role_name(i18n.get_locale(), s.user.role));
    let until = move || {
        let locale = i18n.get_locale();
        session.with(|s| format::date_time(&s.expires_at, locale))
    };
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, home.title))
    };

    view! {
        <Title text=title />
        <h1>{t!(i18n, home.greeting, name)}</h1>
        <p class="lead">{t!(i18n, home.intro, company)}</p>
        <section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">{t!(i18n, home.account_heading)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, home.name)}</dt>
                <dd>{name}</dd>
                <dt>{t!(i18n, home.email)}</dt>
                <dd>{email}</dd>
                <dt>{t!(i18n, home.company)}</dt>
                <dd>{company}</dd>
                <dt>{t!(i18n, home.role)}</dt>
                <dd>{role}</dd>
                <dt>{t!(i18n, home.session_until)}</dt>
                <dd>{until}</dd>
            </dl>
        </section>
        <p>{t!(i18n, home.help)}</p>
    }
}
