//! `CurrentSession`: the extractor every signed-in endpoint takes. It answers 401 without
//! a live session and, for state-changing methods, 403 without the session's CSRF token,
//! so no handler can forget either check.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
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
}

impl CurrentSession {
    pub fn to_session(&self) -> Result<Session, ApiError> {
        Ok(Session {
            user: self.user.clone(),
            customer: self.customer.clone(),
            csrf_token: self.csrf_token.clone(),
            expires_at: format_instant(self.expires_at)?,
        })
    }
}

impl<S> FromRequestParts<S> for CurrentSession
where
    S: Send + Sync,
    Db: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let token_hash = cookie::session_token(&parts.headers)
            .map(token::hash)
            .ok_or(ApiError::Unauthenticated)?;
        let now = now_unix();
        let found = Db::from_ref(state)
            .read(move |conn| Ok(sessions::find_live(conn, &token_hash, now)?))
            .await?;
        let live = found.ok_or(ApiError::Unauthenticated)?;
        if !parts.method.is_safe() {
            csrf::check(&parts.headers, &live.csrf_token)?;
        }
        Ok(CurrentSession {
            token_hash,
            user: live.user,
            customer: live.customer,
            csrf_token: live.csrf_token,
            expires_at: live.expires_at,
        })
    }
}
