use leptos::prelude::*;
use support_api::plan::Contacts;

use crate::components::contact::{ContactLinks, hours_text};
use crate::coverage::tel_href;
use crate::i18n::*;

/// The hotline (phone, e-mail, hours) and the customer's technical manager.
#[component]
pub fn ContactsSection(contacts: Contacts, locale: Locale) -> impl IntoView {
    let Contacts {
        hotline,
        technical_manager: manager,
    } = contacts;
    let hours = hours_text(&hotline.hours, locale);
    let tel = tel_href(&hotline.phone);
    let mailto = format!("mailto:{}", hotline.email);
    view! {
        <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{td_string!(locale, contacts.heading)}</h2>
            <div class="cards">
                <section class="card" aria-labelledby="hotline-heading">
                    <h3 id="hotline-heading">{td_string!(locale, contacts.hotline)}</h3>
                    <p>{td_string!(locale, contacts.hotline_text)}</p>
                    <dl class="facts">
                        <dt>{td_string!(locale, contacts.phone)}</dt>
                        <dd><a href=tel>{hotline.phone}</a></dd>
                        <dt>{td_string!(locale, contacts.email)}</dt>
                        <dd><a href=mailto>{hotline.email}</a></dd>
                        <dt>{td_string!(locale, contacts.hours)}</dt>
                        <dd>{hours}</dd>
                    </dl>
                </section>
                <section class="card" aria-labelledby="manager-heading">
                    <h3 id="manager-heading">{td_string!(locale, contacts.manager)}</h3>
                    <p>{td_string!(locale, contacts.manager_text)}</p>
                    <p class="contact-name">{manager.name}</p>
                    <p><ContactLinks phone=manager.phone email=manager.email /></p>
                </section>
            </div>
        </section>
    }
}
