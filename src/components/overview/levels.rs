use std::sync::Arc;

use leptos::prelude::*;
use support_api::plan::{Level, LevelHolding, Plan};

use crate::components::contact::period_text;
use crate::i18n::*;
use crate::labels::{level_code, level_name};

/// The levels the company holds, as badges with their periods.
#[component]
pub fn LevelsCard(plan: Arc<Plan>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let badges = plan
            .levels
            .iter()
            .map(|holding| view! { <LevelBadge holding=holding.clone() locale /> })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="levels-heading">
                <h2 id="levels-heading">{td_string!(locale, overview.levels_heading)}</h2>
                <ul class="level-badges">{badges}</ul>
                {plan.levels.is_empty().then(|| view! { <p>{td_string!(locale, overview.levels_none)}</p> })}
                {(!plan.holds(Level::Alc)).then(|| view! {
                    <p class="note">{td_string!(locale, overview.no_alc)}</p>
                })}
            </section>
        }
    }
}

#[component]
fn LevelBadge(holding: LevelHolding, locale: Locale) -> impl IntoView {
    let period = period_text(holding.since.as_deref(), holding.until.as_deref(), locale);
    view! {
        <li class="level-badge">
            <span class="level-code">{level_code(holding.level)}</span>
            <span class="level-name">{level_name(locale, holding.level)}</span>
            <span class="level-period">{period}</span>
        </li>
    }
}
