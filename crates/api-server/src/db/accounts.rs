//! Users and their customers, as sign-in and the session need them.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::session::{CustomerSummary, User};

use super::codec::Code;

/// What sign-in needs to check a password.
pub struct Credentials {
    pub user_id: i64,
    pub password_hash: String,
}

/// `email` must already be trimmed and lower-cased (as stored).
pub fn credentials(conn: &Connection, email: &str) -> rusqlite::Result<Option<Credentials>> {
    conn.prepare_cached("SELECT id, password_hash FROM users WHERE email = ?1")?
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
        "SELECT u.id, u.name, u.email, u.role,
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
        };
        let customer = CustomerSummary {
            id: row.get(4)?,
            name: row.get(5)?,
            country: row.get(6)?,
            currency: row.get::<_, Code<_>>(7)?.0,
            language: row.get::<_, Code<_>>(8)?.0,
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
