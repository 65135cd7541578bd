//! Sign-in, who am I, sign-out, cookies, CSRF, expiry and the sign-in rate limit.

use std::net::{IpAddr, Ipv4Addr};

use axum::http::{StatusCode, header};

use crate::common::*;

#[tokio::test]
async fn every_demo_user_signs_in_and_sees_its_company() {
    let app = TestApp::new().await;
    for (email, name, role, customer, currency, language) in DEMO_USERS {
        let signed = app.sign_in(email).await;
        let session = &signed.session;
        assert_eq!(session["user"]["email"], email);
        assert_eq!(session["user"]["name"], name);
        assert_eq!(session["user"]["role"], role);
        assert_eq!(session["customer"]["name"], customer);
        assert_eq!(session["customer"]["currency"], currency);
        assert_eq!(session["customer"]["language"], language);
        assert!(
            session["expires_at"]
                .as_str()
                .is_some_and(|t| t.ends_with('Z'))
        );

        // GET /session answers the same session, CSRF token included.
        let again = app.get("/api/v1/session", Some(&signed.cookie)).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(&again.json(), session);
    }
}

#[tokio::test]
async fn e_mail_is_matched_without_case_or_surrounding_spaces() {
    let app = TestApp::new().await;
    let response = app
        .sign_in_as("  Admin@Kowalski-Aero.DEMO ", PASSWORD)
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json()["user"]["email"], "admin@kowalski-aero.demo");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_answer_the_same() {
    let app = TestApp::new().await;
    let wrong = app
        .sign_in_as("admin@kowalski-aero.demo", "portal-demo!")
        .await;
    let unknown = app.sign_in_as("nobody@kowalski-aero.demo", PASSWORD).await;
    let wrong_problem = wrong.problem(401, "/problems/invalid-credentials");
    let unknown_problem = unknown.problem(401, "/problems/invalid-credentials");
    assert_eq!(wrong_problem, unknown_problem);
    assert_eq!(wrong.body, unknown.body);
    assert!(wrong.header(header::SET_COOKIE).is_none());
    assert!(unknown.header(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn sign_in_fields_are_validated() {
    let app = TestApp::new().await;
    let response = app.sign_in_as("not-an-address", "").await;
    let problem = response.problem(422, "/problems/validation");
    let errors = problem["errors"].as_array().expect("errors");
    let code_of = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .map(|e| e["code"].clone())
    };
    assert_eq!(code_of("email"), Some("invalid_email".into()));
    assert_eq!(code_of("password"), Some("required".into()));
}

#[tokio::test]
async fn session_cookie_attributes() {
    let app = TestApp::new().await;
    let response = app.sign_in_as("admin@tatra-forming.demo", PASSWORD).await;
    let cookie = set_cookie(&response);
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    let token = attributes[0].strip_prefix("portal_session=").expect("name");
    assert_eq!(token.len(), 43, "32 random bytes, base64url");
    for expected in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
        assert!(
            attributes.contains(&expected),
            "{expected} missing in {cookie}"
        );
    }
    // Bound to loopback: a developer's or a test's server over plain HTTP.
    assert!(!attributes.contains(&"Secure"), "{cookie}");

    // Bound elsewhere, or told it sits behind a TLS proxy on the same host: `Secure`.
    for app in [
        TestApp::with_addr("0.0.0.0:3000").await,
        TestApp::with_cookie_setting("127.0.0.1:3000", true).await,
    ] {
        let response = app.sign_in_as("admin@tatra-forming.demo", PASSWORD).await;
        assert!(
            set_cookie(&response)
                .split(';')
                .any(|a| a.trim() == "Secure"),
            "{}",
            set_cookie(&response)
        );
    }
}

#[tokio::test]
async fn each_sign_in_rotates_the_session() {
    let app = TestApp::new().await;
    let first = app.sign_in("admin@kowalski-aero.demo").await;
    let elsewhere = app.sign_in("admin@kowalski-aero.demo").await;
    assert_ne!(first.cookie, elsewhere.cookie);
    assert_ne!(first.csrf, elsewhere.csrf);

    // Signing in again from the same browser replaces its session: the old id is dead.
    let response = app
        .send(sign_in_request(
            "admin@kowalski-aero.demo",
            PASSWORD,
            Some(&first.cookie),
        ))
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let second = session_cookie(&response);
    assert_ne!(second, first.cookie);
    assert_eq!(
        app.get("/api/v1/session", Some(&first.cookie)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get("/api/v1/session", Some(&second)).await.status,
        StatusCode::OK
    );
    // The other browser's session is untouched.
    assert_eq!(
        app.get("/api/v1/session", Some(&elsewhere.cookie))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn no_or_unknown_session_is_nobody_signed_in() {
    let app = TestApp::new().await;
    let forged = format!("portal_session={}", "A".repeat(43));
    for cookie in [None, Some(forged.as_str()), Some("portal_session=short")] {
        let answer = app.get("/api/v1/session", cookie).await;
        assert_eq!(answer.status, StatusCode::NO_CONTENT, "{cookie:?}");
        assert!(answer.body.is_empty(), "{cookie:?}");
    }
    // Everything else still asks to sign in.
    app.get("/api/v1/plan", Some(&forged))
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn sign_out_needs_the_csrf_token() {
    let app = TestApp::new().await;
    let signed = app.sign_in("inzynier@kowalski-aero.demo").await;

    app.sign_out(&signed.cookie, None)
        .await
        .problem(403, "/problems/csrf");
    let other = app.sign_in("admin@kowalski-aero.demo").await;
    app.sign_out(&signed.cookie, Some(&other.csrf))
        .await
        .problem(403, "/problems/csrf");
    // Refused attempts left the session alone.
    assert_eq!(
        app.get("/api/v1/session", Some(&signed.cookie))
            .await
            .status,
        StatusCode::OK
    );

    let response = app.sign_out(&signed.cookie, Some(&signed.csrf)).await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
    let cleared = set_cookie(&response);
    assert!(cleared.starts_with("portal_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(
        app.get("/api/v1/session", Some(&signed.cookie))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.get("/api/v1/plan", Some(&signed.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    // Without a session there is nothing to sign out of.
    app.sign_out(&signed.cookie, Some(&signed.csrf))
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn expired_sessions_answer_nobody_and_401_until_signed_in_again() {
    let app = TestApp::new().await;
    let signed = app.sign_in("admin@strojirny-hradec.demo").await;
    let expired = support_api_server::db::expire_sessions(&app.db_path).expect("expire");
    assert_eq!(expired, 1);
    assert_eq!(
        app.get("/api/v1/session", Some(&signed.cookie))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.get("/api/v1/plan", Some(&signed.cookie))
        .await
        .problem(401, "/problems/unauthenticated");
    let again = app.sign_in("admin@strojirny-hradec.demo").await;
    assert_eq!(
        app.get("/api/v1/plan", Some(&again.cookie)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn repeated_failures_for_an_account_are_limited() {
    let app = TestApp::new().await;
    let email = "admin@tatra-forming.demo";
    for _ in 0..5 {
        app.sign_in_as(email, "guess")
            .await
            .problem(401, "/problems/invalid-credentials");
    }
    // Now even the right password waits, so guessing gains nothing.
    let limited = app.sign_in_as(email, PASSWORD).await;
    limited.problem(429, "/problems/too-many-attempts");
    let retry: u64 = limited
        .header(header::RETRY_AFTER)
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=900).contains(&retry), "{retry}");
    // Other accounts are not locked out by it.
    app.sign_in("buyer@northbridge.demo").await;
}

#[tokio::test]
async fn repeated_failures_from_an_address_are_limited() {
    let app = TestApp::new().await;
    let attacker = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7));
    for i in 0..20 {
        let request = sign_in_request(&format!("guess{i}@northbridge.demo"), "x", None);
        let response = app.send_from(request, attacker).await;
        response.problem(401, "/problems/invalid-credentials");
    }
    let request = sign_in_request("buyer@northbridge.demo", PASSWORD, None);
    let response = app.send_from(request, attacker).await;
    response.problem(429, "/problems/too-many-attempts");
    assert!(response.header(header::RETRY_AFTER).is_some());
    // Another address signs in as usual.
    assert_eq!(
        app.sign_in_as("buyer@northbridge.demo", PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes() {
    let app = TestApp::new().await;
    let conn = rusqlite::Connection::open(&app.db_path).expect("open");
    let mut stmt = conn
        // Invited users have no password until they accept (the seed has one).
        .prepare("SELECT email, password_hash FROM users WHERE status <> 'invited'")
        .expect("prepare");
    let rows: Vec<(String, String)> = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    // The demo accounts and Kowalski's deactivated engineer.
    assert_eq!(rows.len(), DEMO_USERS.len() + 1);
    let mut salts = std::collections::HashSet::new();
    for (email, hash) in &rows {
        assert!(hash.starts_with("$argon2id$"), "{email}: {hash}");
        assert!(!hash.contains(PASSWORD), "{email}");
        salts.insert(hash.split('$').nth(4).expect("salt").to_owned());
    }
    assert_eq!(salts.len(), rows.len(), "every hash has its own salt");
}

#[tokio::test]
async fn session_tokens_are_stored_only_as_hashes() {
    let app = TestApp::new().await;
    let signed = app.sign_in("admin@kowalski-aero.demo").await;
    let token = signed
        .cookie
        .strip_prefix("portal_session=")
        .expect("token");
    let conn = rusqlite::Connection::open(&app.db_path).expect("open");
    let (hash, csrf): (Vec<u8>, String) = conn
        .query_row("SELECT token_hash, csrf_token FROM sessions", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .expect("one session");
    assert_eq!(hash.len(), 32);
    assert_ne!(hash, token.as_bytes());
    assert_eq!(csrf, signed.csrf);
}
