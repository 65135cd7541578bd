use super::sla_countdown::span_text;

use crate::format;
use crate::i18n::*;
use crate::labels::status_name;
use crate::markup::Markup;
use crate::requests::detail::{Event, EventKind};
use crate::template::fill;

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
    }
}

/// Status changes (with who, when and why), comments, and logged time with what it
/// cost, oldest first, as the items of an `<ol>`.
pub fn timeline(m: &mut Markup, l: Locale, events: &[Event]) {
    for e in events {
        let class = match e.event {
            EventKind::StatusChanged => "event event-status",
            EventKind::Comment if e.staff => "event event-staff",
            EventKind::Comment => "event event-comment",
            EventKind::TimeLogged => "event event-time",
        };
        m.open("li", &[("class", class)])
            .open("p", &[("class", "event-head")]);
        m.el("strong", &[], &event_text(l, e));
        m.text(&format!(" · {} · ", e.by));
        m.el("time", &[("datetime", &e.at)], &format::date_time(&e.at, l));
        m.close("p");
        // A reason, a comment, a note.
        if let Some(body) = e.reason.as_ref().or(e.text.as_ref()).or(e.note.as_ref()) {
            m.el("p", &[("class", "event-body")], body);
        }
        m.close("li");
    }
}
