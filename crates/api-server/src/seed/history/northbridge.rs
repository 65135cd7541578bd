//! Northbridge Tooling (EUR, PAY only, not a licence customer): every request is on a PAY
//! invoice, most with an estimate.

use support_api::catalog::TrainingLocation;
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::RequestDetails;

use crate::seed::drafts::{course, hotline, onsite, remote, work};
use crate::seed::error::SeedError;
use crate::seed::seeder::Seeder;
use crate::seed::story::{Person, Story};

pub fn northbridge_tooling(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let oliver = Person::find(s, "buyer@northbridge.demo")?;
    let mut story = Story::new(s, customer, Currency::Eur);
    story
        .finished(
            "licence-transfer",
            &oliver,
            None,
            40,
            remote(
                "SOLIDWORKS licence transfer to a new PC",
                "Move our SOLIDWORKS licence from the old laptop to the new workstation.",
                s.days(-39),
                Some(60),
            ),
            &[(0, 60)],
        )
        .create(
            s.at(3, 9, 0),
            "pdf-macro",
            &oliver,
            work(
                "Macro for batch PDF export of drawings",
                "Export every drawing of a project to PDF with the revision in the file name.",
                RequestDetails::MacroDevelopment {
                    expected_minutes: Some(600),
                },
            ),
        )
        .schedule(s.at(2, 15, 0), "pdf-macro", s.days(5))
        .create(
            s.at(2, 9, 30),
            "sheffield-visit",
            &oliver,
            onsite(
                "Fixture design review at our Sheffield plant",
                "A day with our fixture designers to review the new jig designs.",
                "Unit 4, Parkway Industrial Estate, Sheffield S9 3XX",
                s.days(14),
                Some(480),
            ),
        )
        .create(
            s.at(2, 10, 0),
            "licence-check",
            &oliver,
            remote(
                "Remote check of the licence manager after a network change",
                "Since the new firewall, SOLIDWORKS cannot always reach the licence manager.",
                s.days(-1),
                Some(120),
            ),
        )
        .log(s.at(1, 11, 0), "licence-check", 30, None)
        .create(s.at(1, 9, 0), "solidworks-essentials", &oliver, {
            let date = s.course_date_id("SW-ESS", 12)?;
            course(
                "SOLIDWORKS Essentials for two apprentices",
                "Two apprentices start in the design office.",
                date,
                2,
                TrainingLocation::TrainingRoom,
            )
        })
        .create(
            s.at(1, 13, 0),
            "rebuild",
            &oliver,
            hotline(
                "Drawing views lose dimensions after rebuild",
                "After a rebuild, dimensions disappear from the section views.",
                Priority::Normal,
                None,
            ),
        );
    // Priced by agreement: quoted, waiting for Oliver's decision.
    story
        .create(
            s.at(2, 11, 0),
            "pdm-rollout",
            &oliver,
            work(
                "SOLIDWORKS PDM roll-out for the design office",
                "Install the PDM server, set up the vault and its workflow, train two key users.",
                RequestDetails::Deployment {
                    expected_minutes: None,
                },
            ),
        )
        .quote(
            s.at(1, 10, 0),
            "pdm-rollout",
            3_900,
            14,
            "PDM server installation, vault and workflow set-up (two days on site) and four \
             hours of key-user training.",
        )
        // Resolved yesterday and waiting for Oliver's answer: one to confirm and rate, one
        // to reopen. Northbridge is seeded last, so the ids other customers' tests name
        // stay where they were.
        .create(
            s.at(1, 15, 0),
            "sketch-import",
            &oliver,
            hotline(
                "Sketch constraints lost after a DXF import",
                "Imported DXF sketches arrive without their constraints and dimensions.",
                Priority::Normal,
                None,
            ),
        )
        .log(
            s.at(1, 16, 0),
            "sketch-import",
            45,
            Some("Import options corrected"),
        )
        .resolve(s.at(1, 17, 0), "sketch-import")
        .create(
            s.at(1, 15, 30),
            "licence-warning",
            &oliver,
            hotline(
                "Licence warning at every start of SOLIDWORKS",
                "SOLIDWORKS warns that the licence server is unreachable, then starts anyway.",
                Priority::Low,
                None,
            ),
        )
        .log(
            s.at(1, 16, 30),
            "licence-warning",
            30,
            Some("Server name fixed in the client settings"),
        )
        .resolve(s.at(1, 17, 30), "licence-warning");
    story.play()?;
    Ok(())
}
