//! Session rows. The token itself never reaches the database, only its SHA-256.

use rusqlite::{Connection, OptionalExtension, params};

pub struct NewSession<'a> {
    pub token_hash: &'a [u8],
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

pub fn insert(conn: &Connection, session: &NewSession<'_>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session.token_hash,
            session.user_id,
            session.csrf_token,
            session.created_at,
            session.expires_at
        ],
    )?;
    Ok(())
}

pub struct StoredSession {
    pub user_id: i64,
    pub csrf_token: String,
    pub expires_at: i64,
}

/// The session for a token hash if it has not expired at `now`.
pub fn find_live(
    conn: &Connection,
    token_hash: &[u8],
    now: i64,
) -> rusqlite::Result<Option<StoredSession>> {
    conn.query_row(
        "SELECT user_id, csrf_token, expires_at FROM sessions
         WHERE token_hash = ?1 AND expires_at > ?2",
        params![token_hash, now],
        |row| {
            Ok(StoredSession {
                user_id: row.get(0)?,
                csrf_token: row.get(1)?,
                expires_at: row.get(2)?,
            })
        },
    )
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
