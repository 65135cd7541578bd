//! `GET /credit` (every user of an SBP customer; monthly use for admins only) and
//! `GET /credit/ledger` (admins only), assembled by `actions::credit`. Both answer after
//! due expiries are written off (`credit::fresh`), so the answer never shows a lapsed
//! block's remainder as credit; the session is looked up in the same job.

use axum::extract::{RawQuery, State};
use rusqlite::Connection;
use support_api::catalog::ServiceCode;
use support_api::credit::{Credit, LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX, LedgerKind, LedgerPage};
use support_api::validation::codes;

use crate::actions::credit::{self, Holder};
use crate::auth::current::{CurrentSession, SessionToken};
use crate::db::credit::{LEDGER_CURSOR, LedgerFilter};
use crate::error::ApiError;
use crate::json::Json;
use crate::query::Query;
use crate::state::AppState;
use crate::time_util::now_unix;

pub async fn get_credit(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<Credit>, ApiError> {
    let now = now_unix();
    let who = move |conn: &Connection| Ok(holder(&token.resolve(conn)?));
    let overview = move |conn: &Connection, who| credit::overview(conn, who, now);
    let answer = credit::fresh(&state.db, who, now, overview).await?;
    Ok(Json(answer))
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
    token: SessionToken,
    RawQuery(raw): RawQuery,
) -> Result<Json<LedgerPage>, ApiError> {
    let now = now_unix();
    let who = move |conn: &Connection| Ok(holder(&token.resolve(conn)?));
    let page = move |conn: &Connection, who| {
        credit::ledger_page(conn, who, ledger_filter(raw.as_deref()), now)
    };
    let answer = credit::fresh(&state.db, who, now, page).await?;
    Ok(Json(answer))
}

fn holder(session: &CurrentSession) -> Holder {
    Holder {
        customer_id: session.customer.id,
        currency: session.customer.currency,
        role: session.user.role,
    }
}
