//! Users and their customers, as sign-in and the session need them.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::account::Account;
use support_api::session::{CustomerSummary, Language, User};

use super::codec::Code;

/// What sign-in needs to check a password.
pub struct Credentials {
    pub user_id: i64,
    pub password_hash: String,
}

/// The credentials of an active account; `email` must already be trimmed and lower-cased
/// (as stored). Invited and deactivated users have none: they cannot sign in.
pub fn credentials(conn: &Connection, email: &str) -> rusqlite::Result<Option<Credentials>> {
    conn.prepare_cached(
        "SELECT id, password_hash FROM users WHERE email = ?1 AND status = 'active'",
    )?
    .query_row([email], |row| {
        Ok(Credentials {
            user_id: row.get(0)?,
            password_hash: row.get(1)?,
        })
    })
    .optional()
}

/// The user and its customer, as the session shows them.
pub fn user_with_customer(
    conn: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<(User, CustomerSummary)>> {
    conn.prepare_cached(
        "SELECT u.id, u.name, u.email, u.role, u.language,
                c.id, c.name, c.country, c.currency, c.language
         FROM users u JOIN customers c ON c.id = u.customer_id
         WHERE u.id = ?1",
    )?
    .query_row(params![user_id], |row| {
        let user = User {
            id: row.get(0)?,
            name: row.get(1)?,
            email: row.get(2)?,
            role: row.get::<_, Code<_>>(3)?.0,
            language: row.get::<_, Option<Code<_>>>(4)?.map(|code| code.0),
        };
        let customer = CustomerSummary {
            id: row.get(5)?,
            name: row.get(6)?,
            country: row.get(7)?,
            currency: row.get::<_, Code<_>>(8)?.0,
            language: row.get::<_, Code<_>>(9)?.0,
        };
        Ok((user, customer))
    })
    .optional()
}

/// The customer whose users have e-mail addresses at `domain` (lower-case, no `@`).
pub fn customer_at_domain(conn: &Connection, domain: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT customer_id FROM users WHERE substr(email, instr(email, '@') + 1) = ?1
         LIMIT 1",
    )?
    .query_row([domain], |row| row.get(0))
    .optional()
}

/// The password hash of an active user by id (to check the current password).
pub fn password_hash(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT password_hash FROM users WHERE id = ?1 AND status = 'active'")?
        .query_row([user_id], |row| row.get(0))
        .optional()
}

pub fn set_password_hash(conn: &Connection, user_id: i64, hash: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![user_id, hash],
    )?;
    Ok(())
}

pub fn signed_in(conn: &Connection, user_id: i64, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET last_sign_in_at = ?2 WHERE id = ?1",
        params![user_id, now],
    )?;
    Ok(())
}

/// The user's own profile.
pub fn profile(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<Account>> {
    conn.prepare_cached(
        "SELECT name, email, phone, language, role, totp_secret IS NOT NULL FROM users
         WHERE id = ?1",
    )?
    .query_row([user_id], |row| {
        Ok(Account {
            name: row.get(0)?,
            email: row.get(1)?,
            phone: row.get(2)?,
            language: row.get::<_, Option<Code<_>>>(3)?.map(|c| c.0),
            role: row.get::<_, Code<_>>(4)?.0,
            two_step: row.get(5)?,
        })
    })
    .optional()
}

pub fn update_profile(
    conn: &Connection,
    user_id: i64,
    name: &str,
    phone: Option<&str>,
    language: Option<Language>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET name = ?2, phone = ?3, language = ?4 WHERE id = ?1",
        params![user_id, name, phone, language.map(Code)],
    )?;
    Ok(())
}

pub fn set_name(conn: &Connection, user_id: i64, name: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET name = ?2 WHERE id = ?1",
        params![user_id, name],
    )?;
    Ok(())
}

pub fn customer_of(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT customer_id FROM users WHERE id = ?1")?
        .query_row([user_id], |row| row.get(0))
        .optional()
}
