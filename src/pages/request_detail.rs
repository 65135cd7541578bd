//! `/requests/:id`: everything about a request, its timeline, comments, cancelling, and
//! for admins the decision on a credit spend that waits for approval.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use support_api::requests::{Decision, NewComment, RequestStatus};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::requests::fields::normalize;
use crate::components::requests::request_row::cost_text;
use crate::components::requests::sla_countdown::{provide_clock, sla_html, span_text};
use crate::components::requests::status_badge::status_html;
use crate::components::requests::timeline::timeline_html;
use crate::components::requests::{
    billed_name, field_message, focus_id, loaded, location_name, new_key, priority_name, tr,
    type_name,
};
use crate::format;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::detail::Detail;
use crate::requests::html::{el, esc};
use crate::requests::time::shows_seconds;

/// The facts of a request as (label, value) pairs, per type.
fn facts(l: Locale, d: &Detail) -> Vec<(&'static str, String)> {
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
    push(
        td_string!(l, requests.detail.scheduled_for),
        d.scheduled_for.as_deref().map(|day| format::date(day, l)),
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
    let x = &d.details;
    push(
        td_string!(l, requests.form.course_date),
        x.course_date_id.map(|id| format!("#{id}")),
    );
    push(
        td_string!(l, requests.form.custom_topic),
        x.custom_topic.clone(),
    );
    push(
        td_string!(l, requests.form.participants),
        x.participants.map(|n| n.to_string()),
    );
    push(
        td_string!(l, requests.form.location),
        x.location.map(|loc| location_name(l, loc).to_owned()),
    );
    push(
        td_string!(l, requests.form.site_address),
        x.site_address.clone(),
    );
    push(
        td_string!(l, requests.form.preferred_dates),
        days(&x.preferred_dates),
    );
    push(
        td_string!(l, requests.form.window),
        x.window_from
            .as_ref()
            .zip(x.window_to.as_ref())
            .map(|(from, to)| {
                format!(
                    "{} – {}",
                    format::date_time(from, l),
                    format::date_time(to, l)
                )
            }),
    );
    push(
        td_string!(l, requests.detail.amount),
        x.amount.map(|amount| format::money(amount, l)),
    );
    push(
        td_string!(l, requests.detail.expected),
        x.expected_minutes
            .map(|m| span_text(l, i64::from(m) * 60_000)),
    );
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

/// The title, status and SLA countdown, as HTML.
fn head_html(l: Locale, d: &Detail) -> String {
    let s = &d.summary;
    let mut out = format!(
        "<div class=\"page-head\"><h1>{}</h1>{}</div>",
        esc(&s.title),
        status_html(l, s.status)
    );
    if s.reaction_due_at.is_some() {
        out.push_str(&format!(
            "<p class=\"sla-line\">{}: {}</p>",
            td_string!(l, requests.list.col_sla),
            sla_html(
                l,
                s.reaction_due_at.as_deref(),
                s.first_reaction_at.as_deref(),
                s.status.is_open()
            )
        ));
    }
    out
}

/// `<section class="card">` with a heading named by id, around `inner`.
fn card(id: &str, heading: &str, inner: &str) -> String {
    format!(
        "<section class=\"card\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{heading}</h2>{inner}</section>"
    )
}

/// The facts, the description and the timeline, as HTML.
fn body_html(l: Locale, d: &Detail) -> String {
    let mut facts = String::from("<dl class=\"facts\">");
    for (label, value) in self::facts(l, d) {
        facts.push_str(&format!("<dt>{label}</dt>{}", el("dd", "", &value)));
    }
    facts.push_str("</dl>");
    let mut out = card(
        "facts-heading",
        td_string!(l, requests.detail.facts),
        &facts,
    );
    if !d.description.is_empty() {
        out.push_str(&card(
            "description-heading",
            td_string!(l, requests.detail.description),
            &el("p", "prewrap", &d.description),
        ));
    }
    out.push_str(&card(
        "timeline-heading",
        td_string!(l, requests.detail.timeline),
        &format!(
            "<ol class=\"timeline\">{}</ol>",
            timeline_html(l, &d.timeline)
        ),
    ));
    out
}

/// A labelled textarea with its error at the field (the comment, a decline's reason).
fn note_field(
    id: &'static str,
    field: &'static str,
    label: fn(Locale) -> &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> AnyView {
    let i18n = use_i18n();
    let message = move || {
        error
            .get()
            .map(|c| field_message(i18n.get_locale(), field, &c))
    };
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || message().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <textarea
                id=id
                rows="4"
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described
            ></textarea>
            <p id=error_id class="field-error" hidden=move || message().is_none()>{message}</p>
        </div>
    }
    .into_any()
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
    provide_clock(move |now| {
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

    let content = move |d: Detail| {
        let (id, status) = (d.summary.id, d.summary.status);
        let (can_cancel, can_approve) = (d.can_cancel, d.can_approve);
        let d = StoredValue::new(d);
        let head = move || d.with_value(|d| head_html(i18n.get_locale(), d));
        let body = move || d.with_value(|d| body_html(i18n.get_locale(), d));

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
        let comments = if status.takes_comments() {
            let pending = add_comment.pending();
            view! {
                <form class="form" novalidate on:submit=on_comment>
                    {note_field("comment", "text", |l| td_string!(l, requests.detail.comment_label), comment, comment_error)}
                    {move || alert(failure(add_comment.value().get()))}
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {tr(|l| td_string!(l, requests.detail.comment_send))}
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
                    <h2 id="decision-heading">{tr(|l| td_string!(l, requests.detail.decision_heading))}</h2>
                    <p>{tr(|l| td_string!(l, requests.detail.decision_text))}</p>
                    <div class="form">
                        {note_field("reason", "reason", |l| td_string!(l, requests.detail.reason), reason, reason_error)}
                        {move || alert(failure(decide.value().get()))}
                        <div class="form-actions">
                            <button type="button" class="button" disabled=move || pending.get() on:click=move |_| send(true)>
                                {tr(|l| td_string!(l, requests.detail.approve))}
                            </button>
                            <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=move |_| send(false)>
                                {tr(|l| td_string!(l, requests.detail.decline))}
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
                    <h2 id="cancel-heading">{tr(|l| td_string!(l, requests.detail.cancel_heading))}</h2>
                    <p>{tr(|l| td_string!(l, requests.detail.cancel_text))}</p>
                    {move || alert(failure(cancel.value().get()))}
                    <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=on_cancel>
                        {tr(|l| td_string!(l, requests.detail.cancel))}
                    </button>
                </section>
            }
        });

        view! {
            <div inner_html=head></div>
            {decision}
            <div inner_html=body></div>
            <section class="card" aria-labelledby="comment-heading">
                <h2 id="comment-heading">{tr(|l| td_string!(l, requests.detail.comment_heading))}</h2>
                {comments}
            </section>
            {cancelling}
        }
        .into_any()
    };

    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {loaded(detail, content)}
    }
}
