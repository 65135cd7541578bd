//! `Idempotency-Key` of the POSTs that create something. A key belongs to one user of one
//! customer; it remembers the hash of what was sent (the call and its parsed body) and
//! what was created. The same key with the same body answers the same again and creates
//! nothing; with another body it is refused.

use axum::http::HeaderMap;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use support_api::requests::IDEMPOTENCY_HEADER;
use support_api::validation::{FieldErrors, codes};

use crate::error::ApiError;

/// Longest key accepted; UUIDs are 36 characters.
pub const KEY_MAX: usize = 200;

/// The key of the request's header: present, at most [`KEY_MAX`] visible ASCII characters.
pub fn key_from(headers: &HeaderMap) -> Result<String, ApiError> {
    let mut errors = FieldErrors::default();
    match headers.get(IDEMPOTENCY_HEADER).map(|v| v.to_str()) {
        None => errors.push(
            IDEMPOTENCY_HEADER,
            codes::REQUIRED,
            "send an Idempotency-Key header",
        ),
        Some(Ok(key)) if key.trim().is_empty() => {
            errors.push(IDEMPOTENCY_HEADER, codes::REQUIRED, "must not be empty")
        }
        Some(Ok(key)) if key.len() > KEY_MAX => {
            errors.push(IDEMPOTENCY_HEADER, codes::TOO_LONG, "is too long")
        }
        Some(Ok(key)) if key.bytes().all(|b| b.is_ascii_graphic()) => return Ok(key.to_owned()),
        Some(_) => errors.push(
            IDEMPOTENCY_HEADER,
            codes::INVALID_VALUE,
            "must be visible ASCII characters",
        ),
    }
    Err(ApiError::Fields(errors))
}

/// SHA-256 of the call's scope and its body as parsed (so spacing and key order of the
/// JSON do not matter).
pub fn body_hash<T: Serialize>(scope: &str, body: &T) -> Result<Vec<u8>, ApiError> {
    let json =
        serde_json::to_vec(body).map_err(|err| ApiError::internal("hashing the body", err))?;
    let mut hasher = Sha256::new();
    hasher.update(scope.as_bytes());
    hasher.update([0]);
    hasher.update(&json);
    Ok(hasher.finalize().to_vec())
}

/// Who used a key.
#[derive(Clone, Copy, Debug)]
pub struct Owner {
    pub customer_id: i64,
    pub user_id: i64,
}

/// What a key created before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remembered {
    pub request_id: i64,
    pub event_id: Option<i64>,
    pub status: u16,
}

/// What the key answered before, if the same body was sent with it; a 409 problem if it
/// came with another body; `None` for a fresh key.
pub fn replay(
    conn: &Connection,
    owner: Owner,
    key: &str,
    hash: &[u8],
) -> Result<Option<Remembered>, ApiError> {
    let found: Option<(Vec<u8>, Remembered)> = conn
        .prepare_cached(
            "SELECT body_hash, request_id, event_id, status FROM idempotency_keys
             WHERE customer_id = ?1 AND user_id = ?2 AND key = ?3",
        )?
        .query_row(params![owner.customer_id, owner.user_id, key], |row| {
            Ok((
                row.get(0)?,
                Remembered {
                    request_id: row.get(1)?,
                    event_id: row.get(2)?,
                    status: row.get(3)?,
                },
            ))
        })
        .optional()?;
    match found {
        None => Ok(None),
        Some((stored, remembered)) if stored == hash => Ok(Some(remembered)),
        Some(_) => Err(ApiError::Conflict(
            "This Idempotency-Key was already used for another request body; \
             send a new key for a new request."
                .into(),
        )),
    }
}

pub fn remember(
    conn: &Connection,
    owner: Owner,
    key: &str,
    hash: &[u8],
    created: Remembered,
    now: i64,
) -> Result<(), ApiError> {
    conn.prepare_cached(
        "INSERT INTO idempotency_keys (customer_id, user_id, key, body_hash, request_id,
                                       event_id, status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        owner.customer_id,
        owner.user_id,
        key,
        hash,
        created.request_id,
        created.event_id,
        created.status,
        now
    ])?;
    Ok(())
}
