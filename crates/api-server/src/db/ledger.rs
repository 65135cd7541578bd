//! The SBP ledger: prepaid blocks and append-only entries. Every writer here runs inside
//! a transaction the caller opened (`BEGIN IMMEDIATE` for the server and the staff
//! commands), so a debit reads the blocks and appends its entries with nobody in between.
//!
//! Rules: the balance is the sum of the ledger; a block's remainder is the sum of its
//! entries; blocks are consumed oldest first (by expiry, then purchase); an expired
//! block's remainder is written off by one `expiry` entry, applied lazily before any read
//! or write ([`apply_expiries`], idempotent); a debit never overdraws — it takes what is
//! left and reports the rest as a shortfall.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::catalog::ServiceCode;
use support_api::credit::LedgerKind;
use time::Date;

use super::codec::Code;
use crate::error::ApiError;
use crate::time_util::{add_days, day_of, format_day, parse_day, start_of_day};

/// A block with what its entries left of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockState {
    pub id: i64,
    pub bought_on: String,
    pub expires_on: String,
    pub amount: i64,
    /// The sum of the block's entries.
    pub remaining: i64,
    /// Written off by the block's expiry entry.
    pub lapsed: i64,
    pub has_expiry_entry: bool,
}

impl BlockState {
    /// A block can be used through its `expires_on` day.
    pub fn expired_on(&self, today: &str) -> bool {
        self.expires_on.as_str() < today
    }

    /// Lapsed with credit left and no expiry entry yet: [`apply_expiries`] writes it off.
    pub fn awaits_write_off(&self, today: &str) -> bool {
        self.expired_on(today) && !self.has_expiry_entry && self.remaining > 0
    }
}

