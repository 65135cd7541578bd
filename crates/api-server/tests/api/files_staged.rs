//! Staged uploads (`POST /uploads`, `DELETE /uploads/{id}`): files uploaded before their
//! request or comment exists, taken by the `files` of a new request or comment in its own
//! transaction, only by their uploader, once; and swept when never sent.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use support_api::CSRF_HEADER;
use support_api_server::actions::staged::{SWEEP_AFTER_DAYS, sweep};
use support_api_server::files::FileConfig;
use support_api_server::files::scanner::scan_pending;

use crate::common::{Signed, TestApp, TestResponse, names_field};
use crate::files::{PNG, upload};

/// Anna's open hotline request (Kowalski admin), with three demo files.
const ANNAS_REQUEST: i64 = 19;

fn hotline(files: &[i64]) -> Value {
    json!({
        "title": "Staged files",
        "description": "The screenshot was uploaded while this was typed.",
        "priority": "normal",
        "details": { "type": "hotline" },
        "files": files,
    })
}

async fn stage(app: &TestApp, signed: &Signed, key: &str, name: &str, bytes: &[u8]) -> Value {
    let answer = upload(app, signed, "/api/v1/uploads", key, name, bytes).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.body);
    answer.json()
}

async fn unstage(app: &TestApp, signed: &Signed, id: &Value) -> TestResponse {
    let request = Request::delete(format!("/api/v1/uploads/{id}"))
        .header(header::COOKIE, &signed.cookie)
        .header(CSRF_HEADER, &signed.csrf)
        .body(Body::empty())
        .expect("request");
    app.send(request).await
}

