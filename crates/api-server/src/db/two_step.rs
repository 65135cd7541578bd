//! The stored side of two-step sign-in: the user's TOTP secret (pending until confirmed
//! by a first code), the last time step used, the recovery codes' hashes, and whether the
//! company requires it.

use rusqlite::{Connection, OptionalExtension, params};

/// A user's two-step state.
pub struct TwoStep {
    /// Set once a first code confirmed it: sign-in then asks for a code.
    pub secret: Option<String>,
    /// Shown to the user, waiting for the first code.
    pub pending: Option<String>,
    pub last_step: Option<i64>,
    /// The company requires two-step sign-in.
    pub required: bool,
}

pub fn state(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<TwoStep>> {
    conn.prepare_cached(
        "SELECT u.totp_secret, u.totp_pending, u.totp_last_step, c.require_two_step
         FROM users u JOIN customers c ON c.id = u.customer_id WHERE u.id = ?1",
    )?
    .query_row([user_id], |row| {
        Ok(TwoStep {
            secret: row.get(0)?,
            pending: row.get(1)?,
            last_step: row.get(2)?,
            required: row.get(3)?,
        })
    })
    .optional()
}

pub fn set_pending(conn: &Connection, user_id: i64, secret: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET totp_pending = ?2 WHERE id = ?1",
        params![user_id, secret],
    )?;
    Ok(())
}

/// Turns two-step sign-in on with the pending secret, the step of the confirming code and
/// new recovery codes (any earlier ones are gone).
pub fn enable(
    conn: &Connection,
    user_id: i64,
    step: i64,
    recovery_hashes: &[[u8; 32]],
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?2
         WHERE id = ?1",
        params![user_id, step],
    )?;
    conn.execute("DELETE FROM recovery_codes WHERE user_id = ?1", [user_id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)")?;
    for hash in recovery_hashes {
        insert.execute(params![user_id, hash.as_slice()])?;
    }
    Ok(())
}

/// Turns two-step sign-in off: no secret (confirmed or waiting), no recovery codes.
pub fn reset(conn: &Connection, user_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL
         WHERE id = ?1",
        [user_id],
    )?;
    conn.execute("DELETE FROM recovery_codes WHERE user_id = ?1", [user_id])?;
    Ok(())
}

/// Takes `step` as used, if it is later than the last one: false when another request
/// used it (or a later one) first.
pub fn use_step(conn: &Connection, user_id: i64, step: i64) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE users SET totp_last_step = ?2
         WHERE id = ?1 AND (totp_last_step IS NULL OR totp_last_step < ?2)",
        params![user_id, step],
    )?;
    Ok(changed == 1)
}

/// Uses a recovery code: true if it was the user's and unused, and it is used now.
pub fn use_recovery_code(conn: &Connection, user_id: i64, hash: &[u8]) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "DELETE FROM recovery_codes WHERE user_id = ?1 AND code_hash = ?2",
        params![user_id, hash],
    )?;
    Ok(changed == 1)
}

pub fn set_required(conn: &Connection, customer_id: i64, required: bool) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE customers SET require_two_step = ?2 WHERE id = ?1",
        params![customer_id, required],
    )?;
    Ok(())
}

pub fn required(conn: &Connection, customer_id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT require_two_step FROM customers WHERE id = ?1")?
        .query_row([customer_id], |row| row.get(0))
}
