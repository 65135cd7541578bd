//! The part of a request's detail that closing the loop adds: its latest quote, its
//! rating, the escalation reference, and what the viewer may do about them.

use rusqlite::Connection;
use support_api::money::{Currency, Money};
use support_api::quotes::{Quote, QuoteState};
use support_api::requests::{RequestDetail, RequestStatus};
use support_api::resolution::{RATING_CHANGE_DAYS, Rating};
use support_api::session::Role;

use super::closing;
use super::requests::{Stored, Viewer};
use crate::error::ApiError;
use crate::time_util::{day_of, format_day, format_instant};

/// Until when a rating first given at `first_at` can be changed.
pub fn rating_deadline(first_at: i64) -> i64 {
    first_at + i64::from(RATING_CHANGE_DAYS) * 86_400
}

/// Fills in the detail's quote, rating, escalation and what `viewer` may do about them.
pub fn add(
    conn: &Connection,
    r: &Stored,
    currency: Currency,
    viewer: Viewer,
    now: i64,
    detail: &mut RequestDetail,
) -> Result<(), ApiError> {
    let today = format_day(day_of(now));
    let quote = closing::latest_quote(conn, r.id)?;
    let quote_state = quote.as_ref().map(|q| q.state_on(&today));
    let rating = closing::rating(conn, r.id)?;
    let requester = viewer.user_id == r.requested_by;
    let can_rate = r.status == RequestStatus::Closed
        && requester
        && rating
            .as_ref()
            .is_none_or(|g| now < rating_deadline(g.first_at));
    detail.can_decide_quote = viewer.role == Role::Admin && quote_state == Some(QuoteState::Issued);
    detail.quote = match (quote, quote_state) {
        (Some(q), Some(state)) => Some(Quote {
            amount: Money::new(q.amount, currency),
            text: q.text,
            valid_until: q.valid_until,
            issued_at: format_instant(q.issued_at)?,
            state,
            reason: q.reason,
        }),
        _ => None,
    };
    detail.rating = match rating {
        Some(g) => Some(Rating {
            score: g.score,
            comment: g.comment,
            by: g.by,
            at: format_instant(g.at)?,
            changeable_until: format_instant(rating_deadline(g.first_at))?,
        }),
        None => None,
    };
    detail.escalation = closing::escalation(conn, r.id)?;
    // A member sees only their own requests: whoever sees a resolved one may answer it.
    detail.can_confirm = r.status == RequestStatus::Resolved;
    detail.can_rate = can_rate;
    Ok(())
}
