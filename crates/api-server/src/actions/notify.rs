//! The mails of request events, recorded in the transaction of the event (see
//! `crate::mail`): each function names whom an event mails and with which values.

use rusqlite::Connection;
use support_api::money::Currency;
use support_api::resolution::AUTO_CLOSE_DAYS;

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

/// A resolution to the requester: the link opens the request at the card that confirms
/// or reopens it, and the mail says when an unanswered resolution closes itself (the
/// contract's default; the staff command does not know a server's `--auto-close-days`).
pub fn resolved(conn: &Connection, request: &Stored, now: i64) -> Result<(), ApiError> {
    let mut letter = about(
        MailKind::Resolved,
        request.requested_by,
        request.id,
        vec![("days", AUTO_CLOSE_DAYS.to_string())],
    );
    letter.link.push_str("#resolution");
    mail::enqueue(conn, &letter, now)
}

/// Closing the loop's mails (a quote issued, accepted or declined, a resolution reopened):
/// to the requester and the admins of `request`'s customer, leaving out `actor` (the
/// user who acted; `None` for the support team).
pub fn concerned(
    conn: &Connection,
    request: &Stored,
    kind: MailKind,
    actor: Option<i64>,
    vars: Vec<(&'static str, String)>,
    now: i64,
) -> Result<(), ApiError> {
    let mut to = mail::admins(conn, request.customer_id)?;
    to.push(request.requested_by);
    to.sort_unstable();
    to.dedup();
    for user in to.into_iter().filter(|u| Some(*u) != actor) {
        let letter = Letter {
            kind,
            to_user: user,
            request_id: Some(request.id),
            link: format!("/requests/{}", request.id),
            vars: vars.clone(),
        };
        mail::enqueue(conn, &letter, now)?;
    }
    Ok(())
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
