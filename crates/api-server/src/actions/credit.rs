//! The SBP credit as its holder sees it: the overview of `GET /credit` and a page of the
//! ledger, each assembled from storage. Both answer only after lapsed blocks are written
//! off ([`fresh`]), so neither ever shows a lapsed block's remainder as credit.

use rusqlite::Connection;
use support_api::credit::{Credit, LedgerPage};
use support_api::money::{Currency, Money};
use support_api::session::Role;

use crate::db::credit::{self as stored, LedgerFilter};
use crate::db::{Db, Version, ledger, plan};
use crate::error::ApiError;
use crate::time_util::{day_of, format_day};

/// The signed-in user asking about its customer's credit.
#[derive(Clone, Copy, Debug)]
pub struct Holder {
    pub customer_id: i64,
    pub currency: Currency,
    pub role: Role,
}

/// Runs `answer` for the holder `who` finds, on storage in which every block that
/// lapsed before `now` has its expiry entry. Usually none awaits one, and `who` and
/// `answer` run on a reader, in one read transaction with that check, and `answer` gets
/// the read's [`Version`] (for an answer kept until the database changes); otherwise the
/// writer writes them off and answers, in one write transaction, without a version.
/// `kept` is asked first, on the reader: an answer kept at this version on this day was
/// made when no write-off was due, and none can be due without a change or a new day.
pub async fn fresh<T, W, K, F>(db: &Db, who: W, kept: K, now: i64, answer: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    W: FnOnce(&Connection) -> Result<Holder, ApiError> + Send + 'static,
    K: FnOnce(Holder, Version) -> Option<T> + Send + 'static,
    F: Fn(&Connection, Holder, Option<Version>) -> Result<T, ApiError> + Clone + Send + 'static,
{
    enum Read<T> {
        Answered(T),
        WriteOffFirst(Holder),
    }
    let on_reader = answer.clone();
    let read = db
        .read_versioned(move |conn, version| {
            let holder = who(conn)?;
            if let Some(answered) = version.and_then(|version| kept(holder, version)) {
                return Ok(Read::Answered(answered));
            }
            if ledger::expiries_due(conn, holder.customer_id, now)? {
                return Ok(Read::WriteOffFirst(holder));
            }
            on_reader(conn, holder, version).map(Read::Answered)
        })
        .await?;
    match read {
        Read::Answered(answered) => Ok(answered),
        Read::WriteOffFirst(holder) => {
            db.write(move |tx| {
                ledger::apply_expiries(tx, holder.customer_id, now)?;
                answer(tx, holder, None)
            })
            .await
        }
    }
}

/// Balance, blocks, forecast and (for admins) monthly use; 404 for a customer without
/// SBP. Call it through [`fresh`].
pub fn overview(conn: &Connection, who: Holder, now: i64) -> Result<Credit, ApiError> {
    let Holder {
        customer_id,
        currency,
        role,
    } = who;
    let today = day_of(now);
    let today_text = format_day(today);
    let sbp = plan::sbp(conn, customer_id, &today_text, currency)?.ok_or(ApiError::NotFound)?;
    let balance = ledger::balance(conn, customer_id)?;
    let blocks = ledger::blocks(conn, customer_id)?;
    let burn = stored::recent_burn(conn, customer_id, today)?;
    Ok(Credit {
        balance: Money::new(balance, currency),
        below_threshold: balance < sbp.low_balance_threshold.minor,
        low_balance_threshold: sbp.low_balance_threshold,
        blocks: stored::prepaid_blocks(&blocks, &today_text, currency),
        forecast: stored::forecast(&blocks, burn, today, currency),
        usage: if role == Role::Admin {
            Some(stored::usage(conn, customer_id, today, currency)?)
        } else {
            None
        },
    })
}

/// A page of the ledger, for admins of SBP customers; 404 for anyone else, whatever they
/// asked (a member learns nothing, not even that the ledger exists). `filter` is the
/// parsed query: its refusals are answered only after that. Call it through [`fresh`].
pub fn ledger_page(
    conn: &Connection,
    who: Holder,
    filter: Result<LedgerFilter, ApiError>,
    now: i64,
) -> Result<LedgerPage, ApiError> {
    if who.role != Role::Admin {
        return Err(ApiError::NotFound);
    }
    let today = format_day(day_of(now));
    plan::sbp(conn, who.customer_id, &today, who.currency)?.ok_or(ApiError::NotFound)?;
    stored::ledger_page(conn, who.customer_id, &filter?, who.currency)
}
