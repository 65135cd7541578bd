//! Requests and their timeline in storage. Every read is scoped by the customer (and, for
//! members, by the requester): a request of anyone else is simply not found.

use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};
use support_api::catalog::{BilledAs, Billing};
use support_api::money::{Currency, Money};
use support_api::plan::Priority;
use support_api::requests::{
    RateUnit, RequestDetail, RequestDetails, RequestPage, RequestSort, RequestStatus,
    RequestSummary, RequestType, TimelineEvent,
};
use support_api::session::Role;

use super::codec::Code;
use super::parts;
use crate::error::ApiError;
use crate::time_util::format_instant;

/// A request as stored.
#[derive(Clone, Debug)]
pub struct Stored {
    pub id: i64,
    pub customer_id: i64,
    pub requested_by: i64,
    pub requested_by_name: String,
    pub request_type: RequestType,
    pub title: String,
    pub description: String,
    pub priority: Priority,
    pub licence_id: Option<i64>,
    pub product: Option<String>,
    pub contact_phone: Option<String>,
    pub details: RequestDetails,
    pub course_date_id: Option<i64>,
    pub participants: Option<u32>,
    pub status: RequestStatus,
    pub billed_as: BilledAs,
    pub billing: Billing,
    pub rate: Option<i64>,
    pub rate_unit: Option<RateUnit>,
    pub estimate: Option<i64>,
    pub estimate_minutes: Option<u32>,
    pub created_at: i64,
    pub scheduled_for: Option<String>,
    pub reaction_due_at: Option<i64>,
    pub first_reaction_at: Option<i64>,
    /// The sum of what logged time was charged, if any was.
    pub charged: Option<i64>,
    /// The accepted quote's amount: the agreed price.
    pub quoted: Option<i64>,
}

impl Stored {
    /// Participants of a training (catalog or custom), for charging it.
    pub fn training_participants(&self) -> u32 {
        match &self.details {
            RequestDetails::Training { participants, .. } => *participants,
            _ => 0,
        }
    }
}

/// The columns [`stored`] reads, in its order.
const COLUMNS: &str = "r.id, r.customer_id, r.requested_by, u.name, r.type, r.title,
        r.description, r.priority, r.licence_id, li.product, r.contact_phone, r.details,
        r.course_date_id, r.participants, r.status, r.billed_as, r.billing, r.rate_minor,
        r.rate_unit, r.estimate_minor, r.estimate_minutes, r.created_at, r.scheduled_for,
        r.reaction_due_at, r.first_reaction_at,
        (SELECT sum(e.charged_minor) FROM request_events e
         WHERE e.request_id = r.id AND e.kind = 'time'), r.quoted_minor";
/// The tables of [`COLUMNS`].
const FROM: &str = "FROM requests r JOIN users u ON u.id = r.requested_by
    LEFT JOIN licences li ON li.id = r.licence_id";

/// One request by id, written out once.
static FIND: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {COLUMNS} {FROM} WHERE r.id = ?1"));

fn stored(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let details: String = row.get(11)?;
    let details = serde_json::from_str(&details).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(err))
    })?;
    Ok(Stored {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        requested_by: row.get(2)?,
        requested_by_name: row.get(3)?,
        request_type: row.get::<_, Code<_>>(4)?.0,
        title: row.get(5)?,
        description: row.get(6)?,
        priority: row.get::<_, Code<_>>(7)?.0,
        licence_id: row.get(8)?,
        product: row.get(9)?,
        contact_phone: row.get(10)?,
        details,
        course_date_id: row.get(12)?,
        participants: row.get(13)?,
        status: row.get::<_, Code<_>>(14)?.0,
        billed_as: row.get::<_, Code<_>>(15)?.0,
        billing: row.get::<_, Code<_>>(16)?.0,
        rate: row.get(17)?,
        rate_unit: row.get::<_, Option<Code<_>>>(18)?.map(|c| c.0),
        estimate: row.get(19)?,
        estimate_minutes: row.get(20)?,
        created_at: row.get(21)?,
        scheduled_for: row.get(22)?,
        reaction_due_at: row.get(23)?,
        first_reaction_at: row.get(24)?,
        charged: row.get(25)?,
        quoted: row.get(26)?,
    })
}

