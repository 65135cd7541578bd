//! The mails of issue 12 as the outbox records them, one test per event or rule: who gets
//! which kind, in which language, with which subject and link, in the transaction of the
//! event (the staff actions as the `staff` command runs them). Sending them over SMTP is
//! the browser tests' part (tests/e2e/mail.spec.ts, with MailDev).

use serde_json::{Value, json};
use support_api_server::actions::staff;
use support_api_server::db::ledger;
use support_api_server::db::requests::Actor;
use support_api_server::mail::checks::{self, Mode};
use support_api_server::mail::{ORIGIN, with_origin};
use support_api_server::time_util::{add_days, format_day, now_unix, today};

use crate::common::*;

const ANNA: &str = "admin@kowalski-aero.demo";
const PIOTR: &str = "inzynier@kowalski-aero.demo";
const JANA: &str = "admin@strojirny-hradec.demo";

/// One recorded mail.
#[derive(Debug)]
struct Mail {
    kind: String,
    to: String,
    language: String,
    subject: String,
    text: String,
}

/// The outbox, oldest first.
fn outbox(app: &TestApp) -> Vec<Mail> {
    let conn = app.db();
    let mut statement = conn
        .prepare("SELECT kind, to_address, language, subject, body_text FROM outbox ORDER BY id")
        .unwrap();
    statement
        .query_map([], |r| {
            Ok(Mail {
                kind: r.get(0)?,
                to: r.get(1)?,
                language: r.get(2)?,
                subject: r.get(3)?,
                text: with_origin(&r.get::<_, String>(4)?, "http://portal.test", false),
            })
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn clear(app: &TestApp) {
    app.db().execute("DELETE FROM outbox", []).unwrap();
}

fn draft(title: &str, details: Value) -> Value {
    json!({"title": title, "description": "What we need.", "priority": "normal",
           "licence_id": null, "contact_phone": null, "details": details})
}

fn remote(title: &str) -> Value {
    let day = format_day(add_days(today(), 1));
    draft(
        title,
        json!({"type": "remote_service", "window_from": format!("{day}T08:00:00Z"),
               "window_to": format!("{day}T12:00:00Z"), "expected_minutes": 60}),
    )
}

async fn create(app: &TestApp, signed: &Signed, key: &str, body: &Value) -> i64 {
    let response = app.post("/api/v1/requests", signed, Some(key), body).await;
    assert_eq!(response.status.as_u16(), 201, "{:?}", response.body);
    response.json()["summary"]["id"].as_i64().unwrap()
}

fn ewa() -> Actor {
    Actor::staff("Ewa Nowak")
}

#[tokio::test]
async fn the_demo_seed_leaves_no_mail_and_no_condition_to_mail() {
    let app = TestApp::new().await;
    assert!(outbox(&app).is_empty(), "the seed's history mails nobody");
    // The conditions the demo shows (Kowalski below its threshold, Strojirny's overdue
    // request) count as told: the worker's first checks mail nothing.
    let found = staff_do(&mut app.db(), |tx| checks::run(tx, now_unix(), Mode::Mail)).unwrap();
    assert_eq!(found, 0);
    assert!(outbox(&app).is_empty());
}

#[tokio::test]
async fn a_members_spend_mails_the_member_and_the_admins_then_the_decision() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    let id = create(&app, &piotr, "m-1", &remote("Macro <review>")).await;
    let mails = outbox(&app);
    assert_eq!(mails.len(), 2, "{mails:?}");
    // request received: to the requester, in the company's Polish, with its number.
    assert_eq!(
        (
            mails[0].kind.as_str(),
            mails[0].to.as_str(),
            mails[0].language.as_str()
        ),
        ("request_received", PIOTR, "pl")
    );
    assert_eq!(
        mails[0].subject,
        format!("[#{id}] Przyjęliśmy Twoje zgłoszenie: Macro <review>")
    );
    assert!(
        mails[0]
            .text
            .contains(&format!("http://portal.test/requests/{id}\n"))
    );
    // approval needed: to the admin only (no one at another company), with the link.
    assert_eq!(
        (mails[1].kind.as_str(), mails[1].to.as_str()),
        ("approval_needed", ANNA)
    );
    assert!(mails[1].text.contains("Piotr"), "{}", mails[1].text);
    assert!(
        mails[1].text.contains("204,00\u{a0}PLN"),
        "{}",
        mails[1].text
    );
    assert!(
        mails[1]
            .text
            .contains(&format!("http://portal.test/requests/{id}\n"))
    );

    clear(&app);
    let path = format!("/api/v1/requests/{id}/decision");
    let approved = app
        .post(
            &path,
            &anna,
            None,
            &json!({"approve": true, "reason": null}),
        )
        .await;
    assert_eq!(approved.status.as_u16(), 200);
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1);
    assert_eq!(
        (mails[0].kind.as_str(), mails[0].to.as_str()),
        ("spend_approved", PIOTR)
    );
    assert!(
        mails[0].text.contains("Anna Kowalska zatwierdził(a)"),
        "{}",
        mails[0].text
    );

    clear(&app);
    let other = create(&app, &piotr, "m-2", &remote("Second")).await;
    clear(&app);
    let declined = app
        .post(
            &format!("/api/v1/requests/{other}/decision"),
            &anna,
            None,
            &json!({"approve": false, "reason": "Not this quarter"}),
        )
        .await;
    assert_eq!(declined.status.as_u16(), 200);
    let mails = outbox(&app);
    assert_eq!(
        mails.len(),
        1,
        "a decline is no cancel mail as well: {mails:?}"
    );
    assert_eq!(
        (mails[0].kind.as_str(), mails[0].to.as_str()),
        ("spend_declined", PIOTR)
    );
    assert!(mails[0].text.contains("Powód: Not this quarter"));
}

#[tokio::test]
async fn an_admins_cancel_mails_the_member_and_ones_own_cancel_mails_nobody() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    let hotline = draft("Crash", json!({"type": "hotline"}));
    let mine = create(&app, &piotr, "c-1", &hotline).await;
    let theirs = create(&app, &piotr, "c-2", &hotline).await;
    clear(&app);
    let cancel = |id: i64| format!("/api/v1/requests/{id}/cancel");
    assert_eq!(
        app.post(&cancel(mine), &piotr, None, &json!({}))
            .await
            .status
            .as_u16(),
        200
    );
    assert!(outbox(&app).is_empty());
    assert_eq!(
        app.post(&cancel(theirs), &anna, None, &json!({}))
            .await
            .status
            .as_u16(),
        200
    );
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1);
    assert_eq!(
        (mails[0].kind.as_str(), mails[0].to.as_str()),
        ("cancelled", PIOTR)
    );
    assert!(
        mails[0]
            .subject
            .starts_with(&format!("[#{theirs}] Anulowane: Crash"))
    );
    assert!(mails[0].text.contains("(Anna Kowalska)"));
}

