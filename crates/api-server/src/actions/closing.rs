//! What the customer's people do once the work is done or quoted: confirm or reopen a
//! resolution, rate the support, accept or decline a quote. Each runs inside the caller's
//! write transaction, like `customer`.

use rusqlite::Connection;
use support_api::quotes::{QuoteDecline, QuoteState};
use support_api::requests::RequestStatus;
use support_api::resolution::{NewRating, Reopen};
use support_api::session::Role;

use super::customer::{Requester, visible};
use super::notify::concerned;
use crate::db::closing::{self, StoredQuote};
use crate::db::closing_view::rating_deadline;
use crate::db::requests::{self, Stored};
use crate::error::ApiError;
use crate::mail::MailKind;
use crate::mail::format;
use crate::time_util::{day_of, format_day};

fn resolved(request: &Stored, what: &str) -> Result<(), ApiError> {
    if request.status == RequestStatus::Resolved {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!(
            "Only a resolved request can be {what}; this one is {}.",
            request.status.as_str()
        )))
    }
}

/// The requester (or an admin) confirms the resolution: closed.
pub fn confirm(conn: &Connection, who: &Requester, id: i64, now: i64) -> Result<(), ApiError> {
    let request = visible(conn, who, id)?;
    resolved(&request, "confirmed")?;
    requests::set_status(
        conn,
        &request,
        RequestStatus::Closed,
        now,
        &who.actor(),
        None,
    )?;
    Ok(())
}

/// The requester (or an admin) reopens the resolution with a reason: in progress again.
pub fn reopen(
    conn: &Connection,
    who: &Requester,
    id: i64,
    body: &Reopen,
    now: i64,
) -> Result<(), ApiError> {
    let request = visible(conn, who, id)?;
    body.validate()?;
    resolved(&request, "reopened")?;
    requests::set_status(
        conn,
        &request,
        RequestStatus::InProgress,
        now,
        &who.actor(),
        Some(body.reason.trim()),
    )?;
    let vars = vec![
        ("by", who.name.clone()),
        ("reason", body.reason.trim().to_owned()),
    ];
    concerned(
        conn,
        &request,
        MailKind::Reopened,
        Some(who.user_id),
        vars,
        now,
    )
}

/// The requester rates a closed request, once; a change is taken within the window after
/// the first rating. Admins see colleagues' requests but rate only their own.
pub fn rate(
    conn: &Connection,
    who: &Requester,
    id: i64,
    body: &NewRating,
    now: i64,
) -> Result<(), ApiError> {
    let request = visible(conn, who, id)?;
    if request.requested_by != who.user_id {
        return Err(ApiError::Forbidden);
    }
    body.validate()?;
    if request.status != RequestStatus::Closed {
        return Err(ApiError::Conflict(format!(
            "Only a closed request can be rated; this one is {}.",
            request.status.as_str()
        )));
    }
    if let Some(before) = closing::rating(conn, id)?
        && now >= rating_deadline(before.first_at)
    {
        return Err(ApiError::Conflict(
            "The rating can no longer be changed.".into(),
        ));
    }
    let comment = body
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    closing::rate(conn, id, &who.actor(), body.score, comment, now)
}

/// The open quote an admin may decide: 403 for members, 409 without an open quote.
fn open_quote(
    conn: &Connection,
    who: &Requester,
    id: i64,
) -> Result<(Stored, StoredQuote), ApiError> {
    let request = visible(conn, who, id)?;
    if who.role != Role::Admin {
        return Err(ApiError::Forbidden);
    }
    match closing::open_quote(conn, id)? {
        Some(quote) if request.status == RequestStatus::QuotePending => Ok((request, quote)),
        _ => Err(ApiError::Conflict("The request has no open quote.".into())),
    }
}

/// Where a request goes when its quote is decided: back to where it was when quoted.
fn after_quote(quote: &StoredQuote) -> RequestStatus {
    match quote.quoted_from {
        RequestStatus::Scheduled | RequestStatus::InProgress => quote.quoted_from,
        _ => RequestStatus::Submitted,
    }
}

/// An admin accepts the open, unexpired quote: the work is ordered at the quoted amount.
pub fn accept_quote(conn: &Connection, who: &Requester, id: i64, now: i64) -> Result<(), ApiError> {
    let (request, quote) = open_quote(conn, who, id)?;
    if quote.state_on(&format_day(day_of(now))) == QuoteState::Expired {
        return Err(ApiError::Conflict(format!(
            "The quote was valid until {}; ask the support team for a new one.",
            quote.valid_until
        )));
    }
    closing::decide_quote(conn, quote.id, QuoteState::Accepted, now, None)?;
    closing::set_quoted(conn, id, quote.amount)?;
    let actor = who.actor();
    closing::quote_event(conn, id, now, &actor, quote.id, QuoteState::Accepted, None)?;
    requests::set_status(conn, &request, after_quote(&quote), now, &actor, None)?;
    let vars = vec![
        ("by", who.name.clone()),
        ("amount", format::money(quote.amount, who.currency)),
    ];
    concerned(
        conn,
        &request,
        MailKind::QuoteAccepted,
        Some(who.user_id),
        vars,
        now,
    )
}

/// An admin declines the open quote (expired or not) with a reason: the request goes back
/// to where it was, and the support team answers (a new quote, or closing it).
pub fn decline_quote(
    conn: &Connection,
    who: &Requester,
    id: i64,
    body: &QuoteDecline,
    now: i64,
) -> Result<(), ApiError> {
    let (request, quote) = open_quote(conn, who, id)?;
    body.validate()?;
    let reason = body.reason.trim();
    closing::decide_quote(conn, quote.id, QuoteState::Declined, now, Some(reason))?;
    let actor = who.actor();
    closing::quote_event(
        conn,
        id,
        now,
        &actor,
        quote.id,
        QuoteState::Declined,
        Some(reason),
    )?;
    requests::set_status(conn, &request, after_quote(&quote), now, &actor, None)?;
    let vars = vec![("by", who.name.clone()), ("reason", reason.to_owned())];
    concerned(
        conn,
        &request,
        MailKind::QuoteDeclined,
        Some(who.user_id),
        vars,
        now,
    )
}
