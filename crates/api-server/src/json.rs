//! `Json<T>`: a JSON answer, as axum's `Json` but serialised straight into one buffer of
//! a size that fits the answers (axum's starts at 128 bytes and grows its buffer a small
//! write at a time, which showed in the profile of `make load`).

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::ApiError;

/// Room for the usual answer (a credit overview is about 3 KiB): most answers are
/// written without growing the buffer.
const INITIAL_CAPACITY: usize = 4 * 1024;

pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        let mut body = Vec::with_capacity(INITIAL_CAPACITY);
        match serde_json::to_writer(&mut body, &self.0) {
            Ok(()) => (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                Bytes::from(body),
            )
                .into_response(),
            // The contract's types always serialise; a failure is a bug, answered as one.
            Err(err) => ApiError::internal("serialising an answer", err).into_response(),
        }
    }
}
