//! The installed base: its order in the table, and what needs attention now.

use std::cmp::Ordering;

use support_api::plan::{CoverageStatus, Licence};

use super::sort_small;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
