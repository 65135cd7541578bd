//! `GET /catalog`: the four levels and what each includes, the services with their rates
//! in the customer's currency, and the training courses with their dates.

use serde::{Deserialize, Serialize};

use crate::money::{Currency, Money};
use crate::plan::Level;

/// Services by code, as the catalog and requests name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceCode {
    Hotline,
    Training,
    MacroDevelopment,
    Deployment,
    RemoteService,
    OnsiteService,
    ReinstallationAdmin,
    ProcessAnalysis,
    Methodology,
}

impl ServiceCode {
    pub const ALL: [ServiceCode; 9] = [
        ServiceCode::Hotline,
        ServiceCode::Training,
        ServiceCode::MacroDevelopment,
        ServiceCode::Deployment,
        ServiceCode::RemoteService,
        ServiceCode::OnsiteService,
        ServiceCode::ReinstallationAdmin,
        ServiceCode::ProcessAnalysis,
        ServiceCode::Methodology,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceCode::Hotline => "hotline",
            ServiceCode::Training => "training",
            ServiceCode::MacroDevelopment => "macro_development",
            ServiceCode::Deployment => "deployment",
            ServiceCode::RemoteService => "remote_service",
            ServiceCode::OnsiteService => "onsite_service",
            ServiceCode::ReinstallationAdmin => "reinstallation_admin",
            ServiceCode::ProcessAnalysis => "process_analysis",
            ServiceCode::Methodology => "methodology",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }
}

/// How a service's price is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Billing {
    /// Rate per hour of work.
    Hourly,
    /// An agreed price per job (per participant and day for trainings).
    Fixed,
}

/// How this customer gets a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BilledAs {
    /// Included in the annual maintenance fee.
    AlcIncluded,
    /// Consumed from prepaid SBP credit at the SBP rate.
    SbpCredit,
    /// Invoiced at the PAY rate.
    PayInvoice,
    /// Under the SLA contract's terms.
    SlaContract,
}

/// Decides how a customer holding `levels` gets `service`. One rule for the catalog and
/// the estimate of a request:
/// - the hotline runs under an SLA where there is one, is part of ALC for licence
///   customers, and is paid support for everybody else;
/// - every other service is consumed from SBP credit where there is SBP, runs under the
///   SLA where there is one, and is invoiced at the PAY rate otherwise.
pub fn billed_as(levels: &[Level], service: ServiceCode) -> BilledAs {
    let holds = |level| levels.contains(&level);
    if service == ServiceCode::Hotline {
        if holds(Level::Sla) {
            BilledAs::SlaContract
        } else if holds(Level::Alc) {
            BilledAs::AlcIncluded
        } else {
            BilledAs::PayInvoice
        }
    } else if holds(Level::Sbp) {
        BilledAs::SbpCredit
    } else if holds(Level::Sla) {
        BilledAs::SlaContract
    } else {
        BilledAs::PayInvoice
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub code: ServiceCode,
    pub billing: Billing,
    /// Per hour when `billing` is hourly, per job otherwise.
    pub pay_rate: Money,
    /// The better prepaid rate.
    pub sbp_rate: Money,
    /// How this customer gets it.
    pub billed_as: BilledAs,
}

/// What a level includes and whether the customer holds it. Its wording (who can have
/// it, what it is) is the portal's, translated; the facts are here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelInfo {
    pub level: Level,
    pub includes: Vec<ServiceCode>,
    pub held: bool,
    /// Whether this customer could take it up (ALC only comes with licences).
    pub available: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrainingLocation {
    /// The company's own training room.
    TrainingRoom,
    CustomerSite,
    Online,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseDate {
    pub id: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub location: TrainingLocation,
    pub seats_left: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Course {
    pub id: i64,
    pub code: String,
    /// Course titles are product names and stay as published.
    pub title: String,
    pub product: String,
    pub days: u32,
    pub price_per_participant: Money,
    pub max_participants: u32,
    pub dates: Vec<CourseDate>,
}

/// Answer of `GET /catalog`, in the signed-in customer's currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalog {
    pub currency: Currency,
    pub levels: Vec<LevelInfo>,
    pub services: Vec<Service>,
    pub courses: Vec<Course>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hotline_is_included_in_alc_and_paid_without_it() {
        assert_eq!(
            billed_as(&[Level::Alc], ServiceCode::Hotline),
            BilledAs::AlcIncluded
        );
        assert_eq!(
            billed_as(&[Level::Pay], ServiceCode::Hotline),
            BilledAs::PayInvoice
        );
        assert_eq!(
            billed_as(&[Level::Alc, Level::Sbp, Level::Sla], ServiceCode::Hotline),
            BilledAs::SlaContract
        );
    }

    #[test]
    fn services_use_credit_then_contract_then_invoice() {
        let s = ServiceCode::Training;
        assert_eq!(billed_as(&[Level::Alc, Level::Sbp], s), BilledAs::SbpCredit);
        assert_eq!(
            billed_as(&[Level::Alc, Level::Sla], s),
            BilledAs::SlaContract
        );
        assert_eq!(billed_as(&[Level::Alc], s), BilledAs::PayInvoice);
    }

    #[test]
    fn service_codes_round_trip() {
        for code in ServiceCode::ALL {
            assert_eq!(ServiceCode::parse(code.as_str()), Some(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
