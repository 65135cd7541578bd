//! `Json<T>`: a JSON answer, as axum's `Json` but serialised straight into one buffer of
//! a size that fits the answers (axum's starts at 128 bytes and grows its buffer a small
//! write at a time, which showed in the profile of `make load`). `JsonBytes`: an answer
//! serialised before, kept by `crate::answers`.

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::ApiError;

/// Room for the usual answer (a credit overview is about 3 KiB): most answers are
/// written without growing the buffer.
const INITIAL_CAPACITY: usize = 4 * 1024;

pub struct Json<T>(pub T);

/// The JSON of `value`.
pub fn to_bytes<T: Serialize>(value: &T) -> Result<Bytes, ApiError> {
    let mut body = Vec::with_capacity(INITIAL_CAPACITY);
    // The contract's types always serialise; a failure is a bug, answered as one.
    serde_json::to_writer(&mut body, value)
        .map_err(|err| ApiError::internal("serialising an answer", err))?;
    Ok(Bytes::from(body))
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match to_bytes(&self.0) {
            Ok(body) => JsonBytes(body).into_response(),
            Err(err) => err.into_response(),
        }
    }
}

/// An answer already serialised as JSON.
pub struct JsonBytes(pub Bytes);

impl IntoResponse for JsonBytes {
    fn into_response(self) -> Response {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            self.0,
        )
            .into_response()
    }
}
