//! Storage of closing the loop: quotes, ratings, the escalation reference, and the
//! timeline events of those (kinds `quote`, `rating`, `escalation`, `auto_close`).

use rusqlite::{Connection, OptionalExtension, Row, params};
use support_api::quotes::QuoteState;
use support_api::requests::RequestStatus;

use super::codec::Code;
use super::requests::Actor;
use crate::error::ApiError;

/// A quote as stored; `state` is never `expired` here (that is read against a day).
#[derive(Clone, Debug)]
pub struct StoredQuote {
    pub id: i64,
    pub request_id: i64,
    pub amount: i64,
    pub text: String,
    pub valid_until: String,
    pub state: QuoteState,
    pub issued_at: i64,
    pub quoted_from: RequestStatus,
    pub reason: Option<String>,
}

impl StoredQuote {
    /// The state as of `today` (`YYYY-MM-DD`): an issued quote past its last day is expired.
    pub fn state_on(&self, today: &str) -> QuoteState {
        if self.state == QuoteState::Issued && self.valid_until.as_str() < today {
            QuoteState::Expired
        } else {
            self.state
        }
    }
}

fn quote(row: &Row<'_>) -> rusqlite::Result<StoredQuote> {
    Ok(StoredQuote {
        id: row.get(0)?,
        request_id: row.get(1)?,
        amount: row.get(2)?,
        text: row.get(3)?,
        valid_until: row.get(4)?,
        state: row.get::<_, Code<_>>(5)?.0,
        issued_at: row.get(6)?,
        quoted_from: row.get::<_, Code<_>>(7)?.0,
        reason: row.get(8)?,
    })
}

const QUOTE_COLUMNS: &str =
    "id, request_id, amount_minor, text, valid_until, state, issued_at, quoted_from, reason";

/// The request's latest quote, whatever its state.
pub fn latest_quote(conn: &Connection, request_id: i64) -> Result<Option<StoredQuote>, ApiError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {QUOTE_COLUMNS} FROM quotes WHERE request_id = ?1 ORDER BY id DESC LIMIT 1"
        ))?
        .query_row([request_id], quote)
        .optional()?)
}

/// The request's open (issued) quote, expired or not.
pub fn open_quote(conn: &Connection, request_id: i64) -> Result<Option<StoredQuote>, ApiError> {
    Ok(latest_quote(conn, request_id)?.filter(|q| q.state == QuoteState::Issued))
}

pub struct NewQuote<'a> {
    pub request_id: i64,
    pub amount: i64,
    pub text: &'a str,
    pub valid_until: &'a str,
    pub quoted_from: RequestStatus,
}

pub fn insert_quote(conn: &Connection, q: &NewQuote<'_>, now: i64) -> Result<i64, ApiError> {
    conn.prepare_cached(
        "INSERT INTO quotes (request_id, amount_minor, text, valid_until, state, issued_at,
                             quoted_from)
         VALUES (?1, ?2, ?3, ?4, 'issued', ?5, ?6)",
    )?
    .execute(params![
        q.request_id,
        q.amount,
        q.text,
        q.valid_until,
        now,
        Code(q.quoted_from)
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Moves an issued quote on (accepted, declined, replaced).
pub fn decide_quote(
    conn: &Connection,
    quote_id: i64,
    state: QuoteState,
    now: i64,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    conn.prepare_cached(
        "UPDATE quotes SET state = ?2, decided_at = ?3, reason = ?4
         WHERE id = ?1 AND state = 'issued'",
    )?
    .execute(params![quote_id, Code(state), now, reason])?;
    Ok(())
}

/// The accepted quote's amount becomes the request's agreed price.
pub fn set_quoted(conn: &Connection, request_id: i64, amount: i64) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE requests SET quoted_minor = ?2 WHERE id = ?1")?
        .execute(params![request_id, amount])?;
    Ok(())
}

pub fn quote_event(
    conn: &Connection,
    request_id: i64,
    at: i64,
    by: &Actor,
    quote_id: i64,
    state: QuoteState,
    reason: Option<&str>,
) -> Result<i64, ApiError> {
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff, quote_id,
                                     text, reason)
         VALUES (?1, ?2, 'quote', ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        request_id,
        at,
        by.user_id,
        by.name,
        by.is_staff(),
        quote_id,
        state.as_str(),
        reason
    ])?;
    Ok(conn.last_insert_rowid())
}

