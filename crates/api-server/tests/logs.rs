//! Passwords and session tokens never reach the logs, even at the most verbose level.

use std::io::Read;
use std::process::Stdio;

mod common;
use common::*;

#[test]
fn trace_logs_hold_no_password_and_no_token() {
    let dir = TempDir::new("logs");
    let mut server = Server::start_with(&dir.0.join("portal.sqlite3"), |command| {
        command.env("RUST_LOG", "trace").stderr(Stdio::piped());
    });
    let (status, wrong) = server.sign_in("admin@tatra-forming.demo", "Wrong-Secret-4711");
    assert_eq!(status, 401, "{wrong}");
    let (status, right) = server.sign_in("admin@tatra-forming.demo", DEMO_PASSWORD);
    assert_eq!(status, 200, "{right}");
    let cookie = cookie_of(&right);
    let token = cookie
        .strip_prefix("portal_session=")
        .unwrap_or_else(|| panic!("session cookie: {cookie}"));
    let csrf = csrf_of(&right);

    // SIGTERM: the server finishes and closes its log.
    let mut stderr = server.child.stderr.take().expect("stderr");
    server.signal_term();
    let mut logs = String::new();
    stderr.read_to_string(&mut logs).expect("logs");
    assert!(server.child.wait().expect("wait").success());

    assert!(logs.contains("sign-in"), "the trace log is empty? {logs}");
    for secret in ["Wrong-Secret-4711", DEMO_PASSWORD, token, csrf.as_str()] {
        assert!(
            !logs.contains(secret),
            "the log holds a secret ({secret}):\n{logs}"
        );
    }
}
