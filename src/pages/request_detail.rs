//! `/requests/:id`: everything about a request, its timeline, comments, cancelling, and
//! for admins the decision on a credit spend that waits for approval.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use support_api::requests::{Decision, NewComment, RequestStatus};

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::requests::dom::{mark, set_attr, set_text, target};
use crate::components::requests::fields::{error_line, normalize};
use crate::components::requests::request_row::cost_text;
use crate::components::requests::sla_countdown::{provide_clock, sla_countdown, span_text};
use crate::components::requests::status_badge::status_badge;
use crate::components::requests::timeline::timeline;
use crate::components::requests::{field_message, focus_id, new_key, tr};
use crate::format;
use crate::i18n::*;
use crate::labels::{billed_name, location_name, priority_name, type_name};
use crate::markup::Markup;
use crate::pages::page_title;
use crate::requests::detail::Detail;
use crate::requests::time::request_shows_seconds;

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

/// The title, status and SLA countdown; the decision for admins; the facts, the
/// description and the timeline.
fn detail_markup(l: Locale, d: &Detail, reason: &str) -> Markup {
    let s = &d.summary;
    let mut m = Markup::new();
    m.open("div", &[("class", "page-head")]);
    m.el("h1", &[], &s.title);
    status_badge(&mut m, l, s.status);
    m.close("div");
    if s.reaction_due_at.is_some() {
        m.open("p", &[("class", "sla-line")]);
        m.text(&format!("{}: ", td_string!(l, requests.list.col_sla)));
        sla_countdown(
            &mut m,
            l,
            s.reaction_due_at.as_deref(),
            s.first_reaction_at.as_deref(),
            s.status.is_open(),
        );
        m.close("p");
    }
    if d.can_approve {
        card(
            &mut m,
            "decision-heading",
            td_string!(l, requests.detail.decision_heading),
        );
        m.el("p", &[], td_string!(l, requests.detail.decision_text));
        m.open("div", &[("class", "form")]);
        note(
            &mut m,
            "reason",
            td_string!(l, requests.detail.reason),
            reason,
        );
        alert(&mut m, "reason-alert");
        m.open("div", &[("class", "form-actions")]);
        button(
            &mut m,
            "button",
            "approve",
            td_string!(l, requests.detail.approve),
        );
        button(
            &mut m,
            "button button-secondary",
            "decline",
            td_string!(l, requests.detail.decline),
        );
        m.close("div").close("div").close("section");
    }
    card(
        &mut m,
        "facts-heading",
        td_string!(l, requests.detail.facts),
    );
    m.open("dl", &[("class", "facts")]);
    for (label, value) in facts(l, d) {
        m.el("dt", &[], label).el("dd", &[], &value);
    }
    m.close("dl").close("section");
    if !d.description.is_empty() {
        card(
            &mut m,
            "description-heading",
            td_string!(l, requests.detail.description),
        );
        m.el("p", &[("class", "prewrap")], &d.description)
            .close("section");
    }
    card(
        &mut m,
        "timeline-heading",
        td_string!(l, requests.detail.timeline),
    );
    m.open("ol", &[("class", "timeline")]);
    timeline(&mut m, l, &d.timeline);
    m.close("ol").close("section");
    m
}

/// The comment form (or why the request takes none) and cancelling.
fn actions_markup(l: Locale, d: &Detail, comment: &str) -> Markup {
    let status = d.summary.status;
    let mut m = Markup::new();
    card(
        &mut m,
        "comment-heading",
        td_string!(l, requests.detail.comment_heading),
    );
    if status.takes_comments() {
        m.open("form", &[("class", "form"), ("novalidate", "")]);
        note(
            &mut m,
            "comment",
            td_string!(l, requests.detail.comment_label),
            comment,
        );
        alert(&mut m, "comment-alert");
        m.el(
            "button",
            &[
                ("type", "submit"),
                ("class", "button"),
                ("id", "comment-send"),
            ],
            td_string!(l, requests.detail.comment_send),
        );
        m.close("form");
    } else {
        m.el("p", &[("class", "notice")], no_comments(l, status));
    }
    m.close("section");
    if d.can_cancel {
        card(
            &mut m,
            "cancel-heading",
            td_string!(l, requests.detail.cancel_heading),
        );
        m.el("p", &[], td_string!(l, requests.detail.cancel_text));
        alert(&mut m, "cancel-alert");
        button(
            &mut m,
            "button button-secondary",
            "cancel",
            td_string!(l, requests.detail.cancel),
        );
        m.close("section");
    }
    m
}

