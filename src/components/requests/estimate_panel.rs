//! What a draft will cost and how it will be billed, said plainly; updated as the form
//! changes (the page asks the server, debounced).

use leptos::prelude::*;
use support_api::catalog::{BilledAs, Billing};
use support_api::requests::{Estimate, RequestType};

use super::fill;
use super::sla_countdown::span_text;
use crate::api::ApiError;
use crate::components::error_view::error_text;
use crate::format;
use crate::i18n::*;

#[derive(Clone, Debug, PartialEq)]
pub enum EstimateState {
    Loading,
    Ready(Estimate),
    /// The server could not estimate the draft as it is (a field it refused).
    Incomplete,
    Failed(ApiError),
}

fn how_billed(l: Locale, b: BilledAs) -> &'static str {
    match b {
        BilledAs::AlcIncluded => td_string!(l, requests.estimate.alc_included),
        BilledAs::SbpCredit => td_string!(l, requests.estimate.sbp_credit),
        BilledAs::PayInvoice => td_string!(l, requests.estimate.pay_invoice),
        BilledAs::SlaContract => td_string!(l, requests.estimate.sla_contract),
    }
}

/// The sentences of a ready estimate: how it is billed, the amount (or the rate when
/// the effort is not known yet), and whether an admin must approve it.
pub fn estimate_lines(l: Locale, e: &Estimate, kind: RequestType) -> Vec<String> {
    let mut lines = vec![how_billed(l, e.billed_as).to_owned()];
    let rate = e.rate.map(|r| format::money(r, l));
    match (e.amount, &rate) {
        (Some(amount), _) => {
            let mut line = fill(
                td_string!(l, requests.estimate.amount),
                &format::money(amount, l),
            );
            if let Some(m) = e.minutes.filter(|m| *m > 0) {
                line = format!("{line} ({})", span_text(l, i64::from(m) * 60_000));
            }
            lines.push(line);
        }
        (None, Some(rate)) if e.billing == Billing::Hourly => {
            lines.push(fill(td_string!(l, requests.estimate.hourly), rate));
        }
        _ => {}
    }
    if let (Some(rate), true) = (&rate, e.amount.is_some()) {
        let template = match (kind, e.billing) {
            (RequestType::Training, _) => td_string!(l, requests.estimate.rate_participant),
            (_, Billing::Hourly) => td_string!(l, requests.estimate.rate_hour),
            (_, Billing::Fixed) => td_string!(l, requests.estimate.rate_fixed),
        };
        lines.push(fill(template, rate));
    }
    if e.needs_approval {
        lines.push(td_string!(l, requests.estimate.approval).to_owned());
    }
    lines
}

#[component]
pub fn EstimatePanel(state: Signal<EstimateState>, kind: RequestType) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let l = i18n.get_locale();
        let lines = match state.get() {
            EstimateState::Loading => vec![td_string!(l, requests.estimate.loading).to_owned()],
            EstimateState::Incomplete => {
                vec![td_string!(l, requests.estimate.incomplete).to_owned()]
            }
            EstimateState::Failed(e) => vec![error_text(l, &e).to_owned()],
            EstimateState::Ready(e) => estimate_lines(l, &e, kind),
        };
        lines
            .into_iter()
            .map(|line| view! { <p>{line}</p> })
            .collect_view()
    };
    view! {
        <aside class="estimate card" aria-labelledby="estimate-heading">
            <h2 id="estimate-heading">{t!(i18n, requests.estimate.heading)}</h2>
            <div aria-live="polite">{body}</div>
        </aside>
    }
}
