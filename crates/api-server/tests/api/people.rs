//! People and accounts: invitations, roles, deactivation, the last admin, password
//! change and reset, sessions. Tokens come from the mails in the outbox, as a person
//! would take them from their inbox.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use support_api::CSRF_HEADER;

use crate::common::*;

const NEW_PASSWORD: &str = "a long fresh passphrase";
const ANNA: i64 = 1;
const PIOTR: i64 = 2;

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    signed: &Signed,
    body: Option<Value>,
) -> TestResponse {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, &signed.cookie)
        .header(CSRF_HEADER, &signed.csrf);
    let body = match body {
        Some(body) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(body.to_string())
        }
        None => Body::empty(),
    };
    app.send(request.body(body).expect("request")).await
}

/// A call without a session (the ways in).
async fn public(app: &TestApp, path: &str, body: Value) -> TestResponse {
    app.send(post_json(path, Some("application/json"), body.to_string()))
        .await
}

/// The token of the newest mail of `kind` to `address`, from its link, and the mail.
fn mailed_token(app: &TestApp, address: &str, kind: &str) -> Option<(String, String)> {
    let text: String = app
        .db()
        .query_row(
            "SELECT body_text FROM outbox WHERE to_address = ?1 AND kind = ?2
             ORDER BY id DESC LIMIT 1",
            [address, kind],
            |row| row.get(0),
        )
        .ok()?;
    let start = text.find("token=")? + "token=".len();
    Some((text[start..start + 43].to_owned(), text))
}

async fn invite(app: &TestApp, anna: &Signed, email: &str, language: &str) -> Value {
    let response = call(
        app,
        Method::POST,
        "/api/v1/people",
        anna,
        Some(json!({ "name": "Ewa Lis", "email": email, "role": "member", "language": language })),
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{:?}", response.body);
    response.json()
}

fn accept(token: &str, password: &str) -> Value {
    json!({ "token": token, "name": "Ewa Lis-Nowak", "password": password })
}

#[tokio::test]
async fn an_invitation_is_mailed_accepted_once_and_signs_in() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let person = invite(&app, &anna, "Ewa@Kowalski-Aero.demo", "cs").await;
    assert_eq!(person["status"], "invited");
    assert_eq!(person["email"], "ewa@kowalski-aero.demo");
    assert!(person["invitation_expires_at"].is_string());

    let (token, mail) =
        mailed_token(&app, "ewa@kowalski-aero.demo", "invitation").expect("invitation mail");
    // In the invitee's language, naming who invited them.
    assert!(mail.contains("Anna Kowalska"), "{mail}");
    assert!(mail.contains("Nastavit heslo"), "{mail}");
    assert!(mail.contains("/invitation?token="), "{mail}");
    // Stored as its hash only.
    let stored: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM account_tokens WHERE token_hash = ?1",
            [token.as_bytes()],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 0);

    // Invited is not signed up: no sign-in yet.
    let early = app.sign_in_as("ewa@kowalski-aero.demo", NEW_PASSWORD).await;
    early.problem(401, "/problems/invalid-credentials");

    // The policy's reasons, by field code.
    for (password, code) in [
        ("short", "password_too_short"),
        ("qwerty123456", "password_common"),
    ] {
        let refused = public(&app, "/api/v1/invitation/accept", accept(&token, password)).await;
        let problem = refused.problem(422, "/problems/validation");
        assert!(names_field(&problem, "password", code), "{problem}");
    }
    let wrong = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&"x".repeat(43), NEW_PASSWORD),
    )
    .await;
    assert!(names_field(
        &wrong.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));

    let accepted = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&token, NEW_PASSWORD),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{:?}", accepted.body);
    let session = accepted.json();
    assert_eq!(session["user"]["name"], "Ewa Lis-Nowak");
    assert_eq!(session["user"]["role"], "member");
    assert!(accepted.header(header::SET_COOKIE).is_some());

    // Single use.
    let again = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&token, NEW_PASSWORD),
    )
    .await;
    assert!(names_field(
        &again.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));

    let signed = app.sign_in_as("ewa@kowalski-aero.demo", NEW_PASSWORD).await;
    assert_eq!(signed.status, StatusCode::OK);
    let people = app.get_ok("/api/v1/people", &anna).await;
    let ewa = people["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|p| p["email"] == "ewa@kowalski-aero.demo")
        .expect("ewa listed")
        .clone();
    assert_eq!(ewa["status"], "active");
    assert!(ewa["last_sign_in_at"].is_string());

    let changes = app.get_ok("/api/v1/people/changes", &anna).await;
    let kinds: Vec<&str> = changes["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["kind"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(kinds[..2], ["invitation_accepted", "invited"]);
    assert_eq!(changes["items"][1]["actor"], "Anna Kowalska");
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    invite(&app, &anna, "late@kowalski-aero.demo", "pl").await;
    let (token, _) = mailed_token(&app, "late@kowalski-aero.demo", "invitation").expect("mail");
    let mut db = app.db();
    staff_do(&mut db, |tx| {
        tx.execute("UPDATE account_tokens SET expires_at = created_at - 1", [])
    })
    .expect("age the token");
    let late = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&token, NEW_PASSWORD),
    )
    .await;
    assert!(names_field(
        &late.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));
}

