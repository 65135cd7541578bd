//! Files: upload (multipart, one file, idempotent), the type decided by content, the
//! per-file and per-request limits (413), download of clean files only with safe headers,
//! scoping like requests, the scan (with a real clamd when the machine has one).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use support_api::CSRF_HEADER;
use support_api::requests::IDEMPOTENCY_HEADER;
use support_api_server::files::FileConfig;
use support_api_server::files::scanner::scan_pending;

use crate::common::{Signed, TestApp, TestResponse};

/// Anna's open hotline request (Kowalski admin); its demo files are 4, 5 and 6.
const ANNAS_REQUEST: i64 = 19;
const ANNAS_SCREENSHOT: i64 = 4;
/// Piotr's (Kowalski member) open hotline request.
const PIOTRS_REQUEST: i64 = 16;

pub const PNG: &[u8] = include_bytes!("../../fixtures/screenshot.png");
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x80\0\0\0PE\0\0L\x01";
pub const EICAR: &str = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// A multipart body with one part `field` holding `bytes` as `name`.
pub fn multipart(field: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----portal-test-boundary-7f3a";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub async fn upload(
    app: &TestApp,
    signed: &Signed,
    path: &str,
    key: &str,
    name: &str,
    bytes: &[u8],
) -> TestResponse {
    let (content_type, body) = multipart("file", name, bytes);
    let request = Request::post(path)
        .header(header::COOKIE, &signed.cookie)
        .header(CSRF_HEADER, &signed.csrf)
        .header(IDEMPOTENCY_HEADER, key)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .expect("request");
    app.send(request).await
}

fn files_of(detail: &Value) -> Vec<Value> {
    detail["files"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn an_upload_is_listed_pending_and_not_served_until_scanned() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    let answer = upload(&app, &anna, &path, "k1", "../Zrzut ekranu\u{202E}.png", PNG).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.body);
    let file = answer.json();
    assert_eq!(file["name"], "Zrzut ekranu.png");
    assert_eq!(file["content_type"], "image/png");
    assert_eq!(file["size"], PNG.len());
    assert_eq!(file["scan"], "pending");
    assert_eq!(file["uploaded_by"], "Anna Kowalska");
    assert_eq!(file["comment_id"], Value::Null);
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    assert!(files_of(&detail).contains(&file));
    let added = detail["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["event"] == "file_added")
        .count();
    assert_eq!(added, 4, "three demo files and this one");
    let download = app
        .get(&format!("/api/v1/files/{}", file["id"]), Some(&anna.cookie))
        .await;
    download.problem(409, "/problems/conflict");
}

#[tokio::test]
async fn a_clean_file_downloads_as_a_sandboxed_attachment() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let answer = app
        .get(
            &format!("/api/v1/files/{ANNAS_SCREENSHOT}"),
            Some(&anna.cookie),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(&answer.body[..], PNG);
    assert_eq!(answer.header(header::CONTENT_TYPE), Some("image/png"));
    assert_eq!(
        answer.header(header::CONTENT_DISPOSITION),
        Some("attachment; filename=\"screenshot.png\"; filename*=UTF-8''screenshot.png")
    );
    assert_eq!(
        answer.header(header::X_CONTENT_TYPE_OPTIONS),
        Some("nosniff")
    );
    assert!(
        answer
            .header(header::CONTENT_SECURITY_POLICY)
            .is_some_and(|csp| csp.starts_with("sandbox"))
    );
}

#[tokio::test]
async fn files_are_scoped_like_requests() {
    let app = TestApp::new().await;
    let outsider = app.sign_in("admin@tatra-forming.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    for who in [&outsider, &piotr] {
        let answer = app
            .get(
                &format!("/api/v1/files/{ANNAS_SCREENSHOT}"),
                Some(&who.cookie),
            )
            .await;
        answer.problem(404, "/problems/not-found");
        let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
        upload(&app, who, &path, "x", "a.png", PNG)
            .await
            .problem(404, "/problems/not-found");
    }
    // Piotr's own request's files are his.
    let own = app
        .get_ok(&format!("/api/v1/requests/{PIOTRS_REQUEST}"), &piotr)
        .await;
    let id = files_of(&own)[0]["id"].clone();
    let answer = app
        .get(&format!("/api/v1/files/{id}"), Some(&piotr.cookie))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    // A comment of another request is not this request's.
    let path = format!("/api/v1/requests/{PIOTRS_REQUEST}/comments/1/files");
    upload(&app, &piotr, &path, "y", "a.png", PNG)
        .await
        .problem(404, "/problems/not-found");
    app.get("/api/v1/files/limits", None)
        .await
        .problem(401, "/problems/unauthenticated");
}

#[tokio::test]
async fn the_type_is_decided_by_content() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    for (key, name, bytes) in [
        ("t1", "shot.png", EXE),
        ("t2", "setup.exe", EXE),
        ("t3", "CATReport.log", b"binary\0log".as_slice()),
        ("t4", "Part1.CATPart", EXE),
        ("t5", "noextension", PNG),
    ] {
        let problem = upload(&app, &anna, &path, key, name, bytes)
            .await
            .problem(422, "/problems/validation");
        assert_eq!(problem["errors"][0]["field"], "file", "{name}");
        assert_eq!(problem["errors"][0]["code"], "file_type", "{name}");
    }
    let cad = upload(
        &app,
        &anna,
        &path,
        "t6",
        "Part1.CATPart",
        b"V5_CFV2\0\x01\x02",
    )
    .await;
    assert_eq!(cad.status, StatusCode::CREATED);
    assert_eq!(cad.json()["content_type"], "application/octet-stream");
    // Nothing of the refused uploads is left behind.
    let tmp = app.dir().join("files/tmp");
    assert_eq!(std::fs::read_dir(tmp).map(|d| d.count()).unwrap_or(0), 0);
}

