//! How a request is billed and what it costs, as rules on values: the price stored with
//! a request, its estimate, and the charge for logged time. No storage here: pricing a
//! draft against the customer's data is `actions::pricing`, which applies these rules.
//!
//! Rules (the catalog's `billed_as` decides the level):
//! - the hotline about a licence whose maintenance has lapsed is neither in ALC nor under
//!   the SLA: it is invoiced at the PAY rate;
//! - SBP credit is charged at the SBP rate, a PAY invoice at the PAY rate; ALC and the
//!   SLA carry no price here (rate and amount `None`);
//! - hourly work: rate x expected minutes (no amount without them);
//! - fixed work: the rate per job; a catalog course: price per participant x participants,
//!   at the SBP discount of the training service when paid from credit; a custom training:
//!   the training rate per participant and day (no amount: the days are agreed later);
//! - a credit top-up: the amount asked for, on a PAY invoice, for SBP customers only.

use support_api::catalog::{BilledAs, Billing};
use support_api::money::{Currency, Money};
use support_api::requests::{Estimate, NewRequest, RateUnit, needs_approval};
use support_api::session::Role;

/// Minutes in a training day, for charging custom trainings by the day.
pub const TRAINING_DAY_MINUTES: u32 = 8 * 60;

/// The price part of a request, as stored with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pricing {
    pub billed_as: BilledAs,
    pub billing: Billing,
    pub rate: Option<i64>,
    pub rate_unit: Option<RateUnit>,
    pub amount: Option<i64>,
    pub minutes: Option<u32>,
    /// A catalog course date and the participants it is for.
    pub course_date: Option<(i64, u32)>,
}

impl Pricing {
    pub fn estimate(&self, currency: Currency, role: Role, new: &NewRequest) -> Estimate {
        let money = |minor| Money::new(minor, currency);
        Estimate {
            billed_as: self.billed_as,
            billing: self.billing,
            rate: self.rate.map(money),
            rate_unit: self.rate_unit,
            amount: self.amount.map(money),
            minutes: self.minutes,
            needs_approval: needs_approval(role, new.request_type(), self.billed_as),
            needs_confirmation: pays(self.billed_as),
        }
    }
}

/// The customer pays for it (from credit or by invoice).
pub fn pays(billed_as: BilledAs) -> bool {
    matches!(billed_as, BilledAs::SbpCredit | BilledAs::PayInvoice)
}

/// Work priced by agreement (a PAY job, a custom training by the day) waits for an
/// accepted quote before it starts; hourly PAY work and catalog courses have a price.
pub fn needs_quote(billed_as: BilledAs, rate_unit: Option<RateUnit>) -> bool {
    billed_as == BilledAs::PayInvoice
        && matches!(rate_unit, Some(RateUnit::Job | RateUnit::ParticipantDay))
}

/// The charge for logged time on work with an accepted quote: the quoted amount, once, at
/// the first log (like a fixed price); `None` when the customer does not pay for it.
pub fn charge_quoted(billed_as: BilledAs, quoted: i64, charged_before: bool) -> Option<i64> {
    pays(billed_as).then_some(if charged_before { 0 } else { quoted })
}

/// `rate x minutes / 60`, rounded to the nearest minor unit.
pub fn hourly(rate: i64, minutes: u32) -> i64 {
    (rate * i64::from(minutes) + 30) / 60
}

/// What the request's price says logged time costs. `charged_before` tells whether
/// earlier logs were charged already (a fixed price is charged once, at the first log).
/// `None` when the customer does not pay for the work (ALC, SLA) or for a top-up.
pub fn charge_for_time(
    billed_as: BilledAs,
    rate: Option<i64>,
    rate_unit: Option<RateUnit>,
    estimate: Option<i64>,
    participants: u32,
    minutes: u32,
    charged_before: bool,
) -> Option<i64> {
    if !pays(billed_as) {
        return None;
    }
    match rate_unit? {
        RateUnit::Hour => rate.map(|r| hourly(r, minutes)),
        RateUnit::Job | RateUnit::Participant => Some(if charged_before {
            0
        } else {
            estimate.or(rate)?
        }),
        RateUnit::ParticipantDay => {
            let days = minutes.div_ceil(TRAINING_DAY_MINUTES);
            rate.map(|r| r * i64::from(participants.max(1)) * i64::from(days))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_is_charged_by_the_unit_of_the_rate() {
        use BilledAs::*;
        let hour = Some(RateUnit::Hour);
        assert_eq!(
            charge_for_time(SbpCredit, Some(20_400), hour, None, 0, 90, false),
            Some(30_600)
        );
        assert_eq!(
            charge_for_time(PayInvoice, Some(100), hour, None, 0, 1, true),
            Some(2)
        );
        assert_eq!(
            charge_for_time(AlcIncluded, None, None, None, 0, 60, false),
            None
        );
        let job = Some(RateUnit::Job);
        assert_eq!(
            charge_for_time(SbpCredit, Some(5), job, Some(5), 0, 60, false),
            Some(5)
        );
        assert_eq!(
            charge_for_time(SbpCredit, Some(5), job, Some(5), 0, 60, true),
            Some(0)
        );
        let day = Some(RateUnit::ParticipantDay);
        assert_eq!(
            charge_for_time(PayInvoice, Some(10), day, None, 3, 481, false),
            Some(60)
        );
    }
}
