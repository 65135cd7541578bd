//! Passwords and session tokens never reach the logs, even at the most verbose level.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_support-api-server");

fn post_sign_in(addr: &str, password: &str) -> String {
    let body = format!(r#"{{"email":"admin@tatra-forming.demo","password":"{password}"}}"#);
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "POST /api/v1/session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    answer
}

#[test]
fn trace_logs_hold_no_password_and_no_token() {
    let dir = std::env::temp_dir().join(format!("support-api-logs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("portal.sqlite3");
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env("RUST_LOG", "trace")
        .env_remove("PORTAL_API_ADDR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let addr = loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).expect("read") > 0,
            "serve ended early"
        );
        if let Some(addr) = line.trim().strip_prefix("listening on http://") {
            break addr.to_owned();
        }
    };
    let wrong = post_sign_in(&addr, "Wrong-Secret-4711");
    assert!(wrong.starts_with("HTTP/1.1 401"), "{wrong}");
    let right = post_sign_in(&addr, "portal-demo");
    assert!(right.starts_with("HTTP/1.1 200"), "{right}");
    let token = right
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: portal_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_owned();
    let csrf = right
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("csrf token")
        .to_owned();

    // SIGTERM: the server finishes and closes its log.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let mut logs = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut logs)
        .expect("logs");
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);

    assert!(logs.contains("sign-in"), "the trace log is empty? {logs}");
    for secret in [
        "Wrong-Secret-4711",
        "portal-demo",
        token.as_str(),
        csrf.as_str(),
    ] {
        assert!(
            !logs.contains(secret),
            "the log holds a secret ({secret}):\n{logs}"
        );
    }
}
