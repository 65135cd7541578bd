//! The mails that carry a single-use link: an invitation and a password reset. The
//! token is in the link's query (the portal's page reads it from there); only its hash is
//! stored, and the outbox row is the only other place the token is written.

use rusqlite::Connection;

use crate::error::ApiError;
use crate::mail::{self, Letter, MailKind};

/// Portal path of the page that accepts an invitation.
pub const INVITATION_PATH: &str = "/invitation";
/// Portal path of the page that sets a new password.
pub const RESET_PATH: &str = "/reset-password";

/// Queues the invitation mail, in the invitee's language.
pub fn invitation(
    tx: &Connection,
    user_id: i64,
    inviter: &str,
    secret: &str,
    now: i64,
) -> Result<(), ApiError> {
    let letter = Letter {
        kind: MailKind::Invitation,
        to_user: user_id,
        request_id: None,
        link: format!("{INVITATION_PATH}?token={secret}"),
        vars: vec![("by", inviter.to_owned())],
    };
    mail::enqueue(tx, &letter, now)
}

/// Queues the password-reset mail.
pub fn reset(tx: &Connection, user_id: i64, secret: &str, now: i64) -> Result<(), ApiError> {
    let letter = Letter {
        kind: MailKind::PasswordReset,
        to_user: user_id,
        request_id: None,
        link: format!("{RESET_PATH}?token={secret}"),
        vars: Vec::new(),
    };
    mail::enqueue(tx, &letter, now)
}
