//! The server killed (SIGKILL) in the middle of writes loses nothing it confirmed, keeps
//! nothing half-written, and a client's retry with the same idempotency key creates each
//! request exactly once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::*;

struct Signed {
    cookie: String,
    csrf: String,
}

fn sign_in(server: &Server) -> Signed {
    let (status, answer) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    assert_eq!(status, 200, "{answer}");
    Signed {
        cookie: cookie_of(&answer),
        csrf: csrf_of(&answer),
    }
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
    let dir = TempDir::new("crash");
    let db = dir.0.join("portal.sqlite3");
    let server = Server::start(&db);
    let addr = server.addr.clone();
    let signed = Arc::new(sign_in(&server));

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
    server.kill();
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
    let server = Server::start(&db);
    let signed = sign_in(&server);
    for key in &attempted {
        let (status, answer) = create(&server.addr, &signed, key).expect("retry");
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
    server.kill();
}
