//! What the server does, between the HTTP handlers (and the staff commands and the demo
//! seed, so all follow the same rules) and storage: state changes (`customer`, `staff`,
//! `people`, `closing`), each on the connection of a write transaction the caller opened,
//! at the instant `now`, with the mails they send (`notify`, `mail_links`); and answers
//! assembled from several reads (`credit`, `pricing`).

pub mod attach;
pub mod closing;
pub mod credit;
pub mod customer;
pub mod mail_links;
pub mod notify;
pub mod people;
pub mod pricing;
pub mod staff;
pub mod staff_closing;
pub mod staged;

use rusqlite::Connection;
use support_api::plan::Priority;
use support_api::requests::RequestType;

use crate::business_time::BusinessHours;
use crate::error::ApiError;
use crate::time_util::{day_of, format_day};

/// When the first reaction to a request submitted at `from` is due: the SLA contract's
/// target for the priority in business minutes, for customers with a contract in force.
/// A credit top-up is not support work and has no target.
pub fn sla_due(
    conn: &Connection,
    customer_id: i64,
    request_type: RequestType,
    priority: Priority,
    from: i64,
) -> Result<Option<i64>, ApiError> {
    if request_type == RequestType::CreditTopUp {
        return Ok(None);
    }
    let Some(contract) = crate::db::plan::sla(conn, customer_id, &format_day(day_of(from)))? else {
        return Ok(None);
    };
    let Some(target) = contract
        .reaction_targets
        .iter()
        .find(|t| t.priority == priority)
    else {
        return Ok(None);
    };
    let hours = BusinessHours::from_contract(&contract.business_hours).ok_or_else(|| {
        ApiError::broken(format!(
            "SLA {} has unusable business hours",
            contract.reference
        ))
    })?;
    Ok(Some(hours.add_minutes(from, target.minutes)))
}
