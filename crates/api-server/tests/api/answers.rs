//! Kept answers (`answers.rs`): the plan, the catalog, the credit and a ledger page are
//! given again from memory only while nothing changed. A change written beside the
//! server, as the support team's CLI writes (another connection, another process in
//! production), shows in the very next read of each.

use serde_json::Value;
use support_api_server::actions::staff;
use support_api_server::db::requests::Actor;
use support_api_server::time_util::now_unix;

use crate::common::*;

const STROJIRNY: &str = "admin@strojirny-hradec.demo";
const TOMAS: &str = "technik@strojirny-hradec.demo";

fn first_licence_end(plan: &Value) -> &str {
    plan["alc"]["installed_base"][0]["maintenance_end"]
        .as_str()
        .unwrap_or_else(|| panic!("a licence: {plan}"))
}

#[tokio::test]
async fn every_kept_answer_shows_the_next_change() {
    let app = TestApp::new().await;
    let admin = app.sign_in(STROJIRNY).await;
    let paths = [
        "/api/v1/plan",
        "/api/v1/catalog",
        "/api/v1/credit",
        "/api/v1/credit/ledger?limit=5",
    ];
    let mut before = Vec::new();
    for path in paths {
        let first = app.get_ok(path, &admin).await;
        // Read twice: the second comes from memory and is the same answer.
        assert_eq!(app.get_ok(path, &admin).await, first, "{path}");
        before.push(first);
    }

    staff_do(&mut app.db(), |tx| {
        let request = request_titled(tx, "CATIA HD2 surface export crashes");
        staff::log_time(tx, request, 60, None, &Actor::staff("Test"), now_unix()).unwrap();
        tx.execute(
            "UPDATE licences SET maintenance_end = '2031-01-31'
             WHERE id = (SELECT min(id) FROM licences WHERE customer_id =
                 (SELECT customer_id FROM users WHERE email = ?1))",
            [STROJIRNY],
        )
        .unwrap();
        tx.execute("UPDATE course_dates SET seats_left = seats_left + 1", [])
            .unwrap();
    });

    let plan = app.get_ok(paths[0], &admin).await;
    assert_ne!(first_licence_end(&plan), first_licence_end(&before[0]));
    assert_eq!(first_licence_end(&plan), "2031-01-31");
    let catalog = app.get_ok(paths[1], &admin).await;
    assert_ne!(catalog, before[1], "the seats left changed");
    let credit = app.get_ok(paths[2], &admin).await;
    assert!(
        credit["balance"]["minor"].as_i64() < before[2]["balance"]["minor"].as_i64(),
        "an hour was debited: {} then {}",
        before[2]["balance"],
        credit["balance"]
    );
    let ledger = app.get_ok(paths[3], &admin).await;
    assert_ne!(ledger["items"][0]["id"], before[3]["items"][0]["id"]);
    assert_eq!(ledger["items"][0]["kind"], "debit");
}

/// One customer's kept answer is never another user's: a member of the same company
/// is not given the admin's credit (with its monthly use), nor its ledger.
#[tokio::test]
async fn a_kept_answer_is_only_for_the_same_question() {
    let app = TestApp::new().await;
    let admin = app.sign_in(STROJIRNY).await;
    let member = app.sign_in(TOMAS).await;
    let as_admin = app.get_ok("/api/v1/credit", &admin).await;
    assert!(as_admin["usage"].is_array() || as_admin["usage"].is_object());
    let as_member = app.get_ok("/api/v1/credit", &member).await;
    assert!(as_member["usage"].is_null(), "{as_member}");
    app.get_ok("/api/v1/credit/ledger?limit=5", &admin).await;
    let refused = app
        .get("/api/v1/credit/ledger?limit=5", Some(&member.cookie))
        .await;
    assert_eq!(refused.status, 404);
    let five = app.get_ok("/api/v1/credit/ledger?limit=5", &admin).await;
    let two = app.get_ok("/api/v1/credit/ledger?limit=2", &admin).await;
    assert_eq!(five["items"].as_array().map(Vec::len), Some(5));
    assert_eq!(two["items"].as_array().map(Vec::len), Some(2));
}
