//! Requests: billing per demo customer, the SBP debit and the PAY charge, SLA reaction
//! times, the approval flow, idempotency, cancel rules, tenant and member isolation on
//! every endpoint, the list's filters and paging, and every bad input of issue 5 refused
//! with a 4xx problem that names the field while nothing is stored.

use serde_json::{Value, json};
use support_api_server::actions::staff;
use support_api_server::business_time::BusinessHours;
use support_api_server::db::requests::Actor;
use support_api_server::time_util::{add_days, format_day, now_unix, today};

use crate::common::*;

const ANNA: &str = "admin@kowalski-aero.demo";
const PIOTR: &str = "inzynier@kowalski-aero.demo";
const JANA: &str = "admin@strojirny-hradec.demo";
const TOMAS: &str = "technik@strojirny-hradec.demo";
const MARTIN: &str = "admin@tatra-forming.demo";
const OLIVER: &str = "buyer@northbridge.demo";

fn day(offset: i64) -> String {
    format_day(add_days(today(), offset))
}

fn draft(title: &str, details: Value) -> Value {
    json!({
        "title": title,
        "description": "Details of what we need.",
        "priority": "normal",
        "licence_id": null,
        "contact_phone": "+44 1632 960 555",
        "details": details,
    })
}

fn hotline(licence: Option<i64>) -> Value {
    let mut body = draft("It stopped working", json!({"type": "hotline"}));
    body["licence_id"] = json!(licence);
    body
}

fn remote(minutes: Option<u32>) -> Value {
    draft(
        "Remote help",
        json!({"type": "remote_service", "window_from": format!("{}T08:00:00Z", day(1)),
               "window_to": format!("{}T12:00:00Z", day(1)), "expected_minutes": minutes}),
    )
}

fn onsite(minutes: Option<u32>) -> Value {
    draft(
        "On-site visit",
        json!({"type": "onsite_service", "site_address": "Main street 1",
               "preferred_dates": [day(7)], "expected_minutes": minutes}),
    )
}

fn course(date_id: i64, participants: u32) -> Value {
    draft(
        "Course",
        json!({"type": "training", "course_date_id": date_id, "custom_topic": null,
               "participants": participants, "location": "training_room"}),
    )
}

async fn licence(app: &TestApp, signed: &Signed, product_starts: &str) -> i64 {
    let plan = app.get_ok("/api/v1/plan", signed).await;
    plan["alc"]["installed_base"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["product"].as_str().unwrap().starts_with(product_starts))
        .and_then(|l| l["id"].as_i64())
        .unwrap_or_else(|| panic!("no licence {product_starts}"))
}

