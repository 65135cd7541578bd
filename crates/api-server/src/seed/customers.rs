//! The demo customers, one function each (guide section 3). Companies, people, addresses
//! and numbers are fictional.

use support_api::money::Currency;
use support_api::plan::{Level, Priority};
use support_api::session::{Language, Role};

use super::catalog::office_hours;
use super::error::SeedError;
use super::seeder::Seeder;
use super::seeder::{LicenceSeed, SlaSeed};

/// ALC + SBP, comfortably funded; one licence expiring soon and one lapsed.
pub fn kowalski_aero(s: &Seeder) -> Result<i64, SeedError> {
    let id = s.customer(
        "Kowalski Aero Sp. z o.o.",
        "PL",
        Currency::Pln,
        Language::Pl,
    )?;
    s.user(id, "admin@kowalski-aero.demo", "Anna Kowalska", Role::Admin)?;
    s.user(
        id,
        "inzynier@kowalski-aero.demo",
        "Piotr Nowak",
        Role::Member,
    )?;
    s.installed_base(
        id,
        &[
            LicenceSeed {
                product: "CATIA V5 MD2 (Mechanical Design)",
                licence_type: "floating",
                quantity: 4,
                maintenance_end: s.months(8),
            },
            LicenceSeed {
                product: "SOLIDWORKS Premium",
                licence_type: "node_locked",
                quantity: 3,
                maintenance_end: s.days(40),
            },
            LicenceSeed {
                product: "DELMIA Process Planning",
                licence_type: "floating",
                quantity: 1,
                maintenance_end: s.months(-2),
            },
        ],
    )?;
    s.sbp(id, s.months(-14), 5_000 * 100)?;
    Ok(id)
}

/// ALC + SBP + SLA, the customer with reaction targets.
pub fn strojirny_hradec(s: &Seeder) -> Result<i64, SeedError> {
    let id = s.customer("Strojírny Hradec a.s.", "CZ", Currency::Czk, Language::Cs)?;
    s.user(
        id,
        "admin@strojirny-hradec.demo",
        "Jana Dvořáková",
        Role::Admin,
    )?;
    s.user(
        id,
        "technik@strojirny-hradec.demo",
        "Tomáš Svoboda",
        Role::Member,
    )?;
    s.installed_base(
        id,
        &[
            LicenceSeed {
                product: "3DEXPERIENCE CATIA Mechanical Designer",
                licence_type: "named_user",
                quantity: 5,
                maintenance_end: s.months(10),
            },
            LicenceSeed {
                product: "3DEXPERIENCE ENOVIA Collaborative Industry Innovator",
                licence_type: "named_user",
                quantity: 8,
                maintenance_end: s.months(10),
            },
            LicenceSeed {
                product: "CATIA V5 HD2 (Hybrid Design)",
                licence_type: "floating",
                quantity: 2,
                maintenance_end: s.days(25),
            },
            LicenceSeed {
                product: "SIMULIA Abaqus/Standard",
                licence_type: "floating",
                quantity: 1,
                maintenance_end: s.days(-20),
            },
        ],
    )?;
    s.sbp(id, s.months(-20), 40_000 * 100)?;
    let since = s.months(-12);
    s.sla(
        id,
        &SlaSeed {
            reference: "SLA-2025-014",
            since,
            until: Some(s.months(12)),
            reaction_minutes: [
                (Priority::Critical, 120),
                (Priority::High, 240),
                (Priority::Normal, 480),
                (Priority::Low, 960),
            ],
            hours: &office_hours(),
        },
    )?;
    Ok(id)
}

/// ALC only: two covered licences, no prepaid credit.
pub fn tatra_forming(s: &Seeder) -> Result<i64, SeedError> {
    let id = s.customer("Tatra Forming s.r.o.", "SK", Currency::Eur, Language::Sk)?;
    s.user(id, "admin@tatra-forming.demo", "Martin Kováč", Role::Admin)?;
    s.installed_base(
        id,
        &[
            LicenceSeed {
                product: "SOLIDWORKS Professional",
                licence_type: "node_locked",
                quantity: 2,
                maintenance_end: s.months(5),
            },
            LicenceSeed {
                product: "SOLIDWORKS Simulation Premium",
                licence_type: "node_locked",
                quantity: 1,
                maintenance_end: s.months(5),
            },
        ],
    )?;
    Ok(id)
}

/// Not a licence customer: PAY only, so no ALC and no installed base.
pub fn northbridge_tooling(s: &Seeder) -> Result<i64, SeedError> {
    let id = s.customer("Northbridge Tooling Ltd", "GB", Currency::Eur, Language::En)?;
    s.user(id, "buyer@northbridge.demo", "Oliver Hughes", Role::Admin)?;
    s.level(id, Level::Pay, Some(s.months(-3)), None)?;
    Ok(id)
}

/// The benchmark customer (`reset-demo --scale`): ALC + SBP. Its ledger and requests come
/// with the migrations that add those tables.
pub fn scale_test(s: &Seeder) -> Result<i64, SeedError> {
    let id = s.customer("Scale Test s.r.o.", "CZ", Currency::Czk, Language::Cs)?;
    s.user(id, "admin@scale.demo", "Scale Admin", Role::Admin)?;
    s.installed_base(
        id,
        &[
            LicenceSeed {
                product: "CATIA V5 MD2 (Mechanical Design)",
                licence_type: "floating",
                quantity: 10,
                maintenance_end: s.months(6),
            },
            LicenceSeed {
                product: "SOLIDWORKS Premium",
                licence_type: "node_locked",
                quantity: 25,
                maintenance_end: s.months(9),
            },
            LicenceSeed {
                product: "3DEXPERIENCE CATIA Mechanical Designer",
                licence_type: "named_user",
                quantity: 40,
                maintenance_end: s.months(11),
            },
        ],
    )?;
    s.sbp(id, s.months(-24), 20_000 * 100)?;
    Ok(id)
}
