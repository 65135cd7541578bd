//! Small typed inserts the seed functions are written with, and dates relative to the
//! seed day.

use rusqlite::{Connection, params};
use support_api::catalog::{Billing, ServiceCode, TrainingLocation};
use support_api::money::Currency;
use support_api::plan::{BusinessHours, Level, Priority};
use support_api::session::{Language, Role};
use time::Date;

use super::error::SeedError;
use crate::auth::password;
use crate::db::codec::Code;
use crate::db::plan::format_weekdays;
use crate::time_util::{add_days, add_months, format_day};

/// Every demo account's password.
pub const DEMO_PASSWORD: &str = "portal-demo";

pub struct Seeder<'c> {
    conn: &'c Connection,
    today: Date,
    /// The seed's instant (unix seconds); `today` is its UTC day.
    now: i64,
}

/// A licence as the seed describes it; its maintenance year ends on `maintenance_end`.
pub struct LicenceSeed<'a> {
    pub product: &'a str,
    pub licence_type: &'a str,
    pub quantity: u32,
    pub maintenance_end: Date,
}

pub struct SlaSeed<'a> {
    pub reference: &'a str,
    pub since: Date,
    pub until: Option<Date>,
    pub reaction_minutes: [(Priority, u32); 4],
    pub hours: &'a BusinessHours,
}

impl<'c> Seeder<'c> {
    /// A seeder acting at `now` (unix seconds).
    pub fn new(conn: &'c Connection, now: i64) -> Self {
        Seeder {
            conn,
            today: crate::time_util::day_of(now),
            now,
        }
    }

    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    pub fn today(&self) -> Date {
        self.today
    }

    /// `hour:minute` UTC on the day `days_ago` days before the seed day.
    pub fn at(&self, days_ago: i64, hour: i64, minute: i64) -> i64 {
        crate::time_util::start_of_day(self.days(-days_ago)) + hour * 3600 + minute * 60
    }

    /// A user's id, name and role by e-mail.
    pub fn person(&self, email: &str) -> Result<(i64, String, Role), SeedError> {
        Ok(self.conn.query_row(
            "SELECT id, name, role FROM users WHERE email = ?1",
            [email],
            |row| Ok((row.get(0)?, row.get(1)?, row.get::<_, Code<Role>>(2)?.0)),
        )?)
    }

    /// The id of a customer's licence of `product`.
    pub fn licence(&self, customer: i64, product: &str) -> Result<i64, SeedError> {
        Ok(self.conn.query_row(
            "SELECT id FROM licences WHERE customer_id = ?1 AND product = ?2",
            params![customer, product],
            |row| row.get(0),
        )?)
    }

    /// The id of the date of course `code` that starts `weeks` weeks from the seed day
    /// (moved to a Monday, as the catalog seed places them).
    pub fn course_date_id(&self, code: &str, weeks: i64) -> Result<i64, SeedError> {
        let starts_on = crate::time_util::monday_on_or_after(self.days(weeks * 7));
        Ok(self.conn.query_row(
            "SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id
             WHERE c.code = ?1 AND d.starts_on = ?2",
            params![code, format_day(starts_on)],
            |row| row.get(0),
        )?)
    }

    /// The seed day shifted by whole months (negative: in the past).
    pub fn months(&self, months: i32) -> Date {
        add_months(self.today, months)
    }

    pub fn days(&self, days: i64) -> Date {
        add_days(self.today, days)
    }