/// A course date by course code and how many seats it has left.
async fn course_date(
    app: &TestApp,
    signed: &Signed,
    code: &str,
    seats: impl Fn(i64) -> bool,
) -> (i64, i64) {
    let catalog = app.get_ok("/api/v1/catalog", signed).await;
    catalog["courses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == code)
        .flat_map(|c| c["dates"].as_array().unwrap().iter())
        .map(|d| (d["id"].as_i64().unwrap(), d["seats_left"].as_i64().unwrap()))
        .find(|(_, left)| seats(*left))
        .unwrap_or_else(|| panic!("no date of {code}"))
}

async fn seats_left(app: &TestApp, signed: &Signed, date_id: i64) -> i64 {
    let catalog = app.get_ok("/api/v1/catalog", signed).await;
    catalog["courses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["dates"].as_array().unwrap().iter())
        .find(|d| d["id"] == date_id)
        .and_then(|d| d["seats_left"].as_i64())
        .unwrap()
}

async fn estimate(app: &TestApp, signed: &Signed, body: &Value) -> Value {
    let response = app
        .post("/api/v1/requests/estimate", signed, None, body)
        .await;
    assert_eq!(
        response.status.as_u16(),
        200,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json()
}

async fn create(app: &TestApp, signed: &Signed, key: &str, body: &Value) -> Value {
    let response = app.post("/api/v1/requests", signed, Some(key), body).await;
    assert_eq!(
        response.status.as_u16(),
        201,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json()
}

fn id_of(detail: &Value) -> i64 {
    detail["summary"]["id"].as_i64().expect("id")
}

/// Rows in the tables a refused call must leave alone.
fn stored(app: &TestApp) -> (i64, i64, i64, i64, i64) {
    let conn = app.db();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let seats: i64 = conn
        .query_row("SELECT sum(seats_left) FROM course_dates", [], |r| r.get(0))
        .unwrap();
    (
        count("requests"),
        count("request_events"),
        count("idempotency_keys"),
        count("ledger"),
        seats,
    )
}

#[tokio::test]
async fn billing_follows_each_demo_customers_levels() {
    let app = TestApp::new().await;
    // Kowalski: ALC hotline for a covered licence, PAY for the lapsed one, SBP for work.
    let anna = app.sign_in(ANNA).await;
    let solidworks = licence(&app, &anna, "SOLIDWORKS").await;
    let delmia = licence(&app, &anna, "DELMIA").await;
    let e = estimate(&app, &anna, &hotline(Some(solidworks))).await;
    assert_eq!(
        (
            e["billed_as"].as_str(),
            e["rate"].clone(),
            e["amount"].clone()
        ),
        (Some("alc_included"), Value::Null, Value::Null)
    );
    assert_eq!(e["needs_confirmation"], false);
    let e = estimate(&app, &anna, &hotline(None)).await;
    assert_eq!(e["billed_as"], "alc_included");
    let e = estimate(&app, &anna, &hotline(Some(delmia))).await;
    assert_eq!(
        e["billed_as"], "pay_invoice",
        "a lapsed licence is not covered"
    );
    assert_eq!(e["rate"], json!({"minor": 22_000, "currency": "PLN"}));
    assert_eq!(e["rate_unit"], "hour");
    assert_eq!(e["needs_confirmation"], true);

    let e = estimate(&app, &anna, &remote(Some(120))).await;
    assert_eq!(e["billed_as"], "sbp_credit");
    assert_eq!(e["rate"]["minor"], 20_400, "the SBP rate, not PAY's 24 000");
    assert_eq!(e["amount"]["minor"], 40_800);
    assert_eq!(e["minutes"], 120);
    assert_eq!(e["needs_approval"], false);
    let e = estimate(&app, &anna, &remote(None)).await;
    assert_eq!(
        (e["rate"]["minor"].as_i64(), e["amount"].clone()),
        (Some(20_400), Value::Null)
    );
    let piotr = app.sign_in(PIOTR).await;
    assert_eq!(
        estimate(&app, &piotr, &remote(Some(60))).await["needs_approval"],
        true
    );
    assert_eq!(
        estimate(&app, &piotr, &hotline(Some(solidworks))).await["needs_approval"],
        false
    );
    // A catalog course from credit: 4 400 PLN at the training's SBP discount (1 020/1 200).
    let (date, _) = course_date(&app, &anna, "SW-ESS", |left| left >= 2).await;
    let e = estimate(&app, &anna, &course(date, 2)).await;
    assert_eq!(
        (e["rate"]["minor"].as_i64(), e["amount"]["minor"].as_i64()),
        (Some(374_000), Some(748_000))
    );
    assert_eq!(e["rate_unit"], "participant");
    // A fixed-price job.
    let methodology = draft(
        "Guidelines",
        json!({"type": "methodology", "expected_minutes": null}),
    );
    let e = estimate(&app, &anna, &methodology).await;
    assert_eq!(
        (e["billing"].as_str(), e["amount"]["minor"].as_i64()),
        (Some("fixed"), Some(1_020_000))
    );
    // A top-up: the amount asked for, on a PAY invoice.
    let top_up = json!({"title": "Top-up", "description": "", "priority": "normal", "licence_id": null,
        "contact_phone": null, "details": {"type": "credit_top_up", "amount": {"minor": 2_000_000, "currency": "PLN"}}});
    let e = estimate(&app, &anna, &top_up).await;
    assert_eq!(
        (e["billed_as"].as_str(), e["amount"]["minor"].as_i64()),
        (Some("pay_invoice"), Some(2_000_000))
    );

    // Strojírny: the hotline under the SLA, work from credit.
    let jana = app.sign_in(JANA).await;
    assert_eq!(
        estimate(&app, &jana, &hotline(None)).await["billed_as"],
        "sla_contract"
    );
    let e = estimate(&app, &jana, &onsite(Some(480))).await;
    assert_eq!(
        (e["billed_as"].as_str(), e["amount"]["minor"].as_i64()),
        (Some("sbp_credit"), Some(8 * 148_800))
    );

    // Tatra: ALC hotline, PAY for the rest.
    let martin = app.sign_in(MARTIN).await;
    assert_eq!(
        estimate(&app, &martin, &hotline(None)).await["billed_as"],
        "alc_included"
    );
    let e = estimate(&app, &martin, &remote(Some(90))).await;
    assert_eq!(
        (e["billed_as"].as_str(), e["amount"]["minor"].as_i64()),
        (Some("pay_invoice"), Some(8_700))
    );

    // Northbridge: PAY for everything, the hotline included.
    let oliver = app.sign_in(OLIVER).await;
    let e = estimate(&app, &oliver, &onsite(Some(480))).await;
    assert_eq!(e["billed_as"], "pay_invoice");
    assert_eq!(e["amount"], json!({"minor": 57_600, "currency": "EUR"}));
    assert_eq!(e["needs_confirmation"], true);
    assert_eq!(
        estimate(&app, &oliver, &hotline(None)).await["billed_as"],
        "pay_invoice"
    );
    let custom = draft(
        "Training",
        json!({"type": "training", "course_date_id": null,
        "custom_topic": "Drawings", "participants": 3, "location": "online", "preferred_dates": [day(20)]}),
    );
    let e = estimate(&app, &oliver, &custom).await;
    assert_eq!(
        (e["rate_unit"].as_str(), e["amount"].clone()),
        (Some("participant_day"), Value::Null)
    );
}

#[tokio::test]
async fn estimates_store_nothing_and_refuse_what_cannot_be_priced() {
    let app = TestApp::new().await;
    let before = stored(&app);
    let martin = app.sign_in(MARTIN).await;
    let top_up = json!({"title": "Top-up", "description": "", "priority": "normal", "licence_id": null,
        "contact_phone": null, "details": {"type": "credit_top_up", "amount": {"minor": 100, "currency": "EUR"}}});
    let problem = app
        .post("/api/v1/requests/estimate", &martin, None, &top_up)
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "type");
    assert_eq!(problem["errors"][0]["code"], "unavailable");
    let anna = app.sign_in(ANNA).await;
    let foreign = licence(&app, &martin, "SOLIDWORKS Professional").await;
    let problem = app
        .post(
            "/api/v1/requests/estimate",
            &anna,
            None,
            &hotline(Some(foreign)),
        )
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "licence_id");
    estimate(&app, &anna, &remote(Some(60))).await;
    assert_eq!(stored(&app), before);
}

#[tokio::test]
async fn a_request_paid_from_credit_is_debited_at_the_sbp_rate() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let detail = create(&app, &anna, "k-1", &remote(Some(120))).await;
    let id = id_of(&detail);
    assert_eq!(detail["summary"]["status"], "submitted");
    assert_eq!(detail["summary"]["billed_as"], "sbp_credit");
    assert_eq!(detail["summary"]["cost"]["minor"], 40_800);
    assert_eq!(detail["summary"]["cost_is_estimate"], true);
    assert_eq!(
        detail["summary"]["reaction_due_at"],
        Value::Null,
        "no SLA at Kowalski"
    );

    let logged = staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 90, Some("fixed"), &Actor::staff("Ewa"), now_unix()).unwrap()
    });
    assert_eq!(logged.debited, Some(30_600));
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &anna).await;
    assert_eq!(detail["summary"]["status"], "in_progress");
    assert_eq!(detail["summary"]["cost"]["minor"], 30_600);
    assert_eq!(detail["summary"]["cost_is_estimate"], false);
    assert_eq!(detail["consumed_minutes"], 90);
    let timeline = detail["timeline"].as_array().unwrap();
    let time = timeline
        .iter()
        .find(|e| e["event"] == "time_logged")
        .unwrap();
    assert_eq!(time["debited"], json!({"minor": 30_600, "currency": "PLN"}));
    assert_eq!(
        (time["by"].as_str(), time["note"].as_str()),
        (Some("Ewa"), Some("fixed"))
    );
    assert!(
        timeline
            .iter()
            .any(|e| e["event"] == "status_changed" && e["to"] == "in_progress")
    );

    let ledger = app
        .get_ok("/api/v1/credit/ledger?kind=debit&limit=1", &anna)
        .await;
    let entry = &ledger["items"][0];
    assert_eq!(
        (
            entry["request_id"].as_i64(),
            entry["amount"]["minor"].as_i64()
        ),
        (Some(id), Some(-30_600))
    );
    assert_eq!(entry["service"], "remote_service");
    assert_eq!(entry["request_title"], "Remote help");
    let credit = app.get_ok("/api/v1/credit", &anna).await;
    assert_eq!(credit["balance"]["minor"], 330_000 - 30_600);
}

