//! When each session was last seen, written at most once a minute per session: the
//! sessions list needs minutes, not every request, and a write per request would take
//! turns on the one writer with the real work.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// Seconds between two writes of one session's last-seen time.
pub const EVERY_SECS: i64 = 60;

/// Above this many remembered sessions, the ones not written for an hour are forgotten.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Default)]
pub struct LastSeen {
    written: Mutex<HashMap<[u8; 32], i64>>,
}

impl LastSeen {
    /// Whether the session's last-seen time is due to be written at `now`; if so, it is
    /// noted as written.
    pub fn due(&self, token_hash: [u8; 32], now: i64) -> bool {
        // Only timestamps: a panic elsewhere cannot leave the map inconsistent.
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        if written.len() > SWEEP_ABOVE {
            written.retain(|_, at| now - *at < 3600);
        }
        match written.get(&token_hash) {
            Some(at) if now - *at < EVERY_SECS => false,
            _ => {
                written.insert(token_hash, now);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_a_minute_per_session() {
        let seen = LastSeen::default();
        assert!(seen.due([1; 32], 1000));
        assert!(!seen.due([1; 32], 1059));
        assert!(seen.due([2; 32], 1059));
        assert!(seen.due([1; 32], 1060));
    }
}
