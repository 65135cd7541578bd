//! Closing the loop (issue 14): confirm and reopen a resolution, auto-close with a moved
//! clock, the rating's once-and-change-window, a quote's whole life, the PAY statement's
//! sums against the timelines, and the escalation reference.

use serde_json::{Value, json};
use support_api_server::actions::closing;
use support_api_server::actions::customer::Requester;
use support_api_server::actions::staff;
use support_api_server::actions::staff_closing;
use support_api_server::db::requests::Actor;
use support_api_server::time_util::{add_days, format_day, now_unix, today};

use crate::common::*;

const ANNA: &str = "admin@kowalski-aero.demo";
const PIOTR: &str = "inzynier@kowalski-aero.demo";
const OLIVER: &str = "buyer@northbridge.demo";
const DAY: i64 = 86_400;

fn ewa() -> Actor {
    Actor::staff("Ewa")
}

fn hotline(title: &str) -> Value {
    json!({"title": title, "description": "It does not work.", "priority": "normal",
           "licence_id": null, "contact_phone": null, "details": {"type": "hotline"}})
}

fn deployment(title: &str) -> Value {
    json!({"title": title, "description": "Roll out SOLIDWORKS PDM.", "priority": "normal",
           "licence_id": null, "contact_phone": null,
           "details": {"type": "deployment", "expected_minutes": null}})
}

async fn create(app: &TestApp, who: &Signed, body: &Value) -> i64 {
    let key = body["title"].as_str().unwrap().replace([' ', '\''], "-");
    let answer = app.post("/api/v1/requests", who, Some(&key), body).await;
    assert_eq!(answer.status.as_u16(), 201, "{:?}", answer.body);
    answer.json()["summary"]["id"].as_i64().unwrap()
}

/// A hotline request of `who`, worked on and resolved by the support team.
async fn resolved(app: &TestApp, who: &Signed, title: &str) -> i64 {
    let id = create(app, who, &hotline(title)).await;
    staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 30, None, &ewa(), now_unix()).unwrap();
        staff::resolve(tx, id, &ewa(), now_unix()).unwrap();
    });
    id
}

async fn act(app: &TestApp, who: &Signed, id: i64, action: &str, body: Value) -> (u16, Value) {
    let answer = app
        .post(&format!("/api/v1/requests/{id}/{action}"), who, None, &body)
        .await;
    let status = answer.status.as_u16();
    (status, answer.json())
}

fn status(detail: &Value) -> &str {
    detail["summary"]["status"].as_str().unwrap()
}

fn last_event(detail: &Value) -> &Value {
    detail["timeline"].as_array().unwrap().last().unwrap()
}

#[tokio::test]
async fn a_resolution_is_confirmed_or_reopened_with_a_reason() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;

    let id = resolved(&app, &piotr, "Confirm me").await;
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &piotr).await;
    assert_eq!(detail["can_confirm"], true);
    let (code, detail) = act(&app, &piotr, id, "confirm", json!({})).await;
    assert_eq!((code, status(&detail)), (200, "closed"));
    assert_eq!(detail["can_confirm"], false);
    assert_eq!(detail["can_rate"], true);
    // Only a resolved request is confirmed or reopened.
    assert_eq!(act(&app, &piotr, id, "confirm", json!({})).await.0, 409);
    let (code, _) = act(&app, &piotr, id, "reopen", json!({"reason": "x"})).await;
    assert_eq!(code, 409);

    // An admin may answer a colleague's resolution; a reopen needs a reason.
    let id = resolved(&app, &piotr, "Reopen me").await;
    let (code, problem) = act(&app, &anna, id, "reopen", json!({"reason": "  "})).await;
    assert_eq!(code, 422);
    assert!(names_field(&problem, "reason", "required"));
    let (code, detail) = act(
        &app,
        &anna,
        id,
        "reopen",
        json!({"reason": "Still crashes"}),
    )
    .await;
    assert_eq!((code, status(&detail)), (200, "in_progress"));
    let event = last_event(&detail);
    assert_eq!(event["event"], "status_changed");
    assert_eq!(
        (event["from"].as_str(), event["to"].as_str()),
        (Some("resolved"), Some("in_progress"))
    );
    assert_eq!(event["reason"], "Still crashes");
    assert_eq!(event["by"], "Anna Kowalska");
    let reopened: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM outbox WHERE kind = 'reopened' AND request_id = ?1
               AND to_address = ?2",
            rusqlite::params![id, PIOTR],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reopened, 1, "the requester hears that an admin reopened it");
}