#[tokio::test]
async fn northbridge_pays_by_invoice_for_its_on_site_visit() {
    let app = TestApp::new().await;
    let oliver = app.sign_in(OLIVER).await;
    let detail = create(&app, &oliver, "n-1", &onsite(Some(480))).await;
    let id = id_of(&detail);
    assert_eq!(detail["summary"]["billed_as"], "pay_invoice");
    assert_eq!(
        detail["summary"]["cost"],
        json!({"minor": 57_600, "currency": "EUR"})
    );
    assert_eq!(detail["summary"]["cost_is_estimate"], true);
    let logged = staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 120, None, &Actor::staff("Ewa"), now_unix()).unwrap()
    });
    assert_eq!((logged.debited, logged.invoiced), (None, Some(14_400)));
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &oliver).await;
    assert_eq!(detail["summary"]["cost"]["minor"], 14_400);
    let time = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "time_logged")
        .unwrap()
        .clone();
    assert_eq!(
        (time["debited"].clone(), time["invoiced"]["minor"].as_i64()),
        (Value::Null, Some(14_400))
    );
    // The seeded Northbridge requests carry PAY estimates too.
    let list = app
        .get_ok("/api/v1/requests?type=onsite_service", &oliver)
        .await;
    let seeded = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "Fixture design review at our Sheffield plant")
        .unwrap()
        .clone();
    assert_eq!(
        (
            seeded["billed_as"].as_str(),
            seeded["cost"]["minor"].as_i64()
        ),
        (Some("pay_invoice"), Some(57_600))
    );
}

