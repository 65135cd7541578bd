//! What the overview offers a customer to do, by the levels held.

use support_api::catalog::{BilledAs, ServiceCode, billed_as};
use support_api::plan::{Level, Plan};

/// Something the overview offers to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Report a problem to the hotline, billed as given.
    Hotline(BilledAs),
    Training(BilledAs),
    Onsite(BilledAs),
    /// Check the prepaid credit (SBP only).
    Credit,
}

/// The levels a plan holds, in the contract's order.
pub fn held_levels(plan: &Plan) -> Vec<Level> {
    Level::ALL.into_iter().filter(|&l| plan.holds(l)).collect()
}

/// What a customer holding these levels can do, each with how it is paid.
pub fn actions(levels: &[Level]) -> Vec<Action> {
    let mut list = vec![
        Action::Hotline(billed_as(levels, ServiceCode::Hotline)),
        Action::Training(billed_as(levels, ServiceCode::Training)),
        Action::Onsite(billed_as(levels, ServiceCode::OnsiteService)),
    ];
    if levels.contains(&Level::Sbp) {
        list.push(Action::Credit);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_fit_the_levels() {
        assert_eq!(
            actions(&[Level::Alc, Level::Sbp]),
            [
                Action::Hotline(BilledAs::AlcIncluded),
                Action::Training(BilledAs::SbpCredit),
                Action::Onsite(BilledAs::SbpCredit),
                Action::Credit,
            ]
        );
        assert_eq!(
            actions(&[Level::Pay]),
            [
                Action::Hotline(BilledAs::PayInvoice),
                Action::Training(BilledAs::PayInvoice),
                Action::Onsite(BilledAs::PayInvoice),
            ]
        );
        assert_eq!(
            actions(&[Level::Alc, Level::Sla])[0],
            Action::Hotline(BilledAs::SlaContract)
        );
    }
}
