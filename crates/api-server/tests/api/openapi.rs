//! The served document is the contract's, byte for byte.

use axum::http::{StatusCode, header};

use crate::common::*;

#[tokio::test]
async fn openapi_document_is_the_contracts() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.header(header::CONTENT_TYPE),
        Some("application/json")
    );
    assert_eq!(
        response.body,
        support_api::openapi::document_json().as_bytes()
    );
    let served = response.json();
    let contract = serde_json::to_value(support_api::openapi::document()).expect("document");
    assert_eq!(served, contract);
    assert!(served["paths"]["/api/v1/plan"]["get"].is_object());
}
