//! The session context: who is signed in, loaded with `GET /session` when the app
//! starts, so a reload or a deep link restores it before any route decides.

use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::session::Session;

use crate::api::{self, ApiError, Client};

/// Why nobody is signed in, when the portal knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedOutReason {
    /// A call answered 401 while someone was signed in.
    Expired,
    /// The person pressed "Sign out".
    ByUser,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// `GET /session` has not answered yet.
    Loading,
    /// `GET /session` failed (e.g. the API is down): nobody can tell yet.
    Unknown(ApiError),
    SignedOut(Option<SignedOutReason>),
    SignedIn(Session),
}

/// The coarse state that routes render by; changes far less often than the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Loading,
    Unknown,
    SignedOut,
    SignedIn,
}

#[derive(Clone, Copy)]
pub struct SessionContext {
    state: RwSignal<SessionState>,
    phase: Memo<Phase>,
}

/// Creates the context, provides it and starts loading the session.
pub fn provide_session() -> SessionContext {
    let state = RwSignal::new(SessionState::Loading);
    let phase = Memo::new(move |_| {
        state.with(|s| match s {
            SessionState::Loading => Phase::Loading,
            SessionState::Unknown(_) => Phase::Unknown,
            SessionState::SignedOut(_) => Phase::SignedOut,
            SessionState::SignedIn(_) => Phase::SignedIn,
        })
    });
    let ctx = SessionContext { state, phase };
    provide_context(ctx);
    ctx.load();
    ctx
}

pub fn use_session() -> SessionContext {
    use_context().expect("the session context is provided by <App>")
}

impl SessionContext {
    /// (Re)asks the server who is signed in.
    pub fn load(self) {
        self.state.set(SessionState::Loading);
        let client = Client::new(self);
        spawn_local(async move {
            let next = match api::session::current(client).await {
                Ok(Some(session)) => SessionState::SignedIn(session),
                Ok(None) | Err(ApiError::Unauthenticated) => SessionState::SignedOut(None),
                Err(error) => SessionState::Unknown(error),
            };
            self.state.try_set(next);
        });
    }

    pub fn phase(self) -> Phase {
        self.phase.get()
    }

    pub fn state(self) -> SessionState {
        self.state.get()
    }

    /// Reads a part of the signed-in session, tracked.
    pub fn with<R>(self, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.state.with(|s| match s {
            SessionState::SignedIn(session) => Some(f(session)),
            _ => None,
        })
    }

    pub fn csrf_token(self) -> Option<String> {
        self.state.try_with_untracked(|s| match s {
            SessionState::SignedIn(session) => Some(session.csrf_token.clone()),
            _ => None,
        })?
    }

    pub fn signed_in(self, session: Session) {
        self.state.set(SessionState::SignedIn(session));
    }

    pub fn signed_out(self) {
        self.state
            .set(SessionState::SignedOut(Some(SignedOutReason::ByUser)));
    }

    /// Any call answered 401: the session is gone.
    pub fn on_unauthenticated(self) {
        let next = self.state.try_with_untracked(|s| match s {
            SessionState::SignedIn(_) => {
                Some(SessionState::SignedOut(Some(SignedOutReason::Expired)))
            }
            SessionState::SignedOut(_) => None,
            SessionState::Loading | SessionState::Unknown(_) => Some(SessionState::SignedOut(None)),
        });
        if let Some(Some(next)) = next {
            self.state.try_set(next);
        }
    }
}
