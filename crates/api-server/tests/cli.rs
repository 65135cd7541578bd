//! The binary as scripts and the browser tests use it: `reset-demo`, `serve` on a port
//! the system picks, `expire-sessions` against a running server, and SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_support-api-server");

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("support-api-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], db: &Path) -> String {
    let output = Command::new(BIN)
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("PORTAL_DB")
        .output()
        .expect("run the binary");
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A running `serve`, stopped with SIGTERM when dropped if the test did not stop it.
struct Server {
    child: Child,
    addr: String,
    /// Lines printed before `listening on`.
    before: Vec<String>,
}

impl Server {
    fn start(db: &Path) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .env_remove("PORTAL_API_ADDR")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let stdout = child.stdout.take();
        // From here on `Drop` stops the child, whatever fails below.
        let mut server = Server {
            child,
            addr: String::new(),
            before: Vec::new(),
        };
        let stdout = stdout.expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        loop {
            let line = rx
                .recv_timeout(Duration::from_secs(60))
                .expect("serve printed `listening on` in time");
            if let Some(addr) = line.strip_prefix("listening on http://") {
                server.addr = addr.to_owned();
                return server;
            }
            server.before.push(line);
        }
    }

    /// A minimal HTTP/1.1 exchange; returns the status line, headers and body as text.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> String {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        response
    }

    fn terminate(mut self) -> std::process::ExitStatus {
        self.signal_term();
        self.child.wait().expect("wait")
    }

    fn signal_term(&self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.signal_term();
            let _ = self.child.wait();
        }
    }
}

fn status_of(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {response:?}"))
}

fn cookie_of(response: &str) -> String {
    response
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("set-cookie:")
                .then(|| l[11..].trim())
        })
        .and_then(|c| c.split(';').next())
        .expect("Set-Cookie")
        .to_owned()
}

#[test]
fn serve_creates_the_demo_database_once_and_keeps_it() {
    let dir = TempDir::new("serve");
    let db = dir.0.join("data").join("portal.sqlite3");

    let server = Server::start(&db);
    assert!(
        server
            .before
            .iter()
            .any(|l| l.starts_with("created the demo database")),
        "{:?}",
        server.before
    );
    assert_ne!(server.addr, "127.0.0.1:0", "the real port is printed");
    let sign_in = r#"{"email":"admin@kowalski-aero.demo","password":"portal-demo"}"#;
    let json = [("Content-Type", "application/json")];
    let response = server.request("POST", "/api/v1/session", &json, sign_in);
    assert_eq!(status_of(&response), 200, "{response}");
    let cookie = cookie_of(&response);
    assert!(server.terminate().success(), "SIGTERM stops it cleanly");

    // A restart opens the same file: no new seed, and the session is still there.
    let server = Server::start(&db);
    assert!(server.before.is_empty(), "{:?}", server.before);
    let response = server.request("GET", "/api/v1/session", &[("Cookie", &cookie)], "");
    assert_eq!(status_of(&response), 200, "{response}");

    // expire-sessions works on the database of a running server.
    let printed = run(&["expire-sessions"], &db);
    assert!(printed.contains("expired 1 session"), "{printed}");
    let response = server.request("GET", "/api/v1/session", &[("Cookie", &cookie)], "");
    assert_eq!(status_of(&response), 401, "{response}");
    assert!(response.contains("/problems/unauthenticated"), "{response}");
    assert!(server.terminate().success());
}

#[test]
fn reset_demo_with_scale_adds_the_scale_customer() {
    let dir = TempDir::new("reset");
    let db = dir.0.join("portal.sqlite3");
    let sign_in = r#"{"email":"admin@scale.demo","password":"portal-demo"}"#;
    let json = [("Content-Type", "application/json")];

    assert!(run(&["reset-demo"], &db).contains("created the demo database"));
    let server = Server::start(&db);
    let response = server.request("POST", "/api/v1/session", &json, sign_in);
    assert_eq!(
        status_of(&response),
        401,
        "no scale customer without --scale"
    );
    assert!(server.terminate().success());

    run(&["reset-demo", "--scale"], &db);
    let server = Server::start(&db);
    let response = server.request("POST", "/api/v1/session", &json, sign_in);
    assert_eq!(status_of(&response), 200, "{response}");
    assert!(response.contains("Scale Test s.r.o."), "{response}");
    let plan = server.request(
        "GET",
        "/api/v1/plan",
        &[("Cookie", &cookie_of(&response))],
        "",
    );
    assert_eq!(status_of(&plan), 200, "{plan}");
    assert!(plan.contains("\"sbp\":{"), "{plan}");
    assert!(server.terminate().success());
}

