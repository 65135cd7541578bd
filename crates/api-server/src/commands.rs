//! What each command of [`crate::cli`] does: the command line's side of the server. The
//! staff actions it runs know nothing of the command line; this module opens their
//! transaction and words their results.

use std::io;
use std::path::Path;

use rusqlite::Connection;

use support_api::files::ScanStatus;

use crate::actions::attach;
use crate::actions::staff::{self, StaffError};
use crate::actions::staff_closing;
use crate::cli::{Command, StaffAction};
use crate::db::requests::{self, Actor};
use crate::db::{self, DbError};
use crate::files::store::LocalStore;
use crate::seed::{self, SeedError};
use crate::serve::{self, ServeError};
use crate::time_util::{day_of, now_unix};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("starting the runtime: {0}")]
    Runtime(io::Error),
    #[error(transparent)]
    Serve(#[from] ServeError),
    #[error(transparent)]
    Seed(#[from] SeedError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Staff(#[from] StaffError),
}

/// Runs `command`; what it has to say for scripts goes to stdout.
pub fn run(command: Command) -> Result<(), CommandError> {
    match command {
        Command::Serve(config) => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(CommandError::Runtime)?
            .block_on(serve::serve(config))?,
        Command::ResetDemo { db, scale } => {
            seed::create_demo_db(&db.path, scale)?;
            println!("created the demo database at {}", db.path.display());
        }
        Command::ExpireSessions { db } => {
            let count = db::expire_sessions(&db.path)?;
            println!("expired {count} session(s) in {}", db.path.display());
        }
        Command::Staff { db, by, action } => {
            for line in run_staff(&db.path, &by, action)? {
                println!("{line}");
            }
        }
    }
    Ok(())
}

/// Runs one `staff` action on the database at `path` in its own `BEGIN IMMEDIATE`
/// transaction (it waits for the server's writes, and they for it), and returns the
/// lines to print. Nothing is stored when it fails.
pub fn run_staff(path: &Path, by: &str, action: StaffAction) -> Result<Vec<String>, CommandError> {
    let mut conn = db::open_existing(path)?;
    let tx = db::write_tx(&mut conn).map_err(StaffError::from)?;
    let by = Actor::staff(by);
    let now = now_unix();
    let lines = match action {
        StaffAction::Schedule { request, at } => {
            vec![staff::schedule(&tx, request, at, &by, now)?]
        }
        StaffAction::Comment { request, text } => {
            vec![staff::comment(&tx, request, &text, &by, now)?]
        }
        StaffAction::LogTime {
            request,
            minutes,
            note,
        } => {
            let logged = staff::log_time(&tx, request, minutes, note.as_deref(), &by, now)?;
            let money = |minor| money(&tx, request, minor);
            let mut line = format!("logged {minutes} min on request {request}");
            if let Some(charged) = logged.charged {
                line.push_str(&format!("; charged {}", money(charged)?));
            }
            if let Some(debited) = logged.debited {
                let entries = logged.ledger_entries.len();
                line.push_str(&format!(
                    "; debited {} from SBP credit in {entries} ledger entr{}",
                    money(debited)?,
                    if entries == 1 { "y" } else { "ies" }
                ));
            }
            if let Some(invoiced) = logged.invoiced {
                line.push_str(&format!("; to invoice {}", money(invoiced)?));
            }
            vec![line]
        }
        StaffAction::Resolve { request } => vec![staff::resolve(&tx, request, &by, now)?],
        StaffAction::Close { request } => vec![staff::close(&tx, request, &by, now)?],
        StaffAction::List { customer } => staff::list(&tx, customer.as_deref())?,
        StaffAction::Attach {
            request,
            file,
            comment,
            files_dir,
        } => vec![attach_file(
            &tx,
            path,
            files_dir.as_deref(),
            request,
            &file,
            comment.as_deref(),
            &by,
            now,
        )?],
        StaffAction::Download {
            file,
            out,
            files_dir,
        } => vec![download_file(&tx, path, files_dir.as_deref(), file, &out)?],
        StaffAction::Quote {
            request,
            amount,
            valid_until,
            text,
        } => vec![staff_closing::quote(
            &tx,
            request,
            amount,
            valid_until,
            &text,
            &by,
            now,
        )?],
        StaffAction::Escalate { request, reference } => {
            vec![staff_closing::escalate(&tx, request, &reference, &by, now)?]
        }
        StaffAction::Ratings => staff_closing::ratings(&tx)?,
        StaffAction::AutoClose { days, now: day } => {
            // The clock moved to `day`, at the present time of day.
            let now = day.map_or(now, |day| now + (day - day_of(now)).whole_seconds());
            let closed = staff_closing::auto_close(&tx, days, now)?;
            vec![format!(
                "closed {} resolved request(s) {closed:?}",
                closed.len()
            )]
        }
    };
    tx.commit().map_err(StaffError::from)?;
    Ok(lines)
}

/// An amount of the request's customer's currency, for the command line: `-12.50 CZK`.
fn money(conn: &Connection, request: i64, minor: i64) -> Result<String, StaffError> {
    let currency = requests::currency(conn, request)?.map_or("", |c| c.code());
    let sign = if minor < 0 { "-" } else { "" };
    Ok(format!(
        "{sign}{}.{:02} {currency}",
        minor.abs() / 100,
        minor.abs() % 100
    ))
}

/// `staff attach`: the file into the store, then its row (and comment) in `tx`.
#[allow(clippy::too_many_arguments)]
fn attach_file(
    tx: &Connection,
    db: &Path,
    files_dir: Option<&Path>,
    request: i64,
    file: &Path,
    comment: Option<&str>,
    by: &Actor,
    now: i64,
) -> Result<String, StaffError> {
    let stored = requests::find(tx, None, request)?
        .ok_or_else(|| StaffError(format!("there is no request {request}")))?;
    if !stored.status.takes_comments() {
        return Err(StaffError(format!(
            "request {request} is {}: it takes no files",
            stored.status.as_str()
        )));
    }
    let content = attach::ingest_path(db, files_dir, file)
        .map_err(|err| StaffError(format!("reading {}: {err}", file.display())))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let comment = comment.map(str::trim).filter(|text| !text.is_empty());
    let id = attach::record(
        tx,
        &attach::Attachment {
            request_id: request,
            name: &name,
            content: &content,
            comment,
            scan: ScanStatus::Pending,
        },
        by,
        now,
    )?;
    requests::mark_first_reaction(tx, request, now)?;
    Ok(format!(
        "attached file {id} ({} bytes) to request {request}; pending the virus check",
        content.size
    ))
}

/// `staff download`: a clean file's bytes to `out`.
fn download_file(
    tx: &Connection,
    db: &Path,
    files_dir: Option<&Path>,
    id: i64,
    out: &Path,
) -> Result<String, StaffError> {
    let file =
        db::files::find(tx, id)?.ok_or_else(|| StaffError(format!("there is no file {id}")))?;
    if file.scan != ScanStatus::Clean {
        return Err(StaffError(format!(
            "file {id} is {}: only clean files are served",
            file.scan.as_str()
        )));
    }
    let store = LocalStore::new(&attach::store_dir(db, files_dir));
    let bytes = store
        .copy_out(&file.sha256, out)
        .map_err(|err| StaffError(format!("writing {}: {err}", out.display())))?;
    Ok(format!(
        "saved file {id} ({}, {bytes} bytes) to {}",
        file.name,
        out.display()
    ))
}
