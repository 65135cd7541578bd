//! The binary as scripts and the browser tests use it: `reset-demo`, `serve` on a port
//! the system picks, `expire-sessions` against a running server, and SIGTERM.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::*;

/// Runs the binary with `--db db` appended, as the browser tests call it, and without
/// the environment's `PORTAL_DB`.
fn run_status(args: &[&str], db: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("PORTAL_DB")
        .output()
        .expect("run the binary")
}

/// As [`run_status`], expecting success; returns what it printed.
fn run(args: &[&str], db: &Path) -> String {
    let output = run_status(args, db);
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn serve_creates_the_demo_database_once_and_keeps_it() {
    let dir = TempDir::new("cli-serve");
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
    let (status, response) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    assert_eq!(status, 200, "{response}");
    let cookie = cookie_of(&response);
    assert!(server.terminate().success(), "SIGTERM stops it cleanly");

    // A restart opens the same file: no new seed, and the session is still there.
    let server = Server::start(&db);
    assert!(server.before.is_empty(), "{:?}", server.before);
    let (status, response) = server.request("GET", "/api/v1/session", &[("Cookie", &cookie)], "");
    assert_eq!(status, 200, "{response}");

    // expire-sessions works on the database of a running server.
    let printed = run(&["expire-sessions"], &db);
    assert!(printed.contains("expired 1 session"), "{printed}");
    let (status, response) = server.request("GET", "/api/v1/plan", &[("Cookie", &cookie)], "");
    assert_eq!(status, 401, "{response}");
    assert!(response.contains("/problems/unauthenticated"), "{response}");
    let (status, response) = server.request("GET", "/api/v1/session", &[("Cookie", &cookie)], "");
    assert_eq!(status, 204, "{response}");
    assert!(server.terminate().success());
}

#[test]
fn reset_demo_with_scale_adds_the_scale_customer() {
    let dir = TempDir::new("cli-reset");
    let db = dir.0.join("portal.sqlite3");

    assert!(run(&["reset-demo"], &db).contains("created the demo database"));
    let server = Server::start(&db);
    let (status, _) = server.sign_in("admin@scale.demo", DEMO_PASSWORD);
    assert_eq!(status, 401, "no scale customer without --scale");
    assert!(server.terminate().success());

    // As the browser tests' set-up calls it: `--scale` after `--db`.
    let output = Command::new(BIN)
        .args(["reset-demo", "--db"])
        .arg(&db)
        .arg("--scale")
        .env_remove("PORTAL_DB")
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    let server = Server::start(&db);
    let (status, response) = server.sign_in("admin@scale.demo", DEMO_PASSWORD);
    assert_eq!(status, 200, "{response}");
    assert!(response.contains("Scale Test s.r.o."), "{response}");
    let (status, plan) = server.request(
        "GET",
        "/api/v1/plan",
        &[("Cookie", &cookie_of(&response))],
        "",
    );
    assert_eq!(status, 200, "{plan}");
    assert!(plan.contains("\"sbp\":{"), "{plan}");
    assert!(server.terminate().success());
}

#[test]
fn expire_sessions_refuses_a_missing_database() {
    let dir = TempDir::new("cli-missing");
    let db = dir.0.join("nothing.sqlite3");
    let output = run_status(&["expire-sessions"], &db);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("there is no database"),
        "{output:?}"
    );
    assert!(!db.exists(), "no empty database was created");
}

#[test]
fn the_environment_stands_in_for_addr_and_db_and_flags_win() {
    let dir = TempDir::new("cli-env");
    let db = dir.0.join("portal.sqlite3");
    let elsewhere = dir.0.join("elsewhere.sqlite3");

    // `serve` with neither flag: both from the environment.
    let server = Server::spawn(
        Command::new(BIN)
            .arg("serve")
            .env("PORTAL_API_ADDR", "127.0.0.1:0")
            .env("PORTAL_DB", &db)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null()),
    );
    assert!(db.exists(), "PORTAL_DB was used");
    assert!(server.terminate().success());

    let with_env = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .env("PORTAL_DB", &db)
            .output()
            .expect("run")
    };
    let output = with_env(&["expire-sessions"]);
    assert!(output.status.success(), "{output:?}");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains(&db.display().to_string()), "{printed}");
    let output = with_env(&["staff", "list"]);
    assert!(output.status.success(), "{output:?}");

    // A flag wins over the environment: this one names a file that does not exist.
    let flagged = elsewhere.to_str().expect("path");
    let output = with_env(&["expire-sessions", "--db", flagged]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(stderr_of(&output).contains(flagged), "{output:?}");
    let output = with_env(&["staff", "list", "--db", flagged]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let output = Command::new(BIN)
        .args(["serve", "--addr", "nowhere"])
        .env("PORTAL_API_ADDR", "127.0.0.1:0")
        .env("PORTAL_DB", &elsewhere)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!elsewhere.exists());
}

#[test]
fn without_flags_or_environment_the_database_is_data_portal_sqlite3() {
    let dir = TempDir::new("cli-default");
    let output = Command::new(BIN)
        .arg("reset-demo")
        .current_dir(&dir.0)
        .env_remove("PORTAL_DB")
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    assert!(dir.0.join("data/portal.sqlite3").exists());
}

#[test]
fn no_sign_in_limit_lifts_the_limit_as_the_load_test_needs() {
    let dir = TempDir::new("cli-limit");
    let db = dir.0.join("portal.sqlite3");
    run(&["reset-demo"], &db);
    let six_wrong = |server: &Server| -> Vec<u16> {
        (0..6)
            .map(|_| server.sign_in("admin@kowalski-aero.demo", "wrong").0)
            .collect()
    };
    let limited = Server::start(&db);
    assert_eq!(six_wrong(&limited), [401, 401, 401, 401, 401, 429]);
    // As scripts/load.sh starts it: the flag after `--db`.
    let unlimited = Server::start_with(&db, |command| {
        command.arg("--no-sign-in-limit");
    });
    assert_eq!(six_wrong(&unlimited), [401; 6]);
}

