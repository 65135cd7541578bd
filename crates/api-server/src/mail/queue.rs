//! The worker's side of the outbox: take the next due mail (claiming it first, so a
//! crash mid-send retries it only after its backoff), then mark it sent or failed.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::ApiError;

/// A mail as the worker sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    pub id: i64,
    pub message_id: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// Tries including this one.
    pub attempt: u32,
}

/// The first wait after a failure; it doubles with each try, up to the configured most.
pub const FIRST_RETRY_SECONDS: i64 = 5;

/// Seconds to wait after the `attempt`-th try failed.
pub fn backoff(attempt: u32, max_seconds: u32) -> i64 {
    let doubled = FIRST_RETRY_SECONDS.saturating_mul(1i64 << attempt.saturating_sub(1).min(20));
    doubled.min(i64::from(max_seconds))
}

/// The earliest due unsent mail, claimed: its try is counted and its next try set as if
/// this one fails, in the caller's write transaction.
pub fn claim_next(
    conn: &Connection,
    now: i64,
    retry_max_seconds: u32,
) -> Result<Option<Outgoing>, ApiError> {
    let next = conn
        .prepare_cached(
            "SELECT id, message_id, to_address, subject, body_text, body_html, attempts
             FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ?1
             ORDER BY next_attempt_at, id LIMIT 1",
        )?
        .query_row([now], |row| {
            Ok(Outgoing {
                id: row.get(0)?,
                message_id: row.get(1)?,
                to_address: row.get(2)?,
                subject: row.get(3)?,
                body_text: row.get(4)?,
                body_html: row.get(5)?,
                attempt: row.get::<_, u32>(6)?.saturating_add(1),
            })
        })
        .optional()?;
    if let Some(mail) = &next {
        conn.prepare_cached("UPDATE outbox SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1")?
            .execute(params![
                mail.id,
                mail.attempt,
                now + backoff(mail.attempt, retry_max_seconds)
            ])?;
    }
    Ok(next)
}

/// The SMTP server accepted the mail.
pub fn mark_sent(conn: &Connection, id: i64, now: i64) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE outbox SET sent_at = ?2, last_error = NULL WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}

/// The try failed; the claim already set when the next one is due.
pub fn mark_failed(conn: &Connection, id: i64, error: &str) -> Result<(), ApiError> {
    conn.prepare_cached("UPDATE outbox SET last_error = ?2 WHERE id = ?1")?
        .execute(params![id, error])?;
    Ok(())
}

/// Unsent mails (for the log at start and for tests).
pub fn pending(conn: &Connection) -> Result<i64, ApiError> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM outbox WHERE sent_at IS NULL")?
        .query_row([], |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_the_most() {
        let waits: Vec<i64> = (1..=9).map(|n| backoff(n, 600)).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 320, 600, 600]);
        assert_eq!(backoff(1000, 2), 2);
    }
}
