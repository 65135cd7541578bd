//! The handle the handlers share: ONE writer connection and a small pool of read-only
//! ones over the same file. In WAL mode a reader sees the last committed state while the
//! writer writes, so reads run side by side on up to [`readers_for_this_machine`]
//! connections; writes take turns on the writer, each one `BEGIN IMMEDIATE` transaction.
//!
//! SQLite calls block, so they run on tokio's blocking threads, never on the async
//! workers. A task waits for its connection asynchronously (a semaphore of the readers'
//! size, a fair async mutex on the writer) before it takes a blocking thread, so 200
//! waiting requests are 200 parked futures, not 200 blocked threads.

use std::path::Path;
use std::sync::Arc;

use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, Transaction};
use tokio::sync::{Mutex, Semaphore};

use super::connect::{DbError, configure, write_tx};
use crate::error::ApiError;

/// As many readers as the machine runs threads at once, at least 2 (a reader may wait on
/// the disk while another computes) and at most 8 (beyond that they only wait on each
/// other for the CPU).
pub fn readers_for_this_machine() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(cores).unwrap_or(8).clamp(2, 8)
}

#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: r2d2::Pool<SqliteConnectionManager>,
    /// One permit per reader: a task holds one before it asks the pool, so the pool
    /// always has a connection ready and no blocking thread waits in it.
    reader_permits: Arc<Semaphore>,
}

impl Db {
    /// The database at `path`: `writer` (opened and migrated by [`super::open`]) and
    /// `readers` read-only connections beside it.
    pub fn new(writer: Connection, path: &Path, readers: u32) -> Result<Db, DbError> {
        let manager = SqliteConnectionManager::file(path)
            .with_flags(
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )
            .with_init(configure);
        let pool = r2d2::Pool::builder()
            .max_size(readers)
            .min_idle(Some(readers))
            // Connections to a local file do not go stale: no check per checkout.
            .test_on_check_out(false)
            .build(manager)?;
        Ok(Db {
            writer: Arc::new(Mutex::new(writer)),
            readers: pool,
            reader_permits: Arc::new(Semaphore::new(readers as usize)),
        })
    }

    /// Runs `work` on a reader, inside one read transaction: every query of it sees the
    /// same committed state, whatever the writer commits meanwhile. Read-only: a write
    /// fails (SQLITE_READONLY), which a handler must not attempt here.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = Arc::clone(&self.reader_permits)
            .acquire_owned()
            .await
            .map_err(|err| ApiError::internal("waiting for a reader", err))?;
        let pool = self.readers.clone();
        blocking(move || {
            let _permit = permit;
            let mut conn = pool
                .get()
                .map_err(|err| ApiError::internal("taking a reader", err))?;
            let tx = conn.transaction()?;
            let out = work(&tx)?;
            // Ends the read snapshot; nothing was written.
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Runs `work` on the writer inside one write transaction ([`write_tx`]): committed
    /// when `work` succeeds, rolled back when it fails. Writers take turns in the order
    /// they came.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let mut conn = Arc::clone(&self.writer).lock_owned().await;
        blocking(move || {
            let tx = write_tx(&mut conn)?;
            let out = work(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }
}

/// Runs SQLite work on a blocking thread. A panic in `work` is a 500 (the connection
/// stays sound: its transaction rolled back when it was dropped).
async fn blocking<T, F>(work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| ApiError::internal("database task", err))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_fit_the_machine_within_bounds() {
        assert!((2..=8).contains(&readers_for_this_machine()));
    }

    #[tokio::test]
    async fn readers_see_committed_writes_and_cannot_write() {
        let dir = std::env::temp_dir().join(format!("support-api-pool-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pool.sqlite3");
        let _ = std::fs::remove_file(&path);
        let db = Db::new(super::super::open(&path).unwrap(), &path, 2).unwrap();
        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t (x INTEGER)")?))
            .await
            .unwrap();
        db.write(|tx| Ok(tx.execute("INSERT INTO t VALUES (7)", [])?))
            .await
            .unwrap();
        let seen: i64 = db
            .read(|conn| Ok(conn.query_row("SELECT x FROM t", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(seen, 7);
        let refused = db
            .read(|conn| Ok(conn.execute("INSERT INTO t VALUES (8)", [])?))
            .await;
        assert!(matches!(refused, Err(ApiError::Internal(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
