//! Requests: `GET/POST /requests`, `GET /requests/{id}`, comments, cancel, approval, and
//! `POST /requests/estimate` for a draft. The validation here serves the form and the server.

use serde::{Deserialize, Serialize};

use crate::catalog::{BilledAs, Billing, ServiceCode, TrainingLocation};
use crate::files::{FileId, check_file_ids};
use crate::money::Money;
use crate::plan::Priority;
use crate::quotes::{Quote, QuoteState};
use crate::resolution::Rating;
use crate::session::Role;
use crate::validation::{FieldErrors, check_required, codes};

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

/// The per-type part of a new request; `type` names the request type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum RequestDetails {
    Hotline {},
    Training {
        /// A date of a catalog course, or `None` with a `custom_topic`.
        course_date_id: Option<i64>,
        custom_topic: Option<String>,
        participants: u32,
        location: TrainingLocation,
        /// Wished days (`YYYY-MM-DD`) for a custom training.
        #[serde(default)]
        preferred_dates: Vec<String>,
    },
    OnsiteService {
        site_address: String,
        preferred_dates: Vec<String>,
        /// Optional expected effort, for an estimate of the hours on site.
        #[serde(default)]
        expected_minutes: Option<u32>,
    },
    RemoteService {
        /// RFC 3339 instants of the window the customer is available in.
        window_from: String,
        window_to: String,
        /// Optional expected effort, for an estimate.
        #[serde(default)]
        expected_minutes: Option<u32>,
    },
    MacroDevelopment {
        expected_minutes: Option<u32>,
    },
    Deployment {
        expected_minutes: Option<u32>,
    },
    ReinstallationAdmin {
        expected_minutes: Option<u32>,
    },
    ProcessAnalysis {
        expected_minutes: Option<u32>,
    },
    Methodology {
        expected_minutes: Option<u32>,
    },
    CreditTopUp {
        amount: Money,
    },
}

impl RequestDetails {
    /// The effort the customer expects, where the type takes one.
    pub fn expected_minutes(&self) -> Option<u32> {
        match self {
            RequestDetails::OnsiteService {
                expected_minutes, ..
            }
            | RequestDetails::RemoteService {
                expected_minutes, ..
            }
            | RequestDetails::MacroDevelopment { expected_minutes }
            | RequestDetails::Deployment { expected_minutes }
            | RequestDetails::ReinstallationAdmin { expected_minutes }
            | RequestDetails::ProcessAnalysis { expected_minutes }
            | RequestDetails::Methodology { expected_minutes } => *expected_minutes,
            _ => None,
        }
    }

    pub fn request_type(&self) -> RequestType {
        match self {
            RequestDetails::Hotline {} => RequestType::Hotline,
            RequestDetails::Training { .. } => RequestType::Training,
            RequestDetails::OnsiteService { .. } => RequestType::OnsiteService,
            RequestDetails::RemoteService { .. } => RequestType::RemoteService,
            RequestDetails::MacroDevelopment { .. } => RequestType::MacroDevelopment,
            RequestDetails::Deployment { .. } => RequestType::Deployment,
            RequestDetails::ReinstallationAdmin { .. } => RequestType::ReinstallationAdmin,
            RequestDetails::ProcessAnalysis { .. } => RequestType::ProcessAnalysis,
            RequestDetails::Methodology { .. } => RequestType::Methodology,
            RequestDetails::CreditTopUp { .. } => RequestType::CreditTopUp,
        }
    }
}

/// Body of `POST /requests` and `POST /requests/estimate`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    /// Not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 120, pattern = r"\S")
    )]
    pub title: String,
    /// Not blank, except for a credit top-up.
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub description: String,
    pub priority: Priority,
    /// A licence of the customer's installed base the request is about.
    pub licence_id: Option<i64>,
    pub contact_phone: Option<String>,
    pub details: RequestDetails,
    /// Staged uploads of the caller (`POST /uploads`) the request takes, in one go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub files: Vec<FileId>,
}

impl NewRequest {
    pub fn request_type(&self) -> RequestType {
        self.details.request_type()
    }