#[tokio::test]
async fn sla_requests_get_their_reaction_target_in_business_time() {
    let app = TestApp::new().await;
    let tomas = app.sign_in(TOMAS).await;
    let mut body = hotline(None);
    body["priority"] = json!("high");
    let before = now_unix();
    let detail = create(&app, &tomas, "s-1", &body).await;
    let after = now_unix();
    let summary = &detail["summary"];
    assert_eq!(summary["billed_as"], "sla_contract");
    assert_eq!(
        summary["status"], "submitted",
        "an SLA hotline ticket needs no approval"
    );
    let hours = BusinessHours::new(&[1, 2, 3, 4, 5], "08:00", "16:30").unwrap();
    let due = summary["reaction_due_at"].as_str().unwrap();
    let expected: Vec<String> = (before..=after)
        .map(|t| support_api_server::time_util::format_instant(hours.add_minutes(t, 240)).unwrap())
        .collect();
    assert!(
        expected.iter().any(|e| e == due),
        "{due} not in {expected:?}"
    );
    assert_eq!(summary["first_reaction_at"], Value::Null);

    // The first staff comment is the first reaction.
    let id = id_of(&detail);
    staff_do(&mut app.db(), |tx| {
        staff::comment(tx, id, "Looking at it.", &Actor::staff("Ewa"), now_unix()).unwrap()
    });
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &tomas).await;
    assert!(detail["summary"]["first_reaction_at"].is_string());
    let comment = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "comment")
        .unwrap()
        .clone();
    assert_eq!(comment["staff"], true);

    // A member's credit spend starts its clock when an admin approves it.
    let waiting = create(&app, &tomas, "s-2", &remote(Some(60))).await;
    assert_eq!(waiting["summary"]["status"], "awaiting_approval");
    assert_eq!(waiting["summary"]["reaction_due_at"], Value::Null);
    let jana = app.sign_in(JANA).await;
    let path = format!("/api/v1/requests/{}/decision", id_of(&waiting));
    let approved = app
        .post(
            &path,
            &jana,
            None,
            &json!({"approve": true, "reason": null}),
        )
        .await
        .json();
    assert!(approved["summary"]["reaction_due_at"].is_string());
}

#[tokio::test]
async fn strojirny_has_one_request_overdue_and_one_due_soon() {
    let app = TestApp::new().await;
    let jana = app.sign_in(JANA).await;
    let list = app
        .get_ok("/api/v1/requests?sort=reaction_due&open=true", &jana)
        .await;
    let items = list["items"].as_array().unwrap();
    let now = support_api_server::time_util::format_instant(now_unix()).unwrap();
    let waiting: Vec<&Value> = items
        .iter()
        .filter(|r| r["first_reaction_at"].is_null() && r["reaction_due_at"].is_string())
        .collect();
    assert_eq!(waiting.len(), 2, "{items:?}");
    assert_eq!(waiting[0]["title"], "ENOVIA change action stuck in review");
    assert_eq!(waiting[0]["requested_by"], "Tomáš Svoboda");
    assert!(
        waiting[0]["reaction_due_at"].as_str().unwrap() < now.as_str(),
        "overdue"
    );
    assert_eq!(
        waiting[1]["title"],
        "Cannot save to the collaborative space"
    );
    assert!(
        waiting[1]["reaction_due_at"].as_str().unwrap() > now.as_str(),
        "not yet due"
    );
    assert_eq!(
        items[0]["title"], waiting[0]["title"],
        "the overdue one sorts first"
    );
}

