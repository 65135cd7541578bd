//! The outbox and what decides whether a mail is written: the recipient, their
//! preferences and mutes.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::session::{Language, Role};

use super::kind::MailKind;
use super::letter::{Letter, Recipient};
use super::render::{Rendered, language_code};
use crate::db::codec::Code;
use crate::error::ApiError;

/// A kind is on unless the user switched it off; members get no company-wide mails
/// unless they switched them on.
pub fn enabled_by_default(kind: MailKind, role: Role) -> bool {
    !(kind.company_wide() && role == Role::Member)
}

pub fn recipient(conn: &Connection, user_id: i64) -> Result<Option<Recipient>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT u.id, u.customer_id, u.name, u.email, u.role,
                    coalesce(u.language, c.language), c.name, u.status <> 'deactivated'
             FROM users u JOIN customers c ON c.id = u.customer_id
             WHERE u.id = ?1",
        )?
        .query_row([user_id], |row| {
            Ok(Recipient {
                user_id: row.get(0)?,
                customer_id: row.get(1)?,
                name: row.get(2)?,
                email: row.get(3)?,
                role: row.get::<_, Code<Role>>(4)?.0,
                language: row.get::<_, Code<Language>>(5)?.0,
                company: row.get(6)?,
                active: row.get(7)?,
            })
        })
        .optional()?)
}

/// The active admins of a customer, by id.
pub fn admins(conn: &Connection, customer_id: i64) -> Result<Vec<i64>, ApiError> {
    let mut statement = conn.prepare_cached(
        "SELECT id FROM users
         WHERE customer_id = ?1 AND role = 'admin' AND status = 'active' ORDER BY id",
    )?;
    let ids = statement
        .query_map([customer_id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Whether the letter is to be written: never to a deactivated user; switchable kinds
/// only when the user has the kind on and has not muted the request.
pub fn wants(conn: &Connection, to: &Recipient, letter: &Letter) -> Result<bool, ApiError> {
    if !to.active {
        return Ok(false);
    }
    if !letter.kind.switchable() {
        return Ok(true);
    }
    let chosen: Option<bool> = conn
        .prepare_cached(
            "SELECT enabled FROM notification_preferences WHERE user_id = ?1 AND kind = ?2",
        )?
        .query_row(params![to.user_id, letter.kind.key()], |row| row.get(0))
        .optional()?;
    if !chosen.unwrap_or_else(|| enabled_by_default(letter.kind, to.role)) {
        return Ok(false);
    }
    let Some(request_id) = letter.request_id else {
        return Ok(true);
    };
    let muted: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM request_mutes WHERE user_id = ?1 AND request_id = ?2)",
        )?
        .query_row(params![to.user_id, request_id], |row| row.get(0))?;
    Ok(!muted)
}

pub fn request_title(conn: &Connection, request_id: i64) -> Result<Option<String>, ApiError> {
    Ok(conn
        .prepare_cached("SELECT title FROM requests WHERE id = ?1")?
        .query_row([request_id], |row| row.get(0))
        .optional()?)
}

/// Writes the mail, due at once, with a Message-ID of its own.
pub fn insert(
    conn: &Connection,
    letter: &Letter,
    to: &Recipient,
    mail: &Rendered,
    now: i64,
) -> Result<(), ApiError> {
    conn.prepare_cached(
        "INSERT INTO outbox (message_id, kind, to_user, to_address, language, request_id,
                             subject, body_text, body_html, created_at, next_attempt_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        message_id()?,
        letter.kind.key(),
        to.user_id,
        to.email,
        language_code(to.language),
        letter.request_id,
        mail.subject,
        mail.text,
        mail.html,
        now,
    ])?;
    Ok(())
}

/// `<32 hex digits@support-portal>`: random, so it is unique across databases too.
fn message_id() -> Result<String, ApiError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|err| ApiError::internal("getrandom", err))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("<{hex}@support-portal>"))
}
