//! Sanity checks of what `GET /credit` and `GET /credit/ledger` answer, beyond what
//! decoding checks: an answer that contradicts itself is shown as an error, never as a
//! number that may be wrong. Pure, tested natively.

use support_api::credit::{Credit, LedgerEntry, LedgerKind, LedgerPage};
use support_api::money::{Currency, Money};

use crate::calendar::parse_day;
use crate::credit::month::Month;

/// Why an answer cannot be trusted (for the console; the page says "unexpected").
pub type Problem = String;

fn same_currency(currency: Currency, money: Money, what: &str) -> Result<(), Problem> {
    if money.currency == currency {
        Ok(())
    } else {
        Err(format!(
            "{what} is in {}, not {}",
            money.currency.code(),
            currency.code()
        ))
    }
}

fn day(text: &str, what: &str) -> Result<(), Problem> {
    parse_day(text)
        .map(drop)
        .ok_or_else(|| format!("{what} is not a day: {text:?}"))
}

pub fn check_credit(credit: &Credit) -> Result<(), Problem> {
    let currency = credit.balance.currency;
    let same = |money, what| same_currency(currency, money, what);
    same(credit.low_balance_threshold, "the threshold")?;
    let (balance, threshold) = (credit.balance.minor, credit.low_balance_threshold.minor);
    if (credit.below_threshold && balance > threshold)
        || (!credit.below_threshold && balance < threshold)
    {
        return Err("below_threshold contradicts the balance".into());
    }
    for block in &credit.blocks {
        for money in [block.amount, block.used, block.remaining, block.lapsed] {
            same(money, "a block")?;
        }
        day(&block.bought_on, "a block's purchase")?;
        day(&block.expires_on, "a block's expiry")?;
        // `used` may be negative: a positive adjustment credits a block beyond its amount.
        let (amount, remaining, lapsed) = (
            block.amount.minor,
            block.remaining.minor,
            block.lapsed.minor,
        );
        let sum = block
            .used
            .minor
            .checked_add(remaining)
            .and_then(|s| s.checked_add(lapsed));
        if amount <= 0 || remaining < 0 || lapsed < 0 || sum != Some(amount) {
            return Err(format!("block {} does not add up", block.id));
        }
        if block.expired && remaining != 0 {
            return Err(format!("expired block {} has a remainder", block.id));
        }
    }
    let forecast = &credit.forecast;
    same(forecast.monthly_burn, "the monthly burn")?;
    if forecast.monthly_burn.minor < 0 {
        return Err("negative burn".into());
    }
    if let Some(runs_out) = &forecast.runs_out_on {
        day(runs_out, "the run-out day")?;
    }
    for expiring in &forecast.expiring_unused {
        same(expiring.lapsing, "a lapsing amount")?;
        day(&expiring.expires_on, "a lapsing block's expiry")?;
        if expiring.lapsing.minor <= 0 {
            return Err("a lapsing amount is not positive".into());
        }
    }
    let mut previous: Option<Month> = None;
    for month in credit.usage.iter().flatten() {
        let parsed =
            Month::parse(&month.month).ok_or_else(|| format!("not a month: {:?}", month.month))?;
        if previous.is_some_and(|p| p >= parsed) {
            return Err("usage months are not in order".into());
        }
        previous = Some(parsed);
        same(month.total, "a month's total")?;
        same(month.balance_at_end, "a month's balance")?;
        let mut sum: i64 = 0;
        for part in &month.by_service {
            same(part.amount, "a month's service")?;
            if part.amount.minor < 0 {
                return Err(format!("negative use in {}", month.month));
            }
            sum = sum.saturating_add(part.amount.minor);
        }
        if sum != month.total.minor {
            return Err(format!(
                "{}: services do not add up to the total",
                month.month
            ));
        }
    }
    Ok(())
}

/// One page of the ledger. `chained`: the page is unfiltered, so each entry's balance
/// must follow from the older one below it.
pub fn check_page(page: &LedgerPage, currency: Currency, chained: bool) -> Result<(), Problem> {
    for entry in &page.items {
        check_entry(entry, currency)?;
    }
    for pair in page.items.windows(2) {
        let (newer, older) = (&pair[0], &pair[1]);
        if newer.at < older.at {
            return Err("entries are not newest first".into());
        }
        if chained && follows(older, newer).is_err() {
            return Err(format!(
                "entry {} does not follow entry {}",
                newer.id, older.id
            ));
        }
    }
    Ok(())
}

