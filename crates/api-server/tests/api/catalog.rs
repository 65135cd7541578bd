//! `GET /catalog` per demo customer: rates in its currency, how it gets each service.

use axum::http::StatusCode;
use serde_json::Value;
use support_api::catalog::{ServiceCode, billed_as};
use support_api::plan::Level;

use crate::common::*;

async fn catalog_of(app: &TestApp, email: &str) -> Value {
    let signed = app.sign_in(email).await;
    let response = app.get("/api/v1/catalog", Some(&signed.cookie)).await;
    assert_eq!(response.status, StatusCode::OK);
    response.json()
}

fn level<'a>(catalog: &'a Value, name: &str) -> &'a Value {
    catalog["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|l| l["level"] == name)
        .expect("level listed")
}

fn billed(catalog: &Value, code: &str) -> String {
    catalog["services"]
        .as_array()
        .expect("services")
        .iter()
        .find(|s| s["code"] == code)
        .and_then(|s| s["billed_as"].as_str())
        .expect("service listed")
        .to_owned()
}

/// Checks what holds for every customer and returns the held levels.
fn check_common(catalog: &Value, currency: &str) -> Vec<Level> {
    assert_eq!(catalog["currency"], currency);
    let levels = catalog["levels"].as_array().expect("levels");
    assert_eq!(levels.len(), 4);
    let held: Vec<Level> = levels
        .iter()
        .filter(|l| l["held"] == true)
        .map(|l| serde_json::from_value(l["level"].clone()).expect("level"))
        .collect();

    let services = catalog["services"].as_array().expect("services");
    assert_eq!(services.len(), ServiceCode::ALL.len());
    for (service, code) in services.iter().zip(ServiceCode::ALL) {
        assert_eq!(service["code"], code.as_str());
        assert_eq!(service["pay_rate"]["currency"], currency);
        assert_eq!(service["sbp_rate"]["currency"], currency);
        let (pay, sbp) = (
            service["pay_rate"]["minor"].as_i64().expect("pay"),
            service["sbp_rate"]["minor"].as_i64().expect("sbp"),
        );
        assert!(0 < sbp && sbp < pay, "{service}");
        let expected = serde_json::to_value(billed_as(&held, code)).expect("json");
        assert_eq!(service["billed_as"], expected, "{code:?}");
        let billing = if matches!(
            code,
            ServiceCode::Training | ServiceCode::Deployment | ServiceCode::Methodology
        ) {
            "fixed"
        } else {
            "hourly"
        };
        assert_eq!(service["billing"], billing, "{code:?}");
    }

    let today = support_api_server::time_util::format_day(support_api_server::time_util::today());
    let courses = catalog["courses"].as_array().expect("courses");
    assert!(courses.len() >= 3);
    let mut full = 0;
    for course in courses {
        assert_eq!(course["price_per_participant"]["currency"], currency);
        let dates = course["dates"].as_array().expect("dates");
        assert!((2..=3).contains(&dates.len()), "{course}");
        for date in dates {
            let starts_on = date["starts_on"].as_str().expect("starts_on");
            assert!(starts_on >= today.as_str(), "past date listed: {date}");
            assert!(date["ends_on"].as_str().expect("ends_on") >= starts_on);
            full += usize::from(date["seats_left"] == 0);
        }
    }
    assert_eq!(full, 1, "one date is full");
    held
}

#[tokio::test]
async fn kowalski_gets_services_from_credit_in_pln() {
    let app = TestApp::new().await;
    let catalog = catalog_of(&app, "inzynier@kowalski-aero.demo").await;
    assert_eq!(check_common(&catalog, "PLN"), [Level::Alc, Level::Sbp]);
    assert_eq!(billed(&catalog, "hotline"), "alc_included");
    assert_eq!(billed(&catalog, "training"), "sbp_credit");
    assert_eq!(level(&catalog, "alc")["available"], true);
    assert_eq!(
        level(&catalog, "alc")["includes"],
        serde_json::json!(["hotline"])
    );
}

#[tokio::test]
async fn strojirny_gets_the_hotline_under_its_sla_in_czk() {
    let app = TestApp::new().await;
    let catalog = catalog_of(&app, "admin@strojirny-hradec.demo").await;
    assert_eq!(
        check_common(&catalog, "CZK"),
        [Level::Alc, Level::Sbp, Level::Sla]
    );
    assert_eq!(billed(&catalog, "hotline"), "sla_contract");
    assert_eq!(billed(&catalog, "onsite_service"), "sbp_credit");
}

#[tokio::test]
async fn tatra_pays_by_invoice_in_eur() {
    let app = TestApp::new().await;
    let catalog = catalog_of(&app, "admin@tatra-forming.demo").await;
    assert_eq!(check_common(&catalog, "EUR"), [Level::Alc]);
    assert_eq!(billed(&catalog, "hotline"), "alc_included");
    assert_eq!(billed(&catalog, "remote_service"), "pay_invoice");
    assert_eq!(level(&catalog, "sbp")["available"], true);
    assert_eq!(level(&catalog, "sbp")["held"], false);
}

#[tokio::test]
async fn northbridge_is_offered_pay_and_cannot_have_alc() {
    let app = TestApp::new().await;
    let catalog = catalog_of(&app, "buyer@northbridge.demo").await;
    assert_eq!(check_common(&catalog, "EUR"), [Level::Pay]);
    let alc = level(&catalog, "alc");
    assert_eq!(
        (alc["held"].clone(), alc["available"].clone()),
        (false.into(), false.into())
    );
    let pay = level(&catalog, "pay");
    assert_eq!(
        (pay["held"].clone(), pay["available"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(billed(&catalog, "hotline"), "pay_invoice");
    assert_eq!(billed(&catalog, "training"), "pay_invoice");
}

#[tokio::test]
async fn catalog_needs_a_session() {
    let app = TestApp::new().await;
    app.get("/api/v1/catalog", None)
        .await
        .problem(401, "/problems/unauthenticated");
}
