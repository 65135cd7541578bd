//! Strojírny Hradec (CZK, ALC + SBP + SLA), comfortably above its 40 000 CZK threshold.
//!
//! Blocks: 150 000 CZK bought 365 days ago, valid 270 days, expired with 36 946 CZK
//! written off; 150 000 CZK bought 200 days ago, expiring in 39 days with 76 050 left
//! (the forecast shows part of it lapsing); 100 000 CZK bought 15 days ago. Balance
//! 176 050 CZK. A goodwill adjustment of +5 950 CZK.
//! SLA: Tomáš's high-priority hotline ticket is 150 business minutes past its reaction
//! target; Jana's normal one is due 120 business minutes after the seed time. Every other
//! open request has had its first reaction.

use support_api::catalog::TrainingLocation;
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::RequestDetails;

use crate::business_time::BusinessHours;
use crate::seed::catalog::office_hours;
use crate::seed::drafts::{course, custom_training, hotline, onsite, remote, work};
use crate::seed::error::SeedError;
use crate::seed::seeder::Seeder;
use crate::seed::story::{Person, Story};

const SITE: &str = "Průmyslová 1500, 500 02 Hradec Králové";

/// Business minutes past the target of the overdue request, and left on the one due soon.
pub const OVERDUE_BY_MINUTES: u32 = 150;
pub const DUE_IN_MINUTES: u32 = 120;

pub fn strojirny_hradec(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let jana = Person::find(s, "admin@strojirny-hradec.demo")?;
    let tomas = Person::find(s, "technik@strojirny-hradec.demo")?;
    let enovia = s.licence(
        customer,
        "3DEXPERIENCE ENOVIA Collaborative Industry Innovator",
    )?;
    let designer = s.licence(customer, "3DEXPERIENCE CATIA Mechanical Designer")?;
    let hd2 = s.licence(customer, "CATIA V5 HD2 (Hybrid Design)")?;
    let expected = |m| Some(m);
    let admin = Some(&jana);
    let mut story = Story::new(s, customer, Currency::Czk);
    story
        .top_up(s.at(365, 9, 0), 150_000, 270)
        .top_up(s.at(200, 9, 0), 150_000, 240)
        .top_up(s.at(15, 9, 0), 100_000, 365);

    story
        .finished(
            "platform",
            &jana,
            None,
            330,
            work(
                "3DEXPERIENCE platform deployment, phase 1",
                "Install the on-premise platform, connect the directory and migrate the pilot projects.",
                RequestDetails::Deployment {
                    expected_minutes: expected(2_400),
                },
            ),
            &[(10, 1_200), (11, 1_200)],
        )
        .finished(
            "lifecycle",
            &tomas,
            admin,
            250,
            remote(
                "ENOVIA lifecycle configuration",
                "Configure the release lifecycle and the approval routes for drawings.",
                s.days(-249),
                expected(600),
            ),
            &[(1, 300), (2, 300)],
        )
        .finished(
            "workstations",
            &jana,
            None,
            200,
            onsite(
                "Machine shop CATIA workstation set-up",
                "Set up CATIA on the four new machine shop workstations.",
                SITE,
                s.days(-195),
                expected(480),
            ),
            &[(5, 480)],
        )
        .finished(
            "change-management",
            &jana,
            None,
            85,
            work(
                "Change management process analysis",
                "Analyse how engineering changes travel from design to the shop floor.",
                RequestDetails::ProcessAnalysis {
                    expected_minutes: expected(1_200),
                },
            ),
            &[(1, 480), (2, 480), (3, 240)],
        )
        .finished(
            "nc-macro",
            &tomas,
            admin,
            60,
            work(
                "NC programme export macro",
                "Export NC programmes with the tool list in the machine's format.",
                RequestDetails::MacroDevelopment {
                    expected_minutes: expected(1_080),
                },
            ),
            &[(2, 480), (3, 480), (4, 120)],
        )
        .finished(
            "surface-training",
            &jana,
            None,
            40,
            custom_training(
                "CATIA surface design for tooling engineers",
                "Class-A surfaces for press tools",
                3,
                s.days(-33),
            ),
            &[(7, 480)],
        )
        .adjust(
            s.at(25, 11, 0),
            5_950,
            "Goodwill: half a training day credited for the trainer's late start",
        )
        .finished(
            "failover",
            &jana,
            None,
            20,
            work(
                "Licence server failover test",
                "Test the switch to the backup licence server before the audit.",
                RequestDetails::ReinstallationAdmin {
                    expected_minutes: expected(240),
                },
            ),
            &[(1, 240)],
        );

    // Open work; each has had its first reaction except the two SLA examples.
    story
        .create(
            s.at(10, 8, 30),
            "abaqus-basics",
            &tomas,
            custom_training(
                "Abaqus basics for the calculation team",
                "Linear static analysis in Abaqus/Standard",
                2,
                s.days(-3),
            ),
        )
        .decline(
            s.at(10, 12, 0),
            "abaqus-basics",
            &jana,
            "Not this quarter; plan it for the spring together with the licence renewal.",
        )
        .create(
            s.at(6, 9, 0),
            "robot-cell",
            &jana,
            onsite(
                "Robot cell commissioning support",
                "Support the commissioning of the welding robot cell: offline programmes and fixtures.",
                SITE,
                s.days(10),
                expected(960),
            ),
        )
        .schedule(s.at(5, 8, 30), "robot-cell", s.days(10))
        .create(s.at(4, 8, 20), "hd2-export", &tomas, {
            let mut r = remote(
                "CATIA HD2 surface export crashes",
                "Exporting the die surfaces to STEP crashes CATIA on every workstation.",
                s.days(-3),
                expected(240),
            );
            r.licence_id = Some(hd2);
            r.priority = Priority::High;
            r
        })
        .approve(s.at(4, 8, 40), "hd2-export", &jana)
        .log(s.at(3, 9, 0), "hd2-export", 120, Some("Reproduced; waiting for a hotfix"))
        .escalate(s.at(3, 9, 30), "hd2-export", "SR01843077")
        .create(s.at(2, 11, 0), "platform-course", &jana, {
            let date = s.course_date_id("3DX-BASICS", 9)?;
            course(
                "3DEXPERIENCE Platform Basics for the planners",
                "Four production planners start working in the platform.",
                date,
                4,
                TrainingLocation::TrainingRoom,
            )
        })
        .staff_comment(
            s.at(2, 13, 0),
            "platform-course",
            "Four seats are reserved in the training room.",
        );

    // The SLA examples: created so that, counted in business time, one is past its
    // target and one is due shortly, whenever the seed runs.
    let hours = BusinessHours::from_contract(&office_hours())
        .ok_or_else(|| SeedError::Step("office hours".into()))?;
    let now = s.now();
    story
        .create(
            hours.sub_minutes(now, 240 + OVERDUE_BY_MINUTES),
            "change-stuck",
            &tomas,
            hotline(
                "ENOVIA change action stuck in review",
                "Change action CA-0412 stays in review although every approver has signed.",
                Priority::High,
                Some(enovia),
            ),
        )
        .create(
            hours.sub_minutes(now, 480 - DUE_IN_MINUTES),
            "cannot-save",
            &jana,
            hotline(
                "Cannot save to the collaborative space",
                "Saving a product to the Tooling space fails with a permission error.",
                Priority::Normal,
                Some(designer),
            ),
        );
    story.play()?;
    Ok(())
}
