//! `GET/POST /requests`, `GET /requests/{id}`, comments, cancel, decision, and the
//! estimate of a draft. A request of another customer — or, for a member, of a colleague
//! — is a 404 like one that does not exist. Every change runs in one `BEGIN IMMEDIATE`
//! transaction: it is stored whole or not at all.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use support_api::plan::Priority;
use support_api::requests::{
    Decision, Estimate, NewComment, NewRequest, REQUESTS_PAGE_DEFAULT, REQUESTS_PAGE_MAX,
    RequestDetail, RequestPage, RequestSort, RequestStatus, RequestType, TITLE_MAX,
};
use support_api::validation::codes;

use crate::actions::customer::{self, Requester};
use crate::actions::{pricing, staged};
use crate::auth::current::{CurrentSession, SessionToken};
use crate::db::closing_view;
use crate::db::idempotency::{self, Owner, Remembered};
use crate::db::requests::{self as stored, ListFilter, REQUESTS_CURSOR, sort_index};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::query::Query;
use crate::state::AppState;
use crate::time_util::{day_of, now_unix};

/// Set on an answer repeated for a reused Idempotency-Key.
pub const REPLAYED_HEADER: &str = "idempotency-replayed";

pub(crate) fn requester(session: &CurrentSession) -> Requester {
    Requester {
        customer_id: session.customer.id,
        currency: session.customer.currency,
        user_id: session.user.id,
        name: session.user.name.clone(),
        role: session.user.role,
    }
}

fn owner(who: &Requester) -> Owner {
    Owner {
        customer_id: who.customer_id,
        user_id: who.user_id,
    }
}

/// A path id; anything that is not one is a request that does not exist.
pub(crate) fn request_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(ApiError::NotFound)
}

pub(crate) fn detail(
    conn: &Connection,
    who: &Requester,
    id: i64,
) -> Result<RequestDetail, ApiError> {
    let request = customer::visible(conn, who, id)?;
    let mut detail = stored::detail(conn, &request, who.currency, who.role)?;
    closing_view::add(
        conn,
        &request,
        who.currency,
        who.viewer(),
        now_unix(),
        &mut detail,
    )?;
    Ok(detail)
}

