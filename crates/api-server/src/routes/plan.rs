//! `GET /plan` for the signed-in customer.

use axum::Json;
use axum::extract::State;
use support_api::plan::Plan;

use crate::auth::current::CurrentSession;
use crate::db;
use crate::error::ApiError;
use crate::state::AppState;
use crate::time_util::today;

pub async fn get_plan(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<Plan>, ApiError> {
    let customer_id = session.customer.id;
    let currency = session.customer.currency;
    let today = today();
    let plan = state
        .db
        .read(move |conn| db::plan::load(conn, customer_id, currency, today))
        .await?;
    Ok(Json(plan))
}
