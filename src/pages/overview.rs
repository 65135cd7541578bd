use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use support_api::plan::{Level, Plan};

use crate::components::overview::actions::WhatYouCanDo;
use crate::components::overview::attention::Attention;
use crate::components::overview::levels::LevelsCard;
use crate::components::part::part;
use crate::components::requests::open_glance::OpenRequestsGlance;
use crate::components::sbp_balance::SbpBalanceGlance;
use crate::i18n::*;
use crate::pages::page_title;
use crate::plan::use_plan;
use crate::session::use_session;
use support_api::template::fill;

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
/// and asks the API nothing again. What comes with the plan is above them: an answer
/// arriving later then moves less of what is already on the screen.
fn overview(plan: &Plan) -> AnyView {
    let sla = plan.holds(Level::Sla);
    let sbp = plan.sbp.is_some();
    let plan = Arc::new(plan.clone());
    view! {
        <LevelsCard plan=Arc::clone(&plan) />
        <Attention plan=Arc::clone(&plan) />
        {sbp.then(|| view! { <SbpBalanceGlance /> })}
        <OpenRequestsGlance sla />
        <WhatYouCanDo plan />
    }
    .into_any()
}
