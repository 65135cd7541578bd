//! `support-api-server`: the command line of `cli::Cli` (`support-api-server help`), run
//! by `commands`.

use std::process::ExitCode;

use clap::Parser;
use support_api_server::cli::Cli;
use support_api_server::commands;

fn main() -> ExitCode {
    // `help` and `--help` print the help and exit 0; bad arguments print what is wrong
    // with the usage and exit 2.
    let Cli { command } = Cli::parse();
    init_logging();
    match commands::run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Human-readable structured logs on stderr (stdout is for the lines scripts read).
/// `RUST_LOG` takes tracing's target filter syntax, e.g. `info,tower_http=warn` (no access
/// lines).
fn init_logging() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse().ok())
        .unwrap_or_else(|| {
            tracing_subscriber::filter::Targets::new().with_default(tracing::Level::INFO)
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
