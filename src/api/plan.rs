//! `GET /plan`: the customer's levels and agreements.

use support_api::plan::Plan;

use super::{ApiError, Client};

pub async fn get(client: Client) -> Result<Plan, ApiError> {
    client.get("/plan").await
}
