use leptos::prelude::*;
use support_api::catalog::LevelInfo;
use support_api::plan::Level;

use crate::i18n::*;
use crate::labels::{level_code, level_name, service_name};

/// What a level is, and for whom.
fn level_texts(locale: Locale, level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Alc => (
            td_string!(locale, levels.alc_what),
            td_string!(locale, levels.alc_who),
        ),
        Level::Pay => (
            td_string!(locale, levels.pay_what),
            td_string!(locale, levels.pay_who),
        ),
        Level::Sbp => (
            td_string!(locale, levels.sbp_what),
            td_string!(locale, levels.sbp_who),
        ),
        Level::Sla => (
            td_string!(locale, levels.sla_what),
            td_string!(locale, levels.sla_who),
        ),
    }
}

/// The four levels side by side, the customer's own marked.
#[component]
pub fn LevelsSection(levels: Vec<LevelInfo>, locale: Locale) -> impl IntoView {
    view! {
        <section aria-labelledby="levels-heading">
            <h2 id="levels-heading">{td_string!(locale, levels.heading)}</h2>
            <p>{td_string!(locale, levels.intro)}</p>
            <ul class="level-cards">
                {levels.into_iter().map(|info| view! { <LevelCard info locale /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn LevelCard(info: LevelInfo, locale: Locale) -> impl IntoView {
    let (what, who) = level_texts(locale, info.level);
    let (mark, mark_class) = if info.held {
        (
            td_string!(locale, levels.yours),
            "level-mark level-mark-yours",
        )
    } else if info.available {
        (td_string!(locale, levels.open), "level-mark")
    } else {
        (
            td_string!(locale, levels.closed),
            "level-mark level-mark-closed",
        )
    };
    let includes = info.includes;
    view! {
        <li class="level-card" class:level-card-yours=info.held>
            <h3>
                <span class="level-code">{level_code(info.level)}</span>
                " "
                {level_name(locale, info.level)}
            </h3>
            <p class=mark_class>{mark}</p>
            <p>{what}</p>
            <h4>{td_string!(locale, levels.who)}</h4>
            <p>{who}</p>
            <h4>{td_string!(locale, levels.includes)}</h4>
            <ul class="includes">
                {includes
                    .into_iter()
                    .map(|code| view! { <li>{service_name(locale, code)}</li> })
                    .collect_view()}
            </ul>
        </li>
    }
}
