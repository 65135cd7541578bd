//! Files added outside an upload: by the support team (`staff attach`) and by the demo
//! seed. The bytes enter the store first, complete; the row (and the comment it belongs
//! to) then in the caller's transaction, by the same type rules as uploads.

use std::path::Path;

use rusqlite::Connection;
use support_api::files::{ScanStatus, sanitize_name};

use crate::db::files::{self as stored, NewFile};
use crate::db::requests::{self, Actor};
use crate::error::ApiError;
use crate::files::kind::{self, Sniffed};
use crate::files::store::{Ingested, LocalStore};

/// What to attach: content already in the store, its name, where it goes.
pub struct Attachment<'a> {
    pub request_id: i64,
    pub name: &'a str,
    pub content: &'a Ingested,
    /// A comment to write with the file (the file then belongs to it).
    pub comment: Option<&'a str>,
    pub scan: ScanStatus,
}

/// Records `file` by `by` at `now`; returns the file's id.
pub fn record(
    conn: &Connection,
    file: &Attachment<'_>,
    by: &Actor,
    now: i64,
) -> Result<i64, ApiError> {
    let name = sanitize_name(file.name)
        .ok_or_else(|| ApiError::field("file", "required", "the file has no name"))?;
    let content_type = kind::decide(
        &name,
        &Sniffed {
            head: &file.content.head,
            has_nul: file.content.has_nul,
        },
    )
    .map_err(|why| ApiError::field("file", kind::FILE_TYPE, why))?;
    let comment_id = file
        .comment
        .map(|text| requests::comment_event(conn, file.request_id, now, by, text))
        .transpose()?;
    stored::insert(
        conn,
        &NewFile {
            request_id: Some(file.request_id),
            staged_for: None,
            comment_id,
            name: &name,
            size: file.content.size,
            content_type,
            sha256: &file.content.sha256,
            by_user_id: by.user_id,
            by_name: &by.name,
            at: now,
            scan: file.scan,
            upload: None,
        },
    )
}

/// Copies the file at `path` into the store beside the database `db` (blocking).
pub fn ingest_path(db: &Path, files_dir: Option<&Path>, path: &Path) -> std::io::Result<Ingested> {
    let store = LocalStore::new(&store_dir(db, files_dir));
    store.ingest(std::fs::File::open(path)?)
}

/// The store's directory: as given, or `files` beside the database (as `serve` uses).
pub fn store_dir(db: &Path, files_dir: Option<&Path>) -> std::path::PathBuf {
    crate::files::FileConfig {
        files_dir: files_dir.map(Path::to_owned),
        ..Default::default()
    }
    .dir(db)
}