#[test]
fn expire_sessions_refuses_a_missing_database() {
    let dir = TempDir::new("missing");
    let db = dir.0.join("nothing.sqlite3");
    let output = Command::new(BIN)
        .args(["expire-sessions", "--db"])
        .arg(&db)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(!db.exists(), "no empty database was created");
}

#[test]
fn bad_arguments_print_the_usage() {
    let output = Command::new(BIN)
        .args(["serve", "--addr", "nowhere"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("usage:") && stderr.contains("--addr"),
        "{stderr}"
    );
}

/// Runs the binary; returns the exit code, stdout and stderr.
fn run_status(args: &[&str], db: &Path) -> (Option<i32>, String, String) {
    let output = Command::new(BIN)
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("PORTAL_DB")
        .output()
        .expect("run the binary");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn balance_of(server: &Server, cookie: &str) -> i64 {
    let response = server.request("GET", "/api/v1/credit", &[("Cookie", cookie)], "");
    assert_eq!(status_of(&response), 200, "{response}");
    let body = &response[response.find("\r\n\r\n").expect("body") + 4..];
    let credit: serde_json::Value = serde_json::from_str(body).expect("credit JSON");
    credit["balance"]["minor"].as_i64().expect("balance")
}

#[test]
fn staff_commands_work_on_the_database_of_a_running_server() {
    let dir = TempDir::new("staff");
    let db = dir.0.join("portal.sqlite3");
    run(&["reset-demo"], &db);
    let server = Server::start(&db);
    let sign_in = r#"{"email":"admin@kowalski-aero.demo","password":"portal-demo"}"#;
    let json = [("Content-Type", "application/json")];
    let cookie = cookie_of(&server.request("POST", "/api/v1/session", &json, sign_in));
    assert_eq!(balance_of(&server, &cookie), 330_000);

    let listed = run(&["staff", "list", "--customer", "kowalski-aero.demo"], &db);
    let line = listed
        .lines()
        .find(|l| l.ends_with("Licence server does not start after Windows update"))
        .unwrap_or_else(|| panic!("{listed}"));
    let id = line.split('\t').next().expect("id");
    assert!(line.contains("\tin_progress\t"), "{line}");
    assert!(
        !listed.contains("Strojírny") && !listed.contains("ENOVIA"),
        "{listed}"
    );

    let done = run(
        &[
            "staff",
            "log-time",
            "--request",
            id,
            "--minutes",
            "30",
            "--note",
            "checked the logs",
        ],
        &db,
    );
    assert!(done.contains("debited 102.00 PLN"), "{done}");
    assert_eq!(balance_of(&server, &cookie), 330_000 - 10_200);
    let done = run(
        &[
            "staff",
            "comment",
            "--request",
            id,
            "--text",
            "Fixed.",
            "--by",
            "Ewa",
        ],
        &db,
    );
    assert!(done.contains(&format!("request {id}")), "{done}");
    assert!(run(&["staff", "resolve", "--request", id], &db).contains("resolved"));
    assert!(run(&["staff", "close", "--request", id], &db).contains("closed"));
    let detail = server.request(
        "GET",
        &format!("/api/v1/requests/{id}"),
        &[("Cookie", &cookie)],
        "",
    );
    assert!(
        detail.contains("\"status\":\"closed\"") && detail.contains("\"by\":\"Ewa\""),
        "{detail}"
    );

    // Refusals exit non-zero with a message, and change nothing.
    let (code, _, stderr) = run_status(
        &["staff", "log-time", "--request", id, "--minutes", "30"],
        &db,
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains("is closed"), "{stderr}");
    let (code, _, stderr) = run_status(&["staff", "schedule", "--request", "99999"], &db);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no request 99999"), "{stderr}");
    let (code, _, stderr) = run_status(&["staff", "log-time", "--request", id], &db);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--minutes"), "{stderr}");
    assert_eq!(balance_of(&server, &cookie), 330_000 - 10_200);
    assert!(server.terminate().success());

    let missing = dir.0.join("missing.sqlite3");
    let (code, _, _) = run_status(&["staff", "list"], &missing);
    assert_eq!(code, Some(1));
    assert!(!missing.exists());
}
