//! Requests as they are read: a page of the list, and one request with its timeline.

use serde::{Deserialize, Serialize};

use super::kinds::{RequestStatus, RequestType};
use super::new::RequestDetails;
use crate::catalog::BilledAs;
use crate::money::Money;
use crate::plan::Priority;
use crate::quotes::{Quote, QuoteState};
use crate::resolution::Rating;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestSummary {
    pub id: i64,
    pub request_type: RequestType,
    pub title: String,
    pub status: RequestStatus,
    pub priority: Priority,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub requested_by: String,
    pub billed_as: BilledAs,
    /// Charged so far once work is logged, else the estimate.
    pub cost: Option<Money>,
    pub cost_is_estimate: bool,
    /// SLA customers: when the first reaction is due, and when it came.
    pub reaction_due_at: Option<String>,
    pub first_reaction_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestPage {
    pub items: Vec<RequestSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum TimelineEvent {
    StatusChanged {
        at: String,
        by: String,
        from: Option<RequestStatus>,
        to: RequestStatus,
        reason: Option<String>,
    },
    Comment {
        /// The comment's id: its files name it as `comment_id`.
        #[serde(default)]
        id: i64,
        at: String,
        by: String,
        /// Written by the support team rather than the customer.
        staff: bool,
        text: String,
    },
    /// A file added to the request itself (a comment's files are listed with it).
    FileAdded {
        at: String,
        by: String,
        staff: bool,
        /// The file, in the request's `files`.
        file_id: i64,
    },
    TimeLogged {
        at: String,
        by: String,
        minutes: u32,
        /// The SBP credit debited for it, if it was paid from credit.
        debited: Option<Money>,
        /// What is invoiced for it: the PAY charge, or the part the credit did not cover.
        #[serde(default)]
        invoiced: Option<Money>,
        note: Option<String>,
    },
    /// A quote was issued, accepted, declined (with the reason) or replaced.
    Quote {
        at: String,
        by: String,
        state: QuoteState,
        amount: Money,
        reason: Option<String>,
    },
    /// The requester rated the support (or changed the rating).
    Rated {
        at: String,
        by: String,
        score: u8,
        comment: Option<String>,
    },
    /// The support team escalated the request to Dassault Systèmes.
    Escalated {
        at: String,
        by: String,
        reference: String,
    },
    /// Nobody answered the resolution in time: the request closed itself.
    AutoClosed { at: String, after_days: u32 },
}

impl TimelineEvent {
    /// When it happened (RFC 3339), whatever the kind: the timeline's order.
    pub fn at(&self) -> &str {
        match self {
            TimelineEvent::StatusChanged { at, .. }
            | TimelineEvent::Comment { at, .. }
            | TimelineEvent::TimeLogged { at, .. }
            | TimelineEvent::FileAdded { at, .. }
            | TimelineEvent::Quote { at, .. }
            | TimelineEvent::Rated { at, .. }
            | TimelineEvent::Escalated { at, .. }
            | TimelineEvent::AutoClosed { at, .. } => at,
        }
    }

    /// The same, to set it.
    pub fn at_mut(&mut self) -> &mut String {
        match self {
            TimelineEvent::StatusChanged { at, .. }
            | TimelineEvent::Comment { at, .. }
            | TimelineEvent::TimeLogged { at, .. }
            | TimelineEvent::FileAdded { at, .. }
            | TimelineEvent::Quote { at, .. }
            | TimelineEvent::Rated { at, .. }
            | TimelineEvent::Escalated { at, .. }
            | TimelineEvent::AutoClosed { at, .. } => at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestDetail {
    pub summary: RequestSummary,
    pub description: String,
    pub licence_id: Option<i64>,
    pub product: Option<String>,
    pub contact_phone: Option<String>,
    pub details: RequestDetails,
    /// The day the support team scheduled the work for (`YYYY-MM-DD`).
    #[serde(default)]
    pub scheduled_for: Option<String>,
    pub consumed_minutes: u32,
    pub timeline: Vec<TimelineEvent>,
    /// The files of the request and of its comments, oldest first.
    #[serde(default)]
    pub files: Vec<crate::files::FileInfo>,
    pub can_cancel: bool,
    pub can_approve: bool,
    /// The latest quote, if the support team quoted the work.
    #[serde(default)]
    pub quote: Option<Quote>,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// Dassault Systèmes' service request number, once escalated there.
    #[serde(default)]
    pub escalation: Option<String>,
    /// Resolved, and this user is its requester or an admin: confirm or reopen.
    #[serde(default)]
    pub can_confirm: bool,
    /// Closed, and this user is its requester: rate it (or change the rating in its window).
    #[serde(default)]
    pub can_rate: bool,
    /// An admin, and the quote is issued and not expired: accept or decline it.
    #[serde(default)]
    pub can_decide_quote: bool,
}
