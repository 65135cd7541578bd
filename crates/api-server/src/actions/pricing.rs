//! Pricing a draft for the customer who sends it: the `billing` rules applied to the
//! customer's levels, licences and the catalog's rates, as stored.

use rusqlite::Connection;
use support_api::catalog::{BilledAs, Billing, ServiceCode, billed_as};
use support_api::money::Currency;
use support_api::plan::{CoverageStatus, Level};
use support_api::requests::{NewRequest, RateUnit, RequestDetails};
use support_api::validation::{FieldErrors, codes};
use time::Date;

use crate::billing::{Pricing, hourly};
use crate::db::{catalog, plan};
use crate::error::ApiError;
use crate::time_util::{format_day, parse_day};

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
    let held = plan::held_levels(conn, customer_id, &today_text)?;
    let mut errors = FieldErrors::default();
    let licence_lapsed = match new.licence_id {
        None => false,
        Some(id) => match plan::licence_end(conn, customer_id, id)? {
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
                .ok_or_else(|| ApiError::broken("a service request without service"))?;
            let mut billed = billed_as(&held, service);
            if service == ServiceCode::Hotline && licence_lapsed {
                billed = BilledAs::PayInvoice;
            }
            let (billing, pay, sbp) = catalog::rates(conn, service, currency)?;
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
                } => match catalog::course_price(conn, *date_id, currency)? {
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
