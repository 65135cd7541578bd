//! Tenant and member isolation, and the CSRF check, for every operation of the OpenAPI
//! document. The table below is matched against the document: an operation added to the
//! API without a row here fails `every_operation_has_a_row`, so none can be forgotten.

use axum::body::Body;
use axum::http::{Method, Request, header};
use serde_json::{Value, json};
use support_api::CSRF_HEADER;

use crate::common::{Signed, TestApp, TestResponse};

/// Kowalski Aero's seed: request 17 is the admin's, 18 the member's (awaiting approval);
/// licence 1 is Kowalski's. Ids of the seed are stable for this customer.
const ADMINS_REQUEST: i64 = 17;
const MEMBERS_REQUEST: i64 = 18;
const KOWALSKI_LICENCE: i64 = 1;
/// The demo screenshot on the admin's hotline request 19.
const ADMINS_FILE: i64 = 4;
/// Kowalski's users: Anna (admin) is the first the seed writes, Piotr (member) the second.
const KOWALSKI_ADMIN: i64 = 1;
const KOWALSKI_MEMBER: i64 = 2;

/// Operations that need no session, so no CSRF token either: the ways in.
const WITHOUT_SESSION: [(&str, &str); 4] = [
    ("post", "/api/v1/session"),
    ("post", "/api/v1/password-reset"),
    ("post", "/api/v1/password-reset/complete"),
    ("post", "/api/v1/invitation/accept"),
];

fn hotline(licence: Option<i64>) -> Value {
    json!({
        "title": "Isolation probe",
        "description": "Does this leak?",
        "priority": "normal",
        "licence_id": licence,
        "contact_phone": null,
        "details": { "type": "hotline" }
    })
}

/// How an outsider (or a member, for a colleague's data) probes one operation, and what
/// must come back.
struct Probe {
    method: Method,
    path: String,
    body: Option<Value>,
    /// Statuses that keep the data private (404 for ids; 422 without naming anything).
    allowed: &'static [u16],
}

fn probe(method: Method, path: String, body: Option<Value>, allowed: &'static [u16]) -> Probe {
    Probe {
        method,
        path,
        body,
        allowed,
    }
}

