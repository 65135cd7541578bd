//! `GET /credit` (every user of an SBP customer; monthly use for admins only) and
//! `GET /credit/ledger` (admins only), assembled by `actions::credit`. Both answer after
//! due expiries are written off (`credit::fresh`), so the answer never shows a lapsed
//! block's remainder as credit; the session is looked up in the same job.

use axum::extract::{RawQuery, State};
use rusqlite::Connection;
use support_api::catalog::ServiceCode;
use support_api::credit::{LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX, LedgerKind};
use support_api::validation::codes;

use crate::actions::credit::{self, Holder};
use crate::answers::Question;
use crate::auth::current::{CurrentSession, SessionToken};
use crate::db::credit::{LEDGER_CURSOR, LedgerFilter};
use crate::error::ApiError;
use crate::json::{JsonBytes, to_bytes};
use crate::query::Query;
use crate::state::AppState;
use crate::time_util::{day_of, now_unix};

pub async fn get_credit(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<JsonBytes, ApiError> {
    let now = now_unix();
    let answers = state.answers.clone();
    let who = move |conn: &Connection| Ok(holder(&token.resolve(conn)?));
    let kept_answers = answers.clone();
    let kept = move |who, version| kept_answers.kept(&question("credit", who, now, None), version);
    let overview = move |conn: &Connection, who: Holder, version| {
        let question = question("credit", who, now, None);
        answers.answer(question, version, || {
            to_bytes(&credit::overview(conn, who, now)?)
        })
    };
    let answer = credit::fresh(&state.db, who, kept, now, overview).await?;
    Ok(JsonBytes(answer))
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
) -> Result<JsonBytes, ApiError> {
    let now = now_unix();
    let answers = state.answers.clone();
    let who = move |conn: &Connection| Ok(holder(&token.resolve(conn)?));
    let (kept_answers, kept_query) = (answers.clone(), raw.clone());
    let kept =
        move |who, version| kept_answers.kept(&question("ledger", who, now, kept_query), version);
    let page = move |conn: &Connection, who: Holder, version| {
        let question = question("ledger", who, now, raw.clone());
        answers.answer(question, version, || {
            let page = credit::ledger_page(conn, who, ledger_filter(raw.as_deref()), now)?;
            to_bytes(&page)
        })
    };
    let answer = credit::fresh(&state.db, who, kept, now, page).await?;
    Ok(JsonBytes(answer))
}

/// What a credit answer depends on besides the database.
fn question(what: &'static str, who: Holder, now: i64, query: Option<String>) -> Question {
    Question {
        what,
        customer_id: who.customer_id,
        role: who.role,
        day: day_of(now),
        query,
    }
}

fn holder(session: &CurrentSession) -> Holder {
    Holder {
        customer_id: session.customer.id,
        currency: session.customer.currency,
        role: session.user.role,
    }
}