/// Every block of the customer, in the order they are consumed.
pub fn blocks(conn: &Connection, customer_id: i64) -> Result<Vec<BlockState>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.bought_on, b.expires_on, b.amount_minor,
                coalesce(sum(l.amount_minor), 0),
                coalesce(-sum(CASE WHEN l.kind = 'expiry' THEN l.amount_minor END), 0),
                count(CASE WHEN l.kind = 'expiry' THEN 1 END)
         FROM prepaid_blocks b LEFT JOIN ledger l ON l.block_id = b.id
         WHERE b.customer_id = ?1
         GROUP BY b.id
         ORDER BY b.expires_on, b.bought_on, b.id",
    )?;
    let rows = stmt.query_map([customer_id], |row| {
        Ok(BlockState {
            id: row.get(0)?,
            bought_on: row.get(1)?,
            expires_on: row.get(2)?,
            amount: row.get(3)?,
            remaining: row.get(4)?,
            lapsed: row.get(5)?,
            has_expiry_entry: row.get::<_, i64>(6)? > 0,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The balance: the sum of the ledger, never a stored figure.
pub fn balance(conn: &Connection, customer_id: i64) -> Result<i64, ApiError> {
    Ok(conn
        .prepare_cached("SELECT coalesce(sum(amount_minor), 0) FROM ledger WHERE customer_id = ?1")?
        .query_row([customer_id], |row| row.get(0))?)
}

/// One entry to append; `at` is moved forward to the last entry's time if it is earlier,
/// so the ledger stays in time order.
#[derive(Clone, Debug)]
pub struct NewEntry<'a> {
    pub customer_id: i64,
    pub at: i64,
    pub kind: LedgerKind,
    pub amount: i64,
    pub block_id: i64,
    pub service: Option<ServiceCode>,
    pub request_id: Option<i64>,
    pub event_id: Option<i64>,
    pub minutes: Option<u32>,
    pub note: Option<&'a str>,
}

impl NewEntry<'_> {
    /// An entry on a block and nothing more: no service, request, time or note (a
    /// caller adds what it has with `..NewEntry::on_block(…)`).
    fn on_block(customer_id: i64, at: i64, kind: LedgerKind, amount: i64, block_id: i64) -> Self {
        NewEntry {
            customer_id,
            at,
            kind,
            amount,
            block_id,
            service: None,
            request_id: None,
            event_id: None,
            minutes: None,
            note: None,
        }
    }
}

/// Appends an entry with its running balance; returns its id.
pub fn append(conn: &Connection, entry: &NewEntry<'_>) -> Result<i64, ApiError> {
    let last: Option<(i64, i64)> = conn
        .prepare_cached(
            "SELECT balance_after_minor, at FROM ledger WHERE customer_id = ?1
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row([entry.customer_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let (balance, last_at) = last.unwrap_or((0, i64::MIN));
    conn.prepare_cached(
        "INSERT INTO ledger (customer_id, at, kind, amount_minor, balance_after_minor, block_id,
                             service, request_id, event_id, minutes, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        entry.customer_id,
        entry.at.max(last_at),
        Code(entry.kind),
        entry.amount,
        balance + entry.amount,
        entry.block_id,
        entry.service.map(Code),
        entry.request_id,
        entry.event_id,
        entry.minutes,
        entry.note,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Whether a block of the customer lapsed before the day of `now` and awaits its write-off
/// (rare: once per block), as [`BlockState::awaits_write_off`] says. Reads only, and only
/// the expired blocks, so a reader can tell cheaply whether it may answer.
pub fn expiries_due(conn: &Connection, customer_id: i64, now: i64) -> Result<bool, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (
                 SELECT 1 FROM prepaid_blocks b
                 WHERE b.customer_id = ?1 AND b.expires_on < ?2
                   AND NOT EXISTS (SELECT 1 FROM ledger l
                                   WHERE l.block_id = b.id AND l.kind = 'expiry')
                   AND (SELECT coalesce(sum(l.amount_minor), 0) FROM ledger l
                        WHERE l.block_id = b.id) > 0)",
        )?
        .query_row(params![customer_id, format_day(day_of(now))], |row| {
            row.get(0)
        })?)
}

/// Writes off the remainder of every block that expired before the day of `now`, once
/// per block, dated at the start of the day after its last valid day. Returns how many
/// entries it wrote.
pub fn apply_expiries(conn: &Connection, customer_id: i64, now: i64) -> Result<usize, ApiError> {
    let today = format_day(day_of(now));
    let mut written = 0;
    for block in blocks(conn, customer_id)? {
        if block.awaits_write_off(&today) {
            let lapse_day = add_days(parse_day(&block.expires_on)?, 1);
            let at = start_of_day(lapse_day).min(now);
            append(
                conn,
                &NewEntry::on_block(
                    customer_id,
                    at,
                    LedgerKind::Expiry,
                    -block.remaining,
                    block.id,
                ),
            )?;
            written += 1;
        }
    }
    Ok(written)
}

/// A consumption of credit: a debit for work, or a negative adjustment.
#[derive(Clone, Debug)]
pub struct Consumption<'a> {
    pub customer_id: i64,
    pub at: i64,
    pub kind: LedgerKind,
    /// What to take, positive.
    pub amount: i64,
    pub service: Option<ServiceCode>,
    pub request_id: Option<i64>,
    pub event_id: Option<i64>,
    pub minutes: Option<u32>,
    pub note: Option<&'a str>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consumed {
    /// What the blocks gave (positive).
    pub taken: i64,
    /// What they could not give: the rest of `amount`.
    pub shortfall: i64,
    /// The entries written, one per block drawn on, oldest block first.
    pub entries: Vec<i64>,
}

/// Takes `amount` from the valid blocks, oldest first, after writing off expired ones.
/// Never overdraws: what the blocks cannot give is returned as the shortfall. Minutes are
/// split over the entries in proportion to their amounts (the last takes the rounding).
pub fn consume(conn: &Connection, c: &Consumption<'_>) -> Result<Consumed, ApiError> {
    if c.amount <= 0 {
        return Ok(Consumed::default());
    }
    apply_expiries(conn, c.customer_id, c.at)?;
    let today = format_day(day_of(c.at));
    let mut parts = Vec::new();
    let mut left = c.amount;
    for block in blocks(conn, c.customer_id)? {
        if left == 0 {
            break;
        }
        if block.expired_on(&today) || block.remaining <= 0 || block.bought_on > today {
            continue;
        }
        let take = left.min(block.remaining);
        parts.push((block.id, take));
        left -= take;
    }
    let taken = c.amount - left;
    let mut minutes_left = c.minutes;
    let mut entries = Vec::with_capacity(parts.len());
    for (i, &(block_id, take)) in parts.iter().enumerate() {
        let minutes = match (c.minutes, minutes_left) {
            (Some(total), Some(rest)) => {
                let share = if i + 1 == parts.len() {
                    rest
                } else {
                    u32::try_from(i64::from(total) * take / taken).unwrap_or(0)
                };
                minutes_left = Some(rest - share.min(rest));
                Some(share.min(rest))
            }
            _ => None,
        };
        entries.push(append(
            conn,
            &NewEntry {
                customer_id: c.customer_id,
                at: c.at,
                kind: c.kind,
                amount: -take,
                block_id,
                service: c.service,
                request_id: c.request_id,
                event_id: c.event_id,
                minutes,
                note: c.note,
            },
        )?);
    }
    Ok(Consumed {
        taken,
        shortfall: left,
        entries,
    })
}

/// A bought block: the block and its top-up entry. Returns the block's id.
pub fn top_up(
    conn: &Connection,
    customer_id: i64,
    amount: i64,
    bought_on: Date,
    expires_on: Date,
    at: i64,
    request_id: Option<i64>,
) -> Result<i64, ApiError> {
    if amount <= 0 || expires_on < bought_on {
        return Err(ApiError::broken(format!(
            "top-up of {amount} from {bought_on} to {expires_on}"
        )));
    }
    apply_expiries(conn, customer_id, at)?;
    conn.prepare_cached(
        "INSERT INTO prepaid_blocks (customer_id, bought_on, expires_on, amount_minor, request_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        customer_id,
        format_day(bought_on),
        format_day(expires_on),
        amount,
        request_id
    ])?;
    let block_id = conn.last_insert_rowid();
    append(
        conn,
        &NewEntry {
            request_id,
            ..NewEntry::on_block(customer_id, at, LedgerKind::TopUp, amount, block_id)
        },
    )?;
    Ok(block_id)
}

/// A correction with its reason. A negative one is consumed like a debit (oldest block
/// first, never below zero: the shortfall is returned); a positive one is credited to
/// the valid block that expires last. `Ok(None)` when there is no valid block to credit.
pub fn adjust(
    conn: &Connection,
    customer_id: i64,
    amount: i64,
    at: i64,
    note: &str,
) -> Result<Option<Consumed>, ApiError> {
    if amount < 0 {
        return consume(
            conn,
            &Consumption {
                customer_id,
                at,
                kind: LedgerKind::Adjustment,
                amount: -amount,
                service: None,
                request_id: None,
                event_id: None,
                minutes: None,
                note: Some(note),
            },
        )
        .map(Some);
    }
    apply_expiries(conn, customer_id, at)?;
    let today = format_day(day_of(at));
    let Some(block) = blocks(conn, customer_id)?
        .into_iter()
        .rev()
        .find(|b| !b.expired_on(&today) && b.bought_on <= today)
    else {
        return Ok(None);
    };
    let id = append(
        conn,
        &NewEntry {
            note: Some(note),
            ..NewEntry::on_block(customer_id, at, LedgerKind::Adjustment, amount, block.id)
        },
    )?;
    Ok(Some(Consumed {
        taken: -amount,
        shortfall: 0,
        entries: vec![id],
    }))
}

#[cfg(test)]
mod tests;
