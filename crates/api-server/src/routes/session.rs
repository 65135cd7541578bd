//! `POST/GET/DELETE /session`: sign in, who am I, sign out.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use support_api::session::{Session, SignIn};

use crate::auth::current::{CurrentSession, SessionToken};
use crate::auth::{cookie, password, token};
use crate::db::two_step as two_step_state;
use crate::db::{accounts, sessions};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::routes::two_step;
use crate::state::AppState;
use crate::time_util::{format_instant, now_unix};

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, ApiError> {
    body.validate()?;
    let email = body.email.trim().to_lowercase();
    let attempt = state
        .limiter
        .begin(&email, peer.ip(), Instant::now())
        .map_err(ApiError::too_many_attempts)?;

    let credentials = state
        .db
        .read(move |conn| Ok(accounts::credentials(conn, &email)?))
        .await?;
    let known_account = credentials.is_some();
    let password = body.password;
    let code = body.code;
    // Argon2 takes tens of milliseconds: keep it off the async workers and outside the
    // database lock. An unknown address is checked against a dummy hash so it takes as
    // long as a wrong password and cannot be told apart from one.
    let _permit = state
        .password_checks
        .acquire()
        .await
        .map_err(|err| ApiError::internal("password check", err))?;
    let user_id = tokio::task::spawn_blocking(move || match credentials {
        Some(c) => password::verify(&password, &c.password_hash).then_some(c.user_id),
        None => {
            password::verify(&password, password::DUMMY_HASH);
            None
        }
    })
    .await
    .map_err(|err| ApiError::internal("password check", err))?;
    let Some(user_id) = user_id else {
        tracing::info!(ip = %peer.ip(), known_account, "sign-in refused");
        return Err(ApiError::InvalidCredentials);
    };
    // The second step, when on: a wrong or missing code leaves the attempt counted.
    two_step::verify(&state, user_id, code).await?;
    state.limiter.succeeded(attempt);

    open_session(&state, &headers, user_id).await
}

/// Starts a session for `user_id` (after a password was checked, or an invitation was
/// accepted in the caller's transaction) and answers it with its cookie.
pub async fn open_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: i64,
) -> Result<Response, ApiError> {
    // A fresh token at every sign-in; a session the browser still presented is ended, so
    // a planted or leftover id never becomes a signed-in one.
    let previous = cookie::session_token(headers).map(token::hash);
    let session_token = token::random()?;
    let csrf_token = token::random()?;
    let token_hash = token::hash(&session_token);
    let user_agent = user_agent(headers);
    let ttl = state.config.session_ttl_seconds();
    let now = now_unix();
    let session = state
        .db
        .write(move |tx| {
            if let Some(previous) = previous {
                sessions::delete(tx, &previous)?;
            }
            sessions::delete_expired(tx, now)?;
            sessions::insert(
                tx,
                &sessions::NewSession {
                    token_hash: &token_hash,
                    user_id,
                    csrf_token: &csrf_token,
                    created_at: now,
                    expires_at: now + ttl,
                    user_agent: user_agent.as_deref(),
                },
            )?;
            accounts::signed_in(tx, user_id, now)?;
            let (user, customer) =
                accounts::user_with_customer(tx, user_id)?.ok_or(ApiError::InvalidCredentials)?;
            let two_step_setup_required = two_step_state::state(tx, user_id)?
                .is_some_and(|s| s.required && s.secret.is_none());
            Ok(Session {
                user,
                customer,
                csrf_token,
                expires_at: format_instant(now + ttl)?,
                two_step_setup_required,
            })
        })
        .await?;
    tracing::info!(user_id, "signed in");
    let set_cookie = cookie::set_session(&session_token, ttl, state.config.secure_cookies())?;
    Ok(([(header::SET_COOKIE, set_cookie)], Json(session)).into_response())
}

/// The User-Agent, cut to 256 characters: the sessions list names the browser from it.
fn user_agent(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.chars().take(256).collect())
}

/// Who is signed in: the session, or 204 when nobody is (no cookie, or its session has
/// ended). Not a 401: asking is no failure, and a browser logs every 401 as an error on
/// the sign-in page, where the portal asks first.
pub async fn who_am_i(
    State(state): State<AppState>,
    token: Result<SessionToken, ApiError>,
) -> Result<Response, ApiError> {
    let Ok(token) = token else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let session = state
        .db
        .read(move |conn| match token.resolve(conn) {
            Ok(current) => current.to_session().map(Some),
            Err(ApiError::Unauthenticated) => Ok(None),
            Err(error) => Err(error),
        })
        .await?;
    Ok(match session {
        Some(session) => Json(session).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

pub async fn sign_out(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Response, ApiError> {
    let token_hash = session.token_hash;
    state
        .db
        .write(move |tx| Ok(sessions::delete(tx, &token_hash)?))
        .await?;
    let clear = cookie::clear_session(state.config.secure_cookies())?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear)]).into_response())
}