#[tokio::test]
async fn the_support_teams_comment_schedule_and_resolve_mail_the_requester() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    // Anna reads English: her own language wins over the company's Polish.
    app.db()
        .execute("UPDATE users SET language = 'en' WHERE email = ?1", [ANNA])
        .unwrap();
    let id = create(
        &app,
        &anna,
        "s-1",
        &draft("Licence server", json!({"type": "hotline"})),
    )
    .await;
    clear(&app);
    let now = now_unix();
    let day = add_days(today(), 3);
    staff_do(&mut app.db(), |tx| {
        staff::comment(tx, id, "Please send the log.\n\nThanks", &ewa(), now).unwrap();
        staff::schedule(tx, id, Some(day), &ewa(), now).unwrap();
        staff::resolve(tx, id, &ewa(), now).unwrap();
    });
    let mails = outbox(&app);
    let kinds: Vec<_> = mails
        .iter()
        .map(|m| (m.kind.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("support_comment", ANNA),
            ("scheduled", ANNA),
            ("resolved", ANNA)
        ]
    );
    assert!(mails.iter().all(|m| m.language == "en"));
    assert_eq!(
        mails[0].subject,
        format!("[#{id}] New comment from the support team: Licence server")
    );
    assert!(mails[0].text.contains("Ewa Nowak of the support team"));
    assert!(mails[0].text.contains("Please send the log.\n\nThanks"));
    let written = format!("{} {} {}", day.day(), day.month(), day.year());
    assert!(
        mails[1].text.contains(&written),
        "{} lacks {written}",
        mails[1].text
    );
    assert_eq!(
        mails[2].subject,
        format!("[#{id}] Resolved: Licence server")
    );
    assert!(mails[2].text.contains("http://portal.test/notifications"));
}

