//! Who is calling: passwords, session tokens and cookies, the CSRF check, and the
//! sign-in rate limit.

pub mod cookie;
pub mod csrf;
pub mod current;
pub mod last_seen;
pub mod password;
pub mod rate_limit;
pub mod token;
pub mod two_step;
