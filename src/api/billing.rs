//! `/billing`: the month's PAY statement.

use support_api::billing::PayStatement;

use super::{ApiError, Client};

pub async fn pay_statement(client: Client, month: &str) -> Result<PayStatement, ApiError> {
    client
        .get(&format!("/billing/pay-statement?month={month}"))
        .await
}
