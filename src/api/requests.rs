//! `/requests`: the list, a request, the estimate of a draft, and the changes.

use serde::{Deserialize, Serialize};
use support_api::files::FileId;
use support_api::requests::{Decision, Estimate, NewComment, NewRequest, RequestPage};

use super::{ApiError, Client};
use crate::requests::detail::Detail;

/// One page of the list; `path` comes from `ListQuery::to_api`.
pub async fn list(client: Client, path: &str) -> Result<RequestPage, ApiError> {
    client.get(path).await
}

pub async fn detail(client: Client, id: i64) -> Result<Detail, ApiError> {
    client.get(&format!("/requests/{id}")).await
}

pub async fn estimate(client: Client, draft: &NewRequest) -> Result<Estimate, ApiError> {
    client.post("/requests/estimate", draft).await
}

/// Of the created request's detail, only what the portal needs: where to go next.
#[derive(Deserialize)]
struct Created {
    summary: CreatedSummary,
}

#[derive(Deserialize)]
struct CreatedSummary {
    id: i64,
}

/// The empty body of `POST /requests/{id}/cancel`.
#[derive(Serialize)]
pub struct Empty {}

/// Creates the request (once per key: the same key answers the same request) and
/// answers its id.
pub async fn create(client: Client, request: &NewRequest, key: &str) -> Result<i64, ApiError> {
    let created: Created = client
        .post_with_key("/requests", request, Some(key))
        .await?;
    Ok(created.summary.id)
}

/// Comments, with the staged files `files` on the comment (the page loads afresh).
pub async fn comment(
    client: Client,
    id: i64,
    text: String,
    files: Vec<FileId>,
    key: &str,
) -> Result<(), ApiError> {
    let body = NewComment { text, files };
    client
        .post_discard(&format!("/requests/{id}/comments"), &body, Some(key))
        .await
}

pub async fn cancel(client: Client, id: i64) -> Result<(), ApiError> {
    client
        .post_discard(&format!("/requests/{id}/cancel"), &Empty {}, None)
        .await
}

pub async fn decide(client: Client, id: i64, decision: &Decision) -> Result<(), ApiError> {
    client
        .post_discard(&format!("/requests/{id}/decision"), decision, None)
        .await
}

/// Confirming, reopening, rating and deciding a quote: each answers the request as it
/// now is, which the page reloads.
pub async fn close_loop<B: Serialize>(
    client: Client,
    id: i64,
    action: &str,
    body: &B,
) -> Result<(), ApiError> {
    client
        .post_discard(&format!("/requests/{id}/{action}"), body, None)
        .await
}

/// No body: confirm, accept a quote.
pub const NO_BODY: &Empty = &Empty {};
