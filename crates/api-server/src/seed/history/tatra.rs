//! Tatra Forming (EUR, ALC only): hotline tickets included in ALC, everything else on a
//! PAY invoice. No credit.

use support_api::money::Currency;
use support_api::plan::Priority;

use crate::seed::drafts::{custom_training, hotline, onsite, remote};
use crate::seed::error::SeedError;
use crate::seed::seeder::Seeder;
use crate::seed::story::{Person, Story};

const SITE: &str = "Priemyselná 8, 058 01 Poprad";

pub fn tatra_forming(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let martin = Person::find(s, "admin@tatra-forming.demo")?;
    let professional = s.licence(customer, "SOLIDWORKS Professional")?;
    let simulation = s.licence(customer, "SOLIDWORKS Simulation Premium")?;
    let mut story = Story::new(s, customer, Currency::Eur);
    story
        .finished(
            "pdm-install",
            &martin,
            None,
            100,
            remote(
                "SOLIDWORKS PDM client installation on two PCs",
                "Install and connect the PDM client on the two new design PCs.",
                s.days(-99),
                Some(120),
            ),
            &[(1, 120)],
        )
        .rate(
            s.at(95, 9, 0),
            "pdm-install",
            &martin,
            5,
            Some("Quick and careful, both PCs worked the same day."),
        )
        .finished(
            "mesh",
            &martin,
            None,
            60,
            hotline(
                "Simulation study fails to mesh",
                "The die plate study stops meshing at 60 % with no error message.",
                Priority::Normal,
                Some(simulation),
            ),
            &[(0, 45)],
        )
        .create(
            s.at(3, 9, 0),
            "press-review",
            &martin,
            onsite(
                "Press tooling design review on site",
                "Review the new press tool designs with our two designers.",
                SITE,
                s.days(12),
                Some(480),
            ),
        )
        .schedule(s.at(2, 9, 0), "press-review", s.days(12))
        .create(
            s.at(3, 10, 0),
            "vault-replication",
            &martin,
            remote(
                "Configure PDM vault replication",
                "Replicate the vault to the Košice office.",
                s.days(-2),
                Some(180),
            ),
        )
        .log(s.at(2, 12, 0), "vault-replication", 60, None)
        .create(
            s.at(2, 11, 0),
            "simulation-training",
            &martin,
            custom_training(
                "SOLIDWORKS Simulation basics for two engineers",
                "Static and fatigue studies of forming tools",
                2,
                s.days(20),
            ),
        )
        .staff_comment(
            s.at(1, 9, 0),
            "simulation-training",
            "We will propose two dates in the week you asked for.",
        )
        .create(
            s.at(1, 10, 0),
            "toolbox",
            &martin,
            hotline(
                "Toolbox library missing after upgrade",
                "After the upgrade the Toolbox parts cannot be inserted into assemblies.",
                Priority::Normal,
                Some(professional),
            ),
        );
    story.play()?;
    Ok(())
}
