//! Settings of a running server, decided once at start-up.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::mail::settings::MailSettings;

pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_DB: &str = "data/portal.sqlite3";
pub const DEFAULT_SESSION_TTL_MINUTES: u32 = 480;
pub const DEFAULT_AUTO_CLOSE_DAYS: u32 = support_api::resolution::AUTO_CLOSE_DAYS;

/// Also the options of `serve`: each field's doc is its `--help` text.
#[derive(Clone, Debug, PartialEq, Eq, clap::Args)]
pub struct Config {
    /// The address to listen on; with port 0 the system picks one (printed at start).
    #[arg(
        long,
        env = "PORTAL_API_ADDR",
        default_value = DEFAULT_ADDR,
        value_parser = address
    )]
    pub addr: SocketAddr,
    /// The SQLite database file; created with the demo seed if it does not exist.
    #[arg(long, value_name = "PATH", env = "PORTAL_DB", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// How long a session lasts, in minutes (above 0).
    #[arg(
        long,
        value_name = "MINUTES",
        default_value_t = DEFAULT_SESSION_TTL_MINUTES,
        value_parser = minutes
    )]
    pub session_ttl_minutes: u32,
    /// Sign-ins are rate limited unless `--no-sign-in-limit` is given: only the load test
    /// gives it, to measure sign-in itself from one address.
    #[arg(long = "no-sign-in-limit", action = clap::ArgAction::SetFalse)]
    pub sign_in_limit: bool,
    /// Marks the session cookie `Secure` even on a loopback address: for a server behind
    /// a TLS-terminating proxy on the same host (elsewhere it is always `Secure`).
    #[arg(long)]
    pub secure_cookie: bool,
    /// Sending mail (issue 12).
    #[command(flatten)]
    pub mail: MailSettings,
    #[command(flatten)]
    pub files: crate::files::FileConfig,
    /// Days a resolved request waits for the customer's answer before it closes itself
    /// (above 0).
    #[arg(
        long,
        value_name = "DAYS",
        default_value_t = DEFAULT_AUTO_CLOSE_DAYS,
        value_parser = days
    )]
    pub auto_close_days: u32,
}

/// `--auto-close-days` and `--days`: a whole number above 0.
pub fn days(text: &str) -> Result<u32, String> {
    text.parse()
        .ok()
        .filter(|days| *days > 0)
        .ok_or_else(|| "expected a whole number of days above 0".to_owned())
}

/// `--minutes` and `--session-ttl-minutes`: a whole number above 0.
pub fn minutes(text: &str) -> Result<u32, String> {
    text.parse()
        .ok()
        .filter(|minutes| *minutes > 0)
        .ok_or_else(|| "expected a whole number of minutes above 0".to_owned())
}

/// `--addr`.
pub fn address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| "expected an address like 127.0.0.1:3000".to_owned())
}

impl Config {
    /// Session lifetime in seconds: the cookie's `Max-Age` and the stored expiry.
    pub fn session_ttl_seconds(&self) -> i64 {
        i64::from(self.session_ttl_minutes) * 60
    }

    /// Browsers refuse `Secure` cookies over plain HTTP except on localhost; a server
    /// bound to loopback is a developer's or a test's unless `--secure-cookie` says it sits
    /// behind a TLS proxy, so it leaves `Secure` off there and sets it everywhere else.
    pub fn secure_cookies(&self) -> bool {
        self.secure_cookie || !self.addr.ip().is_loopback()
    }
}
