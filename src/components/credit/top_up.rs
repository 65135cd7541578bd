//! The low-balance warning with "Request a top-up": a link to the new-request form of
//! the requests pages (`/requests/new?type=credit_top_up`), pre-filled with twice the
//! threshold, rounded. That form confirms the cost, keeps the draft and sends the
//! request once with its idempotency key.

use leptos::prelude::*;
use support_api::credit::Credit;

use super::{localized, text, warning_text};
use crate::credit::amount::{decimal, suggested_top_up};
use crate::i18n::*;

/// The new-request form for a top-up of `amount` (minor units).
pub fn top_up_href(amount: i64) -> String {
    format!(
        "/requests/new?type=credit_top_up&amount={}",
        decimal(amount)
    )
}

#[component]
pub fn LowBalance(credit: Credit) -> impl IntoView {
    let href = top_up_href(suggested_top_up(credit.low_balance_threshold.minor));
    view! {
        <section
            class="credit-warning"
            aria-labelledby="credit-warning-heading"
            data-testid="low-balance"
        >
            <h2 id="credit-warning-heading">{text(|l| td_string!(l, credit.warning_heading))}</h2>
            <p>{localized(move |l| warning_text(&credit, l))}</p>
            <p class="top-up">
                <a class="button" href=href data-testid="top-up-link">
                    {text(|l| td_string!(l, credit.top_up_button))}
                </a>
            </p>
            <p class="hint">{text(|l| td_string!(l, credit.top_up_hint))}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_the_new_request_form_with_the_amount() {
        assert_eq!(
            top_up_href(suggested_top_up(500_000)),
            "/requests/new?type=credit_top_up&amount=10000.00"
        );
    }
}