#[tokio::test]
async fn resend_replaces_the_link_and_revoke_removes_the_invitation() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let person = invite(&app, &anna, "twice@kowalski-aero.demo", "en").await;
    let id = person["id"].as_i64().expect("id");
    let (first, _) = mailed_token(&app, "twice@kowalski-aero.demo", "invitation").expect("mail");
    let resent = call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{id}/invitation"),
        &anna,
        None,
    )
    .await;
    assert_eq!(resent.status, StatusCode::OK);
    let (second, _) = mailed_token(&app, "twice@kowalski-aero.demo", "invitation").expect("mail");
    assert_ne!(first, second);
    let old = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&first, NEW_PASSWORD),
    )
    .await;
    assert!(names_field(
        &old.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));

    let revoked = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/people/{id}/invitation"),
        &anna,
        None,
    )
    .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let gone = public(
        &app,
        "/api/v1/invitation/accept",
        accept(&second, NEW_PASSWORD),
    )
    .await;
    assert!(names_field(
        &gone.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));
    let people = app.get_ok("/api/v1/people", &anna).await.to_string();
    assert!(!people.contains("twice@"), "{people}");
    // The record keeps who it was.
    let changes = app.get_ok("/api/v1/people/changes", &anna).await;
    assert_eq!(changes["items"][0]["kind"], "invitation_revoked");
    assert_eq!(changes["items"][0]["email"], "twice@kowalski-aero.demo");
    // An active person has no invitation to resend or revoke.
    let active = call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{PIOTR}/invitation"),
        &anna,
        None,
    )
    .await;
    active.problem(409, "/problems/conflict");
    // The address is taken while someone has it.
    let taken = call(
        &app,
        Method::POST,
        "/api/v1/people",
        &anna,
        Some(json!({ "name": "X", "email": "inzynier@kowalski-aero.demo", "role": "member", "language": "pl" })),
    )
    .await;
    taken.problem(409, "/problems/conflict");
}

#[tokio::test]
async fn the_last_active_admin_stays_one() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let role = |id: i64, role: &str| (format!("/api/v1/people/{id}/role"), json!({ "role": role }));
    let (path, body) = role(ANNA, "member");
    call(&app, Method::POST, &path, &anna, Some(body.clone()))
        .await
        .problem(409, "/problems/conflict");
    call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{ANNA}/deactivate"),
        &anna,
        None,
    )
    .await
    .problem(409, "/problems/conflict");
    // With a second admin, the first may step down.
    let (promote, admin) = role(PIOTR, "admin");
    assert_eq!(
        call(&app, Method::POST, &promote, &anna, Some(admin))
            .await
            .status,
        StatusCode::OK
    );
    let stepped = call(&app, Method::POST, &path, &anna, Some(body)).await;
    assert_eq!(stepped.status, StatusCode::OK);
    assert_eq!(stepped.json()["role"], "member");
    // Anna is a member from her next request on: the people are no longer hers to see.
    app.get("/api/v1/people", Some(&anna.cookie))
        .await
        .problem(404, "/problems/not-found");
}

#[tokio::test]
async fn a_role_change_holds_from_the_next_request() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    app.get("/api/v1/people", Some(&piotr.cookie))
        .await
        .problem(404, "/problems/not-found");
    let promoted = call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{PIOTR}/role"),
        &anna,
        Some(json!({ "role": "admin" })),
    )
    .await;
    assert_eq!(promoted.status, StatusCode::OK);
    // The same session, no new sign-in.
    let people = app.get_ok("/api/v1/people", &piotr).await;
    assert!(people["items"].as_array().is_some_and(|p| p.len() >= 2));
    let changes = app.get_ok("/api/v1/people/changes", &piotr).await;
    assert_eq!(changes["items"][0]["kind"], "role_changed");
    assert_eq!(changes["items"][0]["role"], "admin");
    assert_eq!(changes["items"][0]["person"], "Piotr Nowak");
}

