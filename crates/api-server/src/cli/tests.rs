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
