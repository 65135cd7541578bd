//! A company's people, the single-use tokens mailed to them, and the record of changes.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::people::{ChangeKind, Person, PersonChange, PersonStatus};
use support_api::session::{Language, Role};

use super::codec::Code;
use crate::error::ApiError;
use crate::time_util::format_instant;

/// What a mailed token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Invitation,
    Reset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Invitation => "invitation",
            Purpose::Reset => "reset",
        }
    }
}

const PERSON: &str = "SELECT u.id, u.name, u.email, u.role, u.status, u.last_sign_in_at,
        (SELECT max(t.expires_at) FROM account_tokens t
         WHERE t.user_id = u.id AND t.purpose = 'invitation' AND t.used_at IS NULL),
        u.totp_secret IS NOT NULL
     FROM users u";

fn person(row: &rusqlite::Row<'_>) -> rusqlite::Result<(Person, Option<i64>, Option<i64>)> {
    let status: PersonStatus = row.get::<_, Code<_>>(4)?.0;
    Ok((
        Person {
            id: row.get(0)?,
            name: row.get(1)?,
            email: row.get(2)?,
            role: row.get::<_, Code<_>>(3)?.0,
            status,
            last_sign_in_at: None,
            invitation_expires_at: None,
            two_step: row.get(7)?,
        },
        row.get(5)?,
        if status == PersonStatus::Invited {
            row.get(6)?
        } else {
            None
        },
    ))
}

fn finish(
    (mut person, signed_in, expires): (Person, Option<i64>, Option<i64>),
) -> Result<Person, ApiError> {
    person.last_sign_in_at = signed_in.map(format_instant).transpose()?;
    person.invitation_expires_at = expires.map(format_instant).transpose()?;
    Ok(person)
}

/// The customer's people: admins first, then by name.
pub fn list(conn: &Connection, customer_id: i64) -> Result<Vec<Person>, ApiError> {
    let mut statement = conn.prepare_cached(&format!(
        "{PERSON} WHERE u.customer_id = ?1 ORDER BY u.role = 'member', u.name, u.id"
    ))?;
    let rows = statement.query_map([customer_id], person)?;
    let mut people = Vec::new();
    for row in rows {
        people.push(finish(row?)?);
    }
    Ok(people)
}

/// One person of the customer; another customer's (or no one) is not found.
pub fn find(conn: &Connection, customer_id: i64, user_id: i64) -> Result<Person, ApiError> {
    let row = conn
        .prepare_cached(&format!("{PERSON} WHERE u.customer_id = ?1 AND u.id = ?2"))?
        .query_row(params![customer_id, user_id], person)
        .optional()?;
    finish(row.ok_or(ApiError::NotFound)?)
}

/// Active admins of the customer: the last one must stay.
pub fn active_admins(conn: &Connection, customer_id: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "SELECT count(*) FROM users
         WHERE customer_id = ?1 AND role = 'admin' AND status = 'active'",
    )?
    .query_row([customer_id], |row| row.get(0))
}

pub fn email_taken(conn: &Connection, email: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM users WHERE email = ?1")?
        .query_row([email], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// An invited user without a usable password ('!' is no PHC string: it matches nothing).
pub fn insert_invited(
    conn: &Connection,
    customer_id: i64,
    email: &str,
    name: &str,
    role: Role,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO users (customer_id, email, name, role, password_hash, status)
         VALUES (?1, ?2, ?3, ?4, '!', 'invited')",
        params![customer_id, email, name, Code(role)],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Sets the user's language (the mails' and the portal's); `None`: the company's.
pub fn set_language(
    conn: &Connection,
    user_id: i64,
    language: Option<Language>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET language = ?2 WHERE id = ?1",
        params![user_id, language.map(Code)],
    )?;
    Ok(())
}

pub fn set_role(conn: &Connection, user_id: i64, role: Role) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2 WHERE id = ?1",
        params![user_id, Code(role)],
    )?;
    Ok(())
}

pub fn set_status(conn: &Connection, user_id: i64, status: PersonStatus) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET status = ?2 WHERE id = ?1",
        params![user_id, Code(status)],
    )?;
    Ok(())
}

/// Removes an invited user, with the mails queued to them: a revoked invitation that
/// the worker has not sent yet is not sent.
pub fn delete_invited(conn: &Connection, user_id: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM outbox WHERE to_user = ?1", [user_id])?;
    conn.execute(
        "DELETE FROM users WHERE id = ?1 AND status = 'invited'",
        [user_id],
    )?;
    Ok(())
}

/// Stores a new token of `purpose` for the user; the user's earlier ones of that purpose
/// stop working.
pub fn issue_token(
    conn: &Connection,
    user_id: i64,
    purpose: Purpose,
    token_hash: &[u8],
    now: i64,
    expires_at: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2",
        params![user_id, purpose.code()],
    )?;
    conn.execute(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![token_hash, user_id, purpose.code(), now, expires_at],
    )?;
    Ok(())
}

/// Uses a token: the user it names if it is of `purpose`, unused and unexpired at `now`,
/// and marks it used in the caller's transaction (so it works once).
pub fn use_token(
    conn: &Connection,
    purpose: Purpose,
    token_hash: &[u8],
    now: i64,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "UPDATE account_tokens SET used_at = ?3
         WHERE token_hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3
         RETURNING user_id",
    )?
    .query_row(params![token_hash, purpose.code(), now], |row| row.get(0))
    .optional()
}

/// One entry of the record of changes.
pub struct Change<'a> {
    pub customer_id: i64,
    pub at: i64,
    pub kind: ChangeKind,
    pub actor: &'a str,
    pub person: &'a Person,
    pub role: Option<Role>,
}

pub fn record(conn: &Connection, change: &Change<'_>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO people_changes (customer_id, at, kind, actor_name, person_name, email, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            change.customer_id,
            change.at,
            Code(change.kind),
            change.actor,
            change.person.name,
            change.person.email,
            change.role.map(Code)
        ],
    )?;
    Ok(())
}

/// The latest 100 changes of the customer, newest first.
pub fn changes(conn: &Connection, customer_id: i64) -> Result<Vec<PersonChange>, ApiError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, at, kind, actor_name, person_name, email, role FROM people_changes
         WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT 100",
    )?;
    let rows = statement.query_map([customer_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, Code<ChangeKind>>(2)?.0,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
            row.get::<_, Option<Code<Role>>>(6)?.map(|c| c.0),
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (id, at, kind, actor, person, email, role) = row?;
        items.push(PersonChange {
            id,
            at: format_instant(at)?,
            kind,
            actor,
            person,
            email,
            role,
        });
    }
    Ok(items)
}
