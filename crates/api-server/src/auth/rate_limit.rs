//! In-memory limit on sign-in attempts, per account and per client address, over a
//! sliding window. Every attempt counts when it starts (so a burst of parallel guesses
//! cannot slip through while the first ones are being verified) and a successful one is
//! taken back. State is per process: a restart forgets it, which is acceptable here.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub per_account: usize,
    pub per_ip: usize,
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_account: 5,
            per_ip: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

impl Limits {
    /// No limit at all: for the load test only.
    pub fn unlimited() -> Self {
        Limits {
            per_account: usize::MAX,
            per_ip: usize::MAX,
            window: Duration::from_secs(1),
        }
    }
}

/// Above this many tracked keys, every new attempt sweeps out the quiet ones, so guessing
/// random e-mail addresses cannot grow the maps without bound.
const SWEEP_ABOVE: usize = 10_000;

pub struct RateLimiter {
    limits: Limits,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    accounts: HashMap<String, VecDeque<Instant>>,
    ips: HashMap<IpAddr, VecDeque<Instant>>,
}

/// An attempt that was let through; hand it back with [`RateLimiter::succeeded`].
pub struct Attempt {
    account: String,
    ip: IpAddr,
    at: Instant,
}

impl RateLimiter {
    pub fn new(limits: Limits) -> Self {
        RateLimiter {
            limits,
            state: Mutex::new(State::default()),
        }
    }

    /// Counts an attempt for `account` (the normalised e-mail) from `ip`, or refuses it
    /// with the time until the oldest counted attempt leaves the window.
    pub fn begin(&self, account: &str, ip: IpAddr, now: Instant) -> Result<Attempt, Duration> {
        let window = self.limits.window;
        // The maps hold only timestamps; a panic elsewhere cannot leave them inconsistent.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let State { accounts, ips } = &mut *state;
        sweep(accounts, window, now);
        sweep(ips, window, now);
        let account_wait = wait(
            accounts.get_mut(account),
            self.limits.per_account,
            window,
            now,
        );
        let ip_wait = wait(ips.get_mut(&ip), self.limits.per_ip, window, now);
        if let Some(retry) = account_wait.max(ip_wait) {
            return Err(retry);
        }
        accounts
            .entry(account.to_owned())
            .or_default()
            .push_back(now);
        ips.entry(ip).or_default().push_back(now);
        Ok(Attempt {
            account: account.to_owned(),
            ip,
            at: now,
        })
    }

    /// The password was right: the account's failures are forgiven, and this attempt no
    /// longer counts against the address.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.accounts.remove(&attempt.account);
        if let Some(times) = state.ips.get_mut(&attempt.ip)
            && let Some(pos) = times.iter().rposition(|t| *t == attempt.at)
        {
            times.remove(pos);
        }
    }
}

/// Drops timestamps that left the window; `None` when another attempt may go ahead.
fn wait(
    times: Option<&mut VecDeque<Instant>>,
    limit: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    let times = times?;
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
    if times.len() < limit {
        return None;
    }
    let oldest = times.front()?;
    Some(window.saturating_sub(now.duration_since(*oldest)))
}

fn sweep<K: Eq + Hash>(map: &mut HashMap<K, VecDeque<Instant>>, window: Duration, now: Instant) {
    if map.len() > SWEEP_ABOVE {
        map.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < window)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const IP: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn limiter() -> RateLimiter {
        RateLimiter::new(Limits {
            per_account: 3,
            per_ip: 5,
            window: Duration::from_secs(60),
        })
    }

    #[test]
    fn limits_an_account_until_its_oldest_attempt_leaves_the_window() {
        let limiter = limiter();
        let t0 = Instant::now();
        for i in 0..3 {
            assert!(
                limiter
                    .begin("a@x.demo", IP, t0 + Duration::from_secs(i))
                    .is_ok()
            );
        }
        let retry = limiter
            .begin("a@x.demo", IP, t0 + Duration::from_secs(10))
            .err();
        assert_eq!(retry, Some(Duration::from_secs(50)));
        assert!(
            limiter
                .begin("a@x.demo", IP, t0 + Duration::from_secs(60))
                .is_ok()
        );
    }

    #[test]
    fn limits_an_address_across_accounts() {
        let limiter = limiter();
        let t0 = Instant::now();
        for i in 0..5 {
            assert!(limiter.begin(&format!("u{i}@x.demo"), IP, t0).is_ok());
        }
        assert!(limiter.begin("other@x.demo", IP, t0).is_err());
        let elsewhere = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        assert!(limiter.begin("other@x.demo", elsewhere, t0).is_ok());
    }

    #[test]
    fn success_forgives_the_account() {
        let limiter = limiter();
        let t0 = Instant::now();
        for _ in 0..2 {
            assert!(limiter.begin("a@x.demo", IP, t0).is_ok());
        }
        let Ok(attempt) = limiter.begin("a@x.demo", IP, t0) else {
            panic!("third attempt refused");
        };
        limiter.succeeded(attempt);
        for _ in 0..3 {
            assert!(limiter.begin("a@x.demo", IP, t0).is_ok());
        }
    }
}
