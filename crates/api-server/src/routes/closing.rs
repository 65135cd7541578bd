//! Closing the loop on a request: `POST /requests/{id}/confirm`, `/reopen`, `/rating`,
//! `/quote/accept`, `/quote/decline`. Each is one write transaction answering the
//! request's detail as the change left it, like cancel and decision.

use axum::extract::{Path, State};
use support_api::quotes::QuoteDecline;
use support_api::requests::RequestDetail;
use support_api::resolution::{NewRating, Reopen};

use super::requests::change_request;
use crate::actions::closing;
use crate::auth::current::CurrentSession;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::state::AppState;

pub async fn confirm(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, closing::confirm).await
}

pub async fn reopen(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<Reopen>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, move |conn, who, id, now| {
        closing::reopen(conn, who, id, &body, now)
    })
    .await
}

pub async fn rate(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<NewRating>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, move |conn, who, id, now| {
        closing::rate(conn, who, id, &body, now)
    })
    .await
}

pub async fn accept_quote(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, closing::accept_quote).await
}

pub async fn decline_quote(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<QuoteDecline>,
) -> Result<Json<RequestDetail>, ApiError> {
    change_request(state, session, &raw, move |conn, who, id, now| {
        closing::decline_quote(conn, who, id, &body, now)
    })
    .await
}
