use leptos::prelude::*;
use support_api::plan::SlaContract;

use crate::components::contact::{hours_text, period_text};
use crate::coverage::sorted_targets;
use crate::format;
use crate::i18n::*;
use crate::labels::priority_name;
use support_api::template::fill;

/// The SLA contract: its reference and period, reaction targets by priority (most
/// urgent first) and the business hours they count in.
#[component]
pub fn SlaSection(sla: SlaContract, locale: Locale) -> impl IntoView {
    let period = period_text(Some(&sla.since), sla.until.as_deref(), locale);
    let contract = fill(
        td_string!(locale, sla.contract),
        &[("reference", &sla.reference), ("period", &period)],
    );
    let hours = fill(
        td_string!(locale, sla.hours),
        &[("hours", &hours_text(&sla.business_hours, locale))],
    );
    let targets = sorted_targets(&sla.reaction_targets);
    view! {
        <section aria-labelledby="sla-heading">
            <h2 id="sla-heading">{td_string!(locale, sla.heading)}</h2>
            <p>{contract}</p>
            <table class="data data-narrow">
                <caption>{td_string!(locale, sla.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, sla.priority)}</th>
                        <th scope="col">{td_string!(locale, sla.reaction)}</th>
                    </tr>
                </thead>
                <tbody>
                    {targets
                        .into_iter()
                        .map(|target| view! {
                            <tr>
                                <th scope="row">{priority_name(locale, target.priority)}</th>
                                <td>{format::minutes(target.minutes, locale)}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>{hours}</p>
        </section>
    }
}
