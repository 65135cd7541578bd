//! "Request a top-up" in the low-balance warning: a link to the new-request form of
//! the requests pages (`/requests/new?type=credit_top_up`), pre-filled with twice the
//! threshold, rounded. That form confirms the cost, keeps the draft and sends the
//! request once with its idempotency key.

use support_api::money::Money;

use crate::credit::amount::{decimal, suggested_top_up};
use crate::i18n::*;
use crate::markup::Markup;

/// The new-request form for a top-up of `amount` (minor units).
pub fn top_up_href(amount: i64) -> String {
    format!(
        "/requests/new?type=credit_top_up&amount={}",
        decimal(amount)
    )
}

pub fn top_up_markup(m: &mut Markup, threshold: Money, locale: Locale) {
    let href = top_up_href(suggested_top_up(threshold.minor));
    m.open("p", &[("class", "top-up")])
        .el(
            "a",
            &[
                ("class", "button"),
                ("href", &href),
                ("data-testid", "top-up-link"),
            ],
            td_string!(locale, credit.top_up_button),
        )
        .close("p")
        .el(
            "p",
            &[("class", "hint")],
            td_string!(locale, credit.top_up_hint),
        );
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
