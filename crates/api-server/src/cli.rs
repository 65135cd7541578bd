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
mod tests {
    use clap::CommandFactory;
    use clap::error::ErrorKind::{self, *};

    use super::*;
    use crate::config::{DEFAULT_ADDR, DEFAULT_SESSION_TTL_MINUTES};
    use crate::mail::settings::{MailSettings, TlsMode};

    /// Parses `args` as `Cli::try_parse_from` does, but as if neither `PORTAL_API_ADDR`
    /// nor `PORTAL_DB` were set, whatever the environment of the test run (`tests/cli.rs`
    /// covers those).
    fn parse_args(args: &[&str]) -> Result<Command, clap::Error> {
        fn without_env(command: clap::Command) -> clap::Command {
            command
                .mut_args(|arg| arg.env(None::<&'static str>))
                .mut_subcommands(without_env)
        }
        let matches = without_env(Cli::command())
            .try_get_matches_from(["support-api-server"].iter().chain(args))?;
        Ok(<Cli as clap::FromArgMatches>::from_arg_matches(&matches)?.command)
    }

    fn parse(line: &str) -> Result<Command, clap::Error> {
        parse_args(&line.split_whitespace().collect::<Vec<_>>())
    }

    /// Each line is refused, with the kind of error clap reports for it.
    fn assert_refused(cases: &[(&str, ErrorKind)]) {
        for (line, kind) in cases {
            match parse(line) {
                Ok(command) => panic!("{line:?} parsed as {command:?}"),
                Err(err) => assert_eq!(err.kind(), *kind, "{line:?}"),
            }
        }
    }

    fn staff(line: &str) -> (PathBuf, String, StaffAction) {
        match parse(line) {
            Ok(Command::Staff { db, by, action }) => (db.path, by, action),
            other => panic!("{line:?}: {other:?}"),
        }
    }

    #[test]
    fn the_definition_is_sound() {
        Cli::command().debug_assert();
        // What the binary calls, as `parse_args` checks it without the environment.
        let cli = Cli::try_parse_from(["support-api-server", "staff", "close", "--request", "3"]);
        assert!(matches!(
            cli,
            Ok(Cli {
                command: Command::Staff {
                    action: StaffAction::Close { request: 3 },
                    ..
                }
            })
        ));
    }

    #[test]
    fn serve_has_defaults() {
        assert_eq!(
            parse("serve").ok(),
            Some(Command::Serve(Config {
                addr: DEFAULT_ADDR.parse().unwrap(),
                db: PathBuf::from(DEFAULT_DB),
                session_ttl_minutes: DEFAULT_SESSION_TTL_MINUTES,
                sign_in_limit: true,
                secure_cookie: false,
                mail: MailSettings::default(),
                files: Default::default(),
                auto_close_days: DEFAULT_AUTO_CLOSE_DAYS,
            }))
        );
    }

    #[test]
    fn serve_takes_every_flag_in_both_spellings() {
        assert_eq!(
            parse(
                "serve --addr=127.0.0.1:0 --db x.sqlite3 --session-ttl-minutes 5 --no-sign-in-limit \
                 --secure-cookie"
            )
            .ok(),
            Some(Command::Serve(Config {
                addr: "127.0.0.1:0".parse().unwrap(),
                db: PathBuf::from("x.sqlite3"),
                session_ttl_minutes: 5,
                sign_in_limit: false,
                secure_cookie: true,
                mail: MailSettings::default(),
                files: Default::default(),
                auto_close_days: DEFAULT_AUTO_CLOSE_DAYS,
            }))
        );
        // A flag given twice: the last one counts.
        let Ok(Command::Serve(config)) = parse("serve --db a.sqlite3 --db=b.sqlite3") else {
            panic!("serve did not parse");
        };
        assert_eq!(config.db, PathBuf::from("b.sqlite3"));
    }

    #[test]
    fn serve_takes_the_mail_settings() {
        let Ok(Command::Serve(config)) = parse(
            "serve --smtp-host mail.example --smtp-port 587 --smtp-tls starttls --smtp-user u \
             --smtp-password p --mail-from support@example.com --public-url https://p.example/ \
             --mail-retry-max-seconds 2",
        ) else {
            panic!("serve did not parse");
        };
        assert_eq!(
            config.mail,
            MailSettings {
                smtp_host: "mail.example".into(),
                smtp_port: 587,
                smtp_tls: TlsMode::Starttls,
                smtp_user: Some("u".into()),
                smtp_password: Some("p".into()),
                mail_from: "support@example.com".into(),
                public_url: "https://p.example".into(),
                mail_retry_max_seconds: 2,
            }
        );
        assert!(parse("serve --smtp-tls ssl").is_err());
        assert!(parse("serve --public-url example.com").is_err());
        assert!(parse("serve --mail-retry-max-seconds 0").is_err());
    }

    #[test]
    fn serve_refuses_bad_values() {
        assert_refused(&[
            ("serve --addr nowhere", ValueValidation),
            ("serve --addr 127.0.0.1", ValueValidation),
            ("serve --session-ttl-minutes 0", ValueValidation),
            // A negative number reads as a flag.
            ("serve --session-ttl-minutes -5", UnknownArgument),
            ("serve --session-ttl-minutes 1.5", ValueValidation),
            ("serve --addr", InvalidValue),
            ("serve --db=", InvalidValue),
            ("serve --scale", UnknownArgument),
            ("serve extra", UnknownArgument),
        ]);
    }

    #[test]
    fn reset_demo_and_expire_sessions() {
        assert_eq!(
            parse("reset-demo").ok(),
            Some(Command::ResetDemo {
                db: Database {
                    path: DEFAULT_DB.into()
                },
                scale: false
            })
        );
        assert_eq!(
            parse("reset-demo --scale --db x.sqlite3").ok(),
            Some(Command::ResetDemo {
                db: Database {
                    path: "x.sqlite3".into()
                },
                scale: true
            })
        );
        assert_eq!(
            parse("expire-sessions --db=x.sqlite3").ok(),
            Some(Command::ExpireSessions {
                db: Database {
                    path: "x.sqlite3".into()
                }
            })
        );
        assert_refused(&[
            ("expire-sessions --scale", UnknownArgument),
            ("reset-demo --addr 127.0.0.1:0", UnknownArgument),
        ]);
    }

    #[test]
    fn staff_actions_parse() {
        // Values with spaces, or that start with a dash, as the browser tests send them.
        let parsed = parse_args(&[
            "staff",
            "log-time",
            "--request",
            "12",
            "--minutes=90",
            "--note",
            "- two words",
        ]);
        assert_eq!(
            parsed.ok(),
            Some(Command::Staff {
                db: Database {
                    path: DEFAULT_DB.into()
                },
                by: DEFAULT_STAFF_NAME.to_owned(),
                action: StaffAction::LogTime {
                    request: 12,
                    minutes: 90,
                    note: Some("- two words".to_owned())
                }
            })
        );
        assert_eq!(
            staff("staff schedule --request 3 --at 2026-02-28"),
            (
                DEFAULT_DB.into(),
                DEFAULT_STAFF_NAME.to_owned(),
                StaffAction::Schedule {
                    request: 3,
                    at: Some(time::macros::date!(2026 - 02 - 28))
                }
            )
        );
        assert_eq!(
            staff("staff comment --request 3 --text Fixed. --by Ewa").2,
            StaffAction::Comment {
                request: 3,
                text: "Fixed.".to_owned()
            }
        );
        assert_eq!(
            staff("staff resolve --request 3").2,
            StaffAction::Resolve { request: 3 }
        );
        assert_eq!(
            staff("staff close --request 3").2,
            StaffAction::Close { request: 3 }
        );
        assert_eq!(staff("staff list").2, StaffAction::List { customer: None });
        // `--db` and `--by` go before or after the action's own flags, as scripts put them.
        assert_eq!(
            staff("staff list --customer kowalski-aero.demo --by Ewa --db x.sqlite3"),
            (
                "x.sqlite3".into(),
                "Ewa".to_owned(),
                StaffAction::List {
                    customer: Some("kowalski-aero.demo".to_owned())
                }
            )
        );
        assert_eq!(
            staff("staff --db x.sqlite3 --by Ewa list").0,
            PathBuf::from("x.sqlite3")
        );
    }

    #[test]
    fn staff_refuses_what_its_actions_do_not_take() {
        assert_refused(&[
            (
                "staff schedule --request 3 --at 2026-02-30",
                ValueValidation,
            ),
            ("staff schedule --request 3 --at tomorrow", ValueValidation),
            ("staff log-time --request 3 --minutes 0", ValueValidation),
            ("staff log-time --request 3", MissingRequiredArgument),
            ("staff resolve --request 0", ValueValidation),
            ("staff resolve --request x", ValueValidation),
            ("staff close", MissingRequiredArgument),
            ("staff comment --request 3", MissingRequiredArgument),
            ("staff resolve --request 3 --minutes 5", UnknownArgument),
            ("staff list --request 3", UnknownArgument),
            ("staff dance --request 1", InvalidSubcommand),
            ("staff", DisplayHelpOnMissingArgumentOrSubcommand),
        ]);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_refused(&[
            ("", DisplayHelpOnMissingArgumentOrSubcommand),
            ("start", InvalidSubcommand),
            ("--db x.sqlite3 serve", UnknownArgument),
            // Help is an error to clap too; the binary prints it and exits 0.
            ("help", DisplayHelp),
            ("--help", DisplayHelp),
            ("-h", DisplayHelp),
        ]);
    }
}
