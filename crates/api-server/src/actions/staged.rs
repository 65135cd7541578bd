//! Staged files (uploaded before their request or comment exists) taken by a new request
//! or comment, inside the write transaction that creates it: all of them or none.

use rusqlite::Connection;
use support_api::files::{FILES_FIELD, FileId};
use support_api::validation::codes;

use std::time::{Duration, UNIX_EPOCH};

use super::customer::Requester;
use crate::db::Db;
use crate::db::files as stored;
use crate::error::ApiError;
use crate::files::scanner;
use crate::files::store::FileStore;

/// Attaches `ids` (each `who`'s own staged file, else a 422 on `files`) to request `id`
/// (and its comment `comment`) at `now`, within the request's total of `max_total` bytes
/// (else 413), each as its own timeline entry or on the comment.
pub fn attach(
    conn: &Connection,
    who: &Requester,
    id: i64,
    comment: Option<i64>,
    ids: &[FileId],
    now: i64,
    max_total: u64,
) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut total = stored::request_total(conn, id)?;
    for file in ids {
        // Another user's, another customer's, one already attached or removed: all the
        // same answer, which says nothing of the file.
        let size =
            stored::staged_size(conn, *file, who.customer_id, who.user_id)?.ok_or_else(|| {
                ApiError::field(
                    FILES_FIELD,
                    codes::INVALID_VALUE,
                    &format!("file {file} is not a file you uploaded and have not sent yet"),
                )
            })?;
        total = total.saturating_add(size);
    }
    if total > max_total {
        return Err(ApiError::BodyTooLarge);
    }
    for file in ids {
        stored::attach_staged(conn, *file, id, comment, now)?;
        // Blocked while staged, when there was no request to name: the uploader hears of
        // it now (the scanner tells of files blocked later).
        if stored::is_blocked(conn, *file)? {
            scanner::tell_uploader(conn, *file, now)?;
        }
    }
    Ok(())
}

/// Days a staged file waits for a request or comment before the sweep removes it.
pub const SWEEP_AFTER_DAYS: i64 = 7;

/// Removes the staged files uploaded more than [`SWEEP_AFTER_DAYS`] before `now`, and
/// the content no other file names; how many files left. Rows first, in one write
/// transaction; content stored again since then (an upload of the same bytes) stays.
pub async fn sweep(db: &Db, store: &dyn FileStore, now: i64) -> Result<usize, ApiError> {
    let before = now - SWEEP_AFTER_DAYS * 86_400;
    let (swept, unused) = db
        .write(move |tx| {
            let hashes = stored::sweep_staged(tx, before)?;
            Ok((hashes.len(), stored::unreferenced(tx, hashes)?))
        })
        .await?;
    let since = UNIX_EPOCH + Duration::from_secs(u64::try_from(before).unwrap_or_default());
    for sha256 in unused {
        store
            .remove(&sha256, since)
            .await
            .map_err(|err| ApiError::internal("removing swept content", err))?;
    }
    Ok(swept)
}
