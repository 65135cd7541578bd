//! What a draft will cost and how it will be billed, said plainly; updated as the form
//! changes (the form asks the server, `estimator.rs`).

use leptos::prelude::*;
use support_api::catalog::BilledAs;
use support_api::requests::{Estimate, RateUnit};

use super::sla_countdown::span_text;
use super::tr;
use crate::api::ApiError;
use crate::components::error_view::error_text;
use crate::format;
use crate::i18n::*;
use support_api::template::fill;

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
/// the amount is not known yet), and whether an admin must approve it.
pub fn estimate_lines(l: Locale, e: &Estimate) -> Vec<String> {
    let mut lines = vec![how_billed(l, e.billed_as).to_owned()];
    if let Some(amount) = e.amount {
        let mut line = fill(
            td_string!(l, requests.estimate.amount),
            &[("cost", &format::money(amount, l))],
        );
        if let Some(m) = e.minutes.filter(|m| *m > 0) {
            line = format!("{line} ({})", span_text(l, i64::from(m) * 60_000));
        }
        lines.push(line);
    }
    if let Some(rate) = e.rate {
        let template = match (e.rate_unit, e.amount) {
            (Some(RateUnit::Hour), None) => td_string!(l, requests.estimate.hourly),
            (Some(RateUnit::Hour), Some(_)) => td_string!(l, requests.estimate.rate_hour),
            (Some(RateUnit::Participant), _) => td_string!(l, requests.estimate.rate_participant),
            (Some(RateUnit::ParticipantDay), _) => {
                td_string!(l, requests.estimate.rate_participant_day)
            }
            // A job's price is the amount itself.
            (Some(RateUnit::Job), Some(_)) => "",
            (Some(RateUnit::Job) | None, _) => td_string!(l, requests.estimate.rate_fixed),
        };
        if !template.is_empty() {
            lines.push(fill(template, &[("rate", &format::money(rate, l))]));
        }
    }
    if e.needs_approval {
        lines.push(td_string!(l, requests.estimate.approval).to_owned());
    }
    lines
}

/// The panel's words for the estimate as it stands.
#[component]
pub fn EstimatePanel(state: RwSignal<EstimateState>) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || {
        let l = i18n.get_locale();
        state.with(|state| match state {
            EstimateState::Loading => vec![td_string!(l, requests.estimate.loading).to_owned()],
            EstimateState::Incomplete => {
                vec![td_string!(l, requests.estimate.incomplete).to_owned()]
            }
            EstimateState::Failed(e) => vec![error_text(l, e).to_owned()],
            EstimateState::Ready(e) => estimate_lines(l, e),
        })
    };
    view! {
        <aside class="estimate card" aria-labelledby="estimate-heading">
            <h2 id="estimate-heading">{tr(|l| td_string!(l, requests.estimate.heading))}</h2>
            <div aria-live="polite">
                {move || lines().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
        </aside>
    }
}
