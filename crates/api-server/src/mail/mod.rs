//! E-mail notifications: what happened, to whom, in which words. Events record their
//! mails with [`enqueue`] in the caller's write transaction (the transactional outbox of
//! migration 0004); the worker (`serve`) sends them over SMTP later, retrying until the
//! server accepts them. Everything a mail says is decided here, at the time of the event:
//! the recipient's address and language, the subject with the request's number, the plain
//! text and the HTML. Only the portal's public address is added when sending (see
//! [`ORIGIN`]), so mails recorded by the staff command line link to the same portal as
//! those of the server.

pub mod checks;
pub mod format;
mod kind;
mod letter;
pub mod preferences;
pub mod queue;
mod render;
pub mod sender;
pub mod settings;
mod store;
pub mod texts;
pub mod worker;

use rusqlite::Connection;

use crate::error::ApiError;

pub use kind::MailKind;
pub use letter::{Letter, Recipient};
pub use render::{ORIGIN, with_origin};
pub use store::{admins, enabled_by_default};

/// Records the mail in the outbox on `conn`, which is the caller's write transaction (the
/// same one as the event that causes it). Skips it when the recipient switched the kind
/// off or muted the request (switchable kinds only) or is deactivated. Renders subject,
/// plain text and HTML in the recipient's language now, so the worker only sends.
pub fn enqueue(conn: &Connection, letter: &Letter, now: i64) -> Result<(), ApiError> {
    let Some(recipient) = store::recipient(conn, letter.to_user)? else {
        return Err(ApiError::broken(format!(
            "a {} mail to user {}, who does not exist",
            letter.kind.key(),
            letter.to_user
        )));
    };
    if !store::wants(conn, &recipient, letter)? {
        return Ok(());
    }
    let title = match letter.request_id {
        Some(id) if !letter.vars.iter().any(|(name, _)| *name == "title") => {
            store::request_title(conn, id)?
        }
        _ => None,
    };
    let rendered = render::render(letter, &recipient, title.as_deref())?;
    store::insert(conn, letter, &recipient, &rendered, now)
}

/// The same letter to each active admin of the customer (to_user is ignored).
pub fn enqueue_to_admins(
    conn: &Connection,
    customer_id: i64,
    letter: &Letter,
    now: i64,
) -> Result<(), ApiError> {
    for admin in store::admins(conn, customer_id)? {
        let letter = Letter {
            to_user: admin,
            ..letter.clone()
        };
        enqueue(conn, &letter, now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