#[tokio::test]
async fn a_members_credit_spend_waits_for_an_admin() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    let detail = create(&app, &piotr, "p-1", &remote(Some(60))).await;
    let id = id_of(&detail);
    assert_eq!(detail["summary"]["status"], "awaiting_approval");
    assert_eq!(
        (
            detail["can_approve"].as_bool(),
            detail["can_cancel"].as_bool()
        ),
        (Some(false), Some(true))
    );
    let path = format!("/api/v1/requests/{id}/decision");
    let yes = json!({"approve": true, "reason": null});
    app.post(&path, &piotr, None, &yes)
        .await
        .problem(403, "/problems/forbidden");
    let jana = app.sign_in(JANA).await;
    app.post(&path, &jana, None, &yes)
        .await
        .problem(404, "/problems/not-found");

    let seen = app.get_ok(&format!("/api/v1/requests/{id}"), &anna).await;
    assert_eq!(seen["can_approve"], true);
    let approved = app.post(&path, &anna, None, &yes).await;
    assert_eq!(approved.status.as_u16(), 200);
    let approved = approved.json();
    assert_eq!(approved["summary"]["status"], "submitted");
    let change = approved["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (
            change["by"].as_str(),
            change["from"].as_str(),
            change["to"].as_str()
        ),
        (
            Some("Anna Kowalska"),
            Some("awaiting_approval"),
            Some("submitted")
        )
    );
    app.post(&path, &anna, None, &yes)
        .await
        .problem(409, "/problems/conflict");

    // Declining needs a reason, and cancels.
    let other = id_of(&create(&app, &piotr, "p-2", &onsite(Some(240))).await);
    let path = format!("/api/v1/requests/{other}/decision");
    let problem = app
        .post(
            &path,
            &anna,
            None,
            &json!({"approve": false, "reason": " "}),
        )
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "reason");
    let declined = app
        .post(
            &path,
            &anna,
            None,
            &json!({"approve": false, "reason": "Not in this budget"}),
        )
        .await
        .json();
    assert_eq!(declined["summary"]["status"], "cancelled");
    let change = declined["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(change["reason"], "Not in this budget");
    // The seeded one waits too.
    let waiting = app
        .get_ok("/api/v1/requests?status=awaiting_approval", &anna)
        .await;
    let titles: Vec<&str> = waiting["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["BOM export macro for the ERP system"]);
    // A request not awaiting approval cannot be decided.
    let hotline_id = id_of(&create(&app, &anna, "a-1", &hotline(None)).await);
    app.post(
        &format!("/api/v1/requests/{hotline_id}/decision"),
        &anna,
        None,
        &yes,
    )
    .await
    .problem(409, "/problems/conflict");
}

#[tokio::test]
async fn the_same_idempotency_key_creates_one_request() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let before = stored(&app);
    let first = app
        .post(
            "/api/v1/requests",
            &anna,
            Some("double-click"),
            &remote(Some(60)),
        )
        .await;
    assert_eq!(first.status.as_u16(), 201);
    assert!(
        first
            .header(axum::http::header::LOCATION)
            .unwrap()
            .ends_with(&id_of(&first.json()).to_string())
    );
    // The same body, spelled differently: the same request again.
    let again_body: Value = serde_json::from_str(&remote(Some(60)).to_string()).unwrap();
    let again = app
        .post("/api/v1/requests", &anna, Some("double-click"), &again_body)
        .await;
    assert_eq!(again.status.as_u16(), 201);
    assert_eq!(
        again.header("idempotency-replayed".parse().unwrap()),
        Some("true")
    );
    assert_eq!(id_of(&again.json()), id_of(&first.json()));
    let after = stored(&app);
    assert_eq!(after.0, before.0 + 1, "one request");
    assert_eq!(after.2, before.2 + 1, "one key");

    // The same key with another body is refused, and stores nothing.
    app.post(
        "/api/v1/requests",
        &anna,
        Some("double-click"),
        &remote(Some(90)),
    )
    .await
    .problem(409, "/problems/conflict");
    assert_eq!(stored(&app), after);
    // Keys are per user: Piotr's "double-click" is his own.
    let piotr = app.sign_in(PIOTR).await;
    create(&app, &piotr, "double-click", &remote(Some(60))).await;
    // No key, an empty one, or a strange one: refused.
    for key in [None, Some(" "), Some("ключ")] {
        let response = if let Some(key) = key {
            let request = axum::http::Request::post("/api/v1/requests")
                .header(axum::http::header::COOKIE, &anna.cookie)
                .header(support_api::CSRF_HEADER, &anna.csrf)
                .header(axum::http::header::CONTENT_TYPE, "application/json")
                .header(
                    "Idempotency-Key",
                    axum::http::HeaderValue::from_bytes(key.as_bytes()).unwrap(),
                )
                .body(axum::body::Body::from(remote(None).to_string()))
                .unwrap();
            app.send(request).await
        } else {
            app.post("/api/v1/requests", &anna, None, &remote(None))
                .await
        };
        let problem = response.problem(422, "/problems/validation");
        assert_eq!(problem["errors"][0]["field"], "Idempotency-Key", "{key:?}");
    }

    // Comments too.
    let id = id_of(&first.json());
    let path = format!("/api/v1/requests/{id}/comments");
    let text = json!({"text": "Any news?"});
    let one = app.post(&path, &anna, Some("c-1"), &text).await;
    assert_eq!(one.status.as_u16(), 201);
    let two = app.post(&path, &anna, Some("c-1"), &text).await;
    assert_eq!(two.status.as_u16(), 201);
    let comments = two.json()["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "comment")
        .count();
    assert_eq!(comments, 1);
    app.post(
        &path,
        &anna,
        Some("c-1"),
        &json!({"text": "Something else"}),
    )
    .await
    .problem(409, "/problems/conflict");
    // A key used for a request is not a comment's key.
    app.post(&path, &anna, Some("double-click"), &text)
        .await
        .problem(409, "/problems/conflict");
    app.post(&path, &anna, None, &text)
        .await
        .problem(422, "/problems/validation");
}

#[tokio::test]
async fn requests_can_be_cancelled_until_work_starts() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let (date, left) = course_date(&app, &anna, "3DX-BASICS", |left| left >= 3).await;
    let detail = create(&app, &anna, "t-1", &course(date, 3)).await;
    assert_eq!(
        seats_left(&app, &anna, date).await,
        left - 3,
        "seats are held"
    );
    let id = id_of(&detail);
    let cancelled = app
        .post(
            &format!("/api/v1/requests/{id}/cancel"),
            &anna,
            None,
            &json!({}),
        )
        .await;
    assert_eq!(cancelled.status.as_u16(), 200);
    let cancelled = cancelled.json();
    assert_eq!(
        (
            cancelled["summary"]["status"].as_str(),
            cancelled["can_cancel"].as_bool()
        ),
        (Some("cancelled"), Some(false))
    );
    assert_eq!(seats_left(&app, &anna, date).await, left, "and given back");
    app.post(
        &format!("/api/v1/requests/{id}/cancel"),
        &anna,
        None,
        &json!({}),
    )
    .await
    .problem(409, "/problems/conflict");
    // Work has started on the seeded licence server request; the scheduled visit can go.
    let started = request_titled(
        &app.db(),
        "Licence server does not start after Windows update",
    );
    app.post(
        &format!("/api/v1/requests/{started}/cancel"),
        &anna,
        None,
        &json!({}),
    )
    .await
    .problem(409, "/problems/conflict");
    let scheduled = request_titled(&app.db(), "Robot cell fixture library — on-site visit");
    let piotr = app.sign_in(PIOTR).await;
    let response = app
        .post(
            &format!("/api/v1/requests/{scheduled}/cancel"),
            &piotr,
            None,
            &json!({}),
        )
        .await;
    assert_eq!(response.status.as_u16(), 200);
    // A closed one neither.
    let closed = request_titled(&app.db(), "BOM export script fix");
    app.post(
        &format!("/api/v1/requests/{closed}/cancel"),
        &anna,
        None,
        &json!({}),
    )
    .await
    .problem(409, "/problems/conflict");
}

