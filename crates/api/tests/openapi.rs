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
