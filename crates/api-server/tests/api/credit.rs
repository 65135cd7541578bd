//! `GET /credit` and `GET /credit/ledger`: the demo figures, the ledger's invariants after
//! every kind of operation, paging, filters, admin-only access, tenant isolation, and
//! debits racing each other from separate connections.

use std::collections::HashSet;

use rusqlite::Connection;
use serde_json::Value;
use support_api_server::actions::staff;
use support_api_server::db::{self, ledger, requests::Actor};
use support_api_server::time_util::{add_days, day_of, format_day, now_unix, today};

use crate::common::*;

const KOWALSKI: &str = "admin@kowalski-aero.demo";
const PIOTR: &str = "inzynier@kowalski-aero.demo";
const STROJIRNY: &str = "admin@strojirny-hradec.demo";

fn minor(v: &Value) -> i64 {
    v["minor"].as_i64().unwrap_or_else(|| panic!("money: {v}"))
}

/// Every entry of the customer's ledger, newest first, through the API.
async fn whole_ledger(app: &TestApp, signed: &Signed, filter: &str) -> Vec<Value> {
    let page = app
        .get_ok(&format!("/api/v1/credit/ledger?limit=500{filter}"), signed)
        .await;
    let mut items = page["items"].as_array().expect("items").clone();
    let mut cursor = page["next_cursor"].as_str().map(str::to_owned);
    while let Some(c) = cursor {
        let page = app
            .get_ok(
                &format!("/api/v1/credit/ledger?limit=500&cursor={c}{filter}"),
                signed,
            )
            .await;
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    items
}

/// The invariants, checked in the database: the balance is the sum of the ledger, each
/// entry's balance_after is the running balance in (at, id) order, no block below zero,
/// and each block's remainder is what its entries leave.
fn assert_invariants(conn: &Connection, customer: i64) {
    let mut stmt = conn
        .prepare(
            "SELECT amount_minor, balance_after_minor FROM ledger WHERE customer_id = ?1
             ORDER BY at, id",
        )
        .unwrap();
    let rows: Vec<(i64, i64)> = stmt
        .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut running = 0;
    for (amount, after) in &rows {
        running += amount;
        assert_eq!(running, *after, "running balance");
    }
    assert_eq!(ledger::balance(conn, customer).unwrap(), running);
    let blocks = ledger::blocks(conn, customer).unwrap();
    for b in &blocks {
        assert!(b.remaining >= 0, "block {} below zero", b.id);
    }
    let today = format_day(today());
    let valid: i64 = blocks
        .iter()
        .filter(|b| !b.expired_on(&today))
        .map(|b| b.remaining)
        .sum();
    assert_eq!(valid, running, "the balance is what the valid blocks hold");
}

fn customer_of(conn: &Connection, email: &str) -> i64 {
    conn.query_row(
        "SELECT customer_id FROM users WHERE email = ?1",
        [email],
        |r| r.get(0),
    )
    .unwrap()
}

#[tokio::test]
async fn kowalski_is_below_its_threshold_with_three_blocks() {
    let app = TestApp::new().await;
    let admin = app.sign_in(KOWALSKI).await;
    let credit = app.get_ok("/api/v1/credit", &admin).await;
    assert_eq!(
        credit["balance"],
        serde_json::json!({"minor": 330_000, "currency": "PLN"})
    );
    assert_eq!(minor(&credit["low_balance_threshold"]), 500_000);
    assert_eq!(credit["below_threshold"], true);

    let blocks = credit["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 3);
    // Consumed oldest first: the expired one is first, written off; then the older one,
    // partly used; the recent one is untouched.
    assert_eq!(blocks[0]["expired"], true);
    assert_eq!(minor(&blocks[0]["remaining"]), 0);
    assert_eq!(minor(&blocks[0]["lapsed"]), 219_100);
    assert_eq!(minor(&blocks[1]["remaining"]), 130_000);
    assert_eq!(minor(&blocks[2]["remaining"]), 200_000);
    assert_eq!(minor(&blocks[2]["used"]), 0);
    for b in blocks {
        assert_eq!(
            minor(&b["amount"]),
            minor(&b["used"]) + minor(&b["remaining"]) + minor(&b["lapsed"]),
            "{b}"
        );
    }
    let expires: Vec<&str> = blocks
        .iter()
        .map(|b| b["expires_on"].as_str().unwrap())
        .collect();
    assert!(expires.windows(2).all(|w| w[0] <= w[1]), "{expires:?}");

    let forecast = &credit["forecast"];
    // 12 274 PLN of debits in the last 90 days.
    assert_eq!(minor(&forecast["monthly_burn"]), (1_227_400 * 30 + 45) / 90);
    let runs_out = forecast["runs_out_on"].as_str().expect("runs out");
    let today = today();
    assert!(
        runs_out > format_day(add_days(today, 15)).as_str(),
        "{runs_out}"
    );
    assert!(
        runs_out < format_day(add_days(today, 40)).as_str(),
        "{runs_out}"
    );
    assert_eq!(forecast["expiring_unused"], serde_json::json!([]));

    let usage = credit["usage"].as_array().expect("admins see usage");
    assert_eq!(usage.len(), 12);
    let last = usage.last().unwrap();
    assert_eq!(last["month"], format_day(today)[..7]);
    assert_eq!(minor(&last["balance_at_end"]), 330_000);
    for month in usage {
        let sum: i64 = month["by_service"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| minor(&s["amount"]))
            .sum();
        assert_eq!(sum, minor(&month["total"]), "{month}");
    }
    let used: i64 = usage.iter().map(|m| minor(&m["total"])).sum();
    assert!(used > 0);

    // A member sees the same balance and forecast, without the monthly use.
    let member = app.sign_in(PIOTR).await;
    let seen = app.get_ok("/api/v1/credit", &member).await;
    assert_eq!(seen["usage"], Value::Null);
    assert_eq!(seen["balance"], credit["balance"]);
    assert_eq!(seen["forecast"], credit["forecast"]);
}

#[tokio::test]
async fn strojirny_is_comfortably_above_and_a_block_will_lapse() {
    let app = TestApp::new().await;
    let admin = app.sign_in(STROJIRNY).await;
    let credit = app.get_ok("/api/v1/credit", &admin).await;
    assert_eq!(
        credit["balance"],
        serde_json::json!({"minor": 17_605_000, "currency": "CZK"})
    );
    assert_eq!(credit["below_threshold"], false);
    let blocks = credit["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 3);
    assert_eq!(minor(&blocks[0]["lapsed"]), 3_694_600);
    let lapsing = credit["forecast"]["expiring_unused"].as_array().unwrap();
    assert_eq!(lapsing.len(), 1, "{lapsing:?}");
    assert_eq!(lapsing[0]["block_id"], blocks[1]["id"]);
    let amount = minor(&lapsing[0]["lapsing"]);
    assert!(
        0 < amount && amount < minor(&blocks[1]["remaining"]),
        "{amount}"
    );
}

#[tokio::test]
async fn customers_without_sbp_have_no_credit() {
    let app = TestApp::new().await;
    for email in ["admin@tatra-forming.demo", "buyer@northbridge.demo"] {
        let signed = app.sign_in(email).await;
        app.get("/api/v1/credit", Some(&signed.cookie))
            .await
            .problem(404, "/problems/not-found");
        app.get("/api/v1/credit/ledger", Some(&signed.cookie))
            .await
            .problem(404, "/problems/not-found");
    }
    app.get("/api/v1/credit", None)
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn the_ledger_is_for_admins_only() {
    let app = TestApp::new().await;
    for email in [PIOTR, "technik@strojirny-hradec.demo"] {
        let member = app.sign_in(email).await;
        let problem = app
            .get("/api/v1/credit/ledger?kind=nonsense", Some(&member.cookie))
            .await
            .problem(404, "/problems/not-found");
        assert!(
            problem["errors"].is_null(),
            "a member learns nothing: {problem}"
        );
    }
}

#[tokio::test]
async fn the_ledger_runs_newest_first_with_its_running_balance() {
    let app = TestApp::new().await;
    let admin = app.sign_in(KOWALSKI).await;
    let entries = whole_ledger(&app, &admin, "").await;
    assert_eq!(entries.len(), 26);
    assert_eq!(minor(&entries[0]["balance_after"]), 330_000);
    for pair in entries.windows(2) {
        let (newer, older) = (&pair[0], &pair[1]);
        assert!(newer["at"].as_str() >= older["at"].as_str());
        assert_eq!(
            minor(&newer["balance_after"]) - minor(&newer["amount"]),
            minor(&older["balance_after"]),
            "{newer} after {older}"
        );
    }
    let sum: i64 = entries.iter().map(|e| minor(&e["amount"])).sum();
    assert_eq!(sum, 330_000);
    let kinds: HashSet<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        HashSet::from(["top_up", "debit", "expiry", "adjustment"])
    );
    // Each debit names its request and service; the adjustment says why.
    for e in &entries {
        match e["kind"].as_str().unwrap() {
            "debit" => {
                assert!(
                    e["request_id"].is_i64() && e["request_title"].is_string(),
                    "{e}"
                );
                assert!(e["service"].is_string() && e["minutes"].is_u64(), "{e}");
                assert!(minor(&e["amount"]) < 0);
            }
            "adjustment" => assert!(e["note"].as_str().unwrap().starts_with("Goodwill")),
            "expiry" => assert_eq!(minor(&e["amount"]), -219_100),
            _ => assert!(minor(&e["amount"]) > 0),
        }
        assert!(e["block_id"].is_i64());
    }
    assert_invariants(&app.db(), customer_of(&app.db(), KOWALSKI));
}

#[tokio::test]
async fn pages_have_no_gaps_or_duplicates_even_as_entries_arrive() {
    let app = TestApp::new().await;
    let admin = app.sign_in(STROJIRNY).await;
    let all = whole_ledger(&app, &admin, "").await;
    let ids: Vec<i64> = all.iter().map(|e| e["id"].as_i64().unwrap()).collect();

    let first = app.get_ok("/api/v1/credit/ledger?limit=5", &admin).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 5);
    // New work is debited between two page loads.
    staff_do(&mut app.db(), |tx| {
        let request = request_titled(tx, "CATIA HD2 surface export crashes");
        staff::log_time(tx, request, 60, None, &Actor::staff("Test"), now_unix()).unwrap();
    });

    let mut seen: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    let mut cursor = first["next_cursor"].as_str().map(str::to_owned);
    while let Some(c) = cursor {
        let page = app
            .get_ok(&format!("/api/v1/credit/ledger?limit=5&cursor={c}"), &admin)
            .await;
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_i64().unwrap()),
        );
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    assert_eq!(
        seen, ids,
        "the pages continue where they were, whatever was added"
    );
    let now = whole_ledger(&app, &admin, "").await;
    assert_eq!(now.len(), all.len() + 1);
    assert_eq!(now[0]["kind"], "debit");
    assert_invariants(&app.db(), customer_of(&app.db(), STROJIRNY));
}

#[tokio::test]
async fn filters_narrow_the_ledger() {
    let app = TestApp::new().await;
    let admin = app.sign_in(KOWALSKI).await;
    let expiries = whole_ledger(&app, &admin, "&kind=expiry").await;
    assert_eq!(expiries.len(), 1);
    let remote = whole_ledger(&app, &admin, "&service=remote_service").await;
    assert!(!remote.is_empty());
    assert!(remote.iter().all(|e| e["service"] == "remote_service"));
    let two = whole_ledger(&app, &admin, "&kind=top_up,adjustment").await;
    assert_eq!(two.len(), 4);
    let mixed = whole_ledger(
        &app,
        &admin,
        "&service=remote_service&service=onsite_service&kind=debit",
    )
    .await;
    assert!(mixed.len() > remote.len());

    let today = today();
    let from = format_day(add_days(today, -30));
    let to = format_day(add_days(today, -10));
    let recent = whole_ledger(&app, &admin, &format!("&from={from}&to={to}")).await;
    assert!(!recent.is_empty());
    for e in &recent {
        let day = &e["at"].as_str().unwrap()[..10];
        assert!(from.as_str() <= day && day <= to.as_str(), "{e}");
    }
    let all = whole_ledger(&app, &admin, "").await;
    let inside = all
        .iter()
        .filter(|e| {
            let day = &e["at"].as_str().unwrap()[..10];
            from.as_str() <= day && day <= to.as_str()
        })
        .count();
    assert_eq!(recent.len(), inside);
    // A day filter of a single day takes the whole day.
    let one = format_day(day_of(now_unix()));
    whole_ledger(&app, &admin, &format!("&from={one}&to={one}")).await;
}

#[tokio::test]
async fn bad_parameters_are_422_problems_naming_the_parameter() {
    let app = TestApp::new().await;
    let admin = app.sign_in(KOWALSKI).await;
    for (query, field, code) in [
        ("kind=refund", "kind", "invalid_value"),
        ("service=coffee", "service", "invalid_value"),
        ("from=2025-13-01", "from", "invalid_date"),
        ("to=yesterday", "to", "invalid_date"),
        ("from=2025-05-02&to=2025-05-01", "to", "before_start"),
        ("limit=0", "limit", "too_few"),
        ("limit=501", "limit", "too_many"),
        ("limit=ten", "limit", "invalid_type"),
        ("cursor=bm90LWEtY3Vyc29y", "cursor", "invalid_value"),
        ("page=2", "page", "unknown_field"),
    ] {
        let response = app
            .get(
                &format!("/api/v1/credit/ledger?{query}"),
                Some(&admin.cookie),
            )
            .await;
        let problem = response.problem(422, "/problems/validation");
        assert!(names_field(&problem, field, code), "{query}: {problem}");
    }
    // A cursor of the requests list is not one of the ledger.
    let requests_cursor = support_api_server::cursor::encode("r1", &[0, 1, 2, 3]);
    app.get(
        &format!("/api/v1/credit/ledger?cursor={requests_cursor}"),
        Some(&admin.cookie),
    )
    .await
    .problem(422, "/problems/validation");
}

#[tokio::test]
async fn no_customer_sees_another_customers_ledger() {
    let app = TestApp::new().await;
    let kowalski = app.sign_in(KOWALSKI).await;
    let strojirny = app.sign_in(STROJIRNY).await;
    let k = whole_ledger(&app, &kowalski, "").await;
    let s = whole_ledger(&app, &strojirny, "").await;
    let ids = |entries: &[Value], key: &str| -> HashSet<i64> {
        entries.iter().filter_map(|e| e[key].as_i64()).collect()
    };
    assert!(ids(&k, "id").is_disjoint(&ids(&s, "id")));
    assert!(ids(&k, "block_id").is_disjoint(&ids(&s, "block_id")));
    assert!(ids(&k, "request_id").is_disjoint(&ids(&s, "request_id")));
    assert!(k.iter().all(|e| e["amount"]["currency"] == "PLN"));
    assert!(s.iter().all(|e| e["amount"]["currency"] == "CZK"));
    // Kowalski's debits link only Kowalski's requests.
    let conn = app.db();
    let customer = customer_of(&conn, KOWALSKI);
    for id in ids(&k, "request_id") {
        let owner: i64 = conn
            .query_row(
                "SELECT customer_id FROM requests WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(owner, customer);
    }
}

#[tokio::test]
async fn invariants_hold_after_every_kind_of_operation() {
    let app = TestApp::new().await;
    let conn = &mut app.db();
    let customer = customer_of(conn, KOWALSKI);
    let now = now_unix();
    let staff_actor = Actor::staff("Test");
    let request = request_titled(conn, "Licence server does not start after Windows update");
    assert_invariants(conn, customer);

    // A debit larger than one block spans two, oldest first.
    let (before, logged) = staff_do(conn, |tx| {
        let before = ledger::blocks(tx, customer).unwrap();
        let logged =
            staff::log_time(tx, request, 600, Some("long session"), &staff_actor, now).unwrap();
        (before, logged)
    });
    // 10 h at 204 PLN: the older block's 1 300 PLN first, then 740 PLN of the recent one.
    assert_eq!(logged.debited, Some(204_000));
    assert_eq!(logged.ledger_entries.len(), 2);
    let after = ledger::blocks(conn, customer).unwrap();
    assert_eq!(after[1].remaining, 0);
    assert_eq!(after[2].remaining, before[2].remaining - 74_000);
    assert_invariants(conn, customer);

    // An adjustment in each direction.
    staff_do(conn, |tx| {
        ledger::adjust(tx, customer, 10_000, now, "credit note")
            .unwrap()
            .unwrap();
        ledger::adjust(tx, customer, -5_000, now, "correction")
            .unwrap()
            .unwrap();
    });
    assert_invariants(conn, customer);

    // More than is left: takes what is there and reports the rest; never below zero.
    let logged = staff_do(conn, |tx| {
        staff::log_time(tx, request, 1_200, None, &staff_actor, now).unwrap()
    });
    assert_eq!(logged.debited, Some(131_000));
    assert_eq!(logged.invoiced, Some(408_000 - 131_000));
    assert_eq!(ledger::balance(conn, customer).unwrap(), 0);
    assert_invariants(conn, customer);
    let logged = staff_do(conn, |tx| {
        staff::log_time(tx, request, 60, None, &staff_actor, now).unwrap()
    });
    assert_eq!((logged.debited, logged.ledger_entries.len()), (Some(0), 0));

    // A top-up request resolved by the staff adds a block.
    staff_do(conn, |tx| {
        let top_up = support_api_server::actions::customer::create(
            tx,
            &support_api_server::actions::customer::Requester {
                customer_id: customer,
                currency: support_api::money::Currency::Pln,
                user_id: tx
                    .query_row("SELECT id FROM users WHERE email = ?1", [KOWALSKI], |r| {
                        r.get(0)
                    })
                    .unwrap(),
                name: "Anna Kowalska".into(),
                role: support_api::session::Role::Admin,
            },
            &support_api::requests::NewRequest {
                title: "More credit".into(),
                description: String::new(),
                priority: support_api::plan::Priority::Normal,
                licence_id: None,
                contact_phone: None,
                details: support_api::requests::RequestDetails::CreditTopUp {
                    amount: support_api::money::Money::new(
                        1_000_000,
                        support_api::money::Currency::Pln,
                    ),
                },
                files: Vec::new(),
            },
            now,
        )
        .unwrap();
        staff::resolve(tx, top_up, &staff_actor, now).unwrap();
    });
    assert_eq!(ledger::balance(conn, customer).unwrap(), 1_000_000);
    assert_invariants(conn, customer);
}

#[tokio::test]
async fn an_expired_block_is_written_off_once_when_the_credit_is_read() {
    let app = TestApp::new().await;
    let admin = app.sign_in(STROJIRNY).await;
    let conn = &mut app.db();
    let customer = customer_of(conn, STROJIRNY);
    let today = today();
    // A block that was valid until yesterday, bought ten days ago.
    staff_do(conn, |tx| {
        ledger::top_up(
            tx,
            customer,
            50_000,
            add_days(today, -10),
            add_days(today, -1),
            now_unix(),
            None,
        )
        .unwrap();
    });
    let before = app.get_ok("/api/v1/credit", &admin).await;
    let again = app.get_ok("/api/v1/credit", &admin).await;
    assert_eq!(before["balance"], again["balance"]);
    assert_eq!(minor(&before["balance"]), 17_605_000);
    let expiries = whole_ledger(&app, &admin, "&kind=expiry").await;
    assert_eq!(expiries.len(), 2, "the seeded one and the new one, once");
    assert_eq!(minor(&expiries[0]["amount"]), -50_000);
    assert_invariants(conn, customer);
}

/// Twenty debits at once, each from its own connection (as twenty staff commands beside
/// the server would be): together they ask for more than the balance. Every one is
/// stored, none overdraws, and the credit ends at exactly zero.
#[tokio::test]
async fn concurrent_debits_never_overdraw_or_lose_an_entry() {
    let app = TestApp::new().await;
    let conn = app.db();
    let customer = customer_of(&conn, KOWALSKI);
    let request = request_titled(&conn, "Licence server does not start after Windows update");
    let entries_before: i64 = conn
        .query_row(
            "SELECT count(*) FROM ledger WHERE customer_id = ?1",
            [customer],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let path = app.db_path.clone();
    let start = std::sync::Arc::new(std::sync::Barrier::new(20));
    let workers: Vec<_> = (0..20)
        .map(|i| {
            let path = path.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                let mut conn = db::open(&path).expect("open");
                start.wait();
                staff_do(&mut conn, |tx| {
                    let note = format!("worker {i}");
                    let by = Actor::staff("Test");
                    staff::log_time(tx, request, 60, Some(&note), &by, now_unix())
                        .expect("log time")
                })
            })
        })
        .collect();
    let logs: Vec<_> = workers
        .into_iter()
        .map(|w| w.join().expect("worker"))
        .collect();

    // 20 h at 204 PLN is 4 080 PLN, against 3 300 PLN of credit.
    let debited: i64 = logs.iter().map(|l| l.debited.unwrap()).sum();
    let invoiced: i64 = logs.iter().filter_map(|l| l.invoiced).sum();
    assert_eq!(debited, 330_000);
    assert_eq!(debited + invoiced, 20 * 20_400);
    let conn = app.db();
    assert_eq!(ledger::balance(&conn, customer).unwrap(), 0);
    let entries: i64 = conn
        .query_row(
            "SELECT count(*) FROM ledger WHERE customer_id = ?1",
            [customer],
            |r| r.get(0),
        )
        .unwrap();
    let written: usize = logs.iter().map(|l| l.ledger_entries.len()).sum();
    assert_eq!(entries, entries_before + written as i64);
    // Each time log's debit is exactly its ledger entries.
    for log in &logs {
        let sum: i64 = conn
            .query_row(
                "SELECT coalesce(-sum(amount_minor), 0) FROM ledger WHERE event_id = ?1",
                [log.event_id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(Some(sum), log.debited);
    }
    let time_logs: i64 = conn
        .query_row(
            "SELECT count(*) FROM request_events WHERE request_id = ?1 AND kind = 'time'",
            [request],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(time_logs, 21, "the seeded log and the twenty new ones");
    assert_invariants(&conn, customer);
}

#[tokio::test]
async fn the_ledger_cannot_be_written_through_the_api() {
    let app = TestApp::new().await;
    let admin = app.sign_in(KOWALSKI).await;
    let body = serde_json::json!({"kind": "top_up", "amount": {"minor": 1, "currency": "PLN"}});
    for path in ["/api/v1/credit", "/api/v1/credit/ledger"] {
        app.post(path, &admin, None, &body)
            .await
            .problem(405, "/problems/method-not-allowed");
    }
}

#[test]
fn the_scale_customer_has_its_counts_and_sound_invariants() {
    let dir = TempDir::new();
    let started = std::time::Instant::now();
    let conn = support_api_server::seed::create_demo_db(&dir.path().join("scale.sqlite3"), true)
        .expect("seed with --scale");
    let took = started.elapsed();
    assert!(took.as_secs() < 60, "the scale seed took {took:?}");
    let customer = customer_of(&conn, "admin@scale.demo");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [customer], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM ledger WHERE customer_id = ?1"),
        10_000
    );
    assert_eq!(
        count("SELECT count(*) FROM requests WHERE customer_id = ?1"),
        2_000
    );
    assert!(count("SELECT count(*) FROM ledger WHERE customer_id = ?1 AND kind = 'expiry'") > 0);
    // Every debit belongs to a time log of the scale customer's own requests.
    assert_eq!(
        count(
            "SELECT count(*) FROM ledger l JOIN requests r ON r.id = l.request_id
             JOIN request_events e ON e.id = l.event_id AND e.request_id = r.id
             WHERE l.customer_id = ?1 AND l.kind = 'debit' AND r.customer_id = ?1"
        ),
        count("SELECT count(*) FROM ledger WHERE customer_id = ?1 AND kind = 'debit'")
    );
    ledger::apply_expiries(&conn, customer, now_unix()).unwrap();
    assert_invariants(&conn, customer);
}
