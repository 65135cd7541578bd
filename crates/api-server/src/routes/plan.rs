//! `GET /plan` for the signed-in customer, kept until the database changes.

use axum::extract::State;

use crate::answers::Question;
use crate::auth::current::SessionToken;
use crate::db;
use crate::error::ApiError;
use crate::json::{JsonBytes, to_bytes};
use crate::state::AppState;
use crate::time_util::today;

pub async fn get_plan(
    State(state): State<AppState>,
    token: SessionToken,
) -> Result<JsonBytes, ApiError> {
    let today = today();
    let answers = state.answers.clone();
    let plan = state
        .db
        .read_versioned(move |conn, version| {
            let session = token.resolve(conn)?;
            let customer = session.customer;
            let question = Question {
                what: "plan",
                customer_id: customer.id,
                role: session.user.role,
                day: today,
                query: None,
            };
            answers.answer(question, version, || {
                to_bytes(&db::plan::load(
                    conn,
                    customer.id,
                    customer.currency,
                    today,
                )?)
            })
        })
        .await?;
    Ok(JsonBytes(plan))
}
