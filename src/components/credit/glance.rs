use leptos::prelude::*;

use super::{localized, text, warning_text};
use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::format;
use crate::i18n::*;
use crate::pages::credit::Loaded;

/// "SBP balance at a glance" for the overview: the balance, the low-balance warning and
/// a link to the credit page. Nothing for a customer without SBP.
#[component]
pub fn CreditGlance() -> impl IntoView {
    let client = use_client();
    // The credit page's resource type, so both share one copy of its code in the wasm.
    let credit = LocalResource::new(move || async move {
        api::credit::get_optional(client).await.map(Loaded::Credit)
    });
    part(credit, move |loaded| {
        let Loaded::Credit(Some(credit)) = loaded else {
            return ().into_any();
        };
        let low = credit.below_threshold;
        let balance = credit.balance;
        let warning = low.then(|| {
            let credit = credit.clone();
            view! {
                <p class="credit-warning-inline">{localized(move |l| warning_text(&credit, l))}</p>
            }
        });
        view! {
            <section class="card credit-glance" aria-labelledby="credit-glance-heading">
                <h2 id="credit-glance-heading">{text(|l| td_string!(l, credit.glance_heading))}</h2>
                <p class="credit-amount" class:credit-low=low data-testid="glance-balance">
                    {localized(move |l| format::money(balance, l))}
                </p>
                {warning}
                <p>
                    <a href="/credit">{text(|l| td_string!(l, credit.glance_link))}</a>
                </p>
            </section>
        }
        .into_any()
    })
}
