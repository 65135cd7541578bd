//! The command line: `serve`, `reset-demo`, `expire-sessions`. Flags win over the
//! environment (`PORTAL_API_ADDR`, `PORTAL_DB`), which wins over the defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::config::{Config, DEFAULT_ADDR, DEFAULT_DB, DEFAULT_SESSION_TTL_MINUTES};

pub const USAGE: &str = "\
usage:
  support-api-server serve [--addr 127.0.0.1:3000] [--db data/portal.sqlite3] [--session-ttl-minutes 480]
      Serves the Support API; creates and seeds the database if the file does not exist.
  support-api-server reset-demo [--db PATH] [--scale]
      Deletes the database and creates it anew with the demo seed (--scale: plus the scale customer).
  support-api-server expire-sessions [--db PATH]
      Marks every session expired (for tests of \"session expired, sign in again\").
environment: PORTAL_API_ADDR and PORTAL_DB stand in for --addr and --db.";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve(Config),
    ResetDemo { db: PathBuf, scale: bool },
    ExpireSessions { db: PathBuf },
    Help,
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
            flags.only("serve", &["--addr", "--db", "--session-ttl-minutes"])?;
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
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(CliError::UnknownCommand(other.to_owned())),
    }
}

/// `--name value`, `--name=value` and bare switches, in any order.
struct Flags(Vec<(String, Option<String>)>);

/// Flags that take no value.
const SWITCHES: &[&str] = &["--scale"];

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