/// The probes of one documented operation for `who`: "outsider" is the admin of another
/// customer, "member" a member reading a colleague's or the admin's data. Lists that are
/// scoped rather than refused are checked by content in the tests further down.
fn probes(method: &str, path: &str, who: &str) -> Vec<Probe> {
    let foreign = |suffix: &str| format!("/api/v1/requests/{ADMINS_REQUEST}{suffix}");
    let comment = Some(json!({ "text": "leak?" }));
    match (method, path, who) {
        // Who am I, sign-in and sign-out concern only the caller's own session.
        ("get" | "post" | "delete", "/api/v1/session", _) => vec![],
        // Scoped to the caller's customer: checked by content below.
        ("get", "/api/v1/plan" | "/api/v1/catalog" | "/api/v1/requests", _) => vec![],
        // Tatra has no SBP: its credit is not found, never Kowalski's.
        ("get", "/api/v1/credit", "outsider") => {
            vec![probe(Method::GET, path.into(), None, &[404])]
        }
        ("get", "/api/v1/credit", "member") => vec![],
        ("get", "/api/v1/credit/ledger", _) => vec![probe(Method::GET, path.into(), None, &[404])],
        // An outsider naming Kowalski's licence is refused without a word about it; a
        // member of Kowalski may create requests about its own company's licences.
        ("post", "/api/v1/requests" | "/api/v1/requests/estimate", "outsider") => {
            vec![probe(
                Method::POST,
                path.into(),
                Some(hotline(Some(KOWALSKI_LICENCE))),
                &[422],
            )]
        }
        ("post", "/api/v1/requests" | "/api/v1/requests/estimate", "member") => vec![],
        ("get", "/api/v1/requests/{id}", _) => vec![probe(Method::GET, foreign(""), None, &[404])],
        ("post", "/api/v1/requests/{id}/comments", _) => {
            vec![probe(Method::POST, foreign("/comments"), comment, &[404])]
        }
        ("post", "/api/v1/requests/{id}/cancel", _) => {
            vec![probe(Method::POST, foreign("/cancel"), None, &[404])]
        }
        // An outsider's decision on a foreign id is not found; a member may decide nothing.
        ("post", "/api/v1/requests/{id}/decision", "outsider") => vec![probe(
            Method::POST,
            format!("/api/v1/requests/{MEMBERS_REQUEST}/decision"),
            Some(json!({ "approve": true })),
            &[404],
        )],
        ("post", "/api/v1/requests/{id}/decision", "member") => vec![probe(
            Method::POST,
            format!("/api/v1/requests/{MEMBERS_REQUEST}/decision"),
            Some(json!({ "approve": true })),
            &[403, 404],
        )],
        // Each user's own mail settings; a member may not choose the admins' mails.
        ("get" | "put", "/api/v1/notifications", "outsider") => vec![],
        ("get", "/api/v1/notifications", "member") => vec![],
        ("put", "/api/v1/notifications", "member") => vec![probe(
            Method::PUT,
            path.into(),
            Some(json!({ "settings": [{ "kind": "low_credit", "enabled": true }] })),
            &[422],
        )],
        ("get", "/api/v1/requests/{id}/mute", _) => {
            vec![probe(Method::GET, foreign("/mute"), None, &[404])]
        }
        ("put", "/api/v1/requests/{id}/mute", _) => vec![probe(
            Method::PUT,
            foreign("/mute"),
            Some(json!({ "muted": true })),
            &[404],
        )],
        // The limits are the server's, the same for everyone.
        ("get", "/api/v1/files/limits", _) => vec![],
        ("get", "/api/v1/files/{id}", _) => vec![probe(
            Method::GET,
            format!("/api/v1/files/{ADMINS_FILE}"),
            None,
            &[404],
        )],
        ("post", "/api/v1/requests/{id}/files", _) => {
            vec![probe(Method::POST, foreign("/files"), None, &[404])]
        }
        ("post", "/api/v1/requests/{id}/comments/{comment}/files", _) => {
            vec![probe(
                Method::POST,
                foreign("/comments/1/files"),
                None,
                &[404],
            )]
        }
        // A staged upload is the caller's own; taking back another's file (here one on the
        // admin's request; staged ones of others in files_staged.rs) is not found.
        ("post", "/api/v1/uploads", _) => vec![],
        ("delete", "/api/v1/uploads/{id}", _) => vec![probe(
            Method::DELETE,
            format!("/api/v1/uploads/{ADMINS_FILE}"),
            None,
            &[404],
        )],
        // Closing the loop on another's request: not found, whatever the body.
        ("post", "/api/v1/requests/{id}/confirm", _) => {
            vec![probe(Method::POST, foreign("/confirm"), None, &[404])]
        }
        ("post", "/api/v1/requests/{id}/reopen", _) => vec![probe(
            Method::POST,
            foreign("/reopen"),
            Some(json!({ "reason": "leak?" })),
            &[404],
        )],
        ("post", "/api/v1/requests/{id}/rating", _) => vec![probe(
            Method::POST,
            foreign("/rating"),
            Some(json!({ "score": 5 })),
            &[404],
        )],
        ("post", "/api/v1/requests/{id}/quote/accept", _) => {
            vec![probe(Method::POST, foreign("/quote/accept"), None, &[404])]
        }
        ("post", "/api/v1/requests/{id}/quote/decline", _) => vec![probe(
            Method::POST,
            foreign("/quote/decline"),
            Some(json!({ "reason": "leak?" })),
            &[404],
        )],
        // Scoped to the caller (a member's own requests): checked by content in closing.rs.
        ("get", "/api/v1/billing/pay-statement", _) => vec![],
        // People: another company's person is not found; a member finds no people at all.
        ("get", "/api/v1/people" | "/api/v1/people/changes", "outsider") => vec![],
        ("get", "/api/v1/people" | "/api/v1/people/changes", "member") => {
            vec![probe(Method::GET, path.into(), None, &[404])]
        }
        // An outsider may invite into its own company, but not take a Kowalski address
        // (refused without a word about whose it is); a member may invite no one.
        ("post", "/api/v1/people", who) => vec![probe(
            Method::POST,
            path.into(),
            Some(json!({
                "name": "Probe", "email": "inzynier@kowalski-aero.demo",
                "role": "admin", "language": "pl"
            })),
            if who == "member" { &[404] } else { &[409] },
        )],
        (
            "post" | "delete",
            "/api/v1/people/{id}/invitation"
            | "/api/v1/people/{id}/role"
            | "/api/v1/people/{id}/deactivate"
            | "/api/v1/people/{id}/reactivate"
            | "/api/v1/people/{id}/two-step/reset",
            who,
        ) => {
            let target = if who == "member" {
                KOWALSKI_ADMIN
            } else {
                KOWALSKI_MEMBER
            };
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let body = path.ends_with("/role").then(|| json!({ "role": "member" }));
            let path = path.replace("{id}", &target.to_string());
            vec![probe(method, path, body, &[404])]
        }
        // Two-step sign-in: one's own; the company's requirement is an admin's.
        ("post", "/api/v1/account/two-step" | "/api/v1/account/two-step/confirm", _) => vec![],
        ("post", "/api/v1/people/two-step", "outsider") => vec![],
        ("post", "/api/v1/people/two-step", "member") => vec![probe(
            Method::POST,
            path.into(),
            Some(json!({ "required": true })),
            &[404],
        )],
        // The caller's own account and sessions only, and the ways in without a session.
        (_, "/api/v1/account" | "/api/v1/account/password" | "/api/v1/account/sessions", _)
        | ("post", "/api/v1/account/sessions/end-others", _) => vec![],
        ("post", "/api/v1/password-reset" | "/api/v1/password-reset/complete", _)
        | ("post", "/api/v1/invitation/accept", _) => vec![],
        _ => panic!("no isolation row for {method} {path} as {who}: add one to security.rs"),
    }
}

