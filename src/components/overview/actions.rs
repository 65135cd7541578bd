use std::sync::Arc;

use leptos::prelude::*;
use support_api::plan::{Contacts, Plan};

use crate::components::contact::{ContactLinks, hours_text};
use crate::coverage::{Action, actions, held_levels};
use crate::i18n::*;
use crate::labels::billed_as_label;
use support_api::template::fill;

/// The hotline, a training, an on-site visit and (with SBP) the credit, each with how
/// it is paid, the form that asks for it, and whom to contact for a word first.
#[component]
pub fn WhatYouCanDo(plan: Arc<Plan>) -> impl IntoView {
    let i18n = use_i18n();
    let list = actions(&held_levels(&plan));
    move || {
        let locale = i18n.get_locale();
        let items = list
            .iter()
            .map(|&action| view! { <ActionItem action contacts=plan.contacts.clone() locale /> })
            .collect_view();
        view! {
            <section aria-labelledby="actions-heading">
                <h2 id="actions-heading">{td_string!(locale, overview.actions_heading)}</h2>
                <ul class="actions">{items}</ul>
                <p>
                    <a href="/plan">{td_string!(locale, overview.plan_link)}</a>
                </p>
            </section>
        }
    }
}

#[component]
fn ActionItem(action: Action, contacts: Contacts, locale: Locale) -> impl IntoView {
    let (heading, text) = match action {
        Action::Hotline(billed) => (
            td_string!(locale, overview.hotline),
            billed_as_label(locale, billed),
        ),
        Action::Training(billed) => (
            td_string!(locale, overview.training),
            billed_as_label(locale, billed),
        ),
        Action::Onsite(billed) => (
            td_string!(locale, overview.onsite),
            billed_as_label(locale, billed),
        ),
        Action::Credit => (
            td_string!(locale, overview.credit),
            td_string!(locale, overview.credit_text),
        ),
    };
    // Each request action opens the new-request form with its type chosen.
    let form = match action {
        Action::Hotline(_) => Some((
            "/requests/new?type=hotline",
            td_string!(locale, overview.report_problem),
        )),
        Action::Training(_) => Some((
            "/requests/new?type=training",
            td_string!(locale, overview.request_it),
        )),
        Action::Onsite(_) => Some((
            "/requests/new?type=onsite_service",
            td_string!(locale, overview.request_it),
        )),
        Action::Credit => None,
    };
    let Contacts {
        hotline,
        technical_manager: manager,
    } = contacts;
    // The hotline is reached directly; everything else through the technical manager.
    let whom = if matches!(action, Action::Hotline(_)) {
        let hours = format!(
            "{}: {}",
            td_string!(locale, contacts.hours),
            hours_text(&hotline.hours, locale)
        );
        view! {
            <p><ContactLinks phone=hotline.phone email=hotline.email /></p>
            <p class="muted">{hours}</p>
        }
        .into_any()
    } else {
        let ask = fill(
            td_string!(locale, overview.ask_manager),
            &[("name", &manager.name)],
        );
        view! {
            <p>{ask}</p>
            <p><ContactLinks phone=manager.phone email=manager.email /></p>
        }
        .into_any()
    };
    view! {
        <li class="action">
            <h3>{heading}</h3>
            <p>{text}</p>
            {form.map(|(href, label)| view! {
                <p><a href=href class="button">{label}</a></p>
            })}
            {whom}
        </li>
    }
}
