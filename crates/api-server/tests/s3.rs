//! The S3 file store against s3rver (npm, a local S3-compatible server): an upload goes
//! into the bucket whole and downloads byte for byte through the API; content is removed
//! only when older than the cut-off asked for. Needs the `s3`
//! feature (`make test-s3`); skipped when s3rver is not installed.
#![cfg(feature = "s3")]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use support_api_server::files::s3::{S3Config, S3Store};
use support_api_server::files::store::FileStore;

mod common;
use common::*;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

struct S3rver(Child);

impl Drop for S3rver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// s3rver with the bucket `portal`, on `port`; `None` without s3rver.
fn start_s3rver(dir: &std::path::Path, port: u16) -> Option<S3rver> {
    let bin = format!("{ROOT}/node_modules/.bin/s3rver");
    if !std::path::Path::new(&bin).exists() {
        return None;
    }
    let mut child = Command::new(bin)
        .args(["-d"])
        .arg(dir)
        .args([
            "-a",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "--configure-bucket",
            "portal",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start s3rver");
    let stdout = child.stdout.take().expect("stdout");
    let server = S3rver(child);
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref().map_while(Result::ok) {
        if line.contains("listening") {
            // s3rver logs every request: keep reading, or it dies on a closed pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return Some(server);
        }
    }
    panic!("s3rver stopped before listening");
}

#[test]
fn uploads_go_to_the_bucket_and_come_back_whole() {
    let dir = TempDir::new("s3");
    let port = free_port();
    let Some(_s3) = start_s3rver(&dir.0.join("bucket"), port) else {
        // `make test-s3` installs s3rver first: there, its absence is a failure.
        assert!(
            std::env::var_os("PORTAL_TESTS_NEED_S3RVER").is_none(),
            "s3rver is not installed, and PORTAL_TESTS_NEED_S3RVER says the test needs it"
        );
        eprintln!("s3rver is not installed: skipped");
        return;
    };
    let db = dir.0.join("portal.sqlite3");
    let server = Server::start_with(&db, |command| {
        command
            .args(["--s3-bucket", "portal", "--s3-endpoint"])
            .arg(format!("http://127.0.0.1:{port}"))
            .arg("--no-scan")
            // s3rver's fixed credentials.
            .env("AWS_ACCESS_KEY_ID", "S3RVER")
            .env("AWS_SECRET_ACCESS_KEY", "S3RVER")
            .env("AWS_REGION", "us-east-1");
    });
    let (status, answer) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    assert_eq!(status, 200, "{answer}");
    let (cookie, csrf) = (cookie_of(&answer), csrf_of(&answer));
    // Over one 5 MiB part, so the multipart upload is exercised.
    let content: String = (0..12 * 1024 * 1024 / 16)
        .map(|i| format!("line {i:09}\n"))
        .collect();
    let boundary = "s3-boundary-5d1e";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.log\"\r\n\r\n\
         {content}\r\n--{boundary}--\r\n"
    );
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let (status, answer) = server.request(
        "POST",
        "/api/v1/requests/19/files",
        &[
            ("Cookie", &cookie),
            ("X-CSRF-Token", &csrf),
            ("Idempotency-Key", "s3-1"),
            ("Content-Type", &content_type),
        ],
        &body,
    );
    assert_eq!(status, 201, "{answer}");
    let file: serde_json::Value = serde_json::from_str(body_of(&answer)).expect("file");
    // Nothing of it stays on the local disk.
    let local = dir.0.join("files");
    let kept: Vec<_> = std::fs::read_dir(local.join("tmp"))
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(kept.is_empty(), "{kept:?}");
    let (status, answer) = server.request(
        "GET",
        &format!("/api/v1/files/{}", file["id"]),
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(status, 200);
    assert!(body_of(&answer) == content, "the download differs");
    server.kill();

    // Removing content (a staged file never sent): kept when stored since the cut-off,
    // removed when older, and removing it again is no error.
    let sha256: String = rusqlite::Connection::open(&db)
        .expect("database")
        .query_row(
            "SELECT sha256 FROM files WHERE id = ?1",
            [file["id"].as_i64()],
            |r| r.get(0),
        )
        .expect("the file's hash");
    // SAFETY: this file's only test, with no other thread running now.
    unsafe {
        std::env::set_var("AWS_ACCESS_KEY_ID", "S3RVER");
        std::env::set_var("AWS_SECRET_ACCESS_KEY", "S3RVER");
        std::env::set_var("AWS_REGION", "us-east-1");
    }
    let store = S3Store::new(&S3Config {
        bucket: "portal".into(),
        endpoint: Some(format!("http://127.0.0.1:{port}")),
    })
    .expect("the store");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let hour = Duration::from_secs(3600);
        let kept = store.remove(&sha256, SystemTime::now() - hour).await;
        assert!(!kept.expect("remove"), "stored since the cut-off: kept");
        assert!(store.get(&sha256).await.is_ok());
        let removed = store.remove(&sha256, SystemTime::now() + hour).await;
        assert!(removed.expect("remove"), "older than the cut-off: removed");
        assert!(store.get(&sha256).await.is_err());
        let again = store.remove(&sha256, SystemTime::now() + hour).await;
        assert!(!again.expect("gone already is no error"));
    });
}