#[tokio::test]
async fn a_retried_upload_creates_one_file() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    let first = upload(&app, &anna, &path, "same-key", "a.log", b"line 1\n").await;
    let again = upload(&app, &anna, &path, "same-key", "a.log", b"line 1\n").await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(first.json(), again.json());
    assert_eq!(
        again.header("idempotency-replayed".parse().unwrap()),
        Some("true")
    );
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    assert_eq!(files_of(&detail).len(), 4);
    upload(&app, &anna, &path, "same-key", "a.log", b"other\n")
        .await
        .problem(409, "/problems/conflict");
}

#[tokio::test]
async fn files_go_on_comments() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let detail = app
        .post(
            &format!("/api/v1/requests/{ANNAS_REQUEST}/comments"),
            &anna,
            Some("c1"),
            &serde_json::json!({ "text": "The log of today" }),
        )
        .await
        .json();
    let comment = detail["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .rev()
        .find(|e| e["event"] == "comment")
        .expect("the comment")["id"]
        .clone();
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/comments/{comment}/files");
    let file = upload(&app, &anna, &path, "f1", "today.log", b"ok\n")
        .await
        .json();
    assert_eq!(file["comment_id"], comment);
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    assert!(files_of(&detail).contains(&file));
}

#[tokio::test]
async fn limits_are_said_and_enforced_with_413() {
    let app = TestApp::with_files(FileConfig {
        file_max_bytes: 1000,
        request_files_max_bytes: 1765 + 1000,
        ..Default::default()
    })
    .await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let limits = app.get_ok("/api/v1/files/limits", &anna).await;
    assert_eq!(limits["file_max_bytes"], 1000);
    assert!(
        limits["extensions"]
            .as_array()
            .expect("extensions")
            .contains(&"catpart".into())
    );
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    // Announced too big: refused before reading.
    let big = vec![b'a'; 200_000];
    upload(&app, &anna, &path, "l1", "big.log", &big)
        .await
        .problem(413, "/problems/body-too-large");
    // Over the file limit while streaming (the announced length is within the overhead).
    let over = vec![b'a'; 1001];
    upload(&app, &anna, &path, "l2", "over.log", &over)
        .await
        .problem(413, "/problems/body-too-large");
    // The request's total: the demo files (1765 bytes) + 900 fit, another 900 does not.
    let fits = vec![b'a'; 900];
    assert_eq!(
        upload(&app, &anna, &path, "l3", "a.log", &fits)
            .await
            .status,
        StatusCode::CREATED
    );
    upload(&app, &anna, &path, "l4", "b.log", &fits)
        .await
        .problem(413, "/problems/body-too-large");
}

#[tokio::test]
async fn no_scan_passes_files_explicitly() {
    let app = TestApp::with_files(FileConfig {
        no_scan: true,
        ..Default::default()
    })
    .await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    let file = upload(&app, &anna, &path, "n1", "a.log", b"fine\n")
        .await
        .json();
    assert_eq!(file["scan"], "clean");
    let answer = app
        .get(&format!("/api/v1/files/{}", file["id"]), Some(&anna.cookie))
        .await;
    assert_eq!(&answer.body[..], b"fine\n");
}

