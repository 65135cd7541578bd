//! A month's statement: opening and closing balance, totals by kind and by service.
//! The entries must chain from the opening balance to the closing one; if they do not,
//! the statement is refused rather than printed with a wrong number. Pure, tested natively.

use support_api::catalog::ServiceCode;
use support_api::credit::{LedgerEntry, LedgerKind};

use crate::credit::check::Problem;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceTotal {
    pub service: Option<ServiceCode>,
    /// What was used, as a positive amount in minor units.
    pub used: i64,
    pub minutes: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    pub opening: i64,
    pub closing: i64,
    pub top_ups: i64,
    /// Debits, as a positive amount.
    pub used: i64,
    /// Expiries, as a positive amount.
    pub expired: i64,
    /// Adjustments, signed.
    pub adjustments: i64,
    /// In catalog order.
    pub by_service: Vec<ServiceTotal>,
}

/// `entries` are the month's, newest first (as the ledger lists them); `opening` is
/// the balance after the last entry before the month (zero when there is none).
pub fn summarize(entries: &[LedgerEntry], opening: i64) -> Result<Statement, Problem> {
    let mut statement = Statement {
        opening,
        closing: opening,
        ..Default::default()
    };
    for entry in entries.iter().rev() {
        let amount = entry.amount.minor;
        let after = statement
            .closing
            .checked_add(amount)
            .ok_or("the balance overflows")?;
        if after != entry.balance_after.minor {
            return Err(format!(
                "entry {} does not follow the balance before it",
                entry.id
            ));
        }
        statement.closing = after;
        match entry.kind {
            LedgerKind::TopUp => statement.top_ups += amount,
            LedgerKind::Expiry => statement.expired -= amount,
            LedgerKind::Adjustment => statement.adjustments += amount,
            LedgerKind::Debit => {
                statement.used -= amount;
                let total = match statement
                    .by_service
                    .iter_mut()
                    .find(|t| t.service == entry.service)
                {
                    Some(total) => total,
                    None => {
                        statement.by_service.push(ServiceTotal {
                            service: entry.service,
                            ..Default::default()
                        });
                        let last = statement.by_service.len() - 1;
                        &mut statement.by_service[last]
                    }
                };
                total.used -= amount;
                total.minutes += u64::from(entry.minutes.unwrap_or(0));
            }
        }
    }
    let order = |s: &Option<ServiceCode>| {
        s.and_then(|s| ServiceCode::ALL.iter().position(|c| *c == s))
            .unwrap_or(usize::MAX)
    };
    statement.by_service.sort_by_key(|t| order(&t.service));
    Ok(statement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::check::tests::entry;

    #[test]
    fn sums_a_month() {
        let mut training = entry(
            4,
            "2026-11-20T10:00:00Z",
            LedgerKind::Debit,
            -200_000,
            1_000_000,
        );
        training.service = Some(ServiceCode::Training);
        training.minutes = Some(480);
        let entries = [
            training,
            entry(
                3,
                "2026-11-15T10:00:00Z",
                LedgerKind::Expiry,
                -50_000,
                1_200_000,
            ),
            entry(
                2,
                "2026-11-10T10:00:00Z",
                LedgerKind::Debit,
                -30_000,
                1_250_000,
            ),
            entry(
                1,
                "2026-11-01T10:00:00Z",
                LedgerKind::TopUp,
                1_000_000,
                1_280_000,
            ),
            entry(
                0,
                "2026-11-01T09:00:00Z",
                LedgerKind::Adjustment,
                -20_000,
                280_000,
            ),
        ];
        let s = summarize(&entries, 300_000).expect("a coherent month");
        assert_eq!(s.opening, 300_000);
        assert_eq!(s.closing, 1_000_000);
        assert_eq!(s.top_ups, 1_000_000);
        assert_eq!(s.used, 230_000);
        assert_eq!(s.expired, 50_000);
        assert_eq!(s.adjustments, -20_000);
        assert_eq!(
            s.opening + s.top_ups - s.used - s.expired + s.adjustments,
            s.closing
        );
        assert_eq!(
            s.by_service,
            [
                ServiceTotal {
                    service: Some(ServiceCode::Training),
                    used: 200_000,
                    minutes: 480
                },
                ServiceTotal {
                    service: Some(ServiceCode::RemoteService),
                    used: 30_000,
                    minutes: 90
                },
            ]
        );
    }

    #[test]
    fn an_empty_month_keeps_its_balance() {
        let s = summarize(&[], 500).expect("nothing to contradict");
        assert_eq!((s.opening, s.closing, s.used), (500, 500, 0));
    }

    #[test]
    fn refuses_a_broken_chain() {
        let entries = [entry(
            1,
            "2026-11-01T10:00:00Z",
            LedgerKind::TopUp,
            1_000,
            1_500,
        )];
        assert!(summarize(&entries, 0).is_err());
        assert!(summarize(&entries, 500).is_ok());
    }
}
