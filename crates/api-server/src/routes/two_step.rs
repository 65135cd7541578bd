//! `/account/two-step`: turning two-step sign-in on (a secret with its QR code, then a
//! first code and ten recovery codes), and a company admin's requirement of it. The code
//! at sign-in is checked by [`verify`], which `POST /session` calls.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use support_api::session::Role;
use support_api::two_step::{RecoveryCodes, TwoStepCode, TwoStepRequirement, TwoStepSetup, codes};

use crate::auth::current::CurrentSession;
use crate::auth::two_step;
use crate::db::two_step as stored;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::now_unix;

fn wrong_code() -> ApiError {
    ApiError::field("code", codes::WRONG_CODE, "is not a valid code")
}

fn wrong_current_code() -> ApiError {
    ApiError::field(
        "current",
        codes::WRONG_CODE,
        "is not a valid code of the app in use",
    )
}

/// A code of the secret in use (later than the last one used) or an unused recovery code,
/// used up now: true when it is one.
fn use_code(
    tx: &rusqlite::Transaction,
    user_id: i64,
    secret: &str,
    last_step: Option<i64>,
    code: &str,
    now: i64,
) -> Result<bool, ApiError> {
    if let Some(step) = two_step::check(secret, code, now, last_step)? {
        return Ok(stored::use_step(tx, user_id, step)?);
    }
    Ok(stored::use_recovery_code(
        tx,
        user_id,
        &two_step::recovery_hash(code),
    )?)
}

/// A new secret, shown as a QR code and as text; it takes effect once a first code
/// confirms it. Asking again replaces a secret not yet confirmed.
pub async fn begin(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<TwoStepSetup>, ApiError> {
    let secret = two_step::new_secret()?;
    let otpauth_uri = two_step::otpauth_uri(&secret, &session.user.email);
    let qr_code = two_step::qr_svg(&otpauth_uri)?;
    let user_id = session.user.id;
    let stored_secret = secret.clone();
    state
        .db
        .write(move |tx| Ok(stored::set_pending(tx, user_id, &stored_secret)?))
        .await?;
    Ok(Json(TwoStepSetup {
        secret,
        otpauth_uri,
        qr_code,
    }))
}

/// The first code: two-step sign-in is on, and the ten recovery codes are shown once.
/// When it was already on, the new secret replaces the old one only with a code of the
/// old one (`current`); both codes are checked in one transaction, so a wrong new code
/// uses up nothing. Guesses of the current code count with those at sign-in, so a
/// session in the wrong hands cannot try them all.
pub async fn confirm(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: CurrentSession,
    ApiJson(body): ApiJson<TwoStepCode>,
) -> Result<Json<RecoveryCodes>, ApiError> {
    let attempt = body
        .current
        .as_ref()
        .map(|_| {
            state
                .limiter
                .begin(&session.user.email, peer.ip(), Instant::now())
        })
        .transpose()
        .map_err(ApiError::too_many_attempts)?;
    let user_id = session.user.id;
    let codes = two_step::new_recovery_codes()?;
    let hashes: Vec<[u8; 32]> = codes.iter().map(|c| two_step::recovery_hash(c)).collect();
    let now = now_unix();
    state
        .db
        .write(move |tx| {
            let current = stored::state(tx, user_id)?.ok_or(ApiError::Unauthenticated)?;
            if let Some(secret) = &current.secret {
                let proof = body.current.as_deref().ok_or_else(wrong_current_code)?;
                if !use_code(tx, user_id, secret, current.last_step, proof, now)? {
                    return Err(wrong_current_code());
                }
            }
            let pending = current.pending.ok_or_else(wrong_code)?;
            let step = two_step::check(&pending, &body.code, now, None)?.ok_or_else(wrong_code)?;
            stored::enable(tx, user_id, step, &hashes)?;
            Ok(())
        })
        .await?;
    if let Some(attempt) = attempt {
        state.limiter.succeeded(attempt);
    }
    Ok(Json(RecoveryCodes { codes }))
}

/// A company admin requires (or no longer requires) two-step sign-in for everyone.
pub async fn require(
    State(state): State<AppState>,
    session: CurrentSession,
    ApiJson(body): ApiJson<TwoStepRequirement>,
) -> Result<StatusCode, ApiError> {
    if session.user.role != Role::Admin {
        return Err(ApiError::NotFound);
    }
    let (customer_id, user_id) = (session.customer.id, session.user.id);
    state
        .db
        .write(move |tx| {
            // Requiring it without having it would lock the admin out of the People page
            // at once: they set it up first.
            let own = stored::state(tx, user_id)?.ok_or(ApiError::Unauthenticated)?;
            if body.required && own.secret.is_none() {
                return Err(ApiError::Conflict(
                    "Set up your own two-step sign-in before requiring it.".into(),
                ));
            }
            Ok(stored::set_required(tx, customer_id, body.required)?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// At sign-in, after the password: nothing to do without two-step sign-in; with it, the
/// code (or a recovery code) must be given and good, and is used up in the same
/// transaction. `None` and a wrong code are different answers: the portal asks for a
/// code, or says it was wrong.
pub async fn verify(state: &AppState, user_id: i64, code: Option<String>) -> Result<(), ApiError> {
    let now = now_unix();
    state
        .db
        .write(move |tx| {
            let current = stored::state(tx, user_id)?.ok_or(ApiError::InvalidCredentials)?;
            let Some(secret) = current.secret else {
                return Ok(());
            };
            let code = code.ok_or(ApiError::SecondStepRequired)?;
            if use_code(tx, user_id, &secret, current.last_step, &code, now)? {
                Ok(())
            } else {
                Err(wrong_code())
            }
        })
        .await
}
