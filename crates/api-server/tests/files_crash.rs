//! The server killed (SIGKILL) in the middle of an upload: no row names the half file,
//! no half file is in the store, a file confirmed before the kill is whole, and the
//! client's retry with the same key stores the file once.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

mod common;
use common::*;

const BOUNDARY: &str = "crash-boundary-91c2";

fn multipart(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn head(addr: &str, cookie: &str, csrf: &str, key: &str, length: usize) -> String {
    format!(
        "POST /api/v1/requests/19/files HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Cookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\nIdempotency-Key: {key}\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\n\r\n"
    )
}

/// Sends a whole upload; the status and the answer.
fn upload(
    addr: &str,
    cookie: &str,
    csrf: &str,
    key: &str,
    name: &str,
    bytes: &[u8],
) -> (u16, String) {
    let body = multipart(name, bytes);
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .write_all(head(addr, cookie, csrf, key, body.len()).as_bytes())
        .expect("head");
    stream.write_all(&body).expect("body");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

fn rows(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("SELECT count(*) FROM files", [], |r| r.get(0))
        .expect("count")
}

/// Every content file of the store (not its `tmp/`).
fn stored(files: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for dir in std::fs::read_dir(files).expect("store").flatten() {
        if dir.file_name() == "tmp" {
            continue;
        }
        for file in std::fs::read_dir(dir.path()).expect("dir").flatten() {
            found.push(format!(
                "{}{}",
                dir.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            ));
        }
    }
    found.sort();
    found
}

#[test]
fn a_kill_mid_upload_leaves_no_row_and_no_visible_file() {
    let dir = TempDir::new("files-crash");
    let db = dir.0.join("portal.sqlite3");
    let files = dir.0.join("files");
    let server = Server::start(&db);
    let addr = server.addr.clone();
    let (status, answer) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    assert_eq!(status, 200);
    let (cookie, csrf) = (cookie_of(&answer), csrf_of(&answer));
    let demo_rows = rows(&db);
    let demo_store = stored(&files);

    // Confirmed before the kill.
    let whole = vec![b'w'; 3 * 1024 * 1024];
    let (status, answer) = upload(&addr, &cookie, &csrf, "whole", "whole.log", &whole);
    assert_eq!(status, 201, "{answer}");

    // Half sent when the server dies.
    let half = vec![b'h'; 8 * 1024 * 1024];
    let body = multipart("half.log", &half);
    let mut stream = TcpStream::connect(&addr).expect("connect");
    stream
        .write_all(head(&addr, &cookie, &csrf, "half", body.len()).as_bytes())
        .expect("head");
    stream
        .write_all(&body[..body.len() / 2])
        .expect("half the body");
    std::thread::sleep(Duration::from_millis(300));
    let temp_files = std::fs::read_dir(files.join("tmp"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(temp_files, 1, "the half upload is being received in tmp/");
    server.kill();
    drop(stream);

    assert_eq!(
        rows(&db),
        demo_rows + 1,
        "only the confirmed file has a row"
    );
    let mut expected = demo_store.clone();
    let whole_hash = {
        use sha2::{Digest, Sha256};
        Sha256::digest(&whole)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    expected.push(whole_hash.clone());
    expected.sort();
    assert_eq!(stored(&files), expected, "no half file in the store");
    let kept = std::fs::read(files.join(&whole_hash[..2]).join(&whole_hash[2..])).expect("whole");
    assert_eq!(kept, whole);

    // Back up: the receiving area is emptied, the retries store each file once.
    let server = Server::start(&db);
    assert_eq!(
        std::fs::read_dir(files.join("tmp"))
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
    let (status, answer) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    assert_eq!(status, 200);
    let (cookie, csrf) = (cookie_of(&answer), csrf_of(&answer));
    let (status, answer) = upload(&server.addr, &cookie, &csrf, "whole", "whole.log", &whole);
    assert_eq!(status, 201);
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("idempotency-replayed: true")
    );
    let (status, answer) = upload(&server.addr, &cookie, &csrf, "half", "half.log", &half);
    assert_eq!(status, 201, "{answer}");
    assert!(!answer.to_ascii_lowercase().contains("idempotency-replayed"));
    assert_eq!(rows(&db), demo_rows + 2);
    server.kill();
}
