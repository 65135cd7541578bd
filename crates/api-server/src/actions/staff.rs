//! The support team's side: schedule, comment, log time (which debits SBP credit), resolve
//! and close requests, and list them. The `staff` command runs these on the database
//! file, beside a running server; the seed uses them to build the demo's history.

use rusqlite::Connection;
use support_api::catalog::BilledAs;
use support_api::credit::LedgerKind;
use support_api::requests::{EXPECTED_MINUTES_MAX, RequestDetails, RequestStatus, RequestType};
use time::Date;

use super::notify;
use crate::billing;
use crate::db::accounts;
use crate::db::ledger::{self, Consumption};
use crate::db::requests::{self, Actor, Stored};
use crate::error::{ApiError, Chain};
use crate::mail::checks::{self, Mode};
use crate::mail::{MailKind, format};
use crate::time_util::{add_days, add_months, day_of, format_day};

/// The name staff actions show on the timeline unless one is given.
pub const DEFAULT_STAFF_NAME: &str = "Support team";

/// What went wrong, in words for the person at the command line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StaffError(pub String);

impl From<ApiError> for StaffError {
    fn from(err: ApiError) -> Self {
        StaffError(Chain(&err).to_string())
    }
}

impl From<rusqlite::Error> for StaffError {
    fn from(err: rusqlite::Error) -> Self {
        StaffError(format!("database: {err}"))
    }
}

fn request(conn: &Connection, id: i64) -> Result<Stored, StaffError> {
    requests::find(conn, None, id)?.ok_or_else(|| StaffError(format!("there is no request {id}")))
}

/// Work priced by agreement starts only once a quote is accepted.
fn quoted_first(r: &Stored) -> Result<(), StaffError> {
    if billing::needs_quote(r.billed_as, r.rate_unit) && r.quoted.is_none() {
        return Err(StaffError(format!(
            "request {} is priced by agreement: quote it (staff quote) and wait for an \
             admin to accept the quote",
            r.id
        )));
    }
    Ok(())
}

fn refuse(r: &Stored, what: &str) -> StaffError {
    StaffError(format!(
        "request {} is {}: it cannot be {what}",
        r.id,
        r.status.as_str()
    ))
}

/// Schedules the work for `day` (default: tomorrow): submitted or scheduled requests
/// become scheduled. Counts as the first reaction.
pub fn schedule(
    conn: &Connection,
    id: i64,
    day: Option<Date>,
    by: &Actor,
    now: i64,
) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if !matches!(
        r.status,
        RequestStatus::Submitted | RequestStatus::Scheduled
    ) {
        return Err(refuse(&r, "scheduled"));
    }
    quoted_first(&r)?;
    let today = day_of(now);
    let day = day.unwrap_or_else(|| add_days(today, 1));
    if day < today {
        return Err(StaffError(format!("{day} is in the past")));
    }
    let date = day;
    let day = format_day(day);
    requests::set_schedule(conn, id, &day)?;
    let reason = format!("scheduled for {day}");
    requests::set_status(conn, &r, RequestStatus::Scheduled, now, by, Some(&reason))?;
    requests::mark_first_reaction(conn, id, now)?;
    notify::requester(
        conn,
        &r,
        MailKind::Scheduled,
        vec![("date", format::day(date))],
        now,
    )?;
    Ok(format!("request {id} scheduled for {day}"))
}

/// A comment from the support team; counts as the first reaction.
pub fn comment(
    conn: &Connection,
    id: i64,
    text: &str,
    by: &Actor,
    now: i64,
) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if !r.status.takes_comments() {
        return Err(refuse(&r, "commented"));
    }
    let text = text.trim();
    if text.is_empty() || text.chars().count() > support_api::requests::COMMENT_MAX {
        return Err(StaffError("the comment is empty or too long".into()));
    }
    requests::comment_event(conn, id, now, by, text)?;
    requests::mark_first_reaction(conn, id, now)?;
    notify::requester(
        conn,
        &r,
        MailKind::SupportComment,
        vec![("author", by.name.clone()), ("comment", text.to_owned())],
        now,
    )?;
    Ok(format!("commented on request {id}"))
}

/// What a time log did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub event_id: i64,
    pub charged: Option<i64>,
    pub debited: Option<i64>,
    pub invoiced: Option<i64>,
    pub ledger_entries: Vec<i64>,
}

