use super::*;
use crate::db::migrations::migrations;
use time::macros::date;

fn db() -> (Connection, i64, i64) {
    let mut conn = Connection::open_in_memory().unwrap();
    migrations().to_latest(&mut conn).unwrap();
    conn.execute_batch(
        "INSERT INTO customers (id, name, country, currency, language)
             VALUES (1, 'A', 'CZ', 'CZK', 'cs'), (2, 'B', 'CZ', 'CZK', 'cs');
         INSERT INTO users (id, customer_id, email, name, role, password_hash)
             VALUES (1, 1, 'a@a.demo', 'A', 'admin', 'x');
         INSERT INTO requests (id, customer_id, requested_by, type, title, description,
             priority, details, status, billed_as, billing, created_at)
             VALUES (1, 1, 1, 'remote_service', 't', 'd', 'normal', '{}', 'in_progress',
                     'sbp_credit', 'hourly', 0);",
    )
    .unwrap();
    (conn, 1, 1)
}

fn at(day: Date) -> i64 {
    start_of_day(day) + 9 * 3600
}

/// A block of `amount` bought by customer 1 on `bought_on`.
fn bought(conn: &Connection, amount: i64, bought_on: Date, expires_on: Date) -> i64 {
    top_up(conn, 1, amount, bought_on, expires_on, at(bought_on), None).unwrap()
}

fn debit(conn: &Connection, day: Date, amount: i64) -> Consumed {
    consume(
        conn,
        &Consumption {
            customer_id: 1,
            at: at(day),
            kind: LedgerKind::Debit,
            amount,
            service: Some(ServiceCode::RemoteService),
            request_id: Some(1),
            event_id: None,
            minutes: Some(90),
            note: None,
        },
    )
    .unwrap()
}

#[test]
fn debits_use_the_block_that_expires_first_and_never_overdraw() {
    let (conn, c, _) = db();
    let late = bought(&conn, 1000, date!(2025 - 01 - 01), date!(2025 - 12 - 31));
    let early = bought(&conn, 500, date!(2025 - 02 - 01), date!(2025 - 06 - 30));
    let d = debit(&conn, date!(2025 - 03 - 01), 700);
    assert_eq!((d.taken, d.shortfall, d.entries.len()), (700, 0, 2));
    let b = blocks(&conn, c).unwrap();
    assert_eq!((b[0].id, b[0].remaining), (early, 0));
    assert_eq!((b[1].id, b[1].remaining), (late, 800));
    // Minutes split in proportion: 500/700 of 90 is 64, the rest 26.
    let minutes: Vec<i64> = conn
        .prepare("SELECT minutes FROM ledger WHERE kind = 'debit' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(minutes, [64, 26]);
    let d = debit(&conn, date!(2025 - 03 - 02), 1000);
    assert_eq!((d.taken, d.shortfall), (800, 200));
    assert_eq!(balance(&conn, c).unwrap(), 0);
}

#[test]
fn an_expired_remainder_is_written_off_once() {
    let (conn, c, _) = db();
    bought(&conn, 500, date!(2025 - 01 - 01), date!(2025 - 01 - 31));
    debit(&conn, date!(2025 - 01 - 15), 200);
    assert!(!expiries_due(&conn, c, at(date!(2025 - 01 - 31))).unwrap());
    assert_eq!(
        apply_expiries(&conn, c, at(date!(2025 - 01 - 31))).unwrap(),
        0
    );
    // What a reader checks agrees with what the writer then does.
    assert!(expiries_due(&conn, c, at(date!(2025 - 02 - 01))).unwrap());
    assert_eq!(
        apply_expiries(&conn, c, at(date!(2025 - 02 - 01))).unwrap(),
        1
    );
    assert!(!expiries_due(&conn, c, at(date!(2025 - 02 - 01))).unwrap());
    assert_eq!(
        apply_expiries(&conn, c, at(date!(2025 - 02 - 02))).unwrap(),
        0
    );
    let b = &blocks(&conn, c).unwrap()[0];
    assert_eq!((b.remaining, b.lapsed), (0, 300));
    let (kind, amount, when): (String, i64, i64) = conn
        .query_row(
            "SELECT kind, amount_minor, at FROM ledger ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), amount, when),
        ("expiry", -300, start_of_day(date!(2025 - 02 - 01)))
    );
    // Nothing left to take after expiry.
    assert_eq!(debit(&conn, date!(2025 - 02 - 03), 10).shortfall, 10);
}

#[test]
fn the_schema_refuses_rewrites_and_overdrafts() {
    let (conn, c, _) = db();
    let block = bought(&conn, 100, date!(2025 - 01 - 01), date!(2025 - 12 - 31));
    assert!(
        conn.execute("UPDATE ledger SET amount_minor = 1", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM ledger", []).is_err());
    assert!(
        conn.execute("UPDATE prepaid_blocks SET amount_minor = 1", [])
            .is_err()
    );
    let insert = |amount: i64, balance: i64, customer: i64| {
        conn.execute(
            "INSERT INTO ledger (customer_id, at, kind, amount_minor, balance_after_minor, block_id)
             VALUES (?1, ?2, 'adjustment', ?3, ?4, ?5)",
            params![customer, at(date!(2025 - 01 - 02)), amount, balance, block],
        )
    };
    assert!(insert(-101, 0, c).is_err(), "overdraw");
    assert!(insert(-10, 80, c).is_err(), "wrong running balance");
    assert!(insert(-10, 90, 2).is_err(), "another customer's block");
    insert(-10, 90, c).unwrap();
    assert!(
        conn.execute(
            "INSERT INTO ledger (customer_id, at, kind, amount_minor, balance_after_minor, block_id)
             VALUES (?1, 0, 'adjustment', -1, 89, ?2)",
            params![c, block],
        )
        .is_err(),
        "out of time order"
    );
}

#[test]
fn adjustments_credit_the_last_block_and_debit_like_work() {
    let (conn, c, _) = db();
    assert_eq!(
        adjust(&conn, c, 50, at(date!(2025 - 01 - 01)), "x").unwrap(),
        None
    );
    bought(&conn, 100, date!(2025 - 01 - 01), date!(2025 - 03 - 31));
    let last = bought(&conn, 100, date!(2025 - 01 - 01), date!(2025 - 12 - 31));
    adjust(&conn, c, 30, at(date!(2025 - 01 - 02)), "goodwill")
        .unwrap()
        .unwrap();
    assert_eq!(
        blocks(&conn, c).unwrap()[1],
        BlockState {
            id: last,
            bought_on: "2025-01-01".into(),
            expires_on: "2025-12-31".into(),
            amount: 100,
            remaining: 130,
            lapsed: 0,
            has_expiry_entry: false,
        }
    );
    let d = adjust(&conn, c, -250, at(date!(2025 - 01 - 03)), "correction")
        .unwrap()
        .unwrap();
    assert_eq!((d.taken, d.shortfall), (230, 20));
    assert_eq!(balance(&conn, c).unwrap(), 0);
}
