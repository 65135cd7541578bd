//! `GET /plan` from storage. Every query is scoped by the customer id of the session.

use rusqlite::{Connection, OptionalExtension, params};
use support_api::money::{Currency, Money};
use support_api::plan::{
    AlcCoverage, BusinessHours, Contact, Contacts, CoverageStatus, Hotline, Level, LevelHolding,
    Licence, Plan, Priority, ReactionTarget, SbpSubscription, SlaContract,
};
use time::Date;

use super::codec::Code;
use crate::error::ApiError;
use crate::time_util::{format_day, parse_day};

/// Whether a row's `since`/`until` period (NULL: open) contains `:today`. A macro, so
/// each query is one literal, prepared once per connection.
macro_rules! in_force {
    () => {
        "(since IS NULL OR since <= :today) AND (until IS NULL OR until >= :today)"
    };
}

/// `currency` is the customer's: SBP amounts are kept in it.
pub fn load(
    conn: &Connection,
    customer_id: i64,
    currency: Currency,
    today: Date,
) -> Result<Plan, ApiError> {
    let today_text = format_day(today);
    let levels = levels_in_force(conn, customer_id, &today_text)?;
    let installed_base = installed_base(conn, customer_id, today)?;
    Ok(Plan {
        pay_available: true,
        alc: (!installed_base.is_empty()).then_some(AlcCoverage { installed_base }),
        sbp: sbp(conn, customer_id, &today_text, currency)?,
        sla: sla(conn, customer_id, &today_text)?,
        contacts: contacts(conn)?,
        levels,
    })
}

/// The levels the customer holds on `today`.
pub fn held_levels(
    conn: &Connection,
    customer_id: i64,
    today: &str,
) -> Result<Vec<Level>, ApiError> {
    Ok(levels_in_force(conn, customer_id, today)?
        .into_iter()
        .map(|holding| holding.level)
        .collect())
}

