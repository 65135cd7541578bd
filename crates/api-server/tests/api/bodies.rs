//! Bad input is answered with a problem document of the right type, never a 500.

use axum::body::Body;
use axum::http::{Method, Request, header};

use crate::common::*;

const SIGN_IN: &str = "/api/v1/session";
const JSON: Option<&str> = Some("application/json");

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::new().await;
    for body in [
        "{",
        "{\"email\": }",
        "not json",
        "",
        "{\"email\":\"a@b.demo\",\"password\":\"x\"} tail",
    ] {
        let response = app.send(post_json(SIGN_IN, JSON, body)).await;
        response.problem(400, "/problems/malformed-body");
    }
}

#[tokio::test]
async fn wrong_types_are_422_with_the_field() {
    let app = TestApp::new().await;
    let body = r#"{"email": 42, "password": "portal-demo"}"#;
    let problem = app
        .send(post_json(SIGN_IN, JSON, body))
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "email");
    assert_eq!(problem["errors"][0]["code"], "invalid_type");

    // A body that is not an object at all cannot blame a field: the detail says why.
    let problem = app
        .send(post_json(SIGN_IN, JSON, "[1, 2]"))
        .await
        .problem(422, "/problems/validation");
    assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
}

#[tokio::test]
async fn unknown_and_missing_fields_are_422() {
    let app = TestApp::new().await;
    let body =
        r#"{"email": "admin@kowalski-aero.demo", "password": "portal-demo", "role": "admin"}"#;
    let problem = app
        .send(post_json(SIGN_IN, JSON, body))
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "role");
    assert_eq!(problem["errors"][0]["code"], "unknown_field");

    let body = r#"{"email": "admin@kowalski-aero.demo"}"#;
    let problem = app
        .send(post_json(SIGN_IN, JSON, body))
        .await
        .problem(422, "/problems/validation");
    assert_eq!(problem["errors"][0]["field"], "password");
    assert_eq!(problem["errors"][0]["code"], "required");
}

#[tokio::test]
async fn missing_or_wrong_content_type_is_415() {
    let app = TestApp::new().await;
    let body = r#"{"email": "admin@kowalski-aero.demo", "password": "portal-demo"}"#;
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let response = app.send(post_json(SIGN_IN, content_type, body)).await;
        response.problem(415, "/problems/unsupported-media-type");
    }
    let response = app
        .send(post_json(
            SIGN_IN,
            Some("application/json; charset=utf-8"),
            body,
        ))
        .await;
    assert_eq!(response.status.as_u16(), 200);
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = TestApp::new().await;
    let padding = "x".repeat(70 * 1024);
    let body = format!(r#"{{"email": "a@b.demo", "password": "{padding}"}}"#);
    app.send(post_json(SIGN_IN, JSON, body))
        .await
        .problem(413, "/problems/body-too-large");

    // Also when the length is not announced up front (a streamed body).
    let chunks: Vec<Result<String, std::io::Error>> =
        (0..80).map(|_| Ok("x".repeat(1024))).collect();
    let streamed = Body::from_stream(futures_util::stream::iter(chunks));
    app.send(post_json(SIGN_IN, JSON, streamed))
        .await
        .problem(413, "/problems/body-too-large");
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let app = TestApp::new().await;
    app.get("/api/v1/nothing-here", None)
        .await
        .problem(404, "/problems/not-found");
    app.get("/", None).await.problem(404, "/problems/not-found");
    let request = Request::builder()
        .method(Method::PUT)
        .uri("/api/v1/plan")
        .body(Body::empty())
        .expect("request");
    let response = app.send(request).await;
    response.problem(405, "/problems/method-not-allowed");
    assert!(
        response
            .header(header::ALLOW)
            .is_some_and(|a| a.contains("GET"))
    );
}

#[tokio::test]
async fn no_junk_body_causes_a_server_error() {
    let app = TestApp::new().await;
    let junk: [&[u8]; 8] = [
        b"null",
        b"true",
        b"\"a string\"",
        b"{\"email\": null, \"password\": null}",
        b"{\"email\": {\"nested\": 1}, \"password\": []}",
        b"\xff\xfe\x00garbage",
        b"{\"email\": \"\\ud800\", \"password\": \"x\"}",
        b"{\"email\": \"a@b.demo\", \"password\": \"x\", \"email\": \"c@d.demo\"}",
    ];
    for body in junk {
        let response = app.send(post_json(SIGN_IN, JSON, body.to_vec())).await;
        let status = response.status.as_u16();
        assert!((400..500).contains(&status), "{status} for {body:?}");
        assert_eq!(
            response.header(header::CONTENT_TYPE),
            Some("application/problem+json"),
            "{body:?}"
        );
    }
}
