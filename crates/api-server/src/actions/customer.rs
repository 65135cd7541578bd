//! What the customer's people do with requests: make one, comment, cancel, decide an
//! approval. Each runs inside the caller's write transaction and either stores all of
//! its changes or returns an error before storing any that matter (the caller rolls
//! back on error anyway).

use rusqlite::Connection;
use support_api::money::Currency;
use support_api::requests::{Decision, NewComment, NewRequest, RequestStatus, needs_approval};
use support_api::session::Role;
use support_api::validation::codes;

use super::{notify, pricing, sla_due};
use crate::db::requests::{self, Actor, NewRow, Stored, Viewer};
use crate::error::ApiError;
use crate::mail::MailKind;
use crate::time_util::{day_of, format_day};

/// The signed-in user acting for its customer.
#[derive(Clone, Debug)]
pub struct Requester {
    pub customer_id: i64,
    pub currency: Currency,
    pub user_id: i64,
    pub name: String,
    pub role: Role,
}

impl Requester {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            customer_id: self.customer_id,
            user_id: self.user_id,
            role: self.role,
        }
    }

    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user_id),
            name: self.name.clone(),
        }
    }
}

/// Validates and stores a new request at `now`; returns its id. A member's spend of SBP
/// credit (or a top-up) waits for approval; everything else is submitted, with its SLA
/// reaction target where the customer has a contract.
pub fn create(
    conn: &Connection,
    who: &Requester,
    new: &NewRequest,
    now: i64,
) -> Result<i64, ApiError> {
    let today = day_of(now);
    let today_text = format_day(today);
    // The form's own checks and those against the server's data, answered together.
    let mut errors = new.validate(&today_text).err().unwrap_or_default();
    let pricing = match pricing::price(conn, who.customer_id, who.currency, new, today) {
        Ok(pricing) => Some(pricing),
        Err(ApiError::Fields(more)) => {
            errors.0.extend(more.0);
            None
        }
        Err(err) => return Err(err),
    };
    let pricing = match pricing {
        Some(pricing) if errors.is_empty() => pricing,
        _ => return Err(errors.into()),
    };
    if let Some((date_id, participants)) = pricing.course_date
        && !requests::take_seats(conn, date_id, participants, &today_text)?
    {
        return Err(ApiError::field(
            "course",
            codes::UNAVAILABLE,
            "this course date has not enough seats left or has started",
        ));
    }
    let status = if needs_approval(who.role, new.request_type(), pricing.billed_as) {
        RequestStatus::AwaitingApproval
    } else {
        RequestStatus::Submitted
    };
    let reaction_due_at = if status == RequestStatus::Submitted {
        sla_due(conn, who.customer_id, new.request_type(), new.priority, now)?
    } else {
        None
    };
    let phone = new
        .contact_phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let id = requests::insert(
        conn,
        &NewRow {
            customer_id: who.customer_id,
            requested_by: who.user_id,
            request_type: new.request_type(),
            title: new.title.trim(),
            description: new.description.trim(),
            priority: new.priority,
            licence_id: new.licence_id,
            contact_phone: phone,
            details: &new.details,
            course_date: pricing.course_date,
            status,
            billed_as: pricing.billed_as,
            billing: pricing.billing,
            rate: pricing.rate,
            rate_unit: pricing.rate_unit,
            estimate: pricing.amount,
            estimate_minutes: pricing.minutes,
            created_at: now,
            reaction_due_at,
        },
    )?;
    requests::status_event(conn, id, None, status, now, &who.actor(), None)?;
    let approval =
        (status == RequestStatus::AwaitingApproval).then_some((pricing.amount, who.currency));
    notify::received(
        conn,
        id,
        who.user_id,
        &who.name,
        approval,
        who.customer_id,
        now,
    )?;
    Ok(id)
}

/// The request if this user may see it, else 404.
pub fn visible(conn: &Connection, who: &Requester, id: i64) -> Result<Stored, ApiError> {
    requests::find(conn, Some(who.viewer()), id)?.ok_or(ApiError::NotFound)
}

/// Adds the user's comment; a cancelled or closed request takes none (a field error on
/// `text`, so the form shows it where the comment was typed).
pub fn comment(
    conn: &Connection,
    who: &Requester,
    id: i64,
    body: &NewComment,
    now: i64,
) -> Result<i64, ApiError> {
    let request = visible(conn, who, id)?;
    body.validate()?;
    if !request.status.takes_comments() {
        return Err(ApiError::field(
            "text",
            codes::UNAVAILABLE,
            "the request is cancelled or closed and takes no comments",
        ));
    }
    requests::comment_event(conn, id, now, &who.actor(), body.text.trim())
}

/// Cancels the request while work has not started (409 after that).
pub fn cancel(conn: &Connection, who: &Requester, id: i64, now: i64) -> Result<(), ApiError> {
    let request = visible(conn, who, id)?;
    if !request.status.can_cancel() {
        return Err(ApiError::Conflict(format!(
            "A request that is {} can no longer be cancelled.",
            request.status.as_str()
        )));
    }
    cancelled(conn, &request, who, now, None)?;
    // Whoever cancels their own request knows; a member learns of an admin's cancel.
    if request.requested_by != who.user_id {
        notify::requester(
            conn,
            &request,
            MailKind::Cancelled,
            vec![("by", who.name.clone())],
            now,
        )?;
    }
    Ok(())
}

/// Moves a request to cancelled (the requester's cancel, or an admin's decline with its
/// reason) and gives back the course seats it held.
fn cancelled(
    conn: &Connection,
    request: &Stored,
    who: &Requester,
    now: i64,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    requests::set_status(
        conn,
        request,
        RequestStatus::Cancelled,
        now,
        &who.actor(),
        reason,
    )?;
    requests::release_seats(conn, request)
}

/// An admin approves (→ submitted, the SLA clock starts) or declines (→ cancelled, with
/// the reason) a request awaiting approval. Members get 403 for their own requests and
/// 404 for anyone else's; anything not awaiting approval is a 409.
pub fn decide(
    conn: &Connection,
    who: &Requester,
    id: i64,
    decision: &Decision,
    now: i64,
) -> Result<(), ApiError> {
    let request = visible(conn, who, id)?;
    if who.role != Role::Admin {
        return Err(ApiError::Forbidden);
    }
    decision.validate()?;
    if request.status != RequestStatus::AwaitingApproval {
        return Err(ApiError::Conflict(format!(
            "Only a request awaiting approval can be decided; this one is {}.",
            request.status.as_str()
        )));
    }
    let reason = decision
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if decision.approve {
        requests::set_status(
            conn,
            &request,
            RequestStatus::Submitted,
            now,
            &who.actor(),
            reason,
        )?;
        let due = sla_due(
            conn,
            request.customer_id,
            request.request_type,
            request.priority,
            now,
        )?;
        requests::set_reaction_due(conn, id, due)?;
        notify::requester(
            conn,
            &request,
            MailKind::SpendApproved,
            vec![("by", who.name.clone())],
            now,
        )
    } else {
        cancelled(conn, &request, who, now, reason)?;
        notify::requester(
            conn,
            &request,
            MailKind::SpendDeclined,
            vec![
                ("by", who.name.clone()),
                ("reason", reason.unwrap_or("–").to_owned()),
            ],
            now,
        )
    }
}
