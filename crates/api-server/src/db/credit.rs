//! `GET /credit` and `GET /credit/ledger` from the ledger. The caller applies expiries
//! first, in the same transaction, so what is read is up to date.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use support_api::catalog::ServiceCode;
use support_api::credit::{
    CreditForecast, ExpiringBlock, FORECAST_WINDOW_DAYS, LedgerEntry, LedgerKind, LedgerPage,
    MonthUsage, PrepaidBlock, ServiceAmount,
};
use support_api::money::{Currency, Money};
use time::Date;

use super::codec::Code;
use super::ledger::BlockState;
use super::parts;
use crate::error::ApiError;
use crate::time_util::{add_days, add_months, format_day, format_instant, start_of_day};

/// Months of use `GET /credit` shows admins, the current one included.
pub const USAGE_MONTHS: i32 = 12;

pub fn prepaid_blocks(blocks: &[BlockState], today: &str, currency: Currency) -> Vec<PrepaidBlock> {
    let money = |minor| Money::new(minor, currency);
    blocks
        .iter()
        .map(|b| PrepaidBlock {
            id: b.id,
            bought_on: b.bought_on.clone(),
            expires_on: b.expires_on.clone(),
            amount: money(b.amount),
            used: money(b.amount - b.remaining - b.lapsed),
            remaining: money(b.remaining),
            expired: b.expired_on(today),
            lapsed: money(b.lapsed),
        })
        .collect()
}

/// What debits took in the [`FORECAST_WINDOW_DAYS`] calendar days up to and including
/// `today` (positive). Whole days, so the figure changes only with the data or the day
/// (the answers that show it are kept until either changes: `crate::answers`).
pub fn recent_burn(conn: &Connection, customer_id: i64, today: Date) -> Result<i64, ApiError> {
    let from = start_of_day(add_days(today, 1 - FORECAST_WINDOW_DAYS));
    let until = start_of_day(add_days(today, 1));
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(-sum(amount_minor), 0) FROM ledger
         WHERE customer_id = ?1 AND kind = 'debit' AND at >= ?2 AND at < ?3",
        )?
        .query_row(rusqlite::params![customer_id, from, until], |row| {
            row.get(0)
        })?)
}

/// The forecast at the burn of the window: blocks are consumed oldest first at the
/// average daily burn; a block whose expiry comes first lapses with what is left of it.
/// `runs_out_on` is the day everything is consumed or lapsed — `today + balance / daily
/// burn` when nothing lapses — and `None` without any burn.
pub fn forecast(
    blocks: &[BlockState],
    burn_in_window: i64,
    today: Date,
    currency: Currency,
) -> CreditForecast {
    let today_text = format_day(today);
    let valid: Vec<&BlockState> = blocks
        .iter()
        .filter(|b| !b.expired_on(&today_text) && b.remaining > 0)
        .collect();
    let monthly_burn = Money::new(
        (burn_in_window * 30 + FORECAST_WINDOW_DAYS / 2) / FORECAST_WINDOW_DAYS,
        currency,
    );
    let days_until_end = |b: &BlockState| {
        crate::time_util::parse_day(&b.expires_on)
            .map(|end| (end - today).whole_days() + 1)
            .unwrap_or(0)
    };
    if burn_in_window <= 0 {
        // Nothing is being used: every valid block lapses whole.
        return CreditForecast {
            monthly_burn,
            runs_out_on: None,
            expiring_unused: valid
                .iter()
                .map(|b| ExpiringBlock {
                    block_id: b.id,
                    expires_on: b.expires_on.clone(),
                    lapsing: Money::new(b.remaining, currency),
                })
                .collect(),
        };
    }
    let daily = burn_in_window as f64 / FORECAST_WINDOW_DAYS as f64;
    let mut t = 0.0_f64;
    let mut expiring_unused = Vec::new();
    for block in valid {
        let end = days_until_end(block) as f64;
        let capacity = ((end - t) * daily).max(0.0);
        if capacity >= block.remaining as f64 {
            t += block.remaining as f64 / daily;
        } else {
            let lapsing = block.remaining - capacity.floor() as i64;
            expiring_unused.push(ExpiringBlock {
                block_id: block.id,
                expires_on: block.expires_on.clone(),
                lapsing: Money::new(lapsing, currency),
            });
            t = t.max(end);
        }
    }
    CreditForecast {
        monthly_burn,
        runs_out_on: Some(format_day(add_days(today, t.floor() as i64))),
        expiring_unused,
    }
}