#[tokio::test]
async fn nobody_reaches_another_customers_or_a_colleagues_request() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let piotr = app.sign_in(PIOTR).await;
    let jana = app.sign_in(JANA).await;
    let annas = request_titled(
        &app.db(),
        "SOLIDWORKS crashes when opening large assemblies",
    );
    let piotrs = request_titled(&app.db(), "BOM export macro for the ERP system");
    let before = stored(&app);
    let comment = json!({"text": "hello"});
    let decision = json!({"approve": true, "reason": null});
    for (who, id) in [(&jana, annas), (&jana, piotrs), (&piotr, annas)] {
        app.get(&format!("/api/v1/requests/{id}"), Some(&who.cookie))
            .await
            .problem(404, "/problems/not-found");
        app.post(
            &format!("/api/v1/requests/{id}/comments"),
            who,
            Some("x"),
            &comment,
        )
        .await
        .problem(404, "/problems/not-found");
        app.post(
            &format!("/api/v1/requests/{id}/cancel"),
            who,
            None,
            &json!({}),
        )
        .await
        .problem(404, "/problems/not-found");
        app.post(
            &format!("/api/v1/requests/{id}/decision"),
            who,
            None,
            &decision,
        )
        .await
        .problem(404, "/problems/not-found");
    }
    for path in [
        "/api/v1/requests/0",
        "/api/v1/requests/abc",
        "/api/v1/requests/99999",
        "/api/v1/requests/-1",
    ] {
        app.get(path, Some(&anna.cookie))
            .await
            .problem(404, "/problems/not-found");
    }
    assert_eq!(stored(&app), before);

    // Lists: a member sees only its own, an admin the company's with who asked.
    let mine = app.get_ok("/api/v1/requests?limit=500", &piotr).await;
    let all = app.get_ok("/api/v1/requests?limit=500", &anna).await;
    let mine = mine["items"].as_array().unwrap();
    let all = all["items"].as_array().unwrap();
    assert!(!mine.is_empty() && mine.len() < all.len());
    assert!(mine.iter().all(|r| r["requested_by"] == "Piotr Nowak"));
    assert!(all.iter().any(|r| r["requested_by"] == "Anna Kowalska"));
    assert!(all.iter().any(|r| r["requested_by"] == "Piotr Nowak"));
    let stro = app.get_ok("/api/v1/requests?limit=500", &jana).await;
    let ids = |items: &[Value]| {
        items
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect::<std::collections::HashSet<_>>()
    };
    assert!(ids(all).is_disjoint(&ids(stro["items"].as_array().unwrap())));
    let tomas = app.sign_in(TOMAS).await;
    let his = app.get_ok("/api/v1/requests?limit=500", &tomas).await;
    assert!(
        his["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["requested_by"] == "Tomáš Svoboda")
    );
    for path in ["/api/v1/requests", "/api/v1/requests/1"] {
        app.get(path, None)
            .await
            .problem(401, "/problems/unauthenticated");
    }
}

