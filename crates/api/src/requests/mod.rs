//! Requests: `GET/POST /requests`, `GET /requests/{id}`, comments, cancel, approval, and
//! `POST /requests/estimate` for a draft. The validation here serves the form and the server.

use serde::{Deserialize, Serialize};

use crate::catalog::{BilledAs, Billing, ServiceCode};
use crate::files::{FileId, check_file_ids};
use crate::money::Money;
use crate::session::Role;
use crate::validation::{FieldErrors, check_required};

mod new;
mod view;

pub use new::*;
pub use view::*;

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

/// What a [`Estimate::rate`] is counted per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    Hour,
    /// An agreed price for the whole job.
    Job,
    /// A catalog course, per participant.
    Participant,
    /// A custom training, per participant and day.
    ParticipantDay,
}

/// Whether a request waits for an admin: a member's spend of SBP credit, and a member's
/// request to buy more credit.
pub fn needs_approval(role: Role, request_type: RequestType, billed_as: BilledAs) -> bool {
    role == Role::Member
        && (billed_as == BilledAs::SbpCredit || request_type == RequestType::CreditTopUp)
}

/// Answer of `POST /requests/estimate`: how a draft will be billed and what it will cost.
/// `rate` and `amount` are `None` when nothing is charged (included in ALC, under the SLA
/// contract) and `amount` alone is `None` when hourly work states no effort yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    pub billed_as: BilledAs,
    pub billing: Billing,
    /// The rate applied (per hour when hourly, per participant for a course).
    pub rate: Option<Money>,
    /// What `rate` is counted per.
    #[serde(default)]
    pub rate_unit: Option<RateUnit>,
    /// The estimated cost; `None` when hourly work has no stated effort yet.
    pub amount: Option<Money>,
    pub minutes: Option<u32>,
    /// A member's credit spend waits for an admin.
    pub needs_approval: bool,
    /// The customer pays for it (not included): the portal asks to confirm the cost.
    pub needs_confirmation: bool,
}

/// Body of `POST /requests/{id}/comments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// Not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 4000, pattern = r"\S")
    )]
    pub text: String,
    /// Staged uploads of the caller (`POST /uploads`) the comment takes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub files: Vec<FileId>,
}

impl NewComment {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "text", &self.text, COMMENT_MAX);
        check_file_ids(&mut errors, &self.files);
        errors.into_result()
    }
}

/// Body of `POST /requests/{id}/decision` (admins, for `awaiting_approval`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub approve: bool,
    /// Required (not blank) when declining.
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub reason: Option<String>,
}

impl Decision {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if !self.approve {
            check_required(
                &mut errors,
                "reason",
                self.reason.as_deref().unwrap_or(""),
                COMMENT_MAX,
            );
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::TrainingLocation;
    use crate::money::Currency;
    use crate::plan::Priority;
    use crate::validation::codes;

    const TODAY: &str = "2026-11-25";

    fn onsite(address: &str, dates: &[&str]) -> NewRequest {
        NewRequest {
            title: "Robot cell".into(),
            description: "The CATIA licence server does not start.".into(),
            priority: Priority::Normal,
            licence_id: None,
            contact_phone: None,
            details: RequestDetails::OnsiteService {
                site_address: address.into(),
                preferred_dates: dates.iter().map(|d| d.to_string()).collect(),
                expected_minutes: None,
            },
            files: Vec::new(),
        }
    }

    #[test]
    fn accepts_a_complete_onsite_request() {
        assert!(onsite("Hradec 1", &["2026-12-01"]).validate(TODAY).is_ok());
    }

