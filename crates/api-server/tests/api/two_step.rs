//! Two-step sign-in: enrolment with a first code, the code at sign-in, a code used twice,
//! recovery codes, the rate limit, and a company's requirement.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use support_api::CSRF_HEADER;
use totp_rs::{Algorithm, Builder, Secret};

use crate::common::*;

async fn post(app: &TestApp, path: &str, signed: &Signed, body: Value) -> TestResponse {
    app.send(
        Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, &signed.cookie)
            .header(CSRF_HEADER, &signed.csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

/// The code an authenticator app shows for `secret`, `offset` seconds from now.
fn code(secret: &str, offset: i64) -> String {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_secret(Secret::try_from_base32(secret).expect("base32"))
        .build()
        .expect("totp");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_secs() as i64;
    totp.generate((now + offset) as u64).to_string()
}

fn sign_in_with(email: &str, code: Option<&str>) -> Request<Body> {
    let mut body = json!({ "email": email, "password": PASSWORD });
    if let Some(code) = code {
        body["code"] = json!(code);
    }
    post_json(
        "/api/v1/session",
        Some("application/json"),
        body.to_string(),
    )
}

/// Turns two-step sign-in on for `signed`; answers the secret and the recovery codes.
async fn enrol(app: &TestApp, signed: &Signed) -> (String, Vec<String>) {
    let setup = post(app, "/api/v1/account/two-step", signed, json!(null)).await;
    assert_eq!(setup.status, StatusCode::OK, "{:?}", setup.body);
    let setup = setup.json();
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    assert!(
        setup["otpauth_uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("otpauth://totp/"))
    );
    assert!(
        setup["qr_code"]
            .as_str()
            .is_some_and(|u| u.starts_with("data:image/svg+xml;base64,"))
    );
    let wrong = post(
        app,
        "/api/v1/account/two-step/confirm",
        signed,
        json!({ "code": "000000" }),
    )
    .await;
    assert!(names_field(
        &wrong.problem(422, "/problems/validation"),
        "code",
        "wrong_code"
    ));
    let confirmed = post(
        app,
        "/api/v1/account/two-step/confirm",
        signed,
        json!({ "code": code(&secret, 0) }),
    )
    .await;
    assert_eq!(confirmed.status, StatusCode::OK, "{:?}", confirmed.body);
    let codes: Vec<String> =
        serde_json::from_value(confirmed.json()["codes"].clone()).expect("codes");
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

#[tokio::test]
async fn sign_in_asks_for_the_code_and_takes_each_code_once() {
    let app = TestApp::new().await;
    let martin = app.sign_in("admin@tatra-forming.demo").await;
    let (secret, codes) = enrol(&app, &martin).await;
    assert_eq!(
        app.get_ok("/api/v1/account", &martin).await["two_step"],
        true
    );
    // Recovery codes are stored as hashes only.
    let plain: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM recovery_codes WHERE code_hash = ?1",
            [codes[0].as_bytes()],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(plain, 0);

    let email = "admin@tatra-forming.demo";
    app.send(sign_in_with(email, None))
        .await
        .problem(401, "/problems/second-step-required");
    // The confirming code was this step's: it is used, and so refused now.
    let reused = app.send(sign_in_with(email, Some(&code(&secret, 0)))).await;
    assert!(names_field(
        &reused.problem(422, "/problems/validation"),
        "code",
        "wrong_code"
    ));
    // The next step's code (within the one step of skew) works once.
    let next = code(&secret, 30);
    let first = app.send(sign_in_with(email, Some(&next))).await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let again = app.send(sign_in_with(email, Some(&next))).await;
    assert!(names_field(
        &again.problem(422, "/problems/validation"),
        "code",
        "wrong_code"
    ));

    // A recovery code works once, whatever its case and dashes.
    let recovery = codes[3].to_uppercase().replace('-', "");
    assert_eq!(
        app.send(sign_in_with(email, Some(&recovery))).await.status,
        StatusCode::OK
    );
    let twice = app.send(sign_in_with(email, Some(&codes[3]))).await;
    assert!(names_field(
        &twice.problem(422, "/problems/validation"),
        "code",
        "wrong_code"
    ));
}

#[tokio::test]
async fn moving_to_a_new_app_takes_a_code_of_the_one_in_use() {
    let app = TestApp::new().await;
    let martin = app.sign_in("admin@tatra-forming.demo").await;
    let (old_secret, old_codes) = enrol(&app, &martin).await;
    let setup = post(&app, "/api/v1/account/two-step", &martin, json!(null)).await;
    assert_eq!(setup.status, StatusCode::OK, "{:?}", setup.body);
    let new_secret = setup.json()["secret"].as_str().expect("secret").to_owned();
    let confirm = |body: Value| post(&app, "/api/v1/account/two-step/confirm", &martin, body);

    // The session alone cannot move the second step: a code of the app in use is needed.
    for current in [None, Some("000000")] {
        let mut body = json!({ "code": code(&new_secret, 0) });
        if let Some(current) = current {
            body["current"] = json!(current);
        }
        let refused = confirm(body).await;
        assert!(names_field(
            &refused.problem(422, "/problems/validation"),
            "current",
            "wrong_code"
        ));
    }
    // A good current code with a wrong new one uses up nothing.
    let wrong_new = confirm(json!({ "code": "000000", "current": old_codes[0] })).await;
    assert!(names_field(
        &wrong_new.problem(422, "/problems/validation"),
        "code",
        "wrong_code"
    ));
    let left: i64 = app
        .db()
        .query_row("SELECT count(*) FROM recovery_codes", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 10);

    let moved =
        confirm(json!({ "code": code(&new_secret, 0), "current": code(&old_secret, 30) })).await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    let new_codes: Vec<String> =
        serde_json::from_value(moved.json()["codes"].clone()).expect("codes");
    assert_eq!(new_codes.len(), 10);
    assert!(new_codes.iter().all(|c| !old_codes.contains(c)));

    // Sign-in takes the new app's codes and recovery codes, no longer the old ones.
    let email = "admin@tatra-forming.demo";
    for old in [code(&old_secret, 60), old_codes[1].clone()] {
        let refused = app.send(sign_in_with(email, Some(&old))).await;
        assert!(names_field(
            &refused.problem(422, "/problems/validation"),
            "code",
            "wrong_code"
        ));
    }
    for new in [code(&new_secret, 30), new_codes[0].clone()] {
        let signed = app.send(sign_in_with(email, Some(&new))).await;
        assert_eq!(signed.status, StatusCode::OK, "{:?}", signed.body);
    }
}

#[tokio::test]
async fn guesses_of_the_current_code_are_rate_limited() {
    let app = TestApp::new().await;
    let oliver = app.sign_in("buyer@northbridge.demo").await;
    enrol(&app, &oliver).await;
    let setup = post(&app, "/api/v1/account/two-step", &oliver, json!(null)).await;
    let new_secret = setup.json()["secret"].as_str().expect("secret").to_owned();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let body = json!({ "code": code(&new_secret, 0), "current": "123456" });
        let answer = post(&app, "/api/v1/account/two-step/confirm", &oliver, body).await;
        statuses.push(answer.status.as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
}

#[tokio::test]
async fn wrong_codes_are_rate_limited() {
    let app = TestApp::new().await;
    let oliver = app.sign_in("buyer@northbridge.demo").await;
    enrol(&app, &oliver).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(
            app.send(sign_in_with("buyer@northbridge.demo", Some("123456")))
                .await
                .status
                .as_u16(),
        );
    }
    // The first sign-in (before enrolment) was forgiven: five guesses, then a wait.
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
}

#[tokio::test]
async fn a_company_requirement_makes_the_next_sign_in_set_it_up() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    let require = json!({ "required": true });
    // An admin sets up her own first: requiring it would lock her out at once.
    post(&app, "/api/v1/people/two-step", &anna, require.clone())
        .await
        .problem(409, "/problems/conflict");
    enrol(&app, &anna).await;
    let required = post(&app, "/api/v1/people/two-step", &anna, require).await;
    assert_eq!(required.status, StatusCode::NO_CONTENT);
    let people = app.get_ok("/api/v1/people", &anna).await;
    assert_eq!(people["two_step_required"], true);

    // Piotr's next request: only his account and the session answer until he sets it up.
    let session = app.get_ok("/api/v1/session", &piotr).await;
    assert_eq!(session["two_step_setup_required"], true);
    app.get("/api/v1/plan", Some(&piotr.cookie))
        .await
        .problem(403, "/problems/forbidden");
    app.get_ok("/api/v1/account", &piotr).await;
    enrol(&app, &piotr).await;
    app.get_ok("/api/v1/plan", &piotr).await;
    assert_eq!(
        app.get_ok("/api/v1/session", &piotr).await["two_step_setup_required"],
        false
    );
}

#[tokio::test]
async fn an_admin_resets_a_lost_authenticator_and_the_person_is_told() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    enrol(&app, &piotr).await;
    let people = app.get_ok("/api/v1/people", &anna).await;
    let piotr_row = people["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|p| p["email"] == "inzynier@kowalski-aero.demo")
        })
        .cloned()
        .expect("Piotr is listed");
    assert_eq!(piotr_row["two_step"], true);
    let anna_id = anna.session["user"]["id"].as_i64().expect("id");
    let piotr_id = piotr_row["id"].as_i64().expect("id");
    let reset = |id: i64| format!("/api/v1/people/{id}/two-step/reset");

    // Members, other companies and unknown ids find nothing; an admin's own is refused.
    post(&app, &reset(anna_id), &piotr, json!(null))
        .await
        .problem(404, "/problems/not-found");
    let jana = app.sign_in("admin@strojirny-hradec.demo").await;
    post(&app, &reset(piotr_id), &jana, json!(null))
        .await
        .problem(404, "/problems/not-found");
    post(&app, &reset(anna_id), &anna, json!(null))
        .await
        .problem(409, "/problems/conflict");
    app.send(sign_in_with("inzynier@kowalski-aero.demo", None))
        .await
        .problem(401, "/problems/second-step-required");

    let done = post(&app, &reset(piotr_id), &anna, json!(null)).await;
    assert_eq!(done.status, StatusCode::OK, "{:?}", done.body);
    assert_eq!(done.json()["two_step"], false);
    // His sessions end; his password alone signs him in; his recovery codes are gone.
    app.get("/api/v1/plan", Some(&piotr.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    let again = app
        .send(sign_in_with("inzynier@kowalski-aero.demo", None))
        .await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
    let codes: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM recovery_codes WHERE user_id = ?1",
            [piotr_id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(codes, 0);
    // He is mailed, naming who did it; the record says so.
    let (subject, body): (String, String) = app
        .db()
        .query_row(
            "SELECT subject, body_text FROM outbox
             WHERE to_address = 'inzynier@kowalski-aero.demo' AND kind = 'two_step_reset'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("the mail is queued");
    assert!(body.contains("Anna Kowalska"), "{subject}: {body}");
    let changes = app.get_ok("/api/v1/people/changes", &anna).await;
    assert_eq!(changes["items"][0]["kind"], "two_step_reset");
    assert_eq!(changes["items"][0]["person"], "Piotr Nowak");

    // Again: nothing left to reset, nothing recorded or mailed twice.
    let twice = post(&app, &reset(piotr_id), &anna, json!(null)).await;
    assert_eq!(twice.status, StatusCode::OK);
    let mails: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM outbox WHERE kind = 'two_step_reset'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(mails, 1);
}