#[tokio::test]
async fn every_bad_input_is_refused_at_its_field_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let martin = app.sign_in(MARTIN).await;
    let foreign_licence = licence(&app, &martin, "SOLIDWORKS Professional").await;
    let (full, _) = course_date(&app, &anna, "SW-ESS", |left| left == 0).await;
    let (three, _) = course_date(&app, &anna, "CATIA-V5-PDG", |left| left == 3).await;
    let mut cases: Vec<(&str, Value, &str, &str)> = Vec::new();
    let with = |base: Value, path: &[&str], value: Value| {
        let mut body = base;
        let mut target = &mut body;
        for key in &path[..path.len() - 1] {
            target = &mut target[*key];
        }
        target[path[path.len() - 1]] = value;
        body
    };
    cases.push((
        "past date",
        with(
            onsite(None),
            &["details", "preferred_dates"],
            json!([day(-1)]),
        ),
        "preferred_dates",
        "in_the_past",
    ));
    cases.push((
        "no date",
        with(onsite(None), &["details", "preferred_dates"], json!([])),
        "preferred_dates",
        "required",
    ));
    cases.push((
        "bad date",
        with(
            onsite(None),
            &["details", "preferred_dates"],
            json!(["2026-02-30x"]),
        ),
        "preferred_dates",
        "invalid_date",
    ));
    cases.push((
        "window in the past",
        with(
            remote(None),
            &["details", "window_from"],
            json!(format!("{}T08:00:00Z", day(-2))),
        ),
        "window_from",
        "in_the_past",
    ));
    cases.push((
        "window backwards",
        with(
            remote(None),
            &["details", "window_to"],
            json!(format!("{}T07:00:00Z", day(1))),
        ),
        "window_to",
        "before_start",
    ));
    cases.push((
        "no participants",
        course(three, 0),
        "participants",
        "too_few",
    ));
    cases.push((
        "too many participants",
        course(three, 21),
        "participants",
        "too_many",
    ));
    cases.push((
        "a full course date",
        course(full, 1),
        "course",
        "unavailable",
    ));
    cases.push((
        "more than the seats",
        course(three, 4),
        "course",
        "unavailable",
    ));
    cases.push((
        "no such course date",
        course(999_999, 1),
        "course",
        "unavailable",
    ));
    cases.push((
        "empty title",
        with(hotline(None), &["title"], json!("  ")),
        "title",
        "required",
    ));
    cases.push((
        "long title",
        with(hotline(None), &["title"], json!("t".repeat(121))),
        "title",
        "too_long",
    ));
    cases.push((
        "empty description",
        with(hotline(None), &["description"], json!("")),
        "description",
        "required",
    ));
    cases.push((
        "long description",
        with(hotline(None), &["description"], json!("d".repeat(4001))),
        "description",
        "too_long",
    ));
    cases.push((
        "long phone",
        with(hotline(None), &["contact_phone"], json!("1".repeat(41))),
        "contact_phone",
        "too_long",
    ));
    cases.push((
        "empty address",
        with(onsite(None), &["details", "site_address"], json!("")),
        "site_address",
        "required",
    ));
    cases.push((
        "zero effort",
        remote(Some(0)),
        "expected_minutes",
        "too_few",
    ));
    cases.push((
        "another customer's licence",
        hotline(Some(foreign_licence)),
        "licence_id",
        "unavailable",
    ));
    cases.push((
        "unknown field",
        with(hotline(None), &["admin"], json!(true)),
        "admin",
        "unknown_field",
    ));
    cases.push((
        "wrong type",
        with(hotline(None), &["priority"], json!(3)),
        "priority",
        "invalid_type",
    ));
    cases.push((
        "missing field",
        json!({"description": "y", "priority": "low", "details": {"type": "hotline"}}),
        "title",
        "required",
    ));
    cases.push((
        "unknown type",
        with(hotline(None), &["details", "type"], json!("coffee")),
        "details.type",
        "invalid_type",
    ));
    cases.push(("course without topic", draft("T", json!({"type": "training", "course_date_id": null, "custom_topic": " ", "participants": 2, "location": "online"})), "course", "required"));
    let before = stored(&app);
    for (i, (name, body, field, code)) in cases.into_iter().enumerate() {
        let response = app
            .post("/api/v1/requests", &anna, Some(&format!("bad-{i}")), &body)
            .await;
        assert_eq!(
            response.status.as_u16(),
            422,
            "{name}: {body} -> {}",
            String::from_utf8_lossy(&response.body)
        );
        let problem = response.problem(422, "/problems/validation");
        assert!(names_field(&problem, field, code), "{name}: {problem}");
        assert_eq!(stored(&app), before, "{name}: nothing stored");
    }
    // The form's checks and the server's data checks come back together.
    let mut both = hotline(Some(foreign_licence));
    both["title"] = json!("");
    let problem = app
        .post("/api/v1/requests", &anna, Some("both"), &both)
        .await
        .problem(422, "/problems/validation");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "licence_id"]);
    // A top-up for a customer without SBP.
    let top_up = json!({"title": "Top-up", "description": "", "priority": "normal", "licence_id": null,
        "contact_phone": null, "details": {"type": "credit_top_up", "amount": {"minor": 100, "currency": "EUR"}}});
    let problem = app
        .post("/api/v1/requests", &martin, Some("tu"), &top_up)
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "type");
    // Comments on a cancelled or closed request, and empty or overlong ones.
    let piotr = app.sign_in(PIOTR).await;
    for (title, who) in [
        ("Licence server does not start (sent twice)", &piotr),
        ("BOM export script fix", &anna),
    ] {
        let id = request_titled(&app.db(), title);
        let problem = app
            .post(
                &format!("/api/v1/requests/{id}/comments"),
                who,
                Some("late"),
                &json!({"text": "Still there?"}),
            )
            .await
            .problem(422, "/problems/validation");
        assert_eq!(
            (
                problem["errors"][0]["field"].as_str(),
                problem["errors"][0]["code"].as_str()
            ),
            (Some("text"), Some("unavailable")),
            "{title}"
        );
    }
    let open = request_titled(
        &app.db(),
        "SOLIDWORKS crashes when opening large assemblies",
    );
    for (text, code) in [("   ", "required"), (&*"c".repeat(4001), "too_long")] {
        let problem = app
            .post(
                &format!("/api/v1/requests/{open}/comments"),
                &anna,
                Some(code),
                &json!({"text": text}),
            )
            .await
            .problem(422, "/problems/validation");
        assert_eq!(problem["errors"][0]["code"], code);
    }
    assert_eq!(stored(&app), before);
}

