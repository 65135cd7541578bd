//! What every handler shares: the database, the settings, the sign-in limiter and the
//! gate on concurrent password checks. Built once by `serve` (or a test), handed to the
//! router by `app`, taken by the handlers as `State<AppState>`.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::answers::Answers;
use crate::auth::last_seen::LastSeen;
use crate::auth::rate_limit::{Limits, RateLimiter};
use crate::config::Config;
use crate::db::Db;
use crate::files::Files;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub limiter: Arc<RateLimiter>,
    /// Argon2 checks running at once. Each takes ~19 MiB and a core for tens of
    /// milliseconds; more at once than there are cores only adds memory and latency.
    pub password_checks: Arc<tokio::sync::Semaphore>,
    pub files: Arc<Files>,
    /// When each session's last-seen time was last written.
    pub last_seen: Arc<LastSeen>,
    /// Password-reset requests per address and per client, like sign-in's.
    pub reset_limiter: Arc<RateLimiter>,
    /// Read answers kept until the database changes.
    pub answers: Arc<Answers>,
}

impl AppState {
    pub fn new(db: Db, config: Config, limits: Limits) -> Self {
        let files = Arc::new(Files::local(&config.files, &config.db));
        Self::with_files(db, config, limits, files)
    }

    /// With the file store chosen by the caller (`serve`: an S3 bucket when configured).
    pub fn with_files(db: Db, config: Config, limits: Limits, files: Arc<Files>) -> Self {
        AppState {
            files,
            db,
            config: Arc::new(config),
            limiter: Arc::new(RateLimiter::new(limits)),
            password_checks: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            last_seen: Arc::new(LastSeen::default()),
            reset_limiter: Arc::new(RateLimiter::new(limits)),
            answers: Arc::new(Answers::default()),
        }
    }
}

/// The session extractor needs only the database: it asks for this part of the state,
/// so `auth` does not depend on the whole of it.
impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}