fn created(id: i64, detail: RequestDetail, replayed: bool) -> Result<Response, ApiError> {
    let location = HeaderValue::from_str(&format!("{}/requests/{id}", support_api::API_PREFIX))
        .map_err(|err| ApiError::internal("location header", err))?;
    let mut response = (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(detail),
    )
        .into_response();
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// The idempotent part of a POST that creates something, inside its transaction: for a
/// key already used with the same body, the request it made then, and `true` (a replay);
/// otherwise what `create` makes (the request and, for a comment, its timeline event),
/// remembered under the key.
fn create_once(
    tx: &Connection,
    who: &Requester,
    key: &str,
    hash: &[u8],
    now: i64,
    create: impl FnOnce() -> Result<(i64, Option<i64>), ApiError>,
) -> Result<(i64, bool), ApiError> {
    if let Some(before) = idempotency::replay(tx, owner(who), key, hash)? {
        return Ok((before.request_id, true));
    }
    let (request_id, event_id) = create()?;
    let remembered = Remembered {
        request_id,
        event_id,
        status: StatusCode::CREATED.as_u16(),
    };
    idempotency::remember(tx, owner(who), key, hash, remembered, now)?;
    Ok((request_id, false))
}

const LIST_PARAMS: &[&str] = &[
    "status", "type", "priority", "q", "open", "sort", "limit", "cursor",
];

fn list_filter(raw: Option<&str>) -> Result<ListFilter, ApiError> {
    let mut query = Query::parse(raw, LIST_PARAMS);
    let sort = query.one("sort", RequestSort::parse).unwrap_or_default();
    let mut filter = ListFilter {
        statuses: query.list("status", RequestStatus::parse),
        types: query.list("type", RequestType::parse),
        priorities: query.list("priority", Priority::parse),
        q: query.text("q", TITLE_MAX),
        open: query.boolean("open"),
        sort,
        limit: query.limit(REQUESTS_PAGE_DEFAULT, REQUESTS_PAGE_MAX),
        after: None,
    };
    if let Some(keys) = query.cursor(REQUESTS_CURSOR, 4) {
        if keys[0] == sort_index(sort) {
            filter.after = Some([keys[1], keys[2], keys[3]]);
        } else {
            query.errors.push(
                "cursor",
                codes::INVALID_VALUE,
                "belongs to another sort order",
            );
        }
    }
    query.finish()?;
    Ok(filter)
}

pub async fn list_requests(
    State(state): State<AppState>,
    token: SessionToken,
    RawQuery(raw): RawQuery,
) -> Result<Json<RequestPage>, ApiError> {
    let page = state
        .db
        .read(move |conn| {
            let who = requester(&token.resolve(conn)?);
            let filter = list_filter(raw.as_deref())?;
            stored::list(conn, who.viewer(), &filter, who.currency)
        })
        .await?;
    Ok(Json(page))
}

pub async fn create_request(
    State(state): State<AppState>,
    session: CurrentSession,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewRequest>,
) -> Result<Response, ApiError> {
    let key = idempotency::key_from(&headers)?;
    let hash = idempotency::body_hash("requests", &body)?;
    let who = requester(&session);
    let now = now_unix();
    let max_total = state.files.limits.request_max_bytes;
    let (id, detail, replayed) = state
        .db
        .write(move |tx| {
            // A replay answers the request made then: its files were attached then.
            let (id, replayed) = create_once(tx, &who, &key, &hash, now, || {
                let id = customer::create(tx, &who, &body, now)?;
                staged::attach(tx, &who, id, None, &body.files, now, max_total)?;
                Ok((id, None))
            })?;
            Ok((id, detail(tx, &who, id)?, replayed))
        })
        .await?;
    if !replayed {
        tracing::info!(request = id, "request created");
    }
    created(id, detail, replayed)
}

pub async fn get_request(
    State(state): State<AppState>,
    token: SessionToken,
    Path(raw): Path<String>,
) -> Result<Json<RequestDetail>, ApiError> {
    let detail = state
        .db
        .read(move |conn| {
            let who = requester(&token.resolve(conn)?);
            detail(conn, &who, request_id(&raw)?)
        })
        .await?;
    Ok(Json(detail))
}

pub async fn add_comment(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewComment>,
) -> Result<Response, ApiError> {
    let id = request_id(&raw)?;
    let key = idempotency::key_from(&headers)?;
    let hash = idempotency::body_hash(&format!("requests/{id}/comments"), &body)?;
    let who = requester(&session);
    let now = now_unix();
    let max_total = state.files.limits.request_max_bytes;
    let (detail, replayed) = state
        .db
        .write(move |tx| {
            // A foreign id is a 404 before anything about the key is said.
            customer::visible(tx, &who, id)?;
            let (_, replayed) = create_once(tx, &who, &key, &hash, now, || {
                let comment = customer::comment(tx, &who, id, &body, now)?;
                staged::attach(tx, &who, id, Some(comment), &body.files, now, max_total)?;
                Ok((id, Some(comment)))
            })?;
            Ok((detail(tx, &who, id)?, replayed))
        })
        .await?;
    created(id, detail, replayed)
}

/// Changes request `raw` (a path id) with `act` in one write transaction, and answers
/// its detail as the change left it.
pub(crate) async fn change_request(
    state: AppState,
    session: CurrentSession,
    raw: &str,
    act: impl FnOnce(&Connection, &Requester, i64, i64) -> Result<(), ApiError> + Send + 'static,
) -> Result<Json<RequestDetail>, ApiError> {
    let id = request_id(raw)?;
    let who = requester(&session);
    let now = now_unix();
    let detail = state
        .db
        .write(move |tx| {
            act(tx, &who, id, now)?;
            detail(tx, &who, id)
        })
        .await?;
    Ok(Json(detail))
}

pub async fn cancel_request(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, customer::cancel).await
}

pub async fn decide_request(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<Decision>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, move |conn, who, id, now| {
        customer::decide(conn, who, id, &body, now)
    })
    .await
}

/// How a draft would be billed and what it would cost. Only what pricing needs is
/// checked (a foreign licence, an unknown course date, a top-up without SBP); the rest
/// of the form is checked when it is sent.
pub async fn estimate_request(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<NewRequest>,
) -> Result<Json<Estimate>, ApiError> {
    let who = requester(&session);
    let today = day_of(now_unix());
    let estimate = state
        .db
        .read(move |conn| {
            let pricing = pricing::price(conn, who.customer_id, who.currency, &body, today)?;
            Ok(pricing.estimate(who.currency, who.role, &body))
        })
        .await?;
    Ok(Json(estimate))
}
