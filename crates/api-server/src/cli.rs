//! The command line: `serve`, `reset-demo`, `expire-sessions`, `staff <action>`, parsed by
//! clap. Flags win over the environment (`PORTAL_API_ADDR`, `PORTAL_DB`), which wins over
//! the defaults. The doc comments below are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use time::Date;

use crate::actions::staff::DEFAULT_STAFF_NAME;
use crate::config::{Config, DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_DB, days, minutes};

/// The reference Support API server: the Support API over SQLite, with the demo seed.
#[derive(Debug, Parser)]
#[command(
    name = "support-api-server",
    // As given twice, the last value counts (a script may append a flag to override one).
    args_override_self = true,
    after_help = "Environment: PORTAL_API_ADDR and PORTAL_DB stand in for --addr and --db."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Serves the Support API; creates and seeds the database if the file does not exist.
    Serve(Config),
    /// Deletes the database and creates it anew with the demo seed.
    ResetDemo {
        #[command(flatten)]
        db: Database,
        /// Adds the scale customer (admin@scale.demo: 10,000 ledger entries, 2,000
        /// requests), for benchmarks.
        #[arg(long)]
        scale: bool,
    },
    /// Marks every session expired (for tests of "session expired, sign in again").
    ExpireSessions {
        #[command(flatten)]
        db: Database,
    },
    /// The support team's side, on the same database (also while the server runs).
    Staff {
        #[command(flatten)]
        db: Database,
        /// Who acted, as the timeline names them.
        #[arg(
            long,
            global = true,
            value_name = "NAME",
            default_value = DEFAULT_STAFF_NAME,
            allow_hyphen_values = true
        )]
        by: String,
        #[command(subcommand)]
        action: StaffAction,
    },
}

/// `--db` of the commands other than `serve` (whose `Config` has its own).
#[derive(Debug, PartialEq, Eq, Args)]
pub struct Database {
    /// The SQLite database file.
    // Global: `staff` takes it after its action too (`staff list --db PATH`).
    #[arg(
        long = "db",
        value_name = "PATH",
        env = "PORTAL_DB",
        default_value = DEFAULT_DB,
        global = true
    )]
    pub path: PathBuf,
}

/// What `staff` does.
#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum StaffAction {
    /// Schedules the work.
    Schedule {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// The day of the work (default: tomorrow).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        at: Option<Date>,
    },
    /// Comments as the support team.
    Comment {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// The comment, as the customer reads it on the timeline.
        #[arg(long, allow_hyphen_values = true)]
        text: String,
    },
    /// Logs work; debits SBP credit when the request is paid from credit.
    LogTime {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// Minutes worked (above 0).
        #[arg(long, value_parser = minutes)]
        minutes: u32,
        /// What was done, on the timeline and in the ledger.
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Marks the request done (a credit top-up adds its block).
    Resolve {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
    },
    /// Closes a resolved request.
    Close {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
    },
    /// Adds a file as the support team (the customer sees it on the request); the
    /// server's scanner checks it like an upload.
    Attach {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// The file to add.
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// A comment to add with the file (the file then belongs to it).
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        comment: Option<String>,
        /// The server's `--files-dir`, if it has one.
        #[arg(long, value_name = "DIR")]
        files_dir: Option<PathBuf>,
    },
    /// Saves a clean file (by its id) to a path: what a customer sent, for the team.
    Download {
        /// The file's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        file: i64,
        /// Where to write it.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// The server's `--files-dir`, if it has one.
        #[arg(long, value_name = "DIR")]
        files_dir: Option<PathBuf>,
    },
    /// Quotes work priced by agreement; the request waits for an admin's decision. A new
    /// quote replaces an open one.
    Quote {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// The amount in minor units of the customer's currency (cents), above 0.
        #[arg(long, value_name = "MINOR", value_parser = amount)]
        amount: i64,
        /// The last day the quote can be accepted.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        valid_until: Date,
        /// What the amount covers, as the customer reads it.
        #[arg(long, allow_hyphen_values = true)]
        text: String,
    },
    /// Records that the request was escalated to Dassault Systèmes.
    Escalate {
        /// The request's id.
        #[arg(long, value_name = "ID", value_parser = request_id)]
        request: i64,
        /// Dassault Systèmes' service request number (SR...).
        #[arg(long, value_name = "SR")]
        reference: String,
    },
    /// Lists the ratings (month, request, customer, score, comment) and each month's average.
    Ratings,
    /// Closes resolved requests nobody answered for DAYS days (the server does it by itself
    /// every few minutes); `--now` moves the clock, for tests and demos.
    AutoClose {
        /// Days a resolved request waits (the server's --auto-close-days).
        #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_AUTO_CLOSE_DAYS, value_parser = days)]
        days: u32,
        /// Acts as if today were this day (at the present time of day).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
        now: Option<Date>,
    },
    /// Lists requests, newest first: id, customer, status, type, priority, requester, title.
    List {
        /// Only the requests of the customer whose users have e-mail addresses at this
        /// domain (like kowalski-aero.demo).
        #[arg(long, value_name = "EMAIL-DOMAIN")]
        customer: Option<String>,
    },
}

/// `--request`: an id, above 0.
fn request_id(text: &str) -> Result<i64, String> {
    text.parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| "expected a request id".to_owned())
}

/// `--amount`: minor units above 0.
fn amount(text: &str) -> Result<i64, String> {
    text.parse()
        .ok()
        .filter(|minor| *minor > 0)
        .ok_or_else(|| "expected an amount in minor units above 0".to_owned())
}

/// `--at`.
fn day(text: &str) -> Result<Date, String> {
    crate::time_util::parse_client_day(text)
        .ok_or_else(|| "expected a day like 2026-01-31".to_owned())
}

#[cfg(test)]
mod tests;
