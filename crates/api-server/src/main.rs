//! `support-api-server`: the command line of `cli::Cli` (`support-api-server help`).

use std::process::ExitCode;

use clap::Parser;
use support_api_server::cli::{Cli, Command};
use support_api_server::{db, seed, serve};

fn main() -> ExitCode {
    // `help` and `--help` print the help and exit 0; bad arguments print what is wrong
    // with the usage and exit 2.
    let Cli { command } = Cli::parse();
    init_logging();
    let result: Result<(), String> = match command {
        Command::Serve(config) => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|err| format!("starting the runtime: {err}"))
            .and_then(|runtime| {
                runtime
                    .block_on(serve::serve(config))
                    .map_err(|e| e.to_string())
            }),
        Command::ResetDemo { db, scale } => seed::create_demo_db(&db.path, scale)
            .map(|_| println!("created the demo database at {}", db.path.display()))
            .map_err(|err| err.to_string()),
        Command::ExpireSessions { db } => db::expire_sessions(&db.path)
            .map(|count| println!("expired {count} session(s) in {}", db.path.display()))
            .map_err(|err| err.to_string()),
        Command::Staff { db, by, action } => {
            support_api_server::actions::staff::run(&db.path, &by, action)
                .map(|lines| lines.iter().for_each(|line| println!("{line}")))
                .map_err(|err| err.to_string())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Human-readable structured logs on stderr (stdout is for the lines scripts read).
/// `RUST_LOG` takes tracing's target filter syntax, e.g. `info,tower_http=debug`.
fn init_logging() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse().ok())
        .unwrap_or_else(|| {
            tracing_subscriber::filter::Targets::new()
                .with_default(tracing::Level::INFO)
                .with_target("tower_http", tracing::Level::DEBUG)
        });
    use std::io::IsTerminal;
    use tracing_subscriber::prelude::*;
    let colour = std::io::stderr().is_terminal();
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(colour),
        )
        .with(filter)
        .init();
}
