//! `GET /billing/pay-statement?month=YYYY-MM`: the month's invoiced PAY work.

use axum::extract::{RawQuery, State};
use support_api::billing::{PayStatement, is_month};
use support_api::validation::codes;
use time::{Date, Month};

use super::requests::requester;
use crate::auth::current::SessionToken;
use crate::db::pay_statement;
use crate::error::ApiError;
use crate::json::Json;
use crate::query::Query;
use crate::state::AppState;
use crate::time_util::{add_months, start_of_day};

/// The first day of `YYYY-MM`, or a field error on `month`.
fn first_day(raw: Option<&str>) -> Result<Date, ApiError> {
    let query = Query::parse(raw, &["month"]);
    let month = query.value("month").map(str::to_owned);
    query.finish()?;
    let first = month.filter(|m| is_month(m)).and_then(|m| {
        let year = m[..4].parse().ok()?;
        let month = Month::try_from(m[5..].parse::<u8>().ok()?).ok()?;
        Date::from_calendar_date(year, month, 1).ok()
    });
    first.ok_or_else(|| ApiError::field("month", codes::INVALID_VALUE, "is not a month (YYYY-MM)"))
}

pub async fn get_pay_statement(
    State(state): State<AppState>,
    token: SessionToken,
    RawQuery(raw): RawQuery,
) -> Result<Json<PayStatement>, ApiError> {
    let statement = state
        .db
        .read(move |conn| {
            let who = requester(&token.resolve(conn)?);
            let first = first_day(raw.as_deref())?;
            let month = format!("{:04}-{:02}", first.year(), u8::from(first.month()));
            pay_statement::statement(
                conn,
                who.viewer(),
                &month,
                start_of_day(first),
                start_of_day(add_months(first, 1)),
                who.currency,
            )
        })
        .await?;
    Ok(Json(statement))
}
