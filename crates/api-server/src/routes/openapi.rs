//! `GET /openapi.json`: the contract's document, byte for byte the committed one.

use std::sync::LazyLock;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

static DOCUMENT: LazyLock<String> = LazyLock::new(support_api::openapi::document_json);

pub async fn get_document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        DOCUMENT.as_str(),
    )
        .into_response()
}
