//! Which rate of a service applies to this customer, and what it is per.

use support_api::catalog::{BilledAs, Billing, Service, ServiceCode};
use support_api::money::Money;

/// What a price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceUnit {
    Hour,
    /// Trainings are priced per participant and day.
    ParticipantDay,
    Job,
}

pub fn price_unit(service: &Service) -> PriceUnit {
    match (service.billing, service.code) {
        (Billing::Hourly, _) => PriceUnit::Hour,
        (Billing::Fixed, ServiceCode::Training) => PriceUnit::ParticipantDay,
        (Billing::Fixed, _) => PriceUnit::Job,
    }
}

/// The rate this customer pays for a service: none when it is included in ALC or set
/// by the SLA contract.
pub fn own_rate(service: &Service) -> Option<Money> {
    match service.billed_as {
        BilledAs::SbpCredit => Some(service.sbp_rate),
        BilledAs::PayInvoice => Some(service.pay_rate),
        BilledAs::AlcIncluded | BilledAs::SlaContract => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::money::Currency;

    fn service(code: ServiceCode, billing: Billing, billed_as: BilledAs) -> Service {
        Service {
            code,
            billing,
            pay_rate: Money::new(22000, Currency::Pln),
            sbp_rate: Money::new(18700, Currency::Pln),
            billed_as,
        }
    }

    #[test]
    fn the_own_rate_follows_how_it_is_billed() {
        let s = |b| service(ServiceCode::RemoteService, Billing::Hourly, b);
        assert_eq!(
            own_rate(&s(BilledAs::SbpCredit)).map(|m| m.minor),
            Some(18700)
        );
        assert_eq!(
            own_rate(&s(BilledAs::PayInvoice)).map(|m| m.minor),
            Some(22000)
        );
        assert_eq!(own_rate(&s(BilledAs::AlcIncluded)), None);
        assert_eq!(own_rate(&s(BilledAs::SlaContract)), None);
    }

    #[test]
    fn price_units() {
        let unit = |code, billing| price_unit(&service(code, billing, BilledAs::PayInvoice));
        assert_eq!(unit(ServiceCode::Hotline, Billing::Hourly), PriceUnit::Hour);
        assert_eq!(
            unit(ServiceCode::Training, Billing::Fixed),
            PriceUnit::ParticipantDay
        );
        assert_eq!(
            unit(ServiceCode::Deployment, Billing::Fixed),
            PriceUnit::Job
        );
    }
}