/// Who may see what: the customer's admins see every request of the customer, members
/// their own; the support team (`None`) sees any.
#[derive(Clone, Copy, Debug)]
pub struct Viewer {
    pub customer_id: i64,
    pub user_id: i64,
    pub role: Role,
}

/// The request if `viewer` may see it.
pub fn find(
    conn: &Connection,
    viewer: Option<Viewer>,
    id: i64,
) -> Result<Option<Stored>, ApiError> {
    let found = conn
        .prepare_cached(&FIND)?
        .query_row([id], stored)
        .optional()?;
    Ok(found.filter(|r| match viewer {
        None => true,
        Some(v) => {
            r.customer_id == v.customer_id && (v.role == Role::Admin || r.requested_by == v.user_id)
        }
    }))
}

/// A new request's row.
pub struct NewRow<'a> {
    pub customer_id: i64,
    pub requested_by: i64,
    pub request_type: RequestType,
    pub title: &'a str,
    pub description: &'a str,
    pub priority: Priority,
    pub licence_id: Option<i64>,
    pub contact_phone: Option<&'a str>,
    pub details: &'a RequestDetails,
    pub course_date: Option<(i64, u32)>,
    pub status: RequestStatus,
    pub billed_as: BilledAs,
    pub billing: Billing,
    pub rate: Option<i64>,
    pub rate_unit: Option<RateUnit>,
    pub estimate: Option<i64>,
    pub estimate_minutes: Option<u32>,
    pub created_at: i64,
    pub reaction_due_at: Option<i64>,
}

pub fn insert(conn: &Connection, r: &NewRow<'_>) -> Result<i64, ApiError> {
    let details = serde_json::to_string(r.details)
        .map_err(|err| ApiError::internal("details as JSON", err))?;
    conn.prepare_cached(
        "INSERT INTO requests (customer_id, requested_by, type, title, description, priority,
             licence_id, contact_phone, details, course_date_id, participants, status, billed_as,
             billing, rate_minor, rate_unit, estimate_minor, estimate_minutes, created_at,
             reaction_due_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20)",
    )?
    .execute(params![
        r.customer_id,
        r.requested_by,
        Code(r.request_type),
        r.title,
        r.description,
        Code(r.priority),
        r.licence_id,
        r.contact_phone,
        details,
        r.course_date.map(|(id, _)| id),
        r.course_date.map(|(_, n)| n),
        Code(r.status),
        Code(r.billed_as),
        Code(r.billing),
        r.rate,
        r.rate_unit.map(Code),
        r.estimate,
        r.estimate_minutes,
        r.created_at,
        r.reaction_due_at,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Who did something on the timeline.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The customer's user; `None` for the support team.
    pub user_id: Option<i64>,
    pub name: String,
}

impl Actor {
    pub fn staff(name: &str) -> Self {
        Actor {
            user_id: None,
            name: name.to_owned(),
        }
    }

    pub fn is_staff(&self) -> bool {
        self.user_id.is_none()
    }
}

/// Changes the status and records it on the timeline.
pub fn set_status(
    conn: &Connection,
    request: &Stored,
    to: RequestStatus,
    at: i64,
    by: &Actor,
    reason: Option<&str>,
) -> Result<i64, ApiError> {
    conn.prepare_cached("UPDATE requests SET status = ?2 WHERE id = ?1")?
        .execute(params![request.id, Code(to)])?;
    status_event(conn, request.id, Some(request.status), to, at, by, reason)
}

pub fn status_event(
    conn: &Connection,
    request_id: i64,
    from: Option<RequestStatus>,
    to: RequestStatus,
    at: i64,
    by: &Actor,
    reason: Option<&str>,
) -> Result<i64, ApiError> {
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff,
                                     from_status, to_status, reason)
         VALUES (?1, ?2, 'status', ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        request_id,
        at,
        by.user_id,
        by.name,
        by.is_staff(),
        from.map(Code),
        Code(to),
        reason
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn comment_event(
    conn: &Connection,
    request_id: i64,
    at: i64,
    by: &Actor,
    text: &str,
) -> Result<i64, ApiError> {
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff, text)
         VALUES (?1, ?2, 'comment', ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        request_id,
        at,
        by.user_id,
        by.name,
        by.is_staff(),
        text
    ])?;
    Ok(conn.last_insert_rowid())
}

