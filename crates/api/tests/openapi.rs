//! The committed `openapi.json` must be what the types generate.
//! Run `UPDATE_OPENAPI=1 cargo test -p support-api --features openapi` to refresh it.
#![cfg(feature = "openapi")]

use std::path::Path;

#[test]
fn committed_document_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let generated = support_api::openapi::document_json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "crates/api/openapi.json is out of date: run `make openapi` and commit it"
    );
}

/// A server written from the document learns from it what each answer means, so none may
/// go without a description.
#[test]
fn every_answer_is_described() {
    let document = support_api::openapi::document();
    let mut undescribed = Vec::new();
    for (path, item) in &document.paths.paths {
        let operations = [
            ("get", &item.get),
            ("post", &item.post),
            ("put", &item.put),
            ("patch", &item.patch),
            ("delete", &item.delete),
        ];
        for (method, operation) in operations {
            let Some(operation) = operation else { continue };
            for (status, response) in &operation.responses.responses {
                let described = match response {
                    utoipa::openapi::RefOr::T(response) => !response.description.trim().is_empty(),
                    utoipa::openapi::RefOr::Ref(_) => true,
                };
                if !described {
                    undescribed.push(format!("{method} {path} {status}"));
                }
            }
        }
    }
    assert!(
        undescribed.is_empty(),
        "answers without a description: {undescribed:?}"
    );
}

/// The lengths the document promises are the ones the shared validation enforces (the
/// schema attributes take only literals, so this keeps the two in step).
#[test]
fn documented_lengths_are_the_validated_ones() {
    use support_api::requests::{COMMENT_MAX, DESCRIPTION_MAX, TITLE_MAX};
    let document = serde_json::to_value(support_api::openapi::document()).expect("document");
    let max = |schema: &str, field: &str| {
        document["components"]["schemas"][schema]["properties"][field]["maxLength"].as_u64()
    };
    let as_u64 = |n: usize| Some(n as u64);
    assert_eq!(max("NewRequest", "title"), as_u64(TITLE_MAX));
    assert_eq!(max("NewRequest", "description"), as_u64(DESCRIPTION_MAX));
    assert_eq!(max("NewComment", "text"), as_u64(COMMENT_MAX));
    assert_eq!(max("Decision", "reason"), as_u64(COMMENT_MAX));
}