/// `newer`'s balance is `older`'s plus `newer`'s amount.
pub fn follows(older: &LedgerEntry, newer: &LedgerEntry) -> Result<(), Problem> {
    if older.balance_after.minor.checked_add(newer.amount.minor) == Some(newer.balance_after.minor)
    {
        Ok(())
    } else {
        Err(format!(
            "entry {} does not follow entry {}",
            newer.id, older.id
        ))
    }
}

pub fn check_entry(entry: &LedgerEntry, currency: Currency) -> Result<(), Problem> {
    same_currency(currency, entry.amount, "an entry")?;
    same_currency(currency, entry.balance_after, "an entry's balance")?;
    let is_instant = entry.at.get(..10).and_then(parse_day).is_some()
        && entry.at.as_bytes().get(10) == Some(&b'T');
    if !is_instant {
        return Err(format!("entry {} has no valid time", entry.id));
    }
    let amount = entry.amount.minor;
    let sign_ok = match entry.kind {
        LedgerKind::TopUp => amount > 0,
        LedgerKind::Debit | LedgerKind::Expiry => amount < 0,
        LedgerKind::Adjustment => amount != 0,
    };
    if !sign_ok {
        return Err(format!("entry {} has the wrong sign", entry.id));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use support_api::catalog::ServiceCode;
    use support_api::credit::{
        CreditForecast, ExpiringBlock, MonthUsage, PrepaidBlock, ServiceAmount,
    };

    pub fn pln(minor: i64) -> Money {
        Money::new(minor, Currency::Pln)
    }

    pub fn entry(id: i64, at: &str, kind: LedgerKind, amount: i64, after: i64) -> LedgerEntry {
        LedgerEntry {
            id,
            at: at.into(),
            kind,
            amount: pln(amount),
            balance_after: pln(after),
            block_id: None,
            service: (kind == LedgerKind::Debit).then_some(ServiceCode::RemoteService),
            request_id: (kind == LedgerKind::Debit).then_some(100 + id),
            request_title: (kind == LedgerKind::Debit).then(|| format!("Request {id}")),
            minutes: (kind == LedgerKind::Debit).then_some(90),
            note: None,
        }
    }

    pub fn credit() -> Credit {
        Credit {
            balance: pln(1_000_000),
            low_balance_threshold: pln(2_000_000),
            below_threshold: true,
            blocks: vec![PrepaidBlock {
                id: 1,
                bought_on: "2026-01-10".into(),
                expires_on: "2027-01-10".into(),
                amount: pln(5_000_000),
                used: pln(4_000_000),
                remaining: pln(1_000_000),
                expired: false,
                lapsed: pln(0),
            }],
            forecast: CreditForecast {
                monthly_burn: pln(300_000),
                runs_out_on: Some("2027-02-01".into()),
                expiring_unused: vec![ExpiringBlock {
                    block_id: 1,
                    expires_on: "2027-01-10".into(),
                    lapsing: pln(100_000),
                }],
            },
            usage: Some(vec![
                MonthUsage {
                    month: "2026-10".into(),
                    by_service: vec![
                        ServiceAmount {
                            service: ServiceCode::Training,
                            amount: pln(200_000),
                        },
                        ServiceAmount {
                            service: ServiceCode::RemoteService,
                            amount: pln(50_000),
                        },
                    ],
                    total: pln(250_000),
                    balance_at_end: pln(1_200_000),
                },
                MonthUsage {
                    month: "2026-11".into(),
                    by_service: vec![],
                    total: pln(0),
                    balance_at_end: pln(1_000_000),
                },
            ]),
        }
    }

    #[test]
    fn accepts_a_coherent_credit() {
        assert_eq!(check_credit(&credit()), Ok(()));
        let mut member = credit();
        member.usage = None;
        assert_eq!(check_credit(&member), Ok(()));
        // A goodwill adjustment credited beyond the block's amount.
        let mut credited = credit();
        credited.blocks[0].used = pln(-30_000);
        credited.blocks[0].remaining = pln(5_030_000);
        assert_eq!(check_credit(&credited), Ok(()));
    }

    #[test]
    fn refuses_a_credit_that_contradicts_itself() {
        type Spoil = fn(&mut Credit);
        let cases: Vec<(&str, Spoil)> = vec![
            ("currency", |c| {
                c.low_balance_threshold.currency = Currency::Eur
            }),
            ("flag", |c| c.below_threshold = false),
            ("block sum", |c| c.blocks[0].used = pln(4_500_000)),
            ("expired remainder", |c| c.blocks[0].expired = true),
            ("lapsed", |c| c.blocks[0].lapsed = pln(-1)),
            ("block day", |c| c.blocks[0].expires_on = "soon".into()),
            ("run-out day", |c| {
                c.forecast.runs_out_on = Some("2027-02-30".into())
            }),
            ("lapsing", |c| {
                c.forecast.expiring_unused[0].lapsing = pln(0)
            }),
            ("services", |c| {
                if let Some(u) = c.usage.as_mut() {
                    u[0].total = pln(1)
                }
            }),
            ("month", |c| {
                if let Some(u) = c.usage.as_mut() {
                    u[0].month = "2026-13".into()
                }
            }),
            ("order", |c| {
                if let Some(u) = c.usage.as_mut() {
                    u.swap(0, 1)
                }
            }),
            ("usage currency", |c| {
                if let Some(u) = c.usage.as_mut() {
                    u[1].balance_at_end.currency = Currency::Czk
                }
            }),
        ];
        for (name, spoil) in cases {
            let mut c = credit();
            spoil(&mut c);
            assert!(check_credit(&c).is_err(), "{name}");
        }
    }

    fn page(items: Vec<LedgerEntry>) -> LedgerPage {
        LedgerPage {
            items,
            next_cursor: None,
        }
    }

    #[test]
    fn accepts_a_chained_page() {
        let p = page(vec![
            entry(
                3,
                "2026-11-20T10:00:00Z",
                LedgerKind::Debit,
                -30_000,
                970_000,
            ),
            entry(
                2,
                "2026-11-01T08:00:00Z",
                LedgerKind::TopUp,
                500_000,
                1_000_000,
            ),
            entry(
                1,
                "2026-10-01T08:00:00Z",
                LedgerKind::TopUp,
                500_000,
                500_000,
            ),
        ]);
        assert_eq!(check_page(&p, Currency::Pln, true), Ok(()));
    }

    #[test]
    fn refuses_a_broken_page() {
        let broken = page(vec![
            entry(
                3,
                "2026-11-20T10:00:00Z",
                LedgerKind::Debit,
                -30_000,
                960_000,
            ),
            entry(
                2,
                "2026-11-01T08:00:00Z",
                LedgerKind::TopUp,
                500_000,
                1_000_000,
            ),
        ]);
        assert!(check_page(&broken, Currency::Pln, true).is_err());
        // Filtered pages skip entries: the chain is not checked.
        assert_eq!(check_page(&broken, Currency::Pln, false), Ok(()));
        let unordered = page(vec![
            entry(
                2,
                "2026-11-01T08:00:00Z",
                LedgerKind::TopUp,
                500_000,
                1_000_000,
            ),
            entry(
                3,
                "2026-11-20T10:00:00Z",
                LedgerKind::Debit,
                -30_000,
                970_000,
            ),
        ]);
        assert!(check_page(&unordered, Currency::Pln, false).is_err());
        let sign = page(vec![entry(
            1,
            "2026-11-01T08:00:00Z",
            LedgerKind::Debit,
            10,
            10,
        )]);
        assert!(check_page(&sign, Currency::Pln, false).is_err());
        let time = page(vec![entry(1, "yesterday", LedgerKind::TopUp, 10, 10)]);
        assert!(check_page(&time, Currency::Pln, false).is_err());
        let currency = page(vec![entry(
            1,
            "2026-11-01T08:00:00Z",
            LedgerKind::TopUp,
            10,
            10,
        )]);
        assert!(check_page(&currency, Currency::Eur, false).is_err());
    }
}
