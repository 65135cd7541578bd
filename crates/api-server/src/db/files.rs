//! File rows: what is stored about each uploaded file, its scan status, and the key its
//! upload came with. The bytes are in the file store, named by `sha256`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use support_api::files::{FileInfo, ScanStatus};
use support_api::requests::TimelineEvent;

use crate::error::ApiError;
use crate::time_util::format_instant;

/// A file to record: complete in the store already.
pub struct NewFile<'a> {
    /// `None` for a staged file (then `staged_for` names its customer).
    pub request_id: Option<i64>,
    pub staged_for: Option<i64>,
    pub comment_id: Option<i64>,
    pub name: &'a str,
    pub size: u64,
    pub content_type: &'a str,
    pub sha256: &'a str,
    /// The customer's user, or `None` for the support team.
    pub by_user_id: Option<i64>,
    pub by_name: &'a str,
    pub at: i64,
    pub scan: ScanStatus,
    /// The Idempotency-Key and the hash of the upload, for a customer's upload.
    pub upload: Option<(&'a str, &'a [u8])>,
}

/// What a download needs.
pub struct Stored {
    /// `None` while the file is staged.
    pub request_id: Option<i64>,
    pub name: String,
    pub size: u64,
    pub content_type: String,
    pub sha256: String,
    pub scan: ScanStatus,
}

fn scan_of(text: String) -> rusqlite::Result<ScanStatus> {
    ScanStatus::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown scan status {text}").into(),
        )
    })
}

/// Sizes are stored as SQLite's integers (the schema keeps them at 0 or more).
fn size_at(row: &Row<'_>, index: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(row.get::<_, i64>(index)?).unwrap_or_default())
}

pub fn insert(conn: &Connection, file: &NewFile<'_>) -> Result<i64, ApiError> {
    let (key, hash) = file.upload.unzip();
    conn.prepare_cached(
        "INSERT INTO files (request_id, comment_event_id, name, size, content_type, sha256,
                            by_user_id, by_name, staff, at, scan, scanned_at, upload_key,
                            upload_hash, staged_for)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        file.request_id,
        file.comment_id,
        file.name,
        i64::try_from(file.size).unwrap_or(i64::MAX),
        file.content_type,
        file.sha256,
        file.by_user_id,
        file.by_name,
        file.by_user_id.is_none(),
        file.at,
        file.scan.as_str(),
        (file.scan != ScanStatus::Pending).then_some(file.at),
        key,
        hash,
        file.staged_for,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The file a user's earlier upload with `key` made, and that upload's hash.
pub fn by_upload_key(
    conn: &Connection,
    user_id: i64,
    key: &str,
) -> Result<Option<(i64, Vec<u8>)>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT id, upload_hash FROM files WHERE by_user_id = ?1 AND upload_key = ?2",
        )?
        .query_row(params![user_id, key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// Bytes of all files on a request and its comments.
pub fn request_total(conn: &Connection, request_id: i64) -> Result<u64, ApiError> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(SUM(size), 0) FROM files WHERE request_id = ?1")?
        .query_row([request_id], |row| size_at(row, 0))?)
}

/// Whether `comment_id` is a comment on `request_id`.
pub fn is_comment_of(
    conn: &Connection,
    request_id: i64,
    comment_id: i64,
) -> Result<bool, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM request_events WHERE id = ?1 AND request_id = ?2 AND kind = 'comment'",
        )?
        .query_row(params![comment_id, request_id], |_| Ok(()))
        .optional()?
        .is_some())
}

fn info(row: &Row<'_>) -> rusqlite::Result<(i64, FileInfo)> {
    let at: i64 = row.get(6)?;
    Ok((
        at,
        FileInfo {
            id: row.get(0)?,
            name: row.get(1)?,
            size: size_at(row, 2)?,
            content_type: row.get(3)?,
            uploaded_by: row.get(4)?,
            staff: row.get(5)?,
            uploaded_at: String::new(),
            scan: scan_of(row.get(7)?)?,
            comment_id: row.get(8)?,
        },
    ))
}

const INFO_COLUMNS: &str =
    "id, name, size, content_type, by_name, staff, at, scan, comment_event_id FROM files";

/// The files of a request and its comments, oldest first.
pub fn list(conn: &Connection, request_id: i64) -> Result<Vec<FileInfo>, ApiError> {
    let sql = format!("SELECT {INFO_COLUMNS} WHERE request_id = ?1 ORDER BY at, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([request_id], info)?;
    let mut files = Vec::new();
    for row in rows {
        let (at, mut file) = row?;
        file.uploaded_at = format_instant(at)?;
        files.push(file);
    }
    Ok(files)
}

/// One file as the API lists it.
pub fn one(conn: &Connection, id: i64) -> Result<FileInfo, ApiError> {
    let sql = format!("SELECT {INFO_COLUMNS} WHERE id = ?1");
    let (at, mut file) = conn.prepare_cached(&sql)?.query_row([id], info)?;
    file.uploaded_at = format_instant(at)?;
    Ok(file)
}

pub fn find(conn: &Connection, id: i64) -> Result<Option<Stored>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT request_id, name, size, content_type, sha256, scan FROM files WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok(Stored {
                request_id: row.get(0)?,
                name: row.get(1)?,
                size: size_at(row, 2)?,
                content_type: row.get(3)?,
                sha256: row.get(4)?,
                scan: scan_of(row.get(5)?)?,
            })
        })
        .optional()?)
}

