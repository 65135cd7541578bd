//! The CSRF check: a state-changing call must echo the session's token in a header,
//! which another site's form or script cannot read or set.

use axum::http::HeaderMap;
use support_api::CSRF_HEADER;

use super::token;
use crate::error::ApiError;

pub fn check(headers: &HeaderMap, expected: &str) -> Result<(), ApiError> {
    let sent = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    match sent {
        Some(sent) if token::same(sent, expected) => Ok(()),
        _ => Err(ApiError::Csrf),
    }
}
