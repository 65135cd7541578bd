//! Settings of a running server, decided once at start-up.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_DB: &str = "data/portal.sqlite3";
pub const DEFAULT_SESSION_TTL_MINUTES: u32 = 480;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub session_ttl_minutes: u32,
    /// The sign-in rate limit; only the load test turns it off (`--no-sign-in-limit`),
    /// to measure sign-in itself from one address.
    pub sign_in_limit: bool,
}

impl Config {
    /// Session lifetime in seconds: the cookie's `Max-Age` and the stored expiry.
    pub fn session_ttl_seconds(&self) -> i64 {
        i64::from(self.session_ttl_minutes) * 60
    }

    /// Browsers refuse `Secure` cookies over plain HTTP except on localhost; a server
    /// bound to loopback is a developer's or a test's, so it leaves `Secure` off there and
    /// sets it everywhere else (behind the TLS-terminating proxy).
    pub fn secure_cookies(&self) -> bool {
        !self.addr.ip().is_loopback()
    }
}
