//! `GET /credit` (every user of an SBP customer; monthly use for admins only) and
//! `GET /credit/ledger` (admins only). Both apply due expiries first, in the same
//! transaction, so the answer never shows a lapsed block's remainder as credit.

use axum::Json;
use axum::extract::{RawQuery, State};
use support_api::catalog::ServiceCode;
use support_api::credit::{Credit, LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX, LedgerKind, LedgerPage};
use support_api::money::Money;
use support_api::session::Role;
use support_api::validation::codes;

use crate::app::AppState;
use crate::auth::current::CurrentSession;
use crate::db::credit::{LEDGER_CURSOR, LedgerFilter};
use crate::db::{self, ledger};
use crate::error::ApiError;
use crate::query::Query;
use crate::time_util::{day_of, format_day, now_unix};

pub async fn get_credit(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<Credit>, ApiError> {
    let customer_id = session.customer.id;
    let currency = session.customer.currency;
    let admin = session.user.role == Role::Admin;
    let now = now_unix();
    let credit = state
        .db
        .write(move |tx| {
            let today = day_of(now);
            let today_text = format_day(today);
            let sbp =
                db::plan::sbp(tx, customer_id, &today_text, currency)?.ok_or(ApiError::NotFound)?;
            ledger::apply_expiries(tx, customer_id, now)?;
            let balance = ledger::balance(tx, customer_id)?;
            let blocks = ledger::blocks(tx, customer_id)?;
            let burn = db::credit::recent_burn(tx, customer_id, now)?;
            Ok(Credit {
                balance: Money::new(balance, currency),
                below_threshold: balance < sbp.low_balance_threshold.minor,
                low_balance_threshold: sbp.low_balance_threshold,
                blocks: db::credit::prepaid_blocks(&blocks, &today_text, currency),
                forecast: db::credit::forecast(&blocks, burn, today, currency),
                usage: if admin {
                    Some(db::credit::usage(tx, customer_id, today, currency)?)
                } else {
                    None
                },
            })
        })
        .await?;
    Ok(Json(credit))
}

/// Parameters of `GET /credit/ledger`.
const LEDGER_PARAMS: &[&str] = &["from", "to", "service", "kind", "limit", "cursor"];

fn ledger_filter(raw: Option<&str>) -> Result<LedgerFilter, ApiError> {
    let mut query = Query::parse(raw, LEDGER_PARAMS);
    let from = query.day("from");
    let to = query.day("to");
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        query
            .errors
            .push("to", codes::BEFORE_START, "must not come before `from`");
    }
    let filter = LedgerFilter {
        from,
        to,
        services: query.list("service", ServiceCode::parse),
        kinds: query.list("kind", LedgerKind::parse),
        limit: query.limit(LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX),
        after: query
            .cursor(LEDGER_CURSOR, 2)
            .map(|keys| (keys[0], keys[1])),
    };
    query.finish()?;
    Ok(filter)
}

pub async fn get_ledger(
    State(state): State<AppState>,
    session: CurrentSession,
    RawQuery(raw): RawQuery,
) -> Result<Json<LedgerPage>, ApiError> {
    // A member learns nothing, not even that the ledger exists.
    if session.user.role != Role::Admin {
        return Err(ApiError::NotFound);
    }
    let customer_id = session.customer.id;
    let currency = session.customer.currency;
    let now = now_unix();
    let page = state
        .db
        .write(move |tx| {
            let today = format_day(day_of(now));
            db::plan::sbp(tx, customer_id, &today, currency)?.ok_or(ApiError::NotFound)?;
            // Parameters are checked after the SBP check: a customer without credit
            // gets 404 whatever it asks.
            let filter = ledger_filter(raw.as_deref())?;
            ledger::apply_expiries(tx, customer_id, now)?;
            db::credit::ledger_page(tx, customer_id, &filter, currency)
        })
        .await?;
    Ok(Json(page))
}