#[tokio::test]
async fn a_resolved_request_nobody_answers_closes_itself_after_the_set_days() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let id = resolved(&app, &piotr, "Forgotten").await;
    let now = now_unix();
    // Six days on, it waits; eight days on (the clock moved), it is closed.
    let closed = staff_do(&mut app.db(), |tx| {
        staff_closing::auto_close(tx, 7, now + 6 * DAY)
    });
    assert!(!closed.unwrap().contains(&id));
    let closed = staff_do(&mut app.db(), |tx| {
        staff_closing::auto_close(tx, 7, now + 8 * DAY)
    });
    assert!(closed.unwrap().contains(&id));
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &piotr).await;
    assert_eq!(status(&detail), "closed");
    assert_eq!(last_event(&detail)["event"], "auto_closed");
    assert_eq!(last_event(&detail)["after_days"], 7);
    // Closed requests stay closed: the next round finds nothing of it.
    let again = staff_do(&mut app.db(), |tx| {
        staff_closing::auto_close(tx, 7, now + 9 * DAY)
    });
    assert!(!again.unwrap().contains(&id));
}

#[tokio::test]
async fn a_closed_request_is_rated_once_and_changed_only_within_the_window() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    let id = resolved(&app, &piotr, "Rate me").await;
    // Not closed yet.
    assert_eq!(
        act(&app, &piotr, id, "rating", json!({"score": 4})).await.0,
        409
    );
    act(&app, &piotr, id, "confirm", json!({})).await;
    let (code, problem) = act(&app, &piotr, id, "rating", json!({"score": 6})).await;
    assert_eq!(code, 422);
    assert!(names_field(&problem, "score", "too_many"));
    // Only the requester rates.
    assert_eq!(
        act(&app, &anna, id, "rating", json!({"score": 1})).await.0,
        403
    );
    let (code, detail) = act(
        &app,
        &piotr,
        id,
        "rating",
        json!({"score": 4, "comment": "Quick"}),
    )
    .await;
    assert_eq!(code, 200);
    assert_eq!(detail["rating"]["score"], 4);
    assert_eq!(detail["rating"]["comment"], "Quick");
    assert_eq!(detail["can_rate"], true, "changeable for 7 days");
    let (code, detail) = act(&app, &piotr, id, "rating", json!({"score": 5})).await;
    assert_eq!(code, 200);
    assert_eq!(detail["rating"]["score"], 5);
    let ratings: Vec<_> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "rated")
        .map(|e| e["score"].as_u64().unwrap())
        .collect();
    assert_eq!(ratings, [4, 5], "each rating on the timeline");
    // Eight days on, the rating stands.
    let who = Requester {
        customer_id: 1,
        currency: support_api::money::Currency::Pln,
        user_id: piotr.session["user"]["id"].as_i64().unwrap(),
        name: "Piotr Nowak".into(),
        role: support_api::session::Role::Member,
    };
    let late = staff_do(&mut app.db(), |tx| {
        let body = support_api::resolution::NewRating {
            score: 1,
            comment: None,
        };
        closing::rate(tx, &who, id, &body, now_unix() + 8 * DAY)
    });
    assert!(late.is_err(), "{late:?}");
    let lines = staff_do(&mut app.db(), |tx| staff_closing::ratings(tx).unwrap());
    assert!(lines.iter().any(|l| l.contains("\t5\t")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("average 5.00 of 1 rating")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn a_quote_is_issued_replaced_refused_to_members_expires_and_is_declined_or_accepted() {
    let app = TestApp::new().await;
    let oliver = app.sign_in(OLIVER).await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    let until = today() + time::Duration::days(10);
    let path = |id: i64| format!("/api/v1/requests/{id}");

    // PAY work at an agreed price waits for a quote before any work.
    let id = create(&app, &oliver, &deployment("PDM roll-out")).await;
    let refused = staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 60, None, &ewa(), now_unix())
    });
    assert!(refused.is_err());
    staff_do(&mut app.db(), |tx| {
        staff_closing::quote(
            tx,
            id,
            350_000,
            until,
            "Two days on site",
            &ewa(),
            now_unix(),
        )
        .unwrap()
    });
    let detail = app.get_ok(&path(id), &oliver).await;
    assert_eq!(status(&detail), "quote_pending");
    assert_eq!(detail["quote"]["state"], "issued");
    assert_eq!(detail["can_decide_quote"], true);
    // A new quote replaces the open one.
    staff_do(&mut app.db(), |tx| {
        staff_closing::quote(
            tx,
            id,
            400_000,
            until,
            "Three days on site",
            &ewa(),
            now_unix(),
        )
        .unwrap()
    });
    let detail = app.get_ok(&path(id), &oliver).await;
    assert_eq!(detail["quote"]["amount"]["minor"], 400_000);
    let states: Vec<_> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "quote")
        .map(|e| e["state"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(states, ["issued", "replaced", "issued"]);
    // Accepted by the admin: ordered, the quoted amount is the cost.
    let (code, detail) = act(&app, &oliver, id, "quote/accept", json!({})).await;
    assert_eq!((code, status(&detail)), (200, "submitted"));
    assert_eq!(detail["quote"]["state"], "accepted");
    assert_eq!(detail["summary"]["cost"]["minor"], 400_000);
    assert_eq!(detail["summary"]["cost_is_estimate"], false);
    assert_eq!(
        act(&app, &oliver, id, "quote/accept", json!({})).await.0,
        409
    );
    let logged = staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 120, None, &ewa(), now_unix())
    });
    assert_eq!(logged.unwrap().invoiced, Some(400_000));

    // A member sees the quote but does not decide it; the admin declines with a reason.
    let id = create(&app, &piotr, &hotline("Quote a member's request")).await;
    staff_do(&mut app.db(), |tx| {
        staff_closing::quote(
            tx,
            id,
            90_000,
            until,
            "A day of analysis",
            &ewa(),
            now_unix(),
        )
        .unwrap()
    });
    let detail = app.get_ok(&path(id), &piotr).await;
    assert_eq!(detail["quote"]["amount"]["minor"], 90_000);
    assert_eq!(detail["can_decide_quote"], false);
    assert_eq!(
        act(&app, &piotr, id, "quote/accept", json!({})).await.0,
        403
    );
    let (code, _) = act(&app, &piotr, id, "quote/decline", json!({"reason": "no"})).await;
    assert_eq!(code, 403);
    let (code, _) = act(&app, &anna, id, "quote/decline", json!({"reason": ""})).await;
    assert_eq!(code, 422);
    let (code, detail) = act(
        &app,
        &anna,
        id,
        "quote/decline",
        json!({"reason": "Too dear"}),
    )
    .await;
    assert_eq!((code, status(&detail)), (200, "submitted"));
    assert_eq!(detail["quote"]["state"], "declined");
    assert_eq!(detail["quote"]["reason"], "Too dear");
    assert_eq!(last_event(&detail)["event"], "status_changed");

    // An expired quote is shown as expired and cannot be accepted.
    staff_do(&mut app.db(), |tx| {
        staff_closing::quote(tx, id, 80_000, today(), "Half a day", &ewa(), now_unix()).unwrap()
    });
    app.db()
        .execute(
            "UPDATE quotes SET valid_until = ?1 WHERE state = 'issued'",
            [format_day(add_days(today(), -1))],
        )
        .unwrap();
    let detail = app.get_ok(&path(id), &anna).await;
    assert_eq!(detail["quote"]["state"], "expired");
    assert_eq!(detail["can_decide_quote"], false);
    assert_eq!(act(&app, &anna, id, "quote/accept", json!({})).await.0, 409);

    // Every step mailed: issued to the requester and the admins; accepted, declined and
    // reopened to them all but whoever acted (Oliver is Northbridge's only user).
    let mails = |kind: &str| -> Vec<(i64, String)> {
        let conn = app.db();
        let mut stmt = conn
            .prepare("SELECT request_id, to_address FROM outbox WHERE kind = ?1 ORDER BY id")
            .unwrap();
        stmt.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let issued = mails("quote_issued");
    assert!(issued.contains(&(id, PIOTR.to_owned())), "{issued:?}");
    assert!(issued.contains(&(id, ANNA.to_owned())), "{issued:?}");
    assert!(issued.iter().any(|(_, to)| to == OLIVER), "{issued:?}");
    assert_eq!(mails("quote_declined"), [(id, PIOTR.to_owned())]);
    assert!(
        mails("quote_accepted").is_empty(),
        "Oliver accepted: nobody else to tell"
    );
}

