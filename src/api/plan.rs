//! `GET /plan` and `GET /catalog`: what the customer holds, and what each service costs it.

use support_api::catalog::Catalog;
use support_api::plan::Plan;

use super::{ApiError, Client};

pub async fn plan(client: Client) -> Result<Plan, ApiError> {
    client.get("/plan").await
}

pub async fn catalog(client: Client) -> Result<Catalog, ApiError> {
    client.get("/catalog").await
}
