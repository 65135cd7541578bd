//! `GET /catalog` in the signed-in customer's currency, with how it gets each service.

use axum::extract::State;
use support_api::catalog::Catalog;

use crate::auth::current::SessionToken;
use crate::db;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;
use crate::time_util::{format_day, today};

pub async fn get_catalog(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<Json<Catalog>, ApiError> {
    let today = format_day(today());
    let catalog = state
        .db
        .read(move |conn| {
            let customer = token.resolve(conn)?.customer;
            db::catalog::load(conn, customer.id, customer.currency, &today)
        })
        .await?;
    Ok(Json(catalog))
}
