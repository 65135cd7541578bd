//! The cards of closing the loop on a request's page: confirm or reopen a resolution,
//! rate the support, accept or decline a quote. Their state is `closing_state::Closing`.

use leptos::prelude::*;
use support_api::quotes::{Quote, QuoteState};
use support_api::resolution::{AUTO_CLOSE_DAYS, Rating, SCORE_MAX};

use super::closing_state::{Closing, Step};
use super::fields::{ErrorLine, described, invalid};
use super::tr;

use crate::components::error_view::{ActionFailure, action_error_text};
use crate::format;
use crate::i18n::*;
use crate::labels::quote_state_name;
use support_api::template::fill;

/// A labelled textarea of one step, with its error line. `optional` text (the rating's
/// comment) is never the refused field: the step's refusal is told elsewhere.
#[component]
fn StepText(
    closing: Closing,
    step: Step,
    id: &'static str,
    text: RwSignal<String>,
    label: fn(Locale) -> &'static str,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let message = if optional {
        Signal::stored(None)
    } else {
        closing.message(step)
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <textarea
                id=id
                rows="3"
                prop:value=text
                aria-invalid=invalid(message)
                aria-describedby=described(message, None, error_id.clone())
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <ErrorLine id=error_id message />
        </div>
    }
}

/// Where a failed step of this card says what happened.
#[component]
fn StepAlert(closing: Closing, place: Step) -> impl IntoView {
    let i18n = use_i18n();
    let text = Signal::derive(move || {
        closing.failure.with(|f| {
            f.as_ref()
                .filter(|(step, _)| step.place() == place)
                .map(|(_, e)| action_error_text(i18n.get_locale(), e))
        })
    });
    view! { <ActionFailure text /> }
}

#[component]
fn StepButton(
    closing: Closing,
    step: Step,
    id: i64,
    secondary: bool,
    text: fn(Locale) -> &'static str,
) -> impl IntoView {
    let class = if secondary {
        "button button-secondary"
    } else {
        "button"
    };
    view! {
        <button type="button" class=class disabled=move || closing.busy()
            on:click=move |_| closing.run(step, id)>
            {tr(text)}
        </button>
    }
}

/// A resolved request: confirm it (closed) or reopen it with a reason.
#[component]
pub fn ResolutionCard(closing: Closing, id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let lead = move || {
        let days = AUTO_CLOSE_DAYS.to_string();
        fill(
            td_string!(i18n.get_locale(), resolution.text),
            &[("days", &days)],
        )
    };
    view! {
        <section class="card" id="resolution" aria-labelledby="resolution-heading">
            <h2 id="resolution-heading">{tr(|l| td_string!(l, resolution.heading))}</h2>
            <p>{lead}</p>
            <div class="form">
                <StepText closing step=Step::Reopen id="reopen-reason" text=closing.reopen
                    label=|l| td_string!(l, resolution.reopen_reason) />
                <StepAlert closing place=Step::Confirm />
                <div class="form-actions">
                    <StepButton closing step=Step::Confirm id secondary=false
                        text=|l| td_string!(l, resolution.confirm) />
                    <StepButton closing step=Step::Reopen id secondary=true
                        text=|l| td_string!(l, resolution.reopen) />
                </div>
            </div>
        </section>
    }
}

