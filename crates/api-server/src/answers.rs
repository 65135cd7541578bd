//! Answers kept as the JSON they were sent as, until the database changes. The plan, the
//! catalog, the credit overview and a ledger page are read far more often than anything
//! they show changes, and each costs several queries and its JSON to make. A kept answer
//! is given again only for the same [`Question`] at the same database [`Version`], so a
//! change by anyone (this server's writer, or the support team's CLI in another process)
//! is in the next read's answer.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use axum::body::Bytes;
use support_api::session::Role;
use time::Date;

use crate::db::Version;
use crate::error::ApiError;

/// Everything an answer depends on besides the database: the endpoint, whose data it
/// is (a member may be shown less than an admin), the day (what lapses or falls due
/// moves with it) and the query string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Question {
    pub what: &'static str,
    pub customer_id: i64,
    pub role: Role,
    pub day: Date,
    pub query: Option<String>,
}

/// At most this many answers are kept (a ledger page is about 5 KiB); beyond it they are
/// dropped all at once, which costs only the next reads their making.
const MOST_KEPT: usize = 4096;

#[derive(Default)]
pub struct Answers {
    kept: Mutex<HashMap<Question, (Version, Bytes)>>,
}

impl Answers {
    /// The kept answer to `question` at `version`, or the one `make` makes, kept for the
    /// next read at the same version. A read without a version answers afresh.
    pub fn answer(
        &self,
        question: Question,
        version: Option<Version>,
        make: impl FnOnce() -> Result<Bytes, ApiError>,
    ) -> Result<Bytes, ApiError> {
        let Some(version) = version else {
            return make();
        };
        if let Some(answer) = self.kept(&question, version) {
            return Ok(answer);
        }
        let answer = make()?;
        let mut kept = self.lock();
        if kept.len() >= MOST_KEPT {
            kept.clear();
        }
        kept.insert(question, (version, answer.clone()));
        Ok(answer)
    }

    /// The answer to `question` kept at `version`, if there is one.
    pub fn kept(&self, question: &Question, version: Version) -> Option<Bytes> {
        match self.lock().get(question) {
            Some((kept_at, answer)) if *kept_at == version => Some(answer.clone()),
            _ => None,
        }
    }

    /// The map holds whole entries only: a panic elsewhere cannot leave one half-made.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Question, (Version, Bytes)>> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
