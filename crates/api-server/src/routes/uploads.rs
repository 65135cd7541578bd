//! `POST /uploads` and `DELETE /uploads/{id}`: files uploaded before the request or comment
//! they go with exists (a draft's files survive a reload of the form). A staged file is
//! its uploader's alone, counts against nothing, and is taken by the `files` of a new
//! request or comment; one never taken leaves after [`crate::actions::staged::SWEEP_AFTER_DAYS`].

use std::time::{Duration, SystemTime};

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::files::{Target, upload};
use super::requests::{request_id, requester};
use crate::auth::current::CurrentSession;
use crate::db::files as stored;
use crate::error::ApiError;
use crate::state::AppState;

/// Content stored again this recently may belong to an upload under way: it stays.
pub const STORED_AGAIN_MARGIN: Duration = Duration::from_secs(10);

pub async fn upload_staged(
    State(state): State<AppState>,
    session: CurrentSession,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    upload(state, &session, Target::Staged, &headers, multipart).await
}

/// The uploader takes a staged file back (204); anyone else's, or one already on a
/// request, is a 404. Its content leaves the store when no other file names it.
pub async fn delete_staged(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = request_id(&raw)?;
    let who = requester(&session);
    let unused = state
        .db
        .write(move |tx| {
            let sha256 =
                stored::unstage(tx, id, who.customer_id, who.user_id)?.ok_or(ApiError::NotFound)?;
            stored::unreferenced(tx, vec![sha256])
        })
        .await?;
    let since = SystemTime::now() - STORED_AGAIN_MARGIN;
    for sha256 in unused {
        // Best effort: content nobody names is harmless, and named again by the next
        // upload of the same bytes.
        if let Err(err) = state.files.store.remove(&sha256, since).await {
            tracing::warn!(%err, "removing the content of a staged file");
        }
    }
    tracing::info!(file = id, "staged file removed");
    Ok(StatusCode::NO_CONTENT)
}
