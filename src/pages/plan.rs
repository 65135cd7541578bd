use leptos::prelude::*;
use leptos_meta::Title;
use support_api::catalog::Catalog;
use support_api::plan::Plan;

use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::components::plan::contacts::ContactsSection;
use crate::components::plan::courses::CoursesSection;
use crate::components::plan::levels::LevelsSection;
use crate::components::plan::licences::LicenceTable;
use crate::components::plan::services::ServicesSection;
use crate::components::plan::sla::SlaSection;
use crate::components::words::tr;
use crate::coverage::Sort;
use crate::i18n::*;
use crate::pages::page_title;
use crate::plan::use_plan;

/// Plan and coverage: the licences and their maintenance, the SLA and the contacts
/// (from `GET /plan`), then how each service is had and priced, the four levels and
/// the training courses (from `GET /catalog`). Each of the two loads on its own.
#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let plan = use_plan();
    let catalog = LocalResource::new(move || api::plan::catalog(client));
    // Outside the parts, so the order survives a change of language.
    let sort = RwSignal::new(Sort::default());
    // Both load at once, but the catalog's sections are shown once the plan's are (or
    // its error is): the plan's come first on the page, and arriving after the catalog's
    // they would push everything on the screen down (a layout shift).
    let plan_shown = Memo::new(move |_| plan.with(Option::is_some));
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, plan.title))
    };
    view! {
        <Title text=title />
        <h1>{tr(|l| td_string!(l, plan.title))}</h1>
        <p class="lead">{tr(|l| td_string!(l, plan.intro))}</p>
        {part(plan, move |plan| plan_part(plan, sort, i18n.get_locale()))}
        <Show when=move || plan_shown.get()>
            {part(catalog, move |catalog| catalog_part(catalog, i18n.get_locale()))}
        </Show>
    }
}

fn plan_part(plan: &Plan, sort: RwSignal<Sort>, locale: Locale) -> AnyView {
    let note = match &plan.alc {
        None => Some(view! { <p class="note">{td_string!(locale, plan.no_alc)}</p> }.into_any()),
        Some(alc) if alc.installed_base.is_empty() => {
            Some(view! { <p>{td_string!(locale, plan.no_licences)}</p> }.into_any())
        }
        Some(_) => None,
    };
    let licences = plan
        .alc
        .as_ref()
        .filter(|alc| !alc.installed_base.is_empty())
        .map(|alc| alc.installed_base.clone());
    let sla = plan.sla.clone();
    let contacts = plan.contacts.clone();
    view! {
        <section aria-labelledby="licences-heading">
            <h2 id="licences-heading">{td_string!(locale, plan.licences_heading)}</h2>
            {note}
            {licences.map(|licences| view! { <LicenceTable licences sort locale /> })}
        </section>
        {sla.map(|sla| view! { <SlaSection sla locale /> })}
        <ContactsSection contacts locale />
    }
    .into_any()
}

fn catalog_part(catalog: &Catalog, locale: Locale) -> AnyView {
    let Catalog {
        services,
        levels,
        courses,
        ..
    } = catalog.clone();
    view! {
        <ServicesSection services locale />
        <LevelsSection levels locale />
        <CoursesSection courses locale />
    }
    .into_any()
}
