//! `/requests` and what the request form needs (`/plan`, `/catalog`).

use support_api::catalog::Catalog;
use support_api::plan::Plan;
use support_api::requests::{
    Decision, Estimate, NewComment, NewRequest, RequestDetail, RequestPage,
};

use super::{ApiError, Client};

/// One page of the list; `path` comes from `ListQuery::to_api`.
pub async fn list(client: Client, path: &str) -> Result<RequestPage, ApiError> {
    client.get(path).await
}

pub async fn detail(client: Client, id: i64) -> Result<RequestDetail, ApiError> {
    client.get(&format!("/requests/{id}")).await
}

pub async fn estimate(client: Client, draft: &NewRequest) -> Result<Estimate, ApiError> {
    client.post("/requests/estimate", draft).await
}

/// Creates the request (once per key) and answers its id. The answer may be the new
/// request's detail or its summary: either carries the id.
pub async fn create(client: Client, request: &NewRequest, key: &str) -> Result<i64, ApiError> {
    let answer: serde_json::Value = client
        .post_with_key("/requests", request, Some(key))
        .await?;
    answer
        .get("id")
        .or_else(|| answer.get("summary").and_then(|s| s.get("id")))
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| ApiError::Malformed("the created request has no id".into()))
}

pub async fn comment(client: Client, id: i64, text: String, key: &str) -> Result<(), ApiError> {
    let body = NewComment { text };
    client
        .post_discard(&format!("/requests/{id}/comments"), &body, Some(key))
        .await
}

pub async fn cancel(client: Client, id: i64) -> Result<(), ApiError> {
    client
        .post_discard(
            &format!("/requests/{id}/cancel"),
            &serde_json::json!({}),
            None,
        )
        .await
}

pub async fn decide(client: Client, id: i64, decision: &Decision) -> Result<(), ApiError> {
    client
        .post_discard(&format!("/requests/{id}/decision"), decision, None)
        .await
}

pub async fn plan(client: Client) -> Result<Plan, ApiError> {
    client.get("/plan").await
}

pub async fn catalog(client: Client) -> Result<Catalog, ApiError> {
    client.get("/catalog").await
}
