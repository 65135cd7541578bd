//! The session cookie: `HttpOnly` so scripts never read it, `SameSite=Strict` so other
//! sites cannot send it, `Secure` outside loopback (and with `--secure-cookie`).

use axum::http::{HeaderMap, HeaderValue, header};
use support_api::SESSION_COOKIE;

use super::token::TOKEN_CHARS;
use crate::error::ApiError;

/// The session token from the request's cookies, if one of the right shape is there.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| value.len() == TOKEN_CHARS)
}

pub fn set_session(token: &str, max_age_secs: i64, secure: bool) -> Result<HeaderValue, ApiError> {
    HeaderValue::try_from(format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_secs}{}",
        secure_attribute(secure)
    ))
    .map_err(|err| ApiError::internal("session cookie", err))
}

/// Tells the browser to drop the cookie at once.
pub fn clear_session(secure: bool) -> Result<HeaderValue, ApiError> {
    set_session("", 0, secure)
}

fn secure_attribute(secure: bool) -> &'static str {
    if secure { "; Secure" } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_among_other_cookies() {
        let token = "a".repeat(TOKEN_CHARS);
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, HeaderValue::from_static("lang=pl"));
        let both = format!("theme=dark; {SESSION_COOKIE}={token}");
        headers.append(header::COOKIE, HeaderValue::try_from(both).unwrap());
        assert_eq!(session_token(&headers), Some(token.as_str()));
    }

    #[test]
    fn ignores_missing_or_misshapen_cookies() {
        let mut headers = HeaderMap::new();
        assert_eq!(session_token(&headers), None);
        let short = format!("{SESSION_COOKIE}=abc");
        headers.insert(header::COOKIE, HeaderValue::try_from(short).unwrap());
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn attributes() {
        let set = set_session("t", 60, true).unwrap();
        assert_eq!(
            set,
            "portal_session=t; HttpOnly; SameSite=Strict; Path=/; Max-Age=60; Secure"
        );
        let clear = clear_session(false).unwrap();
        assert_eq!(
            clear,
            "portal_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"
        );
    }
}
