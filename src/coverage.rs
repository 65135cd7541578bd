//! The plan and catalog arranged for reading: sorting the installed base, what needs
//! attention, what a customer can do, which rate applies, and calendar arithmetic.
//! Pure logic (and the choice of translated labels), tested natively.

use std::cmp::Ordering;

use support_api::catalog::{BilledAs, Billing, Service, ServiceCode, billed_as};
use support_api::money::Money;
use support_api::plan::{CoverageStatus, Level, Licence, Plan, Priority};

/// A column of the installed-base table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Product,
    LicenceType,
    Quantity,
    Start,
    End,
    Status,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Product,
        Column::LicenceType,
        Column::Quantity,
        Column::Start,
        Column::End,
        Column::Status,
    ];
}

/// How the installed base is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    /// Soonest maintenance end first: what lapsed or lapses next is on top.
    fn default() -> Self {
        Sort {
            column: Column::End,
            ascending: true,
        }
    }
}

impl Sort {
    /// Pressing a column's button: the same column turns round, another starts ascending.
    pub fn pressed(self, column: Column) -> Sort {
        Sort {
            column,
            ascending: if self.column == column {
                !self.ascending
            } else {
                true
            },
        }
    }

    /// The `aria-sort` value of a column header (none on the unsorted ones).
    pub fn aria_sort(self, column: Column) -> Option<&'static str> {
        (self.column == column).then_some(if self.ascending {
            "ascending"
        } else {
            "descending"
        })
    }
}

/// The order of statuses, most urgent first.
pub fn status_rank(status: CoverageStatus) -> u8 {
    match status {
        CoverageStatus::Lapsed => 0,
        CoverageStatus::ExpiringSoon => 1,
        CoverageStatus::Covered => 2,
    }
}

/// A stable insertion sort. The lists here are short, and it costs the wasm a fraction
/// of the standard library's sorts (which come in once per comparison closure).
pub fn sort_small<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Compares ignoring ASCII case (product names; no Unicode case tables in the wasm).
fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    let lower = |s: &str| {
        s.bytes()
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    lower(a).cmp(&lower(b))
}

/// Sorts in place; ties fall back to the product, so the order is predictable.
pub fn sort_licences(licences: &mut [Licence], sort: Sort) {
    let product = |a: &Licence, b: &Licence| cmp_ignore_case(&a.product, &b.product);
    sort_small(licences, |a, b| {
        let primary = match sort.column {
            Column::Product => product(a, b),
            Column::LicenceType => a.licence_type.cmp(&b.licence_type),
            Column::Quantity => a.quantity.cmp(&b.quantity),
            // `YYYY-MM-DD` sorts as text.
            Column::Start => a.maintenance_start.cmp(&b.maintenance_start),
            Column::End => a.maintenance_end.cmp(&b.maintenance_end),
            Column::Status => status_rank(a.status).cmp(&status_rank(b.status)),
        };
        let primary = if sort.ascending {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| product(a, b))
    });
}

/// Licences that need attention now: lapsed ones first, then those expiring soon, each
/// by maintenance end.
pub fn needing_attention(licences: &[Licence]) -> Vec<&Licence> {
    let mut list: Vec<&Licence> = licences
        .iter()
        .filter(|l| l.status != CoverageStatus::Covered)
        .collect();
    sort_small(&mut list, |a, b| {
        status_rank(a.status)
            .cmp(&status_rank(b.status))
            .then_with(|| a.maintenance_end.cmp(&b.maintenance_end))
    });
    list
}

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

/// What a price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceUnit {
    Hour,
    /// Trainings are priced per participant and day.
    ParticipantDay,
    Job,
}

pub fn price_unit(service: &Service) -> PriceUnit {
    match (service.billing, service.code) {
        (Billing::Hourly, _) => PriceUnit::Hour,
        (Billing::Fixed, ServiceCode::Training) => PriceUnit::ParticipantDay,
        (Billing::Fixed, _) => PriceUnit::Job,
    }
}

/// The rate this customer pays for a service: none when it is included in ALC or set
/// by the SLA contract.
pub fn own_rate(service: &Service) -> Option<Money> {
    match service.billed_as {
        BilledAs::SbpCredit => Some(service.sbp_rate),
        BilledAs::PayInvoice => Some(service.pay_rate),
        BilledAs::AlcIncluded | BilledAs::SlaContract => None,
    }
}

