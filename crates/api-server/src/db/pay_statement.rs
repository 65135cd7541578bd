//! The PAY statement: a month's invoiced time logs of requests on a PAY invoice, scoped
//! like every read (an admin's whole customer, a member's own requests).

use rusqlite::Connection;
use support_api::billing::{PayLine, PayStatement};
use support_api::money::{Currency, Money};
use support_api::session::Role;

use super::codec::Code;
use super::requests::Viewer;
use crate::error::ApiError;

/// The lines of `[from, to)` (unix seconds) for `month` (`YYYY-MM`).
pub fn statement(
    conn: &Connection,
    viewer: Viewer,
    month: &str,
    from: i64,
    to: i64,
    currency: Currency,
) -> Result<PayStatement, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.title, r.type, strftime('%Y-%m-%d', e.at, 'unixepoch'), e.minutes,
                r.rate_minor, r.rate_unit, r.quoted_minor, e.invoiced_minor
         FROM request_events e JOIN requests r ON r.id = e.request_id
         WHERE r.customer_id = ?1 AND (?2 OR r.requested_by = ?3)
           AND r.billed_as = 'pay_invoice' AND e.kind = 'time'
           AND e.invoiced_minor IS NOT NULL AND e.at >= ?4 AND e.at < ?5
         ORDER BY e.at, e.id",
    )?;
    let money = |minor: i64| Money::new(minor, currency);
    let rows = stmt.query_map(
        rusqlite::params![
            viewer.customer_id,
            viewer.role == Role::Admin,
            viewer.user_id,
            from,
            to
        ],
        |row| {
            let quote: Option<i64> = row.get(7)?;
            Ok(PayLine {
                request_id: row.get(0)?,
                title: row.get(1)?,
                request_type: row.get::<_, Code<_>>(2)?.0,
                day: row.get(3)?,
                minutes: row.get(4)?,
                // Quoted work is billed at the quote, not at a rate.
                rate: match quote {
                    None => row.get::<_, Option<i64>>(5)?.map(money),
                    Some(_) => None,
                },
                rate_unit: match quote {
                    None => row.get::<_, Option<Code<_>>>(6)?.map(|c| c.0),
                    Some(_) => None,
                },
                quote: quote.map(money),
                amount: money(row.get(8)?),
            })
        },
    )?;
    let lines: Vec<PayLine> = rows.collect::<Result<_, _>>()?;
    Ok(PayStatement {
        month: month.to_owned(),
        currency,
        total_minutes: lines.iter().map(|l| l.minutes).sum(),
        total: money(lines.iter().map(|l| l.amount.minor).sum()),
        lines,
    })
}
