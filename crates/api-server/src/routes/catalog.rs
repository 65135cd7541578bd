//! `GET /catalog` in the signed-in customer's currency, with how it gets each service;
//! kept until the database changes.

use axum::extract::State;

use crate::answers::Question;
use crate::auth::current::SessionToken;
use crate::db;
use crate::error::ApiError;
use crate::json::{JsonBytes, to_bytes};
use crate::state::AppState;
use crate::time_util::{format_day, today};

pub async fn get_catalog(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<JsonBytes, ApiError> {
    let today = today();
    let answers = state.answers.clone();
    let catalog = state
        .db
        .read_versioned(move |conn, version| {
            let session = token.resolve(conn)?;
            let customer = session.customer;
            let question = Question {
                what: "catalog",
                customer_id: customer.id,
                role: session.user.role,
                day: today,
                query: None,
            };
            answers.answer(question, version, || {
                let day = format_day(today);
                to_bytes(&db::catalog::load(
                    conn,
                    customer.id,
                    customer.currency,
                    &day,
                )?)
            })
        })
        .await?;
    Ok(JsonBytes(catalog))
}