fn first_of_month(day: Date) -> Date {
    Date::from_calendar_date(day.year(), day.month(), 1).unwrap_or(day)
}

/// Use per month over the last [`USAGE_MONTHS`] (oldest first), split by service, with
/// the balance at each month's end (the current balance for the current month).
///
/// One pass over the entries of those months, oldest first, gives both (the chart used to
/// cost a query per month): the balance at a month's end is the balance after its last
/// entry, or the previous month's end when it has none, starting from the balance before
/// the first month.
pub fn usage(
    conn: &Connection,
    customer_id: i64,
    today: Date,
    currency: Currency,
) -> Result<Vec<MonthUsage>, ApiError> {
    const MONTHS: usize = USAGE_MONTHS as usize;
    let this_month = first_of_month(today);
    let first = add_months(this_month, 1 - USAGE_MONTHS);
    let starts: Vec<Date> = (0..=USAGE_MONTHS).map(|i| add_months(first, i)).collect();
    // Where each month's entries end; the current month's balance is the latest one.
    let ends: Vec<i64> = (1..=MONTHS)
        .map(|i| {
            if i == MONTHS {
                i64::MAX
            } else {
                start_of_day(starts[i])
            }
        })
        .collect();
    let mut balance = conn
        .prepare_cached(
            "SELECT balance_after_minor FROM ledger WHERE customer_id = ?1 AND at < ?2
             ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![customer_id, start_of_day(first)], |row| {
            row.get::<_, i64>(0)
        })
        .optional()?
        .unwrap_or(0);
    let mut stmt = conn.prepare_cached(
        "SELECT at, kind = 'debit', service, amount_minor, balance_after_minor FROM ledger
         WHERE customer_id = ?1 AND at >= ?2 ORDER BY at, id",
    )?;
    let mut rows = stmt.query(rusqlite::params![customer_id, start_of_day(first)])?;
    // Debits after the last month shown (none in practice) count in no month.
    let debits_end = start_of_day(starts[MONTHS]);
    let mut used = [[None::<i64>; ServiceCode::ALL.len()]; MONTHS];
    let mut balances = [0_i64; MONTHS];
    let mut month = 0;
    while let Some(row) = rows.next()? {
        let at: i64 = row.get(0)?;
        while at >= ends[month] {
            balances[month] = balance;
            month += 1;
        }
        balance = row.get(4)?;
        if row.get::<_, bool>(1)?
            && at < debits_end
            && let Some(Code(service)) = row.get::<_, Option<Code<ServiceCode>>>(2)?
            && let Some(slot) = ServiceCode::ALL.iter().position(|s| *s == service)
        {
            let amount: i64 = row.get(3)?;
            *used[month][slot].get_or_insert(0) -= amount;
        }
    }
    balances[month..].fill(balance);
    let months = (0..MONTHS)
        .map(|i| {
            let start = starts[i];
            let by_service: Vec<ServiceAmount> = ServiceCode::ALL
                .into_iter()
                .zip(used[i])
                .filter_map(|(service, amount)| {
                    amount.map(|minor| ServiceAmount {
                        service,
                        amount: Money::new(minor, currency),
                    })
                })
                .collect();
            let total = by_service.iter().map(|s| s.amount.minor).sum();
            MonthUsage {
                month: format!("{:04}-{:02}", start.year(), u8::from(start.month())),
                by_service,
                total: Money::new(total, currency),
                balance_at_end: Money::new(balances[i], currency),
            }
        })
        .collect();
    Ok(months)
}

/// Filters of `GET /credit/ledger`; days are inclusive, in UTC.
#[derive(Clone, Debug, Default)]
pub struct LedgerFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub services: Vec<ServiceCode>,
    pub kinds: Vec<LedgerKind>,
    pub limit: u32,
    /// `(at, id)` of the last entry of the previous page.
    pub after: Option<(i64, i64)>,
}

pub const LEDGER_CURSOR: &str = "l1";

