//! `CurrentSession`: who is signed in, which every signed-in endpoint needs and can only
//! get through [`SessionToken::resolve`]. It answers 401 without a live session and, for
//! state-changing methods, 403 without the session's CSRF token, so no handler can forget
//! either check.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use rusqlite::Connection;
use support_api::session::{CustomerSummary, Session, User};

use super::{cookie, csrf, token};
use crate::db::{Db, sessions};
use crate::error::ApiError;
use crate::time_util::{format_instant, now_unix};

pub struct CurrentSession {
    pub token_hash: [u8; 32],
    pub user: User,
    pub customer: CustomerSummary,
    pub csrf_token: String,
    pub expires_at: i64,
    pub must_enrol: bool,
}

impl CurrentSession {
    pub fn to_session(&self) -> Result<Session, ApiError> {
        Ok(Session {
            user: self.user.clone(),
            customer: self.customer.clone(),
            csrf_token: self.csrf_token.clone(),
            expires_at: format_instant(self.expires_at)?,
            two_step_setup_required: self.must_enrol,
        })
    }
}

/// The session cookie of a request, before the database has said whether its session
/// lives: the extractor answers 401 at once without a cookie. [`SessionToken::resolve`]
/// inside a database job gives the [`CurrentSession`] (or 401, or 403 without the CSRF
/// token on a state-changing method), so a read handler looks the session up in the same
/// job and transaction as its own queries.
#[derive(Clone)]
pub struct SessionToken {
    token_hash: [u8; 32],
    /// The `X-CSRF-Token` header of a state-changing method; `None` for a safe one.
    csrf_sent: Option<Option<String>>,
    now: i64,
    /// The path is one a user who must set up two-step sign-in may still call: the
    /// session and their own account.
    enrolling: bool,
}

impl SessionToken {
    pub fn resolve(&self, conn: &Connection) -> Result<CurrentSession, ApiError> {
        let live = sessions::find_live(conn, &self.token_hash, self.now)?
            .ok_or(ApiError::Unauthenticated)?;
        if let Some(sent) = &self.csrf_sent {
            csrf::check(sent.as_deref(), &live.csrf_token)?;
        }
        // The company requires two-step sign-in: until it is set up, nothing else.
        if live.must_enrol && !self.enrolling {
            return Err(ApiError::Forbidden);
        }
        Ok(CurrentSession {
            token_hash: self.token_hash,
            user: live.user,
            customer: live.customer,
            csrf_token: live.csrf_token,
            expires_at: live.expires_at,
            must_enrol: live.must_enrol,
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SessionToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let token_hash = cookie::session_token(&parts.headers)
            .map(token::hash)
            .ok_or(ApiError::Unauthenticated)?;
        let csrf_sent = (!parts.method.is_safe()).then(|| csrf::sent(&parts.headers));
        let path = parts.uri.path();
        let enrolling = path.ends_with("/session") || path.contains("/account");
        Ok(SessionToken {
            token_hash,
            csrf_sent,
            now: now_unix(),
            enrolling,
        })
    }
}

/// For handlers that need the session before their database work (the writes): looks it
/// up on a reader.
impl<S> FromRequestParts<S> for CurrentSession
where
    S: Send + Sync,
    Db: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let token = SessionToken::from_request_parts(parts, state).await?;
        Db::from_ref(state)
            .read(move |conn| token.resolve(conn))
            .await
    }
}