/// Logs work on a request: a request paid from SBP credit is debited at its SBP rate,
/// oldest block first, in the same transaction; what the credit cannot cover is recorded
/// as invoiced (a debit never overdraws). A submitted or scheduled request moves to in
/// progress. Counts as the first reaction.
pub fn log_time(
    conn: &Connection,
    id: i64,
    minutes: u32,
    note: Option<&str>,
    by: &Actor,
    now: i64,
) -> Result<Logged, StaffError> {
    let r = request(conn, id)?;
    if !matches!(
        r.status,
        RequestStatus::Submitted | RequestStatus::Scheduled | RequestStatus::InProgress
    ) {
        return Err(refuse(&r, "worked on"));
    }
    quoted_first(&r)?;
    if minutes == 0 || minutes > EXPECTED_MINUTES_MAX {
        return Err(StaffError(format!(
            "minutes must be between 1 and {EXPECTED_MINUTES_MAX}"
        )));
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let charged_before = r.charged.is_some_and(|c| c > 0);
    let charged = match r.quoted {
        Some(quoted) => billing::charge_quoted(r.billed_as, quoted, charged_before),
        None => billing::charge_for_time(
            r.billed_as,
            r.rate,
            r.rate_unit,
            r.estimate,
            r.training_participants(),
            minutes,
            charged_before,
        ),
    };
    let (debited, invoiced) = match (r.billed_as, charged) {
        (BilledAs::SbpCredit, Some(charge)) if charge > 0 => {
            ledger::apply_expiries(conn, r.customer_id, now)?;
            let today = format_day(day_of(now));
            let available: i64 = ledger::blocks(conn, r.customer_id)?
                .iter()
                .filter(|b| !b.expired_on(&today) && b.bought_on <= today)
                .map(|b| b.remaining.max(0))
                .sum();
            let debited = charge.min(available);
            (
                Some(debited),
                (charge > debited).then_some(charge - debited),
            )
        }
        (BilledAs::PayInvoice, Some(charge)) => (None, Some(charge)),
        _ => (None, None),
    };
    if matches!(
        r.status,
        RequestStatus::Submitted | RequestStatus::Scheduled
    ) {
        requests::set_status(conn, &r, RequestStatus::InProgress, now, by, None)?;
    }
    let event_id = requests::time_event(
        conn,
        id,
        now,
        by,
        &requests::TimeLog {
            minutes,
            charged,
            debited,
            invoiced,
            note,
        },
    )?;
    let mut ledger_entries = Vec::new();
    if let Some(amount) = debited.filter(|d| *d > 0) {
        let consumed = ledger::consume(
            conn,
            &Consumption {
                customer_id: r.customer_id,
                at: now,
                kind: LedgerKind::Debit,
                amount,
                service: r.request_type.service(),
                request_id: Some(id),
                event_id: Some(event_id),
                minutes: Some(minutes),
                note,
            },
        )?;
        if consumed.taken != amount {
            return Err(StaffError(format!(
                "the credit changed while debiting request {id}; nothing was stored"
            )));
        }
        ledger_entries = consumed.entries;
        // Mails the admins when this debit took the balance below the threshold.
        checks::credit_changed(conn, r.customer_id, now, Mode::Mail)?;
    }
    requests::mark_first_reaction(conn, id, now)?;
    Ok(Logged {
        event_id,
        charged,
        debited,
        invoiced,
        ledger_entries,
    })
}

/// Marks the work done. Resolving a credit top-up delivers it: a prepaid block of the
/// amount, valid for 12 months from today, with its top-up entry.
pub fn resolve(conn: &Connection, id: i64, by: &Actor, now: i64) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if !matches!(
        r.status,
        RequestStatus::Submitted | RequestStatus::Scheduled | RequestStatus::InProgress
    ) {
        return Err(refuse(&r, "resolved"));
    }
    let mut done = format!("request {id} resolved");
    if let RequestDetails::CreditTopUp { amount } = &r.details {
        let today = day_of(now);
        let expires = add_days(add_months(today, 12), -1);
        let block = ledger::top_up(
            conn,
            r.customer_id,
            amount.minor,
            today,
            expires,
            now,
            Some(id),
        )?;
        done.push_str(&format!(
            "; prepaid block {block} of {} {} added, valid until {}",
            amount.minor,
            amount.currency.code(),
            format_day(expires)
        ));
    }
    requests::set_status(conn, &r, RequestStatus::Resolved, now, by, None)?;
    requests::mark_first_reaction(conn, id, now)?;
    if r.request_type == RequestType::CreditTopUp {
        // Back above the threshold: the next fall below mails again.
        checks::credit_changed(conn, r.customer_id, now, Mode::Mail)?;
    }
    notify::resolved(conn, &r, now)?;
    Ok(done)
}

/// Closes a resolved request.
pub fn close(conn: &Connection, id: i64, by: &Actor, now: i64) -> Result<String, StaffError> {
    let r = request(conn, id)?;
    if r.status != RequestStatus::Resolved {
        return Err(refuse(&r, "closed"));
    }
    requests::set_status(conn, &r, RequestStatus::Closed, now, by, None)?;
    Ok(format!("request {id} closed"))
}

/// One line per request, newest first, of the customer whose users have e-mail addresses
/// at `domain` (every customer without it).
pub fn list(conn: &Connection, domain: Option<&str>) -> Result<Vec<String>, StaffError> {
    let customer = match domain {
        None => None,
        Some(domain) => {
            let domain = domain.trim().trim_start_matches('@').to_lowercase();
            let id = accounts::customer_at_domain(conn, &domain)?;
            Some(id.ok_or_else(|| StaffError(format!("no customer has users at {domain}")))?)
        }
    };
    let mut lines = Vec::new();
    for r in requests::all(conn, customer)? {
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            r.customer_id,
            r.status.as_str(),
            r.request_type.as_str(),
            r.priority.as_str(),
            r.requested_by_name,
            r.title
        ));
    }
    Ok(lines)
}
