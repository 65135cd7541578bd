//! `/people`: a company admin's view of its people, invitations, roles, deactivation, a
//! colleague's two-step sign-in reset, and the record of changes. A member (or another company's admin naming a foreign id) gets
//! 404 from every one of these, as if they did not exist. The changes are
//! `actions::people`'s, each in one write transaction.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;
use support_api::people::{Invitation, Person, PersonChangeList, PersonList, RoleChange};
use support_api::session::Role;

use crate::actions::people::{self, Admin};
use crate::auth::current::{CurrentSession, SessionToken};
use crate::auth::token;
use crate::db::people as stored;
use crate::db::two_step;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::now_unix;

/// Who may manage people: the company's admins. Anyone else is told nothing is here.
fn admin(session: &CurrentSession) -> Result<Admin, ApiError> {
    match session.user.role {
        Role::Admin => Ok(Admin {
            customer_id: session.customer.id,
            user_id: session.user.id,
            name: session.user.name.clone(),
        }),
        Role::Member => Err(ApiError::NotFound),
    }
}

/// A path id; anything that is not one is a person that does not exist.
fn person_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(ApiError::NotFound)
}

pub async fn list_people(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<PersonList>, ApiError> {
    let list = state
        .db
        .read(move |conn| {
            let who = admin(&token.resolve(conn)?)?;
            Ok(PersonList {
                items: stored::list(conn, who.customer_id)?,
                two_step_required: two_step::required(conn, who.customer_id)?,
            })
        })
        .await?;
    Ok(Json(list))
}

pub async fn list_changes(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<PersonChangeList>, ApiError> {
    let items = state
        .db
        .read(move |conn| {
            let who = admin(&token.resolve(conn)?)?;
            stored::changes(conn, who.customer_id)
        })
        .await?;
    Ok(Json(PersonChangeList { items }))
}

pub async fn invite(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<Invitation>,
) -> Result<Response, ApiError> {
    let who = admin(&session)?;
    body.validate()?;
    let secret = token::random()?;
    let now = now_unix();
    let person = state
        .db
        .write(move |tx| people::invite(tx, &who, &body, &secret, now))
        .await?;
    Ok((StatusCode::CREATED, Json(person)).into_response())
}

pub async fn resend_invitation(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    let secret = token::random()?;
    change(&state, &session, &id, move |tx, who, id, now| {
        people::resend_invitation(tx, who, id, &secret, now)
    })
    .await
    .map(Json)
}

pub async fn revoke_invitation(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    change(&state, &session, &id, people::revoke_invitation).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn change_role(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RoleChange>,
) -> Result<Json<Person>, ApiError> {
    change(&state, &session, &id, move |tx, who, id, now| {
        people::change_role(tx, who, id, body.role, now)
    })
    .await
    .map(Json)
}

pub async fn deactivate(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    change(&state, &session, &id, people::deactivate)
        .await
        .map(Json)
}

pub async fn reactivate(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    change(&state, &session, &id, people::reactivate)
        .await
        .map(Json)
}

pub async fn reset_two_step(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    change(&state, &session, &id, people::reset_two_step)
        .await
        .map(Json)
}

/// An admin's change to the person at path id `raw_id`: `work` in one write
/// transaction, given the admin, the id and the time.
async fn change<T, F>(
    state: &AppState,
    session: &CurrentSession,
    raw_id: &str,
    work: F,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Connection, &Admin, i64, i64) -> Result<T, ApiError> + Send + 'static,
{
    let who = admin(session)?;
    let id = person_id(raw_id)?;
    let now = now_unix();
    state.db.write(move |tx| work(tx, &who, id, now)).await
}
