//! The command line: `serve`, `reset-demo`, `expire-sessions`. Flags win over the
//! environment (`PORTAL_API_ADDR`, `PORTAL_DB`), which wins over the defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use time::Date;

use crate::actions::staff::DEFAULT_STAFF_NAME;
use crate::config::{Config, DEFAULT_ADDR, DEFAULT_DB, DEFAULT_SESSION_TTL_MINUTES};

pub const USAGE: &str = "\
usage:
  support-api-server serve [--addr 127.0.0.1:3000] [--db data/portal.sqlite3] [--session-ttl-minutes 480] [--no-sign-in-limit]
      Serves the Support API; creates and seeds the database if the file does not exist.
  support-api-server reset-demo [--db PATH] [--scale]
      Deletes the database and creates it anew with the demo seed (--scale: plus the scale customer).
  support-api-server expire-sessions [--db PATH]
      Marks every session expired (for tests of \"session expired, sign in again\").
  support-api-server staff <action> [--db PATH] [--by NAME] ...
      The support team's side, on the same database (also while the server runs):
        staff schedule --request ID [--at YYYY-MM-DD]   schedule the work (default: tomorrow)
        staff comment --request ID --text TEXT          comment as the support team
        staff log-time --request ID --minutes N [--note TEXT]
                                                        log work; debits SBP credit when the
                                                        request is paid from credit
        staff resolve --request ID                      mark done (a credit top-up adds its block)
        staff close --request ID                        close a resolved request
        staff list [--customer EMAIL-DOMAIN]            list requests, newest first
      --by names who acted on the timeline (default \"Support team\").
environment: PORTAL_API_ADDR and PORTAL_DB stand in for --addr and --db.";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve(Config),
    ResetDemo {
        db: PathBuf,
        scale: bool,
    },
    ExpireSessions {
        db: PathBuf,
    },
    Staff {
        db: PathBuf,
        by: String,
        action: StaffAction,
    },
    Help,
}

/// What `staff` does.
#[derive(Debug, PartialEq, Eq)]
pub enum StaffAction {
    Schedule {
        request: i64,
        at: Option<Date>,
    },
    Comment {
        request: i64,
        text: String,
    },
    LogTime {
        request: i64,
        minutes: u32,
        note: Option<String>,
    },
    Resolve {
        request: i64,
    },
    Close {
        request: i64,
    },
    List {
        customer: Option<String>,
    },
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    #[error("no command given")]
    NoCommand,
    #[error("unknown command {0:?}")]
    UnknownCommand(String),
    #[error("{0} does not take {1}")]
    UnknownFlag(&'static str, String),
    #[error("{0} needs a value")]
    MissingValue(String),
    #[error("{flag}: {value:?} is not {expected}")]
    BadValue {
        flag: &'static str,
        value: String,
        expected: &'static str,
    },
}

/// Parses the arguments after the program name; `env` reads an environment variable.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, CliError> {
    let mut args = args.into_iter();
    let command = args.next().ok_or(CliError::NoCommand)?;
    let action = if command == "staff" {
        Some(
            args.next()
                .filter(|a| !a.starts_with("--"))
                .ok_or_else(|| CliError::MissingValue("staff".into()))?,
        )
    } else {
        None
    };
    let flags = Flags::read(args)?;
    let db = |flags: &Flags| {
        PathBuf::from(
            flags
                .value("--db")
                .or_else(|| env("PORTAL_DB"))
                .unwrap_or_else(|| DEFAULT_DB.to_owned()),
        )
    };
    match command.as_str() {
        "serve" => {
            flags.only(
                "serve",
                &[
                    "--addr",
                    "--db",
                    "--session-ttl-minutes",
                    "--no-sign-in-limit",
                ],
            )?;
            let addr = flags
                .value("--addr")
                .or_else(|| env("PORTAL_API_ADDR"))
                .unwrap_or_else(|| DEFAULT_ADDR.to_owned());
            let addr: SocketAddr = addr.parse().map_err(|_| CliError::BadValue {
                flag: "--addr",
                value: addr.clone(),
                expected: "an address like 127.0.0.1:3000",
            })?;
            let session_ttl_minutes = match flags.value("--session-ttl-minutes") {
                None => DEFAULT_SESSION_TTL_MINUTES,
                Some(text) => text
                    .parse::<u32>()
                    .ok()
                    .filter(|minutes| *minutes > 0)
                    .ok_or(CliError::BadValue {
                        flag: "--session-ttl-minutes",
                        value: text,
                        expected: "a whole number of minutes above 0",
                    })?,
            };
            Ok(Command::Serve(Config {
                addr,
                db: db(&flags),
                session_ttl_minutes,
                sign_in_limit: !flags.has("--no-sign-in-limit"),
            }))
        }
        "reset-demo" => {
            flags.only("reset-demo", &["--db", "--scale"])?;
            Ok(Command::ResetDemo {
                db: db(&flags),
                scale: flags.has("--scale"),
            })
        }
        "expire-sessions" => {
            flags.only("expire-sessions", &["--db"])?;
            Ok(Command::ExpireSessions { db: db(&flags) })
        }
        "staff" => {
            let action = action.unwrap_or_default();
            let by = flags
                .value("--by")
                .unwrap_or_else(|| DEFAULT_STAFF_NAME.to_owned());
            let action = staff_action(&action, &flags)?;
            Ok(Command::Staff {
                db: db(&flags),
                by,
                action,
            })
        }
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(CliError::UnknownCommand(other.to_owned())),
    }
}

fn staff_action(action: &str, flags: &Flags) -> Result<StaffAction, CliError> {
    fn allowed(more: &[&'static str]) -> Vec<&'static str> {
        [["--db", "--by"].as_slice(), more].concat()
    }
    let request = |flags: &Flags| -> Result<i64, CliError> {
        let text = flags
            .value("--request")
            .ok_or_else(|| CliError::MissingValue("--request".into()))?;
        text.parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or(CliError::BadValue {
                flag: "--request",
                value: text,
                expected: "a request id",
            })
    };
    let required = |flags: &Flags, name: &str| {
        flags
            .value(name)
            .ok_or_else(|| CliError::MissingValue(name.to_owned()))
    };
    match action {
        "schedule" => {
            flags.only("staff schedule", &allowed(&["--request", "--at"]))?;
            let at = match flags.value("--at") {
                None => None,
                Some(text) => Some(crate::time_util::parse_client_day(&text).ok_or(
                    CliError::BadValue {
                        flag: "--at",
                        value: text,
                        expected: "a day like 2026-01-31",
                    },
                )?),
            };
            Ok(StaffAction::Schedule {
                request: request(flags)?,
                at,
            })
        }
        "comment" => {
            flags.only("staff comment", &allowed(&["--request", "--text"]))?;
            Ok(StaffAction::Comment {
                request: request(flags)?,
                text: required(flags, "--text")?,
            })
        }
        "log-time" => {
            flags.only(
                "staff log-time",
                &allowed(&["--request", "--minutes", "--note"]),
            )?;
            let text = required(flags, "--minutes")?;
            let minutes =
                text.parse::<u32>()
                    .ok()
                    .filter(|m| *m > 0)
                    .ok_or(CliError::BadValue {
                        flag: "--minutes",
                        value: text,
                        expected: "a whole number of minutes above 0",
                    })?;
            Ok(StaffAction::LogTime {
                request: request(flags)?,
                minutes,
                note: flags.value("--note"),
            })
        }
        "resolve" => {
            flags.only("staff resolve", &allowed(&["--request"]))?;
            Ok(StaffAction::Resolve {
                request: request(flags)?,
            })
        }
        "close" => {
            flags.only("staff close", &allowed(&["--request"]))?;
            Ok(StaffAction::Close {
                request: request(flags)?,
            })
        }
        "list" => {
            flags.only("staff list", &allowed(&["--customer"]))?;
            Ok(StaffAction::List {
                customer: flags.value("--customer"),
            })
        }
        other => Err(CliError::UnknownCommand(format!("staff {other}"))),
    }
}

/// `--name value`, `--name=value` and bare switches, in any order.
struct Flags(Vec<(String, Option<String>)>);

/// Flags that take no value.
const SWITCHES: &[&str] = &["--scale", "--no-sign-in-limit"];

impl Flags {
    fn read(args: impl Iterator<Item = String>) -> Result<Self, CliError> {
        let mut flags = Vec::new();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            if let Some((name, value)) = arg.split_once('=') {
                flags.push((name.to_owned(), Some(value.to_owned())));
            } else if SWITCHES.contains(&arg.as_str()) || !arg.starts_with("--") {
                flags.push((arg, None));
            } else {
                let value = args
                    .next()
                    .ok_or_else(|| CliError::MissingValue(arg.clone()))?;
                flags.push((arg, Some(value)));
            }
        }
        Ok(Flags(flags))
    }

    fn only(&self, command: &'static str, allowed: &[&str]) -> Result<(), CliError> {
        match self
            .0
            .iter()
            .find(|(name, _)| !allowed.contains(&name.as_str()))
        {
            Some((name, _)) => Err(CliError::UnknownFlag(command, name.clone())),
            None => Ok(()),
        }
    }

    fn value(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn serve_has_defaults() {
        let Ok(Command::Serve(config)) = parse(args("serve"), no_env) else {
            panic!("serve did not parse");
        };
        assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(config.db, PathBuf::from(DEFAULT_DB));
        assert_eq!(config.session_ttl_minutes, DEFAULT_SESSION_TTL_MINUTES);
    }

    #[test]
    fn flags_win_over_environment() {
        let env = |name: &str| match name {
            "PORTAL_API_ADDR" => Some("127.0.0.1:4000".to_owned()),
            "PORTAL_DB" => Some("env.sqlite3".to_owned()),
            _ => None,
        };
        let Ok(Command::Serve(config)) = parse(args("serve --db=flag.sqlite3"), env) else {
            panic!("serve did not parse");
        };
        assert_eq!(config.addr.port(), 4000);
        assert_eq!(config.db, PathBuf::from("flag.sqlite3"));
        assert_eq!(
            parse(args("reset-demo --scale --db x.sqlite3"), env),
            Ok(Command::ResetDemo {
                db: "x.sqlite3".into(),
                scale: true
            })
        );
        assert_eq!(
            parse(args("expire-sessions"), env),
            Ok(Command::ExpireSessions {
                db: "env.sqlite3".into()
            })
        );
    }

    #[test]
    fn staff_actions_parse() {
        let parsed = parse(
            vec![
                "staff".to_owned(),
                "log-time".to_owned(),
                "--request".to_owned(),
                "12".to_owned(),
                "--minutes=90".to_owned(),
                "--note".to_owned(),
                "two words".to_owned(),
            ],
            no_env,
        );
        assert_eq!(
            parsed,
            Ok(Command::Staff {
                db: PathBuf::from(DEFAULT_DB),
                by: DEFAULT_STAFF_NAME.to_owned(),
                action: StaffAction::LogTime {
                    request: 12,
                    minutes: 90,
                    note: Some("two words".to_owned())
                }
            })
        );
        assert!(matches!(
            parse(args("staff schedule --request 3 --at 2026-02-30"), no_env),
            Err(CliError::BadValue { flag: "--at", .. })
        ));
        assert!(matches!(
            parse(args("staff list --customer kowalski-aero.demo --by Ewa"), no_env),
            Ok(Command::Staff { action: StaffAction::List { customer: Some(_) }, ref by, .. }) if by == "Ewa"
        ));
        assert!(matches!(
            parse(args("staff log-time --request 3 --minutes 0"), no_env),
            Err(CliError::BadValue { .. })
        ));
        assert!(matches!(
            parse(args("staff comment --request 3"), no_env),
            Err(CliError::MissingValue(_))
        ));
        assert!(matches!(
            parse(args("staff resolve --request 3 --minutes 5"), no_env),
            Err(CliError::UnknownFlag(..))
        ));
        assert!(matches!(
            parse(args("staff"), no_env),
            Err(CliError::MissingValue(_))
        ));
        assert!(matches!(
            parse(args("staff dance --request 1"), no_env),
            Err(CliError::UnknownCommand(_))
        ));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(parse(args(""), no_env), Err(CliError::NoCommand));
        assert!(matches!(
            parse(args("start"), no_env),
            Err(CliError::UnknownCommand(_))
        ));
        assert!(matches!(
            parse(args("serve --scale"), no_env),
            Err(CliError::UnknownFlag(..))
        ));
        assert!(matches!(
            parse(args("serve --addr"), no_env),
            Err(CliError::MissingValue(_))
        ));
        assert!(matches!(
            parse(args("serve --addr nowhere"), no_env),
            Err(CliError::BadValue { .. })
        ));
        assert!(matches!(
            parse(args("serve --session-ttl-minutes 0"), no_env),
            Err(CliError::BadValue { .. })
        ));
    }
}
