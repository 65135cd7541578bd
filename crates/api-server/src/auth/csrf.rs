//! The CSRF check: a state-changing call must echo the session's token in a header,
//! which another site's form or script cannot read or set.

use axum::http::HeaderMap;
use support_api::CSRF_HEADER;

use super::token;
use crate::error::ApiError;

/// The token a request sent, if any.
pub fn sent(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

pub fn check(sent: Option<&str>, expected: &str) -> Result<(), ApiError> {
    match sent {
        Some(sent) if token::same(sent, expected) => Ok(()),
        _ => Err(ApiError::Csrf),
    }
}