#[tokio::test]
async fn the_pay_statement_sums_the_invoiced_time_of_the_timelines() {
    let app = TestApp::new().await;
    let oliver = app.sign_in(OLIVER).await;
    let id = create(&app, &oliver, &hotline("Statement line")).await;
    staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, id, 90, None, &ewa(), now_unix()).unwrap();
    });
    let month = format_day(today())[..7].to_owned();
    let statement = app
        .get_ok(
            &format!("/api/v1/billing/pay-statement?month={month}"),
            &oliver,
        )
        .await;
    // Every invoiced time log of the month on Northbridge's timelines, and nothing else.
    let list = app.get_ok("/api/v1/requests?limit=500", &oliver).await;
    let (mut minutes, mut amount, mut count) = (0, 0, 0);
    for r in list["items"].as_array().unwrap() {
        let detail = app
            .get_ok(&format!("/api/v1/requests/{}", r["id"]), &oliver)
            .await;
        for e in detail["timeline"].as_array().unwrap() {
            if e["event"] == "time_logged"
                && e["at"].as_str().unwrap().starts_with(&month)
                && !e["invoiced"].is_null()
            {
                minutes += e["minutes"].as_i64().unwrap();
                amount += e["invoiced"]["minor"].as_i64().unwrap();
                count += 1;
            }
        }
    }
    assert!(count >= 1);
    assert_eq!(statement["lines"].as_array().unwrap().len(), count);
    assert_eq!(statement["total_minutes"], minutes);
    assert_eq!(statement["total"]["minor"], amount);
    assert_eq!(statement["total"]["currency"], "EUR");
    let line = statement["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["request_id"] == id)
        .expect("the new line");
    assert_eq!(line["minutes"], 90);
    assert_eq!(line["rate"]["minor"], 5_500);
    assert_eq!(line["amount"]["minor"], 8_250);
    // A malformed month is refused, naming the parameter.
    let answer = app
        .get(
            "/api/v1/billing/pay-statement?month=2026-13",
            Some(&oliver.cookie),
        )
        .await;
    assert!(names_field(
        &answer.problem(422, "/problems/validation"),
        "month",
        "invalid_value"
    ));
}

