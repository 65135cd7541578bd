//! A new request as the form and `POST /requests` (and `/requests/estimate`) give it:
//! the per-type details and their validation, shared by the portal and the server.

use serde::{Deserialize, Serialize};

use super::kinds::{
    ADDRESS_MAX, DESCRIPTION_MAX, EXPECTED_MINUTES_MAX, PARTICIPANTS_MAX, PREFERRED_DATES_MAX,
    RequestType, TITLE_MAX,
};
use crate::catalog::{BilledAs, Billing, TrainingLocation};
use crate::files::{FileId, check_file_ids};
use crate::money::Money;
use crate::plan::Priority;
use crate::session::Role;
use crate::validation::{FieldErrors, check_required, codes};

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
