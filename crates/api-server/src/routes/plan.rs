//! `GET /plan` for the signed-in customer.

use axum::extract::State;
use support_api::plan::Plan;

use crate::auth::current::SessionToken;
use crate::db;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::today;

pub async fn get_plan(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<Plan>, ApiError> {
    let today = today();
    let plan = state
        .db
        .read(move |conn| {
            let customer = token.resolve(conn)?.customer;
            db::plan::load(conn, customer.id, customer.currency, today)
        })
        .await?;
    Ok(Json(plan))
}
