//! Opening the database file: the connection settings every connection shares, the
//! migrations, and the write transaction every state change runs in.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{migrations, sessions};

/// How long a statement waits for another process's lock (the `expire-sessions` helper,
/// a `reset-demo` next to a running server) before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements each connection keeps (`prepare_cached`): more than the distinct
/// statements of the busiest handler, so a request parses no SQL.
const STATEMENT_CACHE: usize = 64;

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

/// What every connection gets, the writer and each reader.
pub fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Opens (creating if needed) the database file, sets the connection up and brings the
/// schema to the latest migration.
pub fn open(path: &Path) -> Result<Connection, DbError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open(path)?;
    configure(&mut conn)?;
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

/// A write transaction that takes the database's write lock at once (`BEGIN IMMEDIATE`),
/// so what it reads cannot change under it before it commits: every state change (a
/// debit, a new request) is one of these, in the server and in the staff commands alike.
pub fn write_tx(conn: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}
