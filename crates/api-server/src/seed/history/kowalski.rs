//! Kowalski Aero (PLN, ALC + SBP), below its 5 000 PLN threshold.
//!
//! Blocks: 12 000 PLN bought 360 days ago, valid 180 days, expired with 2 191 PLN
//! written off; 20 000 PLN bought 200 days ago (older, 1 300 left); 2 000 PLN bought 12
//! days ago (recent, untouched). Balance 3 300 PLN. A goodwill adjustment of +204 PLN.
//! Open: a course (Anna), an approved on-site visit (Piotr, scheduled), a remote
//! intervention in progress (Piotr), an ALC hotline ticket (Anna), a DELMIA hotline
//! ticket on a lapsed licence, so PAY (Piotr), a macro awaiting approval (Piotr).

use support_api::catalog::TrainingLocation;
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::RequestDetails;

use crate::seed::drafts::{course, custom_training, hotline, onsite, remote, work};
use crate::seed::error::SeedError;
use crate::seed::seeder::Seeder;
use crate::seed::story::{Person, Story};

const SITE: &str = "ul. Lotnicza 12, 35-001 Rzeszów";

pub fn kowalski_aero(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let anna = Person::find(s, "admin@kowalski-aero.demo")?;
    let piotr = Person::find(s, "inzynier@kowalski-aero.demo")?;
    let solidworks = s.licence(customer, "SOLIDWORKS Premium")?;
    let delmia = s.licence(customer, "DELMIA Process Planning")?;
    let catia = s.licence(customer, "CATIA V5 MD2 (Mechanical Design)")?;
    let mut story = Story::new(s, customer, Currency::Pln);
    story
        .top_up(s.at(360, 9, 0), 12_000, 180)
        .top_up(s.at(200, 9, 0), 20_000, 365)
        .top_up(s.at(12, 9, 0), 2_000, 365);

    // A year of finished work: 9 809 PLN from the first block, the rest from the second.
    let admin = Some(&anna);
    let expected = |m| Some(m);
    story
        .finished(
            "migration",
            &anna,
            None,
            340,
            work(
                "Licence server migration to a new virtual machine",
                "Move the FlexNet licence server to the new VM and retire the old host.",
                RequestDetails::ReinstallationAdmin {
                    expected_minutes: expected(300),
                },
            ),
            &[(2, 180), (3, 120)],
        )
        .finished(
            "upgrade",
            &piotr,
            admin,
            300,
            remote(
                "CATIA V5 upgrade on four workstations",
                "Upgrade the design office's workstations to the current CATIA V5 release.",
                s.days(-299),
                expected(420),
            ),
            &[(1, 240), (2, 180)],
        )
        .finished(
            "sheet-metal",
            &anna,
            None,
            270,
            custom_training(
                "CATIA V5 sheet metal workshop",
                "Sheet metal design for the airframe brackets",
                3,
                s.days(-263),
            ),
            &[(7, 960)],
        )
        .finished(
            "title-block",
            &piotr,
            admin,
            190,
            work(
                "Drawing title block update macro",
                "Update the title blocks of existing drawings to the new company layout.",
                RequestDetails::MacroDevelopment {
                    expected_minutes: expected(360),
                },
            ),
            &[(1, 360)],
        )
        .finished(
            "release-review",
            &anna,
            None,
            170,
            work(
                "Design release process review",
                "Review how drawings are checked and released, and propose a leaner flow.",
                RequestDetails::ProcessAnalysis {
                    expected_minutes: expected(600),
                },
            ),
            &[(1, 240), (2, 240), (3, 180)],
        )
        .finished(
            "fixture-library",
            &piotr,
            admin,
            140,
            onsite(
                "Fixture library set-up on site",
                "Set up the shared fixture library on the shop-floor workstations.",
                SITE,
                s.days(-135),
                expected(480),
            ),
            &[(5, 480)],
        )
        .finished(
            "vault-clean-up",
            &anna,
            None,
            110,
            remote(
                "PDM vault permissions clean-up",
                "Remove stale accounts and fix folder permissions in the vault.",
                s.days(-109),
                expected(180),
            ),
            &[(1, 150), (2, 60)],
        )
        .adjust(
            s.at(90, 11, 0),
            204,
            "Goodwill: 1 h of the PDM vault permissions clean-up was logged twice",
        )
        .finished(
            "bom-fix",
            &piotr,
            admin,
            95,
            work(
                "BOM export script fix",
                "The BOM export stopped writing the material column.",
                RequestDetails::MacroDevelopment {
                    expected_minutes: expected(240),
                },
            ),
            &[(1, 240)],
        )
        .finished(
            "drawings-refresher",
            &anna,
            None,
            60,
            custom_training(
                "SOLIDWORKS drawings refresher",
                "Drawing standards and annotations for the new hires",
                3,
                s.days(-53),
            ),
            &[(7, 480)],
        )
        .finished(
            "robot-cell-2",
            &piotr,
            admin,
            45,
            onsite(
                "Robot cell fixture design support",
                "Help the tooling team model the second robot cell's fixtures.",
                SITE,
                s.days(-42),
                expected(960),
            ),
            &[(3, 480), (4, 480)],
        )
        .finished(
            "eco-workflow",
            &anna,
            None,
            30,
            work(
                "Engineering change order workflow analysis",
                "Map the ECO workflow between design and production planning.",
                RequestDetails::ProcessAnalysis {
                    expected_minutes: expected(900),
                },
            ),
            &[(1, 300), (2, 300), (3, 300)],
        )
        .finished(
            "reinstall",
            &piotr,
            admin,
            20,
            work(
                "Reinstall CATIA on the replaced workstation",
                "The workstation of the stress office was replaced; reinstall and license CATIA.",
                RequestDetails::ReinstallationAdmin {
                    expected_minutes: expected(240),
                },
            ),
            &[(1, 240)],
        );

    // Open work.
    let licence_server = remote(
        "Licence server does not start after Windows update",
        "Since last night's update the licence service stops at start-up.",
        s.days(-4),
        expected(120),
    );
    story
        .create(s.at(5, 8, 45), "duplicate", &piotr, {
            let mut r = licence_server.clone();
            r.title = "Licence server does not start (sent twice)".into();
            r
        })
        .cancel(s.at(5, 9, 0), "duplicate", &piotr)
        .create(s.at(5, 8, 50), "licence-server", &piotr, {
            let mut r = licence_server;
            r.licence_id = Some(catia);
            r.priority = Priority::High;
            r
        })
        .approve(s.at(5, 9, 10), "licence-server", &anna)
        .log(
            s.at(4, 13, 0),
            "licence-server",
            90,
            Some("Rolled back the service update"),
        )
        .create(
            s.at(3, 9, 0),
            "robot-cell-visit",
            &piotr,
            onsite(
                "Robot cell fixture library — on-site visit",
                "Bring the fixture library to the new robot cell and train two operators.",
                SITE,
                s.days(6),
                expected(480),
            ),
        )
        .approve(s.at(3, 11, 0), "robot-cell-visit", &anna)
        .schedule(s.at(2, 10, 0), "robot-cell-visit", s.days(6))
        .create(
            s.at(2, 10, 0),
            "delmia-import",
            &piotr,
            hotline(
                "DELMIA process plan import fails",
                "Importing the process plan from the MES stops with an error at step 3.",
                Priority::Normal,
                Some(delmia),
            ),
        )
        .create(s.at(2, 10, 30), "solidworks-essentials", &anna, {
            let date = s.course_date_id("SW-ESS", 7)?;
            course(
                "SOLIDWORKS Essentials for two new designers",
                "Two designers start next month and need the basics.",
                date,
                2,
                TrainingLocation::Online,
            )
        })
        .staff_comment(
            s.at(1, 9, 0),
            "solidworks-essentials",
            "Two seats are reserved; the joining instructions follow a week before the course.",
        )
        .create(
            s.at(1, 10, 30),
            "bom-macro",
            &piotr,
            work(
                "BOM export macro for the ERP system",
                "Export the assembly BOM straight into the ERP's import format.",
                RequestDetails::MacroDevelopment {
                    expected_minutes: expected(960),
                },
            ),
        )
        .create(
            s.at(1, 14, 0),
            "assembly-crash",
            &anna,
            hotline(
                "SOLIDWORKS crashes when opening large assemblies",
                "Assemblies above 2 000 parts close SOLIDWORKS without a message.",
                Priority::High,
                Some(solidworks),
            ),
        )
        .comment(
            s.at(1, 14, 20),
            "assembly-crash",
            &anna,
            "It happens with the landing gear assembly too; the log file is attached to our share.",
        );
    story.play()?;
    Ok(())
}
