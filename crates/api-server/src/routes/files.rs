//! `POST /requests/{id}/files`, `POST /requests/{id}/comments/{cid}/files` (one file as
//! `multipart/form-data`; the portal stages its files through `POST /uploads` instead,
//! these stay for the API's other clients and the staff side), `GET /files/{id}` and
//! `GET /files/limits`. A file is scoped by
//! its request: another customer's, or for a member a colleague's, is a 404 like one that
//! does not exist. Only clean files are served, always as a download.

use axum::body::Body;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use support_api::files::{FILE_FIELD, FileInfo, FileLimits, ScanStatus, sanitize_name};
use support_api::validation::codes;

use super::requests::{REPLAYED_HEADER, request_id, requester};
use crate::actions::customer::{self, Requester};
use crate::auth::current::{CurrentSession, SessionToken};
use crate::db::files::{self as stored, NewFile};
use crate::db::idempotency;
use crate::error::ApiError;
use crate::files::kind::{self, FILE_TYPE, Sniffed};
use crate::files::receive::{ReceiveError, receive};
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::now_unix;

/// What a multipart body may carry beyond the file itself (boundaries, part headers).
pub const MULTIPART_OVERHEAD: u64 = 64 * 1024;

pub async fn limits(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<FileLimits>, ApiError> {
    state
        .db
        .read(move |conn| token.resolve(conn).map(drop))
        .await?;
    Ok(Json(state.files.limits.clone()))
}

pub async fn upload_to_request(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(raw): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let id = request_id(&raw)?;
    let target = Target::Request { id, comment: None };
    upload(state, &session, target, &headers, multipart).await
}

pub async fn upload_to_comment(
    State(state): State<AppState>,
    session: CurrentSession,
    Path((raw, raw_comment)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let id = request_id(&raw)?;
    let comment = request_id(&raw_comment)?;
    let target = Target::Request {
        id,
        comment: Some(comment),
    };
    upload(state, &session, target, &headers, multipart).await
}

/// Where an upload goes: onto a request (or one of its comments), or staged for a
/// request or comment not sent yet (`POST /uploads`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    Request { id: i64, comment: Option<i64> },
    Staged,
}

impl Target {
    /// What the upload's idempotency hash says of where it went.
    fn path(self) -> String {
        match self {
            Target::Request { id, comment } => format!("requests/{id}/files/{comment:?}"),
            Target::Staged => "uploads".to_owned(),
        }
    }

    /// The target may take a file of `size` bytes from `who`; a staged file counts
    /// against nothing until a request takes it.
    fn check(
        self,
        conn: &Connection,
        who: &Requester,
        size: u64,
        max: u64,
    ) -> Result<(), ApiError> {
        match self {
            Target::Request { id, comment } => check_target(conn, who, id, comment, size, max),
            Target::Staged => Ok(()),
        }
    }
}

/// The request (and comment) may take a file of `size` bytes from `who`: visible to it
/// (else 404), open, and with room under the request's total.
fn check_target(
    conn: &Connection,
    who: &Requester,
    id: i64,
    comment: Option<i64>,
    size: u64,
    max_total: u64,
) -> Result<(), ApiError> {
    let request = customer::visible(conn, who, id)?;
    if let Some(comment) = comment
        && !stored::is_comment_of(conn, id, comment)?
    {
        return Err(ApiError::NotFound);
    }
    if !request.status.takes_comments() {
        return Err(ApiError::field(
            FILE_FIELD,
            codes::UNAVAILABLE,
            "the request is cancelled or closed and takes no files",
        ));
    }
    if stored::request_total(conn, id)?.saturating_add(size) > max_total {
        return Err(ApiError::BodyTooLarge);
    }
    Ok(())
}

pub(crate) async fn upload(
    state: AppState,
    session: &CurrentSession,
    target: Target,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let key = idempotency::key_from(headers)?;
    let limits = state.files.limits.clone();
    // A body announced too big is refused before a byte of it is read.
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > limits.file_max_bytes.saturating_add(MULTIPART_OVERHEAD)) {
        return Err(ApiError::BodyTooLarge);
    }
    let who = requester(session);
    let early = who.clone();
    let max_total = limits.request_max_bytes;
    state
        .db
        .read(move |conn| target.check(conn, &early, 0, max_total))
        .await?;

    let mut multipart = multipart.map_err(|_| ApiError::UnsupportedMediaType)?;
    let field = multipart
        .next_field()
        .await
        .map_err(|err| ApiError::MalformedBody(err.body_text()))?
        .filter(|field| field.name() == Some(FILE_FIELD))
        .ok_or_else(|| {
            ApiError::field(
                FILE_FIELD,
                codes::REQUIRED,
                "send one file in the field `file`",
            )
        })?;
    let name = field
        .file_name()
        .and_then(sanitize_name)
        .ok_or_else(|| ApiError::field(FILE_FIELD, codes::REQUIRED, "the file has no name"))?;
    let chunks = field.map(|chunk| {
        chunk.map_err(|err| {
            if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ReceiveError::TooLarge
            } else {
                ReceiveError::Body(err.body_text())
            }
        })
    });
    let received = receive(&state.files.temp_dir, limits.file_max_bytes, chunks)
        .await
        .map_err(|err| match err {
            ReceiveError::TooLarge => ApiError::BodyTooLarge,
            ReceiveError::Body(text) => ApiError::MalformedBody(text),
            ReceiveError::Io(err) => ApiError::internal("receiving a file", err),
        })?;
    let sniffed = Sniffed {
        head: &received.head,
        has_nul: received.has_nul,
    };
    let content_type =
        kind::decide(&name, &sniffed).map_err(|why| ApiError::field(FILE_FIELD, FILE_TYPE, why))?;

    let mut hasher = Sha256::new();
    hasher.update(format!("{}\0{name}\0{}", target.path(), received.sha256));
    let upload_hash = hasher.finalize().to_vec();
    // Complete in the store before any row names it.
    state
        .files
        .store
        .put(received.temp.path(), &received.sha256)
        .await
        .map_err(|err| ApiError::internal("storing a file", err))?;
    let (sha256, size) = (received.sha256.clone(), received.size);
    received.temp.keep();

    let scan = if state.files.no_scan {
        ScanStatus::Clean
    } else {
        ScanStatus::Pending
    };
    let now = now_unix();
    let (file, replayed) = state
        .db
        .write(move |tx| {
            if let Some((before, hash)) = stored::by_upload_key(tx, who.user_id, &key)? {
                if hash != upload_hash {
                    return Err(ApiError::Conflict(
                        "This Idempotency-Key was already used for another upload; \
                         send a new key for a new file."
                            .into(),
                    ));
                }
                return Ok((stored::one(tx, before)?, true));
            }
            target.check(tx, &who, size, max_total)?;
            let (request_id, comment_id, staged_for) = match target {
                Target::Request { id, comment } => (Some(id), comment, None),
                Target::Staged => (None, None, Some(who.customer_id)),
            };
            let file_id = stored::insert(
                tx,
                &NewFile {
                    request_id,
                    staged_for,
                    comment_id,
                    name: &name,
                    size,
                    content_type,
                    sha256: &sha256,
                    by_user_id: Some(who.user_id),
                    by_name: &who.name,
                    at: now,
                    scan,
                    upload: Some((&key, &upload_hash)),
                },
            )?;
            Ok((stored::one(tx, file_id)?, false))
        })
        .await?;
    if !replayed {
        tracing::info!(file = file.id, ?target, size, "file uploaded");
        state.files.arrived.notify_one();
    }
    created(file, replayed)
}