/// A rating as stored.
#[derive(Clone, Debug)]
pub struct StoredRating {
    pub user_id: i64,
    pub by: String,
    pub score: u8,
    pub comment: Option<String>,
    pub first_at: i64,
    pub at: i64,
}

pub fn rating(conn: &Connection, request_id: i64) -> Result<Option<StoredRating>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT g.user_id, u.name, g.score, g.comment, g.first_at, g.at
             FROM ratings g JOIN users u ON u.id = g.user_id WHERE g.request_id = ?1",
        )?
        .query_row([request_id], |row| {
            Ok(StoredRating {
                user_id: row.get(0)?,
                by: row.get(1)?,
                score: row.get(2)?,
                comment: row.get(3)?,
                first_at: row.get(4)?,
                at: row.get(5)?,
            })
        })
        .optional()?)
}

/// Stores the rating (or its change) and its timeline event.
pub fn rate(
    conn: &Connection,
    request_id: i64,
    by: &Actor,
    score: u8,
    comment: Option<&str>,
    now: i64,
) -> Result<(), ApiError> {
    let user = by
        .user_id
        .ok_or_else(|| ApiError::broken("a rating by the support team"))?;
    conn.prepare_cached(
        "INSERT INTO ratings (request_id, user_id, score, comment, first_at, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (request_id) DO UPDATE SET score = ?3, comment = ?4, at = ?5",
    )?
    .execute(params![request_id, user, score, comment, now])?;
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff, score,
                                     text)
         VALUES (?1, ?2, 'rating', ?3, ?4, 0, ?5, ?6)",
    )?
    .execute(params![request_id, now, user, by.name, score, comment])?;
    Ok(())
}

pub fn escalate(
    conn: &Connection,
    request_id: i64,
    by: &Actor,
    reference: &str,
    now: i64,
) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE requests SET escalation = ?2 WHERE id = ?1")?
        .execute(params![request_id, reference])?;
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_user_id, by_name, staff, text)
         VALUES (?1, ?2, 'escalation', ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        request_id,
        now,
        by.user_id,
        by.name,
        by.is_staff(),
        reference
    ])?;
    Ok(())
}

pub fn escalation(conn: &Connection, request_id: i64) -> Result<Option<String>, ApiError> {
    Ok(conn
        .prepare_cached("SELECT escalation FROM requests WHERE id = ?1")?
        .query_row([request_id], |row| row.get(0))
        .optional()?
        .flatten())
}

/// Resolved requests whose last timeline event is before `before`: they close themselves.
pub fn resolved_untouched(conn: &Connection, before: i64) -> Result<Vec<i64>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id FROM requests r WHERE r.status = 'resolved'
           AND (SELECT max(e.at) FROM request_events e WHERE e.request_id = r.id) < ?1
         ORDER BY r.id",
    )?;
    let ids = stmt.query_map([before], |row| row.get(0))?;
    Ok(ids.collect::<Result<_, _>>()?)
}

/// Closes a resolved request on its own, with an `auto_close` event that says after how
/// many days (in `text`).
pub fn auto_close(conn: &Connection, request_id: i64, days: u32, now: i64) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE requests SET status = 'closed' WHERE id = ?1")?
        .execute([request_id])?;
    conn.prepare_cached(
        "INSERT INTO request_events (request_id, at, kind, by_name, staff, from_status,
                                     to_status, text)
         VALUES (?1, ?2, 'auto_close', '', 1, 'resolved', 'closed', ?3)",
    )?
    .execute(params![request_id, now, days.to_string()])?;
    Ok(())
}

/// One rating for `staff ratings`: month (`YYYY-MM`), request, customer, score, comment.
pub struct RatingRow {
    pub month: String,
    pub request_id: i64,
    pub customer: String,
    pub score: u8,
    pub comment: Option<String>,
}

pub fn all_ratings(conn: &Connection) -> Result<Vec<RatingRow>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT strftime('%Y-%m', g.first_at, 'unixepoch'), g.request_id, c.name, g.score,
                g.comment
         FROM ratings g JOIN requests r ON r.id = g.request_id
         JOIN customers c ON c.id = r.customer_id
         ORDER BY g.first_at, g.request_id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(RatingRow {
            month: row.get(0)?,
            request_id: row.get(1)?,
            customer: row.get(2)?,
            score: row.get(3)?,
            comment: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