    /// The checks that need no stored data. `today` is `YYYY-MM-DD` (the customer's day);
    /// ISO dates compare correctly as strings. The server adds what needs its data
    /// (the course date has seats, the licence is the customer's).
    pub fn validate(&self, today: &str) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "title", &self.title, TITLE_MAX);
        if self.description.chars().count() > DESCRIPTION_MAX {
            errors.push("description", codes::TOO_LONG, "is too long");
        }
        let needs_description = !matches!(self.details, RequestDetails::CreditTopUp { .. });
        if needs_description && self.description.trim().is_empty() {
            errors.push("description", codes::REQUIRED, "must not be empty");
        }
        if let Some(phone) = &self.contact_phone
            && phone.chars().count() > 40
        {
            errors.push("contact_phone", codes::TOO_LONG, "is too long");
        }
        check_file_ids(&mut errors, &self.files);
        match &self.details {
            RequestDetails::Training {
                course_date_id,
                custom_topic,
                participants,
                preferred_dates,
                ..
            } => {
                let topic = custom_topic.as_deref().unwrap_or("").trim();
                if course_date_id.is_none() && topic.is_empty() {
                    errors.push(
                        "course",
                        codes::REQUIRED,
                        "choose a course date or describe a topic",
                    );
                }
                if topic.chars().count() > TITLE_MAX {
                    errors.push("custom_topic", codes::TOO_LONG, "is too long");
                }
                if *participants == 0 {
                    errors.push("participants", codes::TOO_FEW, "at least one participant");
                } else if *participants > PARTICIPANTS_MAX {
                    errors.push("participants", codes::TOO_MANY, "too many participants");
                }
                check_dates(
                    &mut errors,
                    "preferred_dates",
                    preferred_dates,
                    today,
                    false,
                );
            }
            RequestDetails::OnsiteService {
                site_address,
                preferred_dates,
                expected_minutes,
            } => {
                check_required(&mut errors, "site_address", site_address, ADDRESS_MAX);
                check_dates(&mut errors, "preferred_dates", preferred_dates, today, true);
                check_expected_minutes(&mut errors, *expected_minutes);
            }
            RequestDetails::RemoteService {
                window_from,
                window_to,
                expected_minutes,
            } => {
                check_expected_minutes(&mut errors, *expected_minutes);
                let valid = |s: &str| is_instant(s);
                if !valid(window_from) {
                    errors.push("window_from", codes::INVALID_DATE, "is not a date and time");
                } else if window_from.get(..10).is_some_and(|day| day < today) {
                    errors.push("window_from", codes::IN_THE_PAST, "is in the past");
                }
                if !valid(window_to) {
                    errors.push("window_to", codes::INVALID_DATE, "is not a date and time");
                } else if valid(window_from) && window_to <= window_from {
                    errors.push(
                        "window_to",
                        codes::BEFORE_START,
                        "must come after the start",
                    );
                }
            }
            RequestDetails::MacroDevelopment { expected_minutes }
            | RequestDetails::Deployment { expected_minutes }
            | RequestDetails::ReinstallationAdmin { expected_minutes }
            | RequestDetails::ProcessAnalysis { expected_minutes }
            | RequestDetails::Methodology { expected_minutes } => {
                check_expected_minutes(&mut errors, *expected_minutes);
            }
            RequestDetails::CreditTopUp { amount } => {
                if amount.minor <= 0 {
                    errors.push("amount", codes::TOO_FEW, "must be more than zero");
                }
            }
            RequestDetails::Hotline {} => {}
        }
        errors.into_result()
    }
}

/// `YYYY-MM-DD` with plausible month and day.
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// An RFC 3339 UTC instant as the API writes them: `YYYY-MM-DDTHH:MM[:SS]Z`.
pub fn is_instant(s: &str) -> bool {
    let Some((day, time)) = s.split_once('T') else {
        return false;
    };
    let Some(time) = time.strip_suffix('Z') else {
        return false;
    };
    let parts: Vec<&str> = time.split(':').collect();
    is_day(day)
        && (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
}

fn check_expected_minutes(errors: &mut FieldErrors, expected_minutes: Option<u32>) {
    match expected_minutes {
        Some(0) => errors.push("expected_minutes", codes::TOO_FEW, "must be more than zero"),
        Some(m) if m > EXPECTED_MINUTES_MAX => {
            errors.push("expected_minutes", codes::TOO_MANY, "is too much")
        }
        _ => {}
    }
}

fn check_dates(
    errors: &mut FieldErrors,
    field: &str,
    dates: &[String],
    today: &str,
    required: bool,
) {
    if required && dates.is_empty() {
        errors.push(field, codes::REQUIRED, "give at least one date");
    } else if dates.len() > PREFERRED_DATES_MAX {
        errors.push(field, codes::TOO_MANY, "too many dates");
    } else if dates.iter().any(|d| !is_day(d)) {
        errors.push(field, codes::INVALID_DATE, "is not a date");
    } else if dates.iter().any(|d| d.as_str() < today) {
        errors.push(field, codes::IN_THE_PAST, "is in the past");
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
    use crate::money::Currency;

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