fn documented_operations() -> Vec<(String, String)> {
    let doc: Value =
        serde_json::from_str(&support_api::openapi::document_json()).expect("document");
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("operations").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                operations.push((method.clone(), path.clone()));
            }
        }
    }
    operations
}

async fn send(app: &TestApp, signed: &Signed, probe: &Probe, csrf: Option<&str>) -> TestResponse {
    let mut request = Request::builder()
        .method(probe.method.clone())
        .uri(&probe.path)
        .header(header::COOKIE, &signed.cookie)
        .header(
            support_api::requests::IDEMPOTENCY_HEADER,
            format!("probe-{}", probe.path),
        );
    if let Some(csrf) = csrf {
        request = request.header(CSRF_HEADER, csrf);
    }
    let body = match &probe.body {
        Some(body) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(body.to_string())
        }
        None => Body::empty(),
    };
    app.send(request.body(body).expect("request")).await
}

async fn assert_private(app: &TestApp, signed: &Signed, who: &str) {
    for (method, path) in documented_operations() {
        for probe in probes(&method, &path, who) {
            let answer = send(app, signed, &probe, Some(&signed.csrf)).await;
            let body = String::from_utf8_lossy(&answer.body);
            assert!(
                probe.allowed.contains(&answer.status.as_u16()),
                "{who}: {method} {} answered {}: {body}",
                probe.path,
                answer.status
            );
            for secret in [
                "SOLIDWORKS Essentials for two new designers",
                "BOM export macro",
                "Kowalski",
            ] {
                assert!(
                    !body.contains(secret),
                    "{who}: {method} {} leaks {secret}: {body}",
                    probe.path
                );
            }
        }
    }
}

#[test]
fn every_operation_has_a_row() {
    for (method, path) in documented_operations() {
        for who in ["outsider", "member"] {
            probes(&method, &path, who);
        }
    }
}

#[tokio::test]
async fn another_customer_gets_not_found_everywhere() {
    let app = TestApp::new().await;
    let tatra = app.sign_in("admin@tatra-forming.demo").await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let before = app
        .get_ok(&format!("/api/v1/requests/{ADMINS_REQUEST}"), &anna)
        .await;
    assert_private(&app, &tatra, "outsider").await;
    // Nothing was created or changed on Kowalski's side.
    let after = app
        .get_ok(&format!("/api/v1/requests/{ADMINS_REQUEST}"), &anna)
        .await;
    assert_eq!(before, after);
    let pending = app
        .get_ok(&format!("/api/v1/requests/{MEMBERS_REQUEST}"), &anna)
        .await;
    assert_eq!(pending["summary"]["status"], "awaiting_approval");
}

