//! How a request is billed and what it costs: the estimate of a draft, the price stored
//! with a request, and the charge for logged time.
//!
//! Rules (the catalog's [`billed_as`] decides the level):
//! - the hotline about a licence whose maintenance has lapsed is neither in ALC nor under
//!   the SLA: it is invoiced at the PAY rate;
//! - SBP credit is charged at the SBP rate, a PAY invoice at the PAY rate; ALC and the
//!   SLA carry no price here (rate and amount `None`);
//! - hourly work: rate x expected minutes (no amount without them);
//! - fixed work: the rate per job; a catalog course: price per participant x participants,
//!   at the SBP discount of the training service when paid from credit; a custom training:
//!   the training rate per participant and day (no amount: the days are agreed later);
//! - a credit top-up: the amount asked for, on a PAY invoice, for SBP customers only.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::catalog::{BilledAs, Billing, ServiceCode, billed_as};
use support_api::money::{Currency, Money};
use support_api::plan::{CoverageStatus, Level};
use support_api::requests::{Estimate, NewRequest, RateUnit, RequestDetails, needs_approval};
use support_api::session::Role;
use support_api::validation::{FieldErrors, codes};
use time::Date;

use crate::db::codec::Code;
use crate::error::ApiError;
use crate::time_util::{format_day, parse_day};

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

/// `rate x minutes / 60`, rounded to the nearest minor unit.
pub fn hourly(rate: i64, minutes: u32) -> i64 {
    (rate * i64::from(minutes) + 30) / 60
}

/// Levels the customer holds on `today`.
pub fn levels(conn: &Connection, customer_id: i64, today: &str) -> Result<Vec<Level>, ApiError> {
    Ok(crate::db::plan::levels_in_force(conn, customer_id, today)?
        .into_iter()
        .map(|h| h.level)
        .collect())
}

/// Prices a draft for the customer. Field errors name what the server's data refuses: a
/// licence not in the installed base, an unknown course date, a top-up without SBP or in
/// another currency. Seats are checked when the request is made, not here.
pub fn price(
    conn: &Connection,
    customer_id: i64,
    currency: Currency,
    new: &NewRequest,
    today: Date,
) -> Result<Pricing, ApiError> {
    let today_text = format_day(today);
    let held = levels(conn, customer_id, &today_text)?;
    let mut errors = FieldErrors::default();
    let licence_lapsed = match new.licence_id {
        None => false,
        Some(id) => match licence_end(conn, customer_id, id)? {
            Some(end) => {
                let days_left = (parse_day(&end)? - today).whole_days();
                CoverageStatus::from_days_left(days_left) == CoverageStatus::Lapsed
            }
            None => {
                errors.push(
                    "licence_id",
                    codes::UNAVAILABLE,
                    "is not a licence of your installed base",
                );
                false
            }
        },
    };
    let pricing = match &new.details {
        RequestDetails::CreditTopUp { amount } => {
            if !held.contains(&Level::Sbp) {
                errors.push("type", codes::UNAVAILABLE, "credit is for SBP customers");
            }
            if amount.currency != currency {
                errors.push("amount", codes::UNAVAILABLE, "must be in your currency");
            }
            Pricing {
                billed_as: BilledAs::PayInvoice,
                billing: Billing::Fixed,
                rate: None,
                rate_unit: None,
                amount: Some(amount.minor),
                minutes: None,
                course_date: None,
            }
        }
        details => {
            let service = new
                .request_type()
                .service()
                .ok_or_else(|| ApiError::Internal("a service request without service".into()))?;
            let mut billed = billed_as(&held, service);
            if service == ServiceCode::Hotline && licence_lapsed {
                billed = BilledAs::PayInvoice;
            }
            let (billing, pay, sbp) = rates(conn, service, currency)?;
            let rate = match billed {
                BilledAs::SbpCredit => Some(sbp),
                BilledAs::PayInvoice => Some(pay),
                BilledAs::AlcIncluded | BilledAs::SlaContract => None,
            };
            let mut pricing = Pricing {
                billed_as: billed,
                billing,
                rate,
                rate_unit: None,
                amount: None,
                minutes: details.expected_minutes(),
                course_date: None,
            };
            match details {
                RequestDetails::Training {
                    course_date_id: Some(date_id),
                    participants,
                    ..
                } => match course_price(conn, *date_id, currency)? {
                    Some(price) => {
                        pricing.course_date = Some((*date_id, *participants));
                        pricing.rate = rate.map(|_| match billed {
                            // The course at the training service's SBP discount.
                            BilledAs::SbpCredit if pay > 0 => (price * sbp + pay / 2) / pay,
                            _ => price,
                        });
                        pricing.rate_unit = rate.map(|_| RateUnit::Participant);
                        pricing.amount = pricing.rate.map(|r| r * i64::from(*participants));
                    }
                    None => errors.push("course", codes::UNAVAILABLE, "is not a course date"),
                },
                RequestDetails::Training { .. } => {
                    pricing.rate_unit = rate.map(|_| RateUnit::ParticipantDay);
                }
                _ => match billing {
                    Billing::Hourly => {
                        pricing.rate_unit = rate.map(|_| RateUnit::Hour);
                        pricing.amount = rate.zip(pricing.minutes).map(|(r, m)| hourly(r, m));
                    }
                    Billing::Fixed => {
                        pricing.rate_unit = rate.map(|_| RateUnit::Job);
                        pricing.amount = rate;
                    }
                },
            }
            pricing
        }
    };
    errors.into_result()?;
    Ok(pricing)
}

/// The maintenance end of the customer's licence, `None` when it is not the customer's.
fn licence_end(conn: &Connection, customer_id: i64, id: i64) -> Result<Option<String>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT maintenance_end FROM licences WHERE id = ?1 AND customer_id = ?2",
            params![id, customer_id],
            |row| row.get(0),
        )
        .optional()?)
}

/// Billing, PAY rate and SBP rate of a service in a currency.
pub fn rates(
    conn: &Connection,
    service: ServiceCode,
    currency: Currency,
) -> Result<(Billing, i64, i64), ApiError> {
    conn.query_row(
        "SELECT s.billing, r.pay_rate_minor, r.sbp_rate_minor
         FROM services s JOIN service_rates r ON r.service_code = s.code AND r.currency = ?2
         WHERE s.code = ?1",
        params![Code(service), Code(currency)],
        |row| Ok((row.get::<_, Code<Billing>>(0)?.0, row.get(1)?, row.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| ApiError::Internal(format!("no {currency:?} rate for {service:?}")))
}

/// The per-participant price of the course of a date, in `currency`.
fn course_price(
    conn: &Connection,
    date_id: i64,
    currency: Currency,
) -> Result<Option<i64>, ApiError> {
    Ok(conn
        .query_row(
            "SELECT p.price_per_participant_minor FROM course_dates d
             JOIN course_prices p ON p.course_id = d.course_id AND p.currency = ?2
             WHERE d.id = ?1",
            params![date_id, Code(currency)],
            |row| row.get(0),
        )
        .optional()?)
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
