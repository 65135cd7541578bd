//! The estimate of a draft: asked of the server once the form rests, the latest answer
//! winning; what the server refuses about the draft shows at the fields even before it
//! is sent.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use support_api::requests::NewRequest;
use support_api::validation::FieldErrors;

use super::estimate_panel::EstimateState;
use super::fields::normalize;

use crate::api::{self, ApiError, client::Client};

/// How long the form must rest before the estimate is asked for again.
const ESTIMATE_DEBOUNCE: Duration = Duration::from_millis(400);

/// The draft as the estimate gets it: the texts do not change a price, so typing them
/// asks nothing of the server.
pub fn pricing(request: &NewRequest) -> NewRequest {
    NewRequest {
        title: String::new(),
        description: String::new(),
        contact_phone: None,
        files: Vec::new(),
        ..request.clone()
    }
}

/// The estimate as it stands, and the priced draft it is for.
#[derive(Clone, Copy)]
pub struct Estimator {
    pub state: RwSignal<EstimateState>,
    pub priced: StoredValue<Option<NewRequest>>,
}

impl Estimator {
    /// Follows `body` (a priced draft): asks again once it rests for a moment.
    pub fn new(client: Client, body: Memo<NewRequest>, refused: RwSignal<FieldErrors>) -> Self {
        let state = RwSignal::new(EstimateState::Loading);
        let priced = StoredValue::new(None::<NewRequest>);
        // Every ask counts; only the latest one's answer is shown.
        let asked = StoredValue::new(0u32);
        let ask = Action::new_local(move |draft: &NewRequest| {
            let draft = draft.clone();
            asked.update_value(|n| *n += 1);
            let mine = asked.get_value();
            async move {
                let result = api::requests::estimate(client, &draft).await;
                if asked.try_get_value() != Some(mine) {
                    return;
                }
                state.set(match result {
                    Ok(e) => {
                        priced.set_value(Some(draft));
                        EstimateState::Ready(e)
                    }
                    Err(ApiError::Validation(fields)) => {
                        refused.set(normalize(fields));
                        EstimateState::Incomplete
                    }
                    Err(e) => EstimateState::Failed(e),
                });
            }
        });
        let timer = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let draft = body.get();
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    if !state.with_untracked(|s| matches!(s, EstimateState::Ready(_))) {
                        state.set(EstimateState::Loading);
                    }
                    ask.dispatch(draft);
                },
                ESTIMATE_DEBOUNCE,
            );
            timer.set_value(handle.ok());
        });
        on_cleanup(move || {
            if let Some(t) = timer.try_get_value().flatten() {
                t.clear();
            }
        });
        Estimator { state, priced }
    }
}
