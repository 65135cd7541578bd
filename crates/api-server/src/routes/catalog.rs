//! `GET /catalog` in the signed-in customer's currency, with how it gets each service.

use axum::Json;
use axum::extract::State;
use support_api::catalog::Catalog;

use crate::app::AppState;
use crate::auth::current::CurrentSession;
use crate::db;
use crate::error::ApiError;
use crate::time_util::{format_day, today};

pub async fn get_catalog(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Json<Catalog>, ApiError> {
    let customer_id = session.customer.id;
    let currency = session.customer.currency;
    let today = format_day(today());
    let catalog = state
        .db
        .run(move |conn| {
            let held: Vec<_> = db::plan::levels_in_force(conn, customer_id, &today)?
                .into_iter()
                .map(|holding| holding.level)
                .collect();
            let has_licences = db::catalog::has_licences(conn, customer_id)?;
            Ok(Catalog {
                currency,
                levels: db::catalog::levels(conn, &held, has_licences)?,
                services: db::catalog::services(conn, currency, &held)?,
                courses: db::catalog::courses(conn, currency, &today)?,
            })
        })
        .await?;
    Ok(Json(catalog))
}
