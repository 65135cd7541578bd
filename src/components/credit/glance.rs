use leptos::prelude::*;

use super::warning_text;
use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::format;
use crate::i18n::*;
use crate::pages::credit::Loaded;

/// "SBP balance at a glance" for the overview: the balance, the low-balance warning and
/// a link to the credit page. Nothing for a customer without SBP.
#[component]
pub fn CreditGlance() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    // The credit page's resource type, so both share one copy of its code in the wasm.
    let credit = LocalResource::new(move || async move {
        api::credit::get_optional(client).await.map(Loaded::Credit)
    });
    part(credit, move |loaded| {
        let Loaded::Credit(Some(credit)) = loaded else {
            return ().into_any();
        };
        let locale = i18n.get_locale();
        let low = credit.below_threshold;
        let warning = low.then(|| {
            view! { <p class="credit-warning-inline">{warning_text(credit, locale)}</p> }
        });
        view! {
            <section class="card credit-glance" aria-labelledby="credit-glance-heading">
                <h2 id="credit-glance-heading">{td_string!(locale, credit.glance_heading)}</h2>
                <p class="credit-amount" class:credit-low=low data-testid="glance-balance">
                    {format::money(credit.balance, locale)}
                </p>
                {warning}
                <p>
                    <a href="/credit">{td_string!(locale, credit.glance_link)}</a>
                </p>
            </section>
        }
        .into_any()
    })
}
