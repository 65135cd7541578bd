//! `/requests/:id`: everything about a request, its timeline, comments, cancelling, and
//! for admins the decision on a credit spend that waits for approval.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use support_api::requests::{
    Decision, NewComment, RequestDetail, RequestDetails, RequestStatus, RequestSummary,
};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::{ErrorView, error_text, first_api_error};
use crate::components::loading::Loading;
use crate::components::requests::fields::{error_id, normalize};
use crate::components::requests::request_row::cost_text;
use crate::components::requests::sla_countdown::{SlaCountdown, provide_clock, span_text};
use crate::components::requests::status_badge::StatusBadge;
use crate::components::requests::timeline::Timeline;
use crate::components::requests::{
    billed_name, field_message, focus_id, location_name, new_key, priority_name, type_name,
};
use crate::format;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::time::shows_seconds;

/// The facts of a request as (label, value) pairs, per type.
fn facts(l: Locale, d: &RequestDetail) -> Vec<(&'static str, String)> {
    let s = &d.summary;
    let mut facts = vec![
        (td_string!(l, requests.detail.number), format!("#{}", s.id)),
        (
            td_string!(l, requests.list.kind),
            type_name(l, s.request_type).to_owned(),
        ),
        (
            td_string!(l, requests.list.priority),
            priority_name(l, s.priority).to_owned(),
        ),
        (
            td_string!(l, requests.list.col_created),
            format::date_time(&s.created_at, l),
        ),
        (td_string!(l, requests.list.col_by), s.requested_by.clone()),
        (
            td_string!(l, requests.detail.billed),
            billed_name(l, s.billed_as).to_owned(),
        ),
        (td_string!(l, requests.list.col_cost), cost_text(l, s)),
    ];
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            facts.push((label, v));
        }
    };
    push(
        td_string!(l, requests.detail.consumed),
        (d.consumed_minutes > 0).then(|| span_text(l, i64::from(d.consumed_minutes) * 60_000)),
    );
    push(td_string!(l, requests.form.product), d.product.clone());
    push(td_string!(l, requests.form.phone), d.contact_phone.clone());
    let days = |dates: &[String]| {
        (!dates.is_empty()).then(|| {
            dates
                .iter()
                .map(|day| format::date(day, l))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    match &d.details {
        RequestDetails::Training {
            course_date_id,
            custom_topic,
            participants,
            location,
            preferred_dates,
        } => {
            push(
                td_string!(l, requests.form.course_date),
                course_date_id.map(|id| format!("#{id}")),
            );
            push(
                td_string!(l, requests.form.custom_topic),
                custom_topic.clone(),
            );
            push(
                td_string!(l, requests.form.participants),
                Some(participants.to_string()),
            );
            push(
                td_string!(l, requests.form.location),
                Some(location_name(l, *location).to_owned()),
            );
            push(
                td_string!(l, requests.form.preferred_dates),
                days(preferred_dates),
            );
        }
        RequestDetails::OnsiteService {
            site_address,
            preferred_dates,
        } => {
            push(
                td_string!(l, requests.form.site_address),
                Some(site_address.clone()),
            );
            push(
                td_string!(l, requests.form.preferred_dates),
                days(preferred_dates),
            );
        }
        RequestDetails::RemoteService {
            window_from,
            window_to,
        } => push(
            td_string!(l, requests.form.window),
            Some(format!(
                "{} – {}",
                format::date_time(window_from, l),
                format::date_time(window_to, l)
            )),
        ),
        RequestDetails::MacroDevelopment { expected_minutes }
        | RequestDetails::Deployment { expected_minutes }
        | RequestDetails::ReinstallationAdmin { expected_minutes }
        | RequestDetails::ProcessAnalysis { expected_minutes }
        | RequestDetails::Methodology { expected_minutes } => push(
            td_string!(l, requests.detail.expected),
            expected_minutes.map(|m| span_text(l, i64::from(m) * 60_000)),
        ),
        RequestDetails::CreditTopUp { amount } => push(
            td_string!(l, requests.detail.amount),
            Some(format::money(*amount, l)),
        ),
        RequestDetails::Hotline {} => {}
    }
    if let Some(due) = &s.reaction_due_at {
        facts.push((
            td_string!(l, requests.detail.reaction_due),
            format::date_time(due, l),
        ));
    }
    if let Some(first) = &s.first_reaction_at {
        facts.push((
            td_string!(l, requests.detail.first_reaction),
            format::date_time(first, l),
        ));
    }
    facts
}

/// Why a request takes no more comments.
fn no_comments(l: Locale, status: RequestStatus) -> &'static str {
    if status == RequestStatus::Cancelled {
        td_string!(l, requests.detail.no_comments_cancelled)
    } else {
        td_string!(l, requests.detail.no_comments_closed)
    }
}

#[component]
pub fn RequestDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::requests::detail(client, id).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    let _clock = provide_clock(move |now| {
        detail.with_untracked(|d| {
            matches!(d, Some(Ok(d)) if d.summary.status.is_open()
                && shows_seconds(d.summary.reaction_due_at.as_deref(), d.summary.first_reaction_at.as_deref(), now as i64))
        })
    });

    // What the person types survives the reload that follows every change.
    let comment = RwSignal::new(String::new());
    let comment_key = RwSignal::new(new_key());
    let comment_error = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);

    let add_comment = Action::new_local(move |(id, text, key): &(i64, String, String)| {
        let (id, text, key) = (*id, text.clone(), key.clone());
        async move {
            api::requests::comment(client, id, text, &key).await?;
            comment.set(String::new());
            comment_key.set(new_key());
            detail.refetch();
            Ok::<_, ApiError>(())
        }
    });
    let cancel = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            api::requests::cancel(client, id).await?;
            detail.refetch();
            Ok::<_, ApiError>(())
        }
    });
    let decide = Action::new_local(move |(id, decision): &(i64, Decision)| {
        let (id, decision) = (*id, decision.clone());
        async move {
            api::requests::decide(client, id, &decision).await?;
            reason.set(String::new());
            detail.refetch();
            Ok::<_, ApiError>(())
        }
    });
    // Refusals at the field; anything else in an alert beside the action.
    let field_of = |result: Option<Result<(), ApiError>>, field: &str| match result {
        Some(Err(ApiError::Validation(e))) => normalize(e).code_for(field).map(str::to_owned),
        _ => None,
    };
    Effect::new(move |_| {
        if let Some(code) = field_of(add_comment.value().get(), "text") {
            comment_error.set(Some(code));
            focus_id("comment");
        }
    });
    Effect::new(move |_| {
        if let Some(code) = field_of(decide.value().get(), "reason") {
            reason_error.set(Some(code));
            focus_id("reason");
        }
    });
    let failure = move |result: Option<Result<(), ApiError>>| match result {
        Some(Err(ApiError::Validation(e)))
            if !normalize(e.clone())
                .0
                .iter()
                .any(|f| f.field == "text" || f.field == "reason") =>
        {
            Some(td_string!(i18n.get_locale(), errors.validation))
        }
        Some(Err(ApiError::Validation(_))) | Some(Ok(())) | None => None,
        Some(Err(e)) => Some(error_text(i18n.get_locale(), &e)),
    };
    let alert = move |text: Option<&'static str>| {
        text.map(|text| view! { <p class="form-alert" role="alert">{text}</p> })
    };

    let title = move || {
        let l = i18n.get_locale();
        let name = detail.with(|d| match d {
            Some(Ok(d)) => d.summary.title.clone(),
            _ => td_string!(l, requests.detail.title).to_owned(),
        });
        page_title(l, &name)
    };

    let content = move || {
        Suspend::new(async move {
            let d = detail.await?;
            let RequestSummary {
                id,
                status,
                ref title,
                ..
            } = d.summary;
            let title = title.clone();
            let (due, first) = (
                d.summary.reaction_due_at.clone(),
                d.summary.first_reaction_at.clone(),
            );
            let description = d.description.clone();
            let (can_cancel, can_approve) = (d.can_cancel, d.can_approve);
            let events = d.timeline.clone();
            let d = StoredValue::new(d);
            let fact_list = move || {
                d.with_value(|d| facts(i18n.get_locale(), d))
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view()
            };

            let on_comment = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                if add_comment.pending().get_untracked() {
                    return;
                }
                let body = NewComment {
                    text: comment.get_untracked().trim().to_owned(),
                };
                match body.validate() {
                    Ok(()) => {
                        comment_error.set(None);
                        add_comment.dispatch((id, body.text, comment_key.get_untracked()));
                    }
                    Err(e) => {
                        comment_error.set(e.code_for("text").map(str::to_owned));
                        focus_id("comment");
                    }
                }
            };
            let comment_message = move || {
                comment_error
                    .get()
                    .map(|c| field_message(i18n.get_locale(), "text", &c))
            };
            let comments = if status.takes_comments() {
                let pending = add_comment.pending();
                view! {
                    <form class="form" novalidate on:submit=on_comment>
                        <div class="field">
                            <label for="comment">{t!(i18n, requests.detail.comment_label)}</label>
                            <textarea
                                id="comment"
                                rows="4"
                                prop:value=move || comment.get()
                                on:input=move |ev| {
                                    comment.set(event_target_value(&ev));
                                    comment_error.set(None);
                                }
                                aria-invalid=move || comment_message().is_some().then_some("true")
                                aria-describedby=move || comment_message().is_some().then(|| error_id(&["comment"]))
                            ></textarea>
                            <p id="f-comment-error" class="field-error" hidden=move || comment_message().is_none()>
                                {comment_message}
                            </p>
                        </div>
                        {move || alert(failure(add_comment.value().get()))}
                        <button type="submit" class="button" disabled=move || pending.get()>
                            {t!(i18n, requests.detail.comment_send)}
                        </button>
                    </form>
                }
                .into_any()
            } else {
                view! { <p class="notice">{move || no_comments(i18n.get_locale(), status)}</p> }
                    .into_any()
            };

            let decision = can_approve.then(|| {
                let pending = decide.pending();
                let reason_message = move || reason_error.get().map(|c| field_message(i18n.get_locale(), "reason", &c));
                let send = move |approve: bool| {
                    if pending.get_untracked() {
                        return;
                    }
                    let text = reason.get_untracked().trim().to_owned();
                    let decision = Decision {
                        approve,
                        reason: (!text.is_empty()).then_some(text),
                    };
                    match decision.validate() {
                        Ok(()) => {
                            reason_error.set(None);
                            decide.dispatch((id, decision));
                        }
                        Err(e) => {
                            reason_error.set(e.code_for("reason").map(str::to_owned));
                            focus_id("reason");
                        }
                    }
                };
                view! {
                    <section class="card decision" aria-labelledby="decision-heading">
                        <h2 id="decision-heading">{t!(i18n, requests.detail.decision_heading)}</h2>
                        <p>{t!(i18n, requests.detail.decision_text)}</p>
                        <div class="form">
                            <div class="field">
                                <label for="reason">{t!(i18n, requests.detail.reason)}</label>
                                <textarea
                                    id="reason"
                                    rows="3"
                                    prop:value=move || reason.get()
                                    on:input=move |ev| {
                                        reason.set(event_target_value(&ev));
                                        reason_error.set(None);
                                    }
                                    aria-invalid=move || reason_message().is_some().then_some("true")
                                    aria-describedby=move || reason_message().is_some().then(|| error_id(&["reason"]))
                                ></textarea>
                                <p id="f-reason-error" class="field-error" hidden=move || reason_message().is_none()>
                                    {reason_message}
                                </p>
                            </div>
                            {move || alert(failure(decide.value().get()))}
                            <div class="form-actions">
                                <button type="button" class="button" disabled=move || pending.get() on:click=move |_| send(true)>
                                    {t!(i18n, requests.detail.approve)}
                                </button>
                                <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=move |_| send(false)>
                                    {t!(i18n, requests.detail.decline)}
                                </button>
                            </div>
                        </div>
                    </section>
                }
            });

            let cancelling = can_cancel.then(|| {
                let pending = cancel.pending();
                let on_cancel = move |_| {
                    let question = td_string!(i18n.get_locale(), requests.detail.cancel_confirm);
                    if !pending.get_untracked() && window().confirm_with_message(question).unwrap_or(false) {
                        cancel.dispatch(id);
                    }
                };
                view! {
                    <section class="card" aria-labelledby="cancel-heading">
                        <h2 id="cancel-heading">{t!(i18n, requests.detail.cancel_heading)}</h2>
                        <p>{t!(i18n, requests.detail.cancel_text)}</p>
                        {move || alert(failure(cancel.value().get()))}
                        <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=on_cancel>
                            {t!(i18n, requests.detail.cancel)}
                        </button>
                    </section>
                }
            });

            Ok::<_, ApiError>(view! {
                <div class="page-head">
                    <h1>{title}</h1>
                    <StatusBadge status />
                </div>
                {due.is_some().then(|| view! {
                    <p class="sla-line">
                        {t!(i18n, requests.list.col_sla)}": "
                        <SlaCountdown due first open=status.is_open() />
                    </p>
                })}
                {decision}
                <section class="card" aria-labelledby="facts-heading">
                    <h2 id="facts-heading">{t!(i18n, requests.detail.facts)}</h2>
                    <dl class="facts">{fact_list}</dl>
                </section>
                {(!description.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="description-heading">
                        <h2 id="description-heading">{t!(i18n, requests.detail.description)}</h2>
                        <p class="prewrap">{description}</p>
                    </section>
                })}
                <section class="card" aria-labelledby="timeline-heading">
                    <h2 id="timeline-heading">{t!(i18n, requests.detail.timeline)}</h2>
                    <ol class="timeline"><Timeline events /></ol>
                </section>
                <section class="card" aria-labelledby="comment-heading">
                    <h2 id="comment-heading">{t!(i18n, requests.detail.comment_heading)}</h2>
                    {comments}
                </section>
                {cancelling}
            })
        })
    };

    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{t!(i18n, requests.detail.back)}</a></p>
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| {
                let error = first_api_error(&errors.read());
                let retry = Callback::new(move |()| detail.refetch());
                view! { <ErrorView error retry /> }
            }>{content}</ErrorBoundary>
        </Transition>
    }
}