#[tokio::test]
async fn low_credit_mails_the_admins_once_per_crossing() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    // Kowalski is at 3 300 PLN under a 5 000 PLN threshold: a top-up to 1 PLN above it.
    let top_up = draft(
        "More credit",
        json!({"type": "credit_top_up", "amount": {"minor": 170_100, "currency": "PLN"}}),
    );
    let top_up = create(&app, &anna, "l-1", &top_up).await;
    let work = create(&app, &anna, "l-2", &remote("Work")).await;
    staff_do(&mut app.db(), |tx| {
        staff::resolve(tx, top_up, &ewa(), now_unix()).unwrap();
    });
    clear(&app);
    for minutes in [60, 30] {
        staff_do(&mut app.db(), |tx| {
            staff::log_time(tx, work, minutes, None, &ewa(), now_unix()).unwrap();
        });
    }
    let low: Vec<_> = outbox(&app)
        .into_iter()
        .filter(|m| m.kind == "low_credit")
        .collect();
    assert_eq!(low.len(), 1, "one mail for one crossing: {low:?}");
    assert_eq!(low[0].to, ANNA);
    assert!(
        low[0].subject.contains("4\u{a0}797,00\u{a0}PLN"),
        "{}",
        low[0].subject
    );
    assert!(low[0].text.contains("http://portal.test/credit\n"));
    // The periodic check agrees: nothing new.
    let found = staff_do(&mut app.db(), |tx| checks::run(tx, now_unix(), Mode::Mail)).unwrap();
    assert_eq!(found, 0);
}

#[tokio::test]
async fn an_expiring_block_and_a_missed_sla_reaction_are_mailed_once() {
    let app = TestApp::new().await;
    let jana = app.sign_in(JANA).await;
    let strojirny: i64 = app
        .db()
        .query_row(
            "SELECT customer_id FROM users WHERE email = ?1",
            [JANA],
            |r| r.get(0),
        )
        .unwrap();
    let id = create(
        &app,
        &jana,
        "e-1",
        &draft("PDM down", json!({"type": "hotline"})),
    )
    .await;
    let due: i64 = app
        .db()
        .query_row(
            "SELECT reaction_due_at FROM requests WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    let now = now_unix();
    staff_do(&mut app.db(), |tx| {
        ledger::top_up(
            tx,
            strojirny,
            50_000,
            today(),
            add_days(today(), 10),
            now,
            None,
        )
        .unwrap();
    });
    clear(&app);
    let later = due + 60;
    for _ in 0..2 {
        staff_do(&mut app.db(), |tx| checks::run(tx, later, Mode::Mail)).unwrap();
    }
    // The seed's request due within hours is overdue by then as well: only ours counts.
    let number = format!("[#{id}]");
    let mails: Vec<_> = outbox(&app)
        .into_iter()
        .filter(|m| m.kind == "block_expiring" || m.subject.starts_with(&number))
        .collect();
    let kinds: Vec<_> = mails
        .iter()
        .map(|m| (m.kind.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [("block_expiring", JANA), ("sla_missed", JANA)],
        "{mails:?}"
    );
    assert!(mails.iter().all(|m| m.language == "cs"));
    assert!(
        mails[0].text.contains("500,00\u{a0}CZK"),
        "{}",
        mails[0].text
    );
    assert_eq!(
        mails[1].subject,
        format!("[#{id}] Překročena doba reakce SLA: PDM down")
    );
    assert!(
        mails[1]
            .text
            .contains(&format!("http://portal.test/requests/{id}\n"))
    );
}

#[tokio::test]
async fn switched_off_kinds_and_muted_requests_are_not_mailed() {
    let app = TestApp::new().await;
    let anna = app.sign_in(ANNA).await;
    let id = create(
        &app,
        &anna,
        "p-1",
        &draft("One", json!({"type": "hotline"})),
    )
    .await;
    let other = create(
        &app,
        &anna,
        "p-2",
        &draft("Two", json!({"type": "hotline"})),
    )
    .await;
    clear(&app);
    let conn = app.db();
    conn.execute(
        "INSERT INTO notification_preferences (user_id, kind, enabled)
         SELECT id, 'support_comment', 0 FROM users WHERE email = ?1",
        [ANNA],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO request_mutes (user_id, request_id) SELECT id, ?2 FROM users WHERE email = ?1",
        rusqlite::params![ANNA, id],
    )
    .unwrap();
    let now = now_unix();
    staff_do(&mut app.db(), |tx| {
        staff::comment(tx, other, "Switched off", &ewa(), now).unwrap();
        staff::schedule(tx, id, None, &ewa(), now).unwrap();
        staff::schedule(tx, other, None, &ewa(), now).unwrap();
    });
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].kind, "scheduled");
    assert!(mails[0].subject.starts_with(&format!("[#{other}]")));
    assert!(!mails[0].text.contains(ORIGIN));
}

