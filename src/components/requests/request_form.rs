//! The form for one request type: what is typed (kept in the browser as a draft until
//! the server has confirmed the request), the live estimate, the confirmation of the
//! cost, and sending, once however often it is asked for: the draft's idempotency key
//! makes a retry answer the same request, and a send while one is under way does nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use support_api::files::FILES_FIELD;
use support_api::requests::NewRequest;
use support_api::validation::{FieldErrors, codes};

use super::accept_cost::AcceptCost;
use super::draft_offer::DraftOffer;
use super::estimate_panel::{EstimatePanel, EstimateState};
use super::estimator::{Estimator, pricing};
use super::fields::{Errors, FormCtx, normalize};
use super::request_fields::{RequestFields, Shape};
use super::{focus_id, new_key, tr, zone_offset};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::files::attach::{AttachFiles, files_error_text, take_pasted};
use crate::components::files::attachments::Attachments;
use crate::i18n::*;
use crate::requests::draft::{Draft, draft_storage_key};
use crate::requests::form::{FIELD_ORDER, FormState};
use crate::session::use_session;
use crate::storage;

/// The id of the input that shows a field's errors.
fn input_id(field: &str, custom_topic: bool) -> String {
    match field {
        "preferred_dates" => "f-date-0".to_owned(),
        // The course error shows at the topic while a topic of one's own is chosen.
        "course" | "course_date_id" if custom_topic => "f-custom_topic".to_owned(),
        "course" | "course_date_id" => "f-course".to_owned(),
        _ => format!("f-{field}"),
    }
}

/// Focuses the first refused field, in the form's order, once the page shows it refused.
fn focus_first(errors: &FieldErrors, custom_topic: bool) {
    if let Some(field) = FIELD_ORDER
        .into_iter()
        .find(|f| errors.code_for(f).is_some())
    {
        let id = input_id(field, custom_topic);
        request_animation_frame(move || focus_id(&id));
    }
}

/// "The cost must be confirmed", as the server would say it.
fn cost_unconfirmed() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.push("accept_cost", codes::REQUIRED, "confirm the cost");
    errors
}

