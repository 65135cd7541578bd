//! Session rows. The token itself never reaches the database, only its SHA-256.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::session::{CustomerSummary, User};

use super::codec::Code;

pub struct NewSession<'a> {
    pub token_hash: &'a [u8],
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
    /// The browser's User-Agent, already cut to a sane length.
    pub user_agent: Option<&'a str>,
}

pub fn insert(conn: &Connection, session: &NewSession<'_>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at,
                               last_seen_at, user_agent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6)",
        params![
            session.token_hash,
            session.user_id,
            session.csrf_token,
            session.created_at,
            session.expires_at,
            session.user_agent
        ],
    )?;
    Ok(())
}

/// A live session with its user and the user's customer, as every signed-in request
/// needs them.
pub struct LiveSession {
    pub csrf_token: String,
    pub expires_at: i64,
    pub user: User,
    pub customer: CustomerSummary,
    /// The company requires two-step sign-in and the user has not set it up yet.
    pub must_enrol: bool,
}

/// The session for a token hash if it has not expired at `now` and its user is active:
/// one indexed lookup, prepared once per connection. Role and status are read at every
/// request, so a change by an admin holds from the user's next request.
pub fn find_live(
    conn: &Connection,
    token_hash: &[u8],
    now: i64,
) -> rusqlite::Result<Option<LiveSession>> {
    conn.prepare_cached(
        "SELECT s.csrf_token, s.expires_at,
                u.id, u.name, u.email, u.role, u.language,
                c.id, c.name, c.country, c.currency, c.language,
                c.require_two_step = 1 AND u.totp_secret IS NULL
         FROM sessions s JOIN users u ON u.id = s.user_id
              JOIN customers c ON c.id = u.customer_id
         WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.status = 'active'",
    )?
    .query_row(params![token_hash, now], |row| {
        Ok(LiveSession {
            csrf_token: row.get(0)?,
            expires_at: row.get(1)?,
            user: User {
                id: row.get(2)?,
                name: row.get(3)?,
                email: row.get(4)?,
                role: row.get::<_, Code<_>>(5)?.0,
                language: row.get::<_, Option<Code<_>>>(6)?.map(|code| code.0),
            },
            customer: CustomerSummary {
                id: row.get(7)?,
                name: row.get(8)?,
                country: row.get(9)?,
                currency: row.get::<_, Code<_>>(10)?.0,
                language: row.get::<_, Code<_>>(11)?.0,
            },
            must_enrol: row.get(12)?,
        })
    })
    .optional()
}

pub fn delete(conn: &Connection, token_hash: &[u8]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Housekeeping at sign-in, so expired rows do not pile up.
pub fn delete_expired(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])
}

/// Ends every live session at `now` (the `expire-sessions` helper); the next sign-in's
/// housekeeping removes the rows.
pub fn expire_all(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE sessions SET expires_at = ?1 WHERE expires_at > ?1",
        [now],
    )
}

/// One of a user's live sessions, for the account page.
pub struct UserSession {
    pub token_hash: Vec<u8>,
    pub user_agent: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// The user's live sessions, the most recently seen first.
pub fn for_user(conn: &Connection, user_id: i64, now: i64) -> rusqlite::Result<Vec<UserSession>> {
    let mut statement = conn.prepare_cached(
        "SELECT token_hash, user_agent, created_at, coalesce(last_seen_at, created_at)
         FROM sessions WHERE user_id = ?1 AND expires_at > ?2
         ORDER BY 4 DESC, created_at DESC",
    )?;
    let rows = statement.query_map(params![user_id, now], |row| {
        Ok(UserSession {
            token_hash: row.get(0)?,
            user_agent: row.get(1)?,
            created_at: row.get(2)?,
            last_seen_at: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// Ends every session of the user except `keep` (none: all of them).
pub fn delete_for_user(
    conn: &Connection,
    user_id: i64,
    keep: Option<&[u8]>,
) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2",
        params![user_id, keep],
    )
}

/// Notes that the session was used at `now`.
pub fn touch(conn: &Connection, token_hash: &[u8], now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1",
        params![token_hash, now],
    )?;
    Ok(())
}