#[tokio::test]
async fn settings_and_mutes_saved_through_the_api_are_respected() {
    let app = TestApp::new().await;
    let piotr = app.sign_in(PIOTR).await;
    let anna = app.sign_in(ANNA).await;
    // A member is offered no company-wide kind, and every other kind is on.
    let mine = app.get_ok("/api/v1/notifications", &piotr).await;
    let kinds: Vec<&str> = mine["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "request_received",
            "support_comment",
            "scheduled",
            "resolved",
            "cancelled",
            "spend_approved",
            "spend_declined",
            "quote_issued",
            "quote_accepted",
            "quote_declined",
            "reopened"
        ]
    );
    assert!(
        mine["settings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["enabled"] == true)
    );
    let admins = app.get_ok("/api/v1/notifications", &anna).await;
    assert_eq!(admins["settings"].as_array().unwrap().len(), 15);

    let put = |signed: &Signed, path: &str, body: Value| {
        let request = axum::http::Request::put(path)
            .header(axum::http::header::COOKIE, &signed.cookie)
            .header(support_api::CSRF_HEADER, &signed.csrf)
            .header(axum::http::header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        app.send(request)
    };
    let saved = put(
        &piotr,
        "/api/v1/notifications",
        json!({"settings": [{"kind": "support_comment", "enabled": false}]}),
    )
    .await;
    assert_eq!(saved.status.as_u16(), 200);
    assert_eq!(
        saved.json()["settings"][1],
        json!({"kind": "support_comment", "enabled": false})
    );
    // An admin switching off the admins' mails gets none of them.
    let saved = put(
        &anna,
        "/api/v1/notifications",
        json!({"settings": [{"kind": "approval_needed", "enabled": false}]}),
    )
    .await;
    assert_eq!(saved.status.as_u16(), 200);

    let muted = create(
        &app,
        &piotr,
        "q-1",
        &draft("Muted", json!({"type": "hotline"})),
    )
    .await;
    let open = create(&app, &piotr, "q-2", &remote("Open")).await;
    let path = format!("/api/v1/requests/{muted}/mute");
    assert_eq!(app.get_ok(&path, &piotr).await, json!({"muted": false}));
    assert_eq!(
        put(&piotr, &path, json!({"muted": true})).await.json(),
        json!({"muted": true})
    );
    assert_eq!(app.get_ok(&path, &piotr).await, json!({"muted": true}));
    // Muting is the member's own: the admin still sees it unmuted.
    assert_eq!(app.get_ok(&path, &anna).await, json!({"muted": false}));
    clear(&app);
    let now = now_unix();
    staff_do(&mut app.db(), |tx| {
        staff::comment(tx, open, "Off by settings", &ewa(), now).unwrap();
        staff::schedule(tx, muted, None, &ewa(), now).unwrap();
        staff::comment(tx, muted, "Muted", &ewa(), now).unwrap();
    });
    assert!(outbox(&app).is_empty(), "{:?}", outbox(&app));
    // The approval of the open request (it waits) mailed nobody either: Anna switched it off.
    let waiting = create(&app, &piotr, "q-3", &remote("Waits")).await;
    let kinds: Vec<_> = outbox(&app).into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["request_received"], "request {waiting}");
}
