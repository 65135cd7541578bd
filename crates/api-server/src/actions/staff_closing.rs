//! The support team's side of closing the loop: issue a quote, record an escalation to
//! Dassault Systèmes, list the ratings, and close resolved requests nobody answered.
//! Like `staff`, each runs in the caller's write transaction.

use rusqlite::Connection;
use support_api::quotes::{QUOTE_TEXT_MAX, QuoteState};
use support_api::requests::RequestStatus;
use time::Date;

use super::notify::concerned;
use super::staff::StaffError;
use crate::db::closing::{self, NewQuote};
use crate::db::requests::{self, Actor};
use crate::mail::MailKind;
use crate::mail::format;
use crate::time_util::{day_of, format_day};

/// Longest escalation reference (DS service request numbers are short).
pub const REFERENCE_MAX: usize = 40;

fn request(conn: &Connection, id: i64) -> Result<requests::Stored, StaffError> {
    requests::find(conn, None, id)?.ok_or_else(|| StaffError(format!("there is no request {id}")))
}

/// Issues a quote: the request waits for an admin's decision (`quote_pending`). A new
/// quote replaces an open one (which is then `replaced` on the timeline).
pub fn quote(
    conn: &Connection,
    id: i64,
    amount: i64,
    valid_until: Date,
    text: &str,
    by: &Actor,
    now: i64,
) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if !matches!(
        r.status,
        RequestStatus::Submitted
            | RequestStatus::Scheduled
            | RequestStatus::InProgress
            | RequestStatus::QuotePending
    ) {
        return Err(StaffError(format!(
            "request {id} is {}: it cannot be quoted",
            r.status.as_str()
        )));
    }
    if amount <= 0 {
        return Err(StaffError("the amount must be above 0".into()));
    }
    if valid_until < day_of(now) {
        return Err(StaffError(format!("{valid_until} is in the past")));
    }
    let text = text.trim();
    if text.is_empty() || text.chars().count() > QUOTE_TEXT_MAX {
        return Err(StaffError(
            "what the quote covers is empty or too long".into(),
        ));
    }
    let mut quoted_from = r.status;
    if let Some(open) = closing::open_quote(conn, id)? {
        closing::decide_quote(conn, open.id, QuoteState::Replaced, now, None)?;
        closing::quote_event(conn, id, now, by, open.id, QuoteState::Replaced, None)?;
        quoted_from = open.quoted_from;
    }
    let valid_until_day = valid_until;
    let valid_until = format_day(valid_until);
    let quote_id = closing::insert_quote(
        conn,
        &NewQuote {
            request_id: id,
            amount,
            text,
            valid_until: &valid_until,
            quoted_from,
        },
        now,
    )?;
    closing::quote_event(conn, id, now, by, quote_id, QuoteState::Issued, None)?;
    if r.status != RequestStatus::QuotePending {
        requests::set_status(conn, &r, RequestStatus::QuotePending, now, by, None)?;
    }
    requests::mark_first_reaction(conn, id, now)?;
    let currency = requests::currency(conn, id)?
        .ok_or_else(|| StaffError(format!("request {id} has no customer currency")))?;
    let vars = vec![
        ("amount", format::money(amount, currency)),
        ("valid_until", format::day(valid_until_day)),
        ("covers", text.to_owned()),
    ];
    concerned(conn, &r, MailKind::QuoteIssued, None, vars, now)?;
    Ok(format!(
        "quote {quote_id} issued on request {id}, valid until {valid_until}"
    ))
}

/// Records that the request was escalated to Dassault Systèmes under `reference`.
pub fn escalate(
    conn: &Connection,
    id: i64,
    reference: &str,
    by: &Actor,
    now: i64,
) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if matches!(r.status, RequestStatus::Closed | RequestStatus::Cancelled) {
        return Err(StaffError(format!(
            "request {id} is {}: it cannot be escalated",
            r.status.as_str()
        )));
    }
    let reference = reference.trim();
    if reference.is_empty()
        || reference.chars().count() > REFERENCE_MAX
        || reference.chars().any(char::is_whitespace)
    {
        return Err(StaffError(
            "the reference must be one word of at most 40 characters".into(),
        ));
    }
    closing::escalate(conn, id, by, reference, now)?;
    requests::mark_first_reaction(conn, id, now)?;
    Ok(format!(
        "request {id} escalated to Dassault Systèmes as {reference}"
    ))
}

/// Every rating (month, request, customer, score, comment), then the average per month.
pub fn ratings(conn: &Connection) -> Result<Vec<String>, StaffError> {
    let rows = closing::all_ratings(conn)?;
    let mut lines = Vec::new();
    let mut months: Vec<(String, u32, u32)> = Vec::new();
    for g in &rows {
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}",
            g.month,
            g.request_id,
            g.customer,
            g.score,
            g.comment.as_deref().unwrap_or("")
        ));
        match months.last_mut() {
            Some((month, sum, n)) if *month == g.month => {
                *sum += u32::from(g.score);
                *n += 1;
            }
            _ => months.push((g.month.clone(), u32::from(g.score), 1)),
        }
    }
    for (month, sum, n) in months {
        lines.push(format!(
            "{month}\taverage {:.2} of {n} rating{}",
            f64::from(sum) / f64::from(n),
            if n == 1 { "" } else { "s" }
        ));
    }
    Ok(lines)
}

/// Closes every resolved request untouched for `days` days as of `now`; the ids closed.
pub fn auto_close(conn: &Connection, days: u32, now: i64) -> Result<Vec<i64>, StaffError> {
    let ids = closing::resolved_untouched(conn, now - i64::from(days) * 86_400)?;
    for id in &ids {
        closing::auto_close(conn, *id, days, now)?;
    }
    Ok(ids)
}
