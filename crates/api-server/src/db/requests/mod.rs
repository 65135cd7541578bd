//! Requests and their timeline in storage. Every read is scoped by the customer (and, for
//! members, by the requester): a request of anyone else is simply not found.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::catalog::{BilledAs, Billing};
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::{RateUnit, RequestDetails, RequestStatus, RequestType};

use super::codec::Code;
use crate::error::ApiError;

mod list;
mod stored;
mod timeline;

pub use list::*;
pub use stored::*;
pub use timeline::*;

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