    #[test]
    fn refuses_past_and_malformed_dates() {
        let e = onsite("Hradec 1", &["2026-11-24"])
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("preferred_dates"), Some(codes::IN_THE_PAST));
        let e = onsite("Hradec 1", &["2026-13-01"])
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("preferred_dates"), Some(codes::INVALID_DATE));
        let e = onsite("", &[]).validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("site_address"), Some(codes::REQUIRED));
        assert_eq!(e.code_for("preferred_dates"), Some(codes::REQUIRED));
    }

    #[test]
    fn participants_must_be_between_one_and_the_maximum() {
        let training = |participants| NewRequest {
            details: RequestDetails::Training {
                course_date_id: Some(1),
                custom_topic: None,
                participants,
                location: TrainingLocation::TrainingRoom,
                preferred_dates: vec![],
            },
            ..onsite("x", &[])
        };
        assert_eq!(
            training(0)
                .validate(TODAY)
                .unwrap_err()
                .code_for("participants"),
            Some(codes::TOO_FEW)
        );
        assert_eq!(
            training(21)
                .validate(TODAY)
                .unwrap_err()
                .code_for("participants"),
            Some(codes::TOO_MANY)
        );
        assert!(training(3).validate(TODAY).is_ok());
    }

    #[test]
    fn refuses_empty_and_overlong_text() {
        let mut r = onsite("x", &["2026-12-01"]);
        r.title = " ".into();
        r.description = "d".repeat(DESCRIPTION_MAX + 1);
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("title"), Some(codes::REQUIRED));
        assert_eq!(e.code_for("description"), Some(codes::TOO_LONG));
    }

    #[test]
    fn remote_window_must_be_ordered_and_ahead() {
        let remote = |from: &str, to: &str| NewRequest {
            details: RequestDetails::RemoteService {
                window_from: from.into(),
                window_to: to.into(),
                expected_minutes: None,
            },
            ..onsite("x", &[])
        };
        assert!(
            remote("2026-11-26T08:00Z", "2026-11-26T10:00Z")
                .validate(TODAY)
                .is_ok()
        );
        let e = remote("2026-11-26T10:00Z", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_to"), Some(codes::BEFORE_START));
        let e = remote("2026-11-20T10:00Z", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_from"), Some(codes::IN_THE_PAST));
        let e = remote("tomorrow", "2026-11-26T08:00Z")
            .validate(TODAY)
            .unwrap_err();
        assert_eq!(e.code_for("window_from"), Some(codes::INVALID_DATE));
    }

    #[test]
    fn a_top_up_needs_a_positive_amount_and_no_description() {
        let top_up = |minor| NewRequest {
            description: String::new(),
            details: RequestDetails::CreditTopUp {
                amount: Money::new(minor, Currency::Pln),
            },
            ..onsite("x", &[])
        };
        assert!(top_up(1_000_000).validate(TODAY).is_ok());
        assert_eq!(
            top_up(0).validate(TODAY).unwrap_err().code_for("amount"),
            Some(codes::TOO_FEW)
        );
    }

    #[test]
    fn a_decline_needs_a_reason() {
        assert!(
            Decision {
                approve: true,
                reason: None
            }
            .validate()
            .is_ok()
        );
        assert!(
            Decision {
                approve: false,
                reason: Some(" ".into())
            }
            .validate()
            .is_err()
        );
    }

    #[test]
    fn expected_effort_is_optional_but_bounded() {
        let mut r = onsite("x", &["2026-12-01"]);
        let json = serde_json::json!({"type": "onsite_service", "site_address": "x",
                                      "preferred_dates": ["2026-12-01"]});
        assert_eq!(
            serde_json::from_value::<RequestDetails>(json).unwrap(),
            r.details
        );
        r.details = RequestDetails::OnsiteService {
            site_address: "x".into(),
            preferred_dates: vec!["2026-12-01".into()],
            expected_minutes: Some(0),
        };
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("expected_minutes"), Some(codes::TOO_FEW));
        r.details = RequestDetails::Methodology {
            expected_minutes: Some(EXPECTED_MINUTES_MAX + 1),
        };
        let e = r.validate(TODAY).unwrap_err();
        assert_eq!(e.code_for("expected_minutes"), Some(codes::TOO_MANY));
        assert_eq!(r.details.expected_minutes(), Some(EXPECTED_MINUTES_MAX + 1));
    }

    #[test]
    fn members_wait_for_approval_of_credit_spend_and_top_ups() {
        use crate::catalog::BilledAs::*;
        assert!(needs_approval(
            Role::Member,
            RequestType::Training,
            SbpCredit
        ));
        assert!(needs_approval(
            Role::Member,
            RequestType::CreditTopUp,
            PayInvoice
        ));
        assert!(!needs_approval(
            Role::Member,
            RequestType::Hotline,
            AlcIncluded
        ));
        assert!(!needs_approval(
            Role::Admin,
            RequestType::Training,
            SbpCredit
        ));
        for sort in RequestSort::ALL {
            assert_eq!(RequestSort::parse(sort.as_str()), Some(sort));
        }
    }

    #[test]
    fn details_are_tagged_by_type() {
        let json = serde_json::to_value(RequestDetails::Deployment {
            expected_minutes: Some(60),
        })
        .unwrap();
        assert_eq!(json["type"], "deployment");
        for t in RequestType::ALL {
            assert_eq!(RequestType::parse(t.as_str()), Some(t));
        }
    }
}
