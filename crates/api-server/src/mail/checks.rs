//! Conditions that mail the company's admins once each: SBP credit below the threshold
//! (once per crossing), a prepaid block with credit left expiring within 30 days, an SLA
//! reaction target missed. Each is recorded in `notified` in the transaction that mails
//! it, so it is mailed once however often the checks run. The worker runs [`run`] every
//! minute; the credit check also runs wherever the balance changes ([`credit_changed`]),
//! in the same transaction as the ledger entry.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::money::Currency;

use super::kind::MailKind;
use super::letter::Letter;
use super::{enqueue_to_admins, format};
use crate::db::codec::Code;
use crate::db::ledger;
use crate::error::ApiError;
use crate::time_util::{add_days, day_of, format_day};

/// How far ahead a block's expiry is announced.
pub const EXPIRY_NOTICE_DAYS: i64 = 30;

/// Mail what is due, or only record it as notified: the demo seed records the
/// conditions its history leaves, so a new user's inbox shows only what they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Mail,
    RecordOnly,
}

/// Runs every check at `now`; returns how many conditions were new.
pub fn run(conn: &Connection, now: i64, mode: Mode) -> Result<usize, ApiError> {
    let mut found = 0;
    let customers: Vec<i64> = conn
        .prepare_cached("SELECT DISTINCT customer_id FROM sbp_subscriptions ORDER BY 1")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for customer in customers {
        found += usize::from(credit_changed(conn, customer, now, mode)?);
    }
    found += blocks_expiring(conn, now, mode)?;
    found += sla_missed(conn, now, mode)?;
    Ok(found)
}

/// Whether the condition was new: records it and, in `Mail` mode, mails the letter.
fn notify(
    conn: &Connection,
    kind: MailKind,
    subject: i64,
    customer_id: i64,
    letter: Letter,
    now: i64,
    mode: Mode,
) -> Result<bool, ApiError> {
    let new = conn
        .prepare_cached("INSERT OR IGNORE INTO notified (kind, subject, at) VALUES (?1, ?2, ?3)")?
        .execute(params![kind.key(), subject, now])?
        > 0;
    if new && mode == Mode::Mail {
        enqueue_to_admins(conn, customer_id, &letter, now)?;
    }
    Ok(new)
}

/// After the customer's balance changed: below the threshold and not yet told, the
/// admins are mailed; at or above it, the next fall below mails again. Returns whether
/// a mail (or in `RecordOnly` mode, a record) was made.
pub fn credit_changed(
    conn: &Connection,
    customer_id: i64,
    now: i64,
    mode: Mode,
) -> Result<bool, ApiError> {
    let today = format_day(day_of(now));
    let Some((currency, name)) = customer(conn, customer_id)? else {
        return Ok(false);
    };
    let Some(sbp) = crate::db::plan::sbp(conn, customer_id, &today, currency)? else {
        return Ok(false);
    };
    let threshold = sbp.low_balance_threshold.minor;
    let balance = ledger::balance(conn, customer_id)?;
    if balance >= threshold {
        conn.prepare_cached("DELETE FROM notified WHERE kind = ?1 AND subject = ?2")?
            .execute(params![MailKind::LowCredit.key(), customer_id])?;
        return Ok(false);
    }
    let letter = Letter {
        kind: MailKind::LowCredit,
        to_user: 0,
        request_id: None,
        link: "/credit".into(),
        vars: vec![
            ("balance", format::money(balance, currency)),
            ("threshold", format::money(threshold, currency)),
            ("company", name),
        ],
    };
    notify(
        conn,
        MailKind::LowCredit,
        customer_id,
        customer_id,
        letter,
        now,
        mode,
    )
}

fn customer(conn: &Connection, id: i64) -> Result<Option<(Currency, String)>, ApiError> {
    Ok(conn
        .prepare_cached("SELECT currency, name FROM customers WHERE id = ?1")?
        .query_row([id], |row| {
            Ok((row.get::<_, Code<Currency>>(0)?.0, row.get(1)?))
        })
        .optional()?)
}

/// Blocks in use today with credit left that expire within [`EXPIRY_NOTICE_DAYS`].
fn blocks_expiring(conn: &Connection, now: i64, mode: Mode) -> Result<usize, ApiError> {
    let today = day_of(now);
    let mut statement = conn.prepare_cached(
        "SELECT b.id, b.customer_id, b.expires_on, c.currency, c.name,
                (SELECT coalesce(sum(l.amount_minor), 0) FROM ledger l WHERE l.block_id = b.id)
         FROM prepaid_blocks b JOIN customers c ON c.id = b.customer_id
         WHERE b.bought_on <= ?1 AND b.expires_on >= ?1 AND b.expires_on <= ?2
           AND NOT EXISTS (SELECT 1 FROM notified n
                           WHERE n.kind = 'block_expiring' AND n.subject = b.id)
         ORDER BY b.id",
    )?;
    let blocks = statement
        .query_map(
            params![
                format_day(today),
                format_day(add_days(today, EXPIRY_NOTICE_DAYS))
            ],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Code<Currency>>(3)?.0,
                    row.get::<_, String>(4)?,
                    row.get::<_, i64>(5)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut found = 0;
    for (block, customer, expires, currency, name, remaining) in blocks {
        if remaining <= 0 {
            continue;
        }
        let expires = crate::time_util::parse_day(&expires)?;
        let letter = Letter {
            kind: MailKind::BlockExpiring,
            to_user: 0,
            request_id: None,
            link: "/credit".into(),
            vars: vec![
                ("remaining", format::money(remaining, currency)),
                ("expires", format::day(expires)),
                ("company", name),
            ],
        };
        found += usize::from(notify(
            conn,
            MailKind::BlockExpiring,
            block,
            customer,
            letter,
            now,
            mode,
        )?);
    }
    Ok(found)
}

/// Open requests whose first reaction was due before `now` and has not come.
fn sla_missed(conn: &Connection, now: i64, mode: Mode) -> Result<usize, ApiError> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id, r.customer_id, r.reaction_due_at FROM requests r
         WHERE r.reaction_due_at < ?1 AND r.first_reaction_at IS NULL
           AND r.status IN ('submitted', 'scheduled', 'in_progress')
           AND NOT EXISTS (SELECT 1 FROM notified n
                           WHERE n.kind = 'sla_missed' AND n.subject = r.id)
         ORDER BY r.id",
    )?;
    let missed = statement
        .query_map([now], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut found = 0;
    for (request, customer, due) in missed {
        let letter = Letter {
            kind: MailKind::SlaMissed,
            to_user: 0,
            request_id: Some(request),
            link: format!("/requests/{request}"),
            vars: vec![("due", format::instant(due))],
        };
        found += usize::from(notify(
            conn,
            MailKind::SlaMissed,
            request,
            customer,
            letter,
            now,
            mode,
        )?);
    }
    Ok(found)
}
