use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use support_api::plan::{CoverageStatus, Level, Plan};

use crate::calendar::days_until;
use crate::components::contact::{contact_links, hours_text, period_text};
use crate::components::part::part;
use crate::components::requests::open_glance::OpenRequestsGlance;
use crate::components::sbp_balance::SbpBalanceGlance;
use crate::coverage::{Action, actions, held_levels, needing_attention};
use crate::format;
use crate::i18n::*;
use crate::labels::{billed_as_label, level_code, level_name, status_class, status_label};
use crate::markup::Markup;
use crate::pages::page_title;
use crate::plan::use_plan;
use crate::session::use_session;
use crate::template::fill;

/// The page after sign-in: the greeting, the company's levels, what needs attention
/// now, the open requests, and what the person can do.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let plan = use_plan();
    let greeting = move || {
        let name = session.with(|s| s.user.name.clone()).unwrap_or_default();
        fill(
            td_string!(i18n.get_locale(), home.greeting),
            &[("name", &name)],
        )
    };
    let intro = move || {
        let company = session
            .with(|s| s.customer.name.clone())
            .unwrap_or_default();
        fill(
            td_string!(i18n.get_locale(), home.intro),
            &[("company", &company)],
        )
    };
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, home.title))
    };

    view! {
        <Title text=title />
        <h1>{greeting}</h1>
        <p class="lead">{intro}</p>
        {part(plan, overview)}
    }
}

/// The overview's sections. The ones that load on their own (the SBP balance, the open
/// requests) are made once; another language rewrites only the words of the others,
/// and asks the API nothing again.
fn overview(plan: &Plan) -> AnyView {
    let i18n = use_i18n();
    let sla = plan.holds(Level::Sla);
    let sbp = plan.sbp.is_some();
    let plan = Arc::new(plan.clone());
    let section = move |write: fn(&mut Markup, &Plan, Locale)| {
        let plan = Arc::clone(&plan);
        move || {
            let mut m = Markup::new();
            write(&mut m, &plan, i18n.get_locale());
            m.into_view()
        }
    };
    view! {
        {section(levels_card)}
        {sbp.then(|| view! { <SbpBalanceGlance /> })}
        {section(attention)}
        <OpenRequestsGlance sla />
        {section(what_you_can_do)}
    }
    .into_any()
}

/// The levels held, as badges with their periods.
fn levels_card(m: &mut Markup, plan: &Plan, locale: Locale) {
    m.open(
        "section",
        &[("class", "card"), ("aria-labelledby", "levels-heading")],
    )
    .el(
        "h2",
        &[("id", "levels-heading")],
        td_string!(locale, overview.levels_heading),
    )
    .open("ul", &[("class", "level-badges")]);
    for holding in &plan.levels {
        let period = period_text(holding.since.as_deref(), holding.until.as_deref(), locale);
        m.open("li", &[("class", "level-badge")])
            .el(
                "span",
                &[("class", "level-code")],
                level_code(holding.level),
            )
            .el(
                "span",
                &[("class", "level-name")],
                level_name(locale, holding.level),
            )
            .el("span", &[("class", "level-period")], &period)
            .close("li");
    }
    m.close("ul");
    if plan.levels.is_empty() {
        m.el("p", &[], td_string!(locale, overview.levels_none));
    }
    if !plan.holds(Level::Alc) {
        m.el(
            "p",
            &[("class", "note")],
            td_string!(locale, overview.no_alc),
        );
    }
    m.close("section");
}

/// Maintenance ending within 60 days and lapsed licences; nothing when all is well.
fn attention(m: &mut Markup, plan: &Plan, locale: Locale) {
    let licences = plan.alc.as_ref().map(|alc| alc.installed_base.as_slice());
    let list = needing_attention(licences.unwrap_or_default());
    if list.is_empty() {
        return;
    }
    let today = format::today();
    m.open(
        "section",
        &[
            ("class", "card card-attention"),
            ("aria-labelledby", "attention-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "attention-heading")],
        td_string!(locale, overview.attention_heading),
    )
    .open("ul", &[("class", "warnings")]);
    for licence in list {
        let product = &licence.product;
        let date = format::date(&licence.maintenance_end, locale);
        let text = if licence.status == CoverageStatus::Lapsed {
            fill(
                td_string!(locale, overview.lapsed),
                &[("product", product), ("date", &date)],
            )
        } else {
            let when = days_until(today, &licence.maintenance_end)
                .map(|days| format::days_from_now(days, locale))
                .unwrap_or_default();
            fill(
                td_string!(locale, overview.expiring),
                &[("product", product), ("date", &date), ("when", &when)],
            )
        };
        m.open("li", &[])
            .el(
                "span",
                &[("class", status_class(licence.status))],
                status_label(locale, licence.status),
            )
            .text(" ")
            .text(&text)
            .close("li");
    }
    m.close("ul")
        .open("p", &[])
        .el(
            "a",
            &[("href", "/plan")],
            td_string!(locale, overview.attention_link),
        )
        .close("p")
        .close("section");
}

/// The hotline, a training, an on-site visit and (with SBP) the credit, each with how
/// it is paid, the form that asks for it, and whom to contact for a word first.
fn what_you_can_do(m: &mut Markup, plan: &Plan, locale: Locale) {
    let hotline = &plan.contacts.hotline;
    let manager = &plan.contacts.technical_manager;
    m.open("section", &[("aria-labelledby", "actions-heading")])
        .el(
            "h2",
            &[("id", "actions-heading")],
            td_string!(locale, overview.actions_heading),
        )
        .open("ul", &[("class", "actions")]);
    for action in actions(&held_levels(plan)) {
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
        m.open("li", &[("class", "action")])
            .el("h3", &[], heading)
            .el("p", &[], text);
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
        if let Some((href, label)) = form {
            m.open("p", &[])
                .el("a", &[("href", href), ("class", "button")], label)
                .close("p");
        }
        if matches!(action, Action::Hotline(_)) {
            m.open("p", &[]);
            contact_links(m, &hotline.phone, &hotline.email);
            let hours = format!(
                "{}: {}",
                td_string!(locale, contacts.hours),
                hours_text(&hotline.hours, locale)
            );
            m.close("p").el("p", &[("class", "muted")], &hours);
        } else {
            let name = &manager.name;
            m.el(
                "p",
                &[],
                &fill(td_string!(locale, overview.ask_manager), &[("name", name)]),
            )
            .open("p", &[]);
            contact_links(m, &manager.phone, &manager.email);
            m.close("p");
        }
        m.close("li");
    }
    m.close("ul")
        .open("p", &[])
        .el(
            "a",
            &[("href", "/plan")],
            td_string!(locale, overview.plan_link),
        )
        .close("p")
        .close("section");
}