    pub fn customer(
        &self,
        name: &str,
        country: &str,
        currency: Currency,
        language: Language,
    ) -> Result<i64, SeedError> {
        self.conn.execute(
            "INSERT INTO customers (name, country, currency, language) VALUES (?1, ?2, ?3, ?4)",
            params![name, country, Code(currency), Code(language)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A user with the demo password, hashed with its own salt.
    pub fn user(
        &self,
        customer: i64,
        email: &str,
        name: &str,
        role: Role,
    ) -> Result<i64, SeedError> {
        let hash = password::hash(DEMO_PASSWORD)?;
        self.conn.execute(
            "INSERT INTO users (customer_id, email, name, role, password_hash)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![customer, email.to_lowercase(), name, Code(role), hash],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn level(
        &self,
        customer: i64,
        level: Level,
        since: Option<Date>,
        until: Option<Date>,
    ) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO customer_levels (customer_id, level, since, until) VALUES (?1, ?2, ?3, ?4)",
            params![customer, Code(level), since.map(format_day), until.map(format_day)],
        )?;
        Ok(())
    }

    /// Inserts the licences and holds ALC for the maintenance year of the one whose
    /// maintenance runs longest: the period the annual fee was last paid for.
    pub fn installed_base(
        &self,
        customer: i64,
        licences: &[LicenceSeed<'_>],
    ) -> Result<(), SeedError> {
        for licence in licences {
            self.conn.execute(
                "INSERT INTO licences (customer_id, product, licence_type, quantity,
                                       maintenance_start, maintenance_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    customer,
                    licence.product,
                    licence.licence_type,
                    licence.quantity,
                    format_day(maintenance_start(licence.maintenance_end)),
                    format_day(licence.maintenance_end)
                ],
            )?;
        }
        if let Some(end) = licences.iter().map(|l| l.maintenance_end).max() {
            self.level(
                customer,
                Level::Alc,
                Some(maintenance_start(end)),
                Some(end),
            )?;
        }
        Ok(())
    }

    /// Holds SBP from `since` with a low-balance threshold in the customer's currency.
    pub fn sbp(&self, customer: i64, since: Date, threshold_minor: i64) -> Result<(), SeedError> {
        self.level(customer, Level::Sbp, Some(since), None)?;
        self.conn.execute(
            "INSERT INTO sbp_subscriptions (customer_id, since, low_balance_threshold_minor)
             VALUES (?1, ?2, ?3)",
            params![customer, format_day(since), threshold_minor],
        )?;
        Ok(())
    }

    /// Holds SLA for the contract's period, with its reaction targets and business hours.
    pub fn sla(&self, customer: i64, sla: &SlaSeed<'_>) -> Result<(), SeedError> {
        self.level(customer, Level::Sla, Some(sla.since), sla.until)?;
        self.conn.execute(
            "INSERT INTO sla_contracts (customer_id, reference, since, until,
                                        weekdays, opens, closes, time_zone)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                customer,
                sla.reference,
                format_day(sla.since),
                sla.until.map(format_day),
                format_weekdays(&sla.hours.weekdays),
                sla.hours.opens,
                sla.hours.closes,
                sla.hours.time_zone
            ],
        )?;
        let contract = self.conn.last_insert_rowid();
        for (priority, minutes) in sla.reaction_minutes {
            self.conn.execute(
                "INSERT INTO sla_reaction_targets (contract_id, priority, minutes) VALUES (?1, ?2, ?3)",
                params![contract, Code(priority), minutes],
            )?;
        }
        Ok(())
    }

    pub fn contacts(
        &self,
        hotline: (&str, &str),
        hours: &BusinessHours,
        manager: (&str, &str, &str),
    ) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO support_contacts (id, hotline_phone, hotline_email, hours_weekdays,
                 hours_opens, hours_closes, hours_time_zone, manager_name, manager_phone,
                 manager_email)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                hotline.0,
                hotline.1,
                format_weekdays(&hours.weekdays),
                hours.opens,
                hours.closes,
                hours.time_zone,
                manager.0,
                manager.1,
                manager.2
            ],
        )?;
        Ok(())
    }

    pub fn service(
        &self,
        code: ServiceCode,
        billing: Billing,
        position: u32,
    ) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO services (code, billing, position) VALUES (?1, ?2, ?3)",
            params![Code(code), Code(billing), position],
        )?;
        Ok(())
    }

    pub fn rate(
        &self,
        code: ServiceCode,
        currency: Currency,
        pay_minor: i64,
        sbp_minor: i64,
    ) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO service_rates (service_code, currency, pay_rate_minor, sbp_rate_minor)
             VALUES (?1, ?2, ?3, ?4)",
            params![Code(code), Code(currency), pay_minor, sbp_minor],
        )?;
        Ok(())
    }

    pub fn level_includes(&self, level: Level, code: ServiceCode) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO level_services (level, service_code) VALUES (?1, ?2)",
            params![Code(level), Code(code)],
        )?;
        Ok(())
    }

    pub fn course(
        &self,
        code: &str,
        title: &str,
        product: &str,
        days: u32,
        max_participants: u32,
    ) -> Result<i64, SeedError> {
        self.conn.execute(
            "INSERT INTO courses (code, title, product, days, max_participants)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![code, title, product, days, max_participants],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn course_price(
        &self,
        course: i64,
        currency: Currency,
        minor: i64,
    ) -> Result<(), SeedError> {
        self.conn.execute(
            "INSERT INTO course_prices (course_id, currency, price_per_participant_minor)
             VALUES (?1, ?2, ?3)",
            params![course, Code(currency), minor],
        )?;
        Ok(())
    }

    pub fn course_date(
        &self,
        course: i64,
        starts_on: Date,
        days: u32,
        location: TrainingLocation,
        seats_left: u32,
    ) -> Result<(), SeedError> {
        let ends_on = add_days(starts_on, i64::from(days) - 1);
        self.conn.execute(
            "INSERT INTO course_dates (course_id, starts_on, ends_on, location, seats_left)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                course,
                format_day(starts_on),
                format_day(ends_on),
                Code(location),
                seats_left
            ],
        )?;
        Ok(())
    }
}

/// The first day of the maintenance year that ends on `end`.
fn maintenance_start(end: Date) -> Date {
    add_days(add_months(end, -12), 1)
}
