//! Whether the API can be reached. The client reports every network failure and every
//! answer here; while the API is unreachable a banner says so and the portal asks
//! `GET /session` every few seconds, so it notices by itself when the API is back. Parts
//! of pages that failed for the network then load again (see `ErrorView`).

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// How often to knock while the API is unreachable.
const RETRY_EVERY: Duration = Duration::from_secs(3);

#[derive(Clone, Copy)]
pub struct Connection {
    lost: RwSignal<bool>,
    /// Counts the returns of the API; what failed for the network reloads on a change.
    pub returns: RwSignal<u32>,
}

pub fn provide_connection() -> Connection {
    let connection = Connection {
        lost: RwSignal::new(false),
        returns: RwSignal::new(0),
    };
    provide_context(connection);
    connection
}

pub fn use_connection() -> Connection {
    use_context::<Connection>().unwrap_or_else(provide_connection)
}

impl Connection {
    pub fn is_lost(self) -> bool {
        self.lost.get()
    }

    pub fn returns(self) -> u32 {
        self.returns.get()
    }

    /// A request could not reach the API.
    pub fn on_network_error(self) {
        if !self.lost.get_untracked() {
            self.lost.set(true);
            self.knock_later();
        }
    }

    /// The API answered (whatever it said).
    pub fn on_answer(self) {
        if self.lost.get_untracked() {
            self.lost.set(false);
            self.returns.update(|n| *n += 1);
        }
    }

    /// Asks the API now; an answer ends the outage, a failure knocks again later.
    pub fn knock(self) {
        spawn_local(async move {
            let reached =
                gloo_net::http::Request::get(&format!("{}/session", support_api::API_PREFIX))
                    .send()
                    .await
                    .is_ok_and(|answer| answer.status() < 502);
            if reached {
                self.on_answer();
            } else {
                self.knock_later();
            }
        });
    }

    fn knock_later(self) {
        set_timeout(
            move || {
                if self.lost.get_untracked() {
                    self.knock();
                }
            },
            RETRY_EVERY,
        );
    }
}
