//! The layer that keeps each session's last-seen time (see `auth::last_seen`).

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::{cookie, token};
use crate::db::sessions;
use crate::state::AppState;
use crate::time_util::now_unix;

/// After a request with a session cookie was answered without error, writes the
/// session's last-seen time if a minute has passed since the last write. The write runs
/// on its own task: the answer does not wait for it, and a failed one only leaves the
/// time older.
pub async fn touch(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let seen = cookie::session_token(request.headers()).map(token::hash);
    let response = next.run(request).await;
    if let Some(hash) = seen
        && response.status().is_success()
    {
        let now = now_unix();
        if state.last_seen.due(hash, now) {
            let db = state.db.clone();
            tokio::spawn(async move {
                if let Err(error) = db
                    .write(move |tx| Ok(sessions::touch(tx, &hash, now)?))
                    .await
                {
                    tracing::warn!(%error, "last seen not written");
                }
            });
        }
    }
    response
}
