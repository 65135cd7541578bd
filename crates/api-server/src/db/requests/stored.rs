//! A request as stored, read by id or as a summary; shared by the list, the timeline and
//! the writes.

use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row};
use support_api::catalog::{BilledAs, Billing};
use support_api::money::{Currency, Money};
use support_api::plan::Priority;
use support_api::requests::{RateUnit, RequestDetails, RequestStatus, RequestSummary, RequestType};
use support_api::session::Role;

use crate::db::codec::Code;
use crate::error::ApiError;
use crate::time_util::format_instant;

/// A request as stored.
#[derive(Clone, Debug)]
pub struct Stored {
    pub id: i64,
    pub customer_id: i64,
    pub requested_by: i64,
    pub requested_by_name: String,
    pub request_type: RequestType,
    pub title: String,
    pub description: String,
    pub priority: Priority,
    pub licence_id: Option<i64>,
    pub product: Option<String>,
    pub contact_phone: Option<String>,
    pub details: RequestDetails,
    pub course_date_id: Option<i64>,
    pub participants: Option<u32>,
    pub status: RequestStatus,
    pub billed_as: BilledAs,
    pub billing: Billing,
    pub rate: Option<i64>,
    pub rate_unit: Option<RateUnit>,
    pub estimate: Option<i64>,
    pub estimate_minutes: Option<u32>,
    pub created_at: i64,
    pub scheduled_for: Option<String>,
    pub reaction_due_at: Option<i64>,
    pub first_reaction_at: Option<i64>,
    /// The sum of what logged time was charged, if any was.
    pub charged: Option<i64>,
    /// The accepted quote's amount: the agreed price.
    pub quoted: Option<i64>,
}

impl Stored {
    /// Participants of a training (catalog or custom), for charging it.
    pub fn training_participants(&self) -> u32 {
        match &self.details {
            RequestDetails::Training { participants, .. } => *participants,
            _ => 0,
        }
    }
}

/// The columns [`stored`] reads, in its order.
pub const COLUMNS: &str = "r.id, r.customer_id, r.requested_by, u.name, r.type, r.title,
        r.description, r.priority, r.licence_id, li.product, r.contact_phone, r.details,
        r.course_date_id, r.participants, r.status, r.billed_as, r.billing, r.rate_minor,
        r.rate_unit, r.estimate_minor, r.estimate_minutes, r.created_at, r.scheduled_for,
        r.reaction_due_at, r.first_reaction_at,
        (SELECT sum(e.charged_minor) FROM request_events e
         WHERE e.request_id = r.id AND e.kind = 'time'), r.quoted_minor";
/// The tables of [`COLUMNS`].
pub const FROM: &str = "FROM requests r JOIN users u ON u.id = r.requested_by
    LEFT JOIN licences li ON li.id = r.licence_id";

/// One request by id, written out once.
static FIND: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {COLUMNS} {FROM} WHERE r.id = ?1"));

pub fn stored(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let details: String = row.get(11)?;
    let details = serde_json::from_str(&details).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(err))
    })?;
    Ok(Stored {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        requested_by: row.get(2)?,
        requested_by_name: row.get(3)?,
        request_type: row.get::<_, Code<_>>(4)?.0,
        title: row.get(5)?,
        description: row.get(6)?,
        priority: row.get::<_, Code<_>>(7)?.0,
        licence_id: row.get(8)?,
        product: row.get(9)?,
        contact_phone: row.get(10)?,
        details,
        course_date_id: row.get(12)?,
        participants: row.get(13)?,
        status: row.get::<_, Code<_>>(14)?.0,
        billed_as: row.get::<_, Code<_>>(15)?.0,
        billing: row.get::<_, Code<_>>(16)?.0,
        rate: row.get(17)?,
        rate_unit: row.get::<_, Option<Code<_>>>(18)?.map(|c| c.0),
        estimate: row.get(19)?,
        estimate_minutes: row.get(20)?,
        created_at: row.get(21)?,
        scheduled_for: row.get(22)?,
        reaction_due_at: row.get(23)?,
        first_reaction_at: row.get(24)?,
        charged: row.get(25)?,
        quoted: row.get(26)?,
    })
}

/// Who may see what: the customer's admins see every request of the customer, members
/// their own; the support team (`None`) sees any.
#[derive(Clone, Copy, Debug)]
pub struct Viewer {
    pub customer_id: i64,
    pub user_id: i64,
    pub role: Role,
}

/// The request if `viewer` may see it.
pub fn find(
    conn: &Connection,
    viewer: Option<Viewer>,
    id: i64,
) -> Result<Option<Stored>, ApiError> {
    let found = conn
        .prepare_cached(&FIND)?
        .query_row([id], stored)
        .optional()?;
    Ok(found.filter(|r| match viewer {
        None => true,
        Some(v) => {
            r.customer_id == v.customer_id && (v.role == Role::Admin || r.requested_by == v.user_id)
        }
    }))
}

pub fn summary(r: &Stored, currency: Currency) -> Result<RequestSummary, ApiError> {
    let charged = r.charged.is_some();
    let top_up_done = r.request_type == RequestType::CreditTopUp
        && matches!(r.status, RequestStatus::Resolved | RequestStatus::Closed);
    // An accepted quote is the agreed price: a cost, not an estimate.
    let cost = if crate::billing::pays(r.billed_as) {
        r.charged.or(r.quoted).or(r.estimate)
    } else {
        None
    };
    Ok(RequestSummary {
        id: r.id,
        request_type: r.request_type,
        title: r.title.clone(),
        status: r.status,
        priority: r.priority,
        created_at: format_instant(r.created_at)?,
        requested_by: r.requested_by_name.clone(),
        billed_as: r.billed_as,
        cost: cost.map(|minor| Money::new(minor, currency)),
        cost_is_estimate: cost.is_some() && !charged && r.quoted.is_none() && !top_up_done,
        reaction_due_at: r.reaction_due_at.map(format_instant).transpose()?,
        first_reaction_at: r.first_reaction_at.map(format_instant).transpose()?,
    })
}
