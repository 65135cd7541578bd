//! `GET /plan` per demo customer, and that no customer sees another's data.

use std::collections::HashSet;

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::*;

async fn plan_of(app: &TestApp, email: &str) -> Value {
    let signed = app.sign_in(email).await;
    let response = app.get("/api/v1/plan", Some(&signed.cookie)).await;
    assert_eq!(response.status, StatusCode::OK);
    response.json()
}

fn levels(plan: &Value) -> Vec<&str> {
    plan["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .filter_map(|h| h["level"].as_str())
        .collect()
}

fn statuses(plan: &Value) -> Vec<&str> {
    plan["alc"]["installed_base"]
        .as_array()
        .expect("installed base")
        .iter()
        .filter_map(|l| l["status"].as_str())
        .collect()
}

fn licence_ids(plan: &Value) -> HashSet<i64> {
    plan["alc"]["installed_base"]
        .as_array()
        .map(|base| base.iter().filter_map(|l| l["id"].as_i64()).collect())
        .unwrap_or_default()
}

fn assert_contacts(plan: &Value) {
    let contacts = &plan["contacts"];
    assert_eq!(contacts["hotline"]["email"], "hotline@support-portal.demo");
    assert!(
        contacts["hotline"]["phone"]
            .as_str()
            .is_some_and(|p| p.starts_with("+44 1632 960"))
    );
    assert_eq!(
        contacts["hotline"]["hours"]["weekdays"],
        serde_json::json!([1, 2, 3, 4, 5])
    );
    assert_eq!(contacts["hotline"]["hours"]["time_zone"], "Europe/Prague");
    assert_eq!(
        contacts["technical_manager"]["email"],
        "manager@support-portal.demo"
    );
}

#[tokio::test]
async fn kowalski_holds_alc_and_sbp_with_expiring_and_lapsed_licences() {
    let app = TestApp::new().await;
    let plan = plan_of(&app, "admin@kowalski-aero.demo").await;
    assert_eq!(levels(&plan), ["alc", "sbp"]);
    let statuses = statuses(&plan);
    assert_eq!(statuses.len(), 3);
    for status in ["covered", "expiring_soon", "lapsed"] {
        assert!(statuses.contains(&status), "{status} missing: {statuses:?}");
    }
    let threshold = &plan["sbp"]["low_balance_threshold"];
    assert_eq!(
        threshold,
        &serde_json::json!({"minor": 500_000, "currency": "PLN"})
    );
    assert!(plan["sla"].is_null());
    assert_eq!(plan["pay_available"], true);
    assert_contacts(&plan);
    // The ALC period is a maintenance year.
    let alc = &plan["levels"][0];
    assert!(alc["since"].is_string() && alc["until"].is_string());

    // A member sees the same company plan.
    assert_eq!(plan_of(&app, "inzynier@kowalski-aero.demo").await, plan);
}

#[tokio::test]
async fn strojirny_holds_all_three_with_an_sla() {
    let app = TestApp::new().await;
    let plan = plan_of(&app, "technik@strojirny-hradec.demo").await;
    assert_eq!(levels(&plan), ["alc", "sbp", "sla"]);
    let statuses = statuses(&plan);
    assert!(
        statuses.contains(&"expiring_soon") && statuses.contains(&"lapsed"),
        "{statuses:?}"
    );
    assert!((3..=4).contains(&statuses.len()));
    assert_eq!(plan["sbp"]["low_balance_threshold"]["minor"], 4_000_000);
    assert_eq!(plan["sbp"]["low_balance_threshold"]["currency"], "CZK");
    let sla = &plan["sla"];
    assert_eq!(sla["reference"], "SLA-2025-014");
    assert_eq!(
        sla["reaction_targets"],
        serde_json::json!([
            {"priority": "critical", "minutes": 120},
            {"priority": "high", "minutes": 240},
            {"priority": "normal", "minutes": 480},
            {"priority": "low", "minutes": 960},
        ])
    );
    assert_eq!(
        sla["business_hours"],
        serde_json::json!({"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "16:30",
                           "time_zone": "Europe/Prague"})
    );
}

#[tokio::test]
async fn tatra_holds_alc_only_with_covered_licences() {
    let app = TestApp::new().await;
    let plan = plan_of(&app, "admin@tatra-forming.demo").await;
    assert_eq!(levels(&plan), ["alc"]);
    assert_eq!(statuses(&plan), ["covered", "covered"]);
    assert!(plan["sbp"].is_null());
    assert!(plan["sla"].is_null());
}

#[tokio::test]
async fn northbridge_is_pay_only_without_alc() {
    let app = TestApp::new().await;
    let plan = plan_of(&app, "buyer@northbridge.demo").await;
    assert_eq!(levels(&plan), ["pay"]);
    assert!(plan["alc"].is_null());
    assert!(plan["sbp"].is_null());
    assert!(plan["sla"].is_null());
    assert_eq!(plan["pay_available"], true);
    assert_contacts(&plan);
}

#[tokio::test]
async fn customers_never_see_each_others_licences() {
    let app = TestApp::new().await;
    let kowalski = plan_of(&app, "admin@kowalski-aero.demo").await;
    let strojirny = plan_of(&app, "admin@strojirny-hradec.demo").await;
    let tatra = plan_of(&app, "admin@tatra-forming.demo").await;
    let (k, s, t) = (
        licence_ids(&kowalski),
        licence_ids(&strojirny),
        licence_ids(&tatra),
    );
    assert!(k.is_disjoint(&s) && k.is_disjoint(&t) && s.is_disjoint(&t));
    assert_eq!(k.len() + s.len() + t.len(), 3 + 4 + 2);
    let products = |plan: &Value| plan["alc"]["installed_base"].to_string();
    assert!(!products(&kowalski).contains("SIMULIA"));
    assert!(!products(&strojirny).contains("DELMIA"));
    assert!(!products(&tatra).contains("CATIA"));
}

#[tokio::test]
async fn plan_needs_a_session() {
    let app = TestApp::new().await;
    app.get("/api/v1/plan", None)
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn storage_failures_are_500_problems_that_reveal_nothing() {
    let app = TestApp::new().await;
    let signed = app.sign_in("admin@tatra-forming.demo").await;
    let conn = rusqlite::Connection::open(&app.db_path).expect("open");
    conn.execute_batch("DROP TABLE support_contacts")
        .expect("drop");
    let response = app.get("/api/v1/plan", Some(&signed.cookie)).await;
    let problem = response.problem(500, "/problems/internal");
    assert!(
        !problem["detail"].to_string().contains("support_contacts"),
        "{problem}"
    );
}