#[tokio::test]
async fn a_member_sees_only_the_own_requests_lines_of_the_pay_statement() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let piotr = app.sign_in(PIOTR).await;
    let mine = create(&app, &piotr, &hotline("Piotr's PAY work")).await;
    let hers = create(&app, &anna, &hotline("Anna's PAY work")).await;
    let conn = app.db();
    // Hotline on a lapsed licence is PAY work; set the two up as such directly.
    conn.execute(
        "UPDATE requests SET billed_as = 'pay_invoice', billing = 'hourly', rate_minor = 22000,
                             rate_unit = 'hour' WHERE id IN (?1, ?2)",
        [mine, hers],
    )
    .unwrap();
    staff_do(&mut app.db(), |tx| {
        staff::log_time(tx, mine, 60, None, &ewa(), now_unix()).unwrap();
        staff::log_time(tx, hers, 60, None, &ewa(), now_unix()).unwrap();
    });
    let month = format_day(today())[..7].to_owned();
    let url = format!("/api/v1/billing/pay-statement?month={month}");
    let ids = |s: &Value| -> Vec<i64> {
        s["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["request_id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&app.get_ok(&url, &piotr).await), [mine]);
    let all = ids(&app.get_ok(&url, &anna).await);
    assert!(all.contains(&mine) && all.contains(&hers));
    // Another customer sees none of it.
    let tatra = app.sign_in("admin@tatra-forming.demo").await;
    let theirs = app.get_ok(&url, &tatra).await.to_string();
    assert!(!theirs.contains("PAY work"), "{theirs}");
}

#[tokio::test]
async fn an_escalation_reference_is_shown_on_the_request() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let id = create(&app, &piotr, &hotline("Escalate me")).await;
    let bad = staff_do(&mut app.db(), |tx| {
        staff_closing::escalate(tx, id, "SR 1", &ewa(), now_unix())
    });
    assert!(bad.is_err());
    staff_do(&mut app.db(), |tx| {
        staff_closing::escalate(tx, id, "SR01234567", &ewa(), now_unix()).unwrap()
    });
    let detail = app.get_ok(&format!("/api/v1/requests/{id}"), &piotr).await;
    assert_eq!(detail["escalation"], "SR01234567");
    assert_eq!(last_event(&detail)["event"], "escalated");
    assert_eq!(last_event(&detail)["reference"], "SR01234567");
}
