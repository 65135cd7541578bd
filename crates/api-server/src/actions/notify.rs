//! The mails of request events, recorded in the transaction of the event (see
//! `crate::mail`): each function names whom an event mails and with which values.

use rusqlite::Connection;
use support_api::money::Currency;

use crate::db::requests::Stored;
use crate::error::ApiError;
use crate::mail::{self, Letter, MailKind, format};

/// A letter about request `id` that links to its page.
fn about(kind: MailKind, to_user: i64, id: i64, vars: Vec<(&'static str, String)>) -> Letter {
    Letter {
        kind,
        to_user,
        request_id: Some(id),
        link: format!("/requests/{id}"),
        vars,
    }
}

/// Mails the person who made the request.
pub fn requester(
    conn: &Connection,
    request: &Stored,
    kind: MailKind,
    vars: Vec<(&'static str, String)>,
    now: i64,
) -> Result<(), ApiError> {
    mail::enqueue(
        conn,
        &about(kind, request.requested_by, request.id, vars),
        now,
    )
}

/// A new request: its number to the requester and, when a member's spend waits for
/// approval, a mail to each admin with the link to decide it.
pub fn received(
    conn: &Connection,
    id: i64,
    requester: i64,
    member: &str,
    awaits_approval: Option<(Option<i64>, Currency)>,
    customer_id: i64,
    now: i64,
) -> Result<(), ApiError> {
    mail::enqueue(
        conn,
        &about(MailKind::RequestReceived, requester, id, Vec::new()),
        now,
    )?;
    if let Some((estimate, currency)) = awaits_approval {
        let cost = estimate.map_or_else(|| "–".to_owned(), |e| format::money(e, currency));
        let letter = about(
            MailKind::ApprovalNeeded,
            0,
            id,
            vec![("member", member.to_owned()), ("cost", cost)],
        );
        mail::enqueue_to_admins(conn, customer_id, &letter, now)?;
    }
    Ok(())
}
