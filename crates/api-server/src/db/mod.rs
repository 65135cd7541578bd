//! SQLite storage: one connection behind a mutex, used from blocking threads. That
//! serialises writes, which is correct and simple at this server's scale.

pub mod accounts;
pub mod catalog;
pub mod codec;
pub mod credit;
pub mod idempotency;
pub mod ledger;
pub mod migrations;
pub mod plan;
pub mod requests;
pub mod sessions;

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::ApiError;

/// How long a statement waits for another process's lock (the `expire-sessions` helper,
/// a `reset-demo` next to a running server) before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migrations: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("there is no database at {0}")]
    Missing(std::path::PathBuf),
}

/// Opens (creating if needed) the database file, sets the connection up and brings the
/// schema to the latest migration.
pub fn open(path: &Path) -> Result<Connection, DbError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL lets readers (and the command-line helpers) work beside the server's writes.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    migrations::migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Ends every session in the database at `path` (the `expire-sessions` command); a
/// running server sees it at the next request, as it keeps no session in memory.
pub fn expire_sessions(path: &Path) -> Result<usize, DbError> {
    let conn = open_existing(path)?;
    Ok(sessions::expire_all(&conn, crate::time_util::now_unix())?)
}

/// Opens the database of a server, for the command-line helpers (`expire-sessions`,
/// `staff`): opening would create an empty database, so a wrong path is an error instead.
pub fn open_existing(path: &Path) -> Result<Connection, DbError> {
    if !path.exists() {
        return Err(DbError::Missing(path.to_owned()));
    }
    open(path)
}

/// Narrows a query being built to rows whose `column` is one of `values`: appends
/// ` AND column IN (?, …)` to `sql` and the values to `params`. No values, no filter.
pub fn and_any_of<'a>(
    sql: &mut String,
    params: &mut Vec<Value>,
    column: &str,
    values: impl IntoIterator<Item = &'a str>,
) {
    let values: Vec<Value> = values
        .into_iter()
        .map(|v| Value::Text(v.to_owned()))
        .collect();
    if !values.is_empty() {
        let marks = vec!["?"; values.len()].join(", ");
        sql.push_str(&format!(" AND {column} IN ({marks})"));
        params.extend(values);
    }
}

/// Splits rows fetched with `LIMIT limit + 1` into the page (at most `limit` rows) and,
/// when there were more, the cursor `cursor_of` makes from the page's last row.
pub fn page<T>(
    mut rows: Vec<T>,
    limit: u32,
    cursor_of: impl FnOnce(&T) -> String,
) -> (Vec<T>, Option<String>) {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = rows.last().filter(|_| more).map(cursor_of);
    (rows, next_cursor)
}

/// A write transaction that takes the database's write lock at once (`BEGIN IMMEDIATE`),
/// so what it reads cannot change under it before it commits: every state change (a
/// debit, a new request) is one of these, in the server and in the staff commands alike.
pub fn write_tx(conn: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

/// The shared handle the handlers use.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    pub fn new(conn: Connection) -> Self {
        Db {
            conn: Arc::new(Mutex::new(conn)),
        }
    }

    /// Runs `work` with the connection on a blocking thread, so SQLite never stalls the
    /// async workers.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic in an earlier closure poisons the mutex; the connection itself is
            // still sound (an open transaction rolled back when it was dropped).
            let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut conn)
        })
        .await
        .map_err(|err| ApiError::Internal(format!("database task: {err}")))?
    }

    /// Runs `work` as [`Db::run`] does, inside one write transaction ([`write_tx`]):
    /// committed when `work` succeeds, rolled back when it fails.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.run(|conn| {
            let tx = write_tx(conn)?;
            let out = work(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }
}