pub fn levels_in_force(
    conn: &Connection,
    customer_id: i64,
    today: &str,
) -> Result<Vec<LevelHolding>, ApiError> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT level, since, until FROM customer_levels
         WHERE customer_id = :customer AND ",
        in_force!(),
        " ORDER BY CASE level WHEN 'alc' THEN 0 WHEN 'pay' THEN 1 WHEN 'sbp' THEN 2 ELSE 3 END"
    ))?;
    let rows = stmt.query_map(
        rusqlite::named_params! {":customer": customer_id, ":today": today},
        |row| {
            Ok(LevelHolding {
                level: row.get::<_, Code<Level>>(0)?.0,
                since: row.get(1)?,
                until: row.get(2)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every licence, covered or not: a lapsed one is exactly what the customer should see.
pub fn installed_base(
    conn: &Connection,
    customer_id: i64,
    today: Date,
) -> Result<Vec<Licence>, ApiError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, product, licence_type, quantity, maintenance_start, maintenance_end
         FROM licences WHERE customer_id = ?1
         ORDER BY maintenance_end DESC, product",
    )?;
    let rows = stmt.query_map([customer_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, u32>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut licences = Vec::new();
    for row in rows {
        let (id, product, licence_type, quantity, maintenance_start, maintenance_end) = row?;
        let days_left = (parse_day(&maintenance_end)? - today).whole_days();
        licences.push(Licence {
            id,
            product,
            licence_type,
            quantity,
            maintenance_start,
            maintenance_end,
            status: CoverageStatus::from_days_left(days_left),
        });
    }
    Ok(licences)
}

/// The maintenance end of the customer's licence, `None` when it is not the customer's.
pub fn licence_end(
    conn: &Connection,
    customer_id: i64,
    id: i64,
) -> Result<Option<String>, ApiError> {
    Ok(conn
        .prepare_cached("SELECT maintenance_end FROM licences WHERE id = ?1 AND customer_id = ?2")?
        .query_row(params![id, customer_id], |row| row.get(0))
        .optional()?)
}

pub fn sbp(
    conn: &Connection,
    customer_id: i64,
    today: &str,
    currency: Currency,
) -> Result<Option<SbpSubscription>, ApiError> {
    Ok(conn
        .prepare_cached(concat!(
            "SELECT since, low_balance_threshold_minor FROM sbp_subscriptions
             WHERE customer_id = :customer AND ",
            in_force!(),
            " ORDER BY since DESC LIMIT 1"
        ))?
        .query_row(
            rusqlite::named_params! {":customer": customer_id, ":today": today},
            |row| {
                Ok(SbpSubscription {
                    since: row.get(0)?,
                    low_balance_threshold: Money::new(row.get(1)?, currency),
                })
            },
        )
        .optional()?)
}

pub fn sla(
    conn: &Connection,
    customer_id: i64,
    today: &str,
) -> Result<Option<SlaContract>, ApiError> {
    let contract = conn
        .prepare_cached(concat!(
            "SELECT id, reference, since, until, weekdays, opens, closes, time_zone
             FROM sla_contracts WHERE customer_id = :customer AND ",
            in_force!(),
            " ORDER BY since DESC LIMIT 1"
        ))?
        .query_row(
            rusqlite::named_params! {":customer": customer_id, ":today": today},
            |row| {
                let id: i64 = row.get(0)?;
                let contract = SlaContract {
                    reference: row.get(1)?,
                    since: row.get(2)?,
                    until: row.get(3)?,
                    reaction_targets: Vec::new(),
                    business_hours: BusinessHours {
                        weekdays: Vec::new(),
                        opens: row.get(5)?,
                        closes: row.get(6)?,
                        time_zone: row.get(7)?,
                    },
                };
                Ok((id, row.get::<_, String>(4)?, contract))
            },
        )
        .optional()?;
    let Some((id, weekdays, mut contract)) = contract else {
        return Ok(None);
    };
    contract.business_hours.weekdays = parse_weekdays(&weekdays)?;
    let mut stmt = conn.prepare_cached(
        "SELECT priority, minutes FROM sla_reaction_targets WHERE contract_id = ?1
         ORDER BY CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1
                                WHEN 'normal' THEN 2 ELSE 3 END",
    )?;
    let targets = stmt.query_map(params![id], |row| {
        Ok(ReactionTarget {
            priority: row.get::<_, Code<Priority>>(0)?.0,
            minutes: row.get(1)?,
        })
    })?;
    contract.reaction_targets = targets.collect::<Result<_, _>>()?;
    Ok(Some(contract))
}

fn contacts(conn: &Connection) -> Result<Contacts, ApiError> {
    let contacts = conn
        .prepare_cached(
            "SELECT hotline_phone, hotline_email, hours_weekdays, hours_opens, hours_closes,
                    hours_time_zone, manager_name, manager_phone, manager_email
             FROM support_contacts WHERE id = 1",
        )?
        .query_row([], |row| {
            let hours = BusinessHours {
                weekdays: Vec::new(),
                opens: row.get(3)?,
                closes: row.get(4)?,
                time_zone: row.get(5)?,
            };
            let contacts = Contacts {
                hotline: Hotline {
                    phone: row.get(0)?,
                    email: row.get(1)?,
                    hours,
                },
                technical_manager: Contact {
                    name: row.get(6)?,
                    phone: row.get(7)?,
                    email: row.get(8)?,
                },
            };
            Ok((row.get::<_, String>(2)?, contacts))
        })
        .optional()?;
    let (weekdays, mut contacts) =
        contacts.ok_or_else(|| ApiError::broken("support_contacts has no row"))?;
    contacts.hotline.hours.weekdays = parse_weekdays(&weekdays)?;
    Ok(contacts)
}

/// ISO weekdays stored as `1,2,3,4,5`.
fn parse_weekdays(text: &str) -> Result<Vec<u8>, ApiError> {
    text.split(',')
        .map(|day| match day.trim().parse::<u8>() {
            Ok(n @ 1..=7) => Ok(n),
            _ => Err(ApiError::broken(format!("stored weekdays {text:?}"))),
        })
        .collect()
}

/// The inverse of [`parse_weekdays`], for the seed.
pub fn format_weekdays(days: &[u8]) -> String {
    days.iter().map(u8::to_string).collect::<Vec<_>>().join(",")
}