/// A page of the ledger, newest first. The cursor is the `(at, id)` of the page's last
/// entry: entries appended later are newer and never shift a page already served.
pub fn ledger_page(
    conn: &Connection,
    customer_id: i64,
    filter: &LedgerFilter,
    currency: Currency,
) -> Result<LedgerPage, ApiError> {
    let mut sql = String::from(
        "SELECT l.id, l.at, l.kind, l.amount_minor, l.balance_after_minor, l.block_id,
                l.service, l.request_id, r.title, l.minutes, l.note
         FROM ledger l LEFT JOIN requests r ON r.id = l.request_id
         WHERE l.customer_id = ?",
    );
    let mut params: Vec<Value> = vec![customer_id.into()];
    if let Some(from) = filter.from {
        sql.push_str(" AND l.at >= ?");
        params.push(start_of_day(from).into());
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND l.at < ?");
        params.push(start_of_day(add_days(to, 1)).into());
    }
    let services = filter.services.iter().map(|s| s.as_str());
    parts::and_any_of(&mut sql, &mut params, "l.service", services);
    let kinds = filter.kinds.iter().map(|k| k.as_str());
    parts::and_any_of(&mut sql, &mut params, "l.kind", kinds);
    if let Some((at, id)) = filter.after {
        sql.push_str(" AND (l.at, l.id) < (?, ?)");
        params.extend([Value::from(at), Value::from(id)]);
    }
    sql.push_str(" ORDER BY l.at DESC, l.id DESC LIMIT ?");
    params.push(i64::from(filter.limit + 1).into());

    let mut stmt = conn.prepare_cached(&sql)?;
    let money = |minor| Money::new(minor, currency);
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
        Ok((
            row.get::<_, i64>(1)?,
            LedgerEntry {
                id: row.get(0)?,
                at: String::new(),
                kind: row.get::<_, Code<LedgerKind>>(2)?.0,
                amount: money(row.get(3)?),
                balance_after: money(row.get(4)?),
                block_id: row.get(5)?,
                service: row.get::<_, Option<Code<ServiceCode>>>(6)?.map(|c| c.0),
                request_id: row.get(7)?,
                request_title: row.get(8)?,
                minutes: row.get(9)?,
                note: row.get(10)?,
            },
        ))
    })?;
    let rows = rows.collect::<Result<Vec<_>, _>>()?;
    let (rows, next_cursor) = parts::page(rows, filter.limit, |(at, entry)| {
        crate::cursor::encode(LEDGER_CURSOR, &[*at, entry.id])
    });
    let items = rows
        .into_iter()
        .map(|(at, mut entry)| {
            entry.at = format_instant(at)?;
            Ok(entry)
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(LedgerPage { items, next_cursor })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn block(id: i64, expires_on: &str, remaining: i64) -> BlockState {
        BlockState {
            id,
            bought_on: "2025-01-01".into(),
            expires_on: expires_on.into(),
            amount: remaining,
            remaining,
            lapsed: 0,
            has_expiry_entry: false,
        }
    }

    #[test]
    fn forecast_runs_out_at_the_average_burn() {
        // 9 000 in 90 days: 100 a day, 3 000 a month.
        let f = forecast(
            &[block(1, "2026-12-31", 1_000)],
            9_000,
            date!(2026 - 01 - 01),
            Currency::Czk,
        );
        assert_eq!(f.monthly_burn.minor, 3_000);
        assert_eq!(f.runs_out_on.as_deref(), Some("2026-01-11"));
        assert!(f.expiring_unused.is_empty());
    }

    #[test]
    fn forecast_names_blocks_that_expire_before_they_are_used() {
        // 100 a day; block 1 ends after 10 days with 1 500 in it: 500 lapse. Block 2 then
        // lasts 5 more days.
        let blocks = [block(1, "2026-01-10", 1_500), block(2, "2026-12-31", 500)];
        let f = forecast(&blocks, 9_000, date!(2026 - 01 - 01), Currency::Czk);
        assert_eq!(f.expiring_unused.len(), 1);
        assert_eq!(
            (
                f.expiring_unused[0].block_id,
                f.expiring_unused[0].lapsing.minor
            ),
            (1, 500)
        );
        assert_eq!(f.runs_out_on.as_deref(), Some("2026-01-16"));
        let idle = forecast(&blocks, 0, date!(2026 - 01 - 01), Currency::Czk);
        assert_eq!(idle.runs_out_on, None);
        assert_eq!(idle.expiring_unused.len(), 2);
    }
}
