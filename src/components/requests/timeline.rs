use leptos::prelude::*;
use support_api::requests::TimelineEvent;

use super::sla_countdown::span_text;
use super::{fill, status_name};
use crate::format;
use crate::i18n::*;

/// The words of one event (without who and when).
fn event_text(l: Locale, event: &TimelineEvent) -> String {
    match event {
        TimelineEvent::StatusChanged { from: None, to, .. } => fill(
            td_string!(l, requests.timeline.created),
            status_name(l, *to),
        ),
        TimelineEvent::StatusChanged {
            from: Some(from),
            to,
            ..
        } => {
            let text = fill(
                td_string!(l, requests.timeline.status),
                status_name(l, *from),
            );
            fill(&text, status_name(l, *to))
        }
        TimelineEvent::Comment { staff, .. } => if *staff {
            td_string!(l, requests.timeline.staff_comment)
        } else {
            td_string!(l, requests.timeline.comment)
        }
        .to_owned(),
        TimelineEvent::TimeLogged {
            minutes, debited, ..
        } => {
            let time = span_text(l, i64::from(*minutes) * 60_000);
            let text = fill(td_string!(l, requests.timeline.time), &time);
            match debited {
                Some(money) => fill(
                    &format!("{text} {}", td_string!(l, requests.timeline.debited)),
                    &format::money(*money, l),
                ),
                None => text,
            }
        }
    }
}

/// The free text an event carries: a reason, a comment, a note.
fn event_body(event: &TimelineEvent) -> Option<&str> {
    match event {
        TimelineEvent::StatusChanged { reason, .. } => reason.as_deref(),
        TimelineEvent::Comment { text, .. } => Some(text),
        TimelineEvent::TimeLogged { note, .. } => note.as_deref(),
    }
}

fn at_by(event: &TimelineEvent) -> (&str, &str) {
    match event {
        TimelineEvent::StatusChanged { at, by, .. }
        | TimelineEvent::Comment { at, by, .. }
        | TimelineEvent::TimeLogged { at, by, .. } => (at, by),
    }
}

/// Status changes, comments and logged time, oldest first.
#[component]
pub fn Timeline(events: Vec<TimelineEvent>) -> impl IntoView {
    let i18n = use_i18n();
    events
        .into_iter()
        .map(|event| {
            let kind = match event {
                TimelineEvent::StatusChanged { .. } => "event event-status",
                TimelineEvent::Comment { staff: true, .. } => "event event-staff",
                TimelineEvent::Comment { .. } => "event event-comment",
                TimelineEvent::TimeLogged { .. } => "event event-time",
            };
            let (at, by) = at_by(&event);
            let (at, by) = (at.to_owned(), by.to_owned());
            let body =
                event_body(&event).map(|b| view! { <p class="event-body">{b.to_owned()}</p> });
            let when = {
                let at = at.clone();
                move || format::date_time(&at, i18n.get_locale())
            };
            let what = move || event_text(i18n.get_locale(), &event);
            view! {
                <li class=kind>
                    <p class="event-head">
                        <strong>{what}</strong>
                        " · "{by}" · "
                        <time datetime=at>{when}</time>
                    </p>
                    {body}
                </li>
            }
        })
        .collect_view()
}