#[tokio::test]
async fn a_member_cannot_reach_a_colleagues_data() {
    let app = TestApp::new().await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    let own = app
        .get_ok(&format!("/api/v1/requests/{MEMBERS_REQUEST}"), &piotr)
        .await;
    assert_eq!(own["summary"]["requested_by"], "Piotr Nowak");
    for (method, path) in documented_operations() {
        for probe in probes(&method, &path, "member") {
            let answer = send(&app, &piotr, &probe, Some(&piotr.csrf)).await;
            assert!(
                probe.allowed.contains(&answer.status.as_u16()),
                "member: {method} {} answered {}",
                probe.path,
                answer.status
            );
        }
    }
    // The member's list holds only the member's own requests.
    let list = app.get_ok("/api/v1/requests?limit=500", &piotr).await;
    let items = list["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(
        items.iter().all(|r| r["requested_by"] == "Piotr Nowak"),
        "{list}"
    );
}

#[tokio::test]
async fn scoped_lists_hold_only_the_callers_company() {
    let app = TestApp::new().await;
    let tatra = app.sign_in("admin@tatra-forming.demo").await;
    for path in [
        "/api/v1/plan",
        "/api/v1/catalog",
        "/api/v1/requests?limit=500",
        "/api/v1/people",
        "/api/v1/people/changes",
    ] {
        let body = app.get_ok(path, &tatra).await.to_string();
        for foreign in [
            "Kowalski",
            "Strojírny",
            "Northbridge",
            "Piotr Nowak",
            "Jana Dvořáková",
        ] {
            assert!(!body.contains(foreign), "{path} leaks {foreign}");
        }
    }
    // A search that would match everything if it were pasted into SQL matches nothing.
    let injected = app
        .get_ok("/api/v1/requests?q=%25'%20OR%20'1'%3D'1", &tatra)
        .await;
    assert_eq!(injected["items"], json!([]), "{injected}");
}

#[tokio::test]
async fn state_changing_calls_need_the_sessions_csrf_token() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let other = app.sign_in("admin@tatra-forming.demo").await;
    let before = app
        .get_ok(&format!("/api/v1/requests/{ADMINS_REQUEST}"), &anna)
        .await;
    for (method, path) in documented_operations() {
        if method == "get" || WITHOUT_SESSION.contains(&(method.as_str(), path.as_str())) {
            continue;
        }
        let probe = Probe {
            method: Method::from_bytes(method.to_uppercase().as_bytes()).expect("method"),
            path: path
                .replace("{id}", &ADMINS_REQUEST.to_string())
                .replace("{comment}", "1"),
            body: Some(json!({})),
            allowed: &[403],
        };
        for csrf in [None, Some(other.csrf.as_str()), Some("")] {
            let answer = send(&app, &anna, &probe, csrf).await;
            answer.problem(403, "/problems/csrf");
        }
    }
    // Nothing happened: Anna's session still works and request 17 is unchanged.
    let after = app
        .get_ok(&format!("/api/v1/requests/{ADMINS_REQUEST}"), &anna)
        .await;
    assert_eq!(before, after);
}

/// Every answer, good or refused, is private (no cache keeps it), never sniffed as
/// something other than its type, and cannot be framed.
#[tokio::test]
async fn every_answer_is_private_and_not_sniffed() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let answers = [
        app.get("/api/v1/plan", Some(&anna.cookie)).await,
        app.get("/api/v1/plan", None).await,
        app.get("/api/v1/requests/999999", Some(&anna.cookie)).await,
        app.get("/no-such-thing", None).await,
    ];
    for (answer, status) in answers.iter().zip([200, 401, 404, 404]) {
        assert_eq!(answer.status.as_u16(), status);
        let header = |name: header::HeaderName| {
            answer
                .headers
                .get(&name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header(header::CACHE_CONTROL), "no-store", "{status}");
        assert_eq!(
            header(header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{status}"
        );
        assert_eq!(
            header(header::CONTENT_SECURITY_POLICY),
            "default-src 'none'; frame-ancestors 'none'",
            "{status}"
        );
    }
}