/// ISO weekdays (1 = Monday) as runs of consecutive days: `[1,2,3,4,5]` is one run
/// `(1, 5)`, `[1,3,4]` is `(1, 1), (3, 4)`. Out-of-range days and repeats are dropped.
pub fn weekday_runs(days: &[u8]) -> Vec<(u8, u8)> {
    let mut sorted: Vec<u8> = days
        .iter()
        .copied()
        .filter(|d| (1..=7).contains(d))
        .collect();
    sort_small(&mut sorted, u8::cmp);
    sorted.dedup();
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for day in sorted {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == day => *end = day,
            _ => runs.push((day, day)),
        }
    }
    runs
}

/// Whole hours and the minutes left over.
pub fn split_minutes(minutes: u32) -> (u32, u32) {
    (minutes / 60, minutes % 60)
}

/// A `tel:` link target: the digits and a leading `+`, without spaces or punctuation.
pub fn tel_href(phone: &str) -> String {
    let mut href = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (i == 0 && c == '+') {
            href.push(c);
        }
    }
    href
}

/// Orders things by a key where unknown values sort last.
pub fn priority_rank(priority: Priority) -> usize {
    Priority::ALL
        .iter()
        .position(|&p| p == priority)
        .unwrap_or(usize::MAX)
}

/// Reaction targets, most urgent priority first.
pub fn sorted_targets(
    targets: &[support_api::plan::ReactionTarget],
) -> Vec<support_api::plan::ReactionTarget> {
    let mut list = targets.to_vec();
    sort_small(&mut list, |a, b| {
        priority_rank(a.priority)
            .cmp(&priority_rank(b.priority))
            .then(a.minutes.cmp(&b.minutes))
    });
    list
}

