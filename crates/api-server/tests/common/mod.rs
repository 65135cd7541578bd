//! What the tests of the binary (`cli.rs`, `crash.rs`, `logs.rs`) share: a temporary
//! folder, a `serve` on a port the system picks, and raw HTTP/1.1 to it.

// Each test crate uses part of this module.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_support-api-server");

pub const DEMO_PASSWORD: &str = "portal-demo";

/// A folder removed when the test ends.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("support-api-{name}-{}", std::process::id()));
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

/// A running `serve`, stopped with SIGTERM when dropped if the test did not stop it.
pub struct Server {
    pub child: Child,
    pub addr: String,
    /// Lines printed before `listening on`.
    pub before: Vec<String>,
}

impl Server {
    /// `serve --addr 127.0.0.1:0 --db db`, with the environment's `PORTAL_API_ADDR` and
    /// `PORTAL_DB` left out.
    pub fn start(db: &Path) -> Server {
        Server::start_with(db, |_| {})
    }

    /// As [`Server::start`], with `configure` adding to the command (environment,
    /// stderr, more flags).
    pub fn start_with(db: &Path, configure: impl FnOnce(&mut Command)) -> Server {
        let mut command = Command::new(BIN);
        command
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .env_remove("PORTAL_API_ADDR")
            .env_remove("PORTAL_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        configure(&mut command);
        Server::spawn(&mut command)
    }

    /// Spawns `command` (a `serve`) and waits for its `listening on` line.
    pub fn spawn(command: &mut Command) -> Server {
        let mut child = command.spawn().expect("spawn serve");
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

    /// One exchange that must be answered: the status and the whole answer as text.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        exchange(&self.addr, method, path, headers, body)
            .unwrap_or_else(|| panic!("{method} {path}: no answer"))
    }

    /// Signs in; the status and the answer.
    pub fn sign_in(&self, email: &str, password: &str) -> (u16, String) {
        self.request(
            "POST",
            "/api/v1/session",
            &[("Content-Type", "application/json")],
            &sign_in_body(email, password),
        )
    }

    /// SIGTERM, and the exit status once it has stopped.
    pub fn terminate(mut self) -> ExitStatus {
        self.signal_term();
        self.child.wait().expect("wait")
    }

    /// SIGKILL: no chance to finish anything.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        let _ = self.child.wait();
    }

    pub fn signal_term(&self) {
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

pub fn sign_in_body(email: &str, password: &str) -> String {
    format!(r#"{{"email":"{email}","password":"{password}"}}"#)
}

/// One HTTP/1.1 exchange with `Connection: close`: the status and the whole answer
/// (status line, headers, body) as text; `None` when the connection broke (a killed
/// server).
pub fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, answer))
}

/// The body of an answer.
pub fn body_of(answer: &str) -> &str {
    answer
        .split_once("\r\n\r\n")
        .map_or_else(|| panic!("no body in {answer:?}"), |(_, body)| body)
}

/// `name=value` of the answer's `Set-Cookie`, as a browser sends it back.
pub fn cookie_of(answer: &str) -> String {
    answer
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("set-cookie")
                .then(|| value.trim())
        })
        .and_then(|cookie| cookie.split(';').next())
        .unwrap_or_else(|| panic!("no Set-Cookie in {answer:?}"))
        .to_owned()
}

/// The CSRF token of a sign-in's answer.
pub fn csrf_of(answer: &str) -> String {
    let session: serde_json::Value = serde_json::from_str(body_of(answer)).expect("session JSON");
    session["csrf_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no csrf_token in {session}"))
        .to_owned()
}
