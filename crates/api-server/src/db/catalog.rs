//! `GET /catalog` from storage, in the customer's currency, and the rates and prices
//! a draft is priced with.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::catalog::{
    Billing, Catalog, Course, CourseDate, LevelInfo, Service, ServiceCode, TrainingLocation,
    billed_as,
};
use support_api::money::{Currency, Money};
use support_api::plan::Level;

use super::codec::Code;
use super::plan::held_levels;
use crate::error::ApiError;

/// The catalog as the customer sees it on `today`.
pub fn load(
    conn: &Connection,
    customer_id: i64,
    currency: Currency,
    today: &str,
) -> Result<Catalog, ApiError> {
    let held = held_levels(conn, customer_id, today)?;
    let has_licences = has_licences(conn, customer_id)?;
    Ok(Catalog {
        currency,
        levels: levels(conn, &held, has_licences)?,
        services: services(conn, currency, &held)?,
        courses: courses(conn, currency, today)?,
    })
}

/// Every level with what it includes; `held` and `available` for this customer.
pub fn levels(
    conn: &Connection,
    held: &[Level],
    has_licences: bool,
) -> Result<Vec<LevelInfo>, ApiError> {
    // Every level's services in one query, in the catalog's order.
    let mut stmt = conn.prepare_cached(
        "SELECT ls.level, ls.service_code
         FROM level_services ls JOIN services s ON s.code = ls.service_code
         ORDER BY s.position",
    )?;
    let pairs = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, Code<Level>>(0)?.0,
                row.get::<_, Code<ServiceCode>>(1)?.0,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let infos = Level::ALL
        .into_iter()
        .map(|level| LevelInfo {
            level,
            includes: pairs
                .iter()
                .filter(|(of, _)| *of == level)
                .map(|(_, service)| *service)
                .collect(),
            held: held.contains(&level),
            // ALC comes only with licences; PAY, SBP and an SLA are open to any company.
            available: level != Level::Alc || has_licences,
        })
        .collect();
    Ok(infos)
}

/// The services with rates in `currency` and how a customer holding `held` gets each.
pub fn services(
    conn: &Connection,
    currency: Currency,
    held: &[Level],
) -> Result<Vec<Service>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.code, s.billing, r.pay_rate_minor, r.sbp_rate_minor
         FROM services s JOIN service_rates r ON r.service_code = s.code AND r.currency = ?1
         ORDER BY s.position",
    )?;
    let rows = stmt.query_map([Code(currency)], |row| {
        let code = row.get::<_, Code<ServiceCode>>(0)?.0;
        Ok(Service {
            code,
            billing: row.get::<_, Code<Billing>>(1)?.0,
            pay_rate: Money::new(row.get(2)?, currency),
            sbp_rate: Money::new(row.get(3)?, currency),
            billed_as: billed_as(held, code),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Courses priced in `currency`, each with its dates from `today` on.
pub fn courses(
    conn: &Connection,
    currency: Currency,
    today: &str,
) -> Result<Vec<Course>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.code, c.title, c.product, c.days, c.max_participants,
                p.price_per_participant_minor
         FROM courses c JOIN course_prices p ON p.course_id = c.id AND p.currency = ?1
         ORDER BY c.title",
    )?;
    let rows = stmt.query_map([Code(currency)], |row| {
        Ok(Course {
            id: row.get(0)?,
            code: row.get(1)?,
            title: row.get(2)?,
            product: row.get(3)?,
            days: row.get(4)?,
            max_participants: row.get(5)?,
            price_per_participant: Money::new(row.get(6)?, currency),
            dates: Vec::new(),
        })
    })?;
    let mut courses = rows.collect::<Result<Vec<_>, _>>()?;
    // Every course's dates in one query, spread over the courses below.
    let mut dates = conn.prepare_cached(
        "SELECT course_id, id, starts_on, ends_on, location, seats_left FROM course_dates
         WHERE starts_on >= ?1 ORDER BY starts_on, id",
    )?;
    let rows = dates.query_map([today], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            CourseDate {
                id: row.get(1)?,
                starts_on: row.get(2)?,
                ends_on: row.get(3)?,
                location: row.get::<_, Code<TrainingLocation>>(4)?.0,
                seats_left: row.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (course_id, date) = row?;
        if let Some(course) = courses.iter_mut().find(|c| c.id == course_id) {
            course.dates.push(date);
        }
    }
    Ok(courses)
}

pub fn has_licences(conn: &Connection, customer_id: i64) -> Result<bool, ApiError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM licences WHERE customer_id = ?1)")?
        .query_row([customer_id], |row| row.get(0))?)
}

/// Billing, PAY rate and SBP rate of a service in a currency.
pub fn rates(
    conn: &Connection,
    service: ServiceCode,
    currency: Currency,
) -> Result<(Billing, i64, i64), ApiError> {
    conn.prepare_cached(
        "SELECT s.billing, r.pay_rate_minor, r.sbp_rate_minor
         FROM services s JOIN service_rates r ON r.service_code = s.code AND r.currency = ?2
         WHERE s.code = ?1",
    )?
    .query_row(params![Code(service), Code(currency)], |row| {
        Ok((row.get::<_, Code<Billing>>(0)?.0, row.get(1)?, row.get(2)?))
    })
    .optional()?
    .ok_or_else(|| ApiError::broken(format!("no {currency:?} rate for {service:?}")))
}

/// The per-participant price of the course of a date, in `currency`.
pub fn course_price(
    conn: &Connection,
    date_id: i64,
    currency: Currency,
) -> Result<Option<i64>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT p.price_per_participant_minor FROM course_dates d
             JOIN course_prices p ON p.course_id = d.course_id AND p.currency = ?2
             WHERE d.id = ?1",
        )?
        .query_row(params![date_id, Code(currency)], |row| row.get(0))
        .optional()?)
}