/// Opens `<section class="card">` with its heading (closed by the caller).
fn card(m: &mut Markup, id: &str, heading: &str) {
    m.open("section", &[("class", "card"), ("aria-labelledby", id)]);
    m.el("h2", &[("id", id)], heading);
}

/// A labelled textarea holding `value`, with its (empty) error line.
fn note(m: &mut Markup, id: &str, label: &str, value: &str) {
    m.open("div", &[("class", "field")]);
    m.el("label", &[("for", id)], label);
    m.el(
        "textarea",
        &[("id", id), ("name", id), ("rows", "4")],
        value,
    );
    error_line(m, id);
    m.close("div");
}

fn alert(m: &mut Markup, id: &str) {
    m.el(
        "p",
        &[
            ("id", id),
            ("class", "form-alert"),
            ("role", "alert"),
            ("hidden", ""),
        ],
        "",
    );
}

fn button(m: &mut Markup, class: &str, action: &str, text: &str) {
    m.el(
        "button",
        &[
            ("type", "button"),
            ("class", class),
            ("data-action", action),
            ("id", action),
        ],
        text,
    );
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
        detail.with_untracked(
            |d| matches!(d, Some(Ok(d)) if request_shows_seconds(&d.summary, now as i64)),
        )
    });

    // What the person types survives the reload that follows every change.
    let comment = StoredValue::new(String::new());
    let reason = StoredValue::new(String::new());
    let comment_key = StoredValue::new(new_key());
    // The refused field and its code, or a failure to tell beside an action.
    let refusal = RwSignal::new(None::<(&'static str, String)>);
    let failure = RwSignal::new(None::<(&'static str, ApiError)>);

    // Every change answers with the request as it now is: shown by loading it again.
    let act = Action::new_local(move |(what, id, body): &(&'static str, i64, String)| {
        let (what, id, body) = (*what, *id, body.clone());
        async move {
            let result = match what {
                "comment" => {
                    let key = comment_key.get_value();
                    api::requests::comment(client, id, body, &key).await
                }
                "cancel" => api::requests::cancel(client, id).await,
                _ => {
                    let decision = Decision {
                        approve: what == "approve",
                        reason: (!body.is_empty()).then_some(body),
                    };
                    api::requests::decide(client, id, &decision).await
                }
            };
            match result {
                Ok(()) => {
                    if what == "comment" {
                        comment.set_value(String::new());
                        comment_key.set_value(new_key());
                    } else {
                        reason.set_value(String::new());
                    }
                    detail.refetch();
                }
                Err(ApiError::Validation(fields)) => {
                    let fields = normalize(fields);
                    let field = if what == "comment" {
                        "comment"
                    } else {
                        "reason"
                    };
                    let code = fields
                        .code_for(if what == "comment" { "text" } else { "reason" })
                        .map(str::to_owned);
                    match code {
                        Some(code) => {
                            refusal.set(Some((field, code)));
                            focus_id(field);
                        }
                        None => failure.set(Some((what, ApiError::Validation(fields)))),
                    }
                }
                // A request changed meanwhile (e.g. no longer cancellable): show it as it is.
                Err(ApiError::Server(409)) => {
                    failure.set(Some((what, ApiError::Server(409))));
                    detail.refetch();
                }
                Err(e) => failure.set(Some((what, e))),
            }
        }
    });
    let pending = act.pending();

    let title = move || {
        let l = i18n.get_locale();
        let name = detail.with(|d| match d {
            Some(Ok(d)) => d.summary.title.clone(),
            _ => td_string!(l, requests.detail.title).to_owned(),
        });
        page_title(l, &name)
    };

    // Errors, alerts and busy buttons, set in place.
    let sync = move || {
        let l = i18n.get_locale();
        let refused = refusal.get();
        for field in ["comment", "reason"] {
            let message = refused
                .as_ref()
                .filter(|(f, _)| *f == field)
                .map(|(_, code)| {
                    field_message(l, if field == "comment" { "text" } else { "reason" }, code)
                });
            mark(field, &format!("{field}-error"), None, message);
        }
        let failed = failure.get();
        let shown = failed.as_ref().map(|(what, e)| {
            let id = match *what {
                "comment" => "comment-alert",
                "cancel" => "cancel-alert",
                _ => "reason-alert",
            };
            let text = match e {
                ApiError::Validation(_) => td_string!(l, errors.validation),
                e => error_text(l, e),
            };
            (id, text)
        });
        for id in ["comment-alert", "reason-alert", "cancel-alert"] {
            let text = shown.filter(|(at, _)| *at == id).map(|(_, text)| text);
            set_text(id, text.unwrap_or(""));
            set_attr(id, "hidden", text.is_none().then_some(""));
        }
        let busy = pending.get();
        for id in ["comment-send", "approve", "decline", "cancel"] {
            set_attr(id, "disabled", busy.then_some(""));
        }
    };
    Effect::new(move |_| sync());

    let content = move |d: &Detail| {
        let d = StoredValue::new(d.clone());
        let top = NodeRef::<html::Div>::new();
        let bottom = NodeRef::<html::Div>::new();
        // Built anew for another language; what was typed is kept.
        Effect::new(move |_| {
            let l = i18n.get_locale();
            let (Some(top), Some(bottom)) = (top.get(), bottom.get()) else {
                return;
            };
            let focused = document().active_element().map(|e| e.id());
            d.with_value(|d| {
                detail_markup(l, d, &reason.get_value()).replace_in(&top);
                actions_markup(l, d, &comment.get_value()).replace_in(&bottom);
            });
            untrack(sync);
            if let Some(id) = focused.filter(|id| !id.is_empty()) {
                focus_id(&id);
            }
        });
        let id = d.with_value(|d| d.summary.id);
        let on_input = move |ev: leptos::ev::Event| {
            if let Some(t) = target(&ev) {
                match t.id.as_str() {
                    "comment" => comment.set_value(t.value),
                    "reason" => reason.set_value(t.value),
                    _ => return,
                }
                if refusal.with_untracked(|r| r.as_ref().is_some_and(|(f, _)| *f == t.id)) {
                    refusal.set(None);
                }
            }
        };
        let run = move |what: &'static str| {
            if pending.get_untracked() {
                return;
            }
            failure.set(None);
            let text = if what == "comment" {
                comment.get_value()
            } else {
                reason.get_value()
            };
            let text = text.trim().to_owned();
            let checked = if what == "comment" {
                NewComment { text: text.clone() }
                    .validate()
                    .err()
                    .and_then(|e| e.code_for("text").map(str::to_owned))
            } else {
                Decision {
                    approve: what == "approve",
                    reason: (!text.is_empty()).then(|| text.clone()),
                }
                .validate()
                .err()
                .and_then(|e| e.code_for("reason").map(str::to_owned))
            };
            if let Some(code) = checked.filter(|_| what != "cancel") {
                let field = if what == "comment" {
                    "comment"
                } else {
                    "reason"
                };
                refusal.set(Some((field, code)));
                focus_id(field);
                return;
            }
            refusal.set(None);
            if what == "cancel" {
                let question =
                    td_string!(i18n.get_locale_untracked(), requests.detail.cancel_confirm);
                if !window().confirm_with_message(question).unwrap_or(false) {
                    return;
                }
            }
            act.dispatch((what, id, text));
        };
        let on_click =
            move |ev: leptos::ev::MouseEvent| match target(&ev).and_then(|t| t.action).as_deref() {
                Some("approve") => run("approve"),
                Some("decline") => run("decline"),
                Some("cancel") => run("cancel"),
                _ => {}
            };
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            run("comment");
        };
        view! {
            <div node_ref=top on:input=on_input on:click=on_click></div>
            <div node_ref=bottom on:input=on_input on:click=on_click on:submit=on_submit></div>
        }
        .into_any()
    };

    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {part(detail, content)}
    }
}
