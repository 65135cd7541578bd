//! The server killed (SIGKILL) in the middle of writes loses nothing it confirmed, keeps
//! nothing half-written, and a client's retry with the same idempotency key creates each
//! request exactly once.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_support-api-server");

#[allow(clippy::zombie_processes)] // the caller kills and waits for it
fn start(db: &Path) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env_remove("PORTAL_API_ADDR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).expect("read") > 0,
            "serve ended early"
        );
        if let Some(addr) = line.trim().strip_prefix("listening on http://") {
            return (child, addr.to_owned());
        }
    }
}

/// One HTTP/1.1 exchange; `None` when the connection broke (the server was killed).
fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.get(9..12)?.parse().ok()?;
    Some((status, answer))
}

struct Signed {
    cookie: String,
    csrf: String,
}

fn sign_in(addr: &str) -> Signed {
    let body = r#"{"email":"admin@kowalski-aero.demo","password":"portal-demo"}"#;
    let (status, answer) = exchange(
        addr,
        "POST",
        "/api/v1/session",
        &[("Content-Type", "application/json")],
        body,
    )
    .expect("sign in");
    assert_eq!(status, 200, "{answer}");
    let cookie = answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|v| v.split(';').next())
        .expect("cookie")
        .to_owned();
    let csrf = answer
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("csrf")
        .to_owned();
    Signed { cookie, csrf }
}

fn create(addr: &str, signed: &Signed, key: &str) -> Option<(u16, String)> {
    let body = format!(
        r#"{{"title":"Crash test {key}","description":"Sent while the server dies.","priority":"normal","licence_id":null,"contact_phone":null,"details":{{"type":"hotline"}}}}"#
    );
    exchange(
        addr,
        "POST",
        "/api/v1/requests",
        &[
            ("Cookie", &signed.cookie),
            ("X-CSRF-Token", &signed.csrf),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ],
        &body,
    )
}

#[test]
fn a_kill_during_writes_loses_nothing_and_retries_create_once() {
    let dir = std::env::temp_dir().join(format!("support-api-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("portal.sqlite3");
    let (mut server, addr) = start(&db);
    let signed = Arc::new(sign_in(&addr));

    // Four clients send requests as fast as they can; each key is sent until answered.
    let stop = Arc::new(AtomicBool::new(false));
    let confirmed = Arc::new(Mutex::new(Vec::<String>::new()));
    let attempted = Arc::new(Mutex::new(Vec::<String>::new()));
    let clients: Vec<_> = (0..4)
        .map(|client| {
            let (addr, signed, stop) = (addr.clone(), signed.clone(), stop.clone());
            let (confirmed, attempted) = (confirmed.clone(), attempted.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    let key = format!("crash-{client}-{n}");
                    attempted.lock().expect("lock").push(key.clone());
                    match create(&addr, &signed, &key) {
                        Some((201, _)) => confirmed.lock().expect("lock").push(key),
                        Some((status, answer)) => panic!("{status}: {answer}"),
                        None => break,
                    }
                    n += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(700));
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().expect("client");
    }
    let confirmed = confirmed.lock().expect("lock").clone();
    let attempted = attempted.lock().expect("lock").clone();
    assert!(
        confirmed.len() > 5,
        "too few writes before the kill: {}",
        confirmed.len()
    );

    // The database opens cleanly and holds no half-written request.
    let conn = rusqlite::Connection::open(&db).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(check, "ok");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM requests r WHERE NOT EXISTS \
             (SELECT 1 FROM request_events e WHERE e.request_id = r.id)",
            [],
            |r| r.get(0),
        )
        .expect("orphans");
    assert_eq!(orphans, 0, "requests without their first timeline event");
    drop(conn);

    // Back up: every confirmed request is there, and retrying every attempted key
    // creates each request exactly once.
    let (mut server, addr) = start(&db);
    let signed = sign_in(&addr);
    for key in &attempted {
        let (status, answer) = create(&addr, &signed, key).expect("retry");
        assert!(status == 201, "{key}: {status} {answer}");
        let replayed = answer
            .to_ascii_lowercase()
            .contains("idempotency-replayed: true");
        if confirmed.contains(key) {
            assert!(
                replayed,
                "{key} was confirmed before the kill but created again"
            );
        }
    }
    let conn = rusqlite::Connection::open(&db).expect("open");
    for key in &attempted {
        let count: i64 = conn
            .query_row(
                "SELECT count(*) FROM requests WHERE title = ?1",
                [format!("Crash test {key}")],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(count, 1, "{key}");
    }
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