fn created(file: FileInfo, replayed: bool) -> Result<Response, ApiError> {
    let location = HeaderValue::from_str(&format!("{}/files/{}", support_api::API_PREFIX, file.id))
        .map_err(|err| ApiError::internal("location header", err))?;
    let mut response = (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(file),
    )
        .into_response();
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

pub async fn download(
    State(state): State<AppState>,
    token: SessionToken,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = request_id(&raw)?;
    let file = state
        .db
        .read(move |conn| {
            let who = requester(&token.resolve(conn)?);
            let file = stored::find(conn, id)?.ok_or(ApiError::NotFound)?;
            // A staged file is downloaded from nowhere: it is on no request yet.
            customer::visible(conn, &who, file.request_id.ok_or(ApiError::NotFound)?)?;
            Ok(file)
        })
        .await?;
    match file.scan {
        ScanStatus::Clean => {}
        ScanStatus::Pending => {
            return Err(ApiError::Conflict(
                "The file is waiting for the virus check.".into(),
            ));
        }
        ScanStatus::Blocked => {
            return Err(ApiError::Conflict(
                "The virus check blocked this file; it cannot be downloaded.".into(),
            ));
        }
    }
    let content = state
        .files
        .store
        .get(&file.sha256)
        .await
        .map_err(|err| ApiError::internal("reading a stored file", err))?;
    let header_value = |text: String| {
        HeaderValue::from_str(&text).map_err(|err| ApiError::internal("file headers", err))
    };
    Ok((
        [
            (header::CONTENT_TYPE, header_value(file.content_type)?),
            (header::CONTENT_LENGTH, HeaderValue::from(file.size)),
            (
                header::CONTENT_DISPOSITION,
                header_value(disposition(&file.name))?,
            ),
            // Opened directly, the file is a sandboxed document that may do nothing.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'"),
            ),
        ],
        Body::from_stream(content),
    )
        .into_response())
}

/// `attachment` with the name as RFC 6266 wants it: an ASCII fallback in `filename` and
/// the exact name, percent-encoded UTF-8, in `filename*`.
pub fn disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn disposition_has_both_names() {
        assert_eq!(
            super::disposition("zrzut ekranu ż\"1\".png"),
            "attachment; filename=\"zrzut ekranu __1_.png\"; \
             filename*=UTF-8''zrzut%20ekranu%20%C5%BC%221%22.png"
        );
    }
}