#[tokio::test]
async fn deactivation_ends_the_sessions_at_once_and_keeps_the_name() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    app.get_ok("/api/v1/plan", &piotr).await;
    let off = call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{PIOTR}/deactivate"),
        &anna,
        None,
    )
    .await;
    assert_eq!(off.json()["status"], "deactivated");
    app.get("/api/v1/plan", Some(&piotr.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    app.sign_in_as("inzynier@kowalski-aero.demo", PASSWORD)
        .await
        .problem(401, "/problems/invalid-credentials");
    // No reset mail for a deactivated account either.
    public(
        &app,
        "/api/v1/password-reset",
        json!({ "email": "inzynier@kowalski-aero.demo" }),
    )
    .await;
    assert!(mailed_token(&app, "inzynier@kowalski-aero.demo", "password_reset").is_none());
    // Their requests keep their name.
    let list = app
        .get_ok("/api/v1/requests?limit=500", &anna)
        .await
        .to_string();
    assert!(list.contains("Piotr Nowak"));

    let on = call(
        &app,
        Method::POST,
        &format!("/api/v1/people/{PIOTR}/reactivate"),
        &anna,
        None,
    )
    .await;
    assert_eq!(on.json()["status"], "active");
    app.sign_in("inzynier@kowalski-aero.demo").await;
    let kinds: Vec<Value> = app.get_ok("/api/v1/people/changes", &anna).await["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["kind"].clone())
        .collect();
    assert_eq!(kinds[..2], [json!("reactivated"), json!("deactivated")]);
}

#[tokio::test]
async fn a_reset_answers_the_same_for_unknown_addresses_and_works_once() {
    let app = TestApp::new().await;
    let old = app.sign_in("inzynier@kowalski-aero.demo").await;
    let mut answers = Vec::new();
    for email in ["inzynier@kowalski-aero.demo", "nobody@kowalski-aero.demo"] {
        let started = Instant::now();
        let answer = public(&app, "/api/v1/password-reset", json!({ "email": email })).await;
        answers.push((
            answer.status,
            answer.body.clone(),
            answer.header(header::SET_COOKIE).map(str::to_owned),
            started.elapsed(),
        ));
    }
    let (known, unknown) = (&answers[0], &answers[1]);
    assert_eq!(known.0, StatusCode::ACCEPTED);
    assert_eq!(
        (known.0, &known.1, &known.2),
        (unknown.0, &unknown.1, &unknown.2)
    );
    // Both wait for the same floor, far above the work either does.
    for answer in &answers {
        assert!(answer.3 >= Duration::from_millis(250), "{:?}", answer.3);
    }
    assert!(
        known.3.abs_diff(unknown.3) < Duration::from_millis(150),
        "{answers:?}"
    );
    assert!(mailed_token(&app, "nobody@kowalski-aero.demo", "password_reset").is_none());
    let (token, mail) =
        mailed_token(&app, "inzynier@kowalski-aero.demo", "password_reset").expect("mail");
    assert!(mail.contains("/reset-password?token="), "{mail}");

    let body = |password: &str| json!({ "token": token, "password": password });
    let common = public(
        &app,
        "/api/v1/password-reset/complete",
        body("1q2w3e4r5t6y"),
    )
    .await;
    assert!(names_field(
        &common.problem(422, "/problems/validation"),
        "password",
        "password_common"
    ));
    let done = public(&app, "/api/v1/password-reset/complete", body(NEW_PASSWORD)).await;
    assert_eq!(done.status, StatusCode::NO_CONTENT);
    // Every session ended; the new password works, the old one does not.
    app.get("/api/v1/plan", Some(&old.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    assert_eq!(
        app.sign_in_as("inzynier@kowalski-aero.demo", NEW_PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
    app.sign_in_as("inzynier@kowalski-aero.demo", PASSWORD)
        .await
        .problem(401, "/problems/invalid-credentials");
    // Single use.
    let again = public(
        &app,
        "/api/v1/password-reset/complete",
        body("another long passphrase"),
    )
    .await;
    assert!(names_field(
        &again.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let app = TestApp::new().await;
    public(
        &app,
        "/api/v1/password-reset",
        json!({ "email": "admin@tatra-forming.demo" }),
    )
    .await;
    let (token, _) =
        mailed_token(&app, "admin@tatra-forming.demo", "password_reset").expect("mail");
    let lifetime: i64 = app
        .db()
        .query_row(
            "SELECT expires_at - created_at FROM account_tokens WHERE purpose = 'reset'",
            [],
            |r| r.get(0),
        )
        .expect("token");
    assert_eq!(lifetime, 3600);
    let mut db = app.db();
    staff_do(&mut db, |tx| {
        tx.execute("UPDATE account_tokens SET expires_at = created_at - 1", [])
    })
    .expect("expire");
    let late = public(
        &app,
        "/api/v1/password-reset/complete",
        json!({ "token": token, "password": NEW_PASSWORD }),
    )
    .await;
    assert!(names_field(
        &late.problem(422, "/problems/validation"),
        "token",
        "invalid_value"
    ));
}

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::new().await;
    let here = app.sign_in("admin@tatra-forming.demo").await;
    let there = app.sign_in("admin@tatra-forming.demo").await;
    let change =
        |current: &str, new: &str| json!({ "current_password": current, "new_password": new });
    for (body, field, code) in [
        (
            change("wrong password", NEW_PASSWORD),
            "current_password",
            "password_wrong",
        ),
        (
            change(PASSWORD, "qwertyqwerty"),
            "new_password",
            "password_common",
        ),
        (
            change(PASSWORD, "short"),
            "new_password",
            "password_too_short",
        ),
    ] {
        let refused = call(
            &app,
            Method::POST,
            "/api/v1/account/password",
            &here,
            Some(body),
        )
        .await;
        assert!(names_field(
            &refused.problem(422, "/problems/validation"),
            field,
            code
        ));
    }
    let done = call(
        &app,
        Method::POST,
        "/api/v1/account/password",
        &here,
        Some(change(PASSWORD, NEW_PASSWORD)),
    )
    .await;
    assert_eq!(done.status, StatusCode::NO_CONTENT);
    app.get_ok("/api/v1/account", &here).await;
    app.get("/api/v1/account", Some(&there.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    assert_eq!(
        app.sign_in_as("admin@tatra-forming.demo", NEW_PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_account_lists_its_sessions_and_signs_out_the_others() {
    let app = TestApp::new().await;
    let firefox = "Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0";
    let mut request = sign_in_request("buyer@northbridge.demo", PASSWORD, None);
    request
        .headers_mut()
        .insert(header::USER_AGENT, firefox.parse().expect("ua"));
    let other = app.send(request).await;
    assert_eq!(other.status, StatusCode::OK);
    let here = app.sign_in("buyer@northbridge.demo").await;
    let list = app.get_ok("/api/v1/account/sessions", &here).await;
    let items = list["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{list}");
    assert_eq!(items.iter().filter(|s| s["current"] == true).count(), 1);
    assert!(
        items.iter().any(|s| s["browser"] == "Firefox on Windows"),
        "{list}"
    );
    assert!(items.iter().all(
        |s| s["last_seen_at"].is_string() && s["id"].as_str().is_some_and(|id| id.len() == 16)
    ));

    let ended = call(
        &app,
        Method::POST,
        "/api/v1/account/sessions/end-others",
        &here,
        None,
    )
    .await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);
    let list = app.get_ok("/api/v1/account/sessions", &here).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    app.get("/api/v1/plan", Some(&session_cookie(&other)))
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn the_profile_keeps_name_phone_and_language() {
    let app = TestApp::new().await;
    let me = app.sign_in("technik@strojirny-hradec.demo").await;
    let account = app.get_ok("/api/v1/account", &me).await;
    assert_eq!(account["name"], "Tomáš Svoboda");
    assert_eq!(account["language"], Value::Null);
    // The session says whether the user chose a language, so a new browser can follow it.
    assert_eq!(me.session["user"]["language"], Value::Null);
    let saved = call(
        &app,
        Method::PATCH,
        "/api/v1/account",
        &me,
        Some(
            json!({ "name": " Tomáš Svoboda ml. ", "phone": "+420 601 123 456", "language": "en" }),
        ),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let account = app.get_ok("/api/v1/account", &me).await;
    assert_eq!(account["name"], "Tomáš Svoboda ml.");
    assert_eq!(account["phone"], "+420 601 123 456");
    assert_eq!(account["language"], "en");
    let session = app.get_ok("/api/v1/session", &me).await;
    assert_eq!(session["user"]["language"], "en");
    let empty = call(
        &app,
        Method::PATCH,
        "/api/v1/account",
        &me,
        Some(json!({ "name": " ", "phone": null, "language": null })),
    )
    .await;
    assert!(names_field(
        &empty.problem(422, "/problems/validation"),
        "name",
        "required"
    ));
}

#[tokio::test]
async fn the_demo_has_a_pending_invitation_and_a_deactivated_engineer() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let people = app.get_ok("/api/v1/people", &anna).await;
    let status = |email: &str| {
        people["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["email"] == email))
            .map(|p| p["status"].clone())
    };
    assert_eq!(status("admin@kowalski-aero.demo"), Some(json!("active")));
    assert_eq!(
        status("marta.wisniewska@kowalski-aero.demo"),
        Some(json!("invited"))
    );
    assert_eq!(
        status("jan.zielinski@kowalski-aero.demo"),
        Some(json!("deactivated"))
    );
    app.sign_in_as("jan.zielinski@kowalski-aero.demo", PASSWORD)
        .await
        .problem(401, "/problems/invalid-credentials");
}
