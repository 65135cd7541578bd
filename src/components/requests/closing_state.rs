//! The state of closing the loop on a request's page (confirm or reopen, rate, decide a
//! quote): it lives with the page, like `Actions`, so what is typed survives the reload
//! that follows every change.

use leptos::prelude::*;
use support_api::quotes::QuoteDecline;
use support_api::resolution::{NewRating, Reopen};
use support_api::validation::{FieldErrors, codes};

use super::fields::normalize;
use super::{field_message, focus_id};

use crate::api::{self, ApiError, client::Client};
use crate::i18n::*;

/// One step of closing the loop: the set is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Confirm,
    Reopen,
    Rate,
    Accept,
    Decline,
}

impl Step {
    /// The path after `/requests/{id}/`.
    fn path(self) -> &'static str {
        match self {
            Step::Confirm => "confirm",
            Step::Reopen => "reopen",
            Step::Rate => "rating",
            Step::Accept => "quote/accept",
            Step::Decline => "quote/decline",
        }
    }

    /// The field its refusal is told at, and the element that takes the focus then.
    fn field(self) -> (&'static str, &'static str) {
        match self {
            Step::Rate => ("score", "score-1"),
            Step::Decline => ("reason", "decline-reason"),
            _ => ("reason", "reopen-reason"),
        }
    }

    /// Where its failure is told: the two buttons of a card share one place.
    pub fn place(self) -> Step {
        match self {
            Step::Reopen => Step::Confirm,
            Step::Decline => Step::Accept,
            other => other,
        }
    }
}

/// The steps' texts and the one mutation that runs them, one at a time.
#[derive(Clone, Copy)]
pub struct Closing {
    pub reopen: RwSignal<String>,
    pub decline: RwSignal<String>,
    pub score: RwSignal<Option<u8>>,
    pub comment: RwSignal<String>,
    refusal: RwSignal<Option<(Step, String)>>,
    pub failure: RwSignal<Option<(Step, ApiError)>>,
    act: Action<(Step, i64), ()>,
}

impl Closing {
    pub fn new(client: Client, reload: impl Fn() + Send + Sync + Copy + 'static) -> Self {
        let reopen = RwSignal::new(String::new());
        let decline = RwSignal::new(String::new());
        let score = RwSignal::new(None);
        let comment = RwSignal::new(String::new());
        let refusal = RwSignal::new(None);
        let failure = RwSignal::new(None);
        let act = Action::new_local(move |(step, id): &(Step, i64)| {
            let (step, id) = (*step, *id);
            let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
            let (reason, declined) = (text(reopen), text(decline));
            let rating = NewRating {
                score: score.get_untracked().unwrap_or(0),
                comment: Some(text(comment)).filter(|c| !c.is_empty()),
            };
            async move {
                let path = step.path();
                let result = match step {
                    Step::Confirm | Step::Accept => {
                        api::requests::close_loop(client, id, path, api::requests::NO_BODY).await
                    }
                    Step::Reopen => {
                        api::requests::close_loop(client, id, path, &Reopen { reason }).await
                    }
                    Step::Decline => {
                        let body = QuoteDecline { reason: declined };
                        api::requests::close_loop(client, id, path, &body).await
                    }
                    Step::Rate => api::requests::close_loop(client, id, path, &rating).await,
                };
                match result {
                    Ok(()) => {
                        let cleared = match step {
                            Step::Reopen => Some(reopen),
                            Step::Decline => Some(decline),
                            _ => None,
                        };
                        cleared.map(|s| s.try_set(String::new()));
                        reload();
                    }
                    Err(ApiError::Validation(fields)) => {
                        refuse(refusal, failure, step, normalize(fields));
                    }
                    // The request changed meanwhile (a quote expired, someone answered):
                    // say so and show it as it is.
                    Err(ApiError::Server(409)) => {
                        failure.try_set(Some((step, ApiError::Server(409))));
                        reload();
                    }
                    Err(e) => {
                        failure.try_set(Some((step, e)));
                    }
                }
            }
        });
        Closing {
            reopen,
            decline,
            score,
            comment,
            refusal,
            failure,
            act,
        }
    }

    pub fn busy(self) -> bool {
        self.act.pending().get()
    }

    /// Checks the step's input as the server would, then runs it.
    pub fn run(self, step: Step, id: i64) {
        if self.act.pending().get_untracked() {
            return;
        }
        self.failure.set(None);
        let text = |s: RwSignal<String>| s.get_untracked();
        let checked = match step {
            Step::Reopen => Reopen {
                reason: text(self.reopen),
            }
            .validate(),
            Step::Decline => QuoteDecline {
                reason: text(self.decline),
            }
            .validate(),
            Step::Rate => match self.score.get_untracked() {
                None => Err(required("score")),
                Some(score) => NewRating {
                    score,
                    comment: Some(text(self.comment)),
                }
                .validate(),
            },
            Step::Confirm | Step::Accept => Ok(()),
        };
        match checked {
            Err(fields) => refuse(self.refusal, self.failure, step, fields),
            Ok(()) => {
                self.refusal.set(None);
                self.act.dispatch((step, id));
            }
        }
    }

    pub fn message(self, step: Step) -> Signal<Option<&'static str>> {
        let i18n = use_i18n();
        let refusal = self.refusal;
        Signal::derive(move || {
            refusal.with(|r| {
                r.as_ref()
                    .filter(|(s, _)| *s == step)
                    .map(|(_, code)| field_message(i18n.get_locale(), step.field().0, code))
            })
        })
    }
}

fn required(field: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.push(field, codes::REQUIRED, "must be chosen");
    errors
}

/// Tells a refused field beside it (and focuses it), anything else in the card's alert.
fn refuse(
    refusal: RwSignal<Option<(Step, String)>>,
    failure: RwSignal<Option<(Step, ApiError)>>,
    step: Step,
    fields: FieldErrors,
) {
    let (field, focus) = step.field();
    match fields.code_for(field) {
        Some(code) => {
            refusal.try_set(Some((step, code.to_owned())));
            focus_id(focus);
        }
        None => {
            failure.try_set(Some((step, ApiError::Validation(fields))));
        }
    }
}
