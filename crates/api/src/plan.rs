//! `GET /plan`: the customer's support levels and agreements, and what its ALC covers.

use serde::{Deserialize, Serialize};

use crate::money::Money;

/// Maintenance that ends within this many days is shown as expiring soon.
pub const EXPIRING_SOON_DAYS: i64 = 60;

/// The four support levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Basic support with the annual maintenance fee; the hotline.
    Alc,
    /// Paid services at hourly or agreed rates.
    Pay,
    /// Prepaid credit for PAY services at a better rate.
    Sbp,
    /// A contract with reaction times.
    Sla,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Alc, Level::Pay, Level::Sbp, Level::Sla];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Normal,
    High,
    Critical,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Critical,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ];

    /// The wire name, as in JSON and in query parameters (`?priority=high`).
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// One level the customer holds, with its period (days are `YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelHolding {
    pub level: Level,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// Whether a licence's maintenance (and so ALC) covers it today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    Covered,
    /// Maintenance ends within [`EXPIRING_SOON_DAYS`].
    ExpiringSoon,
    /// Maintenance has ended: no longer covered.
    Lapsed,
}

impl CoverageStatus {
    /// `days_left` is the number of days from today to the maintenance end (negative once past).
    pub fn from_days_left(days_left: i64) -> Self {
        if days_left < 0 {
            CoverageStatus::Lapsed
        } else if days_left <= EXPIRING_SOON_DAYS {
            CoverageStatus::ExpiringSoon
        } else {
            CoverageStatus::Covered
        }
    }
}

/// A licence of the installed base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Licence {
    pub id: i64,
    pub product: String,
    pub licence_type: String,
    pub quantity: u32,
    pub maintenance_start: String,
    pub maintenance_end: String,
    pub status: CoverageStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlcCoverage {
    pub installed_base: Vec<Licence>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SbpSubscription {
    pub since: String,
    /// Below this balance the portal warns and offers a top-up.
    pub low_balance_threshold: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReactionTarget {
    pub priority: Priority,
    /// Business minutes from submission to the first reaction.
    pub minutes: u32,
}

/// When the hotline answers or SLA time counts: ISO weekdays (1 = Monday) and local times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BusinessHours {
    pub weekdays: Vec<u8>,
    /// `HH:MM`, local time of `time_zone`.
    pub opens: String,
    pub closes: String,
    /// IANA zone, e.g. `Europe/Prague`.
    pub time_zone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlaContract {
    pub reference: String,
    pub since: String,
    pub until: Option<String>,
    pub reaction_targets: Vec<ReactionTarget>,
    pub business_hours: BusinessHours,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hotline {
    pub phone: String,
    pub email: String,
    pub hours: BusinessHours,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contacts {
    /// The hotline; ALC customers reach it as part of their maintenance.
    pub hotline: Hotline,
    /// The technical group manager: the contact for anything beyond the portal.
    pub technical_manager: Contact,
}

/// Answer of `GET /plan`. Absent parts (no SBP, no SLA) are `null`, not errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    pub levels: Vec<LevelHolding>,
    /// Present for licence customers only.
    pub alc: Option<AlcCoverage>,
    pub sbp: Option<SbpSubscription>,
    pub sla: Option<SlaContract>,
    /// PAY services are open to every company that uses Dassault software.
    pub pay_available: bool,
    pub contacts: Contacts,
}

impl Plan {
    pub fn holds(&self, level: Level) -> bool {
        self.levels.iter().any(|h| h.level == level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_by_their_wire_names() {
        for p in Priority::ALL {
            assert_eq!(Priority::parse(p.as_str()), Some(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
        assert_eq!(Priority::parse("urgent"), None);
    }

    #[test]
    fn coverage_status_by_days_left() {
        assert_eq!(CoverageStatus::from_days_left(-1), CoverageStatus::Lapsed);
        assert_eq!(
            CoverageStatus::from_days_left(0),
            CoverageStatus::ExpiringSoon
        );
        assert_eq!(
            CoverageStatus::from_days_left(60),
            CoverageStatus::ExpiringSoon
        );
        assert_eq!(CoverageStatus::from_days_left(61), CoverageStatus::Covered);
    }
}