fn file_ids(detail: &Value) -> Vec<Value> {
    detail["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["id"].clone())
        .collect()
}

fn staged_rows(app: &TestApp) -> i64 {
    app.db()
        .query_row(
            "SELECT count(*) FROM files WHERE request_id IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("count")
}

#[tokio::test]
async fn a_new_request_takes_its_staged_files_once() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let shot = stage(&app, &anna, "s1", "shot.png", PNG).await;
    let log = stage(&app, &anna, "s2", "catia.log", b"licence server down\n").await;
    assert_eq!(shot["content_type"], "image/png");
    assert_eq!(shot["scan"], "pending");
    assert_eq!(shot["comment_id"], Value::Null);
    // Staged, it is on no request: nothing to download yet.
    let download = app
        .get(&format!("/api/v1/files/{}", shot["id"]), Some(&anna.cookie))
        .await;
    download.problem(404, "/problems/not-found");

    let ids = [shot["id"].as_i64().unwrap(), log["id"].as_i64().unwrap()];
    let created = app
        .post("/api/v1/requests", &anna, Some("r1"), &hotline(&ids))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let detail = created.json();
    assert_eq!(
        file_ids(&detail),
        vec![shot["id"].clone(), log["id"].clone()]
    );
    let added: Vec<&Value> = detail["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["event"] == "file_added")
        .map(|e| &e["file_id"])
        .collect();
    assert_eq!(added, vec![&shot["id"], &log["id"]], "one entry per file");
    assert_eq!(staged_rows(&app), 0);

    // The same key and body: the same request, nothing attached twice.
    let again = app
        .post("/api/v1/requests", &anna, Some("r1"), &hotline(&ids))
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json()["summary"]["id"], detail["summary"]["id"]);
    let now = app
        .get_ok(
            &format!("/api/v1/requests/{}", detail["summary"]["id"]),
            &anna,
        )
        .await;
    assert_eq!(file_ids(&now).len(), 2);
    // A new request naming the attached files gets none of them.
    app.post("/api/v1/requests", &anna, Some("r2"), &hotline(&ids[..1]))
        .await
        .problem(422, "/problems/validation");
    // Nor can it be taken back any more.
    unstage(&app, &anna, &shot["id"])
        .await
        .problem(404, "/problems/not-found");
}

#[tokio::test]
async fn only_the_uploader_sends_a_staged_file() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    let outsider = app.sign_in("admin@strojirny-hradec.demo").await;
    let annas = stage(&app, &anna, "s1", "anna.log", b"anna's\n").await;
    let id = annas["id"].as_i64().unwrap();
    let count_requests = || -> i64 {
        app.db()
            .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
            .expect("count")
    };
    let before = count_requests();
    for (who, signed) in [("colleague", &piotr), ("another company", &outsider)] {
        let refused = app
            .post("/api/v1/requests", signed, Some("r1"), &hotline(&[id]))
            .await;
        let problem = refused.problem(422, "/problems/validation");
        assert!(
            names_field(&problem, "files", "invalid_value"),
            "{who}: {problem}"
        );
        // Nothing about the file is said: not its name, not whose it is.
        let text = problem.to_string();
        assert!(
            !text.contains("anna.log") && !text.contains("Anna"),
            "{who}: {text}"
        );
    }
    assert_eq!(count_requests(), before, "a refused request is not stored");
    // The outsider's comment on its own request cannot take it either.
    let hradec_request: i64 = app
        .db()
        .query_row(
            "SELECT r.id FROM requests r JOIN customers c ON c.id = r.customer_id
             WHERE c.name LIKE 'Strojírny%' AND r.status = 'submitted' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a Hradec request");
    let comment = json!({ "text": "Mine now?", "files": [id] });
    let problem = app
        .post(
            &format!("/api/v1/requests/{hradec_request}/comments"),
            &outsider,
            Some("c1"),
            &comment,
        )
        .await
        .problem(422, "/problems/validation");
    assert!(names_field(&problem, "files", "invalid_value"));
    // Still Anna's to send.
    assert_eq!(staged_rows(&app), 1);
}

#[tokio::test]
async fn a_comment_takes_staged_files() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let log = stage(&app, &anna, "s1", "today.log", b"ok\n").await;
    let detail = app
        .post(
            &format!("/api/v1/requests/{ANNAS_REQUEST}/comments"),
            &anna,
            Some("c1"),
            &json!({ "text": "The log of today", "files": [log["id"]] }),
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
    let file = detail["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["id"] == log["id"])
        .expect("the file on the request")
        .clone();
    assert_eq!(file["comment_id"], comment);
}

#[tokio::test]
async fn a_staged_file_is_taken_back_by_its_uploader_only() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let piotr = app.sign_in("inzynier@kowalski-aero.demo").await;
    let outsider = app.sign_in("admin@strojirny-hradec.demo").await;
    let staged = stage(&app, &anna, "s1", "mistake.log", b"wrong file\n").await;
    for signed in [&piotr, &outsider] {
        unstage(&app, signed, &staged["id"])
            .await
            .problem(404, "/problems/not-found");
    }
    // A file on a request (the demo's) is no staged file, even for its uploader.
    unstage(&app, &anna, &json!(4))
        .await
        .problem(404, "/problems/not-found");
    let removed = unstage(&app, &anna, &staged["id"]).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    assert_eq!(staged_rows(&app), 0);
    unstage(&app, &anna, &staged["id"])
        .await
        .problem(404, "/problems/not-found");
    // Removed, it cannot be sent.
    app.post(
        "/api/v1/requests",
        &anna,
        Some("r1"),
        &hotline(&[staged["id"].as_i64().unwrap()]),
    )
    .await
    .problem(422, "/problems/validation");
}

#[tokio::test]
async fn staged_files_count_toward_the_request_they_join() {
    let app = TestApp::with_files(FileConfig {
        file_max_bytes: 1000,
        request_files_max_bytes: 1500,
        ..Default::default()
    })
    .await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    // Staging counts against nothing: two files over the request's total are taken in.
    let a = stage(&app, &anna, "s1", "a.log", &[b'a'; 900]).await;
    let b = stage(&app, &anna, "s2", "b.log", &[b'b'; 900]).await;
    let ids = [a["id"].as_i64().unwrap(), b["id"].as_i64().unwrap()];
    app.post("/api/v1/requests", &anna, Some("r1"), &hotline(&ids))
        .await
        .problem(413, "/problems/body-too-large");
    assert_eq!(staged_rows(&app), 2, "refused whole: both still staged");
    let created = app
        .post("/api/v1/requests", &anna, Some("r2"), &hotline(&ids[..1]))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
}

#[tokio::test]
async fn the_sweep_removes_only_old_unsent_files() {
    let app = TestApp::new().await;
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let old = stage(&app, &anna, "s1", "old.log", b"forgotten\n").await;
    let shared = stage(&app, &anna, "s2", "shared.png", PNG).await;
    let fresh = stage(&app, &anna, "s3", "fresh.log", b"typed today\n").await;
    // The same bytes as `shared`, sent on a request: its content must stay.
    let kept = upload(
        &app,
        &anna,
        &format!("/api/v1/requests/{ANNAS_REQUEST}/files"),
        "f1",
        "kept.png",
        PNG,
    )
    .await
    .json();
    let long_ago = support_api_server::time_util::now_unix() - SWEEP_AFTER_DAYS * 86_400 - 60;
    app.db()
        .execute(
            "UPDATE files SET at = ?1 WHERE id IN (?2, ?3)",
            rusqlite::params![long_ago, old["id"].as_i64(), shared["id"].as_i64()],
        )
        .expect("age");
    let store = FileConfig::default().dir(&app.db_path);
    let blob = |sha: &str| store.join(&sha[..2]).join(&sha[2..]);
    let sha_of = |id: &Value| -> String {
        app.db()
            .query_row(
                "SELECT sha256 FROM files WHERE id = ?1",
                [id.as_i64()],
                |r| r.get(0),
            )
            .expect("sha")
    };
    let (old_sha, png_sha) = (sha_of(&old["id"]), sha_of(&shared["id"]));
    // Content older than the cut-off, as a week-old upload's would be.
    let week_ago = std::time::SystemTime::now()
        - std::time::Duration::from_secs(SWEEP_AFTER_DAYS as u64 * 86_400 + 3600);
    for sha in [&old_sha, &png_sha] {
        std::fs::File::options()
            .append(true)
            .open(blob(sha))
            .and_then(|f| f.set_modified(week_ago))
            .expect("age the content");
    }

    let swept = sweep(
        &app.db_handle,
        app.files.store.as_ref(),
        support_api_server::time_util::now_unix(),
    )
    .await
    .expect("sweep");
    assert_eq!(swept, 2);
    let left: Vec<i64> = {
        let conn = app.db();
        let mut stmt = conn
            .prepare("SELECT id FROM files WHERE request_id IS NULL ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(left, vec![fresh["id"].as_i64().unwrap()]);
    assert!(!blob(&old_sha).exists(), "content nobody names leaves");
    assert!(
        blob(&png_sha).exists(),
        "content a request's file names stays"
    );
    let download = app
        .get(&format!("/api/v1/files/{}", kept["id"]), Some(&anna.cookie))
        .await;
    assert_ne!(download.status, StatusCode::NOT_FOUND);
}

/// A staged file the virus check blocks has no request to name yet: its uploader is
/// mailed once, when a request takes it.
#[tokio::test]
async fn a_staged_file_blocked_before_sending_is_told_when_sent() {
    let Some((app, _clamd)) = crate::clamd::app_with_clamd().await else {
        return;
    };
    let anna = app.sign_in("admin@kowalski-aero.demo").await;
    let bad = stage(
        &app,
        &anna,
        "e1",
        "eicar.txt",
        crate::files::EICAR.as_bytes(),
    )
    .await;
    let scanned = scan_pending(&app.db_handle, &app.files)
        .await
        .expect("scan");
    assert_eq!(scanned, 1);
    let mails = || -> Vec<String> {
        app.db()
            .prepare("SELECT subject FROM outbox WHERE kind = 'file_blocked'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert!(mails().is_empty(), "no request to name yet");
    let detail = app
        .post(
            "/api/v1/requests",
            &anna,
            Some("r1"),
            &hotline(&[bad["id"].as_i64().unwrap()]),
        )
        .await
        .json();
    let file = &detail["files"][0];
    assert_eq!(file["scan"], "blocked");
    let subjects = mails();
    assert_eq!(subjects.len(), 1, "{subjects:?}");
    let id = &detail["summary"]["id"];
    assert!(subjects[0].starts_with(&format!("[#{id}]")), "{subjects:?}");
    assert!(subjects[0].contains("eicar.txt"), "{subjects:?}");
}