#[tokio::test]
async fn the_list_filters_searches_sorts_and_pages() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let list = |query: &str| {
        let app = &app;
        let anna = &anna;
        let query = query.to_owned();
        async move {
            app.get_ok(&format!("/api/v1/requests?limit=500&{query}"), anna)
                .await["items"]
                .as_array()
                .unwrap()
                .clone()
        }
    };
    let all = list("").await;
    assert_eq!(all.len(), 19);
    let created: Vec<&str> = all
        .iter()
        .map(|r| r["created_at"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let open = list("open=true").await;
    assert!(
        open.iter()
            .all(|r| !["resolved", "closed", "cancelled"].contains(&r["status"].as_str().unwrap()))
    );
    let types: std::collections::HashSet<&str> = open
        .iter()
        .map(|r| r["request_type"].as_str().unwrap())
        .collect();
    for t in ["training", "onsite_service", "remote_service", "hotline"] {
        assert!(types.contains(t), "an open {t}");
    }
    assert_eq!(open.len() + list("open=false").await.len(), all.len());
    let closed = list("status=closed").await;
    assert_eq!(closed.len(), 12);
    assert!(
        closed
            .iter()
            .all(|r| r["cost_is_estimate"] == false && r["cost"]["minor"].as_i64() > Some(0))
    );
    assert_eq!(
        list("status=closed,cancelled&type=remote_service")
            .await
            .len(),
        3
    );
    assert!(
        list("priority=high")
            .await
            .iter()
            .all(|r| r["priority"] == "high")
    );
    let found = list("q=licence%20SERVER").await;
    assert_eq!(found.len(), 3, "{found:?}");
    // Wildcards are literal.
    assert!(list("q=%25").await.is_empty());
    assert!(list("q=_").await.is_empty());
    let by_priority = list("sort=priority").await;
    let rank = |p: &str| {
        ["critical", "high", "normal", "low"]
            .iter()
            .position(|x| *x == p)
            .unwrap()
    };
    assert!(
        by_priority
            .windows(2)
            .all(|w| rank(w[0]["priority"].as_str().unwrap())
                <= rank(w[1]["priority"].as_str().unwrap()))
    );
    let oldest = list("sort=created_asc").await;
    assert_eq!(oldest.first(), all.last());

    // Pages of 4 in every order, without gaps or repeats.
    for sort in ["created_desc", "created_asc", "priority", "reaction_due"] {
        let whole = list(&format!("sort={sort}")).await;
        let mut paged = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let c = cursor
                .as_ref()
                .map(|c| format!("&cursor={c}"))
                .unwrap_or_default();
            let page = app
                .get_ok(&format!("/api/v1/requests?limit=4&sort={sort}{c}"), &anna)
                .await;
            paged.extend(page["items"].as_array().unwrap().iter().cloned());
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(paged, whole, "{sort}");
    }
    let page = app.get_ok("/api/v1/requests?limit=4", &anna).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    for (query, field, code) in [
        (
            format!("sort=priority&cursor={cursor}"),
            "cursor",
            "invalid_value",
        ),
        ("status=done".into(), "status", "invalid_value"),
        ("type=coffee".into(), "type", "invalid_value"),
        ("priority=urgent".into(), "priority", "invalid_value"),
        ("sort=newest".into(), "sort", "invalid_value"),
        ("open=maybe".into(), "open", "invalid_value"),
        ("limit=0".into(), "limit", "too_few"),
        (format!("q={}", "x".repeat(121)), "q", "too_long"),
        ("owner=me".into(), "owner", "unknown_field"),
    ] {
        let problem = app
            .get(&format!("/api/v1/requests?{query}"), Some(&anna.cookie))
            .await
            .problem(422, "/problems/validation");
        assert!(names_field(&problem, field, code), "{query}: {problem}");
    }
}

#[tokio::test]
async fn a_resolved_top_up_adds_a_block() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let top_up = json!({"title": "More credit", "description": "", "priority": "normal", "licence_id": null,
        "contact_phone": null, "details": {"type": "credit_top_up", "amount": {"minor": 1_000_000, "currency": "PLN"}}});
    let detail = create(&app, &piotr, "tu-1", &top_up).await;
    assert_eq!(
        detail["summary"]["status"], "awaiting_approval",
        "a member's top-up waits for an admin"
    );
    let anna = app.sign_in(ANNA).await;
    let id = id_of(&detail);
    app.post(
        &format!("/api/v1/requests/{id}/decision"),
        &anna,
        None,
        &json!({"approve": true, "reason": null}),
    )
    .await;
    staff_do(&mut app.db(), |tx| {
        staff::resolve(tx, id, &Actor::staff("Ewa"), now_unix()).unwrap()
    });
    let credit = app.get_ok("/api/v1/credit", &anna).await;
    assert_eq!(credit["balance"]["minor"], 1_330_000);
    assert_eq!(credit["below_threshold"], false);
    assert_eq!(credit["blocks"].as_array().unwrap().len(), 4);
    let ledger = app
        .get_ok("/api/v1/credit/ledger?kind=top_up&limit=1", &anna)
        .await;
    assert_eq!(ledger["items"][0]["request_id"], id);
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &anna).await;
    assert_eq!(
        (
            detail["summary"]["status"].as_str(),
            detail["summary"]["cost_is_estimate"].as_bool()
        ),
        (Some("resolved"), Some(false))
    );
}

#[tokio::test]
async fn a_burst_of_retries_with_one_key_creates_one_request() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let before = stored(&app).0;
    let body = onsite(Some(240));
    let sends = (0..10).map(|_| app.post("/api/v1/requests", &piotr, Some("burst"), &body));
    let answers = futures_util::future::join_all(sends).await;
    let ids: std::collections::HashSet<i64> = answers
        .iter()
        .map(|r| {
            assert_eq!(r.status.as_u16(), 201);
            id_of(&r.json())
        })
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(stored(&app).0, before + 1);
    let replayed = answers
        .iter()
        .filter(|r| r.header("idempotency-replayed".parse().unwrap()).is_some())
        .count();
    assert_eq!(replayed, 9);
}
