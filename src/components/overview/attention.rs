use std::sync::Arc;

use leptos::prelude::*;
use support_api::plan::{CoverageStatus, Licence, Plan};

use crate::calendar::days_until;
use crate::coverage::needing_attention;
use crate::format;
use crate::i18n::*;
use crate::labels::{status_class, status_label};
use support_api::template::fill;

/// Maintenance ending within 60 days and lapsed licences; nothing when all is well.
#[component]
pub fn Attention(plan: Arc<Plan>) -> impl IntoView {
    let i18n = use_i18n();
    let licences: Vec<Licence> = {
        let base = plan.alc.as_ref().map(|alc| alc.installed_base.as_slice());
        needing_attention(base.unwrap_or_default())
            .into_iter()
            .cloned()
            .collect()
    };
    let any = !licences.is_empty();
    any.then_some(move || {
        let locale = i18n.get_locale();
        let today = format::today();
        let items = licences
            .iter()
            .map(|licence| warning(licence, today, locale))
            .collect_view();
        view! {
            <section class="card card-attention" aria-labelledby="attention-heading">
                <h2 id="attention-heading">{td_string!(locale, overview.attention_heading)}</h2>
                <ul class="warnings">{items}</ul>
                <p>
                    <a href="/plan">{td_string!(locale, overview.attention_link)}</a>
                </p>
            </section>
        }
    })
}

/// "Lapsed, not covered DELMIA … ended on 25 September 2026".
fn warning(licence: &Licence, today: (u32, u32, u32), locale: Locale) -> impl IntoView + use<> {
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
    view! {
        <li>
            <span class=status_class(licence.status)>{status_label(locale, licence.status)}</span>
            " "
            {text}
        </li>
    }
}
