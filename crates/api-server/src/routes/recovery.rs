//! The ways in without a session: accepting an invitation and a forgotten password.
//! Both take a mailed single-use token; only its SHA-256 is stored.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use support_api::account::{AcceptInvitation, NewPassword, RESET_MINUTES, ResetRequest};
use support_api::people::{ChangeKind, PersonStatus};
use support_api::validation::codes;

use crate::actions::mail_links;
use crate::auth::token;
use crate::db::people::{self as stored, Change, Purpose};
use crate::db::{accounts, sessions};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::routes::account::{check_new_password, hash_password};
use crate::routes::session::open_session;
use crate::state::AppState;
use crate::time_util::now_unix;

/// The reset request answers no sooner than this after it arrived, whatever it found:
/// the time of an answer does not tell whether the address has an account.
const RESET_ANSWER_AFTER: Duration = Duration::from_millis(250);

fn invalid_token() -> ApiError {
    ApiError::field(
        "token",
        codes::INVALID_VALUE,
        "the link is unknown, used or expired",
    )
}

/// `POST /password-reset`: 202 for any well-formed address. For an active account, a
/// new token (the earlier one stops working) and its mail, in the same transaction.
pub async fn request_reset(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<ResetRequest>,
) -> Result<StatusCode, ApiError> {
    let started = Instant::now();
    body.validate()?;
    let email = body.email.trim().to_lowercase();
    // Every request counts (no success forgives it): mails cannot be sent in bulk.
    state
        .reset_limiter
        .begin(&email, peer.ip(), started)
        .map_err(ApiError::too_many_attempts)?;
    // The same work for a known and an unknown address: a token, its hash, one write
    // transaction; only what it writes differs.
    let secret = token::random()?;
    let token_hash = token::hash(&secret);
    let now = now_unix();
    let outcome = state
        .db
        .write(move |tx| {
            if let Some(found) = accounts::credentials(tx, &email)? {
                stored::issue_token(
                    tx,
                    found.user_id,
                    Purpose::Reset,
                    &token_hash,
                    now,
                    now + RESET_MINUTES * 60,
                )?;
                mail_links::reset(tx, found.user_id, &secret, now)?;
            }
            Ok(())
        })
        .await;
    tokio::time::sleep_until((started + RESET_ANSWER_AFTER).into()).await;
    outcome?;
    Ok(StatusCode::ACCEPTED)
}

/// `POST /password-reset/complete`: the new password, and every session of the user ends.
pub async fn complete_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<NewPassword>,
) -> Result<StatusCode, ApiError> {
    body.validate()?;
    check_new_password("password", &body.password)?;
    let token_hash = token::hash(body.token.trim());
    let hash = hash_password(&state, body.password).await?;
    let now = now_unix();
    state
        .db
        .write(move |tx| {
            let user_id = stored::use_token(tx, Purpose::Reset, &token_hash, now)?
                .ok_or_else(invalid_token)?;
            // A user deactivated since the mail was sent gets no password through it.
            if accounts::password_hash(tx, user_id)?.is_none() {
                return Err(invalid_token());
            }
            accounts::set_password_hash(tx, user_id, &hash)?;
            sessions::delete_for_user(tx, user_id, None)?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /invitation/accept`: password (and name) set, the user active and signed in.
pub async fn accept_invitation(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AcceptInvitation>,
) -> Result<Response, ApiError> {
    body.validate()?;
    check_new_password("password", &body.password)?;
    let token_hash = token::hash(body.token.trim());
    let hash = hash_password(&state, body.password).await?;
    let name = body
        .name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let now = now_unix();
    let user_id = state
        .db
        .write(move |tx| {
            let user_id = stored::use_token(tx, Purpose::Invitation, &token_hash, now)?
                .ok_or_else(invalid_token)?;
            let customer_id = accounts::customer_of(tx, user_id)?.ok_or_else(invalid_token)?;
            let person = stored::find(tx, customer_id, user_id)?;
            if person.status != PersonStatus::Invited {
                return Err(invalid_token());
            }
            accounts::set_password_hash(tx, user_id, &hash)?;
            if let Some(name) = &name {
                accounts::set_name(tx, user_id, name)?;
            }
            stored::set_status(tx, user_id, PersonStatus::Active)?;
            let person = stored::find(tx, customer_id, user_id)?;
            stored::record(
                tx,
                &Change {
                    customer_id,
                    at: now,
                    kind: ChangeKind::InvitationAccepted,
                    actor: &person.name,
                    person: &person,
                    role: None,
                },
            )?;
            Ok(user_id)
        })
        .await?;
    open_session(&state, &headers, user_id).await
}