/// A time log: minutes, what they cost (`charged`), what credit paid, what is invoiced.
pub struct TimeLog<'a> {
    pub minutes: u32,
    pub charged: Option<i64>,
    pub debited: Option<i64>,
    pub invoiced: Option<i64>,
    pub note: Option<&'a str>,
}

pub fn time_event(
    conn: &Connection,
    request_id: i64,
    at: i64,
    by: &Actor,
    log: &TimeLog<'_>,
) -> Result<i64, ApiError> {
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff, minutes,
                                     charged_minor, debited_minor, invoiced_minor, note)
         VALUES (?1, ?2, 'time', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        request_id,
        at,
        by.user_id,
        by.name,
        by.is_staff(),
        log.minutes,
        log.charged,
        log.debited,
        log.invoiced,
        log.note
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Sets `first_reaction_at` if the request has none yet.
pub fn mark_first_reaction(conn: &Connection, request_id: i64, at: i64) -> Result<(), ApiError> {
    conn.prepare_cached(
        "UPDATE requests SET first_reaction_at = ?2 WHERE id = ?1 AND first_reaction_at IS NULL",
    )?
    .execute(params![request_id, at])?;
    Ok(())
}

pub fn set_schedule(conn: &Connection, request_id: i64, day: &str) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE requests SET scheduled_for = ?2 WHERE id = ?1")?
        .execute(params![request_id, day])?;
    Ok(())
}

pub fn set_reaction_due(
    conn: &Connection,
    request_id: i64,
    due: Option<i64>,
) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE requests SET reaction_due_at = ?2 WHERE id = ?1")?
        .execute(params![request_id, due])?;
    Ok(())
}

/// Gives back the seats a request held on its course date (cancelled or declined).
pub fn release_seats(conn: &Connection, request: &Stored) -> Result<(), ApiError> {
    if let (Some(date), Some(n)) = (request.course_date_id, request.participants) {
        conn.prepare_cached("UPDATE course_dates SET seats_left = seats_left + ?2 WHERE id = ?1")?
            .execute(params![date, n])?;
    }
    Ok(())
}

/// Takes seats on a course date if it has enough and has not started; `false` if not.
pub fn take_seats(conn: &Connection, date_id: i64, n: u32, today: &str) -> Result<bool, ApiError> {
    let changed = conn
        .prepare_cached(
            "UPDATE course_dates SET seats_left = seats_left - ?2
             WHERE id = ?1 AND seats_left >= ?2 AND starts_on >= ?3",
        )?
        .execute(params![date_id, n, today])?;
    Ok(changed == 1)
}

/// The currency of the request's customer; `None` when there is no such request.
pub fn currency(conn: &Connection, request_id: i64) -> Result<Option<Currency>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT c.currency FROM requests r JOIN customers c ON c.id = r.customer_id
             WHERE r.id = ?1",
        )?
        .query_row([request_id], |row| row.get::<_, Code<Currency>>(0))
        .optional()?
        .map(|c| c.0))
}

pub fn summary(r: &Stored, currency: Currency) -> Result<RequestSummary, ApiError> {
    let charged = r.charged.is_some();
    let top_up_done = r.request_type == RequestType::CreditTopUp
        && matches!(r.status, RequestStatus::Resolved | RequestStatus::Closed);
    // An accepted quote is the agreed price: a cost, not an estimate.
    let cost = if crate::billing::pays(r.billed_as) {
        r.charged.or(r.quoted).or(r.estimate)
    } else {
        None
    };
    Ok(RequestSummary {
        id: r.id,
        request_type: r.request_type,
        title: r.title.clone(),
        status: r.status,
        priority: r.priority,
        created_at: format_instant(r.created_at)?,
        requested_by: r.requested_by_name.clone(),
        billed_as: r.billed_as,
        cost: cost.map(|minor| Money::new(minor, currency)),
        cost_is_estimate: cost.is_some() && !charged && r.quoted.is_none() && !top_up_done,
        reaction_due_at: r.reaction_due_at.map(format_instant).transpose()?,
        first_reaction_at: r.first_reaction_at.map(format_instant).transpose()?,
    })
}

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
    let files = super::files::list(conn, r.id)?;
    super::files::add_to_timeline(&mut timeline, &files);
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