/// Files waiting for the scanner, oldest first: id and content hash.
pub fn pending(conn: &Connection, limit: u32) -> Result<Vec<(i64, String)>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sha256 FROM files WHERE scan = 'pending' ORDER BY id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records a scan's verdict on a pending file.
pub fn set_scan(
    conn: &Connection,
    id: i64,
    scan: ScanStatus,
    note: Option<&str>,
    at: i64,
) -> Result<bool, ApiError> {
    let changed = conn
        .prepare_cached(
            "UPDATE files SET scan = ?2, scan_note = ?3, scanned_at = ?4
             WHERE id = ?1 AND scan = 'pending'",
        )?
        .execute(params![id, scan.as_str(), note, at])?;
    Ok(changed == 1)
}

/// Who uploaded the file (a customer's user; `None` for the support team), its request
/// and its name. A staged file has no request yet: its uploader sees its status in the
/// form it was added to.
pub fn uploader(conn: &Connection, id: i64) -> Result<Option<(i64, i64, String)>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT by_user_id, request_id, name FROM files
             WHERE id = ?1 AND by_user_id IS NOT NULL AND request_id IS NOT NULL",
        )?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?)
}

/// Marks every pending file clean (`--no-scan`); returns how many.
pub fn pass_all_pending(conn: &Connection, at: i64) -> Result<usize, ApiError> {
    Ok(conn
        .prepare_cached("UPDATE files SET scan = 'clean', scanned_at = ?1 WHERE scan = 'pending'")?
        .execute([at])?)
}

/// The size of file `id` if it is staged by `user_id` of `customer_id` (another user's,
/// another customer's, or one already on a request: `None`).
pub fn staged_size(
    conn: &Connection,
    id: i64,
    customer_id: i64,
    user_id: i64,
) -> Result<Option<u64>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT size FROM files
             WHERE id = ?1 AND request_id IS NULL AND staged_for = ?2 AND by_user_id = ?3",
        )?
        .query_row(params![id, customer_id, user_id], |row| size_at(row, 0))
        .optional()?)
}

/// Moves staged file `id` onto a request (and comment) at `at`: from then on it is the
/// request's like any upload, in the timeline at the moment it was attached.
pub fn attach_staged(
    conn: &Connection,
    id: i64,
    request_id: i64,
    comment_id: Option<i64>,
    at: i64,
) -> Result<bool, ApiError> {
    let changed = conn
        .prepare_cached(
            "UPDATE files SET request_id = ?2, comment_event_id = ?3, staged_for = NULL, at = ?4
             WHERE id = ?1 AND request_id IS NULL",
        )?
        .execute(params![id, request_id, comment_id, at])?;
    Ok(changed == 1)
}

/// Whether the virus check blocked file `id`.
pub fn is_blocked(conn: &Connection, id: i64) -> Result<bool, ApiError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM files WHERE id = ?1 AND scan = 'blocked'")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Deletes staged file `id` of `user_id` of `customer_id`; its content hash, if it was one.
pub fn unstage(
    conn: &Connection,
    id: i64,
    customer_id: i64,
    user_id: i64,
) -> Result<Option<String>, ApiError> {
    Ok(conn
        .prepare_cached(
            "DELETE FROM files
             WHERE id = ?1 AND request_id IS NULL AND staged_for = ?2 AND by_user_id = ?3
             RETURNING sha256",
        )?
        .query_row(params![id, customer_id, user_id], |row| row.get(0))
        .optional()?)
}

/// Deletes the staged files uploaded before `before`; their content hashes.
pub fn sweep_staged(conn: &Connection, before: i64) -> Result<Vec<String>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "DELETE FROM files WHERE request_id IS NULL AND at < ?1 RETURNING sha256",
    )?;
    let rows = stmt.query_map([before], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Of `hashes`, those no file row names any more (their content may leave the store).
pub fn unreferenced(conn: &Connection, hashes: Vec<String>) -> Result<Vec<String>, ApiError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM files WHERE sha256 = ?1 LIMIT 1")?;
    let mut left = Vec::new();
    for hash in hashes {
        if !left.contains(&hash) && stmt.query_row([&hash], |_| Ok(())).optional()?.is_none() {
            left.push(hash);
        }
    }
    Ok(left)
}

/// Puts a `FileAdded` entry for each file on the request itself into the timeline, after
/// the entries of the same time or earlier (instants are RFC 3339 UTC of one format, so
/// their text sorts as their time).
pub fn add_to_timeline(timeline: &mut Vec<TimelineEvent>, files: &[FileInfo]) {
    for file in files.iter().filter(|file| file.comment_id.is_none()) {
        let position = timeline
            .iter()
            .position(|event| event.at() > file.uploaded_at.as_str())
            .unwrap_or(timeline.len());
        timeline.insert(
            position,
            TimelineEvent::FileAdded {
                at: file.uploaded_at.clone(),
                by: file.uploaded_by.clone(),
                staff: file.staff,
                file_id: file.id,
            },
        );
    }
}
