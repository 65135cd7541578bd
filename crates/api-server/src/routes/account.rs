//! `/account`: every user's own profile, password and sessions.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use support_api::account::{Account, AccountUpdate, PasswordChange, SessionInfo, SessionList};
use support_api::password::{self, codes};
use support_api::validation::FieldErrors;

use crate::auth::current::{CurrentSession, SessionToken};
use crate::auth::password as hashing;
use crate::browser;
use crate::db::{accounts, sessions};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::{format_instant, now_unix};

pub async fn get_account(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<Account>, ApiError> {
    let account = state
        .db
        .read(move |conn| {
            let session = token.resolve(conn)?;
            accounts::profile(conn, session.user.id)?.ok_or(ApiError::Unauthenticated)
        })
        .await?;
    Ok(Json(account))
}

pub async fn update_account(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<AccountUpdate>,
) -> Result<Json<Account>, ApiError> {
    body.validate()?;
    let user_id = session.user.id;
    let account = state
        .db
        .write(move |tx| {
            let phone = body
                .phone
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty());
            accounts::update_profile(tx, user_id, body.name.trim(), phone, body.language)?;
            accounts::profile(tx, user_id)?.ok_or(ApiError::Unauthenticated)
        })
        .await?;
    Ok(Json(account))
}

/// Hashes `password` with Argon2id off the async workers, one of the gated checks.
pub async fn hash_password(state: &AppState, password: String) -> Result<String, ApiError> {
    let _permit = state
        .password_checks
        .acquire()
        .await
        .map_err(|err| ApiError::internal("password hash", err))?;
    tokio::task::spawn_blocking(move || hashing::hash(&password))
        .await
        .map_err(|err| ApiError::internal("password hash", err))?
        .map_err(|err| ApiError::internal("password hash", err))
}

/// The policy's checks of a new password, the common-password list included.
pub fn check_new_password(field: &str, password: &str) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    password::check_new(&mut errors, field, password);
    Ok(errors.into_result()?)
}

pub async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: CurrentSession,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    body.validate()?;
    check_new_password("new_password", &body.new_password)?;
    // Guessing the current password through a stolen session is limited like sign-in.
    let attempt = state
        .limiter
        .begin(&session.user.email, peer.ip(), Instant::now())
        .map_err(ApiError::too_many_attempts)?;
    let user_id = session.user.id;
    let stored = state
        .db
        .read(move |conn| Ok(accounts::password_hash(conn, user_id)?))
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let current = body.current_password;
    let right = {
        let _permit = state
            .password_checks
            .acquire()
            .await
            .map_err(|err| ApiError::internal("password check", err))?;
        tokio::task::spawn_blocking(move || hashing::verify(&current, &stored))
            .await
            .map_err(|err| ApiError::internal("password check", err))?
    };
    if !right {
        return Err(ApiError::field(
            "current_password",
            codes::WRONG_CURRENT,
            "is not your current password",
        ));
    }
    state.limiter.succeeded(attempt);
    let hash = hash_password(&state, body.new_password).await?;
    let keep = session.token_hash;
    state
        .db
        .write(move |tx| {
            accounts::set_password_hash(tx, user_id, &hash)?;
            sessions::delete_for_user(tx, user_id, Some(&keep))?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An id for a session that is stable but says nothing of its token or its stored hash.
fn session_id(token_hash: &[u8]) -> String {
    Sha256::digest(token_hash)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub async fn list_sessions(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<SessionList>, ApiError> {
    let now = now_unix();
    let items = state
        .db
        .read(move |conn| {
            let current = token.resolve(conn)?;
            sessions::for_user(conn, current.user.id, now)?
                .into_iter()
                .map(|s| {
                    Ok(SessionInfo {
                        id: session_id(&s.token_hash),
                        browser: s.user_agent.as_deref().and_then(browser::describe),
                        started_at: format_instant(s.created_at)?,
                        last_seen_at: format_instant(s.last_seen_at)?,
                        current: s.token_hash == current.token_hash,
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    Ok(Json(SessionList { items }))
}

pub async fn end_other_sessions(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<StatusCode, ApiError> {
    let (user_id, keep) = (session.user.id, session.token_hash);
    state
        .db
        .write(move |tx| Ok(sessions::delete_for_user(tx, user_id, Some(&keep))?))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