/// Filters of `GET /requests`.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub statuses: Vec<RequestStatus>,
    pub types: Vec<RequestType>,
    pub priorities: Vec<Priority>,
    /// Part of the title, matched literally (case-insensitive for ASCII letters).
    pub q: Option<String>,
    pub open: Option<bool>,
    pub sort: RequestSort,
    pub limit: u32,
    /// The sort key of the last request served.
    pub after: Option<[i64; 3]>,
}

pub const REQUESTS_CURSOR: &str = "r1";

/// The three ascending sort keys of each order (descending ones negated, so one
/// row-value comparison pages any order).
fn sort_keys(sort: RequestSort) -> [&'static str; 3] {
    match sort {
        // The id twice: a constant third key would read as a column number.
        RequestSort::CreatedDesc => ["-r.created_at", "-r.id", "-r.id"],
        RequestSort::CreatedAsc => ["r.created_at", "r.id", "r.id"],
        RequestSort::Priority => [
            "CASE r.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END",
            "-r.created_at",
            "-r.id",
        ],
        RequestSort::ReactionDue => [
            "CASE WHEN r.first_reaction_at IS NULL AND r.reaction_due_at IS NOT NULL
                   AND r.status NOT IN ('resolved', 'closed', 'cancelled')
              THEN r.reaction_due_at ELSE 9223372036854775807 END",
            "r.created_at",
            "r.id",
        ],
    }
}

pub fn sort_index(sort: RequestSort) -> i64 {
    RequestSort::ALL
        .iter()
        .position(|s| *s == sort)
        .unwrap_or(0) as i64
}

/// `%`, `_` and the escape character itself, escaped for `LIKE ... ESCAPE '\'`.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

pub fn list(
    conn: &Connection,
    viewer: Viewer,
    filter: &ListFilter,
    currency: Currency,
) -> Result<RequestPage, ApiError> {
    let keys = sort_keys(filter.sort).join(", ");
    // The sort keys ride along after the columns of `stored`.
    let mut sql = format!("SELECT {COLUMNS}, {keys} {FROM} WHERE r.customer_id = ?");
    let mut params: Vec<Value> = vec![viewer.customer_id.into()];
    if viewer.role != Role::Admin {
        sql.push_str(" AND r.requested_by = ?");
        params.push(viewer.user_id.into());
    }
    let statuses = filter.statuses.iter().map(|s| s.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.status", statuses);
    let types = filter.types.iter().map(|t| t.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.type", types);
    let priorities = filter.priorities.iter().map(|p| p.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.priority", priorities);
    match filter.open {
        Some(true) => sql.push_str(" AND r.status NOT IN ('resolved', 'closed', 'cancelled')"),
        Some(false) => sql.push_str(" AND r.status IN ('resolved', 'closed', 'cancelled')"),
        None => {}
    }
    if let Some(q) = &filter.q {
        sql.push_str(" AND r.title LIKE ? ESCAPE '\\'");
        params.push(like_pattern(q).into());
    }
    if let Some(after) = filter.after {
        sql.push_str(&format!(" AND ({keys}) > (?, ?, ?)"));
        params.extend(after.map(Value::from));
    }
    sql.push_str(&format!(" ORDER BY {keys} LIMIT ?"));
    params.push(i64::from(filter.limit + 1).into());

    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
        Ok((stored(row)?, [row.get(27)?, row.get(28)?, row.get(29)?]))
    })?;
    let rows = rows.collect::<Result<Vec<(Stored, [i64; 3])>, _>>()?;
    let (rows, next_cursor) = parts::page(rows, filter.limit, |(_, k)| {
        crate::cursor::encode(
            REQUESTS_CURSOR,
            &[sort_index(filter.sort), k[0], k[1], k[2]],
        )
    });
    let items = rows
        .iter()
        .map(|(r, _)| summary(r, currency))
        .collect::<Result<_, _>>()?;
    Ok(RequestPage { items, next_cursor })
}

/// Every request (the staff side), optionally of one customer, newest first.
pub fn all(conn: &Connection, customer_id: Option<i64>) -> Result<Vec<Stored>, ApiError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE ?1 IS NULL OR r.customer_id = ?1
         ORDER BY r.created_at DESC, r.id DESC"
    ))?;
    let rows = stmt.query_map([customer_id], stored)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
