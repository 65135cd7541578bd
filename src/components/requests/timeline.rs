use super::sla_countdown::span_text;
use super::{fill, status_name};
use crate::format;
use crate::i18n::*;
use crate::requests::detail::{Event, EventKind};
use crate::requests::html::{el, esc};

/// The words of one event (without who and when).
fn event_text(l: Locale, e: &Event) -> String {
    match e.event {
        EventKind::StatusChanged => {
            let to = e.to.map_or("", |s| status_name(l, s));
            match e.from {
                None => fill(td_string!(l, requests.timeline.created), to),
                Some(from) => fill(
                    &fill(
                        td_string!(l, requests.timeline.status),
                        status_name(l, from),
                    ),
                    to,
                ),
            }
        }
        EventKind::Comment if e.staff => td_string!(l, requests.timeline.staff_comment).to_owned(),
        EventKind::Comment => td_string!(l, requests.timeline.comment).to_owned(),
        EventKind::TimeLogged => {
            let time = span_text(l, i64::from(e.minutes.unwrap_or(0)) * 60_000);
            let mut text = fill(td_string!(l, requests.timeline.time), &time);
            for (amount, template) in [
                (e.debited, td_string!(l, requests.timeline.debited)),
                (e.invoiced, td_string!(l, requests.timeline.invoiced)),
            ] {
                if let Some(money) = amount {
                    text = format!("{text} {}", fill(template, &format::money(money, l)));
                }
            }
            text
        }
    }
}

/// Status changes (with who, when and why), comments, and logged time with what it
/// cost, oldest first, as the items of an `<ol>`.
pub fn timeline_html(l: Locale, events: &[Event]) -> String {
    let mut out = String::new();
    for e in events {
        let kind = match e.event {
            EventKind::StatusChanged => "event-status",
            EventKind::Comment if e.staff => "event-staff",
            EventKind::Comment => "event-comment",
            EventKind::TimeLogged => "event-time",
        };
        out.push_str(&format!(
            "<li class=\"event {kind}\"><p class=\"event-head\"><strong>{}</strong> · {} · <time datetime=\"{}\">{}</time></p>",
            esc(&event_text(l, e)),
            esc(&e.by),
            esc(&e.at),
            esc(&format::date_time(&e.at, l))
        ));
        // A reason, a comment, a note.
        if let Some(body) = e.reason.as_ref().or(e.text.as_ref()).or(e.note.as_ref()) {
            out.push_str(&el("p", "event-body", body));
        }
        out.push_str("</li>");
    }
    out
}