/// The rating as it stands and, while the requester may, the form to give or change it:
/// five radio buttons in a fieldset and an optional comment.
#[component]
pub fn RatingCard(
    closing: Closing,
    id: i64,
    rating: Option<Rating>,
    can_rate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(r) = &rating
        && closing.score.get_untracked().is_none()
    {
        closing.score.set(Some(r.score));
    }
    let given = rating.map(|r| {
        let until = r.changeable_until.clone();
        let text = move || {
            let l = i18n.get_locale();
            let score = fill(
                td_string!(l, resolution.rating_given),
                &[("score", &r.score.to_string())],
            );
            if !can_rate {
                return score;
            }
            let date = format::date_time(&until, l);
            let until = fill(td_string!(l, resolution.rating_until), &[("date", &date)]);
            format!("{score} {until}")
        };
        view! { <p data-testid="rating-given">{text}</p> }
    });
    let message = closing.message(Step::Rate);
    let form = can_rate.then(|| {
        let options = (1..=SCORE_MAX)
            .map(|n| {
                let input_id = format!("score-{n}");
                let label: fn(Locale) -> &'static str = match n {
                    1 => |l| td_string!(l, resolution.score_1),
                    2 => |l| td_string!(l, resolution.score_2),
                    3 => |l| td_string!(l, resolution.score_3),
                    4 => |l| td_string!(l, resolution.score_4),
                    _ => |l| td_string!(l, resolution.score_5),
                };
                view! {
                    <label class="choice">
                        <input type="radio" id=input_id name="score" value=n.to_string()
                            prop:checked=move || closing.score.get() == Some(n)
                            on:change=move |_| closing.score.set(Some(n)) />
                        {tr(label)}
                    </label>
                }
            })
            .collect_view();
        view! {
            <div class="form">
                <fieldset class="field" aria-invalid=invalid(message)
                    aria-describedby=described(message, None, "score-error".to_owned())>
                    <legend>{tr(|l| td_string!(l, resolution.rating_legend))}</legend>
                    {options}
                    <ErrorLine id="score-error".to_owned() message />
                </fieldset>
                <StepText closing step=Step::Rate id="rating-comment" text=closing.comment
                    label=|l| td_string!(l, resolution.rating_comment) optional=true />
                <StepAlert closing place=Step::Rate />
                <div class="form-actions">
                    <StepButton closing step=Step::Rate id secondary=false
                        text=|l| td_string!(l, resolution.rating_send) />
                </div>
            </div>
        }
    });
    view! {
        <section class="card" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{tr(|l| td_string!(l, resolution.rating_heading))}</h2>
            {given}
            {form}
        </section>
    }
}

/// The latest quote: amount, what it covers, until when, its state; an admin's accept
/// and decline while it is open, a word for members and for an expired quote.
#[component]
pub fn QuoteCard(closing: Closing, id: i64, quote: Quote, can_decide: bool) -> impl IntoView {
    let i18n = use_i18n();
    let Quote {
        amount,
        text,
        valid_until,
        state,
        reason,
        ..
    } = quote;
    let amount = move || format::money(amount, i18n.get_locale());
    let until = move || format::date(&valid_until, i18n.get_locale());
    let state_text = move || quote_state_name(i18n.get_locale(), state);
    let note = match (state, can_decide) {
        (QuoteState::Expired, _) => Some(tr(|l| td_string!(l, resolution.quote_expired_text))),
        (QuoteState::Issued, false) => Some(tr(|l| td_string!(l, resolution.quote_admins_decide))),
        _ => None,
    };
    let decide = can_decide.then(|| {
        view! {
            <div class="form">
                <StepText closing step=Step::Decline id="decline-reason" text=closing.decline
                    label=|l| td_string!(l, resolution.quote_reason) />
                <StepAlert closing place=Step::Accept />
                <div class="form-actions">
                    <StepButton closing step=Step::Accept id secondary=false
                        text=|l| td_string!(l, resolution.quote_accept) />
                    <StepButton closing step=Step::Decline id secondary=true
                        text=|l| td_string!(l, resolution.quote_decline) />
                </div>
            </div>
        }
    });
    view! {
        <section class="card" aria-labelledby="quote-heading" data-testid="quote">
            <h2 id="quote-heading">{tr(|l| td_string!(l, resolution.quote_heading))}</h2>
            <dl class="facts">
                <dt>{tr(|l| td_string!(l, resolution.quote_amount))}</dt><dd>{amount}</dd>
                <dt>{tr(|l| td_string!(l, resolution.quote_covers))}</dt><dd class="prewrap">{text}</dd>
                <dt>{tr(|l| td_string!(l, resolution.quote_valid_until))}</dt><dd>{until}</dd>
                <dt>{tr(|l| td_string!(l, resolution.quote_state))}</dt><dd>{state_text}</dd>
            </dl>
            {reason.map(|r| view! { <p class="prewrap">{r}</p> })}
            {note.map(|n| view! { <p class="notice">{n}</p> })}
            {decide}
        </section>
    }
}
