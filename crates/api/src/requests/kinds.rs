//! What a request is (its type), where it stands (its status), how lists are sorted, and
//! the limits of what a request may carry.

use serde::{Deserialize, Serialize};

use crate::catalog::ServiceCode;

pub const TITLE_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 4000;
pub const COMMENT_MAX: usize = 4000;
pub const ADDRESS_MAX: usize = 300;
pub const PARTICIPANTS_MAX: u32 = 20;
pub const PREFERRED_DATES_MAX: usize = 5;
/// Longest expected effort a customer may state (in minutes): 40 working days.
pub const EXPECTED_MINUTES_MAX: u32 = 40 * 8 * 60;
pub const REQUESTS_PAGE_DEFAULT: u32 = 50;
pub const REQUESTS_PAGE_MAX: u32 = 500;

/// Header of `POST` calls that create something: the same key and body answer the same.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// What a request asks for: a service of the catalog, or more SBP credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestType {
    Hotline,
    Training,
    MacroDevelopment,
    Deployment,
    RemoteService,
    OnsiteService,
    ReinstallationAdmin,
    ProcessAnalysis,
    Methodology,
    CreditTopUp,
}

impl RequestType {
    pub const ALL: [RequestType; 10] = [
        RequestType::Hotline,
        RequestType::Training,
        RequestType::MacroDevelopment,
        RequestType::Deployment,
        RequestType::RemoteService,
        RequestType::OnsiteService,
        RequestType::ReinstallationAdmin,
        RequestType::ProcessAnalysis,
        RequestType::Methodology,
        RequestType::CreditTopUp,
    ];

    /// The catalog service it consumes; a top-up consumes none.
    pub fn service(self) -> Option<ServiceCode> {
        Some(match self {
            RequestType::Hotline => ServiceCode::Hotline,
            RequestType::Training => ServiceCode::Training,
            RequestType::MacroDevelopment => ServiceCode::MacroDevelopment,
            RequestType::Deployment => ServiceCode::Deployment,
            RequestType::RemoteService => ServiceCode::RemoteService,
            RequestType::OnsiteService => ServiceCode::OnsiteService,
            RequestType::ReinstallationAdmin => ServiceCode::ReinstallationAdmin,
            RequestType::ProcessAnalysis => ServiceCode::ProcessAnalysis,
            RequestType::Methodology => ServiceCode::Methodology,
            RequestType::CreditTopUp => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self.service() {
            Some(service) => service.as_str(),
            None => "credit_top_up",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// A member's credit spend waits for an admin of the company.
    AwaitingApproval,
    Submitted,
    /// A quote waits for an admin's decision before the work starts.
    QuotePending,
    Scheduled,
    InProgress,
    Resolved,
    Closed,
    Cancelled,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 8] = [
        RequestStatus::AwaitingApproval,
        RequestStatus::Submitted,
        RequestStatus::QuotePending,
        RequestStatus::Scheduled,
        RequestStatus::InProgress,
        RequestStatus::Resolved,
        RequestStatus::Closed,
        RequestStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::AwaitingApproval => "awaiting_approval",
            RequestStatus::Submitted => "submitted",
            RequestStatus::QuotePending => "quote_pending",
            RequestStatus::Scheduled => "scheduled",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Resolved => "resolved",
            RequestStatus::Closed => "closed",
            RequestStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Still being worked on (or waiting to be).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            RequestStatus::Resolved | RequestStatus::Closed | RequestStatus::Cancelled
        )
    }

    /// A customer may cancel until the work has started.
    pub fn can_cancel(self) -> bool {
        matches!(
            self,
            RequestStatus::AwaitingApproval | RequestStatus::Submitted | RequestStatus::Scheduled
        )
    }

    /// Comments are taken while the request is not cancelled or closed.
    pub fn takes_comments(self) -> bool {
        !matches!(self, RequestStatus::Cancelled | RequestStatus::Closed)
    }
}

/// Orders of `GET /requests?sort=`; the default is `created_desc`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestSort {
    /// Newest first.
    #[default]
    CreatedDesc,
    CreatedAsc,
    /// Critical first, then newest first.
    Priority,
    /// Soonest reaction target first (requests without one last), then oldest first.
    ReactionDue,
}

impl RequestSort {
    pub const ALL: [RequestSort; 4] = [
        RequestSort::CreatedDesc,
        RequestSort::CreatedAsc,
        RequestSort::Priority,
        RequestSort::ReactionDue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestSort::CreatedDesc => "created_desc",
            RequestSort::CreatedAsc => "created_asc",
            RequestSort::Priority => "priority",
            RequestSort::ReactionDue => "reaction_due",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}