#[test]
fn help_prints_every_command_and_exits_0() {
    for args in [&["help"][..], &["--help"], &["-h"]] {
        let output = Command::new(BIN).args(args).output().expect("run");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let printed = String::from_utf8_lossy(&output.stdout);
        for command in ["serve", "reset-demo", "expire-sessions", "staff"] {
            assert!(printed.contains(command), "{args:?}: {printed}");
        }
    }
    let output = Command::new(BIN)
        .args(["help", "staff"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let printed = String::from_utf8_lossy(&output.stdout);
    for action in [
        "schedule", "comment", "log-time", "resolve", "close", "list", "--by",
    ] {
        assert!(printed.contains(action), "{printed}");
    }
}

#[test]
fn bad_arguments_exit_2_and_say_what_is_wrong() {
    let cases: [(&[&str], &[&str]); 4] = [
        (&["serve", "--addr", "nowhere"], &["nowhere", "--addr"]),
        (&["start"], &["start", "Usage:"]),
        (&["serve", "--scale"], &["--scale", "Usage:"]),
        (
            &["staff", "log-time", "--request", "1"],
            &["--minutes", "Usage:"],
        ),
    ];
    for (args, said) in cases {
        let output = Command::new(BIN).args(args).output().expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = stderr_of(&output);
        for words in said {
            assert!(stderr.contains(words), "{args:?}: {stderr}");
        }
    }
    // No command: the help, as an error.
    let output = Command::new(BIN).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("Usage:"));
}

fn balance_of(server: &Server, cookie: &str) -> i64 {
    let (status, response) = server.request("GET", "/api/v1/credit", &[("Cookie", cookie)], "");
    assert_eq!(status, 200, "{response}");
    let credit: serde_json::Value = serde_json::from_str(body_of(&response)).expect("credit JSON");
    credit["balance"]["minor"].as_i64().expect("balance")
}

#[test]
fn staff_commands_work_on_the_database_of_a_running_server() {
    let dir = TempDir::new("cli-staff");
    let db = dir.0.join("portal.sqlite3");
    run(&["reset-demo"], &db);
    let server = Server::start(&db);
    let (_, response) = server.sign_in("admin@kowalski-aero.demo", DEMO_PASSWORD);
    let cookie = cookie_of(&response);
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

    // As the browser tests call it: a note of several words.
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
    let (_, detail) = server.request(
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
    let output = run_status(
        &["staff", "log-time", "--request", id, "--minutes", "30"],
        &db,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("is closed"), "{output:?}");
    let output = run_status(&["staff", "schedule", "--request", "99999"], &db);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("no request 99999"),
        "{output:?}"
    );
    let output = run_status(&["staff", "log-time", "--request", id], &db);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("--minutes"), "{output:?}");
    assert_eq!(balance_of(&server, &cookie), 330_000 - 10_200);
    assert!(server.terminate().success());

    let missing = dir.0.join("missing.sqlite3");
    let output = run_status(&["staff", "list"], &missing);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("there is no database"),
        "{output:?}"
    );
    assert!(!missing.exists());
}

/// Issue 14's staff commands: a quote, an escalation, the ratings with their monthly
/// average, and auto-close with the clock moved on (`--now`).
#[test]
fn staff_quote_escalate_ratings_and_auto_close_with_a_moved_clock() {
    let dir = TempDir::new("cli-loop");
    let db = dir.0.join("portal.sqlite3");
    run(&["reset-demo"], &db);
    let listed = run(&["staff", "list"], &db);
    let id_of = |title: &str| -> String {
        let line = listed
            .lines()
            .find(|l| l.ends_with(title))
            .unwrap_or_else(|| panic!("{title}: {listed}"));
        line.split('\t').next().expect("id").to_owned()
    };
    let rollout = id_of("SOLIDWORKS PDM roll-out for the design office");
    let quoted = run(
        &[
            "staff",
            "quote",
            "--request",
            &rollout,
            "--amount",
            "420000",
            "--valid-until",
            "2099-12-31",
            "--text",
            "Three days on site",
        ],
        &db,
    );
    assert!(quoted.contains("valid until 2099-12-31"), "{quoted}");
    let escalated = run(
        &[
            "staff",
            "escalate",
            "--request",
            &rollout,
            "--reference",
            "SR0000042",
        ],
        &db,
    );
    assert!(escalated.contains("SR0000042"), "{escalated}");
    let bad = run_status(
        &["staff", "quote", "--request", &rollout, "--amount", "0"],
        &db,
    );
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    let ratings = run(&["staff", "ratings"], &db);
    assert!(ratings.contains("average 5.00 of 1 rating"), "{ratings}");

    // The two resolved demo requests wait; a week and a day later they close themselves.
    let resolved = |listed: &str| {
        listed
            .lines()
            .filter(|l| l.contains("\tresolved\t"))
            .count()
    };
    assert_eq!(resolved(&listed), 2);
    let today = run(&["staff", "auto-close"], &db);
    assert!(today.starts_with("closed 0 "), "{today}");
    let later = time::OffsetDateTime::now_utc().date() + time::Duration::days(8);
    let moved = run(&["staff", "auto-close", "--now", &later.to_string()], &db);
    assert!(moved.starts_with("closed 2 "), "{moved}");
    assert_eq!(resolved(&run(&["staff", "list"], &db)), 0);
}
