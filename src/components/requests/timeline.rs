use leptos::prelude::*;

use super::sla_countdown::span_text;

use support_api::files::FileInfo;

use crate::components::files::file_list::FileList;
use crate::format;
use crate::i18n::*;
use crate::labels::{quote_state_name, status_name};
use crate::requests::detail::{Event, EventKind};
use support_api::template::fill;

/// The words of one event (without who and when).
fn event_text(l: Locale, e: &Event) -> String {
    match e.event {
        EventKind::StatusChanged => {
            let to = e.to.map_or("", |s| status_name(l, s));
            match e.from {
                None => fill(td_string!(l, requests.timeline.created), &[("status", to)]),
                Some(from) => fill(
                    td_string!(l, requests.timeline.status),
                    &[("from", status_name(l, from)), ("to", to)],
                ),
            }
        }
        EventKind::Comment if e.staff => td_string!(l, requests.timeline.staff_comment).to_owned(),
        EventKind::Comment => td_string!(l, requests.timeline.comment).to_owned(),
        EventKind::FileAdded if e.staff => td_string!(l, files.staff_added).to_owned(),
        EventKind::FileAdded => td_string!(l, files.added).to_owned(),
        EventKind::TimeLogged => {
            let time = span_text(l, i64::from(e.minutes.unwrap_or(0)) * 60_000);
            let mut text = fill(td_string!(l, requests.timeline.time), &[("time", &time)]);
            for (amount, template) in [
                (e.debited, td_string!(l, requests.timeline.debited)),
                (e.invoiced, td_string!(l, requests.timeline.invoiced)),
            ] {
                if let Some(money) = amount {
                    let amount = format::money(money, l);
                    text = format!("{text} {}", fill(template, &[("amount", &amount)]));
                }
            }
            text
        }
        EventKind::Quote => {
            let state = e.state.map_or("", |s| quote_state_name(l, s));
            let amount = e.amount.map(|m| format::money(m, l)).unwrap_or_default();
            fill(
                td_string!(l, resolution.tl_quote),
                &[("state", state), ("amount", &amount)],
            )
        }
        EventKind::Rated => fill(
            td_string!(l, resolution.tl_rated),
            &[("score", &e.score.unwrap_or(0).to_string())],
        ),
        EventKind::Escalated => fill(
            td_string!(l, resolution.tl_escalated),
            &[("reference", e.reference.as_deref().unwrap_or(""))],
        ),
        EventKind::AutoClosed => fill(
            td_string!(l, resolution.tl_auto_closed),
            &[("days", &e.after_days.unwrap_or(0).to_string())],
        ),
    }
}

/// Status changes (with who, when and why), comments with their files, files added,
/// and logged time with what it cost, oldest first. The timeline only grows, so an
/// event's place is its key.
#[component]
pub fn Timeline(events: Vec<Event>, files: Vec<FileInfo>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline">
            <For
                each=move || events.clone().into_iter().enumerate()
                key=|(i, _)| *i
                children=move |(_, e)| {
                    let class = match e.event {
                        EventKind::StatusChanged => "event event-status",
                        EventKind::Comment if e.staff => "event event-staff",
                        EventKind::Comment => "event event-comment",
                        EventKind::TimeLogged => "event event-time",
                        EventKind::FileAdded => "event event-file",
                        EventKind::Quote | EventKind::Escalated => "event event-staff",
                        EventKind::Rated => "event event-comment",
                        EventKind::AutoClosed => "event event-status",
                    };
                    // A reason, a comment, a note (an escalation's reference is its title).
                    let body = match e.event {
                        EventKind::Escalated => None,
                        _ => e.reason.clone().or(e.text.clone()).or(e.note.clone()).or(e.comment.clone()),
                    };
                    let (at, datetime) = (e.at.clone(), e.at.clone());
                    let by = if e.by.is_empty() { " · ".to_owned() } else { format!(" · {} · ", e.by) };
                    let own: Vec<FileInfo> = files
                        .iter()
                        .filter(|f| match e.event {
                            EventKind::Comment => f.comment_id == Some(e.id),
                            EventKind::FileAdded => Some(f.id) == e.file_id,
                            _ => false,
                        })
                        .cloned()
                        .collect();
                    let e = StoredValue::new(e);
                    view! {
                        <li class=class>
                            <p class="event-head">
                                <strong>{move || e.with_value(|e| event_text(i18n.get_locale(), e))}</strong>
                                {by}
                                <time datetime=datetime>{move || format::date_time(&at, i18n.get_locale())}</time>
                            </p>
                            {body.map(|body| view! { <p class="event-body">{body}</p> })}
                            <FileList files=own />
                        </li>
                    }
                }
            />
        </ol>
    }
}
