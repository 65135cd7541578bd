//! `GET/PUT /notifications` (the user's mail settings) and `GET/PUT /requests/{id}/mute`.
//! A request the user may not see is a 404, as everywhere.

use axum::extract::{Path, State};
use support_api::notifications::{Mute, NotificationSettings};

use super::requests::{request_id, requester};
use crate::actions::customer;
use crate::auth::current::{CurrentSession, SessionToken};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::mail::preferences;
use crate::state::AppState;

pub async fn get_notifications(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<NotificationSettings>, ApiError> {
    let settings = state
        .db
        .read(move |conn| {
            let session = token.resolve(conn)?;
            preferences::settings(conn, session.user.id, session.user.role)
        })
        .await?;
    Ok(Json(NotificationSettings { settings }))
}

pub async fn put_notifications(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<NotificationSettings>,
) -> Result<Json<NotificationSettings>, ApiError> {
    let (user, role) = (session.user.id, session.user.role);
    body.validate(role)?;
    let settings = state
        .db
        .write(move |tx| {
            preferences::save(tx, user, &body.settings)?;
            preferences::settings(tx, user, role)
        })
        .await?;
    Ok(Json(NotificationSettings { settings }))
}

pub async fn get_mute(
    State(state): State<AppState>,
    token: SessionToken,
    Path(raw): Path<String>,
) -> Result<Json<Mute>, ApiError> {
    let muted = state
        .db
        .read(move |conn| {
            let who = requester(&token.resolve(conn)?);
            let id = request_id(&raw)?;
            customer::visible(conn, &who, id)?;
            preferences::muted(conn, who.user_id, id)
        })
        .await?;
    Ok(Json(Mute { muted }))
}

pub async fn put_mute(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<Mute>,
) -> Result<Json<Mute>, ApiError> {
    let id = request_id(&raw)?;
    let who = requester(&session);
    state
        .db
        .write(move |tx| {
            customer::visible(tx, &who, id)?;
            preferences::set_muted(tx, who.user_id, id, body.muted)
        })
        .await?;
    Ok(Json(body))
}