/// `amount` pre-fills a top-up (`/requests/new?type=credit_top_up&amount=…`).
#[component]
pub fn RequestForm(shape: Shape, amount: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let navigate = StoredValue::new_local(use_navigate());
    let kind = shape.kind;
    let (currency, today) = (shape.currency, shape.today.clone());
    let user_id = use_session().with(|s| s.user.id).unwrap_or(0);
    let storage_key = StoredValue::new(draft_storage_key(user_id, kind));

    let initial = FormState {
        amount: amount
            .filter(|a| kind == support_api::requests::RequestType::CreditTopUp && a.len() < 20)
            .unwrap_or_default(),
        ..FormState::default()
    };
    // A stored draft is offered before the form shows.
    let offer = RwSignal::new(
        Draft::decode(storage::get(&storage_key.get_value()).as_deref())
            .filter(|d| d.form != initial || !d.files.is_empty()),
    );
    let key = StoredValue::new(new_key());
    let accepted = RwSignal::new(false);
    let state = RwSignal::new(initial.clone());
    let checked = Memo::new(move |_| state.with(|f| f.check(kind, currency, &today, &zone_offset)));
    let body = Memo::new(move |_| checked.with(|(r, _)| pricing(r)));

    // What the server refuses about a draft shows at the fields even before sending.
    let server_errors = RwSignal::new(FieldErrors::default());
    let estimator = Estimator::new(client, body, server_errors);
    let cost = Memo::new(move |_| {
        estimator.state.with(|e| match e {
            EstimateState::Ready(e) if e.needs_confirmation => Some((e.amount, e.billed_as)),
            _ => None,
        })
    });
    // The client's own checks, and the confirmation of a cost that is not included.
    let client_errors = Signal::derive(move || {
        let mut errors = checked.with(|(_, e)| e.clone());
        if cost.with(Option::is_some) && !accepted.get() {
            errors.0.extend(cost_unconfirmed().0);
        }
        errors
    });
    let errors = Errors::new(client_errors, server_errors);
    let form = FormCtx::new(state, errors);
    // A changed cost must be confirmed again.
    Effect::new(move |_| {
        cost.track();
        accepted.set(false);
    });

    // Each file goes up at once, staged on the server; the request takes them when sent.
    let files = Attachments::new(client);
    let created = RwSignal::new(None::<i64>);

    // Kept in the browser on every change, with the files already up (not while a stored
    // draft is being offered).
    Effect::new(move |previous: Option<()>| {
        let current = state.get();
        let staged = files.staged();
        if previous.is_none() || offer.with_untracked(Option::is_some) {
            return;
        }
        let storage_key = storage_key.get_value();
        if current == initial && staged.is_empty() {
            storage::remove(&storage_key);
        } else if created.get_untracked().is_none() {
            let draft = Draft {
                key: key.get_value(),
                saved_at: js_sys::Date::now() as i64,
                form: current,
                files: staged,
            };
            storage::set(&storage_key, &draft.encode());
        }
    });

    let send = Action::new_local(
        move |(request, key, accepted): &(NewRequest, String, bool)| {
            let (request, key, accepted) = (request.clone(), key.clone(), *accepted);
            async move {
                // The cost must be known, and confirmed when it is not included.
                let priced = pricing(&request);
                let known = estimator
                    .priced
                    .try_with_value(|e| e.as_ref() == Some(&priced));
                let result = async {
                    if known == Some(false) {
                        let e = api::requests::estimate(client, &priced).await?;
                        let confirm = e.needs_confirmation;
                        estimator.priced.try_set_value(Some(priced));
                        estimator.state.set(EstimateState::Ready(e));
                        if confirm && !accepted {
                            return Err(ApiError::Validation(cost_unconfirmed()));
                        }
                    }
                    api::requests::create(client, &request, &key).await
                }
                .await;
                match result {
                    Ok(id) => {
                        created.try_set(Some(id));
                        if let Some(storage_key) = storage_key.try_get_value() {
                            storage::remove(&storage_key);
                        }
                        files.clear();
                        navigate.try_with_value(|navigate| {
                            navigate(&format!("/requests/{id}"), Default::default())
                        });
                        Ok(())
                    }
                    Err(ApiError::Validation(fields)) => {
                        let fields = normalize(fields);
                        errors.set_server(fields.clone());
                        errors.all.set(true);
                        let custom = state.with_untracked(|f| f.course_mode == "custom");
                        focus_first(&fields, custom);
                        Err(ApiError::Validation(fields))
                    }
                    Err(e) => Err(e),
                }
            }
        },
    );
    let pending = send.pending();
    // A send was asked for while a file had failed or was refused.
    let unsent = RwSignal::new(false);
    Effect::new(move |_| {
        if !files.has_trouble() {
            unsent.set(false);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One request at a time: a second click while the first is under way is the same
        // request, already on its way.
        if pending.get_untracked()
            || files.waiting.get_untracked()
            || created.get_untracked().is_some()
        {
            return;
        }
        errors.all.set(true);
        send.value().set(None);
        let refused = client_errors.get_untracked();
        if !refused.is_empty() {
            focus_first(
                &refused,
                state.with_untracked(|f| f.course_mode == "custom"),
            );
            return;
        }
        // Files still going up are waited for; one that failed must be retried or removed.
        let request = checked.with_untracked(|(r, _)| r.clone());
        let (key, accepted) = (key.get_value(), accepted.get_untracked());
        files.when_ready(move || {
            if files.has_trouble() {
                unsent.set(true);
                return;
            }
            let request = NewRequest {
                files: files.staged_ids(),
                ..request
            };
            send.dispatch((request, key, accepted));
        });
    };
    let alert = move || {
        let l = i18n.get_locale();
        if unsent.get() {
            return Some(td_string!(l, files.unsent).to_owned());
        }
        let text = send.value().with(|v| match v {
            Some(Err(e @ ApiError::Validation(f))) if f.code_for(FILES_FIELD).is_some() => {
                Some(files_error_text(l, e))
            }
            Some(Err(ApiError::Server(409))) => Some(td_string!(l, requests.form.conflict)),
            Some(Err(ApiError::Validation(_))) => Some(td_string!(l, errors.validation)),
            Some(Err(e)) => Some(error_text(l, e)),
            _ => None,
        });
        text.map(|text| format!("{text} {}", td_string!(l, requests.form.kept)))
    };
    let progress = move || {
        (pending.get() || files.waiting.get())
            .then(|| td_string!(i18n.get_locale(), requests.form.sending))
    };

    let restore = Callback::new(move |()| {
        if let Some(draft) = offer.get_untracked() {
            key.set_value(draft.key);
            state.set(draft.form);
            files.restore(draft.files);
            form.reload();
        }
        offer.set(None);
        request_animation_frame(|| focus_id("f-title"));
    });
    let discard = Callback::new(move |()| {
        offer.with_untracked(|draft| draft.as_ref().map(|d| files.discard(&d.files)));
        storage::remove(&storage_key.get_value());
        offer.set(None);
        request_animation_frame(|| focus_id("f-title"));
    });
    let offered = move || {
        offer
            .with(|o| o.as_ref().map(|d| d.saved_at))
            .map(|saved_at| view! { <DraftOffer saved_at restore discard /> })
    };

    let heading = move || {
        let l = i18n.get_locale();
        support_api::template::fill(
            td_string!(l, requests.form.heading),
            &[("type", crate::labels::type_name(l, kind))],
        )
    };
    view! {
        <h1>{heading}</h1>
        {offered}
        <div class="request-layout" hidden=move || offer.with(Option::is_some)>
            <form
                class="form request-form"
                novalidate
                on:submit=on_submit
                on:paste=move |ev| take_pasted(files, &ev, i18n.get_locale_untracked())
            >
                <p class="hint">{tr(|l| td_string!(l, requests.form.draft_kept))}</p>
                <RequestFields form shape />
                <AttachFiles files id="request-files" />
                <AcceptCost cost accepted errors />
                <p class="form-alert" role="alert" hidden=move || alert().is_none()>{alert}</p>
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button"
                        disabled=move || pending.get()
                        aria-busy=move || pending.get().then_some("true")
                    >
                        {tr(|l| td_string!(l, requests.form.send))}
                    </button>
                    <span class="progress" role="status">{progress}</span>
                </div>
            </form>
            <EstimatePanel state=estimator.state />
        </div>
    }
}
