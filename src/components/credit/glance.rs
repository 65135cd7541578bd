use leptos::prelude::*;

use super::warning_text;
use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::format;
use crate::i18n::*;
use crate::markup::Markup;
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
        let credit = match loaded {
            Loaded::Credit(credit) => credit.as_ref(),
            Loaded::Statement(_) => None,
        };
        let locale = i18n.get_locale();
        let mut m = Markup::new();
        if let Some(credit) = credit {
            let amount = if credit.below_threshold {
                "credit-amount credit-low"
            } else {
                "credit-amount"
            };
            m.open(
                "section",
                &[
                    ("class", "card credit-glance"),
                    ("aria-labelledby", "credit-glance-heading"),
                ],
            )
            .el(
                "h2",
                &[("id", "credit-glance-heading")],
                td_string!(locale, credit.glance_heading),
            )
            .el(
                "p",
                &[("class", amount), ("data-testid", "glance-balance")],
                &format::money(credit.balance, locale),
            );
            if credit.below_threshold {
                m.el(
                    "p",
                    &[("class", "credit-warning-inline")],
                    &warning_text(credit, locale),
                );
            }
            m.open("p", &[])
                .el(
                    "a",
                    &[("href", "/credit")],
                    td_string!(locale, credit.glance_link),
                )
                .close("p")
                .close("section");
        }
        m.into_view().into_any()
    })
}