#[tokio::test]
async fn an_unreachable_clamd_leaves_files_pending() {
    let app = TestApp::with_files(FileConfig {
        clamd: Some("/nonexistent/clamd.sock".into()),
        ..Default::default()
    })
    .await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    let file = upload(&app, &anna, &path, "p1", "a.log", b"fine\n")
        .await
        .json();
    let scanned = scan_pending(&app.db_handle, &app.files)
        .await
        .expect("scan");
    assert_eq!(scanned, 0);
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    let listed = files_of(&detail)
        .into_iter()
        .find(|f| f["id"] == file["id"])
        .expect("listed");
    assert_eq!(listed["scan"], "pending");
}

/// With the machine's clamd (Debian's clamav-daemon) and a database that knows EICAR:
/// EICAR is blocked and never served, its uploader is told by mail, a clean file passes.
#[tokio::test]
async fn eicar_is_blocked_by_clamd() {
    let Some((app, _clamd)) = crate::clamd::app_with_clamd().await else {
        return;
    };
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let path = format!("/api/v1/requests/{ANNAS_REQUEST}/files");
    let bad = upload(&app, &anna, &path, "e1", "eicar.txt", EICAR.as_bytes())
        .await
        .json();
    let good = upload(&app, &anna, &path, "e2", "fine.txt", b"fine\n")
        .await
        .json();
    let scanned = scan_pending(&app.db_handle, &app.files)
        .await
        .expect("scan");
    assert_eq!(scanned, 2);
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    let scan_of = |id: &Value| {
        files_of(&detail)
            .into_iter()
            .find(|f| &f["id"] == id)
            .expect("listed")["scan"]
            .clone()
    };
    assert_eq!(scan_of(&bad["id"]), "blocked");
    assert_eq!(scan_of(&good["id"]), "clean");
    app.get(&format!("/api/v1/files/{}", bad["id"]), Some(&anna.cookie))
        .await
        .problem(409, "/problems/conflict");
    let served = app
        .get(&format!("/api/v1/files/{}", good["id"]), Some(&anna.cookie))
        .await;
    assert_eq!(&served.body[..], b"fine\n");
    // One mail, to the uploader, about the blocked file only (Kowalski's language: pl).
    let mails: Vec<(String, String, String)> = app
        .db()
        .prepare("SELECT kind, to_address, subject FROM outbox WHERE kind = 'file_blocked'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].1, "admin@kowalski-aero.demo");
    assert!(mails[0].2.contains("eicar.txt"), "{mails:?}");
    assert!(
        mails[0].2.starts_with(&format!("[#{ANNAS_REQUEST}]")),
        "{mails:?}"
    );
}

/// `staff attach` adds a file as the support team, with its comment; the customer sees
/// both; once passed by the scanner, `staff download` saves the same bytes.
#[tokio::test]
async fn the_support_team_attaches_and_downloads_with_the_staff_tool() {
    use support_api_server::cli::StaffAction;
    use support_api_server::commands::run_staff;
    let app = TestApp::with_files(FileConfig {
        no_scan: true,
        ..Default::default()
    })
    .await;
    let source = app.dir().join("fix.log");
    std::fs::write(&source, "use the attached settings\n").expect("write");
    let printed = run_staff(
        &app.db_path,
        "Support",
        StaffAction::Attach {
            request: ANNAS_REQUEST,
            file: source.clone(),
            comment: Some("Here is the fix.".into()),
            files_dir: None,
        },
    )
    .expect("attach");
    assert!(printed[0].starts_with("attached file 19"), "{printed:?}");
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let detail = app
        .get_ok(&format!("/api/v1/requests/{ANNAS_REQUEST}"), &anna)
        .await;
    let file = files_of(&detail)
        .into_iter()
        .find(|f| f["name"] == "fix.log")
        .expect("listed");
    assert_eq!(file["staff"], true);
    assert_eq!(file["scan"], "pending");
    let comment = detail["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .find(|e| e["event"] == "comment" && e["text"] == "Here is the fix.")
        .expect("the comment")
        .clone();
    assert_eq!(file["comment_id"], comment["id"]);
    assert_eq!(comment["staff"], true);
    let out = app.dir().join("saved.log");
    let download = |out: &std::path::Path| {
        run_staff(
            &app.db_path,
            "Support",
            StaffAction::Download {
                file: 19,
                out: out.to_owned(),
                files_dir: None,
            },
        )
    };
    assert!(download(&out).is_err(), "a pending file is not served");
    // `--no-scan` passes what the staff tool added, explicitly.
    scan_pending(&app.db_handle, &app.files)
        .await
        .expect("pass");
    download(&out).expect("download");
    assert_eq!(
        std::fs::read(&out).expect("saved"),
        std::fs::read(&source).expect("source")
    );
}
