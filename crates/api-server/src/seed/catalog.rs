//! What the company offers, the same for every customer: contacts, services with their
//! rates, what each level includes, and training courses with dates.

use support_api::catalog::{Billing, ServiceCode, TrainingLocation};
use support_api::money::Currency;
use support_api::plan::{BusinessHours, Level};

use super::error::SeedError;
use super::seeder::Seeder;
use crate::time_util::monday_on_or_after;

/// Mon–Fri 08:00–16:30 in Prague: the hotline's hours and the SLA's business hours.
pub fn office_hours() -> BusinessHours {
    BusinessHours {
        weekdays: vec![1, 2, 3, 4, 5],
        opens: "08:00".into(),
        closes: "16:30".into(),
        time_zone: "Europe/Prague".into(),
    }
}

/// Fictional contacts: UK numbers from Ofcom's drama range, `.demo` addresses.
pub fn contacts(s: &Seeder) -> Result<(), SeedError> {
    s.contacts(
        ("+44 1632 960 100", "hotline@support-portal.demo"),
        &office_hours(),
        (
            "Radek Malý",
            "+44 1632 960 101",
            "manager@support-portal.demo",
        ),
    )
}

/// PAY rates in whole major units: PLN, CZK, EUR. Hourly services per hour; fixed ones
/// per job, except training, which is per participant and day.
const SERVICES: [(ServiceCode, Billing, [i64; 3]); 9] = [
    (ServiceCode::Hotline, Billing::Hourly, [220, 1_300, 55]),
    (ServiceCode::Training, Billing::Fixed, [1_200, 7_000, 290]),
    (
        ServiceCode::MacroDevelopment,
        Billing::Hourly,
        [260, 1_500, 62],
    ),
    (
        ServiceCode::Deployment,
        Billing::Fixed,
        [18_000, 105_000, 4_200],
    ),
    (
        ServiceCode::RemoteService,
        Billing::Hourly,
        [240, 1_400, 58],
    ),
    (
        ServiceCode::OnsiteService,
        Billing::Hourly,
        [300, 1_750, 72],
    ),
    (
        ServiceCode::ReinstallationAdmin,
        Billing::Hourly,
        [220, 1_300, 55],
    ),
    (
        ServiceCode::ProcessAnalysis,
        Billing::Hourly,
        [320, 1_900, 78],
    ),
    (
        ServiceCode::Methodology,
        Billing::Fixed,
        [12_000, 70_000, 2_900],
    ),
];

const CURRENCIES: [Currency; 3] = [Currency::Pln, Currency::Czk, Currency::Eur];

/// The prepaid SBP rate is 15 % below PAY, rounded to whole units.
fn sbp_rate(pay_major: i64) -> i64 {
    (pay_major * 85 + 50) / 100
}

pub fn services(s: &Seeder) -> Result<(), SeedError> {
    for (position, (code, billing, rates)) in (0u32..).zip(SERVICES) {
        s.service(code, billing, position)?;
        for (currency, pay) in CURRENCIES.into_iter().zip(rates) {
            s.rate(code, currency, pay * 100, sbp_rate(pay) * 100)?;
        }
        // ALC is the hotline. PAY is every service, the hotline included for companies
        // without ALC; SBP covers PAY's scope from credit except the hotline (which ALC or
        // the SLA covers); an SLA covers everything. `billed_as` follows the same rule.
        let levels: &[Level] = if code == ServiceCode::Hotline {
            &[Level::Alc, Level::Pay, Level::Sla]
        } else {
            &[Level::Pay, Level::Sbp, Level::Sla]
        };
        for level in levels {
            s.level_includes(*level, code)?;
        }
    }
    Ok(())
}

struct CourseSeed {
    code: &'static str,
    title: &'static str,
    product: &'static str,
    days: u32,
    max_participants: u32,
    /// Per participant for the whole course, in whole PLN, CZK, EUR.
    prices: [i64; 3],
    /// Start in weeks from the seed day (moved to a Monday), where, seats left.
    dates: &'static [(i64, TrainingLocation, u32)],
}

/// One date is already full and one is past (the catalog leaves it out).
const COURSES: [CourseSeed; 3] = [
    CourseSeed {
        code: "CATIA-V5-PDG",
        title: "CATIA V5 Part Design Fundamentals",
        product: "CATIA V5",
        days: 3,
        max_participants: 8,
        prices: [3_600, 21_000, 850],
        dates: &[
            (-4, TrainingLocation::TrainingRoom, 0),
            (2, TrainingLocation::TrainingRoom, 3),
            (6, TrainingLocation::Online, 8),
            (11, TrainingLocation::TrainingRoom, 6),
        ],
    },
    CourseSeed {
        code: "SW-ESS",
        title: "SOLIDWORKS Essentials",
        product: "SOLIDWORKS",
        days: 4,
        max_participants: 10,
        prices: [4_400, 26_000, 1_050],
        dates: &[
            (3, TrainingLocation::TrainingRoom, 0),
            (7, TrainingLocation::Online, 10),
            (12, TrainingLocation::TrainingRoom, 4),
        ],
    },
    CourseSeed {
        code: "3DX-BASICS",
        title: "3DEXPERIENCE Platform Basics",
        product: "3DEXPERIENCE",
        days: 2,
        max_participants: 12,
        prices: [2_600, 15_000, 620],
        dates: &[
            (4, TrainingLocation::Online, 7),
            (9, TrainingLocation::TrainingRoom, 12),
        ],
    },
];

pub fn courses(s: &Seeder) -> Result<(), SeedError> {
    for c in &COURSES {
        let course = s.course(c.code, c.title, c.product, c.days, c.max_participants)?;
        for (currency, price) in CURRENCIES.into_iter().zip(c.prices) {
            s.course_price(course, currency, price * 100)?;
        }
        for &(weeks, location, seats_left) in c.dates {
            let starts_on = monday_on_or_after(s.days(weeks * 7));
            s.course_date(course, starts_on, c.days, location, seats_left)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sbp_rate;

    #[test]
    fn sbp_is_fifteen_percent_below_pay() {
        assert_eq!(sbp_rate(220), 187);
        assert_eq!(sbp_rate(55), 47);
        assert_eq!(sbp_rate(105_000), 89_250);
    }
}