// ---- Translated labels -------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::money::Currency;
    use support_api::plan::ReactionTarget;

    fn licence(product: &str, kind: &str, qty: u32, end: &str, status: CoverageStatus) -> Licence {
        Licence {
            id: 0,
            product: product.into(),
            licence_type: kind.into(),
            quantity: qty,
            maintenance_start: "2025-01-01".into(),
            maintenance_end: end.into(),
            status,
        }
    }

    fn base() -> Vec<Licence> {
        vec![
            licence(
                "SOLIDWORKS Premium",
                "node_locked",
                3,
                "2027-01-04",
                CoverageStatus::ExpiringSoon,
            ),
            licence(
                "catia V5",
                "floating",
                4,
                "2027-07-25",
                CoverageStatus::Covered,
            ),
            licence(
                "DELMIA",
                "floating",
                1,
                "2026-09-25",
                CoverageStatus::Lapsed,
            ),
        ]
    }

    fn products(list: &[Licence]) -> Vec<&str> {
        list.iter().map(|l| l.product.as_str()).collect()
    }

    #[test]
    fn sorts_by_end_by_default() {
        let mut list = base();
        sort_licences(&mut list, Sort::default());
        assert_eq!(
            products(&list),
            ["DELMIA", "SOLIDWORKS Premium", "catia V5"]
        );
    }

    #[test]
    fn sorts_each_column_both_ways() {
        let mut list = base();
        let sort = Sort::default().pressed(Column::Product);
        assert!(sort.ascending);
        sort_licences(&mut list, sort);
        assert_eq!(
            products(&list),
            ["catia V5", "DELMIA", "SOLIDWORKS Premium"]
        );

        let sort = sort.pressed(Column::Product);
        assert!(!sort.ascending);
        sort_licences(&mut list, sort);
        assert_eq!(
            products(&list),
            ["SOLIDWORKS Premium", "DELMIA", "catia V5"]
        );

        sort_licences(&mut list, sort.pressed(Column::Quantity));
        assert_eq!(
            products(&list),
            ["DELMIA", "SOLIDWORKS Premium", "catia V5"]
        );

        let by_status = Sort {
            column: Column::Status,
            ascending: true,
        };
        sort_licences(&mut list, by_status);
        assert_eq!(
            products(&list),
            ["DELMIA", "SOLIDWORKS Premium", "catia V5"]
        );
        sort_licences(&mut list, by_status.pressed(Column::Status));
        assert_eq!(
            products(&list),
            ["catia V5", "SOLIDWORKS Premium", "DELMIA"]
        );

        // Ties fall back to the product, ascending.
        sort_licences(
            &mut list,
            Sort {
                column: Column::LicenceType,
                ascending: true,
            },
        );
        assert_eq!(
            products(&list),
            ["catia V5", "DELMIA", "SOLIDWORKS Premium"]
        );
    }

    #[test]
    fn the_small_sort_is_stable() {
        let mut pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut pairs, |x, y| x.0.cmp(&y.0));
        assert_eq!(pairs, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small(&mut empty, u8::cmp);
    }

    #[test]
    fn aria_sort_only_on_the_sorted_column() {
        let sort = Sort::default();
        assert_eq!(sort.aria_sort(Column::End), Some("ascending"));
        assert_eq!(sort.aria_sort(Column::Product), None);
        let sort = sort.pressed(Column::End);
        assert_eq!(sort.aria_sort(Column::End), Some("descending"));
    }

    #[test]
    fn lapsed_then_expiring_need_attention() {
        let mut list = base();
        list.push(licence(
            "X",
            "floating",
            1,
            "2026-12-01",
            CoverageStatus::ExpiringSoon,
        ));
        let attention = needing_attention(&list);
        let names: Vec<&str> = attention.iter().map(|l| l.product.as_str()).collect();
        assert_eq!(names, ["DELMIA", "X", "SOLIDWORKS Premium"]);
        assert!(needing_attention(&[]).is_empty());
    }

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

    fn service(code: ServiceCode, billing: Billing, billed_as: BilledAs) -> Service {
        Service {
            code,
            billing,
            pay_rate: Money::new(22000, Currency::Pln),
            sbp_rate: Money::new(18700, Currency::Pln),
            billed_as,
        }
    }

    #[test]
    fn the_own_rate_follows_how_it_is_billed() {
        let s = |b| service(ServiceCode::RemoteService, Billing::Hourly, b);
        assert_eq!(
            own_rate(&s(BilledAs::SbpCredit)).map(|m| m.minor),
            Some(18700)
        );
        assert_eq!(
            own_rate(&s(BilledAs::PayInvoice)).map(|m| m.minor),
            Some(22000)
        );
        assert_eq!(own_rate(&s(BilledAs::AlcIncluded)), None);
        assert_eq!(own_rate(&s(BilledAs::SlaContract)), None);
    }

    #[test]
    fn price_units() {
        let unit = |code, billing| price_unit(&service(code, billing, BilledAs::PayInvoice));
        assert_eq!(unit(ServiceCode::Hotline, Billing::Hourly), PriceUnit::Hour);
        assert_eq!(
            unit(ServiceCode::Training, Billing::Fixed),
            PriceUnit::ParticipantDay
        );
        assert_eq!(
            unit(ServiceCode::Deployment, Billing::Fixed),
            PriceUnit::Job
        );
    }

    #[test]
    fn weekday_runs_group_consecutive_days() {
        assert_eq!(weekday_runs(&[1, 2, 3, 4, 5]), [(1, 5)]);
        assert_eq!(weekday_runs(&[5, 1, 3, 4, 4]), [(1, 1), (3, 5)]);
        assert_eq!(weekday_runs(&[6]), [(6, 6)]);
        assert_eq!(weekday_runs(&[0, 8]), []);
        assert_eq!(weekday_runs(&[]), []);
    }

    #[test]
    fn minutes_split_into_hours() {
        assert_eq!(split_minutes(120), (2, 0));
        assert_eq!(split_minutes(90), (1, 30));
        assert_eq!(split_minutes(45), (0, 45));
    }

    #[test]
    fn tel_links_keep_digits_and_plus() {
        assert_eq!(tel_href("+44 1632 960 100"), "tel:+441632960100");
        assert_eq!(tel_href(" (0) 12-34 "), "tel:01234");
        assert_eq!(tel_href("1+2"), "tel:12");
    }

    #[test]
    fn reaction_targets_most_urgent_first() {
        let t = |priority, minutes| ReactionTarget { priority, minutes };
        let sorted = sorted_targets(&[
            t(Priority::Low, 960),
            t(Priority::Critical, 120),
            t(Priority::Normal, 480),
        ]);
        let order: Vec<Priority> = sorted.iter().map(|t| t.priority).collect();
        assert_eq!(order, [Priority::Critical, Priority::Normal, Priority::Low]);
    }
}
