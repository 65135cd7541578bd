//! A request's timeline, and the request with it as `GET /requests/{id}` answers.

use rusqlite::Connection;
use support_api::money::{Currency, Money};
use support_api::requests::{RequestDetail, RequestStatus, TimelineEvent};
use support_api::session::Role;

use super::stored::{Stored, summary};
use crate::db::codec::Code;
use crate::error::ApiError;
use crate::time_util::format_instant;

pub fn timeline(
    conn: &Connection,
    request_id: i64,
    currency: Currency,
) -> Result<(Vec<TimelineEvent>, u32), ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.at, e.kind, e.by_name, e.staff, e.from_status, e.to_status, e.reason, e.text,
                e.minutes, e.debited_minor, e.invoiced_minor, e.note, q.amount_minor, e.score,
                e.id
         FROM request_events e LEFT JOIN quotes q ON q.id = e.quote_id
         WHERE e.request_id = ?1 ORDER BY e.at, e.id",
    )?;
    let money = |m: Option<i64>| m.map(|minor| Money::new(minor, currency));
    let rows = stmt.query_map([request_id], |row| {
        let at: i64 = row.get(0)?;
        let kind: String = row.get(1)?;
        let by: String = row.get(2)?;
        let event = match kind.as_str() {
            "status" => Event::Status {
                by,
                from: row.get::<_, Option<Code<_>>>(4)?.map(|c| c.0),
                to: row.get::<_, Code<_>>(5)?.0,
                reason: row.get(6)?,
            },
            "comment" => Event::Comment {
                id: row.get(14)?,
                by,
                staff: row.get(3)?,
                text: row.get(7)?,
            },
            "quote" => Event::Other(TimelineEvent::Quote {
                at: String::new(),
                by,
                state: row.get::<_, Code<_>>(7)?.0,
                amount: Money::new(row.get(12)?, currency),
                reason: row.get(6)?,
            }),
            "rating" => Event::Other(TimelineEvent::Rated {
                at: String::new(),
                by,
                score: row.get(13)?,
                comment: row.get(7)?,
            }),
            "escalation" => Event::Other(TimelineEvent::Escalated {
                at: String::new(),
                by,
                reference: row.get(7)?,
            }),
            "auto_close" => Event::Other(TimelineEvent::AutoClosed {
                at: String::new(),
                after_days: row
                    .get::<_, String>(7)?
                    .parse()
                    .unwrap_or(support_api::resolution::AUTO_CLOSE_DAYS),
            }),
            _ => Event::Time {
                by,
                minutes: row.get(8)?,
                debited: row.get(9)?,
                invoiced: row.get(10)?,
                note: row.get(11)?,
            },
        };
        Ok((at, event))
    })?;
    let mut events = Vec::new();
    let mut minutes_total = 0u32;
    for row in rows {
        let (at, event) = row?;
        let at = format_instant(at)?;
        events.push(match event {
            Event::Other(event) => with_at(event, at),
            Event::Status {
                by,
                from,
                to,
                reason,
            } => TimelineEvent::StatusChanged {
                at,
                by,
                from,
                to,
                reason,
            },
            Event::Comment {
                id,
                by,
                staff,
                text,
            } => TimelineEvent::Comment {
                id,
                at,
                by,
                staff,
                text,
            },
            Event::Time {
                by,
                minutes,
                debited,
                invoiced,
                note,
            } => {
                minutes_total = minutes_total.saturating_add(minutes);
                TimelineEvent::TimeLogged {
                    at,
                    by,
                    minutes,
                    debited: money(debited),
                    invoiced: money(invoiced),
                    note,
                }
            }
        });
    }
    Ok((events, minutes_total))
}

/// The instant of an event read without it (the other kinds are built in the row's closure).
fn with_at(mut event: TimelineEvent, instant: String) -> TimelineEvent {
    *event.at_mut() = instant;
    event
}

enum Event {
    /// The kinds of closing the loop, complete but for `at`.
    Other(TimelineEvent),
    Status {
        by: String,
        from: Option<RequestStatus>,
        to: RequestStatus,
        reason: Option<String>,
    },
    Comment {
        id: i64,
        by: String,
        staff: bool,
        text: String,
    },
    Time {
        by: String,
        minutes: u32,
        debited: Option<i64>,
        invoiced: Option<i64>,
        note: Option<String>,
    },
}

pub fn detail(
    conn: &Connection,
    r: &Stored,
    currency: Currency,
    viewer_role: Role,
) -> Result<RequestDetail, ApiError> {
    let (mut timeline, consumed_minutes) = timeline(conn, r.id, currency)?;
    let files = crate::db::files::list(conn, r.id)?;
    crate::db::files::add_to_timeline(&mut timeline, &files);
    // Closing the loop's part (quote, rating, escalation) is `closing_view::add`'s.
    Ok(RequestDetail {
        summary: summary(r, currency)?,
        description: r.description.clone(),
        licence_id: r.licence_id,
        product: r.product.clone(),
        contact_phone: r.contact_phone.clone(),
        details: r.details.clone(),
        scheduled_for: r.scheduled_for.clone(),
        consumed_minutes,
        timeline,
        files,
        can_cancel: r.status.can_cancel(),
        can_approve: viewer_role == Role::Admin && r.status == RequestStatus::AwaitingApproval,
        quote: None,
        rating: None,
        escalation: None,
        can_confirm: false,
        can_rate: false,
        can_decide_quote: false,
    })
}
